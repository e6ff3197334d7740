"""Word tables with cells merged down (w:vMerge) and across (w:gridSpan) in every column: the Word reader knows
every merge, so each row reads the merged cell's text, exactly, with nothing carried where no cell is merged and
nothing warned as a guess. Tables built here with python-docx."""

from __future__ import annotations

import io

import pytest

from kehoach import extract_bytes

docx = pytest.importorskip("docx")

HEAD = ["Số: 1/KH-UBND", "An Hòa, ngày 2 tháng 1 năm 2026", "KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2026", "I. NHIỆM VỤ",
        "Các nhiệm vụ như sau:"]
COLUMNS = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
ROWS = [["1", "Xây dựng cơ sở dữ liệu đất đai", "Sở Tài chính", "Sở Tư pháp", "Quý I/2026"],
        ["2", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Bưu điện tỉnh", "Quý II/2026"],
        ["3", "Số hóa hồ sơ hộ tịch", "Sở Y tế", "Các sở, ban, ngành", "Tháng 6/2026"],
        ["4", "Xây dựng bản đồ số du lịch", "Công an tỉnh", "Sở Xây dựng", "Năm 2026"],
        ["5", "Cấp chữ ký số cho người dân", "Sở Giáo dục và Đào tạo", "Hội Nông dân tỉnh", ""]]


def word(rows: list, merged: list[tuple[int, int, int]], columns: list[str] = COLUMNS) -> bytes:
    """A plan whose table has ``rows`` (a string: a group row, one cell across the table) and the cells
    (column, first row, last row) of ``merged`` merged down, written once."""
    doc = docx.Document()
    for line in HEAD:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1 + len(rows), cols=len(columns))
    table.style = doc.styles["Table Grid"]
    for c, name in enumerate(columns):
        table.cell(0, c).text = name
    covered = {(c, r) for c, a, b in merged for r in range(a + 1, b + 1)}
    for r, row in enumerate(rows):
        if isinstance(row, str):
            table.cell(1 + r, 0).merge(table.cell(1 + r, len(columns) - 1)).text = row
            continue
        for c, text in enumerate(row):
            if (c, r) in covered:
                continue
            cell = table.cell(1 + r, c)
            span = next((b for cc, a, b in merged if (cc, a) == (c, r)), None)
            if span is not None:
                cell = cell.merge(table.cell(1 + span, c))
            cell.text = text
    doc.add_paragraph("Trên đây là Kế hoạch.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _read(data: bytes) -> tuple[list[tuple], list[str]]:
    plan = extract_bytes(data, "plan.docx")
    tasks = [(t["no"], t["group"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"]]
    return tasks, [w["code"] for w in plan["warnings"] if w["code"].startswith(("table-", "task-"))]


def _want(rows: list, merged: list[tuple[int, int, int]]) -> list[tuple]:
    out = [list(r) if not isinstance(r, str) else r for r in rows]
    for c, a, b in merged:
        for r in range(a + 1, b + 1):
            out[r][c] = out[a][c]
    group, want = None, []
    for row in out:
        if isinstance(row, str):
            group = row
            continue
        want.append((row[0], group, row[1], [row[2]], [row[3]] if row[3] else [], row[4] or None))
    return want


@pytest.mark.parametrize("merged", [
    [(2, 0, 2)], [(3, 1, 3)], [(4, 0, 4)], [(3, 0, 1), (4, 1, 3)], [(2, 0, 1), (3, 0, 4), (4, 2, 3)],
    [(1, 1, 2)], [(0, 3, 4), (1, 3, 4)],
], ids=["lead", "support", "deadline-over-an-empty-cell", "support-and-deadline", "lead-support-deadline",
        "task", "number-and-task"])
def test_a_merged_cell_in_any_column_is_read_into_each_row_it_spans_and_nowhere_else(merged):
    """A cell merged down is each of its rows'; an empty cell merged with nothing (row 5's deadline) stays empty;
    a number and task merged over two rows (one task, two leads) give a task per lead. Nothing is a guess."""
    tasks, warned = _read(word(ROWS, merged))
    assert tasks == _want(ROWS, merged)
    assert warned == []


@pytest.mark.parametrize("merged", [[(2, 1, 2)], [(4, 5, 6)], [(3, 1, 3), (4, 5, 6)]], ids=["lead", "deadline", "both"])
def test_group_rows_across_the_table_between_merged_cells(merged):
    rows = ["I. NHIỆM VỤ TRỌNG TÂM", ROWS[0], ROWS[1], ROWS[2], "II. NHIỆM VỤ KHÁC", ROWS[3], ROWS[4][:4] + ["Quý IV/2026"]]
    tasks, warned = _read(word(rows, merged))
    assert tasks == _want(rows, merged)
    assert warned == []


def test_a_group_row_across_a_table_whose_first_column_names_groups_is_no_task():
    """A first column of groups ("Lĩnh vực") merged down over its rows, under a group row spanning the table: the
    group row's text stands in the group column; it was read as a task with no title (warned), now a group row."""
    columns = ["Lĩnh vực", *COLUMNS[:3], COLUMNS[4]]
    rows = ["I. NHIỆM VỤ TRỌNG TÂM", *[["Đất đai" if r < 2 else "Y tế", *row[:3], row[4] or "Quý IV/2026"]
                                      for r, row in enumerate(ROWS[:4])]]
    plan = extract_bytes(word(rows, [(0, 1, 2), (0, 3, 4)], columns), "plan.docx")
    assert [(t["no"], t["group"], t["lead"]) for t in plan["tasks"]] == [
        ("1", "Đất đai", ["Sở Tài chính"]), ("2", "Đất đai", ["Sở Nội vụ"]), ("3", "Y tế", ["Sở Y tế"]),
        ("4", "Y tế", ["Công an tỉnh"])]
    assert not [w for w in plan["warnings"] if w["code"].startswith("task-")]
