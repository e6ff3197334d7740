"""Cutting one line of a narrow space-aligned table into its columns' cells
(:mod:`kehoach.parse.aligned_words` finds the columns): each run of text goes to the column its
start is in, and a run that crosses into the next column is split where that column's text starts.
"""

from __future__ import annotations

from bisect import bisect_right

from .. import rx
from ..vn import ascii_fold
from ..vocab.agencies import CUT_HEAD_WORD

TYPE_CHECKING = False
if TYPE_CHECKING:
    from re import Match

Run = tuple[int, int, str]
"""A run of text on a line: (start, end, text)."""

_WORD = rx.compile(r"\S+")
_DASH = rx.compile(r"^[-–—]$")
_OPENS = rx.compile(r"^[\p{Lu}\d]")
"""A cell's first word opens with a capital or a figure."""
_LABEL = rx.compile(r"\s*\p{Lu}[^\s:]*(?: [^\s:]+){0,3}:")
"""A label after a dash: "Chủ trì:", "Phối hợp:", "Cơ quan chủ trì:"."""
_CUT_HEAD = rx.compile(rf"(?:^|\s){CUT_HEAD_WORD}\s*$")
"""A run's part that ends in an agency's head word ("… Văn phòng Ủy ban")."""
_CUT_YEAR = rx.compile(r"\w/(\d{0,3})$")
"""A line ending in a date whose year is cut ("30/6/202", "Quý IV/20", "30/6/"): a word wider than
its cell is broken where the cell ends."""
_YEAR_REST = rx.compile(r"^(\d{1,4})(?!\S*\d/)")
_TIME_HEAD = rx.compile(r"^(?:Năm|Tháng|Quý|Ngày)$")
_TIME_COUNT = rx.compile(r"^(?:\d|[IVX]+\b)")
"""A capitalised time word and its number ("Năm 2026", "Quý IV/2026") open a cell's line together: no column
parts them ("… Tỉnh đoàn Năm" | "2026 và các năm tiếp theo" was one cell's end and the next cell)."""
_AGENCY_HEAD = rx.compile(r"chu tri|phoi hop|thuc hien|phu trach|co quan|don vi")
"""A column of agencies, by its header's words (folded)."""
OVERHANG = 3
"""Characters a run's end may stand past its cell (a wide word ends further right than on the page)."""


def cell_text(lines: list[str]) -> str:
    """A cell's lines joined: with a space, or none after a date whose year was cut at the cell's edge
    ("Trước 30/6/202" over "6" is "Trước 30/6/2026") or before a year a line break put after the
    slash ("Quý IV" over "/2025" is "Quý IV/2025")."""
    out: list[str] = []
    for before, line in zip(["", *lines], lines, strict=False):
        cut = _CUT_YEAR.search(before)
        rest = _YEAR_REST.match(line) if cut else None
        if out and not (cut and rest and len(cut.group(1)) + len(rest.group(1)) == 4) \
                and not _slash_break(before, line):
            out.append(" ")
        out.append(line)
    return "".join(out)


def _slash_break(before: str, line: str) -> bool:
    """``line`` goes on with ``before`` at a slash, no space between: a date a line break parted there
    ("Quý IV" over "/2025", "30/" over "6/2026", "30" over "/6/2026")."""
    return bool(before) and (before.endswith("/") and line[:1].isdigit() and before[-2:-1].isdigit()
                             or line.startswith("/") and line[1:2].isdigit() and before[-1:].isalnum())


def name_cut(cells: list[str], below: list[str] | None, heads: list[str] | None = None) -> bool:
    """A cell that ends in an agency's head word ("… Sở") beside the next column's text, with no name
    going on under it in its column (the line below empty there, or in lower case): the split left
    the head word of a name whose rest went to the next column. With the header's cells (``heads``), only
    where that next column holds agencies ("Cơ quan chủ trì", "Đơn vị phối hợp"): a title ending in "Trung tâm"
    beside a column of other text ("Nội dung điều chỉnh") is no name cut."""
    return any(_CUT_HEAD.search(cell) and after and not (below and below[k][:1].isupper())
               and (heads is None or k + 1 >= len(heads) or bool(_AGENCY_HEAD.search(ascii_fold(heads[k + 1]))))
               for k, (cell, after) in enumerate(zip(cells, cells[1:], strict=False)))


def across(run: Run, bounds: list[int]) -> bool:
    """A run that crosses a boundary."""
    s, e, _ = run
    return any(s < b <= max(s + 1, e - OVERHANG) for b in bounds)


def line_cells(runs: list[Run], bounds: list[int], widest: list[int], soft: frozenset[int] = frozenset(),
           doubts: list[bool] | None = None, avoid_cut: bool = False) -> list[str] | None:
    """A line's text in each column (a run starting two characters or less before a boundary, with a
    capital or a figure, and running well past it is the next column's); None when a run crosses into the next column where no split
    fits (its parts miss the columns by more than a run may overhang, all told). A run across a
    ``soft`` boundary (between two columns under one header cell) is one cell merged across them;
    ``avoid_cut``: no run is split right after an agency's head word if another split fits. Two runs
    in one column stay three spaces apart (a line that does not fit the columns; the rows warn of it)."""
    cells: list[list[str]] = [[] for _ in widest]
    for run in runs:
        k = bisect_right(bounds, run[0])
        if k < len(bounds) and k not in soft and bounds[k] - 2 <= run[0] and run[1] > bounds[k] + OVERHANG \
                and _OPENS.match(run[2]):
            k += 1  # a cell's text starting a character or two left of its column, running well into it
        missed = 0
        while True:
            near = k + 1 == len(cells) or k in soft or run[1] <= max(bounds[k], widest[k]) + OVERHANG
            split = None if k + 1 == len(cells) or k in soft else split_run(run, bounds[k], widest[k], near, avoid_cut)
            if split is None and near:
                cells[k].append(run[2])
                if k not in soft:
                    missed += max(0, run[1] - max(widest[k], bounds[k] if k < len(bounds) else 0))
                break
            if split is None:
                return None
            cells[k].append(split[0])
            run, k = split[1], k + 1
            missed += split[2]
            if split[3] and doubts is not None:
                doubts.append(True)
        if missed > OVERHANG:
            return None
    return [(" " if k in soft else "   ").join(c) for k, c in enumerate(cells)]


def split_run(run: Run, bound: int, widest: int, near: bool = False, avoid_cut: bool = False) -> tuple[str, Run, int, bool] | None:
    """``run`` split where the next column's text starts: at the last space that leaves the part
    before it ending before the boundary ``bound`` (or within its column's widest text, ``widest``)
    and the part after starting at most a character after it (pdftotext prints the second of two
    cells close together right after the first, rarely further right than the cell starts); None when
    every space misses by more than a run may overhang. Near the boundary, a space before a capital or
    a figure is preferred (a cell's first line starts so), then one that leaves the part before no
    wider than the column's widest text, then the one whose parts miss the columns least ("… kiểu" |
    "Quý IV/2025" rather than "… kiểu Quý" | "IV/2025" past the widest title); the last item says whether another space near the boundary
    fits as well (the words between may belong to either cell). With ``avoid_cut``, a split that
    leaves the part before ending in an agency's head word ("… Sở") is taken last, as is one before a
    lower-case word well before the boundary (inside a cell: "Bộ Chỉ" | "huy Bộ …"). A run that ends ``near`` the
    boundary (it may only overhang it) is split only where a word starts level with the boundary.
    Next to a dash standing alone (a range "2026 - 2028", a name "Sở LĐ - TB&XH") only when the run
    goes on past the boundary and the next column's text starts there (see :func:`_by_dash`)."""
    s, e, text = run
    words = list(_WORD.finditer(text))
    spaces = [w.start() for v, w in zip(words, words[1:], strict=False)
              if (not (_DASH.match(v.group(0)) or _DASH.match(w.group(0))) or not near and _by_dash(text, v, w, s, bound))
              and not (_TIME_HEAD.match(v.group(0)) and _TIME_COUNT.match(w.group(0)))]
    aside = [c for c in spaces if s + c == bound - 2 and (text[c].isupper() or text[c].isdigit())]
    if near:  # level with the boundary (a capital or a figure a character further left is a doubt)
        spaces = [c for c in spaces if abs(s + c - bound) <= 1]
    limit = max(widest, bound - 1)

    def miss(c: int) -> int:
        return max(0, s + c - 1 - limit) + max(0, s + c - bound - 1)

    def rank(c: int) -> tuple[int, bool, bool, bool, int, int]:
        starts = s + c >= bound - OVERHANG and (text[c].isupper() or text[c].isdigit())  # a cell's first line
        inside = s + c < bound - OVERHANG and text[c].islower()  # a lower-case word well before the boundary: inside a cell
        return max(0, miss(c) - starts), avoid_cut and (bool(_CUT_HEAD.search(text[:c])) or inside), not starts, \
            s + c - 1 > widest + OVERHANG, miss(c), -c

    best = min(spaces, key=rank, default=None)
    if best is None or miss(best) > OVERHANG:
        return None
    if rank(best)[2]:  # no capital starts the next cell: a space a character further, or past the widest text, fits as well
        even = [c for c in spaces if rank(c)[0] <= rank(best)[0] + 1 and rank(c)[1:3] == rank(best)[1:3] and s + c >= bound - 2 * OVERHANG]
    else:
        even = [c for c in spaces if rank(c)[:4] == rank(best)[:4] and s + c >= bound - 2 * OVERHANG]
    return text[:best].rstrip(), (s + best, e, text[best:]), miss(best), len(even) > 1 or near and bool(aside)


def _by_dash(text: str, before: Match[str], word: Match[str], s: int, bound: int) -> bool:
    """A space next to a dash standing alone where the next column's text starts (``before`` and
    ``word``: the words either side, matches in ``text``, a run from column ``s``): before a dash
    opening a labelled line ("- Chủ trì: …") near the boundary; after a dash ending a cell's line
    ("Phòng Hành chính -" over "Tổ chức") with a capital or a figure level with the boundary."""
    if _DASH.match(word.group(0)):
        return -2 <= s + word.start() - bound <= 1 and bool(_LABEL.match(text[word.end():]))
    first = word.group(0)[0]
    return abs(s + word.start() - bound) <= 1 and (first.isupper() or first.isdigit()) \
        and not _LABEL.match(text[before.end():])
