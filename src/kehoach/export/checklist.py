"""Checklists: who must do what by when, per agency (or group, section, deadline).

Column titles and headings are in Vietnamese, as analysts read them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from ..vn import fold
from .schedule import Item, place_tasks, plan_label, plan_period, where

RECURRENCE_VI = {"continuous": "Thường xuyên", "annual": "Hằng năm", "semiannual": "6 tháng/lần",
                 "quarterly": "Hằng quý", "monthly": "Hằng tháng", "ad_hoc": "Đột xuất"}
COLUMNS = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Bắt đầu", "Kết thúc", "Định kỳ",
           "Sản phẩm", "Mục tiêu", "Nhóm", "Nguồn", "Quá hạn", "Trạng thái", "Ghi chú"]
BY_TITLES = {"agency": "Đơn vị chủ trì", "group": "Nhóm nhiệm vụ", "section": "Mục", "deadline": "Thời hạn"}
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
            k = fold(key)
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
    period = plan_period(plan)
    lines += [f"Thời gian thực hiện kế hoạch: {period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"
              + (" (suy ra từ năm ban hành)" if period.basis == "issue year" else ""), ""]
    if as_of:
        lines += [f"Tính đến ngày {as_of:%d/%m/%Y}.", ""]
    groups = grouped(plan, by)
    if not groups:
        lines += ["_Kế hoạch không có nhiệm vụ nào được phân công._", ""]
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
    for ch in text:
        out.append("\\" + ch if ch in "\\`*_[]<>#|" else ch)
    return "".join(out)


def _safe_cell(value):
    """Neutralise spreadsheet formulas: a cell starting with = + - @ (or a tab/CR) is prefixed with '."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(plan: dict, by: str = "agency", as_of: dt.date | None = None) -> bytes:
    """UTF-8 with BOM (Excel opens Vietnamese correctly), one row per task and heading."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([BY_TITLES[by]] + COLUMNS)
    for heading, items in grouped(plan, by):
        for n, item in enumerate(items, 1):
            row = [heading] + _row(n, item, as_of)
            w.writerow([_safe_cell(v.isoformat() if isinstance(v, dt.date) else ("" if v is None else v)) for v in row])
    return "\ufeff".encode() + buf.getvalue().encode("utf-8")


def to_xlsx(plan: dict, by: str = "agency", as_of: dt.date | None = None) -> bytes:
    """An Excel workbook analysts can filter and fill in: frozen header, filters, wrapped text,
    real dates, a status column with a drop-down."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    header = [BY_TITLES[by]] + COLUMNS
    ws.append(header)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    overdue_fill = PatternFill("solid", fgColor="F8CBAD")
    for heading, items in grouped(plan, by):
        for n, item in enumerate(items, 1):
            row = [heading] + _row(n, item, as_of)
            ws.append([_safe_cell(v) for v in row])
            r = ws.max_row
            for col in (7, 8):
                if ws.cell(r, col).value is not None:
                    ws.cell(r, col).number_format = "DD/MM/YYYY"
            if is_overdue(item, as_of):
                ws.cell(r, 14).fill = overdue_fill
    widths = [28, 6, 60, 28, 32, 18, 12, 12, 14, 24, 24, 24, 22, 10, 16, 20]
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    last = ws.max_row
    ws.auto_filter.ref = f"A1:{ws.cell(1, len(header)).column_letter}{max(last, 1)}"
    status_col = ws.cell(1, header.index("Trạng thái") + 1).column_letter
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
    dv.error, dv.errorTitle = "Chọn một trạng thái trong danh sách", "Trạng thái"
    ws.add_data_validation(dv)
    if last >= 2:
        dv.add(f"{status_col}2:{status_col}{last}")
    info = wb.create_sheet("Thông tin")
    doc = plan.get("document") or {}
    period = plan_period(plan)
    for k, v in [("Văn bản", plan_label(plan)), ("Trích yếu", doc.get("title")), ("Cơ quan ban hành", doc.get("issuer")),
                 ("Thời gian thực hiện", f"{period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"),
                 ("Tính đến ngày", f"{as_of:%d/%m/%Y}" if as_of else ""), ("Nguồn", (plan.get("source") or {}).get("path"))]:
        info.append([k, _safe_cell(v or "")])
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 22, 90
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
