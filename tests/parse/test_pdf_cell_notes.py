"""Footnote markers inside ruled PDF table cells (pdfplumber characters): a raised, smaller digit
glued to a word is a marker "[n]" (which the normaliser drops), a power after a unit stays a digit."""

from __future__ import annotations

from kehoach.parse.pdf_notes import mark_cells

BOX = (0.0, 0.0, 500.0, 500.0)


def chars(text: str, sup: str = "", x: float = 10.0, top: float = 100.0) -> list[dict]:
    """Characters of ``text`` at size 12, then ``sup`` raised at size 7, each 6 points wide."""
    out = []
    for ch in text:
        out.append({"text": ch, "size": 12.0, "x0": x, "x1": x + 6, "top": top, "bottom": top + 12})
        x += 6
    for ch in sup:
        out.append({"text": ch, "size": 7.0, "x0": x, "x1": x + 3.5, "top": top - 3, "bottom": top + 4})
        x += 3.5
    return out


def text(cs: list[dict]) -> str:
    return "".join(c["text"] for c in cs)


def test_marker_glued_to_a_word_is_bracketed():
    cs = chars("hợp tác xã", "1")
    mark_cells(cs, [BOX])
    assert text(cs) == "hợp tác xã[1]"


def test_two_digit_marker_and_the_text_after_it():
    cs = chars("Tháng 5/2026", "12") + chars(" và", x=200)
    mark_cells(cs, [BOX])
    assert text(cs) == "Tháng 5/2026[12] và"


def test_power_after_a_unit_stays_a_digit():
    cs = chars("500 m", "2")
    mark_cells(cs, [BOX])
    assert text(cs) == "500 m2"


def test_digits_of_normal_size_and_characters_outside_tables_are_left():
    inside = chars("Quý II/2026")
    outside = chars("xã", "3", x=600)
    mark_cells(inside + outside, [BOX])
    assert text(inside) == "Quý II/2026" and text(outside) == "xã3"
