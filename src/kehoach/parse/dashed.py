"""Tables as pandoc writes them in Markdown and plain text (``pandoc -t markdown`` or ``-t plain`` of a Word
file), their columns given by a line of dash runs under the header:

multiline tables (cells wrapped over lines, a blank line after each row, a rule above and below)::

      ----------------------------------------------
      TT     Nội dung          Chủ trì       Thời
                                             gian
      ------ ----------------- ------------- -------
      1      Rà soát quy hoạch Sở Khoa học   Quý
             hạ tầng           và Công nghệ  III/2026

      ----------------------------------------------

and simple tables (a row a line, a blank line after the table)::

      TT  Nội dung   Chủ trì
      --- ---------- --------
      1   Rà soát    Sở Nội vụ

The dash runs say exactly where each column starts, so the cells are cut there (a column of text wider than its
run never happens: pandoc wraps it). A table whose words cross a cut (another tool's text that merely looks so)
is not read here. Without a header the table opens and closes with the line of dash runs."""

from __future__ import annotations

from .. import rx
from .aligned_cells import cell_text
from .blocks import Loc, Row
from .normalize import normalize_text

_EXTENTS = rx.compile(r"^ *-{3,}(?: +-{3,})+ *$")
"""The line of dash runs under a header: one run a column."""
_RULE = rx.compile(r"^ *-{3,} *$")
"""A multiline table's rule, above its header and below its last row."""
_RUN = rx.compile(r"-{3,}")
_MAX_HEADER = 4
"""Header lines above the dash runs, at most (a wrapped header cell)."""


def dashed_tables(lines: list[str]) -> dict[int, tuple[list[Row], int]]:
    """Every pandoc multiline or simple table in ``lines``: its first line's index -> (rows, the index of the
    line after it)."""
    out: dict[int, tuple[list[Row], int]] = {}
    end = 0
    for e, line in enumerate(lines):
        if e < end or not line.lstrip(" ").startswith("---") or not _EXTENTS.match(line):
            continue
        found = _table(lines, e)
        if found is not None:
            start, rows, end = found
            out[start] = (rows, end)
    return out


def _table(lines: list[str], e: int) -> tuple[int, list[Row], int] | None:
    """(first line, rows, line after) of the table whose line of dash runs is ``lines[e]``."""
    starts = [m.start() for m in _RUN.finditer(lines[e])]
    top = e
    while top > 0 and e - top < _MAX_HEADER and lines[top - 1].strip() and not _RULE.match(lines[top - 1]):
        top -= 1
    ruled = top > 0 and bool(_RULE.match(lines[top - 1]))
    if top < e and not ruled and top > 0 and lines[top - 1].strip():
        return None  # text right above: no header of a table
    head = list(range(top, e))
    if ruled:  # a multiline table: rows parted by blank lines, a rule below the last
        groups, after = _blocks(lines, e + 1, closing=_RULE)
        start = top - 1
    elif head:  # a simple table: a row a line up to a blank line
        groups, after = _lines(lines, e + 1)
        start = top
    else:  # no header: opened and closed by the dash runs, rows one a line or parted by blank lines
        groups, after = _blocks(lines, e + 1, closing=_EXTENTS)
        start = e
        if len(groups) == 1 and len(groups[0]) >= 3 and len(starts) > 1 \
                and 3 * sum(1 for n in groups[0] if lines[n][:starts[1]].strip()) >= 2 * len(groups[0]):
            # no blank line between rows, two lines in three opening the first column (a number; a group row's
            # is empty): a simple table with no header, a row a line, not one row of a multiline table
            groups = [[n] for n in groups[0]]
    if not groups or after is None:
        return None
    rows: list[Row] = []
    for group in ([head] if head else []) + groups:
        row = _row(lines, group, starts)
        if row is None:
            return None
        rows.append(row)
    return start, rows, after


def _blocks(lines: list[str], i: int, closing) -> tuple[list[list[int]], int | None]:
    """The rows from line ``i`` (each its lines up to a blank line) and the index after the closing line."""
    groups: list[list[int]] = []
    cur: list[int] = []
    while i < len(lines):
        line = lines[i]
        if closing.match(line):
            if cur:
                groups.append(cur)
            return groups, i + 1
        if not line.strip():
            if cur:
                groups.append(cur)
            cur = []
        else:
            cur.append(i)
        i += 1
    return groups, None  # no closing line: not a table


def _lines(lines: list[str], i: int) -> tuple[list[list[int]], int | None]:
    """A simple table's rows from line ``i``: a line each, up to a blank line (or a closing line of dashes)."""
    groups: list[list[int]] = []
    while i < len(lines) and lines[i].strip():
        if _RULE.match(lines[i]) or _EXTENTS.match(lines[i]):
            return groups, i + 1
        groups.append([i])
        i += 1
    return groups, i


def _row(lines: list[str], group: list[int], starts: list[int]) -> Row | None:
    """The row of the lines ``group``, cut at the columns' ``starts``; None when a word crosses a cut."""
    columns: list[list[str]] = [[] for _ in starts]
    for n in group:
        line = lines[n].rstrip()
        for k, s in enumerate(starts):
            if 0 < s < len(line) and line[s - 1] != " " and line[s] != " ":
                return None
            if k == 0 and line[:s].strip():
                return None  # text left of the first column
            piece = line[s:starts[k + 1]] if k + 1 < len(starts) else line[s:]
            if piece.strip():
                columns[k].append(piece.strip())
    cells = [[text] if (text := normalize_text(cell_text(c))) else [] for c in columns]
    return Row(cells, Loc(group[0] + 1), [n + 1 for n in group])
