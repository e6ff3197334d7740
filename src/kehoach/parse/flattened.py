"""A table flattened to one cell a line, read back by its columns.

A word processor's plain-text export (LibreOffice's "Text (.txt)") writes every table cell on a line
of its own, and every paragraph of a cell too; an empty cell is an empty line, a cell merged down
from the row above is an empty line, and a cell merged across columns is written once. Nothing marks
where a row or a cell ends. This reader takes such a table back:

- the header: the cells from a numbering column's header ("STT", "TT") down to the first row number;
  a second header row (after the first row's merged-down cells, written empty) places its cells
  under the first row's spanning cell ("Thời gian thực hiện" over "Bắt đầu" / "Hoàn thành");
- the rows: each starts at the row number that follows the one before ("1", "2", "I", "A.", "1.1",
  "a" under "1", numbering restarting under a group row); the table's next piece after a page break, its
  header repeated, goes on (:mod:`.flattened_breaks`);
- the cells of a row: the lines between two row numbers are shared out among the columns in order,
  each column taking one line, several (a cell of several paragraphs: agencies one a line) or none
  (merged into the cell before), choosing the sharing whose lines best fit their column (an agency's
  name under "chủ trì" / "phối hợp", a time under "Thời gian", words under "Nội dung"). When two
  sharings fit nearly as well the row is kept with a doubt (a warning on its line).

A table without a numbering column starts at a header cell of its first column ("Nhiệm vụ") and is
cut into rows over the whole table, each row's lines fitting its columns, until they fit no more.
"""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.dates import YEAR
from ..vocab.table_header import COLUMN_WORDS, NUMBER_HEADER, SUB_COLUMN_WORDS
from .blocks import Loc, Row
from .flattened_breaks import header_row, piece_end, repeated_header
from .flattened_cells import (
    FIGURE_SPAN,
    FIT,
    MAX_CELL,
    TAKEN,
    cost,
    family,
    kind,
    sharing,
    span_costs,
)
from .flattened_numbers import Numbers, first_group, group_marker, group_row, next_group
from .normalize import normalize_text

_COLUMNS = [(f, rx.compile(p)) for f, p in COLUMN_WORDS if f != "no"]
_SUB_COLUMNS = [(f, rx.compile(rf"^(?:{p})$")) for f, p in SUB_COLUMN_WORDS]
_YEAR_CELL = rx.compile(rf"^(?:(?:uoc\s+)?thuc\s+hien\s+)?(?:nam\s+)?{YEAR}$")
"""A column of one year's figures or marks: "2026", "Năm 2026", "(Ước) thực hiện năm 2025" (folded)."""
_TOTAL = rx.compile(r"^(?:Tổng\s+cộng|Tổng\s+số|Cộng|TỔNG\s+CỘNG|CỘNG)\b")
"""A table's total row, whose number cell is empty."""
_SECTION = rx.compile(r"^(?:[IVXL]{1,6}\.\s+\p{Lu}|PHỤ\s+LỤC|Phụ\s+lục\s|Nơi\s+nhận)")

HEAD_CELL = 50
"""The longest header cell of a table with no numbering column."""
MAX_COLUMNS = 10
"""The most columns a table with no numbering column is read with."""
MAX_LINES = 600
"""The most lines a table with no numbering column is read over."""


def flattened_tables(lines: list[str]) -> dict[int, tuple[list[Row], int]]:
    """Every table in ``lines`` written one cell a line: its first line's index -> (rows, the index
    of the line after it)."""
    out: dict[int, tuple[list[Row], int]] = {}
    if lines and not lines[-1].strip():  # what follows the text's last line end, not an empty cell
        lines = lines[:-1]
    i = 0
    while i < len(lines):
        text = lines[i].strip()
        found = None
        if not text:
            pass
        elif len(text) < 12 and text[0] in "STst" and NUMBER_HEADER.match(ascii_fold(text).lower()):
            found = read_flattened(lines, i)
        elif 3 < len(text) <= HEAD_CELL and text[0].isupper() and "  " not in text and "|" not in text \
                and _short(lines, i + 1) and _short(lines, i + 2) and _field(text) in ("title", "lead", "combined"):
            # (two runs: space-aligned; a pipe: a pipe table's header, its line wrapped at a width)
            found = read_unnumbered(lines, i)
        if found is not None:
            for row in found[0]:
                row.spans_unseen = "top"  # a cell merged down is written once, in the first row of its span
            out[i] = found
            i = found[1]
            continue
        i += 1
    return out


def _short(lines: list[str], i: int) -> bool:
    """Whether line ``i`` may be a header cell: there, not blank, not long."""
    return i < len(lines) and 0 < len(lines[i].strip()) <= HEAD_CELL


def read_flattened(lines: list[str], i: int) -> tuple[list[Row], int] | None:
    """The table whose numbering column's header is line ``i``, or None when the lines after it are
    not a task table's header cells one a line."""
    head = _header(lines, i)
    if head is None:
        return None
    header_rows, names, k = head
    fields = [_field(t) for t in names]
    rows = list(header_rows)
    numbers = Numbers()
    while k < len(lines):
        group = group_row(lines, k, numbers, len(names) + 1)
        if group is not None:  # "I. Nhóm chỉ tiêu …": a group row, its number and title in one cell
            rows.append(group[0])
            k = group[1]
            continue
        total = not lines[k].strip() and k + 1 < len(lines) and _TOTAL.match(lines[k + 1].strip()) is not None
        again = repeated_header(lines, k, names) if not total and not lines[k].strip() else None
        cut = False
        if again is not None:  # the table's next piece after a page break, its header repeated
            rows.append(header_row(lines, k, again))
            k = again
            cut = k < len(lines) and not lines[k].strip()  # the row the break cut: its number cell empty
        if not (total or cut or k < len(lines) and numbers.take(lines[k].strip())):
            break
        end = _row_end(lines, k + 1)
        nxt = end if total else _next_row(lines, k + 1, end, numbers, len(names))
        if nxt == end and not total and repeated_header(lines, end, names) is not None:
            nxt = piece_end(lines, k + 1, end)  # (the empty paragraph between the pieces is no cell)
        if nxt < len(lines) and next_group(lines[nxt].strip(), numbers):
            nxt = _before_group(lines, k + 1, nxt, fields)
        for n, (start, cells, doubt) in enumerate(_sub_rows(lines, k + 1, nxt, fields, nxt >= end)):
            used = start + sum(len(c) for c in cells)
            if n == 0:
                row = Row([_cell([lines[k]]), *(_cell(c) for c in cells)], Loc(k + 1), list(range(k + 1, used + 1)), after_break=cut)
            else:  # a sub-row: its number and task merged with the row's, two empty lines
                row = Row([[], [], *(_cell(c) for c in cells)], Loc(start - 1), list(range(start - 1, used + 1)))
            _doubt(row, f"row {lines[k].strip()}", doubt, names[n > 0:], cells)
            rows.append(row)
        k = used
    if len(rows) == len(header_rows):
        return None
    return rows, k


SUB_ROW = 1.0
"""How much better a row's lines must fit read as the row and its sub-rows than as one row."""


def _sub_rows(lines: list[str], s: int, e: int, fields: list[str], last: bool) -> list[tuple[int, list[list[str]], list[int]]]:
    """The row's lines ``s``…``e`` shared out among its columns: (first line, cells, doubt). Two empty lines
    where a row's number and task would stand, then cells (a sub-row whose number and task are merged with the
    row's: another agency's lead, support and time) part the row from its sub-rows, each read on its own, when
    that fits clearly better than one row."""
    whole = sharing(lines[s:e], fields, last)
    cuts = [j for j in range(s + 1, e - 2) if not lines[j].strip() and not lines[j + 1].strip() and lines[j + 2].strip()]
    if not cuts:
        return [(s, whole[1], whole[2])]
    edges = [s, *cuts, e]
    parts = []
    for n, (a, b) in enumerate(zip(edges, edges[1:], strict=False)):
        a += 2 * (n > 0)
        parts.append((a, sharing(lines[a:b], fields[n > 0:], last and b == e)))
    if sum(p[1][0] for p in parts) + SUB_ROW >= whole[0]:
        return [(s, whole[1], whole[2])]
    return [(a, found[1], found[2]) for a, found in parts]


def _before_group(lines: list[str], start: int, group: int, fields: list[str]) -> int:
    """Where the row whose lines start at ``start`` ends, before the group row at ``group``: the blank lines
    between are the group row's empty number cell, or this row's empty last cells (a deadline merged down:
    a blank line too): when the row's lines without them leave a column with no line of its own, as many of them
    as fit its columns best (the group row takes the rest, or none)."""
    end = group
    while end - 1 > start and not lines[end - 1].strip():
        end -= 1
    if end == group or all(sharing(lines[start:end], fields, last=False)[1]):
        return end
    costs = [(sharing(lines[start:end + t], fields, last=False)[0], t) for t in range(group - end + 1)]
    return end + min(costs)[1]


def read_unnumbered(lines: list[str], i: int) -> tuple[list[Row], int] | None:
    """A table with no numbering column whose header cells stand one a line from line ``i`` (each a
    column's words): its rows one after the other, each taking the lines that best fit its columns,
    up to a row whose lines fit them badly (the text after the table)."""
    k = i
    while k < len(lines) and k - i < MAX_COLUMNS and 0 < len(lines[k].strip()) <= HEAD_CELL \
            and _field(lines[k].strip()) != "extra":
        k += 1
    names = [line.strip() for line in lines[i:k]]
    fields = [_field(t) for t in names]
    if len(names) < 3 or not {"lead", "combined"} & set(fields) or "title" not in fields:
        return None
    rows = [Row([[t] for t in names], Loc(i + 1), list(range(i + 1, k + 1)))]
    for start, cells, doubt in _unnumbered_rows(lines, k, fields):
        k = start + sum(len(c) for c in cells)
        row = Row([_cell(c) for c in cells], Loc(start + 1), list(range(start + 1, k + 1)))
        _doubt(row, f"the row '{' '.join(cells[0][0].split()[:6])} …'", doubt, names, cells)
        rows.append(row)
    return (rows, k) if len(rows) > 1 else None


def _unnumbered_rows(lines: list[str], k: int, fields: list[str]) -> list[tuple[int, list[list[str]], list[int]]]:
    """The rows from line ``k`` with no number to start them: the lines cut into rows, and each row's
    into cells, so that over the whole table they fit their columns best (each line taken gains
    :data:`TAKEN`; the table ends where rows would cost more than they gain); each row as (its first
    line, cells, the columns in doubt)."""
    stop = k
    while stop < len(lines) and stop - k < MAX_LINES and not _SECTION.match(lines[stop].strip()):
        stop += 1
    texts = [line.strip() for line in lines[k:stop]]
    kinds = [kind(t) for t in texts]
    n, m = len(fields), len(texts)
    spans = span_costs(fields)
    best = [[0.0 if j == 0 else float("inf") for j in range(n)] for _ in range(m + 1)]
    choice: dict[tuple[int, int], tuple[int, int]] = {}
    for p in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            if j == 0 and (kinds[p] == "empty" or FIT[fields[0]][kinds[p]] > 1.0):
                continue  # a row opens with a line that fits its first column, or the table has ended
            for take in range(1, min(MAX_CELL, m - p) + 1):
                here = cost(fields[j], kinds[p:p + take])
                if here is None:
                    break
                for span, over in spans[j]:
                    over += FIGURE_SPAN * (span - 1) if kinds[p] == "mark" else 0.0
                    total = here + over - TAKEN * take + best[p + take][(j + span) % n]
                    if total < best[p][j]:
                        best[p][j], choice[(p, j)] = total, (take, span)
    out = []
    p = 0
    while (p, 0) in choice:
        start, cells, j = p, [], 0
        while j < n:
            take, span = choice[(p, j)]
            cells += [texts[p:p + take]] + [[] for _ in range(span - 1)]
            p, j = p + take, j + span
        out.append((k + start, cells, sharing(texts[start:p], fields, last=False)[2]))
    return out


def _doubt(row: Row, label: str, doubt: list[int], names: list[str], cells: list[list[str]]) -> None:
    """Add to ``row`` the doubt over the columns ``doubt``, whose lines could be shared out otherwise."""
    if not doubt:
        return
    said = "a table written one cell a line (a text export)"
    fields = [_field(names[j]) for j in doubt]
    if fields == ["lead", "support"]:
        message = (f"{label}: its agencies stand one a line under '{names[doubt[0]]}' and '{names[doubt[1]]}' ({said}): "
                   f"the first {len(cells[doubt[0]])} read as the lead, the rest as cooperating; check them")
    else:
        message = f"{label}: the lines under {', '.join(repr(names[j]) for j in doubt)} could be shared out otherwise ({said}); check them"
    row.doubts.append(("table-flattened", message))


def _cell(lines: list[str]) -> list[str]:
    return [t for t in (normalize_text(line) for line in lines) if t]


# --------------------------------------------------------------------------- the header
def _field(text: str) -> str:
    """The task field a header cell names ("extra" for a column the model has no field for)."""
    folded = ascii_fold(text).lower().strip()
    if _YEAR_CELL.match(folded):
        return "year"
    for name, pat in _SUB_COLUMNS:
        if pat.match(folded):
            return name
    if "chu tri" in folded and "phoi hop" in folded:
        return "combined"
    for name, pat in _COLUMNS:
        if pat.search(folded):
            return name
    return "extra"


def _header(lines: list[str], i: int) -> tuple[list[Row], list[str], int] | None:
    """The header rows (as a Word table's reader gives them), the name of each column after the
    numbering one, and the index of the first row's number."""
    k = i + 1
    cells: list[str] = []
    skip = 0
    while k < len(lines) and len(cells) < 40:
        text = lines[k].strip()
        skip = _column_numbers(lines, k)
        if skip or Numbers().take(text) or first_group(text):
            break
        if len(text) > 60:
            return None
        cells.append(text)
        k += 1
    while cells and not cells[-1] and k < len(lines) and first_group(lines[k].strip()):  # the group row's empty number cell
        cells.pop()
        k -= 1
    if k + skip >= len(lines) or not any(cells) or "|" in cells:  # "|" lines: a portal's scrape (see grid.py)
        return None
    if any(c and not c[0].isupper() and not c[0].isdigit() for c in cells):  # a wrapped cell's end: lines, not cells
        return None
    first = [lines[i].strip()]
    if "" in cells:  # a second header row, after the first row's cells merged down
        split = cells.index("")
        leaves = _under([*first, *cells[:split]], cells[split:])
        if leaves is None:
            return None
        rows = [Row([[t] if t else [] for t, _ in leaves], Loc(i + 1), list(range(i + 1, k + 1))),
                Row([[b or t] for t, b in leaves], Loc(i + 1), [])]
        names = [b or t for t, b in leaves]
    else:
        names = [*first, *cells]
        rows = [Row([[t] for t in names], Loc(i + 1), list(range(i + 1, k + 1)))]
    if skip:  # the row numbering the columns, as the Word table has it
        rows.append(Row([[lines[j].strip()] for j in range(k, k + skip)], Loc(k + 1), list(range(k + 1, k + skip + 1))))
    fields = {_field(t) for t in names[1:]}
    if not ({"lead", "combined", "title"} & fields or {"target", "year"} <= fields) or len(names) < 3:
        return None  # a task table, or a table of indicators ("Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026")
    return rows, names[1:], k + skip


_COLUMN_NO = rx.compile(r"\((\d{1,2})\)|(\d{1,2})")


def _column_numbers(lines: list[str], k: int) -> int:
    """How many lines from ``k`` number the header's columns, as official forms do under the header
    ("(1)", "(2)", … one a line; or "1", "2", … when the first row's "1" follows them): 0 when none."""
    n = 0
    while k + n < len(lines) and (m := _COLUMN_NO.fullmatch(lines[k + n].strip())) and int(m.group(1) or m.group(2)) == n + 1:
        n += 1
    if n < 3 or (not lines[k].strip().startswith("(") and (k + n >= len(lines) or lines[k + n].strip() not in ("1", "1.", "I", "I.", "A", "A."))):
        return 0
    return n


def _under(top: list[str], below: list[str]) -> list[tuple[str, str]] | None:
    """(the first header row's cell over it, or "" after a spanning cell's first column; the second
    row's cell) for each column: a second-row cell left empty is the top cell merged down, a run of
    second-row cells shares the one top cell over them."""
    out: list[tuple[str, str]] = []
    t = 0
    j = 0
    while j < len(below):
        if t >= len(top):
            return None
        if not below[j]:
            out.append((top[t], ""))
            j += 1
        else:
            run = j
            while j < len(below) and below[j]:
                j += 1
            groups = _groups(below[run:j], len(top) - t - _segments(below[j:]))
            if groups is None:
                return None
            for group in groups:
                out += [(top[t] if n == 0 else "", cell) for n, cell in enumerate(group)]
                t += 1
            continue
        t += 1
    return out if t == len(top) else None


def _segments(below: list[str]) -> int:
    """How many top cells the rest of a second header row needs at least: one per empty cell, one per run."""
    return sum(1 for n, c in enumerate(below) if not c or n == 0 or not below[n - 1])


def _groups(run: list[str], tops: int) -> list[list[str]] | None:
    """A run of second-row cells under ``tops`` top cells side by side ("Chủ trì | Phối hợp | Bắt đầu |
    Hoàn thành" under "Đơn vị thực hiện" and "Thời gian"): parted where the kind of column changes (agencies,
    times), else into equal parts; None when neither parts it so."""
    if tops <= 1:
        return [run] if tops == 1 else None
    cuts = [n for n in range(1, len(run)) if family(_field(run[n])) != family(_field(run[n - 1]))]
    if len(cuts) != tops - 1:
        if len(run) % tops:
            return None
        cuts = list(range(len(run) // tops, len(run), len(run) // tops))
    edges = [0, *cuts, len(run)]
    return [run[a:b] for a, b in zip(edges, edges[1:], strict=False)]


# --------------------------------------------------------------------------- the rows
def _row_end(lines: list[str], k: int) -> int:
    """Where a row from line ``k`` must end at the latest: a section heading, the next table's numbering
    column header ("STT": a table of indicators followed by the table of tasks) or the text's end."""
    end = k
    while end < len(lines) and end - k < MAX_CELL * 6 and not _SECTION.match(text := lines[end].strip()) \
            and not (len(text) < 12 and NUMBER_HEADER.match(ascii_fold(text).lower())):
        end += 1
    return end


def _next_row(lines: list[str], k: int, end: int, numbers: Numbers, columns: int) -> int:
    """The index of the next row's number after line ``k`` (``end`` when there is none). A cell holding the
    next number ("2" | "3" under "Năm 2030", then row "3") is no row's start when the same number comes again
    before the row has had a line for each of its ``columns``."""
    for n in range(k, end):
        text = lines[n].strip()
        mark = numbers.read(group_marker(text) or text)  # a row number, or a group row's ("B. Nhóm hai")
        if mark is not None and numbers.follows(*mark):
            again = [m for m in range(n + 1, min(end, k + columns + 1)) if lines[m].strip() == text]
            return again[0] if n - k < columns and again else n
    return end


