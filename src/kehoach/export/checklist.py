"""Checklists: who must do what by when, per agency (or group, section, deadline).

Column titles and headings are in Vietnamese, as analysts read them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

from ..extract.agencies import agency_key
from ..textsafe import for_sheet, one_line
from ..vn import fold
from .schedule import (
    NOT_A_PLAN,
    PARTS_UNREAD,
    Item,
    known_period,
    place_tasks,
    plan_label,
    plan_period,
    where,
)

RECURRENCE_VI = {"continuous": "Thường xuyên", "annual": "Hằng năm", "semiannual": "6 tháng/lần",
                 "quarterly": "Hằng quý", "monthly": "Hằng tháng", "ad_hoc": "Đột xuất"}
COLUMNS = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Bắt đầu", "Kết thúc", "Định kỳ",
           "Sản phẩm", "Mục tiêu", "Nhóm", "Nguồn", "Quá hạn", "Trạng thái", "Ghi chú"]
BY_TITLES = {"agency": None, "group": "Nhóm nhiệm vụ", "section": "Mục", "deadline": "Kỳ hạn"}
"""The grouping column of a table; by agency the rows are ordered by the lead column itself."""
STATUSES = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Chậm tiến độ"]


def recurrence_vi(value: str | None) -> str:
    return ", ".join(RECURRENCE_VI.get(v, v) for v in value.split("+")) if value else ""


def _quarter_label(d: dt.date) -> str:
    return f"Quý {['I', 'II', 'III', 'IV'][(d.month - 1) // 3]}/{d.year}"


def group_keys(item: Item, by: str) -> list[str]:
    """The headings a task falls under (a task with two lead agencies is listed under both)."""
    t = item.task
    if by == "agency":
        return list(t.get("lead") or ["(chưa rõ đơn vị chủ trì)"])
    if by == "group":
        return [t.get("group") or ("Nhiệm vụ trong phần Tổ chức thực hiện" if t.get("source") == "body" else "(không thuộc nhóm)")]
    if by == "section":
        return [f"Mục {t['section']}" if t.get("section") else "Phụ lục"]
    if by == "deadline":
        if not item.end_placed:
            return [_quarter_label(item.end)]
        if item.recurrence:
            return [recurrence_vi(item.recurrence)]
        return ["Chưa xác định thời hạn"]
    raise ValueError(f"unknown grouping {by!r}")


def grouped(plan: dict, by: str) -> list[tuple[str, list[Item]]]:
    """Headings in order of first appearance (by deadline: in date order), each with its tasks."""
    items = place_tasks(plan, plan_period(plan))
    groups: dict[str, tuple[str, list[Item]]] = {}
    for item in items:
        for key in group_keys(item, by):
            k = agency_key(key) if by == "agency" else fold(key)  # "Sở A tỉnh" and "Sở A": one heading
            if k not in groups:
                groups[k] = (key, [])
            groups[k][1].append(item)
    out = list(groups.values())
    if by == "deadline":
        out.sort(key=lambda g: (min(i.end for i in g[1]) if not g[1][0].end_placed else dt.date.max, g[0]))
    return out


def is_overdue(item: Item, as_of: dt.date | None) -> bool:
    return bool(as_of and not item.end_placed and not item.recurrence and item.end < as_of)


def _row(n: int, item: Item, as_of: dt.date | None) -> list:
    t = item.task
    return [
        n, t.get("title") or "", "; ".join(t.get("lead") or []), "; ".join(t.get("support") or []),
        t["deadline"].get("text") or "",
        None if item.start_placed else item.start, None if item.end_placed else item.end,
        recurrence_vi(item.recurrence), t.get("output") or "", t.get("target") or "", t.get("group") or "",
        where(t), "Quá hạn" if is_overdue(item, as_of) else "", "", t.get("note") or "",
    ]


def to_markdown(plan: dict, by: str = "agency", as_of: dt.date | None = None) -> str:
    """A GitHub task list: one heading per agency (or group, section, deadline)."""
    doc = plan.get("document") or {}
    lines = [f"# Danh sách nhiệm vụ: {plan_label(plan)}", ""]
    if doc.get("title"):
        lines += [f"_{_md(doc['title'])}_", ""]
    if doc.get("issuer"):
        lines += [f"Cơ quan ban hành: {_md(doc['issuer'])}", ""]
    period = known_period(plan)
    if doc.get("is_plan") is False:
        lines += [f"**{_md(NOT_A_PLAN)}**", ""]
    if period:
        lines += [f"Thời gian thực hiện kế hoạch: {period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"
                  + (" (suy ra từ năm ban hành)" if period.basis == "issue year" else ""), ""]
    if as_of:
        lines += [f"Tính đến ngày {as_of:%d/%m/%Y}.", ""]
    groups = grouped(plan, by)
    if not groups and doc.get("is_plan") is not False:
        unread = any(w.get("code") == "plan-parts-unread" for w in plan.get("warnings") or [])
        lines += [f"_{PARTS_UNREAD if unread else 'Kế hoạch không có nhiệm vụ nào được phân công.'}_", ""]
    for heading, items in groups:
        overdue = sum(is_overdue(i, as_of) for i in items)
        extra = f", {overdue} quá hạn" if overdue else ""
        lines += [f"## {_md(heading)} ({len(items)} nhiệm vụ{extra})", ""]
        for item in items:
            t = item.task
            flag = "**[Quá hạn]** " if is_overdue(item, as_of) else ""
            lines.append(f"- [ ] {flag}{_md(t.get('title') or '(không có nội dung)')}")
            details = [f"Thời hạn: {_md(t['deadline'].get('text') or 'không ghi')}"]
            if by != "agency" and t.get("lead"):
                details.append(f"Chủ trì: {_md('; '.join(t['lead']))}")
            if t.get("support"):
                details.append(f"Phối hợp: {_md('; '.join(t['support']))}")
            if t.get("output"):
                details.append(f"Sản phẩm: {_md(t['output'])}")
            if t.get("target"):
                details.append(f"Mục tiêu: {_md(t['target'])}")
            details.append(f"Nguồn: {_md(where(t))}")
            lines.append("  - " + " · ".join(details))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _md(text: str) -> str:
    """Text that Markdown shows as written (no accidental emphasis, links or HTML)."""
    out = []
    for ch in one_line(text):  # a line break would start a new item, heading or row
        out.append("\\" + ch if ch in "\\`*_[]<>#|" else ch)
    return "".join(out)


def _safe_cell(value):
    """Neutralise spreadsheet formulas: a cell starting with = + - @ (or a tab/CR) is prefixed with ';
    control characters a spreadsheet cannot hold are dropped."""
    if isinstance(value, str):
        value = for_sheet(value)
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + value
    return value


CELL_CHARS = 32767
"""The most characters a spreadsheet cell holds (Excel's limit; openpyxl cuts there in silence)."""
CUT_MARK = "…"


def sheet_cell(value):
    """:func:`_safe_cell` for a workbook: a text longer than a cell holds ends with "…" where it
    was cut, so a cut title never passes for the whole one."""
    value = _safe_cell(value)
    if isinstance(value, str) and len(value) > CELL_CHARS:
        return value[:CELL_CHARS - len(CUT_MARK)] + CUT_MARK
    return value


def table_columns(by: str) -> list[str]:
    """Column titles of the CSV and Excel tables: each title once (by group, the grouping column
    replaces "Nhóm")."""
    title = BY_TITLES[by]
    if title is None:
        return list(COLUMNS)
    return [title] + [c for c in COLUMNS if not (by == "group" and c == "Nhóm")]


def table_rows(plan: dict, by: str, as_of: dt.date | None = None) -> tuple[list[str], list[tuple[list, Item]]]:
    """The columns and one row per task, in heading order: a task with two lead agencies is one row
    naming both (under its first heading); STT runs on from 1 over the whole table."""
    columns = table_columns(by)
    seen: set[int] = set()
    out: list[tuple[list, Item]] = []
    for heading, items in grouped(plan, by):
        for item in items:
            if id(item.task) in seen:
                continue
            seen.add(id(item.task))
            values = dict(zip(COLUMNS, _row(len(out) + 1, item, as_of), strict=True))
            out.append(([values.get(c, heading) for c in columns], item))
    return columns, out


def to_csv(plan: dict, by: str = "agency", as_of: dt.date | None = None) -> bytes:
    """UTF-8 with BOM (Excel opens Vietnamese correctly), one row per task."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    columns, rows = table_rows(plan, by, as_of)
    w.writerow(columns)
    for row, _ in rows:
        w.writerow([_safe_cell(v.isoformat() if isinstance(v, dt.date) else ("" if v is None else v)) for v in row])
    return "\ufeff".encode() + buf.getvalue().encode("utf-8")


WIDTHS = {"STT": 5, "Nhiệm vụ": 48, "Đơn vị chủ trì": 24, "Đơn vị phối hợp": 26, "Thời hạn": 15, "Bắt đầu": 11,
          "Kết thúc": 11, "Định kỳ": 11, "Sản phẩm": 20, "Mục tiêu": 18, "Nhóm": 18, "Nguồn": 15, "Quá hạn": 9,
          "Trạng thái": 14, "Ghi chú": 18, "Nhóm nhiệm vụ": 22, "Mục": 8, "Kỳ hạn": 12}
"""Excel column widths (characters): what a printed landscape page can hold."""
ALWAYS = {"STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Trạng thái"}
"""Columns the workbook keeps even when empty; the others are left out when no task fills them."""


def to_xlsx(plan: dict, by: str = "agency", as_of: dt.date | None = None) -> bytes:
    """An Excel workbook analysts can filter, fill in and print: frozen header, filters, wrapped
    text, real dates, a status drop-down; printed landscape on A4, fitted to the page width, the
    header row repeated on every page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    columns, rows = table_rows(plan, by, as_of)
    keep = [k for k, c in enumerate(columns) if c in ALWAYS or k == 0 and BY_TITLES[by]
            or any(r[k] not in (None, "") for r, _ in rows)]
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    header = [columns[k] for k in keep]
    ws.append(header)
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_style = (Font(bold=True), PatternFill("solid", fgColor="DDEBF7"), Alignment(wrap_text=True, vertical="center"))
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment, cell.border = *head_style, border
    # Cell formats as named styles, registered once: setting a format cell by cell costs more than
    # the rest of the export together.
    top = Alignment(wrap_text=True, vertical="top")
    plain = NamedStyle("kehoach task", alignment=top, border=border)
    day = NamedStyle("kehoach date", alignment=top, border=border, number_format="DD/MM/YYYY")
    overdue = NamedStyle("kehoach overdue", alignment=top, border=border, fill=PatternFill("solid", fgColor="F8CBAD"))
    for style in (plain, day, overdue):
        wb.add_named_style(style)
    dates = {header.index(c) + 1 for c in ("Bắt đầu", "Kết thúc") if c in header}
    overdue_col = header.index("Quá hạn") + 1 if "Quá hạn" in header else None
    widths = [WIDTHS.get(title, 16) for title in header]
    ws.row_dimensions[1].height = row_height(header, widths)
    styles = _style_ids(ws, ("kehoach task", "kehoach date", "kehoach overdue"))
    data_rows = []
    for row, item in rows:
        values = [sheet_cell(row[k]) for k in keep]
        late = overdue_col and is_overdue(item, as_of)
        data_rows.append((row_height(values, widths),
                          [(v, styles["kehoach date" if col in dates and v is not None
                                      else "kehoach overdue" if late and col == overdue_col else "kehoach task"])
                           for col, v in enumerate(values, 1)]))
    last = 1 + len(data_rows)
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[ws.cell(1, col).column_letter].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{ws.cell(1, len(header)).column_letter}{last}"
    _status_dropdown(ws, header.index("Trạng thái") + 1, last)
    _print_setup(ws, plan_label(plan))
    _info_sheet(wb, plan, as_of)
    buf = io.BytesIO()
    wb.save(buf)
    from .sheetrows import rows_xml, splice_rows

    return splice_rows(buf.getvalue(), "xl/worksheets/sheet1.xml", rows_xml(data_rows, 2),
                       f"{ws.cell(1, len(header)).column_letter}{last}")


def _style_ids(ws, names: tuple[str, ...]) -> dict[str, int]:
    """The workbook's cell format number of each named style, registered through a scratch cell
    outside the sheet (the rows are written by :mod:`.sheetrows`, not cell by cell)."""
    from openpyxl.cell import Cell

    scratch = Cell(ws)
    out = {}
    for name in names:
        scratch.style = name
        out[name] = scratch.style_id
    return out


def row_height(values: list, widths: Sequence[float], line: float = 15.0) -> float:
    """Points for a row whose wrapped cells need this many lines (set, not left to the reader: not
    every spreadsheet program fits wrapped rows on opening, and printed rows would overlap)."""
    import math

    lines = 1
    for v, w in zip(values, widths, strict=True):
        if isinstance(v, str) and v:
            per_line = max(1.0, w * 1.2 - 1)
            lines = max(lines, sum(math.ceil(max(1, len(part)) / per_line) for part in v.split("\n")))
    return min(line * lines + 2, MAX_ROW_POINTS)


MAX_ROW_POINTS = 409.0
"""The tallest row a spreadsheet takes (Excel's limit): a longer text scrolls within its cell."""


def _status_dropdown(ws, col: int, last: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = ws.cell(1, col).column_letter
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
    dv.error, dv.errorTitle = "Chọn một trạng thái trong danh sách", "Trạng thái"
    ws.add_data_validation(dv)
    if last >= 2:
        dv.add(f"{letter}2:{letter}{last}")


def _print_setup(ws, title: str) -> None:
    """A4 landscape, every column on the page width, the header row on every page, page numbers."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddFooter.center.text = "Trang &P / &N"


def _info_sheet(wb, plan: dict, as_of: dt.date | None) -> None:
    info = wb.create_sheet("Thông tin")
    doc = plan.get("document") or {}
    period = known_period(plan)
    span = f"{period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}" if period else "không xác định"
    rows = [("Văn bản", plan_label(plan)), ("Trích yếu", doc.get("title")), ("Cơ quan ban hành", doc.get("issuer")),
            ("Thời gian thực hiện", span), ("Tính đến ngày", f"{as_of:%d/%m/%Y}" if as_of else ""),
            ("Nguồn", (plan.get("source") or {}).get("path"))]
    if doc.get("is_plan") is False:
        rows.insert(0, ("Lưu ý", NOT_A_PLAN))
    for k, v in rows:
        info.append([k, sheet_cell(v or "")])
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 22, 90
