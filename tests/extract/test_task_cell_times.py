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


_MENTIONS = ("**PHỤ LỤC**\n\nPHÂN CÔNG NHIỆM VỤ NĂM 2026\n\n| STT | Nội dung | Chủ trì | Phối hợp |\n|---|---|---|---|\n"
             "| 1 | {first} | Sở Văn hóa | Sở Nội vụ |\n"
             "| 2 | Tổ chức hội thi tìm hiểu pháp luật | Sở Tư pháp | Sở Nội vụ |\n"
             "| 3 | Kiểm tra việc thực hiện quy chế dân chủ | Sở Nội vụ | Sở Tư pháp |\n")


def test_a_time_one_row_mentions_is_no_deadline_and_takes_the_title_from_no_row():
    """A row's words that mention a time before the plan's year (an anniversary's years, what the task is about)
    gave that row a deadline of 1946 or 2020 and took the title's time from every other row, silently (review S4)."""
    for first in ("Tổ chức kỷ niệm 80 năm Ngày thành lập ngành (15/10/1946 - 15/10/2026)",
                  "Rà soát các văn bản quy phạm pháp luật do tỉnh ban hành trước năm 2020"):
        text = _MENTIONS.format(first=first)
        assert [t["deadline"]["end"] for t in tasks(text)] == ["2026-12-31"] * 3, first
        assert [t["deadline"]["start"] for t in tasks(text)] == ["2026-01-01"] * 3, first
        assert "deadline-from-title" in codes(text)


def test_one_row_with_its_own_time_leaves_the_others_the_titles_time():
    """One row gives its time ("…, hoàn thành trong Quý III/2026"); the others, saying nothing, take the title's year
    with a warning (before: they had none, silently)."""
    text = _MENTIONS.format(first="Rà soát danh sách người có uy tín, hoàn thành trong Quý III/2026")
    assert [t["deadline"]["end"] for t in tasks(text)] == ["2026-09-30", "2026-12-31", "2026-12-31"]
    assert "deadline-from-title" in codes(text)
