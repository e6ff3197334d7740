"""A tab-separated table's row that a page break cut in two, joined back together."""

from __future__ import annotations

from ..vn import ascii_fold, fold
from .aligned import HEADER_WORD
from .blocks import Row


def join_cut_rows(rows: list[Row]) -> list[Row]:
    """A row a page break cut: its first cells before the break (fewer than the table has), the rest on
    the next page in a row with an empty first cell, after the header repeated or not. The two parts
    are one row again (the header stays where it is, a repeated header is skipped later)."""
    if not rows:
        return rows
    heading = {_row_text(h) for h in _header_lines(rows)}
    width, out = len(rows[0].cells), list(rows)
    for r in range(len(out)):
        if r + 1 >= len(out) or len(out[r].cells) >= width or not out[r + 1].after_break:
            continue
        k = r + 1
        while k < len(out) and (_row_text(out[k]) in heading or _header_row(out[k])):
            k += 1
        if k < len(out) and out[k].cells and not out[k].cells[0]:
            row, rest = out[r], out.pop(k)
            cells = row.cells + [[] for _ in range(len(rest.cells) - len(row.cells))]
            out[r] = Row([a + b for a, b in zip(cells, rest.cells, strict=False)] + cells[len(rest.cells):],
                         row.loc, row.lines + rest.lines, row.after_break)
    return out


def _header_lines(rows: list[Row]) -> list[Row]:
    """The table's first row and the wrapped header lines under it (an empty first cell)."""
    k = 1
    while k < len(rows) and (not rows[k].cells or not rows[k].cells[0]):
        k += 1
    return rows[:k]


def _header_row(row: Row) -> bool:
    return sum(1 for c in row.cells if c and HEADER_WORD.search(ascii_fold(" ".join(c)))) >= 2


def _row_text(row: Row) -> str:
    return fold(" ".join(" ".join(c) for c in row.cells))
