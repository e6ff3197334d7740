"""What an agency name typed by a user means in an index: the agencies it names, the predecessors
whose work it carries today (after the 2025 mergers), and near names when it names none.

``kehoach tasks --agency`` uses this: "Sở Nông nghiệp và Môi trường" also finds the tasks plans gave
to "Sở Tài nguyên và Môi trường" and "Sở Nông nghiệp và Phát triển nông thôn" (marked as such), and
"so ke hoach dau tu" (a word missing) finds nothing but says "did you mean: Sở Kế hoạch và Đầu tư".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from .extract.agencies import agency_key, canonical_agency
from .vn import ascii_fold, fold


@dataclass
class AgencyMatch:
    ids: list[int] = field(default_factory=list)
    """Agencies the name itself means (any spelling, with or without diacritics)."""
    predecessors: dict[int, str] = field(default_factory=dict)
    """Agencies whose work the named body carries today: id -> the historical name."""
    current: str | None = None
    """The named body's name, when it has predecessors."""
    suggestions: list[str] = field(default_factory=list)
    """Near names, when the name means no agency and no predecessor."""

    @property
    def all_ids(self) -> list[int]:
        return self.ids + [i for i in self.predecessors if i not in self.ids]

    @property
    def found(self) -> bool:
        return bool(self.ids or self.predecessors)


def _key(name: str) -> str:
    """A comparison key forgiving diacritics, case and the usual abbreviations."""
    return ascii_fold(agency_key(ascii_fold(canonical_agency(name))))


def resolve_agency(con: sqlite3.Connection, name: str, limit: int = 3) -> AgencyMatch:
    from .index import _agency_ids, current_name

    match = AgencyMatch(ids=_agency_ids(con, name))
    rows = con.execute("SELECT id, name FROM agencies").fetchall()
    names = {i: n for i, n in rows}
    wanted = {_key(name)} | {_key(names[i]) for i in match.ids if i in names}
    for aid, aname in rows:
        now = current_name(aname)
        if now and _key(now) in wanted and aid not in match.ids:
            match.predecessors[aid] = aname
            match.current = now
    if not match.found:
        match.suggestions = near_names(name, [n for _, n in rows], limit)
    return match


def near_names(name: str, candidates: list[str], limit: int = 3, cutoff: float = 75.0) -> list[str]:
    """The candidates closest to ``name`` (diacritics, case, word order and a missing word forgiven),
    best first; current names of merged bodies are candidates too."""
    from rapidfuzz import fuzz, process

    from .index import current_name

    pool = list(dict.fromkeys(candidates + [n for n in map(current_name, candidates) if n]))
    keys = [_key(c) for c in pool]
    hits = process.extract(_key(name), keys, scorer=fuzz.token_sort_ratio, limit=limit, score_cutoff=cutoff)
    return list(dict.fromkeys(pool[k] for _, _, k in hits))


def predecessor_marks(con, match: AgencyMatch | None, query: dict, limit: int | None, rows: list) -> list[str | None]:
    """For each row: the predecessor it was found through, or None when the agency itself has it."""
    if not match or not match.predecessors:
        return [None] * len(rows)
    from .index import find_tasks

    found = find_tasks(con, **query, limit=limit or None, agency_ids=match.ids) if match.ids else []
    direct = {(r.plan, r.tid) for r in found} if isinstance(found, list) else set()
    marks: list[str | None] = []
    for r in rows:
        if (r.plan, r.tid) in direct:
            marks.append(None)
            continue
        text = fold(f"{r.lead} {r.support}")
        names = list(match.predecessors.values())
        marks.append(next((n for n in names if fold(n) in text), names[0]))
    return marks
