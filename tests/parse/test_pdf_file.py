"""The page fonts read straight from a PDF file (parse/pdf_file) must be what pdfminer reads, page
by page, for every PDF under test and for the same files written other ways (object streams,
cross-reference streams, linearized, an incremental update); a file the direct reader does not read
exactly is left to pdfminer."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach.parse.pdf_file import PdfFile
from kehoach.parse.pdf_objects import FontDescents, Unsure
from kehoach.parse.pdf_syntax import STREAM_NULL, Name, Ref, Unreadable, parse

ROOT = Path(__file__).resolve().parents[2]
PDFS = sorted(p for folder in ("samples", "tests/fixtures", "tests/heldout", "tests/legacy-inputs", "tests/real",
                                "tests/extract/files") for p in (ROOT / folder).glob("*.pdf"))
REFUSED = {"encrypted.pdf", "truncated.pdf"}  # left to pdfminer (and refused by pdfium before fonts are asked)


def fonts(data: bytes, direct: bool) -> tuple[list, bool]:
    """Each page's font descents (or "unsure"), and whether the direct reader gave them."""
    import pypdfium2 as pdfium

    found = FontDescents(data)
    found._direct = direct
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return [], found._direct
    out: list = []
    for i in range(len(doc)):
        try:
            out.append(found.page(i))
        except Unsure:
            out.append("unsure")
    doc.close()
    return out, found._direct


def same_as_pdfminer(data: bytes) -> bool:
    """Whether the direct reader read the file itself (the pages' fonts asserted equal to pdfminer's)."""
    direct, used = fonts(data, True)
    assert direct == fonts(data, False)[0]
    return used


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_page_fonts_as_pdfminer_reads_them(path):
    data = path.read_bytes()
    if path.name in REFUSED:
        with pytest.raises(Unreadable):
            PdfFile(data)
    else:
        assert same_as_pdfminer(data)


@pytest.mark.skipif(not shutil.which("qpdf"), reason="needs qpdf")
@pytest.mark.parametrize("how", [["--object-streams=generate"], ["--linearize"], ["--object-streams=generate", "--linearize"],
                                 ["--qdf"]], ids=["object-streams", "linearized", "both", "qdf"])
@pytest.mark.parametrize("name", ["samples/hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.pdf", "tests/real/r22-hanoi-173-kh-ubnd.pdf",
                                  "tests/heldout/h07-hue-tet-ruled.pdf"])
def test_other_layouts_of_the_file(name, how, tmp_path):
    out = tmp_path / "out.pdf"
    subprocess.run(["qpdf", *how, str(ROOT / name), str(out)], check=True)
    assert same_as_pdfminer(out.read_bytes())


def update(data: bytes, objects: dict[int, bytes | None]) -> bytes:
    """``data`` with an incremental update appended: each object given a new body, or freed (None)."""
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    root = re.search(rb"/Root (\d+ \d+ R)", data)
    size = re.findall(rb"/Size (\d+)", data)
    assert root and size
    out = bytearray(data.rstrip(b"\r\n") + b"\n")
    entries = []
    for number, body in sorted(objects.items()):
        if body is None:
            entries.append(b"%d 1\n0000000000 00001 f \n" % number)
            continue
        entries.append(b"%d 1\n%010d 00000 n \n" % (number, len(out)))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n" + b"".join(entries)
    out += b"trailer\n<< /Size %s /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (size[-1], root[1], prev, xref)
    return bytes(out)


def first_descriptor(data: bytes) -> int:
    doc = PdfFile(data)
    resources = doc.resolve(doc.pages()[0]["Resources"])
    font = doc.resolve(next(iter(doc.resolve(resources["Font"]).values())))
    return font["FontDescriptor"].num


SAMPLE = ROOT / "samples" / "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.pdf"


def test_an_incremental_update_replaces_the_object():
    data = SAMPLE.read_bytes()
    number = first_descriptor(data)
    updated = update(data, {number: b"<< /Type /FontDescriptor /Flags 4 /Ascent 900 /Descent -312 >>"})
    assert same_as_pdfminer(updated)
    assert -0.312 in fonts(updated, True)[0][0].values()
    assert -0.312 not in fonts(data, True)[0][0].values()


def test_a_free_entry_in_an_update_leaves_the_older_object():
    data = SAMPLE.read_bytes()
    updated = update(data, {first_descriptor(data): None})
    assert same_as_pdfminer(updated)
    assert fonts(updated, True)[0] == fonts(data, True)[0]


@pytest.mark.skipif(not shutil.which("qpdf"), reason="needs qpdf")
def test_an_update_over_a_cross_reference_stream(tmp_path):
    packed = tmp_path / "packed.pdf"
    subprocess.run(["qpdf", "--object-streams=generate", str(SAMPLE), str(packed)], check=True)
    data = packed.read_bytes()
    updated = update(data, {first_descriptor(data): b"<< /Type /FontDescriptor /Descent -250 >>"})
    assert same_as_pdfminer(updated)
    assert -0.25 in fonts(updated, True)[0][0].values()


@pytest.mark.parametrize("damage", [
    lambda d: d[: d.rfind(b"startxref")],  # no startxref
    lambda d: d[:-30] + b"\n",  # the end cut off
    lambda d: re.sub(rb"(startxref\s+)\d+", rb"\g<1>12", d),  # points into the header
    lambda d: d.replace(b"/Root", b"/Encrypt 1 0 R /Root", 1),
    lambda d: re.sub(rb"/Length (\d+)", lambda m: b"/Length %d" % (int(m[1]) + 5), d, count=1),
], ids=["no-startxref", "cut-end", "bad-offset", "encrypt-key", "bad-length"])
def test_a_file_read_otherwise_is_left_to_pdfminer(damage):
    data = damage(SAMPLE.read_bytes())
    with pytest.raises(Unreadable):
        PdfFile(data).pages()
    same_as_pdfminer(data)


@pytest.mark.parametrize(("text", "value"), [
    (b"<< /A 1 /B -2.5 /C .5 /D null /E [1 0 R /N#20x (a(b)c\\)\\101) <41 42>] >>",
     {"A": 1, "B": -2.5, "C": 0.5, "E": [Ref(1), "N x", b"a(b)c)A", b"AB"]}),
    (b"% comment\n[true false null 3 4 0 R]", [True, False, None, 3, Ref(4)]),
    (b"/caf#C3#A9", "café"),
    (b"/#FF", b"\xff"),
])
def test_objects(text, value):
    def plain(v):
        if isinstance(v, Ref):
            return ("ref", v.num)
        if isinstance(v, list):
            return [plain(x) for x in v]
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        return v

    found, end = parse(text, 0)
    assert plain(found) == plain(value) and end == len(text)
    assert not isinstance(parse(b"/Page", 0)[0], bytes) and isinstance(parse(b"/Page", 0)[0], Name)


def test_null_in_an_object_stream_is_kept_as_pdfminer_keeps_it():
    found, _ = parse(b"<< /A null /B [null] >>", 0, STREAM_NULL)
    assert found == {"A": STREAM_NULL, "B": [STREAM_NULL]}


@pytest.mark.parametrize("text", [b"<< /A >>", b"[1 2", b"/A#2", b"<414>", b"1.2.3", b"(open"])
def test_malformed_objects(text):
    with pytest.raises(Unreadable):
        parse(text, 0)
