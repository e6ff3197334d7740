"""A title wrapped onto a line the reader set apart as a paragraph of its own (a PDF whose title's
lines stand apart, text with blank lines between them) goes on in that line when it continues in
lower case or opens a bracket, or in figures after a line cut at a dash or a connector ("giai đoạn 2026 -" /
"2030"); a "(Kèm theo …)" line, a numbered heading or a sentence does not."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 12/KH-UBND\n\nHà Nam, ngày 5 tháng 1 năm 2026\n\nKẾ HOẠCH\n\n"
BODY = "\n\nI. MỤC TIÊU\n\nNâng cao chất lượng.\n\nII. TỔ CHỨC THỰC HIỆN\n\nSở Y tế chủ trì.\n"


@pytest.mark.parametrize("lines, title", [
    (["Cao điểm chống khai thác hải sản bất hợp pháp", "(IUU) quý I năm 2026"],
     "Cao điểm chống khai thác hải sản bất hợp pháp (IUU) quý I năm 2026"),
    (["Phát triển du lịch cộng đồng", "năm 2026"], "Phát triển du lịch cộng đồng năm 2026"),
    (["Phát triển du lịch cộng đồng", "(Kèm theo Quyết định số 5/QĐ-UBND ngày 2/1/2026)"], "Phát triển du lịch cộng đồng"),
    (["Phát triển du lịch cộng đồng", "Để khai thác tiềm năng du lịch, Ủy ban nhân dân tỉnh ban hành Kế hoạch:"],
     "Phát triển du lịch cộng đồng"),
    (["Phát triển du lịch cộng đồng.", "(Tài liệu phục vụ hội nghị)"], "Phát triển du lịch cộng đồng"),
    # a line cut after a dash or a connector goes on in the figures of the next
    (["Phát triển nguồn nhân lực giai đoạn 2026 -", "2030"], "Phát triển nguồn nhân lực giai đoạn 2026 - 2030"),
    (["Phát triển nguồn nhân lực đến năm", "2030"], "Phát triển nguồn nhân lực đến năm 2030"),
    (["Phát triển nguồn nhân lực năm 2026", "2030 tầm nhìn"], "Phát triển nguồn nhân lực năm 2026"),
])
def test_title_wrapped_apart(lines, title):
    doc = extract_bytes((HEAD + "\n\n".join(lines) + BODY).encode("utf-8"), "plan.txt")["document"]
    assert doc["title"] == title
