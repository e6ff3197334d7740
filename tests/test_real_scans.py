"""Real plans printed and scanned back as a scanner's "document" mode gives them (200 dpi, black and
white; tests/real/renditions/<stem>-scan.pdf, made by scripts/make_real_renditions.py --scans) give,
read with --ocr, the plan their Markdown gives: header, every task, its lead, its cooperating
agencies and its deadline. OCR misreads words; where a task's field is read otherwise, a warning on
that task must say so (``task ID: …``). Tasks a scan loses are listed in KNOWN with their reason and
the warning that says so; tasks read otherwise without a warning on them are bugs, listed in SILENT
as expected failures until they are fixed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kehoach import extract_file
from kehoach.parse import ocr

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "real"
SCANS = sorted(p.name.removesuffix("-scan.pdf") for p in (REAL / "renditions").glob("r*-scan.pdf"))
KNOWN: dict[str, tuple[int, str, str]] = {}
"""Scans that lose tasks: (how many, the warning that says so, the reason)."""
SILENT: dict[str, str] = {}
"""Scans read otherwise without a warning on the task: bugs to fix (expected failures until then)."""
MISSING = ocr.missing_engine()
SAME = 80
"""How alike (rapidfuzz's ratio, in %) the openings of two titles are when they are one task's, the
scan's read with OCR's slips."""


def _key(task: dict) -> str:
    return " ".join((task.get("title") or "").lower().split())[:40]


def _fields(task: dict) -> tuple:
    return tuple(task["lead"]), tuple(task.get("support") or ()), (task.get("deadline") or {}).get("end")


def _pairs(want: list[dict], got: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict]]:
    """Each of the Markdown's tasks with the scan's task whose title opens most alike (at least
    :data:`SAME`), in document order; and the tasks with none."""
    from rapidfuzz import fuzz

    free = list(got)
    pairs, unread = [], []
    for task in want:
        best = max(free, key=lambda t: fuzz.ratio(_key(task), _key(t)), default=None)
        if best is None or fuzz.ratio(_key(task), _key(best)) < SAME:
            unread.append(task)
            continue
        free.remove(best)
        pairs.append((task, best))
    return pairs, unread


def _case(stem: str):
    reason = SILENT.get(stem)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(stem, marks=marks, id=f"{stem}-scan.pdf")


def test_the_scans_are_small():
    assert len(SCANS) >= 3
    assert sum((REAL / "renditions" / f"{stem}-scan.pdf").stat().st_size for stem in SCANS) < 3_000_000


@pytest.mark.skipif(bool(MISSING) and not os.environ.get("KEHOACH_REQUIRE_OCR"),
                    reason=f"OCR test skipped: {MISSING}; install {ocr.INSTALL}")
@pytest.mark.parametrize("stem", [_case(s) for s in SCANS])
def test_a_scan_gives_the_markdowns_plan(stem):
    base = extract_file(str(REAL / f"{stem}.md"))
    got = extract_file(str(REAL / "renditions" / f"{stem}-scan.pdf"), ocr="auto")
    for field in ("is_plan", "number", "date", "type"):
        assert got["document"][field] == base["document"][field], field
    pairs, unread = _pairs(base["tasks"], got["tasks"])
    count, code, _reason = KNOWN.get(stem, (0, "", ""))
    assert len(unread) == count, [_key(t) for t in unread]
    assert not code or code in {w["code"] for w in got["warnings"]}, code  # a loss is warned
    said = " ".join(w["message"] for w in got["warnings"])
    wrong = [t for want, t in pairs if _fields(t) != _fields(want)]
    assert [t["id"] for t in wrong if f"task {t['id']}:" not in said] == []  # read otherwise: warned
