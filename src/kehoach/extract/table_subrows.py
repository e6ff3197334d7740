"""Sub-rows of a task row: one deliverable and its time each, the task's number, its words, its lead and its
supporters merged down over them ("2 | Khảo sát nhu cầu | Phiếu khảo sát | Tháng 3/2027 | Phòng A | Phòng B" over
"Báo cáo kết quả | Tháng 9/2027"). A Word table repeats a merged cell in each row it spans, so a sub-row comes
with the number and the task of the row above; a portal's scrape writes a merged cell once, so a sub-row comes with
only its own cells, and the scrape may fuse two sub-rows into one row, an empty cell between them. Either way the
sub-row goes on the task: its cells are added to the task's, and the task's deadline runs to the last time."""

from __future__ import annotations

from ..diagnostics import warning
from .dates import text_to_deadline
from .table_header import _cell_text

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    from ..model import PlanWarning
    from ..parse.blocks import Row

_TASK_FIELDS = {"no", "title", "lead", "support", "combined", "group"}
"""Columns a sub-row never holds: they are the task's, merged down over it."""


def fold_sub_row(row: Row, no: str, above: dict, fields: dict[int, str], width: int,
                 warnings: list[PlanWarning]) -> bool:
    """Whether ``row`` is a sub-row of the task row ``above`` (a reader's pending row); if so its cells go on
    ``above``'s and a ``table-sub-rows`` warning says so."""
    cols = {f: i for i, f in fields.items()}
    if "deadline" not in cols or "title" not in cols or "no" not in cols:
        return False
    placed = _repeated(row.cells, no, above, cols) if no == above["no"] else _short(row.cells, no, cols, width)
    if not placed:
        return False
    cells = above["cells"]
    for i, paragraphs in sorted(placed.items()):
        cells.extend([] for _ in range(i + 1 - len(cells)))
        cells[i] = [*cells[i], *paragraphs]
    above["lines"].extend(row.lines)
    warnings.append(warning("table-sub-rows", f"a row under row {above['no']} repeats or leaves out its number, task "
                            f"and agencies (cells merged down) and gives a time of its own: read as a sub-row of it, "
                            f"its deadline running to the last time", row.loc.as_dict()))
    return True


def _repeated(cells: list[list[str]], no: str, above: dict, cols: dict[str, int]) -> dict[int, list[str]] | None:
    """A Word table's sub-row: the number and the task repeat the row above's, a time differs."""
    t = cols["title"]
    title = _cell_text(cells[t]) if t < len(cells) else ""
    if not no or not title or t >= len(above["cells"]) or title != _cell_text(above["cells"][t]):
        return None
    own = {i: list(c) for i, c in enumerate(cells) if i not in (cols["no"], t) and _cell_text(c)
           and (i >= len(above["cells"]) or _cell_text(c) != _cell_text(above["cells"][i]))}
    d = cols["deadline"]
    if d not in own or any(i in own for f, i in cols.items() if f in _TASK_FIELDS):
        return None
    return own


def _short(cells: list[list[str]], no: str, cols: dict[str, int], width: int) -> dict[int, list[str]] | None:
    """A scrape's sub-row: a row of a few cells opening with words, not a number; its runs of cells (apart by an
    empty cell, where the scrape fused two sub-rows) each hold one time and are put so that it falls in the
    deadline column, over no column of the task's own."""
    if len(no.split()) < 2:
        return None
    runs: list[list[list[str]]] = [[]]
    for c in cells:
        if _cell_text(c):
            runs[-1].append(c)
        elif runs[-1]:
            runs.append([])
    runs = [r for r in runs if r]
    if not runs or sum(len(r) for r in runs) > width - 2:
        return None
    own = {i for f, i in cols.items() if f in _TASK_FIELDS}
    placed: dict[int, list[str]] = {}
    for run in runs:
        times = [k for k, c in enumerate(run) if _is_time(_cell_text(c))]
        if len(times) != 1:
            return None
        start = cols["deadline"] - times[0]
        if start < 0 or start + len(run) > width or own & set(range(start, start + len(run))):
            return None
        for k, c in enumerate(run):
            placed.setdefault(start + k, []).extend(c)
    return placed


def _is_time(text: str) -> bool:
    d = text_to_deadline(text)
    return bool(d["end"] or d["recurrence"])
