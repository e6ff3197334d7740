"""PDF pages per second: kehoach's whole extract against raw library passes over the same files.

    python benchmarks/bench_pdf.py              # the PDF samples, median of 5 runs each
    python benchmarks/bench_pdf.py --repeat 10 a.pdf b.pdf
    python benchmarks/bench_pdf.py --by-type    # ruled-table pages and text pages apart (needs qpdf)

Compared passes (each opens the file from bytes, pages in order):
- kehoach: `extract_bytes` (reading, rendering, every extractor);
- pdfplumber raw: `page.extract_text()` + `page.extract_tables()` on every page;
- pypdfium2 raw: the text layer of every page (`get_textpage().get_text_range()`).

With --by-type the samples' pages are sorted by kind, as kehoach's reader sorts them (a page that
draws lines has its ruled tables found, the others are text and borderless tables), and joined with
qpdf into one PDF per kind; each is timed in process (CPU) and as whole processes (CPU
of `kehoach extract` against a `python` process doing the raw pdfplumber pass).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
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


def cpu(fn, data: bytes, repeat: int) -> float:
    """Median CPU seconds of ``fn(data)`` in this process, after a warm-up."""
    fn(data)
    runs = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn(data)
        runs.append(time.process_time() - t0)
    return statistics.median(runs)


def child_cpu(cmd: list[str], repeat: int) -> float:
    """Median CPU seconds (user + system) of running ``cmd`` as a process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        runs.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(runs)


PLUMBER_SCRIPT = ("import io, sys, pdfplumber\n"
                  "with pdfplumber.open(io.BytesIO(open(sys.argv[1], 'rb').read())) as pdf:\n"
                  "    for page in pdf.pages:\n"
                  "        page.extract_text(); page.extract_tables(); page.flush_cache()\n")


def split_by_type(files: list[Path], folder: Path) -> dict[str, tuple[Path, int]]:
    """One PDF of the ruled-table pages and one of the text pages of ``files`` (qpdf)."""
    import pypdfium2 as pdfium

    from kehoach.parse.pdf_ruling import has_rules

    picks: dict[str, list[str]] = {"ruled-table pages": [], "text pages": []}
    counts = dict.fromkeys(picks, 0)
    for f in files:
        doc = pdfium.PdfDocument(f.read_bytes())
        kinds: dict[str, list[str]] = {k: [] for k in picks}
        for i in range(len(doc)):
            kinds["ruled-table pages" if has_rules(doc[i]) else "text pages"].append(str(i + 1))
        doc.close()
        for kind, pages in kinds.items():
            if pages:
                picks[kind] += [str(f), ",".join(pages)]
                counts[kind] += len(pages)
    out = {}
    for kind, spec in picks.items():
        if spec:
            path = folder / f"{kind.split()[0]}.pdf"
            subprocess.run(["qpdf", "--empty", "--pages", *spec, "--", str(path)], check=True)
            out[kind] = (path, counts[kind])
    return out


def by_type(files: list[Path], repeat: int) -> dict[str, dict[str, float]]:
    """Per page type: pages, and kehoach's time over raw pdfplumber's, in process and whole process."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-pdf-") as tmp:
        script = Path(tmp) / "plumber.py"
        script.write_text(PLUMBER_SCRIPT, encoding="utf-8")
        for kind, (path, pages) in split_by_type(files, Path(tmp)).items():
            data = path.read_bytes()
            k_in, p_in = cpu(kehoach_pass, data, repeat), cpu(pdfplumber_pass, data, repeat)
            k_out = child_cpu([sys.executable, "-m", "kehoach.cli", "extract", str(path)], repeat)
            p_out = child_cpu([sys.executable, str(script), str(path)], repeat)
            results[kind] = {"pages": pages, "kehoach_in": k_in, "plumber_in": p_in, "kehoach_out": k_out,
                             "plumber_out": p_out}
    return results


def print_by_type(files: list[Path], repeat: int) -> None:
    for kind, r in by_type(files, repeat).items():
        print(f"{kind:18} ({r['pages']:3d} pages): in process kehoach {r['kehoach_in']:.2f} s CPU, raw pdfplumber "
              f"{r['plumber_in']:.2f} s = {r['kehoach_in'] / r['plumber_in']:.2f}x; whole process "
              f"{r['kehoach_out']:.2f} s vs {r['plumber_out']:.2f} s = {r['kehoach_out'] / r['plumber_out']:.2f}x   [goal <= 0.5x]")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--by-type", action="store_true", help="ruled-table pages and text pages apart")
    args = ap.parse_args()
    if args.by_type:
        sys.path.insert(0, str(ROOT / "src"))
        print_by_type(args.files or sorted((ROOT / "samples").glob("*.pdf")), args.repeat)
        return 0
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
