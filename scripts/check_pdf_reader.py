"""Check that PDF pages with ruling lines read the same through pypdfium2 as through pdfplumber.

    python scripts/check_pdf_reader.py                 # every PDF in samples/ and tests/
    python scripts/check_pdf_reader.py a.pdf b.pdf
    python scripts/check_pdf_reader.py --roundtrip 40  # and 40 ruled-table PDFs printed by LibreOffice
    python scripts/check_pdf_reader.py --roundtrip 40 --from 200   # seeds 200 to 239

For each file the PDF reader runs twice, once with ``RULED_READER = "pdfplumber"`` (every page that
draws lines read by pdfplumber, the reference) and once with the pypdfium2 reader; the renditions
(every line of text and every table row, with its page and line) must be equal. It also counts the
pages the pypdfium2 reader was unsure of (read with pdfplumber), and names the pages it read whose
printed characters or edges differ from pdfplumber's by more than 0.01 pt (a difference the cells
did not show this time). Exit status 1 on any difference of the renditions.
"""

from __future__ import annotations

import difflib
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))


def render(data: bytes, reader: str) -> list[str]:
    from kehoach.errors import ReadError
    from kehoach.parse import pdf

    pdf.RULED_READER = reader
    try:
        r = pdf.read_pdf(data, "check.pdf")
    except ReadError as e:  # refused files must be refused alike
        return [f"refused: {e}"]
    finally:
        pdf.RULED_READER = "pdfium"
    return [f"{loc.page}:{loc.line}\t{line}" for line, loc in zip(r.lines, r.origins, strict=True)] + \
        [f"warning {w}" for w in r.warnings]


def ruled_pages(data: bytes) -> tuple[int, int, list[str]]:
    """(pages that draw lines, of them the pages the pypdfium2 reader is unsure of, the pages it read
    whose characters or edges differ from pdfplumber's beyond 0.01 pt)."""
    import pypdfium2 as pdfium

    from kehoach.parse.pdf_objects import FontDescents
    from kehoach.parse.pdf_ruling import has_rules, ruled_page

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return 0, 0, []
    fonts = FontDescents(data)
    ruled = unsure = 0
    differ: list[str] = []
    for i in range(len(doc)):
        page = doc[i]
        if has_rules(page):
            ruled += 1
            tp = page.get_textpage()
            if ruled_page(page, tp, partial(fonts.page, i)) is None:
                unsure += 1
            elif not same_objects(data, i, page, tp, fonts.page(i)):
                differ.append(str(i + 1))
            tp.close()
    doc.close()
    return ruled, unsure, differ


def same_objects(data: bytes, index: int, page, tp, descents: dict[str, float]) -> bool:
    """The page's printed characters (in order) and edges as pdfplumber gives them, within 0.01 pt."""
    import io

    import pdfplumber

    from kehoach.parse.pdf_objects import chars, in_content_order, scan

    height = page.get_size()[1]
    keys = ("x0", "x1", "top", "bottom", "size")
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        want = plumber.pages[index]
        theirs = [c for c in want.chars if not c["text"].isspace()]
        edges, order, _ = scan(page, height)
        mine = [c for c in in_content_order(chars(tp, height, descents), order) if not c["text"].isspace()]
        if len(theirs) != len(mine) or any(a["text"] != b["text"] or any(abs(a[k] - b[k]) > 0.01 for k in keys)
                                           for a, b in zip(theirs, mine, strict=True)):
            return False

        def ordered(edges) -> list[dict]:
            return sorted((e for e in edges if e["orientation"]),
                          key=lambda e: (e["orientation"], *(round(e[k], 1) for k in ("x0", "top", "x1", "bottom"))))
        ours, reference = ordered(edges), ordered(want.edges)
        return len(ours) == len(reference) and all(
            a["orientation"] == b["orientation"] and all(abs(a[k] - b[k]) <= 0.01 for k in ("x0", "top", "x1", "bottom"))
            for a, b in zip(ours, reference, strict=True))


def check(name: str, data: bytes) -> bool:
    want, got = render(data, "pdfplumber"), render(data, "pdfium")
    ruled, unsure, differ = ruled_pages(data)
    same = want == got
    boxes = f"  (characters or edges differ on pages {', '.join(differ)})" if differ else ""
    print(f"{'same' if same else 'DIFFERENT':9} {ruled:3d} ruled pages, {unsure:3d} read by pdfplumber  {name}{boxes}")
    if not same:
        print("\n".join(list(difflib.unified_diff(want, got, "pdfplumber", "pypdfium2", lineterm="", n=1))[:40]))
    return same


def roundtrip_pdfs(n: int, first: int = 0) -> list[tuple[str, bytes]]:
    """``n`` generated plans (seeds from ``first``) with a ruled task table, printed to PDF by LibreOffice."""
    import random

    from tests.tablegen import document, random_table, to_pdf

    seeds = range(first, first + n)
    docs = [document(random_table(random.Random(seed)), "pdf", random.Random(seed * 7 + 1))[0] for seed in seeds]
    return [(f"roundtrip seed {seed}", pdf) for seed, pdf in zip(seeds, to_pdf(docs), strict=True)]


def main(argv: list[str]) -> int:
    from script_args import usage_exit

    if (code := usage_exit(argv, __doc__, {"--roundtrip", "--from"})) is not None:
        return code
    opts = {}
    for opt in ("--roundtrip", "--from"):
        if opt in argv:
            k = argv.index(opt)
            opts[opt] = int(argv[k + 1])
            argv = argv[:k] + argv[k + 2:]
    n = opts.get("--roundtrip", 0)
    files = [Path(a) for a in argv] or sorted([*ROOT.glob("samples/*.pdf"), *ROOT.glob("tests/**/*.pdf")])
    items = [(str(f.relative_to(ROOT) if f.is_relative_to(ROOT) else f), f.read_bytes()) for f in files]
    if n:
        items += roundtrip_pdfs(n, opts.get("--from", 0))
    bad = sum(not check(name, data) for name, data in items)
    print(f"\n{len(items) - bad} of {len(items)} files read the same")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
