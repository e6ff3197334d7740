"""Every sample's extraction equals its reviewed golden file, and validates against the schema.

Regenerate after an intended change with `python scripts/regen_goldens.py`, then review the diff.
"""

from __future__ import annotations

import pytest
import yaml

from kehoach import extract_file
from kehoach.export import to_yaml
from kehoach.validate import check_plan

from .conftest import GOLDEN, SAMPLES

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html", ".docx", ".pdf"})


def golden_name(sample: str) -> str:
    """plan.txt -> plan.yaml; plan.docx -> plan-docx.yaml (a text rendition may share the stem)."""
    stem, _, suffix = sample.rpartition(".")
    return f"{stem}-{suffix}.yaml" if suffix in ("docx", "pdf") else f"{stem}.yaml"


def test_every_sample_has_a_golden():
    assert SAMPLE_NAMES, "no samples found"
    missing = [n for n in SAMPLE_NAMES if not (GOLDEN / golden_name(n)).exists()]
    assert not missing, f"samples without a golden: {missing} (run scripts/regen_goldens.py)"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_matches_golden(name, in_root):
    plan = extract_file(f"samples/{name}")
    golden = yaml.safe_load((GOLDEN / golden_name(name)).read_text(encoding="utf-8"))
    got = yaml.safe_load(to_yaml(plan))
    for key in golden:
        assert got[key] == golden[key], f"{name}: '{key}' differs from the golden (scripts/regen_goldens.py)"
    assert got == golden


REAL = GOLDEN.parent / "real"
REAL_NAMES = sorted(p.name for p in REAL.iterdir()
                    if p.suffix in {".txt", ".md", ".html", ".docx", ".pdf"} and (GOLDEN / "real" / golden_name(p.name)).exists())
"""Real documents (tests/real) whose golden has been reviewed; the others are not under test yet."""


@pytest.mark.parametrize("name", REAL_NAMES)
def test_real_document_matches_golden(name, in_root):
    plan = extract_file(f"tests/real/{name}")
    golden = yaml.safe_load((GOLDEN / "real" / golden_name(name)).read_text(encoding="utf-8"))
    got = yaml.safe_load(to_yaml(plan))
    for key in golden:
        assert got[key] == golden[key], f"{name}: '{key}' differs from the golden (scripts/regen_goldens.py --real)"


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("**/*.yaml")), ids=lambda p: p.name)
def test_golden_validates(path):
    problems = check_plan(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert problems == []


EXPORT_GOLDENS = sorted((GOLDEN / "exports").glob("*"))


@pytest.mark.parametrize("path", EXPORT_GOLDENS, ids=lambda p: p.name)
def test_exports_match_golden(path, in_root):
    from kehoach.export import render_checklist, render_timeline

    stem, kind, _ = path.name.rsplit(".", 2)
    sample = next(p for p in SAMPLE_NAMES if p.rsplit(".", 1)[0] == stem and not p.endswith((".docx", ".pdf")))
    plan = extract_file(f"samples/{sample}")
    got = render_checklist(plan, "md") if kind == "checklist" else render_timeline(plan, "mermaid")
    assert got.decode("utf-8") == path.read_text(encoding="utf-8")
