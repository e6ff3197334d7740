"""The pdfium functions the PDF reader calls, bound to the library pypdfium2 ships.

pypdfium2 carries pdfium as a shared library (in its ``pypdfium2_raw`` package) and, when
imported, declares every one of pdfium's functions and structures through ctypes and loads its
helper classes: about 50 ms of a PDF's start-up, more than reading a short PDF takes. This module
loads the same library and declares the few dozen functions the reader calls, each when it is
first used. :data:`raw` has pypdfium2.raw's names (``raw.FPDFText_CountChars``), so the
readers written against pypdfium2 call it unchanged, and :func:`open_document` gives the few
methods of pypdfium2's document, page and text page they use, with pypdfium2's results.

When the library is not where ``pypdfium2_raw`` keeps it (a build against a system pdfium) or
lacks a function, pypdfium2 itself is imported and its bindings are used: slower to start, the
same results. Rendering (OCR) uses pypdfium2 directly.
"""

from __future__ import annotations

import _thread
import ctypes
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

c_int, c_uint, c_ulong, c_float, c_double = ctypes.c_int, ctypes.c_uint, ctypes.c_ulong, ctypes.c_float, ctypes.c_double
c_size_t, c_void_p, c_char_p = ctypes.c_size_t, ctypes.c_void_p, ctypes.c_char_p
P = ctypes.POINTER


class _Opaque(ctypes.Structure):
    """What every pdfium handle points to (the library's own objects)."""


HANDLE = P(_Opaque)


class FS_MATRIX(ctypes.Structure):
    _fields_ = [(name, c_float) for name in "abcdef"]


class FS_RECTF(ctypes.Structure):
    _fields_ = [("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float)]


class FPDF_LIBRARY_CONFIG(ctypes.Structure):
    _fields_ = [("version", c_int), ("m_pUserFontPaths", P(c_char_p)), ("m_pIsolate", c_void_p),
                ("m_v8EmbedderSlot", c_uint)]


class FPDF_FILEWRITE(ctypes.Structure):
    pass


_WRITE_BLOCK = ctypes.CFUNCTYPE(c_int, P(FPDF_FILEWRITE), c_void_p, c_ulong)
FPDF_FILEWRITE._fields_ = [("version", c_int), ("WriteBlock", _WRITE_BLOCK)]

_SIGNATURES: dict[str, tuple] = {
    # name: (result, *arguments), as pdfium's public headers declare them
    "FPDF_InitLibraryWithConfig": (None, P(FPDF_LIBRARY_CONFIG)),
    "FPDF_LoadMemDocument64": (HANDLE, c_void_p, c_size_t, c_char_p),
    "FPDF_GetLastError": (c_ulong,),
    "FPDF_CloseDocument": (None, HANDLE),
    "FPDF_SaveAsCopy": (c_int, HANDLE, P(FPDF_FILEWRITE), c_ulong),
    "FPDF_GetPageCount": (c_int, HANDLE),
    "FPDF_LoadPage": (HANDLE, HANDLE, c_int),
    "FPDF_ClosePage": (None, HANDLE),
    "FPDF_GetPageWidthF": (c_float, HANDLE),
    "FPDF_GetPageHeightF": (c_float, HANDLE),
    "FPDFPage_GetRotation": (c_int, HANDLE),
    "FPDFPage_SetRotation": (None, HANDLE, c_int),
    "FPDFPage_GetMediaBox": (c_int, HANDLE, P(c_float), P(c_float), P(c_float), P(c_float)),
    "FPDFPage_GetCropBox": (c_int, HANDLE, P(c_float), P(c_float), P(c_float), P(c_float)),
    "FPDFPage_CountObjects": (c_int, HANDLE),
    "FPDFPage_GetObject": (HANDLE, HANDLE, c_int),
    "FPDFFormObj_CountObjects": (c_int, HANDLE),
    "FPDFFormObj_GetObject": (HANDLE, HANDLE, c_ulong),
    "FPDFPageObj_GetType": (c_int, HANDLE),
    "FPDFPageObj_GetBounds": (c_int, HANDLE, P(c_float), P(c_float), P(c_float), P(c_float)),
    "FPDFPageObj_GetMatrix": (c_int, HANDLE, P(FS_MATRIX)),
    "FPDFTextObj_GetFont": (HANDLE, HANDLE),
    "FPDFFont_GetBaseFontName": (c_size_t, HANDLE, c_char_p, c_size_t),
    "FPDFFont_GetGlyphWidth": (c_int, HANDLE, ctypes.c_uint32, c_float, P(c_float)),
    "FPDFPath_GetDrawMode": (c_int, HANDLE, P(c_int), P(c_int)),
    "FPDFPath_CountSegments": (c_int, HANDLE),
    "FPDFPath_GetPathSegment": (HANDLE, HANDLE, c_int),
    "FPDFPathSegment_GetType": (c_int, HANDLE),
    "FPDFPathSegment_GetPoint": (c_int, HANDLE, P(c_float), P(c_float)),
    "FPDFPathSegment_GetClose": (c_int, HANDLE),
    "FPDFText_LoadPage": (HANDLE, HANDLE),
    "FPDFText_ClosePage": (None, HANDLE),
    "FPDFText_CountChars": (c_int, HANDLE),
    "FPDFText_GetText": (c_int, HANDLE, c_int, c_int, P(ctypes.c_ushort)),
    "FPDFText_GetTextIndexFromCharIndex": (c_int, HANDLE, c_int),
    "FPDFText_GetLooseCharBox": (c_int, HANDLE, c_int, P(FS_RECTF)),
    "FPDFText_GetFontSize": (c_double, HANDLE, c_int),
    "FPDFText_IsGenerated": (c_int, HANDLE, c_int),
    "FPDFText_HasUnicodeMapError": (c_int, HANDLE, c_int),
    "FPDFText_GetCharOrigin": (c_int, HANDLE, c_int, P(c_double), P(c_double)),
    "FPDFText_GetTextObject": (HANDLE, HANDLE, c_int),
    "FPDFText_GetCharAngle": (c_float, HANDLE, c_int),
}
"""Every function the readers call (a test checks each against pypdfium2's own declarations)."""

_LIBRARY_NAMES = ("libpdfium.so", "libpdfium.dylib", "pdfium.dll")
"""The library's file name in pypdfium2_raw on Linux and the BSDs, macOS, Windows."""


class _Raw:
    """pdfium's functions by name, each declared when first asked for, plus the structures,
    handle type and constants the readers use."""

    FS_MATRIX, FS_RECTF, FPDF_LIBRARY_CONFIG, FPDF_FILEWRITE = FS_MATRIX, FS_RECTF, FPDF_LIBRARY_CONFIG, FPDF_FILEWRITE
    FPDF_PAGEOBJECT = FPDF_DOCUMENT = FPDF_PAGE = FPDF_TEXTPAGE = FPDF_FONT = HANDLE
    FPDF_PAGEOBJ_TEXT, FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_IMAGE, FPDF_PAGEOBJ_SHADING, FPDF_PAGEOBJ_FORM = 1, 2, 3, 4, 5
    FPDF_SEGMENT_LINETO, FPDF_SEGMENT_BEZIERTO, FPDF_SEGMENT_MOVETO = 0, 1, 2
    FPDF_ERR_PASSWORD = 4

    def __init__(self, library: ctypes.CDLL) -> None:
        self._library = library

    def __getattr__(self, name: str):
        signature = _SIGNATURES.get(name)
        if signature is None:
            raise AttributeError(f"pdfium function {name!r} is not declared in kehoach.parse.pdfium")
        function = getattr(self._library, name)
        function.restype, function.argtypes = signature[0], signature[1:]
        setattr(self, name, function)
        return function


def _library_path() -> str | None:
    for folder in sys.path:
        base = os.path.join(folder or os.curdir, "pypdfium2_raw")
        for name in _LIBRARY_NAMES:
            path = os.path.join(base, name)
            if os.path.isfile(path):
                return path
    return None


def _bind():
    """Our bindings of the library pypdfium2 ships, initialised; pypdfium2's own when that fails."""
    path = _library_path()
    if path is not None:
        try:
            bound = _Raw(ctypes.CDLL(path))
            for name in _SIGNATURES:
                getattr(bound._library, name)  # every function there (an older library lacks some)
            config = FPDF_LIBRARY_CONFIG(version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0)
            bound.FPDF_InitLibraryWithConfig(ctypes.byref(config))  # a second initialisation (pypdfium2's) is ignored by pdfium
            return bound
        except (OSError, AttributeError):
            pass
    import pypdfium2  # noqa: F401 (initialises the library)
    import pypdfium2.raw as theirs

    return theirs


class _Lazy:
    """:data:`raw`: binds the library when first used, so that importing this module costs nothing
    (what it is asked for is kept on it: a module that imported :data:`raw` calls straight through)."""

    bound = None

    def __getattr__(self, name: str):
        if _Lazy.bound is None:
            _Lazy.bound = _bind()
        value = getattr(_Lazy.bound, name)
        setattr(self, name, value)
        return value


raw: Any = _Lazy()


class PdfiumError(Exception):
    """A document pdfium cannot open; ``code`` is pdfium's error code (FPDF_ERR_*)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code

    @property
    def password(self) -> bool:
        return self.code == _Raw.FPDF_ERR_PASSWORD


_ONE_THREAD = _thread.RLock()
"""Held by the thread that has a document open, from :func:`open_document` to its ``close``:
pdfium may not be called from two threads at once, not even on two documents (it crashes), and
ctypes lets go of the interpreter lock while a function runs (a dask worker runs files in threads)."""


def open_document(data: bytes) -> Document:
    """The PDF in ``data`` (kept referenced while the document is open); :class:`PdfiumError`
    when pdfium cannot open it or it has no page (as pypdfium2 refuses it). Another thread's call
    waits until the documents this thread has open are closed: close each, in a ``finally``."""
    _ONE_THREAD.acquire()
    try:
        handle = raw.FPDF_LoadMemDocument64(data, len(data), None)
        if not handle:
            code = int(raw.FPDF_GetLastError())
            raise PdfiumError(f"pdfium could not open the document (error {code})", code)
        if raw.FPDF_GetPageCount(handle) < 1:  # opened: pdfium's last error is an earlier document's
            raw.FPDF_CloseDocument(handle)
            raise PdfiumError("the document has no page", 0)
    except BaseException:
        _ONE_THREAD.release()
        raise
    return Document(handle, data)


class Document:
    def __init__(self, handle, data: bytes) -> None:
        self.raw = handle
        self._data = data  # pdfium reads the bytes in place

    def __len__(self) -> int:
        return raw.FPDF_GetPageCount(self.raw)

    def __getitem__(self, index: int) -> Page:
        handle = raw.FPDF_LoadPage(self.raw, index)
        if not handle:
            raise PdfiumError(f"pdfium could not load page {index + 1}", int(raw.FPDF_GetLastError()))
        return Page(handle, self)

    def save_copy(self) -> bytes:
        """The document as pdfium holds it now (pages turned in memory included), as a new file."""
        chunks: list[bytes] = []

        def write(_this, data, size: int) -> int:
            chunks.append(ctypes.string_at(data, size))
            return 1

        writer = raw.FPDF_FILEWRITE(version=1)
        writer.WriteBlock = type(writer.WriteBlock)(write)  # pypdfium2's structure has its own callback type
        if not raw.FPDF_SaveAsCopy(self.raw, ctypes.byref(writer), 0):
            raise PdfiumError("pdfium could not write the document", int(raw.FPDF_GetLastError()))
        return b"".join(chunks)

    def close(self) -> None:
        if self.raw:
            raw.FPDF_CloseDocument(self.raw)
            self.raw = None
            _ONE_THREAD.release()


class Page:
    def __init__(self, handle, document: Document) -> None:
        self.raw = handle
        self._document = document  # and so its bytes, which pdfium reads while the page is in use

    def get_size(self) -> tuple[float, float]:
        return raw.FPDF_GetPageWidthF(self.raw), raw.FPDF_GetPageHeightF(self.raw)

    def get_rotation(self) -> int:
        """Clockwise, in degrees."""
        turns = raw.FPDFPage_GetRotation(self.raw)
        if turns not in (0, 1, 2, 3):
            raise PdfiumError("pdfium could not read the page's rotation", turns)
        return 90 * turns

    def _box(self, function) -> tuple[float, float, float, float] | None:
        box = [c_float() for _ in range(4)]
        return tuple(v.value for v in box) if function(self.raw, *box) else None  # type: ignore[return-value]

    def get_mediabox(self) -> tuple[float, float, float, float]:
        """The MediaBox; US Letter when the page has none (as pypdfium2 gives it)."""
        return self._box(raw.FPDFPage_GetMediaBox) or (0, 0, 612, 792)

    def get_cropbox(self) -> tuple[float, float, float, float]:
        """The CropBox; the MediaBox when the page has none."""
        return self._box(raw.FPDFPage_GetCropBox) or self.get_mediabox()

    def upright_textpage(self) -> tuple[TextPage, bool]:
        """The page's text page, read in the direction its text runs: a page whose rotation
        (/Rotate) does not turn its text upright is turned so that it does (a portrait page
        given a rotation that leaves its lines running down the screen, or a page whose text
        runs up or down it and no rotation says so). True when the rotation was changed (in
        memory only)."""
        tp = self.get_textpage()
        from .pdf_turned import text_turns

        turns = text_turns(tp)
        if turns is None or turns == self.get_rotation() // 90:
            return tp, False
        tp.close()
        raw.FPDFPage_SetRotation(self.raw, turns)
        return self.get_textpage(), True

    def get_textpage(self) -> TextPage:
        handle = raw.FPDFText_LoadPage(self.raw)
        if not handle:
            raise PdfiumError("pdfium could not read the page's text", 0)
        tp = TextPage(handle, self)
        turns = self.get_rotation() // 90
        if turns:
            from .pdf_turned import display_box

            tp.display = display_box(turns, self.get_cropbox())
        return tp

    def get_objects(self, filter: tuple[int, ...] = (), max_depth: int = 15):
        """The page's objects (handles) of the types in ``filter`` (all when empty), those inside
        form objects too, down to ``max_depth`` levels, in the order pypdfium2 gives them."""
        return _objects(raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, self.raw, filter, max_depth, 0)

    def close(self) -> None:
        if self.raw:
            raw.FPDF_ClosePage(self.raw)
            self.raw = None


def _objects(count, get, parent, filter, max_depth: int, level: int):
    n = count(parent)
    if n < 0:
        raise PdfiumError("pdfium could not count the page's objects", 0)
    for i in range(n):
        obj = get(parent, i)
        if not obj:
            raise PdfiumError("pdfium could not read a page object", 0)
        kind = raw.FPDFPageObj_GetType(obj)
        if not filter or kind in filter:
            yield obj
        if kind == _Raw.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
            yield from _objects(raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, obj, filter, max_depth, level + 1)


class TextPage:
    display = None
    """For a turned page, what turns a character's box to the page as shown (else None)."""

    def __init__(self, handle, page: Page) -> None:
        self.raw = handle
        self._page = page

    def count_chars(self) -> int:
        return raw.FPDFText_CountChars(self.raw)

    def get_text_range(self, index: int = 0, count: int = -1) -> str:
        """The text of characters ``index`` to ``index + count`` (UTF-16 code units; pdfium may
        leave out or add characters, so its length can differ from ``count``)."""
        if count == -1:
            count = self.count_chars() - index
        first, last = index, index + count - 1
        to_text = raw.FPDFText_GetTextIndexFromCharIndex
        while first <= last and to_text(self.raw, first) == -1:  # characters pdfium leaves out of its text:
            first += 1  # pdfium would read past the range to make up for them
        while first <= last and to_text(self.raw, last) == -1:
            last -= 1
        if first > last:
            return ""
        size = to_text(self.raw, last) + 2 - to_text(self.raw, first)  # with the terminating NUL
        buffer = (ctypes.c_ushort * size)()
        written = raw.FPDFText_GetText(self.raw, first, last + 1 - first, buffer)
        if written > size:
            raise PdfiumError("pdfium wrote past the text buffer", 0)
        return bytes(memoryview(buffer)[:max(written - 1, 0)]).decode("utf-16-le", "ignore")


    def get_charbox(self, index: int, loose: bool = True) -> tuple[float, float, float, float]:
        """Left, bottom, right, top of the character's box covering the font's whole height."""
        if not loose:
            raise ValueError("only the loose box is bound")
        rect = raw.FS_RECTF()
        if not raw.FPDFText_GetLooseCharBox(self.raw, index, ctypes.byref(rect)):
            raise PdfiumError("pdfium could not give a character's box", 0)
        return rect.left, rect.bottom, rect.right, rect.top

    def shown_charbox(self, index: int) -> tuple[float, float, float, float]:
        """:meth:`get_charbox` on the page as shown (turned by its rotation), where the text's order is."""
        box = self.get_charbox(index)
        return box if self.display is None else self.display(*box)

    def close(self) -> None:
        if self.raw:
            raw.FPDFText_ClosePage(self.raw)
            self.raw = None
