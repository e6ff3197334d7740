"""A table with no time column whose task cells give their own times: in the sentence ("…, hoàn thành trong Quý
III/2026"), as a second paragraph ("Thời gian: tháng 12/2026") or not at all. The title's time ("… NĂM 2026") is for
a table whose rows say nothing; here a row that says nothing has no deadline."""

from __future__ import annotations

from .test_table_forms import codes, tasks

_TABLE = ("**PHỤ LỤC**\n\nPHÂN CÔNG NHIỆM VỤ NĂM 2026\n\n| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp |\n"
          "|---|---|---|---|\n"
          "| 1 | Rà soát danh sách người có uy tín giai đoạn 2026 - 2030, hoàn thành trong Quý III/2026 | Phòng A | Phòng B |\n"
          "| 2 | Tổ chức hội nghị gặp mặt các chức sắc<br>Thời gian: tháng 12/2026 | Phòng B | Văn phòng Sở |\n"
          "| 3 | Thanh tra việc thực hiện chính sách hỗ trợ, hoàn thành trước ngày 15/11/2026 | Thanh tra Sở | Phòng A |\n"
          "| 4 | Xây dựng cơ sở dữ liệu về tín ngưỡng của tỉnh | Văn phòng Sở | Phòng B |\n")


def test_task_cells_give_their_own_times():
    got = tasks(_TABLE)
    assert [t["deadline"]["end"] for t in got] == ["2026-09-30", "2026-12-31", "2026-11-15", None]
    assert "deadline-from-title" not in codes(_TABLE)


def test_rows_that_say_nothing_still_take_the_titles_time():
    text = _TABLE.replace(", hoàn thành trong Quý III/2026", "").replace("<br>Thời gian: tháng 12/2026", "") \
        .replace(", hoàn thành trước ngày 15/11/2026", "")
    assert [t["deadline"]["end"] for t in tasks(text)] == ["2026-12-31"] * 4
    assert "deadline-from-title" in codes(text)
