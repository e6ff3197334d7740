"""A task row with no time of its own takes the time its group row names, or (in a table with no time column) its
note's time: tasks listed by quarter ("II | QUÝ II/2026") with no time column, a group of standing tasks ("Các nhiệm
vụ thường xuyên"), a note "Trước ngày 30/4/2026"; a group that names a field with its year gives nothing."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.extract.group_times import group_time

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\nThử nghiệm\n"
        "I. MỤC TIÊU\nMột.\n\n**PHỤ LỤC**\n\n")


def plan(table: str) -> dict:
    return extract_bytes((HEAD + table).encode("utf-8"), "plan.md")


@pytest.mark.parametrize("group, deadline", [
    ("| I | QUÝ II/2026 | < | < |", {"end": "2026-06-30", "recurrence": None}),
    ("| I | Quý III năm 2026 | < | < |", {"end": "2026-09-30", "recurrence": None}),
    ("| A | NĂM 2027 | < | < |", {"end": "2027-12-31", "recurrence": None}),
    ("| II | Nhiệm vụ thực hiện trong tháng 9/2026 | < | < |", {"end": "2026-09-30", "recurrence": None}),
    ("| V | CÁC NHIỆM VỤ THỰC HIỆN THƯỜNG XUYÊN | < | < |", {"end": None, "recurrence": "continuous"}),
    ("| I | 6 THÁNG ĐẦU NĂM 2026 | < | < |", {"end": "2026-06-30", "recurrence": None}),
    ("| I | NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026 | < | < |", {"end": None, "recurrence": None}),  # a field, not a time
    ("| I | Thực hiện Kết luận số 12-KL/TW năm 2025 | < | < |", {"end": None, "recurrence": None}),
    ("| I | SỞ Y TẾ | < | < |", {"end": None, "recurrence": None}),
])
def test_a_row_with_no_time_column_takes_its_group_rows_time(group, deadline):
    p = plan("| STT | Nội dung | Chủ trì | Phối hợp |\n|---|---|---|---|\n" + group.replace("<", "")
             + "\n| 1 | Tuyên truyền về chuyển đổi số | Sở Khoa học và Công nghệ | Sở Y tế |\n")
    (t,) = [t for t in p["tasks"] if t["source"] == "appendix"]
    assert {k: t["deadline"][k] for k in deadline} == deadline
    assert any(w["code"] == "deadline-from-group" for w in p["warnings"]) is bool(deadline["end"] or deadline["recurrence"])


def test_a_rows_own_time_and_its_notes_time_come_before_the_group():
    p = plan("| STT | Nội dung | Chủ trì | Ghi chú |\n|---|---|---|---|\n| I | QUÝ II/2026 | | |\n"
             "| 1 | Việc một | Sở Y tế | Trước ngày 30/4/2026 |\n| 2 | Việc hai | Sở Y tế | Tại trụ sở xã |\n"
             "| 3 | Việc ba | Sở Y tế | Năm 2025 |\n")
    assert [t["deadline"]["end"] for t in p["tasks"] if t["source"] == "appendix"] == [
        "2026-04-30", "2026-06-30", "2026-06-30"]  # a bare year in a note is no time: the group's
    assert {"deadline-from-group", "deadline-from-note"} <= {w["code"] for w in p["warnings"]}
    p = plan("| STT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n| I | QUÝ II/2026 | | |\n"
             "| 1 | Việc một | Sở Y tế | Tháng 4/2026 |\n")
    (t,) = [t for t in p["tasks"] if t["source"] == "appendix"]
    assert t["deadline"]["end"] == "2026-04-30"


def test_group_time_is_the_whole_label():
    assert group_time("II. QUÝ II/2026") == "QUÝ II/2026"
    assert group_time("B. Các nhiệm vụ thường xuyên") == "thường xuyên"
    assert group_time("I. NHÓM NHIỆM VỤ VỀ HẠ TẦNG SỐ") is None
