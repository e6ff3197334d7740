"""Numbers written in words (extract/target_words.words_to_number), read after a bound ("ít nhất một", "không quá hai
mươi"): each way Vietnamese joins tens, hundreds and thousands, and words that are no number."""

from __future__ import annotations

import pytest

from kehoach.extract.target_words import words_to_number


@pytest.mark.parametrize("words, number", [
    ("một", 1), ("mười", 10), ("mười lăm", 15), ("hai mươi", 20), ("hai mươi mốt", 21), ("ba mươi tư", 34),
    ("một trăm", 100), ("một trăm linh năm", 105), ("hai trăm lẻ ba", 203), ("ba nghìn", 3000), ("hai ngàn", 2000),
    ("Năm", 5),
])
def test_a_number_in_words(words, number):
    assert words_to_number(words) == number


@pytest.mark.parametrize("words", ["một số", "cơ sở", "", "linh"])
def test_words_that_are_no_number(words):
    assert words_to_number(words) is None
