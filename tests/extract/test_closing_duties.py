"""A duty a closing paragraph sets with a time ("… yêu cầu các sở …; định kỳ trước ngày 30 tháng 11 hằng năm báo cáo kết
quả …", after the last section): it was kept as closing text only, so the plan's one reporting deadline was lost with no
warning. It is a task (id "C1"); a closing that only asks the plan to be carried out, or where to report difficulties,
sets no time and gives none. And a deadline that ends before the plan's date, read as written, is warned."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

_HEAD = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 21/KH-UBND
An Hòa, ngày 5 tháng 3 năm 2026
KẾ HOẠCH
Phát triển hạ tầng số năm 2026
I. MỤC ĐÍCH
Nâng cao chất lượng hạ tầng số.
II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
- Chủ trì rà soát quy hoạch hạ tầng viễn thông.
2. Sở Tài chính
- Bố trí kinh phí thực hiện Kế hoạch.
"""
_TAIL = """
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""


def _closing_tasks(closing: str) -> list[dict]:
    plan = extract_bytes((_HEAD + closing + _TAIL).encode(), "plan.txt")
    return [t for t in plan["tasks"] if t["id"].startswith("C")]


def test_a_closing_that_sets_a_report_by_a_date_is_a_task():
    (t,) = _closing_tasks("Ủy ban nhân dân tỉnh yêu cầu các sở, ngành, UBND các xã, phường nghiêm túc triển khai thực hiện; "
                          "định kỳ trước ngày 30 tháng 11 hằng năm báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Khoa học "
                          "và Công nghệ). Trong quá trình thực hiện, nếu có vướng mắc, kịp thời phản ánh về Sở Khoa học và "
                          "Công nghệ để tổng hợp./.")
    assert t["id"] == "C1" and t["section"] is None and t["source"] == "body"
    assert t["lead"] == ["Các sở, ngành, Ủy ban nhân dân các xã, phường"]
    assert t["deadline"]["recurrence"] == "annual" and "30 tháng 11" in t["deadline"]["text"]
    assert "vướng mắc" not in t["title"]  # the standing sentence on difficulties is no part of the duty


def test_a_closing_that_says_whom_bodies_answer_to_and_sets_a_report_is_a_task():
    """'… chịu trách nhiệm trước Chủ tịch … về kết quả …; định kỳ … báo cáo …' after 'Trên đây là …': the report is a
    duty (before: whom the bodies answer to dropped the whole paragraph, silently; review S8); the first duty is C1
    whatever paragraph holds it (it was C2 after 'Trên đây là …')."""
    (t,) = _closing_tasks("Trên đây là Kế hoạch phát triển hạ tầng số năm 2026 của Ủy ban nhân dân tỉnh An Hòa.\n"
                          "Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường chịu trách nhiệm trước Chủ tịch UBND "
                          "tỉnh về kết quả thực hiện Kế hoạch này; định kỳ trước ngày 15 tháng 12 hằng năm báo cáo kết quả "
                          "về Sở Khoa học và Công nghệ để tổng hợp./.")
    assert t["id"] == "C1" and t["deadline"]["recurrence"] == "annual" and "15 tháng 12" in t["deadline"]["text"]


@pytest.mark.parametrize("closing", [
    "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện./.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành báo cáo về Sở Khoa học và Công nghệ để tổng hợp./.",
    "Trên đây là Kế hoạch phát triển hạ tầng số năm 2026 của Ủy ban nhân dân tỉnh An Hòa./.",
])
def test_a_closing_with_no_time_sets_no_task(closing):
    assert _closing_tasks(closing) == []


def test_a_deadline_before_the_plans_date_is_warned():
    """A deadline of a year before the plan's is read as written, and said (it came out with no warning): the row may repeat an
    older plan's, or the year be mistyped."""
    body = _HEAD.replace("- Bố trí kinh phí thực hiện Kế hoạch.", "- Bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 31/12/2025.")
    plan = extract_bytes((body + "Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh./." + _TAIL).encode(), "plan.txt")
    (w,) = [w for w in plan["warnings"] if w["code"] == "deadline-before-issue"]
    assert "2025-12-31" in w["message"] and w["loc"]["line"] is not None
    on_time = extract_bytes((_HEAD + "Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh./." + _TAIL).encode(), "plan.txt")
    assert not [w for w in on_time["warnings"] if w["code"] == "deadline-before-issue"]


def test_a_deadline_of_the_plans_own_year_before_its_date_says_the_plan_came_late():
    """'Quý I/2026' in a plan of March 2026: the plan was issued after it, not a mistyped year (review W4: the message
    sent the reader to check the year in the source)."""
    body = _HEAD.replace("- Bố trí kinh phí thực hiện Kế hoạch.", "- Bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 28/2/2026.")
    plan = extract_bytes((body + "Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh./." + _TAIL).encode(), "plan.txt")
    (w,) = [w for w in plan["warnings"] if w["code"] == "deadline-before-issue"]
    assert "issued after it" in w["message"] and "check the year" not in w["message"]
