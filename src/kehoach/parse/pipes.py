"""Markdown pipe tables, and the cells of scraped tables: a cell's paragraphs from its HTML.

A pipe table is written with outer pipes (``| a | b |``, one row a line, :func:`md_rows`) or
without them (``a | b`` over ``---|---``, as html2text and some crawlers write it: :mod:`.pipes_bare`). A table written
one row a line and then wrapped at a fixed width (a mail client, ``fold -s``, a text editor) has rows
that run over several lines: where the table's rows close with a pipe, a line that does not close
goes on in the lines below, up to the one that does.
"""

from __future__ import annotations

from .. import rx
from ..vn import starts_lower
from .blocks import Loc, Row
from .normalize import normalize_text

MD_SEPARATOR = rx.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")
_P_TAG = rx.compile(r"<p\b[^>]*>(.*?)</p\s*>", rx.S | rx.I)
_BR = rx.compile(r"<br\s*/?>", rx.I)
PIPE_SPLIT = rx.compile(r"(?<!\\)\|")


def split_cell(raw: str, wraps: bool = False) -> list[str]:
    """One raw cell to its paragraphs: ``<p>a</p> <p>b</p>`` -> ["a", "b"]; ``a<br>b`` -> ["a", "b"], or
    ["a b"] when ``wraps``: the table's ``<br>`` are the printed lines of its cells (see :func:`soft_breaks`)."""
    parts = _P_TAG.findall(raw)
    if not parts:
        parts = [raw]
    out: list[str] = []
    for part in parts:
        for piece in [_BR.sub(" ", part)] if wraps else _BR.split(part):
            text = normalize_text(piece)
            if text:
                out.append(text)
    return out


_BR_LOWER = rx.compile(r"<[bB][rR]\s*/?>\s*(?![a-zđ][.)]\s)\p{Ll}")
"""A line break before a word in lower case, not an item's letter ("a) …")."""


def soft_breaks(lines: list[str]) -> bool:
    """Whether the ``<br>`` of a table's lines are where its cells' printed lines wrap, not paragraphs: a PDF to
    Markdown converter (pymupdf4llm) writes each line of a cell so ("Sở Nội vụ<br>hướng dẫn, kiểm tra việc
    thực<br>hiện"). A cell's paragraphs open in capitals or with a dash; a wrap most often leaves a
    word in lower case to open the next line: at least two of the table's breaks and a third of them do."""
    text = "\n".join(lines)
    if "<" not in text:
        return False
    lower = len(_BR_LOWER.findall(text))
    return lower >= 2 and 3 * lower >= len(_BR.findall(text))


def md_row(line: str, wraps: bool = False) -> list[list[str]]:
    """The cells of a pipe table's row written with its outer pipes ("| a | b |"); ``wraps``: see :func:`split_cell`."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return cells(inner, wraps)


def is_md_line(line: str) -> bool:
    """A line of a pipe table written with its outer pipes: it opens with "|" and holds another."""
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2


def md_rows(lines: list[str], i: int) -> tuple[list[Row], int]:
    """The rows of a pipe table with outer pipes from line ``i`` (its separator lines left out), with
    the index of the line after it. A row a fixed width wrapped is one row again (see :func:`_row_end`),
    its lines joined by a space (a wrap at spaces drops one), or as they are where every line a row goes
    on from is as long as the table's longest and some cut keeps a space or cuts a word (a hard wrap at
    a width: it cuts inside words, numbers and spaces and drops nothing)."""
    wrapped = _Wrapped(lines, i) if _rows_close(lines, i) else None
    spans: list[tuple[int, int]] = []
    while i < len(lines) and (is_md_line(lines[i]) or wrapped and lines[i].lstrip().startswith("|")):
        end = _separator_end(lines, i) if MD_SEPARATOR.match(lines[i]) else wrapped.row_end(i) if wrapped else i
        if not is_md_line(lines[i]) and end == i:
            break  # a line opening with a pipe, not a row's first line that a wrap cut before its next pipe
        if not MD_SEPARATOR.match(lines[i]):
            spans.append((i, end))
        i = end + 1
    width = max((len(lines[k].rstrip("\r\n")) for a, b in spans for k in range(a, b + 1)), default=0)
    seams = [k for a, b in spans for k in range(a, b)]  # the lines a row goes on from
    hard = {len(lines[k].rstrip("\r\n")) for k in seams} == {width} and any(_hard_seam(lines[k], lines[k + 1], width) for k in seams)
    wraps = soft_breaks([lines[k] for a, b in spans for k in range(a, b + 1)])
    rows = [Row(md_row("".join(lines[k].rstrip("\r\n") for k in range(a, b + 1)) if hard else _joined(lines, a, b, width),
                       wraps), Loc(a + 1), list(range(a + 1, b + 2))) for a, b in spans]
    spilled(rows, lines, i)
    return rows, i


def spilled(rows: list[Row], lines: list[str], i: int) -> None:
    """Doubt the last of ``rows`` when line ``i``, right under the table with no blank line between,
    goes on in lower case: text of a cell that a converter set outside the table (a PDF's table cut
    into pieces, each cell's overflow printed as lines of text after its piece)."""
    if rows and i < len(lines) and lines[i].strip() and not lines[i].lstrip().startswith("|") and starts_lower(lines[i]):
        rows[-1].doubts.append(("table-text-outside", f"the line under the table's row at line {rows[-1].loc.line} goes on "
                                f"in lower case ({lines[i].strip()[:40]!r}): a cell of that row may be cut, its rest outside the table"))


def _separator_end(lines: list[str], i: int) -> int:
    """The last line of the separator line ``i``: itself, or the pieces of it a hard wrap cut off below
    (dashes, colons and pipes); never the lines after it, which a row does not close with a pipe."""
    while i + 1 < len(lines) and _SEPARATOR_PIECE.match(lines[i + 1]):
        i += 1
    return i


_SEPARATOR_PIECE = rx.compile(r"^\s*[-:|]*-[-:|]*\s*$")
WRAPPED_LINES = 12
"""At most this many lines of one wrapped row (a longer run is not a row that a width wrapped)."""
ROW_NUMBER = rx.compile(r"^\**(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]?\**$")
"""A first cell that numbers a row ("1", "II", "1.2", "a)", "**III**"); a year ("2026") is a time."""
_EMPTY_CELLS = rx.compile(r"^[\s|]*$")


def _joined(lines: list[str], i: int, end: int, width: int = 0) -> str:
    """Lines ``i`` to ``end`` of a row, joined by a space, or by none where a width cut a word or a
    number in two (:func:`_cut_word`; ``width``: the table's longest line, which a hard wrap fills)."""
    out = lines[i].strip()
    for k in range(i + 1, end + 1):
        out += ("" if _cut_word(lines[k - 1], lines[k], width) else " ") + lines[k].strip()
    return out


_LAST_WORD = rx.compile(r"(\p{L}+|\d[\d/.]*)$")
_FIRST_WORD = rx.compile(r"^(\p{L}+|[\d/.]*\d)")


def _hard_seam(line: str, below: str, width: int) -> bool:
    """A cut that only a hard wrap makes: a space kept at the end of ``line`` or the start of ``below``, or
    a word or a number cut in two."""
    line = line.rstrip("\r\n")
    return line.endswith(" ") or below.startswith(" ") or _cut_word(line, below, width)


def _cut_word(line: str, below: str, width: int) -> bool:
    """Whether a wrap at a fixed width cut a word between ``line`` and the line ``below`` (no space
    either side, as a hard wrap leaves it): the two pieces make one syllable and are not both one
    ("Sở T" / "ài chính", "Thươ" / "ng"; not "Hội" / "đồng"), or, ``line`` as long as the table's
    longest line, they are a number's ("Tháng 9/20" / "26")."""
    from ..syllable import is_syllable

    line = line.rstrip("\r\n")
    end, start = _LAST_WORD.search(line), _FIRST_WORD.match(below)
    if end is None or start is None:
        return False
    head, tail = end.group(1), start.group(1)
    if head[0].isdigit() or tail[-1].isdigit():
        return head[0].isdigit() and tail[-1].isdigit() and len(line) == width
    return is_syllable(head + tail) and not (is_syllable(head) and is_syllable(tail))


def _closes(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith("|") and not stripped.endswith("\\|")


def _opens(lines: list[str], k: int) -> bool:
    """Whether line ``k`` may open a row: the end, a blank line, or a line opening with a pipe."""
    return k == len(lines) or not lines[k].strip() or lines[k].lstrip().startswith("|")


def _rows_close(lines: list[str], i: int) -> bool:
    """Whether the table from line ``i`` (to the next blank line) closes its rows with a pipe (one of
    its lines closes with one before a line that opens with one, or the table's end) and was wrapped:
    some line of it does not open and close with one."""
    closed = wrapped = False
    for k in range(i, len(lines)):
        if not lines[k].strip():
            break
        closed = closed or _closes(lines[k]) and _opens(lines, k + 1) and not MD_SEPARATOR.match(lines[k])
        wrapped = wrapped or not (lines[k].lstrip().startswith("|") and _closes(lines[k]))
        if closed and wrapped:
            return True
    return False


class _Wrapped:
    """The rows of a pipe table whose rows close with a pipe, maybe wrapped at a fixed width."""

    def __init__(self, lines: list[str], i: int) -> None:
        self.lines = lines
        self.width = 0
        """The table's cells a row (its separator's, else its first row's); 0 until known."""
        for k in range(i, min(len(lines), i + 2 * WRAPPED_LINES)):
            if MD_SEPARATOR.match(lines[k]):
                self.width = len(md_row(lines[k]))
                break
        if not self.width:
            self.width = len(md_row(_joined(lines, i, self.row_end(i))))

    def row_end(self, i: int, plain: bool = False) -> int:
        """The last line of the row that opens at line ``i``: a row runs on to a line that closes with
        a pipe before the next row, a blank line or the end ("| 2 | Xây dựng đề án về" / "chuyển đổi
        số | Sở Nội vụ |"; the wrap maybe before a pipe, "| Sở Nội vụ |", or after one, "… | Sở Tư
        pháp |" / "Quý I/2026 |"). A line opening with a pipe after one that closed goes on in the row
        when the wrap took an empty cell's spaces ("… | Sở Y tế |" / "| Quý I/2026 |" for "| Sở Y tế |
        | Quý I/2026 |"): the row so far, that empty cell and the next line's row still fit the table's
        width, and the next line's first cell does not number a row. With no line closing before a
        blank line, or after too many lines, the row is its own line. ``plain``: the first line that
        closes before a line opening with a pipe ends the row (to measure the next row)."""
        lines = self.lines
        for k in range(i, min(len(lines), i + WRAPPED_LINES)):
            if not lines[k].strip() or (k > i and MD_SEPARATOR.match(lines[k])):
                return i
            if _closes(lines[k]) and _opens(lines, k + 1) and (plain or not self._goes_on(i, k)):
                return k
        return i

    def _goes_on(self, i: int, k: int) -> bool:
        lines = self.lines
        if not self.width or k + 1 == len(lines) or not lines[k + 1].strip() or MD_SEPARATOR.match(lines[k + 1]):
            return False
        if _EMPTY_CELLS.match(lines[k + 1]):
            return True  # a line of empty cells alone: the rest of the row above
        first = md_row(lines[k + 1])[0]
        if first and ROW_NUMBER.match(first[0]):
            return False
        nxt = self.row_end(k + 1, plain=True)
        return len(md_row(_joined(lines, i, k))) + 1 + len(md_row(_joined(lines, k + 1, nxt))) <= self.width


def bare_pipe_table(lines: list[str], i: int) -> tuple[list[Row], int] | None:
    """A pipe table with no outer pipes from line ``i`` (:func:`.pipes_bare.read_bare`)."""
    from .pipes_bare import read_bare  # (a module of its own, which reads this one's helpers)

    return read_bare(lines, i)


def cells(inner: str, wraps: bool = False) -> list[list[str]]:
    """Cells split at the pipes that are not escaped ("\\|" is a pipe inside a cell); ``wraps``: see :func:`split_cell`."""
    return [split_cell(c.replace("\\|", "|"), wraps) for c in PIPE_SPLIT.split(inner)]
