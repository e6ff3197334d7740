"""Requests news items and portals hand out that the reader missed or misread (session 19's new real passages,
tests/excerpts/; names invented): a document as the asker ("Công điện yêu cầu …"); "Đồng thời giao …" with no comma;
a body "cũng được yêu cầu" its duty; the addressees by their kinds alone ("các sở, ngành") before a word of manner
("nhanh chóng"); "sớm" before the duty, read into the lead. Each gave no task, or a lead with a verb in it, and no
warning; a department's letter that asks the committee ("đề nghị UBND tỉnh …") still hands out none."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes


def _tasks(text: str) -> list[dict]:
    return extract_bytes(f"Tin hoạt động\n\n{text}\n".encode(), "t.txt")["tasks"]


@pytest.mark.parametrize("text,leads", [
    ("Ngày 2/3, Chủ tịch UBND tỉnh đã có Công điện số 15/CĐ-UBND về việc phòng, chống dịch bệnh. Công điện yêu cầu UBND "
     "huyện Nam Sơn, Bắc Sơn triển khai thực hiện các biện pháp phòng, chống dịch.",
     [["Ủy ban nhân dân huyện Nam Sơn", "Ủy ban nhân dân huyện Bắc Sơn"]]),
    ("Đồng thời giao Sở Nông nghiệp và Môi trường thường xuyên theo dõi, đôn đốc, kiểm tra việc triển khai thực hiện của "
     "các địa phương.", [["Sở Nông nghiệp và Môi trường"]]),
    ("Sở Xây dựng cũng được yêu cầu phối hợp với UBND cấp xã thực hiện đầy đủ chế độ đối với công chức biệt phái.",
     [["Sở Xây dựng"]]),
    ("Theo đó, Chủ tịch UBND thành phố yêu cầu các sở, ngành nhanh chóng tháo gỡ các vướng mắc tại các dự án nhà ở.",
     [["Các sở, ngành"]]),
    ("Bí thư Đảng ủy phường An Lạc yêu cầu Trung tâm Phục vụ hành chính công phường sớm ổn định tổ chức bộ máy.",
     [["Trung tâm Phục vụ hành chính công phường"]]),
], ids=["a dispatch asks", "Đồng thời giao", "cũng được yêu cầu", "kinds before nhanh chóng", "sớm"])
def test_a_request_read_otherwise_is_a_task(text, leads):
    assert [t["lead"] for t in _tasks(text)] == leads


def test_a_letter_that_asks_the_committee_hands_out_no_work():
    assert _tasks("Công văn của Sở Tài chính đề nghị UBND tỉnh xem xét, bố trí kinh phí cho các dự án.") == []
