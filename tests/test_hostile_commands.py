"""Hostile conditions for every command, not only extract: a closed stdout or pipe, an output
whose folder is a file, unreadable inputs, read-only folders, an output naming an input. Each
ends with one line naming the file and a non-zero exit (or quietly, for a pipe its reader
closed), never a traceback, and nothing the user gave is lost.

Subprocess timeouts guard against hangs; they are not timing assertions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kehoach.cli import main

from .conftest import ROOT

PLAN = ROOT / "samples" / "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt"
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src"))


def kehoach(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kehoach", *map(str, args)], stderr=subprocess.PIPE, env=ENV,
                          timeout=180, **kw)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("index")
    shutil.copy(PLAN, folder / "plan.txt")
    r = invoke("index", folder / "plan.txt", "--db", folder / "plans.sqlite")
    assert r.exit_code == 0, r.stderr
    return folder / "plans.sqlite"


def _to_closed_pipe(*args) -> subprocess.CompletedProcess:
    read, write = os.pipe()
    os.close(read)
    try:
        return kehoach(*args, stdout=write)
    finally:
        os.close(write)


@pytest.mark.parametrize("command", ["tasks", "batch"])
def test_streaming_to_a_closed_pipe_or_stdout(command, db, tmp_path):
    """`kehoach tasks … | head -1`, `kehoach batch … --format jsonl | head -1`: quietly, exit 1, as
    extract; a stdout closed before the start (`>&-`) is one line."""
    if command == "tasks":
        args = ["tasks", "--db", db]
    else:
        for n in range(3):
            shutil.copy(PLAN, tmp_path / f"p{n}.txt")
        args = ["batch", tmp_path, "--format", "jsonl", "-j", "1"]
    r = _to_closed_pipe(*args)
    assert (r.returncode, r.stderr) == (1, b"")
    r = kehoach(*args, preexec_fn=lambda: os.close(1))
    assert (r.returncode, r.stderr) == (1, b"kehoach: cannot write to standard output: it is closed\n")


@pytest.mark.parametrize("args", [
    ["extract", PLAN, "-o", "{blocker}/plan.yaml"],
    ["extract", PLAN, "-o", "{blocker}/deeper/plan.yaml"],
    ["export", "checklist", PLAN, "-o", "{blocker}/checklist.md"],
    ["batch", PLAN, "--format", "jsonl", "-o", "{blocker}/plans.jsonl"],
    ["batch", PLAN, "-o", "{tmp}/out", "--report", "{blocker}/report.json"],
    ["diff", PLAN, PLAN, "-o", "{blocker}/diff.txt"],
], ids=["extract", "extract-deeper", "checklist", "jsonl", "report", "diff"])
def test_an_output_whose_folder_is_a_file_says_so(args, tmp_path):
    blocker = tmp_path / "notes.md"
    blocker.write_text("the user's notes", encoding="utf-8")
    r = invoke(*[str(a).format(blocker=blocker, tmp=tmp_path) for a in args])
    target = next(str(a) for a in args if "{blocker}" in str(a)).format(blocker=blocker)
    assert r.exit_code in (1, 2) and r.stderr == f"kehoach: cannot write {target}: {blocker} is a file, not a folder\n"
    assert blocker.read_text(encoding="utf-8") == "the user's notes"


def test_a_batch_folder_below_a_file_says_so(tmp_path):
    blocker = tmp_path / "notes.md"
    blocker.write_text("notes", encoding="utf-8")
    r = invoke("batch", PLAN, "-o", blocker / "plans")
    assert (r.exit_code, r.stderr) == (2, f"kehoach: cannot write into {blocker / 'plans'}: {blocker} is not a folder\n")
    r = invoke("batch", PLAN, "-o", blocker)
    assert (r.exit_code, r.stderr) == (2, f"kehoach: {blocker}: exists and is not a folder\n")


def test_batch_to_stdout_is_only_for_jsonl(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("batch", PLAN, "-o", "-")
    assert r.exit_code == 2 and "--format jsonl" in r.stderr and os.listdir(tmp_path) == []
