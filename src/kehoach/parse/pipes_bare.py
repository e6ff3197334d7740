"""Markdown pipe tables with no outer pipes (html2text, some crawlers): ``TT| Nội dung| Chủ trì`` over
``---|---|---``, maybe wrapped at a width, each row's line maybe ending in a Markdown hard break."""

from __future__ import annotations

from .. import rx
from .blocks import Loc, Row
from .pipes import MD_SEPARATOR, PIPE_SPLIT, ROW_NUMBER, WRAPPED_LINES, cells, soft_breaks, spilled


def read_bare(lines: list[str], i: int) -> tuple[list[Row], int] | None:
    """A Markdown pipe table whose rows have no outer pipes (html2text, some crawlers): a header
    line of cells split by "|" (or its lines, wrapped at a width), then a separator line of as many
    cells ("---|---|---"); its rows run to the next blank line (see :func:`_bare_row_end`). With no outer pipes, a row's pipe at either end parts an empty cell
    ("| I. Nhóm nhiệm vụ|" under three columns is an empty number, the group, an empty lead)."""
    sep = i + 1  # the separator's line: under the header, or under the lines a width wrapped it to
    while sep < min(len(lines), i + WRAPPED_LINES) and lines[sep].strip() and not MD_SEPARATOR.match(lines[sep]):
        sep += 1
    if sep >= len(lines) or not MD_SEPARATOR.match(lines[sep]):
        return None
    header = " ".join(lines[k].strip() for k in range(i, sep))
    if header.startswith("|") or header.endswith("|"):
        return None  # one outer pipe but not the other: not a shape this reads
    ncols = len(PIPE_SPLIT.split(header))
    if ncols < 2 or ncols != len(PIPE_SPLIT.split(lines[sep].strip().strip("|"))):
        return None
    rows = [Row(cells(header), Loc(i + 1), list(range(i + 1, sep + 1)))]
    block = next((k for k in range(i, len(lines)) if not lines[k].strip()), len(lines))
    numbered = _NUMBER_HEAD.match(header) is not None
    shape = _Shape(ncols, max(len(lines[k].rstrip()) for k in range(i, block)), numbered,
                   _hard_break(lines[sep - 1]) and _hard_break(lines[sep]),
                   sep > i + 1 or _wrapped_rows(lines[sep + 1:block], ncols, numbered), i)
    j = sep + 1
    wraps = soft_breaks(lines[sep + 1:block])
    while j < len(lines) and lines[j].strip() and (PIPE_SPLIT.search(lines[j]) or _row_follows(lines, j, shape)):
        end = _bare_row_end(lines, j, shape)
        if shape.breaks and not _hard_break(lines[end]) and not _breaks_below(lines, end) \
                and sum(len(PIPE_SPLIT.findall(lines[k])) for k in range(j, end + 1)) < shape.cells - 1:
            break  # under the last row that ends in a hard break, lines short of the table's cells: text after it
        text = " ".join(lines[k].strip() for k in range(j, end + 1))
        rows.append(Row(cells(text, wraps), Loc(j + 1), list(range(j + 1, end + 2))))
        if end > j and not (shape.breaks and _hard_break(lines[end])):
            _tail_doubt(rows[-1], lines, j, end, shape)
        j = end + 1
    spilled(rows, lines, j)
    return rows, j


class _Shape:
    """What the rows of a table with no outer pipes are read by: the header's cells, the width of its
    widest line (the width a wrap filled its lines to, if one did), whether its first column numbers
    the rows, whether its rows end in hard breaks, and whether a wrap shows (:func:`_wrapped_rows`)."""

    def __init__(self, cells: int, width: int, numbered: bool, breaks: bool, wrapped: bool, top: int = 0) -> None:
        self.cells, self.width, self.numbered, self.breaks, self.wrapped = cells, width, numbered, breaks, wrapped
        self.top = top
        """The header's first line."""


def _wrapped_rows(rows: list[str], cells: int, numbered: bool) -> bool:
    """Whether the lines of a table's rows (to a blank line) show a wrap: a line with no pipe with a line with one
    below it; a line with fewer pipes than the header's cells need whose pipes and the next line's make up the
    count, the next line's first cell numbering no row; or, the first column numbering the rows, a line whose
    first cell is text."""
    pipes = [len(PIPE_SPLIT.findall(line)) for line in rows]
    firsts = [_first_cell(line) for line in rows]
    plain = next((n for n, p in enumerate(pipes) if not p), None)
    if plain is not None and plain < max((n for n, p in enumerate(pipes) if p), default=-1):
        return True
    if any(0 < a < cells - 1 and a + b == cells - 1 and not (numbered and ROW_NUMBER.match(first))
           for a, b, first in zip(pipes, pipes[1:], firsts[1:], strict=False)):
        return True
    return numbered and any(p and first and not ROW_NUMBER.match(first) for p, first in zip(pipes, firsts, strict=True))


def _first_cell(line: str) -> str:
    """The text of a line's first cell, before its first pipe that is not escaped."""
    return PIPE_SPLIT.split(line.strip(), 1)[0].strip()


_NUMBER_HEAD = rx.compile(r"\W*(?:STT|TT|Số\s*TT|Số\s*thứ\s*tự)\W*\|", rx.I)


def _hard_break(line: str) -> bool:
    """A line ending in a Markdown hard break (two spaces): html2text ends each row's line with one."""
    return line.rstrip("\r\n").endswith("  ")


def _bare_row_end(lines: list[str], j: int, shape: _Shape) -> int:
    """The last line of the row opening at line ``j`` of a table with no outer pipes. html2text
    wraps its lines at a width (78 characters unless told otherwise), rows too: a row's text goes on
    in the lines below ("1| Lập kế hoạch … của" / "tỉnh …| Sở Nội vụ| Các sở, ngành|" /
    "Năm 2026"). When the table's rows end in hard breaks (its header and separator do; the
    last row's last line may not), a row runs to the first line that does, or to the table's end
    (the last row, doubted where it may have taken text from under the table: :func:`_tail_doubt`).
    Without them (trailing spaces stripped) a row goes on in a line with no pipe while it has fewer
    than the header's cells, or when that line's first word would not have fitted on the line above
    within the table's widest line (a wrap fills a line as far as the next word allows); and in a line
    with pipes while it has fewer than the header's cells, the line's pipes do not make it longer
    than the header and, the first column numbering the rows, the line's first cell numbers none. A
    run longer than :data:`_BARE_ROW_LINES` is no row: its first line is one."""
    k = j
    pipes = len(PIPE_SPLIT.findall(lines[j]))
    while k + 1 < len(lines) and lines[k + 1].strip():
        if k + 1 - j >= _BARE_ROW_LINES:
            return j
        if shape.breaks:
            if _hard_break(lines[k]):
                return k
            k += 1
            continue
        if not shape.wrapped and not shape.breaks:
            return k  # one row a line
        nxt = lines[k + 1]
        more = len(PIPE_SPLIT.findall(nxt))
        fits = len(lines[k].rstrip()) + 1 + len(nxt.split(None, 1)[0]) <= _seam_width(lines, k, shape)
        if more == 0:
            if pipes >= shape.cells - 1 and (fits or _GROUP_LINE.match(nxt)):
                return k  # its first word would have gone on the line above, or it names a group: the next row,
                # or text after the table
        elif pipes + more > shape.cells - 1 or shape.numbered and ROW_NUMBER.match(_first_cell(nxt)) or not pipes and fits:
            return k  # (no pipe yet and the next line's first word would have fitted: a group's name alone on its line)
        pipes += more
        k += 1
    return k


_BARE_ROW_LINES = 40
"""At most this many lines of one row of a table with no outer pipes, wrapped at a width."""


def _row_follows(lines: list[str], k: int, shape: _Shape) -> bool:
    """Whether line ``k``, with no pipe, opens a row of a wrapped table: a wrap shows and a line with a pipe
    follows it before a blank line; or the table's rows end in hard breaks and its lines to the next blank
    line hold a pipe or a hard break (a group's name in a cell spanning the row has no pipe, but ends in
    one; a line of text right under the table, "Ghi chú: …", runs to the blank line with neither)."""
    if not shape.breaks and not shape.wrapped:
        return False
    for n in range(k + (0 if shape.breaks else 1), min(len(lines), k + _BARE_ROW_LINES)):
        if not lines[n].strip():
            return False
        if PIPE_SPLIT.search(lines[n]) or shape.breaks and _hard_break(lines[n]):
            return True
    return False


def _tail_doubt(row: Row, lines: list[str], j: int, end: int, shape: _Shape) -> None:
    """Doubt a row that took a line with no pipe after it had every cell, from a line as long as the table's
    longest (nothing shows a wrap there), or, the row the last of a table whose rows end in hard breaks, from a
    line its first word would have fitted on (a wrap would have put it there): the line may be text right
    under the table, or a row of one cell, joined to the row's last cell."""
    pipes = 0
    for k in range(j, end):
        pipes += len(PIPE_SPLIT.findall(lines[k]))
        if pipes < shape.cells - 1 or PIPE_SPLIT.search(lines[k + 1]):
            continue
        width, word = _seam_width(lines, k, shape), len(lines[k + 1].split(None, 1)[0])
        if len(lines[k].rstrip()) >= width or shape.breaks and len(lines[k].rstrip()) + 1 + word <= width:
            row.doubts.append(("table-text-outside", f"the line under the table's row at line {row.loc.line} has no "
                               f"pipe ({lines[k + 1].strip()[:40]!r}): it is read as the rest of the row's last cell, "
                               "but it may be text after the table"))
            return


def _seam_width(lines: list[str], k: int, shape: _Shape) -> int:
    """The width a wrap filled the table's lines to, as far as line ``k`` shows it: the widest line of its lines
    to the blank line; with hard breaks ending the rows, of its lines to ``k`` (the last row's, before the
    text that may follow it)."""
    return max(len(lines[n].rstrip()) for n in range(shape.top, k + 1)) if shape.breaks else shape.width


_GROUP_LINE = rx.compile(r"^\**[IVXLC]+\.\s+\**\p{Lu}")
"""A group's name alone on its line, numbered in Roman ("II. Nhóm nhiệm vụ …"): a cell merged across the row."""


def _breaks_below(lines: list[str], k: int) -> bool:
    """Whether a line below line ``k``, before a blank line, ends in a hard break: the row at ``k`` is not the table's last."""
    for n in range(k + 1, len(lines)):
        if not lines[n].strip():
            return False
        if _hard_break(lines[n]):
            return True
    return False
