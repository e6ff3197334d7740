"""A table row short of cells, put back on the table's columns.

A web page's text extraction writes a merged cell only in the first row it covers, so the rows below it are
short of that cell. Which cell is missing is read from how the row's own cells fit the columns, and from what
merges look like: the cell written once is the lead more often than another, never the support under the same
agency, never a cell the row writes again as it stands above, and a merge goes on over the next short row. When
another placement reads almost as well, the warning names it.
"""

from __future__ import annotations

from itertools import combinations

from .table_header import PERIOD, YEAR, _cell_text
from .table_row import _fits

MERGEABLE = ("lead", "support", "combined", "deadline", "group")
_CLOSE = 0.8
"""Two placements scoring within this of each other read the row about equally well (only the guesses, that the lead is
the merged cell and that a merge goes on, set them apart): the warning names the other."""
_NAMES = {"group": "group", "lead": "lead", "combined": "lead", "support": "support", "deadline": "deadline", "deadline_start": "start",
          "deadline_end": "end", "title": "task", "output": "output", "note": "note"}


def insert_gaps(cells: list[list[str]], gaps: tuple[int, ...]) -> list[list[str]]:
    out = list(cells)
    for g in gaps:
        out.insert(g, [])
    return out


def spans_time(fields: dict[int, str], g: int) -> bool:
    """A cell missing from the end column of a start | end pair: one cell across both ("Thường xuyên")."""
    return fields.get(g) == "deadline_end" and fields.get(g - 1) == "deadline_start"


def _as_above(trial: list[list[str]], above: list[list[str]], fields: dict[int, str], gaps: tuple[int, ...]) -> int:
    """How many of the row's own agency and time cells stand under the same text in the row above: a cell
    merged down is written once, so a cell written again is its own column's ("Sở A" under a row led by "Sở A"
    is this row's lead; its support is what the merge covers)."""
    return sum(1 for i, c in enumerate(trial) if i not in gaps and i < len(above) and fields.get(i) in MERGEABLE
               and _cell_text(c).strip() and _cell_text(c).strip() == _cell_text(above[i]).strip())


def _lead_is_support(trial: list[list[str]], above: list[list[str]], fields: dict[int, str], gaps: tuple[int, ...]) -> bool:
    """Whether filling ``gaps`` from the row above makes the lead and the support one agency: "Sở A" below a row led
    by "Sở A" is that row's lead again (its support merged down), not its support under a merged lead "Sở A"."""
    lead = next((i for i, f in fields.items() if f == "lead"), None)
    support = next((i for i, f in fields.items() if f == "support"), None)
    if lead is None or support is None or not {lead, support} & set(gaps):
        return False
    filled = [list(above[i]) if i in gaps and i < len(above) else c for i, c in enumerate(trial)]
    text = [_cell_text(filled[i]).strip().casefold() if i < len(filled) else "" for i in (lead, support)]
    return bool(text[0]) and text[0] == text[1]


def placements(cells: list[list[str]], above: list[list[str]], fields: dict[int, str], width: int,
               gaps_above: tuple[int, ...] | None) -> list[tuple[float, tuple[int, ...]]]:
    """Every way to put the row's missing cells (never the first column, unless it holds the groups), best first, with
    its score."""
    out = []
    for gaps in combinations(range(0 if fields.get(0) == "group" else 1, width), width - len(cells)):
        trial = insert_gaps(cells, gaps)
        for g in gaps:
            if spans_time(fields, g):
                trial[g] = trial[g - 1]
        score = sum(_fits(fields.get(i), _cell_text(c)) for i, c in enumerate(trial)) \
            + 1.5 * sum(int(fields.get(g) in MERGEABLE) for g in gaps) \
            + 0.25 * sum(int(fields.get(g) in ("lead", "combined")) for g in gaps) \
            - 2 * _lead_is_support(trial, above, fields, gaps) + _as_above(trial, above, fields, gaps) \
            + 0.5 * (gaps == gaps_above)
        out.append((score, gaps))
    out.sort(key=lambda p: -p[0])  # (stable: of equal scores, the first tried)
    return out


def realigned(cells: list[list[str]], above: list[list[str]], fields: dict[int, str], width: int,
              gaps_above: tuple[int, ...] | None, doubt_above: bool = False) -> tuple[list[list[str]], tuple[int, ...], str, bool] | None:
    """The row on the table's columns, the columns it was short of, what the warning says of it (naming another
    reading when one is about as good, or when the row above, whose cells this one takes, was itself in doubt), and
    whether it named one; None when the row cannot be placed."""
    found = placements(cells, above, fields, width, gaps_above)
    if not found:
        return None
    score, gaps = found[0]
    out = insert_gaps(cells, gaps)
    spans = [g for g in gaps if spans_time(fields, g)]
    for g in gaps:
        # "Thường xuyên" over "Bắt đầu | Hoàn thành" is one cell across both (read once, as a merged cell of a
        # Word table is); other gaps take the cell above
        out[g] = [] if g in spans else list(above[g]) if g < len(above) else []
    if spans == list(gaps):
        return out, gaps, "read as one cell across the start and end columns", False
    how = f"its {_columns(fields, gaps)} taken from the row above (a merged cell)"
    other = next((g for s, g in found[1:] if (doubt_above or score - s <= _CLOSE)
                  and _columns(fields, g) != _columns(fields, gaps)), None)
    if other is not None:
        how += f"; it could instead be its {_columns(fields, other)}"
    return out, gaps, how, other is not None


def _columns(fields: dict[int, str], gaps: tuple[int, ...]) -> str:
    return " and ".join(_name(fields.get(g) or "") for g in gaps)


def _name(field: str) -> str:
    """A column as the warning names it: "lead", "support", "2027" (a year's column), "Quý II/2026"."""
    if field.startswith((YEAR, PERIOD)):
        return f"{field.split(':', 1)[1]} column"
    return _NAMES.get(field, "column")
