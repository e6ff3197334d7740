"""Tables whose columns are aligned with spaces (``pdftotext -layout`` and plain-text exports).

A table starts at a header line of at least three cells separated by two or more spaces, two of
them task-table header words (STT, Nội dung, Chủ trì, Thời gian …), or at a header centred over
several lines, no line holding every cell (:mod:`kehoach.parse.aligned_band`). Its columns are the gutters:
character positions that are blank on every line of the table. Lines are taken while the table
keeps its columns (a line of body text crosses the gutters and ends it; a blank line or a page
number inside is a page break). A line with text in the first column starts a row; a line
without goes on in the cells of the row above (wrapped cells), and before the first row, in the
header's cells.
"""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from .aligned_band import Band, Banded, Clean, header_band
from .aligned_cells import cell_text
from .aligned_doubts import cut_names, fields, joined, lost, misfits, off_scale, spilled, timed
from .aligned_end import BodyHeadings, ends_table
from .aligned_groups import number_head_join, number_head_rest
from .aligned_header import header_cells, header_needs_words, header_runs, runs_of, second_row
from .aligned_rows import HEADER_WORD, row_starts
from .aligned_words import MAX_BLANKS, WordTable, word_table
from .blocks import Loc, Row
from .browser import group_line, one_space_apart
from .centred_lines import lines_above, opens_above, paged_rows, whole_line_rows
from .lines import BARE_NUMBER, PAGE_MARK
from .normalize import normalize_text

_APART = rx.compile(r"\S {3,}\S")
"""Two pieces of text three spaces apart or more inside one column's part of a line."""
_INK = rx.compile(r"\S+")
_GUTTER = rx.compile(r"  +(?=x)")
"""A gutter in a :class:`_Blank`'s map: two blank positions or more before one inked."""
_HEADER_WIDTH = 400
"""The longest line looked at for header cells one space apart (a header line is never long)."""
_HEAD_LINES = 4
"""Lines a header and its wrapped words hold at most."""


def is_header_line(line: str) -> bool:
    """A line that can open a space-aligned task table."""
    if "   " not in line.strip() and "  " not in line.strip():
        return False
    cells = [t for _, t in fields(line.rstrip())]
    hits = sum(1 for t in cells if HEADER_WORD.search(ascii_fold(t)))
    if (len(cells) < 3 or hits < 2) and len(line) <= _HEADER_WIDTH and len(HEADER_WORD.findall(ascii_fold(line))) >= 2:
        # header cells one space apart ("Số TT Nội dung", "Số Nội dung Đơn vị chủ Phối hợp   Thời   Kết": wrapped cells)
        cells = [t for _, _, t in header_runs(line.rstrip())]
        hits = sum(1 for t in cells if HEADER_WORD.search(ascii_fold(t)))
    return len(cells) >= 3 and hits >= 2


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


def is_header_at(lines: list[str], i: int) -> bool:
    """Line ``i`` opens a space-aligned task table: a header line, or the first line of a header
    centred over several lines (see :mod:`kehoach.parse.aligned_band`)."""
    raw = lines[i]
    if "  " in raw.strip() and is_header_line(raw):
        return True
    return bool(raw.strip()) and header_band(lines, i) is not None


def aligned_table(lines: list[str], start: int) -> tuple[list[Row], int] | None:
    """The space-aligned table whose header is line ``start`` (one line, or the first of a header
    band: see :mod:`kehoach.parse.aligned_band`), as :func:`_table`."""
    found = _banded(lines, start)
    if found is not None:
        timed(found[0])  # (once the header's cells have all their words)
    return found


def _banded(lines: list[str], start: int) -> tuple[list[Row], int] | None:
    """The table read from its header band, its header's cells given their whole words back (and a
    second header row under a cell spanning columns), or from its header line."""
    band = header_band(lines, start)
    raw = lines[start].replace("\f", "").rstrip()
    if band is not None and "  " in raw.strip() and is_header_line(raw) and \
            (second_row(lines, start) or len(band.labels) <= len(header_cells(Clean(lines), start))):
        band = None  # a header line with its cells' wrapped words, or a second row, under it: read by its line
    if band is None:
        return _table(lines, start)
    found = _table(Banded(lines, band), band.last, band)  # type: ignore[arg-type]
    if found is None:
        return None
    rows, end = found
    head = rows[0]
    keys = [normalize_text(" ".join(cell)) for cell in head.cells]
    labels = {normalize_text(key): normalize_text(label) for key, label in band.labels.items()}
    over = {normalize_text(key): normalize_text(text) for key, text in band.over.items()}
    head.cells = [[over.get(key) or labels.get(key, key)] if key else [] for key in keys]
    head.lines = sorted({*range(band.first + 1, band.last + 1), *head.lines})
    if over:  # a second header row: the columns under a spanning cell
        rows.insert(1, Row([[labels.get(key, key)] if key in over else [] for key in keys], head.loc, head.lines))
    return rows, end


def _table(lines: list[str], start: int, band: Band | None = None) -> tuple[list[Row], int] | None:
    """The rows of the space-aligned table whose header is line ``start``, and the index after it.
    Its columns are the gutters that run its height; when none do up to where the table goes on (a
    narrow table whose cells wrap and touch) or when its header has two cells one space apart or a
    second row (the gutters would join columns), the columns found from its words."""
    found = _gutter_table(lines, start)
    needs = header_needs_words(lines, start)
    if found is None or found.cut is not None or needs:
        words = word_table(lines, start, is_header_line, band)
        if words is not None and (found is None or words.taken[-1] + needs > found.taken[-1]):
            found = words
    elif any(found.broken[1:]):  # a text browser's table whose part after a page break has columns of its own
        words = word_table(lines, start, is_header_line, band)
        found = words if words is not None and words.moved and words.taken[-1] >= found.taken[-1] else found
    if found is None:
        return None
    return _rows(lines, found), found.taken[-1] + 1


def _gutter_table(lines: list[str], start: int) -> WordTable | None:
    """The table's lines while they keep a gutter between every two of the header's columns, up to
    another table's header or an appendix's heading."""
    wanted = len(fields(lines[start].rstrip()))
    top = header_runs(lines[start].replace("\f", "").rstrip())
    taken = [start]
    blank = _Blank(lines[start].replace("\f", "").rstrip())
    i, blanks, cut = start + 1, 0, False
    body = BodyHeadings(lines, start)
    while i < len(lines):
        line = lines[i].replace("\f", "").rstrip()
        if not line.strip() or PAGE_MARK.match(line):
            blanks += 1
            if blanks > MAX_BLANKS:
                break
            i += 1
            continue
        if ends_table(line, top, is_header_line, body):
            break
        blank.add(line)
        if blank.columns() < wanted:
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
    _repeated_headers(parts, broken)
    _number_head(parts)
    starts, doubts, spans = row_starts(taken, parts, broken, found.exact or _exact(lines, taken, found.starts))
    starts |= {p for p, k in enumerate(taken) if k in found.heads}  # a header's second row
    apart = {taken[p] + 1 for p in range(1, len(taken)) if any(_APART.search(c) for c in parts[p])} | off_scale(lines, found)
    packed = not any(broken[1:])  # (no blank line, page number or form feed between the rows)
    solved, head, whole = _centred(taken, parts, bool(doubts), packed and (
        bool(doubts) or one_space_apart(lines, taken, found.starts) or opens_above(parts)))
    if solved is None and not packed and len(found.starts) == len(parts[0]):  # a browser's table a page break cut
        first = [k for p, k in enumerate(taken[:next((p for p in range(1, len(taken)) if broken[p]), len(taken))])
                 if any(parts[p]) and not group_line(runs_of(lines[k].replace("\f", "").rstrip()), found.starts)]
        paged = paged_rows(taken, parts, broken) if one_space_apart(lines, first, found.starts) else None
        solved, head, whole = (paged[1], paged[0], True) if paged is not None else (None, 0, False)
    if solved is not None:  # rows not set apart by blank lines, each cell centred on its row's number
        above = lines_above(lines, taken[0], head, found.starts) if whole else []
        top = above + parts[:head + 1]
        header = Row([[t] if (t := normalize_text(cell_text([p[c] for p in top if p[c]]))) else []
                      for c in range(len(parts[0]))], Loc(taken[0] + 1 - len(above)),
                     list(range(taken[0] + 1 - len(above), taken[head] + 2)))
        misfits(solved, apart)  # (each cell centred on its row's number: a cell merged over rows would not be)
        joined(solved, found.doubtful)
        if whole:  # (what the cells hold is in doubt as in rows read top-aligned)
            for row in solved:
                cut_names(row)
            spilled([header, *solved])
        return lost([header, *solved], lines, found.cut, found.starts)
    rows: list[Row] = []
    cur: list[list[str]] = []
    for p, k in enumerate(taken):
        if p in starts:
            cur = [[c] if c else [] for c in parts[p]]
            rows.append(Row(cur, Loc(k + 1), [k + 1], after_break=bool(rows) and found.paged[p],
                            doubts=[("table-rows-interleaved", d) for d in doubts.get(p, [])]))
            continue
        for c, text in enumerate(parts[p]):
            if text:
                cur[c].append(text)
        rows[-1].lines.append(k + 1)
    rows = [Row([[text] if (text := normalize_text(cell_text(c))) else [] for c in r.cells], r.loc, r.lines, r.after_break,
                r.doubts, spans) for r in rows]
    joined(rows, found.doubtful)
    for row in rows:
        cut_names(row)
    misfits(rows, apart)
    spilled(rows, spans == "top")
    return lost(rows, lines, found.cut, found.starts)


def _centred(taken: list[int], parts: list[list[str]], doubts: bool,
             centred: bool) -> tuple[list[Row] | None, int, bool]:
    """Rows in doubt read as centred cells on a half-line grid (:mod:`.centred`), and rows packed that
    are in doubt or look ``centred`` (columns one space apart, as a text browser sets them, or a row's
    cell opening above its number) on whole lines (:mod:`.centred_lines`): the rows, how many lines
    under the header's line the header holds, and whether they were read on whole lines."""
    if doubts:
        from .centred import centred_rows  # (rows in doubt are rare)

        solved = centred_rows(taken, parts)
        if solved is not None:
            return solved, 0, False
    whole = whole_line_rows(taken, parts) if centred else None
    return (whole[1], whole[0], True) if whole is not None else (None, 0, False)


def _repeated_headers(parts: list[list[str]], broken: list[bool]) -> None:
    """Blank the header repeated after a page break, and the lines under it that repeat the lines
    under the first header: no row (its cells' words would go into the row above's, and the row
    above's lines after it are its own)."""
    def words(part: list[str]) -> list[str]:  # (a page drawn to its own scale parts its lines otherwise)
        return sorted(ascii_fold(" ".join(part)).split())
    rows = next((p for p in range(1, len(parts)) if parts[p][0]), len(parts))  # the first row's line
    first = [words(part) for part in parts[:min(rows, _HEAD_LINES)]]
    for p in range(1, len(parts)):
        if broken[p] and parts[p][0] and words(parts[p]) == first[0]:
            q = 0
            while q < len(first) and p + q < len(parts) and (not q or not parts[p + q][0]) and words(parts[p + q]) == first[q]:
                parts[p + q] = [""] * len(parts[p + q])
                q += 1


def _number_head(parts: list[list[str]]) -> None:
    """The lines under the header whose first column goes on with the numbering column's header ("Số" over "T"
    over "T", a narrow column breaking "Số TT"): that text joined to the header's cell, no row's number."""
    p = 1
    while p < len(parts) and parts[p][0] and number_head_rest(parts[0][0], parts[p][0]):
        parts[0][0], parts[p][0] = number_head_join(parts[0][0], parts[p][0]), ""
        p += 1


def _page_number(broken: list[bool], parts: list[list[str]], p: int) -> bool:
    """A bare page number on a line of its own, outside the first column (pdftotext prints it centred)."""
    alone = broken[p] and (p + 1 == len(broken) or broken[p + 1])
    cells = [c for c in parts[p] if c]
    return p > 0 and alone and not parts[p][0] and len(cells) == 1 and bool(BARE_NUMBER.match(cells[0]))


def _exact(lines: list[str], taken: list[int], starts: list[int]) -> bool:
    """No line's text has a character right before a column's start (group names across the row left out): its
    cells were cut exactly, not guessed between touching words."""
    rows = [runs for runs in (runs_of(lines[k].replace("\f", "").rstrip()) for k in taken) if not group_line(runs, starts)]
    return all(s >= a or a > e or text[a - 1 - s] == " " for runs in rows for s, e, text in runs for a in starts[1:])
