"""Tables as a browser copies a page whose cells hold paragraphs (select all, copy, paste as text;
what ``innerText`` gives): a cell's paragraphs apart by one blank line, a tab between two cells
(alone on its line, blank lines around it, when both cells hold paragraphs), and two blank lines
or more between rows (more still where the page has empty paragraphs). A row with one cell spanning
the table (a group row) stands alone between such gaps. Only one blank line parts a table from
the text around it, so a table is found by its header row (three cells or more, two of them
column words, each of one or two paragraphs) and ends with the first row after which no row
follows, that row's last cell being the one paragraph after its last tab. Tables without a header
row (the issuer beside the national motto, "Nơi nhận" beside the signature) stay text: the text
reader reads them as they come.
"""

from __future__ import annotations

from itertools import pairwise

from .. import rx
from ..record import Record
from ..vn import ascii_fold
from .aligned import HEADER_WORD
from .blocks import Loc, Row
from .normalize import normalize_text

_TAB_ONLY = rx.compile(r"^[ \t]*\t[ \t]*$")
MIN_SEPARATORS = 2
"""A text is read this way when this many lines hold only a tab (cells of paragraphs)."""
MAX_CELL_PARAGRAPHS = 8
"""More paragraphs than this between two tabs are not one cell but text between two tables."""


class _Para(Record):
    __slots__ = ("start", "end", "gap")

    start: int
    end: int  # exclusive
    gap: int  # blank lines before it

    def __init__(self, start: int, end: int, gap: int) -> None:
        self.start, self.end, self.gap = start, end, gap

    def has_tab(self, lines: list[str]) -> bool:
        return any("\t" in lines[k] for k in range(self.start, self.end))


def _paragraphs(lines: list[str]) -> list[_Para]:
    out: list[_Para] = []
    gap = 0
    k = 0
    while k < len(lines):
        if not lines[k].strip(" \t\f") and not _TAB_ONLY.match(lines[k]):
            gap += 1
            k += 1
            continue
        j = k + 1
        while j < len(lines) and lines[j].strip(" \t\f") and not _TAB_ONLY.match(lines[j]) and not _TAB_ONLY.match(lines[k]):
            j += 1
        out.append(_Para(k, j, gap))
        gap = 0
        k = j
    return out


def _chunks(lines: list[str], paras: list[_Para]) -> list[list[_Para]]:
    """Paragraphs grouped into rows: two blank lines or more part two rows. More than
    :data:`MAX_CELL_PARAGRAPHS` between two tabs are a table's last cell, text, and the next
    table's first cell: three chunks."""
    out: list[list[_Para]] = []
    for p in paras:
        if out and p.gap < 2:
            out[-1].append(p)
        else:
            out.append([p])
    return [part for chunk in out for part in _cut_long(lines, chunk)]


def _cut_long(lines: list[str], chunk: list[_Para]) -> list[list[_Para]]:
    out: list[list[_Para]] = []
    tabbed = [n for n, p in enumerate(chunk) if p.has_tab(lines)]
    start = 0
    for a, b in pairwise(tabbed):
        if b - a - 1 > MAX_CELL_PARAGRAPHS:
            out += [chunk[start:a + 2], chunk[a + 2:b - 1]]
            start = b - 1
    return [*out, chunk[start:]]


def _tabs(lines: list[str], chunk: list[_Para]) -> int:
    return sum(lines[n].count("\t") for p in chunk for n in range(p.start, p.end))


def _head(lines: list[str], chunk: list[_Para], tabs: int) -> int:
    """How many of the chunk's paragraphs make a row of ``tabs`` tabs from its start: up to the
    paragraph holding the last of them, and the one after it when that tab ends its line."""
    seen = 0
    for n, p in enumerate(chunk):
        seen += _tabs(lines, [p])
        if seen >= tabs:
            return min(len(chunk), n + 2) if lines[p.end - 1].rstrip(" ").endswith("\t") else n + 1
    return len(chunk)


def _tail(lines: list[str], chunk: list[_Para], tabs: int) -> int:
    """Where a row of ``tabs`` tabs ending the chunk starts: at the paragraph holding the first of
    them, or the one before it when that tab opens its line."""
    seen = 0
    for n in range(len(chunk) - 1, -1, -1):
        seen += _tabs(lines, [chunk[n]])
        if seen >= tabs:
            return max(0, n - 1) if lines[chunk[n].start].lstrip(" ").startswith("\t") else n
    return 0


HEADER_CELL_PARAGRAPHS = 2
"""A header cell has at most this many paragraphs; a longer stretch between two tabs is no header's."""


def _header_tabs(lines: list[str], chunk: list[_Para]) -> int:
    """The tabs of the header row a chunk can end with: the last tabs, each at most
    :data:`HEADER_CELL_PARAGRAPHS` paragraphs from the next."""
    tabbed = [n for n, p in enumerate(chunk) if p.has_tab(lines)]
    count = _tabs(lines, [chunk[tabbed[-1]]]) if tabbed else 0
    for a, b in pairwise(reversed(tabbed)):
        if a - b - 1 > HEADER_CELL_PARAGRAPHS:
            break
        count += _tabs(lines, [chunk[b]])
    return count


def _is_header(row: Row) -> bool:
    """A task table's header row: three cells or more, two of them column words."""
    return len(row.cells) >= 3 and sum(1 for c in row.cells if c and HEADER_WORD.search(ascii_fold(" ".join(c)))) >= 2


def copied_tables(lines: list[str]) -> dict[int, tuple[list[Row], int]]:
    """Start line index -> (rows, index after the table) of every copied table in ``lines`` that
    opens with a header row (layout tables, issuer beside motto, stay text and are read as such)."""
    if sum(1 for line in lines if "\t" in line and _TAB_ONLY.match(line)) < MIN_SEPARATORS:
        return {}
    chunks = _chunks(lines, _paragraphs(lines))
    out: dict[int, tuple[list[Row], int]] = {}
    k = 0
    while k < len(chunks):
        c, t = chunks[k], _tabs(lines, chunks[k])
        start = 0 if k == 0 else _tail(lines, c, _header_tabs(lines, c))
        if not t or not _is_header(_row(lines, c[start:])):
            k += 1
            continue
        rows, k = _rows(lines, chunks, k, c[start:])
        out[c[start].start] = (rows, max(n for r in rows for n in r.lines))
    return out


HEADER_ROWS = 2
"""Rows a header may take; a row after them holding more tabs than every row before it holds the
table's last row and, after it, text with another table's first cells (a signature beside "Nơi nhận")."""


def _rows(lines: list[str], chunks: list[list[_Para]], k: int, head: list[_Para]) -> tuple[list[Row], int]:
    """The rows of the table whose header row is ``head`` (in chunk ``k``), and the chunk after it;
    a chunk holding the table's last row and text after it is cut, the text left to the next chunk."""
    rows = [_row(lines, head)]
    width = _tabs(lines, head)
    k += 1
    while k < len(chunks):
        c, t = chunks[k], _tabs(lines, chunks[k])
        if not t:
            if len(c) == 1 and _goes_on(lines, chunks, k):
                group = _row(lines, c)  # a group row: one cell spanning the table
                group.cells += [[] for _ in range(width)]
                rows.append(group)
                k += 1
                continue
            break
        cut = None
        if t > width and len(rows) > HEADER_ROWS:
            cut = _head(lines, c, width)
        elif not _goes_on(lines, chunks, k):
            cut = _head(lines, c, t)  # the table's last row, and text after it
        if cut is not None and cut < len(c):
            rows.append(_row(lines, c[:cut]))
            chunks[k] = c[cut:]
            return rows, k
        rows.append(_row(lines, c))
        width = max(width, t)
        k += 1
    return rows, k


def _goes_on(lines: list[str], chunks: list[list[_Para]], k: int) -> bool:
    """The table goes on after chunk ``k``: a row follows, or a group row and then a row."""
    after = chunks[k + 1:k + 3]
    return bool(after) and (_tabs(lines, after[0]) > 0 or len(after) == 2 and len(after[0]) == 1
                            and _tabs(lines, after[1]) > 0)


def _row(lines: list[str], chunk: list[_Para]) -> Row:
    cells: list[list[str]] = [[]]
    used: list[int] = []
    for p in chunk:
        for n in range(p.start, p.end):
            for j, part in enumerate(lines[n].split("\t")):
                if j:
                    cells.append([])
                text = normalize_text(part)
                if text:
                    cells[-1].append(text)
                    used.append(n + 1)
    return Row(cells, Loc(used[0] if used else chunk[0].start + 1), used)
