"""Markdown pipe tables, and the cells of scraped tables: a cell's paragraphs from its HTML.

A pipe table is written with outer pipes (``| a | b |``, one row a line, :func:`md_rows`) or
without them (``a | b`` over ``---|---``, as html2text and some crawlers write it). A table written
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
_PIPE_SPLIT = rx.compile(r"(?<!\\)\|")


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
    return _cells(inner, wraps)


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
_WRAPPED_LINES = 12
"""At most this many lines of one wrapped row (a longer run is not a row that a width wrapped)."""
_ROW_NUMBER = rx.compile(r"^\**(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]?\**$")
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
        for k in range(i, min(len(lines), i + 2 * _WRAPPED_LINES)):
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
        for k in range(i, min(len(lines), i + _WRAPPED_LINES)):
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
        if first and _ROW_NUMBER.match(first[0]):
            return False
        nxt = self.row_end(k + 1, plain=True)
        return len(md_row(_joined(lines, i, k))) + 1 + len(md_row(_joined(lines, k + 1, nxt))) <= self.width


def bare_pipe_table(lines: list[str], i: int) -> tuple[list[Row], int] | None:
    """A Markdown pipe table whose rows have no outer pipes (html2text, some crawlers): a header
    line of cells split by "|" (or its lines, wrapped at a width), then a separator line of as many
    cells ("---|---|---"); its rows run to the next blank line (see :func:`_bare_row_end`). With no outer pipes, a row's pipe at either end parts an empty cell
    ("| I. Nhóm nhiệm vụ|" under three columns is an empty number, the group, an empty lead)."""
    sep = i + 1  # the separator's line: under the header, or under the lines a width wrapped it to
    while sep < min(len(lines), i + _WRAPPED_LINES) and lines[sep].strip() and not MD_SEPARATOR.match(lines[sep]):
        sep += 1
    if sep >= len(lines) or not MD_SEPARATOR.match(lines[sep]):
        return None
    header = " ".join(lines[k].strip() for k in range(i, sep))
    if header.startswith("|") or header.endswith("|"):
        return None  # one outer pipe but not the other: not a shape this reads
    ncols = len(_PIPE_SPLIT.split(header))
    if ncols < 2 or ncols != len(_PIPE_SPLIT.split(lines[sep].strip().strip("|"))):
        return None
    rows = [Row(_cells(header), Loc(i + 1), list(range(i + 1, sep + 1)))]
    block = next((k for k in range(i, len(lines)) if not lines[k].strip()), len(lines))
    numbered = _NUMBER_HEAD.match(header) is not None
    shape = _Shape(ncols, max(len(lines[k].rstrip()) for k in range(i, block)), numbered,
                   _hard_break(lines[sep - 1]) and _hard_break(lines[sep]),
                   sep > i + 1 or _wrapped_rows(lines[sep + 1:block], ncols, numbered))
    j = sep + 1
    wraps = soft_breaks(lines[sep + 1:block])
    while j < len(lines) and lines[j].strip() and (_PIPE_SPLIT.search(lines[j]) or _row_follows(lines, j, shape)):
        end = _bare_row_end(lines, j, shape)
        text = " ".join(lines[k].strip() for k in range(j, end + 1))
        rows.append(Row(_cells(text, wraps), Loc(j + 1), list(range(j + 1, end + 2))))
        j = end + 1
    spilled(rows, lines, j)
    return rows, j


class _Shape:
    """What the rows of a table with no outer pipes are read by: the header's cells, the width of its
    widest line (the width a wrap filled its lines to, if one did), whether its first column numbers
    the rows, whether its rows end in hard breaks, and whether a wrap shows (:func:`_wrapped_rows`)."""

    def __init__(self, cells: int, width: int, numbered: bool, breaks: bool, wrapped: bool) -> None:
        self.cells, self.width, self.numbered, self.breaks, self.wrapped = cells, width, numbered, breaks, wrapped


def _wrapped_rows(rows: list[str], cells: int, numbered: bool) -> bool:
    """Whether the lines of a table's rows (to a blank line) show a wrap: a line with no pipe with a line with one
    below it; a line with fewer pipes than the header's cells need whose pipes and the next line's make up the
    count, the next line's first cell numbering no row; or, the first column numbering the rows, a line whose
    first cell is text."""
    pipes = [len(_PIPE_SPLIT.findall(line)) for line in rows]
    firsts = [_first_cell(line) for line in rows]
    plain = next((n for n, p in enumerate(pipes) if not p), None)
    if plain is not None and plain < max((n for n, p in enumerate(pipes) if p), default=-1):
        return True
    if any(0 < a < cells - 1 and a + b == cells - 1 and not (numbered and _ROW_NUMBER.match(first))
           for a, b, first in zip(pipes, pipes[1:], firsts[1:], strict=False)):
        return True
    return numbered and any(p and first and not _ROW_NUMBER.match(first) for p, first in zip(pipes, firsts, strict=True))


def _first_cell(line: str) -> str:
    """The text of a line's first cell, before its first pipe that is not escaped."""
    return _PIPE_SPLIT.split(line.strip(), 1)[0].strip()


_NUMBER_HEAD = rx.compile(r"\W*(?:STT|TT|Số\s*TT|Số\s*thứ\s*tự)\W*\|", rx.I)


def _hard_break(line: str) -> bool:
    """A line ending in a Markdown hard break (two spaces): html2text ends each row's line with one."""
    return line.rstrip("\r\n").endswith("  ")


def _bare_row_end(lines: list[str], j: int, shape: _Shape) -> int:
    """The last line of the row opening at line ``j`` of a table with no outer pipes. html2text
    wraps its lines at a width (78 characters unless told otherwise), rows too: a row's text goes on
    in the lines below ("1| Lập kế hoạch … của" / "tỉnh …| Sở Nội vụ| Các sở, ngành|" /
    "Năm 2026"). When the table's rows end in hard breaks (its header and separator do; the
    last row's last line does not), a row runs to the first line that does, or to the table's end.
    Without them (trailing spaces stripped) a row goes on in a line with no pipe while it has fewer
    than the header's cells, or when that line's first word would not have fitted on the line above
    within the table's widest line (a wrap fills a line as far as the next word allows); and in a line
    with pipes while it has fewer than the header's cells, the line's pipes do not make it longer
    than the header and, the first column numbering the rows, the line's first cell numbers none. A
    run longer than :data:`_BARE_ROW_LINES` is no row: its first line is one."""
    k = j
    pipes = len(_PIPE_SPLIT.findall(lines[j]))
    while k + 1 < len(lines) and lines[k + 1].strip():
        if k + 1 - j >= _BARE_ROW_LINES:
            return j
        if shape.breaks:
            if _hard_break(lines[k]):
                return k
            k += 1
            continue
        if not shape.wrapped:
            return k  # one row a line
        nxt = lines[k + 1]
        more = len(_PIPE_SPLIT.findall(nxt))
        if more == 0:
            if pipes >= shape.cells - 1 and len(lines[k].rstrip()) + 1 + len(nxt.split(None, 1)[0]) <= shape.width:
                return k  # its first word would have gone on the line above: the next row
        elif pipes + more > shape.cells - 1 or shape.numbered and _ROW_NUMBER.match(_first_cell(nxt)):
            return k
        pipes += more
        k += 1
    return k


_BARE_ROW_LINES = 40
"""At most this many lines of one row of a table with no outer pipes, wrapped at a width."""


def _row_follows(lines: list[str], k: int, shape: _Shape) -> bool:
    """Whether line ``k``, with no pipe, opens a row of a wrapped table: the table's rows end in hard
    breaks, or a wrap shows and a line with a pipe follows it before a blank line."""
    if shape.breaks or not shape.wrapped:
        return shape.breaks
    for n in range(k + 1, min(len(lines), k + _BARE_ROW_LINES)):
        if not lines[n].strip():
            return False
        if _PIPE_SPLIT.search(lines[n]):
            return True
    return False


def _cells(inner: str, wraps: bool = False) -> list[list[str]]:
    """Cells split at the pipes that are not escaped ("\\|" is a pipe inside a cell); ``wraps``: see :func:`split_cell`."""
    return [split_cell(c.replace("\\|", "|"), wraps) for c in _PIPE_SPLIT.split(inner)]
