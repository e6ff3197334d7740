"""Support and deadline cells merged down over rows, as text exports of a Word table give them: written once (in
the span's first row, or, with cells centred, in its middle) and empty in the other rows. Read as merged where
the column is otherwise always filled, warned at each row with the other reading; left empty where the author
leaves cells empty. The renditions in tests/parse/merged/ come from scripts/make_merged.py (LibreOffice's text
export and ``pdftotext -layout`` of the same Word files)."""

from __future__ import annotations

import json

import pytest

from kehoach import extract_bytes

from . import mergedscore

HEAD = "Số: 1/KH-UBND\nAn Hòa, ngày 2 tháng 1 năm 2026\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\nI. NHIỆM VỤ\nCác nhiệm vụ như sau:\n"
COLUMNS = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
ROWS = [("1", "Xây dựng cơ sở dữ liệu đất đai", "Sở Tài chính", "Sở Tư pháp", "Quý I/2026"),
        ("2", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Bưu điện tỉnh", "Quý II/2026"),
        ("3", "Số hóa hồ sơ hộ tịch", "Sở Y tế", "Các sở, ban, ngành", "Tháng 6/2026"),
        ("4", "Xây dựng bản đồ số du lịch", "Công an tỉnh", "Sở Xây dựng", "Năm 2026"),
        ("5", "Cấp chữ ký số cho người dân", "Sở Giáo dục và Đào tạo", "Hội Nông dân tỉnh", "Quý IV/2026")]
GROUPS = [("I", "Nhiệm vụ chung"), ("II", "Nhiệm vụ khác")]  # a number, and a title merged across the row


def flattened(rows: list[tuple[str, ...]]) -> str:
    """One cell a line, as LibreOffice's text export writes a Word table (a group row: one cell)."""
    out = list(COLUMNS)
    for row in rows:
        out += list(row)
    return HEAD + "\n".join(out) + "\n\nTrên đây là Kế hoạch.\n"


def aligned(rows: list[tuple[str, ...]]) -> str:
    """Cells set at the top, one line each, in columns apart by spaces (pdftotext -layout)."""
    at = [0, 6, 40, 66, 90]

    def line(cells) -> str:
        text = ""
        for a, cell in zip(at, cells, strict=False):
            text = text.ljust(a) + cell if cell else text
        return "  " + text

    body = [line(r) if len(r) > 1 else "  " + r[0] for r in rows]
    return HEAD + "\n" + line(COLUMNS) + "\n" + "\n".join(body) + "\n\nTrên đây là Kế hoạch.\n"


def _blank(rows, cells: dict[int, set[int]]):
    """``rows`` with the cells of column -> rows left empty (the rows a merged cell covers below its first)."""
    return [tuple("" if r in cells.get(c, set()) else v for c, v in enumerate(row)) for r, row in enumerate(rows)]


def _read(text: str) -> tuple[list[tuple], list[tuple]]:
    plan = extract_bytes(text.encode(), "plan.txt")
    tasks = [(t["no"], t["support"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    lines = {t["loc"]["line"]: t["no"] for t in plan["tasks"]}
    warned = [(w["code"], lines.get(w["loc"]["line"]), w["message"]) for w in plan["warnings"] if w["code"].startswith("table-")]
    return tasks, warned


def _want(rows) -> list[tuple]:
    return [(r[0], [r[3]] if r[3] else [], r[4] or None) for r in rows]


MERGED = [ROWS[0], ROWS[1][:3] + ROWS[0][3:4] + ROWS[1][4:], ROWS[2][:4] + ROWS[1][4:], ROWS[3][:4] + ROWS[1][4:], ROWS[4]]
"""Support merged over rows 1-2, deadline over rows 2-4."""


@pytest.mark.parametrize("render", [flattened, aligned])
@pytest.mark.parametrize("case,cells,want,warned", [
    ("support over two rows, deadline over three", {3: {1}, 4: {2, 3}}, MERGED, [("2", "support"), ("3", "deadline"), ("4", "deadline")]),
    ("the merged cell's rows end the table", {3: {3, 4}}, ROWS[:3] + [r[:3] + ROWS[2][3:4] + r[4:] for r in ROWS[3:]],
     [("4", "support"), ("5", "support")]),
    ("an empty support in the first row: the author leaves cells empty", {3: {0, 2}}, _blank(ROWS, {3: {0, 2}}), []),
    ("a column empty throughout", {3: {0, 1, 2, 3, 4}}, _blank(ROWS, {3: {0, 1, 2, 3, 4}}), []),
])
def test_an_empty_cell_under_a_filled_one_is_read_as_merged_and_warned(render, case, cells, want, warned):
    tasks, warnings = _read(render(_blank(ROWS, cells)))
    assert tasks == _want(want), case
    got = [(no, message.split(" empty ")[1].split()[0]) for code, no, message in warnings if code == "table-carried-down"]
    assert got == warned, case
    assert all("it could instead be none" in m for c, _, m in warnings if c == "table-carried-down")


@pytest.mark.parametrize("render", [flattened, aligned])
def test_a_merged_cell_does_not_run_across_a_group_row(render):
    """A group row spans the table: the first row under it with an empty deadline is no merge's (the author
    leaves it empty), so the column is not read as merged anywhere."""
    rows = [GROUPS[0], *ROWS[:2], GROUPS[1], *_blank(ROWS[2:], {4: {0}})]
    tasks, warnings = _read(render(rows))
    assert [t[2] for t in tasks] == ["Quý I/2026", "Quý II/2026", None, "Năm 2026", "Quý IV/2026"]
    assert not [w for w in warnings if w[0] == "table-carried-down"]


@pytest.mark.parametrize("cut", [(), (4,), (3,), (3, 4)], ids=["full", "deadline-empty", "support-empty", "both-empty"])
@pytest.mark.parametrize("group", [("", "II. Nhiệm vụ khác"), ("II. Nhiệm vụ khác",)], ids=["number-cell-empty", "one-cell"])
def test_a_rows_empty_last_cells_before_a_group_row_stay_the_rows(cut, group):
    """One cell a line: the blank lines between a row and the group row after it are the group's empty number cell
    or the row's own empty last cells (merged down); as many as fit the row's columns are the row's, so its cells
    are not shifted ("Bưu điện tỉnh" read as row 2's deadline, its support empty)."""
    second = _blank(ROWS[1:2], {c: {0} for c in cut})[0]
    rows = [("", "I. Nhiệm vụ chung"), ROWS[0], second, group, *ROWS[2:]]
    tasks, warnings = _read(flattened(rows))
    carried = [ROWS[0][c] if c in cut else ROWS[1][c] for c in (3, 4)]
    assert tasks[1] == ("2", [carried[0]], carried[1])
    assert tasks[2:] == _want(ROWS[2:])
    assert not [w for w in warnings if w[0] == "table-flattened"]


@pytest.mark.parametrize("render", [flattened, aligned])
def test_a_mark_is_no_value_a_merged_cell_carries(render):
    """A column of marks ("x" under a period's header, read as the deadline): an empty cell under one stays empty."""
    rows = [r[:4] + (mark,) for r, mark in zip(ROWS, ["x", "", "x", "x", "x"], strict=True)]
    tasks, warnings = _read(render(rows))
    assert tasks[1][2] is None and not [w for w in warnings if w[0] == "table-carried-down"]


def test_cells_centred_in_rows_set_apart_by_blank_lines_show_their_merges():
    """Centred cells in rows apart by blank lines: a cell merged over two rows would print its text between them,
    so a cell empty in one row is empty (nothing taken, nothing warned)."""
    lines = ["", "  STT   Nhiệm vụ                    Cơ quan chủ trì    Cơ quan phối hợp    Thời gian", "",
             "        Rà soát danh sách hộ nghèo",
             "  1     cần hỗ trợ trên địa bàn     Sở Nội vụ          Sở Tư pháp          Quý I/2026", "",
             "  2     Hướng dẫn thiết kế mẫu nhà  Sở Xây dựng                             Trước ngày",
             "        ở an toàn                                                           15/3/2026", "",
             "        Vận động doanh nghiệp ủng   Ủy ban Mặt trận Tổ",
             "  3     hộ kinh phí xóa nhà tạm     quốc Việt Nam tỉnh  Bưu điện tỉnh       Thường xuyên", ""]
    tasks, warnings = _read(HEAD + "\n".join(lines) + "\nTrên đây là Kế hoạch.\n")
    assert [t[1] for t in tasks] == [["Sở Tư pháp"], [], ["Bưu điện tỉnh"]]
    assert not [w for w in warnings if w[0] == "table-carried-down"]


KNOWN: dict[tuple[str, str], set[tuple[str, int]]] = {}
"""Cells read wrong with no warning at their row, with why (none left)."""


def test_a_merged_cell_longer_than_its_first_row_goes_on_in_the_next_rows_lines():
    """Cells set at the top: a row's own cell starts on its first line, so an agency cell starting in lower case
    is the rest of the cell above, merged down over this row ("Sở Tư pháp; Sở Xây" over "dựng"): read whole, in
    both rows, and said at both."""
    rows = [ROWS[0][:3] + ("Sở Tư pháp; Sở Xây",) + ROWS[0][4:], ROWS[1][:3] + ("dựng",) + ROWS[1][4:], *ROWS[2:]]
    tasks, warnings = _read(aligned(rows))
    assert [t[1] for t in tasks[:3]] == [["Sở Tư pháp", "Sở Xây dựng"], ["Sở Tư pháp", "Sở Xây dựng"], ["Các sở, ban, ngành"]]
    assert {no for code, no, _ in warnings if code == "table-cell-spilled"} == {"1", "2"}
    assert [no for code, no, _ in warnings if code == "table-carried-down"] == ["2"]


@pytest.mark.parametrize("name", sorted(p.stem for p in mergedscore.HERE.glob("m*.json")))
@pytest.mark.parametrize("form", mergedscore.FORMS)
def test_word_tables_with_merged_cells_as_text_exports_are_never_silently_wrong(name, form):
    key = json.loads((mergedscore.HERE / f"{name}.json").read_text(encoding="utf-8"))
    path = mergedscore.HERE / (f"{name}-layout.txt" if form == "layout" else f"{name}.txt")
    got = mergedscore.score(mergedscore.read(path), key)
    silent = {(col, r // 3) for r, (col, _, outcome) in enumerate(got) if outcome == "silent"}
    assert silent == KNOWN.get((name, form), set())
    if form == "txt":  # LibreOffice writes a merged cell in its span's first row: every cell is read right
        assert [o for _, _, o in got if o != "right"] == []


def test_the_renditions_hold_merged_runs_of_each_length_in_each_column():
    runs = [(col, len(run)) for p in mergedscore.HERE.glob("m*.json")
            for col, found in json.loads(p.read_text(encoding="utf-8"))["runs"].items() for run in found]
    assert {(col, n) for col, n in runs} >= {(col, n) for col in ("lead", "support", "deadline") for n in (1, 2, 3, 4)}



@pytest.mark.parametrize("blank", [False, True])
def test_a_group_heading_across_a_space_aligned_table_is_a_group_row(blank):
    """pdftotext -layout: a group's heading with its letter joined ("B. NHIỆM VỤ KHÁC", a paragraph between two
    tables of the same columns, the second with no header) over the next rows: a group row, the table goes on."""
    text = aligned([("A", "NHIỆM VỤ CHUNG"), *ROWS[:2], ("B. NHIỆM VỤ KHÁC",), *([("",)] if blank else []), *ROWS[2:]])
    plan = extract_bytes(text.encode(), "plan.txt")
    assert [(t["no"], t["group"]) for t in plan["tasks"]] == [
        ("1", "A. NHIỆM VỤ CHUNG"), ("2", "A. NHIỆM VỤ CHUNG"), ("3", "B. NHIỆM VỤ KHÁC"), ("4", "B. NHIỆM VỤ KHÁC"),
        ("5", "B. NHIỆM VỤ KHÁC")]


def test_a_section_heading_after_a_space_aligned_table_ends_it():
    text = aligned(ROWS[:2]).replace("\nTrên đây là Kế hoạch.\n", "\nII. TỔ CHỨC THỰC HIỆN\n\n  1. Sở Nội vụ chủ trì, theo dõi "
                                                               "việc thực hiện Kế hoạch này và báo cáo kết quả.\n")
    plan = extract_bytes(text.encode(), "plan.txt")
    assert [t["no"] for t in plan["tasks"] if t["source"] == "appendix"] == ["1", "2"]
    assert [s["id"] for s in plan["sections"]] == ["I", "II"]


@pytest.mark.parametrize("group", [("II. Nhiệm vụ khác",), ("", "II. Nhiệm vụ khác")], ids=["one-cell", "number-cell-empty"])
def test_a_group_row_numbered_out_of_turn_does_not_end_a_table_one_cell_a_line(group):
    """One cell a line: a group row whose number is not the next group's ("II." with no "I." before it: the table
    goes on from another, or its first group has no row) ended the table with no warning, its rows lost; over
    the next row's number it is a group row."""
    plan = extract_bytes(flattened([*ROWS[:2], group, *ROWS[2:]]).encode(), "plan.txt")
    assert [(t["no"], t["group"]) for t in plan["tasks"]] == [
        ("1", None), ("2", None), ("3", "II. Nhiệm vụ khác"), ("4", "II. Nhiệm vụ khác"), ("5", "II. Nhiệm vụ khác")]


SUBS = [("", "", "Sở Nội vụ", "Bưu điện tỉnh", "Quý II/2026"), ("", "", "Công an tỉnh", "Sở Xây dựng", "Quý III/2026")]


@pytest.mark.parametrize("subs", [1, 2])
def test_sub_rows_whose_number_and_task_are_merged_with_the_row_above_one_cell_a_line(subs):
    """A task over two or three rows, one per lead (its number and task merged down, written as two empty lines):
    each sub-row's cells are read on their own and joined to the task, agencies apart (the sub-row's lines had
    gone into the task's title and deadline, the lead left empty; with two sub-rows the table ended there)."""
    rows = [ROWS[0], *SUBS[:subs], *[(str(k + 2),) + r[1:] for k, r in enumerate(ROWS[1:])]]
    plan = extract_bytes(flattened(rows).encode(), "plan.txt")
    first = plan["tasks"][0]
    assert (first["title"], first["lead"], first["support"]) == (
        ROWS[0][1], [ROWS[0][2], *(s[2] for s in SUBS[:subs])], [ROWS[0][3], *(s[3] for s in SUBS[:subs])])
    assert first["deadline"]["text"] == " ".join([ROWS[0][4], *(s[4] for s in SUBS[:subs])])
    assert [t["no"] for t in plan["tasks"]] == ["1", "2", "3", "4", "5"]
    assert [w["code"] for w in plan["warnings"] if w["code"].startswith("table-")] == ["table-row-joined"] * subs
