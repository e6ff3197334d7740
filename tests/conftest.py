from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
CASES = ROOT / "tests" / "cases"
os.environ.setdefault("KEHOACH_NO_PATTERN_CACHE", "1")  # tests write nothing to the user's cache directory


def load_cases(name: str) -> list[dict]:
    import yaml

    return yaml.safe_load((CASES / name).read_text(encoding="utf-8"))


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    return ROOT
