"""Render the unseen-layout plans of tests/unseen/src/*.plan as Word, PDF and text (run from the repo root).

    python scripts/make_unseen.py            # needs python-docx, LibreOffice (soffice) and pdftotext

Each plan is written once, by hand, in a small line markup (below) and rendered the ways plans reach
analysts: a Word file (python-docx: header and signature in borderless layout tables, the appendix a
ruled table on a landscape page with merged header cells and agencies one per line in a cell), the PDF
LibreOffice prints from it, LibreOffice's plain-text export of the Word file and `pdftotext -layout`
of the PDF. The outputs go to tests/unseen/ (committed; CI does not run this script); one rendition of
each plan is also in the held-out set (tests/heldout/) with its answer key.

Markup, one block per line:
    # text                 a bold centred line            ## text    a bold line
    text                   a paragraph (**…** bold)       - text     a bullet paragraph
    @layout / @end         a borderless two-column table; each line "left ;; right", "\\\\" breaks a cell
    @table / @end          a ruled table; cells split by "|", "\\\\" breaks a cell, "^" continues the
                           cell above (row span), "<" the cell on the left (column span); a line
                           "---" ends the header rows (repeated on every page)
    @landscape             a new landscape section          @pagebreak   a new page
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "tests" / "unseen"


def base_document() -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    return doc


def no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def repeat_header(row) -> None:
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def fill(cell, text: str, bold: bool = False, center: bool = True) -> None:
    """Cell text; "\\\\" breaks it into paragraphs, a part in **…** is bold and one in _…_ italic."""
    cell.text = ""
    for i, part in enumerate(text.split("\\\\")):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        part = part.strip()
        run = p.add_run(part.strip("*_"))
        run.bold = bold or part.startswith("**")
        run.italic = part.startswith("_")
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def layout(doc, lines: list[str]) -> None:
    t = doc.add_table(rows=len(lines), cols=2)
    no_borders(t)
    for r, line in enumerate(lines):
        left, _, right = line.partition(";;")
        fill(t.cell(r, 0), left)
        fill(t.cell(r, 1), right)


def ruled(doc, lines: list[str]) -> None:
    n_head = lines.index("---") if "---" in lines else 1
    rows = [[c.strip() for c in line.split("|")] for line in lines if line != "---"]
    width = max(len(r) for r in rows)
    for cells in rows:
        cells += ["<"] * (width - len(cells))
    t = doc.add_table(rows=len(rows), cols=width)
    t.style = doc.styles["Table Grid"]
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text in ("^", "<"):
                continue
            end_r, end_c = r, c
            while end_c + 1 < width and cells[end_c + 1] == "<":
                end_c += 1
            while end_r + 1 < len(rows) and rows[end_r + 1][c] == "^":
                end_r += 1
            cell = t.cell(r, c).merge(t.cell(end_r, end_c)) if (end_r, end_c) != (r, c) else t.cell(r, c)
            head = r < n_head
            fill(cell, text, bold=head, center=head or c == 0 or len(text) < 30)
    for r in range(n_head):
        repeat_header(t.rows[r])


def paragraph(doc, line: str) -> None:
    if line.startswith("#"):
        level = 2 if line.startswith("##") else 1
        p = doc.add_paragraph()
        run = p.add_run(line.lstrip("#").strip())
        run.bold = True
        if level == 1:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return
    p = doc.add_paragraph()
    for k, piece in enumerate(line.split("**")):  # "**Điều 1.** Ban hành …": the parts in ** are bold
        if piece:
            p.add_run(piece).bold = k % 2 == 1
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.first_line_indent = Cm(1)


def build_docx(source: Path, out: Path) -> None:
    doc = base_document()
    lines = source.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if not line or line.startswith("%"):
            continue
        if line in ("@layout", "@table"):
            end = lines.index("@end", i)
            block = [b.strip() for b in lines[i:end] if b.strip()]
            (layout if line == "@layout" else ruled)(doc, block)
            i = end + 1
        elif line == "@landscape":
            sec = doc.add_section(WD_SECTION.NEW_PAGE)
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
            sec.left_margin = sec.right_margin = Cm(1.5)
        elif line == "@pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            paragraph(doc, line)
    doc.save(out)


def soffice_convert(path: Path, to: str, suffix: str) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", to,
                        "--outdir", tmp, str(path)], check=True, capture_output=True, timeout=300)
        target = path.with_name(path.stem + suffix)
        shutil.copyfile(Path(tmp) / (path.stem + "." + to.split(":")[0]), target)
    return target


def render(source: Path) -> list[Path]:
    docx = UNSEEN / (source.stem + ".docx")
    build_docx(source, docx)
    pdf = soffice_convert(docx, "pdf", ".pdf")
    txt = soffice_convert(docx, "txt:Text (encoded):UTF8", ".txt")
    layout_txt = UNSEEN / (source.stem + "-layout.txt")
    subprocess.run(["pdftotext", "-layout", str(pdf), str(layout_txt)], check=True)
    return [docx, pdf, txt, layout_txt]


def main(argv: list[str]) -> int:
    sources = sorted((UNSEEN / "src").glob("*.plan"))
    for source in sources:
        if argv and not any(source.stem.startswith(a) for a in argv):
            continue
        for out in render(source):
            print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
