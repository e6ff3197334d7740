"""Line breaks inside a lead/support cell: which ones wrap a name (join) and which ones part two entries.

A narrow cell wraps a name after a connector ("Sở Nông nghiệp và" / "Môi trường"), before a lower-case word
("Công an" / "tỉnh"), or before a capitalised word that cannot begin an agency's name ("Ủy ban Mặt trận Tổ
quốc" / "Việt Nam tỉnh"); a cell that lists one agency a line parts at each line that opens with a body.
"""

from __future__ import annotations

from .. import rx
from ..vocab.agencies import HEAD, LEVEL, PARTY_COMMITTEE, PARTY_ORGAN

_HEAD_AT = rf"{HEAD}(?!\p{{Ll}})"
_HEAD = rx.compile("^" + _HEAD_AT)

_WRAPPED = rx.compile(r"(?:[,&/\-–]|\b(?:và|các|của|với|thuộc|cùng))[ \t]*\n[ \t]*"
                      r"|\b(?:nhân\s+dân|UBND|HĐND|Khối|Quản\s+lý|Thủ\s+trưởng|Chủ\s+tịch|Lãnh\s+đạo)[ \t]*\n[ \t]*(?=các\s)"
                      r"|(?m:^)[ \t]*(?:[-–+•][ \t]*)?(?:(?!(?:Tỉnh|Huyện|Thành|Thị|Quận)\s)" + _HEAD_AT + r"|lực\s+lượng)[ \t]*\n[ \t]*"
                      r"(?!(?:các|những)\s+(?:cơ\s+quan|đơn\s+vị|tổ\s+chức|sở|ban|ngành|doanh\s+nghiệp|địa\s+phương)\b)"
                      r"|[ \t]*\n[ \t]*(?=và\s|&|\(|(?!(?:các|những|cơ\s+quan|đơn\s+vị|tổ\s+chức|doanh\s+nghiệp|chính\s+quyền"
                      r"|địa\s+phương|lực\s+lượng)\b)\p{Ll})")
"""A line break inside a name: after a connector ("Sở Nông nghiệp và" / "Môi trường", "UBND các xã," / "phường"), or
before a lower-case word that goes on ("Công an" / "tỉnh"); a group that opens a line ("các đơn vị liên quan") is
an entry of its own, unless a body named by the group after it comes before ("Ủy ban nhân dân" / "các xã, phường",
"Đảng ủy Khối" / "các cơ quan tỉnh"); a line that is only a kind of body names it on the next ("Đảng ủy" / "Khối
các cơ quan tỉnh"), unless that opens with a group of bodies ("Công an" / "các đơn vị liên quan"); a bracket that
opens a line qualifies the name before ("UBND các xã" / "(phường, thị trấn)")."""


def join_wraps(text: str) -> str:
    """``text`` with the line breaks that wrap a name made spaces; the others kept."""
    return _join_capital_wraps(_WRAPPED.sub(_join_wrap, text))


def _join_wrap(m) -> str:
    """The line break of :data:`_WRAPPED` as a space (the connector before it kept)."""
    return m.group(0).replace("\n", " ").rstrip() + " " if m.group(0).rstrip(" \t\n") else " "


_LEVEL_END = rx.compile(rf"(?<!\S){LEVEL}$")
_PARTY_ORGAN = rx.compile(rf"^{PARTY_ORGAN}$")
_PARTY_COMMITTEE = rx.compile(rf"^{PARTY_COMMITTEE}(?!\p{{L}})")
_SCOPED = rx.compile(r"^(?:Tỉnh|Huyện|Thành|Thị|Quận)\s")
_LEVEL_START = rx.compile(rf"^(?i:{LEVEL})(?!\p{{L}})")


def _bare(name: str) -> bool:
    """A kind of body with no name after it: "Sở", "Văn phòng", "Bộ", "lực lượng"; not one that holds its level
    and is whole ("Tỉnh đoàn", "Huyện ủy")."""
    head = _HEAD.match(name + " A")  # (some heads ask for a name after them: "Bộ" of "Bộ Chỉ huy …")
    return bool(head and head.end() == len(name) and not _SCOPED.match(name) or rx.fullmatch(r"lực\s+lượng", name))


def _join_capital_wraps(text: str) -> str:
    """Lines joined where a name wraps before a capitalised word that cannot begin an agency's name
    ("Ủy ban Mặt trận Tổ quốc" / "Việt Nam tỉnh", "Trung tâm Kiểm soát" / "Bệnh tật tỉnh"); a line that opens
    with a body ("Công an tỉnh", "VNPT", "Chính quyền địa phương") stays an entry of its own, and so does one after
    a name that is whole (ending on its level word, a department's or a unit's official name)."""
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if _wrapped_at_capital(out[-1], line):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _wrapped_at_capital(prev: str, line: str) -> bool:
    from .agencies import _clean, _whole_name  # (here: agencies imports this module)
    from .agency_names import names_a_body

    before, after = prev.strip(), rx.sub(r"^[-–]\s+", "", line.strip())  # "Ban Thi đua" / "- Khen thưởng"
    if not before or not after[:1].isupper() or before[-1] in ",;.:/-–":
        return False
    entries = [_clean(e) for e in rx.split(r"[;,/]|\s+[-–]\s+|\s+và\s+(?=\p{Lu}|lực\s+lượng)", before)]
    name = entries[-1]  # the entry the line ends on
    first = _clean(rx.split(r"[;,/]|\s+[-–]\s+|\s+và\s+", after)[0])
    if _PARTY_ORGAN.match(name) and _PARTY_COMMITTEE.match(after):
        return True  # "Ủy ban Kiểm tra" / "Tỉnh ủy": an organ of the committee named on the next line
    head = _HEAD.match(name)
    if _bare(name):
        # "…; Sở" / "TN&MT", "…, lực lượng" / "Công an xã": a kind of body alone names the body on the next line,
        # unless it is one in a list of kinds ("Viện, Trường" / "Doanh nghiệp …")
        return not (len(entries) > 1 and _bare(entries[-2]))
    if not head or _LEVEL_END.search(name) or _whole_name(name):
        return False
    if _LEVEL_START.match(first) and not _HEAD.match(first):
        return True  # "Liên đoàn Lao động" / "Tỉnh", "Ngân hàng Chính sách" / "Xã hội tỉnh": no list of places
    return not names_a_body(first, False) and not rx.match(r"^(?:Các|Những|Thủ\s+trưởng|Giám\s+đốc)\b", first)


_LIST_LABEL = rx.compile(r"^(?i:các|những)\s+(?![^:\n]*\b(?:chủ\s+trì|phối\s+hợp))[^:;()\n]{1,40}?\s*:\s*(?=" + _HEAD_AT + ")")
"""A group's name that labels the list after its colon ("Các đơn vị: Sở Y tế, Công an tỉnh", "Các sở, ngành: Sở A,
Sở B"): the bodies listed are the entries, the label none of them. A colon before anything else ("Các sở, ban,
ngành: theo chức năng"), and a label naming a role ("Các đơn vị phối hợp: …"), are left alone."""


def drop_list_label(line: str) -> str:
    """A cell's line without the group label before its list of bodies."""
    return _LIST_LABEL.sub("", line, count=1) if ":" in line else line

