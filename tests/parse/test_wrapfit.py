"""Hard-wrapped text: a full line whose next word had no room goes on, even after a sentence's end; a line that had
room ended its paragraph (kehoach.parse.wrapfit)."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.parse.text import read_text
from kehoach.parse.wrapfit import printed_width, text_em

_FILLER = ("Các cơ quan, đơn vị có liên quan triển khai đầy đủ các nhiệm vụ được giao, bảo đảm đúng tiến độ, "
           "chất lượng và hiệu quả; định kỳ báo cáo kết quả thực hiện về cơ quan thường trực để tổng hợp.")


def paras(text: str) -> list[str]:
    return [b.text for b in read_text(text) if b.kind == "para"]


def _around(*middle: str, width: int = 80) -> str:
    """``middle`` between numbered paragraphs wrapped to ``width`` characters (as w3m or fmt leave them)."""
    body = [line for k in range(1, 7) for line in textwrap.wrap(f"{k}. {_FILLER}", width)]
    return "\n".join([*body, *middle, *body])


def _got(text: str, first: str, n: int) -> list[str]:
    got = paras(text)
    k = next(i for i, p in enumerate(got) if p.startswith(first[:30]))
    return got[k:k + n]


FULL_STOP = "Sở A chủ trì tham mưu; các sở, ngành phối hợp tổ chức thực hiện đạt hiệu quả."
"""77 characters: a word of two letters or more has no room after it in the text around, wrapped to 79."""
ROOM = "Sở A chủ trì tham mưu; các sở, ngành phối hợp tổ chức thực hiện hiệu quả."
"""73 characters: "Sở" (a space and two letters) would have fitted after it."""
GOES_ON = "Quá trình thực hiện cần phối hợp chặt chẽ với các cơ quan liên quan."
NEXT = "Các sở, ngành có trách nhiệm rà soát, tham mưu ban hành văn bản."


@pytest.mark.parametrize("middle, expected", [
    # A full line ends a sentence, the next word had no room: the paragraph goes on (it was split before).
    ((FULL_STOP, GOES_ON, "- Thời gian: 2026."), [f"{FULL_STOP} {GOES_ON}", "- Thời gian: 2026."]),
    ((FULL_STOP[:-1] + ";", "Tiếp tục thu hút các nhà đầu tư.", NEXT),
     [f"{FULL_STOP[:-1]}; Tiếp tục thu hút các nhà đầu tư.", NEXT]),
    # The next word would have fitted: the line ended its paragraph.
    ((ROOM, "Sở B thực hiện.", NEXT), [ROOM, "Sở B thực hiện.", NEXT]),
    # The next line had room for the word after it, though its sentence goes on there: an indented first line.
    ((FULL_STOP, "Trong quá trình thực hiện, nếu", "có khó khăn, vướng mắc thì báo cáo."),
     [FULL_STOP, "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc thì báo cáo."]),
    # What starts a block whatever its width still does: a number, a dash, a heading in capitals.
    ((FULL_STOP, "2. Sở B thực hiện."), [FULL_STOP, "2. Sở B thực hiện."]),
    ((FULL_STOP, "- Sở B thực hiện."), [FULL_STOP, "- Sở B thực hiện."]),
    ((FULL_STOP, "TỔ CHỨC THỰC HIỆN"), [FULL_STOP, "TỔ CHỨC THỰC HIỆN"]),
])
def test_a_full_line_ending_a_sentence(middle, expected):
    assert len(FULL_STOP) == 77 and len(ROOM) == 73
    assert _got(_around(*middle), expected[0], len(expected)) == expected


def test_a_full_line_ending_a_sentence_where_paragraphs_stand_apart():
    """w3m -dump sets a blank line between paragraphs and wraps them to 80 characters: a line break inside one whose
    line had no room for the next word is a wrap, after a sentence's end too."""
    body = "\n\n".join("\n".join(textwrap.wrap(f"{k}. {_FILLER}", 80)) for k in range(1, 12))
    got = paras(f"{body}\n\n{FULL_STOP}\n{GOES_ON}\n\n{body}")
    assert f"{FULL_STOP} {GOES_ON}" in got


def test_printed_width_is_measured_by_the_faces_advances():
    assert text_em("iiii") < text_em("nnnn") < text_em("MMMM")
    assert text_em("Việt Nam") == text_em("Viet Nam") and text_em("a   b") == text_em("a b")
    wrapped = [line for k in range(30) for line in textwrap.wrap(f"{k}. {_FILLER}", 80)]
    assert printed_width(wrapped, 80) == 0  # wrapped by characters: none goes past the width


def _print(paragraphs: list[str], width: int) -> list[str]:
    """Paragraphs set in a Times-like face on a line ``width`` thousandths of an em wide, one line of text each (as
    pdftotext gives a printed page)."""
    lines: list[str] = []
    for para in paragraphs:
        cur = ""
        for word in para.split():
            if cur and text_em(f"{cur} {word}") > width:
                lines.append(cur)
                cur = word
            else:
                cur = f"{cur} {word}" if cur else word
        lines.append(cur)
    return lines


SENTENCES = [f"{who} tham mưu, tổ chức thực hiện nhiệm vụ được giao{tail}."
             for who in ("Các sở", "Các ban, ngành", "Các địa phương", "Các đơn vị", "Cơ quan thường trực", "Mỗi xã")
             for tail in ("", " trên địa bàn tỉnh", ", bảo đảm tiến độ và chất lượng", " theo quy định")]


def _pages(lines: list[str], every: int) -> list[str]:
    """``lines`` cut into pages as pdftotext gives them: the page's number at its foot, a form feed opening the next."""
    out: list[str] = []
    for k, line in enumerate(lines):
        if k and k % every == 0:
            out += ["", str(k // every), "", "\f" + line]
        else:
            out.append(line)
    return out


@pytest.mark.parametrize("pages", [0, 17])
@pytest.mark.parametrize("chars", range(60, 101, 4))
def test_a_printed_page_keeps_its_paragraphs(chars, pages):
    """Paragraphs of several sentences, printed at widths of 60 to 100 characters, on pages or not: wherever a
    sentence ends at a line's end (by a face's widths, not characters: "iii" and "MMM" differ), the paragraph
    goes on."""
    width = chars * 430
    paragraphs = [f"{k}. " + " ".join(SENTENCES[(k * 5 + j) % len(SENTENCES)] for j in range(k % 4 + 3))
                  for k in range(1, 25)]
    lines = _print(paragraphs, width)
    assert any(line.endswith(".") and not lines[k + 1][:1].isdigit() for k, line in enumerate(lines[:-1]))
    assert paras("\n".join(_pages(lines, pages) if pages else lines)) == paragraphs


def _em_by_character(text: str) -> int:
    """text_em's definition, character by character (what the one-pass count must equal)."""
    import unicodedata

    from kehoach.parse.wrapfit import _ADVANCE

    total = 0
    for ch in unicodedata.normalize("NFD", " ".join(text.split())):
        if not unicodedata.combining(ch):
            total += _ADVANCE.get("d" if ch == "đ" else "D" if ch == "Đ" else ch, 500)
    return total


_EM_ALPHABET = ("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789 ,.;:/-()“”…—%&'"
                "ÁẠẢÃÀấầẩẫậếềểễệốồổỗộớờởỡợứừửữựýỳỷỹỵ\t\n\x01\x02\x0e\x7f–•°≥²\u0483\u034f\u0301\u0300\ue000\U0001F600")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_EM_ALPHABET, max_size=60) | st.text(max_size=20))
def test_text_em_counts_as_character_by_character(text):
    assert text_em(text) == _em_by_character(text)
