"""Task tables a PDF prints without ruling lines, found by how their words line up.

A table starts at a line of at least three word groups set apart by gaps wider than a word space,
two of them task-table header words (STT, Nội dung, Chủ trì, Thời gian …). Its columns are the
gutters: the horizontal gaps, wider than a few word spaces, that no word of the table's lines
crosses (a cell's padding keeps one between columns even when the text fills its cells). Lines are
taken while the table keeps its columns (a line of body text crosses a gutter and ends it). A line
with a word in the first column starts a row; a line without goes on in the cells of the row above
(wrapped cells), and before the first row, in the header's cells. A cell merged over several rows
prints as one paragraph running past the start of the next row: a line that goes on such a
paragraph (one line pitch below it, not level with the new row) stays in the row it started in.
A table that runs to the bottom of a page goes on at the top of the next one while its lines keep
the same gutters (no header repeated). The words read into the table are taken out of the text.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field

from .. import rx as regex
from ..vn import ascii_fold
from .aligned import HEADER_WORD
from .lines import PAGE_MARK

ROW_NUMBER = regex.compile(r"\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?")
_BARE_NUMBER = regex.compile(r"^(?:-\s*)?\d{1,4}(?:\s*-)?$")

MIN_COLUMNS = 3

Line = list[dict]


@dataclass
class Carry:
    """What one page leaves to the next: the lines of a table that ran to the page's bottom (their
    words' positions give its columns)."""

    lines: list[Line] = field(default_factory=list)


@dataclass
class _Metrics:
    height: float
    """Median word height."""
    gap: float
    """The narrowest gap read as a gutter between columns (wider than any word space)."""


def _metrics(words: list[dict], lines: list[Line]) -> _Metrics:
    height = statistics.median(w["bottom"] - w["top"] for w in words) or 10.0
    spaces = [b["x0"] - a["x1"] for line in lines for a, b in itertools.pairwise(line) if 0 < b["x0"] - a["x1"] < height]
    space = statistics.median(spaces) if spaces else height * 0.3
    return _Metrics(height, max(2.5 * space, 0.6 * height))


def _lines(words: list[dict], tolerance: float) -> list[Line]:
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if lines and abs((lines[-1][0]["top"] + lines[-1][0]["bottom"]) / 2 - mid) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _groups(line: Line, gap: float) -> list[Line]:
    out = [[line[0]]]
    for w in line[1:]:
        if w["x0"] - out[-1][-1]["x1"] > gap:
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _text(words: Line) -> str:
    return " ".join(w["text"] for w in words)


def _is_header(line: Line, gap: float) -> bool:
    groups = _groups(line, gap)
    return len(groups) >= MIN_COLUMNS and sum(1 for g in groups if HEADER_WORD.search(ascii_fold(_text(g)))) >= 2


def _gutters(lines: list[Line], gap: float) -> list[tuple[float, float]]:
    """Horizontal gaps at least ``gap`` wide that no word of ``lines`` covers: (left, right)."""
    spans = sorted((w["x0"], w["x1"]) for line in lines for w in line)
    out: list[tuple[float, float]] = []
    right = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - right >= gap:
            out.append((right, x0))
        right = max(right, x1)
    return out


def _fits(line: Line, gutters: list[tuple[float, float]]) -> bool:
    """No word of ``line`` crosses one of ``gutters``."""
    return not any(w["x0"] < right - 1 and w["x1"] > left + 1 for w in line for left, right in gutters)


def _starts_first_column(line: Line, taken: list[Line], gap: float) -> bool:
    """A row spanning the columns starts with a short first cell ("I", "1") left of the first gutter."""
    gutters = _gutters(taken, gap)
    return bool(gutters) and line[0]["x1"] <= gutters[0][0] + 1 and len(line[0]["text"]) <= 6


def _header_cells(row: list[list[str]]) -> bool:
    """Most filled cells of ``row`` are header words ("Cơ quan thực hiện", "Chủ trì", "Phối hợp";
    a wrapped cell's first half such as "Số" is not)."""
    filled = [" ".join(c) for c in row if c]
    return 2 * sum(1 for t in filled if HEADER_WORD.search(ascii_fold(t))) >= max(len(filled), 1)


def _pitch(lines: list[Line], height: float) -> float:
    """The distance between the lines of one paragraph (the smallest usual step between lines)."""
    steps = [b[0]["top"] - a[0]["top"] for a, b in itertools.pairwise(lines) if 0 < b[0]["top"] - a[0]["top"] < 2.5 * height]
    return min(statistics.median(steps), 2 * height) if steps else 1.5 * height


def _place(line: Line, bounds: list[float], gap: float, spanning: bool, heading: bool) -> list[list[str]]:
    """The words of ``line`` in their columns. A row spanning the columns keeps its text in the
    second; in the header, a cell spanning columns ("Cơ quan thực hiện" over "Chủ trì | Phối
    hợp") stays whole, in the column it starts in."""
    cells: list[list[str]] = [[] for _ in range(len(bounds) + 1)]
    for group in _groups(line, gap) if heading else [[w] for w in line]:
        col = sum(1 for b in bounds if group[0]["x0"] >= b)
        cells[min(col, 1) if spanning else col].extend(w["text"] for w in group)
    return cells


def _join(text: str, more: str, heading: bool) -> str:
    """A wrapped cell's lines joined; in the header, a word too wide for its column broken over
    two lines ("ST" / "T") is joined again when only the whole reads as a header word."""
    if heading:
        head, _, last = text.rpartition(" ")
        first, _, tail = more.partition(" ")
        whole = ascii_fold(last + first)
        if HEADER_WORD.search(whole) and not HEADER_WORD.search(ascii_fold(f"{last} {first}")):
            return f"{head} {last}{first} {tail}".strip()
    return f"{text} {more}"


def _rows(lines: list[Line], gutters: list[tuple[float, float]], spanning: set[int], m: _Metrics,
          header: bool) -> list[list[list[str]]]:
    """Cells row by row (see the module's text for where a line's words go); ``header``: the
    first line is the header's."""
    bounds = [g[0] for g in gutters]
    pitch = _pitch(lines, m.height)
    rows: list[list[list[str]]] = []
    last: dict[int, tuple[float, int]] = {}  # column -> (top of its last line, the row it went to)
    start_top = prev_top = 0.0
    for k, line in enumerate(lines):
        cells = _place(line, bounds, m.gap, k in spanning, header and (not rows or all(_header_cells(r) for r in rows)))
        top = line[0]["top"]
        after_header = header and bool(rows) and all(_header_cells(r) for r in rows)
        close = top - prev_top <= pitch * 1.2
        in_header = after_header and close and not ROW_NUMBER.fullmatch(" ".join(cells[0]))  # "Số" / "TT"
        if not rows or (cells[0] and not in_header) or (after_header and not close):
            rows.append([[] for _ in cells])
            start_top = top
        prev_top = top
        for c, words in enumerate(cells):
            if not words:
                continue
            target = len(rows) - 1
            before = last.get(c)
            if before is not None and before[1] < target and top - before[0] <= pitch * 1.2 \
                    and abs(top - start_top) > 0.3 * m.height:
                target = before[1]  # a paragraph merged over rows, running on past the next row's start
            cell = rows[target][c]
            text = " ".join(words)
            rows[target][c] = [_join(cell[0], text, in_header)] if cell else [text]
            last[c] = (top, target)
    return rows


def _continues(lines: list[Line], gap: float) -> bool:
    """A page that starts inside a table a page break cut (no header repeated): its first lines
    keep at least three columns and one of them starts with a row number."""
    head = lines[:3]
    if len(head) < 2 or max(len(_groups(line, gap)) for line in head) < MIN_COLUMNS:
        return False
    if len(_gutters(head, gap)) < MIN_COLUMNS - 1:
        return False
    return any(ROW_NUMBER.fullmatch(line[0]["text"]) for line in lines[:8])


def _page_number(line: Line) -> bool:
    text = _text(line)
    return bool(PAGE_MARK.match(text) or (len(line) <= 3 and _BARE_NUMBER.match(text)))


def _ends_page(lines: list[Line], k: int) -> bool:
    """Nothing but a page number after line ``k``."""
    return all(_page_number(line) for line in lines[k:])


def _carried(lines: list[Line], carry: Carry, m: _Metrics) -> tuple[int, list[Line], list[Line], set[int], bool]:
    """The lines at the top of the page that go on the table the page before ended with:
    ``(first, taken, order, spanning, repeated header)`` as :func:`_extent` gives them
    (``first`` skips a page number above them); no lines when there are none."""
    before = _gutters(carry.lines, m.gap) if carry.lines else []
    if not before:
        return 0, [], [], set(), False
    first = 1 if lines and _page_number(lines[0]) and lines[0][0]["x0"] >= before[0][1] - 1 else 0
    taken, order, spanning = _extent(lines, first, len(before) + 1, m, carry.lines)
    return first, taken, order, spanning, bool(order) and _is_header(order[0], m.gap)


def _extent(lines: list[Line], k: int, columns: int, m: _Metrics, known: list[Line] | None = None
            ) -> tuple[list[Line], list[Line], set[int]]:
    """From line ``k`` (a header, or with ``known`` lines of the table on the page before, the top
    of a page): (lines that keep the columns, the table's lines on this page, indexes of the rows
    spanning the columns)."""
    taken = list(known) if known else [lines[k]]
    spanning: set[int] = set()  # indexes (in order) of rows spanning the columns ("I  Nhóm …")
    order = [] if known else [lines[k]]
    j = k if known else k + 1
    while j < len(lines) and not (known and _ends_page(lines, j)) \
            and (not order or lines[j][0]["top"] - order[-1][-1]["bottom"] < m.height * 4):
        if len(_gutters(taken + [lines[j]], m.gap)) >= columns - 1:
            taken.append(lines[j])
        elif len(_groups(lines[j], m.gap)) == 2 and _starts_first_column(lines[j], taken, m.gap):
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
    return bbox, _rows(order, gutters, spanning, m, header)


def split_borderless(words: list[dict], carry: Carry | None = None) -> tuple[list[dict], list[tuple]]:
    """The page's words outside any borderless task table, and the tables found as
    ``(bbox, rows)`` (rows of cells of paragraphs). ``carry`` links the pages of one document:
    a table running to the page's bottom goes on at the top of the next page."""
    carry = carry if carry is not None else Carry()
    if not words:
        carry.lines = []
        return words, []
    lines = _lines(words, 0.45 * (statistics.median(w["bottom"] - w["top"] for w in words) or 10.0))
    m = _metrics(words, lines)
    tables: list[tuple] = []
    used: set[int] = set()
    first, taken, order, spanning, repeated = _carried(lines, carry, m)
    k = first + len(order) if order else 0
    open_lines: list[Line] = []
    if order:
        tables.append(_table(order, _gutters(taken, m.gap), spanning, m, header=repeated))
        used.update(id(w) for line in order for w in line)
        open_lines = taken if _ends_page(lines, k) else []
    while k < len(lines):
        columns = len(_groups(lines[k], m.gap))
        if not _is_header(lines[k], m.gap) and not (k == 0 and _continues(lines, m.gap)):
            k += 1
            continue
        if k == 0 and not _is_header(lines[k], m.gap):
            columns = max(len(_groups(line, m.gap)) for line in lines[:3])
        taken, order, spanning = _extent(lines, k, columns, m)
        if len(taken) < 2:
            k += 1
            continue
        gutters = _gutters(taken, m.gap)
        if len(taken) > 2 and len(_gutters(taken[1:], m.gap)) > len(gutters):
            taken = taken[1:]  # a header cell spanning columns ("Cơ quan thực hiện")
            gutters = _gutters(taken, m.gap)
        tables.append(_table(order, gutters, spanning, m))
        used.update(id(w) for line in order for w in line)
        k += len(order)
        open_lines = taken if _ends_page(lines, k) else []
    carry.lines = open_lines
    return [w for w in words if id(w) not in used], tables
