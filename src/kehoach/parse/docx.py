"""Reader for Word documents (.docx, and legacy .doc through LibreOffice when it is installed).

Walks the body in document order (paragraphs and tables together) as a reader sees it
(:mod:`kehoach.parse.docx_walk`: tracked deletions, hidden text and field codes left out, content
controls read through), renders Word's automatic numbering ("I.", "1.", "a)", bullets), expands
merged cells (a lead agency merged over several rows applies to each row), keeps footnote and
endnote texts apart, and ignores page headers and footers, except a first page's header that holds
the header block (:mod:`kehoach.parse.docx_header`). Runs set in legacy 8-bit Vietnamese fonts
(TCVN3 ".VnTime", VNI) are converted to Unicode by their font (:mod:`kehoach.parse.fonts`); text
boxes are read as paragraphs of their own and reported in warnings.
"""

from __future__ import annotations

import io
import zipfile

from .. import rx
from ..diagnostics import warning
from ..errors import ReadError
from .blocks import Loc
from .docx_header import header_part_name, holds_header_block
from .docx_numbering import Numbering, W, style_numbering
from .docx_walk import Walker
from .fonts import RunFonts
from .rendition import Rendition

MAX_UNZIPPED = 300 * 1024 * 1024
MAX_RATIO = 200
MAX_XML_PART = 48 * 1024 * 1024
"""An XML part (the body, lists, styles, footnotes) larger than this unpacked is refused: the
longest plans stay far below it, and a parsed tree takes about ten times its size in memory."""


_STDLIB_PART = 10_000_000
"""A part up to this size, in UTF-8 and with no document type declaration (as Word writes every
part), is parsed by the standard library's parser: loading lxml costs more than reading a plan.
lxml reads the rest as before (a DTD's entities not expanded, a text node over this size refused)."""


def _xml(data: bytes):
    if len(data) <= _STDLIB_PART and _plain_utf8(data) and b"<!DOCTYPE" not in data:
        from xml.etree.ElementTree import ParseError, XMLParser, fromstring

        try:
            return fromstring(data, XMLParser())
        except ParseError:
            pass  # lxml's verdict and message, as before
    from lxml import etree

    # comments and processing instructions dropped as the standard parser drops them: a text cut by one
    # ("Kế <!-- -->hoạch") reads whole, not up to it
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False,
                             remove_comments=True, remove_pis=True)
    return etree.fromstring(data, parser)


_DECLARED_ENCODING = rx.compile(r"""\bencoding\s*=\s*["']([^"']*)["']""")


def _plain_utf8(data: bytes) -> bool:
    """Whether an XML part is UTF-8 (or ASCII) by its first bytes and its declaration."""
    text = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if not text.startswith(b"<?xml"):
        return text.startswith(b"<")
    end = text.find(b"?>", 0, 1024)
    m = _DECLARED_ENCODING.search(text[:end].decode("ascii", "replace")) if end > 0 else None
    return end > 0 and (m is None or m.group(1).lower() in ("utf-8", "utf8", "us-ascii", "ascii"))


def read_docx(data: bytes, name: str) -> Rendition:
    """Render a .docx file's body as text lines with their origins (paragraph numbers)."""
    body_root, numbering, styles, notes, endnotes, page_header = _parts(data, name)
    body = body_root.find(f"{W}body")
    if body is None:
        raise ReadError(f"{name}: the Word document has no body")
    marks: dict[str, int] = {}
    for ref in body.iter(f"{W}footnoteReference"):
        marks.setdefault(ref.get(f"{W}id"), len(marks) + 1)
    end_marks: dict[str, int] = {}  # endnotes numbered on after the footnotes
    for ref in body.iter(f"{W}endnoteReference"):
        end_marks.setdefault(ref.get(f"{W}id"), len(marks) + len(end_marks) + 1)
    walker = Walker(numbering, style_numbering(styles), marks, RunFonts(styles))
    out = Rendition()
    try:
        para_no = _walk(body, walker, out, 0)
    except RecursionError:  # (lxml refuses nesting deeper than 256; the standard parser does not)
        raise ReadError(f"{name}: the Word document nests its content too deeply to read; re-save it from Word") from None
    if page_header is not None:
        _page_header_first(out, page_header, RunFonts(styles))
    if notes is not None and marks:
        para_no = _add_footnotes(out, walker, notes.findall(f"{W}footnote"), marks, para_no)
    if endnotes is not None and end_marks:
        _add_footnotes(out, walker, endnotes.findall(f"{W}endnote"), end_marks, para_no)
    _font_warnings(out, walker)
    return out


def _walk(container, walker: Walker, out: Rendition, para_no: int) -> int:
    """Write the paragraphs and tables of ``container`` (the body, a content control) to ``out``;
    the last paragraph number used."""
    for child in container:
        objects = walker.objects
        if child.tag == f"{W}p":
            para_no += 1
            lines = walker.paragraph_lines(child)
            for box in walker.take_boxed():  # floating boxes first: they usually sit above their anchor
                walker.box_loc = walker.box_loc or Loc(para_no)
                out.add_paragraph(box, Loc(para_no))
            out.add_paragraph(lines, Loc(para_no))
        elif child.tag == f"{W}tbl":
            rows = walker.table_rows(child)
            locs = [Loc(para_no + k + 1) for k in range(len(rows))]
            para_no += len(rows)
            out.add_table(rows, locs)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            para_no = _walk(child, walker, out, para_no)
        elif child.tag == f"{W}altChunk":  # a part imported whole (HTML, RTF, another document): not read
            para_no += 1
            walker.objects += 1
        if walker.objects > objects and walker.object_loc is None:
            walker.object_loc = Loc(max(para_no, 1))
    return para_no


def _page_header_first(out: Rendition, page_header, fonts: RunFonts) -> None:
    """The first page's header in front of the body when it holds the header block and the body does not
    (its lines placed at the body's first paragraph, where they are printed)."""
    top = Rendition()
    try:
        _walk(page_header, Walker(Numbering(None), {}, {}, fonts), top, 0)
    except RecursionError:
        return
    if holds_header_block(top.lines) and not holds_header_block(out.lines):
        out.lines[:0] = top.lines
        out.origins[:0] = [Loc(1)] * len(top.lines)


def _parts(data: bytes, name: str) -> tuple:
    """The parsed document, numbering, styles, footnotes and endnotes parts and the first page's header
    (None when it is not there or cannot be read), after the archive's size checks."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise ReadError(f"{name}: not a valid Word .docx file (not a zip archive); is it damaged or another format?") from e
    with zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if total > MAX_UNZIPPED or total / packed > MAX_RATIO and total > 20 * 1024 * 1024:
            raise ReadError(f"{name}: the .docx would unpack to {total // (1024 * 1024)} MiB; refusing (a zip bomb?)")
        names = {i.filename for i in infos}
        for part in infos:
            if part.filename.startswith("word/") and part.filename.endswith(".xml") and part.file_size > MAX_XML_PART:
                raise ReadError(f"{name}: {part.filename} would unpack to {part.file_size // (1024 * 1024)} MiB, more than "
                                f"any plan's ({MAX_XML_PART // (1024 * 1024)} MiB); refusing (a zip bomb?)")
        if "word/document.xml" not in names:
            raise ReadError(f"{name}: {_other_office(names)}")

        def optional(part: str):
            return _xml(zf.read(part)) if part in names else None

        try:
            document = _xml(zf.read("word/document.xml"))
            styles = optional("word/styles.xml")
            parts = (document, Numbering(optional("word/numbering.xml"), styles), styles,
                     optional("word/footnotes.xml"), optional("word/endnotes.xml"))
        except (KeyError, zipfile.BadZipFile, EOFError) as e:
            raise ReadError(f"{name}: the .docx is truncated or damaged ({e}); re-save it from Word") from e
        except Exception as e:  # lxml.etree.XMLSyntaxError and friends
            raise ReadError(f"{name}: the .docx holds malformed XML ({type(e).__name__}); re-save it from Word") from e
        try:  # the page header is extra: a damaged one is left out, not an error
            header = header_part_name(document, optional("word/_rels/document.xml.rels"))
            return (*parts, optional(header) if header else None)
        except Exception:
            return (*parts, None)


def _add_footnotes(out: Rendition, walker: Walker, notes: list, marks: dict[str, int], para_no: int) -> int:
    """The footnotes (or endnotes) referred to, in the order of their marks, as "[^n]: text" paragraphs
    after the body; the last paragraph number used."""
    texts = {}
    for fn in notes:
        fid = fn.get(f"{W}id")
        if fid in marks:
            texts[fid] = " ".join(" ".join(walker.paragraph_lines(p)) for p in fn.findall(f"{W}p")).strip()
    for fid, mark in sorted(marks.items(), key=lambda kv: kv[1]):
        if texts.get(fid):
            para_no += 1
            out.add_paragraph([f"[^{mark}]: {texts[fid]}"], Loc(para_no))
    return para_no


def _font_warnings(out: Rendition, walker: Walker) -> None:
    if walker.converted_runs:
        fonts = ", ".join(sorted(walker.converted_fonts))
        out.warnings.append(warning("legacy-encoding-converted", f"{walker.converted_runs} run(s) set in legacy 8-bit "
                                    f"Vietnamese fonts ({fonts}) were converted to Unicode by their font"))
    if walker.legacy_fonts:
        fonts = ", ".join(sorted(walker.legacy_fonts))
        out.warnings.append(warning("legacy-font", f"text set in legacy 8-bit Vietnamese fonts ({fonts}) may read as garbage; "
                                    "convert the document to Unicode (e.g. with Unikey's converter) and extract again"))
    if walker.objects:
        loc = walker.object_loc.as_dict() if walker.object_loc else None
        out.warnings.append(warning("word-part-unread", f"{walker.objects} embedded object(s) or imported part(s) not read "
                                    "(a pasted worksheet, a document inserted as a part): their text is missing here; "
                                    "open the file in Word and paste them as text or tables", loc))
    if walker.textboxes:
        out.warnings.append(warning("text-box", f"{walker.textboxes} text box(es) read as paragraphs before the paragraph "
                                    "they are anchored to; check their order",
                                    walker.box_loc.as_dict() if walker.box_loc else None))


_OFFICE_PARTS = (("xl/workbook.xml", "an Excel workbook"), ("ppt/presentation.xml", "a PowerPoint presentation"),
                 ("content.xml", "an OpenDocument file that is not text (a spreadsheet or a presentation)"))


def _other_office(names: set[str]) -> str:
    """What a zip archive that holds no Word document is, and what to do."""
    kind = next((kind for part, kind in _OFFICE_PARTS if part in names), None)
    if kind is None:
        return "a zip archive but not a Word document (no word/document.xml)"
    return (f"{kind}, not a document kehoach reads (Word, RTF, OpenDocument text, PDF, text, HTML): copy its "
            "table into the plan's document, or print it to PDF")


def _run_soffice(args: list[str], timeout: float) -> None:
    """Run LibreOffice in its own process group, ended as a whole (soffice starts soffice.bin)
    when it fails, times out or we are stopped."""
    import subprocess

    from ..children import run_group

    r = run_group(args, timeout)
    if r.returncode:
        raise subprocess.CalledProcessError(r.returncode, args)


CONVERTED = {"doc": ("legacy Word .doc", ".doc"), "rtf": ("RTF document", ".rtf"),
             "odt": ("OpenDocument text (.odt)", ".odt")}
"""The documents read by converting them to .docx with LibreOffice: kind -> (what it is called, suffix)."""


def doc_to_docx(data: bytes, name: str, kind: str = "doc") -> bytes:
    """Convert a legacy .doc (or an RTF or OpenDocument text: ``kind``, a key of :data:`CONVERTED`)
    to .docx with LibreOffice (``soffice``), or explain how to (its process and temporary-folder
    modules are imported here: a .docx needs none of them)."""
    import os
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from ..children import memory_note

    called, suffix = CONVERTED[kind]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ReadError(f"{name}: {called} needs converting first: install LibreOffice (soffice) or "
                        f"run `soffice --headless --convert-to docx FILE{suffix}`, then extract the .docx")
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        src = os.path.join(tmp, "input" + suffix)
        with open(src, "wb") as fh:
            fh.write(data)
        # its own profile folder: concurrent conversions (batch -j) must not share one
        profile = "-env:UserInstallation=" + Path(tmp, "profile").as_uri()
        try:
            _run_soffice([soffice, profile, "--headless", "--convert-to", "docx", "--outdir", tmp, src], 180)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
            raise ReadError(f"{name}: LibreOffice could not convert this {suffix} ({type(e).__name__}){memory_note()}; "
                            "open it in Word or LibreOffice and save as .docx") from e
        out = os.path.join(tmp, "input.docx")
        if not os.path.exists(out):
            raise ReadError(f"{name}: LibreOffice produced no .docx{memory_note()}; open it and save as .docx by hand")
        with open(out, "rb") as fh:
            return fh.read()
