"""Word parts are parsed by the standard library's parser when they are plain UTF-8 with no DTD (as
Word writes them) and by lxml otherwise: both give the same reading, and what lxml refused or
left unexpanded stays so."""

from __future__ import annotations

import io
import zipfile

import pytest

from kehoach import extract_bytes
from kehoach.errors import ReadError
from kehoach.parse import docx as docx_reader

from ..conftest import ROOT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
TAIL = "</w:body></w:document>"


def _is_word(path) -> bool:
    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as zf:
        return "word/document.xml" in zf.namelist()


DOCX = sorted(p for folder in ("samples", "tests") for p in (ROOT / folder).rglob("*.docx") if _is_word(p))


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx(document: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document)
    return buf.getvalue()


def _with_lxml_only(data: bytes):
    from lxml import etree

    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))


def _reading(data: bytes, name: str):
    r = docx_reader.read_docx(data, name)
    return r.text(), [w["message"] for w in r.warnings], r.origins


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_every_word_file_reads_the_same_with_either_parser(path, monkeypatch):
    data = path.read_bytes()
    stdlib = _reading(data, path.name)
    monkeypatch.setattr(docx_reader, "_xml", _with_lxml_only)
    assert stdlib == _reading(data, path.name)


@pytest.mark.parametrize("document,parser", [
    (HEAD.encode() + b"<w:p/>" + TAIL.encode(), "xml.etree"),
    (b"\xef\xbb\xbf" + HEAD.encode() + TAIL.encode(), "xml.etree"),
    (HEAD.replace("UTF-8", "UTF-16").encode("utf-16") + TAIL.encode("utf-16-le"), "lxml"),
    (HEAD.replace("UTF-8", "windows-1258").encode() + TAIL.encode(), "lxml"),
    (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "x">]><w:document xmlns:w="{W}"><w:body>'.encode()
     + TAIL.encode(), "lxml"),
], ids=["utf-8", "bom", "utf-16", "windows-1258", "dtd"])
def test_which_parser_reads_a_part(document, parser):
    assert type(docx_reader._xml(document)).__module__.startswith(parser)


def test_a_dtd_entity_is_left_unexpanded_as_before():
    doc = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "KẾ HOẠCH">]><w:document xmlns:w="{W}"><w:body>'
    with pytest.raises(ReadError, match="no text in the file"):
        extract_bytes(_docx((doc + _para("&a;") + TAIL).encode()), "dtd.docx")


def test_malformed_xml_keeps_lxmls_message():
    doc = f'<?xml version="1.0"?><w:document><w:body>{_para("x")}{TAIL}'  # the w: prefix is not declared
    with pytest.raises(ReadError, match=r"malformed XML \(XMLSyntaxError\)"):
        extract_bytes(_docx(doc.encode()), "unbound.docx")


def test_content_nested_too_deeply_is_a_one_line_error():
    depth = 3000  # lxml refused more than 256 levels; the standard parser reads them, the walker cannot
    doc = HEAD + "<w:sdt><w:sdtContent>" * depth + _para("Kế hoạch") + "</w:sdtContent></w:sdt>" * depth + TAIL
    with pytest.raises(ReadError, match="nests its content too deeply"):
        extract_bytes(_docx(doc.encode()), "deep.docx")
    shallow = HEAD + "<w:sdt><w:sdtContent>" * 100 + _para("Kế hoạch số 1") + "</w:sdtContent></w:sdt>" * 100 + TAIL
    assert "Kế hoạch số 1" in docx_reader.read_docx(_docx(shallow.encode()), "ok.docx").text()


@pytest.mark.parametrize("encoding", ["UTF-8", "windows-1258"])  # the standard parser, lxml
def test_a_text_cut_by_a_comment_reads_whole_with_either_parser(encoding):
    head = HEAD.replace("UTF-8", encoding)
    doc = head + "<w:p><w:r><w:t>Ke <!-- c -->hoach<?pi x?> so 1</w:t></w:r></w:p>" + TAIL
    assert docx_reader.read_docx(_docx(doc.encode()), "c.docx").text().strip() == "Ke hoach so 1"


def test_content_nested_deeper_than_lxml_allowed_is_read():
    inner = _para("Kế hoạch số 1")  # tables nested 100 deep: 300 levels, lxml refused more than 256
    for k in range(100):
        inner = f"<w:tbl><w:tr><w:tc>{_para(str(k))}{inner}</w:tc></w:tr></w:tbl><w:p/>"
    assert "Kế hoạch số 1" in docx_reader.read_docx(_docx((HEAD + inner + TAIL).encode()), "deep.docx").text()
