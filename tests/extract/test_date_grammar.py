"""The deadline grammar on whole documents: what a school year reads as and how the plan says so."""

from __future__ import annotations

from kehoach import extract_bytes

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
