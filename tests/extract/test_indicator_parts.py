"""Rows of an indicator table that are parts of the row above them ("1 | Cây chè" with no figure, then
"- | Diện tích | ha | …"; "2 | Kim ngạch xuất khẩu" then an unnumbered "Tốc độ tăng trưởng"): each part's
indicator names what it is a part of, or ten crops' rows all read "Diện tích"."""

from __future__ import annotations

import pytest

from kehoach.extract.indicators import table_to_indicator_targets
from kehoach.parse.text import read_text

HEADER = "STT\tChỉ tiêu\tĐơn vị tính\tNăm 2026\tNăm 2027\n"


def _indicators(rows: str, header: str = HEADER) -> list[str]:
    (table,) = [b for b in read_text(header + rows) if b.kind == "table"]
    found = table_to_indicator_targets(table, 2026)
    return list(dict.fromkeys(t["indicator"] for t in found))


CASES = [
    # a row with no figure heads the dash rows under it, in the number column or in the name
    ("I\tCây công nghiệp\t\t\t\n1\tCây chè\t\t\t\n-\tDiện tích\tha\t500\t520\n-\tSản lượng\ttấn\t4.000\t4.200\n"
     "2\tCây cà phê\t\t\t\n-\tDiện tích\tha\t300\t310\n",
     ["Cây chè - Diện tích", "Cây chè - Sản lượng", "Cây cà phê - Diện tích"]),
    ("3\tCơ cấu kinh tế\t\t\t\n\t- Nông nghiệp\t%\t30\t29\n\t- Dịch vụ\t%\t40\t41\n",
     ["Cơ cấu kinh tế - Nông nghiệp", "Cơ cấu kinh tế - Dịch vụ"]),
    # an unnumbered row under a numbered row with figures is its part
    ("1\tKim ngạch xuất khẩu\ttriệu USD\t500\t550\n\tTốc độ tăng trưởng\t%\t108\t110\n2\tDân số\tnghìn người\t900\t910\n",
     ["Kim ngạch xuất khẩu", "Kim ngạch xuất khẩu - Tốc độ tăng trưởng", "Dân số"]),
    # "Trong đó:" names nothing; its rows keep their own names, without the "Trong đó:" written before one
    ("1\tSố giường bệnh\tgiường\t900\t950\n\tTrong đó:\t\t\t\n\t+ Giường tuyến tỉnh\tgiường\t600\t620\n",
     ["Số giường bệnh", "Giường tuyến tỉnh"]),
    ("1\tThu khác\t\t300\t320\n\tTrong đó: Thu phạt\t\t100\t110\n", ["Thu khác", "Thu khác - Thu phạt"]),
    # a row whose cells hold "-" has figures (none): it is no heading of the rows after it
    ("1\tNguồn trả nợ\t\t50\t60\n\tTừ nguồn vay\t\t-\t-\n\tBội thu\t\t20\t30\n",
     ["Nguồn trả nợ", "Nguồn trả nợ - Bội thu"]),
    # a dash row with no figure (its figures lost) heads nothing
    ("1\tGiáo dục\t\t\t\n-\tSố học sinh\tngười\t\t\n-\tSố trường\ttrường\t12\t13\n", ["Giáo dục - Số trường"]),
]


@pytest.mark.parametrize("rows,expected", CASES)
def test_a_part_row_names_what_it_is_part_of(rows, expected):
    assert _indicators(rows) == expected


def test_a_table_whose_first_column_names_the_indicator():
    """With no number column, only a dash marks a part."""
    header = "Chỉ tiêu\tĐơn vị tính\tNăm 2026\tNăm 2027\n"
    rows = "Tỷ lệ hộ nghèo\t%\t2\t1,5\nCơ cấu lao động\t\t\t\n- Nông nghiệp\t%\t40\t38\n"
    assert _indicators(rows, header) == ["Tỷ lệ hộ nghèo", "Cơ cấu lao động - Nông nghiệp"]


def test_rows_numbered_in_brackets_are_rows():
    rows = "(1)\tTỷ lệ hộ nghèo\t%\t2\t1,5\n(2)\tSố xã nông thôn mới\txã\t40\t45\n"
    assert _indicators(rows) == ["Tỷ lệ hộ nghèo", "Số xã nông thôn mới"]


def test_a_row_whose_cells_stand_off_their_columns_is_warned():
    """A row with no name in the name column and a name under a year ("20.330 | 20.954 | | - Số học sinh | Người", as a
    scrape that lost an empty cell leaves it) gave no target and no warning: warned table-row-shifted on its line; the
    rows that fit are read as before, and a year cell that says a word ("Hoàn thành") is no shift."""
    from kehoach import extract_bytes

    head = ("ỦY BAN NHÂN DÂN TỈNH AN BÌNH\n\nSố: 12/KH-UBND\n\nAn Bình, ngày 3 tháng 2 năm 2026\n\nKẾ HOẠCH\n\nPhát triển "
            "giáo dục năm 2026\n\nI. MỤC TIÊU\n\nNâng cao chất lượng.\n\nII. TỔ CHỨC THỰC HIỆN\n\nSở Giáo dục và Đào tạo "
            "chủ trì thực hiện.\n\n")
    table = ("| STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 |\n|---|---|---|---|---|\n"
             "| 1 | Số giáo viên | Người | 100 | 120 |\n"
             "| 20.330 | 20.954 | | - Số học sinh | Người |\n"
             "| 2 | Xây dựng trường chuẩn | | Hoàn thành | Hoàn thành |\n")
    plan = extract_bytes((head + table).encode("utf-8"), "plan.md")
    assert [(t["indicator"], t["value"]) for t in plan["targets"]] == [("Số giáo viên", 100.0), ("Số giáo viên", 120.0)]
    shifted = [w for w in plan["warnings"] if w["code"] == "table-row-shifted"]
    assert [w["loc"]["line"] for w in shifted] == [22]
