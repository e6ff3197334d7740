"""Rows of a borderless PDF table: the words of its lines put in cells, row by row.

A line with a word in the first column starts a row; a line without goes on in the cells of the row
above (wrapped cells), and before the first row, in the header's cells. Rows are also told apart by
the space between them: lines closer than a row's spacing make one band. Cells centred vertically
put a row's number level with the middle of the row, so a band with one number starts at its first
line; a cell merged over rows prints as one paragraph that may run past the next row's start (or,
centred, sit between the rows): a paragraph stays whole, in the row it starts in.
"""

from __future__ import annotations

import itertools
import re
import statistics

from ..vn import ascii_fold
from .aligned import HEADER_WORD

Line = list[dict]

ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?")
_ITEM = re.compile(r"^[-+•–]\s")
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
    return statistics.median(w["top"] for w in line)



def _column(word: dict, bounds: list[float]) -> int:
    return sum(1 for b in bounds if word["x0"] >= b)



def _column_tops(line: Line, bounds: list[float]) -> dict[int, float]:
    """Where the line stands in each column: a line gathers words a little above or below each
    other, and a cell's own paragraph steps from its own previous line."""
    tops: dict[int, list[float]] = {}
    for w in line:
        tops.setdefault(_column(w, bounds), []).append(w["top"])
    return {c: statistics.median(t) for c, t in tops.items()}



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



def _starts(lines: list[Line], bands: list[int], bounds: list[float]) -> tuple[set[int], bool]:
    """Indexes of the lines that start a row, and whether the cells are centred vertically. Rows
    whose cells are centred put the row number level with the middle of the row: a band with one
    number starts at its first line, and in a band that a merged cell bridges, each line goes with
    the number it is nearest to. Rows whose cells are set at the top start at the lines that hold
    a number."""
    groups = [[k for k, b in enumerate(bands) if b == band] for band in sorted(set(bands))]
    numbered = [[k for k in members if bounds and _column(lines[k][0], bounds) == 0] for members in groups]
    single = [(members, nums) for members, nums in zip(groups, numbered, strict=True) if len(nums) == 1 and len(members) > 1]
    centred = 2 * sum(1 for members, nums in single if nums[0] != members[0]) > len(single)
    out: set[int] = set()
    for members, nums in zip(groups, numbered, strict=True):
        if len(nums) == 1:
            out.add(members[0])
        elif len(nums) > 1 and centred:
            def mid(k: int) -> float:
                return _top(lines[k])
            owner = [min(nums, key=lambda n, k=k: abs(mid(n) - mid(k))) for k in members]  # type: ignore[misc]
            out.update(k for i, k in enumerate(members) if i == 0 or owner[i] != owner[i - 1])
        else:
            out.update(nums)
    return out, centred



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
    last: dict[int, tuple[float, int, int]] = {}  # column -> (top of its last line, the row it went to, band)
    start_top = prev_top = 0.0
    starts, centred = _starts(lines, bands, bounds)
    for k, line in enumerate(lines):
        cells = _place(line, bounds, gap, k in spanning, header and (not out or all(_header_cells(r) for r in out)))
        top = _top(line)
        after_header = header and bool(out) and all(_header_cells(r) for r in out)
        close = top - prev_top <= pitch * 1.3
        in_header = after_header and close and not ROW_NUMBER.fullmatch(" ".join(cells[0]))  # "Số" / "TT"
        if not out or (k in starts and not in_header) or (after_header and not close):
            out.append([[] for _ in cells])
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
            if cell and _ITEM.match(text):
                cell.append(text)  # "- CQ chủ trì: …" / "- CQ phối hợp: …": a list item is a paragraph
            else:
                out[target][c] = cell[:-1] + [_join(cell[-1], text, in_header)] if cell else [text]
            last[c] = (ctop, target, bands[k])
    return out
