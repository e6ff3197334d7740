"""Task tables a PDF prints without ruling lines, found by how their words line up.

A table starts at a line of at least three word groups set apart by gaps wider than a word space,
two of them task-table header words (STT, Nội dung, Chủ trì, Thời gian …), or at a band of lines
touching each other that has them (header cells centred vertically and wrapped put no line level
with every cell). Its columns are the gutters: the horizontal gaps, wider than a few word spaces,
that no word of the table's lines crosses (a cell's padding keeps one between columns even when the
text fills its cells; a gap narrower than that still parts columns where a column started after a
wide one, or where the lines of a column start level). Lines are
taken while the table keeps its columns (a line of body text crosses a gutter and ends it). A line
with a word in the first column starts a row; a line without goes on in the cells of the row above
(wrapped cells), and before the first row, in the header's cells. A cell merged over several rows
prints as one paragraph running past the start of the next row: a line that goes on such a
paragraph (one line pitch below it, not level with the new row) stays in the row it started in.
A table that runs to the bottom of a page goes on at the top of the next one while its lines keep
the same gutters (no header repeated). The words read into the table are taken out of the text.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter

from ..numbering import match_token
from ..record import Record
from ..vn import ascii_fold
from ..vocab.table_header import NUMBER_HEADER
from .aligned import HEADER_WORD
from .lines import BARE_NUMBER, PAGE_MARK
from .pdf_rows import ROW_NUMBER, Line, groups, rows
from .pdf_stats import median
from .pdf_words import words_in_lines

MIN_COLUMNS = 3
ALIGNED = 3
"""Lines whose words start level at a narrow gap for it to part two columns."""



class Carry(Record):
    """What one page leaves to the next: the lines of a table that ran to the page's bottom (their
    words' positions give its columns)."""

    __slots__ = ("cover",)

    def __init__(self, cover: Cover | None = None) -> None:
        self.cover = cover


class _Metrics(Record):
    """``height``: median word height; ``gap``: the narrowest gap read as a gutter between columns
    (wider than any word space)."""

    __slots__ = ("height", "gap")

    def __init__(self, height: float, gap: float) -> None:
        self.height = height
        self.gap = gap


def _metrics(words: list[dict], lines: list[Line]) -> _Metrics:
    height = median(w["bottom"] - w["top"] for w in words) or 10.0
    spaces = [b["x0"] - a["x1"] for line in lines for a, b in itertools.pairwise(line) if 0 < b["x0"] - a["x1"] < height]
    space = median(spaces) if spaces else height * 0.3
    return _Metrics(height, max(2.5 * space, 0.6 * height))


def _text(words: Line) -> str:
    return " ".join(w["text"] for w in words)


def _is_header(line: Line, gap: float) -> bool:
    cells = _header_cells(line, gap)
    return len(cells) >= MIN_COLUMNS and sum(1 for g in cells if HEADER_WORD.search(ascii_fold(_text(g)))) >= 2


def _header_cells(line: Line, gap: float) -> list[Line]:
    """A header line's cells; a narrow numbering column's word ("TT", "STT") printed closer to the next
    column's header than the gap between columns is a cell of its own (the rows below part them)."""
    cells = groups(line, gap)
    first = cells[0] if cells else []
    for n in (1, 2):  # "TT", "Số TT"
        if len(first) > n and NUMBER_HEADER.match(ascii_fold(_text(first[:n]))):
            return [first[:n], first[n:], *cells[1:]]
    return cells


def _heading(line: Line, gap: float) -> bool:
    """A numbered heading standing alone on its line ("II. NHIỆM VỤ", "2. Giải pháp")."""
    token = match_token(_text(line))
    return token is not None and token.kind != "bullet" and len(groups(line, gap)) == 1


def _touching(upper: Line, lower: Line, m: _Metrics) -> bool:
    """``lower`` starts less than half a word's height under ``upper``: lines of one row whose cells
    are centred vertically (a one-line cell sits between the lines of a wrapped one)."""
    return min(w["top"] for w in lower) - max(w["bottom"] for w in upper) < 0.5 * m.height


def _header_band(lines: list[Line], k: int, m: _Metrics) -> int:
    """How many lines from ``k`` make a header row (0: none): the line alone, or with the lines
    touching it, when header cells centred vertically and wrapped ("Số" / "TT", "Hình thức văn" /
    "bản") put no line level with every cell."""
    if _is_header(lines[k], m.gap):
        return 1
    if _heading(lines[k], m.gap):
        return 0  # a "II. NHIỆM VỤ" heading printed tight above the header is the section's, not a header cell
    j = k + 1
    while j < len(lines) and j - k < 4 and _touching(lines[j - 1], lines[j], m):
        j += 1
        if _is_header(_union(lines[k:j]), m.gap):
            return j - k
    return 0


def _union(lines: list[Line]) -> Line:
    return sorted((w for line in lines for w in line), key=lambda w: w["x0"])


class Cover:
    """The horizontal extent of the words of a table's lines, grown line by line (a table of any
    length costs the same per line): the intervals its words cover, merged and kept sorted, where
    its words start, and where the word before each start ends."""

    def __init__(self, lines: list[Line] | None = None, gap: float = math.inf) -> None:
        self.lines: list[Line] = []
        self._gap = gap
        self._walls: set[int] = set()  # where a column started after a gutter at least ``gap`` wide, rounded
        self._lefts: list[float] = []  # merged covered intervals, sorted and apart: [_lefts[i], _rights[i]]
        self._rights: list[float] = []
        self._starts: Counter[int] = Counter()  # word starts, rounded
        self._at: dict[float, int] = {}  # word start -> how many words start there
        self._xs: list[float] = []  # the keys of _at, sorted
        self._ends: dict[float, tuple[float, float, int]] = {}  # start -> (min, max, count) of the ends before it
        self._ex: list[float] = []  # the keys of _ends, sorted
        for line in lines or []:
            self.add(line)

    def add(self, line: Line) -> None:
        self.lines.append(line)
        for w in line:
            _merge(self._lefts, self._rights, w["x0"], w["x1"])
            self._starts[round(w["x0"])] += 1
            if w["x0"] not in self._at:
                bisect.insort(self._xs, w["x0"])
            self._at[w["x0"]] = self._at.get(w["x0"], 0) + 1
        for a, b in itertools.pairwise(line):
            low, high, n = self._ends.get(b["x0"], (a["x1"], a["x1"], 0))
            if not n:
                bisect.insort(self._ex, b["x0"])
            self._ends[b["x0"]] = (min(low, a["x1"]), max(high, a["x1"]), n + 1)
        self._walls.update(round(x0) for right, x0 in zip(self._rights, self._lefts[1:], strict=False)
                           if x0 - right >= self._gap)

    @property
    def left(self) -> float:
        return self._lefts[0]

    @property
    def right(self) -> float:
        return self._rights[-1]

    def gutters(self, gap: float, extra: list[Line] | tuple[Line, ...] = ()) -> list[tuple[float, float]]:
        """Horizontal gaps that no word of the lines (and of the lines ``extra``) covers, at least
        ``gap`` wide, or narrower where the lines of a column start level (left-aligned cells packed
        close) or where a column started after a wide gutter (a cell filled up to the next
        column): (left, right)."""
        lefts, rights = self._lefts, self._rights
        if extra:
            lefts, rights = list(lefts), list(rights)
            for line in extra:
                for w in line:
                    _merge(lefts, rights, w["x0"], w["x1"])
        out: list[tuple[float, float]] = []
        for right, x0 in zip(rights, lefts[1:], strict=False):
            if x0 - right >= gap or (x0 - right >= 1.5 and (self._wall(x0) or self._aligned(x0, extra) and self._ragged(x0, extra))):
                out.append((right, x0))
        return out

    def _wall(self, x0: float) -> bool:
        return any(round(x0) + d in self._walls for d in (-1, 0, 1))

    def _aligned(self, x0: float, extra: list[Line] | tuple[Line, ...]) -> bool:
        near = {round(x0) + d for d in (-1, 0, 1)}
        count = sum(self._starts[x] for x in near) + sum(1 for line in extra for w in line if round(w["x0"]) in near)
        return count >= ALIGNED

    def _ragged(self, edge: float, extra: list[Line] | tuple[Line, ...]) -> bool:
        """On the lines with a word starting at ``edge``, the words before it end at different
        places (the ragged right side of a column), not all at one (a phrase repeated: "Xây dựng |
        hệ …", "Năm | 2027")."""
        ends = [a["x1"] for line in extra for a, b in itertools.pairwise(line) if abs(b["x0"] - edge) <= 1]
        low, high, n = (min(ends), max(ends), len(ends)) if ends else (math.inf, -math.inf, 0)
        for x in self._ex[bisect.bisect_left(self._ex, edge - 1):bisect.bisect_right(self._ex, edge + 1)]:
            a, b, k = self._ends[x]
            low, high, n = min(low, a), max(high, b), n + k
        return n >= 2 and high - low >= 3

    def edges(self, gap: float) -> list[float]:
        """The gutters' right ends where at least ``ALIGNED`` words start."""
        def starting(x: float) -> int:
            return sum(self._at[s] for s in self._xs[bisect.bisect_left(self._xs, x - 1):bisect.bisect_right(self._xs, x + 1)])
        return [right for _left, right in self.gutters(gap) if starting(right) >= ALIGNED]


def _merge(lefts: list[float], rights: list[float], x0: float, x1: float) -> None:
    """Add the interval ``[x0, x1]`` to the sorted, apart intervals ``lefts``/``rights``, merging
    those it overlaps or touches."""
    i = bisect.bisect_left(rights, x0)
    j = bisect.bisect_right(lefts, x1)
    if i < j:
        x0, x1 = min(x0, lefts[i]), max(x1, rights[j - 1])
    lefts[i:j] = [x0]
    rights[i:j] = [x1]


def _fits(line: Line, gutters: list[tuple[float, float]]) -> bool:
    """No word of ``line`` crosses one of ``gutters``."""
    return not any(w["x0"] < right - 1 and w["x1"] > left + 1 for w in line for left, right in gutters)


def _starts_first_column(line: Line, taken: Cover, gap: float) -> bool:
    """A row spanning the columns starts with a short first cell ("I", "1") left of the first gutter."""
    gutters = taken.gutters(gap)
    return bool(gutters) and line[0]["x1"] <= gutters[0][0] + 1 and len(line[0]["text"]) <= 6


def _continues(lines: list[Line], gap: float) -> bool:
    """A page that starts inside a table a page break cut (no header repeated): its first lines
    keep at least three columns and one of them starts with a row number."""
    head = lines[:3]
    if len(head) < 2 or max(len(groups(line, gap)) for line in head) < MIN_COLUMNS:
        return False
    if len(Cover(head).gutters(gap)) < MIN_COLUMNS - 1:
        return False
    return any(ROW_NUMBER.fullmatch(line[0]["text"]) for line in lines[:8])


def _page_number(line: Line) -> bool:
    text = _text(line)
    return bool(PAGE_MARK.match(text) or (len(line) <= 3 and BARE_NUMBER.match(text)))


def _set_apart(upper: Line, lower: Line, m: _Metrics) -> bool:
    """``lower`` stands further below ``upper`` than the next line of a paragraph or cell (a page
    number in the page's margin, not a cell's last line "2030")."""
    return min(w["top"] for w in lower) - max(w["bottom"] for w in upper) > m.height


def _ends_page(lines: list[Line], k: int) -> bool:
    """Nothing but a page number after line ``k``."""
    return all(_page_number(line) for line in lines[k:])


def _carried(lines: list[Line], carry: Carry, m: _Metrics) -> tuple[int, Cover | None, list[Line], set[int], bool]:
    """The lines at the top of the page that go on the table the page before ended with:
    ``(first, taken, order, spanning, repeated header)`` as :func:`_extent` gives them
    (``first`` skips a page number above them); no lines when there are none."""
    before = carry.cover.gutters(m.gap) if carry.cover is not None else []
    if carry.cover is None or not before:
        return 0, None, [], set(), False
    first = 1 if lines and _page_number(lines[0]) and lines[0][0]["x0"] >= before[0][1] - 1 else 0
    taken, order, spanning = _extent(lines, first, len(before) + 1, m, carry.cover)
    return first, taken, order, spanning, any(_header_band(order, i, m) for i in range(min(3, len(order))))  # the header repeated


def _header_above(lines: list[Line], k: int, used: set[int], taken: Cover, m: _Metrics) -> int:
    """How many lines above the header line at ``k`` belong to the header: header cells centred
    vertically put the lines of a wrapped cell ("Thời gian" / "hoàn thành") above and below the
    line that has every cell."""
    j = k
    columns = len(taken.gutters(m.gap))
    while j > 0 and id(lines[j - 1][0]) not in used and lines[j][0]["top"] - lines[j - 1][-1]["bottom"] < 0.5 * m.height \
            and len(taken.gutters(m.gap, [lines[j - 1]])) >= columns:
        j -= 1
    return k - j


def _keeps_columns(taken: Cover, line: Line, columns: int, m: _Metrics, ahead: list[Line]) -> bool:
    """``line`` leaves the table its columns: gutters as wide as a header gap, or, for a line not
    as wide as body text, narrower ones; or, with the lines ``ahead`` of it, gutters where their
    words start level (cells packed close show their columns only once several lines are in)."""
    if len(taken.lines) >= ALIGNED and any(w["x0"] < edge - 1 < w["x1"] for w in line for edge in taken.edges(m.gap)):
        return False  # a word over the left edge where the lines of a column start level
    if len(taken.gutters(m.gap, [line])) >= columns - 1:
        return True
    if line[-1]["x1"] - line[0]["x0"] < 0.6 * (taken.right - taken.left) and len(taken.gutters(1.5, [line])) >= columns - 1:
        return True
    return len(ahead) >= ALIGNED and len(taken.gutters(m.gap, [line, *ahead])) >= columns - 1


def _extent(lines: list[Line], k: int, columns: int, m: _Metrics, known: Cover | None = None, band: int = 1
            ) -> tuple[Cover, list[Line], set[int]]:
    """From line ``k`` (a header of ``band`` lines, or with ``known``, the lines of the table on the
    pages before, the top of a page): (the lines that keep the columns, grown on from ``known``; the
    table's lines on this page; indexes of the rows spanning the columns)."""
    taken = known if known is not None else Cover(lines[k:k + band], m.gap)
    spanning: set[int] = set()  # indexes (in order) of rows spanning the columns ("I  Nhóm …")
    order = [] if known is not None else lines[k:k + band]
    j = k if known is not None else k + band
    while j < len(lines) and not ((known is not None or _page_number(lines[j])) and _ends_page(lines, j)
                                  and (not order or _set_apart(order[-1], lines[j], m))) \
            and (not order or lines[j][0]["top"] - order[-1][-1]["bottom"] < m.height * (4 if len(order) > 1 else 7)):
        spans = len(groups(lines[j], m.gap)) == 2 and _starts_first_column(lines[j], taken, m.gap)
        if spans and len(taken.gutters(m.gap, [lines[j]])) < len(taken.gutters(m.gap)):
            spanning.add(len(order))  # "I  Nhóm …" over the columns: its words must not close a gutter
        elif len(taken.gutters(m.gap, [lines[j]])) >= columns - 1 if known is not None \
                else _keeps_columns(taken, lines[j], columns, m, lines[j + 1:j + 1 + ALIGNED]):
            taken.add(lines[j])
        elif spans:
            spanning.add(len(order))
        else:
            break
        order.append(lines[j])
        j += 1
    return taken, order, spanning


def _table(order: list[Line], gutters: list[tuple[float, float]], spanning: set[int], m: _Metrics,
           header: bool = True) -> tuple:
    flat = [w for line in order for w in line]
    bbox = (min(w["x0"] for w in flat), min(w["top"] for w in flat),
            max(w["x1"] for w in flat), max(w["bottom"] for w in flat))
    return bbox, rows(order, gutters, spanning, m.height, m.gap, header)


def split_borderless(words: list[dict], carry: Carry | None = None) -> tuple[list[dict], list[tuple]]:
    """The page's words outside any borderless task table, and the tables found as
    ``(bbox, rows)`` (rows of cells of paragraphs). ``carry`` links the pages of one document:
    a table running to the page's bottom goes on at the top of the next page."""
    carry = carry if carry is not None else Carry()
    if not words:
        return words, []  # a blank page: a table cut before it may go on after it
    lines = words_in_lines(words, 0.45 * (median(w["bottom"] - w["top"] for w in words) or 10.0))
    m = _metrics(words, lines)
    tables: list[tuple] = []
    used: set[int] = set()
    first, carried, order, spanning, repeated = _carried(lines, carry, m)
    k = first + len(order) if order else 0
    open_cover: Cover | None = None
    if order and carried is not None:
        tables.append(_table(order, carried.gutters(m.gap), spanning, m, header=repeated))
        used.update(id(w) for line in order for w in line)
        open_cover = carried if _ends_page(lines, k) else None
    while k < len(lines):
        band = _header_band(lines, k, m)
        if not band and not (k == 0 and _continues(lines, m.gap)):
            k += 1
            continue
        columns = len(_header_cells(_union(lines[k:k + band]), m.gap)) if band else \
            max(len(groups(line, m.gap)) for line in lines[:3])
        band = band or 1
        taken, order, spanning = _extent(lines, k, columns, m, band=band)
        if len(taken.lines) < band + 1:
            k += 1
            continue
        gutters = taken.gutters(m.gap)
        if len(taken.lines) > 2:
            rest = Cover(taken.lines[1:], m.gap)
            if len(rest.gutters(m.gap)) > len(gutters):
                taken = rest  # a header cell spanning columns ("Cơ quan thực hiện")
                gutters = taken.gutters(m.gap)
        above = _header_above(lines, k, used, taken, m)
        order = lines[k - above:k] + order
        spanning = {i + above for i in spanning}
        tables.append(_table(order, gutters, spanning, m))
        used.update(id(w) for line in order for w in line)
        k += len(order) - above
        open_cover = taken if _ends_page(lines, k) else None
    carry.cover = open_cover
    return [w for w in words if id(w) not in used], tables
