"""A ruled page's characters and ruling lines read from pypdfium2, in the form pdfplumber gives them.

pdfplumber builds every object of a page through pdfminer's layout engine, which costs most of the
time of a page of tables. pypdfium2 has parsed the page in C already: its text page gives each
character's origin, font and size, and the page's path objects give the lines and rectangles. Here
they are turned into what pdfminer would have made of them, so that the table finder and the cell
text (:mod:`pdf_ruling`) come out the same:

- a character's box runs from its origin over its advance width (the font's /Widths, not the
  glyph's ink: "ư" and "/" reach past their advance) and, vertically, from the font descriptor's
  /Descent (0 when it gives none, as pdfminer reads it) up by the font size;
- a path is cut into subpaths; a single segment is a line, four segments closing on their start with
  square corners a rectangle (every side an edge), anything else a curve whose straight sides are
  edges.

Whatever this module cannot reproduce with certainty makes the page "unsure" (None), and the page is
read with pdfplumber as before: rotated or cropped pages, form XObjects, Bézier segments, rotated
or skewed text, characters without a code point, text objects pdfium's text page leaves out (text
printed twice a hair apart to look bold: pdfium keeps one print, pdfminer both), standard-14 and
Type 3 fonts (pdfminer takes their metrics from its own tables), fonts with fractional glyph widths
(pdfium keeps whole ones, and its positions drift from pdfminer's along a line), vertical writing,
fonts the page's resources do not name. Horizontal scaling (Tz), which pdfium keeps in a text object's matrix,
widens the advance as pdfminer widens it.
"""

from __future__ import annotations

import ctypes
import io

TYPE_CHECKING = False  # typing only: nothing imported at run time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

STANDARD_14 = frozenset({
    "Courier", "Courier-Bold", "Courier-BoldOblique", "Courier-Oblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-BoldOblique", "Helvetica-Oblique", "Times-Roman", "Times-Bold", "Times-BoldItalic",
    "Times-Italic", "Symbol", "ZapfDingbats"})
_HYPHEN_MARKS = "\x02\ufffe"
"""What pdfium's text page writes for a hyphen that ends a line (pdfminer gives the hyphen)."""


class Unsure(Exception):
    """The page holds something this reader does not reproduce exactly: read it with pdfplumber."""


class FontDescents:
    """Each page's fonts' descent (share of the font size, negative) as pdfminer takes it from the
    font descriptors, by base font name; read from the document's page resources (no content is
    interpreted), by :mod:`pdf_file` or, for a file that module does not read, by pdfminer."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pages: list | None = None  # each page's resources
        self._resolve: Callable[[Any], Any] = _identity
        self._direct = True  # not yet known to be a file for pdfminer

    def page(self, index: int) -> dict[str, float]:
        try:
            return self._page(index)
        except Unsure:
            raise
        except Exception as e:  # a file pdfminer cannot read: the pdfplumber reader reports it
            raise Unsure(f"pdfminer: {type(e).__name__}") from e

    def _load(self) -> list:
        if self._direct:
            from .pdf_file import PdfFile

            try:
                doc = PdfFile(self._data)
                pages = [doc.resolve(attrs.get("Resources", {})) for attrs in doc.pages()]
                self._resolve = doc.resolve
                return pages
            except Exception:  # noqa: BLE001 - a file pdf_file does not read exactly as pdfminer does
                self._direct = False
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1

        self._resolve = resolve1
        return [p.resources for p in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(self._data))))]

    def _page(self, index: int) -> dict[str, float]:
        if self._pages is None:
            self._pages = self._load()
        if index >= len(self._pages):
            raise Unsure("page tree")
        resolve = self._resolve
        fonts = resolve(resolve(self._pages[index] or {}).get("Font") or {})
        out: dict[str, float] = {}
        for ref in fonts.values():
            spec = resolve(ref)
            names = [_name(spec.get("BaseFont"), resolve)]
            subtype = _name(spec.get("Subtype"), resolve)
            if subtype == "Type0":
                if _name(spec.get("Encoding"), resolve).endswith("-V"):
                    raise Unsure("vertical writing")
                spec = resolve(resolve(spec.get("DescendantFonts"))[0])
                names.append(_name(spec.get("BaseFont"), resolve))
            elif subtype == "Type3" or names[0] in STANDARD_14:
                raise Unsure("font metrics from pdfminer's tables")
            widths = resolve(spec.get("W" if subtype == "Type0" else "Widths"))
            if not _whole(widths, resolve) or not _whole(spec.get("DW"), resolve):
                raise Unsure("fractional glyph widths")  # pdfium keeps whole ones: its positions drift from pdfminer's
            descent = float(resolve(resolve(spec.get("FontDescriptor") or {}).get("Descent", 0)) or 0)
            for name in {_unsubset(n) for n in names}:
                value = -abs(descent) / 1000
                if out.setdefault(name, value) != value:
                    raise Unsure("two fonts of one name")
        return out


def _identity(value: Any) -> Any:
    return value


def _whole(value, resolve: Callable[[Any], Any]) -> bool:
    """Whether every number in ``value`` (a width, or a list of them, nested) is whole."""
    value = resolve(value)
    if isinstance(value, list):
        return all(_whole(v, resolve) for v in value)
    return not isinstance(value, float) or value.is_integer()


def _name(value, resolve: Callable[[Any], Any]) -> str:
    value = resolve(value)
    name = getattr(value, "name", value)
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    return name if isinstance(name, str) else ""


def _unsubset(name: str) -> str:
    """A font's name without the subset tag ("BAAAAA+LiberationSerif"), as pdfium gives it."""
    return name[7:] if len(name) > 7 and name[6] == "+" and name[:6].isalpha() and name[:6].isupper() else name


def check_page(page) -> None:
    """Raise :class:`Unsure` for a page whose geometry pdfplumber would shift or turn."""
    if page.get_rotation() or tuple(page.get_mediabox()) != tuple(page.get_cropbox()) or page.get_mediabox()[:2] != (0, 0):
        raise Unsure("rotated, cropped or offset page")


def _font_name(raw, font) -> str:
    size = raw.FPDFFont_GetBaseFontName(font, None, 0)
    buf = ctypes.create_string_buffer(size)
    raw.FPDFFont_GetBaseFontName(font, buf, size)
    return _unsubset(buf.value.decode("utf-8", "replace"))


class _Fonts:
    """Per text object of a page: its font's descent and the advance of each character (at size 1),
    asked of pdfium once."""

    def __init__(self, raw, descents: dict[str, float]) -> None:
        self._raw = raw
        self._descents = descents
        self._objects: dict[int, tuple[Any, int, float, float, float]] = {}  # text object -> (font, its address, descent, a, d)
        self._widths: dict[tuple[int, str], float] = {}
        self._matrix = raw.FS_MATRIX()
        self._width = ctypes.c_float()

    def of(self, address: int) -> tuple[Any, int, float, float, float]:
        """The text object's font, the font's address, its descent, and the horizontal and vertical
        scale of its matrix (the text matrix and the page's transformation, with the horizontal
        scaling Tz in the first): pdfium's font size is the one the text sets with Tf."""
        found = self._objects.get(address)
        if found is None:
            raw, m = self._raw, self._matrix
            obj = ctypes.cast(ctypes.c_void_p(address), raw.FPDF_PAGEOBJECT)
            if not raw.FPDFPageObj_GetMatrix(obj, m) or m.b or m.c or m.a <= 0 or m.d <= 0:
                raise Unsure("rotated or skewed text")
            font = raw.FPDFTextObj_GetFont(obj)
            name = _font_name(raw, font)
            if name not in self._descents:
                raise Unsure("font not in the page's resources")
            found = self._objects[address] = (font, ctypes.cast(font, ctypes.c_void_p).value or 0, self._descents[name],
                                              m.a, m.d)
        return found

    def advance(self, font, address: int, ch: str) -> float:
        key = (address, ch)
        found = self._widths.get(key)
        if found is None:
            if not self._raw.FPDFFont_GetGlyphWidth(font, ord(ch), ctypes.c_float(1000.0), self._width):
                raise Unsure("no width")
            found = self._widths[key] = self._width.value / 1000
        return found


def _text_of(tp, n: int) -> str:
    text = tp.get_text_range(0, n) if n else ""
    if len(text) != n:  # characters outside the basic plane: one call per character
        text = "".join(tp.get_text_range(i, 1)[:1] or "\x00" for i in range(n))
    return text


def chars(tp, height: float, descents: dict[str, float]) -> list[dict]:
    """The page's characters in the order of its content, each with ``text``, ``x0``, ``x1``,
    ``top``, ``bottom`` (y down) and ``size``, as pdfminer boxes them. A space pdfium made up
    between words stands for the space the text may print there (pdfium also marks some printed
    spaces so); line breaks it made up are left out."""
    from .pdfium import raw

    handle = tp.raw
    n = raw.FPDFText_CountChars(handle)
    text = _text_of(tp, n)
    x, y = ctypes.c_double(), ctypes.c_double()
    fonts = _Fonts(raw, descents)
    object_of = _OBJECT_ADDRESS(ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value or 0)
    generated, size_of, origin = raw.FPDFText_IsGenerated, raw.FPDFText_GetFontSize, raw.FPDFText_GetCharOrigin
    unmapped = raw.FPDFText_HasUnicodeMapError
    out: list[dict] = []
    last: dict | None = None
    current, font, font_key, descent, wide, size = -1, None, 0, 0.0, 0.0, 0.0
    for i, ch in enumerate(text):
        if ch in " \r\n" and generated(handle, i):  # pdfium makes up spaces and line breaks only
            if ch == " " and last is not None:
                out.append({**last, "text": " ", "x0": last["x1"]})
            continue
        if ch in "\x00\r\n\ufffd" or "\ud800" <= ch <= "\udfff" or unmapped(handle, i):
            raise Unsure("character without a code point")  # pdfminer writes such glyphs "(cid:N)"
        ch = "-" if ch in _HYPHEN_MARKS else ch
        key = object_of(handle, i) or 0
        if key != current:  # a text object has one font, size and matrix
            current = key
            font, font_key, descent, a, d = fonts.of(key)
            points = size_of(handle, i)
            size, wide = points * d, points * a  # the glyphs' height on the page, and the scale of their advance
        origin(handle, i, x, y)
        if last is not None and last["x0"] == x.value and last["obj"] == key and last["y"] == y.value:
            last["text"] += ch  # one glyph whose text is several code points ("ư" + U+0301): one character
            continue
        bottom = height - (y.value + descent * size)
        last = {"text": ch, "x0": x.value, "x1": x.value + fonts.advance(font, font_key, ch) * wide,
                "top": bottom - size, "bottom": bottom, "size": size, "obj": key, "y": y.value}
        out.append(last)
    return out


_OBJECT_ADDRESS = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
"""pdfium's FPDFText_GetTextObject giving the object's address (a dictionary key) rather than a
pointer object."""


Edge = dict
"""An edge as pdfplumber's table finder has it: ``orientation`` ("h"/"v"), ``x0``, ``top``, ``x1``,
``bottom``, ``width``, ``height``."""


def scan(page, height: float) -> tuple[list[Edge], dict[int, int], set[int]]:
    """The edges pdfplumber's table finder starts from (every line, every side of a rectangle and
    every straight side of another path that is stroked or filled); where each text object stands in
    the page's content (by address); the addresses of the text objects that print something."""
    from .pdfium import raw

    lines: list[Edge] = []
    rects: list[Edge] = []
    others: list[Edge] = []
    texts: set[int] = set()
    order: dict[int, int] = {}
    matrix = raw.FS_MATRIX()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    px, py = ctypes.c_float(), ctypes.c_float()
    bounds = [ctypes.c_float() for _ in range(4)]
    for k in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            raise Unsure("form XObject")
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            address = ctypes.cast(obj, ctypes.c_void_p).value or 0
            order[address] = k
            if raw.FPDFPageObj_GetBounds(obj, *bounds) and (bounds[2].value > bounds[0].value or bounds[3].value > bounds[1].value):
                texts.add(address)  # not an empty or blank run
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        raw.FPDFPath_GetDrawMode(obj, fill, stroke)
        if not fill.value and not stroke.value:
            continue
        raw.FPDFPageObj_GetMatrix(obj, matrix)
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        shape: list[tuple[str, float, float]] = []
        for s in range(raw.FPDFPath_CountSegments(obj)):
            seg = raw.FPDFPath_GetPathSegment(obj, s)
            op = raw.FPDFPathSegment_GetType(seg)
            if op not in (raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO):
                raise Unsure("curved path")
            raw.FPDFPathSegment_GetPoint(seg, px, py)
            point = (a * px.value + c * py.value + e, b * px.value + d * py.value + f)
            shape.append(("m" if op == raw.FPDF_SEGMENT_MOVETO else "l", *point))
            if raw.FPDFPathSegment_GetClose(seg):
                shape.append(("h", *point))
        for sub in _subpaths(shape):
            kind, found = _shape_edges(sub, height)
            (lines if kind == "line" else rects if kind == "rect" else others).extend(found)
    return lines + rects + others, order, texts  # pdfplumber's order of edges: its snapping averages in it


def in_content_order(chars: list[dict], order: dict[int, int]) -> list[dict]:
    """The characters in the order of the page's content, as pdfminer gives them (pdfium's text page
    may move a run of text elsewhere); a character's own run keeps pdfium's order."""
    return sorted(chars, key=lambda c: order[c["obj"]])


def _subpaths(shape: list[tuple[str, float, float]]) -> list[list[tuple[str, float, float]]]:
    out: list[list[tuple[str, float, float]]] = []
    for seg in shape:
        if seg[0] == "m":
            out.append([seg])
        elif out:
            out[-1].append(seg)
    return [sub for sub in out if len(sub) > 1]


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float, width: float, height: float) -> Edge:
    return {"orientation": orientation, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "width": width, "height": height}


def _shape_edges(sub: list[tuple[str, float, float]], height: float) -> tuple[str, list[Edge]]:
    """The edges of one subpath, as pdfminer classes it (line, rectangle, other) and pdfplumber
    turns it into edges (page space, y down)."""
    ops = "".join(s[0] for s in sub)
    pts = [(s[1], s[2]) if s[0] != "h" else (sub[0][1], sub[0][2]) for s in sub]
    if len(ops) > 3 and ops[-2:] == "lh" and pts[-2] == pts[0]:
        ops = ops[:-2] + "h"
        pts.pop()
    if "h" in ops[:-1]:
        raise Unsure("path shape")
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    if ops in ("mlh", "ml"):
        x0, x1, y0, y1 = min(xs[:2]), max(xs[:2]), min(ys[:2]), max(ys[:2])
        # a slanted line is a "v" edge to pdfplumber as well (its table finder then uses its left end)
        return "line", [_edge("h" if y0 == y1 else "v", x0, height - y1, x1, height - y0, x1 - x0, y1 - y0)]
    if ops in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                                 or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
            left, right, low, high = min(x0, x2), max(x0, x2), min(y0, y2), max(y0, y2)
            top, bottom, w, h = height - high, height - low, right - left, high - low
            return "rect", [_edge("h", left, top, right, top, w, 0), _edge("h", left, top + h, right, bottom, w, 0),
                    _edge("v", left, top, left, bottom, 0, h), _edge("v", right, top, right, bottom, 0, h)]
    out = []
    flipped = [(px, height - py) for px, py in pts]
    for (ax, ay), (bx, by) in zip(flipped, flipped[1:], strict=False):
        if ax == bx or ay == by:
            out.append(_edge("v" if ax == bx else "h", min(ax, bx), min(ay, by), max(ax, bx), max(ay, by),
                             abs(ax - bx), abs(ay - by)))
    return "curve", out
