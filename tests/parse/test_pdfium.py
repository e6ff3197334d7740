"""kehoach.parse.pdfium binds the pdfium library pypdfium2 ships: each declared function must
match pypdfium2's own declaration, and the document, page and text page it gives must read every
PDF in the repository as pypdfium2's do."""

from __future__ import annotations

import ctypes
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.parse import pdfium
from kehoach.parse.pdfium import PdfiumError, open_document

ROOT = Path(__file__).resolve().parents[2]
PDFS = sorted(p for folder in ("samples", "tests/fixtures", "tests/heldout", "tests/legacy-inputs", "tests/real",
                                "tests/extract/files", "tests/unseen") for p in (ROOT / folder).glob("*.pdf"))
REFUSED = {"encrypted.pdf", "truncated.pdf"}


def _kind(t) -> tuple:
    """What a ctypes type is at the call boundary: a pointer, or a scalar of a size and kind."""
    if t is None:
        return ("void",)
    if isinstance(t, type) and issubclass(t, (ctypes._Pointer, ctypes.c_void_p, ctypes.c_char_p)):
        return ("pointer",)
    return (ctypes.sizeof(t), issubclass(t, (ctypes.c_float, ctypes.c_double)))


@pytest.mark.parametrize("name", sorted(pdfium._SIGNATURES))
def test_each_declaration_matches_pypdfium2s(name):
    import pypdfium2_raw

    theirs = getattr(pypdfium2_raw, name)
    ours = pdfium._SIGNATURES[name]
    assert _kind(ours[0]) == _kind(theirs.restype)
    assert [_kind(t) for t in ours[1:]] == [_kind(t) for t in theirs.argtypes]


def _read(doc) -> list:
    """Everything the readers ask of each page, through either library's objects."""
    out: list = []
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        n = tp.count_chars()
        row = [page.get_size(), page.get_rotation(), tuple(page.get_mediabox()), tuple(page.get_cropbox()), n,
               tp.get_text_range(0, n) if n else "", [tp.get_text_range(k, 1) for k in range(0, n, 7)],
               [tuple(round(v, 4) for v in tp.get_charbox(k, loose=True)) for k in range(0, n, 3)]]
        for kind in (1, 2, 3, 5):
            row.append(sum(1 for _ in page.get_objects(filter=(kind,), max_depth=2)))
        out.append(row)
        tp.close()
        page.close()
    return out


@pytest.mark.parametrize("path", [p for p in PDFS if p.name not in REFUSED], ids=lambda p: p.name)
def test_pages_read_as_pypdfium2_reads_them(path):
    import pypdfium2

    data = path.read_bytes()
    theirs = pypdfium2.PdfDocument(data)
    ours = open_document(data)
    try:
        assert _read(ours) == _read(theirs)
    finally:
        ours.close()
        theirs.close()


@pytest.mark.parametrize("data, password", [
    ((ROOT / "tests/fixtures/encrypted.pdf").read_bytes(), True),
    ((ROOT / "tests/fixtures/truncated.pdf").read_bytes(), False),
    (b"", False),
    (b"%PDF-1.4\n%%EOF\n", False),
    (b"not a pdf at all" * 100, False),
])
def test_what_pdfium_cannot_open_is_an_error_with_its_code(data, password):
    with pytest.raises(PdfiumError) as e:
        open_document(data)
    assert e.value.password is password


def _pdf(*objects: bytes) -> bytes:
    """A PDF of these objects (1 the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref, size = len(out), len(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def _no_page_pdf() -> bytes:
    """A well-formed PDF whose page tree holds no page (pdfium opens it; there is nothing to read)."""
    return _pdf(b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>")


def test_a_pdf_without_pages_is_not_called_encrypted_after_an_encrypted_one():
    """pdfium keeps its last error until a document fails to open: a document that opened with no
    page must not take the error of an earlier file (a batch worker reads many)."""
    with pytest.raises(PdfiumError) as e:
        open_document((ROOT / "tests/fixtures/encrypted.pdf").read_bytes())
    assert e.value.password
    with pytest.raises(PdfiumError) as e:
        open_document(_no_page_pdf())
    assert not e.value.password
    assert "no page" in str(e.value)


@pytest.mark.parametrize("kids", [b"9 0 R", b"2 0 R", b"1 0 R"], ids=["missing", "the-tree-itself", "the-catalog"])
def test_a_page_pdfium_cannot_load_is_a_read_error_naming_the_file_and_page(kids, tmp_path):
    from kehoach import extract_file
    from kehoach.errors import ReadError

    path = tmp_path / "damaged.pdf"
    path.write_bytes(_pdf(b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count 1 >>" % kids))
    with pytest.raises(ReadError) as e:
        extract_file(path)
    assert "damaged.pdf" in str(e.value) and "page 1" in str(e.value)


def test_a_page_past_the_end_is_an_error():
    doc = open_document((ROOT / "samples" / "bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf").read_bytes())
    try:
        with pytest.raises(PdfiumError):
            doc[len(doc)]
    finally:
        doc.close()


_BOTH = """
import sys
from pathlib import Path
from kehoach import extract_file
first = extract_file(sys.argv[1])
import pypdfium2  # initialises pdfium again (OCR renders through it): pdfium ignores the second time
page = pypdfium2.PdfDocument(Path(sys.argv[1]).read_bytes())[0]
assert page.render(scale=0.2).to_pil().size[0] > 10
assert extract_file(sys.argv[1]) == first
print(len(first["tasks"]))
"""


def test_pypdfium2_and_these_bindings_share_the_library_in_one_process():
    sample = ROOT / "samples" / "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.pdf"
    run = subprocess.run([sys.executable, "-c", _BOTH, str(sample)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) > 10


_FALLBACK = """
import json, sys
from kehoach import extract_file
from kehoach.parse import pdfium
if sys.argv[2]:
    pdfium._library_path = lambda: None  # as where pypdfium2 was built against a system pdfium
plan = extract_file(sys.argv[1])
print(json.dumps([type(pdfium._Lazy.bound).__name__, plan], ensure_ascii=False))
"""


def test_pypdfium2s_bindings_when_the_library_is_not_found_give_the_same_plan():
    import json

    sample = ROOT / "samples" / "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.pdf"
    runs = []
    for fallback in ("", "1"):
        run = subprocess.run([sys.executable, "-c", _FALLBACK, str(sample), fallback], capture_output=True, text=True,
                             timeout=300)
        assert run.returncode == 0, run.stderr
        runs.append(json.loads(run.stdout))
    assert [r[0] for r in runs] == ["_Raw", "module"]
    assert runs[0][1] == runs[1][1]


def test_one_document_open_at_a_time_across_threads():
    """pdfium may not be called from two threads at once, not even on two documents (it crashes: a
    dask worker runs several files in threads): a thread's open_document waits until the document
    another thread has open is closed; the same thread may open a second one."""
    import threading

    data = (ROOT / "samples" / "bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf").read_bytes()
    first = open_document(data)
    second = open_document(data)  # the same thread: no wait
    second.close()
    opened = threading.Event()

    def other() -> None:
        doc = open_document(data)
        opened.set()
        doc.close()

    thread = threading.Thread(target=other)
    thread.start()
    try:
        assert not opened.wait(0.5)
    finally:
        first.close()
    assert opened.wait(60)
    thread.join()


def test_a_document_that_fails_to_open_leaves_others_free_to_open():
    import threading

    with pytest.raises(PdfiumError):
        open_document(b"not a pdf")
    with pytest.raises(PdfiumError):
        open_document(_no_page_pdf())
    done = threading.Event()

    def other() -> None:
        open_document((ROOT / "samples" / "bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf").read_bytes()).close()
        done.set()

    threading.Thread(target=other).start()
    assert done.wait(60)


_THREADS = """
import json, sys
from concurrent.futures import ThreadPoolExecutor
from kehoach import extract_file
files = sys.argv[1:] * 3
with ThreadPoolExecutor(6) as pool:
    plans = list(pool.map(lambda f: json.dumps(extract_file(f), sort_keys=True), files))
print(len(set(plans)))
"""


def test_pdfs_read_in_threads_of_one_process_give_their_plans():
    samples = [str(ROOT / "samples" / name) for name in ("hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.pdf",
                                                          "bac-kan-46-kh-ubnd-2026-chu-thich-bang-ke.pdf")]
    run = subprocess.run([sys.executable, "-c", _THREADS, *samples], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "2"


def test_a_page_and_its_text_keep_the_document_and_its_bytes_alive():
    """pdfium reads the document's bytes while its pages are in use: a page that outlives every
    other reference to its document must keep it (and the bytes) alive."""
    import gc
    import weakref

    doc = open_document(bytes(bytearray((ROOT / "samples" / "bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf").read_bytes())))
    alive = weakref.ref(doc)
    page = doc[0]
    text = page.get_textpage()
    del doc, page
    gc.collect()
    assert alive() is not None
    assert text.count_chars() > 100
    text.close()
    alive().close()


@pytest.mark.parametrize("wrap", [bytearray, memoryview], ids=["bytearray", "memoryview"])
def test_a_pdf_given_as_a_bytearray_or_memoryview_reads_as_its_bytes(wrap):
    from kehoach import extract_bytes

    data = (ROOT / "samples" / "bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf").read_bytes()
    assert extract_bytes(wrap(data), "p.pdf") == extract_bytes(data, "p.pdf")
