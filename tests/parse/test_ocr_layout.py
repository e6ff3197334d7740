"""OCR slips in the marks of a plan's structure: item stops, quarters, specks, header cells, row
numbers, Roman headings; and typed PDFs, read as OCR output would be, left as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.parse import ocr
from kehoach.parse.blocks import Loc
from kehoach.parse.ocr_layout import (
    fix_header_cells,
    fix_marks,
    fix_row_numbers,
    split_run_on_items,
    unread_header_cells,
)
from kehoach.parse.ocr_words import correct_words
from kehoach.parse.pdf import read_pdf
from kehoach.parse.rendition import Rendition

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize(("line", "fixed"), [
    ("1; Sở Nông nghiệp và Môi trường", "1. Sở Nông nghiệp và Môi trường"),
    ("2: Sở Tài chính", "2. Sở Tài chính"),
    ("3, Công an tỉnh", "3. Công an tỉnh"),
    ("II. ˆ MỤC TIÊU", "II. MỤC TIÊU"),
    ("PHÓ : CHỦ ý TỊCH", "PHÓ CHỦ TỊCH"),
    ("Hoàn thành trong Quý IH/2026.", "Hoàn thành trong Quý III/2026."),
    ("Quý H năm 2026", "Quý II năm 2026"),
    ("Quý l/2026", "Quý I/2026"),
    ("<p>1</p>\t<p>Việc một</p>\t<p>Quý IH/2026</p>", "<p>1</p>\t<p>Việc một</p>\t<p>Quý III/2026</p>"),
    # left alone
    ("1, 2 và 3 là các nhiệm vụ trọng tâm", None),
    ("2: tỷ lệ đạt 80%", None),
    ("Quý I/2026", None), ("Quý IV năm 2026", None),
    ("Quý Hội đồng", None),
    ("Tổ chức hội nghị: a) chuẩn bị", None),
    ("ỦY BAN NHÂN DÂN", None),
    ("I. MỤC ĐÍCH, YÊU CẦU", None),
])
def test_marks(line, fixed):
    lines = [line]
    changes = fix_marks(lines)
    assert lines == [fixed or line]
    assert bool(changes) == bool(fixed)


@pytest.mark.parametrize(("line", "split"), [
    ("tăng thu nhập cho thành viên. 2; Yêu cầu", ["tăng thu nhập cho thành viên.", "2. Yêu cầu"]),
    ("hoàn thành trong năm 2026. 3: Sở Tài chính", ["hoàn thành trong năm 2026.", "3. Sở Tài chính"]),
    ("tăng thu nhập cho thành viên. 2; Yêu cầu đặt ra cho các cơ quan là phải thực hiện nghiêm túc và kịp thời",
     None),  # a sentence, not a heading
    ("tăng 8-10%/năm. 2, 3 và 4 hoàn thành.", None),
    ("thành viên; 2. Yêu cầu", None),  # read right: the paragraph reader's business
])
def test_numbered_headings_run_on_after_a_sentence_get_their_own_line(line, split):
    lines, origins = [line, "next"], [Loc(1, 1), Loc(2, 1)]
    changes = split_run_on_items(lines, origins)
    assert lines == (split or [line]) + ["next"]
    assert len(origins) == len(lines) and bool(changes) == bool(split)


def test_a_half_read_header_cell_takes_the_header_words():
    row = ("<p>STT</p>\t<p>Nhiệm vụ</p>\t<p>Đơn vị chủ trì</p>\t<p>Đơn vị phối tt</p>\t<p>0ti</p>"
           "\t<p>Thời gian thực hiện năm 2026</p>")
    lines = ["PHỤ LỤC", row, "<p>1</p>\t<p>Việc một</p>\t\t\t\t"]
    assert fix_header_cells(lines) == [(1, "Đơn vị phối tt", "Đơn vị phối hợp")]
    assert "<p>Đơn vị phối hợp</p>" in lines[1]
    assert "<p>0ti</p>" in lines[1] and "năm 2026" in lines[1]  # unreadable, or read already: kept


def test_rows_numbered_in_a_row_by_misreadings_come_from_their_neighbours():
    rows = ["30", "31", "S2", "kh)", "34", "35", "x", "y", "z", "37"]
    lines = ["<p>TT</p>\t<p>Nhiệm vụ</p>\t<p>Chủ trì</p>"] + [f"<p>{n}</p>\t<p>Việc</p>\t<p>Sở A</p>" for n in rows]
    lines.insert(4, "\t<p>tiếp</p>\t")  # the cut row of "S2" going on
    lines[3:3] = ["", "<p>TT</p>\t<p>Nhiệm vụ</p>\t<p>Chủ trì</p>"]  # a page break: the header repeated
    assert fix_row_numbers(lines) == [(5, "S2", "32"), (7, "kh)", "33")]
    assert [line.split("</p>")[0][3:] for line in lines[1:] if line.startswith("<p>") and "Chủ trì" not in line] == [
        "30", "31", "32", "33", "34", "35", "x", "y", "z", "37"]  # three rows for one number: left


def test_a_task_row_holding_column_words_is_no_header():
    lines = ["<p>TT</p>\t<p>Nhiệm vụ</p>\t<p>Chủ trì</p>", "<p>1</p>\t<p>Việc</p>\t<p>Sở A</p>",
             "<p>3</p>\t<p>Chủ trì phối hợp với các sở, ngành thực hiện</p>\t<p>Sở Tài chính</p>",
             "<p>#</p>\t<p>Thời gian thực hiện các nhiệm vụ</p>\t<p>Sở B</p>", "<p>4</p>\t<p>Việc</p>\t<p>Sở C</p>"]
    assert fix_row_numbers(lines) == []  # "3" and "#" share the gap between 1 and 4: two rows, one number missing?
    lines[3] = lines[3].replace("<p>#</p>", "<p>3</p>")
    assert fix_row_numbers(lines) == [(2, "3", "2")]


def test_a_header_row_in_other_words_keeps_its_number_column():
    lines = ["PHỤ LỤC", "<p>TT</p>\t<p>Nội dung thực hiện</p>\t<p>Bộ phận chủ trì</p>\t<p>Thời gian</p>",
             "<p>l;</p>\t<p>Việc một</p>\t<p>Phòng A</p>\t<p>Tháng 4</p>", "<p>2</p>\t<p>Việc hai</p>\t<p>Phòng B</p>\t"]
    assert fix_row_numbers(lines) == [(2, "l;", "1")]
    assert lines[1].startswith("<p>TT</p>")


def test_row_numbers_read_with_a_digit_lost_or_changed_come_from_their_neighbours():
    rows = ["15", "16", "1", "18", "19", "2O", "21", "2.1", "23", "7", "25"]
    lines = ["<p>TT</p>\t<p>Nhiệm vụ</p>\t<p>Chủ trì</p>"] + [f"<p>{n}</p>\t<p>Việc</p>\t<p>Sở A</p>" for n in rows]
    assert fix_row_numbers(lines) == [(3, "1", "17"), (6, "2O", "20")]
    assert [line.split("</p>")[0][3:] for line in lines[1:]] == [
        "15", "16", "17", "18", "19", "20", "21", "2.1", "23", "7", "25"]  # "2.1": a sub-number; "7": no slip of 24


def test_a_repeated_header_missing_a_cell_is_not_reported():
    head = "<p>TT</p>\t<p>Nội dung công việc</p>\t<p>Cơ quan chủ trì</p>\t<p>Thời hạn hoàn thành</p>"
    lines = ["PHỤ LỤC", head, "<p>1</p>\t<p>Việc</p>\t<p>Sở A</p>\t<p>2026</p>", "",
             head.replace("<p>Thời hạn hoàn thành</p>", ""), "<p>2</p>\t<p>Việc</p>\t<p>Sở A</p>\t<p>2027</p>"]
    assert unread_header_cells(lines) == []


def test_a_header_cell_left_empty_over_a_column_of_text_is_reported():
    lines = ["PHỤ LỤC", "<p>STT</p>\t<p>Nhiệm vụ</p>\t<p>Cơ quan chủ trì</p>\t\t<p>Thời gian</p>",
             "<p>1</p>\t<p>Việc một</p>\t<p>Sở A</p>\t<p>Sở B</p>\t<p>Quý I/2026</p>",
             "<p>2</p>\t<p>Việc hai</p>\t<p>Sở A</p>\t\t<p>Quý II/2026</p>", "Nơi nhận:"]
    assert unread_header_cells(lines) == [(1, "")]
    lines[2] = lines[2].replace("<p>Sở B</p>", "")
    assert unread_header_cells(lines) == []  # an empty column under an empty header: nothing lost


def test_a_row_that_is_no_header_is_not_corrected():
    lines = ["Bảng", "<p>1</p>\t<p>Đơn vị phối tt</p>\t<p>Sở Tài chính</p>"]
    assert fix_header_cells(lines) == []


def test_row_numbers_read_as_letters_come_from_their_neighbours():
    lines = ["PHỤ LỤC", "<p>STT</p>\t<p>Nhiệm vụ</p>\t<p>Chủ trì</p>", "<p>I</p>\t<p>Nhóm một</p>\t",
             "<p>ái</p>\t<p>Việc một</p>\t<p>Sở A</p>", "<p>2</p>\t<p>Việc hai</p>\t<p>Sở B</p>",
             "<p>II</p>\t<p>Nhóm hai</p>\t", "<p>&amp;</p>\t<p>Việc ba</p>\t<p>Sở C</p>",
             "<p>4</p>\t<p>Việc bốn</p>\t<p>Sở D</p>", "<p>s</p>\t<p>Việc năm</p>\t<p>Sở E</p>",
             "<p>Tổng</p>\t<p>cộng</p>\t", "", "<p>STT</p>\t<p>Nhiệm vụ</p>", "<p>1</p>\t<p>Việc</p>",
             "<p>Hết</p>\t<p>Việc hai?</p>"]
    assert fix_row_numbers(lines) == [(3, "ái", "1"), (6, "&amp;", "3")]
    assert lines[3].startswith("<p>1</p>") and lines[6].startswith("<p>3</p>")
    assert lines[8].startswith("<p>s</p>")  # the last row: no number after it to vouch for 5 (a typed "b" is a label)
    assert lines[1].startswith("<p>STT</p>")  # the header row
    assert lines[9].startswith("<p>Tổng</p>") and lines[-1].startswith("<p>Hết</p>")  # words: no numbers


@pytest.mark.parametrize("first", ["Ï:", "lỀ", "l.", "L", "I."])
def test_roman_headings_read_as_lookalikes_are_renumbered(first):
    lines = [f"{first} MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "I. MỤC TIÊU", "II TỔ CHỨC THỰC HIỆN"]
    r = Rendition(lines=list(lines), origins=[Loc(k + 1, 1) for k in range(len(lines))])
    ocr.correct(r)
    assert [line.split(" ")[0] for line in r.lines if "MỤC" in line.upper() and line.isupper()] == ["I.", "II."]
    assert r.lines[-1] == "III. TỔ CHỨC THỰC HIỆN"


def test_typed_pdfs_read_as_ocr_output_would_be_stay_as_they_are():
    """The structure corrections over the text layer of every typed PDF of the samples and the
    renditions: none applies (a correction needs what OCR alone gets wrong)."""
    pdfs = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "tests" / "unseen").glob("*.pdf"))
    pdfs = [p for p in pdfs if "scan" not in p.name]
    assert len(pdfs) > 20
    changed = []
    for p in pdfs:
        lines = list(read_pdf(p.read_bytes(), p.name).lines)
        changed += [(p.name, b) for _, b, _ in split_run_on_items(lines, list(lines))]
        changed += [(p.name, b) for fix in (fix_marks, fix_row_numbers, fix_header_cells, correct_words)
                    for _, b, _ in fix(lines)]
    assert changed == []
