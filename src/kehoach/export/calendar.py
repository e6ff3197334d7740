"""iCalendar: an all-day event on each deadline; recurring deadlines repeat on the days the text
gives ("trước ngày 15 tháng 6 và ngày 15 tháng 12 hằng năm"), never before the plan's date.

A recurring deadline that names no day ("6 tháng/lần", "hằng quý") falls on the last day of each
period and says in its description that the day was placed, not read. Tasks with no day at all
(continuous, ad hoc, no deadline) are left out, and :func:`dropped_tasks` says how many.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import plan_identity
from .schedule import Item, known_period, place_tasks, plan_label, plan_period, where

_DAY_MONTH = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\b(?!\s*/\s*\d)")
_DAY = re.compile(r"\bngày\s+(\d{1,2})\b(?!\s*/)", re.I)
_MONTH = re.compile(r"\btháng\s+(\d{1,2})\b(?!\s*/\s*\d)", re.I)
_WINDOW_END = re.compile(r"\btừ\s+ngày\s+\d{1,2}\s*(?:-|–|đến|tới)\s*(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\b(?!\s*/)", re.I)
"""A window of days in each period ("từ ngày 10 đến ngày 15 hằng quý"): the duty is due on its last day."""
_QUARTER_END = re.compile(r"cuối\s+(?:mỗi\s+)?quý|tháng\s+cuối\s+(?:của\s+)?quý", re.I)
_QUARTER_START = re.compile(r"đầu\s+(?:mỗi\s+)?quý|tháng\s+đầu\s+(?:của\s+)?quý|quý\s+sau", re.I)

_PERIOD_MONTHS = {"annual": [12], "semiannual": [6, 12], "quarterly": [3, 6, 9, 12]}
RECURRING = ("annual", "semiannual", "quarterly", "monthly")


@dataclass(frozen=True)
class Repeat:
    """When a recurring deadline falls: months (None: every month) and the day (-1: the last)."""

    months: tuple[int, ...] | None
    day: int
    placed: bool
    """True when the text names no day and the last day of each period was chosen."""


def repeat_of(text: str, recurrence: str) -> list[Repeat]:
    """The days a recurring deadline falls on, read from its text where it gives them."""
    text = text or ""
    pairs = [(int(d), int(m)) for d, m in _DAY_MONTH.findall(text) if 1 <= int(d) <= 31 and 1 <= int(m) <= 12]
    days = [int(d) for d in _DAY.findall(text) if 1 <= int(d) <= 31]
    if (window := _WINDOW_END.search(text)) and 1 <= int(window[1]) <= 31:
        days = [int(window[1])]
    months = [int(m) for m in _MONTH.findall(text) if 1 <= int(m) <= 12]
    months += [m for _, m in pairs if m not in months]
    days += [d for d, _ in pairs]
    if months and len(set(days)) == 1:
        return [Repeat(tuple(sorted(set(months))), days[0], False)]
    if pairs and len(set(days)) > 1:
        return [Repeat((m,), d, False) for d, m in dict.fromkeys(pairs)]
    if months:
        return [Repeat(tuple(sorted(set(months))), -1, True)]
    if days and recurrence == "monthly":
        return [Repeat(None, days[0], False)]
    if days and recurrence == "quarterly" and (_QUARTER_END.search(text) or _QUARTER_START.search(text)):
        return [Repeat((3, 6, 9, 12) if _QUARTER_END.search(text) else (1, 4, 7, 10), days[0], False)]
    if recurrence == "monthly":
        return [Repeat(None, -1, True)]
    return [Repeat(tuple(_PERIOD_MONTHS[recurrence]), days[0] if days else -1, not days)]


def _rule(rep: Repeat, until: dt.date) -> dict:
    rule: dict = {"freq": "monthly" if rep.months is None else "yearly", "bymonthday": rep.day, "until": until}
    if rep.months is not None:
        rule["bymonth"] = list(rep.months)
    return rule


def _first(rep: Repeat, after: dt.date, until: dt.date) -> dt.date | None:
    """The first day on or after ``after`` that the repeat falls on (None when past ``until``)."""
    from dateutil.rrule import MONTHLY, YEARLY, rrule

    r = rrule(MONTHLY if rep.months is None else YEARLY, dtstart=dt.datetime.combine(after, dt.time()),
              bymonth=rep.months, bymonthday=rep.day, until=dt.datetime.combine(until, dt.time()))
    first = r.after(dt.datetime.combine(after, dt.time()), inc=True)
    return first.date() if first else None


def _recurrences(item: Item) -> list[str]:
    return [r for r in (item.recurrence or "").split("+") if r in RECURRING]


def dropped_tasks(plan: dict) -> tuple[int, int]:
    """(tasks left out of the calendar for want of any day, all tasks)."""
    items = place_tasks(plan, plan_period(plan))
    return sum(1 for i in items if i.end_placed and not _recurrences(i)), len(items)


def _description(plan: dict, t: dict, notes: list[str]) -> str:
    desc = [f"Chủ trì: {'; '.join(t.get('lead') or []) or 'chưa rõ'}"]
    if t.get("support"):
        desc.append(f"Phối hợp: {'; '.join(t['support'])}")
    desc.append(f"Thời hạn: {t['deadline'].get('text') or 'không ghi'}")
    if t.get("output"):
        desc.append(f"Sản phẩm: {t['output']}")
    desc.append(f"Nguồn: {plan_label(plan)}, {where(t)}")
    return "\n".join(desc + notes)


def to_ics(plan: dict) -> bytes:
    """All-day events on each deadline (DTEND exclusive); recurring tasks repeat (RRULE) until their
    end or the plan's; UIDs stay the same from run to run (plan identity + task id). Written as the
    icalendar library writes a calendar of these properties (its order, escapes and folding), by
    joining strings: building its objects cost seconds on a plan of thousands of tasks."""
    period = plan_period(plan)
    issued = plan.get("document", {}).get("date")
    not_before = max(period.start, dt.date.fromisoformat(issued)) if issued else period.start
    ident = plan_identity(plan)
    stamp = f"{period.start:%Y%m%d}T000000Z"
    events: list[str] = []
    for item in place_tasks(plan, period):
        t = item.task
        recs = _recurrences(item)
        if item.end_placed and not recs:
            continue  # continuous, ad hoc or dateless: no day to put in a calendar
        for uid, day, rule, notes in _task_events(t, item, recs, ident, not_before):
            events += ["BEGIN:VEVENT", _line("SUMMARY", _text(t.get("title") or t["id"])),
                       f"DTSTART;VALUE=DATE:{day:%Y%m%d}"]
            if day < dt.date.max:  # without DTEND an all-day event is one day long (RFC 5545), as on 9999-12-31
                events.append(f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}")
            events += [f"DTSTAMP:{stamp}", _line("UID", _text(uid))]
            if rule:
                events.append(_rrule(rule))
            if t.get("lead"):
                events.append(_line("CATEGORIES", ",".join(_text(lead) for lead in t["lead"])))
            events += [_line("DESCRIPTION", _text(_description(plan, t, notes))), "END:VEVENT"]
    notes = []
    if known_period(plan) is None:
        notes.append("Văn bản này không phải là kế hoạch hoặc không ghi thời gian thực hiện.")
    dropped, total = dropped_tasks(plan)
    if dropped:
        notes.append(f"{dropped}/{total} nhiệm vụ thường xuyên, đột xuất hoặc không có thời hạn không đưa vào lịch.")
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", _line("PRODID", _text("-//kehoach//Kế hoạch//VI"))]
    if notes:  # the X-WR- names are written unescaped, as calendar programs read them
        head.append(_line("X-WR-CALDESC", " ".join(" ".join(notes).split())))
    head.append(_line("X-WR-CALNAME", " ".join(plan_label(plan).split())))
    return ("\r\n".join([*head, *events, "END:VCALENDAR"]) + "\r\n").encode("utf-8")


def _task_events(t: dict, item: Item, recs: list[str], ident: str,
                 not_before: dt.date) -> list[tuple[str, dt.date, dict | None, list[str]]]:
    """(UID, first day, repeat rule, notes) of each event a task gives."""
    if not recs:
        return [(f"{ident}-{t['id']}@kehoach", item.end, None, [])]
    events: list[tuple[str, dt.date, dict | None, list[str]]] = []
    reps = repeat_of(t["deadline"].get("text") or "", recs[0])
    for k, rep in enumerate(reps):
        first = _first(rep, max(not_before, item.start), item.end)
        if first is None:
            continue
        note = ["Ngày lặp lại được đặt vào cuối mỗi kỳ (văn bản không ghi ngày cụ thể)."] if rep.placed else []
        uid = f"{ident}-{t['id']}{'-' + str(k + 1) if len(reps) > 1 else ''}@kehoach"
        events.append((uid, first, _rule(rep, item.end), note))
    return events


def _rrule(rule: dict) -> str:
    parts = [f"FREQ={rule['freq'].upper()}", f"UNTIL={rule['until']:%Y%m%d}", f"BYMONTHDAY={rule['bymonthday']}"]
    if "bymonth" in rule:
        parts.append("BYMONTH=" + ",".join(map(str, rule["bymonth"])))
    return "RRULE:" + ";".join(parts)


def _text(value: str) -> str:
    """An iCalendar TEXT value escaped (RFC 5545 3.3.11), line breaks as "\\n"."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _line(name: str, value: str) -> str:
    """A content line folded as RFC 5545 asks: at most 74 octets a line, never inside a character,
    continuation lines begin with a space, an escape's backslash never ends a line."""
    line = f"{name}:{value}"
    data = line.encode("utf-8")
    if len(data) <= 74:
        return line
    parts: list[bytes] = []
    start = 0
    while len(data) - start > 74:
        end = start + 74
        while 0x80 <= data[end] < 0xC0:  # inside a character: cut before it
            end -= 1
        if data[end - 1] in b"\\^" and end - 1 > start:
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")
