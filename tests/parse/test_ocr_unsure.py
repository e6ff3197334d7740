"""Words Tesseract was unsure of (parse/ocr_unsure.py): read from hOCR, found on their line of the
OCR'd text, and warned there, so a misread tone in a word written once is not passed on silently."""

from __future__ import annotations

import pytest

from kehoach.parse import ocr
from kehoach.parse.blocks import Loc
from kehoach.parse.ocr_unsure import UNSURE, Unsure, page_words, read_hocr, unsure_lines
from kehoach.parse.rendition import Rendition


def _hocr(*lines: list[tuple[str, int]], kind: str = "ocr_line") -> str:
    """An hOCR page as Tesseract writes it: one span a line, one span a word with its x_wconf."""
    out = ["<div class='ocr_page' id='page_1' title='bbox 0 0 2480 3508'>"]
    for n, words in enumerate(lines, 1):
        out.append(f"   <span class='{kind}' id='line_1_{n}' title=\"bbox 0 0 10 10; baseline 0 -12\">")
        out += [f"    <span class='ocrx_word' id='word_1_{n}_{i}' title='bbox 0 0 5 5; x_wconf {c}'>{w}</span>"
                for i, (w, c) in enumerate(words)]
        out.append("   </span>")
    return "\n".join(out + ["</div>"])


@pytest.mark.parametrize("words, unsure", [
    ([("Tăng", 96), ("cường", 95), ("kiếm", 84), ("soát", 96)], [Unsure("kiếm", 84, "cường", "soát")]),
    ([("kiếm", UNSURE), ("soát", UNSURE - 1)], [Unsure("soát", UNSURE - 1, "kiếm", None)]),  # the bound is strict
    ([("2026,", 12), ("—", 5), ("(", 0)], []),                     # no letter: numbers, rules, brackets
    ([("tra,", 70)], [Unsure("tra", 70, None, None)]),             # punctuation is not part of the word
    ([("<strong>Sở</strong>", 40)], [Unsure("Sở", 40, None, None)]),  # markup inside a word span
    ([("&quot;Di", 80), ("dời", 97)], [Unsure("Di", 80, None, "dời")]),  # entities decoded
])
def test_page_words(words, unsure):
    confs, low = page_words(_hocr(words))
    assert confs == [c for _, c in words]
    assert low == unsure


def test_every_kind_of_tesseract_line_is_read_and_every_word_counts_in_the_mean():
    hocr = _hocr([("KẾ", 96), ("HOẠCH", 60)], kind="ocr_header") + _hocr([("Giao", 50)], kind="ocr_caption")
    confs, low = page_words(hocr)
    assert confs == [96, 60, 50]
    assert [u.word for u in low] == ["HOẠCH", "Giao"]


def test_read_hocr_takes_the_page_from_the_file_name(tmp_path):
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "000002_ocr_hocr.hocr").write_text(_hocr([("Di", 96), ("đời", 87)]), encoding="utf-8")
    (tmp_path / "w" / "notes_ocr_hocr.hocr").write_text(_hocr([("x", 1)]), encoding="utf-8")
    means, unsure = read_hocr(str(tmp_path))
    assert means == {2: (91.5, 2)}
    assert unsure == {2: [Unsure("đời", 87, "Di", None)]}


LINES = ["KẾ HOẠCH", "1\tTăng cường tuần tra, kiếm soát\tCông an", "2\tKiểm định, kiếm soát\tSở Y tế",
         "3\tDi đời cơ sở\tUBND xã", "4\tDi đời kho\tSở Xây dựng"]


@pytest.mark.parametrize("pages, unsure, found", [
    # the line holding the word beside the same neighbour, though another line holds the word too
    ([1] * 5, {1: [Unsure("kiếm", 84, "tra", "khu")]}, {1: ["kiếm"]}),
    ([1] * 5, {1: [Unsure("kiếm", 84, "định", None)]}, {2: ["kiếm"]}),
    # reading order: a second unsure "đời" is looked for from the line the first was found on
    ([1] * 5, {1: [Unsure("đời", 87, None, None), Unsure("đời", 80, None, None)]}, {3: ["đời", "đời"]}),
    ([1] * 5, {1: [Unsure("đời", 87, None, "cơ"), Unsure("đời", 80, None, "kho")]}, {3: ["đời"], 4: ["đời"]}),
    # only the lines of the word's page; a word no line holds (corrected, or left out) is not reported
    ([1, 1, 1, 2, 2], {2: [Unsure("kiếm", 84, None, None)]}, {}),
    ([1, 1, 1, 2, 2], {1: [Unsure("Trungtâm", 91, None, None)], 2: [Unsure("kho", 70, None, None)]}, {4: ["kho"]}),
])
def test_unsure_words_are_found_on_their_line(pages, unsure, found):
    got = unsure_lines(LINES, pages, unsure)
    assert {k: [u.word for u in words] for k, words in got.items()} == found


def test_correct_warns_each_line_with_unsure_words_once():
    """The lines of one table row share a loc: their words are named in one warning."""
    lines = ["KẾ HOẠCH", "1\tTăng cường tuần tra, kiếm soát", "\tCông an đặc khu, Ban Chỉ huy", "2\tKiểm tra"]
    r = Rendition(lines=list(lines), origins=[Loc(1, 1), Loc(5, 1), Loc(5, 1), Loc(9, 1)])
    ocr.correct(r, {1: (93.0, 40)}, {1: [Unsure("kiếm", 84, "tra", "soát"), Unsure("Chỉ", 33, "Ban", "huy")]})
    unsure = [w for w in r.warnings if "unsure" in w["message"]]
    assert unsure == [{"code": "ocr", "message": "OCR unsure of 'kiếm' (84%), 'Chỉ' (33%): check this line against the scan",
                       "loc": {"line": 5, "page": 1}}]
    assert r.lines == lines  # warned, never changed


def test_no_unsure_words_no_warning():
    r = Rendition(lines=["KẾ HOẠCH"], origins=[Loc(1, 1)])
    ocr.correct(r, {1: (96.0, 10)}, {})
    assert not [w for w in r.warnings if "unsure" in w["message"]]
