"""Timelines: Mermaid gantt, a self-contained HTML/SVG Gantt page, iCalendar, and CSV bars."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io

from .. import rx as regex
from ..vn import fold
from .checklist import recurrence_vi
from .schedule import Item, Period, place_tasks, plan_identity, plan_label, plan_period, where

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
            groups.setdefault(fold(key), (key, []))[1].append(item)
    return period, list(groups.values())


# --- Mermaid -------------------------------------------------------------------------------

_MERMAID_BAD = regex.compile(r"[:#;\n\r\t`{}<>\"]")


def mermaid_text(text: str, limit: int = 90) -> str:
    """A task or section name Mermaid can parse: no ":" (separator), "#" (comment), ";" and friends."""
    t = _MERMAID_BAD.sub(lambda m: {":": " -", "#": "số ", ";": ",", "\"": "'"}.get(m.group(0), " "), text)
    t = " ".join(t.split())
    return (t[: limit - 1] + "…") if len(t) > limit else (t or "(không tên)")


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
            out.append(f"    {mermaid_text(name)} ({len(items)} nhiệm vụ) :s{n}, {start.isoformat()}, {(end + dt.timedelta(days=1)).isoformat()}")
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
                out.append(f"    {label} :{tag}t{n}, {item.start.isoformat()}, {(item.end + dt.timedelta(days=1)).isoformat()}")
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


# --- iCalendar -------------------------------------------------------------------------------

_RRULE = {"annual": {"freq": "yearly"}, "semiannual": {"freq": "monthly", "interval": 6},
          "quarterly": {"freq": "monthly", "interval": 3}, "monthly": {"freq": "monthly"}}


def to_ics(plan: dict) -> bytes:
    """All-day events on each deadline (DTEND exclusive); recurring tasks repeat (RRULE) over the
    plan's period; UIDs stay the same from run to run (plan identity + task id)."""
    from icalendar import Calendar, Event

    period = plan_period(plan)
    ident = plan_identity(plan)
    cal = Calendar()
    cal.add("prodid", "-//kehoach//Kế hoạch//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", plan_label(plan))
    stamp = dt.datetime.combine(period.start, dt.time(0, 0), tzinfo=dt.timezone.utc)
    skipped = 0
    for item in place_tasks(plan, period):
        t = item.task
        recs = [r for r in (item.recurrence or "").split("+") if r in _RRULE]
        if item.end_placed and not recs:
            skipped += 1  # continuous, ad hoc or dateless: no day to put in a calendar
            continue
        ev = Event()
        ev.add("uid", f"{ident}-{t['id']}@kehoach")
        ev.add("dtstamp", stamp)
        ev.add("summary", t.get("title") or t["id"])
        day = item.end if not item.end_placed else period.start
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        desc = [f"Chủ trì: {'; '.join(t.get('lead') or []) or 'chưa rõ'}"]
        if t.get("support"):
            desc.append(f"Phối hợp: {'; '.join(t['support'])}")
        desc.append(f"Thời hạn: {t['deadline'].get('text') or 'không ghi'}")
        if t.get("output"):
            desc.append(f"Sản phẩm: {t['output']}")
        desc.append(f"Nguồn: {plan_label(plan)}, {where(t)}")
        if recs and item.end_placed:
            rule = dict(_RRULE[recs[0]])
            rule["until"] = period.end
            ev.add("rrule", rule)
            desc.append("Ngày lặp lại được đặt theo thời gian thực hiện kế hoạch (văn bản không ghi ngày cụ thể).")
        ev.add("description", "\n".join(desc))
        if t.get("lead"):
            ev.add("categories", t["lead"])
        cal.add_component(ev)
    if skipped:
        cal.add("x-wr-caldesc", f"{skipped} nhiệm vụ thường xuyên, đột xuất hoặc không có thời hạn không đưa vào lịch.")
    return cal.to_ical()


# --- HTML / SVG ------------------------------------------------------------------------------

_CSS = """
body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:20px;margin:0 0 4px}p.meta{margin:0 0 16px;color:#57606a;font-size:13px}
.chart{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px}
svg text{font-size:12px;fill:#1f2328}svg .axis text{fill:#57606a;font-size:11px}
svg .grid{stroke:#eaeef2}svg .sec{font-weight:600}svg .secbg{fill:#f6f8fa}
svg .bar{fill:#2f6feb}svg .bar.placed{fill:url(#hatch);stroke:#2f6feb;stroke-width:1}
svg .bar.milestone{fill:#cf222e}svg .today{stroke:#cf222e;stroke-width:1.5;stroke-dasharray:4 3}
.legend{display:flex;gap:18px;flex-wrap:wrap;font-size:13px;margin:12px 0}
.legend span{display:inline-flex;align-items:center;gap:6px}
.sw{width:22px;height:10px;display:inline-block;border:1px solid #2f6feb}
table{border-collapse:collapse;margin-top:18px;font-size:12px;width:100%}
th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f6f8fa}
@media print{body{margin:8mm}.chart{overflow:visible;border:none}svg{max-width:100%;height:auto}
tr{page-break-inside:avoid}h1{font-size:16px}}
"""


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    out, d = [], dt.date(start.year, start.month, 1)
    while d <= end:
        out.append(d)
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def to_html(plan: dict, by: str = "agency", today: dt.date | None = None) -> str:
    """One self-contained page (no scripts, no CDN): an SVG Gantt chart with a bar per task,
    grouped by agency or group, a legend, a today line and the details in a table."""
    period, groups = rows(plan, by)
    items = [i for _, its in groups for i in its]
    lo = min([period.start] + [i.start for i in items])
    hi = max([period.end] + [i.end for i in items])
    today = today or dt.date.today()
    label_w, row_h, day_w = 330, 22, max(0.6, min(4.0, 900 / max(1, (hi - lo).days + 1)))
    width = int(label_w + ((hi - lo).days + 1) * day_w + 20)

    def x(d: dt.date) -> float:
        return label_w + (d - lo).days * day_w

    e = html.escape
    body: list[str] = []
    y = 40
    for name, its in groups:
        body.append(f'<rect class="secbg" x="0" y="{y}" width="{width}" height="{row_h}"/>')
        body.append(f'<text class="sec" x="6" y="{y + 15}">{e(name)} ({len(its)})</text>')
        y += row_h
        for i in its:
            t = i.task
            cls = "bar milestone" if i.start_placed and not i.end_placed else ("bar placed" if i.placed else "bar")
            x0, x1 = x(i.start), x(i.end + dt.timedelta(days=1))
            if cls == "bar milestone":
                x0, x1 = x1 - 8, x1
            tip = f"{t.get('title') or t['id']}\nChủ trì: {'; '.join(t.get('lead') or []) or 'chưa rõ'}\nThời hạn: {t['deadline'].get('text') or 'không ghi'}"
            if i.placed:
                tip += "\n(thời gian được đặt theo kế hoạch, văn bản không ghi ngày cụ thể)"
            short = (t.get("title") or t["id"])
            short = short if len(short) <= 52 else short[:51] + "…"
            body.append(f'<text x="14" y="{y + 15}">{e(short)}</text>')
            body.append(f'<rect class="{cls}" data-task="{e(t["id"])}" x="{x0:.1f}" y="{y + 4}" width="{max(2.0, x1 - x0):.1f}" '
                        f'height="{row_h - 8}" rx="2"><title>{e(tip)}</title></rect>')
            y += row_h
    height = y + 10
    axis = ['<g class="axis">']
    months = _months(lo, hi)
    step = 1 if len(months) <= 24 else 3 if len(months) <= 72 else 12
    for k, m in enumerate(months):
        if k % step:
            continue
        axis.append(f'<line class="grid" x1="{x(m):.1f}" y1="24" x2="{x(m):.1f}" y2="{height}"/>')
        axis.append(f'<text x="{x(m) + 3:.1f}" y="18">{m.month:02d}/{m.year}</text>')
    axis.append("</g>")
    today_line = ""
    if lo <= today <= hi:
        today_line = (f'<line class="today" x1="{x(today):.1f}" y1="24" x2="{x(today):.1f}" y2="{height}"/>'
                      f'<text x="{x(today) + 3:.1f}" y="34" style="fill:#cf222e">Hôm nay {today:%d/%m/%Y}</text>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="Biểu đồ tiến độ">'
           '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
           '<rect width="6" height="6" fill="#dbe7ff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#2f6feb" stroke-width="2"/>'
           '</pattern></defs>' + "".join(axis) + "".join(body) + today_line + "</svg>")
    doc = plan.get("document") or {}
    table = ["<table><thead><tr><th>Mã</th><th>Nhiệm vụ</th><th>Đơn vị chủ trì</th><th>Đơn vị phối hợp</th>"
             "<th>Thời hạn</th><th>Bắt đầu</th><th>Kết thúc</th><th>Nguồn</th></tr></thead><tbody>"]
    for i in items:
        t = i.task
        table.append(
            f"<tr><td>{e(t['id'])}</td><td>{e(t.get('title') or '')}</td><td>{e('; '.join(t.get('lead') or []))}</td>"
            f"<td>{e('; '.join(t.get('support') or []))}</td><td>{e(t['deadline'].get('text') or '')}</td>"
            f"<td>{i.start:%d/%m/%Y}{' *' if i.start_placed else ''}</td><td>{i.end:%d/%m/%Y}{' *' if i.end_placed else ''}</td>"
            f"<td>{e(where(t))}</td></tr>")
    table.append("</tbody></table><p class=\"meta\">* Ngày được đặt theo thời gian thực hiện kế hoạch hoặc ngày ban hành, "
                 "không do văn bản ghi.</p>")
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>Tiến độ: {e(plan_label(plan))}</title><style>{_CSS}</style></head><body>"
        f"<h1>Tiến độ thực hiện: {e(plan_label(plan))}</h1>"
        f"<p class=\"meta\">{e(doc.get('title') or '')}<br>Thời gian thực hiện: {period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"
        f" · {len(items)} nhiệm vụ · nhóm theo {'đơn vị chủ trì' if by == 'agency' else 'nhóm nhiệm vụ'}</p>"
        '<div class="legend"><span><i class="sw" style="background:#2f6feb"></i>Thời hạn do văn bản ghi</span>'
        '<span><i class="sw" style="background:repeating-linear-gradient(45deg,#dbe7ff 0 3px,#2f6feb 3px 5px)"></i>'
        'Đặt theo thời gian của kế hoạch (thường xuyên, hằng năm, không ghi ngày)</span>'
        '<span><i class="sw" style="background:#cf222e;border-color:#cf222e"></i>Hạn chót (không ghi ngày bắt đầu)</span>'
        '<span><i class="sw" style="border:none;border-top:2px dashed #cf222e;height:0"></i>Hôm nay</span></div>'
        f'<div class="chart">{svg}</div>' + "".join(table) + "</body></html>\n"
    )
