"""Requests a news item or a letter hands out in ways the reader missed (session 16's new real passages,
tests/excerpts/): a letter "gửi <addressees> đề nghị …", a leader by name and titles who asks ("đồng chí A - Chủ tịch
… đề nghị …"), a leader's words after a colon ("nhấn mạnh: Ủy ban A và các đoàn thể cần …"), a body that asks a group
("Sở A vừa có công văn đề nghị các đơn vị …") or commands after a basis ("Thực hiện …, Cục A đã có công văn yêu cầu
…"), "tham gia" as a duty, a directive's request before its numbered parts ("…, Chủ tịch UBND tỉnh yêu cầu các sở …").
Each gave no task (or a wrong lead) and no warning. A photo's caption is no task; a body named after "Theo đó," or a
period with no task read is warned."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes


def _plan(text: str) -> dict:
    return extract_bytes(text.encode(), "t.txt")


def _leads(text: str) -> list[list[str]]:
    return [t["lead"] for t in _plan(f"Tin hoạt động\n\n{text}\n")["tasks"]]


@pytest.mark.parametrize("para,leads", [
    ("Ngày 3/3/2026, Ban Thường trực Hội Nông dân tỉnh ban hành Công văn số 12/HND gửi Báo Sông Lam, Đài Phát thanh tỉnh "
     "đề nghị quan tâm phối hợp tuyên truyền đại hội.", [["Báo Sông Lam", "Đài Phát thanh tỉnh"]]),
    ("Để hội nghị đạt kết quả, đồng chí Trần Văn Bình - Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch Hội Cựu chiến binh tỉnh đề "
     "nghị Hội Cựu chiến binh các cấp chủ động tham mưu cấp ủy.", [["Hội Cựu chiến binh các cấp"]]),
    ("Phát biểu kết luận, đồng chí Bí thư Đảng ủy Lê Văn An nhấn mạnh: Hội Phụ nữ xã và Đoàn Thanh niên xã cần bám sát kế "
     "hoạch, chuẩn bị tốt đại hội.", [["Hội Phụ nữ xã", "Đoàn Thanh niên xã"]]),
    ("Sở Giáo dục và Đào tạo vừa có công văn đề nghị các trường học trên địa bàn tỉnh rà soát sĩ số học sinh.",
     [["Các trường học trên địa bàn tỉnh"]]),
    ("Thực hiện chỉ đạo của Bộ Công Thương, ngày 5.2, Cục Quản lý thị trường đã có công văn yêu cầu Chi cục Quản lý thị "
     "trường các tỉnh tăng cường kiểm tra hàng hóa.", [["Chi cục Quản lý thị trường các tỉnh"]]),
    ("UBND huyện giao các phòng, ban, UBND các xã tham gia phối hợp tổ chức lễ hội.",
     [["Các phòng, ban, Ủy ban nhân dân các xã"]]),
])
def test_a_request_handed_out_otherwise_is_a_task(para, leads):
    assert _leads(para) == leads


def test_a_sentence_before_a_comma_and_ngay_is_no_place_of_issue():
    plan = _plan("Thực hiện chỉ đạo của Bộ Công Thương, ngày 5.2, Cục Quản lý thị trường đã có công văn yêu cầu Chi cục "
                 "Quản lý thị trường các tỉnh tăng cường kiểm tra.\n")
    assert plan["document"]["place"] is None
    assert [t["lead"] for t in plan["tasks"]] == [["Chi cục Quản lý thị trường các tỉnh"]]


def test_a_photo_caption_that_opens_with_a_body_is_no_task():
    text = ("Ban Thường vụ Huyện ủy đề nghị các chi bộ triển khai các nội dung:\n\n"
            "Tổ chức học tập nghị quyết cho đảng viên.\n\n"
            "Đài Truyền thanh huyện tập trung đưa tin hội nghị. Ảnh: T.Lan")
    assert _leads(text) == [["Các chi bộ"]]


def test_a_directives_request_before_its_numbered_parts_is_a_task():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\nSố: 05/CT-UBND\nAn Lạc, ngày 10 tháng 3 năm 2026\nCHỈ THỊ\nVề việc xây dựng kế "
            "hoạch năm 2027\n\nQuán triệt Chỉ thị của Thủ tướng Chính phủ, Chủ tịch UBND tỉnh yêu cầu các sở, ngành và "
            "UBND các huyện triển khai xây dựng kế hoạch năm 2027.\n\nI. YÊU CẦU CHUNG\n\n1. Kế hoạch phải bám sát "
            "mục tiêu của tỉnh.\n")
    assert [t["lead"] for t in _plan(text)["tasks"]] == [["Các sở, ngành và Ủy ban nhân dân các huyện"]]


@pytest.mark.parametrize("para", [
    "Theo đó, Báo Sông Lam mở chuyên mục về đại hội, bắt đầu từ tháng 3/2026.",
    "Quý II/2026, Hội Nông dân xã tiếp tục vận động hội viên tham gia sản xuất.",
])
def test_a_body_after_a_link_or_a_period_with_no_task_read_is_warned(para):
    plan = _plan(f"Tin hoạt động\n\n{para}\n")
    assert plan["tasks"] == []
    assert any(w["code"] == "body-task-unread" for w in plan["warnings"])


def test_a_directives_request_that_opens_its_parts_is_no_task_of_its_own():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\nSố: 06/CT-UBND\nAn Lạc, ngày 10 tháng 3 năm 2026\nCHỈ THỊ\nVề việc cải cách "
            "thủ tục hành chính\n\nĐể khắc phục hạn chế, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ngành thực hiện "
            "các nhiệm vụ sau:\n\n1. Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trước ngày 30/6/2026.\n")
    assert [t["lead"] for t in _plan(text)["tasks"]] == [["Sở Nội vụ"]]


@pytest.mark.parametrize("group", ["các địa phương", "các đơn vị, địa phương", "các cơ quan, đơn vị"])
def test_a_request_to_a_letters_addressees_by_their_kinds_is_a_task_warned_for_its_lead(group):
    plan = _plan(f"Tin hoạt động\n\nBộ Giáo dục và Đào tạo yêu cầu {group} phải bảo đảm đủ số tuần thực học.\n")
    assert [t["lead"] for t in plan["tasks"]] == [[group[:1].upper() + group[1:]]]
    assert any(w["code"] == "lead-not-agency" for w in plan["warnings"])


def test_a_group_by_its_kind_alone_is_no_lead_without_an_askers_verb():
    assert _leads("Các đơn vị, địa phương tổ chức hội nghị tổng kết năm 2025.") == []
