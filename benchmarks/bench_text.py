"""Milliseconds per text plan (library time, median) and CLI start-up cost (wall and CPU, with and
without the compiled patterns kept between runs).

    python benchmarks/bench_text.py            # prints a small table
    python benchmarks/bench_text.py --repeat 50
    python benchmarks/bench_text.py --venv /tmp/kh   # start-up as installed in a clean virtual environment

A clean virtual environment (``python -m venv /tmp/kh && /tmp/kh/bin/pip install .``) runs no
start-up hook of the system's site-packages: its ``python -c pass`` is what a user's is, and the
``kehoach`` it runs is the installed console script.
"""

from __future__ import annotations

import argparse
import atexit
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time_cmds(cmds: dict[str, list[str]], repeat: int, env: dict | None = None) -> dict[str, tuple[float, float]]:
    """Median wall ms and median CPU ms (user + system of the child) of running each command, the
    commands taking turns (on a shared machine a change of load then falls on all of them alike)."""
    walls: dict[str, list[float]] = {name: [] for name in cmds}
    cpus: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
            walls[name].append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {name: (statistics.median(walls[name]) * 1000, statistics.median(cpus[name]) * 1000) for name in cmds}


_CACHE: list[str] = []


def user_store(env: dict, cli: list[str]) -> dict:
    """``env`` with a pattern store of its own, filled by reading every text sample once: the store a
    user's runs build for this version. (A developer's store, shared by every edit of the same version,
    also holds the patterns of edits since undone, and makes each start read a larger file.)"""
    if not _CACHE:
        _CACHE.append(tempfile.mkdtemp(prefix="kehoach-bench-cache-"))
        atexit.register(shutil.rmtree, _CACHE[0], True)
    env = {**env, "XDG_CACHE_HOME": _CACHE[0]}
    for sample in sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "samples").glob("*.md")):
        subprocess.run([*cli, "extract", str(sample)], capture_output=True, check=False, env=env)
    return env


SMALL = ROOT / "samples" / "thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md"
REAL_SIZE = ROOT / "samples" / "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt"  # 49 tasks, 11 targets


def startup(repeat: int = 15, sample: Path = REAL_SIZE, store: bool = True) -> dict[str, tuple[float, float]]:
    """(wall ms, CPU ms) medians of `python -c pass`, `kehoach --version` and `kehoach extract sample`,
    each run as a shell loop runs it. ``store=False`` compiles every pattern in every run."""
    # as `pip install` leaves it: bytecode compiled (an editable checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module on every start)
    compileall.compile_dir(str(ROOT / "src" / "kehoach"), quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_NO_PATTERN_CACHE"}
    if not store:
        env["KEHOACH_NO_PATTERN_CACHE"] = "1"
    cli = [sys.executable, "-m", "kehoach"]
    if store:
        env = user_store(env, cli)
    return _time_cmds({"python -c pass": [sys.executable, "-c", "pass"], "kehoach --version": [*cli, "--version"],
                       f"kehoach extract {sample.name}": [*cli, "extract", str(sample)]}, repeat, env)


def startup_without_hooks(repeat: int = 15, sample: Path = REAL_SIZE) -> dict[str, tuple[float, float]]:
    """As :func:`startup`, but both commands run with ``python -S`` and the same ``sys.path``: no
    ``site`` processing, so no ``.pth`` start-up hooks an installation may add (one that imports a
    package at every start makes ``python -c pass`` slow and every ratio to it look better)."""
    compileall.compile_dir(str(ROOT / "src" / "kehoach"), quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_NO_PATTERN_CACHE"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    cli = [sys.executable, "-S", "-m", "kehoach"]
    env = user_store(env, cli)
    return _time_cmds({"python -S -c pass": [sys.executable, "-S", "-c", "pass"],
                       f"kehoach extract {sample.name}": [*cli, "extract", str(sample)]}, repeat, env)


def startup_in_venv(venv: Path, repeat: int = 15, sample: Path = REAL_SIZE) -> dict[str, tuple[float, float]]:
    """(wall ms, CPU ms) medians of the virtual environment's `python -c pass` and of its installed
    `kehoach` command: `--version`, `extract sample` to stdout and `extract sample -o FILE`."""
    python, kehoach = str(venv / "bin" / "python"), str(venv / "bin" / "kehoach")
    if not os.path.exists(kehoach):
        raise SystemExit(f"{venv}: no bin/kehoach; make it with: python -m venv {venv} && {venv}/bin/pip install .")
    env = {k: v for k, v in os.environ.items() if k not in ("KEHOACH_NO_PATTERN_CACHE", "PYTHONPATH")}
    out = Path(tempfile.mkdtemp()) / "plan.yaml"
    env = user_store(env, [kehoach])
    try:
        return _time_cmds({"python -c pass": [python, "-c", "pass"], "kehoach --version": [kehoach, "--version"],
                           f"kehoach extract {sample.name}": [kehoach, "extract", str(sample)],
                           f"kehoach extract {sample.name} -o plan.yaml": [kehoach, "extract", str(sample), "-o", str(out)]},
                          repeat, env)
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


def print_venv_startup(venv: Path, repeat: int = 15) -> None:
    runs = startup_in_venv(venv, repeat)
    bare_wall, bare_cpu = runs.pop("python -c pass")
    print(f"  {'python -c pass':62} {bare_wall:5.0f} ms wall, {bare_cpu:5.0f} ms CPU   ({venv})")
    for name, (wall, cpu) in runs.items():
        print(f"  {name:62} {wall:5.0f} ms wall = {wall / bare_wall:4.1f}x, {cpu:5.0f} ms CPU = {cpu / bare_cpu:4.1f}x")


def print_startup(repeat: int = 15) -> None:
    for sample in (SMALL, REAL_SIZE):
        for store in (True, False):
            runs = startup(repeat, sample, store)
            bare_wall, bare_cpu = runs.pop("python -c pass")
            note = "patterns kept between runs" if store else "patterns compiled every run"
            for name, (wall, cpu) in runs.items():
                print(f"  {name:62} {wall:5.0f} ms wall = {wall / bare_wall:4.1f}x, {cpu:5.0f} ms CPU = "
                      f"{cpu / bare_cpu:4.1f}x `python -c pass` ({note})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--venv", type=Path, help="only start-up, of the kehoach installed in this virtual environment")
    args = ap.parse_args()
    if args.venv:
        print_venv_startup(args.venv, args.repeat)
        return 0
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
    print("start-up, whole processes (medians):")
    print_startup(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
