"""Render the unseen-layout plans of tests/unseen/src/*.plan as Word, PDF and text (run from the repo root).

    python scripts/make_unseen.py            # needs python-docx, LibreOffice (soffice) and pdftotext

Each plan is written once, by hand, in a small line markup (below) and rendered the ways plans reach
analysts: a Word file (python-docx: header and signature in borderless layout tables, the appendix a
ruled table on a landscape page with merged header cells and agencies one per line in a cell), the PDF
LibreOffice prints from it, LibreOffice's plain-text export of the Word file, `pdftotext -layout`
of the PDF, and the Markdown a legal-document portal's page gives when crawled (tests/real/ shows it:
cells one after another between "|" lines, lines wrapped, merged cells written once). The outputs go to tests/unseen/ (committed; CI does not run this script); one rendition of
each plan is also in the held-out set (tests/heldout/) with its answer key.

Markup, one block per line:
    # text                 a bold centred line            ## text    a bold line
    text                   a paragraph (**…** bold)       - text     a bullet paragraph
    @layout / @end         a borderless two-column table; each line "left ;; right", "\\\\" breaks a cell
    @table / @end          a ruled table; cells split by "|", "\\\\" breaks a cell, "^" continues the
                           cell above (row span), "<" the cell on the left (column span); a line
                           "---" ends the header rows (repeated on every page)
    @landscape             a new landscape section          @pagebreak   a new page
    @scan                  also render the plan as a scan: the PDF's pages printed to grey images and
                           bound into a PDF with no text layer (<name>-scan.pdf, read with --ocr)
    @stamp                 the scan has a round seal printed over the signature block (the rings and
                           a star in the grey a red seal scans to, across the signer's title lines)
    @rotate                the scan's landscape pages come back turned a quarter, as a portrait feeder
                           scans them: the page image upright, its text running bottom to top
    @portal / @end         also render the plan as a web portal's page printed by a browser
    @portalfoot / @end     (<name>-portal.pdf, Chromium): these lines are the page's own text (menu,
                           breadcrumb, metadata box; related documents, footer) before / after the plan
    @pipes                 the portal Markdown writes each ruled table row on one line ("| 1 | A | B |",
                           no header separator line, a cell's paragraphs joined by a space), as a
                           table pasted from Word into a portal's editor comes out of the crawl
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "tests" / "unseen"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_fixtures import base_document, no_borders, repeat_header  # noqa: E402 (the fixtures' Word helpers)


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
    marks = [c for c in range(1, width) if all(len(row[c]) <= 2 for row in rows[n_head:])]
    if width > 9 and marks:  # a chart of marks (months or quarters as columns): narrow mark columns, as Word's are
        wide = (26.7 - 1.2 - 0.9 * len(marks)) / (width - 1 - len(marks))
        t.autofit = False
        for c, column in enumerate(t.columns):
            column.width = Cm(1.2 if c == 0 else 0.9 if c in marks else wide)
        for row in t.rows:
            for c, cell in enumerate(row.cells[:width]):
                cell.width = Cm(1.2 if c == 0 else 0.9 if c in marks else wide)


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


def blocks(source: Path):
    """The plan's blocks in order: ("para", line), ("layout" | "table", lines), ("landscape",), ("pagebreak",)."""
    lines = source.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if not line or line.startswith("%") or line in ("@scan", "@stamp", "@rotate", "@pipes"):
            continue
        if line in ("@layout", "@table", "@portal", "@portalfoot"):
            end = lines.index("@end", i)
            yield line[1:], [b.strip() for b in lines[i:end] if b.strip()]
            i = end + 1
        elif line in ("@landscape", "@pagebreak"):
            yield (line[1:],)
        else:
            yield "para", line


def build_docx(source: Path, out: Path) -> None:
    doc = base_document()
    for block in blocks(source):
        if block[0] in ("portal", "portalfoot"):
            continue
        if block[0] in ("layout", "table"):
            (layout if block[0] == "layout" else ruled)(doc, block[1])
        elif block[0] == "landscape":
            sec = doc.add_section(WD_SECTION.NEW_PAGE)
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
            sec.left_margin = sec.right_margin = Cm(1.5)
        elif block[0] == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            paragraph(doc, block[1])
    doc.save(out)


def _scrape_text(text: str, width: int, bold: bool = False) -> list[str]:
    """One cell or paragraph as the portal's converter writes it: wrapped lines, **bold**, *italic*."""
    out: list[str] = []
    for part in (p.strip() for p in text.split("\\\\")):
        if not part:
            continue
        mark = "**" if bold or part.startswith("**") else "*" if part.startswith("_") else ""
        wrapped = textwrap.wrap(part.strip("*_"), width, break_long_words=False) or [""]
        wrapped[0] = mark + wrapped[0]
        wrapped[-1] += mark
        out.extend(wrapped)
    return out


def _scrape_table(rows: list[list[str]], n_head: int, width: int) -> list[str]:
    """A table as the portal's converter writes it: each row opens and closes with a "|" line, cells
    apart by "|" lines, an empty cell an empty line; a merged cell is written once, in its first row."""
    out: list[str] = []
    for r, cells in enumerate(rows):
        out.append("|")
        for text in cells:
            if text in ("^", "<"):
                continue
            out.extend(_scrape_text(text, width, bold=r < n_head) if text else [""])
            out.append("|")
    return out


def _pipe_table(rows: list[list[str]]) -> list[str]:
    """A table as one "|"-separated line per row (merged cells written once, no header separator)."""
    out = []
    for cells in rows:
        texts = [" ".join(p.strip().strip("*_") for p in text.split("\\\\") if p.strip())
                 for text in cells if text not in ("^", "<")]
        out.append("| " + " | ".join(texts) + " |")
    return out


def build_scrape(source: Path, out: Path) -> None:
    """The plan as a page of the legal-document portal converted to Markdown (see tests/real/)."""
    lines: list[str] = []
    pipes = "@pipes" in source.read_text(encoding="utf-8").split("\n")
    for block in blocks(source):
        if block[0] == "layout":
            rows = [[c.strip() for c in line.split(";;")] for line in block[1]]
            lines += _scrape_table(rows, 0, 40) + [""]
        elif block[0] == "table":
            n_head = block[1].index("---") if "---" in block[1] else 1
            rows = [[c.strip() for c in line.split("|")] for line in block[1] if line != "---"]
            lines += [""] + (_pipe_table(rows) if pipes else _scrape_table(rows, n_head, 45)) + [""]
        elif block[0] == "para":
            text = block[1]
            heading = text.startswith("#")
            lines += _scrape_text(text.lstrip("#").strip(), 78, bold=heading) + [""]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _html_cell(text: str) -> str:
    parts = []
    for part in (p.strip() for p in text.split("\\\\")):
        inner = html.escape(part.strip("*_"))
        parts.append(f"<b>{inner}</b>" if part.startswith("**") else f"<i>{inner}</i>" if part.startswith("_") else inner)
    return "<br>".join(parts)


def _html_table(lines: list[str], ruled_table: bool) -> str:
    sep = "|" if ruled_table else ";;"
    rows = [[c.strip() for c in line.split(sep)] for line in lines if line != "---"]
    out = [f'<table class="{"ruled" if ruled_table else "layout"}">']
    for r, cells in enumerate(rows):
        out.append("<tr>")
        for c, text in enumerate(cells):
            if text in ("^", "<"):
                continue
            span_c = next((k for k in range(c + 1, len(cells)) if cells[k] != "<"), len(cells)) - c
            span_r = next((k for k in range(r + 1, len(rows)) if rows[k][c:c + 1] != ["^"]), len(rows)) - r
            out.append(f'<td colspan="{span_c}" rowspan="{span_r}">{_html_cell(text)}</td>')
        out.append("</tr>")
    return "\n".join(out + ["</table>"])


def build_portal(source: Path, out: Path) -> None:
    """The plan as a legal-document page of a provincial web portal, printed to PDF by Chromium with
    its print header and footer: the page's own text (@portal, @portalfoot) around the plan."""
    body: list[str] = []
    site: dict[str, list[str]] = {"portal": [], "portalfoot": []}
    for block in blocks(source):
        if block[0] in site:
            site[block[0]] += block[1]
        elif block[0] in ("layout", "table"):
            body.append(_html_table(block[1], block[0] == "table"))
        elif block[0] == "para":
            text = block[1]
            if text.startswith("#"):
                tag = "h3" if text.startswith("##") else "h2"
                body.append(f"<{tag}>{html.escape(text.lstrip('#').strip())}</{tag}>")
            else:
                pieces = text.split("**")
                body.append("<p>" + "".join(f"<b>{html.escape(x)}</b>" if k % 2 else html.escape(x)
                                            for k, x in enumerate(pieces)) + "</p>")
    style = ("body{font-family:'Times New Roman',serif;font-size:13pt} .site{font-family:sans-serif;font-size:10pt;"
             "color:#225} h2{text-align:center;font-size:13pt} h3{font-size:13pt} table.layout td{text-align:center;"
             "vertical-align:top;width:50%} table.ruled{border-collapse:collapse} table.ruled td{border:1px solid #000;"
             "padding:3px;vertical-align:top}")
    top, foot = ([f'<div class="site">{html.escape(line)}</div>' for line in site[k]] for k in site)
    title = html.escape(site["portal"][0] if site["portal"] else source.stem)
    page = (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{style}</style></head><body>\n" + "\n".join(top + body + foot) + "\n</body></html>\n")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        raise SystemExit("Chromium is needed for a portal rendition")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / (source.stem + ".html")
        page_file.write_text(page, encoding="utf-8")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp}/profile",
                        f"--print-to-pdf={out}", page_file.as_uri()], check=True, capture_output=True, timeout=300)


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


def build_scan(pdf: Path, out: Path, stamp: bool = False, rotate: bool = False) -> None:
    """The printed PDF as a scanner gives it back: 200 dpi grey page images, no text layer (with `rotate`,
    a landscape page turned a quarter counter-clockwise into a portrait image)."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), f"{tmp}/page"], check=True)
        pages = [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("page*.png"))]
        if stamp:
            _stamp(pdf, pages)
        if rotate:
            pages = [p.rotate(90, expand=True) if p.width > p.height else p for p in pages]
        pages[0].save(out, "PDF", resolution=200.0, save_all=True, append_images=pages[1:])


def _stamp(pdf: Path, pages: list) -> None:
    """A round seal centred a little left of the last "TỊCH" of the signature block (the title line
    "CHỦ TỊCH"), over the title lines and the blank where the signature goes, as seals are put."""
    import re

    from PIL import ImageDraw

    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    at = None
    for n, page in enumerate(words.split("<page ")[1:]):
        for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">TỊCH<', page):
            at = (n, float(m.group(1)), float(m.group(2)))
    if at is None:
        return
    n, x, y = at
    scale = 200 / 72
    cx, cy, r = (x - 30) * scale, (y + 20) * scale, 105
    draw = ImageDraw.Draw(pages[n])
    for radius, width in ((r, 7), (r - 16, 3)):
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=120, width=width)
    star = [(cx + (30 if i % 2 == 0 else 12) * _sin(i * 36), cy - (30 if i % 2 == 0 else 12) * _sin(i * 36 + 90))
            for i in range(10)]
    draw.polygon(star, fill=120)


def _sin(degrees: float) -> float:
    import math

    return math.sin(math.radians(degrees))


def render(source: Path) -> list[Path]:
    docx = UNSEEN / (source.stem + ".docx")
    build_docx(source, docx)
    pdf = soffice_convert(docx, "pdf", ".pdf")
    txt = soffice_convert(docx, "txt:Text (encoded):UTF8", ".txt")
    layout_txt = UNSEEN / (source.stem + "-layout.txt")
    subprocess.run(["pdftotext", "-layout", str(pdf), str(layout_txt)], check=True)
    scrape = UNSEEN / (source.stem + "-scrape.md")
    build_scrape(source, scrape)
    outs = [docx, pdf, txt, layout_txt, scrape]
    marks = source.read_text(encoding="utf-8").split("\n")
    if "@scan" in marks:
        outs.append(UNSEEN / (source.stem + "-scan.pdf"))
        build_scan(pdf, outs[-1], stamp="@stamp" in marks, rotate="@rotate" in marks)
    if "@portal" in marks:
        outs.append(UNSEEN / (source.stem + "-portal.pdf"))
        build_portal(source, outs[-1])
    return outs


def main(argv: list[str]) -> int:
    sources = sorted((UNSEEN / "src").glob("*.plan"))
    for source in sources:
        if argv and not any(source.stem.startswith(a) for a in argv):
            continue
        for out in render(source):
            print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, set())) is not None:
        sys.exit(_code)
    sys.exit(main(sys.argv[1:]))
