"""An appendix split into one table per lead agency: a numbered heading names the agency and its table has no lead
column; the rows are that agency's (they had no lead). A heading that names a group, or a table with its own lead
column, leaves the rows as they are."""

from __future__ import annotations

from .test_table_forms import codes, tasks

_COLUMNS = "| TT | Nhiệm vụ | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|---|---|\n"
_SPLIT = ("**PHỤ LỤC**\n\n**1. Sở Văn hóa, Thể thao và Du lịch**\n\n" + _COLUMNS
          + "| 1 | Xây dựng bộ tiêu chí điểm du lịch | Sở Nông nghiệp và Môi trường | Quý III/2026 |\n\n"
          + "**2. ỦY BAN NHÂN DÂN CÁC XÃ, PHƯỜNG**\n\n" + _COLUMNS
          + "| 1 | Rà soát các thôn đủ điều kiện | Sở Văn hóa, Thể thao và Du lịch | Tháng 4/2026 |\n")


def test_each_table_takes_the_agency_its_heading_names():
    got = [(t["title"], t["lead"]) for t in tasks(_SPLIT)]
    assert got == [("Xây dựng bộ tiêu chí điểm du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
                   ("Rà soát các thôn đủ điều kiện", ["Ủy ban nhân dân các xã, phường"])]
    assert "task-without-lead" not in codes(_SPLIT)


def test_a_group_heading_gives_no_lead():
    text = _SPLIT.replace("1. Sở Văn hóa, Thể thao và Du lịch", "1. Nhóm nhiệm vụ phát triển sản phẩm")
    assert tasks(text)[0]["lead"] == []
    assert "task-without-lead" in codes(text)
