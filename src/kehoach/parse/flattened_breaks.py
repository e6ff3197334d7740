"""A table written one cell a line that a page break split into pieces (parse/flattened.py): a Word document
whose table is cut into one table a page, each with its header repeated, the row the break cut going on in a
row whose number cell is empty. The text export writes the pieces one after the other, an empty paragraph
between them; the piece after the break is one table with the piece before it."""

from __future__ import annotations

from ..vn import ascii_fold
from ..vocab.table_header import NUMBER_HEADER
from .blocks import Loc, Row

MAX_BETWEEN = 2
"""Empty lines at most between a piece's last cell and the next piece's header (the paragraph between them)."""


def repeated_header(lines: list[str], k: int, head: list[str]) -> int | None:
    """The line after the header ``head`` (the numbering column's header cell and the others) repeated from line
    ``k``, after at most :data:`MAX_BETWEEN` empty lines; None when it is not there."""
    n = k
    while n < len(lines) and n - k < MAX_BETWEEN and not lines[n].strip():
        n += 1
    text = lines[n].strip() if n < len(lines) else ""
    if not (len(text) < 12 and NUMBER_HEADER.match(ascii_fold(text).lower())):
        return None
    if [line.strip() for line in lines[n + 1:n + 1 + len(head)]] != head:
        return None
    return n + 1 + len(head)


def header_row(lines: list[str], k: int, end: int) -> Row:
    """The header repeated on lines ``k`` (its numbering cell's) to ``end``, as a row after a page break."""
    first = next(n for n in range(k, end) if lines[n].strip())
    return Row([[lines[n].strip()] for n in range(first, end)], Loc(first + 1), list(range(first + 1, end + 1)),
               after_break=True)


def piece_end(lines: list[str], start: int, nxt: int) -> int:
    """Where a row from ``start`` ends when the next piece's header follows it at ``nxt``: before the one empty
    paragraph between the pieces (the row's own empty cells kept)."""
    return nxt - 1 if nxt - 1 > start and not lines[nxt - 1].strip() else nxt
