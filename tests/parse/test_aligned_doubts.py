"""Doubts on the rows of a space-aligned table: an agency cell holding a time (a deadline's cell read
into the support or lead column when cells are centred or one space apart)."""

from __future__ import annotations

import pytest

from kehoach.parse.aligned_doubts import timed
from kehoach.parse.blocks import Loc, Row

HEADER = [["TT"], ["Nội dung"], ["Cơ quan chủ trì"], ["Cơ quan phối hợp"], ["Thời gian thực hiện"]]


def _row(support: str, deadline: str = "") -> Row:
    return Row([["1"], ["Rà soát quy chế"], ["Sở Nội vụ"], [support] if support else [], [deadline] if deadline else []],
               Loc(30))


@pytest.mark.parametrize("support", ["Qúy I/2026", "Quý IV/2025", "Sở Giáo dục và 2026 Đào tạo", "Tháng 6/2026"])
def test_a_time_in_an_agency_column_is_a_doubt(support):
    """Read so, the deadline was missing and the support held a time, with no warning."""
    rows = [Row(HEADER, Loc(29)), _row(support)]
    timed(rows)
    assert [code for code, _ in rows[1].doubts] == ["table-misaligned"]


@pytest.mark.parametrize("support", ["Sở Tư pháp; Sở Y tế", "Ủy ban nhân dân các xã, phường", ""])
def test_agencies_and_a_time_in_its_own_column_are_no_doubt(support):
    rows = [Row(HEADER, Loc(29)), _row(support, "Quý I/2026")]
    timed(rows)
    assert rows[1].doubts == []


@pytest.mark.parametrize("line, want", [
    ("T   Nhiệm vụ    Chủ trì", ["T", "Nhiệm vụ", "Chủ trì"]),
    ("1    Khảo sát nhu cầu   Sở Nội vụ", ["1", "Khảo sát nhu cầu", "Sở Nội vụ"]),
    ("   a  b c  d", ["a", "b c", "d"]),
    ("Số TT Nội dung  Thời hạn", ["Số TT Nội dung", "Thời hạn"]),
])
def test_fields_are_runs_two_spaces_apart_a_single_character_one_too(line, want):
    """A run of one character ("T" of "T" over "T", a row number "1") before two spaces was joined to the next
    run: a header of five cells counted four, and its table was read by a gutter its lines crossed."""
    from kehoach.parse.aligned_doubts import fields

    assert [text for _, text in fields(line)] == want
