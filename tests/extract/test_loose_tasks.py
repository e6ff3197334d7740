"""Assignments in a document with no numbered section (an official letter's paragraphs, a portal's news item quoting
one) gave no task and no warning: "Giao Sở A chủ trì, phối hợp …; hoàn thành trước ngày …", "UBND thành phố và các
huyện tổ chức …, báo cáo trước ngày …", "… Theo đó, giao các sở, ngành liên quan có trách nhiệm …". A local People's
Committee's list that writes the body once ("UBND thành phố và các huyện") gave a lead "các huyện", no body."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.extract.agencies import cell_to_agencies

_LETTER = ("ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\nSố: 812/UBND-KT\nV/v rà soát quy hoạch đất đai\n"
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Lạc, ngày 4 tháng 3 năm 2026\n\n"
           "Kính gửi: Các sở, ban, ngành tỉnh\n\n")
_LEADS = ["Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Ban Quản lý các khu công nghiệp tỉnh"]
_DEADLINES = [("hoàn thành trước ngày 10/4/2026", "2026-04-10"), ("báo cáo UBND tỉnh trước ngày 25/4/2026", "2026-04-25")]
_OPENINGS = ["UBND tỉnh có ý kiến như sau:\n", "Xét đề nghị của Sở Tài chính tại Tờ trình số 12/TTr-STC, Chủ tịch UBND tỉnh "
             "có ý kiến như sau:\n", ""]
_ENDS = ["", "\n(Theo Công văn số 812/UBND-KT ngày 4/3/2026)\n", "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"]


def _tasks(text: str) -> list[dict]:
    return extract_bytes(text.encode(), "t.txt")["tasks"]


@pytest.mark.parametrize("lead", _LEADS)
@pytest.mark.parametrize("deadline", _DEADLINES)
@pytest.mark.parametrize("opening", _OPENINGS)
@pytest.mark.parametrize("end", _ENDS)
@pytest.mark.parametrize("head", [_LETTER, ""])
def test_a_letters_unnumbered_assignment_is_a_task(lead, deadline, opening, end, head):
    text = (f"{head}{opening}Giao {lead} chủ trì, phối hợp với các đơn vị, địa phương liên quan nghiên cứu, đề xuất "
            f"phương án xử lý theo quy định; {deadline[0]}./.\n{end}")
    tasks = _tasks(text)
    assert [(t["lead"], t["deadline"]["end"]) for t in tasks] == [([lead], deadline[1])]
    assert tasks[0]["support"] == ["Các đơn vị, địa phương liên quan"]
    assert tasks[0]["source"] == "body" and tasks[0]["id"].startswith("P")


_NEWS = ("Ngày 2/3/2026, UBND tỉnh ban hành Công văn số 640/UBND-NN về rà soát nhu cầu sử dụng đất năm 2027\n"
         "Theo đó, giao các sở, ngành liên quan có trách nhiệm rà soát nhu cầu sử dụng đất của ngành, gửi báo cáo về "
         "Sở Nông nghiệp và Môi trường trước ngày 20/3/2026 để tổng hợp.\n"
         "{body} tổ chức đánh giá kết quả thực hiện kế hoạch sử dụng đất năm 2025, gửi báo cáo về Sở Nông nghiệp và Môi "
         "trường trước ngày 20/3/2026.\n"
         "Sở Nông nghiệp và Môi trường đôn đốc các sở, ngành; tổng hợp, báo cáo UBND tỉnh trước ngày 27/3/2026.\n")


@pytest.mark.parametrize("body,leads", [
    ("Ủy ban nhân dân thành phố và các huyện", ["Ủy ban nhân dân thành phố", "Ủy ban nhân dân các huyện"]),
    ("UBND thị xã và các xã, phường", ["Ủy ban nhân dân thị xã", "Ủy ban nhân dân các xã, phường"]),
    ("Uỷ ban nhân dân các huyện", ["Ủy ban nhân dân các huyện"]),
])
def test_a_news_items_paragraphs_each_open_with_their_agency(body, leads):
    tasks = _tasks(_NEWS.format(body=body))
    assert [(t["lead"], t["deadline"]["end"]) for t in tasks] == [
        (["Các sở, ngành liên quan"], "2026-03-20"), (leads, "2026-03-20"), (["Sở Nông nghiệp và Môi trường"], "2026-03-27")]


@pytest.mark.parametrize("para", [
    "Đề nghị các cơ quan, đơn vị quan tâm thực hiện./.",
    "Các phong trào thi đua do Ban Quản lý phát động đã lan tỏa rộng khắp, góp phần hoàn thành nhiệm vụ trong năm 2025.",
    "Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh về chuyển đổi số, Sở A chủ trì triển khai.",
    "Trong năm 2025, Sở Y tế đã tổ chức 12 đợt kiểm tra an toàn thực phẩm.",
    "UBND tỉnh có ý kiến như sau:",
])
def test_paragraphs_that_assign_nothing_give_no_task(para):
    assert _tasks(f"{_LETTER}{para}\n") == []


def test_a_plan_with_sections_is_read_from_its_sections_only():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\nSố: 9/KH-UBND\nAn Lạc, ngày 4 tháng 3 năm 2026\n\nKẾ HOẠCH\nChuyển đổi số năm 2026\n"
            "Giao Sở Tài chính chủ trì, phối hợp các đơn vị bố trí kinh phí; hoàn thành trước ngày 10/4/2026.\n"
            "I. MỤC ĐÍCH\nBảo đảm tiến độ.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng rà soát quy hoạch.\n")
    plan = extract_bytes(text.encode(), "t.txt")
    assert [t["lead"] for t in plan["tasks"]] == [["Sở Xây dựng"]]


@pytest.mark.parametrize("cell,names", [
    ("UBND thành phố và các huyện", ["UBND thành phố", "UBND các huyện"]),
    ("Ủy ban nhân dân huyện và các xã, thị trấn", ["Ủy ban nhân dân huyện", "Ủy ban nhân dân các xã, thị trấn"]),
    ("UBND các huyện và thành phố", ["UBND các huyện và thành phố"]),
    ("Sở Y tế và các huyện", ["Sở Y tế", "các huyện"]),
    ("UBND thành phố và các đơn vị liên quan", ["UBND thành phố", "các đơn vị liên quan"]),
])
def test_levels_after_a_local_committee_are_its_bodies(cell, names):
    assert cell_to_agencies(cell) == names


@pytest.mark.parametrize("para,leads", [
    ("Trên cơ sở kế hoạch của UBND huyện, đề nghị các phòng chuyên môn và UBND các xã, thị trấn tổ chức xây dựng kế "
     "hoạch thực hiện tại cơ quan, đơn vị mình.", ["Các phòng chuyên môn và Ủy ban nhân dân các xã, thị trấn"]),
    ("UBND tỉnh yêu cầu Sở Xây dựng rà soát, cập nhật danh mục công trình trọng điểm của ngành.", ["Sở Xây dựng"]),
    ("Theo đó, Chủ tịch UBND tỉnh đề nghị Sở Y tế tổ chức kiểm tra an toàn thực phẩm tại các chợ đầu mối.", ["Sở Y tế"]),
    ("Tại Công văn số 71/UBND-TH ngày 2/3/2026, Phó Chủ tịch UBND tỉnh giao Sở Tư pháp, UBND các phường, xã nghiên cứu, "
     "triển khai thực hiện các nội dung theo hướng dẫn của Bộ.", ["Sở Tư pháp", "Ủy ban nhân dân các phường, xã"]),
    ("Sở Văn hóa, Thể thao và Du lịch là đơn vị thường trực, phối hợp với các sở, ban ngành và UBND các huyện xây dựng "
     "và triển khai kế hoạch tổ chức các hoạt động văn hóa.", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("UBND tỉnh yêu cầu các đơn vị liên quan bám sát mục tiêu, nhiệm vụ của Nghị quyết số 12/NQ-CP; bảo đảm tiết kiệm.",
     ["Các đơn vị liên quan"]),
    ("Lãnh đạo TP yêu cầu Sở Xây dựng có trách nhiệm khẩn trương triển khai các thủ tục của dự án.", ["Sở Xây dựng"]),
    ("UBND tỉnh đã ban hành Kế hoạch số 12/KH-UBND ngày 3/3/2026 về phát triển chăn nuôi; giao Sở Nông nghiệp và Môi "
     "trường chủ trì, phối hợp các sở, ngành triển khai thực hiện kế hoạch.", ["Sở Nông nghiệp và Môi trường"]),
    ("Theo đó, UBND tỉnh giao Viện Khoa học Nam Hà (cơ quan chủ trì xây dựng Đề án) căn cứ nội dung phê duyệt, khẩn trương "
     "phối hợp với các đơn vị liên quan lập đề án.", ["Viện Khoa học Nam Hà"]),
])
def test_a_paragraph_that_hands_out_a_duty_with_no_deadline(para, leads):
    """A duty handed out by "giao"/"đề nghị"/"yêu cầu" (after its grounds or the issuer asking) is a task with no deadline."""
    tasks = _tasks(f"{_LETTER}{para}\n")
    assert [(t["lead"], t["deadline"]["end"]) for t in tasks] == [(leads, None)]


@pytest.mark.parametrize("para", [
    "Trên đây là ý kiến của UBND tỉnh, đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.",
    "Đề nghị các đơn vị quan tâm phối hợp thực hiện.",
    "Sở Y tế đề nghị UBND tỉnh xem xét, phê duyệt kế hoạch phòng chống dịch năm 2026.",
])
def test_a_courtesy_or_a_request_upward_is_no_task(para):
    plan = extract_bytes(f"{_LETTER}{para}\n".encode(), "t.txt")
    assert plan["tasks"] == [] and "body-task-unread" not in {w["code"] for w in plan["warnings"]}


def test_a_body_handed_work_in_a_list_too_long_to_read_is_warned():
    names = ", ".join(f"Thủ trưởng các cơ quan thuộc khối {k}" for k in ("nội chính", "kinh tế", "văn hóa - xã hội", "đảng"))
    plan = extract_bytes(f"{_LETTER}Theo đó, Chủ tịch UBND tỉnh đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, {names}, "
                         "Chủ tịch UBND các huyện triển khai thực hiện.\n".encode(), "t.txt")
    assert plan["tasks"] == []
    assert [w["loc"]["line"] for w in plan["warnings"] if w["code"] == "body-task-unread"] == [11]


@pytest.mark.parametrize("lead", ["Các Trưởng Công an xã/phường", "Các Giám đốc Trung tâm Y tế khu vực", "Công an các xã, phường"])
def test_a_deadline_written_with_hyphens_makes_a_paragraph_a_task(lead):
    """A newspaper's date ("trước ngày 25-6-2026") is a deadline as "25/6/2026" is; office holders of several bodies
    ("Các Trưởng …") lead as one does."""
    tasks = _tasks(f"{_LETTER}{lead} báo cáo kết quả chuẩn bị về Công an tỉnh trước ngày 25-6-2026 để tổng hợp.\n")
    assert [(t["lead"], t["deadline"]["end"]) for t in tasks] == [([lead], "2026-06-25")]


@pytest.mark.parametrize("ask", ["Văn phòng UBND tỉnh đề nghị:", "UBND tỉnh yêu cầu các đơn vị thực hiện một số nội dung sau:"])
def test_the_paragraphs_under_a_request_are_its_assignments(ask):
    """Under a paragraph that ends by asking ("… đề nghị:"), a paragraph that opens with an agency and its duty is an
    assignment, with no deadline; one that says what is to be done to a body ("… phải được bố trí …") is none."""
    text = (f"{_LETTER}{ask}\nUBND cấp xã thành lập Tổ công tác, ban hành quy chế hoạt động của Tổ.\n"
            "Trung tâm Phục vụ hành chính công phải được bố trí ở vị trí thuận lợi cho người dân.\n")
    assert [(t["lead"], t["deadline"]["end"]) for t in _tasks(text)] == [(["Ủy ban nhân dân cấp xã"], None)]


def test_a_body_that_requires_its_officers_hands_them_work_even_after_a_caption():
    """A news item: "Công an tỉnh A yêu cầu các sĩ quan trong danh sách được phân công chủ động phối hợp với … Phòng Hậu
    cần …", run after a photo's caption with no stop, gave no task and no warning; the officers are a lead named by
    their role (lead-role), "Hậu cần" is part of a name, no modal."""
    para = ("Trưởng Công an các xã tại tỉnh An Lạc Công an tỉnh An Lạc yêu cầu các sĩ quan trong danh sách được phân công "
            "chủ động phối hợp với Phòng Hậu cần để khẩn trương bàn giao trụ sở.")
    plan = extract_bytes(f"{para}\n".encode(), "t.txt")
    assert [(t["lead_as_written"], t["support"]) for t in plan["tasks"]] == [
        (["các sĩ quan trong danh sách được phân công"], ["Phòng Hậu cần"])]
    assert "lead-role" in {w["code"] for w in plan["warnings"]}
