"""Scraped tables whose cells are separated by lines holding only "|" (the commonest web layout).

An HTML-to-text converter writes each row as ``|`` cell ``|`` cell … ``|`` with one or several
lines per cell, and rows follow each other, so two "|" lines in a row end one row and start the
next. An empty cell is nothing (or an empty line) between two "|" lines, which looks like a row
boundary; a cell spanning columns leaves a row with fewer cells. So cells are counted, never
recognised by their text: the segments between "|" lines are cut into rows of at most ``N``
cells separated by one empty segment, choosing the width ``N`` and the cut with the fewest short
rows (dynamic programming over the segment list).

A scrape without row boundaries (every cell, rows included, separated by a single "|") is cut
into rows of the header's width.
"""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.table_header import NUMBER_HEADER, SUB_HEADER_CELL
from .blocks import Loc, Row
from .lines import MARKUP
from .normalize import normalize_text

_BULLET = rx.compile(r"^\s*(?:[-+•–]\s|\*\s)")
_ROW_NUMBER = rx.compile(r"^\d{1,4}\.?$")
MAX_WIDTH = 30
"""More columns than this is not a table a plan would print."""
MAX_CELL_LINES = 60
"""A "cell" longer than this is body text after a run that no blank line ended."""


class Segment:
    """The lines between two "|" lines: one cell, or an empty cell, or a row boundary."""

    __slots__ = ("nums", "texts")

    def __init__(self) -> None:
        self.nums: list[int] = []
        self.texts: list[str] = []

    @property
    def empty(self) -> bool:
        return not self.texts

    def paragraphs(self) -> list[str]:
        """Wrapped lines joined; a bullet line starts a new paragraph."""
        out: list[str] = []
        for text in self.texts:
            if out and not _BULLET.match(text):
                out[-1] = f"{out[-1]} {text}"
            else:
                out.append(text)
        return [p for p in (normalize_text(p) for p in out) if p]


def _is_bar(line: str) -> bool:
    return line.strip() == "|"


def _blank_run_end(lines: list[str], i: int) -> int:
    """The index of the first line with text at or after ``i`` (``len(lines)`` when none)."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _inside_cell_blank(lines: list[str], j: int) -> bool:
    """Blank lines ending before line ``j`` are inside the run: line ``j`` is a "|" line, or a "|"
    line comes before the next blank line (a cell with a blank line in it)."""
    if j >= len(lines):
        return False
    if _is_bar(lines[j]):
        return True
    for k in range(j, min(len(lines), j + 12)):
        if not lines[k].strip():
            return False
        if _is_bar(lines[k]):
            return True
    return False


def read_segments(lines: list[str], start: int) -> tuple[list[Segment], int]:
    """The segments of the "|" run starting at line index ``start`` (a "|" line, or the first cell
    of a scrape that has no leading "|"), and the index after the run's last "|" line."""
    segments: list[Segment] = []
    cur = Segment()
    end = start
    i = start + 1 if _is_bar(lines[start]) else start
    while i < len(lines):
        line = lines[i]
        if _is_bar(line):
            segments.append(cur)
            cur = Segment()
            end = i + 1
        elif not line.strip():  # a run of blank lines is looked past once (a line each was quadratic)
            j = _blank_run_end(lines, i)
            if not _inside_cell_blank(lines, j):
                break
            i = j
            continue
        elif len(cur.nums) >= MAX_CELL_LINES:
            break  # not a cell: the run ended without a blank line
        elif not MARKUP.match(line):
            text = normalize_text(line)
            if text:
                cur.texts.append(text)
            cur.nums.append(i + 1)
        i += 1
    if cur.texts and not any(s.empty for s in segments):
        segments.append(cur)  # a scrape with no row boundaries may leave its last cell unclosed
        end = cur.nums[-1]
    return segments, end


_SUB_HEADER = rx.compile(rf"^(?:{SUB_HEADER_CELL})$")
_ROW_START = rx.compile(r"(?!\d{1,3}(?:\.\d{3})+$)\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?|[a-zđ]\)|[A-Z]\.?")
"""What opens a numbered row: "3", "1.2", "IV", "a)", "B"; never a figure with thousands grouped ("20.330", "1.200"),
which a row of figures holds after an empty cell."""


def _header_word(folded: str) -> bool:
    return bool(_SUB_HEADER.match(folded) or NUMBER_HEADER.match(folded.strip()))


def _numbered(segments: list[Segment]) -> list[bool] | None:
    """In a table whose rows start with a number (most do: STT), which segments could start a row;
    None when the rows are not numbered."""
    starts = [s.empty or bool(_ROW_START.fullmatch(" ".join(s.texts))) or _header_word(ascii_fold(" ".join(s.texts)))
              for s in segments]  # a header repeated after a page break starts with its "STT"
    after_gap = [starts[k] for k in range(1, len(segments)) if segments[k - 1].empty and not segments[k].empty]
    if not after_gap or sum(after_gap) < 0.3 * len(after_gap):
        return None
    return starts


class _Facts:
    """What the cuts of one run of segments look at, worked out once for every width tried: the run's row ends
    (an empty segment, or the run's end), how many filled segments come before each, and for each segment the
    first one within ``reach`` after it that looks like the next row's start fused into its row."""

    __slots__ = ("boundary", "ends", "filled", "fused_at", "numbers", "starts")

    def __init__(self, segments: list[Segment], starts: list[bool] | None, reach: int) -> None:
        n = len(segments)
        self.starts = starts
        self.boundary = _boundary_starts(segments, starts)
        self.numbers = [_number(s) for s in segments]
        self.filled = [0] * (n + 1)
        for i, seg in enumerate(segments):
            self.filled[i + 1] = self.filled[i] + (not seg.empty)
        self.ends = [e for e in range(1, n) if segments[e].empty] + [n]
        starts_at = [j for j in range(n) if self.boundary[j]]
        self.fused_at = [n + 1] * n
        first = 0  # the index in starts_at of the first row start after p
        for p in range(n):
            while first < len(starts_at) and starts_at[first] <= p:
                first += 1
            for j in starts_at[first:]:
                if j >= p + reach:
                    break
                if _may_follow(self.numbers[p], self.numbers[j]):
                    self.fused_at[p] = j
                    break


def _cut(facts: _Facts, width: int) -> tuple[int, list[int]] | None:
    """Cut the segments into rows of at most ``width`` cells separated by an empty segment.
    Returns (cost, row lengths); a short row costs 1, an all-empty row 2, in a numbered table a
    row (other than the first) that does not start with a number 1, a row that looks like two
    rows fused 2. A row from segment p ends at the first row end after it or a later one within the width."""
    ends, filled, fused_at, starts = facts.ends, facts.filled, facts.fused_at, facts.starts
    n = len(fused_at)
    inf = 1 << 30
    best = [inf] * (n + 2)
    choice = [0] * (n + 2)
    best[n] = 0
    best[n + 1] = 0
    first = len(ends) - 1  # the index in ends of the first end after p
    for p in range(n - 1, -1, -1):
        while first > 0 and ends[first - 1] > p:
            first -= 1
        unnumbered = 1 if starts and p and not starts[p] else 0
        for e in ends[first:first + width]:
            k = e - p
            if k > width:
                break
            nxt = e + 1 if e < n else n
            cost = (0 if k == width else 1) + (0 if filled[e] - filled[p] else 2) + unnumbered \
                + (2 if fused_at[p] < e else 0) + best[nxt]
            if cost < best[p]:
                best[p], choice[p] = cost, k
    if best[0] >= inf:
        return None
    lengths, p = [], 0
    while p < n:
        k = choice[p]
        lengths.append(k)
        p += k + 1
    return best[0], lengths


def _boundary_starts(segments: list[Segment], starts: list[bool] | None) -> list[bool]:
    """Segments that look like the first cell of a row after an empty one: a row number (in a
    numbered table) or a second header row's word ("Bắt đầu", "Chủ trì"). A row holding one
    inside is likely two rows fused."""
    out = [False] * len(segments)
    for j in range(1, len(segments)):
        seg = segments[j]
        if segments[j - 1].empty and not seg.empty:
            out[j] = (starts is not None and starts[j]) or bool(_SUB_HEADER.match(ascii_fold(" ".join(seg.texts))))
    return out


def _fused(facts: _Facts, lengths: list[int]) -> int:
    """How many rows of a cut look like two rows fused."""
    boundary, numbers = facts.boundary, facts.numbers
    count, p = 0, 0
    for k in lengths:
        count += any(boundary[j] and _may_follow(numbers[p], numbers[j]) for j in range(p + 1, p + k))
        p += k + 1
    return count


_DOTTED = rx.compile(r"(\d{1,4}(?:\.\d{1,4})*)\.?")


def _number(seg: Segment) -> tuple[int, ...] | None:
    """A segment's text as a dotted number ("2", "1.2.", "1.200"), or None."""
    m = _DOTTED.fullmatch(" ".join(seg.texts))
    return tuple(int(x) for x in m.group(1).split(".")) if m else None


def _may_follow(first: tuple[int, ...] | None, inner: tuple[int, ...] | None) -> bool:
    """Whether a row numbered ``first`` may be followed by one numbered ``inner``: its first child
    ("2" -> "2.1"), the next at its level or above, a row or two skipped ("1.2" -> "1.3", "1.2" ->
    "2", "3" -> "5"), or a count starting again ("… 1"). Anything not two dotted numbers may. A number after an empty cell
    that cannot follow the row's own (a cost of "1.200" after task "1") is a cell of that row,
    not the start of a row fused into it."""
    if first is None or inner is None:
        return True
    if inner[-1] == 1 and (len(inner) == 1 or inner[:-1] == first[:len(inner) - 1]):
        return True
    return any(inner == (*first[:i], first[i] + step) for i in range(len(first)) for step in (1, 2, 3))


def _widths(segments: list[Segment]) -> list[int]:
    """Candidate widths: the distances between empty segments (a row with no empty cell), and
    every common table width (all rows may have an empty cell)."""
    out: set[int] = set(range(2, min(12, len(segments)) + 1))
    last = -1
    for k, seg in enumerate(segments + [Segment()]):
        if seg.empty:
            if 2 <= k - last - 1 <= MAX_WIDTH:
                out.add(k - last - 1)
            last = k
    return sorted(out)


def _row(chunk: list[Segment]) -> Row:
    nums = [n for s in chunk for n in s.nums]
    return Row([s.paragraphs() for s in chunk], Loc(nums[0] if nums else None), nums)


def segments_to_rows(segments: list[Segment]) -> list[Row]:
    """The rows of a "|" run: for each width the cut with the fewest short rows; the width whose cut
    has the most full rows beyond its short ones."""
    if not any(s.empty for s in segments):
        return _fixed_rows(segments)
    # across widths, the cut with the most full rows beyond its short ones wins (a wider width that
    # fuses rows pairwise has few full rows); ties go to the narrower width
    best: tuple[int, int, list[int]] | None = None
    widths = _widths(segments)
    facts = _Facts(segments, _numbered(segments), max(widths, default=0))
    for width in widths:
        found = _cut(facts, width)
        if found is None:
            continue
        score = sum(1 if k == width else -1 for k in found[1]) - _fused(facts, found[1])
        if best is None or score > best[0]:
            best = (score, width, found[1])
    if best is None:
        return []
    rows, p = [], 0
    for k in best[2]:
        chunk = segments[p:p + k]
        p += k + 1
        if any(not s.empty for s in chunk):
            rows.append(_row(chunk))
    return rows


def _fixed_rows(segments: list[Segment]) -> list[Row]:
    """No row boundaries: the header is every cell before the first row number."""
    width = 0
    for seg in segments:
        if _ROW_NUMBER.fullmatch(" ".join(seg.paragraphs())):
            break
        width += 1
    if width < 2 or width >= len(segments):
        return []
    rows = []
    for k in range(0, len(segments), width):
        chunk = segments[k:k + width]
        row = _row(chunk)
        row.cells += [[] for _ in range(width - len(chunk))]
        rows.append(row)
    return rows


def bar_table(lines: list[str], start: int) -> tuple[list[Row], int] | None:
    """The rows of the "|" run at ``start`` and the index after it, or None when it holds no
    table of at least two rows and two columns, or one row of three cells or more that opens with its number."""
    segments, end = read_segments(lines, start)
    rows = segments_to_rows(segments)
    if not rows and 3 <= len(segments) <= MAX_WIDTH and not any(s.empty for s in segments) \
            and _ROW_NUMBER.fullmatch(" ".join(segments[0].paragraphs())):
        return [_row(segments)], end  # one numbered row: a table going on under a group's heading, no header of its own
    if len(rows) < 2 or max(len(r.cells) for r in rows) < 2:
        return None
    return rows, end


# --- pandoc grid tables ----------------------------------------------------------------------

GRID_BORDER = rx.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
"""A grid table's ruling line: ``+-----+------+`` (``=`` under the header)."""


def _grid_line(line: str, cuts: list[int]) -> list[tuple[int, str]]:
    """A content line cut at the column boundaries that hold a "|": (first column, text) per
    cell; a cell spanning columns (no "|" at a boundary) keeps its whole text."""
    out: list[tuple[int, str]] = []
    start, first = cuts[0] + 1, 0
    for k, cut in enumerate(cuts[1:], 1):
        if cut < len(line) and line[cut] in "|+" or k == len(cuts) - 1:
            out.append((first, line[start:cut].strip()))
            start, first = cut + 1, k
    return out


def grid_table(lines: list[str], start: int) -> tuple[list[Row], int] | None:
    """A pandoc grid table from its first ruling line at ``start``: rows between ruling lines, each
    cell's lines joined; the index after the table."""
    border = lines[start].rstrip()
    cuts = [k for k, ch in enumerate(border) if ch == "+"]
    width = len(cuts) - 1
    if width < 2:
        return None
    rows: list[Row] = []
    cur: list[list[str]] = [[] for _ in range(width)]
    nums: list[int] = []
    i = start + 1
    while i < len(lines):
        line = lines[i].rstrip()
        if GRID_BORDER.match(line):
            if nums:
                rows.append(Row([[normalize_text(" ".join(c))] if normalize_text(" ".join(c)) else [] for c in cur],
                                Loc(nums[0]), nums))
            cur, nums = [[] for _ in range(width)], []
        elif line.lstrip().startswith("|"):
            for col, text in _grid_line(line, cuts):
                if text:
                    cur[col].append(text)
            nums.append(i + 1)
        else:
            break
        i += 1
    if len(rows) < 2:
        return None
    return rows, i
