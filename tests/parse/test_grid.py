"""Scraped "|"-line tables: cells are counted, empty cells and spanning rows keep the columns."""

from __future__ import annotations

import pytest

from kehoach.parse.text import read_text


def scrape(rows: list[list[str]], empty: str = "") -> str:
    """Write rows the way an HTML-to-text converter does: "|" before every cell and after the row."""
    out: list[str] = []
    for row in rows:
        out.append("|")
        for cell in row:
            out.extend(cell.split("\n") if cell else ([empty] if empty is not None else []))
            out.append("|")
    return "\n".join(line for line in out if line is not None)


def table_cells(text: str) -> list[list[str]]:
    (table,) = [b for b in read_text(text) if b.kind == "table"]
    return [[" ".join(c) for c in r.cells] for r in table.rows]


ROWS = [
    ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
    ["I", "Hoàn thiện thể chế", "", "", ""],
    ["1", "Đề xuất giải pháp\ncải thiện môi trường", "Sở Tài chính", "", "2026"],
    ["2", "Rà soát", "", "Sở Công Thương; Sở Nội vụ", "Thường xuyên"],
    ["", "", "", "", ""],
    ["3", "Xây dựng cơ chế", "Sở Khoa học và Công nghệ", "Các sở", ""],
]


@pytest.mark.parametrize("empty", ["", None], ids=["empty-line", "no-line"])
def test_empty_cells_are_counted(empty):
    text = "Đoạn văn.\n\n" + scrape(ROWS, "" if empty == "" else None) + "\n\nSau bảng.\n"
    got = table_cells(text)
    want = [[c.replace("\n", " ") for c in r] for r in ROWS if any(r)]
    assert got == want


def test_spanning_group_row_and_empty_first_cell():
    rows = [["TT", "Chỉ tiêu", "Chủ trì"], ["", "I. Kinh tế số", ""], ["1", "Chỉ tiêu một", "Sở Tài chính"],
            ["II", "Nhóm hai"], ["1", "Chỉ tiêu hai", "Công an tỉnh"]]
    got = table_cells("\n" + scrape(rows, None) + "\n")
    assert got == rows


def test_layout_tables_stay_text():
    text = "|\nNơi nhận:\n- Bộ Nội vụ;\n|\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n|\n"
    assert not [b for b in read_text(text) if b.kind == "table"]


def test_bar_after_text_without_blank_is_not_a_table_start():
    text = "ỦY BAN NHÂN DÂN\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 1/KH-UBND\n|\nKẾ HOẠCH\nMột\nHai\n"
    assert not [b for b in read_text(text) if b.kind == "table"]


def test_space_aligned_table_ends_at_body_text():
    text = ("Đoạn mở đầu.\n\n"
            "STT   Nội dung                        Chủ trì            Thời gian\n"
            "1     Xây dựng đề án phát triển       Sở Công Thương     Quý I/2026\n"
            "      nguồn nhân lực\n"
            "\nTrang 2\n\n"
            "2     Rà soát quy chế                 Sở Tư pháp         2026\n"
            "\n"
            "Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh, đề nghị các cơ quan, đơn vị triển khai thực hiện.\n")
    assert table_cells(text) == [["STT", "Nội dung", "Chủ trì", "Thời gian"],
                                 ["1", "Xây dựng đề án phát triển nguồn nhân lực", "Sở Công Thương", "Quý I/2026"],
                                 ["2", "Rà soát quy chế", "Sở Tư pháp", "2026"]]
    paras = [b.text for b in read_text(text) if b.kind == "para"]
    assert paras[-1].startswith("Trên đây là")


def test_pandoc_grid_table_with_spanning_row():
    text = ("+-----+----------------------+--------------+\n"
            "| STT | Nội dung             | Chủ trì      |\n"
            "+=====+======================+==============+\n"
            "| I. Nhóm thể chế                            |\n"
            "+-----+----------------------+--------------+\n"
            "| 1   | Xây dựng đề án phát  | Sở Công      |\n"
            "|     | triển                | Thương       |\n"
            "+-----+----------------------+--------------+\n")
    assert table_cells(text) == [["STT", "Nội dung", "Chủ trì"], ["I. Nhóm thể chế", "", ""],
                                 ["1", "Xây dựng đề án phát triển", "Sở Công Thương"]]


@pytest.mark.parametrize("figures", [("20.330", "20.954", "21.100"), ("1.200", "1.350", "1.500"), ("398.672", "5.000", "7")])
def test_unnumbered_row_of_grouped_figures_after_an_empty_cell(figures):
    """A part's row (no number, its first figure's column empty) in a numbered table of figures: a figure with its
    thousands grouped after the empty cell ("20.330") was taken for a row number, the row cut before it, and every row
    after it read one cell off (a figure in the name column, a name under a year), silently."""
    rows = [["STT", "Nội dung", "Đơn vị tính", "Kế hoạch 2025", "Ước 2025", "Năm 2026", "Năm 2027"],
            ["1", "Giáo dục", "", "", "", "", ""],
            ["", "- Số giáo viên", "Người", "", *figures],
            ["", "- Số học sinh", "Người", "", "12.000", "12.500", "13.000"],
            ["2", "Y tế", "", "", "", "", ""],
            ["", "- Số giường bệnh", "Giường", "4.157", "6.960", "7.060", "7.060"]]
    assert table_cells("\n" + scrape(rows, None) + "\n") == rows
