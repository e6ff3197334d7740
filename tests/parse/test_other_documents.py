"""The other forms a plan is sent in: RTF and OpenDocument text (read by converting them to .docx
with LibreOffice, as a legacy .doc is), and images of scanned pages (PNG, JPEG, TIFF …, read
through OCR as a scanned PDF). Each is told by its bytes, whatever its name; a name that says one
form over bytes of another is refused in one line."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from kehoach import extract_bytes, extract_file
from kehoach.errors import ReadError
from kehoach.parse import ocr, sniff_format
from kehoach.parse.image import image_kind, image_to_pdf

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "tests" / "other-formats"
WORD = ROOT / "samples" / "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.docx"
SCAN_OF = ROOT / "samples" / "bac-kan-46-kh-ubnd-2026-chu-thich-bang-ke.pdf"


def _image(kind: str, mode: str = "L", size=(60, 80), frames: int = 1) -> bytes:
    out = io.BytesIO()
    images = [Image.new(mode, size, "white" if mode != "RGBA" else (255, 255, 255, 0)) for _ in range(frames)]
    images[0].save(out, kind, save_all=frames > 1, append_images=images[1:])
    return out.getvalue()


ZIP = b"PK\x03\x04" + bytes(26)
try:
    import img2pdf  # noqa: F401
    NO_IMG2PDF = ""
except ImportError:
    NO_IMG2PDF = "img2pdf is not installed (the ocr extra)"
needs_img2pdf = pytest.mark.skipif(bool(NO_IMG2PDF) and not os.environ.get("KEHOACH_REQUIRE_OCR"), reason=NO_IMG2PDF)


@pytest.mark.parametrize(("data", "name", "fmt"), [
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}", "plan.rtf", "rtf"),
    (b"{\\rtf1\\ansi}", "plan", "rtf"),  # no suffix: the bytes tell
    (b"{\\rtf1\\ansi}", "plan.doc", "rtf"),  # Word saves RTF under .doc too
    (ZIP + b"mimetypeapplication/vnd.oasis.opendocument.text", "plan.odt", "odt"),
    (ZIP + b"mimetypeapplication/vnd.oasis.opendocument.text", "plan.docx", "odt"),
    (ZIP + b"[Content_Types].xml", "plan.docx", "docx"),
    (ZIP + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet", "plan.ods", "docx"),  # refused there, as any zip
    (_image("PNG"), "trang-1.png", "image"),
    (_image("JPEG"), "trang-1.jpg", "image"),
    (_image("TIFF", frames=2), "scan.tif", "image"),
    (_image("GIF"), "scan.gif", "image"),
    (_image("BMP"), "scan.bmp", "image"),
    (_image("PNG"), "scan", "image"),
    (b"BMT 2025: text that opens with the letters of a bitmap", "plan.txt", "text"),
    (b"{ not rtf }", "plan.txt", "text"),
])
def test_the_bytes_tell_the_form(data, name, fmt):
    assert sniff_format(data, name) == fmt


def _zip(*parts: str) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for part in parts:
            zf.writestr(part, "<x/>")
    return out.getvalue()


def _compound(stream: str) -> bytes:
    """The opening of a compound file and its directory's name of the main stream (as Office writes it)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream.encode("utf-16-le") + bytes(64)


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"KE HOACH", "plan.rtf", "plan.rtf: the file is named .rtf but its bytes are not an RTF file"),
    (b"KE HOACH", "plan.odt", "plan.odt: the file is named .odt but its bytes are not an ODT file"),
    (b"KE HOACH", "trang-1.png", "trang-1.png: the file is named .png but its bytes are not a PNG file"),
    (b"KE HOACH", "trang-1.jpg", "trang-1.jpg: the file is named .jpg but its bytes are not a JPG file"),
    (_image("JPEG"), "plan.txt", "plan.txt: the file is named .txt but holds JPG data; rename it to .jpg"),
    (_image("PNG"), "plan.md", "plan.md: the file is named .md but holds PNG data; rename it to .png"),
    (_image("PNG"), "trang-1.png", "trang-1.png: an image (PNG), a scanned page: read it through OCR with --ocr"),
    (_zip("[Content_Types].xml", "xl/workbook.xml"), "phu-luc.xlsx", "phu-luc.xlsx: an Excel workbook, not a document"),
    (_zip("[Content_Types].xml", "ppt/presentation.xml"), "x.pptx", "x.pptx: a PowerPoint presentation, not a document"),
    (_zip("mimetype", "content.xml"), "x.ods", "x.ods: an OpenDocument file that is not text"),
    (_zip("a.txt"), "x.zip", "x.zip: a zip archive but not a Word document"),
    (_compound("Workbook"), "phu-luc.xls", "phu-luc.xls: a legacy Excel or PowerPoint file, not a document"),
    (_compound("PowerPoint Document"), "x.doc", "x.doc: a legacy Excel or PowerPoint file, not a document"),
])
def test_other_office_files_and_names_that_lie_are_one_line(data, name, message):
    with pytest.raises(ReadError) as e:
        extract_bytes(data, name)
    assert str(e.value).startswith(message)
    assert "\n" not in str(e.value)


@pytest.mark.parametrize(("image", "pages", "landscape"), [
    (_image("PNG", size=(1240, 1754)), 1, False),  # A4 at 150 dpi
    (_image("JPEG", mode="RGB", size=(1754, 1240)), 1, True),  # a landscape page (an appendix table)
    (_image("TIFF", frames=3), 3, False),  # a scanner's pages in one file
    (_image("PNG", mode="RGBA"), 1, False),  # alpha: its colours are kept
    (_image("BMP", mode="RGB"), 1, False),
    (_image("GIF", mode="P"), 1, False),
], ids=["png", "jpeg-landscape", "tiff-3-pages", "png-alpha", "bmp", "gif"])
@needs_img2pdf
def test_an_image_is_made_a_pdf_of_a4_pages(image, pages, landscape):
    import pdfplumber

    with pdfplumber.open(io.BytesIO(image_to_pdf(image, "x"))) as pdf:
        assert len(pdf.pages) == pages
        width, height = pdf.pages[0].width, pdf.pages[0].height
    assert round(width / 72 * 25.4) == (297 if landscape else 210)
    with Image.open(io.BytesIO(image)) as im:  # the image whole on its page: its shape kept
        assert abs(height / width - im.height / im.width) < 0.01


@needs_img2pdf
@pytest.mark.parametrize("data", [_image("PNG")[:40], b"\xff\xd8\xff\xe0" + bytes(20), b"II*\x00garbage"])
def test_a_broken_image_is_one_line(data):
    with pytest.raises(ReadError, match=r"^x\.png: this image cannot be read \(\w+\); is the file whole\?$"):
        image_to_pdf(data, "x.png")
    assert image_kind(data)


def _plan(plan: dict) -> tuple:
    tasks = [(t["id"], t["title"], tuple(t["lead"]), tuple(t.get("support") or ()), t.get("deadline"))
             for t in plan["tasks"]]
    head = {k: v for k, v in plan["document"].items()}
    return head, plan["sections"], plan["targets"], tasks, [w["code"] for w in plan["warnings"]]


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
@pytest.mark.parametrize("suffix", [".rtf", ".odt"])
def test_rtf_and_opendocument_give_the_plan_of_their_word_file(suffix):
    word = extract_file(str(WORD))
    other = extract_file(str(FORMS / (WORD.stem + suffix)))
    assert other["source"]["format"] == "docx"
    assert len(word["tasks"]) >= 10
    assert _plan(other) == _plan(word)


def test_without_libreoffice_an_rtf_says_what_to_install(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match=r"^plan\.rtf: RTF document needs converting first: install LibreOffice"):
        extract_bytes(b"{\\rtf1\\ansi KE HOACH}", "plan.rtf")


@pytest.mark.skipif(bool(ocr.missing_engine()) and not os.environ.get("KEHOACH_REQUIRE_OCR"),
                    reason="OCR engine not installed")
def test_a_scanned_page_as_an_image_reads_as_its_pdf():
    """A page printed and scanned to a TIFF (200 dpi, grey) reads, through OCR, as the PDF it was printed
    from: the header and every task, the task table's cells where OCR read the words alike."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(SCAN_OF))
    pages = [pdf[i].render(scale=200 / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    out = io.BytesIO()
    pages[0].save(out, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=(200, 200))
    got = extract_bytes(out.getvalue(), "scan.tif", ocr="auto")
    want = extract_file(str(SCAN_OF))
    assert got["source"]["format"] == "pdf" and got["source"]["pages"] == len(pages)
    for field in ("is_plan", "type", "number", "date", "issuer", "title"):
        assert got["document"][field] == want["document"][field], field
    assert [(t["id"], t["lead"], t.get("support")) for t in got["tasks"]] == \
        [(t["id"], t["lead"], t.get("support")) for t in want["tasks"]]
    assert "ocr" in {w["code"] for w in got["warnings"]}

