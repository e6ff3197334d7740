"""A numbered item of a task section whose heading is a whole assignment sentence with its steps as dash items: the
heading is a task (with its deadline), and each step too; a heading that introduces the steps (":") is no task."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

STEPS = "- Rà soát các chính sách hiện hành.\n- Đề xuất cơ chế hỗ trợ mới, hoàn thành trong Quý III/2026.\n"


def _tasks(heading: str, mark: str = "") -> list[tuple]:
    text = (f"Số: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\nI. MỤC ĐÍCH\nBảo đảm tiến độ.\n\nII. NHIỆM VỤ\n"
            f"{mark}1. {heading}{mark}\n{STEPS}2. Sở Y tế chủ trì kiểm tra an toàn thực phẩm.\n\n"
            "III. TỔ CHỨC THỰC HIỆN\nCác sở theo chức năng thực hiện.\n")
    plan = extract_bytes(text.encode("utf-8"), "t.md")
    return [(t["lead"], t["deadline"]["end"], t["title"][:12]) for t in plan["tasks"] if t["id"].startswith("II.1")]


@pytest.mark.parametrize("mark", ["", "**"])
@pytest.mark.parametrize("heading", [
    "Sở Tài chính chủ trì xây dựng đề án hỗ trợ doanh nghiệp, hoàn thành trong Quý II/2026.",
    "Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ xây dựng đề án hỗ trợ doanh nghiệp, hoàn thành trong Quý II/2026.",
])
def test_a_heading_sentence_is_a_task_beside_its_steps(heading, mark):
    assert _tasks(heading, mark) == [(["Sở Tài chính"], "2026-06-30", heading[:12]),
                                     (["Sở Tài chính"], None, "Rà soát các "), (["Sở Tài chính"], "2026-09-30", "Đề xuất cơ c")]


@pytest.mark.parametrize("heading", [
    "Sở Tài chính chủ trì, phối hợp với các sở thực hiện các nội dung sau:",
    "Sở Tài chính chủ trì thực hiện",
])
def test_a_heading_that_introduces_its_steps_is_no_task(heading):
    assert _tasks(heading) == [(["Sở Tài chính"], None, "Rà soát các "), (["Sở Tài chính"], "2026-09-30", "Đề xuất cơ c")]
