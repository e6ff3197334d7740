"""Columns set one space apart, as a text browser sets a web page's table (``w3m -dump``): each
column starts at one position on every line, a cell's text is wrapped to its column and the next
column's text may follow it after a single space. The position before a column's start is then
blank on every line, so a line's text is cut exactly there (no guess between the words around it)."""

from __future__ import annotations

from collections.abc import Sequence

from .. import rx
from .aligned_cells import Run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from re import Pattern

_BARE_NO = rx.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*)$")
"""A row number with no dot after it (a heading's number has one: "III. TỔ CHỨC THỰC HIỆN")."""
_OPENS = rx.compile(r"^[\p{Lu}\d]")
_GROUP_NO = rx.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")
"""A group row's number: a roman number or a capital letter."""
_GROUP_NAME = rx.compile(r"^(?:[IVXLC]+|[A-Z]|\d{1,2})\.\s\p{Lu}")
"""A group's name opening a line, its number joined to it ("2. Sở Nội vụ", "II. Phát triển hạ tầng")."""


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


def group_runs(runs: list[Run]) -> bool:
    """A line's runs as a group's name in cells merged across the row has them: one run, or a roman number or a
    letter and one run after it ("II  Hoàn thiện thể chế")."""
    return len(runs) == 1 or len(runs) == 2 and bool(_GROUP_NO.match(runs[0][2]))


def group_line(runs: list[Run], anchors: list[int]) -> bool:
    """A group's name in cells merged across the row (:func:`group_runs`), from the first column."""
    return bool(runs) and runs[0][0] < anchors[1] and group_runs(runs)


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


_PAGE_LINES = 400
"""Lines of a page looked at, at most."""


def page_columns(lines: Sequence[str], first: int, width: int) -> list[int] | None:
    """The column starts of the lines from ``first`` up to a blank line, a table a text browser set on
    its own (the next part of a table cut by a page break, its columns at other positions, its header
    not repeated): the positions where some line's text starts and the one before is blank on every
    line, ``width`` of them. Words may stand level on every line by chance ("Sở Nội vụ" over "Sở Tư
    pháp"): a position where every word starting there goes on from a word one space before it, and
    then one where words in lower case do so most often (a cell's text, not the next cell's), are
    left out, when they alone are so; None when the count still differs. A line holding only a group's
    name ("2. Sở Nội vụ", cells merged across the row) keeps no column."""
    run: list[str] = []
    while first + len(run) < len(lines) and lines[first + len(run)].strip() and len(run) < _PAGE_LINES:
        run.append(lines[first + len(run)])
    if len(run) < 2:
        return None
    inked: set[int] = set()
    starts: dict[int, list[int]] = {}  # start -> [words starting there, of them one space after a word, those in lower case]
    for line in run:
        if _GROUP_NAME.match(line) and "  " not in line.strip():
            continue  # a group's name in cells merged across the row: it keeps no column
        for k, ch in enumerate(line):
            if ch != " ":
                inked.add(k)
                if not k or line[k - 1] == " ":
                    glued = k >= 2 and line[k - 2] != " "
                    counts = starts.setdefault(k, [0, 0, 0])
                    counts[0], counts[1], counts[2] = counts[0] + 1, counts[1] + glued, counts[2] + (glued and ch.islower())
    found = sorted(x for x in starts if x - 1 not in inked)
    extra = len(found) - width
    if extra > 0:
        def doubt(x: int) -> tuple[bool, int]:
            return starts[x][1] == starts[x][0], starts[x][2]
        ranked = sorted(found[1:], key=doubt, reverse=True)
        if doubt(ranked[extra - 1]) == (False, 0) or (extra < len(ranked) and doubt(ranked[extra]) >= doubt(ranked[extra - 1])):
            return None
        found = sorted({found[0], *ranked[extra:]})
    return found if len(found) == width else None
