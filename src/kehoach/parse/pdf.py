"""Reader for PDF files with a text layer.

Text comes in reading order with page numbers in ``loc``; running headers, footers and page
numbers are dropped; two-column blocks (issuer | motto, recipients | signature) are read
column by column rather than interleaved; tables are found by their ruling lines and written
as rows, a blank line between pages, so a table that continues over pages is joined again by
the table extractor (repeated header dropped, cut rows rejoined). Scanned, encrypted and
damaged files are refused with a one-line reason.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from functools import partial

from ..errors import ReadError
from ..numbering import match_token
from ..vn import is_upper_text
from .blocks import Loc
from .lines import BARE_NUMBER, DASH_CONTINUATION, PAGE_MARK, names_appendix, starts_block
from .normalize import footnote_start
from .pdf_lines import dashes_indented, heading_ends, segments, text_of
from .pdf_merged import carry_over_break, table_rows
from .pdf_notes import is_superscript, join_superscripts, mark_cells, mark_page_notes, open_marker
from .pdf_objects import FontDescents
from .pdf_rows import join_wrapped
from .pdf_ruling import INSET, has_rules, ruled_page
from .pdf_stats import median
from .pdf_tables import Carry, split_borderless
from .pdf_turned import open_turned, runs_on
from .rendition import Rendition
from .textlayer import page_warnings, repair_lines

RULED_READER = "pdfium"
"""How pages with ruling lines are read: "pdfium" (pdfplumber only for the pages that reader is unsure
of) or "pdfplumber" (every such page; scripts/check_pdf_reader.py compares the two)."""
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "intersection_tolerance": 4}


def _open(data: bytes, name: str):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = len(pdf.pages)
        return pdf
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise ReadError(f"{name}: the PDF is encrypted; remove the password first (e.g. qpdf --decrypt in.pdf out.pdf)") from e
    except PDFSyntaxError as e:
        raise ReadError(f"{name}: not a readable PDF (corrupt or truncated); download or export it again") from e
    except Exception as e:  # pdfminer raises many kinds of errors on damaged files
        inner = [e, *e.args, e.__context__]
        if any(isinstance(x, (PDFPasswordIncorrect, PDFEncryptionError)) for x in inner):
            raise ReadError(f"{name}: the PDF is encrypted; remove the password first (e.g. qpdf --decrypt in.pdf out.pdf)") from e
        if any(isinstance(x, PDFSyntaxError) for x in inner):
            raise ReadError(f"{name}: not a readable PDF (corrupt or truncated); download or export it again") from e
        text = (str(e) + " " + " ".join(type(x).__name__ for x in inner)).lower()
        if "password" in text or "encrypt" in text:
            raise ReadError(f"{name}: the PDF is encrypted; remove the password first (e.g. qpdf --decrypt in.pdf out.pdf)") from e
        raise ReadError(f"{name}: not a readable PDF ({type(e).__name__}); download or export it again") from e


def _lines_of(words: list[dict], gap: float) -> list[list[dict]]:
    """Group words into lines by their vertical position, left to right."""
    lines: list[list[dict]] = []

    def mid(w: dict) -> float:
        return (w["top"] + w["bottom"]) / 2  # a dash glyph's box is lower than its line's letters

    for w in sorted(words, key=lambda w: (round(mid(w)), w["x0"])):
        if lines and abs(mid(lines[-1][0]) - mid(w)) <= gap:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _starts_paragraph(line: str, dash_items_indented: bool) -> bool:
    """A line that starts a block wherever it stands, unless it is a dash inside a wrapped sentence or name."""
    wrapped_dash = DASH_CONTINUATION.match(line) or (dash_items_indented and line[:2] in ("- ", "– "))
    return bool((starts_block(line) and not wrapped_dash) or footnote_start(line))


def _dash_goes_on(prev: str, line: str, first: bool) -> bool:
    """A dash line after a line filled to the margin that ends inside a sentence: the line broke
    before a spaced dash ("… giai đoạn 2026" / "- 2030, …", "… Sở Lao động" / "- Thương binh và Xã hội"), not
    before a dash item. Items follow a colon or punctuation, or a numbered first line (``first``:
    ``prev`` opens its paragraph); a number before a dash and a number is a range, whatever opens it."""
    if line[:2] not in ("- ", "– ") or not prev[-1:].isalnum():
        return False
    if prev[-1].isdigit() and line[2:].lstrip()[:1].isdigit():
        return True
    return not (first and match_token(prev))


class _Page:
    """One page's items in reading order: lines of text (two-column blocks read column by column)
    and tables."""

    def __init__(self, number: int, width: float, words: list[dict], tables: list[tuple]) -> None:
        self.carry = Carry()  # a borderless table running to the page's bottom
        self.number = number
        self.items: list[tuple] = []
        sizes = [w["bottom"] - w["top"] for w in words] or [10.0]
        self.height = median(sizes)
        lines, self.repaired = repair_lines(_lines_of(words, self.height * 0.45), self.height, tables)
        mid = width / 2
        block: list[tuple[float, list[dict]]] = []  # two-column run: (top, segment)
        seq = 0

        def emit(kind: str, payload, x0: float, top: float, anchor: float, brk: bool | None = None,
                 x1: float = 0.0, first_w: float = 0.0) -> None:
            nonlocal seq
            seq += 1
            self.items.append((kind, payload, x0, top, brk, x1, first_w, (anchor, seq)))

        def flush_block() -> None:
            if not block:
                return
            anchor = block[0][0]
            left = [(t, s) for t, s in block if s[0]["x0"] < mid - self.height]
            right = [(t, s) for t, s in block if s[0]["x0"] >= mid - self.height]
            for column in (left, right):
                prev = None
                for k, (t, s) in enumerate(column):
                    gap = prev is not None and t - prev > self.height * 2.2
                    emit("line", text_of(s), s[0]["x0"], t, anchor, brk=(k == 0 or gap), x1=s[-1]["x1"])
                    prev = t
            block.clear()

        for line in lines:
            segs = segments(line, max(self.height * 2.5, 18))
            top = line[0]["top"]
            one_side = len(segs) == 1 and (segs[0][0]["x0"] > mid - self.height or segs[0][-1]["x1"] < mid + self.height)
            if len(segs) >= 2 or (block and one_side and top - block[-1][0] < self.height * 3):
                block.extend((top, s) for s in segs)
                continue
            flush_block()
            for s in segs:
                emit("line", text_of(s), s[0]["x0"], top, top, x1=s[-1]["x1"], first_w=s[0]["x1"] - s[0]["x0"])
        flush_block()
        for bbox, rows in tables:
            emit("table", rows, bbox[0], bbox[1], bbox[1])
        self.items.sort(key=lambda it: it[-1])
        self.margin = min((it[2] for it in self.items if it[0] == "line"), default=0.0)
        self.right = max((it[5] for it in self.items if it[0] == "line" and it[4] is None), default=width)


def _plumber_page(page, number: int) -> _Page:
    """A page read with pdfplumber: tables by their ruling lines, words outside them."""
    tables = [t for t in page.find_tables(_TABLE_SETTINGS) if t.rows and len(t.rows[0].cells) >= 2]
    outside = page
    for t in tables:
        try:  # the box taken in: a line of text just below the table's last rule may reach into it
            outside = outside.outside_bbox((t.bbox[0] + INSET, t.bbox[1] + INSET, t.bbox[2] - INSET, t.bbox[3] - INSET))
        except ValueError:
            pass
    words = join_superscripts(outside.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5,
                                                    y_tolerance=2, extra_attrs=["size"]))
    mark_page_notes(words)
    mark_cells(page.chars, [t.bbox for t in tables])
    return _Page(number, float(page.width), words, [(t.bbox, table_rows(t)) for t in tables])


def _pdfium_page(page, tp, number: int, before: _Page | None = None) -> _Page:
    """A page with no ruling lines read through pypdfium2's text layer (several times faster than
    pdfplumber): its characters with their boxes, gathered into words (superscript markers and
    page-bottom notes written as :mod:`pdf_notes` says)."""
    from .pdfium import raw as pdfium_raw

    width, height = page.get_size()
    n = tp.count_chars()
    text = tp.get_text_range(0, n) if n else ""
    words: list[dict] = []
    cur: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]  # left, bottom, right, top in PDF space
    if len(text) != n:  # characters outside the basic plane: fall back to one call per character
        text = "".join(tp.get_text_range(i, 1)[:1] or " " for i in range(n))

    size, base, in_sup = 0.0, 0.0, False  # the word's font size and bottom; inside a superscript marker

    def flush() -> None:
        nonlocal in_sup
        if cur:
            if in_sup and cur[-1] != "]" and "[" in cur:
                cur.append("]")
            left, bottom, right, top = box
            words.append({"text": "".join(cur), "x0": left, "x1": right, "top": height - top, "bottom": height - bottom,
                          "size": size})
            cur.clear()
        in_sup = False

    for i, ch in enumerate(text):
        if ch in "\ufffe\x02":  # pdfium's mark for the hyphen of a line broken after it
            if cur:
                cur.append("-")
            flush()
            continue
        if ch in "\r\n" and cur and runs_on(tp, text, i, box, size):
            continue
        if ch.isspace() or ch == "\xad":
            flush()
            continue
        left, bottom, right, top = tp.shown_charbox(i)
        if not cur:
            box = [left, bottom, right, top]
            size, base = pdfium_raw.FPDFText_GetFontSize(tp.raw, i), bottom
        else:
            sup = ch.isdigit() and is_superscript(pdfium_raw.FPDFText_GetFontSize(tp.raw, i), bottom, size, base)
            if sup and not in_sup:
                cur.append(open_marker("".join(cur)))
            elif in_sup and not sup and "[" in cur:
                cur.append("]")
            in_sup = sup
            if not sup:
                box = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        cur.append(ch)
    flush()
    mark_page_notes(words)
    carry = before.carry if before is not None else Carry()  # a borderless table may run on from the page before
    words, tables = split_borderless(words, carry)  # task tables printed without ruling lines
    out = _Page(number, float(width), words, tables)
    out.carry = carry
    return out


def _open_pdfium(data: bytes, name: str):
    from .pdfium import PdfiumError, open_document

    try:
        return open_document(data)
    except PdfiumError as e:
        if e.password:
            raise ReadError(f"{name}: the PDF is encrypted; remove the password first (e.g. qpdf --decrypt in.pdf out.pdf)") from e
        raise ReadError(f"{name}: not a readable PDF (corrupt or truncated); download or export it again") from e


def read_pdf(data: bytes, name: str) -> Rendition:
    """Render a PDF's text layer as text lines with their origins (page, line on the page)."""
    pages, chars = _read_pages(data, name)
    if chars == 0:
        from .ocr import NoTextLayer

        raise NoTextLayer(f"{name}: no text layer on any page (a scanned document?): extract it with --ocr "
                          "(needs pip install 'kehoach[ocr]' and the tesseract-ocr, tesseract-ocr-vie packages)")
    _drop_running_lines(pages)
    out = Rendition()
    out.pages = len(pages)
    _lay_out(pages, out)
    out.warnings.extend(page_warnings(pages, out, data))
    return out


def _read_pages(data: bytes, name: str) -> tuple[list[_Page], int]:
    """Every page's items and the number of characters in the text layer. Pages are read through pdfium, each
    turned the way its text runs (:meth:`pdfium.Page.upright_textpage`); a page that draws lines
    has its ruled tables found as pdfplumber finds them (:mod:`pdf_ruling`), and is read with
    pdfplumber itself when that reader is unsure of it."""
    doc = _open_pdfium(data, name)
    fonts = FontDescents(data)
    plumber = None
    pages: list[_Page] = []
    chars = 0
    turned_plumber, turned_later = None, set()
    try:
        for i in range(len(doc)):
            page = tp = None
            try:
                page = doc[i]
                tp, turned = page.upright_textpage()
                n = tp.count_chars()
                chars += n
                ruled = n and has_rules(page)
                found = ruled_page(page, tp, partial(fonts.page, i)) if ruled and RULED_READER == "pdfium" else None
                if found is not None:
                    pages.append(_Page(i + 1, *found))
                elif ruled and (turned or i in turned_later):
                    if turned_plumber is None:
                        turned_plumber, turned_later = open_turned(doc, i, partial(_open, name=name))
                    pages.append(_plumber_page(turned_plumber.pages[i], i + 1))
                elif ruled:
                    if plumber is None:
                        plumber = _open(data, name)
                    pp = plumber.pages[i]
                    pages.append(_plumber_page(pp, i + 1))
                    pp.flush_cache()
                else:
                    pages.append(_pdfium_page(page, tp, i + 1, pages[-1] if pages else None))
            except ReadError:
                raise
            except Exception as e:
                raise ReadError(f"{name}: page {i + 1} could not be read ({type(e).__name__}); the PDF may be damaged") from e
            finally:
                if tp is not None:
                    tp.close()
                if page is not None:
                    page.close()
    finally:
        for opened in (plumber, turned_plumber):
            if opened is not None:
                opened.close()
        doc.close()
    return pages, chars


def _lay_out(pages: list[_Page], out: Rendition) -> None:
    """The pages' lines and tables into ``out``, with wrapped lines of one paragraph joined."""
    dash_items_indented = dashes_indented(pages)
    prev_x1: float | None = None  # right end of the last single-column line written, if it may run on
    prev_caps = False
    run: list[str] = []  # the wrapped lines that make out.lines[-1], joined once (linear in the paragraph)

    def flush() -> None:
        if len(run) > 1:
            out.lines[-1] = join_wrapped(run)
        run.clear()

    last_row: list[list[str]] | None = None  # the last row of the last table written
    for p in pages:
        prev_top = None
        line_no = 0
        for it in p.items:
            kind, payload, x0, top, brk, x1, first_w, _key = it
            line_no += 1
            loc = Loc(line_no, p.number)
            if kind == "table":
                out.warnings += carry_over_break(payload, last_row, loc, p.items[:p.items.index(it)])
                if payload and (last_row is None or len(payload[-1]) >= len(last_row)):
                    last_row = payload[-1]  # (a page's table narrower than the one before: a column with no rule there)
                flush()
                out.blank(loc)
                out.add_table(payload, [loc] * len(payload))
                prev_top, prev_x1 = None, None
                continue
            if brk is None:
                # A line of the single column goes on the paragraph before when the line before (no whole heading) ended only
                # because this line's first word did not fit, and no gap, indent, numbering, header line or footnote starts one.
                indented = x0 > p.margin + p.height * 1.2
                gap = prev_top is not None and (top - prev_top > p.height * 2.2 or top < prev_top)
                wrapped = prev_x1 is not None and prev_x1 + first_w + p.height * 0.6 > p.right and (
                    bool(run) or not heading_ends(out.lines[-1], payload))
                caps = is_upper_text(payload) and len(payload.split()) >= 2
                starter = _starts_paragraph(payload, dash_items_indented) and not (wrapped and (
                    _dash_goes_on(last := (run or out.lines)[-1].rstrip(), payload, not run) or names_appendix(last, payload)))
                if wrapped and (caps == prev_caps or not any(map(str.isalpha, payload))) and not (indented or gap or starter):
                    run.extend([out.lines[-1], payload] if not run else [payload])
                    prev_x1, prev_top = x1, top
                    continue
                brk = True
            flush()
            if brk:
                out.blank(loc)
            out.add_line(payload, loc)
            prev_x1 = x1 if it[4] is None else None
            prev_caps = is_upper_text(payload) and len(payload.split()) >= 2
            prev_top = top
        if prev_x1 is None:
            flush()
            out.blank(Loc(line_no + 1, p.number))
        prev_top = None
    flush()


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove page numbers, and header/footer lines repeated at the top or bottom of pages."""
    def key(text: str) -> str:  # numbers, spaces and marks aside: OCR reads "12/KH" as "12 / K H" on some pages
        return re.sub(r"[\W_]+", "", re.sub(r"\d+", "#", text.strip().lower()))

    def edge_lines(p: _Page) -> list[tuple]:
        """The first two and last two lines of the page, those with no table above or below them (a
        title wrapped onto a line of its own, "… ĐẾN NĂM" / "2030", may stand last before a table)."""
        kinds = [it[0] for it in p.items]
        first = kinds.index("table") if "table" in kinds else len(kinds)
        last = len(kinds) - 1 - kinds[::-1].index("table") if "table" in kinds else -1
        top = [it for it in p.items[:first] if it[0] == "line"][:2]
        bottom = [it for it in p.items[last + 1:] if it[0] == "line"][-2:]
        return top + [it for it in bottom if all(it is not t for t in top)]

    edge: Counter = Counter()
    for p in pages:
        for it in edge_lines(p):
            edge[key(it[1])] += 1
    repeated = {k for k, c in edge.items() if len(pages) >= 3 and c >= max(3, len(pages) // 2)}
    for p in pages:
        drop = set()
        for it in edge_lines(p):
            if PAGE_MARK.match(it[1]) or BARE_NUMBER.match(it[1].strip()) or key(it[1]) in repeated:
                drop.add(id(it))
        p.items = [it for it in p.items if id(it) not in drop]
