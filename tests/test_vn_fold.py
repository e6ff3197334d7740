"""The quick way of stripping diacritics (decompose the whole text, drop the marks) answers as the
character-by-character table does."""

from __future__ import annotations

import importlib.util
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach import vn


def test_every_character_alone_and_in_a_word():
    # Latin, Greek, Cyrillic, combining blocks and more; some Hangul (which decomposes); astral letters
    for c in [*range(0x80, 0x3400), *range(0xAC00, 0xAC40), *range(0xFB00, 0xFB50), *range(0x1D400, 0x1D440)]:
        ch = chr(c)
        for text in (ch, f"a{ch}b", f"Sở {ch}\u0301 đ"):
            assert vn.strip_diacritics(text) == vn._strip_each(text), hex(c)


def test_folds_collapse_spaces_as_the_pattern_did():
    text = "  Sở\u00a0Tài\u2003chính \t\n Ủy ban  "
    for fold, strip in ((vn.fold, vn.strip_tones), (vn.ascii_fold, vn.strip_diacritics)):
        assert fold(text) == re.sub(r"\s+", " ", strip(text).casefold()).strip()


def test_the_fold_tables_drop_exactly_the_marks_unicode_names():
    """Built with one deletion table for speed; the same as asking Unicode, letter by letter."""
    import unicodedata

    from kehoach import vn, vn_tables

    no_tone, no_mark = vn_tables.NO_TONE, vn_tables.NO_MARK  # as written, and as kehoach.vn uses them
    assert vn._NO_TONE is no_tone and vn._NO_MARK is no_mark
    letters = set()
    for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        dec = unicodedata.normalize("NFD", chr(cp))
        if len(dec) == 1:
            continue
        letters.add(cp)
        base = "".join(c for c in dec if not unicodedata.combining(c))
        kept = unicodedata.normalize("NFC", "".join(c for c in dec if c not in vn._TONES))
        assert no_mark.get(cp, chr(cp)) == base and no_tone.get(cp, chr(cp)) == kept, hex(cp)
    in_ranges = {cp for cp in (*no_tone, *no_mark) if 0xC0 <= cp < 0x250 or 0x1E00 <= cp < 0x1F00}  # (others are learnt)
    assert in_ranges <= letters | {ord("đ"), ord("Đ")}


def test_the_fold_tables_file_is_what_the_script_writes():
    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("make_vn_tables", ROOT / "scripts" / "make_vn_tables.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert (ROOT / "src" / "kehoach" / "vn_tables.py").read_text(encoding="utf-8") == script.render(), \
        "run python scripts/make_vn_tables.py"


# The keys are made word by word (each distinct word once); they must be what the whole text gives.
_ALPHABET = ("aáạâấậăắđĐêếểôốộơớợưứựÁẠẤỘỢỨÀÉÈÝỳỹ oOyY άήΣςσ 한가 Ωǅẛḯıİßŉǰﬁ 1.–"
             "\u0301\u0302\u0323\u0309\u0308\u0330\u0345 \u00a0\u2003\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u3000")


def _whole_fold(text: str) -> str:
    return " ".join(vn.strip_tones(text).casefold().split())


def _whole_ascii_fold(text: str) -> str:
    return " ".join(vn.strip_diacritics(text).casefold().split())


def _whole_aligned(text: str) -> str:
    return text.lower() if text.isascii() else "".join(map(vn._fold_char, text))


@given(st.text(alphabet=_ALPHABET, max_size=40))
@settings(max_examples=3000)
def test_word_by_word_keys_are_the_whole_texts(text):
    assert vn.fold(text) == _whole_fold(text)
    assert vn.ascii_fold(text) == _whole_ascii_fold(text)
    assert vn.fold_aligned(text) == _whole_aligned(text) and len(vn.fold_aligned(text)) == len(text)


def test_word_by_word_keys_of_every_character():
    for c in [*range(0x0, 0x3400), *range(0xAC00, 0xAC40), *range(0xFB00, 0xFB50), *range(0x1D400, 0x1D440)]:
        for text in (f"{chr(c)}", f"Sở {chr(c)}\u0301 đ", f"a{chr(c)} \u0323b"):
            assert (vn.fold(text), vn.ascii_fold(text), vn.fold_aligned(text)) == \
                (_whole_fold(text), _whole_ascii_fold(text), _whole_aligned(text)), hex(c)



def _upper_by_letters(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


@given(st.text(alphabet="aáẠBĐđ Ⅷⅷ²ⓐ한ǅΣ1.,ÂẤ\u0301ſKi\u00a0\n", max_size=40))
@settings(max_examples=3000)
def test_upper_text_quick_refusal_changes_no_answer(text):
    assert vn.is_upper_text(text) == _upper_by_letters(text)


def test_upper_text_of_sentences_and_headings():
    for text in ("KẾ HOẠCH", "TỈNH HƯNG YÊN", "Ủy ban nhân dân tỉnh", "SỞ TÀI CHÍNH và", "a", "",
                 "UBND TỈNH " * 30 + "các sở", "các sở " + "UBND TỈNH " * 30):
        assert vn.is_upper_text(text) == _upper_by_letters(text), text


def test_a_long_word_is_folded_but_not_kept():
    """The word caches hold a plan's syllables; a run of text with no space (glued PDF text, a
    pasted blob) is folded all the same but not kept alive in them after the document."""
    long_word = "Kếhoạchđặcbiệt" * 2000
    caches = (vn._fold_word, vn._ascii_fold_word, vn._fold_aligned_piece)
    for cache in caches:
        cache.cache_clear()
    for text in (long_word, f"Sở {long_word} Tài chính"):
        assert vn.fold(text) == _whole_fold(text)
        assert vn.ascii_fold(text) == _whole_ascii_fold(text)
        assert vn.fold_aligned(text) == _whole_aligned(text)
    assert all(cache.cache_info().currsize == 0 for cache in caches)


def test_a_bare_time_label_is_read_within_its_span():
    """split_labels folds only the first _BARE_SPAN characters of a text without a colon: every
    match of the bare label, with the word it looks ahead to and the word boundary after it, fits."""
    from re import _parser  # type: ignore[attr-defined]

    from kehoach.extract import labelled

    consuming = labelled._DEADLINE_BARE.pattern.replace("(?=", "(?:")
    assert _parser.parse(consuming).getwidth()[1] + 1 < labelled._BARE_SPAN
    text = "Thời gian thực hiện thường xuyên " + "trong năm " * 20
    assert labelled.split_labels(text) == [("deadline", text[len("Thời gian thực hiện "):].strip(" ;.,"))]
