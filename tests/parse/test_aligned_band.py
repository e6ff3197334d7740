"""A space-aligned table whose header is centred over several lines (``pdftotext -layout`` of a
printed table whose header cells hold one to three lines, centred vertically: no line holds every
cell), and cells set a character or two left of their column."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.parse.aligned_band import header_band
from kehoach.parse.aligned_cells import line_cells
from kehoach.parse.aligned_header import runs_of

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n\n")

ROWS = [
    "1       Rà soát quy chế phối hợp giữa các cơ quan      Sở Nội vụ         Quý I/2026",
    "2       Tổ chức tập huấn kỹ năng số                    Sở Tư pháp        Năm 2027",
]
TASKS = [("1", "Rà soát quy chế phối hợp giữa các cơ quan", ["Sở Nội vụ"], "Quý I/2026"),
         ("2", "Tổ chức tập huấn kỹ năng số", ["Sở Tư pháp"], "Năm 2027")]

BANDS = {
    "deadline over and under": [
        "                                                                         Thời gian",
        "TT      Nội dung                                       Chủ trì",
        "                                                                         hoàn thành",
    ],
    "lead and deadline over and under": [
        "                                                       Đơn vị            Thời gian",
        "TT      Nhiệm vụ, giải pháp",
        "                                                       chủ trì           thực hiện",
    ],
    "number column 'ST' over 'T'": [
        "ST                                                     Cơ quan           Thời",
        "        Tên nhiệm vụ",
        "T                                                      chủ trì           hạn",
    ],
    "number column 'Số' over 'TT'": [
        "Số                                                     Đơn vị            Tiến độ",
        "        Nhiệm vụ",
        "TT                                                     thực hiện",
    ],
    "number column one space from the task column (was: the band not read, 'Chủ trì' and 'Thời gian' mixed)": [
        "                                                                         Thời",
        "STT Nội dung                                           Chủ trì",
        "                                                                         gian",
    ],
    "four lines": [
        "                                                                         Thời",
        "                                                       Cơ quan           gian",
        "STT     Nội dung công việc",
        "                                                       chủ trì           thực",
        "                                                                         hiện",
    ],
}


def _tasks(text: str) -> list[tuple]:
    plan = extract_bytes((HEAD + text + "\n").encode(), "plan.txt")
    return [(t["no"], t["title"], t["lead"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]


@pytest.mark.parametrize("name", BANDS)
@pytest.mark.parametrize("blank", [False, True])
def test_a_header_centred_over_several_lines_is_read(name, blank):
    """No line of the header holds three cells (was: no table, appendix-unread), or the line that
    does leaves out a cell above or below it; read whole, with or without a blank line under it."""
    assert _tasks("\n".join(BANDS[name] + [""] * blank + ROWS)) == TASKS


def test_the_columns_headers_take_every_line_of_the_band():
    lines = BANDS["number column 'ST' over 'T'"] + ROWS
    band = header_band(lines, 0)
    assert band is not None and (band.first, band.last) == (0, 2)
    assert sorted(band.labels.values()) == ["Cơ quan chủ trì", "ST T", "Thời hạn", "Tên nhiệm vụ"]


def test_a_cell_over_two_columns_heads_them_both():
    """'Cơ quan thực hiện' over 'Chủ trì | Phối hợp', one space from 'Phối hợp': the two columns stay
    apart (it was taken as one column's header with 'Chủ trì')."""
    band = ["                                                       Cơ quan thực hiện",
            "TT      Nội dung                                                                        Thời gian",
            "                                                       Chủ trì           Phối hợp   hoàn thành"]
    rows = ["1       Rà soát quy chế phối hợp giữa các cơ quan      Sở Nội vụ         Sở Y tế    Quý I/2026"]
    plan = extract_bytes((HEAD + "\n".join(band + rows) + "\n").encode(), "plan.txt")
    assert [(t["no"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"]] == \
        [("1", ["Sở Nội vụ"], ["Sở Y tế"], "Quý I/2026")]


@pytest.mark.parametrize("above", [
    "Các cơ quan thực hiện nhiệm vụ tại Phụ lục kèm theo, báo cáo kết quả về Sở Nội vụ.",  # a paragraph
    "Kèm theo Kế hoạch số 12/KH-UBND",  # text with no header word over the header's columns
])
def test_a_line_of_text_right_above_is_no_part_of_the_band(above):
    lines = [above, *BANDS["deadline over and under"], *ROWS]
    assert header_band(lines, 0) is None


def test_text_with_no_row_after_it_is_no_band():
    lines = BANDS["deadline over and under"] + ["", "Nội dung này do các cơ quan chủ trì thực hiện."]
    assert header_band(lines, 0) is None


def test_a_header_centred_over_several_lines_repeated_on_the_next_page():
    """The band repeated at the top of page 2, drawn two columns further left, with the next row's
    title above its number: the band is no row, the row keeps its title and deadline (the deadline
    was read into the title: 'Hoàn thiện … giai Quý IV/2025 đoạn 2026 - 2030', silently)."""
    band = BANDS["lead and deadline over and under"]
    page2 = ["\f" + band[0][2:], band[1], band[2][2:],
             "      Hoàn thiện quy chế phối hợp giữa các cơ quan giai",
             "3                                                   Sở Y tế           Quý IV/2025",
             "      đoạn 2026 - 2030"]
    assert _tasks("\n".join(band + ROWS + page2)) == TASKS + [
        ("3", "Hoàn thiện quy chế phối hợp giữa các cơ quan giai đoạn 2026 - 2030", ["Sở Y tế"], "Quý IV/2025")]


@pytest.mark.parametrize("shift", [1, 2])
@pytest.mark.parametrize("deadline", ["Thường xuyên", "Quý IV/2025", "2026 - 2030"])
def test_a_deadline_set_left_of_its_column_on_the_number_line(shift, deadline):
    """Cells centred: the row's number and its deadline on the middle line, the title's lines above
    and below. The deadline a character or two left of its header: it was read as a group's name
    over merged cells, the title cut in two around it, the deadline lost with no warning."""
    lines = ["STT     Tên nhiệm vụ                                  Thời gian",
             "1       Rà soát quy chế phối hợp giữa các cơ quan     Năm 2027",
             "        Tổ chức tập huấn kỹ năng số cho cán bộ",
             "2" + " " * (53 - shift) + deadline,
             "        công chức cấp xã"]
    assert _tasks("\n".join(lines))[1] == ("2", "Tổ chức tập huấn kỹ năng số cho cán bộ công chức cấp xã", [], deadline)


@pytest.mark.parametrize("deadline", ["Thường xuyên", "Tháng 6/2026", "Quý IV/2025"])
def test_a_deadline_two_characters_left_of_its_column_one_space_after_the_title(deadline):
    """'… trên địa bàn tỉnh Thường xuyên': the title's line runs up to a space before the deadline,
    which starts two characters left of its header; read as a group row ("1.1" over merged cells),
    the deadline joined to the title."""
    lines = ["STT        Tên nhiệm vụ                                                  Thời gian",
             "1          Sở Y tế",
             "1.1        Rà soát danh mục dịch vụ công trực tuyến                      Quý I/2026",
             "1.2        Xây dựng danh mục dịch vụ công trực tuyến trên địa bàn tỉnh " + deadline]
    assert _tasks("\n".join(lines))[1] == ("1.2", "Xây dựng danh mục dịch vụ công trực tuyến trên địa bàn tỉnh",
                                           ["Sở Y tế"], deadline)


@pytest.mark.parametrize("start", [54, 55])
def test_a_run_starting_just_left_of_a_boundary_and_running_past_it_is_the_next_column(start):
    """'2026 - 2030' one or two characters left of its column, too wide to end before the boundary:
    the line was lost (no split fits a range), cutting the table there."""
    runs = runs_of("1.2" + " " * (start - 3) + "2026 - 2030")
    assert line_cells(runs, [8, 56], [3, 58, 68]) == ["1.2", "", "2026 - 2030"]


def test_a_table_of_one_row_under_a_band_is_no_table_of_one_cell_a_line():
    """'Thời gian    Cơ quan thực hiện' (two runs far apart) opening the band was taken for the first
    cell of a table written one cell a line: its row was read as text, its number lost."""
    band = ["                                                       Thời gian    Cơ quan thực hiện",
            "STT     Nội dung",
            "                                                       hoàn thành   Chủ trì           Phối hợp"]
    rows = ["        Tổ chức tập huấn kỹ năng số",
            "1                                                      2025         Sở Nội vụ         Sở Y tế",
            "        cho cán bộ, công chức cấp xã"]
    plan = extract_bytes((HEAD + "\n".join(band + rows) + "\n").encode(), "plan.txt")
    assert [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"]] == \
        [("1", "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã", ["Sở Nội vụ"], ["Sở Y tế"], "2025")]


def test_a_cell_over_two_columns_of_a_band_makes_a_second_header_row():
    """'Thời gian thực hiện' over 'Bắt đầu | Hoàn thành', above the line of the other cells: the
    columns under it are the deadline's start and end (left out, they were two columns of no use)."""
    band = ["                                                 Thời gian thực hiện",
            "TT      Nội dung                 Chủ trì                                 Sản phẩm",
            "                                                 Bắt đầu     Hoàn thành"]
    rows = ["1       Khảo sát nhu cầu         Sở Nội vụ       Quý I/2026  Quý III/2026  Báo cáo",
            "2       Mở lớp đào tạo nghề      Sở Tài chính    Tháng 3/2026  Tháng 4/2026  Kế hoạch"]
    plan = extract_bytes((HEAD + "\n".join(band + rows) + "\n").encode(), "plan.txt")
    assert [(t["no"], t["lead"], t["deadline"]["start"], t["deadline"]["end"]) for t in plan["tasks"]] == \
        [("1", ["Sở Nội vụ"], "2026-01-01", "2026-09-30"), ("2", ["Sở Tài chính"], "2026-03-01", "2026-04-30")]


def test_a_rows_cell_opening_above_its_number_under_the_header_is_no_header_line():
    """A narrow printed table, its header centred over three lines ("T" over "T"), its cells centred: the first
    row's lead opens two lines above the header's last line's next row ("Đài Phát" over "thanh và"). Those lines
    were read as the header's ("Chủ trì Đài Phát thanh và"), the lead column's geometry taken from them, and the
    title and lead read as one cell."""
    lines = ["T                                      Cơ quan     Thời",
             "    Nhiệm vụ              Chủ trì",
             "T                                      phối hợp    gian",
             "                          Đài Phát",
             "                          thanh và",
             "    Nâng cấp hệ thống     Truyền       Sở Khoa",
             "    thông tin báo cáo cho hình tỉnh;   học và",
             "1                                                  2026",
             "    cán bộ, công chức     Sở Văn       Công",
             "    cấp xã                hóa, Thể     nghệ",
             "                          thao và",
             "                          Du lịch",
             "                          Sở Giáo",
             "                          dục và",
             "    Hướng dẫn kế hoạch Đào tạo;        Các cơ",
             "    chuyển đổi số gắn     Liên hiệp    quan, đơn",
             "2                                                  2025",
             "    với nhu cầu thực tiễn các Hội      vị liên",
             "    của địa phương        Khoa học     quan",
             "                          và Kỹ",
             "                          thuật",
             "                          Sở Văn",
             "    Nâng cấp chương                                Trước",
             "                          hóa, Thể",
             "3   trình đào tạo kỹ năng              Sở Y tế     30/6/2",
             "                          thao và",
             "    số                                             026",
             "                          Du lịch",
             "    Ban hành chương",
             "                                       Các cơ",
             "    trình đào tạo kỹ năng Bảo hiểm",
             "                                       quan, đơn",
             "4   số gắn với nhu cầu    xã hội                   2026",
             "                                       vị liên",
             "    thực tiễn của địa     tỉnh",
             "                                       quan",
             "    phương"]
    band = header_band(lines, 0)
    assert band is not None and band.last == 2
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    assert [(t["no"], t["title"], t["lead"], t["support"]) for t in plan["tasks"] if t["source"] == "appendix"] == [
        ("1", "Nâng cấp hệ thống thông tin báo cáo cho cán bộ, công chức cấp xã",
         ["Đài Phát thanh và Truyền hình tỉnh", "Sở Văn hóa, Thể thao và Du lịch"], ["Sở Khoa học và Công nghệ"]),
        ("2", "Hướng dẫn kế hoạch chuyển đổi số gắn với nhu cầu thực tiễn của địa phương",
         ["Sở Giáo dục và Đào tạo", "Liên hiệp các Hội Khoa học và Kỹ thuật"], ["Các cơ quan, đơn vị liên quan"]),
        ("3", "Nâng cấp chương trình đào tạo kỹ năng số", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Y tế"]),
        ("4", "Ban hành chương trình đào tạo kỹ năng số gắn với nhu cầu thực tiễn của địa phương", ["Bảo hiểm xã hội tỉnh"],
         ["Các cơ quan, đơn vị liên quan"])]


@pytest.mark.parametrize("band, labels", [
    (["Số Nhiệm vụ, giải pháp      Đơn vị thực Đơn vị phối Thời",
      "TT                          hiện        hợp          gian"],
     ["Số TT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian"]),
    (["Số Nhiệm vụ, giải pháp              Cơ quan thực hiện                Tiến   Kết",
      "TT                                  Chủ trì             Phối hợp     độ     quả"],
     ["Số TT", "Nhiệm vụ, giải pháp", "Cơ quan thực hiện Chủ trì", "Phối hợp", "Tiến độ", "Kết quả"]),
])
def test_header_cells_one_space_apart_over_their_second_lines_are_parted(band, labels):
    """Header cells one space apart on the band's first line, each over its own second line ("Đơn vị phối Thời"
    over "hợp | gian"; "Số Nhiệm vụ" over "TT"): the run was taken for text over two columns with no header word
    of its own, and the band was no header (the table not read, `appendix-unread`), or "Số Nhiệm vụ, giải pháp"
    one cell. (The second: "Cơ quan thực hiện" over "Chủ trì | Phối hợp" is not yet told from one column's words.)"""
    lines = [*band, "1  Hướng dẫn quy chế phối hợp   Sở Tài chính Các sở, ngành   2026 -", "   giữa các cơ quan"]
    found = header_band(lines, 0)
    assert found is not None and list(found.labels.values()) == labels
