"""Vietnamese text helpers: Unicode normal form, tone-insensitive keys, case tests.

Comparisons in kehoach (agency names, section words, header words) go through :func:`fold`,
which ignores case, tone marks and old/new tone placement ("Uỷ ban" = "Ủy ban"), but keeps
vowel quality (â, ă, ê, ô, ơ, ư) and đ, so distinct words stay distinct.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from . import rx, vn_tables
from .memo import text_cache

# Combining tone marks: grave, acute, tilde, hook above, dot below.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def squash(text: str) -> str:
    """``" ".join(text.split())``: runs of white space made one space, none at the ends; a line that
    has no run to collapse is returned as it is (checked quicker than split and joined: any white
    space but the plain space is unprintable)."""
    text = text.strip()
    return text if "  " not in text and text.isprintable() else " ".join(text.split())


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_NO_TONE, _NO_MARK = vn_tables.NO_TONE, vn_tables.NO_MARK
"""Translation tables for precomposed Latin letters (str.translate is fast): the letter without its
tone mark, and without any mark. Literals written by scripts/make_vn_tables.py from Unicode's
canonical decompositions; tests/test_vn_fold.py checks them letter by letter. (_NO_MARK also
learns other letters as texts bring them: see _strip_each.)"""


def strip_tones(text: str) -> str:
    """Remove tone marks only: "Sở Công Thương" -> "Sơ Công Thương"."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_NO_TONE)
    return text


_KNOWN = {chr(c) for c in range(128)} | {chr(c) for c in _NO_MARK}
"""Characters :data:`_NO_MARK` has an answer for (itself when a character has no diacritic)."""
_KNOWN_MAX = 20_000


_MARKS = rx.compile("[\u0300-\u034e\u0350-\u036f]")
"""The combining diacritics block (U+034F, a joiner of class 0, left out)."""
_PLAIN = {chr(c) for c in range(128)}
"""Characters seen after decomposition that are no combining mark (the quick path keeps them)."""


def strip_diacritics(text: str) -> str:
    """Remove every diacritic and map đ to d: "Sở Công Thương" -> "So Cong Thuong".

    Decomposed whole, the marks dropped by one pattern; a text holding a combining mark outside
    the diacritics block takes the character-by-character way (:func:`_strip_each`), which gives
    the same answer for every text (a test compares them)."""
    if text.isascii():
        return text
    quick = _MARKS.sub("", unicodedata.normalize("NFD", text))
    others = set(quick).difference(_PLAIN)
    if others:
        if any(unicodedata.combining(c) for c in others):
            return _strip_each(text)
        if len(_PLAIN) < _KNOWN_MAX:
            _PLAIN.update(others)
    return quick.replace("đ", "d").replace("Đ", "D")


def _strip_each(text: str) -> str:
    """:func:`strip_diacritics` character by character, through a table learnt as characters come."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        new = set(text).difference(_KNOWN)
        if len(_KNOWN) + len(new) > _KNOWN_MAX:  # text in many scripts: no more learning
            return "".join(c for c in unicodedata.normalize("NFD", text.translate(_NO_MARK))
                           if not unicodedata.combining(c))
        for c in new:  # learnt once per character: later texts stay in str.translate
            base = "".join(d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d))
            if base != c:
                _NO_MARK[ord(c)] = base
            _KNOWN.add(c)
        text = text.translate(_NO_MARK)
    return text


# The keys below are made word by word, each distinct word once (a plan writes a few thousand
# distinct syllables, each many times): a key of a text is the keys of its words joined, because
# nothing a key does to a word (normal form, case, marks) reaches across the space after it.
# tests/test_vn_fold.py compares each with the whole-text way on generated texts.


_CACHED_WORD = 64
"""Longer words are folded with their text, not kept in the word caches: a run with no space
(glued PDF text, a pasted blob) would otherwise stay alive there after its document."""


def _holds_long_word(text: str, words: list[str]) -> bool:
    return len(text) > _CACHED_WORD and max(map(len, words), default=0) > _CACHED_WORD


def _key(text: str, strip, word_key) -> str:
    """``" ".join(strip(text).casefold().split())``, from ``word_key`` (that, cached) of each word."""
    if text.isascii():
        return " ".join(text.casefold().split())
    words = text.split()  # split() and \s agree on what a space is
    if _holds_long_word(text, words):
        return " ".join(strip(text).casefold().split())
    return " ".join(filter(None, map(word_key, words)))  # a lone mark may fold to nothing


@lru_cache(maxsize=16384)
def _fold_word(word: str) -> str:
    return strip_tones(word).casefold()


def fold(text: str) -> str:
    """Comparison key: lower case, no tone marks, single spaces."""
    return _key(text, strip_tones, _fold_word)


# A word made of ASCII, the precomposed letters of the tables above, đ/Đ and the marks of the
# diacritics block folds by one str.translate: decomposing it and dropping the marks leaves the
# same letters (the marks' order, all that decomposition adds, no longer matters). A word holding
# anything else keeps something non-ASCII through the table and takes the general way.
_LOWER_ASCII = {c: chr(c + 32) for c in range(0x41, 0x5B)}
_ASCII_WORD = {**_LOWER_ASCII, **{c: v.lower() for c, v in _NO_MARK.items() if v.isascii()},
               **dict.fromkeys([*range(0x300, 0x34F), *range(0x350, 0x370)])}
_ALIGNED_WORD = {**_LOWER_ASCII, **{c: (v.lower() or " ")[0] for c, v in _NO_MARK.items() if v.isascii()},
                 **dict.fromkeys([*range(0x300, 0x34F), *range(0x350, 0x370)], " ")}


@lru_cache(maxsize=16384)
def _ascii_fold_word(word: str) -> str:
    quick = word.translate(_ASCII_WORD)
    return quick if quick.isascii() else strip_diacritics(word).casefold()


def ascii_fold(text: str) -> str:
    """Looser key with no diacritics at all (for matching typed input and OCR slips)."""
    return _key(text, strip_diacritics, _ascii_fold_word)


def fold_aligned(text: str) -> str:
    """:func:`strip_diacritics` in lower case, one character for each of ``text``'s, so that a match's
    offsets in the key are its offsets in ``text`` ("Quý II" -> "quy ii"). Folded character by
    character: a letter that would fold to several ("한") or to none (a lone combining mark) keeps
    one place, so the offsets hold whatever the text holds."""
    if text.isascii():
        return text.lower()
    pieces = text.split(" ")
    if _holds_long_word(text, pieces):
        return "".join(map(_fold_char, text))
    return " ".join(map(_fold_aligned_piece, pieces))


@lru_cache(maxsize=16384)
def _fold_aligned_piece(piece: str) -> str:
    quick = piece.translate(_ALIGNED_WORD)  # one character for one: see _ASCII_WORD
    return quick if quick.isascii() else "".join(map(_fold_char, piece))


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    return (strip_diacritics(c).lower() or " ")[0]


_LETTER = rx.compile(r"\p{L}")


@text_cache()
def is_upper_text(text: str) -> bool:
    """True when the letters of ``text`` are (almost) all upper case: "KẾ HOẠCH", "TỈNH HƯNG YÊN"."""
    bound, lower = 0.1 * len(text), 0
    for word in text.split():  # a sentence is refused after a few words: all letters, none upper
        if word.islower() and word.isalpha():
            lower += len(word)
            if lower > bound:
                return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 0.9 * len(letters)


def starts_lower(text: str) -> bool:
    for c in text:
        if c.isalpha():
            return c.islower()
        if not c.isspace() and c not in "\"'“‘(«":
            return False
    return False


def starts_upper(text: str) -> bool:
    for c in text:
        if c.isalpha():
            return c.isupper()
        if not c.isspace() and c not in "\"'“‘(«":
            return False
    return False


# Old ("hoà", "thuỷ") versus new ("hòa", "thủy") tone placement, for names kehoach writes itself.
_OLD_TO_NEW = {}
for _tone in ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
    for _a, _b in (("o", "a"), ("o", "e"), ("u", "y"), ("O", "A"), ("O", "E"), ("U", "Y"),
                   ("O", "a"), ("O", "e"), ("U", "y")):
        old = unicodedata.normalize("NFC", _a + _b + _tone)
        new = unicodedata.normalize("NFC", _a + _tone + _b)
        _OLD_TO_NEW[old] = new
_OLD_RE = rx.compile("(" + "|".join(sorted(_OLD_TO_NEW, key=len, reverse=True)) + r")(?!\p{L})")


def modern_tone(text: str) -> str:
    """Put tone marks where current spelling puts them: "Uỷ ban" -> "Ủy ban", "hoà" -> "hòa".

    Only syllable-final "oa", "oe", "uy" move (so "hoàn", "thuyền" are untouched)."""
    return _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(1)], nfc(text))


def title_case_place(text: str) -> str:
    """"LẠNG SƠN" -> "Lạng Sơn", "BÀ RỊA - VŨNG TÀU" -> "Bà Rịa - Vũng Tàu"."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def sentence_case(text: str) -> str:
    """"KẾ HOẠCH HÀNH ĐỘNG" -> "Kế hoạch hành động"."""
    low = text.lower()
    return low[:1].upper() + low[1:]
