"""Tasks found across an index (``kehoach tasks``) as a table: JSON, CSV, tab-separated text or a
workbook, in the same columns."""

from __future__ import annotations

import json
from collections.abc import Sequence

TASK_FORMATS = ("table", "csv", "json", "xlsx")
TASK_COLUMNS = ["Kế hoạch", "Ngày", "Mã", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Bắt đầu",
                "Kết thúc", "Sản phẩm"]
_JSON_KEYS = ["plan", "plan_date", "id", "title", "lead", "support", "deadline", "start", "end", "output"]


def tasks_to_values(rows: Sequence, vias: Sequence[str | None], current: str | None) -> list[list]:
    """One row of :data:`TASK_COLUMNS` per task; a task found through a merged agency's former name
    (``via``) shows the agency it belongs to now ("Sở A (nay: Sở B)")."""
    return [[r.plan, r.plan_date or "", r.tid, r.title, f"{r.lead} (nay: {current})" if via else r.lead,
             r.support, r.deadline, r.start or "", r.end or "", r.output or ""] for r, via in zip(rows, vias, strict=True)]


def render_tasks(rows: Sequence, vias: Sequence[str | None], current: str | None, fmt: str) -> bytes:
    """The tasks in ``fmt`` (one of :data:`TASK_FORMATS`; "table" is tab-separated text)."""
    values = tasks_to_values(rows, vias, current)
    if fmt == "json":
        data = [{**dict(zip(_JSON_KEYS, [r.plan, r.plan_date or "", r.tid, r.title, r.lead, *v[5:]], strict=True)),
                 "via_predecessor": via} for r, v, via in zip(rows, values, vias, strict=True)]
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "csv":
        return _to_csv(values)
    if fmt == "xlsx":
        return _to_xlsx(values)
    from ..textsafe import one_line

    lines = ["\t".join(TASK_COLUMNS)] + ["\t".join(one_line(str(c)) for c in v) for v in values]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _to_csv(values: list[list]) -> bytes:
    import csv
    import io

    from .checklist import _safe_cell

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(TASK_COLUMNS)
    w.writerows([[_safe_cell(c) for c in v] for v in values])
    return "\ufeff".encode() + buf.getvalue().encode("utf-8")


def _to_xlsx(values: list[list]) -> bytes:
    """The tasks as a workbook to filter and print (A4 landscape, fitted to the width, header on
    every page), like the checklist's."""
    import datetime as dt
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from .checklist import _print_setup, row_height, sheet_cell

    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    widths = [14, 11, 7, 50, 24, 24, 15, 11, 11, 18]
    ws.append(TASK_COLUMNS)
    for c in ws[1]:
        c.font = Font(bold=True)
    top = Alignment(wrap_text=True, vertical="top")
    last = 1  # rows counted here: ws.max_row scans every cell
    for v in values:
        row = [sheet_cell(x) for x in v]
        for k in (7, 8):
            row[k] = dt.date.fromisoformat(v[k]) if v[k] else None
        ws.append(row)
        last += 1
        ws.row_dimensions[last].height = row_height(row, widths)
        for k in range(1, len(row) + 1):
            cell = ws.cell(last, k)
            cell.alignment = top
            if k in (8, 9):
                cell.number_format = "DD/MM/YYYY"
    for col, width in zip("ABCDEFGHIJ", widths, strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:J{last}"
    _print_setup(ws, "Nhiệm vụ")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
