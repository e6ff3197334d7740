"""Requests a news item hands out that the reader missed or misread (session 18's new real passages, tests/excerpts/;
names invented): "giao trách nhiệm" before the lead; a body that asks many of a kind ("đề nghị UBND các tỉnh; Thủ
trưởng các cơ quan …"); the bodies in the paragraphs under "… yêu cầu:"; a request after two clauses of grounds; kinds of
body before the names they stand for ("Các cơ quan, đơn vị gồm Sở A, Sở B …"). Each gave no task, or a wrong lead, and
no warning. Whom a body answers to ("chịu trách nhiệm trước …") is no task; a lede the text says again with words added
is one task."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes


def _tasks(text: str) -> list[dict]:
    return extract_bytes(f"Tin hoạt động\n\n{text}\n".encode(), "t.txt")["tasks"]


@pytest.mark.parametrize("text,leads", [
    ("UBND tỉnh giao trách nhiệm Sở Tài chính phối hợp các sở, ngành liên quan hướng dẫn và kiểm tra việc quyết toán "
     "kinh phí, báo cáo kịp thời cho UBND tỉnh.", [["Sở Tài chính"]]),
    ("Bộ Khoa học và Công nghệ đề nghị UBND các tỉnh, thành phố trực thuộc trung ương; Thủ trưởng các cơ quan, đơn vị liên "
     "quan thuộc Bộ phối hợp tổ chức thực hiện công tác chuyển đổi số hiệu quả.",
     [["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "Thủ trưởng các cơ quan, đơn vị liên quan thuộc Bộ"]]),
    ("Theo đó, UBND tỉnh yêu cầu: Ban Dân tộc chủ trì, phối hợp với các đơn vị liên quan xây dựng kế hoạch hằng năm.\n\n"
     "Công an tỉnh tổ chức vận động người có uy tín theo chức năng, nhiệm vụ được giao.\n\n"
     "Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh tổ chức vận động người có uy tín ở vùng biên giới.",
     [["Ban Dân tộc"], ["Công an tỉnh"], ["Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]]),
    ("Đối với các địa bàn trọng điểm, phức tạp về an ninh, giao Ban Chỉ huy Quân sự huyện chủ trì xây dựng kế hoạch cụ thể.",
     [["Ban Chỉ huy Quân sự huyện"]]),
    ("UBND TP giao UBND quận 5 chủ động làm việc với các đơn vị có liên quan về tổ chức lễ hội.\n\n"
     "Các cơ quan, đơn vị gồm Sở Văn hóa và Thể thao, Sở Xây dựng, Công an thành phố căn cứ chức năng, nhiệm vụ được phân "
     "công, phối hợp hướng dẫn, hỗ trợ UBND quận 5 tổ chức chương trình.",
     [["Ủy ban nhân dân quận 5"], ["Sở Văn hóa và Thể thao", "Sở Xây dựng", "Công an thành phố"]]),
], ids=["giao trách nhiệm", "many of a kind", "under yêu cầu:", "two clauses of grounds", "kinds before names"])
def test_a_request_read_otherwise_is_a_task(text, leads):
    assert [t["lead"] for t in _tasks(text)] == leads


def test_whom_a_body_answers_to_is_no_task():
    text = ("Theo đó, UBND tỉnh giao Sở Nông nghiệp và Môi trường khẩn trương hoàn thiện dự thảo bảng giá đất.\n\n"
            "Giám đốc Sở Nông nghiệp và Môi trường; Chủ tịch UBND các xã chịu trách nhiệm trước Chủ tịch UBND tỉnh trong "
            "trường hợp chậm trễ việc công bố bảng giá đất.")
    assert [t["lead"] for t in _tasks(text)] == [["Sở Nông nghiệp và Môi trường"]]


def test_a_lede_said_again_with_words_added_is_one_task():
    text = ("Sở Văn hóa đề nghị các địa phương, cơ quan, đơn vị phát động Tết trồng cây xuân năm 2026 từ ngày 3 đến ngày 20 "
            "tháng 2 năm 2026.\n\n"
            "Sở Văn hóa đề nghị các địa phương, cơ quan, đơn vị tập trung tổ chức, phát động Tết trồng cây xuân năm 2026 từ "
            "ngày 3 đến ngày 20 tháng 2 năm 2026.")
    (task,) = _tasks(text)
    assert "tập trung tổ chức" in task["title"]


def test_two_requests_to_one_body_are_two_tasks():
    """A short request and a longer one to the same body, sharing its name and "chủ trì, phối hợp với …" (the longer
    holds the shorter's words in order, far apart): two duties (before: one, the short one lost silently; review S7)."""
    text = ("Đề nghị Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan tham mưu bố trí kinh phí thực hiện.\n\n"
            "Đề nghị Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan rà soát, tổng hợp nhu cầu, tham mưu UBND tỉnh "
            "bố trí kinh phí mua sắm trang thiết bị cho lực lượng dân quân để thực hiện nhiệm vụ năm 2026.")
    assert [t["lead"] for t in _tasks(text)] == [["Sở Tài chính"], ["Sở Tài chính"]]
