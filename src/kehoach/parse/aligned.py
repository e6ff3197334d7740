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
from ..vn import ascii_fold, starts_lower
from ..vocab.agencies import CUT_HEAD
from ..vocab.table_header import HEADER_ROW_WORDS
from .aligned_cells import cell_text
from .aligned_header import header_needs_words, header_runs, runs_of
from .aligned_words import MAX_BLANKS, WordTable, ends_table, word_table
from .blocks import Loc, Row
from .lines import BARE_NUMBER, PAGE_MARK
from .normalize import normalize_text

_FIELDS = rx.compile(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)")
HEADER_WORD = rx.compile(HEADER_ROW_WORDS)
_CUT_HEAD = rx.compile(CUT_HEAD)
_APART = rx.compile(r"\S {3,}\S")
"""Two pieces of text three spaces apart or more inside one column's part of a line."""
_ROW_NUMBER = rx.compile(r"^(?:\d+(?:\.\d+)*|[IVXLC]+)\.?$")
_AGENCY_COLUMN = rx.compile(r"chu tri|phoi hop|thuc hien|phu trach")
_INK = rx.compile(r"\S+")
_GUTTER = rx.compile(r"  +(?=x)")
"""A gutter in a :class:`_Blank`'s map: two blank positions or more before one inked."""
_AHEAD = 4
_HEADER_WIDTH = 400
"""The longest line looked at for header cells one space apart (a header line is never long)."""
_ROW_WORDS = 4
_BELOW_ROWS = 1


def _cells(line: str) -> list[tuple[int, str]]:
    """(start, text) of each run of text separated by two or more spaces."""
    return [(m.start(), m.group(0)) for m in _FIELDS.finditer(line)]


def is_header_line(line: str) -> bool:
    """A line that can open a space-aligned task table."""
    if "   " not in line.strip() and "  " not in line.strip():
        return False
    cells = [t for _, t in _cells(line.rstrip())]
    if len(cells) < 3 and len(line) <= _HEADER_WIDTH and len(HEADER_WORD.findall(ascii_fold(line))) >= 2:
        # two header cells one space apart ("Số TT Nội dung")
        cells = [t for _, _, t in header_runs(line.rstrip())]
    if len(cells) < 3:
        return False
    hits = sum(1 for t in cells if HEADER_WORD.search(ascii_fold(t)))
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


class _Blank:
    """The positions blank on every line added so far ("x" inked, " " blank; past a line's end is
    blank), kept as lines are added, so that a table's columns are counted in time linear in its
    lines' length: the same count as ``len(_columns(lines))``."""

    def __init__(self, line: str) -> None:
        self.ink = bytearray()
        self.first = -1  # the least indent of a line with text
        self.add(line)

    def add(self, line: str) -> None:
        if len(line) > len(self.ink):
            self.ink.extend(b" " * (len(line) - len(self.ink)))
        for m in _INK.finditer(line):
            self.ink[m.start():m.end()] = b"x" * (m.end() - m.start())
        if line.strip():
            indent = len(line) - len(line.lstrip())
            self.first = indent if self.first < 0 else min(self.first, indent)

    def columns(self) -> int:
        return 1 + len(_GUTTER.findall(self.ink.decode("ascii"), self.first))


def aligned_table(lines: list[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of the space-aligned table whose header is line ``start``, and the index after it.
    Its columns are the gutters that run its height; when none do up to where the table goes on (a
    narrow table whose cells wrap and touch) or when its header has two cells one space apart or a
    second row (the gutters would join columns), the columns found from its words."""
    found = _gutter_table(lines, start)
    needs = header_needs_words(lines, start)
    if found is None or found.cut is not None or needs:
        words = word_table(lines, start, is_header_line)
        if words is not None and (found is None or words.taken[-1] + needs > found.taken[-1]):
            found = words
    if found is None:
        return None
    return _rows(lines, found), found.taken[-1] + 1


def _gutter_table(lines: list[str], start: int) -> WordTable | None:
    """The table's lines while they keep a gutter between every two of the header's columns, up to
    another table's header or an appendix's heading."""
    header_cells = len(_cells(lines[start].rstrip()))
    top = header_runs(lines[start].replace("\f", "").rstrip())
    taken = [start]
    blank = _Blank(lines[start].replace("\f", "").rstrip())
    i, blanks, cut = start + 1, 0, False
    while i < len(lines):
        line = lines[i].replace("\f", "").rstrip()
        if not line.strip() or PAGE_MARK.match(line):
            blanks += 1
            if blanks > MAX_BLANKS:
                break
            i += 1
            continue
        if ends_table(line, top, is_header_line):
            break
        blank.add(line)
        if blank.columns() < header_cells:
            cut = True
            break
        taken.append(i)
        blanks = 0
        i += 1
    if len(taken) < 2:
        return None
    texts = [lines[k].replace("\f", "").rstrip() for k in taken]  # a form feed opens a page, it takes no column
    cols = _columns(texts)
    parts = [[text[a:b].strip() for a, b in cols] for text in texts]
    broken = [p == 0 or k > taken[p - 1] + 1 or "\f" in lines[k] for p, k in enumerate(taken)]
    return WordTable(taken, parts, broken, broken, [a for a, _ in cols], i if cut else None)


def _rows(lines: list[str], found: WordTable) -> list[Row]:
    """The rows of a table's lines cut into cells: a line with text in the first column starts a row."""
    taken, parts, broken = found.taken, found.parts, found.broken
    for p in range(len(taken)):
        if _page_number(broken, parts, p):
            parts[p] = [""] * len(parts[p])
    starts, doubts = _row_starts(taken, parts, broken)
    starts |= {p for p, k in enumerate(taken) if k in found.heads}  # a header's second row
    apart = {taken[p] + 1 for p in range(1, len(taken)) if any(_APART.search(c) for c in parts[p])} | _off_scale(lines, found)
    if doubts:
        from .centred import centred_rows  # (rows in doubt are rare)

    solved = centred_rows(taken, parts) if doubts else None
    if solved is not None:  # rows not set apart by blank lines, each cell centred on its row's number
        header = Row([[c] if c else [] for c in parts[0]], Loc(taken[0] + 1), [taken[0] + 1])
        _misfits(solved, apart)
        return _lost([header, *solved], lines, found.cut, found.starts)
    rows: list[Row] = []
    cur: list[list[str]] = []
    for p, k in enumerate(taken):
        if p in starts:
            cur = [[c] if c else [] for c in parts[p]]
            rows.append(Row(cur, Loc(k + 1), [k + 1], after_break=bool(rows) and found.paged[p],
                            doubts=[("table-rows-interleaved", doubts[p])] if p in doubts else []))
            continue
        for c, text in enumerate(parts[p]):
            if text:
                cur[c].append(text)
        rows[-1].lines.append(k + 1)
    rows = [Row([[text] if (text := normalize_text(cell_text(c))) else [] for c in r.cells], r.loc, r.lines, r.after_break,
                r.doubts) for r in rows]
    for row in rows:
        joined = [n for n in row.lines if n - 1 in found.doubtful]
        if joined:
            row.doubts.append(("table-cells-joined", f"line {joined[0]}: two cells stood one space apart and were parted where "
                               "the next column starts; the words next to the split may belong to either cell (check them)"))
        _cut_names(row)
    _misfits(rows, apart)
    _spilled(rows)
    return _lost(rows, lines, found.cut, found.starts)


def _off_scale(lines: list[str], found: WordTable) -> set[int]:
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


def _misfits(rows: list[Row], apart: set[int]) -> None:
    """A doubt on each row with a line (of ``apart``) holding two pieces of text far apart in one column."""
    for row in rows:
        if apart.intersection(row.lines):
            line = min(apart.intersection(row.lines))
            row.doubts.append(("table-misaligned", f"line {line}: two pieces of text far apart in one column (the line does "
                               "not fit the table's columns: a row on a page drawn to another scale?); check the row"))


def _spilled(rows: list[Row]) -> None:
    """A doubt on a row whose agency cell (under a "chủ trì"/"phối hợp" header) starts in lower case
    right under the row above's cell: the words go on with that cell ("Văn phòng Ủy ban" over "nhân dân
    tỉnh": a cell merged over both rows, printed from the top, or lines shared out to the wrong row)."""
    if len(rows) < 3:
        return
    columns = [c for c, head in enumerate(rows[0].cells) if _AGENCY_COLUMN.search(ascii_fold(" ".join(head)))]
    for above, row in zip(rows[1:], rows[2:], strict=False):
        lower = [c for c in columns if c < len(row.cells) and row.cells[c] and c < len(above.cells) and above.cells[c]
                 and starts_lower(row.cells[c][0])]
        if lower:
            c = lower[0]
            row.doubts.append(("table-cell-spilled", f"column {c + 1} starts in lower case ({row.cells[c][0][:30]!r}) under "
                               f"{above.cells[c][-1][-30:]!r}: the words may go on with the row above's cell (check both rows)"))


def _cut_names(row: Row) -> None:
    """A doubt on a row with a cell that ends in an agency's head word ("…; Sở", "Trung tâm") beside
    a cell with text: the name was cut at the gutter, its rest in the next column."""
    cells = [" ".join(c) for c in row.cells]
    for k, (cell, after) in enumerate(zip(cells, cells[1:], strict=False)):
        m = _CUT_HEAD.search(cell)
        if m and after:
            row.doubts.append(("agency-cut", f"column {k + 1} ends in {m.group(0).strip()!r} and the next column "
                               f"starts {' '.join(after.split()[:3])!r}: an agency's name cut at the gutter (check both cells)"))
            return


def _lost(rows: list[Row], lines: list[str], at: int | None, starts: list[int]) -> list[Row]:
    """``rows`` with a doubt on the last one when the table, cut at line ``at`` because its columns
    could not be kept there (a cell's text one space from the next column), goes on after it (lines
    with several cells starting where the table's columns start, or a line opened by a row number in
    the first column with cells beside it): those rows are not read."""
    if at is None:
        return rows
    ahead = [ln.replace("\f", "").rstrip() for ln in lines[at:at + _AHEAD] if ln.strip()]
    aligned = [ln for ln in ahead if sum(1 for s, _ in _cells(ln) if any(abs(s - a) <= 1 for a in starts)) >= 2]
    numbered = [r for r in map(runs_of, ahead) if len(r) >= 3 and abs(r[0][0] - starts[0]) <= 2 and _ROW_NUMBER.match(r[0][2])]
    if len(rows) > 1 and (len(aligned) >= 2 or numbered):
        rows[-1].doubts.append(("table-columns-lost", f"the table's columns could not be followed from line {at + 1} "
                                "on (a cell's text one space from the next column); its rows from there were not read"))
    elif len(rows) > 1 and "\f" in lines[at] and starts_lower(lines[at].replace("\f", "").strip()):
        rows[-1].doubts.append(("table-columns-lost", f"line {at + 1}, opening a page drawn to a scale of its own, goes on "
                                "in lower case (the end of this row?) but does not fit the table's columns; it was not read"))
    return rows


def _runs(broken: list[bool]) -> list[list[int]]:
    """Line positions grouped into runs between breaks (a blank line, a page number, a form feed)."""
    runs: list[list[int]] = []
    for p, brk in enumerate(broken):
        if brk or not runs:
            runs.append([p])
        else:
            runs[-1].append(p)
    return runs


def _page_number(broken: list[bool], parts: list[list[str]], p: int) -> bool:
    """A bare page number on a line of its own, outside the first column (pdftotext prints it centred)."""
    alone = broken[p] and (p + 1 == len(broken) or broken[p + 1])
    cells = [c for c in parts[p] if c]
    return p > 0 and alone and not parts[p][0] and len(cells) == 1 and bool(BARE_NUMBER.match(cells[0]))


def _row_starts(taken: list[int], parts: list[list[str]], broken: list[bool]) -> tuple[set[int], dict[int, str]]:
    """Which lines start a row, and a doubt for rows whose lines may belong to their neighbours.

    A line with text in the first column starts a row, the lines under it go on in its cells. When
    a row's number stands below some of its lines (cells centred vertically) and the rows are set
    apart by blank lines, each run of lines between blank lines is one row instead. When they are not,
    the lines between two numbers cannot be shared out between the two rows: the rows are read as
    usual, each with a doubt."""
    numbered = [p for p in range(len(taken)) if p == 0 or parts[p][0]]
    runs = _runs(broken)
    centred = [run for run in runs[1:] if not parts[run[0]][0] and any(parts[p][0] for p in run)]
    if not centred and not _header_run_holds_a_row(runs[0], parts) and not _cells_start_below(numbered, parts):
        return set(numbered), {}
    if all(sum(1 for p in run if p == 0 or parts[p][0]) <= 1 for run in runs):
        return {run[0] for run in runs if any(p == 0 or parts[p][0] for p in run)}, {}
    doubts = {}
    for before, p in zip(numbered, numbered[1:], strict=False):
        if not broken[p] and not parts[p - 1][0]:
            first, last = taken[before] + 2, taken[p]
            span = f"line {first}" if first == last else f"lines {first}-{last}"
            above = f"row {parts[before][0]}" if before > 0 else "the header"
            doubts[before if before > 0 else p] = (
                f"{span} between {above} and row {parts[p][0]} may belong to either (cells centred in rows not set "
                "apart by blank lines); check these rows")
    return set(numbered), doubts


def _cells_start_below(numbered: list[int], parts: list[list[str]]) -> bool:
    """Read top-aligned, a row whose cell starts below the row's number line: in a table whose cells
    are set at the top every cell starts on it, so these cells are centred."""
    below = 0
    if len(numbered) < 2:
        return False  # no row after the first to judge by
    for start, end in zip(numbered[1:], [*numbered[2:], len(parts)], strict=True):
        below += any(not parts[start][c] and any(parts[p][c] for p in range(start + 1, end))
                     for c in range(1, len(parts[start])))
    return below >= _BELOW_ROWS


def _header_run_holds_a_row(run: list[int], parts: list[list[str]]) -> bool:
    """Lines between the header and the first row number that are no header words: the first row's
    own lines above its number."""
    body = [p for p in run if parts[p][0] and p > 0]
    above = [p for p in run if 0 < p < body[0]] if body else []
    return any(len(cell.split()) >= _ROW_WORDS and not HEADER_WORD.search(ascii_fold(cell))
               for p in above for cell in parts[p])
