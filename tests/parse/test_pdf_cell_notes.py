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


def test_a_marker_left_glued_in_a_task_is_warned_about():
    """Where the reader could not tell a marker from the text ("hợp tác xã1" with a footnote 1), the
    task keeps the text and a warning points at it; "50 m2" and numbers with no footnote are no marker."""
    from kehoach.extract.table_checks import glued_markers

    def task(no, title, lead="Sở Xây dựng", deadline="Quý II/2026"):
        return {"no": no, "title": title, "lead_as_written": [lead], "support_as_written": [],
                "deadline": {"text": deadline}, "loc": {"line": int(no), "page": None}}

    tasks = [task("1", "Rà soát nhu cầu của các hợp tác xã1"), task("2", "Xây dựng nhà 50 m2 cho hộ nghèo"),
             task("3", "Tổ chức kết nối cung cầu", lead="Trung tâm Xúc tiến đầu tư3"), task("4", "Hỗ trợ khu phố5")]
    found = glued_markers(tasks, [{"mark": "1"}, {"mark": "2"}, {"mark": "3"}])
    assert [(w["code"], w["loc"]["line"]) for w in found] == [("footnote-marker-glued", 1), ("footnote-marker-glued", 3)]
