"""Space-aligned tables whose cells are centred vertically: a row's number stands in the middle of
its lines, so lines above the number belong to it (pdftotext -layout of a ruled table)."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.parse.text import read_text

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n\n")

TABLE = [
    "TT   Nội dung                          Chủ trì              Thời hạn",
    "",
    "     Khảo sát nhu cầu đào tạo nghề",
    "1    cho lao động nông thôn            Sở Nội vụ            Quý I/2026",
    "",
    "2    Mở lớp đào tạo nghề ngắn hạn      Sở Giáo dục và Đào   Năm 2026",
    "     cho lao động nông thôn            tạo",
    "",
    "                                  7",
    "\f     Đánh giá kết quả đào tạo nghề",
    "3    và việc làm sau đào tạo           Sở Nội vụ            Quý IV/2026",
    "     của học viên",
]


def rows(lines: list[str]) -> list[list[str]]:
    table = next(b for b in read_text("\n".join(lines)) if b.kind == "table")
    return [[" ".join(c) for c in r.cells] for r in table.rows]


def test_each_run_between_blank_lines_is_one_row():
    assert rows(TABLE)[1:] == [
        ["1", "Khảo sát nhu cầu đào tạo nghề cho lao động nông thôn", "Sở Nội vụ", "Quý I/2026"],
        ["2", "Mở lớp đào tạo nghề ngắn hạn cho lao động nông thôn", "Sở Giáo dục và Đào tạo", "Năm 2026"],
        ["3", "Đánh giá kết quả đào tạo nghề và việc làm sau đào tạo của học viên", "Sở Nội vụ", "Quý IV/2026"],
    ]


def test_top_aligned_rows_are_read_as_before():
    top = ["TT   Nội dung                          Chủ trì              Thời hạn",
           "1    Khảo sát nhu cầu đào tạo nghề     Sở Nội vụ            Quý I/2026",
           "     cho lao động nông thôn",
           "2    Mở lớp đào tạo nghề ngắn hạn      Sở Tài chính         Năm 2026"]
    assert rows(top)[1:] == [["1", "Khảo sát nhu cầu đào tạo nghề cho lao động nông thôn", "Sở Nội vụ", "Quý I/2026"],
                             ["2", "Mở lớp đào tạo nghề ngắn hạn", "Sở Tài chính", "Năm 2026"]]


PACKED = [
    "TT   Nội dung                          Chủ trì              Thời hạn",
    "     Khảo sát nhu cầu đào tạo nghề",
    "1                                      Sở Nội vụ            Quý I/2026",
    "     cho lao động nông thôn",
    "     Mở lớp đào tạo nghề ngắn hạn      Sở Giáo dục và Đào",
    "2                                                           Năm 2026",
    "     cho lao động nông thôn            tạo",
    "     Đánh giá kết quả đào tạo nghề",
    "3    và việc làm sau đào tạo           Sở Nội vụ            Quý IV/2026",
    "     của học viên",
]


def test_centred_rows_with_no_blank_line_between_are_shared_out_about_their_numbers():
    """pdftotext prints a ruled table's centred cells with no blank line between rows, a cell with
    fewer lines than its row half a line down on lines of its own: each cell lies as far above its
    row's number as below it."""
    assert rows(PACKED)[1:] == [
        ["1", "Khảo sát nhu cầu đào tạo nghề cho lao động nông thôn", "Sở Nội vụ", "Quý I/2026"],
        ["2", "Mở lớp đào tạo nghề ngắn hạn cho lao động nông thôn", "Sở Giáo dục và Đào tạo", "Năm 2026"],
        ["3", "Đánh giá kết quả đào tạo nghề và việc làm sau đào tạo của học viên", "Sở Nội vụ", "Quý IV/2026"],
    ]
    plan = extract_bytes((HEAD + "\n".join(PACKED) + "\n").encode(), "plan.txt")
    assert not [w for w in plan["warnings"] if w["code"].startswith("table")]


def test_centred_rows_that_cannot_be_shared_out_are_warned_about():
    """Row 2 set at the top among centred rows: the line under its number could end it or open row 3."""
    packed = [line for line in TABLE if line.strip() and line.strip() != "7"]
    plan = extract_bytes((HEAD + "\n".join(packed) + "\n").encode(), "plan.txt")
    flagged = [w for w in plan["warnings"] if w["code"] == "table-rows-interleaved"]
    assert flagged and {w["loc"]["line"] for w in flagged} <= {t["loc"]["line"] for t in plan["tasks"]}


def test_a_centred_table_reads_whole_in_a_plan():
    plan = extract_bytes((HEAD + "\n".join(TABLE) + "\n").encode(), "plan.txt")
    assert [(t["no"], t["lead"]) for t in plan["tasks"]] == [
        ("1", ["Sở Nội vụ"]), ("2", ["Sở Giáo dục và Đào tạo"]), ("3", ["Sở Nội vụ"])]
    assert not [w for w in plan["warnings"] if w["code"].startswith("table")]


def test_a_table_whose_columns_touch_is_read_by_its_words():
    """pdftotext -layout of a tight ruled table: a cell's line ends where the next column starts on
    another line, so no gutter runs the table's height; the columns are found from where each run
    of text starts, and rows whose lines cannot be shared out between them are warned about."""
    tight = [" TT   Nội dung            Chủ trì         Thời hạn",
             "      Khảo sát nhu cầu đào",
             "      tạo nghề cho lao   Sở Lao động",
             " 1    động nông thôn vùng                 Quý I/2026",
             "      dân tộc thiểu số    Sở Giáo dục và",
             "                         Đào tạo",
             "      Mở lớp đào tạo",
             " 2    nghề ngắn hạn       Sở Nội vụ       Năm 2026",
             "      cho thanh niên"]
    plan = extract_bytes((HEAD + "\n".join(tight) + "\n").encode(), "plan.txt")
    tasks = [t for t in plan["tasks"] if t["source"] == "appendix"]
    assert [(t["no"], t["lead"], t["deadline"]["text"]) for t in tasks] == [
        ("1", ["Sở Giáo dục và Đào tạo"], "Quý I/2026"), ("2", ["Sở Nội vụ"], "Năm 2026")]
    interleaved = [w for w in plan["warnings"] if w["code"] == "table-rows-interleaved"]
    assert interleaved and interleaved[0]["loc"]["line"] == tasks[0]["loc"]["line"]


def test_cells_one_space_apart_are_split_where_the_next_column_starts():
    """A cell's text one space from the next column's ("… ngắn hạn cho Sở Giáo dục và"): the run is
    split at the space before where the next column's text starts on the other lines."""
    lines = ["TT   Nội dung                          Chủ trì              Thời hạn",
             "1    Khảo sát nhu cầu đào tạo nghề     Sở Nội vụ            Quý I/2026",
             "2    Mở lớp đào tạo nghề ngắn hạn cho Sở Giáo dục và        Năm 2026",
             "     lao động nông thôn                Đào tạo",
             "3    Đánh giá kết quả đào tạo nghề     Sở Nội vụ            Quý IV/2026"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["title"], t["lead"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", "Khảo sát nhu cầu đào tạo nghề", ["Sở Nội vụ"], "Quý I/2026"),
                   ("2", "Mở lớp đào tạo nghề ngắn hạn cho lao động nông thôn", ["Sở Giáo dục và Đào tạo"], "Năm 2026"),
                   ("3", "Đánh giá kết quả đào tạo nghề", ["Sở Nội vụ"], "Quý IV/2026")]


def test_a_row_whose_columns_all_touch_is_warned_about_and_the_rows_after_it_are_read():
    """A row's first line whose cells all run together one space apart, its number in the first column and
    its text where the second column starts: a row's line, not a paragraph crossing the columns (the table
    ended there and the rows after it were lost, `table-columns-lost`). Its cells are parted as well as
    they go and the row is warned; the rows after it are read."""
    lines = ["TT   Nội dung                      Chủ trì          Phối hợp          Thời hạn",
             "1    Khảo sát nhu cầu đào tạo      Sở Nội vụ        Sở Tài chính      Quý I/2026",
             "2    Mở lớp đào tạo nghề ngắn hạn cho thanh niên Sở Giáo dục và Đào tạo Sở Tài chính   Năm 2026",
             "3    Đánh giá kết quả đào tạo      Sở Nội vụ        Sở Tài chính      Quý IV/2026",
             "4    Tổng kết việc đào tạo nghề    Sở Nội vụ        Sở Tài chính      Quý IV/2027"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    tasks = [t for t in plan["tasks"] if t["source"] == "appendix"]
    assert [(t["no"], t["lead"], t["deadline"]["text"]) for t in tasks if t["no"] != "2"] == [
        ("1", ["Sở Nội vụ"], "Quý I/2026"), ("3", ["Sở Nội vụ"], "Quý IV/2026"), ("4", ["Sở Nội vụ"], "Quý IV/2027")]
    row = tasks[1]["loc"]["line"]
    assert any(w["code"].startswith("table-") and w["loc"]["line"] == row for w in plan["warnings"])
    assert not any(w["code"] == "table-columns-lost" for w in plan["warnings"])


def test_a_header_with_a_second_row_gives_a_column_to_each_cell_under_it():
    """"Thời gian thực hiện" over "Bắt đầu | Hoàn thành": the two columns under one header cell are
    read apart (start and end), and a cell merged across both ("Thường xuyên") stays whole."""
    lines = ["TT   Nội dung                 Chủ trì          Thời gian thực hiện         Sản phẩm",
             "                                               Bắt đầu       Hoàn thành",
             "1    Khảo sát nhu cầu         Sở Nội vụ        Quý I/2026    Quý III/2026  Báo cáo",
             "2    Mở lớp đào tạo nghề      Sở Tài chính     Tháng 3/2026  Tháng 4/2026  Kế hoạch",
             "3    Đánh giá kết quả         Sở Nội vụ             Thường xuyên           Báo cáo"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["lead"], t["deadline"]["start"], t["deadline"]["end"], t["deadline"]["recurrence"])
           for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", ["Sở Nội vụ"], "2026-01-01", "2026-09-30", None),
                   ("2", ["Sở Tài chính"], "2026-03-01", "2026-04-30", None),
                   ("3", ["Sở Nội vụ"], None, None, "continuous")]


def test_two_header_cells_one_space_apart_are_two_columns():
    """A header line whose cells touch ("Cơ quan phối hợp Thời gian") is parted where a header word
    starts with a capital, so the deadline does not fall into the support column."""
    lines = ["TT    Nội dung công việc             Cơ quan chủ trì     Cơ quan phối hợp Thời gian",
             "1     Triển khai quy chế phối hợp    Sở Giáo dục và      Công an tỉnh; Sở Thường",
             "      giữa các cơ quan               Đào tạo             Công Thương      xuyên",
             "2     Hoàn thiện mô hình hợp tác xã  Sở Xây dựng         Sở Tư pháp       Tháng",
             "      kiểu mới                                                            6/2026"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", ["Sở Giáo dục và Đào tạo"], ["Công an tỉnh", "Sở Công Thương"], "Thường xuyên"),
                   ("2", ["Sở Xây dựng"], ["Sở Tư pháp"], "Tháng 6/2026")]


def test_a_cell_line_ending_in_a_dash_is_parted_from_the_next_column():
    """"Phòng Hành chính -" (the name goes on under it) printed one space from the next column's
    "Các phòng": the run is parted after the dash, where the next column starts, not inside the name."""
    lines = [" TT  Nội dung               Chủ trì            Phối hợp             Thời hạn",
             " 1   Triển khai ký số trên  Phòng Hành chính - Các phòng            Quý I/2026",
             "     văn bản đi             Tổ chức            chuyên môn",
             " 2   Số hóa hồ sơ lưu trữ   Phòng Tổng hợp     Trung tâm Thông tin  Năm 2026"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["lead"], t["support"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", ["Phòng Hành chính - Tổ chức"], ["Các phòng chuyên môn"]),
                   ("2", ["Phòng Tổng hợp"], ["Trung tâm Thông tin"])]


@pytest.mark.parametrize("run, bound, widest, avoid_cut, before", [
    ((63, 86, "Công an tỉnh; Sở Thường"), 80, 79, False, "Công an tỉnh; Sở"),  # "Công Thương" on the line below
    ((32, 56, "Công an tỉnh Sở Xây dựng"), 47, 48, True, "Công an tỉnh"),  # nothing below: not after "Sở"
    ((30, 60, "Văn phòng Ủy ban Trung tâm Y tế"), 46, 47, True, "Văn phòng Ủy"),  # the best split fits the columns
    ((28, 56, "Phòng Hành chính - Các phòng"), 47, 46, False, "Phòng Hành chính -"),
])
def test_a_run_is_parted_after_a_head_word_only_when_the_name_goes_on_below(run, bound, widest, avoid_cut, before):
    """Two spaces near the boundary fit as well ("… tỉnh; Sở Thường"): the later one is taken, unless
    that leaves a head word ending the cell with no name under it (the table reader then asks for
    ``avoid_cut``)."""
    from kehoach.parse.aligned_cells import split_run as _split

    assert _split(run, bound, widest, avoid_cut=avoid_cut)[0] == before


def test_a_name_cut_after_its_head_word_is_kept_whole():
    """"Sở Công Thương Ban Quản lý khu" (lead, support) after a title that runs into the lead column:
    the split that leaves "Ban" ending the lead is not taken, as nothing under it goes on with a name."""
    lines = ["TT    Nội dung công việc                Đơn vị chủ trì   Phối hợp    Sản phẩm",
             "1     Nâng cấp hạ tầng số dùng chung Sở Giáo dục và                  Báo cáo",
             "      cho cán bộ, công chức cấp xã      Đào tạo",
             "2     Xây dựng cơ sở dữ liệu chuyên     Sở Tài chính; Sở             Báo cáo",
             "      ngành                             Nội vụ",
             "3     Tuyên truyền về danh mục dịch Sở Công Thương Ban Quản lý khu   Kế hoạch",
             "      vụ công trực tuyến giai đoạn 2026                  kinh tế"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["lead"], t["support"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", ["Sở Giáo dục và Đào tạo"], []), ("2", ["Sở Tài chính", "Sở Nội vụ"], []),
                   ("3", ["Sở Công Thương"], ["Ban Quản lý khu kinh tế"])]


def test_a_cell_ending_in_a_head_word_is_warned_about():
    """A lead cell ending in "Trung tâm" beside a support cell: the name was cut where the columns
    meet (which column its rest belongs to cannot be told), so the row is warned about."""
    lines = ["TT   Nội dung                   Chủ trì                     Phối hợp                Thời hạn",
             "1    Công bố thủ tục hành chính Văn phòng UBND tỉnh; Trung  Phục vụ hành chính công Quý I/2026",
             "                                tâm                         tỉnh",
             "2    Tiếp nhận hồ sơ trực tuyến Sở Nội vụ                   Sở Tư pháp              Năm 2026"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    cut = [w for w in plan["warnings"] if w["code"] == "agency-cut"]
    assert cut and cut[0]["loc"]["line"] == plan["tasks"][0]["loc"]["line"]


def test_a_numbering_header_wrapped_in_its_narrow_column_is_no_row():
    """"STT" wrapped to "ST" over "T" (and "Cơ quan phối" over "hợp"): the "T" ends the header, it is
    neither a lettered row nor a group row, and the header's cells keep their wrapped words."""
    lines = ["ST   Nội dung                       Đơn vị thực        Cơ quan phối    Thời gian",
             "T                                   hiện               hợp",
             "I    Hoàn thiện thể chế, chính sách",
             "1    Hướng dẫn kế hoạch chuyển      Sở Nông            Công an tỉnh    Hằng",
             "     đổi số                         nghiệp và Môi                      năm",
             "                                    trường",
             "2    Tuyên truyền về quy chế phối   Sở Khoa học        Sở Tư pháp      Năm",
             "     hợp giữa các cơ quan           và Công nghệ                       2027"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", ["Sở Nông nghiệp và Môi trường"], ["Công an tỉnh"], "Hằng năm"),
                   ("2", ["Sở Khoa học và Công nghệ"], ["Sở Tư pháp"], "Năm 2027")]


def test_an_output_header_one_space_from_the_lead_header_is_two_columns():
    """"Hình thức văn Đơn vị chủ trì": the output column's header ("Hình thức văn bản", wrapped) one
    space from the lead's is parted where "Đơn vị" starts."""
    lines = ["STT    Nhiệm vụ                                 Thời gian     Hình thức văn Đơn vị chủ trì",
             "                                                thực hiện     bản",
             "1      Nâng cấp hạ tầng số dùng chung trên      Tháng 6/2026 Quyết định     Sở Tư pháp",
             "       địa bàn tỉnh",
             "2      Hoàn thiện kế hoạch chuyển đổi số        Quý IV/2025 Báo cáo         Sở Y tế"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["lead"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", ["Sở Tư pháp"], "Tháng 6/2026"), ("2", ["Sở Y tế"], "Quý IV/2025")]


def test_an_agency_cell_spilling_into_the_next_row_is_warned_about():
    """A lead merged over rows 2 and 3, printed from the top: "Văn phòng Ủy ban" in row 2 and "nhân dân
    tỉnh" in row 3. Row 3's lead starts in lower case under row 2's, in a table whose cells are set at the top (a
    row's own cell starts on its first line): the rest of row 2's cell, merged down over row 3; both rows read the
    whole name, and both are warned about."""
    lines = ["STT   Nhiệm vụ                            Thời gian     Đơn vị chủ trì",
             "1     Nâng cấp hạ tầng số dùng chung      Năm 2026      Sở Tư pháp",
             "2     Kiểm tra cơ sở dữ liệu chuyên ngành 2026 - 2030   Văn phòng Ủy ban",
             "3     Ban hành cơ chế hỗ trợ doanh nghiệp Quý I/2026    nhân dân tỉnh"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    spilled = [w for w in plan["warnings"] if w["code"] == "table-cell-spilled"]
    assert [w["loc"]["line"] for w in spilled] == [plan["tasks"][1]["loc"]["line"], plan["tasks"][2]["loc"]["line"]]
    assert [t["lead"] for t in plan["tasks"][1:]] == [["Văn phòng Ủy ban nhân dân tỉnh"]] * 2


def test_a_labelled_line_opening_the_next_cell_takes_its_dash():
    """"- Chủ trì: Công an tỉnh" printed one space after the title's line ("… hệ thống thông - Chủ
    trì: …"): the dash opens the combined cell's labelled line, it is not the title's."""
    from kehoach.parse.aligned_cells import split_run

    got = split_run((6, 55, "Tuyên truyền về hệ thống thông - Chủ trì: Công an"), 39, 37)
    assert got[0] == "Tuyên truyền về hệ thống thông" and got[1][2] == "- Chủ trì: Công an"


OFF_SCALE = ["STT        Nội dung công việc                                           Thời hạn",
             "1          Sở Văn hóa, Thể thao và Du lịch",
             "1.1        Xây dựng tiêu chí đánh giá mức độ hài lòng                   2026",
             "1.2        Rà soát quy chế phối hợp giữa các cơ quan                    Năm 2027",
             "\f1.3   Hướng dẫn kế hoạch chuyển đổi số   2026"]


def test_a_row_on_a_page_drawn_to_its_own_scale_is_warned_about():
    """The last row alone on a page pdftotext drew to a smaller scale: its deadline falls inside the
    title's column, two pieces of text far apart; the row is warned about, not read as if right."""
    plan = extract_bytes((HEAD + "\n".join(OFF_SCALE) + "\n").encode(), "plan.txt")
    last = [t for t in plan["tasks"] if t["no"] == "1.3"][0]
    assert [w["code"] for w in plan["warnings"] if w["loc"] and w["loc"]["line"] == last["loc"]["line"]] == ["table-misaligned"]


def test_a_page_opening_with_the_end_of_a_row_out_of_the_columns_is_warned_about():
    """The last row's last line alone at the top of a page drawn to another scale, at the margin:
    it does not fit the columns, so the table ends before it, and the row says so."""
    lines = OFF_SCALE[:4] + ["1.3        Hướng dẫn hạ tầng số dùng chung                              2025",
                             "\ftheo quy định của pháp luật"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    last = [t for t in plan["tasks"] if t["no"] == "1.3"][0]
    assert any(w["code"] == "table-columns-lost" and w["loc"]["line"] == last["loc"]["line"] for w in plan["warnings"])


def test_a_title_filling_its_column_one_space_from_the_deadline_is_no_group_row():
    """"2.2  … giai đoạn 2026 - 2030 Thường xuyên": a number and one run across the deadline column's
    start, but a word of it starts level with that column's header: two cells one space apart, not a
    group's name merged across the row."""
    lines = ["STT        Nội dung công việc                                           Thời gian thực hiện",
             "1          Sở Văn hóa, Thể thao và Du lịch",
             "1.1        Ban hành hệ thống thông tin báo cáo                          Quý IV/2025",
             "1.2        Hoàn thiện mô hình hợp tác xã kiểu mới giai đoạn 2026 - 2030 Thường xuyên",
             "1.3        Kiểm tra quy chế phối hợp giữa các cơ quan                   Hằng năm"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["title"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got[1] == ("1.2", "Hoàn thiện mô hình hợp tác xã kiểu mới giai đoạn 2026 - 2030", "Thường xuyên")
