"""Numbering tokens: the only source of hierarchy in a plan ("I.", "1.", "1.1.", "a)", "-", "+").

Shared by the readers (a token starts a new block) and the section builder (a token's kind
sets its depth).
"""

from __future__ import annotations

from . import rx
from .memo import text_cache
from .record import FrozenRecord

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

# Vietnamese point letters, in order: note đ after d, and no f, j, w, z.
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"

ORDINAL_WORDS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
"""The words of "Phần thứ nhất" … "Phần thứ mười", in order."""
_DIGIT_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_UNIT_SPELLINGS = {"mốt": 1, "tư": 4, "lăm": 5}
"""How a unit is said after the tens: "hai mươi mốt", "hai mươi tư", "mười lăm"."""
_PAST_TEN = (r"(?i:(?:mười|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+mươi)"
             r"(?:\s+(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín)(?![\p{L}\d])(?!\s+\d))?)(?![\p{L}\d])")
"""An ordinal past ten in words: "mười một", "mười lăm", "hai mươi", "hai mươi mốt" (not "mười năm 2026")."""

_TOKEN = rx.compile(
    r"""^\s*(?:
        (?P<part>(?i:phần|chương)\s+(?:(?i:thứ)\s+(?:""" + _PAST_TEN + r"""|\p{L}+)|[IVXLC]{1,6}|\d{1,2}))(?:\s*[.:\-–]\s*|\s+|$)
      | (?P<division>(?i:mục)\s+(?:[IVXLC]{1,6}|\d{1,2}))(?:\s*[.:\-–]\s*|\s*$)
      | (?P<roman>[IVXLC]{1,6})(?:\s?[.)/](?:\s+|$)|\s?[-–]\s+(?=\p{Lu})|(?:\s?:\s*|\.)(?=\p{Lu}{2}))
      | (?P<upper>[A-HK-UYĐ])(?:\.\s+|\s?[-–]\s+)(?=\p{Lu})
      | (?P<paren>\d{1,2})\)\s*
      | (?P<arabic>\d{1,2}(?:\s?\.\s?\d{1,2}){0,3})(?:\s?[.)](?!\d)\s*|\s?[-–/]\s+(?=\p{Lu}))
      | (?P<arabicsp>\d{1,2}(?:\.\d{1,2}){1,3})\s+(?=\p{Lu})
      | (?P<lroman>(?:ii|iii|iv|vi|vii|viii|ix|xi|xii))\)\s*
      | (?P<letter>[a-zđ])(?:\)\s*|[-–/]\s+(?=\p{Lu}))
      | (?P<letterdot>[a-zđ])\.\s+(?=\p{Lu})
    )""",
    rx.X,
)
_MULTI_ARABIC_SPACE = rx.compile(r"\s")
_BULLET = rx.compile(r"^\s*(?P<bullet>[-–—+•·∙●▪◦*])\s+(?=\S)")


class Token(FrozenRecord):
    """A numbering token at the start of a block."""

    __slots__ = ("kind", "value", "rest")

    kind: str
    """"part" | "division" | "upper" | "roman" | "arabic" | "paren" | "letter" | "lroman" | "bullet".

    "part" is "Phần …"/"Chương …" ("PHẦN THỨ HAI" too); "division" is "Mục 1." (a plan's parts numbered as
    the articles of a law group theirs), at the rank of "A.".

    "paren" is a number closed by a bracket ("1)"): the section builder decides once per document
    whether that list sits above the letters ("1) … a) …") or below them ("a) … 1) …"), and
    turns the later ones into "paren_low" in the second case."""
    value: str
    """The token as written, without the trailing "." or ")": "II", "1.2", "đ", "-"."""
    rest: str
    """The text after the token."""

    def __init__(self, kind: str, value: str, rest: str) -> None:
        self.kind = kind
        self.value = value
        self.rest = rest

    @property
    def depth(self) -> int:
        """Rank in the hierarchy: lower is higher up."""
        if self.kind == "arabic":
            return 3 + self.value.count(".")
        return _RANK[self.kind]


_RANK = {"part": 0, "division": 1, "upper": 1, "roman": 2, "paren": 7, "letter": 8, "lroman": 9, "paren_low": 10, "bullet": 20}


@text_cache()  # the readers ask about a line again as they look back
def match_token(text: str) -> Token | None:
    """Read the numbering token at the start of ``text``.

    >>> match_token("II. MỤC TIÊU").value
    'II'
    >>> match_token("4.1. Phát triển nguồn nhân lực:").kind
    'arabic'
    >>> match_token("đ) Các cơ quan thông tin").value
    'đ'
    >>> match_token("- Tạo động lực").kind
    'bullet'
    >>> match_token("2021-2025 là giai đoạn") is None
    True
    """
    m = _TOKEN.match(text)
    if m:
        kind = m.lastgroup
        value = m.group(kind)
        if kind in ("arabic", "arabicsp"):
            kind, value = "arabic", _MULTI_ARABIC_SPACE.sub("", value)
            if "0" in value.split(".")[1:]:
                return None  # "2.0.", "4.0": a version or a decimal a wrap left at a line's start, never a section's number
        elif kind == "letterdot":
            kind = "letter"
        elif kind in ("part", "division"):
            value = " ".join(value.split())
        return Token(kind, value, text[m.end():].strip())
    b = _BULLET.match(text)
    if b:
        return Token("bullet", b.group("bullet"), text[b.end():].strip())
    return None


def roman_to_int(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def ordinal(token: Token) -> int | None:
    """The position a token claims among its siblings: "III" -> 3, "1.2" -> 2, "đ" -> 5, "Phần thứ hai" -> 2."""
    if token.kind in ("roman", "lroman"):
        return roman_to_int(token.value)
    if token.kind in ("arabic", "paren", "paren_low"):
        try:
            return int(token.value.split(".")[-1])
        except ValueError:
            return None
    if token.kind == "letter":
        i = POINT_LETTERS.find(token.value)
        return i + 1 if i >= 0 else None
    if token.kind == "upper":
        return ord(token.value) - ord("A") + 1 if token.value != "Đ" else None
    if token.kind in ("part", "division"):
        words = token.value.split()
        if len(words) > 2 and words[1].lower() == "thứ":  # "Phần thứ hai", "PHẦN THỨ MƯỜI MỘT"
            return words_to_ordinal(" ".join(words[2:]))
        last = words[-1]
        return roman_to_int(last) or (int(last) if last.isdigit() else None)
    return None


def words_to_ordinal(words: str) -> int | None:
    """An ordinal in words, as "Phần thứ …" writes it, up to 99.

    >>> [words_to_ordinal(w) for w in ("nhất", "tư", "mười", "MƯỜI MỘT", "mười lăm", "hai mươi", "hai mươi mốt")]
    [1, 4, 10, 11, 15, 20, 21]
    """
    w = words.lower().split()
    if len(w) == 1 and w[0] in ORDINAL_WORDS:
        return ORDINAL_WORDS.index(w[0]) + 1
    if w[:1] == ["mười"]:
        tens, rest = 1, w[1:]
    elif len(w) >= 2 and w[0] in _DIGIT_WORDS and w[1] == "mươi":
        tens, rest = _DIGIT_WORDS.index(w[0]) + 1, w[2:]
    else:
        return None
    if not rest:
        return tens * 10
    unit = _UNIT_SPELLINGS.get(rest[0]) or (_DIGIT_WORDS.index(rest[0]) + 1 if rest[0] in _DIGIT_WORDS else None)
    return tens * 10 + unit if unit and len(rest) == 1 else None


def ordinal_to_words(n: int) -> str | None:
    """The words of the ordinal ``n`` (1 to 99) after "thứ": 1 "nhất", 4 "tư", 11 "mười một", 21 "hai mươi mốt".

    >>> [ordinal_to_words(n) for n in (1, 10, 11, 14, 15, 20, 21, 24, 100)]
    ['nhất', 'mười', 'mười một', 'mười bốn', 'mười lăm', 'hai mươi', 'hai mươi mốt', 'hai mươi tư', None]
    """
    if not 1 <= n <= 99:
        return None
    if n <= len(ORDINAL_WORDS):
        return ORDINAL_WORDS[n - 1]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{_DIGIT_WORDS[tens - 1]} mươi"
    if not unit:
        return head
    said = {1: "một" if tens == 1 else "mốt", 4: "bốn" if tens == 1 else "tư", 5: "lăm"}.get(unit)
    return f"{head} {said or _DIGIT_WORDS[unit - 1]}"
