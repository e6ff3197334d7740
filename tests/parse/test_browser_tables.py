"""Tables as a text browser sets a web page's table (``w3m -dump``): columns one space apart, each
cell's text wrapped to its column, a cell centred vertically in its row on whole lines (a cell of
``c`` lines in a row of ``h`` starts ``(h - c) // 2`` lines down), rows following each other with no
blank line. A row's lines above its number belong to it (parse/centred_lines.py)."""

from __future__ import annotations

import random
import shutil

import pytest

from kehoach import extract_bytes
from kehoach.parse.text import read_text
from tests.tablegen import AGENCIES, DEADLINES, OBJECTS, TAILS, VERBS

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 12/KH-UBND\n\nHà Nam, ngày 5 tháng 3 năm 2024\n\nKẾ HOẠCH\n\n"
        "Triển khai nhiệm vụ năm 2024\n\nI. MỤC TIÊU\n\nNâng cao hiệu quả.\n\nII. NHIỆM VỤ\n\nPHỤ LỤC\n\n")


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def browser_table(rows: list[list[str]], widths: list[int], centred_header: bool = False, apart: bool = False) -> list[str]:
    """``rows`` (the header first) set as a text browser sets them: a cell spanning the columns after
    the first when its row has two cells, one spanning them all when it has one; ``centred_header``: the
    header's cells centred over their columns (``<th>``); ``apart``: a blank line after each full row
    (cells of paragraphs)."""
    out: list[str] = []
    for r, row in enumerate(rows):
        spans = widths if len(row) == len(widths) else [widths[0], sum(widths[1:]) + len(widths) - 2] if len(row) == 2 \
            else [sum(widths) + len(widths) - 1]
        cells = [_wrap(text, width) for text, width in zip(row, spans, strict=True)]
        height = max(len(c) for c in cells)
        for k in range(height):
            parts = []
            for cell, width in zip(cells, spans, strict=True):
                at = k - (height - len(cell)) // 2
                text = cell[at] if 0 <= at < len(cell) else ""
                parts.append(text.center(width) if centred_header and r == 0 else text.ljust(width))
            out.append(" ".join(parts).rstrip())
        if apart and r and len(row) == len(widths):
            out.append("")
    return out


def rows_read(lines: list[str]) -> list[list[str]]:
    table = next(b for b in read_text("\n".join(lines)) if b.kind == "table")
    return [[" ".join(c) for c in r.cells] for r in table.rows]


HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
WIDTHS = [3, 30, 14, 18, 9]
CASES = [
    ("a title longer than every other cell, its number on the middle line",
     ["1", "Khảo sát, đánh giá nhu cầu đào tạo nghề cho lao động nông thôn trên địa bàn các xã",
      "Sở Nội vụ", "Sở Tài chính; Ủy ban nhân dân các xã, phường", "Quý II/2026"]),
    ("an agency taller than the title: the title starts a line down",
     ["2", "Mở lớp đào tạo nghề ngắn hạn", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
      "Sở Giáo dục và Đào tạo", "Năm 2026"]),
    ("rows of two lines: the number on the first",
     ["3", "Đánh giá kết quả đào tạo nghề hằng năm", "Sở Nội vụ", "Công an tỉnh", "Hằng năm"]),
    ("a one-line row", ["4", "Tổng kết kế hoạch", "Sở Nội vụ", "Sở Y tế", "2030"]),
]


@pytest.mark.parametrize("case", [c[0] for c in CASES])
def test_centred_rows_one_after_the_other_are_read_whole(case):
    rows = [row for name, row in CASES if name == case]
    others = [row for name, row in CASES if name != case]
    body = [others[0], *rows, others[1], *rows[:0], others[2]]
    got = rows_read(browser_table([HEADER, *body], WIDTHS))
    assert got[1:] == body


def test_a_group_heading_numbered_in_the_task_column_is_a_row_of_its_own():
    """"II. Xã hội số" in the task column, its number cell empty: a group row between two rows."""
    body = [["", "I. Kinh tế số", "", "", ""], CASES[0][1], ["", "II. Xã hội số", "", "", ""], CASES[1][1], CASES[2][1]]
    got = rows_read(browser_table([HEADER, *body], WIDTHS))
    assert got[1:] == body


def test_a_group_number_filling_its_column_one_space_from_the_title():
    """"III" fills the number column and its name follows one space after, where the title column starts."""
    body = [CASES[0][1], ["III", "Giải pháp về nguồn nhân lực", "", "", ""], CASES[1][1], CASES[2][1]]
    got = rows_read(browser_table([HEADER, *body], WIDTHS))
    assert got[1:] == body


def test_the_header_centred_over_lines_above_its_first_cell():
    """The header's widest cell wraps over four lines: "TT" on the second, "Thời" above it."""
    got = rows_read(browser_table([HEADER, CASES[0][1], CASES[1][1]], [3, 30, 14, 18, 6]))
    assert got[0][-1] == "Thời gian thực hiện"
    plan = extract_bytes((HEAD + "\n".join(browser_table([HEADER, CASES[0][1], CASES[1][1]], [3, 30, 14, 18, 6]))
                          + "\n").encode(), "plan.txt")
    assert [(t["no"], t["deadline"]["end"]) for t in plan["tasks"]] == [("1", "2026-06-30"), ("2", "2026-12-31")]


def _random_row(rng: random.Random, no: str) -> list[str]:
    title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}"
    return [no, title, rng.choice(AGENCIES), "; ".join(rng.sample(AGENCIES, rng.randint(1, 2))), rng.choice(DEADLINES)]


SEEDS = 60


def test_generated_browser_tables_read_as_written():
    """Random tables at random column widths: every row comes back (60 tables; 1 came back whole
    when the rows were read top-aligned, each wrong one warned as interleaved)."""
    whole = 0
    for seed in range(SEEDS):
        rng = random.Random(seed)
        body = [_random_row(rng, str(k + 1)) for k in range(rng.randint(3, 8))]
        widths = [3, rng.randint(22, 40), rng.randint(16, 24), rng.randint(17, 24), rng.randint(9, 12)]
        got = rows_read(browser_table([HEADER, *body], widths))
        whole += got[1:] == body
    assert whole == SEEDS


@pytest.mark.parametrize("lines,text", [
    (["Quý IV", "/2025"], "Quý IV/2025"),
    (["Trước 30/", "6/2026"], "Trước 30/6/2026"),
    (["Trước 30", "/6/2026"], "Trước 30/6/2026"),
    (["Tháng 6", "/2026"], "Tháng 6/2026"),
    (["Chương trình/", "Đề án"], "Chương trình/ Đề án"),
    (["Sở Tư pháp", "/ Sở Nội vụ"], "Sở Tư pháp / Sở Nội vụ"),
])
def test_a_date_parted_at_its_slash_by_a_line_break_is_joined_whole(lines, text):
    """A browser breaks a cell's line before or after a slash ("Quý IV" over "/2025"): the date's
    parts join with no space (a deadline as written), other lines with one."""
    from kehoach.parse.aligned_cells import cell_text

    assert cell_text(lines) == text


def test_a_group_name_merged_across_the_row_from_the_first_column():
    """"II. Phát triển nguồn nhân lực và hạ tầng" in one cell over every column, written from the first column and
    longer than the task column is wide, the rows going on under it with their numbers on their middle lines: a group
    row, and the rows after it are read (the table ended at it, warned table-columns-lost; and its length made the task
    column's line breaks look unforced, so the rows were read top-aligned)."""
    body = [CASES[0][1], ["II. Phát triển nguồn nhân lực và hạ tầng số"], CASES[1][1], CASES[2][1]]
    got = rows_read(browser_table([HEADER, *body], [3, 26, 14, 18, 9]))
    assert got[1:] == [body[0], ["II.", "Phát triển nguồn nhân lực và hạ tầng số", "", "", ""], *body[2:]]


def test_the_rest_of_a_table_after_a_page_break_set_at_its_own_columns():
    """A page break cuts the web page's table in two and the browser sets the second at other columns (its
    cells' widths), its header not repeated: its rows are cut at its own columns (they were cut at the first
    part's, the words either side of a column start shared out wrong, warned)."""
    first = browser_table([HEADER, CASES[0][1], CASES[1][1]], [3, 30, 14, 18, 9])
    second = browser_table([CASES[2][1], CASES[3][1], ["5", "Kiểm tra, đánh giá việc thực hiện", "Sở Tư pháp",
                                                       "Sở Nội vụ; Công an tỉnh", "Quý IV/2026"]], [3, 22, 12, 24, 12])
    plan = extract_bytes((HEAD + "\n".join([*first, "", "Trang 2", "", *second]) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", ["Sở Nội vụ"], ["Sở Tài chính", "Ủy ban nhân dân các xã, phường"], "Quý II/2026"),
                   ("2", ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"], ["Sở Giáo dục và Đào tạo"], "Năm 2026"),
                   ("3", ["Sở Nội vụ"], ["Công an tỉnh"], "Hằng năm"), ("4", ["Sở Nội vụ"], ["Sở Y tế"], "2030"),
                   ("5", ["Sở Tư pháp"], ["Sở Nội vụ", "Công an tỉnh"], "Quý IV/2026")]


def test_a_last_row_alone_after_a_page_break_is_warned_when_not_read():
    """The table's last row, alone on the next page on one line, its number filling its column (its columns cannot
    be told from one line), does
    not fit the first part's columns: it is not read, and the table says so at its last row (it was lost silently)."""
    first = browser_table([HEADER, CASES[0][1], CASES[1][1]], [3, 30, 14, 18, 9])
    last = "2.1 Kiểm tra, đánh giá việc thực hiện kế hoạch trên địa bàn tỉnh Sở Tư pháp Sở Nội vụ  Quý IV/2026"
    plan = extract_bytes((HEAD + "\n".join([*first, "", "Trang 2", "", last]) + "\n").encode(), "plan.txt")
    assert [t["no"] for t in plan["tasks"] if t["source"] == "appendix"] == ["1", "2"]
    assert [w["loc"]["line"] for w in plan["warnings"] if w["code"] == "table-columns-lost"] == [plan["tasks"][1]["loc"]["line"]]


def test_a_group_name_over_a_page_break_heads_the_rows_after_it():
    """A text browser's table grouped by agency, a group's name ("3. Sở Công Thương") the last line before a page
    break ("Trang 2" between blank lines) and its rows after it, on the next page: a group row. The table ended at
    it (`table-columns-lost`), its rows after the break not read."""
    lines = ["STT                 Nội dung công việc                    Thời",
             "                                                          gian",
             "1. Công an tỉnh",
             "1.1 Rà soát mô hình hợp tác xã kiểu mới cho cán bộ,     Quý I/",
             "    công chức cấp xã                                    2026",
             "",
             "1.2 Tuyên truyền về mô hình hợp tác xã kiểu mới         Quý IV/",
             "                                                        2025",
             "",
             "1.3 Triển khai mô hình hợp tác xã kiểu mới theo quy     2025",
             "    định của pháp luật",
             "",
             "2. Sở Giáo dục và Đào tạo",
             "2.1 Nâng cấp hạ tầng số dùng chung                      Hằng năm",
             "",
             "2.2 Tuyên truyền về hạ tầng số dùng chung theo quy định Tháng 6/",
             "    của pháp luật                                       2026",
             "",
             "2.3 Ban hành kế hoạch chuyển đổi số                     2025",
             "",
             "2.4 Xây dựng cơ sở dữ liệu chuyên ngành gắn với nhu cầu Quý IV/",
             "    thực tiễn của địa phương                            2025",
             "",
             "2.5 Ban hành hạ tầng số dùng chung                      Thường",
             "                                                        xuyên",
             "",
             "3. Sở Công Thương",
             "",
             "Trang 2",
             "",
             "3.1 Đề xuất kế hoạch chuyển đổi số gắn với nhu cầu    Trước 30/6",
             "    thực tiễn của địa phương                          /2026"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["lead"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert [no for no, _, _ in got] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1"]
    assert got[-1] == ("3.1", ["Sở Công Thương"], "Trước 30/6/2026")
    assert not any(w["code"] == "table-columns-lost" for w in plan["warnings"])


def test_a_page_under_its_repeated_header_at_other_columns_after_a_group_name():
    """A page break cuts the table (its rows centred, a group's name "I. …" across the row from the first column,
    its "." before the title column's start) and the browser sets the next part at other columns under its header
    repeated: each part is read as centred rows at its own columns. The rows were read top-aligned, mixed up and
    warned (table-rows-interleaved): the repeated header's line did not count as after a page break, and the
    group's name was taken for a line whose text touches a column's start."""
    first = browser_table([HEADER, ["I. Phát triển hạ tầng số và dữ liệu"], CASES[0][1], CASES[1][1]], [3, 30, 14, 18, 9])
    second = browser_table([HEADER, ["II. Hoàn thiện thể chế"], CASES[2][1], CASES[3][1]], [3, 26, 12, 20, 11])
    plan = extract_bytes((HEAD + "\n".join([*first, "", "Trang 2", "", *second]) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [(r[0], r[1], [r[2]], r[3].split("; "), r[4]) for _name, r in CASES]
    assert [w["code"] for w in plan["warnings"] if w["code"] != "signer-missing"] == []


def test_a_row_alone_after_a_page_break_short_of_the_last_column_is_warned():
    """The same first part, then a last row alone on the next page on one line, its cells one space apart and
    short of the last column (a part the browser set at columns of its own, which one line cannot show): the
    first part's rows are read, and the last row, cut at the first part's columns by a guess, says so."""
    first = browser_table([HEADER, ["I. Phát triển hạ tầng số và dữ liệu"], CASES[0][1], CASES[1][1]], [3, 30, 14, 18, 9])
    last = "3   Tổng kết kế hoạch năm 2030 Sở Nội vụ Sở Y tế"
    plan = extract_bytes((HEAD + "\n".join([*first, "", "Trang 2", "", last]) + "\n").encode(), "plan.txt")
    tasks = [t for t in plan["tasks"] if t["source"] == "appendix"]
    assert [(t["no"], t["title"], t["deadline"]["text"]) for t in tasks[:2]] == [(r[0], r[1], r[4]) for _name, r in CASES[:2]]
    assert [w["loc"]["line"] for w in plan["warnings"] if w["code"] == "table-misaligned"] == [tasks[2]["loc"]["line"]]
    assert not [w for w in plan["warnings"] if w["code"] == "table-rows-interleaved"]


@pytest.mark.skipif(shutil.which("w3m") is None, reason="w3m is needed")
def test_generated_pages_through_w3m_come_back_whole():
    """Generated tables as web pages, cells' lines apart by <br>, dumped by w3m: seeds whose second part the browser
    set at other columns under the header repeated, after group names numbered "I." from the first column (seed 8,
    which came back whole before the groups' numbers with no dot were known, then warned), and others of the same
    kind: every row right (0, 0, 3, 1, 2, 1 and 0 of their 12, 6, 10, 4, 4, 8 and 4 rows before, warned)."""
    from tests.tablegen import roundtrips, verdicts

    found = roundtrips([8, 73, 111, 114, 117, 159, 166], "w3m")
    assert [all(ok) for _table, _plan, ok in found] == [True] * 7
    assert not any("silent" in verdicts(table, plan) for table, plan, _ok in found)
