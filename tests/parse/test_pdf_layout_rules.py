"""Rules of the PDF reader's layout: a line broken before a spaced dash, a narrow numbering column's header,
a number wrapped under a title (parse/pdf.py, parse/pdf_tables.py)."""

from __future__ import annotations

import pytest

from kehoach.parse.pdf import _dash_goes_on


@pytest.mark.parametrize("prev,line,first,goes_on", [
    ("a) Ban hành kế hoạch thực hiện tại địa phương giai đoạn 2025", "- 2035, định hướng đến năm 2045", True, True),
    ("theo dõi sát nguồn thu lớn như: Thuế phát sinh của cụm Khí", "- Điện - Đạm, khu vực kinh tế", False, True),
    ("phối hợp với Sở Lao động", "– Thương binh và Xã hội triển khai", False, True),
    ("Các sở, ngành thực hiện các nhiệm vụ sau:", "- Rà soát văn bản", True, False),
    ("bảo đảm đúng quy định;", "- Tổ chức kiểm tra", False, False),
    ("đạt mục tiêu đề ra (năm 2025)", "- 2026: hoàn thành", False, False),
    ("2. Sở Nội vụ chủ trì thực hiện các nhiệm vụ", "- Rà soát, sắp xếp", True, False),
    ("- Tuyên truyền nội dung Kế hoạch trên các phương tiện", "- Tổ chức hội nghị", True, False),
    ("triển khai trên địa bàn tỉnh", "Tổ chức hội nghị", False, False),
])
def test_a_dash_line_after_a_full_line(prev, line, first, goes_on):
    assert _dash_goes_on(prev, line, first) is goes_on


def _word(text: str, x0: float, top: float = 100.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 6.0 * len(text), "top": top, "bottom": top + 11.0}


def test_a_narrow_numbering_columns_header_is_a_cell_of_its_own():
    """A borderless table's header "TT" set closer to "Chỉ tiêu" than the columns' gap (a narrow
    column, cells set close) is still read as three header cells."""
    from kehoach.parse.pdf_tables import _header_cells, _is_header

    line = [_word("TT", 60), _word("Chỉ", 78), _word("tiêu", 100), _word("Chủ", 400), _word("trì", 422)]
    assert [[w["text"] for w in cell] for cell in _header_cells(line, 7.5)] == [["TT"], ["Chỉ", "tiêu"], ["Chủ", "trì"]]
    assert _is_header(line, 7.5)
    prose = [_word("Tổ", 60), _word("chức", 76), _word("hiện", 400)]
    assert len(_header_cells(prose, 7.5)) == 2


def test_a_number_wrapped_under_a_title_is_not_a_page_number():
    """The last lines before a table are not the page's bottom: "… ĐẾN NĂM" / "2030" above the
    appendix table keeps its "2030" and goes on the title."""
    from kehoach.parse.pdf import _drop_running_lines

    class Page:
        items = [("line", "PHỤ LỤC"), ("line", "PHÂN CÔNG … ĐẾN NĂM"), ("line", "2030"), ("table", []), ("line", "12")]

    page = Page()
    _drop_running_lines([page])
    assert [it[1] for it in page.items if it[0] == "line"] == ["PHỤ LỤC", "PHÂN CÔNG … ĐẾN NĂM", "2030"]
