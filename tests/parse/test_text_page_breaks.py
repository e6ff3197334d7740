"""Text a PDF converter (pdftotext) leaves: page numbers on the line a form feed opens, sentences that
go on across a page break, dash items indented while a dash at the margin is a wrap inside a name."""

from __future__ import annotations

import textwrap

import pytest

from kehoach.parse.lines import dashes_indented
from kehoach.parse.text import read_text


def paras(text: str) -> list[str]:
    return [b.text for b in read_text(text) if b.kind == "para"]


@pytest.mark.parametrize("page", ["\f9", "\f                                         9", "\f- 9 -"])
def test_page_number_after_a_form_feed_is_dropped_and_the_sentence_goes_on(page):
    text = f"     - Chủ trì tham mưu lập danh sách, mời các\n\n{page}\n\nĐại sứ nước ngoài tham dự Chương trình.\n"
    assert paras(text) == ["- Chủ trì tham mưu lập danh sách, mời các Đại sứ nước ngoài tham dự Chương trình."]


def test_page_number_before_a_form_feed_is_dropped():
    text = "a) Bố trí kinh phí thực hiện theo\n\n8\n\fquy định hiện hành.\n"
    assert paras(text) == ["a) Bố trí kinh phí thực hiện theo quy định hiện hành."]


def test_a_page_break_after_a_finished_sentence_still_ends_it():
    text = "     11. Sở Tài chính\n\f                    9\n\n     - Bố trí kinh phí.\n"
    assert paras(text) == ["11. Sở Tài chính", "- Bố trí kinh phí."]


def test_a_bare_number_without_a_form_feed_is_kept():
    assert "2026" in " ".join(paras("Mục tiêu đến năm\n\n2026\n\nSở Y tế chủ trì.\n"))


INDENTED = "".join(f"     - Nhiệm vụ thứ {k} của sở.\n" for k in range(6))


def test_margin_dash_is_a_wrap_when_dash_items_are_indented():
    text = INDENTED + "     - Mời tham gia Festival Thăng Long\n– Hà Nội lần thứ II năm 2026.\n"
    assert dashes_indented(text.split("\n"))
    assert paras(text)[-1] == "- Mời tham gia Festival Thăng Long – Hà Nội lần thứ II năm 2026."


def test_margin_dash_is_an_item_when_items_are_not_indented():
    text = "".join(f"- Nhiệm vụ thứ {k} của sở.\n" for k in range(6)) + "- Mời tham gia lễ hội\n- Hà Nội chủ trì.\n"
    assert not dashes_indented(text.split("\n"))
    assert paras(text)[-2:] == ["- Mời tham gia lễ hội", "- Hà Nội chủ trì."]


def test_a_heading_ending_on_a_spaced_dash_goes_on_in_the_next_line():
    text = "   17. UBND các phường: Ba Đình, Hoàn Kiếm, Văn Miếu –\nQuốc Tử Giám và UBND xã Bát Tràng.\n     - Phối hợp tổ chức.\n"
    assert paras(text)[0] == "17. UBND các phường: Ba Đình, Hoàn Kiếm, Văn Miếu – Quốc Tử Giám và UBND xã Bát Tràng."


def blocks(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_text(text)]


def test_footnotes_at_a_page_foot_are_footnotes():
    text = ("II. MỤC TIÊU\nPhấn đấu đón 500.000 lượt khách trong năm 20261, tăng 15%.\n"
            "Có ít nhất 05 điểm du lịch tại các thôn vùng cao2.\n\n"
            "1   Năm 2025 toàn tỉnh đón 420.000 lượt khách.\n2   Gồm các thôn có bản làng truyền thống.\n"
            "\fIII. NHIỆM VỤ\n")
    got = blocks(text)
    assert [(k, t) for k, t in got if k == "footnote"] == [
        ("footnote", "Năm 2025 toàn tỉnh đón 420.000 lượt khách."), ("footnote", "Gồm các thôn có bản làng truyền thống.")]
    assert [b.mark for b in read_text(text) if b.kind == "footnote"] == ["1", "2"]


def test_numbered_lines_before_a_page_break_without_markers_stay_text():
    text = "III. NHIỆM VỤ\n1   Rà soát quy hoạch.\n2   Xây dựng cơ sở dữ liệu.\n\fIV. TỔ CHỨC THỰC HIỆN\n"
    assert not [k for k, _t in blocks(text) if k == "footnote"]


def test_footnotes_of_plain_pdftotext_are_footnotes():
    # without -layout the marks stand as bare numbers above the footnotes' texts
    text = ("II. MỤC TIÊU\nPhấn đấu đón 500.000 lượt khách trong năm 20261, tăng 15%.\n"
            "Có ít nhất 05 điểm du lịch tại các thôn vùng cao2.\n1\n2\n\n"
            "Năm 2025 toàn tỉnh đón 420.000 lượt khách.\nGồm các thôn có bản làng truyền thống.\n\n"
            "\fIII. NHIỆM VỤ\n")
    got = read_text(text)
    assert [(b.mark, b.text) for b in got if b.kind == "footnote"] == [
        ("1", "Năm 2025 toàn tỉnh đón 420.000 lượt khách."), ("2", "Gồm các thôn có bản làng truyền thống.")]
    assert not any(b.text.strip() in ("1", "2", "1 2") for b in got)


@pytest.mark.parametrize("above, foot", [
    ("trong năm 2026, tăng 15%", "1\n2\n\nRà soát quy hoạch.\nXây dựng cơ sở dữ liệu.\n"),  # no marker glued above
    ("trong năm 20261, tăng 15%", "1\n2\n3\n\nNăm 2025 toàn tỉnh đón khách.\nGồm các thôn.\n"),  # three numbers, two texts
])
def test_bare_numbers_before_a_page_break_without_footnotes_stay_text(above, foot):
    text = f"II. MỤC TIÊU\nPhấn đấu đón khách {above}.\n" + foot + "\fIII. NHIỆM VỤ\n"
    assert not [b for b in read_text(text) if b.kind == "footnote"]


def test_an_indented_dash_item_under_a_heading_that_fills_the_line_starts_a_paragraph():
    """pdftotext -layout: a heading as wide as the body's lines ends on a name ("… tỉnh Bình An"), and the dash
    item indented under it, in a text that indents its dash items, is an item, not the rest of a name cut at its dash
    (a wrap goes on at the margin)."""
    sentence = " ".join(["Sở Văn hóa và Thể thao tổ chức tuyên truyền, phổ biến nội dung của Kế hoạch đến cán bộ,"
                         " công chức, viên chức và người lao động trên địa bàn tỉnh"] * 3)
    body = "".join("       - " + "\n".join(textwrap.wrap(sentence, 84)) + ".\n" for _ in range(6))
    heading = "       7. Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghệ cao tỉnh Bình An\n"
    text = body + heading + "       - Thực hiện quản lý, phát triển khu công nghệ cao theo quy định.\n"
    assert paras(text)[-2:] == ["7. Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghệ cao tỉnh Bình An",
                                "- Thực hiện quản lý, phát triển khu công nghệ cao theo quy định."]
