"""An amending plan's table that lists the tasks it repeals (under "C | NHIỆM VỤ BÃI BỎ", or with its change column
saying "Bãi bỏ"), with no agency and no time for them: those rows are no task, and each is warned task-repealed;
a task of repealing ("Rà soát, bãi bỏ văn bản …", under "Nhiệm vụ rà soát, bãi bỏ thủ tục") stays a task."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = ("Số: 58/KH-UBND\n\nNinh Bình, ngày 26 tháng 02 năm 2026\n\nKẾ HOẠCH\n\nĐiều chỉnh, bổ sung một số nhiệm vụ tại "
        "Kế hoạch số 112/KH-UBND\n\nI. NỘI DUNG\n\n")
COLUMNS = ("| STT | Nhiệm vụ | Nội dung điều chỉnh, bổ sung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
           "|---|---|---|---|---|---|\n")
KEPT = "| 1 | Xây dựng nền tảng bản đồ số | Bổ sung mới | Sở Xây dựng | Sở Tài chính | Quý IV/2026 |\n"


def _plan(rows: str) -> dict:
    """The plan with ``rows`` after a kept row, or before it when they open with no group row (an empty cell under a
    row with a lead is read as that lead carried down, warned)."""
    ordered = KEPT + rows if rows.startswith(("| C ", "| II ")) else rows + KEPT.replace("| 1 |", "| 3 |")
    return extract_bytes((HEAD + COLUMNS + ordered).encode(), "plan.md")


@pytest.mark.parametrize("rows", [
    "| C | NHIỆM VỤ BÃI BỎ | | | | |\n| 2 | Đầu tư hệ thống wifi công cộng | Bãi bỏ | | | |\n",
    "| C | NHIỆM VỤ BÃI BỎ | | | | |\n| 2 | Đầu tư hệ thống wifi công cộng | | | | |\n",
    "| C | CÁC NHIỆM VỤ ĐƯA RA KHỎI KẾ HOẠCH | | | | |\n| 2 | Đầu tư hệ thống wifi công cộng | | | | |\n",
    "| 2 | Đầu tư hệ thống wifi công cộng | Bãi bỏ (không còn cấp huyện sau sắp xếp) | | | |\n",
    "| 2 | Đầu tư hệ thống wifi công cộng | Không tiếp tục thực hiện | | | |\n",
])
def test_a_repealed_row_is_no_task_and_is_warned(rows):
    plan = _plan(rows)
    assert [t["title"] for t in plan["tasks"]] == ["Xây dựng nền tảng bản đồ số"]
    codes = [w["code"] for w in plan["warnings"]]
    assert codes.count("task-repealed") == 1 and "task-without-lead" not in codes
    assert all(w["loc"] for w in plan["warnings"] if w["code"] == "task-repealed")


@pytest.mark.parametrize("rows", [
    "| II | NHIỆM VỤ RÀ SOÁT, BÃI BỎ THỦ TỤC HÀNH CHÍNH | | | | |\n| 2 | Rà soát, bãi bỏ văn bản hết hiệu lực | | | | |\n",
    "| 2 | Đầu tư hệ thống wifi công cộng | Bãi bỏ | Sở Xây dựng | | |\n",
    "| 2 | Đầu tư hệ thống wifi công cộng | Bãi bỏ | | | Quý II/2026 |\n",
])
def test_a_task_of_repealing_or_with_an_agency_or_time_stays_a_task(rows):
    plan = _plan(rows)
    assert len(plan["tasks"]) == 2
    assert "task-repealed" not in [w["code"] for w in plan["warnings"]]
