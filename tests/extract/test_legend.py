"""A list under the table spelling out the short forms its cells use ("Ghi chú: chữ viết tắt" / "- VP: Văn phòng
Sở;"): the agencies written short are named as the list names them ('VP' came out as 'Văn phòng', no office of
whom), and the list's lines are placed (they were left unplaced). Without the list, nothing changes."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

PLAN = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ

SỞ NỘI VỤ

Số: 21/KH-SNV

An Phú, ngày 5 tháng 3 năm 2026

KẾ HOẠCH

Cải cách hành chính năm 2026

I. MỤC ĐÍCH

Hoàn thành nhiệm vụ.

II. NHIỆM VỤ

Chi tiết tại Phụ lục.

PHỤ LỤC

| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |
| 1 | Rà soát tổ chức bộ máy các đơn vị | Phòng TCBC | VP, Phòng CCVC | Tháng 3/2026 |
| 2 | Số hóa hồ sơ lưu trữ | TTLT | VP | Quý II/2026 |

{legend}
"""
LEGEND = """{head}

- VP: Văn phòng Sở;

- Phòng TCBC: Phòng Tổ chức, biên chế và tổ chức phi chính phủ;

- Phòng CCVC: Phòng Công chức, viên chức;

- TTLT: Trung tâm Lưu trữ lịch sử."""


@pytest.mark.parametrize("head", ["Ghi chú: chữ viết tắt", "*Các từ viết tắt:*", "Ghi chú (chữ viết tắt):"])
def test_short_forms_are_named_as_the_plan_spells_them_out(head):
    plan = extract_bytes(PLAN.format(legend=LEGEND.format(head=head)).encode(), "plan.md")
    got = [(t["lead"], t["support"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [(["Phòng Tổ chức, biên chế và tổ chức phi chính phủ"], ["Văn phòng Sở", "Phòng Công chức, viên chức"]),
                   (["Trung tâm Lưu trữ lịch sử"], ["Văn phòng Sở"])]
    assert not [u for u in plan["quality"]["unplaced"] if ":" in u["text"]]


def test_without_the_list_the_short_forms_stay():
    plan = extract_bytes(PLAN.format(legend="").encode(), "plan.md")
    assert [t["lead"] for t in plan["tasks"] if t["source"] == "appendix"] == [["Phòng TCBC"], ["TTLT"]]
