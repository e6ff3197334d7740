"""The one normaliser that runs on every piece of text a reader produces.

Guarantees for the text it returns:

- Unicode NFC; no ``\\r``, tabs, control, zero-width characters or soft hyphens; single spaces, stripped.
- No Markdown debris: heading marks (``## ``), emphasis (``**``, ``__``, ``*x*``), escapes
  (``\\*``), block quotes.
- No HTML: tags removed (``<p>``, ``<br>``, ``<b>``), entities decoded (``&nbsp;``, ``&amp;``).
- No conversion debris: stray OCR tokens such as ``/suny`` or ``*TS*``.
- Bullet glyphs from Word/PDF (private-use Symbol characters) become "•"; spaces a PDF text
  layer put before combining marks are removed.
- No footnote markers (``¹``, ``²``, ``[^3]``, ``<sup>4</sup>``, "văn bản[1]"); :func:`footnote_start`
  recognises footnote texts ("¹ …", "[^3]: …", "[1] …").
- Document symbols whose hyphen a PDF text layer lost ("12/QĐUBND") get it back.
- Letter-spaced capitals ("K Ế  H O Ạ C H") are written as words ("KẾ HOẠCH").
- Year ranges cut by a wrap ("2021- 2025", "2016 -2025") read "2021-2025"; "2024 - 2027" stays.
- Idempotent: ``normalize_text(normalize_text(s)) == normalize_text(s)``.

Spelling, case and tone placement are kept as written.
"""

from __future__ import annotations

import bisect
import unicodedata
from functools import lru_cache

from .. import rx
from ..vocab.dates import YEAR
from .letterspacing import unspace_text

_CONTROL = rx.compile(r"[\x00-\x08\x0b-\x1f\x7f\u00ad\u200b-\u200f\u2060\ufeff]")
"""Control and invisible characters, the soft hyphen (U+00AD) too: a web page\'s hyphenation leaves it inside words ("chí\u00adnh")."""
_SPACE_LIKE = rx.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_HEADING = rx.compile(r"^\s{0,3}(?:#{1,6}|>)(?:\s+|$)")
_TRAILING_HASHES = rx.compile(r"(?<!\s)\s+#+\s*$")  # tried once per run of spaces: linear
_TAG = rx.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = rx.compile(r"&(?:#\d{1,6}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});")
_STRONG = rx.compile(r"\*\*|__")
_ESCAPED_STAR = rx.compile(r"\\\*\s*")
_ESCAPE = rx.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
# Emphasis "*words*": an opening star (before a letter, digit, quote or bracket) pairs with the next
# star that can close (after a letter, digit, punctuation or bracket). Found with two linear scans
# and a binary search, not one pattern: with unclosed stars a lazy ".+?" rescans to the end from
# every star, quadratic on "*a *a *a …".
# A web page's converter also leaves a space inside the closing mark ("*(kho mát) *thu mua",
# "*Căn cứ Luật …; *"), opens before a bullet or a percent sign ("*- Thương mại*", "*%*") and inside a
# bracket ("(*Bình An, Hòa Lạc*)"); a star between brackets ("(*)") is a footnote's sign and stays.
_EMPHASIS_OPEN = rx.compile(r"""(?<![\p{L}\p{N}*\\])\*(?=[\p{L}\p{N}"“‘(%]|[-+]\s)""")
_EMPHASIS_CLOSE = rx.compile(r"""(?<=[\p{L}\p{N}.,:;!?"”’)%])\*(?![\p{L}\p{N}*])|(?<=[^\s*] )\*(?=[\p{L}\p{N}(]|$)""")


def _strip_emphasis(text: str) -> str:
    """``text`` with each emphasis pair's stars removed, the words between kept."""
    if "*" not in text:
        return text
    closers = [m.start() for m in _EMPHASIS_CLOSE.finditer(text)]
    if not closers:
        return text
    out, pos = [], 0
    for m in _EMPHASIS_OPEN.finditer(text):
        i = m.start()
        if i < pos:
            continue
        k = bisect.bisect_left(closers, i + 2)  # at least one character between the stars
        if k == len(closers):
            break  # no closer after this star, nor after any later one
        j = closers[k]
        out += [text[pos:i], text[i + 1:j]]
        pos = j + 1
    out.append(text[pos:])
    return "".join(out)


# Stray tokens left by OCR/PDF converters: "/suny", "*TS*" standing alone.
_DEBRIS = rx.compile(r"(?<!\S)(?:/[a-z]{3,6}|\*[A-Z]{1,4}\*)(?!\S)")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOTNOTE_REF = rx.compile(r"\[\^\w+\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=\S)\s*(?:\*\s*\[\d{1,3}\]\s*\*|\[\d{1,3}\])")
"""Footnote markers: "[^3]", "¹", and a bracketed number after a word ("liên quan[1];", "tỷ đồng *[2]*")."""
_SUP_POWER = rx.compile(r"\b(k?m|cm|dm|mm)<sup>\s*([23])\s*</sup>", rx.I)
_SUP_MARK = rx.compile(r"<sup>\s*\[?\d{1,3}\]?\s*</sup>", rx.I)
_FOOTNOTE_START = rx.compile(
    r"^\s*(?:\[\^(?P<md>\w+)\]:|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\[(?P<num>\d{1,3})\](?=\s*(?:\p{Lu}|$)))\s*")
_ITALIC_NUMBER = rx.compile(r"^\*\s*((?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)](?:\d{1,2}[.)]?)*)\s*\*\s*")
""""*6.2. *Phấn đấu …": a numbering token in italics, its closing mark after the space."""
_SPACES = rx.compile(r" {2,}")
# Bullet glyphs Word and PDF text layers leave (Symbol/Wingdings private-use code points).
_PUA_BULLETS = rx.compile(r"[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\u25cf\u25aa\u25e6\u2043\u2219]")
_TYPE_CODES = "(?:QĐ|KHHĐ|KHHD|KH|NQ|CTr|CT|TB|BC|TTr|HD)"
_BODY_CODES = "(?:UBND|HĐND|TTg|CP|TU|BCĐ)"
"""The type and issuer codes of a document symbol ("KH-UBND") a converter may fuse ("KHUBND")."""
_YEAR_RANGE = rx.compile(rf"\b({YEAR})(?:\s+-(?=\d)|-\s+(?={YEAR}\b))")
_FUSED_SYMBOL = rx.compile(
    rf"\b(\d{{1,5}}/(?:{YEAR}/)?)({_TYPE_CODES})({_BODY_CODES})\b"
)
_SPACE_BEFORE_MARK = rx.compile(r"(?<=\p{L})\s+(?=\p{M})")
_SPACE_BEFORE_PUNCT = rx.compile(r" +(?=[,;:.!?)](?:\s|$))")
_MARK = rx.compile(r"\p{M}")
_SUPERSCRIPT = rx.compile(f"[{_SUPERSCRIPTS}]")


def _once(text: str) -> str:
    # Each step runs only when a character it needs is in the text (a substring test costs far
    # less than a pattern tried at every position); the steps and their order are unchanged.
    if _MARK.search(text):
        text = _SPACE_BEFORE_MARK.sub("", text)  # "U ̉y" from a PDF text layer
    text = unicodedata.normalize("NFC", text)
    text = _PUA_BULLETS.sub("•", text)
    text = _SPACE_LIKE.sub(" ", text.replace("\r", " ").replace("\n", " "))
    text = _CONTROL.sub("", text)
    for _ in range(3):
        if "&" not in text or not _ENTITY.search(text):
            break
        import html  # (its entity table) only for a text that holds an entity

        decoded = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        if decoded == text:
            break
        text = decoded
    text = _SPACE_LIKE.sub(" ", text)
    if "<" in text:
        text = _SUP_POWER.sub(lambda m: m[1] + m[2], text)  # "m<sup>2</sup>" is m2, not a footnote
        text = _SUP_MARK.sub("", text)
        text = _TAG.sub(" ", text)
    text = _HEADING.sub("", text)
    if "#" in text:
        text = _TRAILING_HASHES.sub("", text)
    if "/" in text or "*" in text:
        text = _DEBRIS.sub(" ", text)
    if "*" in text or "_" in text or "\\" in text:
        text = _STRONG.sub("", text)
        text = _ESCAPED_STAR.sub("", text)
        text = _ESCAPE.sub(lambda m: m[1], text)
        text = _ITALIC_NUMBER.sub(lambda m: m[1] + " ", text)
        text = _strip_emphasis(text)
    if "[" in text or _SUPERSCRIPT.search(text):
        text = _FOOTNOTE_REF.sub("", text)
    text = unspace_text(text)  # "K Ế  H O Ạ C H": before the spaces that cut its words are collapsed
    text = _SPACES.sub(" ", text).strip()
    if "-" in text:
        text = _YEAR_RANGE.sub(lambda m: m[1] + "-", text)  # "2021- 2025", "2016 -2025": one range, as wraps leave it
    if "/" in text:
        text = _FUSED_SYMBOL.sub(lambda m: f"{m[1]}{m[2]}-{m[3]}", text)  # "12/QĐUBND" from a PDF text layer
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    return unicodedata.normalize("NFC", text)


_NEEDS_WORK_CHAR = rx.compile(
    r"[*_<>&#\\\[⁰¹²³⁴⁵⁶⁷⁸⁹\x00-\x1f\x7f\u00a0\u00ad\u2000-\u200f\u202f\u205f\u2060\u3000\ufeff\uf000-\uf0ff"
    r"\u25cf\u25aa\u25e6\u2043\u2219]"
)
_NEEDS_WORK_SPACE = rx.compile(r" [ ,;:.!?)\p{M}]")
_NEEDS_WORK_DASH = rx.compile(r"-(?:(?<=\d -)\d|(?<=\d-) \d)")  # "1 -2", "1- 2": from the dash, found quicker
# begins with the letter, not the look-behind: the engine then skips ahead to a capital instead
# of trying the look-behind at every position (three times quicker)
_NEEDS_WORK_LETTERS = rx.compile(r"\p{Lu}(?<!\S\p{Lu}) \p{Lu} \p{Lu}(?!\S)")
_NEEDS_WORK_SLASH = rx.compile(  # the "/" first: the engine looks for it before trying the rest
    rf"/(?:(?<!\S/)[a-z]|(?:{YEAR}/)?{_TYPE_CODES}{_BODY_CODES})"
)


def _clean(text: str) -> bool:
    """Whether no step of :func:`_once` would change ``text``: checked cheaply, because most lines
    are already clean ("/" alone does not count: dates and numbers are full of it)."""
    if not text:
        return True
    if text[0].isspace() or text[-1].isspace() or _NEEDS_WORK_CHAR.search(text):
        return False
    if " " in text and (_NEEDS_WORK_SPACE.search(text) or _NEEDS_WORK_LETTERS.search(text)
                        or ("- " in text or " -" in text) and _NEEDS_WORK_DASH.search(text)):
        return False
    if "/" in text and _NEEDS_WORK_SLASH.search(text):
        return False
    return text.isascii() or unicodedata.is_normalized("NFC", text)


def normalize_text(text: str) -> str:
    """Normalise one line or paragraph of text (see the module docstring for the guarantees)."""
    if _clean(text):
        return text
    stripped = text.strip(" ")
    if stripped is not text and _clean(stripped):
        return stripped  # a table cell's padding ("| ô |"): nothing else to do
    return _normalize_short(text) if len(text) <= 4000 else _normalize(text)


_ALNUM = rx.compile(r"[^\W_]")
_MAY_CLEAR = rx.compile(f"[<\\[&{_SUPERSCRIPTS}]|[/*](?<![^\\W_][/*])")  # a character first: searched quicker
"""What the steps that can remove a letter or digit start with: a tag, a footnote marker, an entity
(any "&": a zero-width or control character between it and the name is removed first, "&\u200bnbsp;"),
converter debris ("/suny", "*TS*": a "/" or "*" after a letter or digit cannot start it). Every
other step removes only marks, spaces and symbols, or joins letters."""


def has_content(text: str) -> bool:
    """``bool(normalize_text(text))``, without normalising a line that holds a letter or digit and
    nothing a step could remove it with (a whole table row is costly to normalise)."""
    if _ALNUM.search(text) and not _MAY_CLEAR.search(text):
        return True
    return bool(normalize_text(text))


@lru_cache(maxsize=4096)
def _normalize_short(text: str) -> str:
    return _normalize(text)  # the reader and the line index normalise the same lines


def _normalize(text: str) -> str:
    for _ in range(5):
        cleaned = _once(text)
        if cleaned == text or _clean(cleaned):
            return cleaned
        text = cleaned
    return text


def footnote_start(text: str) -> tuple[str, str] | None:
    """Recognise a footnote text: "¹ Hoàn thiện dự thảo…" -> ("1", "Hoàn thiện dự thảo…")."""
    m = _FOOTNOTE_START.match(text)
    if not m:
        return None
    mark = m.group("md") or m.group("num") or m.group("sup").translate(str.maketrans(_SUPERSCRIPTS, "0123456789"))
    return mark, normalize_text(text[m.end():])
