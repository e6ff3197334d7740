"""Ordered lists in HTML read as the numbers a browser shows: Word's automatic numbering saved as
HTML (LibreOffice, Word's "Web page") is <ol type="I"> / <ol> / <ol type="a"> lists, the headings'
numbers exist only as list markers."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.parse.html import html_to_text


def lines(markup: str) -> list[str]:
    return [line for line in html_to_text(markup).splitlines() if line]


@pytest.mark.parametrize("markup,expected", [
    ("<ol type='I'><li><p><b>MỤC ĐÍCH</b></p></li><li><p>NHIỆM VỤ</p></li></ol>", ["I. MỤC ĐÍCH", "II. NHIỆM VỤ"]),
    ("<ol><li>Một</li><li>Hai</li></ol>", ["1. Một", "2. Hai"]),
    ("<ol type='a'><li>Một</li><li>Hai</li></ol>", ["a) Một", "b) Hai"]),
    ("<ol type='i'><li>Một</li></ol>", ["i) Một"]),
    ("<ol type='A'><li>Một</li></ol>", ["A. Một"]),
    ("<ol start='3'><li>Ba</li><li value='7'>Bảy</li><li>Tám</li></ol>", ["3. Ba", "7. Bảy", "8. Tám"]),
    # LibreOffice continues a list in a new <ol> wrapper holding only the inner list
    ("<ol type='I'><li>A</li></ol><ol type='I'><ol start='2'><li>Hai</li></ol></ol>", ["I. A", "2. Hai"]),
    ("<ol type='I' start='2'><li>B<ol><li>x</li></ol></li></ol>", ["II. B", "1. x"]),
    ("<ul><li>Một</li></ul>", ["- Một"]),
    ("<ol><li>Một<ul><li>dấu</li></ul></li><li>Hai</li></ol>", ["1. Một", "- dấu", "2. Hai"]),
    ("<ol><li></li><li><p>Hai</p></li></ol>", ["2. Hai"]),
    ("<ol start='0'><li>Không</li></ol>", ["- Không"]),
    ("<ol start='99999999999999'><li>x</li></ol>", ["32767. x"]),
    ("<ol start='abc'><li>x</li></ol>", ["1. x"]),
])
def test_list_markers(markup, expected):
    assert lines(markup) == expected


def test_numbered_list_in_a_cell():
    out = lines("<table><tr><td>1</td><td><ol type='a'><li><p>Một</p></li><li>Hai</li></ol></td>"
                "<td>Sở Y tế</td></tr></table>")
    assert out == ["<p>1</p>\t<p>a) Một</p><p>b) Hai</p>\t<p>Sở Y tế</p>"]


def test_auto_numbered_plan_saved_as_html():
    page = ("<html><body><p>ỦY BAN NHÂN DÂN TỈNH HÀ NAM</p><p>Số: 12/KH-UBND</p>"
            "<p>Hà Nam, ngày 5 tháng 3 năm 2024</p><p>KẾ HOẠCH</p><p>Thử nghiệm</p>"
            "<ol type='I'><li><p><b>MỤC ĐÍCH, YÊU CẦU</b></p><ol><li><p>Mục đích</p></li></ol></li></ol>"
            "<p>Nâng cao chất lượng.</p>"
            "<ol type='I' start='2'><li><p><b>TỔ CHỨC THỰC HIỆN</b></p><ol><li><p>Sở Y tế</p></li></ol></li></ol>"
            "<p>Chủ trì triển khai Kế hoạch, báo cáo trước ngày 15/12/2024.</p>"
            "<ol type='I'><ol start='2'><li><p>Sở Tài chính</p></li></ol></ol>"
            "<p>Bố trí kinh phí thực hiện Kế hoạch.</p></body></html>")
    plan = extract_bytes(page.encode("utf-8"), "plan.html")
    assert plan["document"]["is_plan"]
    assert [s["number"] for s in plan["sections"]] == ["I", "II"]
    assert [(t["lead"], t["deadline"]["end"]) for t in plan["tasks"]] == [
        (["Sở Y tế"], "2024-12-15"), (["Sở Tài chính"], None)]
