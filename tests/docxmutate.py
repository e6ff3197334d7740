"""Edits a Word file's body the way other editors, converters and hurried hands leave it: paragraphs, rows and
cells lost, doubled or moved; spans and merges that disagree with the grid (a span of 0 or of 60, a merge that
continues nothing, a cell spanning past the row); grids, cell properties and row properties gone; a table put
inside a cell; text cut or with pieces put in; page and section breaks. For tests/test_property.py and
scripts/fuzz_word.py.

The edits work on the XML of ``word/document.xml`` (lxml, which python-docx brings); every other part of the
package is copied as it is.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
WORD_FILES = sorted(p for d in (ROOT / "samples", ROOT / "tests" / "heldout", ROOT / "tests" / "unseen",
                                ROOT / "tests" / "legacy-inputs") for p in d.glob("*.docx"))
"""The Word files edited: the samples, the held-out and unseen plans' Word renditions, the legacy-font ones."""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
SPANS = ("0", "1", "2", "3", "5", "60", "-1", "x", "", "1000000000")
MERGES = ("restart", "continue", None, "", "bogus")
PIECES = ("", " ", "\t", "Sở Tài chính", "chủ trì", "Quý I/2026", "30/6/2026", "|", "1.", "I.", "PHỤ LỤC", "\u00a0",
          "\u200b", "x" * 300)
OPS = 12
"""Kinds of edit (see :func:`mutate_docx`)."""


def _w(tag: str) -> str:
    return _W + tag


def _pick(items: list, where: float):
    return items[min(int(where * len(items)), len(items) - 1)] if items else None


def _props(cell, tag: str):
    """``cell``'s property element ``tag`` (w:tcPr or w:trPr), made as its first child when it has none."""
    found = cell.find(_w(tag))
    if found is None:
        found = etree.SubElement(cell, _w(tag))
        cell.remove(found)
        cell.insert(0, found)
    return found


def _set_val(parent, tag: str, value: str | None) -> None:
    for old in parent.findall(_w(tag)):
        parent.remove(old)
    if value is not None:
        etree.SubElement(parent, _w(tag)).set(_w("val"), value)


def _edit(body, kind: int, where: float, other: float, piece: int) -> None:
    paras = list(body.iter(_w("p")))
    rows = list(body.iter(_w("tr")))
    cells = list(body.iter(_w("tc")))
    tables = list(body.iter(_w("tbl")))
    if kind == 0:  # a paragraph, a row or a cell lost
        node = _pick([paras, rows, cells][piece % 3], where)
        if node is not None and node.getparent() is not None:
            node.getparent().remove(node)
    elif kind == 1:  # one doubled in place
        node = _pick([paras, rows, cells][piece % 3], where)
        if node is not None and node.getparent() is not None:
            node.addnext(copy.deepcopy(node))
    elif kind == 2:  # a row moved, to another place in its table or another table
        row, target = _pick(rows, where), _pick(rows, other)
        if row is not None and target is not None and row is not target and target not in row.iterancestors():
            if row not in target.iterancestors():
                target.addnext(row)
    elif kind == 3:  # a cell's span set to anything
        cell = _pick(cells, where)
        if cell is not None:
            _set_val(_props(cell, "tcPr"), "gridSpan", SPANS[piece % len(SPANS)])
    elif kind == 4:  # a cell's vertical merge set to anything
        cell = _pick(cells, where)
        if cell is not None:
            _set_val(_props(cell, "tcPr"), "vMerge", MERGES[piece % len(MERGES)])
    elif kind == 5:  # a grid, the cells' or the rows' properties gone
        if piece % 3 == 0 and tables:
            for grid in _pick(tables, where).findall(_w("tblGrid")):
                grid.getparent().remove(grid)
        else:
            for node in [cells, rows][piece % 3 - 1][int(where * 5):]:
                for props in node.findall(_w("tcPr")) + node.findall(_w("trPr")):
                    node.remove(props)
    elif kind == 6:  # a table put inside a cell
        table, cell = _pick(tables, other), _pick(cells, where)
        if table is not None and cell is not None and cell not in table.iterdescendants() \
                and sum(1 for _ in cell.iterancestors(_w("tbl"))) < 3:
            cell.append(copy.deepcopy(table))
            etree.SubElement(cell, _w("p"))  # a cell ends with a paragraph
    elif kind == 7:  # a text cut short, or a piece put in
        texts = list(body.iter(_w("t")))
        node = _pick(texts, where)
        if node is not None:
            text = node.text or ""
            at = int(other * (len(text) + 1))
            node.text = text[:at] + (PIECES[piece % len(PIECES)] if piece % 2 else "")
    elif kind == 8:  # a page or section break put in as a paragraph
        node = _pick(paras, where)
        if node is not None:
            para = etree.Element(_w("p"))
            if piece % 2:
                etree.SubElement(etree.SubElement(para, _w("r")), _w("br")).set(_w("type"), "page")
            else:
                etree.SubElement(etree.SubElement(para, _w("pPr")), _w("sectPr"))
            node.addprevious(para)
    elif kind == 9:  # cells skipped before or after a row's own (w:gridBefore / w:gridAfter)
        row = _pick(rows, where)
        if row is not None:
            _set_val(_props(row, "trPr"), "gridBefore" if piece % 2 else "gridAfter", SPANS[piece % len(SPANS)])
    elif kind == 10:  # two cells of a row swapped
        row = _pick(rows, where)
        own = [c for c in row if c.tag == _w("tc")] if row is not None else []
        if len(own) >= 2:
            a, b = _pick(own, other), own[piece % len(own)]
            if a is not b:
                a_next = a.getnext()
                b.addprevious(a)
                if a_next is not None:
                    a_next.addprevious(b)
                else:
                    row.append(b)
    else:  # a row's cells all emptied (their paragraphs kept, their text gone)
        row = _pick(rows, where)
        if row is not None:
            for text in row.iter(_w("t")):
                text.text = ""


def mutate_docx(data: bytes, edits: list[tuple[int, float, float, int]]) -> bytes:
    """The Word file ``data`` with ``edits`` made in turn to its body, each (kind, where 0-1, a second number
    0-1, a piece): 0 a paragraph, row or cell lost, 1 one doubled, 2 a row moved, 3 a cell's span set to anything,
    4 a cell's vertical merge set to anything, 5 a table's grid or cells' or rows' properties gone, 6 a table put
    inside a cell, 7 a text cut short or a piece put in, 8 a page or section break, 9 cells skipped before or
    after a row, 10 two cells of a row swapped, 11 a row's text emptied."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(_w("body"))
    if body is not None:
        for edit in edits:
            _edit(body, *edit)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in parts.items():
            dst.writestr(name, content)
    return out.getvalue()
