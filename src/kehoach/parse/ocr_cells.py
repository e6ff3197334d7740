"""Row numbers Tesseract left out of a ruled table's numbering column, read again from the cell alone.

Reading a whole page, Tesseract drops a number that stands alone in a wide cell ("3" at the top
left of a tall row whose other cells hold lines of text): its layout analysis takes the lone glyph
for a speck. The table reader then joins that row to the row above (warned ``table-row-joined``)
and its task is lost. So a cell of a ruled table's first column whose text layer holds nothing,
though its image holds ink and the other cells of its row hold text, is cropped from the page
image and read alone by Tesseract as digits (:data:`READINGS`: a word, else a line; a whitelist of
digits and "."). What it reads is kept only when it is the next number of the column's sequence: one more
than the number above it (on this page or an earlier one), or 1 under the column's header or a
group's row ("II"); and less than the number below it. It is then written into the text layer over the cell's ink, invisible as the OCR
layer is, and returned for the caller to warn. A reading that does not fit is dropped: the row is
joined and warned as before.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from itertools import pairwise
from typing import NamedTuple

from .. import rx

_TOL = 4
"""Pixels (at the rules' resolution) by which two rules may miss each other and still meet."""
_INK = 12
"""Dark pixels a cell must hold to be read again (a digit at 150 dpi holds some fifty)."""
_CROP_DPI = 300
_NUMBER = rx.compile(r"^(?P<n>\d{1,3})\.?$")
_WHITELIST = "0123456789."


class Reread(NamedTuple):
    """A row number read again from its cell alone."""

    page: int
    """The page (from 1)."""
    text: str
    """What Tesseract read, as written into the text layer."""
    box: tuple[float, float, float, float]
    """Where its ink stands on the page, in PDF points from the bottom left: left, bottom, right, top."""


def first_column(hs: list, vs: list) -> list[list[tuple[float, float, float, float, float]]]:
    """The cells of each ruled table's first column on a page, top down, in the pixels of the rules'
    image: (left, top, right, bottom, where the row's rules end on the right). A table's left edge is
    a vertical rule with no vertical rule to its left beside it; its rows are bounded by the
    horizontal rules that start at that edge; a row's first cell ends at the next vertical rule
    that runs the row's height (a row merged across the table has none: it is left out)."""
    out = []
    for x, a, b in vs:
        if any(x2 < x - _TOL and min(b, b2) - max(a, a2) > 0.5 * (b - a) for x2, a2, b2 in vs):
            continue
        rows = sorted((y, right) for y, left, right in hs if abs(left - x) <= _TOL and right > x + 5 * _TOL
                      and a - _TOL <= y <= b + _TOL)
        cells = []
        for (top, right), (bottom, _) in pairwise(rows):
            if bottom - top <= 2 * _TOL:
                continue
            ends = [x2 for x2, a2, b2 in vs if x + _TOL < x2 < right - _TOL and a2 <= top + _TOL and b2 >= bottom - _TOL]
            if ends:
                cells.append((x, top, min(ends), bottom, right))
        if len(cells) >= 2:
            out.append(cells)
    return out


def lost_numbers(page, number: int, gray, hs: list, vs: list, last: list[int | None], lang: str) -> list[Reread]:
    """The row numbers of the page's ruled tables that OCR left out, read again and fitting the
    sequence (see the module's docstring); ``last`` holds the last number read in a first column,
    carried from page to page (a table goes on over a page break)."""
    width, height = page.get_size()
    k = width / gray.shape[1]
    tp = page.get_textpage()
    out: list[Reread] = []
    try:
        def text(left: float, top: float, right: float, bottom: float) -> str:
            return tp.get_text_bounded(left * k, height - bottom * k, right * k, height - top * k).strip()

        for cells in first_column(hs, vs):
            texts = [text(x0 + _TOL, y0 + _TOL, x1 - _TOL, y1 - _TOL) for x0, y0, x1, y1, _ in cells]
            numbers = [_number(t) for t in texts]
            restart = last[0] is None  # a header or a group's row above and no number since: 1 is due too
            for i, ((x0, y0, x1, y1, right), own) in enumerate(zip(cells, texts, strict=True)):
                if numbers[i] is not None:
                    last[0], restart = numbers[i], False
                    continue
                if any(c.isalnum() for c in own):
                    restart = True  # the column's header, or a group's number ("II") over rows numbered from 1
                    continue
                if not text(x1 + _TOL, y0 + _TOL, right - _TOL, y1 - _TOL):
                    continue  # a row left blank, or a row's continuation under a page break
                ink = _ink(gray, x0, y0, x1, y1)
                if ink is None:
                    continue
                due = {last[0] + 1} if last[0] is not None else set()
                if restart:
                    due.add(1)
                below = next((n for n in numbers[i + 1:] if n is not None), None)
                seen = next((n for n in map(_number, _readings(page, ink, k, height, lang))
                             if n in due and (below is None or below > n)), None)
                if seen is None:
                    continue
                box = (ink[0] * k, height - ink[3] * k, ink[2] * k, height - ink[1] * k)
                out.append(Reread(number, str(seen), box))
                numbers[i] = last[0] = seen
                restart = False
    finally:
        tp.close()
    return out


def _number(text: str) -> int | None:
    m = _NUMBER.match(text)
    return int(m.group("n")) if m else None


def _ink(gray, x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int] | None:
    """The box of the dark pixels inside a cell (its rules left out), or None when it holds too few."""
    import numpy as np

    top, left = int(y0) + _TOL, int(x0) + _TOL
    dark = gray[top:int(y1) - _TOL + 1, left:int(x1) - _TOL + 1] < 128
    if int(dark.sum()) < _INK:
        return None
    rows, cols = np.flatnonzero(dark.any(axis=1)), np.flatnonzero(dark.any(axis=0))
    return left + int(cols[0]), top + int(rows[0]), left + int(cols[-1]) + 1, top + int(rows[-1]) + 1


READINGS = (("8", 20), ("7", 40))
"""How a cell is read, in turn until a reading fits: Tesseract's page segmentation mode (8: one word,
7: one line) and the white margin (pixels) around the crop. Measured on the numbering cells OCR
left out of two real plans' scans (23 cells): each mode alone read 22 or 23 right, and no cell was
read wrong by both; the other modes and margins tried (10: one character, 13: a raw line) read fewer."""


def _readings(page, ink: tuple[int, int, int, int], k: float, height: float, lang: str):
    """What Tesseract reads in the box ``ink`` (pixels of the rules' image), cropped from the page
    at a higher resolution, in each way of :data:`READINGS` in turn (a generator: the caller stops
    at the first that fits)."""
    from PIL import ImageOps

    width = page.get_size()[0]
    pad = 3
    left, top, right, bottom = ((ink[0] - pad) * k, (ink[1] - pad) * k, (ink[2] + pad) * k, (ink[3] + pad) * k)
    crop = page.render(scale=_CROP_DPI / 72, grayscale=True,
                       crop=(max(left, 0), max(height - bottom, 0), max(width - right, 0), max(top, 0))).to_pil()
    with tempfile.TemporaryDirectory(prefix="kehoach-cell-") as tmp:
        for psm, margin in READINGS:
            path = os.path.join(tmp, f"cell{psm}.png")
            ImageOps.expand(crop.convert("L"), border=margin, fill=255).save(path)
            try:
                r = subprocess.run(["tesseract", path, "stdout", "-l", lang, "--psm", psm,
                                    "-c", f"tessedit_char_whitelist={_WHITELIST}"],
                                   capture_output=True, text=True, timeout=60)
            except (OSError, subprocess.TimeoutExpired):
                return
            yield "".join(r.stdout.split()) if r.returncode == 0 else ""


def text_ops(found: list[Reread], font: str) -> bytes:
    """Content that writes each number invisibly (render mode 3, as OCR text layers are) over its
    ink, in a size that fills the ink's height as a digit fills its font's."""
    ops = []
    for r in found:
        left, bottom, _, top = r.box
        size = max((top - bottom) / 0.72, 4.0)
        ops.append(f"BT 3 Tr {font} {size:.2f} Tf 1 0 0 1 {left:.2f} {bottom:.2f} Tm ({r.text}) Tj ET")
    return ("q " + " ".join(ops) + " Q").encode()
