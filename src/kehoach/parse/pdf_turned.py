"""PDF pages read the way their text runs: what the reader needs beyond pdfium's turned text page
(:meth:`kehoach.parse.pdfium.Page.upright_textpage`) for pages turned against their text."""

from __future__ import annotations


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
