"""From deadlines to dates: where each task sits in time, and what was placed rather than read.

A task whose deadline gives no date of its own ("Thường xuyên", "Hằng năm", "Theo kế hoạch …")
is placed within the plan's period (from the title or objectives, "giai đoạn 2021-2025", else
the plan's year) and marked as placed, so no exporter draws it as if the document had said so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..extract.period import Period, plan_period

__all__ = ["NOT_A_PLAN", "PARTS_UNREAD", "Item", "Period", "day_after", "known_period", "lead_names", "place_tasks", "plan_label", "plan_period", "where"]


def day_after(day: dt.date) -> dt.date:
    """The next day, where a drawn period ends (exclusive); the last day a date can hold
    (9999-12-31, a typing slip in a plan file) stays itself rather than failing the export."""
    return day + dt.timedelta(days=1) if day < dt.date.max else day


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


NOT_A_PLAN = "Văn bản này không phải là kế hoạch: không có thời gian thực hiện và nhiệm vụ được phân công để liệt kê."
"""What the exports say instead of a period and tasks for a document that is not a plan."""
PARTS_UNREAD = ("Không đọc được phần nào có đánh số của kế hoạch (văn bản có thể bị cắt, hoặc kế hoạch ở một tệp riêng): "
                "không có nhiệm vụ để liệt kê.")
"""What the exports say of a plan by its header whose numbered parts were not read (warning plan-parts-unread)."""


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
    """Where a task comes from, for people: "Phụ lục, STT 3 (tr. 14, dòng 3)", "Mục V.1 (dòng 155)", "Đoạn kết (dòng
    210)" for a closing paragraph's duty ("C1"), "Đoạn văn (dòng 12)" for a paragraph's in a text with no numbered parts."""
    loc = task.get("loc") or {}
    place = []
    if loc.get("page"):
        place.append(f"tr. {loc['page']}")
    if loc.get("line"):
        place.append(f"dòng {loc['line']}")
    tail = f" ({', '.join(place)})" if place else ""
    if task.get("source") == "appendix":
        return f"Phụ lục, STT {task['no']}{tail}" if task.get("no") else f"Phụ lục, nhiệm vụ {task.get('id')}{tail}"
    if task.get("section"):
        return f"Mục {task['section']}{tail}"
    tid = str(task.get("id") or "")
    if tid.startswith("C"):
        return f"Đoạn kết{tail}"  # a duty the closing paragraphs set (no section holds it)
    if tid.startswith("P"):
        return f"Đoạn văn{tail}"  # a duty a paragraph of a document with no numbered parts hands out
    return f"Mục {tid}{tail}"
