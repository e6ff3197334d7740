"""Rows spliced into a saved workbook read back as openpyxl would have written them cell by cell."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell
from openpyxl.styles import NamedStyle

from kehoach.export.sheetrows import rows_xml, splice_rows

VALUES = [1, "Sở A & Sở <B>", "  lề trái", "dòng\r\nhai", None, dt.date(2024, 2, 29), "", 12345678901234567, 2.5,
          "'=1+1", "Quý II/2025 > quý I"]


def _book(rows_by_cells: bool) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append([f"c{k}" for k in range(len(VALUES))])
    wb.add_named_style(NamedStyle("day", number_format="DD/MM/YYYY"))
    scratch = Cell(ws)
    scratch.style = "day"
    day = scratch.style_id
    rows = [(31.0, [(v, day if isinstance(v, dt.date) else 0) for v in values]) for values in (VALUES, VALUES[::-1])]
    if rows_by_cells:
        for r, (height, cells) in enumerate(rows, 2):
            ws.append([v for v, _ in cells])
            ws.row_dimensions[r].height = height
            for cell in ws[r]:
                if isinstance(cell.value, dt.date):
                    cell.style = "day"
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()
    buf = io.BytesIO()
    wb.save(buf)
    return splice_rows(buf.getvalue(), "xl/worksheets/sheet1.xml", rows_xml(rows, 2), f"K{1 + len(rows)}")


def _read(book: bytes) -> list:
    ws = load_workbook(io.BytesIO(book)).active
    return [ws.dimensions, [ws.row_dimensions[r].height for r in (1, 2, 3)],
            [[(c.value, c.number_format) for c in row] for row in ws.iter_rows()]]


def test_spliced_rows_read_back_as_openpyxl_writes_them():
    ours, theirs = _read(_book(False)), _read(_book(True))
    assert ours[0] == theirs[0] == "A1:K3"
    assert ours[1] == theirs[1] == [None, 31.0, 31.0]
    for mine, ref in zip(ours[2], theirs[2], strict=True):
        assert [("" if v is None else v, f) for v, f in mine] == [("" if v is None else v, f) for v, f in ref]
    assert ours[2][1][3][0] == "dòng\r\nhai"  # a carriage return kept, as openpyxl keeps it
    assert ours[2][1][5] == (dt.datetime(2024, 2, 29), "DD/MM/YYYY")
