"""Columns of a narrow space-aligned table from its runs of text (``pdftotext -layout`` of a table
whose cells wrap and touch).

pdftotext places each run of text (words one space apart) where it starts on the page, so a run's
first character is in its cell's column; its end may not be (a wide word runs a few characters
further than on the page), and two cells close on the page become one run ("Sở Tư pháp Sở Nông").
No gutter then runs the table's height. Instead the columns are anchored on the header line's
cells, and the boundary between two neighbouring columns is a position between their header cells
that no run crosses on any line of the page, leaving out the runs that cross a header cell's start
(two cells run together). Each run goes to the column its start is in; one that runs on past the
widest text of its column is split at the last space before that (the rest is the next column's).
The columns are found again on each page (a page is drawn to its own scale) from the header repeated
there; the repeated header is dropped. A row number with one run of text beside it that crosses the
columns is a group row in merged cells ("I   HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH"): its text is the
title. A line that does not fit the columns ends the table there: a run from the first column on
across the second (a heading or a paragraph), a run across two columns' starts, or a run that
leaves no boundary between two columns (a cell one space from its neighbour on every line).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from .. import rx
from ..vn import ascii_fold
from ..vocab.table_header import NUMBER_COLUMN
from .aligned_band import Band, Banded, Clean, header_band, repeats
from .aligned_cells import OVERHANG as _OVERHANG
from .aligned_cells import Run, across, line_cells, name_cut
from .aligned_end import BodyHeadings, ends_table, same_header
from .aligned_groups import (
    MAX_BLANKS,
    group_heading,
    number_head_join,
    number_head_rest,
    numbered,
    numbered_at,
)
from .aligned_groups import ROW_NO as _ROW_NO
from .aligned_header import Header, header_cells, read_header, runs_of
from .aligned_pages import WordTable, pages_to_table
from .browser import crossed, cut_at, group_line, number_beside, page_columns, set_apart
from .lines import BARE_NUMBER, PAGE_MARK

_NUMBER_HEAD = rx.compile(rf"^(?:{NUMBER_COLUMN}|so|st)$")
"""The header of a column numbering the rows ("STT", "TT", "Số" over "TT", "ST" over "T")."""
_WORD = rx.compile(r"\S+")
_OPENS = rx.compile(r"^[\p{Lu}\d]")
"""A word that may open a cell (a capital or a figure)."""
_GROUP_LETTER = rx.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")
_BLOCK_LINES = 40
"""Lines after a page break looked at for columns of its own, at most."""


class _Page:
    """One page of the table: its header's anchors, its lines and, for each position, how many runs
    cross it."""

    def __init__(self, n: int, head: Header, carried: bool = False) -> None:
        self.head = head
        self.header = [(s, e) for s, e, _ in head.cells]
        self.anchors = [s for s, _, _ in head.cells]
        self.numbered = bool(_NUMBER_HEAD.match(ascii_fold(head.top[0][2])))
        self.cover: list[int] = []
        self.lines: list[tuple[int, list[Run]]] = [(n, [])]
        self.spanning: dict[int, list[str]] = {}
        self.dropped: set[int] = set()
        self.doubtful: set[int] = set()
        self._mark(head.cells, 1)
        self.first = n
        self.body: int | None = None  # where this page's rows' text starts, after their numbers
        self.carried = carried  # a later page: its lines before a row number go on with the row above
        self.moved = False  # its columns found from its own lines (see page_columns)
        self.exact = True  # its lines cut where their columns start, no word shared out by a guess (see read)
        subs = [k for k, cell in enumerate(head.cells) if cell not in head.top]
        self.soft = frozenset(k for k in subs if k + 1 in subs)

    def add_sub(self, n: int, line: str) -> None:
        """The line of the header's second row."""
        self._mark(runs_of(line), 1)
        subs = {run[2] for run in self.head.cells if run not in self.head.top}
        self.spanning[n] = [run[2] if run[2] in subs else "" for run in self.head.cells]
        self.lines.append((n, []))

    def apart(self) -> bool:
        """Every column starts at its header with a blank before it on every line (:func:`.browser.set_apart`),
        group rows (a name in cells merged across the row) left out."""
        return set_apart([(n, runs) for n, runs in self.lines if n not in self.spanning], self.anchors, _ROW_NO)

    def browser(self) -> bool:
        """A text browser's table: :meth:`apart`, and some line's cells touch (one space apart)."""
        return any(s < a < e for n, runs in self.lines if n not in self.spanning for s, e, _ in runs
                   for a in self.anchors[1:]) and self.apart()

    def clear(self) -> bool:
        """The columns start where their headers do, a blank before each on every line, group rows too."""
        return set_apart(self.lines, self.anchors, _ROW_NO)

    def _head_cells(self, bounds: list[int]) -> list[str]:
        """The header line's cells, with the words of its cells wrapped onto the second row's line."""
        cells: list[list[str]] = [[] for _ in self.anchors]
        for col, run in zip(self.head.top_cols, self.head.top, strict=True):
            cells[col].append(run[2])
        for run in self.head.rest:
            cells[bisect_right(bounds, run[0])].append(run[2])
        return [" ".join(c) for c in cells]

    def _mark(self, runs: list[Run], step: int) -> None:
        for s, e, _ in runs:
            if e + 2 > len(self.cover):
                self.cover += [0] * (e + 2 - len(self.cover))
            for x in range(s + 1, max(s + 2, e - _OVERHANG + 1)):
                self.cover[x] += step

    def bounds(self, runs: list[Run] | None = None) -> list[int]:
        """The boundary before each column after the first: the end of the widest run of positions
        crossed by the fewest runs of text (``runs``: those that cross no boundary, once found, and
        the first character of those that do), between the end of a header cell (less what a run may
        overhang) and the start of the next."""
        if runs is not None:
            self.cover = []
            self._mark(runs, 1)
        out = []
        apart = self.apart()  # columns one space apart: each starts at its header
        for (a, end), b in zip(self.header, self.anchors[1:], strict=False):
            span = range(max(a, min(end - _OVERHANG, b - 1)) + 1, b + 1)
            if not span or apart:  # (header cells out of order: word_table does not read such a table)
                out.append(b)
                continue
            level = min(self.cover[x] if x < len(self.cover) else 0 for x in span)
            best, width = (0, b), 0
            for x in span:
                width = width + 1 if (self.cover[x] if x < len(self.cover) else 0) == level else 0
                if width and width >= best[0]:
                    best = (width, x)
            out.append(best[1])
        return out

    def add(self, n: int, line: str) -> bool:
        """Take line ``n`` unless it is a heading or a paragraph (a run from the first column across
        the second's start, or a run across three columns)."""
        runs = runs_of(line)
        if len(runs) == 2 and self._group_row(runs):
            self.spanning[n] = [runs[0][2], runs[1][2]] + [""] * (len(self.anchors) - 2)
            self.lines.append((n, runs))
            if not _GROUP_LETTER.match(runs[0][2]):  # a number: a title's line touching the next cell reads so too
                self.doubtful.add(n)
            return True
        if (len(runs) == 1 and self._from_first(runs[0])) or any(self._crossed(r) > 2 for r in runs[self._row_text(runs):]):
            return False
        if len(runs) >= 2 and runs[0][0] < self.anchors[1] and _ROW_NO.match(runs[0][2]):
            self.carried = False
            self.body = runs[1][0] if self.body is None else min(self.body, runs[1][0])
        self._mark(runs, 1)
        self.lines.append((n, runs))
        return True

    def _crossed(self, run: Run) -> int:
        """The column starts ``run`` crosses (:func:`.browser.crossed`), less a later column's start a character
        or two right of where it starts: a column's text set a little left of its header ("Sở Y tế" a character left
        of "Cơ quan chủ trì" centred over it), not a run across that column."""
        s, e, text = run
        if any(0 < a - s <= 2 for a in self.anchors[1:]):
            lead = next(a for a in self.anchors[1:] if 0 < a - s <= 2) - s
            return crossed((s + lead, e, text[lead:]), self.anchors, _OVERHANG)
        return crossed(run, self.anchors, _OVERHANG)

    def _row_text(self, runs: list[Run]) -> int:
        """2 when ``runs`` open with a row number in the first column and its row's text where the second column
        starts (a character or two left of its header, or, the first column numbering the rows, anywhere between
        the numbering header's end and the second header: a header centred over a wide column): a row's first
        line, however many cells touch in it (its runs after the number are not looked at for a paragraph); else 0."""
        if len(runs) >= 2 and runs[0][0] < self.anchors[1] - 2 and _ROW_NO.match(runs[0][2]) \
                and (0 <= self.anchors[1] - runs[1][0] <= 2 or self.numbered and self.header[0][1] + 2 < runs[1][0] < self.anchors[1]):
            return 2
        return 0

    def _from_first(self, run: Run) -> bool:
        """A run that starts in the first column (nearer its header than the second's, or, when the
        first column numbers the rows, with a number joined to its text: "III. TỔ CHỨC THỰC HIỆN")
        and runs on past the second column's header."""
        s, e, text = run
        first, second = self.anchors[0], self.anchors[1]
        if s >= second - 1:  # (the second column's text a character left of its header)
            return False
        if e - _OVERHANG <= second and not (self.numbered and e > second and self.body is not None and s < self.body - 1
                                           and text[:1].isupper() and not _ROW_NO.match(text.split(" ")[0])):
            return False  # (a word of the numbering column's text into the next: no row number, a line after the table)
        if not _ROW_NO.match(text.split(" ")[0]) and (self.carried or (self.body is not None and s >= self.body - 1)):
            return False  # the row above's text on a new page, or where the page's rows' text starts
        if number_beside(run, first, second):
            return False  # a number filling the first column, its row's text one space after it
        return s - first < second - s or (self.numbered and bool(_ROW_NO.match(text.split(" ")[0])))

    def _group_row(self, runs: list[Run]) -> bool:
        """A group's number in the first column and its name in cells merged across the row: a
        roman number or a letter with one run of text, or a number with text across a column start
        from the second column (text starting a character or two left of a later column is that
        column's: "1.2" with its deadline on the number's line, the title's lines above and below)."""
        (s0, _, no), run = runs
        if s0 >= self.anchors[1] or not _ROW_NO.match(no) or number_head_rest(self.head.top[0][2], no):
            return False
        return bool(_GROUP_LETTER.match(no)) or crossed(run, self.anchors, _OVERHANG) > 0 and not self._word_at_anchor(run) \
            and not any(a - 2 <= run[0] for a in self.anchors[2:3])

    def _word_at_anchor(self, run: Run) -> bool:
        """A word of ``run`` starting level with a later column's header, or, a capital or a figure,
        two characters left of it (a cell one space after a full one: "… 2026 - 2030 Thường xuyên"),
        not a name merged across the columns."""
        s, _, text = run
        later = [a for a in self.anchors[2:] if a > s]
        return any(-2 <= s + m.start() - a <= 1 and (abs(s + m.start() - a) <= 1 or _OPENS.match(m.group(0)))
                   for m in _WORD.finditer(text) if m.start() for a in later)

    def read(self) -> tuple[list[tuple[int, list[str]]], int | None]:
        """Each line's cells (a repeated header's lines left out), and the first line whose runs
        could not be shared out between the columns (the table ends before it), or None."""
        plain = [(n, runs) for n, runs in self.lines if n not in self.spanning]
        first = self.bounds()
        crossing = {(n, r) for n, runs in plain for r in runs if across(r, first)}
        bounds = self.bounds([r if (n, r) not in crossing else (r[0], r[0] + 1, "") for n, runs in plain for r in runs])
        widest = [e for _, e in self.header]  # the header's own cells are text of their columns
        for n, runs in plain:
            for r in runs:
                if (n, r) not in crossing and not across(r, bounds):
                    k = bisect_right(bounds, r[0])
                    widest[k] = max(widest[k], r[1])
        read: list[tuple[int, list[str], list[Run] | None]] = []  # (line, cells, its runs when cut into columns)
        lost = None
        clear = self.exact = self.apart()  # cells cut where their columns start, no doubt (group rows: cells of their own)
        for n, runs in self.lines:
            doubts: list[bool] = []
            own = n != self.first and n not in self.spanning
            cells = line_cells(cut_at(runs, bounds) if clear else runs, bounds, widest, self.soft, doubts) if own else \
                self._head_cells(bounds) if n == self.first else self.spanning[n]
            if cells is None:
                lost = n
                break
            if doubts and not clear:
                self.doubtful.add(n)
            read.append((n, cells, runs if own else None))
        out: list[tuple[int, list[str]]] = []
        head: list[str] | None = None  # the header's cells, until a row starts
        for i, (n, cells, line_runs) in enumerate(read):
            if not clear and line_runs is not None and name_cut(cells, read[i + 1][1] if i + 1 < len(read) else None, read[0][1]):
                cells = line_cells(line_runs, bounds, widest, self.soft, avoid_cut=True) or cells
            if n == self.first:
                head = cells
            elif head is not None and number_head_rest(head[0], cells[0]):
                head[0], cells = number_head_join(head[0], cells[0]), ["", *cells[1:]]
            elif cells[0]:
                head = None
            if n not in self.dropped:
                out.append((n, cells))
        return out, lost


def word_table(lines: list[str], start: int, is_header: Callable[[str], bool], first: Band | None = None) -> WordTable | None:
    """The lines of the table whose header is ``lines[start]``, cut into columns by their runs of
    text; None when fewer than two lines fit. ``is_header`` tells a (repeated) header line; ``first``:
    the header band ``start`` ends (see :mod:`.aligned_band`). A repeated header holds the first's words."""
    above = first.last - first.first if first is not None else 0
    clean = Clean(lines)
    head = read_header(clean, start, numbered_at)
    anchors = head.top
    if len(head.cells) < 3 or any(b[0] <= a[0] for a, b in zip(head.cells, head.cells[1:], strict=False)):
        return None
    pages = [_Page(start, head)]
    head_lines, skip, blanks, cut, i = 0, 0, 0, None, start + 1
    checked, seen, body = 1, False, BodyHeadings(lines, start)  # the first page's lines looked at for a row number, whether one was found; the body's headings
    breaks: dict[int, bool] = {}
    furniture: list[int] = []  # page numbers and repeated headers: lines of the table with no cell text
    while i < len(lines):
        line = clean[i]
        if not line.strip() or PAGE_MARK.match(line) or (blanks and BARE_NUMBER.match(line.strip())):
            furniture += [i] if line.strip() else []
            blanks += 1
            if blanks > MAX_BLANKS:
                break
            i += 1
            continue
        if blanks or "\f" in lines[i]:
            breaks[i] = blanks > 0
        blanks = 0
        known = [first, *clean[start:max(start + head_lines, head.sub_line or 0) + 1]]  # the first header's lines
        again, band = _again(lines, i, anchors, is_header, head_lines + above + 1,
                             known, len(head.cells)) if i in breaks else (None, None)
        if again is None and ends_table(line, anchors, is_header, body):
            break
        if again is None and i in breaks and (own := _own_columns(pages, clean, i, head)) is not None:
            pages.append(own)  # a text browser's next table: columns of its own
        page = pages[-1]
        if again is not None:  # the header repeated on a new page (drawn to its own scale)
            after = _repeat(pages, furniture, i, line, again, band, len(head.cells))
            skip = head_lines + above if after is None else 0
            if after is not None:
                i = after
                continue
        elif i == head.sub_line:
            page.add_sub(i, line)
            head_lines += 1
        elif skip and not numbered(line, page) and repeats(line, known):
            skip -= 1  # the repeated header's other lines (its words: not the row above going on)
            page.add(i, line)
            page.dropped.add(i)
        else:
            skip = 0
            while len(pages) == 1 and checked < len(page.lines):  # a row number among the lines taken so far
                seen = seen or numbered(clean[page.lines[checked][0]], page)
                checked += 1
            if len(pages) == 1 and not seen and not numbered(line, page):
                head_lines += 1
            if not page.add(i, line) and not group_heading(clean, i, page):
                cut = i
                break
        i += 1
    return pages_to_table(pages, breaks, cut, start, furniture)


def _own_columns(pages: list[_Page], lines: Clean, i: int, head: Header) -> _Page | None:
    """The page a page break opens at line ``i`` when a text browser's table (``pages[0]``: its first page) goes
    on there at columns of its own, its header not repeated (:func:`.browser.page_columns`); None if not, and
    when the lines there are set apart at the columns of the page before (rows set apart by blank lines)."""
    moved = page_columns(lines, i, len(head.cells)) if pages[0].browser() else None
    if moved is None or moved == pages[-1].anchors:
        return None
    k = i
    while k < len(lines) and k - i < _BLOCK_LINES and lines[k].strip():
        k += 1
    anchors = pages[-1].anchors
    rows = [runs for runs in map(runs_of, lines[i:k]) if not group_line(runs, anchors)]
    if all(s >= a or a > e or text[a - 1 - s] == " " for runs in rows for s, e, text in runs for a in anchors[1:]):
        return None  # (no text right before a column's start: the lines keep the page's columns)
    cells = [(x, x + len(text), text) for x, (_, _, text) in zip(moved, head.cells, strict=True)]
    page = _Page(i - 1, Header(cells, cells, list(range(len(cells))), None, []), carried=True)
    page.dropped.add(i - 1)  # (the page's header is the first page's, on no line of its own)
    page.moved = True
    return page


def _repeat(pages: list[_Page], furniture: list[int], i: int, line: str, again: Header, band: Band | None,
            width: int) -> int | None:
    """Take the header repeated at line ``i`` (on a band's lines, if ``band``): a new page with its
    columns, or, when its cells run together, the columns stay. The line after the band, or None."""
    mixed = len(again.cells) != width or any(b[0] <= a[0] for a, b in zip(again.cells, again.cells[1:], strict=False))
    if mixed and band is None:
        pages[-1].dropped.add(i)
        pages[-1].add(i, line)
    elif not mixed:
        pages.append(_Page(i, again, carried=True))
        pages[-1].dropped.add(i)
    if band is None:
        return None
    furniture += range(i + (not mixed), band.last + 1)  # the band's lines are no rows
    return band.last + 1


def _again(lines: list[str], i: int, anchors: list[Run], is_header: Callable[[str], bool], most: int,
           known: list[Band | str | None], width: int) -> tuple[Header | None, Band | None]:
    """The table's header repeated at line ``i`` (after a break), and its band when it is centred
    over several lines (at most ``most``, holding only words of ``known``: the first header's), or
    (None, None). A band giving another count of cells than ``width`` (the first header's) when the line is a
    header of that count with its second row (a cell over two under it) is read by its line."""
    clean = Clean(lines)
    band = header_band(lines, i, most)
    by_line = is_header(clean[i]) and same_header(header_cells(clean, i), anchors)
    if band is not None and band.last > i and repeats(band, known) and same_header(runs_of(band.line), anchors):
        found = read_header(Banded(clean, band), band.last, numbered_at)
        if len(found.cells) == width or not by_line:
            return found, band
        again = read_header(clean, i, numbered_at)  # (a cell over two under it, "Thời gian" over "Bắt đầu | Kết thúc",
        return (again, None) if len(again.cells) == width else (found, band)  # told apart by the line and its second row)
    if by_line:
        return read_header(clean, i, numbered_at), None
    return None, None
