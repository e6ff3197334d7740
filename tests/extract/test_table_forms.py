"""Table forms the interpreter reads: combined responsibility cells, agency group rows, page-split
tables without a header, two-row headers in scrapes, merged cells in HTML, "same as above"."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.extract.responsibility import read_roles, reads_as_agency

HEAD = "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\nThử\nI. MỤC TIÊU\nMột.\n\n"


def tasks(text: str, name: str = "plan.md") -> list[dict]:
    plan = extract_bytes((HEAD + text).encode("utf-8"), name)
    return [t for t in plan["tasks"] if t["source"] == "appendix"]


@pytest.mark.parametrize("cell,lead,support", [
    ("Sở Y tế (chủ trì); các sở, ngành liên quan", ["Sở Y tế"], ["các sở, ngành liên quan"]),
    ("Sở Y tế (chủ trì), Sở Tài chính (phối hợp)", ["Sở Y tế"], ["Sở Tài chính"]),
    # a remark opening with the role ("(chủ trì tổng hợp)", "(cơ quan thường trực)", "(đầu mối)"): a mark
    ("Ban Dân tộc tỉnh (chủ trì tổng hợp)", ["Ban Dân tộc tỉnh"], []),
    ("Sở Nội vụ (cơ quan thường trực); các sở, ngành", ["Sở Nội vụ"], ["các sở, ngành"]),
    ("Công an tỉnh (đầu mối), Sở Tư pháp (phối hợp thực hiện)", ["Công an tỉnh"], ["Sở Tư pháp"]),
    # leading together ("(đồng chủ trì)": the lead came out 'Sở Nông nghiệp và Môi trường (đồng', silently)
    ("Sở Y tế (đồng chủ trì), Sở Công Thương (đồng chủ trì), Công an tỉnh (phối hợp)",
     ["Sở Y tế", "Sở Công Thương"], ["Công an tỉnh"]),
    ("Sở Nông nghiệp và Môi trường (cùng chủ trì); Công an tỉnh", ["Sở Nông nghiệp và Môi trường"], ["Công an tỉnh"]),
    ("Sở Y tế (Chi cục An toàn vệ sinh thực phẩm)", ["Sở Y tế (Chi cục An toàn vệ sinh thực phẩm)"], []),
    # a remark in brackets in lower case is no part of the name (it was kept in it, silently): the note keeps it
    ("UBND các xã, phường (chủ trì); Sở Giao thông (hướng dẫn kỹ thuật)", ["UBND các xã, phường"], ["Sở Giao thông"]),
    ("Sở Văn hóa, Thể thao và Du lịch (đối với các thư viện)", ["Sở Văn hóa, Thể thao và Du lịch"], []),
    ("Công an tỉnh (PC08)", ["Công an tỉnh (PC08)"], []),
    ("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp", ["Sở Nội vụ"], ["Sở Tư pháp"]),
    # a name after the lead given the work itself ("thực hiện", "chủ động triển khai"), not "phối hợp": it leads too
    ("Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành thực hiện công bố hằng năm",
     ["Sở KH&CN", "Các sở, ngành"], []),
    ("Sở Khoa học và Công nghệ thúc đẩy, theo dõi, báo cáo chỉ tiêu", ["Sở Khoa học và Công nghệ"], []),
    ("Sở Khoa học và Công nghệ Sở Công Thương", ["Sở Khoa học và Công nghệ", "Sở Công Thương"], []),
    ("Doanh nghiệp, nhà cung cấp dịch vụ, nhà đầu tư", ["Doanh nghiệp, nhà cung cấp dịch vụ, nhà đầu tư"], []),
    # a cell that lists one agency a line, its lines joined by a PDF reader: parted at each head
    ("Phòng Tài chính - Kế hoạch Phòng Kinh tế và Hạ tầng UBND các xã",
     ["Phòng Tài chính - Kế hoạch", "Phòng Kinh tế và Hạ tầng", "UBND các xã"], []),
    ("Phòng Kinh tế và Hạ tầng Hội Liên hiệp Phụ nữ huyện Hội Nông dân huyện",
     ["Phòng Kinh tế và Hạ tầng", "Hội Liên hiệp Phụ nữ huyện", "Hội Nông dân huyện"], []),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Huyện đoàn Ủy ban nhân dân các xã, thị trấn",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Huyện đoàn", "Ủy ban nhân dân các xã, thị trấn"], []),
    ("Các thành viên BCĐ huyện UBND các xã, thị trấn", ["Các thành viên BCĐ huyện", "UBND các xã, thị trấn"], []),
    ("UBND các huyện, thị xã, thành phố Công an tỉnh", ["UBND các huyện, thị xã, thành phố", "Công an tỉnh"], []),
    ("Phòng Kinh tế, Hạ tầng và Đô thị Công an phường", ["Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường"], []),
    ("Công ty TNHH MTV Thủy lợi Bắc Nghệ An Công ty TNHH MTV Thủy lợi Nam Nghệ An",
     ["Công ty TNHH MTV Thủy lợi Bắc Nghệ An", "Công ty TNHH MTV Thủy lợi Nam Nghệ An"], []),
    # a police unit ends with the force it belongs to; a branch or corporation names its company
    ("Phòng Cảnh sát giao thông Công an tỉnh", ["Phòng Cảnh sát giao thông Công an tỉnh"], []),
    ("Chi nhánh Công ty Điện lực tỉnh", ["Chi nhánh Công ty Điện lực tỉnh"], []),
    ("Tổng Công ty Điện lực miền Bắc", ["Tổng Công ty Điện lực miền Bắc"], []),
    ("Ban Quản lý khu kinh tế Hải Phòng Liên đoàn Lao động thành phố",
     ["Ban Quản lý khu kinh tế Hải Phòng", "Liên đoàn Lao động thành phố"], []),
    ("Phòng Nghiệp vụ Dược Các đơn vị trực thuộc", ["Phòng Nghiệp vụ Dược", "Các đơn vị trực thuộc"], []),
    ("Các bệnh viện tuyến tỉnh Trạm Y tế các xã, phường, đặc khu",
     ["Các bệnh viện tuyến tỉnh", "Trạm Y tế các xã, phường, đặc khu"], []),
    ("Sở Giáo dục và Đào tạo Báo và Phát thanh, Truyền hình tỉnh",
     ["Sở Giáo dục và Đào tạo", "Báo và Phát thanh, Truyền hình tỉnh"], []),
    ("Trường Trung học cơ sở Tân Lập Đoàn Thanh niên xã", ["Trường Trung học cơ sở Tân Lập", "Đoàn Thanh niên xã"], []),
    ("Công an xã Trưởng các thôn", ["Công an xã", "Trưởng các thôn"], []),
    # … but not inside one name
    ("Ban Thường vụ Đoàn Thanh niên tỉnh", ["Ban Thường vụ Đoàn Thanh niên tỉnh"], []),
    ("Ban Nữ công Liên đoàn Lao động tỉnh", ["Ban Nữ công Liên đoàn Lao động tỉnh"], []),
    ("Ban Quản lý Các khu công nghiệp", ["Ban Quản lý Các khu công nghiệp"], []),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"], []),
    ("Văn phòng UBND tỉnh", ["Văn phòng UBND tỉnh"], []),
    ("Chủ tịch UBND các huyện", ["Chủ tịch UBND các huyện"], []),
    ("Ban Thường vụ Hội Nông dân tỉnh", ["Ban Thường vụ Hội Nông dân tỉnh"], []),
    ("Sở Tài chính thành phố Hải Phòng", ["Sở Tài chính thành phố Hải Phòng"], []),
    ("UBND xã Đoàn Kết", ["UBND xã Đoàn Kết"], []),
])
def test_responsibility_cell(cell, lead, support):
    roles = read_roles(cell, "lead")
    assert (roles.lead, roles.support) == (lead, support)


@pytest.mark.parametrize("text,ok", [
    ("Sở Nông nghiệp và Môi trường", True), ("Ủy ban nhân dân các xã, phường", True), ("Công an tỉnh", True),
    ("Quý II/2026", False), ("2026", False), ("Sở Tài chính và", False), ("Hoàn thiện thể chế", False),
])
def test_reads_as_agency(text, ok):
    assert reads_as_agency(text) is ok


def test_combined_cell_with_role_marks():
    (t,) = tasks("| STT | Nội dung | Cơ quan chủ trì, phối hợp | Thời gian |\n|---|---|---|---|\n"
                 "| 1 | Tiêm chủng | Sở Y tế (chủ trì); các sở, ngành liên quan | 2025 |\n")
    assert (t["lead"], t["support"]) == (["Sở Y tế"], ["Các sở, ngành liên quan"])
    assert t["deadline"]["end"] == "2025-12-31"


def test_agency_group_rows_lead_the_rows_under_them():
    got = tasks("| STT | Nhiệm vụ | Thời gian hoàn thành |\n|---|---|---|\n"
                "| 1 | Sở Nông nghiệp và Môi trường | |\n| 1.1 | Rà soát quy hoạch | 2025 |\n"
                "| 1.2 | Kiểm tra định kỳ | Hằng năm |\n| 2 | Sở Y tế | |\n| 2.1 | Tiêm chủng | Quý II/2026 |\n")
    assert [(t["no"], t["title"], t["lead"]) for t in got] == [
        ("1.1", "Rà soát quy hoạch", ["Sở Nông nghiệp và Môi trường"]),
        ("1.2", "Kiểm tra định kỳ", ["Sở Nông nghiệp và Môi trường"]),
        ("2.1", "Tiêm chủng", ["Sở Y tế"])]
    assert got[0]["group"] == "1. Sở Nông nghiệp và Môi trường"



@pytest.mark.parametrize("group, lead", [
    ("| I | SỞ XÂY DỰNG | |", ["Sở Xây dựng"]),  # a roman group row in capitals
    ("| 1 | SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG | |", ["Sở Nông nghiệp và Môi trường"]),
    ("| II | BỘ CHỈ HUY QUÂN SỰ TỈNH | |", ["Bộ Chỉ huy Quân sự tỉnh"]),
    ("| I | NHÓM NHIỆM VỤ VỀ HẠ TẦNG SỐ | |", []),  # a group of tasks, no agency
])
def test_an_agency_group_row_in_capitals_leads_the_rows_under_it(group, lead):
    """A table with no lead column grouped under agency rows written in capitals ("II | SỞ XÂY DỰNG"):
    the group's agency, in its usual case, leads the rows under it."""
    got = tasks(f"| STT | Nhiệm vụ | Cơ quan phối hợp |\n|---|---|---|\n{group}\n| 1 | Rà soát quy hoạch | Sở Tài chính |\n")
    assert [(t["title"], t["lead"], t["support"]) for t in got] == [("Rà soát quy hoạch", lead, ["Sở Tài chính"])]

def test_table_split_by_a_page_break_without_repeated_header():
    text = ("STT\tNội dung\tChủ trì\tThời gian\n1\tViệc một\tSở A B\t2025\n\nTrang 2\n\n"
            "Đoạn lạc\n\n2\tViệc hai\tSở Tài chính\t2026\n")
    got = tasks(text, "plan.txt")
    assert [t["title"] for t in got] == ["Việc một"]  # a paragraph between: not a continuation
    text = "| STT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Việc một | Sở Y tế | 2025 |\n\n" \
           "| 2 | Việc hai | Sở Tài chính | 2026 |\n|---|---|---|---|\n| 3 | Việc ba | Sở Nội vụ | 2027 |\n"
    got = tasks(text)
    assert [(t["no"], t["lead"]) for t in got] == [("1", ["Sở Y tế"]), ("2", ["Sở Tài chính"]), ("3", ["Sở Nội vụ"])]


def test_scraped_two_row_header():
    rows = [["STT", "Nội dung", "Chủ trì", "Thời gian"], ["Bắt đầu", "Hoàn thành"],
            ["1", "Việc một", "Sở Y tế", "2025", "2026"]]
    text = "\n".join("|\n" + "\n|\n".join(r) + "\n|" for r in rows) + "\n"
    (t,) = tasks(text)
    assert (t["title"], t["lead"], t["deadline"]["start"], t["deadline"]["end"]) == (
        "Việc một", ["Sở Y tế"], "2025-01-01", "2026-12-31")


@pytest.mark.parametrize("top, sub, row, want", [
    (["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian", "Sản phẩm"], ["Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành"],
     ["1", "Việc một", "Sở Y tế", "Sở Tài chính", "Quý I/2026", "Quý III/2026", "Báo cáo"],
     (["Sở Y tế"], ["Sở Tài chính"], "2026-09-30", "Báo cáo")),
    (["STT", "Nội dung", "Thời gian", "Cơ quan thực hiện", "Ghi chú"], ["Bắt đầu", "Kết thúc", "Chủ trì", "Phối hợp"],
     ["1", "Việc một", "Quý I/2026", "Quý III/2026", "Sở Y tế", "Sở Tài chính", "Báo cáo"],
     (["Sở Y tế"], ["Sở Tài chính"], "2026-09-30", None)),
    (["TT", "Nội dung", "Cơ quan thực hiện", "Lộ trình", "Sản phẩm"], ["Chủ trì", "Phối hợp", "2026", "2027", "2028"],
     ["1", "Việc một", "Sở Y tế", "Sở Tài chính", "x", "x", "", "Báo cáo"],
     (["Sở Y tế"], ["Sở Tài chính"], "2027-12-31", "Báo cáo")),
])
def test_scraped_two_row_header_with_two_spanning_cells(top, sub, row, want):
    """A scrape writes the second header row's cells only: those under two spanning cells side by side
    ("Đơn vị thực hiện" over "Chủ trì | Phối hợp", "Thời gian" over "Bắt đầu | Hoàn thành") are parted
    where agencies give way to times (the row's cells were read one column off, its number as the lead)."""
    text = "\n".join("|\n" + "\n|\n".join(r) + "\n|" for r in (top, sub, row)) + "\n"
    (t,) = tasks(text)
    assert (t["title"], t["lead"], t["support"], t["deadline"]["end"], t["output"]) == ("Việc một", *want)


@pytest.mark.parametrize("earlier, amended", [("Theo Kế hoạch số 7/KH-UBND", "Điều chỉnh"),
                                               ("Thời gian cũ", "Thời gian điều chỉnh"),
                                               ("Trước điều chỉnh", "Sau điều chỉnh")])
def test_amending_plan_time_split_into_earlier_and_amended(earlier, amended):
    """A plan amending an earlier one splits the time into the earlier plan's and the amended one: the deadline
    is the amended time (the earlier one was read as the deadline, silently, and the second header row as a
    task); the earlier time is kept in the note."""
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Ghi chú"], [earlier, amended],
            ["1", "Việc một", "Sở Y tế", "Quý II/2026", "Quý IV/2026", "Điều chỉnh thời gian"],
            ["2", "Việc hai", "Sở Nội vụ", "-", "Tháng 9/2026", "Bổ sung mới"]]
    text = "\n".join("|\n" + "\n|\n".join(r) + "\n|" for r in rows) + "\n"
    got = [(t["title"], t["deadline"]["end"], t["note"]) for t in tasks(text)]
    assert got == [("Việc một", "2026-12-31", f"Điều chỉnh thời gian; {earlier}: Quý II/2026"),
                   ("Việc hai", "2026-09-30", f"Bổ sung mới; {earlier}: -")]


def test_scraped_cell_across_start_and_end_columns():
    """A scrape writes a merged cell once: "Thường xuyên" across "Bắt đầu | Hoàn thành" leaves its row one
    cell short at the end column, not at the lead (the row's agencies stay in their columns)."""
    rows = [["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"], ["Bắt đầu", "Hoàn thành"],
            ["1", "Việc một", "Sở Y tế", "Sở Tài chính", "Quý I/2025", "Quý III/2025", "Báo cáo"],
            ["2", "Việc hai", "Sở Nội vụ", "Các thành viên Ban Chỉ đạo", "Thường xuyên", "Báo cáo"]]
    text = "\n".join("|\n" + "\n|\n".join(r) + "\n|" for r in rows) + "\n"
    plan = extract_bytes((HEAD + text).encode("utf-8"), "plan.md")
    got = [(t["lead"], t["support"], t["deadline"]["text"], t["deadline"]["recurrence"], t["output"]) for t in plan["tasks"]]
    assert got == [(["Sở Y tế"], ["Sở Tài chính"], "Quý I/2025 - Quý III/2025", None, "Báo cáo"),
                   (["Sở Nội vụ"], ["Các thành viên Ban Chỉ đạo"], "Thường xuyên", "continuous", "Báo cáo")]
    assert any(w["code"] == "table-realigned" and "start and end" in w["message"] for w in plan["warnings"])


def test_html_merged_cells():
    html = ("<html><body><p>Số: 5/KH-UBND</p><p>KẾ HOẠCH</p><p>Thử</p><h2>I. TỔ CHỨC THỰC HIỆN</h2><table>"
            "<tr><th rowspan=2>STT</th><th rowspan=2>Nội dung</th><th rowspan=2>Chủ trì</th><th colspan=2>Thời gian</th></tr>"
            "<tr><th>Bắt đầu</th><th>Hoàn thành</th></tr>"
            "<tr><td colspan=5>I. Hoàn thiện thể chế</td></tr>"
            "<tr><td>1</td><td>Việc &lt; 2 tháng</td><td rowspan=2>Sở Y tế</td><td>2025</td><td>2026</td></tr>"
            "<tr><td>2</td><td>Việc hai</td><td>2025</td><td>2027</td></tr></table></body></html>")
    got = [t for t in extract_bytes(html.encode("utf-8"), "p.html")["tasks"] if t["source"] == "appendix"]
    assert [(t["title"], t["lead"], t["deadline"]["end"], t["group"]) for t in got] == [
        ("Việc < 2 tháng", ["Sở Y tế"], "2026-12-31", "I. Hoàn thiện thể chế"),
        ("Việc hai", ["Sở Y tế"], "2027-12-31", "I. Hoàn thiện thể chế")]


def test_numbered_row_with_only_a_title_heads_its_sub_rows():
    """"1 | Hoàn thiện cơ chế | | |" over "1.1", "1.2" is their group, not a task with no lead; the group ends at
    the next row not numbered under it; a numbered row with a lead over its sub-rows stays a task."""
    got = tasks("| STT | Nhiệm vụ | Chủ trì | Thời hạn |\n|---|---|---|---|\n| 1 | Hoàn thiện cơ chế, chính sách | | |\n"
                "| 1.1 | Xây dựng tiêu chí | Sở Y tế | 2026 |\n| 1.2 | Rà soát chính sách | Sở Tài chính | 2027 |\n"
                "| 2 | Nhân rộng mô hình | Sở Nội vụ | 2028 |\n| 2.1 | Mô hình cấp xã | | |\n")
    assert [(t["no"], t["group"], t["lead"]) for t in got] == [
        ("1.1", "1. Hoàn thiện cơ chế, chính sách", ["Sở Y tế"]), ("1.2", "1. Hoàn thiện cơ chế, chính sách", ["Sở Tài chính"]),
        ("2", None, ["Sở Nội vụ"]), ("2.1", None, ["Sở Nội vụ"])]


def test_same_as_above_and_sub_rows_carry_down():
    got = tasks("| STT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Việc một | Sở Y tế | 2025 |\n"
                "| 1.1 | Việc con | | |\n| 2 | Việc hai | nt | 2026 |\n")
    assert [(t["no"], t["lead"], t["deadline"]["end"]) for t in got] == [
        ("1", ["Sở Y tế"], "2025-12-31"), ("1.1", ["Sở Y tế"], "2025-12-31"), ("2", ["Sở Y tế"], "2026-12-31")]


def codes(text: str, name: str = "plan.md") -> list[str]:
    return [w["code"] for w in extract_bytes((HEAD + text).encode("utf-8"), name)["warnings"]]


def test_shifted_row_is_warned_about():
    text = "| STT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Việc một | 2025 | Sở Tài chính |\n"
    assert "table-misaligned" in codes(text)


def test_lead_that_is_no_name_is_warned_about():
    text = "| STT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Việc một | Sở Tài chính và | 2025 |\n"
    assert "lead-not-agency" in codes(text)


def test_announced_appendix_that_is_missing():
    assert "appendix-unread" in codes("II. NHIỆM VỤ\n\nThực hiện các nhiệm vụ tại Phụ lục kèm theo.\n")
    table = "| STT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Việc một | Sở Tài chính | 2025 |\n"
    assert "appendix-unread" not in codes("II. NHIỆM VỤ\n\nThực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\n" + table)


def test_borderless_pdf_table_across_a_page_break():
    """A task table printed without ruling lines (LibreOffice export of a Word table with no
    borders), its row 4 cut by the page break and no header repeated on page 2."""
    from pathlib import Path

    data = (Path(__file__).resolve().parent / "files" / "borderless-task-table.pdf").read_bytes()
    got = [t for t in extract_bytes(data, "borderless.pdf")["tasks"] if t["source"] == "appendix"]
    assert [t["no"] for t in got] == ["1", "2", "3", "4", "5", "6", "7", "7.1", "7.2", "8"]
    four = got[3]
    assert (four["title"], four["lead"], four["support"], four["deadline"]["text"]) == (
        "Hướng dẫn hệ thống thông tin báo cáo gắn với nhu cầu thực tiễn của địa phương",
        ["Sở Tài chính", "Sở Nông nghiệp và Môi trường"], ["Sở Giáo dục và Đào tạo"], "Quý IV/2025")
    assert got[0]["group"] == "I. Ứng dụng công nghệ"


BORDERLESS_SAMPLE = "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh"


def _borderless_pair() -> tuple[list[dict], list[dict]]:
    """The text sample's golden appendix tasks, and those read from its Word rendition printed with
    no ruling line (tests/extract/files, made by scripts/make_fixtures.py --borderless)."""
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parent.parent
    golden = yaml.safe_load((root / "golden" / f"{BORDERLESS_SAMPLE}.yaml").read_text(encoding="utf-8"))
    plan = extract_bytes((root / "extract" / "files" / f"{BORDERLESS_SAMPLE}-borderless.pdf").read_bytes(), "b.pdf")
    return ([t for t in golden["tasks"] if t["source"] == "appendix"],
            [t for t in plan["tasks"] if t["source"] == "appendix"])


def test_borderless_rendition_of_a_sample_gives_the_text_samples_plan():
    """Forty rows over ten landscape pages with no ruling line: the header repeated on each page,
    rows cut by page breaks, a running header, combined "- CQ chủ trì: … / - CQ phối hợp: …" cells,
    codes cut after their hyphen ("QĐ-" / "UBND"): the text sample's tasks, every field."""
    want, got = _borderless_pair()
    key = [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in want]
    assert [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in got] == key


_INDICATORS = "| TT | Chỉ tiêu | Chủ trì |\n|---|---|---|\n| 1 | Kinh tế số chiếm 45% GRDP | Sở Tài chính |\n"


@pytest.mark.parametrize("title, end", [
    ("PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU ĐẾN NĂM 2030", "2030-12-31"),
    ("DANH MỤC NHIỆM VỤ GIAI ĐOẠN 2026 - 2030", "2030-12-31"),
    ("KẾ HOẠCH THỰC HIỆN NĂM 2026", "2026-12-31"),
    ("DANH MỤC NHIỆM VỤ NĂM 2026 CỦA CÁC SỞ", None),  # the time is not where the title ends
    ("PHÂN CÔNG NHIỆM VỤ", None),
])
def test_rows_with_no_deadline_column_take_the_titles_horizon(title, end):
    """A table with no deadline column under a title that ends with a time: its rows take that
    time, and a warning (with the table's loc) says so."""
    plan = extract_bytes((HEAD + f"**PHỤ LỤC**\n\n{title}\n\n*(Kèm theo Kế hoạch số 12/KH-UBND ngày 5/3/2024)*\n\n"
                          + _INDICATORS).encode("utf-8"), "plan.md")
    got = [t for t in plan["tasks"] if t["source"] == "appendix"]
    assert [t["deadline"]["end"] for t in got] == [end]
    flagged = [w for w in plan["warnings"] if w["code"] == "deadline-from-title"]
    assert bool(flagged) is (end is not None) and all(w["loc"] for w in flagged)


def test_a_deadline_column_is_not_overridden_by_the_title():
    text = ("**PHỤ LỤC**\n\nNHIỆM VỤ ĐẾN NĂM 2030\n\n| TT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n"
            "| 1 | Việc một | Sở Y tế | |\n| 2 | Việc hai | Sở Y tế | 2026 |\n")
    got = tasks(text)
    assert [t["deadline"]["end"] for t in got] == [None, "2026-12-31"]
    assert "deadline-from-title" not in codes(text)


def test_two_agencies_leading_together_in_one_cell():
    got = tasks("| STT | Nội dung | Cơ quan thực hiện | Thời gian |\n|---|---|---|---|\n"
                "| 1 | Giám sát an toàn thực phẩm | Sở Y tế, Sở Nông nghiệp và Môi trường (đồng chủ trì); Công an tỉnh | Hằng quý |\n")
    assert [(t["lead"], t["support"]) for t in got] == [(["Sở Y tế", "Sở Nông nghiệp và Môi trường"], ["Công an tỉnh"])]


@pytest.mark.parametrize("times, rows", [(["07h30 - 08h00", "08h00 - 08h15", "8 giờ 15"], 0),
                                         (["14:00", "14:30 - 15:00", ""], 0),
                                         (["Tháng 3/2026", "Quý II/2026", "Năm 2026"], 3)])
def test_event_running_order_by_the_clock_is_no_task_table(times, rows):
    """An event plan's programme ("Thời gian | Nội dung | Đơn vị thực hiện" with clock times) says who does what at
    the ceremony: no task (each row was a task, its lead the one who speaks); a table of dates is one."""
    lines = ["| Thời gian | Nội dung | Đơn vị thực hiện |", "|---|---|---|"]
    lines += [f"| {t} | Việc số {k} của buổi lễ | Sở Văn hóa, Thể thao và Du lịch |" for k, t in enumerate(times, 1)]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode("utf-8"), "plan.md")
    assert len(plan["tasks"]) == rows
    assert not [w for w in plan["warnings"] if w["code"] in ("coverage-low", "appendix-unread")]


@pytest.mark.parametrize("earlier, amended", [("Thời gian theo Kế hoạch số 7/KH-UBND", "Thời gian kéo dài đến"),
                                               ("Thời hạn cũ", "Thời hạn điều chỉnh"),
                                               ("Thời gian đã giao", "Thời gian gia hạn")])
def test_amended_time_in_a_column_of_its_own(earlier, amended):
    """The earlier and the amended time as two columns with headers of their own: the first was read as the
    deadline, silently; the amended one is, the earlier one goes to the note."""
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", earlier, amended, "Lý do"],
            ["1", "Việc một", "Sở Y tế", "Quý IV/2025", "Quý II/2027", "Chờ quy hoạch"]]
    text = "\n".join("|\n" + "\n|\n".join(r) + "\n|" for r in rows) + "\n"
    (t,) = tasks(text)
    assert (t["deadline"]["end"], t["note"]) == ("2027-06-30", f"{earlier}: Quý IV/2025; Lý do: Chờ quy hoạch")


def test_commune_desk_and_civil_servant_columns():
    """A commune's table heads its agency columns "Bộ phận tham mưu" / "Bộ phận phối hợp" and names civil servants by
    post: the lead column was not found (no lead, warned) and such leads did not read as names."""
    rows = [["TT", "Nội dung công việc", "Bộ phận tham mưu", "Bộ phận phối hợp", "Thời gian hoàn thành"],
            ["1", "Niêm yết thủ tục hành chính", "Bộ phận Một cửa", "Công chức Văn phòng - Thống kê", "Tháng 3/2024"],
            ["2", "Rà soát hồ sơ đất đai", "Công chức Địa chính - Xây dựng", "Bộ phận Một cửa", "Trước 30/6/2024"]]
    text = "\n".join("|\n" + "\n|\n".join(r) + "\n|" for r in rows) + "\n"
    plan = extract_bytes((HEAD + text).encode("utf-8"), "plan.md")
    assert [(t["lead"], t["support"]) for t in plan["tasks"]] == [
        (["Bộ phận Một cửa"], ["Công chức Văn phòng - Thống kê"]),
        (["Công chức Địa chính - Xây dựng"], ["Bộ phận Một cửa"])]
    assert not [w for w in plan["warnings"] if w["code"] in ("lead-not-agency", "task-without-lead")]


@pytest.mark.parametrize("time", ["Quý II/2026", "Trước ngày 30/6/2026", "Thường xuyên", "Năm 2026"])
def test_time_in_the_support_column_of_a_row_moved_left_is_the_deadline(time):
    """A scrape lost an empty support cell: the row's time stood in the support column, its deadline column empty,
    and was read as a cooperating agency with no deadline, silently."""
    text = ("| STT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | Việc một | Sở Y tế | Sở Tài chính | Quý I/2026 |\n"
            f"| 2 | Việc hai | Sở Nội vụ | {time} | |\n")
    plan = extract_bytes((HEAD + text).encode("utf-8"), "plan.md")
    second = plan["tasks"][1]
    assert (second["lead"], second["support"], second["deadline"]["text"]) == (["Sở Nội vụ"], [], time)
    assert [w["loc"]["line"] for w in plan["warnings"] if w["code"] == "table-row-shifted"] == [second["loc"]["line"]]


def test_support_naming_agencies_and_a_time_stays_support():
    text = ("| STT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | Việc một | Sở Y tế | Sở Tài chính, Sở Nội vụ | |\n")
    assert "table-row-shifted" not in codes(text)


@pytest.mark.parametrize("note, support", [
    ("Phối hợp: Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"]),
    ("Phối hợp với Bảo hiểm xã hội tỉnh", ["Bảo hiểm xã hội tỉnh"]),
    ("Đơn vị phối hợp: Phòng Kế hoạch - Tài chính; Văn phòng Sở", ["Phòng Kế hoạch - Tài chính", "Văn phòng Sở"]),
    # a remark is no support: one naming no agency, one naming agencies in a sentence
    ("Nhiệm vụ chuyển tiếp từ năm 2025", []),
    ("Phối hợp chặt chẽ với Kho bạc Nhà nước khu vực", []),
    ("Phối hợp thực hiện theo hướng dẫn của Bộ", []),
])
def test_cooperating_agencies_named_in_the_note_of_a_table_with_no_support_column(note, support):
    """A table with no support column names who cooperates in its "Ghi chú" cells ("Phối hợp: Sở A"): the support was
    left empty, silently (held-out h119); a plain remark stays a note only."""
    rows = tasks("PHỤ LỤC\n\n| STT | Nội dung công việc | Sản phẩm | Đơn vị chủ trì | Thời gian hoàn thành | Ghi chú |\n"
                 "|---|---|---|---|---|---|\n"
                 f"| 1 | Thẩm định hồ sơ đề nghị công nhận | Quyết định | Phòng Nghiệp vụ Y | Quý III/2026 | {note} |\n")
    assert [(t["lead"], t["support"], t["note"]) for t in rows] == [(["Phòng Nghiệp vụ Y"], support, note)]


def test_a_note_naming_agencies_beside_a_support_column_is_no_support():
    rows = tasks("PHỤ LỤC\n\n| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Ghi chú |\n|---|---|---|---|---|---|\n"
                 "| 1 | Thẩm định hồ sơ đề nghị | Sở Y tế | Sở Tư pháp | Quý III/2026 | Phối hợp: Sở Tài chính |\n")
    assert [(t["lead"], t["support"]) for t in rows] == [(["Sở Y tế"], ["Sở Tư pháp"])]


MATRIX = ("PHỤ LỤC\n\n| STT | Nhiệm vụ | Thời gian hoàn thành | Cơ quan thực hiện | | |\n|---|---|---|---|---|---|\n"
          "| | | | Sở Nội vụ | Sở KH&CN | UBND các xã, phường |\n")


@pytest.mark.parametrize("marks, lead, support", [
    (("PH", "CT", ""), ["Sở Khoa học và Công nghệ"], ["Sở Nội vụ"]),
    (("CT", "", "PH"), ["Sở Nội vụ"], ["Ủy ban nhân dân các xã, phường"]),
    (("Phối hợp", "Phối hợp", "Chủ trì"), ["Ủy ban nhân dân các xã, phường"], ["Sở Nội vụ", "Sở Khoa học và Công nghệ"]),
    (("ct", "ph", "ph"), ["Sở Nội vụ"], ["Sở Khoa học và Công nghệ", "Ủy ban nhân dân các xã, phường"]),
])
def test_a_matrix_of_agency_columns_marked_ct_and_ph(marks, lead, support):
    """One column per agency under "Cơ quan thực hiện", each row's cell "CT" (chủ trì) or "PH" (phối hợp): the lead
    and support are the marked columns' agencies (the marks were read as the lead's name, 'CT' and 'PH', and the
    second header row as a task: held-out h120)."""
    rows = tasks(MATRIX + f"| 1 | Rà soát, đơn giản hóa thủ tục hành chính nội bộ | Quý II/2026 | {' | '.join(marks)} |\n")
    assert [(t["no"], t["lead"], t["support"]) for t in rows] == [("1", lead, support)]


def test_a_matrix_row_with_no_role_mark_has_no_lead_and_says_so():
    plan = extract_bytes((HEAD + MATRIX + "| 1 | Rà soát, đơn giản hóa thủ tục | Quý II/2026 | x | | |\n").encode("utf-8"), "plan.md")
    assert [t["lead"] for t in plan["tasks"] if t["source"] == "appendix"] == [[]]
    assert "task-without-lead" in {w["code"] for w in plan["warnings"]}
