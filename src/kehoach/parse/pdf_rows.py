"""Rows of a borderless PDF table: the words of its lines put in cells, row by row.

A line with a word in the first column starts a row; a line without goes on in the cells of the row
above (wrapped cells), and before the first row, in the header's cells. Rows are also told apart by
the space between them: lines closer than a row's spacing make one band. Cells centred vertically
put a row's number level with the middle of the row, so a band with one number starts at its first
line (a band with no number above it may be the top half of that row: a cell's paragraphs can be
set as far apart as rows are); a cell merged over rows prints as one paragraph that may run past
the next row's start: a paragraph stays whole, in the row it starts in; centred, it stands in the
middle of the rows it spans, level with none of their numbers, and goes to the first of them.
"""

from __future__ import annotations

import itertools
import re

from ..vn import ascii_fold
from .aligned import HEADER_WORD
from .pdf_stats import median

Line = list[dict]

ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?")
_ITEM = re.compile(r"^[-+•–]\s")
_OPEN_END = re.compile(r"(?:[,;:(/&–-]|\b(?:và|hoặc|các|những|của|cùng|với))\s*$", re.I)
"""A cell's line that goes on in the next one (a sub-row set apart under it starts a paragraph otherwise)."""
_CODE_BREAK = re.compile(r"(?<=[\w])[-/]$")
_DATE_BREAK = re.compile(r"\d/(?:20\d?|2)$")
"""A date too wide for its table column, broken inside its year ("30/6/202" / "6")."""


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines with a space, except inside codes cut after their hyphen ("QĐ-" / "UBND")
    and dates cut inside their year."""
    out: list[str] = []  # pieces, joined once: linear however many lines a paragraph has
    last = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        code = last and ((_CODE_BREAK.search(last) and (part[:1].isupper() or part[:1].isdigit()))
                         or (_DATE_BREAK.search(last) and part[:1].isdigit()))
        if out and not code:
            out.append(" ")
        out.append(part)
        last = part
    return "".join(out)


def groups(line: Line, gap: float) -> list[Line]:
    """The words of ``line`` in runs parted by gaps wider than ``gap``."""
    out = [[line[0]]]
    for w in line[1:]:
        if w["x0"] - out[-1][-1]["x1"] > gap:
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _header_cells(row: list[list[str]]) -> bool:
    """Most filled cells of ``row`` are header words ("Cơ quan thực hiện", "Chủ trì", "Phối hợp";
    a wrapped cell's first half such as "Số" is not)."""
    filled = [" ".join(c) for c in row if c]
    return 2 * sum(1 for t in filled if HEADER_WORD.search(ascii_fold(t))) >= max(len(filled), 1)



def _pitch(lines: list[Line], height: float, bounds: list[float]) -> float:
    """The distance between the lines of one paragraph: the usual step between the lines that have
    words in one column (lines of other columns may sit between them when cells are centred)."""
    steps = []
    at = [_column_tops(line, bounds) for line in lines]
    for c in range(len(bounds) + 1):
        tops = [t[c] for t in at if c in t]
        steps += [b - a for a, b in itertools.pairwise(tops) if 0 < b - a < 2.5 * height]
    steps.sort()
    return min(steps[len(steps) // 5], 1.6 * height) if steps else 1.4 * height  # rows of one line step wider



def _top(line: Line) -> float:
    """Where a line stands: the median top of its words (marked letters' boxes reach higher)."""
    return median(w["top"] for w in line)



def _column(word: dict, bounds: list[float]) -> int:
    return sum(1 for b in bounds if word["x0"] >= b)



def _column_tops(line: Line, bounds: list[float]) -> dict[int, float]:
    """Where the line stands in each column: a line gathers words a little above or below each
    other, and a cell's own paragraph steps from its own previous line."""
    tops: dict[int, list[float]] = {}
    for w in line:
        tops.setdefault(_column(w, bounds), []).append(w["top"])
    return {c: median(t) for c, t in tops.items()}



def _bands(lines: list[Line], height: float, pitch: float) -> list[int]:
    """Each line's band: lines closer than a row's spacing (more than a paragraph's line gap) go in
    one band. A row is a band unless a cell merged over rows bridges them."""
    bands: list[int] = []
    bottom = None
    for line in lines:
        top = min(w["top"] for w in line)
        if bottom is not None and top - bottom > max(pitch - height, 0.0) + 0.35 * height:
            bands.append(bands[-1] + 1)
        else:
            bands.append(bands[-1] if bands else 0)
        bottom = max(bottom or 0.0, max(w["bottom"] for w in line))
    return bands



def _starts(lines: list[Line], bands: list[int], bounds: list[float], height: float) -> tuple[set[int], bool]:
    """Indexes of the lines that start a row, and whether the cells are centred vertically. Rows
    whose cells are centred put the row number level with the middle of the row: a band with one
    number starts at its first line, or at a line of the band above it that has no number when
    only so is the row as tall above its number as below (a cell's paragraphs set apart as far as
    rows are); in a band that a merged cell bridges, each line goes with the number it is nearest
    to. Rows whose cells are set at the top start at the lines that hold a number."""
    groups = [[k for k, b in enumerate(bands) if b == band] for band in sorted(set(bands))]
    numbered = [[k for k in members if bounds and _column(lines[k][0], bounds) == 0] for members in groups]
    votes = [nums[0] != members[0] for i, (members, nums) in enumerate(zip(groups, numbered, strict=True))
             if nums and (nums[0] != members[0] or (len(nums) == 1 and len(members) > 2 and (i == 0 or numbered[i - 1])))]
    centred = 2 * sum(votes) > len(votes)  # a number under a line of its band votes centred; one on its band's
    # first line votes top when it is the band's only number, the band has more than two lines (a row cut by
    # the page's end may print at the top) and the band above has a number
    out: set[int] = set()
    taken_above = False  # the row of this band started in the band above
    for i, (members, nums) in enumerate(zip(groups, numbered, strict=True)):
        if len(nums) == 1:
            if not taken_above:
                out.add(members[0])
        elif len(nums) > 1 and centred:
            def mid(k: int) -> float:
                return _top(lines[k])
            owner = [min(nums, key=lambda n, k=k: abs(mid(n) - mid(k))) for k in members]  # type: ignore[misc]
            out.update(k for i, k in enumerate(members) if i == 0 or owner[i] != owner[i - 1])
        elif nums:
            out.update(nums)
        taken_above = False
        if not nums and centred and i + 1 < len(groups) and len(numbered[i + 1]) == 1:
            upper = _upper_half(lines, members, groups[i + 1], numbered[i + 1][0], height)
            if upper is not None:
                out.add(upper)
                taken_above = True
    return out, centred


def _upper_half(lines: list[Line], members: list[int], below: list[int], number: int, height: float) -> int | None:
    """The first of the lines ``members`` that belongs to the row of the band ``below``, whose
    number (line ``number``) stands in the middle of its row; None when the band is as tall above
    the number as under it."""
    centre = _top(lines[number])
    under, over = _top(lines[below[-1]]) - centre, centre - _top(lines[below[0]])
    if under - over < 0.5 * height:
        return None
    reach = centre - under - 0.5 * height
    return next((k for k in members if _top(lines[k]) >= reach), None)



def _headergroups(line: Line, gap: float, bounds: list[float]) -> list[Line]:
    """A header line's cells: word groups, parted again where a column boundary falls in the space
    between two words ("TT Nhiệm vụ" in close-packed columns)."""
    out: list[Line] = []
    for group in groups(line, gap):
        out.append([group[0]])
        for a, b in itertools.pairwise(group):
            if any(a["x1"] <= x <= b["x0"] + 0.5 for x in bounds):
                out.append([b])
            else:
                out[-1].append(b)
    return out



def _place(line: Line, bounds: list[float], gap: float, spanning: bool, heading: bool) -> list[list[str]]:
    """The words of ``line`` in their columns. A row spanning the columns keeps its text in the
    second; in the header, a cell spanning columns ("Cơ quan thực hiện" over "Chủ trì | Phối
    hợp") stays whole, in the column it starts in."""
    cells: list[list[str]] = [[] for _ in range(len(bounds) + 1)]
    for group in _headergroups(line, gap, bounds) if heading else [[w] for w in line]:
        col = sum(1 for b in bounds if group[0]["x0"] >= b)
        cells[min(col, 1) if spanning else col].extend(w["text"] for w in group)
    return cells



def _join(text: str, more: str, heading: bool) -> str:
    """A wrapped cell's lines joined; in the header, a word too wide for its column broken over
    two lines ("ST" / "T") is joined again when only the whole reads as a header word."""
    if (_DATE_BREAK.search(text) and more[:1].isdigit()) or (_CODE_BREAK.search(text) and (more[:1].isupper() or more[:1].isdigit())):
        return join_wrapped([text, more])  # "30/6/202" / "6", "QĐ-" / "UBND": one word cut by the column
    if heading:
        head, _, last = text.rpartition(" ")
        first, _, tail = more.partition(" ")
        whole = ascii_fold(last + first)
        if HEADER_WORD.search(whole) and not HEADER_WORD.search(ascii_fold(f"{last} {first}")):
            return f"{head} {last}{first} {tail}".strip()
    return f"{text} {more}"



def rows(lines: list[Line], gutters: list[tuple[float, float]], spanning: set[int], height: float, gap: float,
         header: bool) -> list[list[list[str]]]:
    """Cells row by row (see the module's text for where a line's words go); ``header``: the
    first line is the header's."""
    bounds = [g[0] for g in gutters]
    pitch = _pitch(lines, height, bounds)
    bands = _bands(lines, height, pitch)
    out: list[list[list[str]]] = []
    spots: list[list[list[float]]] = []  # the tops of the lines that went to each cell
    last: dict[int, tuple[float, int, int]] = {}  # column -> (top of its last line, the row it went to, band)
    start_top = prev_top = 0.0
    starts, centred = _starts(lines, bands, bounds, height)
    for k, line in enumerate(lines):
        cells = _place(line, bounds, gap, k in spanning, header and (not out or all(_header_cells(r) for r in out)))
        top = _top(line)
        after_header = header and bool(out) and all(_header_cells(r) for r in out)
        close = top - prev_top <= pitch * 1.3
        in_header = after_header and close and not ROW_NUMBER.fullmatch(" ".join(cells[0]))  # "Số" / "TT"
        if not out or (k in starts and not in_header) or (after_header and not close):
            out.append([[] for _ in cells])
            spots.append([[] for _ in cells])
            start_top = top
        prev_top = top
        tops = _column_tops(line, bounds)
        for c, words in enumerate(cells):
            if not words:
                continue
            target = len(out) - 1
            before = last.get(c)
            ctop = tops.get(c, top)
            if before is not None and before[1] < target and 0 < ctop - before[0] <= pitch * 1.2 \
                    and before[2] == bands[k] and (centred or abs(top - start_top) > 0.3 * height):
                target = before[1]  # a paragraph merged over out, running on past the next row's start
            cell = out[target][c]
            text = " ".join(words)
            if cell and (_ITEM.match(text) or before is not None and before[1] == target and ctop - before[0] > pitch * 1.2
                         and text[:1].isupper() and not _OPEN_END.search(cell[-1])):
                cell.append(text)  # "- CQ chủ trì: …": a list item is a paragraph; so is a line set apart (a sub-row's)
            else:
                out[target][c] = cell[:-1] + [_join(cell[-1], text, in_header)] if cell else [text]
            last[c] = (ctop, target, bands[k])
            spots[target][c].append(ctop)
    if centred:
        _centred_merges(out, spots, height)
    return out


def _centred_merges(out: list[list[list[str]]], spots: list[list[list[float]]], height: float) -> None:
    """A cell merged over several rows and centred prints once, in the middle of the rows it spans,
    level with none of their numbers (a row's number stands in its middle): its paragraph goes to
    the first of those rows, and the rows under it are left empty ("same as above"), as the cell is
    in the document. A row's extent is taken from its cells level with its number."""
    def centre(ts: list[float]) -> float:
        return (min(ts) + max(ts)) / 2

    number = [min(sp[0]) if sp[0] and row[0] and ROW_NUMBER.fullmatch(row[0][0]) and any(row[2:]) else None
              for row, sp in zip(out, spots, strict=True)]
    own = [[t for ts in sp if ts and n is not None and abs(centre(ts) - n) < 0.8 * height for t in ts]
           for sp, n in zip(spots, number, strict=True)]
    for r, row in enumerate(out):
        for c in range(2, len(row)):
            n = number[r]
            if n is None or not spots[r][c] or abs(centre(spots[r][c]) - n) < 0.8 * height:
                continue
            mid = centre(spots[r][c])
            spans = [(abs((min(own[i]) + max(own[j])) / 2 - mid), i) for i in range(max(0, r - 3), r + 1)
                     for j in range(r, min(len(out), r + 4))
                     if all(number[x] is not None and own[x] and (x == r or not spots[x][c]) for x in range(i, j + 1))]
            if spans and min(spans)[0] < 0.35 * height and min(spans)[1] != r:
                first = min(spans)[1]
                out[first][c], spots[first][c], row[c], spots[r][c] = row[c], spots[r][c], [], []
