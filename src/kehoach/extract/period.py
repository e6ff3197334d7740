"""The span a plan covers (``document.period``): read once, during extraction, from the title or
the objectives ("giai đoạn 2021-2025", "đến năm 2030"), else the year of issue, else the years its
task deadlines name. Exports place undated tasks within it; the index stores it."""

from __future__ import annotations

from .. import rx
from .. import stddate as dt
from ..diagnostics import warning
from ..record import FrozenRecord
from .dates import Horizon, find_horizons, fold_time, text_to_deadline

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning


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


def _objectives(sections: list[dict]) -> list[tuple[list[str], dict | None]]:
    """The words of each objectives section (heading, paragraphs, items) and its loc."""
    out: list[tuple[list[str], dict | None]] = []

    def walk(secs: list[dict]) -> None:
        for s in secs:
            if s.get("role") == "objectives":
                out.append(([s.get("title") or "", *(s.get("text") or []), *(s.get("items") or [])], s.get("loc")))
            walk(s.get("children") or [])

    walk(sections)
    return out


def _objectives_text(sections: list[dict]) -> str:
    return " ".join(t for texts, _loc in _objectives(sections) for t in texts)


_BASELINE = rx.compile(r"\bso\s+voi\s+(?:[^,;.:()\d]{0,40}\s)?$")
"""What a time that is compared with stands after (on :func:`fold_time`'s key): "so với (trung bình) giai đoạn
2020 - 2024", "so với năm 2020"."""


def _not_baselines(text: str) -> list[Horizon]:
    """The horizons of ``text`` but those it compares with ("giảm … so với trung bình giai đoạn 2020 - 2024": a
    baseline, not the time the plan covers)."""
    key = fold_time(text)
    return [h for h in find_horizons(text) if not _BASELINE.search(key, 0, h.start)]


def _first(found: list[Horizon], kind: str) -> Horizon | None:
    return next((h for h in found if h.kind == kind and not (h.first is not None and h.first > h.last)), None)


_FROM_TO = rx.compile(r"(?<!\w)(?:tu\s+)?(?P<a>(?:ngay|thang|quy|nam)\s+[\divx/.\s]{1,16}?)\s*(?:-|–|\bden\b|\btoi\b)\s*"
                      r"(?:het\s+|cuoi\s+)?(?P<b>(?:ngay|thang|quy|nam)\s+[\divx/.\s]{1,16})")
"""A span from one time to another on :func:`fold_time`'s key: "từ năm 2026 đến năm 2030", "tháng 9/2026 - tháng 3/2027"."""


_SPAN_MARK = rx.compile(r"[-–—]|\b(?:đến|tới|den|toi|ĐẾN|TỚI)\b|(?:19|20)\d\d\s*/\s*(?:19|20)\d\d", rx.I)
"""What joins the two ends of a span: a dash, "đến"/"tới", or a slash between two years."""


_TWO_DIGITS = rx.compile(r"\d\D*\d")


def reversed_span(text: str | None) -> str | None:
    """The span in ``text`` that ends before it starts, as written ("giai đoạn 2025-2021", "từ năm 2030 đến năm
    2026", "từ ngày 15/6/2026 đến ngày 01/6/2026"); None when it has none."""
    if not text or not _TWO_DIGITS.search(text) or not _SPAN_MARK.search(text):
        return None  # a span needs two times and a word or mark between them
    bad = next((h for h in find_horizons(text) if h.kind == "span" and h.first is not None and h.first > h.last), None)
    if bad is not None:
        return text[bad.start:bad.end]
    for m in _FROM_TO.finditer(fold_time(text)):
        first, last = text_to_deadline(text[m.start("a"):m.end("a")]), text_to_deadline(text[m.start("b"):m.end("b")])
        if first["start"] and last["end"] and last["end"] < first["start"]:
            return text[m.start():m.end()].strip(" .")
    d = text_to_deadline(text)
    return text.strip() if d["start"] and d["end"] and d["end"] < d["start"] else None


def reversed_warnings(titles: list[tuple[str | None, dict | None]], sections: list[dict],
                      tasks: list[dict]) -> list[PlanWarning]:
    """A ``period-reversed`` warning for each title (with its loc), objectives section and task deadline that names
    a span ending before it starts; such a deadline loses its dates (changes ``tasks``), and :func:`plan_to_period`
    reads no period from such a title or span."""
    out: list[PlanWarning] = []
    for title, loc in titles:
        if (found := reversed_span(title)) is not None:
            out.append(_reversed("the title", found, loc))
    for texts, loc in _objectives(sections):
        found = next((f for t in texts if (f := reversed_span(t)) is not None), None)
        if found is not None:
            out.append(_reversed("an objective", found, loc))
    for t in tasks:
        d = t["deadline"]
        found = reversed_span(d["text"]) or (d["text"] if d["start"] and d["end"] and d["end"] < d["start"] else None)
        in_title = None if found else reversed_span(t.get("title"))
        if found or (in_title and d["text"] and d["text"] in in_title):
            d["start"] = d["end"] = None
        if found or in_title:
            out.append(_reversed(f"task {t['id']}", found or in_title or "", t.get("loc")))
    return out


def _reversed(where: str, phrase: str, loc: dict | None) -> PlanWarning:
    return warning("period-reversed", f"{where} names a span that ends before it starts ({phrase!r}); no dates "
                   "were read from it", loc)


_FULL_DATE = rx.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\b", rx.I)


def plan_to_period(doc: dict, sections: list[dict], tasks: list[dict]) -> Period | None:
    """The period the document's words give (:data:`dates.HORIZON`): "giai đoạn 2021-2025" in the
    title or objectives, a title's own year, "đến năm 2030" from the year of issue, else the year of
    issue, else the years the task deadlines span; None when nothing dates it."""
    title_text = " ".join(filter(None, [doc.get("title"), (doc.get("attachment") or {}).get("title")]))
    title_text = _FULL_DATE.sub(" ", title_text)  # "… Chỉ thị số 5 ngày 02 tháng 5 năm 2024": that act's day, no horizon
    title = [] if reversed_span(title_text) else find_horizons(title_text)  # a reversed span makes the title unsure
    span = _first(title, "span")
    if span:
        return _years(span.first or span.last, span.last, "title")
    issued = _iso(doc.get("date"))
    year, until = _first(title, "year"), _first(title, "until")
    if year and not until and (issued is None or abs(year.last - issued.year) <= 1):
        return _years(year.last, year.last, "title")  # "… năm 2023"
    objectives = _not_baselines(_objectives_text(sections))
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
