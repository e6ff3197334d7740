"""A header line a portal scraped as one line: its cells, and the parts run on inside a cell.

"ỦY BAN NHÂN DÂN TỈNH NAM HÀ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |" and "Số: 45/KH-UBND | Nam Hà, ngày 3 tháng 4
năm 2024 |" hold in one line what the document prints in two columns; some pages also run the left column's lines
together ("ỦY BAN NHÂN DÂN TỈNH NAM HÀ Số: 7/2016/QĐ-UBND | CỘNG HÒA … Hạnh phúc Nam Hà, ngày …").
"""

from __future__ import annotations

from .. import rx

_CELL_OR_NUMBER = rx.compile(r"\s*\|\s*|\s+(?=Số\s*:)")
"""Where a header line scraped as one line parts: its cells ("Số: 45/KH-UBND | Nam Hà, ngày …"), and the
number after the issuer's name in the left cell ("ỦY BAN NHÂN DÂN TỈNH NAM HÀ Số: 7/2016/QĐ-UBND")."""
_NUMBER_THEN_PLACE = rx.compile(r"^(?P<number>Số\s*:?\s*\d*\s*/\s*\S+)\s+(?P<place>\p{Lu}[\p{L}\s.\-–]{1,40}?,\s*ngày\b.*)$")
"""A number with the place and date run on after it, no cell between ("Số: 30/BC-CP Hà Nội, ngày …")."""
_NATION_RUN = rx.compile(r"^.*(?:VIỆT\s+NAM|Hạnh\s+phúc|HẠNH\s+PHÚC)\s*")
"""The nation's name and motto that open the right cell of a header scraped as one line."""


def header_pieces(text: str) -> list[str]:
    """The parts of a header line a portal set on one line, after the first: its other cells, a number line run on
    after the issuer (:data:`_CELL_OR_NUMBER`), a place and date run on after the number; [] for a line of one part."""
    parts: list[str] = []
    for p in (p for p in _CELL_OR_NUMBER.split(text) if p):
        m = _NUMBER_THEN_PLACE.match(p)
        parts.extend((m["number"], m["place"]) if m else (p,))
    return parts[1:]


def place_cell(piece: str) -> str:
    """A right cell without the nation's name and motto before its place and date line."""
    return _NATION_RUN.sub("", piece)
