"""Would the next word have fitted? How hard-wrapped text (pdftotext, w3m -dump, a fixed-width wrap) filled its lines.

A converter wraps a paragraph where the next word no longer fits, so a line followed by a word that would
have fitted on it ended its paragraph, and a full line whose next word would not have fitted says nothing by
its last character: "… trên địa bàn tỉnh." / "Các sở …" is one paragraph when "Các" had no room. Text wrapped
by characters (w3m, ``fmt``) fills to a number of characters; text taken from a page (pdftotext) fills to a
printed width, which characters measure badly ("iii" and "MMM" differ threefold): that width is estimated
from the advance widths of a serif face (Times New Roman and its metric twins, the face the national rules
for administrative documents prescribe), in thousandths of an em.
"""

from __future__ import annotations

import unicodedata
from operator import mul

from ..memo import text_cache
from ..vn import starts_lower

_NARROW = {**dict.fromkeys("fijlt'", 278), **dict.fromkeys("rI-()", 333), **dict.fromkeys(" ,.", 250),
           **dict.fromkeys(";:/", 278), "s": 389, "J": 389}
_WIDE = {**dict.fromkeys("wADGHKNOQUVXY&", 722), "m": 778, "M": 889, "W": 944, "%": 833,
         **dict.fromkeys("…—", 1000)}
_MEDIUM = {**dict.fromkeys("acez“”", 444), **dict.fromkeys("BCR", 667), **dict.fromkeys("ELTZ", 611),
           **dict.fromkeys("FPS", 556)}
_ADVANCE = {**_MEDIUM, **_NARROW, **_WIDE}
"""Advance widths (thousandths of an em) of a Times-like serif face; other characters count 500 (digits, most
lower-case letters). Vietnamese letters count as their base letter: the marks stack, they take no room."""


@text_cache()
def text_em(text: str) -> int:
    """The printed width of ``text`` in thousandths of an em (a Times-like face); runs of spaces count as one
    (``pdftotext -layout`` spreads a justified line's words)."""
    decomposed = unicodedata.normalize("NFD", " ".join(text.split()))
    classed = decomposed.translate(_EM_CLASSES)  # (see _em_classes: the same sum as character by character)
    total = 500 * len(classed) + sum(map(mul, _EM_DELTAS, map(classed.count, _EM_MARKS)))
    if not classed.isascii():  # a mark outside the Vietnamese ones takes no room either
        total -= 500 * sum(1 for ch in classed if ch > "\x7f" and unicodedata.combining(ch))
    return total


def _em_classes() -> tuple[dict[int, str | None], list[str], list[int]]:
    """A str.translate table and its width classes: each character of :data:`_ADVANCE` (and "đ", "Đ" as "d", "D")
    becomes a control character standing for its width, the combining marks Vietnamese letters decompose into are
    dropped, and a control character of the text itself becomes "x" (it counts 500, as every character the table
    does not name). The width is then 500 per character left plus, per class, its difference from 500 times its
    count: one pass in C instead of a loop over the characters."""
    widths = sorted({w for w in _ADVANCE.values() if w != 500})
    marks = {w: chr(k) for k, w in enumerate(widths, 1)}
    table: dict[int, str | None] = {k: "x" for k in range(1, len(widths) + 1)}
    table.update((c, None) for c in range(0x300, 0x370) if unicodedata.combining(chr(c)))
    advance = {**_ADVANCE, "đ": _ADVANCE.get("d", 500), "Đ": _ADVANCE.get("D", 500)}
    table.update((ord(ch), marks.get(w, "x")) for ch, w in advance.items())
    return table, [marks[w] for w in widths], [w - 500 for w in widths]


_EM_CLASSES, _EM_MARKS, _EM_DELTAS = _em_classes()


_BODY_LONG = 40
_OVER_SHARE = 0.01
"""Text wrapped by characters has (nearly) no line past its width (see :func:`lines.wrap_width`)."""
_TOP = 0.97


def printed_width(lines: list[str], chars: int) -> int:
    """The printed width (thousandths of an em) ``lines`` fill, text hard-wrapped to ``chars`` characters (see
    :func:`lines.wrap_width`; 0: not hard-wrapped): 0 when they were wrapped by characters (none goes past)."""
    if not chars:
        return 0
    body = [line.rstrip() for line in lines if len(line.strip()) >= _BODY_LONG and len(line.rstrip()) <= chars * 1.1]
    if not body or sum(1 for line in body if len(line) > chars) <= _OVER_SHARE * len(body):
        return 0
    widths = sorted(text_em(line) for line in body)
    return widths[int(len(widths) * _TOP)]


def next_word_fits(chars: int, em: int, prev_raw: str, line: str) -> bool:
    """True when ``line``'s first word would have fitted at the end of ``prev_raw`` in text wrapped to ``chars``
    characters or (``em`` not 0) to a printed width: the line was broken for another reason than room."""
    words = line.split()
    word = words[0] if words else ""
    if em:
        return text_em(prev_raw) + _ADVANCE[" "] + text_em(word) <= em
    return len(prev_raw.rstrip()) + 1 + len(word) <= chars


def indented_openings(lines: list[str], chars: int, em: int) -> set[int]:
    """Line numbers (from 1) of lines that had room for the next line's first word although their sentence goes on
    there (it opens in lower case): the first line of a paragraph set in from the margin (a word processor's
    first-line indent), which ``pdftotext`` prints at the margin, so a new paragraph opens there."""
    if not chars:
        return set()
    return {i + 1 for i in range(len(lines) - 1)
            if lines[i].strip() and starts_lower(lines[i + 1].strip()) and next_word_fits(chars, em, lines[i], lines[i + 1])}
