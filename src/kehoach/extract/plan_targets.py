"""Targets of the whole plan: from section sentences, indicator tables and task target columns,
numbered T1, T2 … in document order."""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from .roles import Role
from .sections import Section
from .targets import _year_of, text_to_targets

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_SHARE = rx.compile(r"(?:^|[;:,]\s*)(?:-\s*)?\d{1,3}(?:,\d+)?\s*%\s+\p{Ll}")
"""A share of what it counts, opening a clause ("…; 100% khu dân cư tổ chức Ngày hội"): in a plan's purpose or
requirements a share aimed at, with no goal word before it."""
_RESULTS = rx.compile(
    r"^(?:Kết\s+quả|KẾT\s+QUẢ|Tình\s+hình|TÌNH\s+HÌNH|Thực\s+trạng|THỰC\s+TRẠNG|Đánh\s+giá|ĐÁNH\s+GIÁ|Dự\s+báo|DỰ\s+BÁO"
    r"|Ước\s+(?:thực\s+hiện|đạt)|ƯỚC\s+(?:THỰC\s+HIỆN|ĐẠT))\b(?!.{0,40}(?:cần\s+đạt|CẦN\s+ĐẠT|dự\s+kiến|DỰ\s+KIẾN))")
"""Headings over figures already reached or forecast; their numbers are not targets."""


def plan_to_targets(roots: list[Section], tasks: list[dict], table_targets: list[tuple[dict, str | None]],
                    horizon_text: str) -> tuple[list[dict], list[PlanWarning]]:
    """Every target of the plan; one with no year of its own gets the plan's horizon (the last year
    ``horizon_text``, the plan's title, names), marked ``year_from_plan``. And a ``target-unsure`` warning, at the
    target's loc, for each target its reading doubts (a unit run on, a change whose baseline may have been read as
    its value, figures of a change that disagree with its verb)."""
    targets = _collect(roots, tasks, table_targets)
    horizon = _year_of(horizon_text)
    warnings = []
    for target in targets:
        if target["year"] is None and horizon is not None:
            target["year"] = horizon
            target["year_from_plan"] = True
        if doubt := target.pop("doubt", None):
            warnings.append(warning("target-unsure", f"target {target['id']} ({target['text'][:60]!r}): {doubt}",
                                    target["loc"]))
    return targets, warnings


def _collect(roots: list[Section], tasks: list[dict], table_targets: list[tuple[dict, str | None]]) -> list[dict]:
    out: list[dict] = []

    def add(found: list[dict], section: str | None, loc: dict, task: str | None = None) -> None:
        for t in found:
            entry: dict = {"id": f"T{len(out) + 1}"}
            entry.update(t)
            entry["section"] = section
            entry["task"] = task
            entry["loc"] = loc
            out.append(entry)

    by_section: dict[str | None, list[dict]] = {}
    for target, section in table_targets:  # rows of indicator tables ("Chỉ tiêu | ĐVT | Năm 2025")
        by_section.setdefault(section, []).append(target)

    def visit(sec: Section, year: int | None) -> None:
        if _RESULTS.match(sec.title or ""):
            return  # "Kết quả đạt được", "Tình hình thực hiện năm 2025", "Dự báo …": results, not goals
        y = _year_of(sec.title or "") or year
        objective = sec.role == Role.OBJECTIVES
        aims = sec.role in (Role.PURPOSE, Role.REQUIREMENTS)  # "…; 100% khu dân cư tổ chức …": a share aimed at
        item_year = None
        for kind, text, loc in sec.content:
            if kind == "item":
                item_year = _year_of(text) if text.rstrip().endswith(":") else None
            ctx = (item_year if kind == "subitem" else None) or y
            found = text_to_targets(text, ctx, require_cue=not objective and not (aims and _SHARE.search(text)))
            add(found, sec.id, loc.as_dict())
        for target in by_section.pop(sec.id, []):  # its indicator tables, after its sentences
            add([target], sec.id, target.pop("loc"))
        for c in sec.children:
            visit(c, y)

    for r in roots:
        visit(r, None)
    for section, rest in by_section.items():  # indicator tables outside the section tree (appendices)
        for target in rest:
            add([target], section, target.pop("loc"))
    for task in tasks:
        if task.get("target"):
            end = task["deadline"].get("end")
            year = int(end[:4]) if end else None
            found = text_to_targets(task["target"], year, fallback_indicator=task.get("title"))
            add(found, task.get("section"), task["loc"], task["id"])
    return out
