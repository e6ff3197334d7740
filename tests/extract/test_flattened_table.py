"""A task table flattened to plain text (LibreOffice's or a browser's text, pdftotext without
-layout) has its header cells one or a few per line. Written one cell a line under a numbering
column's header, it is read back (kehoach.parse.flattened); in other shapes its rows cannot be told
apart: the tasks are not read, and that must be warned about, never silent."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\nThử nghiệm\n\n"
        "I. MỤC ĐÍCH\n\nNâng cao chất lượng.\n\nII. NHIỆM VỤ\n\n")
ROWS = "1\nRà soát quy trình\nSở Y tế\nSở Tài chính\nQuý II/2024\n2\nTập huấn cán bộ\nSở Nội vụ\n\nNăm 2024\n"


def unread(body: str) -> list[dict]:
    plan = extract_bytes((HEAD + body).encode("utf-8"), "plan.txt")
    return [w for w in plan["warnings"] if w["code"] == "appendix-unread"]


def test_a_table_one_cell_a_line_is_read():
    plan = extract_bytes((HEAD + "STT\nNội dung nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian\n" + ROWS)
                         .encode("utf-8"), "plan.txt")
    assert [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"]] == [
        ("1", "Rà soát quy trình", ["Sở Y tế"], ["Sở Tài chính"], "Quý II/2024"),
        ("2", "Tập huấn cán bộ", ["Sở Nội vụ"], ["Sở Tài chính"], "Năm 2024")]
    assert not [w for w in plan["warnings"] if w["code"] == "appendix-unread"]
    # row 2's empty support under row 1's: a cell merged down, as the export writes one (or none: said at the row)
    (carried,) = [w for w in plan["warnings"] if w["code"] == "table-carried-down"]
    assert carried["loc"]["line"] == plan["tasks"][1]["loc"]["line"] and "could instead be none" in carried["message"]


@pytest.mark.parametrize("header", [
    "STT\n\nNội dung nhiệm vụ\n\nCơ quan chủ trì\n\nCơ quan phối hợp\n\nThời gian\n\n",  # a paragraph a cell
    "ST\nT\n\nNội dung hoạt động\n\nĐơn vị chủ trì\n\nĐơn vị phối hợp Thời gian\n\n",   # pdftotext's reading order
    "Nhiệm vụ\nChủ trì\nThời hạn\n",
    "STT\nNội dung công\nĐơn vị chủ trì\nĐơn vị phối hợp Thời gian hoàn\nviệc\nthành\n",  # header cells wrapped
])
def test_flattened_header_warns(header):
    warned = unread(header + ROWS)
    assert len(warned) == 1 and "one per line" in warned[0]["message"]


@pytest.mark.parametrize("body", [
    "1. Rà soát quy trình\nCơ quan chủ trì: Sở Y tế\nCơ quan phối hợp: Sở Tài chính\nThời gian: Quý II/2024\n",
    "Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát quy trình trong thời gian sớm nhất.\n",
    # column words far apart in the text are headings, not a header row
    "Nhiệm vụ\n\n" + "Nội dung một.\n\n" * 8 + "Chủ trì\n\n" + "Nội dung hai.\n\n" * 8 + "Thời gian\n\n",
])
def test_text_with_column_words_is_not_a_flattened_header(body):
    assert unread(body) == []


@pytest.mark.parametrize("reached", ["Thực hiện năm 2025", "Ước thực hiện năm 2025"])
def test_a_table_of_indicators_whose_figure_is_the_next_rows_number(reached):
    """A table of indicators one cell a line, under "II. MỤC TIÊU": its header's year column may be named
    "Thực hiện năm 2025" (the table was not found: no targets, no warning); a row whose last figure is the
    next row's number ("1,2" | "3", then row "3") was cut there (the target read as 1,2, the next row's
    text as "3 …", with no warning)."""
    body = ("STT\nChỉ tiêu\nĐơn vị tính\n" + reached + "\nNăm 2030\n"
            "1\nTỷ lệ rác thải được thu gom\n%\n85\n95\n2\nDiện tích khu bảo tồn biển\n%\n1,2\n3\n"
            "3\nTỷ lệ cảng cá đạt chuẩn\n%\n60\n90\n")
    head = HEAD.replace("II. NHIỆM VỤ", "II. MỤC TIÊU")
    plan = extract_bytes((head + body + "III. TỔ CHỨC THỰC HIỆN\n\nSở A chủ trì.\n").encode("utf-8"), "plan.txt")
    assert [(t["indicator"], t["value"], t["year"]) for t in plan["targets"]] == [
        ("Tỷ lệ rác thải được thu gom", 95.0, 2030), ("Diện tích khu bảo tồn biển", 3.0, 2030),
        ("Tỷ lệ cảng cá đạt chuẩn", 90.0, 2030)]
