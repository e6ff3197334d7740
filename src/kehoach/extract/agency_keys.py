"""Keys that compare agency names however they are spelled, the departments and units they find, and a group written
straight after a department's whole name with nothing between ("Sở A các sở, ngành liên quan")."""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.agencies import DEPARTMENTS, GROUP_HEAD, UNITS


def key(text: str) -> str:
    """A name folded to compare spellings: no tone marks, no case, no punctuation, "&" as "và"."""
    t = ascii_fold(text).replace("&", " va ")
    return " ".join(rx.sub(r"[^\w\s]", " ", t).split())


DEPT_BY_KEY = {key(d): d for d in DEPARTMENTS}


def loose_key(folded: str) -> str:
    """A department's key with its words in any order and its "và" left out ("Văn hóa Thể thao du
    lịch", "Thể thao, Văn hóa và Du lịch"); empty for a name cut after its "và" ("Sở Xây dựng và")."""
    words = folded.split()
    return "" if words[-1:] == ["va"] else " ".join(sorted(w for w in words if w != "va"))


DEPT_BY_LOOSE: dict[str, str] = {}
for _d in DEPARTMENTS:
    DEPT_BY_LOOSE.setdefault(loose_key(key(_d)), _d)  # the official spelling ("và") comes first
UNIT_BY_KEY = {key(u): u for u in UNITS}

_DEPARTMENT = rx.compile(r"(?<!\w)Sở\s+")
_GROUP_AT = rx.compile(rf"\s+(?={GROUP_HEAD}(?!\w))")
_NAME_WORDS = 8


def part_group_after_department(text: str) -> str:
    """``text`` with a ";" between a department's whole name and a group written straight after it, which a missing
    comma glued to the name ("Sở Giáo dục và Đào tạo các sở, ngành liên quan" -> "Sở Giáo dục và Đào tạo; các sở, ngành
    liên quan"); a name that is no department's whole ("Sở Y tế tỉnh các …") is left alone.

    >>> part_group_after_department("Sở Tài chính các đơn vị liên quan")
    'Sở Tài chính; các đơn vị liên quan'
    """
    for m in reversed(list(_DEPARTMENT.finditer(text))):
        for g in _GROUP_AT.finditer(text, m.end()):
            name = text[m.end():g.start()]
            if len(name.split()) > _NAME_WORDS:
                break
            if name[-1:].isalpha() and key(name) in DEPT_BY_KEY:  # not after a separator ("Sở A - các …")
                text = f"{text[:g.start()]};{text[g.start():]}"
                break
    return text
