"""Rows of a space-aligned table whose cells are centred vertically and whose rows follow each other
with no blank line (``pdftotext -layout`` of a ruled table): a row's number stands on its middle
line, so each cell's lines lie as far above the number as below it (pdftotext prints a cell with
fewer lines than its row on lines of its own, half a line down). Column by column, a row's cell runs
from its first line not yet taken, if no lower than the number, to that line's mirror about the
number. When a column's lines cannot all be shared out so, or a line under the header reads as
header words, the reader keeps its usual rows and warns."""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.table_header import HEADER_ROW_WORDS
from .aligned_cells import cell_text
from .blocks import Loc, Row
from .normalize import normalize_text

_HEADER_WORD = rx.compile(HEADER_ROW_WORDS)

_SHORT = 3
"""Words at most in a line right under the header that, read as header words, continue the header."""


def centred_rows(taken: list[int], parts: list[list[str]]) -> list[Row] | None:
    """The body rows (the header, line 0, left out) read as centred cells, or None when the lines do
    not fit that reading. ``taken`` are the source lines (0-based), ``parts`` their cells."""
    numbers = [p for p in range(1, len(taken)) if parts[p][0]]
    if not numbers or _header_goes_on(parts, numbers[0]):
        return None
    at = [taken[n] for n in numbers]
    cells: list[list[list[str]]] = [[[parts[n][0]]] + [[] for _ in parts[0][1:]] for n in numbers]
    lines: list[set[int]] = [{k + 1} for k in at]
    for c in range(1, len(parts[0])):
        column = [p for p in range(1, len(taken)) if parts[p][c]]
        spans = _share_out([taken[p] for p in column], at)
        if spans is None:
            return None
        for r, (a, b) in enumerate(spans):
            cells[r][c] = [parts[p][c] for p in column[a:b]]
            lines[r] |= {taken[p] + 1 for p in column[a:b]}
    return [Row([[normalize_text(cell_text(cell))] if cell else [] for cell in row], Loc(k + 1), sorted(seen))
            for row, k, seen in zip(cells, at, lines, strict=True)]


def _share_out(found: list[int], numbers: list[int]) -> list[tuple[int, int]] | None:
    """For one column: the lines ``found`` (source line numbers, in order) shared out among the rows
    whose numbers stand on lines ``numbers``, each row's share as far above its number as below it,
    as (start, end) indexes into ``found``; None when they cannot all be shared out so."""
    spans, j = [], 0
    for r, mid in enumerate(numbers):
        if j == len(found) or found[j] > mid:  # nothing of this row in this column
            spans.append((j, j))
            continue
        last = 2 * mid - found[j]
        below = numbers[r + 1] if r + 1 < len(numbers) else None
        m = j
        while m < len(found) and found[m] < last:
            m += 1
        if m == len(found) or found[m] != last or (below is not None and last >= below):
            return None
        spans.append((j, m + 1))
        j = m + 1
    return spans if j == len(found) else None


def _header_goes_on(parts: list[list[str]], first_number: int) -> bool:
    """A line between the header and the first row number that reads as header words ("chủ trì")."""
    return any(len(cell.split()) <= _SHORT and _HEADER_WORD.search(ascii_fold(cell))
               for p in range(1, first_number) for cell in parts[p] if cell)
