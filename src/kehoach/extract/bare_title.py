"""A title standing under the header with no type line above it: a portal dropped the line "KẾ HOẠCH".

"Số: 4/KH-UBND | Nam Hà, ngày 9 tháng 2 năm 2024 |" / "PHÒNG, CHỐNG DỊCH BỆNH NĂM 2024" / "Căn cứ …": the line in
capitals right under the header's last line is the title. A heading in capitals that names a part of a plan
("MỤC ĐÍCH, YÊU CẦU"), a numbered line, a header or enacting line is none.
"""

from __future__ import annotations

from .. import rx
from ..numbering import match_token
from ..parse.blocks import Block
from ..parse.lines import is_type_name, starts_block
from ..vn import is_upper_text
from .regions import para
from .roles import caps_heading

_MOTTO = rx.compile(r"CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐỘC\s+LẬP\s*-")
"""A piece of the national motto a cell wrapped ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM |"): no title."""
_WITHIN = 15
"""The header's lines are among the first blocks."""


def title_under_header(blocks: list[Block], header_end: int) -> int | None:
    """The block of a title in capitals right after block ``header_end`` (the header's last), or None."""
    k = header_end + 1
    b = para(blocks, k) if k < min(len(blocks), _WITHIN) else None
    if b is None or not is_upper_text(b.text) or len(b.text.split()) < 3:
        return None
    if match_token(b.text) is not None or starts_block(b.text) or caps_heading(b.text) or _MOTTO.search(b.text):
        return None
    return k


TYPE_AND_TITLE = rx.compile(r"^(?P<type>KẾ\s+HOẠCH(?:\s+HÀNH\s+ĐỘNG)?)\s*[:\-–]?\s+(?P<title>\S.{5,})$")
"""A plan's type line and title on one line: "KẾ HOẠCH Triển khai …"."""


def type_and_title_block(blocks: list[Block], closing_at: int) -> tuple[int, str, str] | None:
    """A block of the header that holds the type line and the title together: "KẾ HOẠCH Triển khai …" on one line, or a
    type name wrapped over its first lines and run into the title ("QUYẾT" / "ĐỊNH" / "VỀ" / "VIỆC BAN HÀNH …", a narrow
    cell of a portal's page): its index, the type name and the title; None for no such block."""
    for i in range(min(closing_at, _WITHIN)):
        b = para(blocks, i)
        if b is None:
            continue
        m = TYPE_AND_TITLE.match(b.text)
        if m:
            return i, m["type"], m["title"]
        lines = [" ".join(line.split()) for line in b.raw_lines]
        for n in range(2, min(4, len(lines))):
            if is_type_name(" ".join(lines[:n])) and is_upper_text(" ".join(lines[n:])):
                return i, " ".join(lines[:n]), " ".join(lines[n:])
    return None
