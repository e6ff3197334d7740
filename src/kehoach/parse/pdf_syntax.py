"""PDF object syntax (ISO 32000-1, 7.3): numbers, names, strings, arrays, dictionaries, references
and keywords, parsed from bytes as pdfminer parses them, for :mod:`pdf_file`. What pdfminer would
read another way (a malformed token, a keyword where an object belongs) raises :class:`Unreadable`.
"""

from __future__ import annotations

import re

_WHITE = b"\x00\t\n\x0c\r "
SKIP = re.compile(rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*")
DELIMITED = rb"(?=[\x00\t\n\x0c\r ()<>\[\]{}/%]|\Z)"
_REF = re.compile(rb"(\d+)[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+R" + DELIMITED)
_NUMBER = re.compile(rb"[+-]?(?:\d+(\.\d*)?|(\.)\d+)" + DELIMITED)
_NAME = re.compile(rb"/([^\x00\t\n\x0c\r ()<>\[\]{}/%]*)")
_NAME_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
KEYWORD = re.compile(rb"[A-Za-z]+" + DELIMITED)
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\x00\t\n\x0c\r ]*)>")
_STRING_PART = re.compile(rb"[^()\\]+|\\(?:[0-7]{1,3}|\r\n|.)|[()]", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"\r\n": b"", b"\r": b"", b"\n": b""}


class Unreadable(Exception):
    """Something this reader does not read exactly as pdfminer does: ask pdfminer."""


class Keyword(bytes):
    """A bare keyword (``endobj``, ``stream``, ``R``), or the closing ``]`` / ``>>``."""

    __slots__ = ()


class Name(str):
    """A PDF name (``/Font``), as text (UTF-8, or bytes when it is not UTF-8, as pdfminer keeps it)."""

    __slots__ = ()


class Ref:
    __slots__ = ("num",)

    def __init__(self, num: int) -> None:
        self.num = num


class Stream:
    __slots__ = ("attrs", "raw")

    def __init__(self, attrs: dict, raw: bytes) -> None:
        self.attrs = attrs
        self.raw = raw

    def get(self, key: str, default=None):
        return self.attrs.get(key, default)


_KEYWORDS = {b"true": True, b"false": False}
_CLOSE_ARRAY, _CLOSE_DICT = Keyword(b"]"), Keyword(b">>")
STREAM_NULL = Keyword(b"null")
"""null inside an object stream: pdfminer keeps it as a keyword there (in dictionaries too), not None."""


def parse(data: bytes, pos: int, null=None):
    """The object starting at ``pos`` (after blanks and comments) and the position after it; a
    keyword other than true/false/null comes back as a :class:`Keyword` (``endobj``, ``]``, ``>>``);
    null as ``null``."""
    pos = SKIP.match(data, pos).end()  # type: ignore[union-attr]
    c = data[pos:pos + 1]
    if c.isdigit():
        m = _REF.match(data, pos)
        if m:
            return Ref(int(m[1])), m.end()
    if c.isdigit() or c in (b"+", b"-", b"."):
        m = _NUMBER.match(data, pos)
        if not m:
            raise Unreadable(f"number at {pos}")
        return (float(m[0]) if m[1] or m[2] else int(m[0])), m.end()
    if c == b"/":
        m = _NAME.match(data, pos)
        assert m is not None
        if m[1].count(b"#") != len(_NAME_HEX.findall(m[1])):
            raise Unreadable("name escape")
        raw = _NAME_HEX.sub(lambda h: bytes((int(h[1], 16),)), m[1])
        try:
            return Name(raw.decode("utf-8")), m.end()
        except UnicodeDecodeError:
            return raw, m.end()  # pdfminer keeps such a name as bytes
    if c == b"[":
        items: list = []
        pos += 1
        while True:
            value, pos = parse(data, pos, null)
            if isinstance(value, Keyword) and value is not STREAM_NULL:
                if value == b"]":
                    return items, pos
                raise Unreadable(f"{value!r} in an array")
            items.append(value)
    if data.startswith(b"<<", pos):
        return _dictionary(data, pos + 2, null)
    if c == b"<":
        m = _HEX_STRING.match(data, pos)
        if not m:
            raise Unreadable(f"hex string at {pos}")
        digits = bytes(b for b in m[1] if b not in _WHITE)
        if len(digits) % 2:
            raise Unreadable("odd hex string")
        return bytes.fromhex(digits.decode()), m.end()
    if c == b"(":
        return _string(data, pos)
    if c == b"]" or data.startswith(b">>", pos):
        return (_CLOSE_ARRAY, pos + 1) if c == b"]" else (_CLOSE_DICT, pos + 2)
    m = KEYWORD.match(data, pos)
    if not m:
        raise Unreadable(f"token at {pos}")
    if m[0] == b"null":
        return null, m.end()
    return _KEYWORDS[m[0]] if m[0] in _KEYWORDS else Keyword(m[0]), m.end()


def _dictionary(data: bytes, pos: int, null) -> tuple[dict, int]:
    out: dict = {}
    while True:
        key, pos = parse(data, pos, null)
        if isinstance(key, Keyword) and key == b">>":
            return out, pos
        if not isinstance(key, str):
            raise Unreadable(f"dictionary key at {pos}")
        value, pos = parse(data, pos, null)
        if isinstance(value, Keyword) and value is not STREAM_NULL:
            raise Unreadable(f"dictionary value at {pos}")
        if value is not None:  # pdfminer leaves null values out (an earlier value of the key stays)
            out[key] = value


def _string(data: bytes, pos: int) -> tuple[bytes, int]:
    """A literal string (its escapes decoded) and the position after its closing parenthesis."""
    depth, pos = 1, pos + 1
    out: list[bytes] = []
    while True:
        m = _STRING_PART.match(data, pos)
        if not m:
            raise Unreadable("unterminated string")
        part, pos = m[0], m.end()
        if part == b"(":
            depth += 1
        elif part == b")":
            depth -= 1
            if not depth:
                return b"".join(out), pos
        elif part[:1] == b"\\":
            esc = part[1:]
            part = bytes((int(esc, 8) & 0xFF,)) if esc[:1].isdigit() and esc[:1] < b"8" else _ESCAPES.get(esc, esc)
        out.append(part)
