"""Whether a lead reads as an agency's name, by the name grammar (:mod:`kehoach.vocab.agencies`)."""

from __future__ import annotations

from .. import rx
from ..vocab.agencies import (
    ACTOR_HEAD,
    BODY_WORDS,
    DEPARTMENTS,
    GENERIC_GROUP_NOUNS,
    GROUP_HEAD,
    GROUP_NOUNS,
    HEAD,
    LEVEL,
    OFFICE_HOLDERS,
    UNITS,
)
from .agencies import canonical_agency
from .agency_caps import name_from_caps

_KIND = rx.compile(rf"^(?:{HEAD}|{ACTOR_HEAD}|{'|'.join(BODY_WORDS)})(?!\p{{Ll}})")
_ACRONYM = rx.compile(r"^\p{Lu}[\p{Lu}\d&]+(?:\s*-\s*\p{Lu}+)?(?![\p{L}\d])")
_NOUN = rf"(?:{'|'.join(GROUP_NOUNS)}|(?<=các\s)(?:cấp|bộ(?!\s+(?:hồ|tài|tiêu|chỉ|câu|sách|phận|máy|luật|công)\b))|(?P<generic>{'|'.join(GENERIC_GROUP_NOUNS)}))(?!\p{{L}})"
"""Nouns of a group of bodies; "cấp" (a level of government) and "bộ" (ministries) only after "các" ("Các cấp, các
ngành", "Các bộ, ngành Trung ương"; not "các bộ hồ sơ", "các bộ tiêu chí")."""
_NOUNS = rx.compile(_NOUN, rx.I)
_ANY_NOUN = _NOUN.replace("?P<generic>", "")
_GROUP = rx.compile(rf"^(?P<quantifier>(?:các|những|mọi|toàn\s+thể)\s+)?{_ANY_NOUN}(?:\s*(?:,|/|\bvà\b)\s*(?:các\s+)?{_ANY_NOUN})*", rx.I)
_QUALIFIER = rx.compile(r"(?:có\s+)?liên\s+quan|trực\s+thuộc|chức\s+năng")
_SCOPED = rx.compile(r"^(?:Tỉnh|Huyện|Thành|Thị|Quận)\s")
"""A kind that holds its level ("Tỉnh ủy", "Thành đoàn"): the whole name alone."""
_OFFICE = rx.compile(rf"^(?:Các\s+)?{OFFICE_HOLDERS}(?!\p{{Ll}})\s*")
"""An office holder, or those of several bodies ("Các Trưởng Công an xã"), before the body they lead."""


def names_a_body(name: str, alone: bool = True) -> bool:
    """Whether ``name`` opens the way an agency's name does: with a kind of body ("Sở", "Ủy ban", "Công an",
    "Trung tâm", "Đảng ủy" …), an abbreviation ("UBND", "VNPT"), a group of bodies by what they are ("Các sở,
    ban, ngành"; a generic group, "Các đơn vị", only with words saying which), or an office holder of one
    ("Chủ tịch UBND các xã").

    >>> names_a_body("Sở Tài chính"), names_a_body("Các đơn vị thuộc Sở"), names_a_body("Chủ tịch UBND tỉnh")
    (True, True, True)
    >>> names_a_body("Nhân dân tỉnh"), names_a_body("các đơn vị"), names_a_body("Chủ tịch"), names_a_body("Các giải pháp")
    (False, False, False, False)
    """
    t = " ".join(name.split()).strip(" .;,:")
    if t.count("(") != t.count(")"):
        return False  # a name cut inside its bracket ("Sở A (Trung tâm B")
    if t.isupper() and len(t.split()) > 1:
        t = name_from_caps(t)  # "SỞ TÀI CHÍNH": read as its usual case
    t = t[:1].upper() + t[1:]
    office = _OFFICE.match(t)
    if office:
        return office.end() < len(t) and names_a_body(t[office.end():], False)  # "Chủ tịch Hội đồng": the body known
    kind = _KIND.match(t)
    if alone and kind and kind.end() == len(t) and not _SCOPED.match(t):
        return False  # "Đảng ủy", "Công an": a kind of body, not yet which one
    if kind or _ACRONYM.match(t):
        return True
    group = _GROUP.match(t)
    if group is None:
        return False
    rest = t[group.end():].strip(" ,")
    if not all(m["generic"] for m in _NOUNS.finditer(group.group(0))):
        return True
    if group["quantifier"]:  # "Các đơn vị thuộc Sở", "Các cơ quan, đơn vị thành viên"
        return bool(rest)
    # "Thành viên Hội đồng", "Đơn vị có liên quan"
    return bool(_QUALIFIER.match(rest)) or bool(rest) and names_a_body(rx.sub(r"^(?:của|thuộc|trực\s+thuộc)\s+", "", rest), False)


_ENDS_NAME = rx.compile(rf"(?:^|\s){LEVEL}(?:\s+\p{{Lu}}\p{{Ll}}*)*$|\s(?:có\s+)?liên\s+quan$|^(?:Tỉnh|Huyện|Thành|Thị|Quận)\s+(?:đoàn|ủy|uỷ)$"
                        r"|^[\p{Lu}\d&-]{2,}(?:\s+[\p{Lu}\d&-]{2,})*$")
"""Where a name's grammar closes it: a level word and the place it names ("Công an tỉnh", "UBND huyện Yên Lạc",
"Ủy ban nhân dân các xã, phường"), "(có) liên quan" after a group, a body that holds its level ("Tỉnh đoàn"), an
abbreviation alone ("UBND", "VNPT")."""
_WHOLE = frozenset([*(f"Sở {d}" for d in DEPARTMENTS), *UNITS])


def closed_name(name: str) -> bool:
    """Whether ``name`` is an agency's name that ends where it stands, by its grammar: a department's whole name
    ("Sở Xây dựng", "Sở TN&MT"), another unit's official name, a name closed by its level and place, a group by
    "có liên quan", an abbreviation. A lower-case word after such a name starts the sentence's predicate, even one
    written inside other names ("Sở Xây dựng quản lý …", against "Ban Quản lý dự án …").

    >>> closed_name("Sở Xây dựng"), closed_name("UBND huyện Yên Lạc"), closed_name("Các đơn vị có liên quan")
    (True, True, True)
    >>> closed_name("Ban Quản lý dự án"), closed_name("Trung tâm Kiểm soát bệnh tật"), closed_name("Người dân tỉnh")
    (False, False, False)
    """
    t = " ".join(name.split()).strip(" ,")
    return (canonical_agency(t) in _WHOLE or _ENDS_NAME.search(t) is not None) and names_a_body(t, False)


_DOCUMENT = r"(?:Kế\s+hoạch|Phụ\s+lục|Chương\s+trình|Đề\s+án|Quyết\s+định)"
ASSIGNED = (r"(?:đã\s+)?được\s+(?:giao|phân\s+công)"
            r"(?:\s+(?:chủ\s+trì|phối\s+hợp|thực\s+hiện|triển\s+khai)(?:\s*,?\s*(?:phối\s+hợp|thực\s+hiện|triển\s+khai))*)?"
            r"(?:\s+(?:các\s+)?(?:nhiệm\s+vụ|nội\s+dung|công\s+việc|chỉ\s+tiêu)(?:\s+cụ\s+thể)?(?:\s+(?:đã\s+)?được\s+giao)?)?"
            rf"(?:\s+(?:tại|theo|trong|của)\s+(?:các\s+)?(?i:{_DOCUMENT})(?:\s+(?:này|kèm\s+theo))?)?")
"""What a group of bodies is named by when a plan names them by the work it gives them (a regex fragment): "được
giao chủ trì các nội dung của Đề án", "được giao nhiệm vụ tại Phụ lục", "đã được giao chủ trì",
"được phân công thực hiện các nhiệm vụ đã được giao tại Chương trình"."""
ROLE_HEAD = (rf"(?:{GROUP_HEAD}|(?:[Tt]hủ\s+trưởng|[Nn]gười\s+đứng\s+đầu)\s+các"
             r"|[Cc]ác\s+(?:cán\s+bộ|công\s+chức|viên\s+chức|sĩ\s+quan|chiến\s+sĩ|đảng\s+viên|đoàn\s+viên|hội\s+viên))")
"""What a lead named by its work opens with: a group of bodies by their kind, the heads of such a group, or people by
their rank or office ("Các cơ quan", "các sở, ngành", "Thủ trưởng các đơn vị", "các sĩ quan trong danh sách"); a named agency "được giao chủ trì" is that agency, leading."""
ROLE_LEAD = rx.compile(rf"{ROLE_HEAD}\b[^.;:()]{{0,60}}?\s{ASSIGNED}")


def is_role_lead(name: str) -> bool:
    """Whether a lead names no agency but a role: the bodies the plan assigns work ("Các đơn vị được giao chủ trì các
    nội dung của Đề án"); who they are is in the plan's tasks, not in the name.

    >>> is_role_lead("Các cơ quan được phân công chủ trì"), is_role_lead("Các sở, ngành có liên quan")
    (True, False)
    """
    return ROLE_LEAD.fullmatch(" ".join(name.split()).strip(" .;,")) is not None
