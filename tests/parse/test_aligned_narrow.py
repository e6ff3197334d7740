"""Narrow space-aligned tables (``pdftotext -layout`` of a table whose cells wrap to a few words):
a date cut where its cell ends, a cell's line a character left of its column, two cells one space
apart, and a table ending at the next table's header."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.parse.aligned import aligned_table
from kehoach.parse.aligned_cells import cell_text, split_run

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n\n")


def _tasks(lines: list[str]) -> list[tuple]:
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    return [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"])
            for t in plan["tasks"] if t["source"] == "appendix"]


@pytest.mark.parametrize("lines, text", [
    (["Trước 30/6/202", "6"], "Trước 30/6/2026"),
    (["Trước 30/9/20", "26"], "Trước 30/9/2026"),
    (["Quý", "IV/202", "5"], "Quý IV/2025"),
    (["Trước ngày 30/6/", "2026"], "Trước ngày 30/6/2026"),
    (["Năm 2026", "2027"], "Năm 2026 2027"),  # a whole year: a word of its own
    (["Tháng 6/2026 -", "12/2026"], "Tháng 6/2026 - 12/2026"),
    (["Ngày 1/2", "2026"], "Ngày 1/2 2026"),  # the digits would make a year of five
    (["30/6/202", "6/7/2026"], "30/6/202 6/7/2026"),  # a date of its own below
    (["Sở Tài chính;", "Sở Nội vụ"], "Sở Tài chính; Sở Nội vụ"),
])
def test_a_date_cut_where_its_cell_ends_is_joined_whole(lines, text):
    """A date wider than its cell is broken where the cell ends ("30/6/202" over "6"): its lines
    are joined with no space; other lines with one."""
    assert cell_text(lines) == text


def test_a_deadline_cut_in_a_narrow_column_reads_whole():
    """The deadline column too narrow for "30/6/2026": its year's last digit on the next line read
    as a separate word ('Trước 30/6/202 6' was not understood as a date)."""
    lines = ["TT   Nội dung                   Chủ trì           Thời hạn",
             "1    Rà soát quy chế phối hợp   Sở Nội vụ         Trước",
             "     giữa các cơ quan                             30/6/202",
             "                                                  6",
             "2    Tổ chức tập huấn           Sở Tư pháp        Quý I/2026"]
    assert [t[4] for t in _tasks(lines)] == ["Trước 30/6/2026", "Quý I/2026"]


def test_a_year_range_a_character_left_of_its_column_goes_on_in_the_cell():
    """Under a row "3.1" whose number fills the first column, the title's lines start a character
    left of its header; a line "2026 - 2030" there is the title's end, not a heading ending the
    table (it starts with a number, as "2. TỔ CHỨC THỰC HIỆN" does)."""
    lines = ["TT   Nhiệm vụ                     Chủ trì            Thời hạn",
             "3    Kiểm tra quy chế phối hợp    Sở Nội vụ          Năm 2026",
             "3.1 Đề xuất chương trình đào     Công an tỉnh       Quý",
             "    tạo kỹ năng số giai đoạn                         I/2026",
             "    2026 - 2030",
             "3.2 Rà soát hệ thống thông tin   Sở Tư pháp         Hằng năm",
             "    báo cáo"]
    assert _tasks(lines) == [
        ("3", "Kiểm tra quy chế phối hợp", ["Sở Nội vụ"], [], "Năm 2026"),
        ("3.1", "Đề xuất chương trình đào tạo kỹ năng số giai đoạn 2026 - 2030", ["Công an tỉnh"], [], "Quý I/2026"),
        ("3.2", "Rà soát hệ thống thông tin báo cáo", ["Sở Tư pháp"], [], "Hằng năm")]


def test_a_name_going_on_in_lower_case_is_not_cut_inside_a_word_group():
    """"Bộ Chỉ huy Bộ Công an tỉnh;" (a lead "Bộ Chỉ huy Bộ" going on below in lower case, "đội Biên
    phòng", one space from the support "Công an tỉnh;"): a split after the head word "Bộ" is to be
    avoided, but not by one before a lower-case word well inside the lead's column ("Bộ Chỉ" |
    "huy Bộ …"); the split where the support column starts stays."""
    run = (35, 62, "Bộ Chỉ huy Bộ Công an tỉnh;")
    assert split_run(run, 49, 49, avoid_cut=True)[0] == "Bộ Chỉ huy Bộ"


def test_a_table_ends_at_the_next_tables_header():
    """A table of indicators whose columns stand where the next table's do: the gutters ran on through
    the heading between them and the task table's header, whose rows were read as the indicators'
    (two narrow tables one under the other). A line of another table's header with text in the first
    column ends it; a row's line holding header words ("… phối hợp …") does not."""
    def line(*cells: str) -> str:
        return "".join(c.ljust(w) for c, w in zip(cells, (18, 24, 19, 17, 12), strict=False)).rstrip()

    lines = [line("  STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2026"),
             line("   1", "Tỷ lệ hồ sơ trực tuyến", "%", "80", "90"),
             line("   2", "Số lớp tập huấn", "lớp", "12", "15"),
             "2. Nhiệm vụ",
             "",
             line("  STT", "Nhiệm vụ", "Đơn vị chủ trì", "Phối hợp", "Thời gian"),
             line("   1", "Hướng dẫn quy chế", "Sở Nội vụ", "Sở Tư pháp", "Quý I/2026"),
             line("", "phối hợp giữa các cơ"),
             line("", "quan"),
             line("   2", "Tổ chức tập huấn", "Sở Tư pháp", "Sở Nội vụ", "Năm 2026")]
    assert aligned_table(lines, 0)[1] == 4  # (the heading read as the indicators' last row)
    assert _tasks(lines) == [
        ("1", "Hướng dẫn quy chế phối hợp giữa các cơ quan", ["Sở Nội vụ"], ["Sở Tư pháp"], "Quý I/2026"),
        ("2", "Tổ chức tập huấn", ["Sở Tư pháp"], ["Sở Nội vụ"], "Năm 2026")]


def test_header_cells_one_space_apart_are_parted_as_the_rows_hold_cells():
    """Three wrapped header cells one space apart ("Phòng, ban Phòng, ban Thời gian" over "chủ trì
    phối hợp thực hiện"), centred over columns whose rows hold three cells there: parted before each
    capital, each column where its rows' text starts (the table was skipped: no header)."""
    lines = ["   TT      Nội dung       Phòng, ban Phòng, ban Thời gian",
             "                          chủ trì    phối hợp   thực hiện",
             "    1      Rà soát hồ     Văn phòng     Phòng Kế    Quý I/2026",
             "            sơ lưu trữ     Sở           hoạch",
             "    2      Số hóa tài     Phòng Kế     Văn phòng   Năm 2026",
             "            liệu           hoạch         Sở"]
    assert _tasks(lines) == [("1", "Rà soát hồ sơ lưu trữ", ["Văn phòng Sở"], ["Phòng Kế hoạch"], "Quý I/2026"),
                             ("2", "Số hóa tài liệu", ["Phòng Kế hoạch"], ["Văn phòng Sở"], "Năm 2026")]


def test_a_header_cell_with_a_capital_inside_is_not_parted():
    """"Ý kiến của Sở" is one header cell: its rows hold one cell under it, not two."""
    from kehoach.parse.aligned_header import header_cells

    lines = ["TT   Nội dung      Chủ trì      Ý kiến của Sở",
             "1    Rà soát       Sở Nội vụ    Đồng ý",
             "2    Số hóa        Sở Tư pháp   Đồng ý với đề xuất"]
    assert [c[2] for c in header_cells(lines, 0)] == ["TT", "Nội dung", "Chủ trì", "Ý kiến của Sở"]


def test_of_two_splits_before_a_capital_the_one_that_overhangs_less_is_taken():
    """"… hợp tác xã kiểu Quý IV/2025": "Quý" three characters before the deadline column, "IV/2025"
    one after; both start a cell's line with a capital, but the part before "IV/2025" runs past the
    title column's widest text. The later space was taken ("… kiểu Quý" | "IV/2025")."""
    run = (6, 51, "Hướng dẫn mô hình hợp tác xã kiểu Quý IV/2025")
    assert split_run(run, 43, 42)[:2] == ("Hướng dẫn mô hình hợp tác xã kiểu", (40, 51, "Quý IV/2025"))


def test_a_header_line_of_two_runs_one_holding_two_cells_opens_a_table():
    """"Số TT Nội dung công việc      Thời gian": three header cells, two of them one space apart, on
    a line of two runs (the table was not found: a line of three cells was looked for)."""
    lines = ["Số TT Nội dung công việc                Thời gian",
             "1     Sở Nội vụ",
             "1.1   Rà soát quy chế phối hợp giữa      Quý I/2026",
             "      các cơ quan",
             "1.2   Tổ chức tập huấn nghiệp vụ         Năm 2026"]
    assert [(t[0], t[1], t[2], t[4]) for t in _tasks(lines)] == [
        ("1.1", "Rà soát quy chế phối hợp giữa các cơ quan", ["Sở Nội vụ"], "Quý I/2026"),
        ("1.2", "Tổ chức tập huấn nghiệp vụ", ["Sở Nội vụ"], "Năm 2026")]


def test_a_second_header_row_between_two_header_cells_adds_columns():
    """Header cells centred over three lines: "Cơ quan thực hiện" above the header line, "Chủ trì"
    and "Phối hợp" under it, between "Nội dung công việc" and "Tiến độ" and under neither. They were
    taken as "Tiến độ"'s second row, the deadline column lost and its dates read as cooperating
    agencies, silently; they are two more columns."""
    lines = ["                                     Cơ quan thực hiện",
             "STT Nội dung công việc                                                Tiến độ",
             "                                     Chủ trì           Phối hợp",
             "",
             "1    Kiểm tra hệ thống thông tin     Sở Nội vụ         Sở Tư pháp       Quý I/2026",
             "     báo cáo",
             "",
             "2    Tổ chức tập huấn nghiệp vụ      Sở Y tế                            2025"]
    assert _tasks(lines) == [("1", "Kiểm tra hệ thống thông tin báo cáo", ["Sở Nội vụ"], ["Sở Tư pháp"], "Quý I/2026"),
                             ("2", "Tổ chức tập huấn nghiệp vụ", ["Sở Y tế"], [], "2025")]



@pytest.mark.parametrize("support", ["Tỉnh đoàn", "Hội Nông dân tỉnh", "Sở Y tế; Tỉnh đoàn", "Hội Cựu chiến binh"])
@pytest.mark.parametrize("phrase, rest", [("Năm 2026 và các", "năm tiếp theo"), ("Quý IV/2026 và", "các năm tiếp theo"),
                                          ("Tháng 9/2026 (báo", "cáo trước 05/10)")])
def test_a_time_word_and_its_number_stay_in_one_cell(phrase, rest, support):
    """A support cell one space from the deadline cell, the deadline's time word ("Năm", "Quý") some
    characters left of its column: the split fell between the word and its number ("Tỉnh đoàn Năm" |
    "2026 và các năm tiếp theo"), a name with a stray word and a deadline cut, with no warning."""
    def line(*cells: str) -> str:
        return "".join(c.ljust(w) for c, w in zip(cells, (6, 24, 14, 20, 12), strict=False)).rstrip()

    lines = [line("STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"),
             line("1", "Tuyên truyền kỹ năng", "Sở Y tế", "Tỉnh đoàn", "Quý II/2026"),
             line("2", "Dạy bơi an toàn cho", "Sở Nội vụ", support + " " + phrase),
             line("", "học sinh", "", "", rest),
             line("3", "Kiểm tra an toàn", "Công an tỉnh", "Sở Tư pháp", "Tháng 9/2026")]
    assert _tasks(lines)[1] == ("2", "Dạy bơi an toàn cho học sinh", ["Sở Nội vụ"], support.split("; "), phrase + " " + rest)


@pytest.mark.parametrize("cells, heads, cut", [
    (["1", "Xây dựng Trung tâm", "Điều chỉnh cơ quan", "Sở Y tế"], ["STT", "Nhiệm vụ", "Nội dung điều chỉnh", "Chủ trì"], False),
    (["1", "Tổ chức hệ thống báo Sở", "Nội vụ", ""], ["TT", "Nội dung", "Đơn vị chủ trì", "Phối hợp"], True),
    (["1", "Rà soát", "Sở Nội vụ; Sở", "Tư pháp"], ["TT", "Nội dung", "Chủ trì", "Cơ quan phối hợp"], True),
    (["1", "Xây dựng Trung tâm", "Điều chỉnh cơ quan", "Sở Y tế"], None, True),
])
def test_a_name_cut_is_looked_for_only_before_a_column_of_agencies(cells, heads, cut):
    """A cell ending in an agency's head word beside the next column's text is a name cut at the split when that
    column holds agencies; a title ending in "Trung tâm" beside a column of other text ("Nội dung điều chỉnh") is
    not (it was split again, "Trung tâm" put in the next column: "Xây dựng" | "Trung tâm Điều chỉnh cơ quan")."""
    from kehoach.parse.aligned_cells import name_cut

    assert name_cut(cells, None, heads) is cut


def test_a_rows_text_far_left_of_its_centred_header_opens_the_row():
    """The title column's header centred over a wide column ("Nội dung" seven characters right of where its
    text starts), the first row's title touching the next two cells (one run across three column starts):
    the row's first line, not a paragraph ending the table (the table was not read: appendix-unread)."""
    lines = ["STT            Nội dung        Mục tiêu          Chủ trì          Thời gian",
             " 1      Tổ chức tập huấn cho 100% cán bộ được Sở Nội vụ        Năm 2026",
             "        cán bộ cấp xã       tập huấn",
             " 2      Rà soát thủ tục hành Hoàn thành      Sở Tư pháp       Quý II/2026",
             "        chính               trong năm"]
    assert _tasks(lines) == [("1", "Tổ chức tập huấn cho cán bộ cấp xã", ["Sở Nội vụ"], [], "Năm 2026"),
                             ("2", "Rà soát thủ tục hành chính", ["Sở Tư pháp"], [], "Quý II/2026")]
