"""A ruled table's rows as cells of paragraphs, cells merged down over rows read into each row they span
(:func:`table_rows`, for the tables of :mod:`pdf_ruling` and pdfplumber's alike), and a cell merged down over a
page break: drawn with no rule at the page's foot, its text is read in the last row; with no rule above it at the
next page's top, it goes on from the page before (:func:`carry_over_break`, warned)."""

from __future__ import annotations

from ..diagnostics import warning
from .blocks import Loc
from .pdf_rows import join_wrapped
from .pdf_ruling import Box, cell_text


class Rows(list):
    """A ruled table's rows (cells of paragraphs), with ``continued``: the cells (row, column) at the page's top
    that no cell holds, no rule above them (a cell merged down from the page before, which the break cut)."""

    continued: list[tuple[int, int]]


def table_rows(table) -> Rows:
    """Cell texts row by row; a cell merged down over several rows gives its text to each of them."""
    texts = table.extract()
    rows = Rows()
    rows.continued = _continued(table)
    open_below = _open_below(table, set(rows.continued))
    for r, row in enumerate(texts):
        out = []
        for c, cell in enumerate(row):
            if (r, c) in open_below:
                cell = _text_in(table, open_below[r, c])
            elif cell is None and r > 0 and c < len(table.rows[r].cells) and table.rows[r].cells[c] is None:
                above = table.rows[r - 1].cells[c] if c < len(table.rows[r - 1].cells) else None
                own_top = next((b[1] for b in table.rows[r].cells if b is not None), None)
                if above is not None and own_top is not None and above[3] > own_top + 1:
                    cell = texts[r - 1][c]  # the cell above reaches down into this row
                elif above is None and rows and rows[-1][c:c + 1] and _spans_down(table, r, c):
                    cell = " ".join(rows[-1][c])
            out.append([join_wrapped(cell.split("\n"))] if cell else [])
        rows.append(out)
    return rows


def _continued(table) -> list[tuple[int, int]]:
    """The cells (row, column) from the table's first row down that no cell holds, neither one of theirs nor one
    merged across from their left: a cell going on from above the table's top rule."""
    xs = sorted({b[0] for row in table.rows for b in row.cells if b is not None})
    out = []
    for c, x in enumerate(xs):
        for r, row in enumerate(table.rows):
            box = row.cells[c] if c < len(row.cells) else None
            if box is not None or any(b is not None and b[0] < x < b[2] - 1 for b in row.cells):
                break
            out.append((r, c))
    return out


def _open_below(table, continued: set[tuple[int, int]]) -> dict[tuple[int, int], Box]:
    """The cells from the table's last row up that no cell holds (none of theirs, none merged across from their
    left or down from above): a cell merged down over the page break with no rule at the page's foot, and its
    box in its row (its text would be lost otherwise)."""
    xs = sorted({b[0] for row in table.rows for b in row.cells if b is not None})
    out: dict[tuple[int, int], Box] = {}
    for c, x in enumerate(xs):
        right = xs[c + 1] if c + 1 < len(xs) else table.bbox[2]
        for r in range(len(table.rows) - 1, 0, -1):
            row = table.rows[r]
            box = row.cells[c] if c < len(row.cells) else None
            if box is not None or (r, c) in continued or any(b is not None and b[0] < x < b[2] - 1 for b in row.cells) \
                    or _spans_down(table, r, c):
                break
            out[r, c] = (x, row.bbox[1], right, row.bbox[3])
    return out


def _text_in(table, box: Box) -> str:
    """The text of the characters whose middle is inside ``box`` (the table's page's characters)."""
    chars = table.chars if hasattr(table, "chars") else table.page.chars
    mine = [ch for ch in chars if box[0] <= (ch["x0"] + ch["x1"]) / 2 < box[2] and box[1] <= (ch["top"] + ch["bottom"]) / 2 < box[3]]
    return cell_text(mine) if mine else ""


def _spans_down(table, r: int, c: int) -> bool:
    """Whether the merged cell that covers (r - 1, c) also covers row r."""
    for k in range(r - 1, -1, -1):
        box = table.rows[k].cells[c] if c < len(table.rows[k].cells) else None
        if box is not None:
            own_top = next((b[1] for b in table.rows[r].cells if b is not None), None)
            return own_top is not None and box[3] > own_top + 1
    return False


def carry_over_break(rows: list, last: list[list[str]] | None, loc: Loc, before: list[tuple]) -> list:
    """A table at a page's top (nothing but tables before it on the page: ``before``, the page's items) whose
    cells ``rows.continued`` go on from above its top rule: each takes the cell of the same column in ``last``, the
    last row of the table before (on the page before), or in the row above it; warned at the table."""
    continued = getattr(rows, "continued", None)
    if not continued or last is None or any(it[0] == "line" for it in before) or len(last) != len(rows[0]):
        return []
    for r, c in continued:
        rows[r][c] = list((rows[r - 1] if r else last)[c])
    cols = sorted({c + 1 for _, c in continued if any(rows[r][c] for r, _ in continued)})
    if not cols:
        return []
    return [warning("table-carried-down", f"the table goes on from page {loc.page - 1 if loc.page else '?'} with no rule "
                    f"above its first cells in column(s) {', '.join(map(str, cols))}: a cell merged down over the page "
                    f"break, read as the cell above it before the break", loc.as_dict())]
