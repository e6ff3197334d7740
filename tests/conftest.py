from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("kehoach", deadline=None)
settings.load_profile("kehoach")  # no property test fails on how long an example took: tests assert no timings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
CASES = ROOT / "tests" / "cases"
os.environ.setdefault("KEHOACH_NO_PATTERN_CACHE", "1")  # tests write nothing to the user's cache directory


def load_script(name: str):
    """A script in scripts/ imported as a module (``load_script("score_heldout")``)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look a module up by name
    spec.loader.exec_module(module)
    return module


def without_loc(x):
    """``x`` with every ``loc`` key left out: two renditions of one document compared by content."""
    if isinstance(x, dict):
        return {k: without_loc(v) for k, v in x.items() if k != "loc"}
    if isinstance(x, list):
        return [without_loc(v) for v in x]
    return x


def load_cases(name: str) -> list[dict]:
    import yaml

    return yaml.safe_load((CASES / name).read_text(encoding="utf-8"))


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    return ROOT
