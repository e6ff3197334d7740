"""The deadline grammar on whole documents (what a school year reads as and how the plan says so) and on
generated spellings of the same time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach import extract_bytes
from kehoach.extract.dates import text_to_deadline

PLAN = """ỦY BAN NHÂN DÂN
TỈNH NAM ĐỊNH

Số: 12/KH-UBND

Nam Định, ngày 20 tháng 8 năm 2025

KẾ HOẠCH

Nâng cao chất lượng giáo dục năm học 2025-2026

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao chất lượng dạy và học.

II. TỔ CHỨC THỰC HIỆN

1. Sở Giáo dục và Đào tạo chủ trì, tổ chức kiểm tra chất lượng trong năm học 2025-2026.

2. Sở Tài chính chủ trì, bố trí kinh phí trước năm học 2026-2027.

3. Sở Nội vụ chủ trì, rà soát biên chế giáo viên trong Quý IV/2025.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn A
"""


def _extract(text: str) -> dict:
    return extract_bytes(text.encode("utf-8"), "plan.txt")


def test_a_school_year_runs_from_september_to_may_and_one_warning_says_so():
    plan = _extract(PLAN)
    deadlines = {t["id"]: (t["deadline"]["start"], t["deadline"]["end"]) for t in plan["tasks"]}
    assert deadlines == {"II.1": ("2025-09-01", "2026-05-31"), "II.2": (None, "2026-08-31"),
                         "II.3": ("2025-10-01", "2025-12-31")}
    school = [w for w in plan["warnings"] if w["code"] == "school-year"]
    assert len(school) == 1 and "2 task deadline(s)" in school[0]["message"] and "task II.1" in school[0]["message"]
    assert plan["document"]["period"] == {"start": "2025-01-01", "end": "2026-12-31", "basis": "title"}


def test_no_school_year_no_warning():
    plan = _extract(PLAN.replace("trong năm học 2025-2026", "trong năm 2026").replace("trước năm học 2026-2027", "trong năm 2026"))
    assert [t["deadline"]["end"] for t in plan["tasks"]] == ["2026-12-31", "2026-12-31", "2025-12-31"]
    assert not [w for w in plan["warnings"] if w["code"] == "school-year"]


ROMAN = ["I", "II", "III", "IV"]


@settings(max_examples=200, deadline=None)
@given(st.integers(2000, 2099), st.integers(1, 4), st.sampled_from(["Quý {r}/{y}", "quý {q} năm {y}", "Q{q}/{y}",
                                                                      "Quý {r} năm {y}", "trong Quý {r}/{y}"]))
def test_a_quarter_in_any_spelling_is_that_quarter(year, quarter, form):
    d = text_to_deadline(form.format(r=ROMAN[quarter - 1], q=quarter, y=year))
    assert d["start"] == f"{year}-{3 * quarter - 2:02d}-01" and d["end"][:7] == f"{year}-{3 * quarter:02d}"


@settings(max_examples=200, deadline=None)
@given(st.integers(2000, 2094), st.integers(1, 4), st.integers(0, 5), st.sampled_from(["Từ Quý {r}/{y} đến hết năm {z}",
                                                                                      "Quý {r}/{y} - năm {z}"]))
def test_a_span_from_a_quarter_to_a_year_runs_to_that_year_end(year, quarter, more, form):
    d = text_to_deadline(form.format(r=ROMAN[quarter - 1], y=year, z=year + more))
    assert (d["start"], d["end"]) == (f"{year}-{3 * quarter - 2:02d}-01", f"{year + more}-12-31")


@settings(max_examples=100, deadline=None)
@given(st.integers(2000, 2098), st.sampled_from(["Năm học {y}-{z}", "năm học {y} - {z}", "trong năm học {y}–{z}"]))
def test_a_school_year_runs_from_september_to_may(year, form):
    d = text_to_deadline(form.format(y=year, z=year + 1))
    assert (d["start"], d["end"]) == (f"{year}-09-01", f"{year + 1}-05-31")
