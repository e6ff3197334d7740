"""Tables whose borders a text browser drew (``w3m -dump`` of a page's ``<table border="1">``): box
characters ("┌─┬─┐", "│", heavy lines for a thicker border) or ASCII (``-no-graph``: "+---+", "|---+---|").
Every cell is an area the drawing walls in (parse/boxed.py): a lead merged over two rows, a header
cell over two columns, a group row spanning the table, a cell the browser gave no width."""

from __future__ import annotations

import shutil

import pytest

from kehoach import extract_bytes
from kehoach.parse.text import read_text
from tests.tablegen import BROWSER_LAYOUTS, roundtrips

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 12/KH-UBND\n\nHà Nam, ngày 5 tháng 3 năm 2024\n\nKẾ HOẠCH\n\n"
        "Triển khai nhiệm vụ năm 2024\n\nI. MỤC TIÊU\n\nNâng cao hiệu quả.\n\nII. NHIỆM VỤ\n\nPHỤ LỤC\n\n")

DRAWN = """┌──┬────────────────────────┬────────────────────┬────────┐
│  │                        │ Cơ quan thực hiện  │  Thời  │
│TT│        Nội dung        ├───────┬────────────┤  gian  │
│  │                        │Chủ trì│  Phối hợp  │        │
├──┴────────────────────────┴───────┴────────────┴────────┤
│I. Nhóm thứ nhất                                         │
├──┬────────────────────────┬───────┬────────────┬────────┤
│1 │Xây dựng cơ sở dữ liệu  │       │            │Quý IV/ │
│  │2026 - 2030 của ngành   │Sở Tài │            │2026    │
├──┼────────────────────────┤chính  ├────────────┼────────┤
│2 │Rà soát quy chế         │       │Sở Y tế;    │Trước 30│
│  │                        │       │Công an tỉnh│/6/2026 │
└──┴────────────────────────┴───────┴────────────┴────────┘"""
"""w3m's drawing of a table with a two-row header ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"), a
group row over every column, a lead merged over rows 1 and 2 (its text on the rule between them), an
empty support cell, dates cut at their slash."""
ASCII = """+---------------------------------------------------------+
|  |                        | Cơ quan thực hiện  |  Thời  |
|TT|        Nội dung        |--------------------|  gian  |
|  |                        |Chủ trì|  Phối hợp  |        |
|---------------------------------------------------------|
|I. Nhóm thứ nhất                                         |
|---------------------------------------------------------|
|1 |Xây dựng cơ sở dữ liệu  |       |            |Quý IV/ |
|  |2026 - 2030 của ngành   |Sở Tài |            |2026    |
|--+------------------------|chính  |------------+--------|
|2 |Rà soát quy chế         |       |Sở Y tế;    |Trước 30|
|  |                        |       |Công an tỉnh|/6/2026 |
+---------------------------------------------------------+"""
"""The same table drawn in ASCII (``w3m -dump -no-graph``): the top border has no junctions, a rule
marks a junction only where columns go on above and below it."""
HEAVY = DRAWN.translate(str.maketrans("┌┐└┘├┤", "┏┓┗┛┠┨")).replace("│\n", "┃\n").replace("\n│", "\n┃")
"""A thicker border (``border="3"``): the outer lines heavy."""
ROWS = [
    ["TT", "Nội dung", "Cơ quan thực hiện", "", "Thời gian"],
    ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
    ["I. Nhóm thứ nhất", "", "", "", ""],
    ["1", "Xây dựng cơ sở dữ liệu 2026 - 2030 của ngành", "Sở Tài chính", "", "Quý IV/2026"],
    ["2", "Rà soát quy chế", "Sở Tài chính", "Sở Y tế; Công an tỉnh", "Trước 30/6/2026"],
]


def _rows(text: str) -> list[list[str]]:
    table = next(b for b in read_text(text) if b.kind == "table")
    return [[" ".join(c) for c in r.cells] for r in table.rows]


@pytest.mark.parametrize("drawn", [DRAWN, ASCII, HEAVY], ids=["box", "ascii", "heavy"])
def test_a_drawn_table_reads_cell_by_cell(drawn):
    assert _rows(drawn) == ROWS


@pytest.mark.parametrize("drawn", [DRAWN, ASCII], ids=["box", "ascii"])
def test_a_drawn_table_gives_its_tasks(drawn):
    plan = extract_bytes((HEAD + drawn + "\n").encode(), "plan.txt")
    got = [(t["no"], t["group"], t["lead"], t["support"], t["deadline"]["end"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", "I. Nhóm thứ nhất", ["Sở Tài chính"], [], "2026-12-31"),
                   ("2", "I. Nhóm thứ nhất", ["Sở Tài chính"], ["Sở Y tế", "Công an tỉnh"], "2026-06-30")]


def test_a_cell_given_no_width_and_a_row_after_a_page_break():
    """An empty cell w3m gave no room ("||") keeps its column; the table's last row, alone after a page
    break, is a table of one row that goes on with the first."""
    first = ("+--------------------------------------------+\n"
             "|TT|Nội dung        |Chủ trì  |Phối hợp|Thời |\n"
             "|  |                |         |        |gian |\n"
             "|--+----------------+---------+--------+-----|\n"
             "|1 |Rà soát quy chế |Sở Y tế  |Sở Nội  |2026 |\n"
             "|  |                |         |vụ      |     |\n"
             "+--------------------------------------------+\n")
    second = ("+--------------------------------------+\n"
              "|2|Kiểm tra hồ sơ  |Sở Tư pháp||Năm 2027|\n"
              "+--------------------------------------+\n")
    assert _rows(second) == [["2", "Kiểm tra hồ sơ", "Sở Tư pháp", "", "Năm 2027"]]
    plan = extract_bytes(f"{HEAD}{first}\nTrang 2\n\n{second}".encode(), "plan.txt")
    got = [(t["no"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("1", ["Sở Y tế"], ["Sở Nội vụ"], "2026"), ("2", ["Sở Tư pháp"], [], "Năm 2027")]


@pytest.mark.skipif(shutil.which("w3m") is None, reason="w3m is needed")
@pytest.mark.parametrize("layout", [name for name, (border, _) in BROWSER_LAYOUTS.items() if border])
def test_generated_tables_through_w3m_read_as_written(layout):
    """Random tables (group rows, merged leads, two-row headers, page breaks, combined cells) as HTML
    with borders, dumped by w3m at 60 to 100 columns: every row comes back (none did before: the drawing
    was read as text or as one-line pipe rows)."""
    seeds = list(range(60))
    wrong = [seed for seed, (_, _, ok) in zip(seeds, roundtrips(seeds, layout), strict=True) if not all(ok)]
    assert wrong == []
