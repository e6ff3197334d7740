"""The 8-bit Vietnamese readings of a text, and which reads as Vietnamese (:mod:`.decode` asks,
for bytes that are not UTF-8 and for UTF-8 that looks like a legacy encoding shown through
Windows-1252; most files are neither, and do not load this module)."""

from __future__ import annotations

import unicodedata

from .. import rx
from ..syllable import is_syllable
from . import legacy
from .decode import SAMPLE

_WORD = rx.compile(r"[^\W\d_]+")
_TONED_CAPITAL = rx.compile(f"[{''.join(legacy.VN1_CAPITALS)}]")


def vietnamese_score(text: str) -> tuple[int, int]:
    """(words that are Vietnamese syllables, words) among the words of ``text`` (a sample of it)
    that carry letters outside ASCII: the evidence that a decoding is right."""
    good = total = 0
    for word in _WORD.findall(text[:SAMPLE]):
        if word.isascii():
            continue
        total += 1
        good += is_syllable(word)
    return good, total


def _reads(score: tuple[int, int]) -> float:
    good, total = score
    return good / total if total else 0.0


def recase_tcvn3(text: str) -> str:
    """TCVN3 has no toned capitals: ABC users set capitals in a ".VnTimeH" font, which plain text
    loses ("KÕ HO¹CH" reads "Kế HOạCH"). A word of two or more capitals and no lower-case ASCII
    letter is a capitals word; a line with no lower-case ASCII letter and a capitals word of three
    or more letters with a Vietnamese vowel letter (not an abbreviation like "UBND", "HĐND") is a
    capitals line. Text that spells toned
    capitals (VN1's codes) is left alone."""
    if _TONED_CAPITAL.search(text):
        return text
    out = []
    for line in text.split("\n"):
        words = _WORD.findall(line)
        if any(_capitals_word(w) and len(w) >= 3 and w.strip("ĐđABCDEFGHIJKLMNOPQRSTUVWXYZ") for w in words) \
                and not any(c.islower() and c.isascii() for w in words for c in w):
            out.append(line.upper())
        else:
            out.append(_WORD.sub(lambda m: m.group().upper() if _capitals_word(m.group()) else m.group(), line))
    return "\n".join(out)


def _capitals_word(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and not any(c.islower() and c.isascii() for c in word)


def legacy_readings(data: bytes) -> dict[str, str]:
    """The bytes read in each 8-bit Vietnamese encoding."""
    return {
        "Windows-1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
        legacy.TCVN3: recase_tcvn3(legacy.from_tcvn3(data.decode("latin-1"))),
        legacy.VNI: legacy.from_vni(data.decode("cp1252", errors="replace")),
    }


def best_reading(readings: dict[str, str]) -> tuple[str, str, float]:
    """The reading whose words are most often Vietnamese syllables (ties go to the first)."""
    best = max(readings, key=lambda k: _reads(vietnamese_score(readings[k])))
    return best, readings[best], _reads(vietnamese_score(readings[best]))


def mojibake_readings(text: str) -> dict[str, str]:
    """Valid UTF-8 that holds TCVN3 or VNI codes shown through Windows-1252, read in each."""
    return {
        legacy.TCVN3: recase_tcvn3(legacy.from_tcvn3(text, full=False)),
        legacy.VNI: legacy.from_vni(text),
    }


def reads_as_vietnamese(text: str) -> float:
    """The share of ``text``'s non-ASCII words that are Vietnamese syllables."""
    return _reads(vietnamese_score(text))
