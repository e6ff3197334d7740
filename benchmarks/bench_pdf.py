"""PDF pages per second: kehoach's whole extract against raw library passes over the same files.

    python benchmarks/bench_pdf.py              # the PDF samples, median of 5 runs each
    python benchmarks/bench_pdf.py --repeat 10 a.pdf b.pdf

Compared passes (each opens the file from bytes, pages in order):
- kehoach: `extract_bytes` (reading, rendering, every extractor);
- pdfplumber raw: `page.extract_text()` + `page.extract_tables()` on every page;
- pypdfium2 raw: the text layer of every page (`get_textpage().get_text_range()`).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def kehoach_pass(data: bytes) -> None:
    from kehoach import extract_bytes

    extract_bytes(data, "bench.pdf")


def pdfplumber_pass(data: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.flush_cache()


def pypdfium2_pass(data: bytes) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for i in range(len(pdf)):
        page = pdf[i]
        page.get_textpage().get_text_range()
    pdf.close()


def timed(fn, data: bytes, repeat: int) -> float:
    fn(data)  # warm-up
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(data)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    import pypdfium2 as pdfium

    files = args.files or sorted((ROOT / "samples").glob("*.pdf"))
    totals = {"kehoach": 0.0, "pdfplumber": 0.0, "pypdfium2": 0.0}
    pages_total = 0
    print(f"{'file':58} {'pages':>5} {'kehoach':>9} {'plumber':>9} {'pdfium':>9}  (pages/s)")
    for f in files:
        data = f.read_bytes()
        pages = len(pdfium.PdfDocument(data))
        pages_total += pages
        row = {}
        for name, fn in (("kehoach", kehoach_pass), ("pdfplumber", pdfplumber_pass), ("pypdfium2", pypdfium2_pass)):
            t = timed(fn, data, args.repeat)
            totals[name] += t
            row[name] = pages / t
        print(f"{f.name:58} {pages:5d} {row['kehoach']:9.1f} {row['pdfplumber']:9.1f} {row['pypdfium2']:9.1f}")
    print(f"\nall files: kehoach {pages_total / totals['kehoach']:.1f} pages/s, raw pdfplumber "
          f"{pages_total / totals['pdfplumber']:.1f} pages/s, raw pypdfium2 text {pages_total / totals['pypdfium2']:.1f} pages/s; "
          f"kehoach / pdfplumber = {totals['pdfplumber'] / totals['kehoach']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
