"""Table rules found in the page images of an OCR'd PDF, drawn back as vector lines.

A scan holds its tables' ruling lines as pixels, which the PDF reader cannot see; it finds ruled
tables by their lines, as in a born-digital PDF. Each page is rendered in grey, its long straight
runs of dark pixels (far longer than any stroke of a letter) are taken as rules, and drawn into the
page as thin vector lines. Numbers Tesseract dropped from a table's numbering column are read again
from the cells those rules bound (:mod:`.ocr_cells`) and written into the text layer.
"""

from __future__ import annotations

from .ocr_cells import Reread, lost_numbers, text_ops

RULE_DPI = 150


def _runs(dark, min_len: int) -> list[tuple[int, int, int]]:
    """Runs of dark pixels at least ``min_len`` long in each row: (row, start, end)."""
    import numpy as np

    out = []
    for r in range(dark.shape[0]):
        edges = np.flatnonzero(np.diff(np.concatenate(([0], dark[r].astype(np.int8), [0]))))
        for a, b in zip(edges[::2], edges[1::2], strict=True):
            if b - a >= min_len:
                out.append((r, int(a), int(b)))
    return out


def _merge(runs: list[tuple[int, int, int]]) -> list[tuple[float, int, int]]:
    """Runs on neighbouring rows with the same ends are one rule (a line a few pixels thick)."""
    groups: list[list] = []  # [first row, last row, start, end]
    for r, a, b in runs:
        for g in groups:
            if r - g[1] <= 2 and abs(a - g[2]) <= 3 and abs(b - g[3]) <= 3:
                g[1] = r
                break
        else:
            groups.append([r, r, a, b])
    return [((g[0] + g[1]) / 2, g[2], g[3]) for g in groups]


def page_rules(gray) -> tuple[list, list]:
    """Horizontal and vertical rules of a page image (a 2-D array of grey levels): long straight
    runs of dark pixels, far longer than any stroke of a letter."""
    dark = gray < 200  # a thin rule resampled from the scan is grey, not black
    h, w = dark.shape
    return _merge(_runs(dark, max(20, int(w * 0.03)))), _merge(_runs(dark.T, max(20, int(h * 0.02))))


def draw_rules(pdf_bytes: bytes, lang: str = "eng") -> tuple[bytes, list[Reread]]:
    """The OCR'd PDF with the table rules of its page images drawn as vector lines, so the PDF
    reader finds the tables by their rules as in a born-digital PDF, and the row numbers of their
    numbering columns that OCR left out read again (:func:`.ocr_cells.lost_numbers`) and written
    into the text layer; and those numbers."""
    import io

    import numpy as np
    import pikepdf
    import pypdfium2 as pdfium

    pdf_bytes = upright_pages(pdf_bytes)
    doc = pdfium.PdfDocument(pdf_bytes)
    strokes: list[bytes] = []
    found: list[Reread] = []
    last: list[int | None] = [None]  # the last row number read in a numbering column, page after page
    try:
        for i in range(len(doc)):
            page = doc[i]
            width, height = page.get_size()
            gray = np.asarray(page.render(scale=RULE_DPI / 72, grayscale=True).to_pil().convert("L"))
            k = width / gray.shape[1]
            hs, vs = page_rules(gray)
            ops = [f"{a * k:.2f} {height - y * k:.2f} m {b * k:.2f} {height - y * k:.2f} l S" for y, a, b in hs]
            ops += [f"{x * k:.2f} {height - a * k:.2f} m {x * k:.2f} {height - b * k:.2f} l S" for x, a, b in vs]
            strokes.append(("q 0 G 0.5 w " + " ".join(ops) + " Q").encode() if ops else b"")
            if hs and vs:
                found.extend(lost_numbers(page, i + 1, gray, hs, vs, last, lang))
            page.close()
    finally:
        doc.close()
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for n, (pdf_page, stroke) in enumerate(zip(pdf.pages, strokes, strict=True), start=1):
            if stroke:
                pdf_page.contents_add(pikepdf.Stream(pdf, stroke), prepend=False)
            mine = [r for r in found if r.page == n]
            if mine:
                font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                          BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding)
                name = pdf_page.add_resource(pdf.make_indirect(font), pikepdf.Name.Font, prefix="KhNum")
                pdf_page.contents_add(pikepdf.Stream(pdf, text_ops(mine, str(name))), prepend=False)
        buf = io.BytesIO()
        pdf.save(buf)
        return buf.getvalue(), found


def upright_pages(pdf_bytes: bytes) -> bytes:
    """The PDF with each page that OCR turned upright by a /Rotate entry (a landscape page scanned turned a quarter)
    drawn upright instead: its content under a matrix that turns it as /Rotate would and its box turned, so that
    the rules found in its image and the text layer's words share the page's own coordinates. Unchanged when no
    page is turned (or a turned page's box does not start at 0, 0)."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        turned = False
        for page in pdf.pages:
            turn = int(page.obj.get("/Rotate", 0)) % 360
            x0, y0, w, h = (float(v) for v in page.mediabox)
            if not turn or x0 or y0 or "/CropBox" in page.obj and list(page.obj.CropBox) != list(page.mediabox):
                continue
            matrix = {90: f"0 -1 1 0 0 {w}", 180: f"-1 0 0 -1 {w} {h}", 270: f"0 1 -1 0 {h} 0"}[turn]
            page.contents_add(pikepdf.Stream(pdf, f"q {matrix} cm ".encode()), prepend=True)
            page.contents_add(pikepdf.Stream(pdf, b" Q"), prepend=False)
            page.obj.MediaBox = pikepdf.Array([0, 0, h, w] if turn in (90, 270) else [0, 0, w, h])
            if "/CropBox" in page.obj:
                del page.obj["/CropBox"]
            del page.obj["/Rotate"]
            turned = True
        if not turned:
            return pdf_bytes
        buf = io.BytesIO()
        pdf.save(buf)
        return buf.getvalue()
