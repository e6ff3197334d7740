"""The row under a table's header that numbers its columns, as official forms print it ("(1) | (2) | … | (6)", or
"1 | 2 | … | 6"), is part of the header: it was read as a task ('(2)' led by '(4)', warned only as a lead that is no
agency), and in a table written one cell a line it pushed every row's cells one column on (each deadline took the
next row's number). Invented plans, the row written in each layout plans reach us in."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

TOP = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ

Số: 21/KH-UBND

An Phú, ngày 5 tháng 3 năm 2026

KẾ HOẠCH

Triển khai chính sách hỗ trợ nhà ở năm 2026

I. MỤC ĐÍCH

Cụ thể hóa chính sách.

II. TỔ CHỨC THỰC HIỆN

Các cơ quan thực hiện nhiệm vụ tại Phụ lục kèm theo.

PHỤ LỤC

"""
HEAD = ["STT", "Nội dung công việc", "Sản phẩm", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời hạn"]
ROWS = [["1", "Ban hành hướng dẫn thủ tục hỗ trợ", "Quyết định", "Sở Xây dựng", "Sở Tư pháp", "Tháng 6/2026"],
        ["2", "Bố trí nguồn vốn hỗ trợ lãi suất", "Phương án", "Sở Tài chính", "Sở Xây dựng", "Quý III/2026"]]
PAREN = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]
BARE = ["1", "2", "3", "4", "5", "6"]


def scrape(numbers: list[str]) -> str:
    out = []
    for row in [HEAD, numbers, *ROWS]:
        out.append("|")
        for cell in row:
            out += [cell, "|"]
    return TOP + "\n".join(out) + "\n"


def pipes(numbers: list[str]) -> str:
    return TOP + "\n".join("| " + " | ".join(r) + " |" for r in [HEAD, numbers, *ROWS]) + "\n"


def one_cell_a_line(numbers: list[str]) -> str:
    return TOP + "\n".join(c for r in [HEAD, numbers, *ROWS] for c in r) + "\n"


@pytest.mark.parametrize("numbers", [PAREN, BARE], ids=["parenthesised", "bare"])
@pytest.mark.parametrize("layout,name", [(scrape, "plan.md"), (pipes, "plan.md"), (one_cell_a_line, "plan.txt")],
                         ids=["scrape", "pipes", "one-cell-a-line"])
def test_the_column_number_row_is_no_task(layout, name, numbers):
    plan = extract_bytes(layout(numbers).encode(), name)
    got = [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", "Ban hành hướng dẫn thủ tục hỗ trợ", ["Sở Xây dựng"], ["Sở Tư pháp"], "Tháng 6/2026"),
                   ("2", "Bố trí nguồn vốn hỗ trợ lãi suất", ["Sở Tài chính"], ["Sở Xây dựng"], "Quý III/2026")]


def test_a_row_of_figures_is_still_a_row():
    """A data row whose cells are figures is not a column-number row unless they count its columns from 1."""
    from kehoach.extract.table_header import column_numbers_row

    assert column_numbers_row([["(1)"], ["(2)"], ["(3)"], ["(4)"]])
    assert column_numbers_row([["1"], ["2"], ["3"], ["4"], ["5"]])
    assert not column_numbers_row([["1"], ["Rà soát"], ["Sở Y tế"], ["2026"]])
    assert not column_numbers_row([["3"], ["4"], ["5"], ["6"]])
    assert not column_numbers_row([["1"], ["15"], ["20"], ["25"]])
