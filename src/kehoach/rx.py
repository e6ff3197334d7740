"""Regular expressions on the standard library's ``re``, with the Unicode classes plans need.

kehoach's patterns use ``\\p{L}``, ``\\p{Lu}``, ``\\p{Ll}``, ``\\p{N}`` and ``\\p{M}`` (letters, upper and
lower case, digits, combining marks). The third-party ``regex`` module reads them natively but
compiles several times slower, which is most of the command's start-up. This module rewrites
those classes for ``re`` and falls back to ``regex`` only for a pattern ``re`` cannot compile
(a variable-length look-behind, say). It offers the slice of the ``re`` API kehoach uses.
"""

from __future__ import annotations

import re
from functools import lru_cache

I = IGNORECASE = re.I  # noqa: E741
X = VERBOSE = re.X
S = DOTALL = re.S
M = MULTILINE = re.M
error = re.error
escape = re.escape

# Letters of the Latin, Vietnamese, Greek and Cyrillic ranges, as ``re`` character-class ranges.
_SPANS = (range(0x41, 0x250), range(0x370, 0x530), range(0x1E00, 0x1F00))
# Upper/lower case alternate letter by letter in the extended ranges, which makes long classes
# (slow to compile); case classes keep to the letters Vietnamese writes.
_CASE_SPANS = (range(0x41, 0x100), (0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0),
               range(0x1EA0, 0x1EFA))


def _ranges(pred, spans=_SPANS) -> str:
    """Code points of ``spans`` for which ``pred`` holds, as compressed class ranges."""
    points = [c for span in spans for c in span if pred(chr(c))]
    out: list[str] = []
    k = 0
    while k < len(points):
        j = k
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        a, b = chr(points[k]), chr(points[j])
        out.append(re.escape(a) if k == j else f"{re.escape(a)}-{re.escape(b)}")
        k = j + 1
    return "".join(out)


_LU = _ranges(str.isupper, _CASE_SPANS)
_LL = _ranges(str.islower, _CASE_SPANS)
_L = _ranges(str.isalpha)
_INSIDE = {"L": _L, "Lu": _LU, "Ll": _LL, "N": r"\d", "M": "\u0300-\u036f"}
_OUTSIDE = {"L": r"[^\W\d_]", "Lu": f"[{_LU}]", "Ll": f"[{_LL}]", "N": r"\d", "M": "[\u0300-\u036f]"}
_PROP = re.compile(r"\\p\{(L|Lu|Ll|N|M)\}")


def _translate(pattern: str) -> str:
    """Rewrite \\p{…} classes, inside and outside brackets."""
    out, i, depth = [], 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            m = _PROP.match(pattern, i)
            if m:
                out.append((_INSIDE if depth else _OUTSIDE)[m.group(1)])
                i = m.end()
                continue
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[" and not depth:
            depth = 1
            out.append(ch)
            if pattern[i + 1: i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1: i + 2] == "]":
                out.append("]")
                i += 1
        elif ch == "]" and depth:
            depth = 0
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


_METHODS = ("match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer", "groupindex", "groups")


class _Lazy:
    """A pattern compiled on first use. Its methods then sit in slots, so later calls cost no
    more than on a compiled pattern; a short command compiles only the patterns it uses."""

    __slots__ = ("pattern", "flags", *_METHODS)

    def __init__(self, pattern, flags: int) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name):
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = _compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def compile(pattern, flags: int = 0):  # noqa: A001 (the re API)
    """A pattern object for ``pattern``, compiled when first used (see :func:`_compile`)."""
    return _Lazy(pattern, flags)


@lru_cache(maxsize=512)
def _compile(pattern, flags: int = 0):
    """Compile with ``re`` (classes rewritten), or with ``regex`` when ``re`` cannot."""
    try:
        return re.compile(_translate(pattern), flags)
    except re.error:
        import regex

        rflags = 0
        for ours, theirs in ((re.I, regex.I), (re.X, regex.X), (re.S, regex.S), (re.M, regex.M)):
            if flags & ours:
                rflags |= theirs
        return regex.compile(pattern, rflags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)
