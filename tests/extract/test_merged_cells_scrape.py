"""Appendix tables whose lead, support or deadline cells are merged down over several rows, as a web page's
text extraction writes them: one cell a line between "|" lines, and a merged cell only in the first row it
covers, so the rows below it are short of that cell. Each task must come back with the merged value, in
whatever order the columns stand; a row that had to be realigned is warned at its line."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes

LEADS = ["Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Sở Xây dựng", "Sở Giáo dục và Đào tạo", "Công an tỉnh",
         "Sở Khoa học và Công nghệ", "Ban Quản lý khu kinh tế tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật"]
SUPPORTS = ["Các sở, ban, ngành liên quan", "Sở Tư pháp; Sở Công Thương", "Ủy ban nhân dân các xã, phường",
            "Viện, Trường; Doanh nghiệp; Sở, ban, ngành có liên quan", "Sở Nông nghiệp và Môi trường"]
DEADLINES = ["Thường xuyên", "Năm 2026", "Quý II/2026", "2026 - 2030", "Tháng 9/2026", ""]
WORK = ["Rà soát cơ chế hỗ trợ doanh nghiệp", "Xây dựng cơ sở dữ liệu chuyên ngành", "Tổ chức tập huấn cho cán bộ",
        "Triển khai hạ tầng số dùng chung", "Đánh giá mức độ hài lòng của người dân", "Ban hành quy chế phối hợp"]
HEADERS = {"title": "Nội dung nhiệm vụ", "lead": "Cơ quan chủ trì", "support": "Cơ quan phối hợp",
           "deadline": "Thời gian thực hiện"}


def _table(rng: random.Random) -> tuple[list[str], list[dict], list[str]]:
    """(columns, rows, the merged column of each run) of a random table: tasks in runs of 1-4 rows sharing one
    column's value, that column written once for the run."""
    columns = ["title", "lead", "support", "deadline"]
    rng.shuffle(columns)
    rows: list[dict] = []
    while len(rows) < 10:
        run, merged = rng.randint(1, 4), rng.choice(["lead", "support", "deadline"])
        shared = {"lead": rng.choice(LEADS), "support": rng.choice(SUPPORTS), "deadline": rng.choice(DEADLINES[:-1])}
        for k in range(run):
            row = {"title": f"{rng.choice(WORK)} {len(rows) + 1}", "lead": rng.choice(LEADS),
                   "support": rng.choice(SUPPORTS), "deadline": rng.choice(DEADLINES), "covered": k > 0 and merged}
            row[merged] = shared[merged]
            rows.append(row)
    if not rows[-1]["deadline"]:  # (an empty cell closing the table reads as the end of its last row: not this test's)
        rows[-1]["deadline"] = DEADLINES[0]
    return ["no", *columns], rows, []


def _scrape(columns: list[str], rows: list[dict]) -> str:
    lines = ["Số: 12/KH-UBND", "", "KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2026", "", "I. MỤC ĐÍCH", "Bảo đảm tiến độ.", "",
             "PHỤ LỤC", "DANH MỤC NHIỆM VỤ", ""]

    def row(cells: list[str]) -> None:
        lines.append("|")
        for c in cells:
            lines.extend(c.split("\n") if c else [""])
            lines.append("|")

    row(["STT", *(HEADERS[c] for c in columns[1:])])
    for n, r in enumerate(rows, 1):
        row([str(n) if c == "no" else r[c] for c in columns if c != r["covered"]])
    return "\n".join(lines) + "\n"


def _words(agencies: list[str] | str) -> str:
    """Agencies as their words (how a list is split into names is not this test's)."""
    text = agencies if isinstance(agencies, str) else " ".join(agencies)
    return " ".join(text.replace(",", " ").replace(";", " ").split())


@pytest.mark.parametrize("seed", range(80))
def test_a_merged_cell_is_read_into_every_row_it_covers_or_the_doubt_is_said(seed):
    """Every full row is read as written. A short row whose merged cell is the lead or the deadline is read exactly
    (the lead is the cell plans merge most; a date fits no agency column). A row short of its support under an agency
    cell is read either way (its support merged, or its lead merged and the agency its support): when it is read
    wrong, its warning names the other reading. Every short row is warned at its line."""
    rng = random.Random(seed)
    columns, rows, _ = _table(rng)
    plan = extract_bytes(_scrape(columns, rows).encode("utf-8"), "t.md")
    tasks = [t for t in plan["tasks"] if t["source"] == "appendix"]
    assert [t["title"] for t in tasks] == [r["title"] for r in rows]
    said = {w["loc"]["line"]: w["message"] for w in plan["warnings"] if w["code"] == "table-realigned"}
    assert len(said) == sum(1 for r in rows if r["covered"])  # each short row is said, at its line
    for t, r in zip(tasks, rows, strict=True):
        got = (t["lead"], _words(t["support"]), t["deadline"]["text"])
        if got == ([r["lead"]], _words(r["support"]), r["deadline"] or None):
            continue
        assert r["covered"] == "support", (got, r)
        assert "it could instead be its" in said.get(t["loc"]["line"], ""), (got, r)


def test_a_cell_written_again_as_it_stands_above_is_its_own_columns():
    """A row short of one agency cell under a row with the same lead: the agency is the lead again, the support is
    what the merge covers (never the lead's own name as its support)."""
    rows = [{"title": "Rà soát cơ chế 1", "lead": "Sở Y tế", "support": "Các sở, ban, ngành liên quan", "deadline": "Năm 2026",
             "covered": False},
            {"title": "Rà soát cơ chế 2", "lead": "Sở Y tế", "support": "Các sở, ban, ngành liên quan", "deadline": "Quý II/2026",
             "covered": "support"},
            {"title": "Rà soát cơ chế 3", "lead": "Sở Nội vụ", "support": "Sở Tư pháp", "deadline": "Năm 2027",
             "covered": False}]
    plan = extract_bytes(_scrape(["no", "title", "lead", "support", "deadline"], rows).encode("utf-8"), "t.md")
    assert [(t["lead"], t["support"]) for t in plan["tasks"]] == [
        (["Sở Y tế"], ["Các sở, ban, ngành liên quan"]), (["Sở Y tế"], ["Các sở, ban, ngành liên quan"]),
        (["Sở Nội vụ"], ["Sở Tư pháp"])]


def test_a_short_row_of_a_roadmap_table_keeps_its_agencies_out_of_the_year_columns():
    """A table marking years ("x" under 2026 … 2028) with a row short of two cells (the empty years at its end left
    out): its agencies stay in the agency columns and its mark under its year; a column of marks holds no agency's
    name, so they are not taken for a lead and support merged from the row above."""
    def row(*cells: str) -> list[str]:
        return ["|", *(x for c in cells for x in (c, "|"))]

    lines = ["Số: 12/KH-UBND", "", "KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2026", "", "I. MỤC ĐÍCH", "Bảo đảm tiến độ.", "",
             "PHỤ LỤC", "",
             *row("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Lộ trình thực hiện"), *row("2026", "2027", "2028"),
             *row("1", "Rà soát mạng lưới cơ sở đào tạo", "Sở Nội vụ", "Sở Tài chính", "x", "x", "x"),
             *row("2", "Xây dựng cơ sở dữ liệu nguồn nhân lực", "Sở Y tế", "Sở Tư pháp", "x"),
             *row("3", "Đặt hàng đào tạo theo nhu cầu", "Sở Tư pháp", "Sở Y tế", "x", "x", "x")]
    plan = extract_bytes("\n".join(lines).encode("utf-8"), "t.md")
    assert [(t["lead"], t["support"]) for t in plan["tasks"]] == [
        (["Sở Nội vụ"], ["Sở Tài chính"]), (["Sở Y tế"], ["Sở Tư pháp"]), (["Sở Tư pháp"], ["Sở Y tế"])]
    assert plan["tasks"][1]["deadline"]["end"] is not None
    assert "table-realigned" in {w["code"] for w in plan["warnings"]}


@pytest.mark.parametrize("header", ["Lĩnh vực", "Nhóm nhiệm vụ", "Nhóm giải pháp"])
def test_a_first_column_of_groups_merged_down_its_rows_is_each_tasks_group(header):
    """A table whose first column names each row's group ("Lĩnh vực"), written once for the rows it spans: every
    task takes its group, and a row short of that cell keeps its own cells in their columns (warned)."""
    def row(*cells: str) -> list[str]:
        return ["|", *(x for c in cells for x in (c, "|"))]

    lines = ["Số: 12/KH-UBND", "", "KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2026", "", "I. MỤC ĐÍCH", "Bảo đảm tiến độ.", "",
             "PHỤ LỤC", "", *row(header, "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"),
             *row("Thể chế", "1", "Rà soát quy chế phối hợp", "Sở Nội vụ", "Sở Tư pháp", "Quý I/2026"),
             *row("2", "Xây dựng cơ sở dữ liệu cán bộ", "Sở Tài chính", "Sở Nội vụ", "Quý II/2026"),
             *row("Hạ tầng", "3", "Nâng cấp hạ tầng số dùng chung", "Sở Y tế", "Các sở, ban, ngành liên quan", "Năm 2026"),
             *row("4", "Triển khai nền tảng dữ liệu tỉnh", "Công an tỉnh", "Sở Y tế", "Tháng 9/2026")]
    plan = extract_bytes("\n".join(lines).encode("utf-8"), "t.md")
    assert [(t["group"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"]] == [
        ("Thể chế", ["Sở Nội vụ"], ["Sở Tư pháp"], "Quý I/2026"), ("Thể chế", ["Sở Tài chính"], ["Sở Nội vụ"], "Quý II/2026"),
        ("Hạ tầng", ["Sở Y tế"], ["Các sở, ban, ngành liên quan"], "Năm 2026"), ("Hạ tầng", ["Công an tỉnh"], ["Sở Y tế"], "Tháng 9/2026")]
    assert [w["message"][:6] for w in plan["warnings"] if w["code"] == "table-realigned"] == ["row 2 ", "row 4 "]
