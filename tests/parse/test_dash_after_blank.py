"""A PDF converter (pymupdf4llm) takes a wrapped line that opens with a dash for a list item and sets a blank line
before it: the dash that goes on ("- xã hội", "- 2030") joins the line filled to the width above it, as it does
with no blank line between; a dash item under a short line (a heading) stays an item."""

from __future__ import annotations

import textwrap

import pytest

from kehoach.parse.text import read_text

_BODY = textwrap.fill("Ủy ban nhân dân tỉnh giao các sở, ban, ngành và Ủy ban nhân dân các xã, phường căn cứ chức năng, "
                      "nhiệm vụ được giao chủ động xây dựng kế hoạch triển khai thực hiện các nhiệm vụ, giải pháp "
                      "của Chương trình, bảo đảm tiến độ, chất lượng và hiệu quả; định kỳ hằng quý báo cáo kết quả "
                      "thực hiện về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định. "
                      "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh.",
                      86) + "\n\n"
"""A paragraph printed a line to the width (86 characters): three of them, and the text's wrap width is known."""

FILL = ("b) Chủ động phối hợp với Sở Tài chính, Sở Nội vụ và các doanh nghiệp vận tải triển khai\n"
        "kết nối, chia sẻ dữ liệu giữa các hệ thống quản lý - điều hành - giám sát giao thông và\n")


@pytest.mark.parametrize("after, joined", [
    ("- bến bãi; thúc đẩy thanh toán điện tử.\n", True),  # lower case after the dash: goes on
    ("- 2035, định hướng đến năm 2045.\n", False),        # a year after a line not ending in one: an item
    ("- Bến bãi được kết nối.\n", False),                 # a capital after the dash: an item
])
def test_a_dash_under_a_full_line_after_a_blank_line(after, joined):
    paras = [b.text for b in read_text(3 * _BODY + FILL + "\n" + after + "\nĐoạn sau.\n") if b.kind == "para"]
    assert (len(paras) == 5) == joined, paras


def test_a_range_of_years_cut_at_its_dash_goes_on_after_a_blank_line():
    text = ("a) Xây dựng đề án phát triển mạng lưới trường học trên địa bàn tỉnh cho giai đoạn 2026\n\n"
            "- 2030, tầm nhìn đến năm 2035 theo nhu cầu học tập thực tế của từng địa phương.\n\n"
            "b) Tổ chức kiểm tra, đánh giá việc thực hiện Chương trình tại địa phương hằng năm.\n")
    paras = [b.text for b in read_text(3 * _BODY + text) if b.kind == "para"]
    assert paras[3].endswith("giai đoạn 2026 - 2030, tầm nhìn đến năm 2035 theo nhu cầu học tập thực tế của từng địa phương.")


def test_a_dash_item_under_a_short_line_stays_an_item():
    paras = [b.text for b in read_text("a) Điểm một\n\n- ý thứ nhất\n\n- ý thứ hai\n") if b.kind == "para"]
    assert paras == ["a) Điểm một", "- ý thứ nhất", "- ý thứ hai"]
