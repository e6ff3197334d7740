"""Readers: any input -> one flat stream of blocks (see :mod:`kehoach.parse.blocks`).

Readers are chosen by suffix, and the content is sniffed when the suffix is missing or lies.
"""

from __future__ import annotations

from .. import rx
from ..errors import ReadError
from ..paths import suffix as path_suffix
from ..vn import nfc
from .blocks import Block, Loc, Row, Source
from .decode import bytes_to_text

__all__ = ["Block", "Loc", "Row", "Source", "read_source", "sniff_format", "SUFFIXES"]

SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".pdf": "pdf", ".doc": "doc", ".rtf": "rtf", ".odt": "odt",
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".webp"), "image"),
}
BINARY = ("pdf", "docx", "doc", "rtf", "odt", "image")
"""The formats read by a reader of their own (the others are decoded as text). A .doc, .rtf or .odt
is converted to .docx and read as one; an image is read through OCR as a scanned PDF."""
_READ_AS = {"doc": "docx", "rtf": "docx", "odt": "docx", "image": "pdf"}
_ODT = b"mimetypeapplication/vnd.oasis.opendocument.text"
_OLE_WORD, _OLE_EXCEL, _OLE_POWERPOINT = ("WordDocument".encode("utf-16-le"), "Workbook".encode("utf-16-le"),
                                          "PowerPoint Document".encode("utf-16-le"))
"""The names of the main stream of a compound file, as its directory writes them (UTF-16)."""
_MARKDOWN_HINT = rx.compile(r"(?m)^(?:#{1,6}\s|\s*\|.*\|\s*$)|\*\*\S")
_HTML_HINT = rx.compile(r"(?is)^\s*(?:<!doctype\s+html|<html|<body|<head|<div|<p[\s>]|<table)")


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex, from the interpreter's own SHA-2 module when it has one:
    ``hashlib`` loads OpenSSL first, which costs more than a cold start can spare."""
    if not _SHA256:
        for name in ("_sha2", "_sha256", "hashlib"):  # CPython 3.12+, CPython 3.11, anything else
            try:
                _SHA256.append(__import__(name).sha256)
                break
            except (ImportError, AttributeError):  # (a failed import searches the whole path: once a process)
                continue
        else:  # pragma: no cover (hashlib always has one)
            raise ImportError("no SHA-256 implementation")
    return str(_SHA256[0](data).hexdigest())


_SHA256: list = []


def sniff_format(data: bytes, name: str) -> str:
    """The format of ``data``: content signatures first, then the suffix, then text heuristics."""
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "odt" if data[30:30 + len(_ODT)] == _ODT else "docx"  # OpenDocument: its mimetype stored first
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # a compound file: Word's (legacy .doc), or Excel's or PowerPoint's
        if _OLE_WORD not in data and (_OLE_EXCEL in data or _OLE_POWERPOINT in data):
            raise ReadError(f"{name}: a legacy Excel or PowerPoint file, not a document kehoach reads (Word, RTF, "
                            "OpenDocument text, PDF, text, HTML): copy its table into the plan's document, or print it to PDF")
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if data[:1] in _IMAGE_FIRST and _image_kind(data):
        return "image"
    suffix = path_suffix(name).lower() if name and name != "-" else ""
    by_suffix = SUFFIXES.get(suffix)
    if by_suffix in BINARY:
        raise ReadError(
            f"{name}: the file is named {suffix} but its bytes are not {_a(suffix[1:].upper())} file; "
            "check that it was saved or downloaded completely"
        )
    sample = data[:20000].decode("utf-8", errors="ignore")
    if by_suffix == "html" or _HTML_HINT.match(sample):
        return "html"
    if by_suffix:
        return by_suffix
    return "markdown" if _MARKDOWN_HINT.search(sample) else "text"


_IMAGE_FIRST = frozenset(bytes([c]) for c in b"\x89\xffIMGBR")
"""The first bytes of the image signatures (:mod:`.image`): a text seldom opens with one, and its module is
loaded only then."""


def _image_kind(data: bytes) -> str | None:
    from .image import image_kind

    return image_kind(data)


def _a(word: str) -> str:
    """``word`` after its article, as it is said: "an RTF", "an ODT", "a PDF", "a PNG"."""
    return ("an " if word[:1] in "AEFHILMNORSX" else "a ") + word


def read_source(data: bytes, name: str, ocr: str | None = None) -> Source:
    """Decode and read ``data`` into a :class:`Source` (blocks plus facts about the file).

    ``ocr`` ("auto" or "force") lets a PDF be read through OCR (:mod:`kehoach.parse.ocr`)."""
    if not data.strip():
        raise ReadError(f"{name}: the file is empty; nothing to extract")
    fmt = sniff_format(data, name)
    from .text import content_lines, read_text

    origins = None
    pages = None
    portal = None
    if fmt in BINARY:
        rendition = _read_binary(data, name, fmt, ocr)
        text, warnings, origins, pages = nfc(rendition.text()), rendition.warnings, rendition.origins, rendition.pages
        fmt = _READ_AS.get(fmt, fmt)
    else:
        text, warnings = bytes_to_text(data, name)
        text = nfc(text)  # decomposed tone marks (a Mac's or a web page's copy) read as the composed letters
        if fmt == "html":
            from .html import html_to_text

            text = nfc(html_to_text(text))  # a character reference may decompose a letter
        elif "<table" in text or "<TABLE" in text:
            from .html import html_tables_in_text

            text = nfc(html_tables_in_text(text))  # raw HTML tables in Markdown: rows, lines kept in place
        from .portal import strip_portal

        text, portal, cut = strip_portal(text)  # a saved portal page: banner, metadata and footer are not the document
        warnings = [*warnings, *cut]
    if not text.strip():
        raise ReadError(f"{name}: no text in the file; nothing to extract")
    blocks = read_text(text)
    line_texts = content_lines(text)
    if origins is not None:
        def where(line: int | None) -> Loc:
            return origins[line - 1] if line is not None and 0 < line <= len(origins) else Loc(None)

        for b in blocks:
            b.loc = where(b.loc.line)
            for row in b.rows:
                row.loc = where(row.loc.line)
    return Source(
        path=name,
        format=fmt,
        sha256=sha256_hex(data),
        pages=pages,
        blocks=blocks,
        line_texts=line_texts,
        warnings=warnings,
        origins=origins,
        portal=portal,
    )


def _read_binary(data: bytes, name: str, fmt: str, ocr: str | None = None):
    suffix = path_suffix(name).lower() if name and name != "-" else ""
    expected = SUFFIXES.get(suffix)
    if expected in ("text", "markdown", "html"):
        shown = {"image": str(_image_kind(data)).lower().replace("jpeg", "jpg")}.get(fmt, fmt)
        raise ReadError(
            f"{name}: the file is named {suffix} but holds {shown.upper()} data; rename it to .{shown} and extract again"
        )
    if fmt == "pdf":
        return _read_pdf(data, name, ocr)
    if fmt == "image":
        if not ocr:
            raise ReadError(f"{name}: an image ({_image_kind(data)}), a scanned page: read it through OCR with --ocr")
        from .image import image_to_pdf

        return _read_pdf(image_to_pdf(data, name), name, "auto")
    from .docx import doc_to_docx, read_docx

    if fmt != "docx":
        data = doc_to_docx(data, name, fmt)
    return read_docx(data, name)


def _read_pdf(data: bytes, name: str, ocr: str | None):
    """A PDF's text layer; with ``ocr``, one made by OCR for the pages that have none ("auto") or for
    every page ("force")."""
    from ..errors import NoTextLayer
    from .pdf import read_pdf

    if ocr != "force":
        try:
            rendition = read_pdf(data, name)
            if not (ocr and rendition.image_pages):
                return rendition
        except NoTextLayer:
            if not ocr:
                raise
    from . import ocr as ocr_mod  # its engines and temporary folders: only when OCR runs

    pdf, confidence, unsure, reread = ocr_mod.run_ocr(data, name, force=ocr == "force")  # without force: the image pages only
    try:
        rendition = read_pdf(pdf, name)
    except NoTextLayer as e:  # "use --ocr" would be no help: it was used
        raise ReadError(f"{name}: OCR found no text on any page (blank pages, or a scan too faint or "
                        "small to read)") from e
    ocr_mod.correct(rendition, confidence, unsure, reread)
    return rendition
