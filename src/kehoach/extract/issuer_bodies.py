"""The bodies the header's left column names under the issuing committee ("UBND TỈNH X" / "SỞ Y TẾ" / "PHÒNG …"):
which lines name a body, and which body issues when several are stacked."""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold, is_upper_text, title_case_place
from ..vocab.agencies import starts_agency
from . import header as hd
from .agency_caps import name_from_caps
from .agency_names import closed_name

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    from ..parse.blocks import Block

RULE_RUN = rx.compile(r"\s*[-–_=*~.]{4,}\s*")
"""A decorative rule glued to a header line ("TỈNH X --------")."""
COMMITTEE_OPENS = rx.compile(r"^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\b")
_TEAM = rx.compile(r"^Tổ\s+(?:công\s+tác|giúp\s+việc|chuyên\s+gia)\b")
"""A team a committee sets up for one purpose, which issues its own plans under the committee's name in the header
("UBND TỈNH X" / "TỔ CÔNG TÁC TRIỂN KHAI …", "TỔ GIÚP VIỆC BAN CHỈ ĐẠO …"): a body, though "Tổ" alone opens no name."""
_RELATED_ITEM = rx.compile(r"^-\s*\d{1,3}\s*\p{Lu}")
"""An item of a portal's list of related documents above the header ("- 1Quyết định 12/QĐ-UBND …", "- 2Nghị định …")."""


def header_top(blocks: list[Block]) -> int:
    """The first block of the header: after a portal's list of related documents at the top, if there is one."""
    k = 0
    while k < len(blocks) and blocks[k].kind == "para" and _RELATED_ITEM.match(blocks[k].text):
        k += 1
    return k


_BOARDS = {"ban thuong truc": "Ban Thường trực", "thuong truc": "Thường trực", "ban thuong vu": "Ban Thường vụ"}
"""A body's own standing board, named on the header's last line under the body ("… / BAN THƯỜNG TRỰC")."""


def lowest_body(lines: list[str]) -> str | None:
    """The last of several bodies the left column stacks under the committee, each under the one above ("SỞ Y TẾ"
    / "PHÒNG NGHIỆP VỤ Y", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" / "CHI CỤC THỦY LỢI"): the body that issues, its parents
    above it. A line opens a body of its own where the lines above it make a whole name ("SỞ Y TẾ", not "SỞ GIÁO
    DỤC VÀ" over "ĐÀO TẠO") and it opens a name of two words or more. None for one body. The place a department
    above it ends with names the unit too ("SỞ Y TẾ TỈNH X" / "CHI CỤC …" -> "Chi cục … tỉnh X")."""
    bodies = [lines[0]]
    for line in lines[1:]:
        above = subordinate_body(bodies[-1], False)
        whole = above and (closed_name(above) or above.startswith("Phòng ") and closed_name("Sở " + above[6:]))
        if whole and len(line.split()) >= 2 and subordinate_body(line, False):  # a district's office named as a department
            bodies.append(line)
        else:
            bodies[-1] += " " + line
    unit = subordinate_body(bodies[-1], False) if len(bodies) > 1 else None
    if unit is None or (where := _PLACE_AT_END.search(" ".join(bodies[-2].split()))) is None:
        return unit
    place = title_case_place(where["place"])  # "SỞ Y TẾ TỈNH X" / "CHI CỤC …": the unit named with the place above it
    if unit.casefold().endswith(" " + place.casefold()):
        return unit
    return f"{unit} {place}" if _LEVEL_AT_END.search(unit) else f"{unit} {where['level'].lower()} {place}"


def subordinate_body(line: str, stacked: bool = True) -> str | None:
    """The body under the committee that issues the document, on the line under it ("UBND TỈNH X" /
    "SỞ Y TẾ", "UBND HUYỆN Y" / "PHÒNG NỘI VỤ", "… / BAN CHỈ ĐẠO …"), as a name: "Sở Y tế"; or None. With
    ``stacked``, two bodies run together on the line, a department whole with its place and a unit under it ("SỞ GIÁO
    DỤC VÀ ĐÀO TẠO TỈNH X TRƯỜNG THPT Y"), give the unit (:func:`lowest_body`) named with the department's place, as
    two lines give it ("Trường Trung học phổ thông Y tỉnh X")."""
    t = " ".join(RULE_RUN.sub(" ", line).split())
    if not is_upper_text(t) or len(t.split()) > 14 or hd.ISSUER.match(t) or COMMITTEE_OPENS.match(t):
        return None
    words = t.split()
    for k in range(3, len(words) - 1) if stacked and _PLACE_WORD.search(t) else ():
        dept = " ".join(words[:k])
        if _PLACE_AT_END.search(dept) and (unit := lowest_body([dept, " ".join(words[k:])])):
            return unit
    name = name_from_caps(t)
    return name if starts_agency(name) or starts_agency(title_case_place(t)) or _TEAM.match(name) else None


_PLACE_WORD = rx.compile(r"\s(?:TỈNH|THÀNH\s+PHỐ)\s")
_PLACE_AT_END = rx.compile(r"\s(?P<level>TỈNH|THÀNH\s+PHỐ)\s+(?P<place>\p{Lu}+(?:\s+\p{Lu}+)?)$")
"""A department's place ending its name, of one or two words: "… TỈNH X", "… TỈNH HÀ TĨNH"; a unit under it is
named with it ("Chi cục … tỉnh X"), as a committee's place names the body under it."""
_LEVEL_AT_END = rx.compile(r"\s(?:tỉnh|thành\s+phố)$")


def board_of_body(lines: list[str]) -> str | None:
    """A body's standing board under the body's name in the header's left column ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM"
    / "TỈNH X" / "BAN THƯỜNG TRỰC", "HỘI ĐỒNG NHÂN DÂN TỈNH X" / "THƯỜNG TRỰC"; ``lines`` from the column's top, empty
    where the column has none): the board issues, named with its body ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt
    Nam tỉnh X"; the lines were run together as one name). None when no board line follows a body's lines."""
    above: list[str] = []
    nation = False  # the nation's name and motto a reader put between the column's lines ("CỘNG HÒA …" / "VIỆT NAM")
    for line in (" ".join(RULE_RUN.sub(" ", t).split()) for t in lines):
        if (hd.MOTTO_LINE.match(line) and line != "VIỆT NAM") or (nation and line == "VIỆT NAM"):
            nation = line.startswith("CỘNG HÒA")
            continue
        nation = False
        if line and not is_upper_text(line):
            return None
        if (board := _BOARDS.get(ascii_fold(line).lower())) and above:
            body = subordinate_body(" ".join(above))
            return f"{board} {body}" if body else None
        above += [line] if line else []
    return None


_ISSUER_PLACE = rx.compile(r"\s(?:tỉnh|thành\s+phố)\s+(?P<place>\p{Lu}.*)$")


def place_as_dated(issuer: str | None, place: str | None) -> str | None:
    """``issuer`` with its province spelt as the date line spells it, where the two differ by one letter of the same
    length ("Ủy ban nhân dân tỉnh Hòa Lạc" above "Hoà Lạc, ngày …" is no slip; "tỉnh Bình An" above "Bình Ân, ngày …"
    is): a typing slip in the issuer cell. None where they agree, or differ more."""
    m = _ISSUER_PLACE.search(issuer) if issuer else None
    if m is None or issuer is None or not place:
        return None
    own, dated = m.group("place").casefold(), place.casefold()
    if own == dated or len(own) != len(dated) or sum(a != b for a, b in zip(own, dated, strict=True)) != 1:
        return None
    return f"{issuer[:m.start('place')]}{place}"
