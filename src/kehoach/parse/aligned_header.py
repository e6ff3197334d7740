"""The header of a space-aligned table read by its words (:mod:`kehoach.parse.aligned_words`).

Its cells are the runs of text of the header line, a run that holds two header cells one space
apart parted where the second starts ("Cơ quan phối hợp Thời gian"). A line under it with two
cells or more (capitalised, or numbers) under one header cell and under no other is a second
header row: that cell's columns are the cells under it ("Thời gian thực hiện" over "Bắt đầu |
Hoàn thành", "Cơ quan thực hiện" over "Chủ trì | Phối hợp", "Lộ trình" over "2026 | 2027 | …").
"""

from __future__ import annotations

from .. import rx
from ..record import Record
from ..vn import ascii_fold
from ..vocab.table_header import HEADER_ROW_WORDS

Run = tuple[int, int, str]

_RUN = rx.compile(r"\S+(?: \S+)*")
_WORD = rx.compile(r"\S+")
_HEADER_WORD = rx.compile(HEADER_ROW_WORDS)
_MAX_LINES = 3
"""Lines under the header line that may hold its second row."""


def runs_of(line: str) -> list[Run]:
    """(start, end, text) of each run of text set apart by two spaces or more."""
    return [(m.start(), m.end(), m.group(0)) for m in _RUN.finditer(line)]


class Header(Record):
    """A header: its columns' cells (``cells``: where each column's header starts and ends), the
    header line's cells (``top``) with the column each one heads (``top_cols``), and the line of its
    second row (``sub_line``), with that line's other runs (``rest``: wrapped words of the header
    line's cells)."""

    __slots__ = ("cells", "top", "top_cols", "sub_line", "rest")

    def __init__(self, cells: list[Run], top: list[Run], top_cols: list[int], sub_line: int | None,
                 rest: list[Run]) -> None:
        self.cells = cells
        self.top = top
        self.top_cols = top_cols
        self.sub_line = sub_line
        self.rest = rest


def header_runs(line: str) -> list[Run]:
    """The cells of a header line."""
    return [part for run in runs_of(line) for part in _parted(run)]


def _parted(run: Run) -> list[Run]:
    s, e, text = run
    for m in _WORD.finditer(text):
        c = m.start()
        if c and text[c].isupper() and _HEADER_WORD.search(ascii_fold(text[:c].rstrip())) \
                and _HEADER_WORD.search(ascii_fold(text[c:])):
            return [(s, s + c - 1, text[:c].rstrip()), *_parted((s + c, e, text[c:]))]
    return [run]


def read_header(lines: list[str], start: int, numbered: object) -> Header:
    """The header whose line is ``lines[start]`` (text without form feeds); ``numbered(line, top)``
    tells a line that starts a row (the second row is looked for above it)."""
    top = header_runs(lines[start])
    plain = Header(top, top, list(range(len(top))), None, [])
    k, seen = start + 1, 0
    while k < len(lines) and seen < _MAX_LINES:
        if lines[k].strip():
            if numbered(lines[k], [s for s, _, _ in top]):  # type: ignore[operator]
                break
            runs = runs_of(lines[k])
            found = _under_one(top, runs)
            if found is not None:
                j, subs = found
                cols = [t if t < j else t + len(subs) - 1 if t > j else j for t in range(len(top))]
                return Header(top[:j] + subs + top[j + 1:], top, cols, k, [r for r in runs if r not in subs])
            seen += 1
        k += 1
    return plain


def _under_one(top: list[Run], runs: list[Run]) -> tuple[int, list[Run]] | None:
    """(index of a header cell, the cells of the second row under it) when ``runs`` hold two cells
    or more side by side under that header cell and under no other; None if not."""
    subs = [r for r in runs if r[2][:1].isupper() or r[2][:1].isdigit()]
    if len(subs) < 2 or runs.index(subs[-1]) - runs.index(subs[0]) != len(subs) - 1:
        return None
    middle = (subs[0][0] + subs[-1][1]) / 2
    j = min(range(len(top)), key=lambda t: abs((top[t][0] + top[t][1]) / 2 - middle))
    for s, e, _ in subs:
        if any(t != j and s < te and ts < e for t, (ts, te, _) in enumerate(top)):
            return None
    return j, subs


def header_needs_words(lines: list[str], start: int) -> bool:
    """Whether the header line ``lines[start]`` holds two cells one space apart or has a second row
    under it (see :func:`read_header`): the gutters of its table join columns."""
    line = lines[start].replace("\f", "").rstrip()
    top = header_runs(line)
    if len(top) > len(runs_of(line)):
        return True
    for line in lines[start + 1:start + 1 + _MAX_LINES]:
        if line.strip():
            return _under_one(top, runs_of(line.replace("\f", "").rstrip())) is not None
    return False
