"""Edits a whole document's text the way copying, converting and pasting damage it (lines lost, doubled,
moved, joined or cut short; spaces doubled; table marks, page breaks and plan words put in at random),
for the property test in tests/test_property.py and scripts/fuzz.py."""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(p for d in (ROOT / "samples", ROOT / "tests" / "real" / "renditions", ROOT / "tests" / "heldout")
               for p in d.glob("*") if p.suffix in (".md", ".txt", ".html"))
"""The documents edited: the samples, the real plans' renditions and the held-out pages (text, Markdown, HTML)."""

PIECES = ("|", " | ", "---", "|---|---|", "\f", "  ", "\t", "**", "*", "1.", "a)", "-", "+", "Sở Tài chính", "Thời gian",
          "TT", "Cơ quan chủ trì", "┌──┬──┐", "+----+", "<table><tr><td>x</td></tr></table>", "<br>", "\u00a0", "\u200b",
          "Quý I/2026", "30/6/2026", "hằng năm", "Điều 1.", "PHỤ LỤC", "", "\n\n")
MARKUP = ('<td rowspan="4">', '<td colspan="0">', '<td rowspan="-1" colspan="99">', "</td></tr><tr>", "<table>",
          "</table>", "<tr>", "<th>TT</th>", "<!--", "</td>", '<td rowspan="1000000">')
"""Markup a web page's table is damaged with (put in by edit 8; a piece of PIECES keeps its number)."""
OPS = 9
"""Kinds of edit (see :func:`mutate`)."""


def mutate(text: str, edits: list[tuple[int, float, float, int]]) -> str:
    """``text`` with ``edits`` made in turn, each (kind, where in the lines 0-1, a second number 0-1, a piece):
    0 a line lost, 1 a line doubled, 2 a piece put in as a line, 3 a piece put inside a line, 4 a line's spaces
    doubled, 5 up to 40 lines shuffled, 6 a line cut short, 7 up to 30 lines joined into one, 8 a piece of table
    markup put inside a line."""
    lines = text.split("\n")
    for kind, where, other, piece in edits:
        if not lines:
            lines = [""]
        k = min(int(where * len(lines)), len(lines) - 1)
        line = lines[k]
        if kind == 0:
            del lines[k]
        elif kind == 1:
            lines.insert(k, lines[min(int(other * len(lines)), len(lines) - 1)])
        elif kind == 2:
            lines.insert(k, PIECES[piece % len(PIECES)])
        elif kind == 3:
            at = int(other * (len(line) + 1))
            lines[k] = line[:at] + PIECES[piece % len(PIECES)] + line[at:]
        elif kind == 4:
            lines[k] = line.replace(" ", "  ", 1 + piece % 3)
        elif kind == 5:
            end = min(len(lines), k + 2 + int(other * 38))
            part = lines[k:end]
            lines[k:end] = random.Random(piece).sample(part, len(part))  # one of 100 orders, as the piece says
        elif kind == 6:
            lines[k] = line[:int(other * len(line))]
        elif kind == 8:
            at = int(other * (len(line) + 1))
            lines[k] = line[:at] + MARKUP[piece % len(MARKUP)] + line[at:]
        else:
            end = min(len(lines), k + 1 + int(other * 29))
            lines[k:end] = [" ".join(lines[k:end])]
    return "\n".join(lines)
