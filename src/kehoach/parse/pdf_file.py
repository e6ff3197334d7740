"""A PDF's page tree and the objects it refers to, read straight from the file (no pdfminer).

The pypdfium2 reader of ruled pages needs, per page, the font dictionaries of the page's resources
(:class:`kehoach.parse.pdf_objects.FontDescents`). pdfminer reads them well but importing it costs
more than reading a whole text page; this module reads the same objects the same way for files
laid out as the PDF standard says: a cross-reference table or stream (and the ones before it, of
an incrementally updated file), objects in object streams (Flate, with or without the PNG
predictor), the page tree with inherited attributes.

It mirrors pdfminer where the two could differ (the newest definition of an object wins; a free
entry leaves an older one in force; a dangling reference is null; null values are left out of
dictionaries; the n-th object of an object stream is the n-th one parsed after its header). Anything
else (an encrypted file, a damaged cross-reference, an object not where the table says, a filter other
than Flate, page labels, a page tree pdfminer would walk differently) raises :class:`Unreadable`, and
the caller asks pdfminer, which reads or refuses the file as before.
"""

from __future__ import annotations

import re
import zlib

from .pdf_syntax import (
    DELIMITED,
    KEYWORD,
    SKIP,
    STREAM_NULL,
    Keyword,
    Name,
    Ref,
    Stream,
    Unreadable,
    parse,
)

_OBJ_HEAD = re.compile(rb"[\x00\t\n\x0c\r ]*(\d+)[\x00\t\n\x0c\r ]+(\d+)[\x00\t\n\x0c\r ]+obj" + DELIMITED)
_XREF_SECTION = re.compile(rb"(\d+) (\d+)")
_XREF_ENTRY = re.compile(rb"(\d+) (\d+) ([nf])")
_LINE_END = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)")
_END_STREAM = re.compile(rb"[\x00\t\n\x0c\r ]*endstream" + DELIMITED)
_LINES = re.compile(rb"([^\r\n]*)(?:\r\n|\r|\n|\Z)")
_INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")


class PdfFile:
    """The objects of a PDF file, found through its cross-reference sections."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._xrefs: list[dict[int, tuple]] = []  # newest first: number -> ("at", offset) or ("in", stream, index)
        self._trailers: list[dict] = []
        self._cache: dict[int, object] = {}
        self._streams: dict[int, list] = {}
        self._read_xref(self._startxref(), set())
        self.catalog = self._catalog()

    def _startxref(self) -> int:
        at = self.data.rfind(b"startxref")
        if at < 0:
            raise Unreadable("no startxref")
        line_start = max(self.data.rfind(b"\n", 0, at), self.data.rfind(b"\r", 0, at)) + 1
        if self.data[line_start:at].strip():
            raise Unreadable("startxref not on a line of its own")
        lines = self.data[at + len(b"startxref"):].replace(b"\r", b"\n").split(b"\n")
        if lines[0].strip():
            raise Unreadable("startxref not on a line of its own")
        offset = next((line.strip() for line in lines[1:] if line.strip()), b"")
        if not offset.isdigit():
            raise Unreadable("startxref offset")
        return int(offset)

    def _read_xref(self, pos: int, seen: set[int]) -> None:
        if pos in seen or pos >= len(self.data):
            raise Unreadable("cross-reference loop or offset past the end")
        seen.add(pos)
        start = SKIP.match(self.data, pos).end()  # type: ignore[union-attr]
        if self.data.startswith(b"xref", start):
            table, trailer = self._xref_table(start + 4)
        else:
            table, trailer = self._xref_stream(pos)
        self._xrefs.append(table)
        self._trailers.append(trailer)
        for key in ("XRefStm", "Prev"):  # pdfminer's order
            if key in trailer:
                offset = self.resolve(trailer[key])
                if not isinstance(offset, int) or isinstance(offset, bool):
                    raise Unreadable(key)
                self._read_xref(offset, seen)

    def _xref_table(self, pos: int) -> tuple[dict[int, tuple], dict]:
        table: dict[int, tuple] = {}
        lines = iter(_lines(self.data, pos))
        next(lines, None)  # the rest of the line of ``xref``
        for line_start, line in lines:
            if not line:
                continue
            if line.startswith(b"trailer"):
                trailer, _ = parse(self.data, line_start + self.data[line_start:].index(b"trailer") + 7)
                if not isinstance(trailer, dict):
                    raise Unreadable("trailer")
                return table, trailer
            m = _XREF_SECTION.fullmatch(line)
            if not m:
                raise Unreadable("cross-reference section")
            first, count = int(m[1]), int(m[2])
            for number in range(first, first + count):
                entry = _XREF_ENTRY.fullmatch(next(lines, (0, b""))[1])
                if not entry:
                    raise Unreadable("cross-reference entry")
                if entry[3] == b"n":
                    table[number] = ("at", int(entry[1]))
        raise Unreadable("no trailer")

    def _xref_stream(self, pos: int) -> tuple[dict[int, tuple], dict]:
        stream = self._object_at(pos, None)
        if not isinstance(stream, Stream) or stream.get("Type") != "XRef":
            raise Unreadable("not a cross-reference stream")
        widths, size = stream.get("W"), stream.get("Size")
        index = stream.get("Index", [0, size])
        if not (isinstance(widths, list) and len(widths) == 3 and all(w in (0, 1, 2, 3, 4, 8) for w in widths)
                and isinstance(index, list) and len(index) % 2 == 0 and all(type(v) is int for v in index)):
            raise Unreadable("cross-reference stream layout")
        data = self._decoded(stream)
        width = sum(widths)
        table: dict[int, tuple] = {}
        listed: set[int] = set()  # pdfminer takes an object's first entry, even a free one
        row = 0
        a, b = widths[0], widths[0] + widths[1]
        for first, count in zip(index[::2], index[1::2], strict=True):
            for number in range(first, first + count):
                entry = data[row * width:(row + 1) * width]
                row += 1
                if len(entry) < width:
                    raise Unreadable("cross-reference stream too short")
                if number in listed:
                    continue
                listed.add(number)
                kind = int.from_bytes(entry[:a], "big") if a else 1
                f2, f3 = int.from_bytes(entry[a:b], "big"), int.from_bytes(entry[b:], "big")
                if kind == 1:
                    table[number] = ("at", f2)
                elif kind == 2:
                    table[number] = ("in", f2, f3)
        return table, stream.attrs

    def _catalog(self) -> dict:
        for trailer in self._trailers:
            if "Encrypt" in trailer:
                raise Unreadable("encrypted")
            if "Info" in trailer:
                self.resolve(trailer["Info"])
            if "Root" in trailer:
                catalog = self.resolve(trailer["Root"])
                if not isinstance(catalog, dict):
                    raise Unreadable("catalog")
                return catalog
        raise Unreadable("no catalog")

    def get(self, number: int):
        """Object ``number`` (None when no cross-reference section has it, as pdfminer resolves it)."""
        if number in self._cache:
            return self._cache[number]
        for table in self._xrefs:
            where = table.get(number)
            if where is not None:
                break
        else:
            return None
        self._cache[number] = None  # a reference to itself while it is read: null
        if where[0] == "at":
            value = self._object_at(where[1], number)
        else:
            value = self._in_stream(where[1], where[2])
        self._cache[number] = value
        return value

    def resolve(self, value):
        while isinstance(value, Ref):
            value = self.get(value.num)
        return value

    def _object_at(self, pos: int, number: int | None):
        head = _OBJ_HEAD.match(self.data, pos)
        if not head or (number is not None and int(head[1]) != number):
            raise Unreadable(f"object {number} not at {pos}")
        value, end = parse(self.data, head.end())
        if isinstance(value, Keyword):
            raise Unreadable(f"object {number}")
        if isinstance(value, dict) and self._keyword(end) == b"stream":
            value, end = self._stream(value, SKIP.match(self.data, end).end() + 6)  # type: ignore[union-attr]
        if self._keyword(end) != b"endobj":  # pdfminer reads on to the next endobj
            raise Unreadable(f"object {number} does not end at endobj")
        return value

    def _keyword(self, pos: int) -> bytes:
        m = KEYWORD.match(self.data, SKIP.match(self.data, pos).end())  # type: ignore[union-attr]
        return m[0] if m else b""

    def _stream(self, attrs: dict, pos: int) -> tuple[Stream, int]:
        """The stream whose keyword ``stream`` ends at ``pos`` and the position after its
        ``endstream``: its data runs from the end of that line for /Length bytes."""
        m = _LINE_END.match(self.data, pos)
        length = self.resolve(attrs.get("Length"))
        if not m or type(length) is not int or length < 0:
            raise Unreadable("stream length")
        start = m.end()
        end = _END_STREAM.match(self.data, start + length)
        if not end:
            raise Unreadable("stream length")
        return Stream(attrs, self.data[start:start + length]), end.end()

    def _decoded(self, stream: Stream) -> bytes:
        filters, parms = self.resolve(stream.get("Filter")), self.resolve(stream.get("DecodeParms"))
        filters = filters if isinstance(filters, list) else [filters] if filters is not None else []
        parms = parms if isinstance(parms, list) else [parms]
        if filters == []:
            return stream.raw
        if len(filters) != 1 or filters[0] not in ("FlateDecode", "Fl") or len(parms) > 1:
            raise Unreadable("filter")
        try:
            data = zlib.decompress(stream.raw)
        except zlib.error as e:
            raise Unreadable("Flate data") from e
        return _unpredict(data, self.resolve(parms[0]) if parms else None, self.resolve)

    def _in_stream(self, number: int, index: int):
        objects = self._streams.get(number)
        if objects is None:
            stream = self.get(number)
            if not isinstance(stream, Stream) or type(stream.get("N")) is not int:
                raise Unreadable("object stream")
            data = self._decoded(stream)
            objects, pos = [], 0
            while SKIP.match(data, pos).end() < len(data):  # type: ignore[union-attr]
                value, pos = parse(data, pos, STREAM_NULL)
                if isinstance(value, Ref) or isinstance(value, Keyword) and value is not STREAM_NULL:  # pdfminer reads no reference at the top level there
                    raise Unreadable("keyword or reference in an object stream")
                objects.append(value)
            objects = self._streams[number] = objects[2 * stream.get("N"):]
        if index >= len(objects):
            raise Unreadable("index past the object stream")
        return objects[index]

    def pages(self) -> list[dict]:
        """Every page's attributes, inherited ones filled in, in the page tree's order."""
        root = self.catalog.get("Pages")
        if "PageLabels" in self.catalog or not isinstance(root, Ref):
            raise Unreadable("page labels, or a page tree pdfminer reads its own way")
        out: list[dict] = []
        self._walk(root, self.catalog, set(), out)
        if not out:
            raise Unreadable("no page in the page tree")
        for attrs in out:
            self._check_page(attrs)
        return out

    def _walk(self, ref: Ref, parent: dict, seen: set[int], out: list[dict]) -> None:
        if ref.num in seen:
            return
        seen.add(ref.num)
        node = self.resolve(ref)
        if not isinstance(node, dict):
            raise Unreadable("page tree node")
        attrs = {**{k: v for k, v in parent.items() if k in _INHERITED}, **node}
        kind = attrs.get("Type", attrs.get("type"))
        if kind == "Pages" and isinstance(kind, Name) and "Kids" in attrs:
            kids = self.resolve(attrs["Kids"])
            if not isinstance(kids, list) or not all(isinstance(k, Ref) for k in kids):
                raise Unreadable("page tree kids")
            for kid in kids:
                self._walk(kid, attrs, seen, out)
        elif kind == "Page" and isinstance(kind, Name):
            out.append(attrs)
        else:
            raise Unreadable("page tree node type")

    def _check_page(self, attrs: dict) -> None:
        """What pdfminer reads of every page when it lists them, where it could fail on it."""
        for box in ("MediaBox", "CropBox"):
            if box in attrs and not isinstance(self.resolve(attrs[box]), list):
                raise Unreadable(box)
        if "Contents" in attrs:
            self.resolve(attrs["Contents"])


def _lines(data: bytes, pos: int):
    """(start, stripped line) from ``pos`` on, lines ending at CR, LF or CR LF."""
    for m in _LINES.finditer(data, pos):
        yield m.start(), m[1].strip()
        if m.end() >= len(data):
            return


def _unpredict(data: bytes, parms, resolve) -> bytes:
    """``data`` with the PNG predictor undone (one colour, 8 bits, as cross-reference streams use it)."""
    if not isinstance(parms, dict) or "Predictor" not in parms:
        return data
    predictor = resolve(parms["Predictor"])
    if predictor == 1:
        return data
    colors, bits = resolve(parms.get("Colors", 1)), resolve(parms.get("BitsPerComponent", 8))
    columns = resolve(parms.get("Columns", 1))
    if not (type(predictor) is int and predictor >= 10 and colors == 1 and bits == 8 and type(columns) is int
            and columns > 0 and len(data) % (columns + 1) == 0):
        raise Unreadable("predictor")
    out = bytearray()
    prev = bytearray(columns)
    for at in range(0, len(data), columns + 1):
        kind, row = data[at], bytearray(data[at + 1:at + 1 + columns])
        for i in range(columns):
            left = row[i - 1] if i else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + prev[i]) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + prev[i]) // 2) & 0xFF
            elif kind == 4:
                up_left = prev[i - 1] if i else 0
                p = left + prev[i] - up_left
                pa, pb, pc = abs(p - left), abs(p - prev[i]), abs(p - up_left)
                row[i] = (row[i] + (left if pa <= pb and pa <= pc else prev[i] if pb <= pc else up_left)) & 0xFF
            elif kind != 0:
                raise Unreadable("predictor row type")
        out += row
        prev = row
    return bytes(out)
