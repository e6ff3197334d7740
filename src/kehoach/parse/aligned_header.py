"""The header of a space-aligned table read by its words (:mod:`kehoach.parse.aligned_words`).

Its cells are the runs of text of the header line, a run that holds two header cells one space
apart parted where the second starts ("Cơ quan phối hợp Thời gian"). A line under it with two
cells or more (capitalised, or numbers) under one header cell and under no other is a second
header row: that cell's columns are the cells under it ("Thời gian thực hiện" over "Bắt đầu |
Hoàn thành", "Cơ quan thực hiện" over "Chủ trì | Phối hợp", "Lộ trình" over "2026 | 2027 | …").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .. import rx
from ..record import Record
from ..vn import fold_aligned
from ..vocab.table_header import HEADER_WORDS, NUMBER_COLUMN
from .browser import group_runs
from .lines import PAGE_MARK

Run = tuple[int, int, str]

_RUN = rx.compile(r"\S+(?: \S+)*")
_WORD = rx.compile(r"\S+")
_WORDS_ANYWHERE = rx.compile(HEADER_WORDS)
_NUMBER = rx.compile(NUMBER_COLUMN)
_NUMBER_TOP = rx.compile(r"so|st|s")
"""The first line of the numbering column's header wrapped in a narrow column ("Số" over "TT", "ST" over "T"): before a
header word one space after it, a cell of its own ("Số Nội dung công việc")."""
_MAX_LINES = 3
"""Lines under the header line that may hold its second row."""
_BODY_LINES = 30
"""Lines under a header line looked at for the cells its rows hold under each of its cells."""
_LEVEL = 2
"""Lines whose text starts at a column's start, at least, to set a header cell there."""
_CENTRED = 2
"""Characters a header cell stands off its column's start, at least, for one of a table to be centred."""


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


def header_cells(lines: Sequence[str], start: int) -> list[Run]:
    """The cells of the header line ``lines[start]`` (text without form feeds): its runs, parted where
    a header word starts (see :func:`header_runs`) or, for a run of capitalised words one space apart,
    before each of them when the rows under it hold as many cells there (see :func:`_parted_by_rows`)."""
    return _on_columns(_parted_by_rows(header_runs(lines[start]), lines, start), lines, start)


def _on_columns(top: list[Run], lines: Sequence[str], start: int) -> list[Run]:
    """``top`` with each cell set where its column's text starts, when a text browser centred the header's
    cells (``<th>``) over columns whose rows' text starts elsewhere ("Đơn vị chủ trì" over "Sở Văn hóa,
    Thể thao và Du lịch"). The columns' starts are the positions blank right before on every line under
    the header (a line of one run from the first column, a group's name across the row, left out) where
    two lines' text or more starts, on one of them set apart from the text before it (words one space
    after another go on in their cells: words level by chance, "Ban Quản lý" over "xã hội tỉnh"): only
    when there are as many as header cells, each cell's text starting before the next column and ending
    after its own starts, and one of them two characters off or more; not under a header with a second
    row ("Chủ trì | Phối hợp" under "Cơ quan thực hiện": its columns are more than the line's cells)."""
    if len(top) < 3:
        return top
    page = lines[start + 1:start + 1 + _BODY_LINES]
    page = page[:next((k for k, line in enumerate(page) if "\f" in line or PAGE_MARK.match(line)), len(page))]
    body = [line.rstrip() for line in page if line.strip()]  # (the page's: the next may set other columns)
    if len(body) < 2 or any(_under_one(top, runs_of(line)) is not None for line in body[:_MAX_LINES]):
        return top  # (a second header row: more columns than the header line's cells)
    body = [line for line in body if not _across(line, top)]
    if not body:  # (only groups' names across the rows: no column's text to set the cells by)
        return top
    width = max(len(line) for line in body)
    inked = [False] * (width + 1)
    starts = [0] * (width + 1)
    apart = [False] * (width + 1)
    for line in body:
        for m in _WORD.finditer(line):
            for x in range(m.start(), m.end()):
                inked[x] = True
            starts[m.start()] += 1
            apart[m.start()] = apart[m.start()] or m.start() < 2 or line[m.start() - 2:m.start()] == "  "
    level = [x for x in range(width + 1) if (not x or not inked[x - 1]) and starts[x] >= _LEVEL and apart[x]]
    if len(level) != len(top) or max(abs(x - s) for x, (s, _, _) in zip(level, top, strict=True)) < _CENTRED:
        return top  # (a printed table's header cell a character off its column stays where it is)
    over = [e > x and (k + 1 == len(top) or s < level[k + 1]) for k, ((s, e, _), x) in enumerate(zip(top, level, strict=True))]
    if not all(over):
        return top
    return [(x, e, text) for x, (_, e, text) in zip(level, top, strict=True)]


def _across(line: str, top: list[Run]) -> bool:
    """A line with one run of text from the first column, or a group's number (a roman number or a
    letter) there and one run after it ("II  Hoàn thiện thể chế"): a group's name in cells merged across
    the row."""
    runs = runs_of(line)
    return group_runs(runs) and runs[0][0] <= top[0][1]


def _parted_by_rows(top: list[Run], lines: Sequence[str], start: int) -> list[Run]:
    """``top`` with each run of several capitalised words ("Phòng, đơn Phòng, đơn Thời gian", its
    cells wrapped and one space apart, each starting with a capital) parted before each of them when
    two lines or more under the header hold as many runs of text between the header's cells either
    side of it (the rows' cells in its columns); a header cell with a capital inside ("Ý kiến của Sở")
    is not parted, as its rows hold fewer cells under it. A part stands where its column's text starts
    on those lines (the header's cells are centred over their columns, the rows' may be too)."""
    caps = [[m.start() for m in _WORD.finditer(text) if text[m.start()].isupper()] for _, _, text in top]
    several = {k for k, c in enumerate(caps) if len(c) >= 2 and not c[0]}
    fits: dict[int, list[list[int]]] = {k: [] for k in several}  # each line's starts under it, when as many as its capitals
    if several:
        heads = [s for s, _, _ in top]
        for line in lines[start + 1:start + 1 + _BODY_LINES]:
            under: dict[int, list[int]] = {}
            for r in runs_of(line):  # the header runs whose columns may hold it: at most three
                j = bisect_right(heads, r[0])
                for k in range(max(0, j - 2), min(len(top), j + 2)):
                    if k in several and (not k or top[k - 1][1] < r[0]) and (k + 1 == len(top) or r[1] <= top[k + 1][0]):
                        under.setdefault(k, []).append(r[0])
            for k, starts in under.items():
                if len(starts) == len(caps[k]):
                    fits[k].append(starts)
    out: list[Run] = []
    for k, (s, e, text) in enumerate(top):
        if len(fits.get(k, [])) < 2:
            out.append((s, e, text))
            continue
        for j, (a, b) in enumerate(zip(caps[k], [*caps[k][1:], len(text) + 1], strict=True)):
            part = text[a:b].rstrip()
            at = min(starts[j] for starts in fits[k])  # where the column's text starts (a centred header's cell may not)
            at = min(at, s) if j == 0 else at
            out.append((at, at + len(part), part))
    return out


def _parted(run: Run) -> list[Run]:
    """A run parted before a capitalised word where header words stand on both sides ("Nội dung Cơ quan chủ trì")."""
    s, e, text = run
    caps, at = [], 0
    for word in text.split(" "):  # a run's words stand one space apart (see _RUN)
        if at and word[:1].isupper():
            caps.append(at)
        at += len(word) + 1
    if not caps:
        return [run]
    folded = fold_aligned(text)  # (a position of it is one of the text's: the header words are found once)
    found = [(m.start(), m.end()) for m in _WORDS_ANYWHERE.finditer(folded)]
    for c in caps:
        if _NUMBER_TOP.fullmatch(folded[:c].strip()) and any(start == c for start, _ in found):
            return [(s, s + c - 1, text[:c].rstrip()), *_parted((s + c, e, text[c:]))]  # "Số | Nội dung …"
        if (any(end <= c for _, end in found) or _NUMBER.fullmatch(folded[:c].strip())) \
                and (any(start >= c for start, _ in found) or _NUMBER.fullmatch(folded[c:].strip())):
            return [(s, s + c - 1, text[:c].rstrip()), *_parted((s + c, e, text[c:]))]
    return [run]


def read_header(lines: Sequence[str], start: int, numbered: object) -> Header:
    """The header whose line is ``lines[start]`` (text without form feeds); ``numbered(line, top)``
    tells a line that starts a row (the second row is looked for above it)."""
    top = header_cells(lines, start)
    plain = Header(top, top, list(range(len(top))), None, [])
    k, seen = start + 1, 0
    while k < len(lines) and seen < _MAX_LINES:
        if lines[k].strip():
            if numbered(lines[k], [s for s, _, _ in top]):  # type: ignore[operator]
                break
            runs = runs_of(lines[k])
            found = _under_one(top, runs)
            if found is not None:
                j, subs, over = found
                cols = [t if t < j else t + len(subs) - over if t >= j + over else j for t in range(len(top))]
                return Header(top[:j] + subs + top[j + over:], top, cols, k, [r for r in runs if r not in subs])
            seen += 1
        k += 1
    return plain


def _under_one(top: list[Run], runs: list[Run]) -> tuple[int, list[Run], int] | None:
    """(index of a header cell, the cells of the second row under it, 1) when ``runs`` hold two cells
    or more side by side under that header cell and under no other; (the index they go in at, the
    cells, 0) when they stand between two header cells under neither (the cell spanning them is on
    a line of its own: "Cơ quan thực hiện" over the header line, "Chủ trì | Phối hợp" under it, all
    centred); None if not."""
    subs = [r for r in runs if r[2][:1].isupper() or r[2][:1].isdigit()]
    if len(subs) < 2 or runs.index(subs[-1]) - runs.index(subs[0]) != len(subs) - 1:
        return None
    if not any(ts < subs[-1][1] and subs[0][0] < te for ts, te, _ in top):
        gap = sum(1 for ts, _, _ in top if ts < subs[0][0])
        return (gap, subs, 0) if 0 < gap < len(top) else None
    middle = (subs[0][0] + subs[-1][1]) / 2
    j = min(range(len(top)), key=lambda t: abs((top[t][0] + top[t][1]) / 2 - middle))
    for s, e, _ in subs:
        if any(t != j and s < te and ts < e for t, (ts, te, _) in enumerate(top)):
            return None
    return j, subs, 1


def header_needs_words(lines: list[str], start: int) -> bool:
    """Whether the header line ``lines[start]`` holds two cells one space apart or has a second row
    under it (see :func:`read_header`): the gutters of its table join columns."""
    clean = [line.replace("\f", "").rstrip() for line in lines[start:start + 1 + _BODY_LINES]]
    line = clean[0]
    top = header_cells(clean, 0)
    return len(top) > len(runs_of(line)) or second_row(lines, start, top)


def second_row(lines: Sequence[str], start: int, top: list[Run] | None = None) -> bool:
    """Whether the first line under the header line ``lines[start]`` with text is a second header
    row (see :func:`read_header`); ``top``: the header line's cells, if known."""
    top = header_cells([line.replace("\f", "").rstrip() for line in lines[start:start + 1 + _BODY_LINES]], 0) \
        if top is None else top
    for line in lines[start + 1:start + 1 + _MAX_LINES]:
        if line.strip():
            return _under_one(top, runs_of(line.replace("\f", "").rstrip())) is not None
    return False
