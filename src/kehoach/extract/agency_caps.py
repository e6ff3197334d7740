"""An agency's name written in capitals, in its usual case ("SỞ Y TẾ TỈNH AN HÒA" -> "Sở Y tế tỉnh An Hòa"): a heading
"1. SỞ Y TẾ", the body under the committee in a header, a body issuing in its own name."""

from __future__ import annotations

from .. import rx
from ..vn import title_case_place
from ..vocab.agencies import KINDS_IN_NAME, LEVEL, NAME_LEADS, PROPER_NAMES
from .agencies import ABBREV, canonical_agency, expand_abbreviation
from .agency_keys import DEPT_BY_KEY as _DEPT_BY_KEY
from .agency_keys import key as _key


def name_from_caps(text: str) -> str:
    """An agency's name written in capitals, in its usual case: the official spelling of a department
    ("SỞ Y TẾ" -> "Sở Y tế", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG" -> "Phòng Tài nguyên và Môi trường"), else the
    head word capitalised and the rest as a sentence ("BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI"); proper names
    keep their capitals as a committee's name does: a place after its level ("SỞ Y TẾ TỈNH THANH HÓA" ->
    "Sở Y tế tỉnh Thanh Hóa", "UBND PHƯỜNG BA ĐÌNH" -> "Ủy ban nhân dân phường Ba Đình"), a name after
    what it names ("KHU KINH TẾ VÂN ĐỒN"), "Việt Nam"."""
    expanded = ABBREV.sub(expand_abbreviation, " ".join(text.split()))
    organ = _ORGAN.match(expanded)
    if organ:  # "BAN CHẤP HÀNH ĐOÀN TỈNH …": a body's organ, then the body's own name, cased as a name of its own
        return f"{_ORGANS[' '.join(organ['o'].lower().split())]} {name_from_caps(organ['rest'])}"
    words = [w.lower() if w.isupper() and _VOWEL.search(w) else w for w in expanded.split()]
    place = _PLACE_AT_END.search(" ".join(words))
    if place and place.start() > 0:
        words = words[:len(place.string[:place.start()].split())]
    name = _caps_body(words)
    if place and place.start() > 0:
        name = f"{name} {place['by']} {title_case_place(place['n'])}"
    return _proper_names(name)


_ORGANS = {"ban chấp hành": "Ban Chấp hành", "ban thường vụ": "Ban Thường vụ"}
_ORGAN = rx.compile(r"^(?P<o>(?i:ban\s+(?:chấp\s+hành|thường\s+vụ)))\s+(?P<rest>(?:(?:ĐOÀN|HỘI|CÔNG\s+ĐOÀN|LIÊN\s+ĐOÀN|ĐẢNG"
                    r"|TỈNH|HUYỆN|THÀNH|QUẬN|THỊ)\s|(?:Đoàn|Hội|Công\s+đoàn|Liên\s+đoàn)\s+\p{Lu}).*)$")
"""The organ of a union, an association or the Party, before the body's name ("BAN CHẤP HÀNH ĐOÀN TỈNH …", "Ban Chấp
hành Hội Nông dân …", "BAN THƯỜNG VỤ TỈNH ĐOÀN")."""
_VOWEL = rx.compile(r"[AĂÂEÊIOÔƠUƯYÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]")
"""A vowel in capitals: a word in capitals without one is an abbreviation ("TNCS", "PC08"), kept as written."""
_UNION_HEAD = rx.compile(r"^(?:liên\s+đoàn|công\s+đoàn|hội(?!\s+đồng)|đoàn(?=\s+thanh\s+niên))\s+(?=\p{Ll})" + rf"(?!(?:{LEVEL}|các|và|của)\b)")
"""A union's or an association's head, whose name's first word is capitalised too ("Hội Nông dân", "Đoàn Thanh niên",
"Liên đoàn Lao động", "Công đoàn Viên chức"); a level word after it is none ("Đoàn tỉnh …")."""


def _caps_body(words: list[str]) -> str:
    for k in range(1, min(3, len(words))):
        dept = _DEPT_BY_KEY.get(_key(" ".join(words[k:])))
        if dept:
            return " ".join([words[0].capitalize(), *words[1:k], dept])  # "Trung tâm Y tế"
    union = _UNION_HEAD.match(" ".join(words))
    if union:  # "Hội Nông dân tỉnh", "Liên đoàn Lao động tỉnh"
        k = len(union.group().split())
        return canonical_agency(" ".join([words[0].capitalize(), *words[1:k], words[k].capitalize(), *words[k + 1:]]))
    head = 2 if words[:1] in (["ban"], ["bộ"]) else 1  # "Ban Chỉ đạo …", "Ban Quản lý …", "Bộ Chỉ huy …"
    return canonical_agency(" ".join([*(w[:1].upper() + w[1:] for w in words[:head]), *words[head:]]))


_LEVELS = LEVEL.replace("|xã|", r"|xã(?!\s+hội)|")  # "bảo hiểm xã hội tỉnh": no level "xã"
_KINDS = "|".join(k.lower().replace(" ", r"\s+") for k in KINDS_IN_NAME)
_NAME = (r"(?P<n>(?!(?:các|và|trên|của|thuộc|ủy|hội|có|được|" + _KINDS + r")\b)(?!" + _LEVELS + r"\b)[^\W\d_]+"
         r"(?:(?:\s+|\s*-\s*)(?!(?:và|các)\b)(?!" + _LEVELS + r"\b)[^\W\d_]+)*?)")
_PLACE_AT_END = rx.compile(rf"(?<!\w)(?P<by>{_LEVELS})\s+{_NAME}$")
"""A place after its level ending a name in lower case: "… tỉnh thanh hóa"."""
_NAMED_BY = rx.compile(rf"(?<!\w)(?P<by>{_LEVELS}|(?i:{NAME_LEADS}))\s+{_NAME}(?=\s*(?:$|[,;()]|\svà\s))")
"""A proper name after what it names, up to a stop: "… tỉnh lạng sơn, …", "khu kinh tế vân đồn"; a group ("các …"),
a level word or a kind of body in it says it is none ("đảng ủy khối các cơ quan tỉnh", "đảng ủy khối doanh nghiệp tỉnh")."""
_PROPER = [(rx.compile(rf"(?<!\w){rx.escape(p.lower())}(?!\w)"), p) for p in PROPER_NAMES + KINDS_IN_NAME]


def _proper_names(name: str) -> str:
    name = _NAMED_BY.sub(lambda m: f"{m['by']} {title_case_place(m['n'])}", name)
    for pat, proper in _PROPER:
        name = pat.sub(proper, name)
    return name
