"""A numbered heading that fills its line in a PDF ("2. Tăng cường … đến năm 2030") is told from the
first line of a numbered sentence wrapped at the margin by what the next line opens with
(kehoach.parse.pdf_lines.heading_ends): a heading's paragraph starts a sentence; a wrapped sentence goes on
with lower-case words, a name, or a noun plans capitalise inside sentences."""

from __future__ import annotations

import pytest

from kehoach.parse.pdf_lines import heading_ends


@pytest.mark.parametrize("prev, line", [
    ("13. Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn", "Chủ trì, phối hợp chặt chẽ với"),
    ("2. Các giải pháp tổ chức thực hiện kế hoạch tài chính 03 năm 2026 - 2028", "Căn cứ đánh giá tình hình kinh tế"),
    ("III. TỔ CHỨC THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM CỦA KẾ HOẠCH NĂM 2026", "Các sở, ngành căn cứ chức năng"),
    ("a) Nâng cao năng lực chuyển đổi số cho đội ngũ cán bộ đến năm 2030", "Tổ chức tập huấn kỹ năng số"),
])
def test_a_whole_heading_then_its_paragraph(prev, line):
    assert heading_ends(prev, line)


@pytest.mark.parametrize("prev, line", [
    ("1. Sở Khoa học và Công nghệ chủ trì, phối hợp với", "Sở Tài chính tham mưu bố trí kinh phí"),  # a linking word
    ("2. Tổ chức kiểm tra việc chấp hành quy định về quản lý thực hiện", "Chương trình của các cơ quan"),  # a capitalised noun
    ("8. Thực hiện các cam kết quốc tế trong phòng, chống ma túy mà Việt", "Nam đã ký kết và tham gia."),  # a name going on
    ("b) Thiết lập cơ chế phối hợp giữa các sở thuộc Ủy ban nhân dân", "Thành phố, Ủy ban nhân dân xã"),
    ("3. Góp ý dự thảo các văn bản hướng dẫn thi hành", "Luật và tổ chức triển khai"),
    ("4. Rà soát các thủ tục hành chính trên địa bàn tỉnh đang tích hợp trên Cổng", "Dịch vụ công quốc gia"),
    ("5. Hoàn thành việc rà soát, đánh giá kết quả thực hiện trong năm 2025.", "Phát triển số không đánh đổi"),  # a sentence's end
    ("6. Ủy ban nhân dân các xã, phường triển khai thực hiện kế hoạch tại địa phương", "Sở Nội vụ hướng dẫn"),  # an agency
    ("- Tổ chức hội nghị sơ kết việc thực hiện kế hoạch tại các cơ quan, đơn vị", "Kết quả báo cáo về Sở"),  # a dash item
    ("Tổ chức hội nghị sơ kết việc thực hiện kế hoạch tại các cơ quan, đơn vị", "Báo cáo kết quả về Sở"),  # no number
])
def test_a_numbered_sentence_wrapped_at_the_margin(prev, line):
    assert not heading_ends(prev, line)
