"""What a reader of a Word document sees, element by element: the walker behind :mod:`kehoach.parse.docx`.

A paragraph's visible text is its runs' text with what Word does not show left out: deleted and
moved-away text of tracked changes (``w:del``, ``w:moveFrom``), hidden runs (``w:vanish``), a
field's code (only its result is text), and the second rendering of a drawing that Word stores
twice (``mc:AlternateContent``: the first choice is read, its fallback is not). Wrappers that only
mark text (insertions, hyperlinks, simple fields, content controls, smart tags, custom XML) are read
through, around runs as around rows and cells. Text boxes are read as paragraphs of their own, not
glued onto the paragraph that anchors them.
"""

from __future__ import annotations

from .blocks import Loc
from .docx_numbering import Numbering, W, clamp_int, switched_on
from .fonts import RunFonts, classify, convert_segments

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_COLUMNS = 64
"""Word tables have at most 63 columns; a larger gridSpan is clamped to the grid."""
_UNSEEN = {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}sdtPr", f"{W}tblPr", f"{W}trPr", f"{W}tcPr",
           f"{W}instrText", f"{W}delText", f"{W}delInstrText", f"{MC}Fallback"}
"""Elements whose text a reader never sees (properties hold none; a fallback repeats its choice)."""
_WRAPPERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag", f"{W}ins", f"{W}moveTo")
"""Elements that wrap rows or cells of a table without being one."""


def _mark_gone(p) -> bool:
    """Whether a paragraph's mark is deleted by a tracked change or hidden."""
    rpr = p.find(f"{W}pPr/{W}rPr")
    return rpr is not None and (rpr.find(f"{W}del") is not None or switched_on(rpr.find(f"{W}vanish")))


def children(el, tag: str):
    """``el``'s children with ``tag``, through content controls and other wrappers (rows of a table,
    cells of a row), in document order."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from children(child, tag)


def _visible(p):
    """The elements of paragraph ``p`` a reader sees, in order, each with the run it is in (or None);
    a text box's content is given as the ``w:txbxContent`` element, not walked."""
    stack = [(iter(p), None)]
    while stack:
        it, run = stack[-1]
        el = next(it, None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if tag in _UNSEEN or not isinstance(tag, str):
            continue
        if tag == f"{W}r":
            if not switched_on(el.find(f"{W}rPr/{W}vanish")):  # hidden text
                stack.append((iter(el), el))
            continue
        if tag == f"{MC}AlternateContent":
            choice = el.find(f"{MC}Choice")
            chosen = choice if choice is not None and any(True for _ in choice.iter(f"{W}t")) else el.find(f"{MC}Fallback")
            if chosen is not None:
                stack.append((iter(chosen), run))
            continue
        yield el, run
        if tag != f"{W}txbxContent":
            stack.append((iter(el), run))


class Walker:
    """Reads paragraphs and tables of one document, keeping its list counters and what it noticed."""

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
        self.boxed: list[list[str]] = []
        """Paragraphs read from text boxes since the caller last took them."""
        self.objects = 0
        """Embedded objects (and imported parts, ``w:altChunk``) met, whose content is not read."""
        self.object_loc: Loc | None = None
        self.box_loc: Loc | None = None
        """Where the first text box of the body was read (for the warning)."""

    def paragraph_lines(self, p) -> list[str]:
        """The paragraph as lines (soft breaks split it), its list label in front; runs set in
        legacy 8-bit fonts (TCVN3, VNI) converted to Unicode by their font. Text boxes in it go
        to :attr:`boxed`, a paragraph each."""
        lines: list[list[tuple[str, str | None, bool]]] = [[]]
        style = p.find(f"{W}pPr/{W}pStyle")
        para_style = style.get(f"{W}val") if style is not None else None
        for el, run in _visible(p):
            tag = el.tag
            if tag == f"{W}t":
                lines[-1].append((el.text or "", *self._run_encoding(run, para_style)))
            elif tag in (f"{W}tab", f"{W}ptab"):
                lines[-1].append(("\t", None, False))
            elif tag in (f"{W}br", f"{W}cr"):
                lines.append([])
            elif tag == f"{W}noBreakHyphen":
                lines[-1].append(("-", None, False))
            elif tag == f"{W}txbxContent":
                self.textboxes += 1
                self._read_box(el)
            elif tag == f"{W}object":  # an embedded object (a pasted worksheet): its text is not in the document
                self.objects += 1
        texts = []
        for segments in lines:
            text, converted = convert_segments(segments)
            self.converted_runs += converted
            texts.append(text)
        if not any(t.strip() for t in texts) and _mark_gone(p):
            return []  # deleted (tracked) or hidden whole: no list number shown, none counted
        label = self._label(p)
        if label:
            texts[0] = f"{label} {texts[0].lstrip()}"
        return [line.replace("\t", "   ").rstrip() for line in texts]

    def _read_box(self, content) -> None:
        for child in children(content, f"{W}p"):
            self.boxed.append(self.paragraph_lines(child))
        for tbl in children(content, f"{W}tbl"):
            self.boxed.extend([p] for row in self.table_rows(tbl) for cell in row for p in cell)

    def take_boxed(self) -> list[list[str]]:
        out, self.boxed = self.boxed, []
        return out

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
        """The list label Word shows before the paragraph; a paragraph that gives only its level
        (``w:ilvl``) takes the list from its style at that level."""
        num_id, ilvl = None, None
        if ppr is not None:
            numpr = ppr.find(f"{W}numPr")
            if numpr is not None:
                nid = numpr.find(f"{W}numId")
                lvl = numpr.find(f"{W}ilvl")
                num_id = nid.get(f"{W}val") if nid is not None else None
                ilvl = clamp_int(lvl.get(f"{W}val"), 0, 0, 9) if lvl is not None else None
            if num_id is None:
                style = ppr.find(f"{W}pStyle")
                if style is not None and style.get(f"{W}val") in self.style_num:
                    num_id, style_level = self.style_num[style.get(f"{W}val")]
                    ilvl = style_level if ilvl is None else ilvl
        return self.numbering.label(num_id, ilvl or 0) if num_id else ""

    def cell_paragraphs(self, tc) -> list[str]:
        out: list[str] = []
        for child in tc:
            if child.tag == f"{W}p":
                out.extend(line for line in self.paragraph_lines(child) if line.strip())
                out.extend(line for box in self.take_boxed() for line in box if line.strip())
            elif child.tag == f"{W}tbl":
                for row in self.table_rows(child):
                    out.extend(p for cell in row for p in cell)
            elif child.tag in _WRAPPERS:
                out.extend(self.cell_paragraphs(child))
        return out

    def table_rows(self, tbl) -> list[list[list[str]]]:
        """Rows of cells of paragraphs, merged cells expanded onto the grid (a row's skipped first grid
        columns, ``w:gridBefore``, as empty cells); rows and cells inside content controls read in place,
        rows deleted by a tracked change left out."""
        rows: list[list[list[str]]] = []
        above: dict[int, list[str]] = {}
        for tr in children(tbl, f"{W}tr"):
            if tr.find(f"{W}trPr/{W}del") is not None:
                continue
            before = tr.find(f"{W}trPr/{W}gridBefore")  # grid columns the row leaves out at its start
            col = clamp_int(before.get(f"{W}val"), 0, 0, MAX_COLUMNS - 1) if before is not None else 0
            row: list[list[str]] = [[] for _ in range(col)]
            for tc in children(tr, f"{W}tc"):
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
        # trailing grid columns with no text in any row go (padding, or the width of a title row spanning
        # them): the parts of a table cut by a page break then keep one width however each part pads
        width = max((i + 1 for row in rows for i, cell in enumerate(row) if cell), default=0)
        return [row[:width] for row in rows]
