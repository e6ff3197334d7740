"""Reader for Word documents (.docx, and legacy .doc through LibreOffice when it is installed).

Walks the body in document order (paragraphs and tables together), renders Word's automatic
numbering as a reader sees it ("I.", "1.", "a)", bullets), expands merged cells (a lead agency
merged over several rows applies to each row), keeps footnote texts apart, and ignores page
headers and footers. Runs set in legacy 8-bit Vietnamese fonts (TCVN3 ".VnTime", VNI) are
converted to Unicode by their font (:mod:`kehoach.parse.fonts`); text boxes are reported in
warnings.
"""

from __future__ import annotations

import io
import zipfile

from .. import rx
from ..diagnostics import warning
from ..errors import ReadError
from .blocks import Loc
from .docx_numbering import Numbering, W, clamp_int, style_numbering
from .fonts import RunFonts, classify, convert_segments
from .rendition import Rendition

MAX_UNZIPPED = 300 * 1024 * 1024
MAX_RATIO = 200
MAX_XML_PART = 48 * 1024 * 1024
"""An XML part (the body, lists, styles, footnotes) larger than this unpacked is refused: the
longest plans stay far below it, and a parsed tree takes about ten times its size in memory."""
MAX_COLUMNS = 64
"""Word tables have at most 63 columns; a larger gridSpan is clamped to the grid."""


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


class _Walker:
    def __init__(self, numbering: Numbering, style_num: dict, footnote_marks: dict[str, int],
                 fonts: RunFonts | None = None) -> None:
        self.numbering = numbering
        self.style_num = style_num
        self.footnote_marks = footnote_marks
        self.fonts = fonts or RunFonts(None)
        self.legacy_fonts: set[str] = set()  # 8-bit fonts kehoach cannot convert
        self.converted_fonts: set[str] = set()
        self.converted_runs = 0
        self.textboxes = 0

    def paragraph_lines(self, p) -> list[str]:
        """The paragraph as lines (soft breaks split it), its list label in front; runs set in
        legacy 8-bit fonts (TCVN3, VNI) converted to Unicode by their font."""
        lines: list[list[tuple[str, str | None, bool]]] = [[]]
        style = p.find(f"{W}pPr/{W}pStyle")
        para_style = style.get(f"{W}val") if style is not None else None
        runs = {t: r for r in p.iter(f"{W}r") for t in r.iterfind(f"{W}t")}  # a text's run (no parent links)
        for el in p.iter():
            tag = el.tag
            if tag == f"{W}t":
                lines[-1].append((el.text or "", *self._run_encoding(runs.get(el), para_style)))
            elif tag == f"{W}tab":
                lines[-1].append(("\t", None, False))
            elif tag in (f"{W}br", f"{W}cr"):
                lines.append([])
            elif tag == f"{W}noBreakHyphen":
                lines[-1].append(("-", None, False))
            elif tag == f"{W}txbxContent":
                self.textboxes += 1
        texts = []
        for segments in lines:
            text, converted = convert_segments(segments)
            self.converted_runs += converted
            texts.append(text)
        label = self._label(p)
        if label:
            texts[0] = f"{label} {texts[0].lstrip()}"
        return [line.replace("\t", "   ").rstrip() for line in texts]

    def _run_encoding(self, run, para_style: str | None) -> tuple[str | None, bool]:
        """(encoding, capitals) of a run's font; legacy font names are remembered for the warning."""
        if run is None or run.tag != f"{W}r":
            return None, False
        font = self.fonts.of_run(run, para_style)
        encoding, capitals = classify(font)
        if encoding == "?":
            self.legacy_fonts.add(font or "")
            return None, False
        if encoding:
            self.converted_fonts.add(font or "")
        return encoding, capitals

    def _label(self, p) -> str:
        ppr = p.find(f"{W}pPr")
        num_id, ilvl = None, 0
        if ppr is not None:
            numpr = ppr.find(f"{W}numPr")
            if numpr is not None:
                nid = numpr.find(f"{W}numId")
                lvl = numpr.find(f"{W}ilvl")
                num_id = nid.get(f"{W}val") if nid is not None else None
                ilvl = clamp_int(lvl.get(f"{W}val"), 0, 0, 9) if lvl is not None else 0
            if num_id is None:
                style = ppr.find(f"{W}pStyle")
                if style is not None and style.get(f"{W}val") in self.style_num:
                    num_id, ilvl = self.style_num[style.get(f"{W}val")]
        return self.numbering.label(num_id, ilvl) if num_id else ""

    def cell_paragraphs(self, tc) -> list[str]:
        out: list[str] = []
        for child in tc:
            if child.tag == f"{W}p":
                out.extend(line for line in self.paragraph_lines(child) if line.strip())
            elif child.tag == f"{W}tbl":
                for row in self.table_rows(child):
                    out.extend(p for cell in row for p in cell)
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    out.extend(self.cell_paragraphs(content))
        return out

    def table_rows(self, tbl) -> list[list[list[str]]]:
        """Rows of cells of paragraphs, merged cells expanded onto the grid."""
        rows: list[list[list[str]]] = []
        above: dict[int, list[str]] = {}
        for tr in tbl.findall(f"{W}tr"):
            row: list[list[str]] = []
            col = 0
            for tc in tr.findall(f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span, vmerge = 1, None
                if tcpr is not None:
                    gs = tcpr.find(f"{W}gridSpan")
                    if gs is not None:
                        span = clamp_int(gs.get(f"{W}val"), 1, 1, max(1, MAX_COLUMNS - col))
                    vm = tcpr.find(f"{W}vMerge")
                    if vm is not None:
                        vmerge = vm.get(f"{W}val", "continue")
                paras = self.cell_paragraphs(tc)
                if vmerge == "continue":
                    paras = list(above.get(col, []))
                else:
                    above[col] = paras
                row.append(paras)
                row.extend([] for _ in range(span - 1))
                col += span
            rows.append(row)
        return rows


def read_docx(data: bytes, name: str) -> Rendition:
    """Render a .docx file's body as text lines with their origins (paragraph numbers)."""
    body_root, numbering, styles, notes = _parts(data, name)
    body = body_root.find(f"{W}body")
    if body is None:
        raise ReadError(f"{name}: the Word document has no body")
    marks: dict[str, int] = {}
    for ref in body.iter(f"{W}footnoteReference"):
        marks.setdefault(ref.get(f"{W}id"), len(marks) + 1)
    walker = _Walker(numbering, style_numbering(styles), marks, RunFonts(styles))
    out = Rendition()
    para_no = 0

    def walk(container) -> None:
        nonlocal para_no
        for child in container:
            if child.tag == f"{W}p":
                para_no += 1
                out.add_paragraph(walker.paragraph_lines(child), Loc(para_no))
            elif child.tag == f"{W}tbl":
                rows = walker.table_rows(child)
                locs = []
                for _ in rows:
                    para_no += 1
                    locs.append(Loc(para_no))
                out.add_table(rows, locs)
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    walk(content)

    try:
        walk(body)
    except RecursionError:  # (lxml refuses nesting deeper than 256; the standard parser does not)
        raise ReadError(f"{name}: the Word document nests its content too deeply to read; re-save it from Word") from None
    if notes is not None and marks:
        _add_footnotes(out, walker, notes, marks, para_no)
    _font_warnings(out, walker)
    return out


def _parts(data: bytes, name: str) -> tuple:
    """The parsed document, numbering, styles and footnotes parts, after the archive's size checks."""
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
            raise ReadError(f"{name}: a zip archive but not a Word document (no word/document.xml)")

        def optional(part: str):
            return _xml(zf.read(part)) if part in names else None

        try:
            return (_xml(zf.read("word/document.xml")), Numbering(optional("word/numbering.xml")),
                    optional("word/styles.xml"), optional("word/footnotes.xml"))
        except (KeyError, zipfile.BadZipFile, EOFError) as e:
            raise ReadError(f"{name}: the .docx is truncated or damaged ({e}); re-save it from Word") from e
        except Exception as e:  # lxml.etree.XMLSyntaxError and friends
            raise ReadError(f"{name}: the .docx holds malformed XML ({type(e).__name__}); re-save it from Word") from e


def _add_footnotes(out: Rendition, walker: _Walker, notes, marks: dict[str, int], para_no: int) -> None:
    """The footnotes referred to, in the order of their marks, as "[^n]: text" paragraphs after the body."""
    texts = {}
    for fn in notes.findall(f"{W}footnote"):
        fid = fn.get(f"{W}id")
        if fid in marks:
            texts[fid] = " ".join(" ".join(walker.paragraph_lines(p)) for p in fn.findall(f"{W}p")).strip()
    for fid, mark in sorted(marks.items(), key=lambda kv: kv[1]):
        if texts.get(fid):
            para_no += 1
            out.add_paragraph([f"[^{mark}]: {texts[fid]}"], Loc(para_no))


def _font_warnings(out: Rendition, walker: _Walker) -> None:
    if walker.converted_runs:
        fonts = ", ".join(sorted(walker.converted_fonts))
        out.warnings.append(warning("legacy-encoding-converted", f"{walker.converted_runs} run(s) set in legacy 8-bit "
                                    f"Vietnamese fonts ({fonts}) were converted to Unicode by their font"))
    if walker.legacy_fonts:
        fonts = ", ".join(sorted(walker.legacy_fonts))
        out.warnings.append(warning("legacy-font", f"text set in legacy 8-bit Vietnamese fonts ({fonts}) may read as garbage; "
                                    "convert the document to Unicode (e.g. with Unikey's converter) and extract again"))
    if walker.textboxes:
        out.warnings.append(warning("text-box", f"{walker.textboxes} text box(es) read in place; check their order"))


def _run_soffice(args: list[str], timeout: float) -> None:
    """Run LibreOffice in its own process group, ended as a whole (soffice starts soffice.bin)
    when it fails, times out or we are stopped."""
    import subprocess

    from ..children import run_group

    r = run_group(args, timeout)
    if r.returncode:
        raise subprocess.CalledProcessError(r.returncode, args)


def doc_to_docx(data: bytes, name: str) -> bytes:
    """Convert a legacy .doc to .docx with LibreOffice (``soffice``), or explain how to
    (its process and temporary-folder modules are imported here: a .docx needs none of them)."""
    import os
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from ..children import memory_note

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ReadError(f"{name}: legacy Word .doc needs converting first: install LibreOffice (soffice) or "
                        "run `soffice --headless --convert-to docx FILE.doc`, then extract the .docx")
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        src = os.path.join(tmp, "input.doc")
        with open(src, "wb") as fh:
            fh.write(data)
        # its own profile folder: concurrent conversions (batch -j) must not share one
        profile = "-env:UserInstallation=" + Path(tmp, "profile").as_uri()
        try:
            _run_soffice([soffice, profile, "--headless", "--convert-to", "docx", "--outdir", tmp, src], 180)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
            raise ReadError(f"{name}: LibreOffice could not convert this .doc ({type(e).__name__}){memory_note()}; "
                            "open it in Word or LibreOffice and save as .docx") from e
        out = os.path.join(tmp, "input.docx")
        if not os.path.exists(out):
            raise ReadError(f"{name}: LibreOffice produced no .docx{memory_note()}; open it and save as .docx by hand")
        with open(out, "rb") as fh:
            return fh.read()
