"""Answers kept in a cache (kehoach.memo.text_cache and lru_cache) are handed out so that one caller
changing what it got cannot change what the next caller gets."""

from __future__ import annotations

import sys

from kehoach.extract.agencies import cell_to_agencies
from kehoach.extract.dates import text_to_deadline
from kehoach.extract.table_row import lead_is_name
from kehoach.memo import text_cache
from kehoach.parse.portal import _may_start_key


def test_agency_names_are_a_new_list_each_time():
    cell = "Sở Tài chính; Sở Nội vụ, các đơn vị liên quan"
    first = cell_to_agencies(cell)
    first.append("Sở Y tế")
    first[0] = "changed"
    assert cell_to_agencies(cell) == ["Sở Tài chính", "Sở Nội vụ", "các đơn vị liên quan"]


def test_a_deadline_is_a_new_dict_each_time():
    first = text_to_deadline("Quý III/2026")
    first["end"] = None
    first["text"] = "changed"
    assert text_to_deadline("Quý III/2026") == {"text": "Quý III/2026", "start": "2026-07-01", "end": "2026-09-30",
                                               "recurrence": None}


def test_a_text_cache_keeps_only_short_texts():
    calls: list[str] = []

    @text_cache(maxsize=8, longest=10)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert [length("ngắn"), length("ngắn"), length("x" * 11), length("x" * 11)] == [4, 4, 11, 11]
    assert calls == ["ngắn", "x" * 11, "x" * 11]  # the short text once, the long one every time
    length.cache_clear()
    length("ngắn")
    assert calls[-1] == "ngắn" and len(calls) == 4


def test_a_long_lead_is_not_kept_alive_by_a_cache():
    name = " ".join(["Sở Tài chính"] * 40)  # a whole row read into the lead column
    before = sys.getrefcount(name)
    assert lead_is_name(name) is False
    assert sys.getrefcount(name) == before


def test_a_long_first_word_of_a_portal_page_is_not_kept_alive_by_a_cache():
    word = "x" * 5000  # a pasted blob with no space: the first "word" of its line
    before = sys.getrefcount(word)
    assert _may_start_key(word) is False
    assert sys.getrefcount(word) == before
