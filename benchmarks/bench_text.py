"""Milliseconds per text plan (library time, median) and CLI start-up cost.

    python benchmarks/bench_text.py            # prints a small table
    python benchmarks/bench_text.py --repeat 50
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time_cmd(cmd: list[str], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs) * 1000


def startup(repeat: int = 15) -> tuple[float, float]:
    """Median ms of `kehoach extract` on a small plan, and of `python -c pass`."""
    small = str(ROOT / "samples" / "thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md")
    # as `pip install` leaves it: bytecode compiled (an editable checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module on every start)
    compileall.compile_dir(str(ROOT / "src" / "kehoach"), quiet=1)
    return (_time_cmd([sys.executable, "-m", "kehoach.cli", "extract", small], repeat),
            _time_cmd([sys.executable, "-c", "pass"], repeat))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    from kehoach import extract_bytes

    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in {".txt", ".md", ".html"})
    print(f"{'sample':60} {'KiB':>6} {'median ms':>10}")
    medians = []
    for p in samples:
        data = p.read_bytes()
        extract_bytes(data, p.name)  # warm-up (regex compilation, imports)
        runs = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            extract_bytes(data, p.name)
            runs.append(time.perf_counter() - t0)
        med = statistics.median(runs) * 1000
        medians.append(med)
        print(f"{p.name:60} {len(data) / 1024:6.1f} {med:10.2f}")
    overall = statistics.median(medians)
    print(f"\nmedian over samples: {overall:.2f} ms per plan = {1000 / overall:.0f} plans/s on one core")
    cli, bare = startup(10)
    print(f"start-up: `kehoach extract` on a small plan {cli:.0f} ms vs `python -c pass` {bare:.0f} ms ({cli / bare:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
