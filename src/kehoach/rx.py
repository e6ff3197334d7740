"""Regular expressions on the standard library's ``re``, with the Unicode classes plans need.

kehoach's patterns use ``\\p{L}``, ``\\p{Lu}``, ``\\p{Ll}``, ``\\p{N}`` and ``\\p{M}`` (letters, upper and
lower case, digits, combining marks). The third-party ``regex`` module reads them natively but
compiles several times slower, which is most of the command's start-up; this module rewrites
those classes for ``re`` instead (so a pattern must be one ``re`` can read: no look-behind of
varying width; a test checks every module pattern). It offers the slice of the ``re`` API
kehoach uses. Compiled patterns are kept between runs (:class:`_Store`).
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import zlib
from functools import lru_cache

TYPE_CHECKING = False  # (not from typing: importing it would import re)

try:  # the engine behind ``re`` (CPython); without it patterns are compiled every time
    import _sre
except ImportError:  # pragma: no cover
    _sre = None

if TYPE_CHECKING:
    import re

# re's flag values (a test checks): re itself (and enum, which it loads: a tenth of a text extract's start-up) is
# imported only to compile a pattern the store lacks, or for rx.error, or by the engine for a template ("\\1").
I = IGNORECASE = 2  # noqa: E741
X = VERBOSE = 64
S = DOTALL = 16
M = MULTILINE = 8


def __getattr__(name: str):  # rx.error: re's, imported when first asked for
    if name == "error":
        import re

        return re.error
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_SPECIAL = {c: "\\" + chr(c) for c in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(text: str) -> str:
    """``text`` with every character a pattern gives a meaning to escaped, as ``re.escape`` does (a test checks)."""
    return text.translate(_SPECIAL)

# Upper/lower case alternate letter by letter in the extended Latin ranges, which makes long
# classes (slow to compile); case classes keep to the letters Vietnamese writes.
_CASE_SPANS = (range(0x41, 0x100), (0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0),
               range(0x1EA0, 0x1EFA))


def _ranges(pred, spans=_CASE_SPANS) -> str:
    """Code points of ``spans`` for which ``pred`` holds, as compressed class ranges."""
    import re

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


@lru_cache(maxsize=1)
def _classes() -> tuple[dict[str, str], dict[str, str], re.Pattern]:
    """(class text inside brackets, class outside brackets, the \\p{…} pattern): built when a
    pattern is first translated, which a run whose patterns all come from the store never does."""
    import re

    upper, lower = _ranges(str.isupper), _ranges(str.islower)
    inside = {"Lu": upper, "Ll": lower, "N": r"\d", "M": "\u0300-\u036f"}  # \p{L} in a class: see _bracket
    outside = {"L": r"[^\W\d_]", "Lu": f"[{upper}]", "Ll": f"[{lower}]", "N": r"\d", "M": "[\u0300-\u036f]"}
    return inside, outside, re.compile(r"\\p\{(L|Lu|Ll|N|M)\}")


def _translate(pattern: str) -> str:
    """Rewrite \\p{…} classes, inside and outside brackets."""
    _inside, outside, prop = _classes()
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            m = prop.match(pattern, i)
            out.append(outside[m.group(1)] if m else pattern[i:i + 2])
            i = m.end() if m else i + 2
        elif ch == "[":
            i = _bracket(pattern, i, out)
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _bracket(pattern: str, i: int, out: list[str]) -> int:
    """Translate the character class that opens at ``pattern[i]``; return the index after it.

    A class holding \\p{L} becomes an alternation of ``[^\\W\\d_]`` and the rest of the class:
    ``re`` compiles a class in time proportional to the code points it covers, and spelling out
    the letters costs about twenty times the alternation."""
    inside, _outside, prop = _classes()
    j = i + 1
    negated = pattern.startswith("^", j)
    j += negated
    items: list[str] = []
    letters = False
    if pattern.startswith("]", j):
        items.append("\\]")
        j += 1
    while pattern[j:j + 1] not in ("]", ""):
        m = prop.match(pattern, j)
        if m and m.group(1) == "L":
            letters = True
        elif m:
            items.append(inside[m.group(1)])
        else:
            step = 2 if pattern[j] == "\\" else 1
            items.append(pattern[j:j + step])
            j += step
            continue
        j = m.end()
    if j >= len(pattern):  # no closing bracket (a "[" in a verbose comment): left as written
        out.append(pattern[i:])
        return j
    rest = "".join(items)
    if not letters:
        out.append(f"[{'^' * negated}{rest}]")
    elif not rest:
        out.append(r"[\W\d_]" if negated else r"[^\W\d_]")
    elif negated:
        out.append(rf"(?:(?![^\W\d_])[^{rest}])")
    else:
        out.append(rf"(?:[^\W\d_]|[{rest}])")
    return j + 1


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
        value = getattr(_compile(self.pattern, self.flags), name)  # compiled once (cached), each method
        setattr(self, name, value)  # kept in its slot when first asked for
        return value


def compile(pattern, flags: int = 0):  # noqa: A001 (the re API)
    """A pattern object for ``pattern``, compiled when first used (see :func:`_compile`)."""
    return _Lazy(pattern, flags)


@lru_cache(maxsize=512)
def _compile(pattern, flags: int = 0):
    """Compile with ``re``, the classes rewritten (``re.error`` for what ``re`` cannot read)."""
    stored = _STORE.get(pattern, flags)
    if stored is not None:
        return stored
    import re

    translated = _translate(pattern) if isinstance(pattern, str) else pattern  # bytes: as ``re`` reads them
    compiled = re.compile(translated, flags)
    _STORE.add(pattern, flags, translated, compiled)
    return compiled


class _Store:
    """Compiled patterns kept between runs, so that a command pays for compiling them once.

    The standard ``re`` compiler is written in Python and costs more than the rest of a short command; its output
    (the matching engine's code) is stored in the user's cache directory, keyed by kehoach's version, Python version
    and engine version, and rebuilt with the engine's own constructor. Every stored entry was checked when made:
    rebuilt, it equals what ``re.compile`` gives. The file is an index (keys, each entry's place, length and CRC-32)
    and the entries: a run reads it and decodes only the entries of the patterns it uses (a full store opens about
    as fast). A damaged index is not read; a damaged entry is compiled afresh (the engine itself also refuses
    malformed code). Set ``KEHOACH_NO_PATTERN_CACHE=1`` to compile every time; any trouble reading or writing the
    file does the same, silently."""

    def __init__(self) -> None:
        self.entries: dict | None = None  # key -> marshalled entry: made by this run (or given)
        self.stored: tuple | None = None  # (file bytes, index, places) of the file read
        self.added = False
        self.writable = False

    def path(self) -> str | None:
        if os.environ.get("KEHOACH_NO_PATTERN_CACHE") or _sre is None:
            return None
        from . import __version__

        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):  # unset, or relative: not a cache directory (XDG), nothing left in the cwd
            base = os.path.join(os.path.expanduser("~"), ".cache")
        version = ".".join(map(str, sys.version_info[:3]))
        name = f"patterns-{_FORMAT}-{__version__}-{_TRANSLATION}-{sys.implementation.name}-{version}-{_sre.MAGIC}.marshal"
        return os.path.join(base, "kehoach", name)

    def _load(self) -> None:
        self.entries = {}
        path = self.path()
        if path is None:
            return
        try:
            with open(path, "rb") as f:
                self.stored = self.parse(f.read())
        except OSError:
            pass
        try:  # a directory that cannot be written: no entries made (making one costs a second compile)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            self.writable = os.access(os.path.dirname(path), os.W_OK)
        except OSError:
            self.writable = False
        if self.writable:
            atexit.register(self.save)

    @staticmethod
    def parse(raw: bytes) -> tuple | None:
        """(raw, index, places) of a store file's bytes: each key's number in the index, and per
        number the entry's offset, length and CRC-32; None for a file that is not a whole store."""
        head = len(_HEADER)
        if not raw.startswith(_HEADER) or len(raw) < head + 8:
            return None
        count = int.from_bytes(raw[head:head + 4], sys.byteorder)
        end = head + 8 + 20 * count
        view = memoryview(raw)[head + 8:end]
        if end > len(raw) or int.from_bytes(raw[head + 4:head + 8], sys.byteorder) != zlib.crc32(view):
            return None
        keys = view[:8 * count].cast("Q").tolist()
        return raw, dict(zip(keys, range(count), strict=True)), view[8 * count:].cast("I").tolist()

    @staticmethod
    def key(pattern: str, flags: int) -> int:
        """An entry's key: the pattern's CRC-32 and the flags (the entry holds the pattern itself,
        compared before use, so two patterns sharing a checksum cannot be mistaken)."""
        return zlib.crc32(pattern.encode("utf-8", "surrogatepass")) << 16 | int(flags)

    def keys(self) -> set[int]:
        """The keys of every entry: the file's and this run's."""
        if self.entries is None:
            self._load()
        return {*(self.stored[1] if self.stored else ()), *(self.entries or {})}

    def raw(self, key: int) -> bytes | None:
        """The marshalled entry under ``key``: this run's, or the file's when its CRC-32 holds."""
        raw = (self.entries or {}).get(key)
        if raw is not None or not self.stored:
            return raw
        data, index, places = self.stored
        k = index.get(key)
        if k is None:
            return None
        offset, length, crc = places[3 * k:3 * k + 3]
        raw = data[offset:offset + length]
        return raw if len(raw) == length and zlib.crc32(raw) == crc else None

    def get(self, pattern, flags: int):
        if not isinstance(pattern, str):
            return None
        if self.entries is None:
            self._load()
        raw = self.raw(self.key(pattern, flags))
        if raw is None:
            return None
        try:
            entry = marshal.loads(raw)
            if entry[0] != pattern or entry[1] != int(flags):
                return None
            return self.build(entry[2:])
        except Exception:  # noqa: BLE001 (whatever is wrong with an entry, the pattern is compiled afresh)
            return None

    @staticmethod
    def build(entry: tuple):
        """The compiled pattern of a stored entry (its engine code is kept as the bytes of 32-bit
        words: reading those costs a tenth of reading a list of numbers)."""
        translated, flags, code, *rest = entry
        return _sre.compile(translated, flags, memoryview(code).cast("I").tolist(), *rest)

    def add(self, pattern, flags: int, translated: str, compiled) -> None:
        if not self.writable or self.entries is None or self.path() is None or not isinstance(pattern, str):
            return
        try:
            from re import _compiler, _parser  # type: ignore[attr-defined]

            parsed = _parser.parse(translated, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for name, k in groupindex.items():
                indexgroup[k] = name
            code = [int(c) for c in _compiler._code(parsed, flags)]
            words = b"".join(c.to_bytes(4, sys.byteorder) for c in code)  # as memoryview.cast("I") reads them
            entry = (translated, int(flags | parsed.state.flags), words, parsed.state.groups - 1,
                     groupindex, tuple(indexgroup))
            if _sre.CODESIZE == 4 and self.build(entry) == compiled:
                self.entries[self.key(pattern, flags)] = marshal.dumps((pattern, int(flags), *entry))
                self.added = True
        except Exception:  # noqa: BLE001 (an engine that works otherwise: nothing is stored)
            pass

    def dump(self) -> bytes:
        """The store file of every entry (the file's whose CRC-32 holds, and this run's)."""
        entries = {}
        for key in self.keys():
            raw = self.raw(key)
            if raw is not None:
                entries[key] = bytes(raw)
        keys = sorted(entries)
        places: list[int] = []
        offset = len(_HEADER) + 8 + 20 * len(keys)
        for key in keys:
            places += (offset, len(entries[key]), zlib.crc32(entries[key]))
            offset += len(entries[key])
        index = b"".join([*(k.to_bytes(8, sys.byteorder) for k in keys), *(n.to_bytes(4, sys.byteorder) for n in places)])
        return b"".join([_HEADER, len(keys).to_bytes(4, sys.byteorder), zlib.crc32(index).to_bytes(4, sys.byteorder), index,
                         *(entries[key] for key in keys)])

    def save(self) -> None:
        path = self.path()
        if not self.added or path is None:
            return
        from . import leftovers  # (only a run that adds patterns writes the file)

        tmp = f"{path}.{leftovers.owner()}.tmp"
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            leftovers.remove(os.path.dirname(path), _store_temp_owner)
            data = self.dump()
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except (OSError, ValueError):
            try:
                os.remove(tmp)
            except OSError:
                pass


def _store_temp_owner(name: str) -> str | None:
    """The writer (``PID@HOST``) of a store's temporary file ``patterns-….marshal.PID@HOST.tmp``."""
    stem, dot, token = name[:-len(".tmp")].rpartition(".")
    if name.startswith("patterns-") and name.endswith(".tmp") and stem.endswith(".marshal") and dot:
        return token
    return None


_FORMAT = 5
_TRANSLATION = "t226d5274"
"""A checksum of what :func:`_translate` writes for probe patterns (a test computes it), in the store's file name:
a store made by other translation code (another checkout of the same version) is not read."""
_HEADER = b"kehoach-patterns-5-" + sys.byteorder.encode() + b"\n"
"""A store file's start; then the number of entries, the index's CRC-32, the index (in the machine's byte order)
and the entries. The format and kehoach's version are in the file name too: versions sharing a cache keep apart."""
_STORE = _Store()


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
