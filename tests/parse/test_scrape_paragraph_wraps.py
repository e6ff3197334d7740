"""A portal scrape puts a blank line between its paragraphs and wraps each one at a width; a numbered sentence
wrapped before a capitalised word ("1. Sở A là cơ quan thường trực, đôn đốc các đơn vị triển khai" / "Kế hoạch;
định kỳ …") was cut into a heading and a paragraph when the plan had fewer than ten numbered paragraphs: the body
task read from it was titled by the sentence's second half. The blank lines tell: a plan whose numbered paragraphs
(outside the tables, whose cells hold lists with no blank line) all follow one is read as paragraphs apart."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.parse.lines import paragraphs_apart

HEAD = """|
**ỦY BAN NHÂN DÂN**
**TỈNH AN PHÚ**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
|
|
Số: 21/KH-UBND
|
*An Phú, ngày 5 tháng 3 năm 2026*
|

**KẾ HOẠCH**

**Phát triển nhà ở năm 2026**

**I. MỤC ĐÍCH, YÊU CẦU**

1. Cụ thể hóa chính sách thành nhiệm vụ của các cơ quan, đơn vị.

2. Bảo đảm đúng tiến độ.

**II. TỔ CHỨC THỰC HIỆN**

1. {first}
{second}

2. Các cơ quan báo cáo Ủy ban nhân dân tỉnh khi có khó khăn.

|
**Nơi nhận:**
- Các sở, ban, ngành;
- UBND các xã, phường;
- Lưu: VT.
|
**TM. ỦY BAN NHÂN DÂN**
**CHỦ TỊCH**
**Trần Văn An**
|
"""

CASES = [
    ("Sở Xây dựng là cơ quan thường trực, đôn đốc các cơ quan, đơn vị triển khai",
     "Kế hoạch; định kỳ trước ngày 10/12 hằng năm tổng hợp, báo cáo Ủy ban nhân dân tỉnh."),
    ("Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí kinh phí thực hiện",
     "Kế hoạch này trong dự toán ngân sách năm 2026."),
]


@pytest.mark.parametrize("first,second", CASES, ids=["lead-sentence", "funding-sentence"])
def test_a_numbered_sentence_wrapped_before_a_capital_is_one_paragraph(first, second):
    text = HEAD.format(first=first, second=second)
    assert paragraphs_apart(text.split("\n"))
    plan = extract_bytes(text.encode(), "plan.md")
    sec = next(c for s in plan["sections"] if s["id"] == "II" for c in s["children"] if c["id"] == "II.1")
    assert sec["title"] is None and sec["text"] == [f"{first} {second}"]


def test_a_text_whose_paragraphs_run_on_is_not_read_apart():
    lines = ["1. Rà soát quy hoạch", "Nội dung rà soát.", "", "2. Kiểm tra", "Nội dung kiểm tra.", "3. Báo cáo",
             "", "4. Tổng kết", "5. Khen thưởng"]
    assert not paragraphs_apart(lines)
