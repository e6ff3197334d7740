"""From deadlines to dates: where each task sits in time, and what was placed rather than read.

A task whose deadline gives no date of its own ("Thường xuyên", "Hằng năm", "Theo kế hoạch …")
is placed within the plan's period (from the title or objectives, "giai đoạn 2021-2025", else
the plan's year) and marked as placed, so no exporter draws it as if the document had said so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from .. import rx as regex
from ..vn import fold
from ..vocab.dates import YEAR

_PERIOD = regex.compile(rf"(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm|năm)\s+({YEAR})\s*[-–]\s*({YEAR})", regex.I)
_UNTIL = regex.compile(rf"(?:đến|tới)\s+năm\s+({YEAR})", regex.I)
_YEAR = regex.compile(rf"\bnăm\s+({YEAR})\b", regex.I)


@dataclass(frozen=True)
class Period:
    """The span the plan covers, and where that span was read."""

    start: dt.date
    end: dt.date
    basis: str
    """"title", "objectives", "issue year", "tasks", or "none" (nothing dates the plan: this year)."""


@dataclass(frozen=True)
class Item:
    """One task placed in time."""

    task: dict
    lead: str
    start: dt.date
    end: dt.date
    start_placed: bool
    """True when the start is not read from the task's deadline but placed (plan period or issue date)."""
    end_placed: bool
    """True when the end is not read from the task's deadline but placed (plan period end)."""
    recurrence: str | None

    @property
    def placed(self) -> bool:
        return self.start_placed or self.end_placed

    @property
    def milestone(self) -> bool:
        return self.start == self.end


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def plan_period(plan: dict) -> Period:
    """The plan's period: "giai đoạn 2021-2025" in the title or objectives, else the year of issue."""
    doc = plan.get("document") or {}
    title = " ".join(filter(None, [doc.get("title"), (doc.get("attachment") or {}).get("title")]))
    m = _PERIOD.search(title)
    if m:
        return Period(dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31), "title")
    issued = _iso(doc.get("date"))
    m = _YEAR.search(title)
    if m and not _UNTIL.search(title) and (issued is None or abs(int(m[1]) - issued.year) <= 1):
        return Period(dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31), "title")  # "… năm 2023"
    texts: list[str] = []

    def walk(secs):
        for s in secs:
            if s.get("role") == "objectives":
                texts.append(s.get("title") or "")
                texts.extend(s.get("text") or [])
                texts.extend(s.get("items") or [])
            walk(s.get("children") or [])

    walk(plan.get("sections") or [])
    joined = " ".join(texts)
    m = _PERIOD.search(joined)
    if m:
        return Period(dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31), "objectives")
    m = _UNTIL.search(title) or _UNTIL.search(joined)
    if m and issued and int(m[1]) >= issued.year:
        return Period(dt.date(issued.year, 1, 1), dt.date(int(m[1]), 12, 31), "title" if _UNTIL.search(title) else "objectives")
    if issued:
        return Period(dt.date(issued.year, 1, 1), dt.date(issued.year, 12, 31), "issue year")
    dates = [d for t in plan.get("tasks") or [] for d in (_iso(t["deadline"]["start"]), _iso(t["deadline"]["end"])) if d]
    if dates:
        return Period(dt.date(min(dates).year, 1, 1), dt.date(max(dates).year, 12, 31), "tasks")
    year = dt.date.today().year
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "none")


NOT_A_PLAN = "Văn bản này không phải là kế hoạch: không có thời gian thực hiện và nhiệm vụ được phân công để liệt kê."
"""What the exports say instead of a period and tasks for a document that is not a plan."""


def known_period(plan: dict) -> Period | None:
    """The plan's period when the document gives one (title, objectives, issue year, task dates);
    None for a document that is not a plan or that nothing dates, so no export invents one."""
    if (plan.get("document") or {}).get("is_plan") is False:
        return None
    period = plan_period(plan)
    return None if period.basis == "none" else period


def lead_names(task: dict) -> list[str]:
    return task.get("lead") or ["(chưa rõ đơn vị chủ trì)"]


def place_tasks(plan: dict, period: Period | None = None) -> list[Item]:
    """Every task with a start and an end, placed within the plan's period where its deadline is silent."""
    period = period or plan_period(plan)
    issued = _iso((plan.get("document") or {}).get("date"))
    items: list[Item] = []
    for task in plan.get("tasks") or []:
        d = task.get("deadline") or {}
        start, end = _iso(d.get("start")), _iso(d.get("end"))
        start_placed = end_placed = False
        if end is None:
            end, end_placed = period.end, True
        if start is None:
            candidate = max(issued, period.start) if issued and issued <= end else period.start
            start, start_placed = (candidate if candidate <= end else end), True
        if start > end:
            start, start_placed = end, True
        items.append(Item(task, ", ".join(lead_names(task)), start, end, start_placed, end_placed, d.get("recurrence")))
    return items


def plan_identity(plan: dict) -> str:
    """A stable identity for the plan: number, symbol, issuer and year together (a number alone repeats)."""
    doc = plan.get("document") or {}
    parts = [doc.get("number") or "", doc.get("symbol") or "", fold(doc.get("issuer") or ""), (doc.get("date") or "")[:4]]
    if not any(parts):
        parts.append((plan.get("source") or {}).get("sha256", ""))
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def plan_label(plan: dict) -> str:
    doc = plan.get("document") or {}
    name = doc.get("type_name") or ("Văn bản" if doc.get("is_plan") is False else "Kế hoạch")
    number = doc.get("number") or (f"…/{doc['symbol']}" if doc.get("symbol") else "")
    date = _iso(doc.get("date"))
    label = f"{name} {number}".strip()
    if date:
        label += f" ngày {date.day:02d}/{date.month:02d}/{date.year}"
    return label


def where(task: dict) -> str:
    """Where a task comes from, for people: "Phụ lục, dòng 3 (tr. 14)" or "Mục V.1 (dòng 155)"."""
    loc = task.get("loc") or {}
    place = []
    if loc.get("page"):
        place.append(f"tr. {loc['page']}")
    if loc.get("line"):
        place.append(f"dòng {loc['line']}")
    tail = f" ({', '.join(place)})" if place else ""
    if task.get("source") == "appendix":
        return f"Phụ lục, STT {task['no']}{tail}" if task.get("no") else f"Phụ lục, nhiệm vụ {task.get('id')}{tail}"
    return f"Mục {task.get('section') or task.get('id')}{tail}"
