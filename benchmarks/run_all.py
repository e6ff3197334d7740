"""The four speed figures of the README, measured on this machine.

    python benchmarks/run_all.py            # about a minute on 2 cores
    python benchmarks/run_all.py --venv /tmp/kh   # start-up also as installed in a clean virtual
                                                  # environment: python -m venv /tmp/kh && /tmp/kh/bin/pip install .

1. milliseconds per text plan over the text samples (library time, median);
2. PDF, per page type (the samples' ruled-table pages and text pages, joined with qpdf): kehoach's
   time over a raw pdfplumber pass (extract_text + extract_tables), in process and whole process;
3. batch throughput with 1 and 2 worker processes over 500 documents (copies of the text
   samples, written as YAML to a temporary folder);
4. `kehoach extract` on a real-size text plan (49 tasks) against `python -c pass`, whole processes,
   wall and CPU time (start-up cost); with --venv, also the installed command against that
   environment's `python -c pass` (no start-up hooks of the system's site-packages);
5. a whole `kehoach diff` process on two 2,000-task plans (an amended version of a plan), as JSON
   and as YAML files;
6. one cold `kehoach extract` per input type (the 49-task plan as text, Word .docx and PDF, and a
   2-page PDF), whole processes against `python -c pass`, with what of it is start-up (in the
   clean virtual environment with --venv, else from this checkout).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def text_ms(repeat: int = 20) -> float:
    from kehoach import extract_bytes

    meds = []
    for p in sorted((ROOT / "samples").iterdir()):
        if p.suffix not in {".txt", ".md"}:
            continue
        data = p.read_bytes()
        extract_bytes(data, p.name)
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            extract_bytes(data, p.name)
            runs.append(time.perf_counter() - t0)
        meds.append(statistics.median(runs) * 1000)
    return statistics.median(meds)


def pdf_by_type(repeat: int = 3) -> dict[str, dict[str, float]]:
    from bench_pdf import by_type

    return by_type(sorted((ROOT / "samples").glob("*.pdf")), repeat)


def diff_seconds(repeat: int = 3) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of `kehoach diff` on two 2,000-task plan files, JSON and YAML."""
    import random

    from bench_diff import _whole_diff, amend, base_plans, make_plan

    plans = base_plans()
    template = max(plans, key=lambda p: len(p["tasks"]))
    old = make_plan(template, [t for p in plans for t in p["tasks"]], 2000, random.Random(12))
    new, _truth = amend(old, random.Random(12))
    out = {}
    for suffix in ("json", "yaml"):
        runs = [_whole_diff(old, new, suffix) for _ in range(repeat)]
        out[suffix] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
    return out


def batch_rates(n_docs: int = 500) -> list[tuple[float, float]]:
    """(documents per second, CPU seconds of the workers and the parent) with 1 and 2 workers: on a
    busy machine the rates cannot show the scaling, the CPU seconds show whether work was added."""
    import resource

    from kehoach.batch import expand_inputs, plan_jobs, run_batch

    texts = [p for p in sorted((ROOT / "samples").iterdir()) if p.suffix in {".txt", ".md"}]
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for k in range(n_docs):
            p = texts[k % len(texts)]
            shutil.copyfile(p, src / f"{k:04d}-{p.name}")
        out_rates = []
        for workers in (1, 2):
            out = Path(tmp) / f"out{workers}"
            jobs = plan_jobs(list(expand_inputs([str(src)])), str(out), "yaml")
            before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
            t0 = time.perf_counter()
            results = run_batch(jobs, jobs_n=workers, force=True, outdir=str(out))
            dt = time.perf_counter() - t0
            after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
            cpu = sum(a.ru_utime - b.ru_utime + a.ru_stime - b.ru_stime for a, b in zip(after, before, strict=True))
            assert sum(r.status != "failed" for r in results) == n_docs
            out_rates.append((n_docs / dt, cpu))
    return out_rates


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--venv", type=Path, help="also time start-up as installed in this clean virtual environment "
                    "(python -m venv DIR && DIR/bin/pip install .)")
    venv = ap.parse_args().venv
    ms = text_ms()
    print(f"1. text plans: {ms:.1f} ms per plan (median over samples) = {1000 / ms:.0f} plans/s per core   [goal >= 100]")
    for kind, r in pdf_by_type().items():
        print(f"2. PDF {kind} ({r['pages']} pages): kehoach / raw pdfplumber = {r['kehoach_in'] / r['plumber_in']:.2f}x "
              f"in process, {r['kehoach_out'] / r['plumber_out']:.2f}x whole process (CPU)   [goal <= 0.5x]")
    (one, cpu_one), (two, cpu_two) = batch_rates()
    print(f"3. batch of 500 documents: 1 worker {one:.0f} docs/s, 2 workers {two:.0f} docs/s = {two / one:.2f}x   "
          f"[goal >= 1.8x]; CPU in all {cpu_one:.1f} s and {cpu_two:.1f} s (work added by the second worker: "
          f"{cpu_two / cpu_one - 1:+.0%})")
    from bench_text import REAL_SIZE, startup, startup_without_hooks

    runs = startup(sample=REAL_SIZE)
    (bare_wall, bare_cpu), (wall, cpu) = runs["python -c pass"], runs[f"kehoach extract {REAL_SIZE.name}"]
    print(f"4. start-up: `kehoach extract` on a 49-task plan {wall:.0f} ms wall, {cpu:.0f} ms CPU; `python -c pass` "
          f"{bare_wall:.0f} ms, {bare_cpu:.0f} ms CPU = {wall / bare_wall:.1f}x wall, {cpu / bare_cpu:.1f}x CPU   [goal <= 4x]")
    runs = startup_without_hooks(sample=REAL_SIZE)
    (bare_wall, bare_cpu), (wall, cpu) = runs["python -S -c pass"], runs[f"kehoach extract {REAL_SIZE.name}"]
    print(f"4. start-up without site hooks (python -S, same sys.path): {wall:.0f} ms wall, {cpu:.0f} ms CPU; "
          f"`python -S -c pass` {bare_wall:.0f} ms, {bare_cpu:.0f} ms CPU = {wall / bare_wall:.1f}x wall, "
          f"{cpu / bare_cpu:.1f}x CPU")
    if venv is not None:
        from bench_text import startup_in_venv

        runs = startup_in_venv(venv, sample=REAL_SIZE)
        bare_wall, bare_cpu = runs.pop("python -c pass")
        for name, (wall, cpu) in runs.items():
            print(f"4. start-up in {venv}: `{name}` {wall:.0f} ms wall, {cpu:.0f} ms CPU; `python -c pass` {bare_wall:.0f} ms, "
                  f"{bare_cpu:.0f} ms CPU = {wall / bare_wall:.1f}x wall, {cpu / bare_cpu:.1f}x CPU   [goal <= 4x]")
    for suffix, (wall, cpu) in diff_seconds().items():
        print(f"5. whole `kehoach diff` of two 2,000-task {suffix.upper()} plans (amended): {wall:.2f} s wall, "
              f"{cpu:.2f} s CPU   [goal <= 2 s]")
    from bench_cold import print_cold

    print_cold(venv, prefix="6. ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
