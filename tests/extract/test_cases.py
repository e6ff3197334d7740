"""Fixture tables in tests/cases/: adding a case is adding a line."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.extract.agencies import agency_key, canonical_agency, cell_to_agencies
from kehoach.extract.dates import text_to_deadline
from kehoach.extract.header import parse_number, text_to_bases
from kehoach.extract.numbers import text_to_number
from kehoach.extract.table_row import lead_is_name
from kehoach.extract.targets import text_to_targets
from kehoach.numbering import match_token

from ..conftest import load_cases


def _iso(v):
    return v.isoformat() if isinstance(v, dt.date) else v


@pytest.mark.parametrize("case", load_cases("dates.yaml"), ids=lambda c: c["in"] or "(empty)")
def test_deadline(case):
    d = text_to_deadline(case["in"])
    assert (d["start"], d["end"], d["recurrence"]) == (_iso(case["start"]), _iso(case["end"]), case["recurrence"])


@pytest.mark.parametrize("case", load_cases("numbers.yaml"), ids=lambda c: c["in"])
def test_number(case):
    assert text_to_number(case["in"]) == case["out"]


@pytest.mark.parametrize("case", load_cases("numbering.yaml"), ids=lambda c: c["in"])
def test_numbering_token(case):
    tok = match_token(case["in"])
    got = (tok.kind, tok.value) if tok else (None, None)
    assert got == (case["kind"], case["value"])


@pytest.mark.parametrize("case", load_cases("agencies.yaml"), ids=lambda c: c["in"])
def test_canonical_agency(case):
    assert canonical_agency(case["in"]) == case["out"]


@pytest.mark.parametrize("case", load_cases("agency_keys.yaml"), ids=lambda c: f"{c['a']} ~ {c['b']}")
def test_agency_key(case):
    assert (agency_key(case["a"]) == agency_key(case["b"])) is case["same"]


@pytest.mark.parametrize("case", load_cases("agency_lists.yaml"), ids=lambda c: c["in"][:40] or "(empty)")
def test_agency_list(case):
    assert cell_to_agencies(case["in"]) == case["out"]


@pytest.mark.parametrize("case", load_cases("lead_names.yaml"), ids=lambda c: c["in"][:40])
def test_lead_name(case):
    assert lead_is_name(case["in"]) is case["name"]


@pytest.mark.parametrize("case", load_cases("header_lines.yaml"), ids=lambda c: c["in"])
def test_number_line(case):
    got = parse_number(case["in"])
    assert {k: got[k] for k in ("number", "seq", "symbol", "type")} == {k: case[k] for k in ("number", "seq", "symbol", "type")}


@pytest.mark.parametrize("case", load_cases("targets.yaml"), ids=lambda c: c["in"][:50])
def test_targets(case):
    found = text_to_targets(case["in"], case.get("year"), require_cue=case.get("require_cue", False))
    got = [[t["indicator"], t["comparator"], t["value"], t["value_max"], t["unit"], t["year"]] for t in found]
    assert got == case["out"]
    if "texts" in case:  # where each target's text ends (the next one's starts)
        assert [t["text"] for t in found] == case["texts"]


def test_spellings_of_one_agency_share_a_canonical_name():
    spellings = ["Sở TN&MT", "Sở Tài nguyên & Môi trường", "Sở Tài nguyên và Môi trường", "Sở tài nguyên và môi trường"]
    assert len({canonical_agency(s) for s in spellings}) == 1


@pytest.mark.parametrize("case", load_cases("bases.yaml"), ids=lambda c: c["in"][:50])
def test_bases(case):
    got = [[b["type"], b["number"], b["date"], b["issuer"], b.get("name")] for b in text_to_bases(case["in"])]
    assert got == case["out"]


@pytest.mark.parametrize("case", load_cases("labels.yaml"), ids=lambda c: c["in"][:50])
def test_label_line(case):
    from kehoach.extract.labelled import split_labels

    got = split_labels(case["in"])
    assert (None if got is None else [list(e) for e in got]) == case["out"]


@pytest.mark.parametrize("case", load_cases("caps_names.yaml"), ids=lambda c: c["in"])
def test_name_from_caps(case):
    from kehoach.extract.agency_caps import name_from_caps

    assert name_from_caps(case["in"]) == case["out"]


@pytest.mark.parametrize("case", load_cases("time_phrases.yaml"), ids=lambda c: c["in"])
def test_time_phrase(case):
    from kehoach.extract.dates import find_time_phrase
    from kehoach.extract.task_times import find_bracket_time, find_closing_time

    if case.get("closing"):  # a time that closes the sentence with no word leading it in
        assert find_closing_time(case["in"]) == case["out"]
    elif case.get("bracket"):  # a bracket that holds only the task's time
        assert find_bracket_time(case["in"]) == case["out"]
    else:
        assert find_time_phrase(case["in"], recurrence=case.get("recurrence", False)) == case["out"]


@pytest.mark.parametrize("text", [
    "Sở Ngoại vụ chủ trì học tập kinh nghiệm của Hàn Quốc (한국); thời gian thực hiện: Quý III/2026.",
    "Sở A chủ trì, dùng ký hiệu x\u0304 và x\u0301\u0301; thời gian thực hiện: Quý III/2026.",
])
def test_labelled_deadline_offsets_hold_for_any_letter(text):
    """Letters that fold to several characters or to none keep one place in the folded key."""
    from kehoach.extract.labelled import labelled_deadline

    assert labelled_deadline(text) == "Quý III/2026"


@pytest.mark.parametrize("text", [
    "Rà soát các quy định (Sở Tư pháp chủ trì; Thời hạn: Quý III/2026).",
    "Rà soát các quy định [thời gian thực hiện: Quý III/2026]",
    "Rà soát các quy định (thời gian hoàn thành: Quý III/2026), báo cáo kết quả.",
])
def test_labelled_deadline_inside_a_bracket_ends_where_it_closes(text):
    from kehoach.extract.labelled import labelled_deadline

    assert labelled_deadline(text) == "Quý III/2026"


@pytest.mark.parametrize("case", load_cases("relative_times.yaml"), ids=lambda c: c["in"])
def test_relative_time(case):
    from kehoach.extract.task_times import find_relative_time, relative_dates

    phrase = find_relative_time(case["in"])
    assert phrase == case["out"]
    if phrase is not None:
        span = relative_dates(phrase, dt.date(2026, 1, 14))
        assert (span or (None, None)) == (case["start"], case["end"])
