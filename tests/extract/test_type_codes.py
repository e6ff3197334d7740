"""A document's type code from its type line where the symbol gives none or another: the codes of the national rules for
the form of documents ("CHƯƠNG TRÌNH HÀNH ĐỘNG" → CTr, "QUY CHẾ" → QC)."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.extract.kind import type_from_line


@pytest.mark.parametrize("name,symbol_code,code", [
    ("Chương trình hành động", None, "CTr"),
    ("Chương trình công tác", None, "CTr"),
    ("Quy chế", None, "QC"),
    ("Quy định", None, "QyĐ"),
    ("Đề án", None, "ĐA"),
    ("Kế hoạch hành động", "KHHĐ", "KHHĐ"),
    ("Quyết định", "CT", "QĐ"),          # "5/2007/CT-UBND" over "QUYẾT ĐỊNH": the line names the kind
    ("Phương án", "QĐ", "QĐ"),           # an attachment's line over a decision's symbol: the symbol's
    ("Thông tư liên tịch", None, "TTLT"),
    (None, "KH", "KH"),
])
def test_a_type_line_gives_the_type_code(name, symbol_code, code):
    assert type_from_line(name, symbol_code) == code


@pytest.mark.parametrize("head", ["CHƯƠNG TRÌNH HÀNH ĐỘNG\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH NAM HÀ\n",
                                  "Chương trình hành động của Tỉnh ủy Nam Hà\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"])
def test_an_action_programme_with_no_symbol_is_typed_by_its_line(head):
    text = (head + "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh, Ban Chấp hành Đảng bộ tỉnh xây dựng Chương trình "
            "hành động như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa các mục tiêu của Nghị quyết.\n")
    doc = extract_bytes(text.encode("utf-8"), "page.txt")["document"]
    assert (doc["type"], doc["type_name"]) == ("CTr", "Chương trình hành động")
