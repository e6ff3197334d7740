"""Running headers and footers in text a PDF converter leaves (pdftotext, with form feeds between
pages): the same line opening or closing most pages is the page's furniture, not the document's text
(it was glued into the cell or paragraph that goes on across the page break)."""

from __future__ import annotations

import pytest

from kehoach.parse.lines import running_lines
from kehoach.parse.text import read_text


def pages(tops: list[str], bodies: list[str], feet: list[str] | None = None) -> str:
    feet = feet or [""] * len(bodies)
    return "\f".join(f"{top}\n\n{body}\n\n{foot}\n" for top, body, foot in zip(tops, bodies, feet, strict=True))


BODIES = ["- Sở Y tế chủ trì rà soát quy trình", "khám chữa bệnh.\n\n- Sở Tài chính bố trí", "kinh phí thực hiện.",
          "- Sở Nội vụ tổng hợp kết quả."]


@pytest.mark.parametrize("top", ["Kế hoạch số 12/KH-UBND", "       Kế hoạch hành động 39/KHHD-UBND"])
def test_running_header_is_dropped_and_sentences_go_on(top):
    text = pages([top] * 4, BODIES)
    paras = [b.text for b in read_text(text) if b.kind == "para"]
    assert paras == ["- Sở Y tế chủ trì rà soát quy trình khám chữa bệnh.", "- Sở Tài chính bố trí kinh phí thực hiện.",
                     "- Sở Nội vụ tổng hợp kết quả."]


def test_running_footer_with_page_numbers():
    text = pages([""] * 4, BODIES, [f"Kế hoạch 12/KH-UBND - trang {n}/4" for n in range(1, 5)])
    assert len(running_lines(text.split("\n"))) == 4


@pytest.mark.parametrize("tops", [
    ["ỦY BAN NHÂN DÂN", "- Một việc.", "- Hai việc.", "- Ba việc."],  # different first lines
    ["STT    Nội dung       Chủ trì      Thời gian"] * 4,                  # a table header repeated on each page
    ["Kế hoạch số 12/KH-UBND"] * 2 + ["- Một việc.", "- Hai việc."],        # on two pages of four only
])
def test_not_running(tops):
    assert running_lines(pages(tops, BODIES).split("\n")) == set()


def test_two_pages_have_no_running_lines():
    assert running_lines(pages(["Kế hoạch số 12/KH-UBND"] * 2, BODIES[:2]).split("\n")) == set()
