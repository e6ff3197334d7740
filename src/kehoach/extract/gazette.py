"""A gazette's one-sentence heading under the type line: who issued the document, its number and date, then its subject.

Official gazettes and the portals that copy them print no header: "CHỈ THỊ" / "CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 12/2003/CT-TTG
NGÀY 5 THÁNG 3 NĂM 2003 VỀ VIỆC …" (also "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ Y TẾ SỐ … NGÀY …"). Read as a title, the heading
gave a title that opens with the issuer, and no number, date or issuer. The issuer, the number and the date are read from
it when the header gave none; the title is the subject after the date.
"""

from __future__ import annotations

from .. import rx
from ..numbering import match_token
from ..vn import ascii_fold
from ..vocab.dates import YEAR
from . import header as hd
from .issuer_bodies import subordinate_body

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    from ..parse.blocks import Block

_HEADING = rx.compile(rf"^(?i:của)\s+(?P<issuer>\S.{{2,80}}?)\s+(?i:số)\s*:?\s*(?P<number>\d+\s*/\s*\S+)\s+"
                      rf"(?i:ngày)\s+(?P<date>\d{{1,2}}\s*(?i:tháng)\s*\d{{1,2}}\s*(?i:năm)\s*{YEAR})\s*,?\s*(?P<title>\S.*)$")
"""``CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 07/2019/CT-TTG NGÀY 14 THÁNG 3 NĂM 2019 VỀ VIỆC …``."""
_BODIES = {"THU TUONG CHINH PHU": "Thủ tướng Chính phủ", "CHINH PHU": "Chính phủ"}


def _issuer(caps: str) -> str | None:
    """The body a heading names: the Government, a ministry or its minister, a People's Committee (or its chairman)."""
    folded = " ".join(ascii_fold(caps).upper().split())
    if folded in _BODIES:
        return _BODIES[folded]
    body = rx.sub(r"^(?:(?:PHÓ\s+)?CHỦ\s+TỊCH|BỘ\s+TRƯỞNG)\s+", "", " ".join(caps.split()), flags=rx.I)
    committee, complete = hd.expand_issuer(body)
    return committee if complete else subordinate_body(body)


def gazette_heading(doc: dict, title: str) -> None:
    """Set ``doc["title"]`` to ``title``, or, for a gazette's heading, to its subject with the issuer, number and date it
    names filled in where the header gave none."""
    m = _HEADING.match(title)
    issuer = _issuer(m["issuer"]) if m else None
    num = hd.parse_number("Số: " + m["number"]) if m else None
    if m is None or issuer is None or num is None:
        doc["title"] = title
        return
    doc["title"] = m["title"]
    if doc["symbol"] is None:
        doc.update({k: num[k] for k in ("number", "seq", "symbol", "type")})
    date = hd.find_issue_date("ngày " + m["date"])
    doc["date"] = doc["date"] or (date.isoformat() if date else None)
    doc["issuer"] = doc["issuer"] or issuer


_ENACTING_BODY = rx.compile(r"^(?:CHÍNH\s+PHỦ|QUỐC\s+HỘI|(?:ỦY|UỶ)\s+BAN\s+THƯỜNG\s+VỤ\s+QUỐC\s+HỘI)$")
"""A body that enacts a resolution or a decree, on the line under its title ("CHÍNH PHỦ"): no word of the title."""


_ENACTING_OFFICE = rx.compile(r"^(?:(?:PHÓ\s+)?CHỦ\s+TỊCH\s+)?(?:(?:ỦY|UỶ)\s+BAN|HỘI\s+ĐỒNG)\s+NHÂN\s+DÂN"
                              r"(?:\s+(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)(?:\s+\S.*)?)?$"
                              r"|^(?:THỦ\s+TƯỚNG\s+)?CHÍNH\s+PHỦ$|^BỘ\s+TRƯỞNG\s+BỘ\s+\S.*$")
"""The line of the office that enacts a decision or a resolution, alone: "ỦY BAN NHÂN DÂN TỈNH X", "CHỦ TỊCH ỦY BAN NHÂN
DÂN XÃ Y", "HỘI ĐỒNG NHÂN DÂN TỈNH X", "THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ Y TẾ" (also with the place cut off)."""


def may_open_title(text: str) -> bool:
    """The line under the type line may be the title: no numbered line, no number line, and not only the office that
    enacts the document (a portal dropped the title above it)."""
    return match_token(text) is None and not hd.NUMBER_LINE.match(text) \
        and not _ENACTING_OFFICE.match(" ".join(text.split()))


def title_text(b: Block) -> str:
    """The text of the title block ``b`` without a last line that names the body enacting the document ("… QUỐC GIA" /
    "CHÍNH PHỦ", run into the title by the reader; the header's "THỦ TƯỚNG" / "CHÍNH PHỦ" is no title)."""
    lines = [" ".join(line.split()) for line in b.raw_lines]
    if len(lines) > 1 and _ENACTING_BODY.match(lines[-1]):
        return " ".join(lines[:-1])
    return b.text


_WRAP = rx.compile(r"^(?:\p{Ll}|\((?!.*(?i:\bkèm\s+theo\b)))")
"""A title's wrapped line: it goes on in lower case, or opens a bracket that is no "(Kèm theo …)"."""
TITLE_LINE = 120
"""A wrapped title's line is no longer than a line of the page."""
_CUT = rx.compile(r"(?:[-–,]|\s(?:và|của|về|cho|tại|trên|đến|năm|giai\s+đoạn))$")
"""A title line that cannot end the title: a dash, a comma or a connector ("… giai đoạn 2026 -" / "2030")."""


def title_goes_on(title: str, text: str) -> str | None:
    """What of the next line ``text`` goes on with ``title``: the whole line when it wraps the title (lower case, a
    bracket, a figure after a connector), the part up to the bracket the title left open when it closes it ("… (GIAI
    ĐOẠN" / "II) BỘ TRƯỞNG …": a numbering token to the reader, run into the enacting line); None when the title ended."""
    if len(text) > TITLE_LINE:
        return None
    close = text.find(")")
    if title.count("(") > title.count(")") and close >= 0 and "(" not in text[:close]:
        return text[:close + 1]
    wraps = not title.rstrip().endswith((".", ":", ";")) and match_token(text) is None \
        and (bool(_WRAP.match(text)) or bool(_CUT.search(title.rstrip()) and text[:1].isdigit()))
    return text if wraps else None
