"""Headers as portals and their search excerpts give them: tests/cases/excerpt_headers.yaml (whole documents),
and the back-reference of a decision's attachment keeping the year in its number."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach import extract_bytes
from kehoach.extract.header import parse_backref

from ..conftest import load_cases


def _iso(v):
    return v.isoformat() if isinstance(v, dt.date) else v


@pytest.mark.parametrize("case", load_cases("excerpt_headers.yaml"), ids=lambda c: c["name"][:60])
def test_excerpt_header(case):
    doc = extract_bytes(case["in"].encode("utf-8"), "excerpt.txt")["document"]
    assert {k: doc[k] for k in case["out"]} == {k: _iso(v) for k, v in case["out"].items()}


@pytest.mark.parametrize("text,number", [
    ("(Ban hành kèm theo Quyết định số 12/2015/QĐ-UBND ngày 4 tháng 8 năm 2015 của UBND tỉnh Nam Hà)", "12/2015/QĐ-UBND"),
    ("(Kèm theo Kế hoạch số 58/KH-UBND ngày 2 tháng 8 năm 2022 của UBND tỉnh Nam Hà)", "58/KH-UBND"),
    ("Kèm theo Quyết định số 7 / 2016 / QĐ-UBND ngày 02/3/2016", "7/2016/QĐ-UBND"),
])
def test_a_back_reference_keeps_the_year_in_its_number(text, number):
    assert parse_backref(text)["number"] == number
