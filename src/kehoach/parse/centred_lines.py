"""Rows of a space-aligned table whose cells are centred vertically on whole lines, the rows following
each other with no blank line (a text browser's dump of a web page's table, ``w3m -dump``: a cell
holds the middle of its row by default).

A row of ``h`` lines starting on line ``t`` sets a cell of ``c`` lines from line ``t + (h - c) // 2``:
its number (one line) stands on line ``t + (h - 1) // 2``, its tallest cell fills it. So the line of a
row's number and the row's first line leave two heights to choose from (an odd one and an even one),
and the choice is right when every cell of the row sits where that rule sets it. Rows are chosen
from the header down; the lines between the header's line and the first row belong to the header
(a header cell centred over more lines than the others), as few as leave a reading. A row with no number is allowed where one
line holds only a group's heading under its own number ("II. Xã hội số" in the task column). Where
several choices fit, the one whose cells break fewer lines that their column's width did not force
(a text browser wraps a cell's text to its column: a line ends where the next word would not fit)
and open fewer cells in lower case is best; the reading is taken only when one choice does best and
nothing in its cells is odd so; else None (the caller keeps its usual rows and warns). A cell merged over
rows (a page's ``rowspan``) is centred on the lines of all the rows it spans: when no reading fits, the rows are
read with one column left out (where exactly one column leaves a single reading), and that column's cells are
given to the rows they are centred over.
"""

from __future__ import annotations

from bisect import bisect_right

from .. import rx
from .aligned_cells import cell_text
from .blocks import Loc, Row
from .normalize import normalize_text

_GROUP = rx.compile(r"^(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})[.)]\s+\S")
"""A group's heading numbered in its own text: "II. Xã hội số", "B) Nhiệm vụ khác"."""
_WORD = rx.compile(r"\S+")


def whole_line_rows(taken: list[int], parts: list[list[str]]) -> tuple[int, list[Row]] | None:
    """The body rows read as cells centred on whole lines, with how many lines after the header's
    line (``parts[0]``) belong to the header; None when no single reading fits. ``taken`` are the
    source lines (0-based), ``parts`` their cells."""
    if len(taken) < 3 or any(b != a + 1 for a, b in zip(taken, taken[1:], strict=False)):
        return None  # a blank line or a page break inside: not rows packed line after line
    numbers = [p for p in range(1, len(taken)) if parts[p][0]]
    if not numbers:
        return None
    cells = [part for part in parts[1:] if not (part[0] and sum(map(bool, part)) == 2)]  # (a group's name runs on)
    widths = [max((len(part[c]) for part in cells), default=0) for c in range(len(parts[0]))]
    for first in range(1, numbers[0] + 1):  # the header's lines: as few as leave a reading
        found = _reading(parts, numbers, first, widths)
        if found is not None:  # (taken only when nothing in its cells is odd)
            return (first - 1, [_row(taken, parts, s, h) for s, h in found[1]]) if not found[0] and not found[2] else None
    return _merged_rows(taken, parts, numbers, widths)


def _merged_rows(taken: list[int], parts: list[list[str]], numbers: list[int], widths: list[int]) -> tuple[int, list[Row]] | None:
    """:func:`whole_line_rows` of a table with a cell merged over rows (a ``rowspan``: a text browser centres it
    on the lines of all the rows it spans, so it stands where no one row's centring sets it): the rows read
    with one column left out, when exactly one column leaves a single reading, and each of that column's
    cells given to the rows it is centred over (:func:`_spans`), in each of them (a merged cell is every
    row's); None otherwise."""
    found = []
    for col in range(1, len(parts[0])):
        for first in range(1, numbers[0] + 1):
            reading = _reading(parts, numbers, first, widths, col)
            if reading is not None:
                if not reading[0] and not reading[2]:
                    found.append((col, first, reading[1]))
                break
    if len(found) != 1:
        return None
    col, first, spans = found[0]
    given = _spans(parts, spans, col)
    if given is None:
        return None
    rows = [_row(taken, parts, s, h, col) for s, h in spans]
    for row, text in zip(rows, given, strict=True):
        if text:
            row.cells[col] = [text]
    return first - 1, rows


def _spans(parts: list[list[str]], spans: list[tuple[int, int]], col: int) -> list[str] | None:
    """The text of column ``col`` for each row of ``spans`` (first line, height). Each run of the column's
    lines is cut into cells, each centred on the rows it spans (their other lines empty in the column): the way
    that merges the fewest rows (two cells of rows next to each other touch, as one merged over both would);
    None when a run has no such way, or two that merge as few."""
    out = [""] * len(spans)
    p = spans[0][0] if spans else 0
    end = spans[-1][0] + spans[-1][1] if spans else 0
    while p < end:
        if not parts[p][col]:
            p += 1
            continue
        q = p
        while q < end and parts[q][col]:
            q += 1
        cut = _cut_run(parts, spans, col, p, q)
        if cut is None:
            return None
        for u, v, a, b in cut:
            text = normalize_text(cell_text([parts[x][col] for x in range(u, v)]))
            for r in range(a, b + 1):
                out[r] = text
        p = q
    return out


def _cut_run(parts: list[list[str]], spans: list[tuple[int, int]], col: int, p: int, q: int) -> list[tuple[int, int, int, int]] | None:
    """Lines ``p`` to ``q`` of column ``col`` cut into cells (first line, end, first row, last row), see :func:`_spans`."""
    def centred(u: int, v: int, a: int, b: int) -> bool:
        top, bottom = spans[a][0], spans[b][0] + spans[b][1]
        return top <= u and v <= bottom and u == top + (bottom - top - (v - u)) // 2 \
            and not any(parts[x][col] for x in range(top, bottom) if not u <= x < v)

    best: dict[int, tuple[int, bool, list[tuple[int, int, int, int]]]] = {p: (0, False, [])}
    for u in range(p, q):
        if u not in best:
            continue
        merged, tied, cells = best[u]
        for v in range(u + 1, q + 1):
            for a in range(len(spans)):
                for b in range(a, len(spans)):
                    if centred(u, v, a, b):
                        cost, old = merged + b - a, best.get(v)
                        if old is None or cost < old[0]:
                            best[v] = (cost, tied, [*cells, (u, v, a, b)])
                        elif cost == old[0]:
                            best[v] = (cost, True, old[2])
    found = best.get(q)
    return found[2] if found is not None and not found[1] else None


def paged_rows(taken: list[int], parts: list[list[str]], broken: list[bool]) -> tuple[int, list[Row]] | None:
    """:func:`whole_line_rows` page by page: a text browser's table that a page break cut in two (each part
    packed, a blank line or a page number between them, the header maybe repeated: its lines blanked). The
    first row of each later part is marked after a break; None when a part has no single reading. A part of one
    line is cut at the first part's columns; when it leaves the last column empty it may be a table the browser set
    at columns of its own (one line cannot show them): its row says so."""
    runs: list[list[int]] = []
    for p in range(len(taken)):
        if p == 0 or broken[p]:
            runs.append([])
        if p == 0 or any(parts[p]):  # (page numbers and a repeated header are blanked)
            runs[-1].append(p)
    first = whole_line_rows([taken[p] for p in runs[0]], [parts[p] for p in runs[0]])
    if first is None or len(runs) < 2:
        return first
    head, rows = first
    blank = [""] * len(parts[0])
    for run in runs[1:]:
        if not run:
            continue
        if len(run) == 1 and parts[run[0]][0]:
            alone = _row(taken, parts, run[0], 1)
            if not parts[run[0]][-1]:  # (short of the last column: maybe a table of its own the browser set narrower)
                alone.doubts.append(("table-misaligned", f"line {taken[run[0]] + 1}: a row alone after a page break, "
                                     "short of the last column: its cells were cut at the columns before the break "
                                     "(a part set at columns of its own?); check the row"))
            got: tuple[int, list[Row]] | None = (0, [alone])
        else:  # (an empty line stands for the header the part lacks)
            got = whole_line_rows([taken[run[0]] - 1, *[taken[p] for p in run]], [blank, *[parts[p] for p in run]])
        if got is None or got[0]:
            return None
        got[1][0].after_break = True
        rows += got[1]
    return head, rows


def _reading(parts: list[list[str]], numbers: list[int], first: int,
             widths: list[int], loose: int = -1) -> tuple[int, list[tuple[int, int]], bool] | None:
    """The best way to cut lines ``first`` to the end into centred rows: (what its cells hold that cells
    rarely do, see :func:`_odd`; its rows as (first line, height); whether another way does as well);
    None when there is none. ``loose``: a column whose cells are not looked at (one merged over rows)."""
    end = len(parts)
    best: dict[tuple[int, int], tuple[int, list[tuple[int, int]], bool]] = {(first, 0): (0, [], False)}
    while True:  # (row's first line, numbers read) -> the best reading up to there, in line order
        open_ = [key for key in best if key[0] < end or key[1] < len(numbers)]
        if not open_:
            break
        key = min(open_)
        score, spans, tied = best.pop(key)
        top, r = key
        for span, used in _next_rows(parts, top, numbers[r:r + 2], end, loose):
            nxt = (span[0] + span[1], r + used)
            cost = score + _odd(parts, span, widths, loose)
            old = best.get(nxt)
            if old is None or cost < old[0]:
                best[nxt] = (cost, [*spans, span], tied)
            elif cost == old[0]:
                best[nxt] = (old[0], old[1], True)
    return best.get((end, len(numbers)))


def _odd(parts: list[list[str]], span: tuple[int, int], widths: list[int], loose: int = -1) -> int:
    """What the row's cells hold that cells rarely do: a line break that its column's width did not
    force (the next line's first word would have fitted on the line above: a text browser wraps a
    cell's text to its column) and a first line in lower case (a cell opens with a capital or a figure)."""
    top, height = span
    odd = 0
    for c, width in enumerate(widths):
        held = [parts[p][c] for p in range(top, top + height) if parts[p][c] and c != loose]
        odd += bool(held) and held[0][:1].islower()
        odd += sum(len(above) + 1 + len(below.split()[0]) <= width for above, below in zip(held, held[1:], strict=False))
    return odd


def _next_rows(parts: list[list[str]], top: int, mids: list[int], end: int, loose: int = -1) -> list[tuple[tuple[int, int], int]]:
    """The rows that can start on line ``top``: ((first line, height), numbers used), a group's
    heading on a line of its own, or the row numbered on line ``mids[0]`` ending before ``mids[1]``."""
    out: list[tuple[tuple[int, int], int]] = []
    if top < end and (not mids or top < mids[0]) and _group_line(parts[top]):
        out.append(((top, 1), 0))
    if mids and top <= mids[0]:
        below = mids[1] if len(mids) > 1 else end
        offset = mids[0] - top
        for height in (2 * offset + 1, 2 * offset + 2):
            if top + height <= below and _fits(parts, top, height, loose):
                out.append(((top, height), 1))
    return out


def _group_line(cells: list[str]) -> bool:
    held = [c for c in cells if c]
    return not cells[0] and len(held) == 1 and bool(_GROUP.match(held[0]))


def _fits(parts: list[list[str]], top: int, height: int, loose: int = -1) -> bool:
    """Every cell of the row (but column ``loose``'s) sits where centring sets it, and its tallest cell (the loose
    column's lines in the row counted as one) fills it."""
    tallest = 0
    for c in range(len(parts[top])):
        held = [p for p in range(top, top + height) if parts[p][c]]
        if not held:
            continue
        if c == loose:
            tallest = max(tallest, len(held))
            continue
        if held[-1] - held[0] + 1 != len(held) or held[0] != top + (height - len(held)) // 2:
            return False
        tallest = max(tallest, len(held))
    return tallest == height


def _row(taken: list[int], parts: list[list[str]], start: int, height: int, loose: int = -1) -> Row:
    span = range(start, start + height)
    cells = [[parts[p][c] for p in span if parts[p][c]] if c != loose else [] for c in range(len(parts[start]))]
    return Row([[text] if (text := normalize_text(cell_text(cell))) else [] for cell in cells],
               Loc(taken[start] + 1), [taken[p] + 1 for p in span])


def lines_above(lines: list[str], first: int, count: int, starts: list[int]) -> list[list[str]]:
    """The header's lines above its line ``first`` (0-based) cut into columns at ``starts``: a header
    whose cells are centred holds as many lines above the line of its first cell as below it, or one
    fewer (``count``: those below). Taken up to a blank line, while no word crosses a column's start."""
    out: list[list[str]] = []
    for k in range(first - 1, max(-1, first - 1 - count), -1):
        line = lines[k].replace("\f", "").rstrip()
        if not line.strip():
            break
        cells: list[list[str]] = [[] for _ in starts]
        for m in _WORD.finditer(line):
            col = bisect_right(starts, m.start()) - 1
            if col < 0 or (col + 1 < len(starts) and m.end() > starts[col + 1]):
                return out[::-1]
            cells[col].append(m.group(0))
        out.append([" ".join(c) for c in cells])
    return out[::-1]



def opens_above(parts: list[list[str]]) -> bool:
    """A row's number line whose cell goes on from the line above in lower case (read top-aligned, the
    row's cell would open mid-sentence): the rows' cells start above their numbers."""
    return any(parts[p][c][:1].islower() and parts[p - 1][c] and not parts[p - 1][0]
               for p in range(2, len(parts)) if parts[p][0] for c in range(1, len(parts[p])))
