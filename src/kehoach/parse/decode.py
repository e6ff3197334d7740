"""Bytes to text: BOMs, UTF-16, UTF-8, and the 8-bit Vietnamese encodings, chosen by evidence.

A file that is mostly valid UTF-8 stays UTF-8 (a few stray bytes are replaced and warned). Other
bytes are read as Windows-1258, TCVN3 (ABC) and VNI, and the reading whose words are Vietnamese
syllables wins (:mod:`kehoach.syllable`); text that is none of them is refused. Text that is
valid UTF-8 but holds TCVN3 or VNI shown through Windows-1252 ("KÕ ho¹ch", "Keá hoaïch", as a
copy out of an old document leaves it) is converted the same way.
"""

from __future__ import annotations

import codecs

from .. import rx
from ..diagnostics import warning
from ..errors import ReadError

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_VIET = rx.compile(r"[ăđơưĂĐƠƯ\u0300-\u0323\u1ea0-\u1ef9]")
_MOJIBAKE_HINT = rx.compile("[\u00a1-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")
SAMPLE = 30000
"""How much of a text the encoding checks look at."""
READS_AS_VIETNAMESE = 0.8
"""The share of a reading's words that must be Vietnamese syllables for it to be taken."""


def _converted(encoding: str, how: str) -> PlanWarning:
    return warning("legacy-encoding-converted", f"the text {how} the legacy 8-bit {encoding} encoding and was "
                   "converted to Unicode; check capitals that carry tone marks", None)


def _stray_bytes(data: bytes) -> tuple[str, list[PlanWarning]] | None:
    """UTF-8 with a few invalid bytes: the text with them replaced, and a warning; None when the
    bytes are not mostly UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 0x7F) - bad
    if good < 3 or bad > max(2, good // 20):
        return None
    first = text.index("\ufffd")
    line = text.count("\n", 0, first) + 1
    return text, [warning("invalid-bytes", f"{bad} byte sequence(s) that are not UTF-8 were replaced with "
                          "'\ufffd' (first on this line); the rest of the file is UTF-8", {"line": line, "page": None})]


def _decode_8bit(data: bytes, name: str) -> tuple[str, list[PlanWarning]]:
    stray = _stray_bytes(data)
    if stray is not None:
        return stray
    from .readings import (  # the 8-bit readings: here, when text is not UTF-8
        best_reading,
        legacy_readings,
    )

    encoding, text, reads = best_reading(legacy_readings(data))
    if reads < READS_AS_VIETNAMESE:
        raise ReadError(f"{name}: the text is not UTF-8 and does not read as Vietnamese in Windows-1258, TCVN3 or VNI; "
                        "save it again as UTF-8")
    if encoding == "Windows-1258":
        return text, [warning("legacy-encoding", "input is not UTF-8; decoded as Windows-1258", None)]
    return text, [_converted(encoding, "was in")]


def _viet_over(sample: str, bound: float) -> bool:
    """Whether ``sample`` holds more than ``bound`` Vietnamese letters (:data:`_VIET`), counted a
    piece at a time: Vietnamese text passes the bound in its first piece."""
    count = 0
    for k in range(0, len(sample), 4000):
        piece = sample[k:k + 4000]
        count += len(piece) - len(_VIET.sub("", piece))
        if count > bound:
            return True
    return False


def _unmojibake(text: str, name: str) -> tuple[str, list[PlanWarning]]:
    """Valid UTF-8 that is TCVN3 or VNI shown through Windows-1252: converted; else unchanged."""
    sample = text[:SAMPLE]
    if not _MOJIBAKE_HINT.search(sample):
        return text, []
    if _viet_over(sample, len(sample) * 0.02):  # the test below without counting letters one by one
        return text, []
    hints = len(_MOJIBAKE_HINT.findall(sample))
    viet = len(_VIET.findall(sample))
    letters = sum(1 for c in sample if c.isalpha())
    if letters < 20 or hints < letters * 0.03 or viet > letters * 0.02:
        return text, []
    from .readings import best_reading, mojibake_readings, reads_as_vietnamese

    if reads_as_vietnamese(text) >= 0.5:
        return text, []
    encoding, converted, reads = best_reading(mojibake_readings(text))
    if reads < READS_AS_VIETNAMESE:
        return text, []
    return converted, [_converted(encoding, "is Unicode but spelled in")]


_ESCAPED_BREAK = rx.compile(r"\\r\\n|\\[rn]")
_ESCAPED_BREAKS = 3
"""A text holding line breaks as a program writes them ("\\r\\n", three or more: no path or example) had them
kept by the page it was scraped from: they are line breaks."""


def bytes_to_text(data: bytes, name: str) -> tuple[str, list[PlanWarning]]:
    """Decode ``data``; return the text (``\\r`` removed) and any warnings.

    Handles UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and 8-bit Vietnamese text
    (Windows-1258, TCVN3, VNI) recognised by its words. Binary data is refused.
    """
    warnings: list[PlanWarning] = []
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise ReadError(f"{name}: not valid UTF-16 text ({e.reason}); re-save it as UTF-8") from e
    else:
        if b"\x00" in data[:4096]:
            raise ReadError(f"{name}: binary data, not text; give a .txt/.md/.html file (or a supported document)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, warnings = _decode_8bit(data, name)
        else:
            text, warnings = _unmojibake(text, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\\r\\n") >= _ESCAPED_BREAKS:  # a page scraped from a string literal: "… tầm\\r\\nvóc …"
        text = _ESCAPED_BREAK.sub("\n", text)
    if text.count("\ufffd") > max(20, len(text) // 50):
        raise ReadError(f"{name}: mostly undecodable bytes; is it really a text file?")
    return text, warnings
