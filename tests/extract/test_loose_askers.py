"""A news item's or a letter's unnumbered paragraphs hand work out in more ways than "Giao Sở A …" (session 15's real
passages, tests/excerpts/): an asker above the committee ("Thủ tướng Chính phủ đã giao cho Bộ A …", "Ban Chỉ đạo Quốc
gia đề nghị …", "Bộ Chính trị, Ban Bí thư yêu cầu …", a leader by name), "chỉ đạo" after the committee, a long clause of
grounds or a source tag before it, a decision's "Điều 2. Giao …"; a request in a paragraph's later sentence; a paragraph
that goes on with the next body's duty ("Sở B phối hợp …", "Sở A có nhiệm vụ …", "Sở B được giao …", "Đối với Sở B, rà
soát …"), or gives the deadline alone; a lede the body says again. None of these gave a task, and none a warning. A
sentence "Về việc trên, UBND tỉnh giao …" was read as a letter's subject line; an issuer cell that misspells the
province by a letter was read as written."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes


def _plan(text: str) -> dict:
    return extract_bytes(text.encode(), "t.txt")


def _read(text: str) -> list[tuple[list[str], str | None]]:
    return [(t["lead"], t["deadline"]["end"]) for t in _plan(text)["tasks"]]


@pytest.mark.parametrize("para,lead", [
    ("Thủ tướng Chính phủ đã giao cho Bộ Tài chính chủ trì, rà soát ngay các khoản chi.", ["Bộ Tài chính"]),
    ("Ban Chỉ đạo Quốc gia đề nghị Chủ tịch Ủy ban nhân dân các tỉnh, thành phố khẩn trương rà soát danh sách.",
     ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"]),
    ("Bộ Chính trị, Ban Bí thư yêu cầu các tỉnh ủy, thành ủy khẩn trương hoàn thiện văn kiện.", ["Các tỉnh ủy, thành ủy"]),
    ("Chủ tịch Ủy ban nhân dân (UBND) tỉnh vừa ban hành chỉ thị yêu cầu Sở Công Thương tăng cường kiểm tra thị trường.",
     ["Sở Công Thương"]),
    ("Bà Trần Thị Lan yêu cầu các quận, huyện thành lập tổ công tác trước kỳ thi.", ["Các quận, huyện"]),
    ("Theo đó, Chủ tịch UBND TP.HCM giao Sở Xây dựng chủ trì, phối hợp với Sở Nội vụ xác định phương án bố trí lực lượng.",
     ["Sở Xây dựng"]),
    ("ABC - UBND tỉnh chỉ đạo Giám đốc Sở Y tế chủ trì, phối hợp với các đơn vị kiểm tra an toàn thực phẩm.",
     ["Giám đốc Sở Y tế"]),
    ("Qua vụ việc xảy ra tại trường tiểu học An Phú (xã Bình Lạc), UBND tỉnh chỉ đạo Sở Giáo dục và Đào tạo chủ trì rà "
     "soát các quy định về an toàn.", ["Sở Giáo dục và Đào tạo"]),
    ("Theo đó, với các dự án chậm tiến độ thuộc thẩm quyền của tỉnh, giao Sở Tài chính chủ trì đề xuất phương án xử lý.",
     ["Sở Tài chính"]),
    ("Điều 2. Giao Giám đốc Sở Tư pháp chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện.",
     ["Giám đốc Sở Tư pháp"]),
])
def test_an_asker_above_the_committee_or_before_a_long_clause_hands_work_out(para, lead):
    assert _read(f"Tin chỉ đạo điều hành\n\n{para}\n") == [(lead, None)]


def test_a_request_in_a_paragraphs_later_sentence_is_a_task_of_its_own():
    text = ("Văn phòng UBND huyện có trách nhiệm đôn đốc, tổng hợp danh sách các đơn vị. Yêu cầu UBND các xã, thị trấn "
            "phối hợp và tổ chức thực hiện. Nếu có vướng mắc, chủ động thông tin về Văn phòng UBND huyện.\n")
    assert [lead for lead, _ in _read(text)] == [["Văn phòng Ủy ban nhân dân huyện"], ["Ủy ban nhân dân các xã, thị trấn"]]


def test_a_later_sentence_of_the_same_body_or_of_none_goes_on_with_its_duty():
    text = ("UBND cấp xã rà soát hồ sơ tồn đọng, hoàn thành trước ngày 10/5/2026. UBND cấp xã căn cứ kết quả rà soát lập "
            "danh sách. Hồ sơ gửi về Sở Nội vụ.\n")
    assert _read(text) == [(["Ủy ban nhân dân cấp xã"], "2026-05-10")]


@pytest.mark.parametrize("asker", ["", "UBND tỉnh ", "Theo đó, UBND tỉnh "])
def test_the_body_asked_then_named_again_is_one_duty(asker):
    text = f"{asker}{'giao' if asker else 'Giao'} Sở Tài chính chủ trì rà soát các khoản chi. Sở Tài chính báo cáo kết quả " \
           "trước ngày 10/5/2026.\n"
    assert _read(text) == [(["Sở Tài chính"], "2026-05-10")]


def test_sentences_after_a_leader_asking_each_give_their_bodys_duty():
    text = ("Bà Trần Thị Lan yêu cầu các quận, huyện thành lập tổ công tác. Ban Chỉ đạo thành phố sẽ kiểm tra công tác "
            "chuẩn bị. Ngoài ra, các sở, ngành, địa phương chủ động triển khai nhiệm vụ được giao.\n")
    assert [lead for lead, _ in _read(text)] == [["Các quận, huyện"], ["Ban Chỉ đạo thành phố"], ["Các sở, ngành, địa phương"]]


_ASSIGNED = "Theo đó, UBND tỉnh giao Sở Nội vụ chủ trì, phối hợp với các sở rà soát phương án sắp xếp.\n"


@pytest.mark.parametrize("para,lead", [
    ("Sở Tài chính phối hợp với các sở, ngành liên quan hướng dẫn, kiểm tra việc bố trí kinh phí.", ["Sở Tài chính"]),
    ("Đồng thời, Sở Tài chính có nhiệm vụ phối hợp với UBND cấp xã giải quyết chế độ, chính sách.", ["Sở Tài chính"]),
    ("Sở Tư pháp được giao phối hợp, hướng dẫn các xã thực hiện thủ tục.", ["Sở Tư pháp"]),
    ("Đối với Sở Tài chính, rà soát, đề xuất chính sách hỗ trợ lực lượng biệt phái.", ["Sở Tài chính"]),
])
def test_a_paragraph_after_an_assignment_that_opens_with_its_body_is_a_task(para, lead):
    assert [lead for lead, _ in _read(f"{_ASSIGNED}{para}\n")] == [["Sở Nội vụ"], lead]


@pytest.mark.parametrize("para", [
    "Sở Y tế đã tổ chức 12 đợt kiểm tra an toàn thực phẩm.",
    "Chủ tịch UBND tỉnh Trần Văn Bình vừa có chỉ đạo về việc bố trí lực lượng trên địa bàn.",
])
def test_a_report_after_an_assignment_is_no_task(para):
    assert [lead for lead, _ in _read(f"{_ASSIGNED}{para}\n")] == [["Sở Nội vụ"]]


def test_a_deadline_given_alone_after_a_duty_is_that_dutys():
    text = f"{_ASSIGNED}Thời hạn hoàn thành nội dung chỉ đạo này trước ngày 25-10-2026.\n"
    assert _read(text) == [(["Sở Nội vụ"], "2026-10-25")]


def test_a_lede_the_body_says_again_is_one_task():
    text = ("(ABC)- Chủ tịch UBND tỉnh giao Sở Xây dựng chủ trì triển khai phương án biệt phái công chức.\n\n"
            "Chủ tịch UBND tỉnh vừa có chỉ đạo về việc bố trí lực lượng.\n\n"
            "Theo đó, Chủ tịch UBND tỉnh giao Sở Xây dựng chủ trì triển khai phương án biệt phái công chức, bảo đảm đủ "
            "nhân sự.\n")
    tasks = _plan(text)["tasks"]
    assert [t["lead"] for t in tasks] == [["Sở Xây dựng"]] and tasks[0]["title"].endswith("bảo đảm đủ nhân sự.")


def test_about_the_matter_above_is_no_subject_line():
    plan = _plan("Theo đó, UBND tỉnh nhận được văn bản của Bộ Tài chính.\n\nVề việc trên, UBND tỉnh giao Sở Tài chính chủ "
                 "trì, phối hợp với các sở rà soát các khoản thu.\n")
    assert plan["document"]["title"] is None
    assert [t["lead"] for t in plan["tasks"]] == [["Sở Tài chính"]]


def test_a_letters_subject_line_is_still_its_title():
    plan = _plan("ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\nSố: 12/UBND-KT\nV/v rà soát các khoản thu\nAn Lạc, ngày 4 tháng 3 năm 2026\n\n"
                 "Giao Sở Tài chính chủ trì rà soát các khoản thu.\n")
    assert plan["document"]["title"] == "rà soát các khoản thu"


@pytest.mark.parametrize("cell,issuer,inferred", [
    ("TỈNH ẤN LẠC", "Ủy ban nhân dân tỉnh An Lạc", True),
    ("TỈNH AN LẠC", "Ủy ban nhân dân tỉnh An Lạc", False),
])
def test_an_issuer_cell_that_misspells_the_province_by_a_letter_takes_the_date_lines(cell, issuer, inferred):
    plan = _plan(f"ỦY BAN NHÂN DÂN\n{cell}\nSố: 12/KH-UBND\nAn Lạc, ngày 4 tháng 3 năm 2026\n\nKẾ HOẠCH\nChuyển đổi số\n"
                 "I. MỤC ĐÍCH\nBảo đảm tiến độ.\n")
    assert plan["document"]["issuer"] == issuer
    assert ("issuer" in plan["document"]["inferred"]) is inferred


@pytest.mark.parametrize("text,lead", [
    ("Thủ tướng: Sẵn sàng vận hành cổng dữ liệu mới từ 1/3/2026\nThủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương "
     "chuẩn bị sẵn sàng để từ ngày 1/3/2026 vận hành cổng dữ liệu mới.", ["Các bộ, ngành, địa phương"]),
    ("Hoàn thành số hóa hồ sơ đất đai trong năm 2026\nBan Chỉ đạo Quốc gia yêu cầu Ủy ban nhân dân các tỉnh rà soát "
     "hồ sơ, hoàn thành trước ngày 30/6/2026.", ["Ủy ban nhân dân các tỉnh"]),
])
def test_a_headline_run_into_its_paragraph_ends_before_the_leader_who_asks(text, lead):
    assert [lead for lead, _ in _read(text + "\n")] == [lead]


def test_an_asker_after_a_preposition_starts_no_sentence():
    text = "Sở Y tế phải rà soát các cơ sở theo chỉ đạo của Thủ tướng Chính phủ yêu cầu tại Công điện số 12/CĐ-TTg.\n"
    assert [lead for lead, _ in _read(text)] == [["Sở Y tế"]]


def test_a_request_in_what_a_resolution_says_is_a_task():
    text = ("Chính phủ ban hành Nghị quyết số 12/NQ-CP về phiên họp thường kỳ tháng 3/2026, trong đó yêu cầu các địa "
            "phương bảo đảm nguồn điện cho mùa khô.\n")
    assert [lead for lead, _ in _read(text)] == [["Các địa phương"]]


def test_the_same_bodies_duty_going_on_in_the_next_paragraph_is_one_task():
    """A news item parts one direction into paragraphs ("… chỉ đạo các bộ, ngành theo dõi sát …" / "Các bộ, ngành cần tập
    trung …"): the second, of the same bodies with no asker and no deadline of its own, goes on with the first (it was a
    task of its own); one with its own deadline stays apart."""
    text = ("Thủ tướng chỉ đạo các bộ, ngành theo dõi sát diễn biến thị trường.\n\n"
            "Các bộ, ngành cần tập trung tháo gỡ khó khăn cho doanh nghiệp.\n\n"
            "Các bộ, ngành phải báo cáo kết quả trước ngày 15/4/2026.\n")
    tasks = _plan(text)["tasks"]
    assert [(t["lead"], t["deadline"]["end"]) for t in tasks] == [(["Các bộ, ngành"], None), (["Các bộ, ngành"], "2026-04-15")]
    assert "tháo gỡ khó khăn" in tasks[0]["title"]
