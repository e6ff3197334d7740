"""The quick way of stripping diacritics (decompose the whole text, drop the marks) answers as the
character-by-character table does."""

from __future__ import annotations

import re

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
