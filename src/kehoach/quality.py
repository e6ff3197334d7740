"""How much of the source the plan accounts for: coverage and the lines left unplaced."""

from __future__ import annotations

from . import rx
from .diagnostics import warning
from .parse.blocks import Block, Source
from .vocab.agencies import CONNECTORS

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from .extract.sections import Section
    from .model import PlanWarning

COVERAGE_FLOOR = 0.9
"""Below this share of placed lines a plan gets a ``coverage-low`` warning."""
_SHOWN = 200
"""Characters of an unplaced line kept in the report."""


def placed_lines(blocks: list[Block], claimed: set[int] | frozenset[int], lines: set[int]) -> set[int]:
    """Source lines of the ``claimed`` blocks, plus ``lines`` placed one by one (table rows)."""
    placed = set(lines)
    for i in claimed:
        placed.update(blocks[i].lines)
    return placed


def lead_warnings(tasks: list[dict]) -> list[PlanWarning]:
    """A ``lead-not-agency`` warning for each task (from a table, a labelled block or the body)
    whose lead, as written, does not read as an agency's name (``lead-role`` when it names the bodies by the work the
    plan gives them: "Các cơ quan được phân công chủ trì"); an ``agency-dangling`` one for each
    task with a lead or cooperating agency that ends in a connector ("… Đại sứ quán và")."""
    from .extract.agency_names import is_role_lead
    from .extract.table_row import lead_is_name

    out: list[PlanWarning] = []
    for task in tasks:
        names = task.get("lead_as_written") or task["lead"]
        if (role := [name for name in names if is_role_lead(name)]):
            out.append(warning("lead-role", f"task {task['id']}: lead {role[0][:80]!r} names the bodies the plan gives "
                               "work, not an agency: kept as written", task.get("loc")))
        bad = [name for name in names if name not in role and not lead_is_name(name)]
        if bad:
            out.append(warning("lead-not-agency", f"task {task['id']}: lead {bad[0][:60]!r} does not read as an agency name",
                               task.get("loc")))
        cut = [(role, n) for role in ("lead", "support") for n in task.get(f"{role}_as_written") or task[role]
               if _DANGLING.search(n)]
        if cut:
            out.append(warning("agency-dangling", f"task {task['id']}: {cut[0][0]} {cut[0][1][-60:]!r} ends in a word no "
                               "name ends with: it was cut, its rest is elsewhere", task.get("loc")))
    return out


_DANGLING = rx.compile(rf"(?:^|\s)(?i:{CONNECTORS}|tại|trên|(?<!trực\s)thuộc)\s*$|[,;&/(\-–]\s*$")
"""The end of a name cut short: a connector, or a separator with nothing after it."""


def measure(source: Source, placed: set[int], is_plan: bool) -> tuple[dict, list[PlanWarning]]:
    """The plan's ``quality`` part ({"coverage", "unplaced"}) and a ``coverage-low`` warning for
    a plan that leaves too many lines unplaced."""
    content, origins = source.line_texts, source.origins

    def loc(k: int) -> dict:
        return origins[k - 1].as_dict() if origins and 0 < k <= len(origins) else {"line": k, "page": None}

    unplaced = [{"text": content[k][:_SHOWN], "loc": loc(k)} for k in sorted(content) if k not in placed]
    coverage = round(1 - len(unplaced) / len(content), 4) if content else 0.0
    warnings: list[PlanWarning] = []
    if is_plan and coverage < COVERAGE_FLOOR:
        warnings.append(warning("coverage-low", f"only {coverage:.0%} of the lines were placed; see quality.unplaced"))
    return {"coverage": coverage, "unplaced": unplaced}, warnings


_TASK_ROLES = ("organization", "tasks", "solutions")
"""Roles of the parts where a plan assigns its work ("TỔ CHỨC THỰC HIỆN", "NHIỆM VỤ", "GIẢI PHÁP")."""


def no_task_warnings(is_plan: bool, roots: list[Section], tasks: list[dict], warnings: list[PlanWarning]) -> list[PlanWarning]:
    """A ``tasks-none`` warning for a plan with numbered sections from which no task came, when no
    other warning already says why (an appendix unread, an item unread): a plan assigns its work,
    so an empty task list is a reading to check, not a result. Its loc is the part where a plan
    assigns work, when it has one."""
    if not is_plan or tasks or not roots or any(w["code"] in ("appendix-unread", "body-task-unread") for w in warnings):
        return []
    where = next((s for r in roots for s in r.walk() if s.role in _TASK_ROLES), None)
    return [warning("tasks-none", "no task was read from this plan (no appendix table of tasks, no agency assigned work in "
                    "its body): check its implementation part by hand", where.loc.as_dict() if where else None)]
