"""A ministry's plan names its own units: departments ("Vụ Pháp chế", "Vụ Hợp tác quốc tế"), journals ("Tạp chí …"),
and a partner's name ends before the work it does with the lead ("… thiết lập hệ thống", "… ứng dụng công nghệ")."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = "Số: 5/KH-BXYZ\n\nKẾ HOẠCH\n\nThử nghiệm\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Cục Quản lý chất lượng có trách nhiệm:\n\n"


def _task(item: str) -> dict:
    plan = extract_bytes((HEAD + item + "\n").encode("utf-8"), "plan.md")
    assert len(plan["tasks"]) == 1
    return plan["tasks"][0]


@pytest.mark.parametrize(("item", "support"), [
    ("a) Chủ trì, phối hợp với Vụ Hợp tác quốc tế, Vụ Pháp chế tham mưu việc ký kết thỏa thuận quốc tế.",
     ["Vụ Hợp tác quốc tế", "Vụ Pháp chế"]),
    ("a) Chủ trì, phối hợp với Cục Công nghệ thông tin thiết lập hệ thống cơ sở dữ liệu quốc gia.",
     ["Cục Công nghệ thông tin"]),
    ("a) Chủ trì, phối hợp với Viện Nghiên cứu nông nghiệp và các địa phương ứng dụng công nghệ viễn thám giám sát mùa vụ.",
     ["Viện Nghiên cứu nông nghiệp", "Các địa phương"]),
])
def test_the_partners_of_a_ministry_unit(item, support):
    assert _task(item)["support"] == support


def test_a_journal_is_a_body_of_its_own_in_a_list_of_leads():
    task = _task("a) Trung tâm Truyền thông nông nghiệp, Báo Nông thôn Ngày nay, Tạp chí Nông nghiệp có trách nhiệm "
                 "tuyên truyền về Kế hoạch.")
    assert task["lead"] == ["Trung tâm Truyền thông nông nghiệp", "Báo Nông thôn Ngày nay", "Tạp chí Nông nghiệp"]


def test_a_long_list_of_partners_is_read_to_its_end():
    """Partners listed over more than 160 characters: the span was cut there, mid-word, so the last partner came out
    as 'Các địa phương có rừng ứng', silently (real r30)."""
    item = ("a) Chủ trì, phối hợp với Cục Quản lý tài nguyên nước quốc gia, Cục Bảo tồn thiên nhiên và Đa dạng sinh học, "
            "cơ quan chuyên môn thuộc Bộ Nông nghiệp và Phát triển nông thôn và các địa phương có rừng ứng dụng công nghệ "
            "viễn thám giám sát rừng.")
    assert _task(item)["support"][-1] == "Các địa phương có rừng"
