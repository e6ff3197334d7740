"""A task row over sub-rows, one deliverable and its time each, its number, task, lead and supporters merged down
over them: a Word table repeats the merged cells in each sub-row, a portal's scrape writes them once (a sub-row
then has only its own cells, and two sub-rows may come fused, an empty cell between them). One task, due when its
last deliverable is; its sub-rows are no tasks."""

from __future__ import annotations

import pytest

from .test_table_forms import codes, tasks

_HEAD = "STT\tNhiệm vụ\tSản phẩm\tThời gian hoàn thành\tĐơn vị chủ trì\tĐơn vị phối hợp\n"
_WORD = (_HEAD + "1\tChỉnh lý hồ sơ địa chính\tHồ sơ được chỉnh lý\tTháng 5/2026\tPhòng A\tPhòng B\n"
         "1\tChỉnh lý hồ sơ địa chính\tDữ liệu được số hóa\tTháng 8/2026\tPhòng A\tPhòng B\n"
         "2\tKết nối cơ sở dữ liệu\tDữ liệu được kết nối\tQuý III/2026\tPhòng C\tPhòng B\n")
_BAR = "\n".join(["|", "STT", "|", "Nhiệm vụ", "|", "Sản phẩm", "|", "Thời gian hoàn thành", "|", "Đơn vị chủ trì", "|",
                  "Đơn vị phối hợp", "|",
                  "|", "1", "|", "Chỉnh lý hồ sơ địa chính", "|", "Hồ sơ được chỉnh lý", "|", "Tháng 5/2026", "|",
                  "Phòng A", "|", "Phòng B", "|",
                  "|", "Dữ liệu được số hóa", "|", "Tháng 8/2026", "|",
                  "|", "Biên bản nghiệm thu dữ liệu", "|", "Tháng 10/2026", "|",
                  "|", "2", "|", "Kết nối cơ sở dữ liệu", "|", "Dữ liệu được kết nối", "|", "Quý III/2026", "|",
                  "Phòng C", "|", "Phòng B", "|"]) + "\n"


@pytest.mark.parametrize("text, name, end", [(_WORD, "plan.txt", "2026-08-31"), (_BAR, "plan.md", "2026-10-31")],
                         ids=["word-repeats", "scrape-once"])
def test_sub_rows_go_on_their_task(text, name, end):
    text = "**PHỤ LỤC**\n\n" + text
    got = [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["end"]) for t in tasks(text, name)]
    assert got == [("1", "Chỉnh lý hồ sơ địa chính", ["Phòng A"], ["Phòng B"], end),
                   ("2", "Kết nối cơ sở dữ liệu", ["Phòng C"], ["Phòng B"], "2026-09-30")]
    assert "table-sub-rows" in codes(text, name)


def test_a_row_repeating_only_its_number_is_a_task():
    text = "**PHỤ LỤC**\n\n" + _HEAD + ("1\tChỉnh lý hồ sơ địa chính\tHồ sơ\tTháng 5/2026\tPhòng A\tPhòng B\n"
                                       "1\tSố hóa dữ liệu địa chính\tDữ liệu\tTháng 8/2026\tPhòng A\tPhòng B\n")
    assert len(tasks(text, "plan.txt")) == 2
