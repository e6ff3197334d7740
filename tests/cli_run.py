"""Running the command line from a test: in process (click's runner) or as a whole process."""

from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner

from kehoach.cli import main

from .conftest import ROOT

PLAN = ROOT / "samples" / "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt"
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src"))


def kehoach(*args, **kw) -> subprocess.CompletedProcess:
    """``python -m kehoach ARGS`` as a process (the timeout guards against a hang; it times nothing)."""
    return subprocess.run([sys.executable, "-m", "kehoach", *map(str, args)], stderr=subprocess.PIPE, env=ENV,
                          timeout=180, **kw)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def modules_after_extract(path, output, modules: tuple[str, ...], env: dict | None = None) -> str:
    """``"EXIT [loaded]"``: a fresh interpreter (no site) runs the quick ``kehoach extract PATH -o OUTPUT``
    and prints its exit code and which of ``modules`` it imported (``env``: more environment variables)."""
    code = ("import sys; from kehoach.entry import main; "
            "code = main(['extract', sys.argv[1], '-o', sys.argv[2], '-q']); "
            f"print(code, [m for m in {modules!r} if m in sys.modules])")
    r = subprocess.run([sys.executable, "-S", "-c", code, str(path), str(output)], capture_output=True, text=True,
                       timeout=120, env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p), **(env or {})})
    return r.stdout.strip() + r.stderr
