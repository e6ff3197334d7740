"""Pages turned every way a PDF can turn them read as the upright page does: a rotation (/Rotate)
set on pages whose text was upright (a viewer shows them sideways), text drawn sideways with a
rotation that shows it upright (a landscape appendix on portrait paper), text drawn sideways with
no rotation, and a document that turns only its last pages. The turned files are made here from
the samples with pypdfium2 (objects transformed, boxes and rotation set)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kehoach import extract_bytes

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ("bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf",  # text pages, footnotes with superscript markers
           "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.pdf")  # ruled appendix tables
_CONTENT_TURN = {1: (0, 1, -1, 0, "h", 0), 2: (-1, 0, 0, -1, "w", "h"), 3: (0, -1, 1, 0, 0, "w")}
"""Counter-clockwise quarter turns of a page's content, moved back into the turned page's box."""


def turned(data: bytes, quarters: int, content: bool, rotate: bool, first_page: int = 0) -> bytes:
    """``data`` with its pages from ``first_page`` on turned: their content drawn ``quarters``
    quarter turns counter-clockwise (``content``), and/or their rotation set to ``quarters``
    clockwise (``rotate``: with ``content``, the rotation shows the text upright again)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(data)
    for i in range(first_page, len(doc)):
        page = doc[i]
        if content:
            w, h = page.get_size()
            a, b, c, d, e, f = (w if v == "w" else h if v == "h" else v for v in _CONTENT_TURN[quarters])
            for k in range(raw.FPDFPage_CountObjects(page.raw)):
                raw.FPDFPageObj_Transform(raw.FPDFPage_GetObject(page.raw, k), a, b, c, d, e, f)
            box = (0, 0, h, w) if quarters % 2 else (0, 0, w, h)
            raw.FPDFPage_SetMediaBox(page.raw, *box)
            raw.FPDFPage_SetCropBox(page.raw, *box)
            assert raw.FPDFPage_GenerateContent(page.raw)
        if rotate:
            raw.FPDFPage_SetRotation(page.raw, quarters)
        page.close()
    out = io.BytesIO()
    doc.save(out)
    doc.close()
    return out.getvalue()


def _plan(data: bytes) -> dict:
    plan = extract_bytes(data, "turned.pdf")
    plan.pop("source")
    return plan


@pytest.fixture(scope="module")
def upright() -> dict:
    return {name: _plan((ROOT / "samples" / name).read_bytes()) for name in SAMPLES}


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("quarters", [1, 2, 3])
@pytest.mark.parametrize("content, rotate", [(False, True), (True, True), (True, False)],
                         ids=["rotation-only", "sideways-shown-upright", "sideways-no-rotation"])
def test_a_turned_page_reads_as_the_upright_page(upright, name, quarters, content, rotate):
    data = turned((ROOT / "samples" / name).read_bytes(), quarters, content, rotate)
    assert _plan(data) == upright[name]


def test_an_appendix_drawn_sideways_after_upright_pages_reads_as_the_upright_document(upright):
    name = SAMPLES[1]
    data = (ROOT / "samples" / name).read_bytes()
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(data))
    assert _plan(turned(data, 1, True, True, first_page=pages - 2)) == upright[name]
    assert _plan(turned(data, 3, True, False, first_page=pages - 2)) == upright[name]
