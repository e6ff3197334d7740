from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.parse.normalize import footnote_start, has_content, normalize_text

CASES = [
    ("## **II. ĐỐI TƯỢNG, NỘI DUNG**", "II. ĐỐI TƯỢNG, NỘI DUNG"),
    ("**3. Thời gian tổ chức thi đua:** Phong trào", "3. Thời gian tổ chức thi đua: Phong trào"),
    ("*\\* Lưu ý: Đối với doanh nghiệp.*", "Lưu ý: Đối với doanh nghiệp."),
    ("<p>thuận lợi, nhanh</p> <p>Tập hợp</p>", "thuận lợi, nhanh Tập hợp"),
    ("a<br>b", "a b"),
    ("Quy hoạch tỉnh¹. Hoàn thiện", "Quy hoạch tỉnh. Hoàn thiện"),
    ("x[^2] y", "x y"),
    ("*TS*", ""),
    ("công tác /suny thu hút", "công tác thu hút"),
    ("A&amp;B&nbsp;C", "A&B C"),
    ("Ghi chú (*) và (*)", "Ghi chú (*) và (*)"),
    # a web page's converter: a space inside the closing mark, a bullet or "%" after the opening one, marks in brackets
    ("có kho *(kho lạnh, cơ sở sơ chế) *bao tiêu sản phẩm", "có kho (kho lạnh, cơ sở sơ chế) bao tiêu sản phẩm"),
    ("*Căn cứ Luật Thủ đô ngày 1 tháng 2 năm 2024; *", "Căn cứ Luật Thủ đô ngày 1 tháng 2 năm 2024;"),
    ("*- Công nghiệp, xây dựng*", "- Công nghiệp, xây dựng"),
    ("*- Cây ăn quả: *Tổng diện tích đạt 500 ha", "- Cây ăn quả: Tổng diện tích đạt 500 ha"),
    ("*%*", "%"),
    ("các tỉnh (*Bình An, Hòa Lạc...*) để", "các tỉnh (Bình An, Hòa Lạc...) để"),
    ("3 * 4 và a *", "3 * 4 và a *"),
    ("  nhiều   khoảng\ttrắng  ", "nhiều khoảng trắng"),
    ("Uỷ ban", "Uỷ ban"),  # spelling is kept
    ("Ủy ban", "Ủy ban"),  # NFD in, NFC out
    ("Sở Tài chí\u00adnh; thực hi\u00adện", "Sở Tài chính; thực hiện"),  # a web page's soft hyphens
    ("Số:\u00a0205/KH-UBND", "Số: 205/KH-UBND"),
]


@pytest.mark.parametrize("raw,expected", CASES)
def test_normalize(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("raw,expected", CASES)
def test_normalize_is_idempotent_on_cases(raw, expected):
    once = normalize_text(raw)
    assert normalize_text(once) == once


@given(st.text(max_size=300))
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\n" not in once and "\r" not in once


def test_footnote_start():
    assert footnote_start("¹ Hoàn thiện dự thảo") == ("1", "Hoàn thiện dự thảo")
    assert footnote_start("¹² Mười hai") == ("12", "Mười hai")
    assert footnote_start("[^3]: Ghi chú") == ("3", "Ghi chú")
    assert footnote_start("Không phải") is None


@given(st.text(alphabet=st.sampled_from(list("aAếẾ Ạ1.-/|*_#&;:()KHOCUBND\u0301")), max_size=40),
       st.integers(0, 3), st.integers(0, 3))
def test_a_padded_cell_normalises_as_the_full_normaliser_does(text, left, right):
    """The quick path for table-cell padding ("| ô |") gives what every step would."""
    from kehoach.parse.normalize import _normalize

    padded = " " * left + text + " " * right
    assert normalize_text(padded) == _normalize(padded)


@given(st.text(alphabet=st.sampled_from(list("aẾ1¹ \t\x01\u00a0\u00ad<>&;#/*[]^_\\\u0301\u200b\uf0b7pbrsunyTSm")), max_size=30))
def test_has_content_says_whether_normalising_keeps_anything(text):
    assert has_content(text) == bool(normalize_text(text))


@pytest.mark.parametrize("line,kept", [
    ("Sở Tài chính\t01/2026", True), ("<br>", False), ("&nbsp;", False), ("/suny", False), ("¹", False),
    ("[^2]", False), ("**", False), ("\u200b", False), ("a", True), ("# Mục tiêu", True), ("*TS*", False),
    ("\x01/suny", False), ("Quý II/2026", True), ("Sở KH&ĐT", True), ("&amp;", True),
    # a zero-width or control character the normaliser removes before it decodes entities
    ("&\u200bnbsp;", False), ("&\x01lt;br&\ufeffgt;", False), ("&\u2060nbsp;x", True),
])
def test_has_content_cases(line, kept):
    assert has_content(line) is kept
