"""Agencies named by a list after a colon: "UBND các xã: A, B và C" is three agencies.

Plans name local governments of one level by listing the places after the kind of body ("Ủy ban nhân
dân các phường: A, B, C – D và E"), especially since communes and wards report directly to the province.
Each listed place is an agency of its own (:func:`places_listed`); the list is kept whole when a piece of
it is not a place's name, or when it mixes levels ("các phường, xã: …": which place is which is unknown).
"""

from __future__ import annotations

from .. import rx
from ..vocab.agencies import LEVEL

_LEVELS = ("xã", "phường", "thị trấn", "quận", "huyện", "thị xã", "thành phố", "đặc khu")
"""Levels of local government whose places a list may name (as written, one space between words)."""
_BODY_OF_PLACES = (r"(?P<body>(?:Ủy|Uỷ|ỦY|UỶ)\s+(?:ban|BAN)\s+(?:nhân|NHÂN)\s+(?:dân|DÂN)|UBND)\s+(?:các|những)\s+"
                   r"(?P<level>" + "|".join(lv.replace(" ", r"\s+") for lv in _LEVELS) + r")\s*:")
_PLACES_LISTED = rx.compile(rf"^{_BODY_OF_PLACES}\s*(?P<names>\S.*)$")
_LIST_AFTER = rx.compile(rf"(?:,\s*|\s+(?:và|cùng)\s+)(?={_BODY_OF_PLACES})")
"""Where a list of places begins after other names ("Sở A, Sở B và UBND các xã: C, D")."""

_PLACE = rx.compile(r"^(?:\p{Lu}[\p{L}'’]*|\d{1,3})(?:\s*[-–]\s*(?:\p{Lu}[\p{L}'’]*|\d{1,3})|\s+(?:\p{Lu}[\p{L}'’]*|\d{1,3}))*$")
"""A place's name: capitalised words or a number ("Hoàn Kiếm", "Văn Miếu – Quốc Tử Giám", "Phường 7" as "7")."""

_LAST_AND = rx.compile(r"\s+(?:và|cùng)\s+")

_LISTED_LEVEL = ("(?:" + "|".join(f"(?<=các {lv}:)" for lv in _LEVELS) + ")"
                 r"(?=\s*(?:\p{Lu}\p{L}*|\d{1,3})(?:\s*[-–]\s*\p{Lu}\p{L}*|\s+\p{Lu}\p{L}*)*\s*(?:,|\svà\s))")
LIST_COLON = rf":{_LISTED_LEVEL}"
"""The colon that opens a list of places ("UBND các xã: Tân An, Phú Mỹ và …"): part of a name, never where a label
ends or a clause starts. (The colon comes first, the level's words are looked at behind it: a pattern that tried the
look-behinds at every character cost a tenth of a body's reading.)"""
NOT_LIST_COLON = rf":(?!{_LISTED_LEVEL})"
"""Any other colon, for the patterns that part a sentence or a heading at colons."""


def places_listed(line: str, split=None) -> list[str] | None:
    """ "UBND các xã: Tân An, Phú Mỹ và Hòa Bình" -> ["UBND xã Tân An", "UBND xã Phú Mỹ", "UBND xã Hòa Bình"]
    (the body as written, the level in the singular); an entry after the list's last "và" that is not a place
    ("… và các đơn vị liên quan") is its own entry; names before the list ("Sở A và UBND các xã: …") are split
    by ``split``. None when the line holds no such list."""
    line = line.strip().rstrip(" .;")
    before = _LIST_AFTER.search(line) if split is not None else None
    if before is not None:
        listed = places_listed(line[before.end():])
        head = line[:before.start()]
        return None if listed is None else [*(places_listed(head) or split(head)), *listed]
    m = _PLACES_LISTED.match(line)
    if m is None:
        return None
    pieces = [p.strip() for p in m.group("names").split(",")]
    last = _LAST_AND.split(pieces[-1], maxsplit=1)
    tail: list[str] = []
    if len(last) == 2 and not _PLACE.match(last[1].strip()):
        pieces[-1], tail = last[0].strip(), [last[1].strip()]
    elif len(last) == 2:
        pieces[-1:] = [last[0].strip(), last[1].strip()]
    if len(pieces) < 2 and not tail or not all(_PLACE.match(p) for p in pieces):
        return None
    body, level = m.group("body"), " ".join(m.group("level").split())
    return [f"{body} {level} {p}" for p in pieces] + tail


_LEVEL_WORDS = "(?:" + "|".join(lv.replace(" ", r"\s+") for lv in _LEVELS) + ")"
_BARE_LEVELS = rx.compile(rf"^(?:các|những)\s+{_LEVEL_WORDS}(?:\s*(?:,|và)\s*{_LEVEL_WORDS})*$", rx.I)
_LOCAL_BODY = rx.compile(r"^(?P<body>(?:Ủy|Uỷ|ỦY|UỶ)\s+(?:ban|BAN)\s+(?:nhân|NHÂN)\s+(?:dân|DÂN)|UBND)\s+(?:các\s+)?" + _LEVEL_WORDS + r"\b")


_LEVEL_PLACE = rx.compile(rf"^{_LEVEL_WORDS}\s+\p{{Lu}}")
"""A place by its level and name, in lower case as a list goes on ("huyện Yên Lạc")."""


def elided_body(name: str, before: str) -> str:
    """A list's entry that names only levels ("các huyện", "các xã, phường") or a place by its level ("huyện B") after
    a local People's Committee ("UBND thành phố và các huyện", "UBND huyện A, huyện B"): the committees of those places,
    the body written once for both ("UBND các huyện", "UBND huyện B"); ``name`` itself otherwise (no body is "các
    huyện")."""
    m = _LOCAL_BODY.match(before)
    return f"{m.group('body')} {name}" if m and (_BARE_LEVELS.match(name) or _LEVEL_PLACE.match(name)) else name


_BY_LEVEL = rf"(?i:{LEVEL})\s+\p{{Lu}}\p{{Ll}}*(?:\s*[-–]\s*\p{{Lu}}\p{{Ll}}*|\s+\p{{Lu}}\p{{Ll}}*)*"
_PLACE_BY_LEVEL = rx.compile(rf"^{_BY_LEVEL}(?:\s+và\s+{_BY_LEVEL})?$")
"""A place named by its level, or two joined by "và" ("tỉnh Điện Biên", "Thành phố Hồ Chí Minh", "huyện A và huyện
B")."""
_PLACES_BY_LEVEL = rx.compile(rf"^(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân\s+|UBND\s+)?{_BY_LEVEL}(?:\s*,\s*{_BY_LEVEL})*$")
"""Places named by their levels, or a local People's Committee by its place ("UBND huyện Yên Lạc"): a place by its
level after them is one more ("Thành phố A, tỉnh B, tỉnh C" are three; "UBND huyện A, huyện B" two committees, the
second's written once: :func:`.agency_lists.elided_body`); after any other body it says where that body is ("Sở Y tế
tỉnh A, tỉnh B" is kept whole)."""
_PLACE_AND = rx.compile(rf"^(?P<a>(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân\s+|UBND\s+)?{_BY_LEVEL})\s+và\s+(?P<b>{_BY_LEVEL})$")
"""Two places by their levels joined by "và" ("tỉnh A và tỉnh B", "UBND xã A và xã B")."""


def one_more_place(before: str, piece: str) -> bool:
    """Whether ``piece`` after a comma is one more place of a list of places by their levels (:data:`_PLACES_BY_LEVEL`)."""
    return _PLACE_BY_LEVEL.match(piece) is not None and _PLACES_BY_LEVEL.match(before) is not None


def places_and(name: str) -> tuple[str, ...]:
    """Two places by their levels joined by "và" apart ("tỉnh A và tỉnh B"); ``name`` alone otherwise."""
    m = _PLACE_AND.match(name)
    return (m["a"], m["b"]) if m else (name,)


_COMMITTEE_OF = rx.compile(rf"^(?P<body>(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND)\s+(?P<level>{LEVEL})\s+\p{{Lu}}\p{{Ll}}*(?:\s+\p{{Lu}}\p{{Ll}}*)*$")
_BARE_PLACE = rx.compile(r"^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}$")
"""A place's name alone, no level or body before it ("Bắc Quang")."""


def same_level_place(before: str, piece: str) -> str | None:
    """The committee of one more place of the level of the committee ``before`` names, when ``piece`` after a comma is a
    place's name alone ("UBND huyện A, B": "UBND huyện B", the body and level written once); None otherwise."""
    m = _COMMITTEE_OF.match(before)
    return f"{m['body']} {m['level']} {piece}" if m and _BARE_PLACE.match(piece) else None
