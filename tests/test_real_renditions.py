"""The real plans of tests/real/ as Word files, PDFs, web pages and the PDFs printed from those pages,
and as the text other tools make of them (pdftotext with and without -layout, LibreOffice's text
export, pandoc's Markdown and plain text, docx2txt's text) (tests/real/renditions/, made by scripts/make_real_renditions.py) give the plan their Markdown
gives: header, every task, its lead, its cooperating agencies and its deadline. Where a rendition is
read differently, a warning on that task (naming it, or standing at its line: a row's doubt) must say so; tasks a rendition loses are listed here with
their reason and the warning that says so (nothing silent is listed: a silent difference is a bug,
marked as an expected failure in SILENT until it is fixed)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from kehoach import extract_file

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "real"
TEXTS = ("-layout.txt", "-plain.txt", "-html-layout.txt", "-html-plain.txt", "-lo.txt", "-w3m.txt",
         "-pandoc.md", "-pandoc.txt", "-pandoc-gfm.md", "-docx2txt.txt", "-html2text.md", "-markitdown.md",
         "-markitdown-pdf.md", "-mammoth.md", "-pymupdf4llm.md", "-pandoc-html.md", "-pandoc-html.txt",
         "-pandoc-html-commonmark.md")
CASES = [(md.stem, fmt) for md in sorted(REAL.glob("r*.md")) for fmt in ("docx", "pdf", "html", "-html.pdf", *TEXTS)]
_FLOW = "pdftotext without -layout gives a table one cell a line: the appendix's table is not read"
_CLOSE = "the page printed from HTML sets cells close, -layout interleaves the rows"
_PIECES = ("markitdown cuts a PDF's table into pipe-table pieces, a row's first line at times outside any piece and each "
           "cell's overflow printed as lines of text after its piece: most rows are not read")
KNOWN: dict[tuple[str, str], tuple[int, str, str]] = {
    ("r02-bacninh-144-kh-ubnd", "-plain.txt"): (19, "appendix-unread", _FLOW),
    ("r02-bacninh-144-kh-ubnd", "-html-plain.txt"): (19, "appendix-unread", _FLOW),
    ("r08-dongthap-552-kh-ubnd", "-plain.txt"): (14, "appendix-unread", _FLOW),
    ("r08-dongthap-552-kh-ubnd", "-html-plain.txt"): (14, "appendix-unread", _FLOW),
    ("r12-hanoi-310-kh-ubnd", "-plain.txt"): (6, "appendix-unread", _FLOW),
    ("r12-hanoi-310-kh-ubnd", "-html-plain.txt"): (6, "appendix-unread", _FLOW),
    ("r12-hanoi-310-kh-ubnd", "-html-layout.txt"): (6, "table-rows-interleaved", _CLOSE),
    ("r02-bacninh-144-kh-ubnd", "-html-layout.txt"): (10, "table-rows-interleaved", _CLOSE),
    ("r08-dongthap-552-kh-ubnd", "-html-layout.txt"): (13, "table-rows-interleaved", _CLOSE),
    ("r02-bacninh-144-kh-ubnd", "-markitdown-pdf.md"): (19, "appendix-unread", _PIECES),
    ("r08-dongthap-552-kh-ubnd", "-markitdown-pdf.md"): (14, "appendix-unread", _PIECES),
    ("r12-hanoi-310-kh-ubnd", "-markitdown-pdf.md"): (6, "table-no-header", _PIECES),
}
"""Renditions that lose tasks: (how many, the warning that says so, the reason)."""
_SENTENCE_WRAP = ("a line wrapped right after a sentence's full stop, the next starting with a capital, is read as a new "
                  "paragraph (a task of its own): pandoc always parts paragraphs by a blank line, a portal's page not")
SILENT: dict[tuple[str, str], str] = {
    ("r12-hanoi-310-kh-ubnd", "-pandoc.md"): _SENTENCE_WRAP,
    ("r12-hanoi-310-kh-ubnd", "-pandoc.txt"): _SENTENCE_WRAP,
}
"""Renditions read otherwise without a warning on the task: bugs to fix (expected failures until then)."""


def _rendition(stem: str, fmt: str) -> Path:
    return REAL / "renditions" / (stem + fmt if fmt.startswith("-") else f"{stem}.{fmt}")


@lru_cache(maxsize=8)  # a plan and its renditions, tested one after the other
def _plan(path: Path) -> dict:
    return extract_file(str(path))


_QUOTES = str.maketrans("“”‘’", "\"\"''")


def _key(task: dict) -> str:
    """A task's title, its quotes straight (pandoc's Markdown writes “…” as "…")."""
    return " ".join((task.get("title") or "").lower().translate(_QUOTES).split())[:40]


def _fields(task: dict) -> tuple:
    return tuple(task["lead"]), tuple(task.get("support") or ()), (task.get("deadline") or {}).get("end")


def test_every_real_plan_has_its_renditions():
    for stem, fmt in CASES:
        assert _rendition(stem, fmt).is_file(), (stem, fmt)


def _case(stem: str, fmt: str):
    reason = SILENT.get((stem, fmt))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(stem, fmt, marks=marks, id=_rendition(stem, fmt).name)


@pytest.mark.parametrize("stem,fmt", [_case(s, f) for s, f in CASES])
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
    count, code, _reason = KNOWN.get((stem, fmt), (0, "", ""))
    assert len(unread) == count, differ
    assert not code or code in {w["code"] for w in got["warnings"]}, code  # a loss is warned
    said = " ".join(w["message"] for w in got["warnings"])
    at = {(w.get("loc") or {}).get("line") for w in got["warnings"]}  # (a row's doubt stands at the row)
    assert [t["id"] for t in wrong if f"task {t['id']}:" not in said and t["loc"]["line"] not in at] == []  # warned
