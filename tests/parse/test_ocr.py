"""Scanned PDFs through OCR (--ocr): the engine check, the corrections from a plan's structure, and
a scan of a sample giving the sample's header, sections and task leads."""

from __future__ import annotations

import os
import random

import pytest

from kehoach import extract_bytes, extract_file
from kehoach.errors import ReadError
from kehoach.parse import ocr
from kehoach.parse.blocks import Loc
from kehoach.parse.rendition import Rendition

from ..conftest import ROOT

SCAN = ROOT / "tests" / "legacy-inputs" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so-scan.pdf"
ROUGH_SCAN = ROOT / "tests" / "legacy-inputs" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so-rough-scan.pdf"
PART_SCAN = ROOT / "tests" / "legacy-inputs" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so-part-scan.pdf"
CLEAN = ROOT / "samples" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.pdf"
MISSING = ocr.missing_engine()


def _corrected(lines: list[str]) -> Rendition:
    r = Rendition(lines=list(lines), origins=[Loc(k + 1, 1) for k in range(len(lines))])
    ocr.correct(r)
    return r


def test_corrections_from_the_plans_structure():
    r = _corrected(["ỦY BAN NHÂN DÂN", "TĨNH HÀ NAM", "", "Hà Nam, ngày 5 tháng 3 năm 2024", "Hà Nam, ngày 6",
                    "L MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "IL_ MỤC TIỂU", "1. MỤC TIÊU CHUNG", "_", "Tỷ lệ đạt 80%.",
                    ",", "II TỔ CHỨC THỰC HIỆN", "- Tính toán kinh phí.", "PHO CHỦ TỊCH"])
    assert r.lines == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM", "", "Hà Nam, ngày 5 tháng 3 năm 2024", "Hà Nam, ngày 6",
                       "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II. MỤC TIÊU", "1. MỤC TIÊU CHUNG", "- Tỷ lệ đạt 80%.",
                       "III. TỔ CHỨC THỰC HIỆN", "- Tính toán kinh phí.", "PHÓ CHỦ TỊCH"]
    assert len(r.origins) == len(r.lines)
    fixes = [w for w in r.warnings if w["loc"]]
    assert len(fixes) == 6 and all(w["code"] == "ocr" for w in r.warnings)
    assert {"line": 8, "page": 1} in [w["loc"] for w in fixes]  # where 'IL_ MỤC TIỂU' stood


@pytest.mark.parametrize("seed", range(20))
def test_roman_heading_numbers_are_renumbered_by_sequence(seed):
    """Generated: 2-7 capitals headings whose numbers OCR replaced by lookalikes at random."""
    rng = random.Random(seed)
    romans = ["I", "II", "III", "IV", "V", "VI", "VII"][:rng.randint(2, 7)]
    lookalike = {"I": ["L", "l", "|"], "II": ["IL_", "Il", "H", "I.", "ll"], "III": ["II", "IIl", "lII"]}
    lines = []
    for n in romans:
        seen = rng.choice(lookalike.get(n, [n])) if rng.random() < 0.6 else n
        lines += [f"{seen}{'' if seen.endswith(('.', '_')) else '.'} NỘI DUNG SỐ {len(lines)}", "1. Mục con", ""]
    r = _corrected(lines)
    assert [line.split(".")[0] for line in r.lines if "NỘI DUNG" in line] == romans


def test_table_rules_read_as_bars_and_group_numbers():
    r = _corrected(["<p>STT</p>\t<p>Nhiệm vụ</p>\t<p>Chủ trì</p>", "<p>I</p>\t<p>Nhóm một</p>\t",
                    "<p>1</p>\t<p>Việc &#124; một</p>\t<p>&#124; Sở Y tế</p>", "<p>H</p>\t<p>Nhóm hai</p>\t",
                    "<p>2</p>\t<p>Việc hai</p>\t<p>Sở Tài chính</p>"])
    assert r.lines == ["<p>STT</p>\t<p>Nhiệm vụ</p>\t<p>Chủ trì</p>", "<p>I</p>\t<p>Nhóm một</p>\t",
                       "<p>1</p>\t<p>Việc một</p>\t<p>Sở Y tế</p>", "<p>II</p>\t<p>Nhóm hai</p>\t",
                       "<p>2</p>\t<p>Việc hai</p>\t<p>Sở Tài chính</p>"]


def test_rules_found_in_a_page_image():
    np = pytest.importorskip("numpy")
    page = np.full((400, 600), 255, dtype=np.uint8)
    page[100:102, 50:550] = 0  # two rules and a column rule
    page[300, 50:550] = 170  # a thin grey rule
    page[100:301, 300] = 0
    page[200:215, 60:70] = 0  # a letter-sized blot is no rule
    hs, vs = ocr.page_rules(page)
    assert [(round(y), a, b) for y, a, b in hs] == [(100, 50, 550), (300, 50, 550)] or len(hs) == 2
    assert [(x, a, b) for x, a, b in vs] == [(300.0, 100, 301)]


def test_a_scan_without_ocr_says_to_use_it():
    with pytest.raises(ReadError, match="extract it with --ocr"):
        extract_bytes(SCAN.read_bytes(), "scan.pdf")


def test_ocr_without_an_engine_says_what_to_install(monkeypatch):
    monkeypatch.setattr(ocr, "missing_engine", lambda: "Tesseract is not installed")
    with pytest.raises(ReadError, match="tesseract-ocr-vie"):
        extract_bytes(SCAN.read_bytes(), "scan.pdf", ocr="auto")


def _leads(plan):
    return [(t["id"], t["lead"]) for t in plan["tasks"]]


def _sections(sections):
    return [(s["id"], s["title"], _sections(s["children"])) for s in sections]


def _ocr_plan_like_clean(scan) -> dict:
    """The plan read from ``scan`` with OCR, once checked to equal the clean rendition's in header, sections
    and leads; its first warning is OCR's summary."""
    plan = extract_file(str(scan), ocr="auto")
    clean = extract_file(str(CLEAN))
    assert plan["document"] == clean["document"]
    assert _sections(plan["sections"]) == _sections(clean["sections"])
    assert _leads(plan) == _leads(clean)
    assert plan["warnings"][0]["code"] == "ocr"
    return plan


@pytest.mark.skipif(bool(MISSING) and not os.environ.get("KEHOACH_REQUIRE_OCR"),
                    reason=f"OCR test skipped: {MISSING}; install {ocr.INSTALL}")
def test_a_scanned_plan_read_with_ocr_gives_the_clean_plan(in_root):
    plan = _ocr_plan_like_clean(SCAN)
    assert "mean word confidence" in plan["warnings"][0]["message"]  # Tesseract's, from OCRmyPDF's hOCR
    assert any(w["loc"] for w in plan["warnings"] if w["code"] == "ocr")  # corrections, each with its line


@pytest.mark.skipif(bool(MISSING) and not os.environ.get("KEHOACH_REQUIRE_OCR"),
                    reason=f"OCR test skipped: {MISSING}; install {ocr.INSTALL}")
def test_a_plan_scanned_sideways_reads_as_the_upright_scan(in_root, tmp_path):
    """Pages shown a quarter turn off (a landscape appendix or a whole plan fed sideways): Tesseract's
    orientation finder turns them upright before they are read."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(SCAN.read_bytes())
    images = []
    for i in range(len(doc)):  # SCAN's own page images turned (a quarter turn loses no pixel), as a scanner gives them
        image = next(doc[i].get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,)))
        images.append(image.get_bitmap(render=False).to_pil().rotate((90, 270)[i % 2], expand=True))
    doc.close()
    sideways = tmp_path / "sideways.pdf"
    images[0].save(sideways, save_all=True, append_images=images[1:], resolution=200)
    plan, clean = extract_file(str(sideways), ocr="auto"), extract_file(str(CLEAN))
    assert plan["document"] == clean["document"]  # the first page and the signature page turned upright
    assert [s["id"] for s in plan["sections"]] == [s["id"] for s in clean["sections"]]
    # The appendix page (landscape, scanned turned the other way) is turned upright too, and drawn upright before its
    # rules are found: its table is read as the upright scan's (OCRmyPDF turns a page by a /Rotate entry, and the
    # rules found in the turned image were drawn in the unturned page's coordinates: the table came apart, warned)
    assert _leads(plan) == _leads(clean)
    assert not {w["code"] for w in plan["warnings"]} & {"table-no-header", "appendix-unread", "table-flattened"}


@pytest.mark.skipif(bool(MISSING) and not os.environ.get("KEHOACH_REQUIRE_OCR"),
                    reason=f"OCR test skipped: {MISSING}; install {ocr.INSTALL}")
def test_a_rough_scan_gives_the_clean_plan_or_says_where_it_could_not(in_root):
    """A worn scanner's pages (skewed, grainy, JPEG, a stamp over the signature): OCR misreads item
    stops, Roman numbers, a header cell and a quarter; corrected, the header, sections, leads and
    supports are the clean plan's, and what stays wrong (a quarter 'IIH', the product column whose
    header was not read) is warned at its table."""
    import difflib

    plan, clean = extract_file(str(ROUGH_SCAN), ocr="auto"), extract_file(str(CLEAN))
    assert plan["document"] == clean["document"]
    assert _sections(plan["sections"]) == _sections(clean["sections"])
    assert _leads(plan) == _leads(clean)
    assert [t["support"] for t in plan["tasks"]] == [t["support"] for t in clean["tasks"]]
    assert all(difflib.SequenceMatcher(a=t["title"], b=c["title"]).ratio() > 0.9
               for t, c in zip(plan["tasks"], clean["tasks"], strict=True))
    warned = {(w["code"], w["loc"]["page"]) for w in plan["warnings"] if w["loc"]}
    for t, c in zip(plan["tasks"], clean["tasks"], strict=True):
        if t["deadline"] != c["deadline"]:
            assert ("deadline-unparsed", t["loc"]["page"]) in warned, t["id"]
        if t["output"] != c["output"]:
            assert any("header cell could not be read" in w["message"] and w["loc"]["page"] == t["loc"]["page"]
                       for w in plan["warnings"] if w["loc"]), t["id"]


def test_a_scanned_page_among_text_pages_is_warned_and_the_rest_read(in_root):
    plan = extract_file(str(PART_SCAN))
    clean = extract_file(str(CLEAN))
    (w,) = [w for w in plan["warnings"] if w["code"] == "page-without-text"]
    assert w["loc"] == {"line": None, "page": 2} and "--ocr" in w["message"]
    assert plan["document"]["number"] == clean["document"]["number"] and plan["tasks"]


@pytest.mark.skipif(bool(MISSING) and not os.environ.get("KEHOACH_REQUIRE_OCR"),
                    reason=f"OCR test skipped: {MISSING}; install {ocr.INSTALL}")
def test_a_part_scanned_plan_read_with_ocr_gives_the_clean_plan(in_root):
    """Only the scanned page goes through OCR; the confidence given is that page's."""
    plan = _ocr_plan_like_clean(PART_SCAN)
    head = plan["warnings"][0]
    assert "page(s) 2 comes from OCR" in head["message"] and "confidence" in head["message"]
    assert not [w for w in plan["warnings"] if w["code"] == "page-without-text"]


def test_low_confidence_pages_are_warned():
    r = Rendition(lines=["KẾ HOẠCH"], origins=[Loc(1, 1)])
    ocr.correct(r, {1: (93.0, 300), 2: (61.5, 120)})
    assert "mean word confidence 84% over 420 words" in r.warnings[0]["message"]
    (low,) = [w for w in r.warnings if w["loc"]]
    assert low["loc"] == {"line": None, "page": 2} and "62%" in low["message"]


@pytest.mark.skipif(bool(MISSING) and not os.environ.get("KEHOACH_REQUIRE_OCR"),
                    reason=f"OCR test skipped: {MISSING}; install {ocr.INSTALL}")
def test_batch_ocr_converts_a_scan(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "kehoach.cli", "batch", str(SCAN), "-o", str(tmp_path / "out")],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 1 and "--ocr" in r.stdout + r.stderr
    r = subprocess.run([sys.executable, "-m", "kehoach.cli", "batch", "--ocr", str(SCAN), "-o", str(tmp_path / "out2")],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert len(list((tmp_path / "out2").rglob("*.yaml"))) == 1


@pytest.mark.skipif(bool(MISSING) and not os.environ.get("KEHOACH_REQUIRE_OCR"),
                    reason=f"OCR test skipped: {MISSING}; install {ocr.INSTALL}")
def test_a_blank_scan_read_with_ocr_says_ocr_found_nothing(in_root):
    blank = ROOT / "tests" / "fixtures" / "scanned-no-text-layer.pdf"
    with pytest.raises(ReadError, match="OCR found no text on any page") as e:
        extract_file(str(blank), ocr="auto")
    assert "--ocr" not in str(e.value) and str(blank) in str(e.value)


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_turned_by_rotate_is_drawn_upright_as_shown(turn):
    """OCRmyPDF turns a sideways scan upright with a /Rotate entry; :func:`ocr_rules.upright_pages` draws it upright
    instead (no /Rotate, its box turned), so the page looks the same, pixel for pixel, and the rules found in its
    image share the coordinates of its text layer."""
    import io

    import numpy as np
    import pikepdf
    import pypdfium2 as pdfium

    from kehoach.parse.ocr_rules import upright_pages

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 200))
    page = pdf.pages[0]
    page.contents_add(pikepdf.Stream(pdf, b"0 G 4 w 20 30 m 280 30 l S 20 30 m 20 170 l S 0 g 40 60 100 50 re f"))
    page.obj.Rotate = turn
    buf = io.BytesIO()
    pdf.save(buf)
    before, after = buf.getvalue(), upright_pages(buf.getvalue())

    def shown(data: bytes):
        doc = pdfium.PdfDocument(data)
        try:
            return np.asarray(doc[0].render(scale=1, grayscale=True).to_pil().convert("L"))
        finally:
            doc.close()

    assert np.array_equal(shown(before), shown(after))
    with pikepdf.open(io.BytesIO(after)) as turned:
        assert "/Rotate" not in turned.pages[0].obj
        assert [float(v) for v in turned.pages[0].mediabox] == ([0, 0, 200, 300] if turn != 180 else [0, 0, 300, 200])
    assert upright_pages(upright_pages(before)) == upright_pages(before)  # an upright page is left as it is
