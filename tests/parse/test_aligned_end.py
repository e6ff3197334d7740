"""A space-aligned table in the body followed right under its last row by the body's next heading
(``pdftotext -layout`` prints no blank line between them): the heading ends the table
(parse/aligned_end.py), and is a section, not a row."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes
from kehoach.parse.text import read_text
from tests.tablegen import random_table, render_aligned

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2026\nI. MỤC TIÊU\nNâng cao hiệu quả.\n")
TABLE = [  # a narrow table: two cells one space apart, no gutter runs its height
    "     TT       Nội dung                Chủ trì       Thời hạn",
    "      1       Rà soát thủ tục hành    Sở Tư pháp    Quý I/2026",
    "              chính",
    "      2       Xây dựng cơ sở dữ liệu Sở Nông nghiệp Năm 2026",
    "              chuyên ngành            và Môi trường",
]
AFTER = ["", "     Kinh phí do ngân sách tỉnh bảo đảm.", ""]


def _rows(text: str) -> list[list[str]]:
    table = next(b for b in read_text(text) if b.kind == "table")
    return [[" ".join(c) for c in r.cells] for r in table.rows]


@pytest.mark.parametrize("above, heading", [
    ("II. NHIỆM VỤ CỤ THỂ", "III. KINH PHÍ"),        # the next roman heading, at the margin
    ("2. Nhiệm vụ cụ thể", "3. Kinh phí"),             # the next numbered heading
    ("II. NHIỆM VỤ CỤ THỂ", "    III. KINH PHÍ"),    # indented, still left of the header
    ("II. NHIỆM VỤ CỤ THỂ", "III. TỔ CHỨC THỰC HIỆN"),  # a heading across the columns (ended the table before)
])
def test_the_next_body_heading_ends_the_table(above, heading):
    text = "\n".join([above, "", *TABLE, heading, *AFTER])
    assert _rows(text)[1:] == [["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Quý I/2026"],
                               ["2", "Xây dựng cơ sở dữ liệu chuyên ngành", "Sở Nông nghiệp và Môi trường", "Năm 2026"]]
    plan = extract_bytes((HEAD + "\n".join([above, "", *TABLE, heading, *AFTER])).encode(), "plan.txt")
    assert [t["no"] for t in plan["tasks"] if t["source"] == "appendix"] == ["1", "2"]
    assert heading.split(".")[0].strip() in _numbers(plan["sections"])


def _numbers(sections: list[dict]) -> list[str]:
    return [n for s in sections for n in (s["number"], *_numbers(s["children"]))]


@pytest.mark.parametrize("above, line", [
    ("II. NHIỆM VỤ CỤ THỂ", "IV. KINH PHÍ"),   # not the next number
    ("III. NHIỆM VỤ CỤ THỂ", "III. KINH PHÍ"),  # the same number
    ("Các nhiệm vụ như sau:", "II. KINH PHÍ"),  # no numbered heading above the table
    ("II. NHIỆM VỤ CỤ THỂ", "3 Kinh phí"),      # a row's number, no dot
])
def test_another_line_is_no_body_heading(above, line):
    from kehoach.parse.aligned_end import BodyHeadings

    lines = [above, "", *TABLE]
    assert not BodyHeadings(lines, 2).next_heading(line)


def test_a_table_numbering_its_groups_as_the_body_goes_on():
    """Under "II.", a table whose groups are "I. …", "II. …", "III. …": its group III is its own."""
    from kehoach.parse.aligned_end import BodyHeadings

    body = BodyHeadings(["II. NHIỆM VỤ CỤ THỂ", "", *TABLE], 2)
    assert [body.next_heading(line) for line in ("I. NHÓM MỘT", "1  Làm A", "II. NHÓM HAI", "III. NHÓM BA")] == [False] * 4


@pytest.mark.parametrize("seed", range(40))
def test_a_generated_table_under_a_heading_ends_at_the_next_one(seed):
    """Generated tables (columns in any order, group rows, sub-rows, wrapped cells, cells centred or
    not), set in from the margin (as pdftotext places a table narrower than the text) under "II." and
    followed right under their last line by "III. KINH PHÍ" at the margin: the same tasks as with blank
    lines and a paragraph between (12 of 40 seeds differed before)."""
    rng = random.Random(seed)
    table = random_table(rng)
    text = render_aligned(table, random.Random(seed), centred=seed % 3 == 1, packed=seed % 3 == 2)
    text = "\n".join(" " * (4 + seed % 9) + line if line.strip() else line for line in text.split("\n"))  # set in from the margin
    head = HEAD + "II. TỔ CHỨC THỰC HIỆN\n\n"

    def tasks(after: str) -> list[tuple]:
        plan = extract_bytes((head + text.rstrip("\n") + after).encode(), "plan.txt")
        return [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"]
                if t["source"] == "appendix"]

    alone = tasks("\n\n\nCác cơ quan báo cáo kết quả.\n")
    assert alone and tasks("\nIII. KINH PHÍ\n\nKinh phí do ngân sách tỉnh bảo đảm.\n") == alone


@pytest.mark.parametrize("note", ["_Ghi chú: chữ viết tắt_", "Ghi chú:", "*Chú thích:* các chữ viết tắt"])
@pytest.mark.parametrize("table", [TABLE, [line.replace("Sở Tư pháp ", "Sở Tư pháp     ") for line in TABLE]])
def test_the_tables_note_under_it_ends_it(note, table):
    """The table's note from its first column on, right under its last row ("Ghi chú:" over a list of the
    abbreviations its cells use): no row, the lines after it no rows either (they were read as a row of the
    table, its first column the note's, warned table-misaligned)."""
    text = "\n".join([*table, note, "", "- VP: Văn phòng Sở;", "", "- TTLT: Trung tâm Lưu trữ lịch sử."])
    assert [r[0] for r in _rows(text)] == ["TT", "1", "2"]


@pytest.mark.parametrize("after", ["    Tệp đính kèm:", "     Văn bản kèm", "     Tệp kèm theo"])
def test_a_short_line_of_text_from_the_numbering_column_after_the_table_is_no_row(after):
    """A short line after a narrow numbered table ("Tệp đính kèm:" under a page's table, in the numbering column and a
    few characters into the next): no row number, not the text where the rows' text starts; it was read as a row
    numbered "Tệp", taking the last row's lead, support and deadline as merged down (warned, a task too many)."""
    text = "\n".join(["II. NHIỆM VỤ CỤ THỂ", "", *TABLE, after, ""])
    assert [r[0] for r in _rows(text)[1:]] == ["1", "2"]


def test_a_group_numbered_with_no_dot_makes_the_tables_next_group_no_body_heading():
    """Under the body's "II.", a table whose groups are "I.", "II" (a Roman number with no dot, as a text browser
    sets a group's number in its own cell) and "III.": "III." is the table's next group, not the body's next
    heading ending the table (its rows were lost)."""
    from kehoach import extract_bytes

    head = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
            "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n\n")
    lines = ["TT  Nội dung                   Chủ trì      Thời gian",
             "I. Hoàn thiện thể chế",
             "1   Rà soát văn bản            Sở Tư pháp   Năm 2026",
             "II  Phát triển hạ tầng",
             "2   Nâng cấp hạ tầng số        Sở Xây dựng  Quý II/2026",
             "III. Ứng dụng công nghệ",
             "3   Triển khai phần mềm        Sở Nội vụ    Hằng năm"]
    plan = extract_bytes((head + "\n".join(lines) + "\n").encode(), "plan.txt")
    assert [(t["no"], t["group"], t["lead"]) for t in plan["tasks"] if t["source"] == "appendix"] == [
        ("1", "I. Hoàn thiện thể chế", ["Sở Tư pháp"]), ("2", "II. Phát triển hạ tầng", ["Sở Xây dựng"]),
        ("3", "III. Ứng dụng công nghệ", ["Sở Nội vụ"])]
