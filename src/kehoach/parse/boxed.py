"""Tables drawn with box characters, as a text browser draws a web page's table that has borders
(``w3m -dump`` of ``<table border="1">``): ``┌───┬───┐`` / ``│ a │ b │`` / ``├───┼───┤`` / ``└───┴───┘``
(or heavy and double lines), or in ASCII (``w3m -dump -no-graph``, ``links``): ``+-------+`` /
``|a  |b  |`` / ``|---+---|``.

Every cell is an area walled in by the drawing, so the cells are found as a picture is: the walls
are the vertical bars, the junctions and the runs of rule characters that fill the space between two
of them; each area the walls leave is one cell, whatever its span (a cell merged over rows is one
area across the part-rules of the rows beside it, its text maybe on the rule's line; a header cell
over two columns stands above a part-rule). The grid's columns start where some cell starts, its rows
where some cell's top is; a cell spanning columns is written in its first, one spanning rows in each
of its rows (as the HTML reader gives a ``rowspan``). A cell's lines are joined as a wrapped cell's
(a date cut at its slash is one date again), a blank line between them parting its paragraphs."""

from __future__ import annotations

import unicodedata

from .. import rx
from .aligned_cells import cell_text
from .blocks import Loc, Row
from .normalize import normalize_text

_BARS = "│┃║|"
_RULES = "─━═-="
_JOINS = "┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋┠┨┯┷┿╂┝┥┰┸╔╗╚╝╠╣╦╩╬╟╢╤╧╪╞╡╥╨╫┍┑┕┙┎┒┖┚"
BOX_TOP = rx.compile(r"^\s*(?:[┌┏╔┍┎][─━═┬┳┯┰╤╦]*[┐┓╗┑┒]|\+[-=]+(?:\+[-=]+)*\+)\s*$")
"""A table's top border: "┌───┬───┐", "╔═══╗", "+-------+" (w3m's ASCII border has no junctions)."""
_MAX_CELLS = 200_000
"""Character positions looked at, at most (a drawing larger than this is no plan's table)."""


def _is_join(line: str, x: int) -> bool:
    """A junction at ``x``: a box-drawing junction, or an ASCII "+" with a rule character beside it."""
    ch = line[x]
    if ch in _JOINS:
        return True
    return ch == "+" and any(0 <= y < len(line) and line[y] in "-=" for y in (x - 1, x + 1))


def _walls(line: str) -> list[bool]:
    """Which positions of a line of the drawing are walls: bars, junctions, and rule characters
    filling the whole space between two of those (a dash inside a cell's text is text)."""
    wall = [ch in _BARS or _is_join(line, x) for x, ch in enumerate(line)]
    x = 0
    while x < len(line):
        if wall[x]:
            x += 1
            continue
        end = x
        while end < len(line) and not wall[end]:
            end += 1
        if (x == 0 or wall[x - 1]) and end < len(line) and all(ch in _RULES for ch in line[x:end]):
            for y in range(x, end):
                wall[y] = True
        x = end
    return wall


def _extent(lines: list[str], start: int) -> int:
    """The index after the drawing whose top border is ``lines[start]``: its lines open with a wall
    character where the border does."""
    x0 = len(lines[start]) - len(lines[start].lstrip())
    i = start + 1
    while i < len(lines):
        line = lines[i].rstrip()
        if len(line) <= x0 or (line[x0] not in _BARS and not _is_join(line, x0)) or line[:x0].strip():
            break
        i += 1
        if line[x0] in "└┗╚┕┖" or (line[x0] == "+" and not _goes_on(lines, i, x0)):
            break  # the bottom border
    return i


def _goes_on(lines: list[str], i: int, x0: int) -> bool:
    """``lines[i]`` goes on with a drawing's row at ``x0`` (an ASCII rule between rows, "+---+---+")."""
    return i < len(lines) and len(lines[i]) > x0 and lines[i][x0] in _BARS and not lines[i][:x0].strip()


def _areas(grid: list[str], walls: list[list[bool]]) -> list[tuple[int, int, int, int, list[tuple[int, int]]]]:
    """The areas the walls leave: (top line, bottom line, left, right, the positions), in reading order."""
    seen = [[False] * len(row) for row in walls]
    out = []
    for y, row in enumerate(walls):
        for x, is_wall in enumerate(row):
            if is_wall or seen[y][x]:
                continue
            cells, todo = [], [(y, x)]
            seen[y][x] = True
            while todo:
                cy, cx = todo.pop()
                cells.append((cy, cx))
                for ny, nx in ((cy - 1, cx), (cy + 1, cx), (cy, cx - 1), (cy, cx + 1)):
                    if 0 <= ny < len(walls) and 0 <= nx < len(walls[ny]) and not walls[ny][nx] and not seen[ny][nx]:
                        seen[ny][nx] = True
                        todo.append((ny, nx))
            ys = [c[0] for c in cells]
            xs = [c[1] for c in cells]
            out.append((min(ys), max(ys), min(xs), max(xs), cells))
    return out


def _empty_areas(grid: list[str]) -> list[tuple[int, int, int, int, list[tuple[int, int]]]]:
    """Cells of no width: two bars side by side ("││", "||": an empty cell the browser gave no
    room), one area for each run of lines holding them, standing at the second bar."""
    out: list[tuple[int, int, int, int, list[tuple[int, int]]]] = []
    runs: dict[int, int] = {}  # column -> the line its run of double bars started on
    for y, line in enumerate([*grid, ""]):
        here = {x + 1 for x in range(len(line) - 1) if line[x] in _BARS and line[x + 1] in _BARS}
        for x in sorted(set(runs) - here):
            out.append((runs[x], y - 1, x, x, []))
            del runs[x]
        for x in here - set(runs):
            runs[x] = y
    return out


def _paragraphs(grid: list[str], cells: list[tuple[int, int]]) -> list[str]:
    """An area's text: its lines' characters in order, each line's stripped, joined as a wrapped
    cell's; a blank line inside it parts its paragraphs."""
    rows: dict[int, list[int]] = {}
    for y, x in cells:
        rows.setdefault(y, []).append(x)
    paras: list[list[str]] = [[]]
    for y in sorted(rows):
        text = "".join(grid[y][x] for x in sorted(rows[y])).strip()
        if text:
            paras[-1].append(text)
        elif paras[-1]:
            paras.append([])
    return [t for para in paras if (t := normalize_text(cell_text(para)))]


def boxed_table(lines: list[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of the table drawn with box characters whose top border is ``lines[start]``, and the
    index after it; None when the drawing holds fewer than two columns."""
    if not BOX_TOP.match(lines[start]):
        return None
    end = _extent(lines, start)
    grid = [unicodedata.normalize("NFC", line.replace("\f", "").rstrip()) for line in lines[start:end]]
    width = max(len(line) for line in grid)
    x0 = len(grid[0]) - len(grid[0].lstrip())
    if (end - start) * width > _MAX_CELLS:
        return None
    grid = [line.ljust(width) for line in grid]
    walls = [_walls(line) for line in grid]
    for row in walls:  # outside the drawing's left edge is no cell
        for x in range(x0):
            row[x] = True
    areas = [a for a in [*_areas(grid, walls), *_empty_areas(grid)] if a[2] > x0 and a[1] < len(grid) - 1 and a[0] > 0]
    closed = [a for a in areas if all(x < width - 1 for _, x in a[4])]
    if not closed:
        return None
    tops = sorted({a[0] for a in closed})
    lefts = sorted({a[2] for a in closed})
    if len(lefts) < 2:  # (one row: a table going on after a page break)
        return None
    texts = {id(a): _paragraphs(grid, a[4]) for a in closed}
    rows: list[Row] = []
    for r, top in enumerate(tops):
        bottom = tops[r + 1] - 1 if r + 1 < len(tops) else len(grid) - 1
        cells: list[list[str]] = [[] for _ in lefts]
        for a in closed:
            if a[0] <= top <= a[1]:  # (a cell merged over rows is written in each of them)
                cells[lefts.index(a[2])] = list(texts[id(a)])
        first = 0 if r == 0 else top  # (the rules: the top border with the first row, each other with the row above)
        rows.append(Row(cells, Loc(start + top + 1), list(range(start + first + 1, start + bottom + 2))))
    return rows, end
