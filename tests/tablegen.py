"""Random responsibility tables, rendered into every layout kehoach reads, for round-trip tests.

A table is generated with what plans do: group rows (roman numbers or labels), numbering that
restarts in each group or runs on, sub-rows (1.1, 1.2), a lead merged over several rows,
agency-grouped tables with no lead column, columns in any order and under other names, two-row
headers, page breaks with or without a repeated header, wrapped cells, combined lead/support
cells. :func:`render` writes it as a scraped "|"-line table, tab text, a GitHub pipe table, a
pandoc grid table, HTML with spans or a Word document with merged cells; :func:`expected` lists
the rows that must come back.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from functools import partial

AGENCIES = [
    "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Y tế", "Sở Công Thương", "Sở Xây dựng",
    "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường",
    "Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh", "Văn phòng Ủy ban nhân dân tỉnh",
    "Ban Quản lý khu kinh tế", "Bảo hiểm xã hội tỉnh", "Ủy ban nhân dân các xã, phường",
    "Liên hiệp các Hội Khoa học và Kỹ thuật", "Đài Phát thanh và Truyền hình tỉnh",
]
COLLECTIVE = ["Các sở, ban, ngành liên quan", "Các cơ quan, đơn vị liên quan"]
VERBS = ["Xây dựng", "Rà soát", "Triển khai", "Tổ chức", "Hoàn thiện", "Nâng cấp", "Đánh giá", "Tuyên truyền về",
         "Kiểm tra", "Hướng dẫn", "Đề xuất", "Ban hành"]
OBJECTS = ["cơ chế hỗ trợ doanh nghiệp", "hạ tầng số dùng chung", "cơ sở dữ liệu chuyên ngành",
           "quy chế phối hợp giữa các cơ quan", "đề án phát triển nguồn nhân lực", "kế hoạch chuyển đổi số",
           "hệ thống thông tin báo cáo", "chương trình đào tạo kỹ năng số", "danh mục dịch vụ công trực tuyến",
           "mô hình hợp tác xã kiểu mới", "tiêu chí đánh giá mức độ hài lòng"]
TAILS = ["", "", " trên địa bàn tỉnh", " theo quy định của pháp luật", " gắn với nhu cầu thực tiễn của địa phương",
         " giai đoạn 2026 - 2030", " cho cán bộ, công chức cấp xã"]
DEADLINES = ["2025", "2026", "Quý I/2026", "Quý IV/2025", "Tháng 6/2026", "Thường xuyên", "Hằng năm",
             "2026 - 2030", "Trước 30/6/2026", "Năm 2027"]
GROUPS = ["Hoàn thiện thể chế, chính sách", "Phát triển hạ tầng", "Phát triển nguồn nhân lực",
          "Ứng dụng công nghệ", "Tuyên truyền, nâng cao nhận thức"]
HEADER_WORDS = {
    "no": ["STT", "TT", "Số TT"],
    "title": ["Nội dung", "Nhiệm vụ", "Nội dung công việc", "Nhiệm vụ, giải pháp", "Tên nhiệm vụ"],
    "lead": ["Chủ trì", "Cơ quan chủ trì", "Đơn vị chủ trì", "Đơn vị thực hiện"],
    "support": ["Phối hợp", "Cơ quan phối hợp", "Đơn vị phối hợp"],
    "combined": ["Cơ quan chủ trì, phối hợp", "Đơn vị chủ trì/phối hợp"],
    "deadline": ["Thời gian", "Thời gian hoàn thành", "Thời hạn", "Tiến độ", "Thời gian thực hiện"],
    "output": ["Sản phẩm", "Kết quả", "Hình thức văn bản"],
}
PDF_LAYOUTS = ["pdf", "pdfb"]
"""Printed by LibreOffice from the Word rendition: ruled, and borderless."""
LAYOUTS = ["scrape", "tab", "gfm", "gfm-wrapped", "grid", "aligned", "aligned-mid", "aligned-packed", "flat", "html", "docx", *PDF_LAYOUTS]
BROWSER_LAYOUTS = {"w3m": ("", "-graph"), "w3m-paras": ("", "-graph"), "w3m-ruled": (" border='1'", "-graph"),
                   "w3m-ascii": (" border='1'", "-no-graph")}
"""The HTML rendition dumped by a text browser (``w3m -dump``, 60 to 100 columns): a table without
borders (columns one space apart, cells centred vertically; "w3m": each cell's lines apart by
``<br>``, header cells ``<td>``, as a page saved from a word processor's text often is; "w3m-paras":
cells of ``<p>`` paragraphs, which set the rows apart by blank lines), with borders drawn in box
characters ("┌─┬─┐", "│"), and with borders drawn in ASCII ("+---+", "|"): (the table's attribute,
w3m's option). Measured by scripts/roundtrip.py (w3m is needed)."""
PRINTED_TEXT = "pdftext"
"""A narrow table (ruled or not, cells set at the top or centred) printed by LibreOffice and turned
back into text by ``pdftotext -layout`` (measured by scripts/roundtrip.py; not yet in the tests'
layouts: under half its rows come back)."""


@dataclass
class Row:
    kind: str  # "group" | "task"
    no: str
    title: str
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: str = ""
    output: str = ""
    merged_lead: bool = False
    """The lead cell is merged with the one above (same lead)."""


@dataclass
class Table:
    columns: list[str]
    """Task fields in column order: no, title, lead, support, combined, deadline, output."""
    labels: list[str]
    rows: list[Row]
    two_row: str | None = None
    """"deadline" (Thời gian over Bắt đầu | Hoàn thành... not used) or "agencies" (Cơ quan thực hiện over Chủ trì | Phối hợp)."""
    agency_grouped: bool = False
    page_break: int | None = None
    """Row index before which a page break falls."""
    repeat_header: bool = False
    combined_style: str = "mark"


def _title(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}"


def random_table(rng: random.Random) -> Table:
    agency_grouped = rng.random() < 0.15
    combined = not agency_grouped and rng.random() < 0.2
    columns = ["no", "title"]
    if not agency_grouped:
        columns += ["combined"] if combined else ["lead"] + (["support"] if rng.random() < 0.8 else [])
    columns += ["deadline"] if agency_grouped or rng.random() < 0.9 else []  # "STT | Nhiệm vụ" alone is no task table
    columns += ["output"] if rng.random() < 0.3 else []
    middle = columns[2:]
    if rng.random() < 0.3:
        rng.shuffle(middle)
    columns = columns[:2] + middle
    two_row = None
    if "lead" in columns and "support" in columns and columns.index("support") == columns.index("lead") + 1 \
            and rng.random() < 0.25:
        two_row = "agencies"
    labels = [rng.choice(HEADER_WORDS[c]) for c in columns]
    rows: list[Row] = []
    restart = rng.random() < 0.5
    n = 0
    ngroups = rng.choice([0, 0, 2, 3]) if not agency_grouped else rng.choice([2, 3])
    used_groups = rng.sample(GROUPS, ngroups) if not agency_grouped else rng.sample(AGENCIES, ngroups)
    for g in range(max(1, ngroups)):
        if ngroups:
            no = ["I", "II", "III", "IV"][g] if not agency_grouped else str(g + 1)
            rows.append(Row("group", no, used_groups[g], lead=[used_groups[g]] if agency_grouped else []))
            if restart or agency_grouped:
                n = 0
        for _ in range(rng.randint(1, 5)):
            n += 1
            no = f"{g + 1}.{n}" if agency_grouped else str(n)
            row = Row("task", no, _title(rng), deadline=rng.choice(DEADLINES) if "deadline" in columns else "",
                      output=rng.choice(["Báo cáo", "Quyết định", "Kế hoạch", "Đề án"]) if "output" in columns else "")
            if agency_grouped:
                row.lead = [used_groups[g]]
            else:
                prev = rows[-1] if rows and rows[-1].kind == "task" else None
                if prev is not None and rng.random() < 0.25 and "combined" not in columns:
                    row.lead, row.merged_lead = list(prev.lead), True
                else:
                    row.lead = rng.sample(AGENCIES, 1 if rng.random() < 0.85 else 2)
                if "support" in columns or "combined" in columns:
                    k = rng.choice([0, 1, 1, 2])
                    pool = [a for a in AGENCIES if a not in row.lead]
                    row.support = rng.sample(pool, k) if rng.random() < 0.8 else [rng.choice(COLLECTIVE)]
            rows.append(row)
            if not agency_grouped and rng.random() < 0.1:
                for k in (1, 2):
                    sub = Row("task", f"{no}.{k}", _title(rng), lead=rng.sample(AGENCIES, 1),
                              deadline=rng.choice(DEADLINES) if "deadline" in columns else "",
                              output="Báo cáo" if "output" in columns else "")
                    rows.append(sub)
    page_break = rng.randrange(1, len(rows)) if len(rows) > 3 and rng.random() < 0.4 else None
    if page_break is not None and rows[page_break].merged_lead:
        rows[page_break].merged_lead = False
    return Table(columns, labels, rows, two_row, agency_grouped, page_break, rng.random() < 0.5,
                 rng.choice(["mark", "label", "verb"]))


def _combined(row: Row, style: str) -> str:
    lead, support = " và ".join(row.lead), "; ".join(row.support)
    if not support:
        return lead + (" (chủ trì)" if style == "mark" else "")
    if style == "mark":
        return f"{lead} (chủ trì); {support}"
    if style == "label":
        return f"- Chủ trì: {lead}\n- Phối hợp: {support}"
    return f"{lead} chủ trì, phối hợp với {support}"


def cell_values(table: Table, row: Row) -> list[str]:
    """The cells of a task row (group rows are rendered by each layout)."""
    out = []
    for c in table.columns:
        out.append({"no": row.no, "title": row.title, "lead": "; ".join(row.lead), "support": "; ".join(row.support),
                    "combined": _combined(row, table.combined_style), "deadline": row.deadline,
                    "output": row.output}[c])
    return out


def expected(table: Table) -> list[dict]:
    """What must come back for each task row: number, title, lead, support, deadline text."""
    return [{"no": r.no, "title": r.title, "lead": r.lead, "support": r.support, "deadline": r.deadline or None}
            for r in table.rows if r.kind == "task"]


def _wrap(text: str, width: int) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return lines + ([cur] if cur else [])


def _header_rows(table: Table) -> list[list[tuple[str, int, int]]]:
    """Header rows as (text, colspan, rowspan) cells, on the grid."""
    if table.two_row == "agencies":
        k = table.columns.index("lead")
        first = [(lab, 1, 2) for lab in table.labels[:k]] + [("Cơ quan thực hiện", 2, 1)] + \
            [(lab, 1, 2) for lab in table.labels[k + 2:]]
        return [first, [("Chủ trì", 1, 1), ("Phối hợp", 1, 1)]]
    return [[(lab, 1, 1) for lab in table.labels]]


# --- layouts -------------------------------------------------------------------------------


def _grid_rows(table: Table, rng: random.Random) -> list[tuple[str, list[str | None]]]:
    """Rows on the full grid: ("header"|"group"|"task"|"break", cells); None = covered by a merge."""
    width = len(table.columns)
    out: list[tuple[str, list[str | None]]] = []
    header_grid: list[list[str | None]] = []
    for cells in _header_rows(table):
        header_grid.append(cells)  # type: ignore[arg-type]
    out.append(("header", header_grid))  # type: ignore[arg-type]
    for k, row in enumerate(table.rows):
        if k == table.page_break:
            out.append(("break", []))
            if table.repeat_header:
                out.append(("header", header_grid))  # type: ignore[arg-type]
        if row.kind == "group":
            out.append(("group", [row.no, row.title] + [""] * (width - 2)))
            continue
        cells: list[str | None] = list(cell_values(table, row))
        if row.merged_lead and "lead" in table.columns:
            cells[table.columns.index("lead")] = None
        out.append(("task", cells))
    return out


def _agency_labels(table: Table, top: tuple[str, str], sub: tuple[str, str], rest: str | None = None) -> tuple[list[str], list[str]]:
    """The two header rows of a table whose lead and support columns share a heading ("Cơ quan
    thực hiện" over "Chủ trì | Phối hợp"): the other columns' labels on the top row, and on the
    second row too unless ``rest`` is given for them there."""
    k = table.columns.index("lead")
    upper, lower = list(table.labels), list(table.labels) if rest is None else [rest] * len(table.columns)
    upper[k], upper[k + 1] = top
    lower[k], lower[k + 1] = sub
    return upper, lower


def _one_row_labels(table: Table) -> list[str]:
    """The header in one row: with the lead and support headings spelled out when they share one."""
    if table.two_row != "agencies":
        return list(table.labels)
    return _agency_labels(table, ("Cơ quan chủ trì", "Cơ quan phối hợp"), ("", ""))[0]


def _repeat_merged(table: Table, cells: list[str | None], last_lead: str) -> tuple[list[str], str]:
    """A task row's cells for a layout that cannot merge cells: a lead merged down is repeated.
    Returns the cells and the lead in force after the row."""
    vals = []
    for i, c in enumerate(cells):
        if c is None:
            c = last_lead
        if table.columns[i] == "lead":
            last_lead = c
        vals.append(c)
    return vals, last_lead


def render_scrape(table: Table, rng: random.Random) -> str:
    blank_empty = rng.random() < 0.5
    width = len(table.columns)
    lines: list[str] = []

    def row(cells: list[str]) -> None:
        lines.append("|")
        for c in cells:
            if c:
                lines.extend(w for part in c.split("\n") for w in _wrap(part, 50))
            elif blank_empty:
                lines.append("")
            lines.append("|")

    for kind, cells in _grid_rows(table, rng):
        if kind == "header":
            for hrow in cells:
                row([t for t, _cs, _rs in hrow] if len(hrow) == width or table.two_row is None else
                    [t for t, _cs, _rs in hrow])
        elif kind == "break":
            continue
        elif kind == "group":
            row(cells[:2] if rng.random() < 0.5 else cells)  # spanning the row, or empty cells after it
        else:
            row([c for c in cells if c is not None])  # a merged cell is left out of the rows it covers
    return "\n".join(lines)


def render_tab(table: Table, rng: random.Random) -> str:
    """Tab-separated cells. A page break may cut the row before it, as a PDF converter leaves it: the
    number and the title's first words before the break, a bare page number and a form feed, then
    (after the header, if repeated) a row with an empty number holding the rest of the title and the
    other cells."""
    width = len(table.columns)
    lines: list[str] = []
    wrap_header = rng.random() < 0.4
    cuts = rng.random() < 0.5
    grid = _grid_rows(table, rng)
    after: list[str] | None = None  # the second half of a row the page break cut
    for at, (kind, cells) in enumerate(grid):
        if kind == "task" and cuts and at + 1 < len(grid) and grid[at + 1][0] == "break":
            after = _cut_row(table, [c or "" for c in cells], lines)
            if after is not None:
                continue
        if kind == "header":
            if table.two_row == "agencies":
                top, sub = _agency_labels(table, ("Cơ quan thực hiện", ""), ("Chủ trì", "Phối hợp"), rest="")
                lines += ["\t".join(top), "\t".join(sub)]
            elif wrap_header:
                tops, bottoms = [], []
                for lab in table.labels:
                    words = lab.split()
                    cut = (len(words) + 1) // 2 if len(words) > 1 else 1
                    tops.append(" ".join(words[:cut]))
                    bottoms.append(" ".join(words[cut:]).lower() if len(words) > 1 else "")
                lines += ["\t".join(tops), "\t".join(bottoms)] if any(bottoms) else ["\t".join(tops)]
            else:
                lines.append("\t".join(table.labels))
        elif kind == "break":
            lines += ["", "Trang 2", ""] if after is None else ["", " " * 40 + "2", "\f"]
        elif kind == "group":
            lines.append("\t".join(cells))
        else:
            vals = [c or "" for c in cells]
            title_col = table.columns.index("title")
            wrapped = _wrap(vals[title_col], 45)
            if len(wrapped) > 1 and rng.random() < 0.5:
                first = list(vals)
                first[title_col] = wrapped[0]
                lines.append("\t".join(v.replace("\n", " ") for v in first))
                rest = [""] * width
                rest[title_col] = " ".join(wrapped[1:])
                lines.append("\t".join(rest))
            else:
                lines.append("\t".join(v.replace("\n", " ") for v in vals))
        if after is not None and kind == "break" and not table.repeat_header:
            lines[-1] += "\t".join(after)  # the form feed opens the next page, on the line of its first row
            after = None
        elif after is not None and kind == "header" and at > 0:
            lines.append("\t".join(after))
            after = None
    return "\n".join(lines)


def render_flat(table: Table, rng: random.Random) -> str:
    """One cell a line, as a word processor's plain-text export writes a table: each paragraph of a
    cell on a line (agencies one a line, or run together with ";"), an empty cell or one merged down
    an empty line, a cell merged across written once; the header written once, no page break."""
    lines: list[str] = []
    one_a_line = rng.random() < 0.7
    if table.two_row == "agencies":
        top, sub = _agency_labels(table, ("Cơ quan thực hiện", ""), ("Chủ trì", "Phối hợp"), rest="")
        lines += [t for t in top if t] + sub
    else:
        lines += table.labels
    for row in table.rows:
        if row.kind == "group":
            lines += [row.no, row.title] + ([""] * (len(table.columns) - 2) if rng.random() < 0.5 else [])
            continue
        for column, value in zip(table.columns, cell_values(table, row), strict=True):
            if column == "lead" and row.merged_lead:
                lines.append("")
            elif column in ("lead", "support") and one_a_line and value:
                lines += getattr(row, column)
            else:
                lines += value.split("\n")
    return "\n".join(lines)


def _cut_row(table: Table, vals: list[str], lines: list[str]) -> list[str] | None:
    """Write the part of a task row before a page break (number, the title's first words; the other
    cells follow on the next page) and return the part after it, or None when the row is not cut."""
    title_col = table.columns.index("title")
    words = vals[title_col].split()
    if table.columns[0] != "no" or len(words) < 4 or "\n" in vals[title_col]:
        return None
    half = len(words) // 2
    lines.append("\t".join([*vals[:title_col], " ".join(words[:half])]))
    return ["" for _ in vals[:title_col]] + [" ".join(words[half:])] + [v.replace("\n", " ") for v in vals[title_col + 1:]]


def _pipe_cell(text: str) -> str:
    return text.replace("\n", "<br>").replace("|", "\\|")


def render_gfm(table: Table, rng: random.Random) -> str:
    lines: list[str] = []
    width = len(table.columns)
    last_lead = ""
    for kind, cells in _grid_rows(table, rng):
        if kind == "header":
            if table.two_row == "agencies":
                top, sub = _agency_labels(table, ("Cơ quan thực hiện",) * 2, ("Chủ trì", "Phối hợp"))
                lines += ["| " + " | ".join(top) + " |", "|" + "---|" * width, "| " + " | ".join(sub) + " |"]
            else:
                lines += ["| " + " | ".join(table.labels) + " |", "|" + "---|" * width]
        elif kind == "break":
            lines.append("")
        elif kind == "group":
            lines.append("| " + " | ".join(f"**{c}**" if c else "" for c in cells) + " |")
        else:
            vals, last_lead = _repeat_merged(table, cells, last_lead)  # a pipe table cannot merge
            lines.append("| " + " | ".join(_pipe_cell(c) for c in vals) + " |")
        if kind == "break" and not table.repeat_header:
            lines += ["| " + " | ".join([""] * width) + " |", "|" + "---|" * width]
    return "\n".join(lines)


def render_gfm_wrapped(table: Table, rng: random.Random) -> str:
    """A GitHub pipe table written one row a line, then wrapped at a fixed width (40 to 120
    characters): at spaces, as a mail client or ``fold -s`` does, or hard at the width, inside words
    (an editor's hard wrap): a row runs over several lines, a line may start or end with a pipe in the
    middle of a row."""
    import textwrap

    width, hard = rng.randint(40, 120), rng.random() < 0.5
    lines = render_gfm(table, rng).split("\n")
    if hard:
        return "\n".join("\n".join(line[k:k + width] for k in range(0, len(line), width)) if line else line for line in lines)
    return "\n".join("\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
                     if len(line) > width else line for line in lines)


def render_grid(table: Table, rng: random.Random) -> str:
    """A pandoc grid table: +---+ borders, cells wrapped inside their column."""
    width = len(table.columns)
    widths = [6 if c == "no" else 34 if c == "title" else 24 for c in table.columns]
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    head_border = border.replace("-", "=")
    lines = [border]
    last_lead = ""

    def row(cells: list[str], span_all: bool = False) -> None:
        if span_all:
            total = sum(w + 3 for w in widths) - 1
            text = f"{cells[0]}. {cells[1]}"
            for part in _wrap(text, total - 2) or [""]:
                lines.append("| " + part.ljust(total - 2) + " |")
            lines.append(border)
            return
        wrapped = [[w for part in c.split("\n") for w in _wrap(part, widths[i])] or [""] for i, c in enumerate(cells)]
        height = max(len(w) for w in wrapped)
        for k in range(height):
            lines.append("| " + " | ".join((wrapped[i][k] if k < len(wrapped[i]) else "").ljust(widths[i])
                                           for i in range(width)) + " |")
        lines.append(border)

    for kind, cells in _grid_rows(table, rng):
        if kind == "header":
            row(_one_row_labels(table))
            lines[-1] = head_border if len(lines) > 2 and lines[-1] == border and lines.count(head_border) == 0 else lines[-1]
        elif kind == "break":
            continue
        elif kind == "group":
            row(cells, span_all=rng.random() < 0.5)
        else:
            vals, last_lead = _repeat_merged(table, cells, last_lead)
            row(vals)
    return "\n".join(lines)


def render_aligned(table: Table, rng: random.Random, centred: bool = False, packed: bool = False) -> str:
    """Columns aligned with spaces, as ``pdftotext -layout`` writes a table: cells wrapped inside
    their column, continuation lines with an empty first column, page breaks with a page number.
    ``centred``: a ruled table whose cells are centred vertically, printed with a blank line between
    rows (a row's number stands in the middle of its lines), the page number bare and centred and
    the next page opened by a form feed. ``packed``: the same with no blank line between rows, a
    cell with fewer lines than its row set half a line down on lines of its own, as pdftotext prints
    text whose baselines differ."""
    widths = [5 if c == "no" else 40 if c == "title" else 26 for c in table.columns]
    gap = "   "
    lines: list[str] = []
    last_lead = ""
    low = rng.random() < 0.5  # a cell half a line off the middle falls on the line below or above

    def row(cells: list[str]) -> None:
        wrapped = [[w for part in c.split("\n") for w in _wrap(part, widths[i])] or [""] for i, c in enumerate(cells)]
        height = max(len(w) for w in wrapped)
        feed = ""
        if packed:
            slots = [{(height - len(w) + 2 * t): w[t] for t in range(len(w))} for w in wrapped]
            used = sorted({k for slot in slots for k in slot})
            wrapped = [[slot.get(k, "") for k in used] for slot in slots]
            height = len(used)
        elif centred:
            wrapped = [[""] * ((height - len(w) + low) // 2) + w for w in wrapped]
            feed = "\f" if lines and lines[-1] == "\f" else ""
            if feed:
                lines.pop()
            elif lines and lines[-1] and not packed:
                lines.append("")
        for k in range(height):
            lines.append((feed if k == 0 else "") + gap.join((wrapped[i][k] if k < len(wrapped[i]) else "").ljust(widths[i])
                                                             for i in range(len(cells))).rstrip())

    for kind, cells in _grid_rows(table, rng):
        if kind == "header":
            row(_one_row_labels(table))
        elif kind == "break" and centred:
            lines += ["", " " * 40 + "2", "\f"]
        elif kind == "break":
            lines += ["", "Trang 2", ""]
        elif kind == "group":
            row([cells[0], cells[1]] + [""] * (len(cells) - 2))
        else:
            vals, last_lead = _repeat_merged(table, cells, last_lead)
            row([c.replace("\n", "; ") if col != "combined" else c.replace("\n", " ") for c, col in zip(vals, table.columns, strict=True)])
    return "\n".join(lines)


def render_html(table: Table, rng: random.Random) -> str:
    import html as h

    width = len(table.columns)
    out = ["<table border='1'>"]
    grid = _grid_rows(table, rng)
    spans: dict[int, int] = {}
    lead_col = table.columns.index("lead") if "lead" in table.columns else None
    for k, (kind, cells) in enumerate(grid):
        if kind == "task" and lead_col is not None and cells[lead_col] is not None:
            n = 1
            while k + n < len(grid) and grid[k + n][0] == "task" and grid[k + n][1][lead_col] is None:
                n += 1
            spans[k] = n
    for k, (kind, cells) in enumerate(grid):
        if kind == "header":
            for hrow in cells:
                out.append("<tr>" + "".join(f"<th colspan={cs} rowspan={rs}>{h.escape(t)}</th>" for t, cs, rs in hrow) + "</tr>")
        elif kind == "break":
            out.append("</table><p>Trang 2</p><table border='1'>")
        elif kind == "group":
            if rng.random() < 0.5:
                out.append(f"<tr><td colspan={width}><b>{h.escape(cells[0])}. {h.escape(cells[1])}</b></td></tr>")
            else:
                out.append(f"<tr><td>{h.escape(cells[0])}</td><td colspan={width - 1}>{h.escape(cells[1])}</td></tr>")
        else:
            tds = []
            for i, c in enumerate(cells):
                if c is None:
                    continue
                rs = f" rowspan={spans[k]}" if i == lead_col and spans.get(k, 1) > 1 else ""
                body = "".join(f"<p>{h.escape(p)}</p>" for p in c.split("\n")) if c else ""
                tds.append(f"<td{rs}>{body}</td>")
            out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def render_docx(table: Table, rng: random.Random, ruled: bool = True, paged: bool = False, narrow: bool = False) -> bytes:
    """A Word document holding the table; ``ruled=False`` draws no borders; ``paged`` lays it out
    as for printing (column widths by role, a font, a page break where the table has one, the header
    row marked to repeat on later pages or not); ``narrow``: on a portrait page, the table a half
    to the whole of the text's width (its cells wrap to a few words a line)."""
    import docx

    document = docx.Document()
    if paged:
        _print_layout(document, rng, portrait=narrow)
    for line in HEAD.strip().split("\n"):
        document.add_paragraph(line)
    segments: list[list[tuple[str, list]]] = [[]]
    for kind, cells in _grid_rows(table, rng):
        if kind == "break":
            if paged:
                segments.append([])
            continue
        segments[-1].append((kind, cells))
    repeat = paged and rng.random() < 0.5
    style = (rng.random() < 0.5, rng.random() < 0.3) if paged else (False, False)
    for k, grid in enumerate(segments):
        if k:
            from docx.enum.text import WD_BREAK

            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _docx_table(document, table, grid, ruled, paged, repeat, style)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _print_layout(document, rng: random.Random, portrait: bool = False) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(rng.choice([12, 13]))
    sec = document.sections[0]
    sec.left_margin, sec.right_margin = Cm(2.5), Cm(1.5)
    if portrait:
        sec.right_margin = Cm(rng.choice([1.5, 1.5, 4.0, 7.0]))  # a narrow table: its cells wrap to a few words
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    elif rng.random() < 0.4:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)


WIDTHS_CM = {"no": 1.2, "title": 6.5, "lead": 3.5, "support": 3.5, "combined": 4.5, "deadline": 2.5, "output": 2.5}


def _cell_layout(t, style: tuple[bool, bool]) -> None:
    """Cells centred vertically (as most offices set them), and/or packed close (small margins)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    centred, tight = style
    if tight:
        margins = OxmlElement("w:tblCellMar")
        for edge in ("left", "right"):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:w"), "40")
            el.set(qn("w:type"), "dxa")
            margins.append(el)
        t._tbl.tblPr.append(margins)
    if centred:
        for row in t.rows:
            for cell in row.cells:
                tc_pr = cell._tc.get_or_add_tcPr()
                if tc_pr.find(qn("w:vAlign")) is None:
                    v = OxmlElement("w:vAlign")
                    v.set(qn("w:val"), "center")
                    tc_pr.append(v)


def _docx_table(document, table: Table, grid: list[tuple[str, list]], ruled: bool, paged: bool, repeat: bool,
                style: tuple[bool, bool] = (False, False)) -> None:
    width = len(table.columns)
    nrows = sum(len(cells) if kind == "header" else 1 for kind, cells in grid)
    t = document.add_table(rows=nrows, cols=width)
    if ruled:
        t.style = "Table Grid"
    if paged:
        from docx.shared import Cm

        sec = document.sections[0]
        scale = (sec.page_width - sec.left_margin - sec.right_margin) / Cm(sum(WIDTHS_CM[c] for c in table.columns))
        t.autofit = False
        for i, c in enumerate(table.columns):  # the table spans the text width, as offices lay it out
            t.columns[i].width = int(Cm(WIDTHS_CM[c]) * scale)
            for cell in t.columns[i].cells:
                cell.width = int(Cm(WIDTHS_CM[c]) * scale)
        _cell_layout(t, style)
    r = 0
    lead_col = table.columns.index("lead") if "lead" in table.columns else None
    merge_from: int | None = None
    for kind, cells in grid:
        if kind == "header":
            r = _docx_header(t, table, r, repeat)
            continue
        if kind == "group":
            t.cell(r, 0).text = cells[0]
            merged = t.cell(r, 1).merge(t.cell(r, width - 1))
            merged.text = cells[1]
        else:
            for i, c in enumerate(cells):
                if c is not None:
                    cell = t.cell(r, i)
                    parts = c.split("\n")
                    cell.text = parts[0]
                    for p in parts[1:]:
                        cell.add_paragraph(p)
            if lead_col is not None:
                if cells[lead_col] is None and merge_from is not None:
                    t.cell(merge_from, lead_col).merge(t.cell(r, lead_col))
                elif cells[lead_col] is not None:
                    merge_from = r
        if kind != "task":
            merge_from = None
        r += 1


def _docx_header(t, table: Table, r: int, repeat: bool = False) -> int:
    """Write the header from row ``r`` (two rows with merges for a two-row header); the next row.
    ``repeat``: the header rows are marked to repeat at the top of each printed page."""
    if repeat:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        for row in t.rows[r:r + (2 if table.two_row == "agencies" else 1)]:
            mark = OxmlElement("w:tblHeader")
            mark.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(mark)
    if table.two_row != "agencies":
        for i, label in enumerate(table.labels):
            t.cell(r, i).text = label
        return r + 1
    k = table.columns.index("lead")
    for i, label in enumerate(table.labels):
        if i in (k, k + 1):
            continue
        t.cell(r, i).text = label
        t.cell(r, i).merge(t.cell(r + 1, i))
    top = t.cell(r, k).merge(t.cell(r, k + 1))
    top.text = "Cơ quan thực hiện"
    t.cell(r + 1, k).text = "Chủ trì"
    t.cell(r + 1, k + 1).text = "Phối hợp"
    return r + 2


HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. TỔ CHỨC THỰC HIỆN\n"
        "Các cơ quan thực hiện nhiệm vụ tại Phụ lục kèm theo.\n")


def document(table: Table, layout: str, rng: random.Random) -> tuple[bytes, str]:
    """The plan holding the table in ``layout``: (bytes, file name). For a PDF layout, the Word
    document to print (see :func:`to_pdf`)."""
    if layout == "docx":
        return render_docx(table, rng), "plan.docx"
    if layout == PRINTED_TEXT:
        return render_docx(table, rng, ruled=rng.random() < 0.7, paged=True, narrow=True), "plan.docx"
    if layout in PDF_LAYOUTS:
        return render_docx(table, rng, ruled=layout == "pdf", paged=True), "plan.docx"
    if layout == "html" or layout in BROWSER_LAYOUTS:
        body = "".join(f"<p>{line}</p>" for line in HEAD.strip().split("\n"))
        return f"<html><body>{body}<p>PHỤ LỤC</p>{render_html(table, rng)}</body></html>".encode(), "plan.html"
    text = {"scrape": render_scrape, "tab": render_tab, "gfm": render_gfm, "gfm-wrapped": render_gfm_wrapped, "grid": render_grid,
            "aligned": render_aligned, "aligned-mid": partial(render_aligned, centred=True),
            "aligned-packed": partial(render_aligned, centred=True, packed=True), "flat": render_flat}[layout](table, rng)
    suffix = "txt" if layout.startswith(("tab", "aligned", "flat")) else "md"
    return f"{HEAD}\n**PHỤ LỤC**\n\n{text}\n".encode(), f"plan.{suffix}"


def soffice() -> str | None:
    """LibreOffice's command, if installed (the PDF layouts need it)."""
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docs: list[bytes]) -> list[bytes]:
    """Word documents printed to PDF by LibreOffice, in one run (with a profile of its own, so that
    runs in parallel do not share one)."""
    import subprocess
    import tempfile
    from pathlib import Path

    command = soffice()
    if command is None:
        raise RuntimeError("LibreOffice (soffice) is needed for the PDF layouts")
    global _PROFILE
    if _PROFILE is None:  # one profile per process: LibreOffice starts several times faster with it made
        _PROFILE = tempfile.mkdtemp(prefix="kehoach-lo-")
    with tempfile.TemporaryDirectory() as tmp:
        paths = [Path(tmp) / f"d{k}.docx" for k in range(len(docs))]
        for path, data in zip(paths, docs, strict=True):
            path.write_bytes(data)
        for attempt in range(2):  # a long batch may lose a document; the missing ones go again
            todo = [str(p) for p in paths if not p.with_suffix(".pdf").exists()]
            for k in range(0, len(todo), 40):
                subprocess.run([command, "--headless", f"-env:UserInstallation=file://{_PROFILE}", "--convert-to", "pdf",
                                "--outdir", tmp, *todo[k:k + 40]], check=attempt == 0, capture_output=True, timeout=600)
        return [p.with_suffix(".pdf").read_bytes() for p in paths]


_PROFILE: str | None = None


def pdftotext_layout(pdf: bytes) -> bytes:
    """The text ``pdftotext -layout`` makes of a PDF (poppler-utils)."""
    import subprocess

    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=120).stdout


def w3m_dump(page: bytes, layout: str, rng: random.Random) -> bytes:
    """The text ``w3m -dump`` makes of the HTML rendition ``page`` (with or without borders, see
    :data:`BROWSER_LAYOUTS`), at 60 to 100 columns."""
    import re
    import subprocess

    border, graph = BROWSER_LAYOUTS[layout]
    page = page.replace(b"<table border='1'>", f"<table{border}>".encode())
    if layout == "w3m":  # cells' lines apart by <br>, header cells as data cells
        def lines(cell: re.Match[bytes]) -> bytes:
            return re.sub(rb"^<p>|</p>$", b"", cell.group(2)).replace(b"</p><p>", b"<br>").join([cell.group(1), cell.group(3)])
        page = re.sub(rb"<(/?)th\b", rb"<\1td", page)
        page = re.sub(rb"(<td[^>]*>)(.*?)(</td>)", lines, page)
    return subprocess.run(["w3m", "-dump", graph, "-cols", str(rng.randint(60, 100)), "-O", "UTF-8", "-T", "text/html"],
                          input=page, capture_output=True, check=True, timeout=120).stdout


def compare(table: Table, plan: dict) -> list[bool]:
    """For each expected task row: did it come back with the right number, title, lead, support
    and deadline (as written)?"""
    return [v == "right" for v in verdicts(table, plan)]


NEAR = 12
"""A warning this many lines or fewer from a wrong row flags it (as scripts/score_heldout.py counts)."""
NOT_ABOUT_TABLES = {"signer-missing"}
"""Warnings the generated plan always gets (it has no signature): they flag no row."""
TABLE_WARNINGS = ("table", "appendix", "coverage", "unplaced", "task")
"""A warning whose code holds one of these words flags the rows a table left out (as scripts/score_heldout.py counts)."""


def verdicts(table: Table, plan: dict) -> list[str]:
    """For each expected task row: "right", "warned" (wrong, with a warning on a line near the task
    the row came back as, or, for a row not read at all, a warning about a table) or "silent"
    (wrong and no warning says so). A wrong row is matched by its number and title, else by its
    number alone."""
    from kehoach.extract.agencies import canonical_agency

    got = [t for t in plan["tasks"] if t["source"] == "appendix"]
    warnings = [w for w in plan["warnings"] if w["code"] not in NOT_ABOUT_TABLES]
    free = list(range(len(got)))
    out = []
    for want in expected(table):
        k = next((i for i in free if (got[i]["no"], got[i]["title"]) == (want["no"], want["title"])), None)
        k = next((i for i in free if got[i]["no"] == want["no"]), None) if k is None else k
        t = got[k] if k is not None else None  # rows of one number and title (in two groups) match in order
        if k is not None:
            free.remove(k)
        if t is not None and t["title"] == want["title"] and t["lead"] == [canonical_agency(a) for a in want["lead"]] \
                and t["support"] == [canonical_agency(a) for a in want["support"]] \
                and (t["deadline"]["text"] or None) == want["deadline"]:
            out.append("right")
        elif t is None:
            out.append("warned" if any(word in w["code"] for w in warnings for word in TABLE_WARNINGS) else "silent")
        else:
            line = t["loc"]["line"]
            out.append("warned" if any((w["loc"] or {}).get("line") is not None and abs(w["loc"]["line"] - line) <= NEAR
                                       for w in warnings) else "silent")
    return out


def roundtrips(seeds: list[int], layout: str) -> list[tuple[Table, dict, list[bool]]]:
    """Generate, write in ``layout``, extract and compare one table per seed."""
    from kehoach import extract_bytes

    tables, docs = [], []
    for seed in seeds:
        table = random_table(random.Random(seed))
        tables.append(table)
        docs.append(document(table, layout, random.Random(seed * 7 + 1)))
    if layout in (*PDF_LAYOUTS, PRINTED_TEXT):
        docs = [(pdf, "plan.pdf") for pdf in to_pdf([data for data, _name in docs])]
    if layout == PRINTED_TEXT:
        docs = [(pdftotext_layout(pdf), "plan.txt") for pdf, _name in docs]
    if layout in BROWSER_LAYOUTS:
        docs = [(w3m_dump(data, layout, random.Random(seed)), "plan.txt") for seed, (data, _name) in zip(seeds, docs, strict=True)]
    out = []
    for table, (data, name) in zip(tables, docs, strict=True):
        plan = extract_bytes(data, name)
        out.append((table, plan, compare(table, plan)))
    return out


def roundtrip(seed: int, layout: str) -> tuple[Table, dict, list[bool]]:
    return roundtrips([seed], layout)[0]
