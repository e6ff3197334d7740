"""How time and peak memory grow with document size, as whole `kehoach extract` processes.

    python benchmarks/bench_scale.py                 # text 0.6 -> 5 MB, PDF 38 -> 300 pages
    python benchmarks/bench_scale.py --no-pdf

Text: the largest text sample repeated (each copy a plan of its own, as a merged export of many
plans is; repeated lines make the per-run caches of normalised lines and agency names help more
than in one large document). PDF: the PDF samples' pages repeated with qpdf. For each size: wall seconds, CPU
seconds of the extraction and the process's peak resident memory; then the growth exponent k of
CPU ~ size^k from the second size to the largest (1.0 = linear).
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(path: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MiB) of one `kehoach extract` of ``path`` in a fresh process."""
    code = ("import resource, sys, time; from kehoach import extract_file; c = time.process_time(); "
            "extract_file(sys.argv[1]); r = resource.getrusage(resource.RUSAGE_SELF); "
            "print(time.process_time() - c, r.ru_maxrss / 1024)")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    cpu, peak = (float(x) for x in out.stdout.split())
    return wall, cpu, peak


def series(name: str, files: list[tuple[str, Path]]) -> None:
    rows = [(label, *run(path)) for label, path in files]
    for label, wall, cpu, peak in rows:
        print(f"  {name} {label:>12}: {wall:7.2f} s wall {cpu:7.2f} s CPU in extraction, peak {peak:6.0f} MiB")
    (_, _, c0, _), (_, _, c1, _) = rows[1], rows[-1]
    sizes = [float(label.split()[0]) for label, _ in files]
    k = math.log(c1 / c0) / math.log(sizes[-1] / sizes[1]) if c0 > 0 else float("nan")
    print(f"  {name}: growth exponent {k:.2f} between {files[1][0]} and {files[-1][0]} (1.0 = linear)")


def text_files(tmp: Path) -> list[tuple[str, Path]]:
    sample = max((p for p in (ROOT / "samples").glob("*.txt")), key=lambda p: p.stat().st_size)
    data = sample.read_bytes()
    out = []
    for mb in (0.6, 1.2, 2.5, 5.0):
        copies = max(1, round(mb * 1e6 / len(data)))
        path = tmp / f"text-{copies}.txt"
        path.write_bytes(b"\n\n".join([data] * copies))
        out.append((f"{path.stat().st_size / 1e6:.1f} MB", path))
    return out


def pdf_files(tmp: Path) -> list[tuple[str, Path]]:
    import pypdfium2 as pdfium

    pdfs = sorted((ROOT / "samples").glob("*.pdf"))
    pages = sum(len(pdfium.PdfDocument(str(p))) for p in pdfs)
    out = []
    for target in (pages, 2 * pages, 150, 300):
        path = tmp / f"pdf-{target}.pdf"
        spec = []
        n = 0
        while n < target:
            for p in pdfs:
                spec.append(str(p))
                n += len(pdfium.PdfDocument(str(p)))
        subprocess.run(["qpdf", "--empty", "--pages", *spec, "--", str(path)], check=True)
        out.append((f"{len(pdfium.PdfDocument(str(path)))} pages", path))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kehoach-scale-") as tmp:
        series("text", text_files(Path(tmp)))
        if not args.no_pdf and shutil.which("qpdf"):
            series("PDF", pdf_files(Path(tmp)))
    print("batch with 1 and 2 workers: benchmarks/run_all.py (figure 3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
