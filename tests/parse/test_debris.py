"""Converter debris never reaches the text: footnote markers, page separators, italic numbering."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.parse.normalize import footnote_start, normalize_text


@pytest.mark.parametrize("raw,clean", [
    ("trình và các văn bản có liên quan[1];", "trình và các văn bản có liên quan;"),
    ("dự toán 560 tỷ đồng *[1]*, bằng 98%", "dự toán 560 tỷ đồng, bằng 98%"),
    ("*(trong đó: chi thường xuyên 14.635 tỷ đồng***[3]**, chi trả lãi 11 tỷ đồng)",
     "(trong đó: chi thường xuyên 14.635 tỷ đồng, chi trả lãi 11 tỷ đồng)"),
    ("các văn bản<sup>2</sup> liên quan", "các văn bản liên quan"),
    ("diện tích 30 m<sup>2</sup> sàn", "diện tích 30 m2 sàn"),
    ("*6.2. *Phấn đấu 100% xã đạt chuẩn", "6.2. Phấn đấu 100% xã đạt chuẩn"),
])
def test_markers_removed(raw, clean):
    assert normalize_text(raw) == clean
    assert normalize_text(clean) == clean


def test_bracketed_footnote_text_is_a_footnote():
    assert footnote_start("[1] Nghị quyết số 163/2024/QH15") == ("1", "Nghị quyết số 163/2024/QH15")
    assert footnote_start("[2]; tiếp tục") is None


def test_page_separators_and_footnotes_stay_out_of_sections():
    text = ("Số: 3/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\nI. MỤC TIÊU\n\nPhấn đấu 100% xã có điểm bưu điện văn hóa"
            "[1].\n\n{3}------------------------------------------------\n\nII. NHIỆM VỤ\n\n"
            "Hoàn thiện mạng lưới.\n\n[1] Theo Quyết định số 12/QĐ-UBND.\n")
    p = extract_bytes(text.encode("utf-8"), "plan.md")
    assert p["sections"][0]["text"] == ["Phấn đấu 100% xã có điểm bưu điện văn hóa."]
    assert p["sections"][1]["text"] == ["Hoàn thiện mạng lưới."]
    assert [f["mark"] for f in p["footnotes"]] == ["1"]
    assert all("---" not in u["text"] for u in p["quality"]["unplaced"])
