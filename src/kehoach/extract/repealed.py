"""Rows of a task table that repeal a task instead of giving one: an amending plan's table lists the tasks it drops
from the plan it amends, under a group row that says so ("C | NHIỆM VỤ BÃI BỎ") or with its change column saying so
("Nội dung điều chỉnh, bổ sung: Bãi bỏ (…)"), and names no agency and no time for them. They are no task of the plan;
each is left out with a ``task-repealed`` warning that names it."""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    from ..model import PlanWarning

_REPEAL = r"(?:bãi\s+bỏ|hủy\s+bỏ|đưa\s+ra\s+khỏi|dừng\s+thực\s+hiện|không\s+(?:tiếp\s+tục\s+)?thực\s+hiện)"
_GROUP = rx.compile(rf"(?i)\bnhiệm\s+vụ\s+(?:được\s+)?{_REPEAL}")
"""A group row of repealed tasks: "NHIỆM VỤ BÃI BỎ", "Các nhiệm vụ đưa ra khỏi Kế hoạch" (not "Nhiệm vụ rà soát, bãi bỏ
thủ tục hành chính": a task of repealing)."""
_NOTE = rx.compile(rf"(?i)(?:^|;\s*)(?:[^:;]{{0,60}}:\s*)?{_REPEAL}\b")
"""A change or note cell that says the task is repealed: "Bãi bỏ (…)", "Nội dung điều chỉnh, bổ sung: Bãi bỏ"."""


def drop_repealed(tasks: list[dict], warnings: list[PlanWarning]) -> tuple[list[dict], list[PlanWarning]]:
    """``tasks`` without the table rows that repeal a task (no lead, support or time, and a group row or a note that
    says the task is repealed); ``warnings`` with a ``task-repealed`` for each in place of its ``task-without-lead``."""
    keep, dropped = [], []
    for t in tasks:
        idle = not (t["lead"] or t["support"] or t["deadline"]["text"]) and t["source"] == "appendix"
        if idle and (_GROUP.search(t.get("group") or "") or _NOTE.search(t.get("note") or "")):
            dropped.append(t)
        else:
            keep.append(t)
    if not dropped:
        return tasks, warnings
    stale = tuple(f"task {t['id']} has no lead" for t in dropped)
    out = [w for w in warnings if not (w["code"] == "task-without-lead" and w["message"].startswith(stale))]
    out += [warning("task-repealed", f"row {t['no'] or t['id']} ({t['title'][:60]!r}) repeals a task ({t.get('group') or t['note']}"
                    "): it names no agency and no time, and is not listed as a task", t["loc"]) for t in dropped]
    return keep, out
