"""A time header over years over periods ("Lộ trình thực hiện" over "Năm 2026 | Năm 2027" over "Quý I | … | Quý IV"
under each): the quarters alone do not give the year, the row between does. The header rows are read here into one
header whose time cells carry their year ("Lộ trình thực hiện Năm 2027" over the second year's quarters), so that
the periods row reads as any "… năm 2026" over "Quý I | … | Quý IV" does (table_header.sub_header_fields)."""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from .table_header import _cell_text, _time_header, _under_time, header_to_fields, place_sub_header

_YEAR_CELL = rx.compile(r"(?:nam\s+)?(?:19|20)\d\d")
"""A cell naming one year over the period columns it spans ("Năm 2026", "2026")."""


def header_rows(header: list[list[str]], cells: list[list[str]], width: int) -> tuple[list, list, bool]:
    """(cells, header, years): the row under a header placed on the grid when a scrape left it short (its cells and
    the header spread over the columns they span), and whether it was a row of years only (the header returned
    carries them; the periods row is still to come)."""
    if (years := _years_row(header, cells, width)) is not None:
        return cells, years, True
    if (both := _years_and_periods(header, cells, width)) is not None:
        return both[0], both[1], False
    if len(cells) < width and len(header) < width and (placed := place_sub_header(header, cells, width)) is not None:
        return placed[0], placed[1], False
    return cells, header, False


def _is_year(text: str) -> bool:
    return bool(_YEAR_CELL.fullmatch(ascii_fold(text).lower().strip(" .:")))


def _years_row(header: list[list[str]], cells: list[list[str]], width: int) -> list[list[str]] | None:
    """A full row of years under a time header, each year spanning two or more columns (cells under other headers
    empty or repeating them): the header with each time cell followed by the year written last at or before it.
    Years one a column are the time's own columns ("Lộ trình" over "2026 | 2027 | 2028"), no row of this kind."""
    if len(cells) != width or len(header) != width:
        return None
    out, year = [list(c) for c in header], ""
    spans: list[int] = []
    for i, cell in enumerate(cells):
        text = _cell_text(cell)
        if _under_time(header, i) and (text == "" or _is_year(text)) and (year or text):
            year = text or year
            spans = spans + [1] if text else spans[:-1] + [spans[-1] + 1]
            out[i] = [f"{_time_header(header, i)} {year}"]
        elif text and text != _cell_text(header[i]):
            return None
    return out if spans and min(spans) > 1 else None


def _years_and_periods(header: list[list[str]], cells: list[list[str]], width: int) -> tuple[list, list] | None:
    """A scrape's one row of the years then the periods ("Năm 2026 | Năm 2027 | | Quý I | … | Quý IV"), under a
    header short of the grid by the time cell's span: the periods placed under it and the header spread with years."""
    texts = [_cell_text(c) for c in cells]
    n = next((k for k, t in enumerate(texts) if not _is_year(t)), len(texts))
    periods = [c for c in cells[n:] if _cell_text(c)]
    span = width - len(header) + 1
    fields = header_to_fields(header) or {}
    at = next((i for i, f in fields.items() if f == "deadline"), None)
    if n == 0 or at is None or len(periods) != span or span % n or any(_cell_text(c) for c in cells[n: len(cells) - span]):
        return None
    head = [list(c) for c in header[:at]]
    for k in range(span):
        head.append([f"{_cell_text(header[at])} {texts[k * n // span]}"])
    head += [list(c) for c in header[at + 1:]]
    placed: list[list[str]] = [[] for _ in range(at)] + [list(c) for c in periods] + [[] for _ in range(width - at - span)]
    return placed, head
