"""Markdown pipe tables, and the cells of scraped tables: a cell's paragraphs from its HTML.

A pipe table is written with outer pipes (``| a | b |``, read by :mod:`.text` line by line) or
without them (``a | b`` over ``---|---``, as html2text and some crawlers write it).
"""

from __future__ import annotations

from .. import rx
from .blocks import Loc, Row
from .normalize import normalize_text

MD_SEPARATOR = rx.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")
_P_TAG = rx.compile(r"<p\b[^>]*>(.*?)</p\s*>", rx.S | rx.I)
_BR = rx.compile(r"<br\s*/?>", rx.I)
_PIPE_SPLIT = rx.compile(r"(?<!\\)\|")


def split_cell(raw: str) -> list[str]:
    """One raw cell to its paragraphs: ``<p>a</p> <p>b</p>`` -> ["a", "b"]; ``a<br>b`` -> ["a", "b"]."""
    parts = _P_TAG.findall(raw)
    if not parts:
        parts = [raw]
    out: list[str] = []
    for part in parts:
        for piece in _BR.split(part):
            text = normalize_text(piece)
            if text:
                out.append(text)
    return out


def md_row(line: str) -> list[list[str]]:
    """The cells of a pipe table's row written with its outer pipes ("| a | b |")."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return _cells(inner)


def bare_pipe_table(lines: list[str], i: int) -> tuple[list[Row], int] | None:
    """A Markdown pipe table whose rows have no outer pipes (html2text, some crawlers): a header
    line of cells split by "|", then a separator line of as many cells ("---|---|---"); its rows run
    to the next blank line. With no outer pipes, a row's pipe at either end parts an empty cell
    ("| I. Nhóm nhiệm vụ|" under three columns is an empty number, the group, an empty lead)."""
    if i + 1 >= len(lines) or not MD_SEPARATOR.match(lines[i + 1]):
        return None
    header = lines[i].strip()
    if header.startswith("|") or header.endswith("|"):
        return None  # one outer pipe but not the other: not a shape this reads
    ncols = len(_PIPE_SPLIT.split(header))
    if ncols < 2 or ncols != len(_PIPE_SPLIT.split(lines[i + 1].strip().strip("|"))):
        return None
    rows = [Row(_cells(lines[i].strip()), Loc(i + 1), [i + 1])]
    j = i + 2
    while j < len(lines) and lines[j].strip() and _PIPE_SPLIT.search(lines[j]):
        rows.append(Row(_cells(lines[j].strip()), Loc(j + 1), [j + 1]))
        j += 1
    return rows, j


def _cells(inner: str) -> list[list[str]]:
    """Cells split at the pipes that are not escaped ("\\|" is a pipe inside a cell)."""
    return [split_cell(c.replace("\\|", "|")) for c in _PIPE_SPLIT.split(inner)]
