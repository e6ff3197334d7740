"""One cold `kehoach extract` per input type, as a shell loop runs it (`for f in *.pdf *.docx; do
kehoach extract "$f"; done`): whole processes against `python -c pass`, and what of it is start-up.

    python benchmarks/bench_cold.py --venv /tmp/kh   # the console script installed in a clean virtual
                                                     # environment: python -m venv /tmp/kh && /tmp/kh/bin/pip install .
    python benchmarks/bench_cold.py                  # python -m kehoach from this checkout
    python benchmarks/bench_cold.py --repeat 30

The same plan (49 tasks, 11 targets) is read as text, as Word .docx and as PDF (28 pages, 15 of them
ruled tables); a short PDF of text pages shows the floor of a PDF. Each command runs ``--repeat``
times, the commands taking turns; medians of wall and CPU time (user + system of the child).
"Start-up" is the process's CPU less `python -c pass` and less the same extract repeated in one
process (imports, first calls, writing the output).
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
SAMPLES = ROOT / "samples"
PLAN = "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh"
INPUTS = {"text": SAMPLES / f"{PLAN}.txt", "Word .docx": SAMPLES / f"{PLAN}.docx", "PDF": SAMPLES / f"{PLAN}.pdf",
          "PDF, 2 text pages": SAMPLES / "bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf"}
WARM = ("import sys, time\nfrom kehoach import extract_bytes\ndata = open(sys.argv[1], 'rb').read()\n"
        "extract_bytes(data, sys.argv[1])\nruns = []\nfor _ in range(int(sys.argv[2])):\n"
        "    t = time.process_time(); extract_bytes(data, sys.argv[1]); runs.append(time.process_time() - t)\n"
        "runs.sort(); print(runs[len(runs) // 2] * 1000)\n")


def _commands(venv: Path | None) -> tuple[list[str], list[str], dict[str, str]]:
    """(python, kehoach command, environment) of the virtual environment or of this checkout."""
    from bench_text import user_store

    if venv is not None:
        python, kehoach = str(venv / "bin" / "python"), str(venv / "bin" / "kehoach")
        if not os.path.exists(kehoach):
            raise SystemExit(f"{venv}: no bin/kehoach; make it with: python -m venv {venv} && {venv}/bin/pip install .")
        env = {k: v for k, v in os.environ.items() if k not in ("KEHOACH_NO_PATTERN_CACHE", "PYTHONPATH")}
        return [python], [kehoach], user_store(env, [kehoach])
    compileall.compile_dir(str(ROOT / "src" / "kehoach"), quiet=1)  # as pip install leaves it
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_NO_PATTERN_CACHE"}
    env["PYTHONPATH"] = str(ROOT / "src")
    return [sys.executable], [sys.executable, "-m", "kehoach"], user_store(env, [sys.executable, "-m", "kehoach"])


def cold(venv: Path | None = None, repeat: int = 15) -> dict[str, dict[str, float]]:
    """Per input type (and "python -c pass"): median wall and CPU ms of the whole process, and CPU
    ms of the same extract warm in one process."""
    from bench_text import _time_cmds

    python, kehoach, env = _commands(venv)
    cmds = {"python -c pass": [*python, "-c", "pass"]}
    cmds.update({kind: [*kehoach, "extract", str(path)] for kind, path in INPUTS.items()})
    for cmd in cmds.values():  # fills the pattern store, warms the disk cache
        subprocess.run(cmd, capture_output=True, check=False, env=env)
    out = {name: {"wall": wall, "cpu": cpu} for name, (wall, cpu) in _time_cmds(cmds, repeat, env).items()}
    for kind, path in INPUTS.items():
        r = subprocess.run([*python, "-c", WARM, str(path), "7"], capture_output=True, text=True, check=True, env=env)
        out[kind]["warm"] = float(r.stdout)
    return out


def print_cold(venv: Path | None = None, repeat: int = 15, prefix: str = "") -> None:
    runs = cold(venv, repeat)
    bare = runs.pop("python -c pass")
    where = str(venv) if venv is not None else "this checkout, python -m kehoach"
    print(f"{prefix}cold `kehoach extract FILE` ({where}); `python -c pass` {bare['wall']:.0f} ms wall, "
          f"{bare['cpu']:.0f} ms CPU")
    for kind, r in runs.items():
        startup = r["cpu"] - bare["cpu"] - r["warm"]
        print(f"{prefix}  {kind:18} {INPUTS[kind].name[:44]:44} {r['wall']:5.0f} ms wall = {r['wall'] / bare['wall']:4.1f}x, "
              f"{r['cpu']:5.0f} ms CPU = {r['cpu'] / bare['cpu']:4.1f}x; warm in process {r['warm']:4.0f} ms, "
              f"start-up {startup:3.0f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--venv", type=Path, help="the kehoach installed in this virtual environment")
    args = ap.parse_args()
    print_cold(args.venv, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
