"""No input text makes the extractor raise."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach import extract_bytes
from kehoach.errors import KehoachError
from kehoach.validate import check_plan

from .conftest import SAMPLES
from .docmutate import OPS, TEXTS, mutate
from .docxmutate import OPS as WORD_OPS
from .docxmutate import WORD_FILES, mutate_docx
from .pdfmutate import HAVE_QPDF, PDF_FILES, mutate_pdf, qdf
from .pdfmutate import OPS as PDF_OPS

_SAMPLE_LINES = [line for p in sorted(SAMPLES.glob("*")) if p.suffix in {".txt", ".md"}
                 for line in p.read_text(encoding="utf-8").splitlines()]
_FRAGMENTS = ["I. ", "1. ", "a) ", "- ", "+ ", "\t", "|", "Số: /KH-UBND", "KẾ HOẠCH", "Nơi nhận:", "TM. ",
              "Quý II/2024", "<p>", "</p>", "**", "¹", "30%", "STT\tNội dung\tChủ trì", "\n", "\n\n"]


def _run(text: str) -> None:
    try:
        plan = extract_bytes(text.encode("utf-8"), "fuzz.txt")
    except KehoachError:
        return
    assert plan["schema_version"] == "1"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    _run(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_SAMPLE_LINES), st.sampled_from(_FRAGMENTS), st.text(max_size=30)), max_size=40))
def test_mutated_sample_lines_never_raise_and_stay_valid(parts):
    text = "\n".join(parts)
    try:
        plan = extract_bytes(text.encode("utf-8"), "fuzz.txt")
    except KehoachError:
        return
    problems = [p for p in check_plan(plan) if "has no lead agency" not in p[1]]
    assert problems == []


_NOISE = ["/suny", "*TS*", "**", "__", "<b>", "&amp;", "# ", "\\*", "¹", "[^1]", "  ", " ,", "2021 -2025",
          "12/QĐUBND", "05/2024/KHHĐUBND", "U \u0309y", "\u00a0", "\ufeff", "\uf0b7", " ", "15/12/2024", "Sở TN&MT"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SAMPLE_LINES + _NOISE), st.text(max_size=20)), max_size=6))
def test_the_fast_clean_check_never_skips_work(parts):
    """normalize_text skips lines its quick check calls clean: for those, a full pass must change nothing."""
    from kehoach.parse.normalize import _clean, _once, normalize_text

    text = "".join(parts)
    if _clean(text):
        assert _once(text) == text
    once = normalize_text(text)
    assert normalize_text(once) == once


# normalize's steps that run only when the text holds one of these characters: any match of the
# step's pattern must hold one of them, or the guard would skip work
_GUARDS = {"_TAG": "<", "_TRAILING_HASHES": "#",
           "_DEBRIS": "/*", "_STRONG": "*_", "_ESCAPED_STAR": "*", "_ESCAPE": "\\",
           "_ITALIC_NUMBER": "*", "_FOOTNOTE_REF": "[⁰¹²³⁴⁵⁶⁷⁸⁹", "_YEAR_RANGE": "-", "_FUSED_SYMBOL": "/"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SAMPLE_LINES + _NOISE), st.text(max_size=20)), max_size=6))
def test_normalize_guards_only_skip_steps_that_would_not_match(parts):
    from kehoach.parse import normalize

    text = "".join(parts)
    for name, chars in _GUARDS.items():
        m = getattr(normalize, name).search(text)
        if m:
            assert any(c in text for c in chars), name
    if normalize._SPACE_BEFORE_MARK.search(text):
        assert normalize._MARK.search(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEXTS), st.lists(st.tuples(st.integers(0, OPS - 1), st.floats(0, 1), st.floats(0, 1),
                                                  st.integers(0, 99)), min_size=1, max_size=12))
def test_a_damaged_document_never_raises(path, edits):
    """A whole real document with lines lost, doubled, moved, joined or cut, spaces doubled, table marks put in
    (scripts/fuzz.py runs the same edits for as long as asked): read, or refused with a message."""
    _run(mutate(path.read_text(encoding="utf-8", errors="replace"), edits))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(WORD_FILES), st.lists(st.tuples(st.integers(0, WORD_OPS - 1), st.floats(0, 1), st.floats(0, 1),
                                                       st.integers(0, 99)), min_size=1, max_size=12))
def test_a_damaged_word_file_never_raises(path, edits):
    """A real Word file whose body lost, doubled or moved rows, cells and paragraphs, whose spans and merges
    disagree with its grid, with tables in cells and breaks put in (scripts/fuzz.py --word runs the same edits for
    as long as asked): read, or refused with a message."""
    try:
        plan = extract_bytes(mutate_docx(path.read_bytes(), edits), path.name)
    except KehoachError:
        return
    assert plan["schema_version"] == "1"


def test_each_word_edit_changes_the_body():
    """Each kind of Word edit changes a real file's body somewhere (an edit that changed nothing would leave the
    property test above reading the same file over and over)."""
    import zipfile
    from io import BytesIO

    path = next(p for p in WORD_FILES if p.parent == SAMPLES)
    data = path.read_bytes()
    body = zipfile.ZipFile(BytesIO(mutate_docx(data, []))).read("word/document.xml")  # written again, unedited
    for kind in range(WORD_OPS):
        changed = (zipfile.ZipFile(BytesIO(mutate_docx(data, [(kind, where / 10, 0.5, piece)]))).read("word/document.xml")
                   != body for where in range(10) for piece in (1, 2, 3))
        assert any(changed), kind


_NEEDS_QPDF = pytest.mark.skipif(not HAVE_QPDF, reason="qpdf and fix-qdf are needed to edit PDFs (Debian: qpdf)")
_QDF: dict = {}


@_NEEDS_QPDF
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PDF_FILES), st.lists(st.tuples(st.integers(0, PDF_OPS - 1), st.floats(0, 1), st.floats(0, 1),
                                                      st.integers(0, 99)), min_size=1, max_size=12))
def test_a_damaged_pdf_never_raises(path, edits):
    """A real PDF whose pages lost, doubled, reordered, moved or scaled text runs and ruling lines, with lines drawn
    across and font sizes of 0 or 10^9 (scripts/fuzz.py --pdf runs the same edits for as long as asked): read, or
    refused with a message."""
    data = mutate_pdf(_QDF.get(path) or _QDF.setdefault(path, qdf(path.read_bytes())), edits)
    try:
        plan = extract_bytes(data, path.name)
    except KehoachError:
        return
    assert plan["schema_version"] == "1"


@_NEEDS_QPDF
def test_each_pdf_edit_changes_the_page():
    """Each kind of PDF edit changes a real file's page content (see test_each_word_edit_changes_the_body)."""
    path = next(p for p in PDF_FILES if p.parent == SAMPLES)
    data = qdf(path.read_bytes())
    same = mutate_pdf(data, [])
    for kind in range(PDF_OPS):
        assert any(mutate_pdf(data, [(kind, where / 10, 0.5, piece)]) != same for where in range(10) for piece in (1, 2)), kind


def test_damaged_copies_that_raised_once_are_read():
    """Copies scripts/fuzz.py found raising, kept as its edits of a sample: a labelled task with no title of
    its own under headings that group labelled blocks (extract/labelled._names_a_group split its None title)."""
    path = SAMPLES / "tay-ninh-57-kh-ubnd-2026-du-lieu-dat-dai-khoi-nhan.md"
    edits = [(3, 0.0056878191862344, 0.013243005272527753, 40), (6, 0.11128350327964753, 0.6794056744878035, 1),
             (2, 0.4986123408197519, 0.19850472379150896, 70), (2, 0.3896454874861698, 0.41125974758151673, 23)]
    _run(mutate(path.read_text(encoding="utf-8"), edits))
