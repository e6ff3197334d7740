"""A plan that gives no task at all is warned (tasks-none), with the part where a plan assigns its
work as its loc: an empty task list is a reading to check, never a silent result."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM

Số: 12/KH-UBND

Hà Nam, ngày 5 tháng 3 năm 2026

KẾ HOẠCH

Thu ngân sách nhà nước năm 2026

I. MỤC ĐÍCH, YÊU CẦU

Hoàn thành dự toán thu ngân sách.

II. TỔ CHỨC THỰC HIỆN

{body}

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn A
"""


def _plan(body: str) -> dict:
    return extract_bytes(HEAD.format(body=body).encode(), "plan.txt")


def test_a_plan_with_no_task_is_warned_at_its_implementation_part():
    plan = _plan("1. Tăng cường công tác phân tích, dự báo nguồn thu.\n\n2. Đẩy mạnh cải cách hành chính.")
    assert plan["document"]["is_plan"] and plan["tasks"] == []
    (w,) = [w for w in plan["warnings"] if w["code"] == "tasks-none"]
    assert w["loc"]["line"] == HEAD.split("\n").index("II. TỔ CHỨC THỰC HIỆN") + 1


@pytest.mark.parametrize("body", [
    "1. Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện Kế hoạch.",
    "Giao Sở Tài chính chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
])
def test_a_plan_with_a_task_is_not(body):
    plan = _plan(body)
    assert plan["tasks"]
    assert not [w for w in plan["warnings"] if w["code"] == "tasks-none"]


def test_a_document_that_is_no_plan_is_not():
    text = "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n\nSố: 5/BC-UBND\n\nBÁO CÁO\n\nKết quả thu ngân sách năm 2025\n\nThu ngân sách đạt 105% dự toán.\n"
    plan = extract_bytes(text.encode(), "report.txt")
    assert not plan["document"]["is_plan"]
    assert not [w for w in plan["warnings"] if w["code"] == "tasks-none"]
