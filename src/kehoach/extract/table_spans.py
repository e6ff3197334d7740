"""Support and deadline cells merged down over several rows, in a table whose reader cannot see merges.

A word processor's text export writes a cell merged over rows once, in the first row of its span, and leaves
the others empty; the printed page's text layout prints it once too, at the top of its span, or in its middle
when the table centres its cells. Nothing in the text tells such an empty cell from one the author left
empty. A support or deadline column whose empty cells all stand right below a filled one (or, in a table
whose cells are centred, right above one) is read as merged there: each empty cell takes the filled one above
it (or, in a group's first rows, below it), and a warning at the row says so and names the other readings
(none, or the filled cell on the other side).

A reader that sees merged cells (a PDF's ruling lines) sees them page by page: a cell merged down over a page
break is read in full on the page it starts on and empty on the next, under its borders drawn again there (or
under the header row repeated). In a column whose cells are all filled but for runs right after a page break,
each such run takes the last cell before the break, warned at each row with the other reading (none); in a
column with other empty cells such a run stays empty, warned at its first row with the other reading. A merged
cell whose text the break cut leaves its last words, in lower case, in the rows after the break: they go on the
cell before the break, and those rows take the whole cell, warned.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..vn import starts_lower
from .table_header import _cell_text

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_VALUE = rx.compile(r"\p{L}{2,}|\d")
SPANNED = {"support": "support", "deadline": "deadline", "deadline_start": "start", "deadline_end": "end"}
"""The columns read here, and how the warning names them (the lead is carried down as each row is read)."""


def _runs(pending: list[dict]) -> list[list[int]]:
    """The table's rows by the group row above them: a cell merged down never runs across a group row."""
    runs: list[list[int]] = []
    for k, p in enumerate(pending):
        if k == 0 or p["group"] != pending[k - 1]["group"]:
            runs.append([])
        runs[-1].append(k)
    return runs


def _filled(pending: list[dict], pair: tuple[int, ...]):
    def filled(k: int) -> bool:  # (a time across start and end is written once, in the start column)
        cells = pending[k]["cells"]
        return any(c < len(cells) and _cell_text(cells[c]).strip() for c in pair)
    return filled


def _empty_runs(pending: list[dict], col: int, pair: tuple[int, ...], centred: bool) -> list[tuple[list[int], int | None, int | None]] | None:
    """The column's runs of empty cells, each with the filled rows just above and below it in its group; None when
    one run cannot be a merge (nothing above it; nothing below it either, or the table does not centre its cells),
    or when the column is empty throughout. A cell counts as filled when one of the columns ``pair`` is."""
    filled = _filled(pending, pair)
    out = []
    for run in _runs(pending):
        k = 0
        while k < len(run):
            if filled(run[k]):
                k += 1
                continue
            end = k
            while end < len(run) and not filled(run[end]):
                end += 1
            above = run[k - 1] if k > 0 else None
            below = run[end] if end < len(run) else None
            if above is None and (below is None or not centred):
                return None
            out.append((run[k:end], above, below))
            k = end
    return out


def fill_spans(pending: list[dict], fields: dict[int, str], centred: bool, misfits: set[int | None],
               warnings: list[PlanWarning]) -> None:
    """Fill the support and deadline cells merged down (see the module's docstring), warning at each row;
    ``centred``: the table centres its cells in their rows (a merged cell's text may stand lower than its first row);
    ``misfits``: the lines of rows whose text the reader found out of its columns (their empty cells are no merge's)."""
    times = tuple(c for c, f in fields.items() if f in ("deadline_start", "deadline_end"))
    for col, field in sorted(fields.items()):
        if field not in SPANNED:
            continue
        runs = _empty_runs(pending, col, times if col in times else (col,), centred)
        for rows, above, below in runs or []:
            source = above if above is not None else below or 0  # (never both None: see _empty_runs)
            if not _VALUE.search(_cell_text(pending[source]["cells"][col])):
                continue  # marks ("x") in a column of periods: no value a merged cell would carry
            for k in rows:
                if pending[k]["loc"].line in misfits:
                    continue
                p = pending[k]
                while len(p["cells"]) <= col:
                    p["cells"].append([])
                p["cells"][col] = list(pending[source]["cells"][col])
                warnings.append(warning("table-carried-down", _message(pending, k, source, below if centred else None,
                                                                        SPANNED[field], col),
                                        p["loc"].as_dict()))


def _message(pending: list[dict], k: int, source: int, below: int | None, name: str, col: int) -> str:
    def no(i: int) -> str:
        return pending[i]["no"] or str(i + 1)

    where = "above" if source < k else "below"
    other = "none"
    if below is not None and source != below \
            and _cell_text(pending[below]["cells"][col]).strip() != _cell_text(pending[source]["cells"][col]).strip():
        other += f", or the {name} of row {no(below)} below (a cell centred in its rows)"
    return (f"row {no(k)} has an empty {name} cell; the {name} of row {no(source)} {where} is taken (a merged cell?); "
            f"it could instead be {other}")


def _page_top(pending: list[dict], k: int) -> bool:
    """Whether row ``k`` is the first read on its page, in the group of the row above it."""
    if k == 0 or pending[k]["group"] != pending[k - 1]["group"]:
        return False
    page, before = pending[k]["loc"].page, pending[k - 1]["loc"].page
    return page is not None and before is not None and page != before


def fill_page_tops(pending: list[dict], fields: dict[int, str], warnings: list[PlanWarning]) -> None:
    """Fill the support and deadline cells of a merged cell a page break cut (see the module's docstring): the
    first row read on a page (its ``loc``'s page not the row above's); nothing is taken in a column with an empty
    cell anywhere else (the table leaves cells empty), said at the row instead."""
    _join_cut_cells(pending, fields, warnings)
    times = tuple(c for c, f in fields.items() if f in ("deadline_start", "deadline_end"))
    for col, field in sorted(fields.items()):
        if field not in SPANNED or (col in times and col != min(times)):
            continue
        pair = times if col in times else (col,)
        filled = _filled(pending, pair)
        runs: list[tuple[int, int]] = []  # (first row of the run of empty cells, the row above it)
        elsewhere = False  # an empty cell that no break explains: the table leaves cells empty
        for k in range(len(pending)):
            if filled(k) or k > 0 and not filled(k - 1) and pending[k]["group"] == pending[k - 1]["group"]:
                continue  # (a run goes on)
            if not _page_top(pending, k):
                elsewhere = True
            else:
                runs.append((k, k - 1))
        name = SPANNED[field] if col not in times else "deadline"
        for first, source in runs:
            value = [list(pending[source]["cells"][c]) if c < len(pending[source]["cells"]) else [] for c in pair]
            if not _VALUE.search(" ".join(map(_cell_text, value))):
                continue  # marks ("x") in a column of periods: no value a merged cell would carry
            if elsewhere:
                p = pending[first]
                warnings.append(warning("table-empty-after-break", f"row {p['no'] or first + 1} has an empty {name} cell "
                                        f"after a page break, under row {pending[source]['no'] or source + 1}'s; left "
                                        f"empty, as the table leaves other cells empty; it could instead be row "
                                        f"{pending[source]['no'] or source + 1}'s, merged over the break",
                                        p["loc"].as_dict()))
                continue
            k = first
            while k < len(pending) and not filled(k) and pending[k]["group"] == pending[source]["group"]:
                p = pending[k]
                for c, cell in zip(pair, value, strict=True):
                    while len(p["cells"]) <= c:
                        p["cells"].append([])
                    p["cells"][c] = list(cell)
                warnings.append(warning("table-carried-down", f"row {p['no'] or k + 1} has an empty {name} cell after a "
                                        f"page break; the {name} of row {pending[source]['no'] or source + 1} before the "
                                        f"break is taken (a merged cell the break cut?); it could instead be none",
                                        p["loc"].as_dict()))
                k += 1


def _join_cut_cells(pending: list[dict], fields: dict[int, str], warnings: list[PlanWarning]) -> None:
    """A lead or support cell starting in lower case in the first row after a page break, under a filled cell that
    ends no sentence, one of them repeated in the next row on its side (a merged cell read into each row it spans):
    the rest of a merged cell the break cut, put back on it; the rows after the break that repeat it take the whole
    cell, warned. (A time in lower case, "hằng năm", is a cell of its own.)"""
    def text(k: int, col: int) -> str:
        return _cell_text(pending[k]["cells"][col]).strip() if 0 <= k < len(pending) and col < len(pending[k]["cells"]) else ""

    for col, field in sorted(fields.items()):
        if field not in ("lead", "support"):
            continue
        for k in range(1, len(pending)):
            if not _page_top(pending, k):
                continue
            rest, before = text(k, col), text(k - 1, col)
            if not rest or not starts_lower(rest) or not before or before[-1] in ".;:!?" \
                    or rest != text(k + 1, col) and before != text(k - 2, col):
                continue
            whole = [before if before.endswith(" " + rest) else f"{before} {rest}"]  # (a cut row's rest joined it already)
            i = k - 1
            while i >= 0 and text(i, col) == before and pending[i]["group"] == pending[k]["group"]:
                pending[i]["cells"][col] = list(whole)  # (the rows above the break that the merged cell spans)
                i -= 1
            j = k
            while j < len(pending) and col < len(pending[j]["cells"]) and _cell_text(pending[j]["cells"][col]).strip() == rest:
                pending[j]["cells"][col] = list(whole)
                name = SPANNED.get(field, field)
                warnings.append(warning("table-carried-down", f"row {pending[j]['no'] or j + 1} has a {name} cell in lower "
                                        f"case after a page break ('{rest}'): read as the end of row "
                                        f"{pending[k - 1]['no'] or k}'s, which the break cut (a merged cell?), and the "
                                        f"whole cell taken; it could instead be its own", pending[j]["loc"].as_dict()))
                j += 1
