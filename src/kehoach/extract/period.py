"""The span a plan covers (``document.period``): read once, during extraction, from the title or
the objectives ("giai đoạn 2021-2025", "đến năm 2030"), else the year of issue, else the years its
task deadlines name. Exports place undated tasks within it; the index stores it."""

from __future__ import annotations

from .. import stddate as dt
from ..record import FrozenRecord
from .dates import Horizon, find_horizons


class Period(FrozenRecord):
    """The span the plan covers, and where that span was read."""

    __slots__ = ("start", "end", "basis")

    start: dt.date
    end: dt.date
    basis: str
    """"title", "objectives", "issue year", "tasks", or "none" (nothing dates the plan: this year)."""

    def __init__(self, start: dt.date, end: dt.date, basis: str) -> None:
        self.start = start
        self.end = end
        self.basis = basis

    def as_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "basis": self.basis}


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _years(first: str | int, last: str | int, basis: str) -> Period:
    return Period(dt.date(int(first), 1, 1), dt.date(int(last), 12, 31), basis)


def _objectives_text(sections: list[dict]) -> str:
    texts: list[str] = []

    def walk(secs: list[dict]) -> None:
        for s in secs:
            if s.get("role") == "objectives":
                texts.append(s.get("title") or "")
                texts.extend(s.get("text") or [])
                texts.extend(s.get("items") or [])
            walk(s.get("children") or [])

    walk(sections)
    return " ".join(texts)


def _first(found: list[Horizon], kind: str) -> Horizon | None:
    return next((h for h in found if h.kind == kind), None)


def plan_to_period(doc: dict, sections: list[dict], tasks: list[dict]) -> Period | None:
    """The period the document's words give (:data:`dates.HORIZON`): "giai đoạn 2021-2025" in the
    title or objectives, a title's own year, "đến năm 2030" from the year of issue, else the year of
    issue, else the years the task deadlines span; None when nothing dates it."""
    title = find_horizons(" ".join(filter(None, [doc.get("title"), (doc.get("attachment") or {}).get("title")])))
    span = _first(title, "span")
    if span:
        return _years(span.first or span.last, span.last, "title")
    issued = _iso(doc.get("date"))
    year, until = _first(title, "year"), _first(title, "until")
    if year and not until and (issued is None or abs(year.last - issued.year) <= 1):
        return _years(year.last, year.last, "title")  # "… năm 2023"
    objectives = find_horizons(_objectives_text(sections))
    span = _first(objectives, "span")
    if span:
        return _years(span.first or span.last, span.last, "objectives")
    if until is None and (until := _first(objectives, "until")) is not None:
        basis = "objectives"
    else:
        basis = "title"
    if until and issued and until.last >= issued.year:
        return _years(issued.year, until.last, basis)
    if issued:
        return _years(issued.year, issued.year, "issue year")
    dates = [d for t in tasks for d in (_iso(t["deadline"]["start"]), _iso(t["deadline"]["end"])) if d]
    if dates:
        return _years(min(dates).year, max(dates).year, "tasks")
    return None


def plan_period(plan: dict) -> Period:
    """The plan's period: ``document.period`` (read at extraction; a plan file from before it was
    kept is read again), else this year, marked ``none``."""
    doc = plan.get("document") or {}
    if "period" in doc:
        p = doc["period"]
        found = Period(dt.date.fromisoformat(p["start"]), dt.date.fromisoformat(p["end"]), p["basis"]) if p else None
    else:
        found = plan_to_period(doc, plan.get("sections") or [], plan.get("tasks") or [])
    if found is not None:
        return found
    year = dt.date.today().year
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "none")
