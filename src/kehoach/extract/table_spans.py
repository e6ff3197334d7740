"""Support and deadline cells merged down over several rows, in a table whose reader cannot see merges.

A word processor's text export writes a cell merged over rows once, in the first row of its span, and leaves
the others empty; the printed page's text layout prints it once too, at the top of its span, or in its middle
when the table centres its cells. Nothing in the text tells such an empty cell from one the author left
empty. A support or deadline column whose empty cells all stand right below a filled one (or, in a table
whose cells are centred, right above one) is read as merged there: each empty cell takes the filled one above
it (or, in a group's first rows, below it), and a warning at the row says so and names the other readings
(none, or the filled cell on the other side).
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
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


def _empty_runs(pending: list[dict], col: int, pair: tuple[int, ...], centred: bool) -> list[tuple[list[int], int | None, int | None]] | None:
    """The column's runs of empty cells, each with the filled rows just above and below it in its group; None when
    one run cannot be a merge (nothing above it; nothing below it either, or the table does not centre its cells),
    or when the column is empty throughout. A cell counts as filled when one of the columns ``pair`` is."""
    def filled(k: int) -> bool:  # (a time across start and end is written once, in the start column)
        cells = pending[k]["cells"]
        return any(c < len(cells) and _cell_text(cells[c]).strip() for c in pair)

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
