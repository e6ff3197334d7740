"""Columns set one space apart, as a text browser sets a web page's table (``w3m -dump``): each
column starts at one position on every line, a cell's text is wrapped to its column and the next
column's text may follow it after a single space. The position before a column's start is then
blank on every line, so a line's text is cut exactly there (no guess between the words around it)."""

from __future__ import annotations

from re import Pattern

from .. import rx
from .aligned_cells import Run

_BARE_NO = rx.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*)$")
"""A row number with no dot after it (a heading's number has one: "III. TỔ CHỨC THỰC HIỆN")."""
_OPENS = rx.compile(r"^[\p{Lu}\d]")


def set_apart(lines: list[tuple[int, list[Run]]], anchors: list[int], number: Pattern[str]) -> bool:
    """Every column after the first starts at its header (:func:`clear_before`) and the first holds
    nothing but row numbers (``number``): a text browser's table, its cells cut where columns start."""
    if not all(clear_before(lines, a) for a in anchors[1:]):
        return False
    first = [text[:anchors[1] - 1 - s].strip() for _, runs in lines for s, _, text in runs if s < anchors[1] - 1]
    return all(number.match(t) for t in first if t)


def clear_before(lines: list[tuple[int, list[Run]]], anchor: int) -> bool:
    """No run of ``lines`` has a character right before position ``anchor`` (a column's header start),
    and some line's text starts level with it."""
    level = False
    for _, runs in lines:
        for s, e, text in runs:
            if s < anchor <= e and text[anchor - 1 - s] != " ":
                return False
            level = level or s == anchor or (s < anchor < e and text[anchor - 1 - s] == " ")
    return level


def cut_at(runs: list[Run], starts: list[int]) -> list[Run]:
    """``runs`` cut where a column starts (the text before it ends a space earlier)."""
    out: list[Run] = []
    for s, e, text in runs:
        for b in starts:
            if s < b < e and text[b - 1 - s] == " ":
                out.append((s, b - 1, text[:b - 1 - s]))
                s, text = b, text[b - s:]
        out.append((s, e, text))
    return out


def one_space_apart(lines: list[str], taken: list[int], starts: list[int]) -> bool:
    """The columns are set one space apart: no line has a character right before a column's start,
    and on some line two cells' texts stand one space apart there."""
    touching = False
    for k in taken:
        line = lines[k].replace("\f", "").rstrip()
        for s in starts[1:]:
            if s - 1 < len(line) and line[s - 1] != " ":
                return False
            touching = touching or (s < len(line) and line[s] != " " and line[s - 2] != " ")
    return touching


def crossed(run: Run, anchors: list[int], overhang: int) -> int:
    """The column starts ``run`` crosses (its end may overhang a column's start by ``overhang``); none
    when a space stands right before each (cells one space apart)."""
    s, e, text = run
    found = [a for a in anchors if s < a < e - overhang]
    return 0 if all(text[a - 1 - s] == " " for a in found) else len(found)


def number_beside(run: Run, first: int, second: int) -> bool:
    """A run opened by a bare row number set at the first column's start that fills it, its row's
    text (a capital or a figure) one space after it where the second column starts ("III GIẢI PHÁP …")."""
    s, _, text = run
    no = text.split(" ")[0]
    return bool(_BARE_NO.match(no)) and s <= first + 1 and s + len(no) + 1 == second and bool(_OPENS.match(text[len(no) + 1:]))
