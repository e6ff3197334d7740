"""The scripts in scripts/ and benchmarks/ follow one command-line convention: ``--help`` prints what the script
does and exits 0 without doing it, and an option the script does not take is refused (exit 2, the option named)
rather than read as a file name or ignored. Before, ``--help`` ran several of them: fixture writers rewrote the
samples, the scorers ran for minutes, ``roundtrip.py --help`` raised ValueError."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted(p for d in ("scripts", "benchmarks") for p in (ROOT / d).glob("*.py")
                 if 'if __name__ == "__main__":' in p.read_text(encoding="utf-8"))


def test_every_runnable_script_reads_its_arguments_before_working():
    """Checked in the source first, so that a script that would ignore ``--help`` is not run by the test below
    (a fixture writer would rewrite files)."""
    bare = [p.name for p in SCRIPTS if not any(w in p.read_text(encoding="utf-8") for w in ("usage_exit", "argparse"))]
    assert not bare, f"scripts that take no --help: {bare} (use scripts/script_args.usage_exit or argparse)"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_help_prints_and_an_unknown_option_is_refused(script: Path):
    text = script.read_text(encoding="utf-8")
    if not any(w in text for w in ("usage_exit", "argparse")):
        pytest.skip("takes no --help (the test above fails for it)")
    shown = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120,
                           cwd=ROOT, check=False)
    assert shown.returncode == 0, shown.stderr
    assert len(shown.stdout.strip().splitlines()) >= 2 and "Traceback" not in shown.stderr
    refused = subprocess.run([sys.executable, str(script), "--no-such-option"], capture_output=True, text=True,
                             timeout=120, cwd=ROOT, check=False)
    assert refused.returncode == 2 and "--no-such-option" in refused.stderr and "Traceback" not in refused.stderr
