"""Task tables a PDF prints without ruling lines, found by how their words line up.

A table starts at a line of at least three word groups set apart by wide gaps, two of them
task-table header words (STT, Nội dung, Chủ trì, Thời gian …). Its columns are the gutters: the
horizontal gaps that no word of the table's lines crosses. Lines are taken while the table keeps
its columns (a line of body text crosses a gutter and ends it). A line with a word in the first
column starts a row; a line without goes on in the cells of the row above (wrapped cells), and
before the first row, in the header's cells. The words read into the table are taken out of the
page's text.
"""

from __future__ import annotations

import statistics

from .. import rx as regex
from ..vn import ascii_fold
from .aligned import HEADER_WORD

ROW_NUMBER = regex.compile(r"\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?")

MIN_COLUMNS = 3


def _lines(words: list[dict], tolerance: float) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if lines and abs((lines[-1][0]["top"] + lines[-1][0]["bottom"]) / 2 - mid) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _groups(line: list[dict], gap: float) -> list[list[dict]]:
    out = [[line[0]]]
    for w in line[1:]:
        if w["x0"] - out[-1][-1]["x1"] > gap:
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _text(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)


def _is_header(line: list[dict], gap: float) -> bool:
    groups = _groups(line, gap)
    return len(groups) >= MIN_COLUMNS and sum(1 for g in groups if HEADER_WORD.search(ascii_fold(_text(g)))) >= 2


def _gutters(lines: list[list[dict]], gap: float) -> list[tuple[float, float]]:
    """Horizontal gaps at least ``gap`` wide that no word of ``lines`` covers: (left, right)."""
    spans = sorted((w["x0"], w["x1"]) for line in lines for w in line)
    out: list[tuple[float, float]] = []
    right = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - right >= gap:
            out.append((right, x0))
        right = max(right, x1)
    return out


def _starts_first_column(line: list[dict], taken: list[list[dict]], gap: float) -> bool:
    """A row spanning the columns starts with a short first cell ("I", "1") left of the first gutter."""
    gutters = _gutters(taken, gap)
    return bool(gutters) and line[0]["x1"] <= gutters[0][0] + 1 and len(line[0]["text"]) <= 6


def _rows(lines: list[list[dict]], gutters: list[tuple[float, float]], spanning: set[int]) -> list[list[list[str]]]:
    bounds = [g[0] for g in gutters]
    rows: list[list[list[str]]] = []
    for k, line in enumerate(lines):
        cells: list[list[str]] = [[] for _ in range(len(bounds) + 1)]
        for w in line:
            col = sum(1 for b in bounds if w["x0"] >= b)
            cells[min(col, 1) if k in spanning else col].append(w["text"])
        texts = [" ".join(c) for c in cells]
        if not rows or texts[0]:
            rows.append([[t] if t else [] for t in texts])
            continue
        for c, t in enumerate(texts):
            if t:
                rows[-1][c] = [f"{rows[-1][c][0]} {t}"] if rows[-1][c] else [t]
    return rows


def _continues(lines: list[list[dict]], gap: float) -> bool:
    """A page that starts inside a table a page break cut (no header repeated): its first lines
    keep at least three columns and one of them starts with a row number."""
    head = lines[:3]
    if len(head) < 2 or max(len(_groups(line, gap)) for line in head) < MIN_COLUMNS:
        return False
    if len(_gutters(head, gap)) < MIN_COLUMNS - 1:
        return False
    return any(ROW_NUMBER.fullmatch(line[0]["text"]) for line in lines[:8])


def split_borderless(words: list[dict]) -> tuple[list[dict], list[tuple]]:
    """The page's words outside any borderless task table, and the tables found as
    ``(bbox, rows)`` (rows of cells of paragraphs)."""
    if not words:
        return words, []
    height = statistics.median(w["bottom"] - w["top"] for w in words) or 10.0
    gap = height * 1.2
    lines = _lines(words, height * 0.45)
    tables: list[tuple] = []
    used: set[int] = set()
    k = 0
    while k < len(lines):
        columns = len(_groups(lines[k], gap))
        if not _is_header(lines[k], gap) and not (k == 0 and _continues(lines, gap)):
            k += 1
            continue
        if k == 0 and not _is_header(lines[k], gap):
            columns = max(len(_groups(line, gap)) for line in lines[:3])
        taken = [lines[k]]  # lines that keep the columns
        spanning: set[int] = set()  # indexes (in order) of rows spanning the columns ("I  Nhóm …")
        order = [lines[k]]
        j = k + 1
        while j < len(lines) and lines[j][0]["top"] - order[-1][-1]["bottom"] < height * 3:
            if len(_gutters(taken + [lines[j]], gap)) >= columns - 1:
                taken.append(lines[j])
            elif len(_groups(lines[j], gap)) == 2 and _starts_first_column(lines[j], taken, gap):
                spanning.add(len(order))
            else:
                break
            order.append(lines[j])
            j += 1
        if len(taken) < 2:
            k += 1
            continue
        gutters = _gutters(taken, gap)
        if len(taken) > 2 and len(_gutters(taken[1:], gap)) > len(gutters):
            gutters = _gutters(taken[1:], gap)  # a header cell spanning columns ("Cơ quan thực hiện")
        rows = _rows(order, gutters, spanning)
        flat = [w for line in order for w in line]
        bbox = (min(w["x0"] for w in flat), min(w["top"] for w in flat),
                max(w["x1"] for w in flat), max(w["bottom"] for w in flat))
        tables.append((bbox, rows))
        used.update(id(w) for w in flat)
        k = j
    return [w for w in words if id(w) not in used], tables
