"""Tables whose columns are aligned with spaces (``pdftotext -layout`` and plain-text exports).

A table starts at a header line of at least three cells separated by two or more spaces, one of
them a task-table header word (STT, Nội dung, Chủ trì, Thời gian …). Its columns are the gutters:
character positions that are blank on every line of the table. Lines are taken while the table
keeps its columns (a line of body text crosses the gutters and ends it; a blank line or a page
number inside is a page break). A line with text in the first column starts a row; a line
without goes on in the cells of the row above (wrapped cells), and before the first row, in the
header's cells.
"""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.table_header import HEADER_ROW_WORDS
from .blocks import Loc, Row
from .lines import PAGE_MARK
from .normalize import normalize_text

_FIELDS = rx.compile(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)")
HEADER_WORD = rx.compile(HEADER_ROW_WORDS)
MAX_BLANKS = 3


def _cells(line: str) -> list[tuple[int, str]]:
    """(start, text) of each run of text separated by two or more spaces."""
    return [(m.start(), m.group(0)) for m in _FIELDS.finditer(line)]


def is_header_line(line: str) -> bool:
    """A line that can open a space-aligned task table."""
    if "   " not in line.strip() and "  " not in line.strip():
        return False
    cells = _cells(line.rstrip())
    if len(cells) < 3:
        return False
    hits = sum(1 for _, t in cells if HEADER_WORD.search(ascii_fold(t)))
    return hits >= 2


def _blank_columns(lines: list[str], width: int) -> list[bool]:
    blank = [True] * width
    for line in lines:
        for k, ch in enumerate(line[:width]):
            if not ch.isspace():
                blank[k] = False
    return blank


def _gutters(blank: list[bool], first: int) -> list[tuple[int, int]]:
    """Runs of at least two blank positions after the first text: (start, end)."""
    out, k = [], first
    while k < len(blank):
        if blank[k]:
            j = k
            while j < len(blank) and blank[j]:
                j += 1
            if j - k >= 2 and j < len(blank):
                out.append((k, j))
            k = j
        else:
            k += 1
    return out


def _columns(lines: list[str]) -> list[tuple[int, int]]:
    """Column spans (start, end) from the gutters of ``lines``."""
    width = max(len(line) for line in lines)
    first = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    gutters = _gutters(_blank_columns(lines, width), first)
    starts = [first] + [end for _, end in gutters]
    ends = [start for start, _ in gutters] + [width]
    return list(zip(starts, ends, strict=True))


def aligned_table(lines: list[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of the space-aligned table whose header is line ``start``, and the index after it."""
    header_cells = len(_cells(lines[start].rstrip()))
    taken = [start]
    i, blanks = start + 1, 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip() or PAGE_MARK.match(line):
            blanks += 1
            if blanks > MAX_BLANKS:
                break
            i += 1
            continue
        trial = [lines[k].rstrip() for k in taken] + [line]
        if len(_columns(trial)) < header_cells:
            break
        taken.append(i)
        blanks = 0
        i += 1
    if len(taken) < 2:
        return None
    texts = [lines[k].rstrip() for k in taken]
    cols = _columns(texts)
    rows: list[Row] = []
    cur: list[list[str]] | None = None
    for k, text in zip(taken, texts, strict=True):
        parts = [text[a:b].strip() for a, b in cols]
        after_break = bool(rows) and k > taken[taken.index(k) - 1] + 1
        if cur is None or parts[0] or after_break and parts[0]:
            cur = [[p] if p else [] for p in parts]
            rows.append(Row(cur, Loc(k + 1), [k + 1], after_break=after_break))
            continue
        for c, p in enumerate(parts):
            if p:
                cur[c] = [normalize_text(f"{' '.join(cur[c])} {p}")] if cur[c] else [p]
        rows[-1].lines.append(k + 1)
    rows = [Row([[normalize_text(p) for p in c if normalize_text(p)] for c in r.cells], r.loc, r.lines, r.after_break)
            for r in rows]
    return rows, taken[-1] + 1
