"""Text set double-spaced: a blank line after every line (``docx2txt`` of a Word file writes each paragraph and
each table cell so, an empty one as one more blank pair). Read as it stands, every table cell would be a paragraph
of its own and no table could be found; with each run of blank lines halved it is the text a word processor's
export gives (a paragraph a line, a table one cell a line, an empty cell an empty line). The text reader reads it
so only when that shows such a table: a text of one-line paragraphs set apart by blank lines is read as it is."""

from __future__ import annotations

from .blocks import Block, Loc, Row
from .flattened import flattened_tables

_MIN_RUNS = 20
"""Blank runs a text needs before its spacing is judged."""
_SHARE = 0.5
"""Share of its blank runs that are one blank line, in a double-spaced text (the others are empty cells)."""


def single_spaced(lines: list[str]) -> tuple[list[str], list[int]] | None:
    """``lines`` with every run of 2k+1 blank lines made k, and for each line kept its index in ``lines``, when the
    text is double-spaced: every run of blank lines odd, most of them one line, no two text lines adjacent; else
    None."""
    runs: list[int] = []
    blank = 0
    for k, line in enumerate(lines):
        if line.strip():
            if k and not blank:
                return None  # two lines of text adjacent: not double-spaced
            if blank and blank < k:  # (blank lines before the first text are empty paragraphs, two a piece)
                runs.append(blank)
            blank = 0
        else:
            blank += 1
    if len(runs) < _MIN_RUNS or any(r % 2 == 0 for r in runs) or runs.count(1) < _SHARE * len(runs):
        return None
    out: list[str] = []
    where: list[int] = []
    blank = 0
    for k, line in enumerate(lines):
        if line.strip():
            out.extend([""] * (blank // 2))
            where.extend(range(k - blank // 2, k))  # (an empty cell's line: one of its blank lines)
            out.append(line)
            where.append(k)
            blank = 0
        else:
            blank += 1
    out.extend([""] * (blank // 2))
    where.extend(range(len(lines) - blank // 2, len(lines)))
    return out, where


def undouble(lines: list[str]) -> tuple[list[str], list[int] | None, dict[int, tuple[list[Row], int]]]:
    """(the lines to read, for each its index in ``lines`` or None when they are ``lines``, the tables written one
    cell a line in them): ``lines`` single-spaced when they are double-spaced and that shows such a table."""
    spaced = single_spaced(lines)
    flat = flattened_tables(spaced[0]) if spaced else {}
    if spaced and flat:
        return spaced[0], spaced[1], flat
    return lines, None, flattened_tables(lines)


def restore_lines(blocks: list[Block], where: list[int]) -> None:
    """Give the blocks read from the single-spaced lines the line numbers of the text as it was."""
    def line(n: int) -> int:
        return where[n - 1] + 1 if 0 < n <= len(where) else n

    for b in blocks:
        b.loc = Loc(line(b.loc.line) if b.loc.line is not None else None, b.loc.page)
        b.lines = [line(n) for n in b.lines]
        for r in b.rows or ():
            r.loc = Loc(line(r.loc.line) if r.loc.line is not None else None, r.loc.page)
            r.lines = [line(n) for n in r.lines]
