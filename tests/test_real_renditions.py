"""The real plans of tests/real/ as Word files, PDFs, web pages and the PDFs printed from those pages
(tests/real/renditions/, made by scripts/make_real_renditions.py) give the plan their Markdown gives: header, every task, its lead,
its cooperating agencies and its deadline. Where a rendition is read differently, a warning on
that task must say so, and the difference is listed here with its reason."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from kehoach import extract_file

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "real"
CASES = [(md.stem, fmt) for md in sorted(REAL.glob("r*.md")) for fmt in ("docx", "pdf", "html", "-html.pdf")]
KNOWN: dict[tuple[str, str], int] = {}
"""Renditions that lose tasks, with the reason (none since a numbered heading filling its line is
told from a sentence's first line by the sentence the next line opens)."""


def _rendition(stem: str, fmt: str) -> Path:
    return REAL / "renditions" / (stem + fmt if fmt.startswith("-") else f"{stem}.{fmt}")


@lru_cache(maxsize=8)  # a plan and its renditions, tested one after the other
def _plan(path: Path) -> dict:
    return extract_file(str(path))


def _key(task: dict) -> str:
    return " ".join((task.get("title") or "").lower().split())[:40]


def _fields(task: dict) -> tuple:
    return tuple(task["lead"]), tuple(task.get("support") or ()), (task.get("deadline") or {}).get("end")


def test_every_real_plan_has_its_renditions():
    for stem, fmt in CASES:
        assert _rendition(stem, fmt).is_file(), (stem, fmt)


@pytest.mark.parametrize("stem,fmt", CASES, ids=[_rendition(s, f).name for s, f in CASES])
def test_a_rendition_gives_the_markdowns_plan(stem, fmt):
    base = _plan(REAL / f"{stem}.md")
    got = _plan(_rendition(stem, fmt))
    for field in ("is_plan", "number", "date", "type"):
        assert got["document"][field] == base["document"][field], field
    want = {_key(t): _fields(t) for t in base["tasks"]}
    read = {_key(t): t for t in got["tasks"]}
    differ = sorted({*want} ^ {*read} | {k for k in want.keys() & read.keys() if _fields(read[k]) != want[k]})
    unread = [k for k in differ if k in want and k not in read]
    wrong = [read[k] for k in differ if k in read]
    assert len(unread) == KNOWN.get((stem, fmt), 0), differ
    said = " ".join(w["message"] for w in got["warnings"])
    assert [t["id"] for t in wrong if f"task {t['id']}:" not in said] == []  # read otherwise: warned
