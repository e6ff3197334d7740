"""Instructions a cold `kehoach extract` executes, against `python -c pass`: a start-up figure that does not
depend on what else the machine is doing (times on a shared machine vary by half; instruction counts by a
hundredth of a percent). Needs valgrind (Debian: ``apt-get install valgrind``); each command runs once under
its cachegrind tool, about fifty times slower than bare.

    python benchmarks/bench_instructions.py                 # the 49-task sample and every real-size sample
    python benchmarks/bench_instructions.py --venv /tmp/kh  # the kehoach installed in a virtual environment
    python benchmarks/bench_instructions.py FILE ...        # other documents

The pattern store is filled first (a run of each document in a cache directory of its own), as a user's
runs leave it; bytecode is compiled first, as an installation leaves it. Instructions are not time: the
interpreter's own start reads and maps more memory per instruction than kehoach's work does, so the ratio in
instructions is larger than the ratio in CPU time (see the README's start-up rows for both).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [ROOT / "samples" / name for name in (
    "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt",  # the start-up benchmark's 49-task plan
    "thai-binh-kh-ubnd-2018-phat-trien-cong-nghiep.md",  # a portal's page, one cell a line
    "quang-ngai-12-kh-ubnd-2026-pdftotext-layout.txt",  # pdftotext -layout text
    "tay-ninh-57-kh-ubnd-2026-du-lieu-dat-dai-khoi-nhan.md",
)]


def instructions(cmd: list[str], env: dict) -> int:
    """The instructions ``cmd`` executes (valgrind's cachegrind, no cache simulation)."""
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        r = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out.name}",
                            *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, check=False)
        for line in r.stderr.splitlines():
            if "I   refs:" in line or "I refs:" in line:
                return int(line.rsplit(":", 1)[1].replace(",", "").strip())
    raise SystemExit(f"valgrind gave no count for {' '.join(cmd)}:\n{r.stderr[-2000:]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="documents to extract (default: the samples named above)")
    ap.add_argument("--venv", type=Path, help="the kehoach installed in this virtual environment")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("bench_instructions: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_NO_PATTERN_CACHE"}
    if args.venv:
        python, cli = str(args.venv / "bin" / "python"), [str(args.venv / "bin" / "kehoach")]
        env.pop("PYTHONPATH", None)
    else:
        # this checkout, both commands with ``python -S`` (no site: start-up hooks an installation's .pth files
        # may run would make `python -c pass` slow and every ratio look better) and the same sys.path
        compileall.compile_dir(str(ROOT / "src" / "kehoach"), quiet=1)
        python, cli = sys.executable, [sys.executable, "-S", "-m", "kehoach"]
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *(p for p in sys.path if p)])
    cache = tempfile.mkdtemp(prefix="kehoach-bench-cache-")
    env["XDG_CACHE_HOME"] = cache
    try:
        flags = [] if args.venv else ["-S"]
        bare = instructions([python, *flags, "-c", "pass"], env)
        print(f"  {' '.join(['python', *flags, '-c', 'pass']):58} {bare / 1e6:8.1f} M instructions")
        for path in args.files or SAMPLES:
            subprocess.run([*cli, "extract", str(path)], capture_output=True, env=env, check=False)  # fills the store
            count = instructions([*cli, "extract", str(path)], env)
            print(f"  {'kehoach extract ' + path.name[:42]:58} {count / 1e6:8.1f} M = {count / bare:5.1f}x")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
