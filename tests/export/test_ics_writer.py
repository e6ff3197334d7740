"""The iCalendar text kehoach writes is what the icalendar library writes for the same properties
(order, escapes, folding), built by joining strings."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.export.calendar import _line, _rrule, _text

_CHARS = st.sampled_from(list("ab cđếạờ\\^;,:\n\r\"'N𝔸") + ["\\N", "\r\n", "ệ" * 3])
_TEXTS = st.lists(_CHARS, max_size=120).map("".join)


def _library_lines(name: str, value) -> list[bytes]:
    from icalendar import Event

    ev = Event()
    ev.add(name, value)
    return ev.to_ical().split(b"\r\n")[1:-2]  # without BEGIN, END and the final break


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from(["summary", "description", "uid"]))
def test_text_properties_are_written_as_the_library_writes_them(text, name):
    ours = _line(name.upper(), _text(text)).encode("utf-8")
    assert ours.split(b"\r\n") == _library_lines(name, text)
    assert all(len(part) <= 75 for part in ours.split(b"\r\n"))  # 74 octets and the leading space


@settings(max_examples=100, deadline=None)
@given(st.lists(_TEXTS.filter(bool), min_size=1, max_size=4))
def test_categories_are_written_as_the_library_writes_them(leads):
    ours = _line("CATEGORIES", ",".join(_text(lead) for lead in leads)).encode("utf-8")
    assert ours.split(b"\r\n") == _library_lines("categories", leads)


def test_repeat_rules_are_written_as_the_library_writes_them():
    for rule in ({"freq": "yearly", "bymonthday": -1, "until": dt.date(2027, 12, 31), "bymonth": [3, 6, 9, 12]},
                 {"freq": "monthly", "bymonthday": 15, "until": dt.date(2026, 12, 31)}):
        assert [_rrule(rule).encode()] == _library_lines("rrule", rule)
