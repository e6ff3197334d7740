"""The span a plan covers (``document.period``): read once, during extraction, from the title or
the objectives ("giai đoạn 2021-2025", "đến năm 2030"), else the year of issue, else the years its
task deadlines name. Exports place undated tasks within it; the index stores it."""

from __future__ import annotations

import datetime as dt

from .. import rx
from ..record import FrozenRecord
from ..vocab.dates import YEAR

_PERIOD = rx.compile(rf"(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm|năm)\s+({YEAR})\s*[-–]\s*({YEAR})", rx.I)
_UNTIL = rx.compile(rf"(?:đến|tới)\s+năm\s+({YEAR})", rx.I)
_YEAR = rx.compile(rf"\bnăm\s+({YEAR})\b", rx.I)


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


def plan_to_period(doc: dict, sections: list[dict], tasks: list[dict]) -> Period | None:
    """The period the document's words give: "giai đoạn 2021-2025" in the title or objectives, a
    title's own year, "đến năm 2030" from the year of issue, else the year of issue, else the years
    the task deadlines span; None when nothing dates it."""
    title = " ".join(filter(None, [doc.get("title"), (doc.get("attachment") or {}).get("title")]))
    m = _PERIOD.search(title)
    if m:
        return _years(m[1], m[2], "title")
    issued = _iso(doc.get("date"))
    m = _YEAR.search(title)
    if m and not _UNTIL.search(title) and (issued is None or abs(int(m[1]) - issued.year) <= 1):
        return _years(m[1], m[1], "title")  # "… năm 2023"
    joined = _objectives_text(sections)
    m = _PERIOD.search(joined)
    if m:
        return _years(m[1], m[2], "objectives")
    m = _UNTIL.search(title) or _UNTIL.search(joined)
    if m and issued and int(m[1]) >= issued.year:
        return _years(issued.year, m[1], "title" if _UNTIL.search(title) else "objectives")
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
