"""The header of a space-aligned table centred over several lines (``pdftotext -layout`` of a
printed table whose header cells hold one to three lines each, centred vertically).

A one-line header cell then stands between the lines of a two-line one, so no line holds every
cell: "Thời gian" above, "TT   Nội dung" in the middle, "hoàn thành" below. The header band is the
lines from a blank line (or the text's top) down to the first row (a row number in the first
column, after blank lines or not). Its runs of text are gathered into columns: runs that overlap
side to side are one column's lines; a run over two runs of another line side by side, or as
good as over (one space from the second: "Cơ quan thực hiện" over "Chủ trì | Phối hợp"), heads
them both and is left out (it holds a header word, or the band is no header): the header is then
read as two rows, that text over those columns ("Thời gian thực hiện" over "Bắt đầu | Hoàn thành"). Each column's header is its
lines' words top to bottom. The band reads as a header when it has three columns or more, two of
them with a task-table header word, two spaces or more apart.

The table is then read as if its header were one line at the band's last line: each column's
widest run at the column's start (its columns' geometry), the band's other lines blank; the
header's cells are given their whole words back afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import rx
from ..record import Record
from ..vn import ascii_fold
from ..vocab.table_header import HEADER_ROW_WORDS
from .aligned_header import Run, header_runs
from .lines import PAGE_MARK

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    from typing import overload

_HEADER_WORD = rx.compile(HEADER_ROW_WORDS)
_WORD = rx.compile(r"\S+")
_ROW_NO = rx.compile(r"^(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)\.?$")
_NUMBER_WORDS = ("stt", "sott", "sothutu", "tt")
"""The numbering column's header with its spaces taken out: a header wrapped in a narrow column
("ST" over "T", "S" over "T" over "T", "Số" over "TT") is a prefix of one of them on each line."""
BAND_LINES = 6
"""Lines a header band may hold."""
_BAND_RUNS = 12
"""Runs of text a line of a header band may hold."""
_BLANKS = 3
"""Blank lines between the band and the first row."""
_ROW_WORDS = 4
"""Words of a run of a row's text (a header's wrapped lines hold fewer, or header words)."""
_LABEL_WORDS = 10
"""Words a column's header may hold."""


class Band(Record):
    """A header band: its first and last lines (0-based), the header line made of it (each
    column's widest run at the column's start) and each column's header (its lines' words, top to
    bottom), keyed by the widest run's text."""

    __slots__ = ("first", "last", "line", "labels", "over")

    def __init__(self, first: int, last: int, line: str, labels: dict[str, str], over: dict[str, str]) -> None:
        self.first = first
        self.last = last
        self.line = line
        self.labels = labels
        self.over = over
        """The text over the columns a run spans ("Cơ quan thực hiện"), keyed as ``labels``."""


def _clean(line: str) -> str:
    return line.replace("\f", "").rstrip()


def _row_start(line: str, indent: int, number_head: str) -> bool:
    """A row number at the band's left edge (not the rest of the numbering column's header,
    ``number_head`` being its words on the lines above)."""
    text = line.lstrip()
    if not text or len(line) - len(text) > indent + 2:
        return False
    word = text.split(" ", 1)[0]
    if not _ROW_NO.match(word):
        return False
    joined = ascii_fold(number_head + word).replace(" ", "").lower()
    return not any(whole.startswith(joined) for whole in _NUMBER_WORDS)


def _body(runs: list[Run]) -> bool:
    """A line of a row's text (above its number, the row's cells centred): a run of several words
    not opening with a header word (a title may hold one: "quy chế phối hợp giữa các cơ quan")."""
    return any(len(text.split()) >= _ROW_WORDS and not _HEADER_WORD.match(ascii_fold(text)) for _, _, text in runs)


def _cell_opens(runs: list[Run]) -> bool:
    """A line opening a row's cell above the row's number (cells centred, the row's lines packed under the
    header): one run in sentence case with no header word ("Đài Phát" over "thanh và …"), not a header cell's
    line going on (in lower case: "phối hợp", or in capitals: "HOÀN THÀNH")."""
    if len(runs) != 1:
        return False
    text = runs[0][2]
    return text[:1].isupper() and any(ch.islower() for ch in text) and not _HEADER_WORD.search(ascii_fold(text))


def header_band(lines: Sequence[str], start: int, most: int | None = None) -> Band | None:
    """The header band from line ``start`` (after a blank line or at the top), or None when the
    lines from there do not read as one (see the module's note). Looks at most at the band's lines
    and the few blank lines after it. ``most``: the lines of a header already read (the header
    repeated on a later page, where the lines after it may go on with the row above): the band
    holds as many at most, and any line may follow it."""
    if start and _clean(lines[start - 1]).strip() and "\f" not in lines[start]:
        return None
    if start < len(lines) and _prose(_clean(lines[start])):
        return None  # (most paragraphs: cheap to tell, where reading the runs of every line is not)
    after = _clean(lines[start + 1]) if start + 1 < len(lines) else ""
    if not after.strip() or PAGE_MARK.match(after) or _prose(after):
        return None  # a band has two lines at least, of labels: a paragraph's first lines are none (cheap to tell as well)
    band: list[list[Run]] = []
    indent = len(_clean(lines[start])) - len(_clean(lines[start]).lstrip()) if start < len(lines) else 0
    number_head = ""
    k = start
    while k < len(lines) and len(band) < min(most or BAND_LINES + 1, BAND_LINES + 1):
        line = _clean(lines[k])
        if not line.strip() or PAGE_MARK.match(line):
            break
        indent = min(indent, len(line) - len(line.lstrip()))
        runs = header_runs(line)
        if _row_start(line, indent, number_head) or (band and _body(runs)) or (len(band) >= 2 and _cell_opens(runs)):
            break
        if len(runs) > _BAND_RUNS:
            return None
        if runs[0][0] <= indent + 2 and len(runs[0][2]) <= 3:
            number_head += runs[0][2]
        band.append(runs)
        k += 1
    last = k - 1
    if len(band) < 2 or len(band) > BAND_LINES:
        return None
    if len(band) == most:
        return _columns(band, start, last)
    blanks = 0
    while k < len(lines) and not _clean(lines[k]).strip() and blanks < _BLANKS:
        k += 1
        blanks += 1
    if k == len(lines) or not (_row_start(_clean(lines[k]), indent, number_head) or _body(header_runs(_clean(lines[k])))
                               or _cell_opens(header_runs(_clean(lines[k])))):
        return None
    return _columns(band, start, last)


_GAP = rx.compile(r"\s{2,}")


def _prose(line: str) -> bool:
    """A line no band starts with: a stretch of more words than a label holds (a sentence; a header's text over its
    columns is a few words: "Cơ quan thực hiện", "Thời gian thực hiện")."""
    return any(len(part.split()) > _LABEL_WORDS for part in _GAP.split(line.strip()))


def _parted_over(band: list[list[Run]]) -> list[list[Run]]:
    """The band's runs parted where cells one space apart meet: before a capitalised word over the second of
    two runs of another line ("Đơn vị phối Thời" over "hợp | gian"), and after the numbering column's first word
    over the rest of it ("Số Nội dung" over "TT")."""
    out = []
    for n, runs in enumerate(band):
        parts: list[Run] = []
        for run in runs:
            cuts = set()
            first = _WORD.match(run[2])
            for m, other in enumerate(band):
                if m == n:
                    continue
                under = sorted(o for o in other if o[0] <= run[1] + 1 and run[0] <= o[1] + 1)
                found = {w.start() for a, b in zip(under, under[1:], strict=False) for w in _WORD.finditer(run[2])
                         if w.start() and a[1] < run[0] + w.start() <= b[1] and w.group(0)[:1].isupper()}
                if found and all(_HEADER_WORD.search(ascii_fold(" ".join([piece, *(o[2] for o in under if o[0] < s + len(piece)
                                                                                      and s < o[1])])))
                                 for s, piece in _pieces(run, sorted(found))):
                    cuts |= found  # (each piece heads a column with the words under it: "Đơn vị phối" over "hợp")
                rest = [o for o in other if o[0] <= run[0] + 1 and first and o[1] <= run[0] + first.end() + 2]
                if first and first.end() < len(run[2]) and rest and _numbering(first.group(0) + rest[0][2]):
                    cuts.add(first.end() + 1)
            at = 0
            for c in sorted(cuts):
                parts.append((run[0] + at, run[0] + c - 1, run[2][at:c - 1]))
                at = c
            parts.append((run[0] + at, run[1], run[2][at:]))
        out.append(parts)
    return out


def _pieces(run: Run, cuts: list[int]) -> list[tuple[int, str]]:
    """(start, text) of the parts of ``run`` cut before the characters ``cuts``."""
    bounds = [0, *cuts, len(run[2])]
    return [(run[0] + a, run[2][a:b].strip()) for a, b in zip(bounds, bounds[1:], strict=False)]


def _numbering(text: str) -> bool:
    """``text`` (spaces left out) is the numbering column's header or the start of it ("Số", "ST", "Số TT")."""
    return any(word.startswith(ascii_fold(text).replace(" ", "").lower()) for word in _NUMBER_WORDS)


def _over(run: Run, other: Run, line: list[Run]) -> bool:
    """``run`` stands over ``other`` (a run of another line), or as good as over it (one space from it) when no other
    run of its ``line`` does ("Đơn vị thực" is not over "hợp" under "Đơn vị phối" one space after it), and it is no
    numbering header ("TT" under "Số" heads no other column)."""
    if other[0] < run[1] and run[0] < other[1]:
        return True
    return other[0] <= run[1] + 1 and run[0] <= other[1] + 1 and not _numbering(run[2]) and not any(
        r != run and other[0] < r[1] and r[0] < other[1] for r in line)


def _columns(band: list[list[Run]], first: int, last: int) -> Band | None:
    """The band's runs gathered into columns (see the module's note), or None."""
    band = _parted_over(band)
    spanning = {(n, r) for n, runs in enumerate(band) for r in runs
                if any(sum(1 for o in other if _over(r, o, runs)) >= 2 for m, other in enumerate(band) if m != n)}
    if any(not _HEADER_WORD.search(ascii_fold(r[2])) for _, r in spanning):
        return None  # text over the columns that heads none of them ("Kèm theo Kế hoạch số …")
    kept = sorted(((r, n) for n, runs in enumerate(band) for r in runs if (n, r) not in spanning), key=lambda x: x[0][0])
    columns: list[list[tuple[Run, int]]] = []
    end = -1
    for run, n in kept:
        if columns and run[0] < end:
            columns[-1].append((run, n))
            end = max(end, run[1])
        else:
            columns.append([(run, n)])
            end = run[1]
    labels = [" ".join(r[2] for r, _ in sorted(col, key=lambda x: (x[1], x[0][0]))) for col in columns]
    if len(columns) < 3 or sum(1 for label in labels if _HEADER_WORD.search(ascii_fold(label))) < 2 \
            or any(len(label.split()) > _LABEL_WORDS for label in labels):
        return None
    line: str = ""
    keys: dict[str, str] = {}
    over: dict[str, str] = {}
    starts = [min(r[0] for r, _ in col) for col in columns]
    for col, label, at, after in zip(columns, labels, starts, [*starts[1:], None], strict=True):
        gap = 1 if ascii_fold(label).replace(" ", "").lower() in _NUMBER_WORDS else 2  # ("STT Nội dung": parted by its words)
        fits = [r for r, _ in col if after is None or at + len(r[2]) <= after - gap]  # two spaces before the next
        if not fits:
            return None  # two columns one space apart on every line: not told apart on one line
        widest = max(fits, key=lambda r: (len(r[2]), bool(_HEADER_WORD.match(ascii_fold(r[2])))))[2]  # ("TT" under "Số")
        line += " " * (at - len(line)) + widest
        keys[widest] = label
        end = max(r[1] for r, _ in col)
        over.update((widest, r[2]) for _, r in spanning if r[0] <= end and at <= r[1])
    return Band(first, last, line, keys, over)


def repeats(band: Band | str, header: list[Band | str | None]) -> bool:
    """Every word of ``band`` (or of a line) is a word of ``header`` (a band's labels, lines): the
    header repeated on a later page, not the row above's last lines going on over the page's first."""
    def words(part: Band | str) -> list[str]:
        return [ascii_fold(w) for w in (" ".join(part.labels.values()) if isinstance(part, Band) else part).split()]
    known = {w for part in header if part is not None for w in words(part)}
    return all(w in known for w in words(band))


class _Lines(Sequence[str]):
    """A view of ``lines`` whose line ``k`` is ``self._at(k)``."""

    lines: Sequence[str]

    def __len__(self) -> int:
        return len(self.lines)

    def _at(self, k: int) -> str:
        raise NotImplementedError

    if TYPE_CHECKING:  # (typing is not imported at run time: a text extract loads nothing it does not use)
        @overload
        def __getitem__(self, k: int) -> str: ...

        @overload
        def __getitem__(self, k: slice) -> list[str]: ...

    def __getitem__(self, k: int | slice) -> str | list[str]:
        if isinstance(k, slice):
            return [self._at(j) for j in range(*k.indices(len(self.lines)))]
        return self._at(k if k >= 0 else len(self.lines) + k)


class Clean(_Lines):
    """``lines`` without form feeds and trailing spaces, each line made so when it is read (a table
    reads the lines from its header on only: cleaning all of them for each table took time
    quadratic in a text of many header-like lines)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def _at(self, k: int) -> str:
        return self.lines[k].replace("\f", "").rstrip()


class Banded(_Lines):
    """``lines`` with the band's lines blank and its last line the header made of it."""

    def __init__(self, lines: Sequence[str], band: Band) -> None:
        self.lines = lines
        self.band = band

    def _at(self, k: int) -> str:
        if self.band.first <= k <= self.band.last:
            return self.band.line if k == self.band.last else ""
        return self.lines[k]
