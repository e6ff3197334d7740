"""Table layouts, including ones no seed shows."""

from __future__ import annotations

import pytest

from kehoach.extract.tables import header_to_fields, table_to_tasks
from kehoach.parse.text import read_text


def tasks_of(text):
    (table,) = [b for b in read_text(text) if b.kind == "table"]
    tasks, warnings = table_to_tasks(table, 1, None, "appendix")
    return tasks, warnings


def test_columns_in_any_order_and_reworded_repeated_header():
    text = (
        "Thời hạn\tĐơn vị phối hợp\tTT\tĐơn vị chủ trì\tNội dung công việc\tKết quả\n"
        "Quý I/2025\tSở Tài chính\t1\tSở Y tế\tXây dựng đề án\tĐề án\n"
        "\n"
        "Thời gian thực hiện\tCơ quan phối hợp\tSTT\tCơ quan chủ trì\tNhiệm vụ\tSản phẩm\n"
        "Hằng năm\t\t2\tSở Nội vụ\tTổng kết\tBáo cáo\n"
    )
    tasks, warnings = tasks_of(text)
    assert [(t["no"], t["title"], t["lead"], t["support"], t["output"], t["deadline"]["text"]) for t in tasks] == [
        ("1", "Xây dựng đề án", ["Sở Y tế"], ["Sở Tài chính"], "Đề án", "Quý I/2025"),
        ("2", "Tổng kết", ["Sở Nội vụ"], [], "Báo cáo", "Hằng năm"),
    ]
    assert warnings == []


def test_group_rows_by_roman_number_and_by_label():
    text = (
        "STT\tNội dung\tChủ trì\tThời hạn\n"
        "I\tHoàn thiện thể chế\t\t\n"
        "1\tBan hành quy chế\tSở Tư pháp\t2025\n"
        "Nhóm nhiệm vụ về hạ tầng\t\t\t\n"
    )
    tasks, _ = tasks_of(text)
    assert tasks[0]["group"] == "I. Hoàn thiện thể chế"


def test_label_group_row_without_number():
    text = (
        "STT\tNội dung\tChủ trì\tThời hạn\n"
        "\tNhóm nhiệm vụ về hạ tầng\t\t\n"
        "1\tNâng cấp đường\tSở Xây dựng\t2025\n"
    )
    tasks, _ = tasks_of(text)
    assert [(t["group"], t["title"]) for t in tasks] == [("Nhóm nhiệm vụ về hạ tầng", "Nâng cấp đường")]


def test_continuation_row_without_page_break_is_joined_with_a_warning():
    text = "STT\tNội dung\tChủ trì\n1\tXây dựng\tSở A\n\tđề án\t\n"
    tasks, warnings = tasks_of(text)
    assert tasks[0]["title"] == "Xây dựng đề án"
    assert [w["code"] for w in warnings] == ["table-row-joined"]


@pytest.mark.parametrize("first, rest, want", [
    ("Sở Tư pháp", "Bưu điện tỉnh", ["Sở Tư pháp", "Bưu điện tỉnh"]),  # a sub-row's own agency (fused into one before)
    ("Sở Văn hóa, Thể thao", "và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),  # a name's rest in lower case
    ("Sở Lao động -", "Thương binh và Xã hội", ["Sở Lao động - Thương binh và Xã hội"]),  # after an open end
    ("Sở Y tế và các", "Bệnh viện tỉnh", ["Sở Y tế và các Bệnh viện tỉnh"]),  # after a connector word
    # a place name's rest in upper case names no body: it goes on (held-out h17 parted 'Truyền hình Quảng' / 'Ninh', silently)
    ("Báo và Phát thanh, Truyền hình Quảng", "Ninh", ["Báo và Phát thanh, Truyền hình Quảng Ninh"]),
])
def test_a_row_with_no_number_keeps_an_agency_of_its_own_apart(first, rest, want):
    """A row with no number under a numbered one (its number and task merged with the row above, or a row a
    page break cut): a support cell starting in upper case under a closed one is another agency."""
    text = f"STT\tNội dung\tChủ trì\tPhối hợp\n1\tXây dựng đề án\tSở Nội vụ\t{first}\n\t\tSở Y tế\t{rest}\n"
    tasks, warnings = tasks_of(text)
    assert (tasks[0]["lead"], tasks[0]["support"]) == (["Sở Nội vụ", "Sở Y tế"], want)
    assert [w["code"] for w in warnings] == ["table-row-joined"]


def test_combined_column_split_and_unlabelled_warned():
    text = (
        "TT\tNhiệm vụ\tCơ quan chủ trì/ Cơ quan phối hợp\n"
        "1\tViệc A\t- CQ chủ trì: Sở Y tế - CQ phối hợp: Sở Tài chính, các đơn vị liên quan\n"
        "2\tViệc B\tSở Nội vụ\n"
        "3\tViệc C\tSở KH&CN/ Sở Tài chính, Sở Nội vụ\n"
        "4\tViệc D\tSở Y tế / Sở Nội vụ / Sở Tư pháp\n"
    )
    tasks, warnings = tasks_of(text)
    assert tasks[0]["lead"] == ["Sở Y tế"] and tasks[0]["support"] == ["Sở Tài chính", "Các đơn vị liên quan"]
    assert tasks[1]["lead"] == ["Sở Nội vụ"]
    # one slash mirrors the header's "chủ trì/ phối hợp"
    assert (tasks[2]["lead"], tasks[2]["support"]) == (["Sở Khoa học và Công nghệ"], ["Sở Tài chính", "Sở Nội vụ"])
    # several slashes: no reading is sure, everything stays lead and the user is told
    assert tasks[3]["support"] == []
    assert [w["message"][:9] for w in warnings if w["code"] == "combined-column-unlabelled"] == ["task A1.2", "task A1.4"]


def test_fused_row_split_again_after_page_break():
    text = (
        "TT\tNhiệm vụ\tThời gian\tChủ trì\n"
        "1\tThực hiện công tác giải phóng mặt bằng, tạo điều kiện\tThường\tUBND các huyện\n"
        "TT\tNhiệm vụ\tThời gian\tChủ trì\n"
        "2\t<p>thuận lợi cho nhà đầu tư</p> <p>Rà soát dịch vụ công</p>\txuyên Hằng năm\t<p></p> <p>Sở Nội vụ</p>\n"
    )
    tasks, warnings = tasks_of(text)
    assert tasks[0]["title"] == "Thực hiện công tác giải phóng mặt bằng, tạo điều kiện thuận lợi cho nhà đầu tư"
    assert tasks[0]["deadline"]["recurrence"] == "continuous"
    assert (tasks[1]["title"], tasks[1]["deadline"]["text"], tasks[1]["lead"]) == ("Rà soát dịch vụ công", "Hằng năm", ["Sở Nội vụ"])
    assert [w["code"] for w in warnings] == ["table-row-split"]


def test_unparsed_deadline_and_missing_lead_are_warned():
    text = "STT\tNội dung\tChủ trì\tThời hạn\n1\tViệc A\t\tkhi nào xong\n"
    tasks, warnings = tasks_of(text)
    assert tasks[0]["deadline"] == {"text": "khi nào xong", "start": None, "end": None, "recurrence": None}
    assert sorted(w["code"] for w in warnings) == ["deadline-unparsed", "task-without-lead"]


def test_table_without_header_is_reported_not_guessed():
    text = "a\tb\tc\n1\t2\t3\n"
    tasks, warnings = tasks_of(text)
    assert tasks == [] and [w["code"] for w in warnings] == ["table-no-header"]


def test_header_detection():
    assert header_to_fields([["STT"], ["Nội dung, nhiệm vụ"], ["Đơn vị chủ trì"], ["Đơn vị phối hợp"], ["Thời gian hoàn thành"]]) == {
        0: "no", 1: "title", 2: "lead", 3: "support", 4: "deadline"}
    assert header_to_fields([["1"], ["Triển khai Đề án"], ["Sở Công Thương"]]) is None
    # the advising agency leads; a roadmap or a year of completion is the time
    assert header_to_fields([["STT"], ["Hoạt động"], ["Cơ quan tham mưu"], ["Cơ quan phối hợp"], ["Lộ trình thực hiện"]]) == {
        0: "no", 1: "title", 2: "lead", 3: "support", 4: "deadline"}
    assert header_to_fields([["TT"], ["Danh mục nhiệm vụ"], ["Đơn vị chủ trì"], ["Năm hoàn thành"]]) == {
        0: "no", 1: "title", 2: "lead", 3: "deadline"}
    # a list of documents to draft: the document's name is the task ("Tên văn bản" read as an extra column:
    # every row a task with no title), its form the output, the issuing body an extra column, not an agency
    assert header_to_fields([["TT"], ["Tên văn bản"], ["Hình thức văn bản"], ["Cơ quan chủ trì soạn thảo"],
                             ["Cơ quan phối hợp"], ["Cấp ban hành"], ["Thời gian trình"]]) == {
        0: "no", 1: "title", 2: "output", 3: "lead", 4: "support", 5: "extra:Cấp ban hành", 6: "deadline"}


def test_table_without_a_number_column():
    text = ("Nội dung\tĐơn vị thực hiện\tThời gian thực hiện\tGhi chú\n"
            "Tổ chức Ngày Sách\tSở Văn hóa, Thể thao và Du lịch\tTháng 4/2024\t\n"
            "Bổ sung sách cho thư viện\tUBND các huyện\tQuý III/2024\tNguồn xã hội hóa\n"
            "cấp xã và thôn bản\t\t\t\n")
    tasks, warnings = tasks_of(text)
    assert [(t["no"], t["title"], t["lead"], t["note"]) for t in tasks] == [
        (None, "Tổ chức Ngày Sách", ["Sở Văn hóa, Thể thao và Du lịch"], None),
        (None, "Bổ sung sách cho thư viện cấp xã và thôn bản", ["Ủy ban nhân dân các huyện"], "Nguồn xã hội hóa"),
    ]
    assert [t["id"] for t in tasks] == ["A1.1", "A1.2"]


def test_two_row_header_with_start_and_end_columns():
    text = (
        "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian thực hiện\tThời gian thực hiện\n"
        "\t\t\tBắt đầu\tHoàn thành\n"
        "1\tXây dựng kho dữ liệu\tSở Tài chính\t01/2025\tQuý IV/2025\n"
        "2\tKhảo sát\tSở Nội vụ\t15/3/2025\t\n"
    )
    tasks, warnings = tasks_of(text)
    assert [(t["title"], t["deadline"]["text"], t["deadline"]["start"], t["deadline"]["end"]) for t in tasks] == [
        ("Xây dựng kho dữ liệu", "01/2025 - Quý IV/2025", "2025-01-01", "2025-12-31"),
        ("Khảo sát", "15/3/2025", "2025-03-15", None),
    ]
    assert warnings == []


def test_two_row_header_agencies_spanning_lead_and_support():
    text = (
        "TT\tNội dung\tCơ quan thực hiện\t\tThời hạn\n"
        "\t\tChủ trì\tPhối hợp\t\n"
        "1\tRà soát thủ tục\tSở Tư pháp\tSở Nội vụ, Văn phòng UBND tỉnh\tQuý II/2025\n"
    )
    tasks, _ = tasks_of(text)
    assert [(t["lead"], t["support"], t["deadline"]["end"]) for t in tasks] == [
        (["Sở Tư pháp"], ["Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh"], "2025-06-30")]


def test_columns_without_a_model_field_are_kept_in_the_note():
    text = (
        "STT\tNội dung\tChủ trì\tKinh phí (triệu đồng)\tNguồn vốn\tGhi chú\n"
        "1\tNâng cấp cổng dịch vụ công\tSở Khoa học và Công nghệ\t500\tNgân sách tỉnh\tƯu tiên\n"
        "2\tTập huấn\tSở Nội vụ\t\t\t\n"
    )
    tasks, warnings = tasks_of(text)
    assert [t["note"] for t in tasks] == ["Ưu tiên; Kinh phí (triệu đồng): 500; Nguồn vốn: Ngân sách tỉnh", None]
    assert warnings == []


def test_indicator_table_rows_become_targets_per_year_column():
    from kehoach.extract.indicators import table_to_indicator_targets

    text = (
        "STT\tChỉ tiêu\tĐơn vị tính\tThực hiện năm 2024\tNăm 2023\tNăm 2025\tMục tiêu 2030\n"
        "1\tTỷ lệ che phủ rừng\t%\t63\t62\t63,5\t65 - 66\n"
        "I\tXã hội\t\t\t\t\t\n"
        "2\tSố xã đạt chuẩn nông thôn mới\txã\t100\t90\t≥ 110\t\n"
        "3\tSố hợp tác xã\t\t\t\t\t120\n"
    )
    (table,) = [b for b in read_text(text) if b.kind == "table"]
    got = [(t["indicator"], t["comparator"], t["value"], t["value_max"], t["unit"], t["year"])
           for t in table_to_indicator_targets(table, plan_year=2025)]
    # "Thực hiện năm 2024" reports a result and 2023 comes before the plan: neither is a target
    assert got == [
        ("Tỷ lệ che phủ rừng", "eq", 63.5, None, "%", 2025),
        ("Tỷ lệ che phủ rừng", "range", 65.0, 66.0, "%", 2030),
        ("Số xã đạt chuẩn nông thôn mới", "ge", 110.0, None, "xã", 2025),
        ("Số hợp tác xã", "eq", 120.0, None, None, 2030),
    ]


def test_indicator_years_on_a_second_header_row_and_task_tables_left_alone():
    from kehoach.extract.indicators import table_to_indicator_targets

    text = ("TT\tChỉ tiêu\tĐVT\tMục tiêu\t\n\t\t\t2025\t2030\n1\tTỷ lệ hộ nghèo\t%\tdưới 2\tdưới 1\n")
    (table,) = [b for b in read_text(text) if b.kind == "table"]
    assert [(t["comparator"], t["value"], t["year"]) for t in table_to_indicator_targets(table)] == [
        ("lt", 2.0, 2025), ("lt", 1.0, 2030)]
    tasks_table = "STT\tNội dung\tChủ trì\tThời hạn\n1\tRà soát\tSở Tư pháp\t2025\n"
    (table,) = [b for b in read_text(tasks_table) if b.kind == "table"]
    assert table_to_indicator_targets(table) == []


def test_lettered_rows_under_a_numbered_title_row_and_agencies_in_a_sentence():
    """A numbered row holding only a title heads the lettered rows under it (a, b restart in each);
    a lettered row is data even when its cells read like header words ("chủ trì", "phối hợp", "Kết quả")."""
    text = (
        "TT\tNội dung công việc\tĐơn vị thực hiện\tThời gian hoàn thành\tKết quả/sản phẩm\n"
        "1\tCải cách thể chế\t\t\t\n"
        "a\tRà soát văn bản quy phạm pháp luật\tSở Tư pháp chủ trì; các sở, ngành phối hợp\tQuý I/2026\tKết quả rà soát\n"
        "b\tKiểm tra văn bản\tSở Tư pháp chủ trì, phối hợp với Văn phòng UBND tỉnh\tQuý II/2026\tBáo cáo\n"
        "2\tCải cách tài chính công\t\t\t\n"
        "a)\tGiao quyền tự chủ cho đơn vị sự nghiệp\tSở Tài chính\tNăm 2026\tQuyết định giao\n"
    )
    tasks, _ = tasks_of(text)
    assert [(t["no"], t["group"], t["title"], t["lead"], t["support"]) for t in tasks] == [
        ("a", "1. Cải cách thể chế", "Rà soát văn bản quy phạm pháp luật", ["Sở Tư pháp"], ["Các sở, ngành"]),
        ("b", "1. Cải cách thể chế", "Kiểm tra văn bản", ["Sở Tư pháp"], ["Văn phòng Ủy ban nhân dân tỉnh"]),
        ("a)", "2. Cải cách tài chính công", "Giao quyền tự chủ cho đơn vị sự nghiệp", ["Sở Tài chính"], []),
    ]


def test_a_list_of_projects_is_a_task_table_and_its_total_row_no_task():
    text = (
        "TT\tTên dự án, công trình\tĐơn vị chủ trì\tThời gian thực hiện\tKinh phí (triệu đồng)\n"
        "1\tNâng cấp kè chống sạt lở bờ sông\tBan Quản lý dự án tỉnh\t2026 - 2027\t15.000\n"
        "2\tXây dựng trạm quan trắc\tChi cục Thủy lợi\tQuý III/2026\t2.400\n"
        "\tTổng cộng\t\t\t17.400\n"
    )
    tasks, warnings = tasks_of(text)
    assert [(t["title"], t["lead"], t["deadline"]["end"], t["note"]) for t in tasks] == [
        ("Nâng cấp kè chống sạt lở bờ sông", ["Ban Quản lý dự án tỉnh"], "2027-12-31", "Kinh phí (triệu đồng): 15.000"),
        ("Xây dựng trạm quan trắc", ["Chi cục Thủy lợi"], "2026-09-30", "Kinh phí (triệu đồng): 2.400"),
    ]
    assert warnings == []


def test_a_task_with_no_title_column_is_warned():
    text = "TT\tTên gói thầu\tChủ trì\tThời hạn\n1\tGói thầu số 1\tSở Xây dựng\t2026\n"
    tasks, warnings = tasks_of(text)
    assert tasks[0]["title"] is None and "task-without-title" in [w["code"] for w in warnings]


def test_years_marked_under_a_roadmap_header_give_the_time():
    """"Lộ trình thực hiện" over one column per year, a row marked "x" in the years it runs."""
    text = (
        "TT\tNhiệm vụ\tCơ quan chủ trì\tLộ trình thực hiện\t\t\t\n"
        "\t\t\t2026\t2027\t2028\t2029\n"
        "1\tRà soát mạng lưới trường nghề\tSở Giáo dục và Đào tạo\tx\tx\t\t\n"
        "2\tXây dựng cơ sở dữ liệu\tSở Nội vụ\t\t\tx\t\n"
        "3\tĐào tạo giáo viên\tSở Giáo dục và Đào tạo\tx\t\tx\t\n"
    )
    tasks, warnings = tasks_of(text)
    assert [(t["deadline"]["text"], t["deadline"]["start"], t["deadline"]["end"]) for t in tasks] == [
        ("2026 - 2027", "2026-01-01", "2027-12-31"), ("2028", "2028-01-01", "2028-12-31"),
        ("2026, 2028", "2026-01-01", "2028-12-31")]
    assert warnings == []
    # years under a column that names no time are not a roadmap
    plain = "TT\tNhiệm vụ\tChủ trì\tKinh phí\t\n\t\t\t2026\t2027\n1\tRà soát\tSở Nội vụ\t100\t200\n"
    assert tasks_of(plain)[0][0]["deadline"]["end"] is None


@pytest.mark.parametrize("over, quarters, text1, end1", [
    ("Thời gian thực hiện năm 2026", "Quý I\tQuý II\tQuý III\tQuý IV", "Quý I/2026, Quý II/2026", "2026-06-30"),
    ("Tiến độ năm 2027", "Q1\tQ2\tQ3\tQ4", "Quý I/2027, Quý II/2027", "2027-06-30"),
    ("Thời gian thực hiện (năm 2026)", "Quý 1\tQuý 2\tQuý 3\tQuý 4", "Quý I/2026, Quý II/2026", "2026-06-30"),
])
def test_quarters_marked_under_a_time_header_give_the_time(over, quarters, text1, end1):
    """"… năm 2026" over one column per quarter, a row marked "x" in the quarters it runs: from the start of
    the first to the end of the last (one quarter; two apart; all four)."""
    text = (
        f"TT\tNội dung\tĐơn vị chủ trì\t{over}\t\t\t\tKinh phí\n"
        f"\t\t\t{quarters}\t\n"
        "1\tSản xuất ấn phẩm quảng bá\tTrung tâm Xúc tiến du lịch\tx\tx\t\t\t100\n"
        "2\tKhảo sát chất lượng dịch vụ\tPhòng Quản lý lữ hành\t\tx\t\tx\t200\n"
        "3\tCập nhật cơ sở dữ liệu\tVăn phòng Sở\tx\tx\tx\tx\t300\n"
    )
    tasks, warnings = tasks_of(text)
    year = end1[:4]
    assert [(t["deadline"]["text"], t["deadline"]["start"], t["deadline"]["end"]) for t in tasks] == [
        (text1, f"{year}-01-01", end1),
        (f"Quý II/{year}, Quý IV/{year}", f"{year}-04-01", f"{year}-12-31"),
        (f"Quý I/{year}, Quý II/{year}, Quý III/{year}, Quý IV/{year}", f"{year}-01-01", f"{year}-12-31")]
    assert [t["note"] for t in tasks] == ["Kinh phí: 100", "Kinh phí: 200", "Kinh phí: 300"]
    assert warnings == []


def test_months_marked_under_a_time_header_with_no_year_are_warned():
    """Month columns under a time header that gives no year: the months are kept as the deadline's text, unread."""
    text = ("TT\tNội dung\tChủ trì\tThời gian thực hiện\t\t\n\t\t\tTháng 1\tTháng 2\tTháng 3\n"
            "1\tTuyên truyền\tSở Y tế\t\tx\tx\n")
    tasks, warnings = tasks_of(text)
    assert tasks[0]["deadline"]["text"] == "Tháng 2, Tháng 3" and tasks[0]["deadline"]["end"] is None
    assert "deadline-unparsed" in [w["code"] for w in warnings]


def test_a_plan_issued_in_december_for_next_year_reads_the_year_ending_as_a_baseline():
    """A plan for "năm 2026" issued in December 2025: its indicator table's "Năm 2025" column reports the
    year ending, only "Năm 2026" holds targets (both columns were read as targets, silently)."""
    from kehoach import extract_bytes
    from kehoach.extract.appendix import plan_first_year

    assert plan_first_year("2025-12-26", "Công tác phổ cập giáo dục năm 2026") == 2026
    assert plan_first_year("2025-12-20", "Phát triển du lịch giai đoạn 2026 - 2030") == 2026
    assert plan_first_year("2026-03-01", "Chuyển đổi số đến năm 2030") == 2026
    assert plan_first_year("2026-03-01", "Thực hiện Nghị quyết năm 2025") == 2026  # never before its issue
    assert plan_first_year(None, "Kế hoạch năm 2026") is None
    text = ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA\n\nSố: 12/KH-UBND\n\nThanh Hóa, ngày 26 tháng 12 năm 2025\n\n"
            "KẾ HOẠCH\n\nPhổ cập giáo dục năm 2026\n\nI. MỤC ĐÍCH\n\nNâng cao chất lượng.\n\n"
            "PHỤ LỤC\n\nCHỈ TIÊU NĂM 2026\n\n"
            "STT\tChỉ tiêu\tĐơn vị tính\tNăm 2025\tNăm 2026\n"
            "1\tTỷ lệ trẻ em 5 tuổi hoàn thành chương trình mầm non\t%\t99,6\t99,8\n"
            "2\tSố lớp xóa mù chữ mở mới\tlớp\t42\t50\n")
    plan = extract_bytes(text.encode("utf-8"), "plan.txt")
    assert [(t["value"], t["year"]) for t in plan["targets"]] == [(99.8, 2026), (50.0, 2026)]


def _stacked(cells_rows):
    from kehoach.parse.blocks import Block, Loc, Row

    rows = [Row([[c] if c else [] for c in cells], Loc(n + 1), [n + 1]) for n, cells in enumerate(cells_rows)]
    return Block("table", "", Loc(1), [n + 1 for n in range(len(rows))], rows=rows)


def test_a_table_of_indicators_stacked_over_the_task_table_is_cut_in_two():
    """pdftotext -layout of a page with "1. Các chỉ tiêu" over a table of indicators and "2. Các nhiệm vụ"
    over the task table reads one table: its tasks were read from the second header on and the indicators
    were lost (no target, silently). A header repeated or reworded on a later page cuts nothing."""
    from kehoach.extract.appendix import stacked_tables

    indicators = [["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2026"], ["1", "Tỷ lệ trẻ đi học", "%", "99,6", "99,8"]]
    tasks = [["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"], ["1", "Rà soát", "Sở Y tế", "", "2026"]]
    parts = stacked_tables(_stacked([*indicators, ["2. Các nhiệm vụ", "", "", "", ""], *tasks]))
    assert [[r.cells[0] for r in p.rows] for p in parts] == [[["STT"], ["1"]], [["2. Các nhiệm vụ"], ["STT"], ["1"]]]
    assert [p.lines for p in parts] == [[1, 2], [3, 4, 5]]
    repeated = [*tasks, ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"], ["2", "Kiểm tra", "Sở Tài chính", "", "2027"]]
    assert len(stacked_tables(_stacked(repeated))) == 1


@pytest.mark.parametrize("start_head, end_head, reverse", [
    ("Thời gian bắt đầu", "Thời gian hoàn thành", False),
    ("Ngày bắt đầu", "Ngày kết thúc", False),
    ("Thời điểm bắt đầu", "Thời hạn hoàn thành", True),
    ("Từ ngày", "Đến ngày", False),
    ("Thời gian triển khai", "Thời gian hoàn thành", True),
])
def test_one_row_header_with_start_and_end_columns(start_head, end_head, reverse):
    """The time in two columns named in one header row, in either order: the end was lost (the first
    column read as the deadline, the second kept in the note or dropped), silently."""
    rows = [("1", "Xây dựng kho dữ liệu", "Sở Tài chính", "Tháng 3/2025", "Quý III/2025"),
            ("2", "Khảo sát hiện trạng", "Sở Nội vụ", "01/4/2025", "30/11/2025")]
    order = (4, 3) if reverse else (3, 4)
    head = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", start_head, end_head)
    text = "\n".join("\t".join(r[:3] + tuple(r[i] for i in order)) for r in [head, *rows]) + "\n"
    tasks, warnings = tasks_of(text)
    assert [(t["deadline"]["start"], t["deadline"]["end"], t["note"]) for t in tasks] == [
        ("2025-03-01", "2025-09-30", None), ("2025-04-01", "2025-11-30", None)]
    assert warnings == []


def test_one_start_or_end_column_alone_is_the_deadline():
    assert header_to_fields([["TT"], ["Nhiệm vụ"], ["Chủ trì"], ["Thời gian hoàn thành"]])[3] == "deadline"
    assert header_to_fields([["TT"], ["Nhiệm vụ"], ["Chủ trì"], ["Thời gian thực hiện"], ["Kết quả hoàn thành"]]) == {
        0: "no", 1: "title", 2: "lead", 3: "deadline", 4: "output"}


def test_one_time_header_cell_over_two_columns():
    """"Thời gian thực hiện" merged over two columns with no words under it: the second column's time (the end) was
    dropped, silently; a row with nothing in it, or no time, keeps the first column's time as its deadline."""
    text = ("STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện\t\n"
            "1\tXây dựng kho dữ liệu\tSở Tài chính\tTháng 3/2025\tTháng 9/2025\n"
            "2\tKhảo sát hiện trạng\tSở Nội vụ\tQuý II/2025\t\n")
    tasks, warnings = tasks_of(text)
    assert [(t["deadline"]["start"], t["deadline"]["end"]) for t in tasks] == [
        ("2025-03-01", "2025-09-30"), ("2025-04-01", "2025-06-30")]
    assert warnings == []


@pytest.mark.parametrize("over", ["Thời gian thực hiện năm 2026 (tháng)", "Tiến độ năm 2026 (tháng)"])
def test_months_by_number_under_a_time_header_give_the_time(over):
    """"… năm 2026 (tháng)" over "1 | 2 | … | 12", a Gantt-like chart: a row runs from its first marked month to the
    end of its last (the numbers row was read as the columns' numbers, and the marks were lost, with no warning)."""
    months = "\t".join(str(m) for m in range(1, 13))
    text = (f"TT\tNội dung\tĐơn vị chủ trì\t{over}" + "\t" * 11 + "\n"
            f"\t\t\t{months}\n"
            "1\tXây dựng chuyên mục\tVăn phòng Sở\t\t\tx\tx\tx\t\t\t\t\t\t\t\n"
            "2\tTập huấn kỹ năng\tPhòng Tổng hợp\t\t\t\tx\t\t\t\t\tx\t\t\t\n")
    tasks, warnings = tasks_of(text)
    assert [(t["deadline"]["start"], t["deadline"]["end"]) for t in tasks] == [
        ("2026-03-01", "2026-05-31"), ("2026-04-01", "2026-09-30")]
    assert warnings == []
    # numbers under a header that says no months are the columns' numbers, as before
    plain = "TT\tNhiệm vụ\tChủ trì\tThời hạn\n1\t2\t3\t4\n1\tRà soát\tSở Nội vụ\tQuý I/2026\n"
    assert [t["title"] for t in tasks_of(plain)[0]] == ["Rà soát"]


def test_quarters_under_years_under_a_time_header_take_the_year_above():
    """"Lộ trình" over "Năm 2026 | Năm 2027" over "Quý I … Quý IV" twice: a quarter's year is the one above it
    (the quarters were read with no year, the times lost)."""
    quarters = "\t".join(["Quý I", "Quý II", "Quý III", "Quý IV"] * 2)
    text = ("TT\tNhiệm vụ\tCơ quan chủ trì\tLộ trình thực hiện" + "\t" * 7 + "\n"
            "\t\t\tNăm 2026\t\t\t\tNăm 2027\t\t\t\n"
            f"\t\t\t{quarters}\n"
            "1\tKhảo sát điểm du lịch\tSở Văn hóa\t\tx\tx\t\t\t\t\t\n"
            "2\tHỗ trợ cải tạo cơ sở\tUBND các xã\t\t\t\tx\tx\tx\t\t\n")
    tasks, warnings = tasks_of(text)
    assert [(t["deadline"]["start"], t["deadline"]["end"]) for t in tasks] == [
        ("2026-04-01", "2026-09-30"), ("2026-10-01", "2027-06-30")]
    assert warnings == []


def test_years_and_quarters_in_one_scraped_row_are_placed_under_the_time_header():
    """A scrape writes the merged cells once, so the years' row and the quarters' row come as one row under a header
    short of the grid ("Năm 2026 | Năm 2027 | | Quý I | … | Quý IV"): each quarter under its year."""
    from kehoach.extract.table_years import header_rows

    header = [["TT"], ["Nhiệm vụ"], ["Cơ quan chủ trì"], ["Lộ trình thực hiện"]]
    row = [["Năm 2026"], ["Năm 2027"], [], *[[q] for q in ["Quý I", "Quý II", "Quý III", "Quý IV"] * 2]]
    cells, head, years = header_rows(header, row, 11)
    assert not years and [c[0] if c else "" for c in cells] == ["", "", "", "Quý I", "Quý II", "Quý III", "Quý IV",
                                                                 "Quý I", "Quý II", "Quý III", "Quý IV"]
    assert [h[0] for h in head[3:]] == ["Lộ trình thực hiện Năm 2026"] * 4 + ["Lộ trình thực hiện Năm 2027"] * 4
    assert header_rows(header, [["Năm 2026"], [], *[[q] for q in ["Quý I", "Quý II", "Quý III"]]], 11)[1] is header
