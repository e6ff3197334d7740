from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
CASES = ROOT / "tests" / "cases"


def load_cases(name: str) -> list[dict]:
    import yaml

    return yaml.safe_load((CASES / name).read_text(encoding="utf-8"))


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    return ROOT
