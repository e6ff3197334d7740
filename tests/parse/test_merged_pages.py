"""Cells merged down over a page break, in a PDF read directly. The ruled-table reader sees merged cells page by
page: a cell merged over the break is read in full before it and, after it, either under no rule (the producer
drew none at the break: the cell goes on from the page before) or under its borders drawn again or under the
repeated header (empty, like a cell the author left empty). Read as the cell before the break and warned, or, in a
column that leaves other cells empty, left empty and warned; never silently empty. The tables are drawn here with
fpdf2 (rules where a test wants them), and written by LibreOffice from Word tables (scripts/make_merged.py --pages,
in tests/parse/merged_pages/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach import extract_bytes

from . import mergedscore

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
HEAD = ["Số: 1/KH-UBND", "An Hòa, ngày 2 tháng 1 năm 2026", "KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2026", "I. NHIỆM VỤ",
        "Các nhiệm vụ như sau:"]
COLUMNS = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
X = [40, 70, 190, 310, 430, 560]
ROWS = [["1", "Xây dựng dữ liệu đất đai", "Sở Tài chính", "Sở Tư pháp", "Quý I/2026"],
        ["2", "Rà soát thủ tục", "Sở Nội vụ", "Bưu điện tỉnh", "Quý II/2026"],
        ["3", "Số hóa hồ sơ hộ tịch", "Sở Y tế", "Các sở, ban, ngành", "Tháng 6/2026"],
        ["4", "Xây dựng bản đồ số", "Công an tỉnh", "Sở Xây dựng", "Năm 2026"],
        ["5", "Cấp chữ ký số", "Sở Giáo dục và Đào tạo", "Hội Nông dân tỉnh", "Quý IV/2026"],
        ["6", "Đào tạo kỹ năng số", "Sở Công Thương", "Tỉnh đoàn", "Thường xuyên"]]


def _new_pdf():
    """An empty A4 document in points, the serif font at 9 pt (skips without fpdf2 or the DejaVu fonts)."""
    fpdf = pytest.importorskip("fpdf")
    if not FONT.exists():
        pytest.skip("needs the DejaVu fonts")
    doc = fpdf.FPDF(unit="pt", format="A4")
    doc.add_font("serif", "", str(FONT))
    doc.set_font("serif", size=9)
    return doc


def ruled(pages: list[int], merged: dict[int, set[int]], *, repeat: bool = False, closed: bool = True,
          rows: list[list[str]] = ROWS) -> bytes:
    """A plan whose table puts ``pages[p]`` rows on page p; ``merged``: column -> the rows whose cell goes on from
    the row above (written once, in the first row of the span, no rule between); ``repeat``: the header row on each
    page; ``closed``: a rule at a page's foot under every cell (none under a merged cell going on otherwise); no
    rule ever above a cell going on from the page before, but a repeated header's own."""
    doc = _new_pdf()
    g = 0
    for p, count in enumerate(pages):
        doc.add_page()
        y = 60.0
        if p == 0:
            for k, line in enumerate(HEAD):
                doc.text(50, 40 + 16 * k, line)
            y = 150.0
        body = ([None] if p == 0 or repeat else []) + list(range(g, g + count))
        for i, r in enumerate(body):
            for c in range(5):
                x0, x1 = X[c], X[c + 1]
                goes_on = r is not None and r in merged.get(c, set())
                doc.line(x0, y, x0, y + 36)
                doc.line(x1, y, x1, y + 36)
                if not goes_on:
                    doc.line(x0, y, x1, y)
                if r is None or r + 1 not in merged.get(c, set()) or (i == len(body) - 1 and closed):
                    doc.line(x0, y + 36, x1, y + 36)
                text = COLUMNS[c] if r is None else rows[r][c]
                if text and not goes_on:
                    doc.text(x0 + 3, y + 14, text)
            y += 36
        g += count
    return bytes(doc.output())


def _read(data: bytes) -> tuple[list[tuple], list[tuple[str, int | None]]]:
    plan = extract_bytes(data, "plan.pdf")
    tasks = [(t["no"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    warned = [(w["code"], (w["loc"] or {}).get("page")) for w in plan["warnings"] if w["code"].startswith("table-")]
    return tasks, warned


def _want(rows: list[list[str]], merged: dict[int, set[int]]) -> list[tuple]:
    """The rows' values with the cells going on taking the cell above."""
    out = [list(r) for r in rows]
    for c, going_on in merged.items():
        for r in sorted(going_on):
            out[r][c] = out[r - 1][c]
    return [(r[0], [r[2]] if r[2] else [], [r[3]] if r[3] else [], r[4] or None) for r in out]


EMPTY_FIRST = [ROWS[0][:4] + [""], *ROWS[1:]]
"""The deadline column leaves a cell empty (row 1): an empty cell there is no proof of a merge."""


@pytest.mark.parametrize("closed", [True, False], ids=["rule-at-foot", "no-rule-at-foot"])
@pytest.mark.parametrize("merged", [{4: {2}}, {4: {2}, 2: {2}}, {3: {2, 3}}], ids=["deadline", "deadline-lead", "support-two-rows"])
def test_a_cell_with_no_rule_above_it_at_a_pages_top_goes_on_from_the_page_before(merged, closed):
    """Rows 2 | 3 over the break, no rule between them: row 3 reads row 2's cell (it read none, silently; with no
    rule at the foot either, row 2's own text was lost too), warned on the second page."""
    tasks, warned = _read(ruled([2, 4], merged, closed=closed, rows=EMPTY_FIRST))
    assert tasks == _want(EMPTY_FIRST, merged)
    assert ("table-carried-down", 2) in warned


def test_a_cell_merged_over_two_page_breaks_goes_on_over_the_middle_page():
    """The middle page draws no rule across the column at all (the table there is a column short: its rows are
    realigned, taking the cell above); the last page's first row goes on from the cell before the middle page."""
    tasks, warned = _read(ruled([2, 2, 2], {4: {2, 3, 4}}, rows=EMPTY_FIRST))
    assert tasks == _want(EMPTY_FIRST, {4: {2, 3, 4}})
    assert ("table-carried-down", 3) in warned and ("table-realigned", 2) in warned


@pytest.mark.parametrize("merged", [{4: {2}}, {3: {2, 3}}, {4: {2, 3}, 3: {2}}], ids=["deadline", "support-two-rows", "both"])
def test_under_a_repeated_header_an_empty_cell_in_a_column_otherwise_filled_takes_the_cell_before_the_break(merged):
    """The repeated header's rule stands above the cell going on: it reads empty, as a cell the author left empty
    would; the column has no other empty cell, so it is read as merged, warned with the other reading."""
    tasks, warned = _read(ruled([2, 4], merged, repeat=True))
    assert tasks == _want(ROWS, merged)
    assert ("table-carried-down", 2) in warned


def test_under_a_repeated_header_an_empty_cell_in_a_column_that_leaves_cells_empty_stays_empty_and_is_said():
    tasks, warned = _read(ruled([2, 4], {4: {2}}, repeat=True, rows=EMPTY_FIRST))
    assert tasks[2][3] is None
    assert ("table-empty-after-break", 2) in warned


def test_a_time_in_lower_case_at_a_pages_top_is_its_own_cell():
    """"hằng năm" under "2026" after a break: a time of its own, not the rest of the cell above cut by the break."""
    rows = [*ROWS[:2], ROWS[2][:4] + ["hằng năm"], *ROWS[3:]]
    tasks, warned = _read(ruled([2, 4], {}, rows=rows))
    assert [t[3] for t in tasks[1:3]] == ["Quý II/2026", "hằng năm"]
    assert not warned


def test_the_renditions_hold_merged_runs_cut_by_page_breaks():
    cut = 0
    for key_path in mergedscore.PAGES.glob("p*.json"):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        cut += len(mergedscore.broken(mergedscore.read(mergedscore.rendition(key_path, "pdf")), key))
    assert cut >= 40


KNOWN: dict[tuple[str, str], set[tuple[str, int]]] = {
    ("p07", "layout"): {("support", r) for r in (3, 4, 6, 7, 8, 9, 10, 12, 14, 15, 16, 17, 18, 21, 22, 24, 25, 26, 27, 28, 30, 31)},
}
"""Cells read wrong with no warning at their row: pdftotext -layout puts the group row 'I. NHIỆM VỤ TRỌNG TÂM'
across the columns; read as a task row with an empty support, it keeps the column from being read as merged."""


@pytest.mark.parametrize("name", sorted(p.stem for p in mergedscore.PAGES.glob("p*.json")))
@pytest.mark.parametrize("form", ("txt", "layout", "pdf"))
def test_word_tables_over_page_breaks_are_never_silently_wrong(name, form):
    key_path = mergedscore.PAGES / f"{name}.json"
    key = json.loads(key_path.read_text(encoding="utf-8"))
    got = mergedscore.score(mergedscore.read(mergedscore.rendition(key_path, form)), key)
    silent = {(col, r // 3) for r, (col, _, outcome) in enumerate(got) if outcome == "silent"}
    assert silent == KNOWN.get((name, form), set())
    if form in ("txt", "pdf"):  # the text export, and the PDF's ruling lines: every cell right
        assert [o for _, _, o in got if o != "right"] == []


def borderless(rows: list[list[str]]) -> bytes:
    """A plan whose table has no rules (cells set at the top, a task's title wrapped over two lines, rows a line's
    spacing apart): a row with no number and no task is a sub-row, printed right under its task's first row."""
    doc = _new_pdf()
    doc.add_page()
    for k, line in enumerate(HEAD):
        doc.text(50, 40 + 16 * k, line)
    y = 160.0
    for c, name in enumerate(COLUMNS):
        doc.text(X[c] + 3, y, name)
    y += 24.6
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            first, _, rest = text.partition(" | ")  # (a title wrapped onto a second line)
            doc.text(X[c] + 3, y, first)
            if rest:
                doc.text(X[c] + 3, y + 14.7, rest)
        sub = r + 1 < len(rows) and not rows[r + 1][0]
        y += 24.6 if sub else 49.3
    doc.text(50, y + 20, "Trên đây là Kế hoạch.")
    return bytes(doc.output())


def test_a_sub_row_of_a_borderless_table_keeps_its_agencies_apart():
    """A task over two rows (its number and task merged), no rules: the sub-row's lines join the task's cells, its
    cooperating agency a paragraph of its own ('Sở Tư pháp Bưu điện tỉnh' had been one agency, silently)."""
    rows = [["1", "Xây dựng cơ | sở dữ liệu", "Sở Tài chính", "Sở Tư pháp", "Quý I/2026"],
            ["", "", "Sở Nội vụ", "Bưu điện tỉnh", "Quý II/2026"],
            ["2", "Số hóa hồ | sơ hộ tịch", "Sở Y tế", "Các sở, ban, ngành", "Tháng 6/2026"]]
    tasks, _ = _read(borderless(rows))
    assert tasks[0][1:3] == (["Sở Tài chính", "Sở Nội vụ"], ["Sở Tư pháp", "Bưu điện tỉnh"])
    assert tasks[1] == ("2", ["Sở Y tế"], ["Các sở, ban, ngành"], "Tháng 6/2026")
