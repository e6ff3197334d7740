"""PDF pages read the way their text runs: what the reader needs beyond pdfium's turned text page
(:meth:`kehoach.parse.pdfium.Page.upright_textpage`) for pages turned against their text."""

from __future__ import annotations

import math

from .pdfium import raw


def open_turned(doc, first: int, open_plumber):
    """pdfplumber's document (``open_plumber``) of a copy of ``doc`` whose pages up to ``first`` were turned, and
    whose later pages are turned now, so that their text stands upright (pdfplumber reads a page
    as its rotation shows it), for the ruled pages pdfium's reader leaves to pdfplumber; and the
    later pages turned."""
    turned: set[int] = set()
    for i in range(first + 1, len(doc)):
        page = doc[i]
        tp, turn = page.upright_textpage()  # turned in pdfium's document in memory; read again when its turn comes
        tp.close()
        page.close()
        if turn:
            turned.add(i)
    return open_plumber(doc.save_copy()), turned


def runs_on(tp, text: str, i: int, box: list[float], size: float) -> bool:
    """Whether the line break pdfium made up at ``i`` stands between a word (``box``) and a
    character that follows it on the same line, side by side (pdfium orders the text of a turned
    page in its own way, and may break a line before a word's superscript marker)."""
    j = i
    while j < len(text) and text[j] in "\r\n":
        j += 1
    if j == len(text) or text[j].isspace():
        return False
    left, bottom, _right, top = tp.shown_charbox(j)
    return abs(left - box[2]) < 0.3 * size and bottom < box[3] and top > box[1]


def text_turns(tp, samples: int = 24) -> int | None:
    """The quarter turns (0 to 3) the page of text page ``tp`` must be turned clockwise for most of its characters
    to stand upright (the text running up the page's own space: 1), from ``samples`` spread
    over its text; None when there is no text or most characters stand at another angle."""
    n = tp.count_chars()
    if n == 0:
        return None
    votes = [0] * 5
    step = max(1, n // samples)
    for i in range(0, n, step):
        angle = raw.FPDFText_GetCharAngle(tp.raw, i)
        if angle < 0:  # no angle (a character pdfium made up)
            continue
        quarter = round(angle / (math.pi / 2))  # pdfium measures clockwise: text running up is at 270°
        votes[-quarter % 4 if abs(angle - quarter * math.pi / 2) < 0.2 else 4] += 1
    best = max(range(5), key=votes.__getitem__)
    return None if best == 4 or not votes[best] else best


def display_box(turns: int, page: tuple[float, float, float, float]):
    """What turns a box in the page's own space (left, bottom, right, top) into one on the page as
    shown, turned ``turns`` quarter turns clockwise (pdfium's text page orders the text as shown,
    and gives the boxes in the page's own space)."""
    x0, y0, x1, y1 = page
    w, h = x1 - x0, y1 - y0

    def turn(left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        u0, v0, u1, v1 = left - x0, bottom - y0, right - x0, top - y0
        if turns == 1:
            return v0, w - u1, v1, w - u0
        if turns == 2:
            return w - u1, h - v1, w - u0, h - v0
        return h - v1, u0, h - v0, u1

    return turn
