"""Pages with ruling lines read through pypdfium2 (parse/pdf_objects, parse/pdf_ruling) must give
exactly what pdfplumber gives: the same text lines and table cells, the same edges for the table
finder; pages the reader cannot reproduce are left to pdfplumber."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from kehoach.parse import pdf
from kehoach.parse.pdf_objects import FontDescents, scan
from kehoach.parse.pdf_ruling import ruled_page

ROOT = Path(__file__).resolve().parents[2]
RULED = ["samples/bac-kan-46-kh-ubnd-2026-chu-thich-bang-ke.pdf", "samples/bac-kan-47-kh-ubnd-2026-chu-thich-trong-o-bang.pdf",
         "samples/hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.pdf", "samples/thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.pdf",
         "tests/heldout/h07-hue-tet-ruled.pdf", "tests/real/r22-hanoi-173-kh-ubnd.pdf",
         "tests/legacy-inputs/lao-cai-215-kh-ubnd-2024-du-lich-cong-dong-crlf-layer-split.pdf"]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def rendition(data: bytes, reader: str, monkeypatch) -> list[tuple]:
    monkeypatch.setattr(pdf, "RULED_READER", reader)
    r = pdf.read_pdf(data, "t.pdf")
    return [(loc.page, loc.line, line) for line, loc in zip(r.lines, r.origins, strict=True)] + \
        [("warning", w["code"], str(w["loc"])) for w in r.warnings]


def pages_read(data: bytes) -> list[bool]:
    """For each page that draws lines: did the pypdfium2 reader read it (not unsure)?"""
    from kehoach.parse.pdfium import open_document

    doc = open_document(data)
    fonts = FontDescents(data)
    out = []
    for i in range(len(doc)):
        page = doc[i]
        if pdf.has_rules(page):
            out.append(ruled_page(page, page.get_textpage(), partial(fonts.page, i)) is not None)
    doc.close()
    return out


@pytest.mark.parametrize("name", RULED)
def test_same_lines_and_cells_as_pdfplumber(name, monkeypatch):
    data = (ROOT / name).read_bytes()
    assert rendition(data, "pdfium", monkeypatch) == rendition(data, "pdfplumber", monkeypatch)
    read = pages_read(data)
    assert read and all(read)


def drawn(shapes, twice: bool = False) -> bytes:
    """A one-page PDF with a three-by-three table of text cells and ``shapes(pdf)`` drawn on it;
    ``twice``: the header cells printed again a hair to the right (how some producers make bold)."""
    fpdf = pytest.importorskip("fpdf")
    if not FONT.exists():
        pytest.skip("needs the DejaVu fonts")
    doc = fpdf.FPDF(unit="pt", format="A4")
    doc.add_page()
    doc.add_font("serif", "", str(FONT))
    doc.set_font("serif", size=11)
    for r in range(3):
        for c in range(3):
            doc.rect(60 + 150 * c, 100 + 40 * r, 150, 40)
            text = ["STT", "Nội dung", "Cơ quan chủ trì"][c] if r == 0 else f"Ô {r}.{c} thực hiện"
            doc.text(64 + 150 * c, 124 + 40 * r, text)
            if twice and r == 0:
                doc.text(64.3 + 150 * c, 124, text)
    shapes(doc)
    doc.text(60, 320, "Đoạn văn bản dưới bảng, in sát đường kẻ cuối.")
    return bytes(doc.output())


def plumber_edges(data: bytes) -> list[tuple]:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as p:
        return sorted((e["orientation"], round(e["x0"], 3), round(e["top"], 3), round(e["x1"], 3), round(e["bottom"], 3))
                      for e in p.pages[0].edges if e["orientation"])


def pdfium_edges(data: bytes) -> list[tuple]:
    from kehoach.parse.pdfium import open_document

    doc = open_document(data)
    page = doc[0]
    out = sorted((e["orientation"], round(e["x0"], 3), round(e["top"], 3), round(e["x1"], 3), round(e["bottom"], 3))
                 for e in scan(page, page.get_size()[1])[0])
    doc.close()
    return out


def lines_and_shapes(doc) -> None:
    doc.set_fill_color(0, 0, 0)
    doc.rect(60, 230, 450, 0.8, style="F")  # a rule drawn as a thin filled rectangle
    doc.line(60, 260, 510, 260)
    doc.set_dash_pattern(dash=2, gap=2)
    doc.line(60, 280, 510, 280)
    doc.set_dash_pattern()
    doc.line(300, 285, 320, 300)  # slanted: pdfplumber makes it a vertical edge all the same
    doc.polygon([(60, 290), (120, 290), (120, 300), (90, 305), (60, 300)], style="D")  # sides of a shape


def test_edges_of_lines_rectangles_and_shapes_as_pdfplumber(monkeypatch):
    data = drawn(lines_and_shapes)
    assert pdfium_edges(data) == plumber_edges(data)
    assert rendition(data, "pdfium", monkeypatch) == rendition(data, "pdfplumber", monkeypatch)
    assert pages_read(data) == [True]


def test_curves_are_left_to_pdfplumber(monkeypatch):
    data = drawn(lambda doc: doc.circle(400, 300, 10))
    assert pages_read(data) == [False]
    assert rendition(data, "pdfium", monkeypatch) == rendition(data, "pdfplumber", monkeypatch)


def test_horizontally_scaled_text_as_pdfplumber(monkeypatch):
    def stretched(doc) -> None:
        doc.set_stretching(125)  # Tz: each glyph's advance set a quarter wider
        doc.text(60, 300, "Chữ giãn rộng nằm dưới bảng, gần đường kẻ")
        doc.set_stretching(100)

    data = drawn(stretched)
    assert pages_read(data) == [True]
    assert rendition(data, "pdfium", monkeypatch) == rendition(data, "pdfplumber", monkeypatch)


def test_text_printed_twice_for_bold_is_left_to_pdfplumber(monkeypatch):
    data = drawn(lambda doc: None, twice=True)
    assert pages_read(data) == [False]  # pdfium's text page drops the second print, pdfminer keeps both
    assert rendition(data, "pdfium", monkeypatch) == rendition(data, "pdfplumber", monkeypatch)


def test_standard_fonts_are_left_to_pdfplumber(monkeypatch):
    fpdf = pytest.importorskip("fpdf")
    doc = fpdf.FPDF(unit="pt", format="A4")
    doc.add_page()
    doc.set_font("helvetica", size=11)  # pdfminer takes its metrics from its own tables, not the file
    for r in range(3):
        for c in range(3):
            doc.rect(60 + 150 * c, 100 + 40 * r, 150, 40)
            doc.text(64 + 150 * c, 124 + 40 * r, ["STT", "Noi dung", "Chu tri"][c] if r == 0 else "Noi dung")
    data = bytes(doc.output())
    assert pages_read(data) == [False]
    assert rendition(data, "pdfium", monkeypatch) == rendition(data, "pdfplumber", monkeypatch)
