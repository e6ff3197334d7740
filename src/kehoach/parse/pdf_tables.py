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
from collections import Counter
from dataclasses import dataclass, field

from .. import rx
from ..vn import ascii_fold
from .aligned import HEADER_WORD
from .lines import PAGE_MARK
from .pdf_rows import ROW_NUMBER, Line, groups, rows

_BARE_NUMBER = rx.compile(r"^(?:-\s*)?\d{1,4}(?:\s*-)?$")

MIN_COLUMNS = 3
ALIGNED = 3
"""Lines whose words start level at a narrow gap for it to part two columns."""



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
    """Words in lines: a word joins the line whose mean middle height is within ``tolerance`` of
    its own (glyph boxes of marked letters, "Ủ", "ấ", "p", reach higher or lower than others)."""
    lines: list[Line] = []
    mean = 0.0
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if lines and abs(mean - mid) <= tolerance:
            lines[-1].append(w)
            mean += (mid - mean) / len(lines[-1])
        else:
            lines.append([w])
            mean = mid
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _text(words: Line) -> str:
    return " ".join(w["text"] for w in words)


def _is_header(line: Line, gap: float) -> bool:
    cells = groups(line, gap)
    return len(cells) >= MIN_COLUMNS and sum(1 for g in cells if HEADER_WORD.search(ascii_fold(_text(g)))) >= 2


def _gutters(lines: list[Line], gap: float) -> list[tuple[float, float]]:
    """Horizontal gaps that no word of ``lines`` covers, at least ``gap`` wide, or narrower where
    the lines of a column start level (left-aligned cells packed close): (left, right)."""
    spans = sorted((w["x0"], w["x1"]) for line in lines for w in line)
    starts = Counter(round(x0) for x0, _x1 in spans)
    out: list[tuple[float, float]] = []
    right = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - right >= gap or (x0 - right >= 1.5 and sum(starts[round(x0) + d] for d in (-1, 0, 1)) >= ALIGNED
                                 and _ragged(lines, x0)):
            out.append((right, x0))
        right = max(right, x1)
    return out


def _ragged(lines: list[Line], edge: float) -> bool:
    """On the lines with a word starting at ``edge``, the words before it end at different places
    (the ragged right side of a column), not all at one (a phrase repeated: "Xây dựng | hệ …",
    "Năm | 2027")."""
    ends = [a["x1"] for line in lines for a, b in itertools.pairwise(line) if abs(b["x0"] - edge) <= 1]
    return len(ends) >= 2 and max(ends) - min(ends) >= 3


def _fits(line: Line, gutters: list[tuple[float, float]]) -> bool:
    """No word of ``line`` crosses one of ``gutters``."""
    return not any(w["x0"] < right - 1 and w["x1"] > left + 1 for w in line for left, right in gutters)


def _starts_first_column(line: Line, taken: list[Line], gap: float) -> bool:
    """A row spanning the columns starts with a short first cell ("I", "1") left of the first gutter."""
    gutters = _gutters(taken, gap)
    return bool(gutters) and line[0]["x1"] <= gutters[0][0] + 1 and len(line[0]["text"]) <= 6


def _continues(lines: list[Line], gap: float) -> bool:
    """A page that starts inside a table a page break cut (no header repeated): its first lines
    keep at least three columns and one of them starts with a row number."""
    head = lines[:3]
    if len(head) < 2 or max(len(groups(line, gap)) for line in head) < MIN_COLUMNS:
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
    return first, taken, order, spanning, any(_is_header(line, m.gap) for line in order[:3])  # the header repeated


def _header_above(lines: list[Line], k: int, used: set[int], taken: list[Line], m: _Metrics) -> int:
    """How many lines above the header line at ``k`` belong to the header: header cells centred
    vertically put the lines of a wrapped cell ("Thời gian" / "hoàn thành") above and below the
    line that has every cell."""
    j = k
    while j > 0 and id(lines[j - 1][0]) not in used and lines[j][0]["top"] - lines[j - 1][-1]["bottom"] < 0.5 * m.height \
            and len(_gutters(taken + [lines[j - 1]], m.gap)) >= len(_gutters(taken, m.gap)):
        j -= 1
    return k - j


def _edges(taken: list[Line], gap: float) -> list[float]:
    """The gutters' right ends where at least ``ALIGNED`` lines of ``taken`` start a word."""
    starts = [w["x0"] for line in taken for w in line]
    return [right for _left, right in _gutters(taken, gap) if sum(1 for x in starts if abs(x - right) <= 1) >= ALIGNED]


def _keeps_columns(taken: list[Line], line: Line, columns: int, m: _Metrics, ahead: list[Line]) -> bool:
    """``line`` leaves the table its columns: gutters as wide as a header gap, or, for a line not
    as wide as body text, narrower ones; or, with the lines ``ahead`` of it, gutters where their
    words start level (cells packed close show their columns only once several lines are in)."""
    if len(taken) >= ALIGNED and any(w["x0"] < edge - 1 < w["x1"] for w in line for edge in _edges(taken, m.gap)):
        return False  # a word over the left edge where the lines of a column start level
    if len(_gutters(taken + [line], m.gap)) >= columns - 1:
        return True
    left = min(w["x0"] for ln in taken for w in ln)
    right = max(w["x1"] for ln in taken for w in ln)
    if line[-1]["x1"] - line[0]["x0"] < 0.6 * (right - left) and len(_gutters(taken + [line], 1.5)) >= columns - 1:
        return True
    return len(ahead) >= ALIGNED and len(_gutters(taken + [line] + ahead, m.gap)) >= columns - 1


def _extent(lines: list[Line], k: int, columns: int, m: _Metrics, known: list[Line] | None = None
            ) -> tuple[list[Line], list[Line], set[int]]:
    """From line ``k`` (a header, or with ``known`` lines of the table on the page before, the top
    of a page): (lines that keep the columns, the table's lines on this page, indexes of the rows
    spanning the columns)."""
    taken = list(known) if known else [lines[k]]
    spanning: set[int] = set()  # indexes (in order) of rows spanning the columns ("I  Nhóm …")
    order = [] if known else [lines[k]]
    j = k if known else k + 1
    while j < len(lines) and not ((known or _page_number(lines[j])) and _ends_page(lines, j)) \
            and (not order or lines[j][0]["top"] - order[-1][-1]["bottom"] < m.height * (4 if len(order) > 1 else 7)):
        spans = len(groups(lines[j], m.gap)) == 2 and _starts_first_column(lines[j], taken, m.gap)
        if spans and len(_gutters(taken + [lines[j]], m.gap)) < len(_gutters(taken, m.gap)):
            spanning.add(len(order))  # "I  Nhóm …" over the columns: its words must not close a gutter
        elif len(_gutters(taken + [lines[j]], m.gap)) >= columns - 1 if known \
                else _keeps_columns(taken, lines[j], columns, m, lines[j + 1:j + 1 + ALIGNED]):
            taken.append(lines[j])
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
        columns = len(groups(lines[k], m.gap))
        if not _is_header(lines[k], m.gap) and not (k == 0 and _continues(lines, m.gap)):
            k += 1
            continue
        if k == 0 and not _is_header(lines[k], m.gap):
            columns = max(len(groups(line, m.gap)) for line in lines[:3])
        taken, order, spanning = _extent(lines, k, columns, m)
        if len(taken) < 2:
            k += 1
            continue
        gutters = _gutters(taken, m.gap)
        if len(taken) > 2 and len(_gutters(taken[1:], m.gap)) > len(gutters):
            taken = taken[1:]  # a header cell spanning columns ("Cơ quan thực hiện")
            gutters = _gutters(taken, m.gap)
        above = _header_above(lines, k, used, taken, m)
        order = lines[k - above:k] + order
        spanning = {i + above for i in spanning}
        tables.append(_table(order, gutters, spanning, m))
        used.update(id(w) for line in order for w in line)
        k += len(order) - above
        open_lines = taken if _ends_page(lines, k) else []
    carry.lines = open_lines
    return [w for w in words if id(w) not in used], tables
