"""A space-aligned table over pages each drawn to its own offset (``pdftotext -layout`` starts a page
further left or right than the one before): the columns are taken again from the header repeated on
each page, and a page's first lines (before a row number) go on with the row above."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n\n")

PAGE1 = [
    "     TT                      Nhiệm vụ                Cơ quan chủ trì          Cơ quan phối hợp        Thời gian thực hiện",
    "      1             Rà soát quy trình cấp phép Sở Xây dựng                 Sở Tài chính; Sở Tư pháp     Quý I/2024",
    "                    xây dựng nhà ở riêng lẻ",
    "      2             Số hóa hồ sơ đất đai trên      Sở Tài nguyên và Môi     Sở Nội vụ                    Năm 2024",
    "                    địa bàn toàn tỉnh              trường",
    "      3             Tập huấn cho cán bộ công       Sở Nội vụ                Các sở, ban, ngành;          Hằng năm",
]
PAGE2 = [
    "TT            Nhiệm vụ                 Cơ quan chủ trì         Cơ quan phối hợp          Thời gian thực hiện",
    "     chức cấp xã về kỹ năng                                 UBND các huyện",
    "     số và an toàn thông tin",
    "     trên môi trường mạng",
    "4    Kiểm tra việc thực hiện        Thanh tra tỉnh           Sở Tư pháp               Hằng quý",
    "     thủ tục hành chính tại",
    "     các cơ quan, đơn vị",
    "5    Tổng hợp kết quả thực hiện     Văn phòng UBND tỉnh      Các sở, ban, ngành       Tháng 12/2024",
    "     báo cáo Ủy ban nhân dân",
    "     tỉnh",
]
TASKS = [
    ("1", "Rà soát quy trình cấp phép xây dựng nhà ở riêng lẻ", ["Sở Xây dựng"], "Quý I/2024"),
    ("2", "Số hóa hồ sơ đất đai trên địa bàn toàn tỉnh", ["Sở Tài nguyên và Môi trường"], "Năm 2024"),
    ("3", "Tập huấn cho cán bộ công chức cấp xã về kỹ năng số và an toàn thông tin trên môi trường mạng",
     ["Sở Nội vụ"], "Hằng năm"),
    ("4", "Kiểm tra việc thực hiện thủ tục hành chính tại các cơ quan, đơn vị", ["Thanh tra tỉnh"], "Hằng quý"),
    ("5", "Tổng hợp kết quả thực hiện báo cáo Ủy ban nhân dân tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"], "Tháng 12/2024"),
]


def _plan(page2: list[str]) -> dict:
    text = HEAD + "\n".join(PAGE1) + "\n\f" + "\n".join(page2) + "\n\f"
    return extract_bytes(text.encode(), "plan-layout.txt")


def _tasks(plan: dict) -> list[tuple]:
    return [(t["no"], t["title"], t["lead"], t["deadline"]["text"]) for t in plan["tasks"]]


def test_a_page_set_further_left_with_a_narrow_number_column_keeps_its_rows():
    """The second page's header starts at the margin and its rows' text five columns in, left of the
    centred "Nhiệm vụ": the lines before row 4 end row 3, and no row is lost or left untitled."""
    plan = _plan(PAGE2)
    assert _tasks(plan) == TASKS
    assert not [w for w in plan["warnings"] if w["code"] == "table-columns-lost"]


@pytest.mark.parametrize("k", range(-6, 7))
def test_a_page_shifted_by_k_columns_reads_the_same(k):
    """The second page set ``k`` columns right of six in (left when ``k`` is below zero)."""
    assert _tasks(_plan([" " * (6 + k) + line for line in PAGE2])) == TASKS


def test_a_numbered_heading_after_a_repeated_header_ends_the_table():
    """A heading with its number in the first column ends the table even before the page's first
    row (only un-numbered lines there go on with the row above)."""
    page2 = [*PAGE2[:4], "III. TỔ CHỨC THỰC HIỆN", "", "Các sở, ngành triển khai thực hiện Kế hoạch này."]
    plan = _plan(page2)
    assert [t for t in _tasks(plan) if t[0] != "III"] == TASKS[:3]  # (III: the paragraph's own task)
    assert [s["number"] for s in plan["sections"]][-1] == "III"


REPEATED = [
    "     TT            Nhiệm vụ       Đơn vị chủ trì     Đơn vị phối     Thời gian",
    "                                                         hợp",
    "      1         Rà soát, bổ        Sở Giáo dục        Sở Nội vụ    Tháng 9/2026",
    "                sung nhân viên      và Đào tạo",
    "      2         Tổng kết công      Sở Giáo dục         Sở Y tế     Cuối năm học",
    "                tác y tế trường     và Đào tạo                     (tháng 5/2027)",
    "\f     TT            Nhiệm vụ       Đơn vị chủ trì   Đơn vị phối     Thời gian",
    "                                                      hợp",
    "              học năm học",
    "              2026 - 2027",
]


@pytest.mark.parametrize("shift", [0, 2])
def test_a_header_repeated_on_the_next_page_is_no_row(shift):
    """The header (with its wrapped 'hợp') repeated at the top of page 2, then the end of row 2's
    title: the header was read as a row 'TT' holding that end, row 2's title cut at 'trường' with
    no warning on it."""
    page2 = [line[:1] + " " * shift + line[1:] if line.startswith("\f") else " " * shift + line for line in REPEATED[6:]]
    text = HEAD + "\n".join(REPEATED[:6] + page2) + "\n"
    plan = extract_bytes(text.encode(), "plan-layout.txt")
    assert [(t["no"], t["title"]) for t in plan["tasks"]] == [
        ("1", "Rà soát, bổ sung nhân viên"), ("2", "Tổng kết công tác y tế trường học năm học 2026 - 2027")]


def test_the_row_above_going_on_under_a_repeated_header_is_not_skipped():
    """The first header has a group heading under it before the first row number (counted as a
    header line), and the header repeated on page 2 has no line under it: the row above's next line
    was skipped as the repeated header's second line ('Kinh phí … cứu' + 'thiểu 2%.', silently)."""
    lines = ["TT                              Chỉ tiêu                         Chủ trì",
             "                                I. Kinh tế số",
             "1                               Kinh tế số chiếm 45% GRDP        Sở Tài chính",
             "                                tỉnh.",
             "2                               Kinh phí chi cho nghiên cứu      Sở Tài chính",
             "\fTT   Chỉ tiêu                           Chủ trì",
             "     phát triển (R&D)/GRDP tối",
             "     thiểu 2%.",
             "3    Tỷ trọng đào tạo các ngành         Sở Giáo dục và Đào tạo"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan-layout.txt")
    assert [t["title"] for t in plan["tasks"]][1] == "Kinh phí chi cho nghiên cứu phát triển (R&D)/GRDP tối thiểu 2%."


def test_a_header_repeated_with_a_cell_over_two_is_read_by_its_line():
    """The header repeated on the next page at its own scale, "Thời gian" over "Bắt đầu | Kết thúc" on its second
    line: read as a band of lines, its three cells there were three columns, one too many, and the page's row was
    cut at the first page's columns ("Tổng kết, đánh Văn" | "phòng Sở Các phòng," …, warned). Read by its line
    and its second row, as the first header is, the page has columns of its own."""
    from kehoach import extract_bytes

    head = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
            "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n\n")
    lines = [" STT          Tên hoạt động        Đơn vị chủ trì     Đơn vị phối hợp               Thời gian"
             "                  Địa điểm",
             "                                                                         Bắt đầu                Kết thúc",
             "  1          Hội thi tuyên        Trung tâm Văn       Phòng Quản lý      03/2026                04/2026"
             "      Công viên",
             "             truyền lưu động      hóa tỉnh            văn hóa",
             "  2          Giải chạy việt       Sở Nội vụ           Tỉnh đoàn          05/2026                05/2026"
             "      Quảng trường",
             "             dã",
             "\fSTT    Tên hoạt động      Đơn vị chủ trì   Đơn vị phối hợp               Thời gian              Địa điểm",
             "                                                               Bắt đầu               Kết thúc",
             " 3    Tổng kết, đánh      Văn phòng Sở     Các phòng, đơn vị   12/2026               12/2026    Trụ sở Sở",
             "      giá các hoạt động                        thuộc Sở",
             "      năm 2026"]
    plan = extract_bytes((head + "\n".join(lines) + "\n").encode(), "plan.txt")
    got = [(t["no"], t["title"], t["lead"], t["support"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got[-1] == ("3", "Tổng kết, đánh giá các hoạt động năm 2026", ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"])
