"""Word files as offices make them: one small plan stored in hostile-but-real ways (tests/parse/wordgen.py)
reads as the clean file does: the same header, sections and tasks. Each variation changes how Word stores
the plan, never what a reader of the printed page sees."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest

from kehoach import extract_bytes, extract_file
from kehoach.parse import docx as docx_reader
from kehoach.parse.docx_numbering import Numbering

from . import wordgen

HEADER_KEYS = ("type", "type_name", "number", "issuer", "place", "date", "title", "signer")


def _sections(sections: list[dict]) -> list[tuple]:
    out = []
    for s in sections:
        out.append((s["id"], s["title"], tuple(s["text"])))
        out.extend(_sections(s["children"]))
    return out


def _view(plan: dict) -> tuple:
    """What the variations must not change: the header, the section tree and the tasks."""
    head = {k: plan["document"][k] for k in HEADER_KEYS}
    tasks = [(t["no"], t["group"], t["title"], t["lead"], t["support"], t["deadline"]["text"], t["source"])
             for t in plan["tasks"]]
    return head, _sections(plan["sections"]), tasks


@pytest.fixture(scope="module")
def clean():
    plan = extract_bytes(wordgen.build(), "clean.docx")
    assert plan["warnings"] == []
    assert len([t for t in plan["tasks"] if t["source"] == "appendix"]) == 7
    return _view(plan)


KNOWN: dict[str, str] = {}  # variations read otherwise, with the reason (none left)


@pytest.mark.parametrize("kind", [pytest.param(k, marks=pytest.mark.xfail(reason=KNOWN[k], strict=True)) if k in KNOWN
                                  else k for k in wordgen.KINDS])
@pytest.mark.parametrize("seed", [0, 1])
def test_a_variation_reads_as_the_clean_file(kind, seed, clean):
    plan = extract_bytes(wordgen.build(set(kind.split("+")), seed), f"{kind}.docx")
    assert _view(plan) == clean
    assert {w["code"] for w in plan["warnings"]} <= {"text-box"}


@pytest.mark.parametrize("seed", range(40))
def test_several_variations_at_once_read_as_the_clean_file(seed, clean):
    kinds = wordgen.combination(seed)
    plan = extract_bytes(wordgen.build(kinds, seed), "combined.docx")
    assert _view(plan) == clean, sorted(kinds)


@pytest.mark.parametrize("kind", wordgen.KINDS)
def test_each_variation_changes_the_stored_file(kind):
    def document(data: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.read("word/document.xml")

    assert document(wordgen.build(set(kind.split("+")))) != document(wordgen.build())


def _text(kinds: set[str]) -> str:
    return docx_reader.read_docx(wordgen.build(kinds), "x.docx").text()


@pytest.mark.parametrize("kind", ["tracked", "moved", "vanish", "fldchar", "deleted_para", "comments"])
def test_what_word_does_not_show_is_not_read(kind):
    text = _text({kind})
    assert wordgen.JUNK.strip() not in text and "HYPERLINK" not in text and "Xem lại" not in text


def test_text_boxes_are_paragraphs_of_their_own_read_once():
    lines = [line for line in _text({"textbox"}).splitlines() if line]
    assert lines[:6] == [*wordgen.ISSUER, wordgen.NUMBER, *wordgen.MOTTO, wordgen.DATE]
    assert sum(line == wordgen.NUMBER for line in lines) == 1
    (warned,) = extract_bytes(wordgen.build({"textbox"}), "box.docx")["warnings"]
    assert (warned["code"], warned["loc"]["line"]) == ("text-box", 1)  # the paragraph that anchors them


def test_endnotes_are_kept_as_notes_not_body_text():
    plan = extract_bytes(wordgen.build({"footnotes"}), "notes.docx")
    assert [n["text"] for n in plan["footnotes"]][-1] == "Ghi chú cuối văn bản về cách tính."
    assert all("Ghi chú cuối" not in text for s in _sections(plan["sections"]) for text in s[2])


def _edited(data: bytes, part: str, edit) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
        for name in src.namelist():
            content = src.read(name)
            out.writestr(name, edit(content.decode()).encode() if name == part else content)
    return buf.getvalue()


@pytest.mark.parametrize("case,read", [("block", True), ("block-in-body-too", False), ("running-title", False)])
def test_the_first_pages_header_is_read_only_when_it_holds_the_header_block(case, read):
    """A page header holding the header block goes first, unless the body has one of its own; a running
    title stays out."""
    data = wordgen.build({"header_part"})
    if case == "block-in-body-too":
        data = _edited(data, "word/document.xml",
                       lambda xml: xml.replace("<w:body>", "<w:body><w:p><w:r><w:t>Số: 9/KH-UBND</w:t></w:r></w:p>"))
    if case == "running-title":
        running = f"<w:p><w:r><w:t>{wordgen.DATE}</w:t></w:r></w:p><w:p><w:r><w:t>Trang 1</w:t></w:r></w:p>"
        data = _edited(data, "word/header1.xml", lambda xml: xml[:xml.index("<w:tbl>")] + running + "</w:hdr>")
    text = docx_reader.read_docx(data, "x.docx").text()
    assert (wordgen.DATE in text) is read


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbering(abstract: str, nums: str) -> Numbering:
    return Numbering(docx_reader._xml(f"<w:numbering {W}>{abstract}{nums}</w:numbering>".encode()))


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/></w:lvl>'


HEADINGS = f'<w:abstractNum w:abstractNumId="0">{_lvl(0, "upperRoman", "%1.")}{_lvl(1, "decimal", "%2.")}</w:abstractNum>'
LEGAL = f'<w:abstractNum w:abstractNumId="0">{_lvl(0, "upperRoman", "%1.")}{_lvl(1, "decimal", "%1.%2.", "<w:isLgl/>")}</w:abstractNum>'
NEVER = '<w:lvlRestart w:val="0"/>'
NO_RESTART = f'<w:abstractNum w:abstractNumId="0">{_lvl(0, "upperRoman", "%1.")}{_lvl(1, "decimal", "%2.", NEVER)}</w:abstractNum>'
NUM = '<w:num w:numId="{n}"><w:abstractNumId w:val="0"/>{o}</w:num>'
RESTART = '<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{v}"/></w:lvlOverride>'


@pytest.mark.parametrize("abstract,nums,paragraphs,labels", [
    # two instances of one list number on from each other, as Word shows them
    (HEADINGS, NUM.format(n=1, o="") + NUM.format(n=2, o=""), [(1, 0), (1, 1), (2, 0), (2, 1)], ["I.", "1.", "II.", "1."]),
    # Word's "restart numbering": a new instance that overrides the start restarts the count once
    (HEADINGS, NUM.format(n=1, o="") + NUM.format(n=2, o=RESTART.format(i=0, v=1)),
     [(1, 0), (1, 0), (2, 0), (2, 0), (1, 0)], ["I.", "II.", "I.", "II.", "III."]),
    (HEADINGS, NUM.format(n=1, o=RESTART.format(i=0, v=4)), [(1, 0), (1, 0)], ["IV.", "V."]),
    # a level overridden whole for one instance
    (HEADINGS, NUM.format(n=1, o=f'<w:lvlOverride w:ilvl="1">{_lvl(1, "lowerLetter", "%2)")}</w:lvlOverride>'),
     [(1, 0), (1, 1), (1, 1)], ["I.", "a)", "b)"]),
    # legal style: the roman level's number in Arabic numerals
    (LEGAL, NUM.format(n=1, o=""), [(1, 0), (1, 0), (1, 1), (1, 1)], ["I.", "II.", "2.1.", "2.2."]),
    # a level that never restarts
    (NO_RESTART, NUM.format(n=1, o=""), [(1, 0), (1, 1), (1, 0), (1, 1)], ["I.", "1.", "II.", "2."]),
    # by default a deeper level restarts after a shallower one
    (HEADINGS, NUM.format(n=1, o=""), [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1)], ["I.", "1.", "2.", "II.", "1."]),
], ids=["instances-number-on", "start-override-restarts-once", "start-override-value", "level-override",
        "legal-style", "level-never-restarts", "deeper-level-restarts"])
def test_list_labels_as_word_shows_them(abstract, nums, paragraphs, labels):
    numbering = _numbering(abstract, nums)
    assert [numbering.label(str(n), ilvl) for n, ilvl in paragraphs] == labels


def _table_text(rows: str, grid: int = 3) -> str:
    cols = "".join('<w:gridCol w:w="100"/>' for _ in range(grid))
    doc = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body><w:tbl><w:tblGrid>{cols}</w:tblGrid>{rows}'
           "</w:tbl><w:p/></w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", doc)
    return docx_reader.read_docx(buf.getvalue(), "t.docx").text()


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_a_row_that_skips_its_first_grid_column_keeps_the_others_in_place():
    text = _table_text("<w:tr>" + _tc("1") + _tc("Sở A", '<w:vMerge w:val="restart"/>') + _tc("Quý I") + "</w:tr>"
                       + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + _tc("", "<w:vMerge/>") + _tc("Quý II") + "</w:tr>")
    assert text.splitlines()[1] == "\t<p>Sở A</p>\t<p>Quý II</p>"


def test_a_row_deleted_by_a_tracked_change_is_not_read():
    text = _table_text("<w:tr>" + _tc("1") + _tc("Sở A") + _tc("Quý I") + "</w:tr>"
                       + '<w:tr><w:trPr><w:del w:id="1" w:author="A"/></w:trPr>' + _tc("2") + _tc("Sở B") + _tc("Quý II") + "</w:tr>")
    assert "Sở B" not in text


DOC_KINDS = {"tracked", "moved", "vanish", "fldchar", "textbox", "vmerge_lead", "numbered_stt",
             "title_row", "softbreak", "footnotes", "numsep", "landscape"}
"""Variations a .doc made by LibreOffice keeps, all in one file (a conversion costs seconds). Left out:
lists restarted or continued by another instance (LibreOffice's .doc restarts the list at every item, or
never), and content controls with tracked changes in them (it writes a control as a form field whose
text holds the deleted, hidden and field-code text too, or drops a cell paragraph's first run)."""


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed: a .doc cannot be made or read")
def test_a_doc_saved_from_the_variations_reads_as_the_clean_file(tmp_path, clean):
    """The file saved as Word 97-2003 by LibreOffice, then read back as kehoach reads a .doc."""
    (tmp_path / "plan.docx").write_bytes(wordgen.build(DOC_KINDS))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(tmp_path / "plan.docx")], check=True, capture_output=True, timeout=300)
    assert _view(extract_file(str(tmp_path / "plan.doc"))) == clean


OBJECT = ('<w:r><w:object><v:shape id="ole1" style="width:400pt;height:200pt"><v:imagedata r:id="rIdImg"/></v:shape>'
          '<o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" ProgID="Excel.Sheet.12" '
          'ShapeID="ole1" r:id="rIdOle"/></w:object></w:r>')


@pytest.mark.parametrize("where,part", [
    ("the appendix table as a pasted worksheet", f"<w:p>{OBJECT}</w:p>"),
    ("the appendix as a document inserted whole", '<w:altChunk r:id="rIdChunk"/>'),
])
def test_content_word_keeps_elsewhere_is_warned_at_its_place(where, part):
    """An embedded worksheet or an imported part (w:altChunk) holds text kehoach cannot see: warned, with where."""
    data = _edited(wordgen.build(), "word/document.xml",
                   lambda xml: xml[:xml.rindex("<w:tbl>")] + part + xml[xml.rindex("</w:tbl>") + len("</w:tbl>"):])
    plan = extract_bytes(data, "object.docx")
    assert [t for t in plan["tasks"] if t["source"] == "appendix"] == []
    (warned,) = [w for w in plan["warnings"] if w["code"] == "word-part-unread"]
    rendition = docx_reader.read_docx(data, "object.docx")
    line = rendition.lines.index(wordgen.APPENDIX[2])
    assert warned["loc"]["line"] == rendition.origins[line].line + 1, where  # the paragraph after the back-reference
