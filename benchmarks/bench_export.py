"""Exports of large plans: time per format at two sizes, and how time grows with the task count.

    python benchmarks/bench_export.py                  # 3,000 and 30,000 tasks
    python benchmarks/bench_export.py --sizes 1000,10000

The plans repeat the text samples' tasks (see bench_diff.py). "growth" is the exponent k of
time ~ tasks^k between the two sizes: 1.0 is linear. Library time (CPU seconds), then one whole
`kehoach export` process at the larger size, which also reads and validates the plan file.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
FORMATS = [("checklist", "md"), ("checklist", "csv"), ("checklist", "xlsx"),
           ("timeline", "mermaid"), ("timeline", "html"), ("timeline", "ics"), ("timeline", "csv")]


def plan_of(n: int) -> dict:
    from bench_diff import base_plans, make_plan

    plans = base_plans()
    template = max(plans, key=lambda p: len(p["tasks"]))
    return make_plan(template, [t for p in plans for t in p["tasks"]], n, random.Random(1))


def cpu_seconds(kind: str, fmt: str, plan: dict) -> float:
    from kehoach.export import render_checklist, render_timeline

    render = render_checklist if kind == "checklist" else render_timeline
    t0 = time.process_time()
    render(plan, fmt)
    return time.process_time() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="3000,30000", help="two task counts, comma-separated")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    small, large = (int(s) for s in args.sizes.split(","))
    plans = {n: plan_of(n) for n in (small, large)}
    print(f"{'export':22} {small:>8} tasks {large:>8} tasks  growth")
    for kind, fmt in FORMATS:
        a, b = (cpu_seconds(kind, fmt, plans[n]) for n in (small, large))
        k = math.log(b / a) / math.log(large / small) if a > 0 and b > 0 else float("nan")
        print(f"{kind + ' ' + fmt:22} {a:12.2f} s {b:12.2f} s  {k:5.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "plan.json"
        src.write_text(json.dumps(plans[large], ensure_ascii=False), encoding="utf-8")
        for kind, fmt in (("checklist", "xlsx"), ("timeline", "html")):
            t0 = time.perf_counter()
            run = subprocess.run([sys.executable, "-m", "kehoach.cli", "export", kind, str(src), "-f", fmt,
                                  "-o", str(Path(tmp) / f"out.{fmt}")], capture_output=True, check=False)
            if run.returncode:
                raise SystemExit(f"kehoach export failed: {run.stderr.decode()}")
            print(f"whole `kehoach export {kind} -f {fmt}` of {large} tasks (JSON plan): {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
