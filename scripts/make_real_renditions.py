"""Render the real plans of tests/real/ (crawled Markdown) as the Word file, PDF and web page they circulate as.

    python scripts/make_real_renditions.py          # needs python-docx, LibreOffice (soffice), pdftotext, w3m, pandoc
    python scripts/make_real_renditions.py --texts  # only the text renditions, of the committed files
    python scripts/make_real_renditions.py --pandoc # only pandoc's and docx2txt's texts of the committed Word files
    python scripts/make_real_renditions.py --scans  # only the scans (SCANS), of the committed PDFs; needs pdftoppm
    python scripts/make_real_renditions.py --converters  # only the Python converters' Markdown (CONVERTERS)

The real plans in the repository are Markdown a legal-document portal gives when crawled; the same
plans reach analysts as Word files and PDFs. This script writes each one back as a Word document from
what the Markdown reader found (each paragraph a paragraph, each table a ruled Word table whose cells
keep their lines, the header row repeated on every page) and prints it to PDF with LibreOffice; it
also writes the plan as a plain web page (paragraphs and tables) and the PDF LibreOffice prints from
that page (tables without rules, cells set close: a narrow "TT" column's header nearly touches the
next one). Plans also reach analysts as the text other tools make of these files: it writes the text
``pdftotext`` gives of both PDFs, with ``-layout`` (columns kept by spaces) and without (the text
flow, tables one cell a line), LibreOffice's text export of the Word file, ``w3m -dump`` of the web
page, pandoc's Markdown and plain text of the Word file and the text the docx2txt package takes from it (TEXTS below; tools a Debian machine has, no network), and the Markdown that Python converters make of the page, the Word file and the PDF (CONVERTERS: html2text, markitdown, mammoth, pymupdf4llm). The outputs go to tests/real/renditions/ (committed; CI does not
run this script), and tests/test_real_renditions.py checks that each gives the Markdown's plan: the
readers of every format agree on real content, not only on the generated plans of tests/unseen/.
"""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "real"
OUT = REAL / "renditions"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "src"))

from make_fixtures import base_document, repeat_header  # noqa: E402 (the fixtures' Word helpers)
from make_unseen import soffice_convert  # noqa: E402

from kehoach.parse import read_source  # noqa: E402


def build_docx(source: Path, out: Path) -> None:
    blocks = read_source(source.read_bytes(), source.name).blocks
    doc = base_document()
    for block in blocks:
        if block.kind != "table":
            doc.add_paragraph(block.text)
            continue
        width = max(len(row.cells) for row in block.rows)
        table = doc.add_table(rows=len(block.rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(block.rows):
            for c in range(width):
                cell = table.cell(r, c)
                lines = row.cells[c] if c < len(row.cells) else []
                cell.text = lines[0] if lines else ""
                for line in lines[1:]:
                    cell.add_paragraph(line)
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(11)
        repeat_header(table.rows[0])
    doc.save(out)


def build_html(source: Path, out: Path) -> None:
    parts = ['<html><head><meta charset="utf-8"></head><body>']
    for block in read_source(source.read_bytes(), source.name).blocks:
        if block.kind != "table":
            parts.append(f"<p>{html.escape(block.text)}</p>")
            continue
        parts.append("<table>")
        for row in block.rows:
            cells = "".join(f"<td>{'<br>'.join(html.escape(line) for line in cell)}</td>" for cell in row.cells)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    out.write_text("".join(parts) + "</body></html>\n", encoding="utf-8")


TEXTS = {
    "-layout.txt": ("pdftotext", "-layout", ".pdf"),
    "-plain.txt": ("pdftotext", "", ".pdf"),
    "-html-layout.txt": ("pdftotext", "-layout", "-html.pdf"),
    "-html-plain.txt": ("pdftotext", "", "-html.pdf"),
}
"""Text renditions: suffix -> (tool, option, the rendition it reads); "-lo.txt" is LibreOffice's text export,
"-w3m.txt" the text browser's dump of the web page (see :func:`build_w3m`)."""


def build_w3m(stem: str) -> None:
    """The web page as ``w3m -dump`` gives it: paragraphs wrapped to 80 characters, tables set with spaces."""
    page = subprocess.run(["w3m", "-dump", "-O", "UTF-8", "-T", "text/html", str(OUT / (stem + ".html"))],
                          check=True, capture_output=True, timeout=120).stdout
    (OUT / (stem + "-w3m.txt")).write_bytes(page)


PANDOC = {"-pandoc.md": "markdown", "-pandoc.txt": "plain", "-pandoc-gfm.md": "gfm"}
"""The Word file as pandoc converts it (its defaults): Markdown (tables as pandoc's multiline or simple tables,
Markdown's escapes, straight quotes), plain text (the same tables) and GitHub Markdown (pipe tables)."""


PANDOC_HTML = {"-pandoc-html.md": "markdown", "-pandoc-html.txt": "plain", "-pandoc-html-commonmark.md": "commonmark"}
"""The web page as pandoc converts it: its table has no header cells (<th>), so pandoc's Markdown and plain text hold
a simple table with no header, a row a line between two lines of dash runs; CommonMark keeps it as raw HTML."""


def build_pandoc(stem: str) -> None:
    for suffix, to in PANDOC.items():
        subprocess.run(["pandoc", "-f", "docx", "-t", to, "-o", str(OUT / (stem + suffix)), str(OUT / (stem + ".docx"))],
                       check=True, capture_output=True, timeout=120)
    for suffix, to in PANDOC_HTML.items():
        subprocess.run(["pandoc", "-f", "html", "-t", to, "-o", str(OUT / (stem + suffix)), str(OUT / (stem + ".html"))],
                       check=True, capture_output=True, timeout=120)


def build_docx2txt(stem: str) -> None:
    """The Word file's text as the ``docx2txt`` package gives it (``pip install docx2txt``): a blank line after
    every paragraph and every table cell."""
    import docx2txt

    (OUT / (stem + "-docx2txt.txt")).write_text(docx2txt.process(str(OUT / (stem + ".docx"))), encoding="utf-8")


CONVERTERS = {"-html2text.md": "the web page through html2text (its defaults: lines wrapped at 78 characters, table rows too)",
              "-markitdown.md": "the Word file through markitdown (mammoth's HTML, then Markdown pipe tables)",
              "-markitdown-pdf.md": "the PDF through markitdown (a table cut into pipe-table pieces, each cell's overflow "
                                    "printed as lines of text after its piece)",
              "-mammoth.md": "the Word file through mammoth's Markdown (tables as one cell a paragraph, Markdown's escapes)",
              "-pymupdf4llm.md": "the PDF through pymupdf4llm (a table a page, its header repeated; each printed line of a "
                                 "cell ended by <br>; a wrapped line opening with a dash made an item)"}
"""Markdown the Python converters that crawlers and document pipelines use make of the plan (``pip install html2text
'markitdown[docx,pdf]' mammoth pymupdf4llm``; made with html2text 2025.4.15, markitdown 0.1.9, mammoth 1.13.0,
pymupdf4llm 0.2.9), each with its defaults."""


def build_converters(stem: str) -> None:
    import html2text
    import mammoth
    import pymupdf4llm
    from markitdown import MarkItDown

    md = MarkItDown()
    texts = {"-html2text.md": html2text.html2text((OUT / (stem + ".html")).read_text(encoding="utf-8")),
             "-markitdown.md": md.convert(str(OUT / (stem + ".docx"))).text_content,
             "-markitdown-pdf.md": md.convert(str(OUT / (stem + ".pdf"))).text_content}
    with open(OUT / (stem + ".docx"), "rb") as f:
        texts["-mammoth.md"] = mammoth.convert_to_markdown(f).value
    texts["-pymupdf4llm.md"] = pymupdf4llm.to_markdown(str(OUT / (stem + ".pdf")), show_progress=False)
    for suffix, text in texts.items():
        (OUT / (stem + suffix)).write_text(text, encoding="utf-8")


def build_texts(stem: str) -> None:
    for suffix, (tool, option, source) in TEXTS.items():
        args = [tool, *([option] if option else []), str(OUT / (stem + source)), str(OUT / (stem + suffix))]
        subprocess.run(args, check=True, capture_output=True, timeout=120)
    soffice_convert(OUT / (stem + ".docx"), "txt:Text (encoded):UTF8", "-lo.txt")
    build_w3m(stem)
    build_pandoc(stem)
    build_docx2txt(stem)
    build_converters(stem)


SCANS = ("r08-dongthap-552-kh-ubnd", "r12-hanoi-310-kh-ubnd", "r17-hcm-172-kh-ubnd")
"""Plans also printed and scanned back (``<stem>-scan.pdf``, read by tests/test_real_scans.py): two with
a ruled appendix table over several pages (a narrow numbering column, the header row repeated), one
without; 28 pages in all, so that OCR keeps the test short."""
SCAN_DPI = 200
SCAN_THRESHOLD = 160
"""A scanner's "document" mode: 200 dpi, each pixel black or white (a grey level under this is black),
stored as CCITT group 4 (about 35 kB a page, where grey JPEG pages take ten times as much)."""


def build_scan(stem: str) -> None:
    """The committed PDF printed and scanned back in black and white: page images only, no text layer."""
    import tempfile

    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(SCAN_DPI), "-gray", "-png", str(OUT / f"{stem}.pdf"), f"{tmp}/page"],
                       check=True, timeout=300)
        pages = [Image.open(p).convert("L").point(lambda v: 255 if v >= SCAN_THRESHOLD else 0).convert("1")
                 for p in sorted(Path(tmp).glob("page*.png"))]
        pages[0].save(OUT / f"{stem}-scan.pdf", "PDF", resolution=float(SCAN_DPI), save_all=True,
                      append_images=pages[1:])


def main(names: list[str]) -> int:
    OUT.mkdir(exist_ok=True)
    if names[:1] == ["--scans"]:  # only the scans, from the committed PDFs
        for stem in SCANS:
            if not names[1:] or any(stem.startswith(n) for n in names[1:]):
                build_scan(stem)
                print(f"{stem}-scan.pdf")
        return 0
    if names[:1] == ["--pandoc"]:  # only pandoc's conversions, of the committed Word files
        for source in sorted(REAL.glob("r*.md")):
            if not names[1:] or any(source.name.startswith(n) for n in names[1:]):
                build_pandoc(source.stem)
                build_docx2txt(source.stem)
        return 0
    if names[:1] == ["--converters"]:  # only the Python converters' Markdown, of the committed files
        for source in sorted(REAL.glob("r*.md")):
            if not names[1:] or any(source.name.startswith(n) for n in names[1:]):
                build_converters(source.stem)
        return 0
    if names[:1] == ["--texts"]:  # only the texts, from the committed Word files and PDFs
        for source in sorted(REAL.glob("r*.md")):
            if not names[1:] or any(source.name.startswith(n) for n in names[1:]):
                build_texts(source.stem)
        return 0
    for source in sorted(REAL.glob("r*.md")):
        if names and not any(source.name.startswith(n) for n in names):
            continue
        docx = OUT / (source.stem + ".docx")
        build_docx(source, docx)
        soffice_convert(docx, "pdf", ".pdf")
        page = OUT / (source.stem + ".html")
        build_html(source, page)
        soffice_convert(page, "pdf", "-html.pdf")
        build_texts(source.stem)
        print(docx.relative_to(ROOT), ".pdf, .html, -html.pdf and the texts")
    return 0


if __name__ == "__main__":
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, set())) is not None:
        sys.exit(_code)
    sys.exit(main(sys.argv[1:]))
