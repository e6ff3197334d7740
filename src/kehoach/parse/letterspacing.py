"""Letter-spaced capitals ("K Ế  H O Ạ C H", "T Ổ  C H Ứ C  T H Ự C  H I Ệ N") written as words, in
text from any reader: cut where two or more spaces stand, or (single spaces only) where the one
reading with the fewest Vietnamese syllables cuts them; left as they are when unclear."""

from __future__ import annotations

from .. import rx
from ..numbering import roman_to_int

_SPACED_RUN = rx.compile(r"(?<!\S)[\p{Lu}.,:;](?: {1,4}[\p{Lu}.,:;])+(?!\S)")
"""Capital letters (and punctuation) each standing alone, a space or more apart."""


def _fewest_syllables(letters: str) -> list[str] | None:
    """``letters`` (capitals, no spaces) read as the fewest syllables, when one reading alone does.
    Linear in the letters: each position keeps its count, whether one reading alone reaches it
    with that count, and where the last syllable starts."""
    from ..syllable import is_syllable  # (with the module below) loaded when a spaced run is met

    n = len(letters)
    count: list[int | None] = [None] * (n + 1)
    unique = [False] * (n + 1)
    back = [0] * (n + 1)
    count[0], unique[0] = 0, True
    for end in range(1, n + 1):
        for start in range(max(0, end - 7), end):
            c = count[start]
            if c is None or not is_syllable(letters[start:end]):
                continue
            cur = count[end]
            if cur is None or c + 1 < cur:
                count[end], unique[end], back[end] = c + 1, unique[start], start
            elif c + 1 == cur:
                unique[end] = False
    if count[n] is None or not unique[n]:
        return None
    parts: list[str] = []
    end = n
    while end:
        parts.append(letters[back[end]:end])
        end = back[end]
    return parts[::-1]


def _unspaced(run: str) -> str:
    """A letter-spaced run of capitals as words: cut where two or more spaces stand, or (single
    spaces only) where the one reading as the fewest syllables cuts it; unchanged otherwise."""
    from ..syllable import is_syllable
    from .textlayer import core_letters

    groups = [g.replace(" ", "") for g in rx.split(r" {2,}", run)]
    if len(groups) == 1:
        letters = groups[0].strip(".,:;")
        parts = _fewest_syllables(letters) if len(letters) >= 4 else None
        if not parts or len(parts) < 2 and not is_syllable(letters):
            return run
        return groups[0].replace(letters, " ".join(parts))
    cores = [core_letters(g)[1] for g in groups]
    words = [c for c in cores if len(c) >= 2]
    read = [c for c in words if is_syllable(c)]
    others = [c for c in words if not is_syllable(c) and roman_to_int(c) is None]  # "UBND" beside "TỈNH"
    if not read or 2 * len(others) > len(words):
        return run
    return " ".join(groups)


def unspace_text(text: str) -> str:
    """``text`` with its letter-spaced capitals ("K Ế  H O Ạ C H", "I .  M Ụ C  T I Ê U") written
    as words ("KẾ HOẠCH", "I. MỤC TIÊU"), for text from any reader."""
    return _SPACED_RUN.sub(lambda m: _unspaced(m.group(0)) if sum(c.isalpha() for c in m.group(0)) >= 4 else m.group(0),
                           text)
