"""Duties a letter or news item gives with no asker before them (session 16, tests/excerpts/): a deadline the date
reader leaves undated ("gửi về Bộ A trước 30/8", "chậm nhất là ngày 20 của tháng cuối kỳ"), a duty the body must do
("Các đơn vị phải cập nhật …"), a duty set in a recurring window ("Định kỳ hằng quý, …", "từ ngày 5 đến ngày 10 hằng
tháng, Phòng B kiểm tra …"), after "Theo đó," (a link, no basis); the asks after a colon going on past a content with no
body ("Tiếp tục …"); office holders as a second lead ("…, lãnh đạo UBND tỉnh", "…, Chủ tịch UBND các xã"). Each gave no
task and no warning. A plain "<body> <verb> …" with none of these stays no task (a news item's report), and a paragraph
that sets a deadline no task came from is warned."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes


def _plan(text: str) -> dict:
    return extract_bytes(f"Tin chỉ đạo điều hành\n\n{text}\n".encode(), "t.txt")


def _leads(text: str) -> list[list[str]]:
    return [t["lead"] for t in _plan(text)["tasks"]]


@pytest.mark.parametrize("para,leads", [
    ("UBND cấp tỉnh rà soát, xác định diện tích đất rừng của các xã. Số liệu phải được gửi về Bộ Nông nghiệp trước 15/9. "
     "Bộ Nông nghiệp sẽ tổng hợp, báo cáo Chính phủ trước 30/10.", [["Ủy ban nhân dân cấp tỉnh"], ["Bộ Nông nghiệp"]]),
    ("Theo đó, các bộ, cơ quan ngang bộ và UBND các tỉnh xây dựng báo cáo công tác dân vận hằng quý, gửi Bộ Nội vụ, thời "
     "hạn gửi chậm nhất là ngày 15 của tháng cuối quý.", [["Các bộ, cơ quan ngang bộ và Ủy ban nhân dân các tỉnh"]]),
    ("Các trường học phải cập nhật số liệu học sinh lên cơ sở dữ liệu ngành.", [["Các trường học"]]),
    ("Định kỳ từ ngày 1 đến ngày 3 hằng tháng, các phòng chuyên môn cập nhật tiến độ giải ngân; từ ngày 4 đến ngày 6 "
     "hằng tháng, Phòng Tài chính - Kế hoạch kiểm tra, tổng hợp báo cáo lãnh đạo.",
     [["Các phòng chuyên môn"], ["Phòng Tài chính - Kế hoạch"]]),
])
def test_a_duty_with_no_asker_but_a_deadline_a_must_or_a_routine_is_a_task(para, leads):
    assert _leads(para) == leads


@pytest.mark.parametrize("para", [
    "Sở Du lịch tổ chức hội nghị xúc tiến tại Đà Lạt với hơn 200 doanh nghiệp tham dự.",
    "Sở Du lịch đã tổ chức hội nghị tổng kết trước ngày 20/12.",
    "Các doanh nghiệp phải được hỗ trợ kịp thời.",
])
def test_a_plain_report_stays_no_task(para):
    assert _leads(para) == []


def test_the_asks_after_a_colon_go_on_past_a_content_with_no_body():
    text = ("Ban Thường vụ Huyện ủy yêu cầu các chi bộ, cơ quan, đơn vị thực hiện tốt một số nội dung:\n\n"
            "Tiếp tục quán triệt các chỉ thị của cấp trên về công tác bầu cử.\n\n"
            "Ban Tuyên giáo Huyện ủy đưa nội dung tuyên truyền vào bản tin nội bộ.\n\n"
            "Ban cán sự đảng UBND huyện, lãnh đạo UBND huyện chỉ đạo Phòng Văn hóa hướng dẫn treo cờ, từ ngày "
            "10/5-20/5/2026.")
    plan = _plan(text)
    assert [t["lead"] for t in plan["tasks"]] == [
        ["Các chi bộ, cơ quan, đơn vị"], ["Ban Tuyên giáo Huyện ủy"],
        ["Ban cán sự đảng Ủy ban nhân dân huyện", "Lãnh đạo Ủy ban nhân dân huyện"]]
    assert plan["tasks"][-1]["deadline"]["end"] == "2026-05-20"


def test_a_caption_with_no_duty_ends_the_asks():
    text = ("Ban Thường vụ Huyện ủy yêu cầu các chi bộ thực hiện tốt một số nội dung:\n\n"
            "Bí thư Huyện ủy phát biểu tại hội nghị. Ảnh: Minh Anh.\n\n"
            "Văn phòng Huyện ủy thông báo để các chi bộ biết./.")
    assert _leads(text) == [["Các chi bộ"]]


def test_a_paragraph_that_sets_a_deadline_no_task_came_from_is_warned():
    text = ("Theo đó thì thời gian quy định cho các đơn vị gửi báo cáo cụ thể như sau:\n\n"
            "- Báo cáo quý gửi trước ngày 10 của tháng cuối quý\n\n- Báo cáo năm gửi trước ngày 20/11 hằng năm")
    plan = _plan(text)
    assert plan["tasks"] == []
    assert any(w["code"] == "body-task-unread" and "deadline" in w["message"] for w in plan["warnings"])


def test_a_duty_in_a_recurring_window_keeps_the_window_as_its_deadline():
    plan = _plan("Định kỳ từ ngày 1 đến ngày 3 hằng tháng, các phòng chuyên môn cập nhật tiến độ giải ngân; từ ngày 4 "
                 "đến ngày 6 hằng tháng, Phòng Tài chính - Kế hoạch kiểm tra, tổng hợp báo cáo lãnh đạo.")
    assert [(t["deadline"]["text"], t["deadline"]["recurrence"]) for t in plan["tasks"]] == [
        ("Định kỳ từ ngày 1 đến ngày 3 hằng tháng", "monthly"), ("Từ ngày 4 đến ngày 6 hằng tháng", "monthly")]
