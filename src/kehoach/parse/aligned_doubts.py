"""Doubts on the rows of a space-aligned table (:mod:`kehoach.parse.aligned`): lines that do not fit
the table's columns, cells that may go on with the row above's, names cut at a gutter, cells that
stood one space apart, and rows lost where the columns could not be followed."""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold, starts_lower
from ..vocab.agencies import CUT_HEAD
from .aligned_header import runs_of
from .aligned_words import WordTable
from .blocks import Row
from .lines import PAGE_MARK

_FIELDS = rx.compile(r"\S(?:\s?\S)*")
_CUT_HEAD = rx.compile(CUT_HEAD)
_ROW_NUMBER = rx.compile(r"^(?:\d+(?:\.\d+)*|[IVXLC]+)\.?$")
_AGENCY_COLUMN = rx.compile(r"chu tri|phoi hop|thuc hien|phu trach")
_AHEAD = 4
_TIME_HEAD = rx.compile(r"thoi gian|thoi han|tien do")
_WORD = rx.compile(r"\p{L}{2,}")
"""A word, not a mark ("x")."""
_TIME = rx.compile(r"(?<!\S)(?:(?:19|20)\d\d|quy [ivx]+\b|thang \d)")
"""A time in folded text: a year standing alone, a quarter, a month."""


def fields(line: str) -> list[tuple[int, str]]:
    """(start, text) of each run of text separated by two or more spaces."""
    return [(m.start(), m.group(0)) for m in _FIELDS.finditer(line)]


def joined(rows: list[Row], doubtful: frozenset[int]) -> None:
    """A doubt on each row with a line (0-based, of ``doubtful``) whose cells stood one space apart."""
    for row in rows:
        joined = [n for n in row.lines if n - 1 in doubtful]
        if joined:
            row.doubts.append(("table-cells-joined", f"line {joined[0]}: two cells stood one space apart and were parted where "
                               "the next column starts, or a number's text ran across the columns and was read as one cell "
                               "merged across the row; the words next to the split may belong to either cell (check them)"))


def off_scale(lines: list[str], found: WordTable) -> set[int]:
    """Lines (1-based) opening a page whose runs of text start where no line of the other pages'
    does: the page is drawn to a scale of its own (no header repeated there to find its columns by).
    The other pages' starts are all the lines' less the page's own (linear in the lines)."""
    page, pages = 0, []
    for p in range(len(found.taken)):
        page += bool(p and found.paged[p])
        pages.append(page)
    starts = [[s for s, _, _ in runs_of(lines[k].replace("\f", "").rstrip())] for k in found.taken]
    total: dict[int, int] = {}  # how many lines (the header's aside) start a run at each position
    own: dict[int, dict[int, int]] = {}  # the same, each page's lines
    for q in range(1, len(starts)):
        mine = own.setdefault(pages[q], {})
        for x in starts[q]:
            total[x] = total.get(x, 0) + 1
            mine[x] = mine.get(x, 0) + 1
    common = sum(1 for n in total.values() if n >= 2)
    out = set()
    for p, k in enumerate(found.taken):
        if p and found.paged[p] and any(found.parts[p]):
            mine = own.get(pages[p], {})

            def elsewhere(x: int, mine: dict[int, int] = mine) -> int:
                return total.get(x, 0) - mine.get(x, 0)
            known = common - sum(1 for x in mine if total[x] >= 2) + sum(1 for x in mine if elsewhere(x) >= 2)
            if known and any(all(elsewhere(y) < 2 for y in (x - 1, x, x + 1)) for x in starts[p]):
                out.add(k + 1)
    return out


def misfits(rows: list[Row], apart: set[int]) -> None:
    """A doubt on each row with a line (of ``apart``) holding two pieces of text far apart in one column."""
    for row in rows:
        if apart.intersection(row.lines):
            line = min(apart.intersection(row.lines))
            row.doubts.append(("table-misaligned", f"line {line}: two pieces of text far apart in one column (the line does "
                               "not fit the table's columns: a row on a page drawn to another scale?); check the row"))


def spilled(rows: list[Row], top: bool = False) -> None:
    """A doubt on a row whose agency cell (under a "chủ trì"/"phối hợp" header) starts in lower case
    right under the row above's cell: the words go on with that cell ("Văn phòng Ủy ban" over "nhân dân
    tỉnh": a cell merged over both rows, printed from the top, or lines shared out to the wrong row).
    With cells set at the top (``top``) a row's own cell starts on its first line, so the words can only be
    the rest of a cell merged down from above, longer than its first row: they are read with it, and the
    row's cell is left empty (the merged cell's, taken from above as merged cells are)."""
    if len(rows) < 3:
        return
    columns = [c for c, head in enumerate(rows[0].cells) if _AGENCY_COLUMN.search(ascii_fold(" ".join(head)))]
    filled: dict[int, Row] = {}
    for above, row in zip(rows[1:], rows[2:], strict=False):
        for c in columns:
            if c < len(above.cells) and above.cells[c]:
                filled[c] = above
        lower = [c for c in columns if c < len(row.cells) and row.cells[c] and c in filled and starts_lower(row.cells[c][0])
                 and (top or filled[c] is above)]
        if not lower:
            continue
        c = lower[0]
        first = filled[c].cells[c]
        if not top or not _WORD.search(row.cells[c][0]) or _unsure(row) or _unsure(filled[c]):
            # (marks, "x"; and cells the reader parted at one space or found out of their columns: the words may
            # be another cell's)
            row.doubts.append(("table-cell-spilled", f"column {c + 1} starts in lower case ({row.cells[c][0][:30]!r}) under "
                               f"{first[-1][-30:]!r}: the words may go on with the row above's cell (check both rows)"))
            continue
        words = " ".join(row.cells[c])
        row.doubts.append(("table-cell-spilled", f"column {c + 1} starts in lower case ({words[:30]!r}) under {first[-1][-30:]!r}: "
                           "read as the rest of that cell, merged down over this row (check both rows)"))
        filled[c].doubts.append(("table-cell-spilled", f"column {c + 1} goes on in lower case in the row below ({words[:30]!r}): "
                                 "read as the rest of this cell, merged down over that row (check both rows)"))
        first[-1] = f"{first[-1]} {words}"
        row.cells[c] = []


def _unsure(row: Row) -> bool:
    return any(code in ("table-cells-joined", "table-misaligned") for code, _ in row.doubts)


def timed(rows: list[Row]) -> None:
    """A doubt on a row whose agency cell (under "chủ trì"/"phối hợp", not a time's header) holds a
    time ("Quý I/2026", a year standing alone): a cell of the deadline column read into it (cells
    centred or one space apart), the deadline then missing."""
    if len(rows) < 2:
        return
    heads = [ascii_fold(" ".join(head)) for head in rows[0].cells]
    columns = [c for c, head in enumerate(heads) if _AGENCY_COLUMN.search(head) and not _TIME_HEAD.search(head)]
    for row in rows[1:]:
        hit = next((c for c in columns if c < len(row.cells) and _TIME.search(ascii_fold(" ".join(row.cells[c])))), None)
        if hit is not None:
            row.doubts.append(("table-misaligned", f"column {hit + 1} holds a time ({' '.join(row.cells[hit])[:40]!r}) "
                               "among agencies: a cell of the deadline column read into it? (check the row)"))


def cut_names(row: Row) -> None:
    """A doubt on a row with a cell that ends in an agency's head word ("…; Sở", "Trung tâm") beside
    a cell with text: the name was cut at the gutter, its rest in the next column."""
    cells = [" ".join(c) for c in row.cells]
    for k, (cell, after) in enumerate(zip(cells, cells[1:], strict=False)):
        m = _CUT_HEAD.search(cell)
        if m and after:
            row.doubts.append(("agency-cut", f"column {k + 1} ends in {m.group(0).strip()!r} and the next column "
                               f"starts {' '.join(after.split()[:3])!r}: an agency's name cut at the gutter (check both cells)"))
            return


def lost(rows: list[Row], lines: list[str], at: int | None, starts: list[int]) -> list[Row]:
    """``rows`` with a doubt on the last one when the table, cut at line ``at`` because its columns
    could not be kept there (a cell's text one space from the next column), goes on after it (lines
    with several cells starting where the table's columns start, or a line opened by a row number in
    the first column with cells beside it or its text running across the columns, every cell one space
    from the next): those rows are not read."""
    if at is None:
        return rows
    ahead = [ln.replace("\f", "").rstrip() for ln in lines[at:at + 3 * _AHEAD] if ln.strip() and not PAGE_MARK.match(ln)][:_AHEAD]
    aligned = [ln for ln in ahead if sum(1 for s, _ in fields(ln) if any(abs(s - a) <= 1 for a in starts)) >= 2]
    numbered = [r for r in map(runs_of, ahead) if (len(r) >= 2 or len(starts) > 2 and r[0][1] > starts[2])
                and abs(r[0][0] - starts[0]) <= 2 and _ROW_NUMBER.match(r[0][2].split(" ")[0])]  # (or one run across the columns)
    if len(rows) > 1 and (len(aligned) >= 2 or numbered):
        rows[-1].doubts.append(("table-columns-lost", f"the table's columns could not be followed from line {at + 1} "
                                "on (a cell's text one space from the next column); its rows from there were not read"))
    elif len(rows) > 1 and "\f" in lines[at] and starts_lower(lines[at].replace("\f", "").strip()):
        rows[-1].doubts.append(("table-columns-lost", f"line {at + 1}, opening a page drawn to a scale of its own, goes on "
                                "in lower case (the end of this row?) but does not fit the table's columns; it was not read"))
    return rows
