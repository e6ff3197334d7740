"""Row numbers OCR left out of a ruled table's numbering column, read again from the cell alone
(kehoach.parse.ocr_cells), and what OCR's unsure words tell the tasks (kehoach.parse.ocr_unsure)."""

from __future__ import annotations

import io
import os

import pytest

from kehoach.parse import ocr, ocr_cells
from kehoach.parse.blocks import Loc
from kehoach.parse.ocr_tasks import unsure_in_tasks, unsure_message
from kehoach.parse.rendition import Rendition

MISSING = ocr.missing_engine()
FONT = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"


def test_the_first_column_of_a_ruled_table():
    hs = [(100, 50, 500), (150, 50, 500), (300, 50, 500), (340, 50, 500), (450, 50, 500)]
    vs = [(50, 100, 450), (120, 100, 300), (120, 340, 450), (300, 100, 300), (300, 340, 450), (500, 100, 450)]
    (cells,) = ocr_cells.first_column(hs, vs)  # the row 300-340 is merged across the table: no first cell
    assert [(c[1], c[3], c[2]) for c in cells] == [(100, 150, 120), (150, 300, 120), (340, 450, 120)]
    assert ocr_cells.first_column(hs, []) == []


def _scanned_table(numbers: list[str], dropped: set[int], dpi: int) -> bytes:
    """A page image of a ruled table (a header row 'TT | Nội dung | Chủ trì', then a row for each
    number), with a text layer that holds every cell's text but the numbers of the rows in
    ``dropped``, as Tesseract leaves them out."""
    import pikepdf
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    width, height = 595, 842
    image = Image.new("L", (int(width * scale), int(height * scale)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(12 * scale))
    cols = [60, 160, 380, 540]
    rows = [80 + 70 * k for k in range(len(numbers) + 2)]
    for y in rows:
        draw.line([(cols[0] * scale, y * scale), (cols[-1] * scale, y * scale)], fill=0, width=max(1, int(scale)))
    for x in cols:
        draw.line([(x * scale, rows[0] * scale), (x * scale, rows[-1] * scale)], fill=0, width=max(1, int(scale)))
    texts = []
    for r, cells in enumerate([["TT", "Noi dung", "Chu tri"]] + [[n, f"Viec so {n}", "So Tai chinh"] for n in numbers]):
        for c, text in enumerate(cells):
            x, y = cols[c] + 6, rows[r] + 6
            draw.text((x * scale, y * scale), text, font=font, fill=0)
            if not (c == 0 and r - 1 in dropped):
                texts.append(f"BT 3 Tr /F1 12 Tf 1 0 0 1 {x} {height - y - 11} Tm ({text}) Tj ET")
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=dpi)
    pdf = pikepdf.open(io.BytesIO(buf.getvalue()))
    page = pdf.pages[0]
    font_dict = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    page.add_resource(pdf.make_indirect(font_dict), pikepdf.Name.Font, name=pikepdf.Name.F1)
    page.contents_add(pikepdf.Stream(pdf, " ".join(texts).encode()), prepend=False)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.skipif(bool(MISSING) and not os.environ.get("KEHOACH_REQUIRE_OCR") or not os.path.exists(FONT),
                    reason=f"OCR test skipped: {MISSING}; install {ocr.INSTALL}")
@pytest.mark.parametrize("numbers,dropped,dpi,want", [
    (["1", "2", "3", "4"], {1, 2}, 200, ["2", "3"]),
    (["1", "2", "3", "4"], {0}, 150, ["1"]),  # the first row, under the header
    (["8", "9", "10", "11"], {2, 3}, 200, ["10", "11"]),
    (["98", "99", "100", "101"], {2}, 300, ["100"]),
    (["1", "2", "7", "4"], {2}, 200, []),  # read as 7 between 2 and 4: no fit, left out (the row stays joined, warned)
    (["1", "2", "3", "4"], set(), 200, []),  # nothing dropped: nothing read again
])
def test_a_dropped_row_number_is_read_again_when_it_fits(numbers, dropped, dpi, want):
    drawn, found = ocr.draw_rules(_scanned_table(numbers, dropped, dpi))
    assert [r.text for r in found] == want
    import pypdfium2 as pdfium

    text = pdfium.PdfDocument(drawn)[0].get_textpage().get_text_range()
    assert all(n in text.split() for n in want)  # written into the text layer


def test_an_unsure_word_in_a_tasks_deadline_is_warned_on_the_task():
    r = Rendition(lines=["<p>1</p>\t<p>Việc một</p>\t<p>Sở A</p>\t<p>Quý II Năm 2026</p>",
                         "<p>2</p>\t<p>Việc hai</p>\t<p>Sở B</p>\t<p>Quý II Năm 2027</p>"],
                  origins=[Loc(5, 2), Loc(5, 2)])
    ocr.correct(r, None, {2: [ocr.Unsure("II", 70, "Quý", "Năm")]})
    (line,) = [w for w in r.warnings if w["message"].startswith("OCR unsure")]
    assert line["message"] == unsure_message(["'II' (70%)"], "1") and line["loc"] == {"line": 5, "page": 2}
    tasks = [{"id": f"A1.{n}", "no": str(n), "source": "appendix", "lead": [f"Sở {c}"], "support": [],
              "deadline": {"text": f"Quý II Năm {2025 + n}"}, "loc": {"line": 5, "page": 2}} for n, c in ((1, "A"), (2, "B"))]
    (w,) = unsure_in_tasks(tasks, r.warnings)
    assert w["message"].startswith("task A1.1: OCR unsure of 'II' (70%) in its deadline 'Quý II Năm 2026'")
    body = [{"id": "II.1", "source": "body", "lead": ["Sở C"], "support": [], "deadline": None, "loc": {"line": 3, "page": 2}},
            {"id": "II.2", "source": "body", "lead": ["Sở C"], "support": [], "deadline": None, "loc": {"line": 9, "page": 2}}]
    said = unsure_in_tasks(body, [{"code": "ocr", "message": unsure_message(["'C' (60%)"]), "loc": {"line": 6, "page": 2}}])
    assert [w["message"][:10] for w in said] == ["task II.1:"]  # the paragraph that starts last above the line


def test_a_quarters_roman_number_read_as_ones():
    from kehoach.parse.ocr_layout import fix_marks

    lines = ["<p>Quý IV/2025-Quý 11/2026</p>\t<p>x</p>", "Quý 1/2026, Quý 111 năm 2025, Quý 1V/2025, Quý H Năm 2026",
             "Quý 12/2026"]
    fix_marks(lines)
    assert lines == ["<p>Quý IV/2025-Quý II/2026</p>\t<p>x</p>",
                     "Quý 1/2026, Quý III năm 2025, Quý IV/2025, Quý II Năm 2026", "Quý 12/2026"]


def test_a_header_repeated_after_a_page_break_with_a_cell_misread():
    from kehoach.parse.ocr_layout import fix_header_cells, unread_header_cells

    header = "<p>TT</p>\t<p>Nội dung nhiệm vụ</p>\t<p>Cơ quan chủ trì</p>\t<p>Cơ quan phối hợp</p>"
    lines = [header, "<p>1</p>\t<p>Việc</p>\t<p>Sở A</p>\t<p>Sở B</p>", "",
             "<p>TF</p>\t<p>Nội dung/nhiệm vụ</p>\t<p>Cơ quan chủ trì</p>\t<p>Cơ quan phối hợp</p>",
             "<p>2</p>\t<p>Việc</p>\t<p>Sở A</p>\t<p>Sở B</p>"]
    assert fix_header_cells(lines) == [(3, "TF", "TT")]
    assert lines[3].startswith("<p>TT</p>\t") and unread_header_cells(lines) == []
