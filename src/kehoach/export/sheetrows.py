"""The data rows of a large worksheet written as XML text and spliced into the saved workbook.

openpyxl builds a cell object for every value and writes each one through lxml: on a plan of
thousands of tasks that is most of the Excel export's time. The workbook itself (styles, header
row, columns, filters, drop-downs, print setup) stays openpyxl's; only the rows below the header
are joined here, in the markup openpyxl writes for them (inline strings, numbers, dates as day
numbers with a date style, empty styled cells), and put into the sheet openpyxl saved.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of the spreadsheet date numbers (the 1900 date system)."""
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_DIMENSION = re.compile(r'<dimension ref="[^"]*"/>')


def _letters(n: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(k) for k in range(1, n + 1)]


def rows_xml(rows: list[tuple[float, list[tuple[object, int]]]], first: int) -> str:
    """``<row>`` elements for ``rows`` (height in points, then (value, style id) per cell) numbered
    from ``first``. Values: text, whole or decimal numbers, dates, None (an empty styled cell)."""
    width = max((len(cells) for _, cells in rows), default=0)
    letters = _letters(width)
    out: list[str] = []
    for r, (height, cells) in enumerate(rows, first):
        out.append(f'<row r="{r}" ht="{height:g}" customHeight="1">')
        for letter, (value, style) in zip(letters, cells, strict=False):
            out.append(_cell(f"{letter}{r}", value, style))
        out.append("</row>")
    return "".join(out)


def _cell(ref: str, value: object, style: int) -> str:
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, str):
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{value.translate(_ESCAPES)}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f'<c r="{ref}" s="{style}" t="n"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, (int, float)):  # 16 significant digits, as openpyxl writes them
        return f'<c r="{ref}" s="{style}" t="n"><v>{value:.16g}</v></c>'
    raise TypeError(f"no sheet cell for a {type(value).__name__}")


def splice_rows(book: bytes, sheet: str, xml: str, last_ref: str) -> bytes:
    """``book`` (a saved workbook) with ``xml`` appended to the rows of its part ``sheet`` (such as
    "xl/worksheets/sheet1.xml") and the sheet's used range ending at ``last_ref``."""
    src = zipfile.ZipFile(io.BytesIO(book))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == sheet:
                text = data.decode("utf-8")
                if text.count("</sheetData>") != 1:
                    raise ValueError(f"{sheet}: no single row list to add rows to")
                text = _DIMENSION.sub(f'<dimension ref="A1:{last_ref}"/>', text, count=1)
                data = text.replace("</sheetData>", xml + "</sheetData>").encode("utf-8")
            dst.writestr(info, data)
    return out.getvalue()
