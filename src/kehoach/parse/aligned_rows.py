"""Which lines of a space-aligned table start its rows (:mod:`kehoach.parse.aligned`): a line with text in
the first column, or, when cells are centred vertically, each run of lines between blank lines (a group's
name and the header parted off the run they share with a row), the rows that a blank line does not set
apart warned as in doubt."""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.table_header import HEADER_ROW_WORDS

HEADER_WORD = rx.compile(HEADER_ROW_WORDS)
_ROW_WORDS = 4
_BELOW_ROWS = 1


def _runs(broken: list[bool]) -> list[list[int]]:
    """Line positions grouped into runs between breaks (a blank line, a page number, a form feed)."""
    runs: list[list[int]] = []
    for p, brk in enumerate(broken):
        if brk or not runs:
            runs.append([p])
        else:
            runs[-1].append(p)
    return runs


def row_starts(taken: list[int], parts: list[list[str]], broken: list[bool],
               exact: bool = True) -> tuple[set[int], dict[int, list[str]], str | None]:
    """Which lines start a row, a doubt for rows whose lines may belong to their neighbours, and where a cell
    merged down over rows stands (:attr:`Row.spans_unseen`).

    A line with text in the first column starts a row, the lines under it go on in its cells. When
    a row's number stands below some of its lines (cells centred vertically) and the rows are set
    apart by blank lines, each run of lines between blank lines is one row instead (the header's lines and a
    group's name parted off the run they share with the row under them: a text browser sets no blank line
    under them), and where a few runs hold two rows (a cell merged over both), those rows are read as below,
    in doubt (only where the cells were cut ``exact``, no line's text right before a column's start: a doubt on
    the rows covers the cells' words shared out between touching columns). When they are not,
    the lines between two numbers cannot be shared out between the two rows: the rows are read as
    usual, each with a doubt. A cell merged over rows stands in the first of them when cells are set at the
    top, and in any when they are centred; with rows set apart by blank lines, its text would stand between
    them: an empty cell there is empty."""
    numbered = [p for p in range(len(taken)) if p == 0 or parts[p][0]]
    runs = _runs([b or exact and not any(parts[p]) for p, b in enumerate(broken)])  # (a page's furniture parts runs too)
    centred = [run for run in runs[1:] if not parts[run[0]][0] and any(parts[p][0] for p in run)]
    if not centred and not _header_run_holds_a_row(runs[0], parts) and not _cells_start_below(numbered, parts):
        return set(numbered), {}, "top"
    parted = [part for run in runs for part in _groups_parted(run, parts)] if exact else runs
    numbers = [[p for p in run if p == 0 or parts[p][0]] for run in parted]
    packed = [k for k, nums in enumerate(numbers) if len(nums) > 1]
    if not packed:
        return {run[0] for run, nums in zip(parted, numbers, strict=True) if nums}, {}, None
    apart = exact and sum(1 for nums in numbers if len(nums) == 1) >= max(2, 2 * len(packed))
    if apart:  # rows set apart by blank lines but a few (a cell merged over them): those few are in doubt
        numbered = sorted({run[0] for run, nums in zip(parted, numbers, strict=True) if nums} |
                          {p for k in packed for p in numbers[k][1:]})
    pairs = [(a, b) for k in packed for a, b in zip(numbers[k], numbers[k][1:], strict=False)] if apart else \
        list(zip(numbered, numbered[1:], strict=False))
    doubts: dict[int, list[str]] = {}
    for before, p in pairs:
        if not broken[p] and not parts[p - 1][0]:
            first, last = taken[before] + 2, taken[p]
            span = f"line {first}" if first == last else f"lines {first}-{last}"
            above = f"row {parts[before][0]}" if before > 0 else "the header"
            doubt = (f"{span} between {above} and row {parts[p][0]} may belong to either (cells centred in rows not "
                     "set apart by blank lines); check these rows")
            for row in {before if before > 0 else p, p}:  # (said at both rows: either may be read wrong)
                doubts.setdefault(_start_of(row, numbered), []).append(doubt)
    return set(numbered), doubts, None if apart else "middle"


def _start_of(p: int, starts: list[int]) -> int:
    """The row start at or above line position ``p``."""
    return max((s for s in starts if s <= p), default=p)


def _groups_parted(run: list[int], parts: list[list[str]]) -> list[list[int]]:
    """A run of lines between blank lines parted after the header's lines and after each group row (a
    number and one cell of text: a group's name in cells merged across the row) that a row's lines follow
    with no blank line between (a text browser sets no blank line under a group's name, nor under the
    header); the run as it is when no row's number follows them."""
    marks = [k for k, p in enumerate(run) if p == 0 or parts[p][0] and parts[p][1] and not any(parts[p][2:])]
    if not marks or not any(parts[p][0] for p in run[marks[-1] + 1:]):
        return [run]
    if run[0] == 0:  # the header: its lines go on up to the first group row, or the first row's first line
        marks = marks[1:]
        if not marks:
            rows = [k for k, p in enumerate(run) if p and parts[p][0]]
            if len(rows) != 1:
                return [run]
            first = next((k for k in range(1, rows[0]) if _opens_cell(parts[run[k]])), rows[0])
            return [run[:first], run[first:]]
    out = [run[:marks[0]]]
    for k, m in enumerate(marks):
        end = marks[k + 1] if k + 1 < len(marks) else len(run)
        out += [run[m:m + 1], run[m + 1:end]] if m + 1 < end else [run[m:m + 1]]
    return [part for part in out if part]


def _opens_cell(cells: list[str]) -> bool:
    """A line under the header that may open a row's cell (a capital or a figure, no header word, or more words
    than a header's line holds): maybe a row's line (a header cell's wrapped words go on in lower case: "Cơ
    quan chủ" over "trì")."""
    return any(len(c.split()) >= _ROW_WORDS or (c[:1].isupper() or c[:1].isdigit()) and not HEADER_WORD.search(ascii_fold(c))
               for c in cells if c)


def _cells_start_below(numbered: list[int], parts: list[list[str]]) -> bool:
    """Read top-aligned, a row whose cell starts below the row's number line: in a table whose cells
    are set at the top every cell starts on it, so these cells are centred."""
    below = 0
    if len(numbered) < 2:
        return False  # no row after the first to judge by
    for start, end in zip(numbered[1:], [*numbered[2:], len(parts)], strict=True):
        below += any(not parts[start][c] and any(parts[p][c] for p in range(start + 1, end))
                     for c in range(1, len(parts[start])))
    return below >= _BELOW_ROWS


def _header_run_holds_a_row(run: list[int], parts: list[list[str]]) -> bool:
    """Lines between the header and the first row number that are no header words: the first row's
    own lines above its number."""
    body = [p for p in run if parts[p][0] and p > 0]
    above = [p for p in run if 0 < p < body[0]] if body else []
    return any(len(cell.split()) >= _ROW_WORDS and not HEADER_WORD.search(ascii_fold(cell))
               for p in above for cell in parts[p])
