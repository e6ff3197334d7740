"""A task table with one column that hands out the work ("Phân công thực hiện"), its cells labelled: "Chủ trì: A;
Phối hợp: B; Thời gian: …" on one line, or a label a line; with no time column the time label is the deadline and no
supporter. The table was not read (no lead column) before."""

from __future__ import annotations

import pytest

from .test_table_forms import tasks

_HEAD = "| TT | Nội dung công việc | Phân công thực hiện |\n|---|---|---|\n"


@pytest.mark.parametrize("cell", [
    "Chủ trì: Công an xã; Phối hợp: Phòng Văn hóa - Xã hội, các thôn; Thời gian: Tháng 10 - 12/2025",
    "Chủ trì: Công an xã<br>Phối hợp: Phòng Văn hóa - Xã hội, các thôn<br>Thời gian: Tháng 10 - 12/2025",
    "Chủ trì: Công an xã Phối hợp: Phòng Văn hóa - Xã hội, các thôn Thời gian: Tháng 10 - 12/2025",
])
def test_labels_in_one_assignment_cell(cell):
    (got,) = tasks(_HEAD + f"| 1 | Rà soát, cấp tài khoản định danh điện tử | {cell} |\n")
    assert (got["lead"], got["support"], got["deadline"]["end"]) == (
        ["Công an xã"], ["Phòng Văn hóa - Xã hội", "Các thôn"], "2025-12-31")


def test_an_assignment_with_no_supporters():
    (got,) = tasks(_HEAD + "| 1 | Số hóa hồ sơ thủ tục hành chính | Chủ trì: Trung tâm Phục vụ hành chính công xã; "
                           "Thời gian: Thường xuyên |\n")
    assert (got["lead"], got["support"], got["deadline"]["recurrence"]) == (
        ["Trung tâm Phục vụ hành chính công xã"], [], "continuous")


@pytest.mark.parametrize("label, end", [("Thời hạn dự kiến", "2026-09-30"), ("Thời điểm", "2026-09-30"),
                                        ("Thời gian hoàn thành", "2026-09-30"), ("Tiến độ", "2026-09-30")])
def test_every_deadline_label_the_labelled_blocks_take(label, end):
    """The labels of a time the labelled blocks take ("Thời điểm:", "Thời hạn dự kiến:"): the cell's label took only
    "Thời gian/Thời hạn/Tiến độ" (+ "thực hiện/hoàn thành"), so the others' time went into the supporters (review W1)."""
    (got,) = tasks(_HEAD + f"| 1 | Rà soát thủ tục hành chính | Chủ trì: Phòng Kinh tế; Phối hợp: Phòng Tài chính; "
                           f"{label}: Quý III/2026 |\n")
    assert (got["lead"], got["support"], got["deadline"]["end"]) == (["Phòng Kinh tế"], ["Phòng Tài chính"], end)
