"""The plan as YAML or JSON: UTF-8, model order, document order, deterministic."""

from __future__ import annotations

import json


def to_json(plan: dict) -> str:
    return json.dumps(plan, ensure_ascii=False, indent=2) + "\n"


def to_yaml(plan: dict) -> str:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(plan, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100000,
                     default_flow_style=False)
