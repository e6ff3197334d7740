"""Timelines: Mermaid gantt, a self-contained HTML/SVG Gantt page, iCalendar, and CSV bars."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io

from .. import rx
from ..extract.agencies import agency_key
from ..textsafe import one_line
from ..vn import fold
from .checklist import recurrence_vi
from .schedule import (
    NOT_A_PLAN,
    Item,
    Period,
    day_after,
    known_period,
    place_tasks,
    plan_label,
    plan_period,
    where,
)

MAX_MERMAID_TASKS = 120


def rows(plan: dict, by: str) -> tuple[Period, list[tuple[str, list[Item]]]]:
    """Sections of the chart (per lead agency or per group) with their bars, in document order."""
    period = plan_period(plan)
    groups: dict[str, tuple[str, list[Item]]] = {}
    for item in place_tasks(plan, period):
        t = item.task
        keys = (t.get("lead") or ["(chưa rõ đơn vị chủ trì)"]) if by == "agency" else \
            [t.get("group") or ("Tổ chức thực hiện" if t.get("source") == "body" else "Nhiệm vụ khác")]
        for key in keys[:1]:  # one bar per task: under its first lead agency
            groups.setdefault(agency_key(key) if by == "agency" else fold(key), (key, []))[1].append(item)
    return period, list(groups.values())


# --- Mermaid -------------------------------------------------------------------------------

_MERMAID_BAD = rx.compile(r"[:#;\n\r\t`{}<>\"]")


# A gantt line starting with one of these is read as a statement, not a task name.
_MERMAID_STATEMENT = rx.compile(
    r"(?i)(?:click|call|href|gantt|title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|"
    r"weekday|weekend|inclusiveenddates|topaxis|acctitle|accdescr|displaymode)\b|%%|\d")


def mermaid_text(text: str, limit: int = 90) -> str:
    """A task or section name Mermaid can parse and never reads as a statement: no ":"
    (separator), "#" (comment), ";" and friends, no line breaks; a name starting with a keyword,
    "%%" or a digit gets an invisible zero-width space in front."""
    t = _MERMAID_BAD.sub(lambda m: {":": " -", "#": "số ", ";": ",", "\"": "'"}.get(m.group(0), " "), one_line(text))
    t = " ".join(t.split())
    t = (t[: limit - 1] + "…") if len(t) > limit else (t or "(không tên)")
    return "\u200b" + t if _MERMAID_STATEMENT.match(t) else t


def to_mermaid(plan: dict, by: str = "agency", max_tasks: int = MAX_MERMAID_TASKS) -> str:
    """A Mermaid ``gantt`` block. Tasks placed within the plan's period (no dates of their own) are
    drawn as ``active`` bars, deadlines without a start as milestones; a plan with more tasks than
    ``max_tasks`` is summarised to one bar per section so the renderer copes."""
    period, groups = rows(plan, by)
    total = sum(len(items) for _, items in groups)
    out = ["gantt", f"    title {mermaid_text(plan_label(plan), 120)}", "    dateFormat YYYY-MM-DD",
           "    axisFormat %m/%Y"]
    n = 0
    if total > max_tasks:
        out.append("    section Tổng hợp")
        for name, items in groups:
            n += 1
            start, end = min(i.start for i in items), max(i.end for i in items)
            out.append(f"    {mermaid_text(name)} ({len(items)} nhiệm vụ) :s{n}, {start.isoformat()}, {day_after(end).isoformat()}")
        return "\n".join(out) + "\n"
    for name, items in groups:
        out.append(f"    section {mermaid_text(name, 60)}")
        for item in items:
            n += 1
            label = mermaid_text(item.task.get("title") or item.task["id"])
            if item.recurrence:
                label = mermaid_text(f"{label} ({recurrence_vi(item.recurrence)})")
            if item.start_placed and not item.end_placed:
                out.append(f"    {label} :milestone, t{n}, {item.end.isoformat()}, 0d")
            else:
                tag = "active, " if item.placed else ""
                out.append(f"    {label} :{tag}t{n}, {item.start.isoformat()}, {day_after(item.end).isoformat()}")
    return "\n".join(out) + "\n"


# --- CSV -------------------------------------------------------------------------------------

def to_csv(plan: dict, by: str = "agency") -> bytes:
    """One row per bar, for people who draw their own charts (UTF-8 with BOM)."""
    from .checklist import _safe_cell

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["Nhóm" if by == "group" else "Đơn vị chủ trì", "Mã", "Nhiệm vụ", "Bắt đầu", "Kết thúc",
                "Bắt đầu được đặt theo kế hoạch", "Kết thúc được đặt theo kế hoạch", "Định kỳ", "Thời hạn", "Nguồn"])
    _, groups = rows(plan, by)
    for name, items in groups:
        for i in items:
            t = i.task
            w.writerow([_safe_cell(v) for v in [name, t["id"], t.get("title") or "", i.start.isoformat(), i.end.isoformat(),
                                                "có" if i.start_placed else "không", "có" if i.end_placed else "không",
                                                recurrence_vi(i.recurrence), t["deadline"].get("text") or "", where(t)]])
    return "\ufeff".encode() + buf.getvalue().encode("utf-8")


# --- HTML / SVG ------------------------------------------------------------------------------

_CSS = """
body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:20px;margin:0 0 4px}p.meta{margin:0 0 16px;color:#57606a;font-size:13px}
.chart{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px}
svg text{font-size:12px;fill:#1f2328}svg .axis text{fill:#57606a;font-size:11px}
svg .grid{stroke:#eaeef2}svg .sec{font-weight:600}svg .secbg{fill:#f6f8fa}
svg .bar{fill:#2f6feb}svg .bar.placed{fill:url(#hatch);stroke:#2f6feb;stroke-width:1}
svg .bar.milestone{fill:#cf222e}svg .today{stroke:#cf222e;stroke-width:1.5;stroke-dasharray:4 3}
svg .edge{stroke:#8c959f}svg .cut{fill:#cf222e;font-size:11px}
.legend{display:flex;gap:18px;flex-wrap:wrap;font-size:13px;margin:12px 0}
.legend span{display:inline-flex;align-items:center;gap:6px}
.sw{width:22px;height:10px;display:inline-block;border:1px solid #2f6feb}
table{border-collapse:collapse;margin-top:18px;font-size:12px;width:100%}
th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f6f8fa}
@page{size:A4 landscape;margin:8mm}
.chart svg{display:block;break-inside:avoid}
@media print{body{margin:0}.chart{overflow:visible;border:none}svg{width:100%;height:auto}
tr{page-break-inside:avoid}h1{font-size:16px}.legend{font-size:11px}table{font-size:10px}}
"""


def axis_months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first days of the months the axis labels: every month over two years at most, every
    quarter over six, else whole years (at most about 100 labels, however long the period)."""
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    step = 1 if count <= 24 else 3 if count <= 72 else 12 * (1 + count // 1200)
    first = start.year * 12 + start.month - 1
    return [dt.date(m // 12, m % 12 + 1, 1) for m in range(first, first + count, step)]


MAX_CHART_W = 16000
"""The widest chart drawn, in pixels: a period of centuries (a hand-edited 0001-9999) is drawn
narrower per day rather than as a page no browser can lay out."""


def axis_span(period: Period, items: list[Item]) -> tuple[dt.date, dt.date]:
    """The chart's axis: the plan's period when the document states it (title, objectives); else
    the period widened to the dates the tasks give. Bars outside the axis are drawn clipped."""
    if period.basis in ("title", "objectives"):
        return period.start, period.end
    read = [d for i in items for d, placed in ((i.start, i.start_placed), (i.end, i.end_placed)) if not placed]
    return min([period.start] + read), max([period.end] + read)


def wrap(text: str, width: int, lines: int) -> list[str]:
    """Words in at most ``lines`` lines of ``width`` characters; the last ends with "…" if cut."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= width:
            line += " " + words.pop(0)
        out.append(line[: width - 1] + "…" if len(line) > width else line)
    if words and out:
        out[-1] = (out[-1][: width - 1].rstrip() + "…") if len(out[-1]) >= width else out[-1] + " …"
    return out or [""]


def task_numbers(items: list[Item]) -> dict[int, str]:
    """The number shown before each task: its STT when the tasks that have one have each their own, else its id (a
    closing paragraph's duty, which has no STT, shows its id beside the appendix's numbers)."""
    nos = [no for i in items if (no := i.task.get("no"))]
    unique = len(set(nos)) == len(nos)
    return {id(i.task): (i.task["no"] if unique and i.task.get("no") else i.task["id"]) for i in items}


LABEL_CHARS, LABEL_LINES, LINE_H = 54, 3, 15


def _bar(i: Item, lo: dt.date, hi: dt.date, x, y: int, h: int) -> str:
    """One task's bar, cut at the axis ends (class "clipped", data-clipped start/end/both)."""
    t = i.task
    cls = "bar milestone" if i.start_placed and not i.end_placed else ("bar placed" if i.placed else "bar")
    cut = ("start" if i.start < lo else "") + ("end" if i.end > hi else "")
    cut = "both" if cut == "startend" else cut
    x0, x1 = x(max(i.start, lo)), x(day_after(min(i.end, hi)))
    if cls == "bar milestone":
        x0, x1 = x1 - 8, x1
    tip = (f"{t.get('title') or t['id']}\nChủ trì: {'; '.join(t.get('lead') or []) or 'chưa rõ'}\n"
           f"Thời hạn: {t['deadline'].get('text') or 'không ghi'} ({i.start:%d/%m/%Y} – {i.end:%d/%m/%Y})")
    if i.placed:
        tip += "\n(thời gian được đặt theo kế hoạch, văn bản không ghi ngày cụ thể)"
    if cut:
        tip += "\n(vượt ra ngoài thời gian của kế hoạch: phần bên ngoài không vẽ)"
    e = html.escape
    out = [f'<rect class="{cls}{" clipped" if cut else ""}" data-task="{e(t["id"])}"'
           f'{f" data-clipped={chr(34)}{cut}{chr(34)}" if cut else ""} x="{x0:.1f}" y="{y}" '
           f'width="{max(2.0, x1 - x0):.1f}" height="{h}" rx="2"><title>{e(tip)}</title></rect>']
    if cut in ("start", "both"):
        out.append(f'<text class="cut" x="{x0 - 10:.1f}" y="{y + h - 1}">◂</text>')
    if cut in ("end", "both"):
        out.append(f'<text class="cut" x="{x1 + 2:.1f}" y="{y + h - 1}">▸</text>')
    return "".join(out)


def _chart(groups: list[tuple[str, list[Item]]], lo: dt.date, hi: dt.date, today: dt.date) -> str:
    """One SVG per group, each with its own month axis, so that a printed page breaks between
    groups and every page shows the axis."""
    label_w = 360
    days = (hi - lo).days + 1
    day_w = min(max(0.6, min(4.0, 900 / days)), (MAX_CHART_W - label_w - 24) / days)
    width = int(label_w + days * day_w + 24)

    def x(d: dt.date) -> float:
        return label_w + (d - lo).days * day_w

    numbers = task_numbers([i for _, its in groups for i in its])
    months = axis_months(lo, hi)
    return "".join(_group_svg(name, its, numbers, x, width, (lo, hi, months), today) for name, its in groups)


def _group_svg(name: str, its: list[Item], numbers: dict, x, width: int, span: tuple, today: dt.date) -> str:
    lo, hi, months = span
    e = html.escape
    body = [f'<rect class="secbg" x="0" y="24" width="{width}" height="22"/>'
            f'<text class="sec" x="6" y="39">{e(name)} ({len(its)})</text>']
    y = 46
    for i in its:
        label = f"{numbers[id(i.task)]}. {i.task.get('title') or ''}".strip()
        lines = wrap(label, LABEL_CHARS, LABEL_LINES)
        h = LINE_H * len(lines) + 7
        spans = "".join(f'<tspan x="14" dy="{0 if k == 0 else LINE_H}">{e(line)}</tspan>' for k, line in enumerate(lines))
        body.append(f'<text class="label" y="{y + 15}">{spans}</text>')
        body.append(_bar(i, lo, hi, x, y + (h - 14) // 2, 14))
        y += h
    height = y + 6
    axis = ['<g class="axis">']
    for m in months:
        axis.append(f'<line class="grid" x1="{x(m):.1f}" y1="20" x2="{x(m):.1f}" y2="{height}"/>'
                    f'<text x="{x(m) + 3:.1f}" y="16">{m.month:02d}/{m.year}</text>')
    end = x(day_after(hi))
    axis.append(f'<line class="edge" x1="{end:.1f}" y1="20" x2="{end:.1f}" y2="{height}"/></g>')
    today_line = ""
    if lo <= today <= hi:
        today_line = (f'<line class="today" x1="{x(today):.1f}" y1="20" x2="{x(today):.1f}" y2="{height}"/>'
                      f'<text x="{x(today) + 3:.1f}" y="58" style="fill:#cf222e">Hôm nay {today:%d/%m/%Y}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'role="img" aria-label="Biểu đồ tiến độ: {e(name)}">'
            '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            '<rect width="6" height="6" fill="#dbe7ff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#2f6feb" stroke-width="2"/>'
            '</pattern></defs>' + "".join(axis) + "".join(body) + today_line + "</svg>")


def _details(items: list[Item]) -> str:
    e = html.escape
    numbers = task_numbers(items)
    table = ["<table><thead><tr><th>Số</th><th>Nhiệm vụ</th><th>Đơn vị chủ trì</th><th>Đơn vị phối hợp</th>"
             "<th>Thời hạn</th><th>Bắt đầu</th><th>Kết thúc</th><th>Nguồn</th></tr></thead><tbody>"]
    for i in items:
        t = i.task
        table.append(
            f"<tr><td>{e(numbers[id(t)])}</td><td>{e(t.get('title') or '')}</td><td>{e('; '.join(t.get('lead') or []))}</td>"
            f"<td>{e('; '.join(t.get('support') or []))}</td><td>{e(t['deadline'].get('text') or '')}</td>"
            f"<td>{i.start:%d/%m/%Y}{' *' if i.start_placed else ''}</td><td>{i.end:%d/%m/%Y}{' *' if i.end_placed else ''}</td>"
            f"<td>{e(where(t))}</td></tr>")
    table.append("</tbody></table><p class=\"meta\">* Ngày được đặt theo thời gian thực hiện kế hoạch hoặc ngày ban hành, "
                 "không do văn bản ghi.</p>")
    return "".join(table)


_LEGEND = ('<div class="legend"><span><i class="sw" style="background:#2f6feb"></i>Thời hạn do văn bản ghi</span>'
           '<span><i class="sw" style="background:repeating-linear-gradient(45deg,#dbe7ff 0 3px,#2f6feb 3px 5px)"></i>'
           'Đặt theo thời gian của kế hoạch (thường xuyên, hằng năm, không ghi ngày)</span>'
           '<span><i class="sw" style="background:#cf222e;border-color:#cf222e"></i>Hạn chót (không ghi ngày bắt đầu)</span>'
           '<span>◂ ▸ Vượt ra ngoài thời gian của kế hoạch</span>'
           '<span><i class="sw" style="border:none;border-top:2px dashed #cf222e;height:0"></i>Hôm nay</span></div>')


def to_html(plan: dict, by: str = "agency", today: dt.date | None = None) -> str:
    """One self-contained page (no scripts, no CDN): an SVG Gantt chart over the plan's period with
    a numbered, wrapped label and a bar per task (cut at the period's ends), grouped by agency or
    group, a legend, a today line and the details in a table; prints on A4 landscape."""
    period, groups = rows(plan, by)
    items = [i for _, its in groups for i in its]
    lo, hi = axis_span(period, items)
    e = html.escape
    doc = plan.get("document") or {}
    known = known_period(plan)
    when = (f"Thời gian thực hiện: {known.start:%d/%m/%Y} – {known.end:%d/%m/%Y}" if known
            else NOT_A_PLAN if doc.get("is_plan") is False else "Thời gian thực hiện: văn bản không ghi")
    clipped = sum(1 for i in items if i.start < lo or i.end > hi)
    note = f" · {clipped} nhiệm vụ vượt ra ngoài thời gian này (◂ ▸)" if clipped else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>Tiến độ: {e(plan_label(plan))}</title><style>{_CSS}</style></head><body>"
        f"<h1>Tiến độ thực hiện: {e(plan_label(plan))}</h1>"
        f"<p class=\"meta\">{e(doc.get('title') or '')}<br>{e(when)}"
        f" · {len(items)} nhiệm vụ · nhóm theo {'đơn vị chủ trì' if by == 'agency' else 'nhóm nhiệm vụ'}{note}</p>"
        + _LEGEND + f'<div class="chart">{_chart(groups, lo, hi, today or dt.date.today())}</div>' + _details(items)
        + "</body></html>\n"
    )
