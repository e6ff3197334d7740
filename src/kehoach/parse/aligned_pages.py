"""A narrow space-aligned table's pages (:mod:`kehoach.parse.aligned_words`) put together: each line's
cells in line order, the page furniture (page numbers, repeated headers) as lines with no cell text."""

from __future__ import annotations

from ..record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:  # (typing costs every start its import)
    from collections.abc import Sequence
    from typing import Protocol

    from .aligned_header import Header

    class Page(Protocol):
        """One page of a table read by its words (``aligned_words._Page``)."""

        head: Header
        anchors: list[int]
        dropped: set[int]
        doubtful: set[int]
        moved: bool
        exact: bool

        def read(self) -> tuple[list[tuple[int, list[str]]], int | None]: ...


class WordTable(Record):
    """A table's lines cut into cells: the source lines taken (0-based), each one's cells, whether
    a blank line or a page number comes before it (``broken``) and whether a page break does
    (``paged``), the column starts, the line the table was cut at (it did not fit), and where it ends."""

    __slots__ = ("taken", "parts", "broken", "paged", "starts", "cut", "heads", "doubtful", "moved", "exact")

    def __init__(self, taken: list[int], parts: list[list[str]], broken: list[bool], paged: list[bool],
                 starts: list[int], cut: int | None, heads: frozenset[int] = frozenset(),
                 doubtful: frozenset[int] = frozenset()) -> None:
        self.taken = taken
        self.parts = parts
        self.broken = broken
        self.paged = paged
        self.starts = starts
        self.cut = cut
        self.heads = heads
        self.doubtful = doubtful
        self.moved = False
        """Whether a later page's columns were found from its own lines (a text browser's table a page break cut)."""
        self.exact = True
        """Whether every line was cut where its columns start (gutters, or columns set apart), no word shared out by a guess."""


def pages_to_table(pages: Sequence[Page], breaks: dict[int, bool], cut: int | None, start: int,
           furniture: list[int]) -> WordTable | None:
    """The table's lines from its ``pages`` (cut at line ``cut`` when its columns were lost); None when fewer than two."""
    lines: list[tuple[int, list[str], bool, bool]] = []  # (line, cells, broken, paged)
    after = False
    width = len(pages[0].anchors)
    for page in pages:
        cells, lost = page.read()
        for n, row in cells:
            lines.append((n, row, n == start or breaks.get(n, False), n in breaks or after))
            after = False
        after = True
        furniture += page.dropped
        if lost is not None:
            cut = lost
            break
    if len(lines) < 2:
        return None
    last = lines[-1][0]
    lines += [(n, [""] * width, breaks.get(n, False), False) for n in sorted(set(furniture)) if start < n < last]
    lines.sort(key=lambda line: line[0])
    table = WordTable([n for n, _, _, _ in lines], [c for _, c, _, _ in lines], [b for _, _, b, _ in lines],
                     [p for _, _, _, p in lines], pages[0].anchors, cut,
                     frozenset() if pages[0].head.sub_line is None else frozenset({pages[0].head.sub_line}),
                     frozenset(n for page in pages for n in page.doubtful))
    table.moved = any(page.moved for page in pages)
    table.exact = all(page.exact for page in pages)
    return table
