"""A web page's table whose cells are ``<p>`` paragraphs, as a text browser sets it (``w3m -dump``): the rows
set apart by blank lines, but none under the header, under a group's name, nor between two rows a cell merged
over both joins (parse/aligned_rows.py, parse/aligned_words.py)."""

from __future__ import annotations

import shutil

import pytest

from kehoach import extract_bytes
from tests.parse.test_browser_header import HEADER, _tasks, _want, browser_table
from tests.parse.test_browser_tables import HEAD
from tests.parse.test_browser_tables import browser_table as set_as_browser

ROWS = [["1", "Rà soát thủ tục hành chính trên địa bàn tỉnh", "Sở Tư pháp", "Sở Nội vụ", "Quý I/2026"],
        ["2", "Xây dựng cơ sở dữ liệu đất đai", "Sở Tài chính", "Sở Y tế; Công an tỉnh", "Năm 2026"],
        ["3", "Tuyên truyền về chuyển đổi số cho cán bộ, công chức cấp xã", "Sở Văn hóa, Thể thao và Du lịch",
         "Đài Phát thanh và Truyền hình tỉnh", "Hằng năm"],
        ["4", "Kiểm tra việc thực hiện", "Sở Nội vụ", "Sở Xây dựng", "Tháng 6/2026"],
        ["5", "Tổng kết, đánh giá kết quả thực hiện kế hoạch", "Sở Nội vụ", "Các sở, ban, ngành liên quan", "Quý IV/2026"]]
WIDTHS = [3, 24, 14, 18, 10]


@pytest.mark.parametrize("group", [["I. Phát triển hạ tầng số và dữ liệu"], ["II", "Hoàn thiện thể chế, chính sách về chuyển đổi số"]])
def test_a_group_row_shares_its_block_with_the_row_under_it(group):
    """Rows apart by blank lines, a group's name (from the first column, or its number there and its name one
    cell across the rest, longer than the task column) with no blank line under it: the rows of its block are
    the group row and the row under it (the header's cells stood off their columns, the name crossing them,
    and the group row and the row under it were read as rows in doubt, warned)."""
    lines = set_as_browser([HEADER, ROWS[0], ROWS[1], group, *ROWS[2:]], WIDTHS, centred_header=True, apart=True)
    assert [t[:1] + t[2:] for t in _tasks(lines)] == [t[:1] + t[2:] for t in _want(ROWS)]


def test_rows_a_merged_cell_joins_are_in_doubt_the_others_are_read():
    """Rows apart by blank lines but two (a cell merged over both leaves no blank line between them): the
    other rows are read by their blocks, the two are warned (table-rows-interleaved: every row was read as
    in doubt, its lines above its number given to the row above)."""
    head = browser_table([HEADER, ROWS[0], ROWS[1]], WIDTHS, apart=True)
    packed = set_as_browser([ROWS[2], ROWS[3]], WIDTHS)  # (the first of them is no header: set as the others)
    last = browser_table([HEADER, ROWS[4]], WIDTHS, apart=True)[len(browser_table([HEADER], WIDTHS, apart=True)):]
    lines = [*head, *packed, "", *last]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = {t[0]: t for t in _tasks(lines)}
    want = {t[0]: t for t in _want(ROWS)}
    assert [got[n] for n in ("1", "2", "5")] == [want[n] for n in ("1", "2", "5")]
    at = {t["no"]: t["loc"]["line"] for t in plan["tasks"]}
    doubted = {w["loc"]["line"] for w in plan["warnings"] if w["code"] == "table-rows-interleaved"}
    assert {at["3"], at["4"]} <= doubted and not {at["1"], at["2"], at["5"]} & doubted


@pytest.mark.skipif(shutil.which("w3m") is None, reason="w3m is needed")
def test_generated_pages_of_paragraph_cells_through_w3m():
    """Generated tables as web pages, cells of <p> paragraphs, dumped by w3m, come back whole: seed 0 (a
    group's number and name in two cells, the name crossing the lead column's start, and a group right under
    a header of wrapped cells), seed 7 (a group right under the header's line and its wrapped words), seed 16
    (the header and the first row in one block), seed 18 (each row's block after a blank line was taken for a
    page at columns of its own), seed 169 (a page break under a group's name: the header's cells were set at the
    next page's columns), seed 89 (a group's name the last line before a page break, its one row on the next page
    at columns of its own: the table ended at the group, warned table-columns-lost). None of their 9, 5, 5, 4, 7
    and 9 rows did before (warned). Seed 89's last row is warned (table-misaligned: a page at columns of its own)."""
    from tests.tablegen import roundtrips, verdicts

    found = roundtrips([0, 7, 16, 18, 169, 89], "w3m-paras")
    assert [all(ok) for _table, _plan, ok in found] == [True] * 6
    assert not any("silent" in verdicts(table, plan) for table, plan, _ok in found)
