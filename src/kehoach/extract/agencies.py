"""Agency names: split a cell into agencies, and give each one canonical spelling.

"Sở TN&MT", "Sở Tài nguyên & Môi trường" and "Sở Tài nguyên và Môi trường" are one agency; "Sở Văn hóa,
Thể thao và Du lịch" keeps its commas; collective phrases ("Các sở, ban, ngành liên quan") stay whole.
"""

from __future__ import annotations

from functools import lru_cache

from .. import rx
from ..memo import text_cache
from ..vn import ascii_fold, fold, modern_tone, nfc
from ..vocab.agencies import (
    ABBREVIATIONS,
    COMMAND_ARMS,
    DUTY_VERBS,
    GROUP_HEAD,
    GROUP_NOUNS,
    HEAD,
    LEVEL,
    PERSON_HEAD,
)
from .agency_keys import DEPT_BY_KEY as _DEPT_BY_KEY
from .agency_keys import DEPT_BY_LOOSE as _DEPT_BY_LOOSE
from .agency_keys import UNIT_BY_KEY as _UNIT_BY_KEY
from .agency_keys import key as _key
from .agency_keys import loose_key as _loose_key
from .agency_keys import part_group_after_department
from .agency_lines import drop_list_label, join_wraps
from .agency_lists import elided_body, one_more_place, places_and, places_listed, same_level_place

_HEAD_AT = rf"{HEAD}(?!\p{{Ll}})"
"""An agency's first word, a whole word (see :mod:`kehoach.vocab.agencies`)."""
_HEAD = rx.compile("^" + _HEAD_AT)

_COLLECTIVE = rx.compile(  # phrases that name a group of agencies; they run to the next ";"
    r"^(?:các|những|mọi|toàn\s+thể|cấp\s+(?:ủy|uỷ)|sở,\s*ban|sở,\s*ngành|cơ\s+quan,\s*đơn\s+vị|các\s+đơn\s+vị)\b", rx.I
)
_COLLECTIVE_END = rx.compile(r"(?:liên\s+quan|trên\s+địa\s+bàn(?:\s+tỉnh)?)$")
_LABEL = rx.compile(
    r"""(?:^|\s|-)\s*(?P<label>(?:CQ|Cơ\s+quan|Đơn\s+vị|ĐV)?\s*(?P<kind>chủ\s+trì|phối\s+hợp))\s*:""",
    rx.X | rx.I,
)

ABBREV = rx.compile(r"(?<![\p{L}\d])(?:" + "|".join(f"(?P<a{k}>{p})" for k, (p, _) in enumerate(ABBREVIATIONS))
                        + r")(?![\p{L}\d])")
"""Every abbreviation in one pattern: the letter boundaries hold for each spelling ("CTNMT" is no "TNMT")."""


def expand_abbreviation(m) -> str:
    return ABBREVIATIONS[int(m.lastgroup[1:])][1]


def _clean(text: str) -> str:
    t = nfc(" ".join(text.split())).strip()
    t = rx.sub(r"^[-–+•*]\s*", "", t)
    return t.strip(" ,;.:")


_FORCE = rx.compile(rf"^(?:lực\s+lượng\s+\p{{Lu}}|{PERSON_HEAD}\s|lãnh\s+đạo\s+\p{{Lu}})")
"""A force by its name in lower case ("lực lượng Công an xã"), an office holder ("Thủ trưởng các sở, Chủ tịch UBND các xã", "…, lãnh đạo UBND tỉnh"): an entry of its own."""
_GROUP_NOUN = rx.compile(r"^(?:cơ\s+quan|đơn\s+vị|tổ\s+chức|doanh\s+nghiệp|chính\s+quyền|địa\s+phương|lực\s+lượng)\b")
"""Lower-case group nouns that, after a named agency, begin another entry ("Công an tỉnh, chính quyền địa phương",
"Sở Y tế, lực lượng Công an")."""


def _named(piece: str) -> bool:
    """An agency by its proper name ("Đài Phát thanh và Truyền hình …", "Sở Tài chính", "Công an tỉnh"), which a
    collective phrase before it does not absorb; "UBND huyện, thành phố" names a class of agencies and is absorbed."""
    m = _HEAD.match(piece)
    return m is not None and (bool(rx.search(r"\s\p{Lu}", piece[m.end():])) or _key(piece) in _UNIT_BY_KEY)


def _split_commas(part: str) -> list[str]:
    pieces = [p.strip() for p in part.split(",") if p.strip()]
    out: list[str] = []
    cur = ""
    for k, p in enumerate(pieces):
        rest = ", ".join(pieces[k:])
        if not cur:
            cur = p
        elif _COLLECTIVE.match(cur) and not ((_COLLECTIVE_END.search(cur) or _named(p)) and _HEAD.match(p)):
            cur += ", " + p
        elif (more := same_level_place(cur, p)) is not None:  # "UBND huyện A, B": two committees
            out.append(cur)
            cur = more
        elif _HEAD.match(p) or _FORCE.match(p) or _COLLECTIVE.match(rest) \
                or (_GROUP_NOUN.match(p) and _named(cur) and not rx.search(r"\bcác\b", cur)) \
                or one_more_place(cur, p):
            out.append(cur)
            cur = p
        else:
            cur += ", " + p
    if cur:
        out.append(cur)
    result: list[str] = []
    for name in out:
        if _COLLECTIVE.match(name):
            # "Các phòng nghiên cứu và Trung tâm Thông tin - Công báo": a group, then one agency by its name (a
            # list of bodies after it, "… và UBND các xã, phường", stays in the collective phrase)
            result += _group_and_named(name)
            continue
        for bit in (b for part in _AND_NEXT.split(name) for b in places_and(part)):
            if bit and result and _OFFICE_OF.match(result[-1]):
                result[-1] += " và " + bit  # "Văn phòng HĐND và UBND huyện": one office of two bodies
            elif bit:
                result.append(elided_body(bit, result[-1]) if result else bit)  # "UBND thành phố và các huyện"
    return result


_AND_NEXT = rx.compile(r"\s+(?:và|cùng)\s+(?=" + _HEAD_AT + "|" + GROUP_HEAD + r"\b|các\s+(?:" + "|".join(GROUP_NOUNS) + r")\b"
                       r"|lực\s+lượng\s+\p{Lu}|Cơ\s+quan\s+" + _HEAD_AT + ")")
"""A "và" before another body or group ("Sở Y tế, Bảo hiểm xã hội tỉnh và các cơ sở y tế", "… và Cơ quan Ủy ban MTTQ …")."""


def _group_and_named(name: str) -> list[str]:
    """A collective phrase, or the group and the one agency named after its "và" ("Các đơn vị và Văn phòng
    HĐND và UBND tỉnh" -> the group, the office)."""
    for m in rx.finditer(r"\s+và\s+", name):
        last = name[m.end():]
        if _HEAD.match(last) and "," not in last and not rx.search(r"\bcác\b", last):
            return [name[:m.start()], last]
        if _COLLECTIVE_END.search(name[:m.start()]) and (_HEAD.match(last) or _COLLECTIVE.match(last)):
            return [name[:m.start()], *_split_commas(last)]  # "Các sở, ngành liên quan và Sở Văn hóa, Thể thao …"
    return [name]


_OFFICE_OF = rx.compile(r"^(?:Văn\s+phòng|VP)\s+(?:Đoàn\s+(?:ĐBQH|[Đđ]ại\s+biểu\s+Quốc\s+hội)|HĐND|Hội\s+đồng\s+nhân\s+dân"
                        r"|UBND|(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân)$")
"""An office named after the bodies it serves with no level word: the level comes after the last body
("Văn phòng HĐND và UBND huyện", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"), so the "và" joins bodies, not agencies."""


_PART_SPLIT = rx.compile(r"\n|;|\s+[-–]\s+(?=" + _HEAD_AT + "|" + GROUP_HEAD + r"\b|[Cc]ác\s|lực\s+lượng\s+\p{Lu})"
                         r"|(?<=\p{Ll})\s*/\s*(?=" + _HEAD_AT + r"(?:\s+\p{L}|\s*(?:$|[;,/\n])))"
                         r"|(?<=[\p{L}\d)])\s*/\s*(?=\p{Lu}\p{Ll}+\s)(?=" + _HEAD_AT + r"(?:\s+\p{L}|\s*(?:$|[;,/\n])))")
"""Where a cell's entries part: a line, a ";", a dash before a body or group, a slash between two bodies ("Sở Tài
chính/Sở Y tế", "Sở TN&MT/Sở Y tế"; not "HĐND/UBND huyện", one office of both)."""


def cell_to_agencies(text: str | None) -> list[str]:
    """Split a lead/support cell into agency names as written.

    >>> cell_to_agencies("Cục Thuế tỉnh, các đơn vị liên quan")
    ['Cục Thuế tỉnh', 'các đơn vị liên quan']
    >>> cell_to_agencies("Sở Văn hóa, Thể thao và Du lịch; Sở Tài chính")
    ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Tài chính']
    >>> cell_to_agencies("Các sở, ban, ngành, UBND huyện, thành phố và các đơn vị liên quan")
    ['Các sở, ban, ngành, UBND huyện, thành phố và các đơn vị liên quan']
    """
    return list(_cell_names(text)) if text else []


@text_cache(maxsize=2048, longest=1000)  # a plan names the same agencies cell after cell
def _cell_names(text: str) -> tuple[str, ...]:
    out: list[str] = []
    text = drop_list_label(_BRACKETED.sub(_shield, text) if "(" in text else text)
    text = part_group_after_department(text) if "Sở" in text else text  # "Sở A các sở, ngành": two entries
    lines = _PART_SPLIT.split(join_wraps(text) if "\n" in text else text)
    for line in (part for piece in lines for part in (_slash_after_whole(piece) if "/" in piece else [piece])):
        line = _clean(drop_list_label(line))
        if not line:
            continue
        for name in _departments_listed(line) or places_listed(line, _split_commas) or _split_commas(line):
            name = _clean(name.replace(_SEMI, ";").replace(_COMMA, ","))
            if name and name not in out:
                out.append(name)
    return tuple(out)


def _slash_after_whole(line: str) -> list[str]:
    """A slash after a department's whole name parts it from a body ("Sở TN&MT/UBND các huyện"; not "HĐND/UBND")."""
    left, _, right = line.partition("/")
    if _HEAD.match(right.strip()) and _whole_name(canonical_agency(_clean(left))):
        return [left, right]
    return [line]


def _whole_name(name: str) -> bool:
    """A department's or another unit's official name, nothing missing."""
    dept = rx.match(r"^Sở\s+(.+)$", name)
    return bool(dept and _key(dept.group(1)) in _DEPT_BY_KEY) or _key(canonical_agency(name)) in _UNIT_BY_KEY


_BRACKETED = rx.compile(r"\([^()]*\)")
_SEMI, _COMMA = "\x00", "\x01"


def _shield(m) -> str:
    """A bracket's separators hidden from the split: "Sở Y tế (Trung tâm A; Bệnh viện B)" is one entry."""
    return " ".join(m.group(0).split()).replace(";", _SEMI).replace(",", _COMMA)


_DEPARTMENTS_LISTED = rx.compile(r"^[Cc]ác\s+[Ss]ở\s*:\s*(?P<names>.+)$")


def _departments_listed(line: str) -> list[str] | None:
    """"Các sở: Tài chính, Tư pháp và Nội vụ" -> each department by its name ("Sở Tài chính", …), when every
    name listed is a department's (names with a comma or a "và" of their own are kept whole: "Văn hóa, Thể
    thao và Du lịch", "Giáo dục và Đào tạo"); None otherwise."""
    m = _DEPARTMENTS_LISTED.match(line)
    if m is None:
        return None
    pieces = [p.strip(" .;") for p in m.group("names").split(",")]
    out: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            names = _department_names(", ".join(pieces[i:j]))
            if names:
                out += [f"Sở {n}" for n in names]
                i = j
                break
        else:
            return None
    return out


def _department_names(text: str) -> list[str] | None:
    """A department's name, or two joined by the list's last "và" ("Tư pháp và Nội vụ"); None if not."""
    if _key(text) in _DEPT_BY_KEY:
        return [text]
    words = text.split()
    for k, w in enumerate(words):
        if w == "và" and _key(" ".join(words[:k])) in _DEPT_BY_KEY and _key(" ".join(words[k + 1:])) in _DEPT_BY_KEY:
            return [" ".join(words[:k]), " ".join(words[k + 1:])]
    return None


_LEVEL = rx.compile(r"^(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|đặc\s+khu|trung\s+ương|và|các|có|liên\s+quan)\b")
"""Lower-case words that may follow a department's name and still belong to the agency."""


_DUTY = rx.compile(r"(?<!được)(?<!được\sgiao)(?<!phân\scông)\s+(?:" + "|".join(DUTY_VERBS) + r")(?!\p{L})")
_FORCE_NAME = rx.compile(rf"^[Ll]ực\s+lượng\s+(?:{_HEAD_AT}|\p{{Lu}}\p{{L}}*)(?:\s+\p{{Lu}}\p{{L}}*)*(?:\s+{LEVEL}(?:\s+\p{{Lu}}\p{{L}}*)*)?")
"""A force by its name: "lực lượng Công an xã", "lực lượng Hải quan"."""
_KIND_ONLY = rx.compile(rf"^(?!(?:Tỉnh|Huyện|Thành|Thị|Quận)\s)(?:{_HEAD_AT}|Đoàn|Tổ|Đội)\s*$")
"""A kind of body alone, before the work that names it ("Hội đồng | thẩm định giá đất", "Đoàn | kiểm tra liên ngành")."""
_PURPOSE_NAMED = rx.compile(r"(?i:chỉ\s+đạo|công\s+tác|tổ\s+chức)\s*$")
"""Words after which a committee's name goes on with its purpose ("Ban Chỉ đạo thực hiện …", "Tổ công tác triển khai …")."""


def trim_known(name: str) -> str:
    """A name with a clause run on after it cut off: at a verb of duty (:data:`.vocab.agencies.DUTY_VERBS`:
    "Ban Thi đua - Khen thưởng tổng kết phong trào" -> "Ban Thi đua - Khen thưởng"), or after a department's
    whole name ("Sở Nông nghiệp và Môi trường thành lập tổ công tác" -> "Sở Nông nghiệp và Môi trường"); any
    other name is returned as it is."""
    force = _FORCE_NAME.match(name)
    if force and rx.match(r"\s*(?:,|và\s)", name[force.end():]):
        name = force.group(0)  # "lực lượng Công an và dân quân, …": a force by its name ends there
    duty = _DUTY.search(_BRACKETED.sub(lambda m: "_" * len(m.group(0)), name))
    if duty and len(name[:duty.start()].split()) >= 2 and not _PURPOSE_NAMED.search(name[:duty.start()]) \
            and not _KIND_ONLY.match(name[:duty.start()]):
        name = name[:duty.start()].rstrip(" ,")
    words = name.split()
    if len(words) < 3 or words[0] != "Sở":
        return name
    for n in range(len(words) - 1, 1, -1):
        rest = " ".join(words[n:])
        if _key(" ".join(words[1:n])) in _DEPT_BY_KEY and rest[:1].islower() and not _LEVEL.match(rest):
            return " ".join(words[:n])
    return name


def split_after_department(name: str) -> list[str]:
    """A department's whole name with another agency glued after it, parted: "Sở Giáo dục và Đào tạo Báo và
    Phát thanh, Truyền hình tỉnh" -> ["Sở Giáo dục và Đào tạo", "Báo và Phát thanh, Truyền hình tỉnh"]."""
    words = name.split()
    if len(words) < 3 or words[0] != "Sở":
        return [name]
    for n in range(len(words) - 1, 1, -1):
        rest = " ".join(words[n:])
        if _key(" ".join(words[1:n])) in _DEPT_BY_KEY and _HEAD.match(rest) and not _LEVEL.match(rest):
            return [" ".join(words[:n]), *split_after_department(rest)]
    return [name]


@lru_cache(maxsize=4096)
def canonical_agency(name: str) -> str:
    """One spelling per agency: abbreviations expanded, official department names, new tone placement.

    >>> canonical_agency("Sở TN&MT")
    'Sở Tài nguyên và Môi trường'
    >>> canonical_agency("Sở Công thương")
    'Sở Công Thương'
    >>> canonical_agency("Uỷ ban nhân dân tỉnh")
    'Ủy ban nhân dân tỉnh'
    """
    t = ABBREV.sub(expand_abbreviation, _clean(name))
    t = rx.sub(r"\s*&\s*", " và ", t)
    t = modern_tone(" ".join(t.split()))
    t = _COMMAND.sub(lambda c: f"{c[1].capitalize()} Chỉ huy {COMMAND_ARMS[' '.join(c[2].lower().split())]}", t)
    m = rx.match(r"^(Sở)\s+(.+?)(\s+tỉnh(?:\s+\p{Lu}.*)?)?$", t)
    if m:
        dept = _DEPT_BY_KEY.get(_key(m.group(2))) or _DEPT_BY_LOOSE.get(_loose_key(_key(m.group(2))) or "-")
        if dept:
            t = f"Sở {dept}{m.group(3) or ''}"
    unit = _UNIT_BY_KEY.get(_key(t))
    if unit is None and rx.search(r"\stỉnh$", t):
        unit = _UNIT_BY_KEY.get(_key(t[: -len(" tỉnh")]))
        unit = unit and f"{unit} tỉnh"  # the place word is part of the name as written
    if unit:
        t = unit
    return t[:1].upper() + t[1:] if t else t


_COMMAND = rx.compile(r"(?<!\p{L})([Bb]ộ|[Bb]an)\s+[Cc]hỉ\s+huy\s+((?i:quân\s+sự|bộ\s+đội\s+biên\s+phòng))(?!\p{L})")
"""A military command by its arm ("Bộ Chỉ huy quân sự tỉnh …"): the arm as the official name writes it (vocab COMMAND_ARMS)."""


_PLACE_TAIL = rx.compile(r"(?<!nhân dân)(?<!nhan dan)(?<![,;])(?<!\bva)(?<!\bcac)(?<!\bhoăc)\s(?:tinh|thanh pho|thanh phô|tp\.?)$")
"""A bare place word ending a folded name ("sơ tai chinh tinh"); kept after "nhân dân", where it is the
body's level ("Ủy ban nhân dân tỉnh" is not "Ủy ban nhân dân xã"), and in a list ("các huyện, thành phố")."""


def agency_key(name: str) -> str:
    """The key agencies are matched and indexed by: the canonical name folded, without a bare place
    word at its end, so "Sở Tài chính tỉnh" and "Sở Tài chính" are one agency. Outputs keep the
    name as written (and its canonical spelling); only comparisons use this key.

    >>> agency_key("Sở Tài chính tỉnh") == agency_key("Sở Tài chính")
    True
    >>> agency_key("Ủy ban nhân dân tỉnh") == agency_key("Ủy ban nhân dân xã")
    False
    """
    key = fold(canonical_agency(name))
    return _PLACE_TAIL.sub("", key) or key


def split_lead_support(text: str) -> tuple[str | None, str | None] | None:
    """Split a combined column: "- CQ chủ trì: X - CQ phối hợp: Y" -> ("X", "Y"); None if unlabelled."""
    labels = list(_LABEL.finditer(text))
    if not labels:
        return None
    lead: list[str] = []
    support: list[str] = []
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        chunk = text[m.end():end].strip(" -;\n")
        if not chunk:
            continue
        target = lead if ascii_fold(m.group("kind")).startswith("chu") else support
        target.append(chunk)
    return ("; ".join(lead) or None, "; ".join(support) or None)
