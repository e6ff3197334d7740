"""Ctrl-C in every command that writes: what finished is kept, whole; what the user had before is
not lost; nothing half-written is left, and no temporary file; exit 130 with one line.

The Ctrl-C comes at a chosen point, from the process itself (a patched step sends SIGINT to its
own process, or raises KeyboardInterrupt where a signal would land inside a write), so the tests
wait on nothing. Subprocess timeouts guard against hangs; they time nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from .cli_run import ENV, PLAN, invoke

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals")

RUN = """
import os, signal, sys, time
from kehoach.entry import main
{patch}
sys.exit(main(sys.argv[1:]))
"""

CTRL_C_BEFORE_THE_INPUT = """
import kehoach.batch as batch
real = batch.convert_one
def convert(job, max_bytes):
    if job.path.endswith(os.environ["CTRL_C_AT"]):
        os.kill(os.getppid(), signal.SIGINT)  # the worker's parent: the batch
        time.sleep(60)
    return real(job, max_bytes)
batch.convert_one = convert
"""

CUT_INSIDE_A_LINE = """
import kehoach.cli_batch as cli_batch
real = cli_batch._File.write
def write(self, data):
    if self.lines == int(os.environ["CUT_AT_LINE"]):
        self.fh.write(data[:len(data) // 2])  # the signal lands in the middle of the write
        raise KeyboardInterrupt
    real(self, data)
cli_batch._File.write = write
"""

CTRL_C_BEFORE_THE_RENAME = """
real = os.replace
def replace(a, b):  # the temporary file is whole; Ctrl-C comes before it takes the output's place
    os.kill(os.getpid(), signal.SIGINT)
    real(a, b)
os.replace = replace
"""

CTRL_C_AT_THE_THIRD_PLAN = """
import kehoach.indexing as indexing
real, seen = indexing.read_plan_or_document, []
def read(path):
    seen.append(path)
    if len(seen) == 3:
        os.kill(os.getpid(), signal.SIGINT)
    return real(path)
indexing.read_plan_or_document = read
"""


def run(patch: str, *args, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUN.format(patch=patch), *map(str, args)], capture_output=True,
                          text=True, timeout=180, env={**ENV, **env})


def one_line_130(r: subprocess.CompletedProcess, starts: str = "kehoach: interrupted") -> None:
    assert r.returncode == 130 and r.stderr.startswith(starts) and r.stderr.count("\n") == 1, r.stderr
    assert "Traceback" not in r.stderr


def no_temporary_file(folder) -> None:
    assert [p.name for p in folder.rglob("*") if p.name.endswith(".tmp")] == []


@pytest.fixture
def five(tmp_path):
    """Five copies of the plan, p0.txt … p4.txt, in tmp_path/in; the old -o FILE tmp_path/all.jsonl."""
    (tmp_path / "in").mkdir()
    for n in range(5):
        (tmp_path / "in" / f"p{n}.txt").write_bytes(PLAN.read_bytes())
    (tmp_path / "all.jsonl").write_text("what the user had\n", encoding="utf-8")
    return tmp_path


def test_ctrl_c_in_a_json_lines_batch_keeps_the_plans_finished_in_the_file(five):
    out = five / "all.jsonl"
    r = run(CTRL_C_BEFORE_THE_INPUT, "batch", five / "in", "--format", "jsonl", "-o", out, "-j", "1",
            CTRL_C_AT="p2.txt")
    one_line_130(r, f"kehoach: interrupted after 2 of 5 inputs; {out} holds the 2 plans finished")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [os.path.basename(json.loads(line)["source"]["path"]) for line in lines] == ["p0.txt", "p1.txt"]
    no_temporary_file(five)


def test_ctrl_c_inside_the_write_of_a_line_keeps_only_the_whole_lines(five):
    out = five / "all.jsonl"
    r = run(CUT_INSIDE_A_LINE, "batch", five / "in", "--format", "jsonl", "-o", out, "-j", "1", CUT_AT_LINE="1")
    one_line_130(r, f"kehoach: interrupted after 2 of 5 inputs; {out} holds the 1 plan finished")
    text = out.read_text(encoding="utf-8")
    assert text.endswith("}\n") and len(text.splitlines()) == 1 and json.loads(text)["schema_version"]
    no_temporary_file(five)


def test_ctrl_c_before_any_plan_is_finished_leaves_the_old_file(five):
    out = five / "all.jsonl"
    r = run(CTRL_C_BEFORE_THE_INPUT, "batch", five / "in", "--format", "jsonl", "-o", out, "-j", "1",
            CTRL_C_AT="p0.txt")
    one_line_130(r)
    assert r.stderr == "kehoach: interrupted\n" and out.read_text(encoding="utf-8") == "what the user had\n"
    no_temporary_file(five)


def test_ctrl_c_in_an_index_keeps_the_plans_indexed_and_a_new_run_skips_them(tmp_path):
    text = PLAN.read_text(encoding="utf-8")
    for n in range(5):  # five plans, by their numbers
        (tmp_path / f"p{n}.txt").write_text(text.replace("Số: 39 /KHHD", f"Số: {n + 1} /KHHD", 1), encoding="utf-8")
    db = tmp_path / "db" / "plans.sqlite"
    r = run(CTRL_C_AT_THE_THIRD_PLAN, "index", *sorted(tmp_path.glob("p*.txt")), "--db", db)
    one_line_130(r, f"kehoach: interrupted after 2 of 5 inputs; the plans indexed are kept in {db}")
    with sqlite3.connect(db) as con:
        assert sorted(n for (n,) in con.execute("SELECT number FROM plans")) == ["1/KHHD-UBND", "2/KHHD-UBND"]
    no_temporary_file(tmp_path)
    again = invoke("index", *sorted(tmp_path.glob("p*.txt")), "--db", db)
    assert again.exit_code == 0 and "3 added, 0 replaced, 2 unchanged" in again.stderr


@pytest.mark.parametrize("args", [
    ["extract", "{plan}", "-o", "{out}.yaml", "-q"],
    ["export", "checklist", "{plan}", "-o", "{out}.xlsx", "-q"],
    ["export", "timeline", "{plan}", "-o", "{out}.ics", "-q"],
    ["diff", "{plan}", "{plan}", "-o", "{out}.json"],
    ["tasks", "--db", "{db}", "-o", "{out}.csv"],
    ["agencies", "--db", "{db}", "-o", "{out}.json"],
    ["batch", "{plan}", "--format", "jsonl", "-o", "{out}.jsonl", "-j", "1", "-q"],
], ids=lambda a: " ".join(a[:2]))
def test_ctrl_c_as_an_output_is_put_in_place_leaves_what_the_user_had(args, tmp_path):
    db = tmp_path / "plans.sqlite"
    if "{db}" in args:
        assert invoke("index", PLAN, "--db", db, "-q").exit_code == 0
    args = [a.format(plan=PLAN, out=tmp_path / "mine", db=db) for a in args]
    out = tmp_path / args[args.index("-o") + 1]
    out.write_bytes(b"the user's own file\n")
    r = run(CTRL_C_BEFORE_THE_RENAME, *args)
    one_line_130(r)
    assert out.read_bytes() == b"the user's own file\n"
    no_temporary_file(tmp_path)


CTRL_C_AS_A_WORKER_STARTS = """
import kehoach.workers as workers
real = workers._die_with_parent
def first(parent):  # the first thing a new worker does, before it ignores Ctrl-C
    os.kill(os.getpid(), signal.SIGINT)
    real(parent)
workers._die_with_parent = first
"""


def test_ctrl_c_as_a_worker_starts_is_no_traceback_from_it(five):
    """Ctrl-C goes to the whole process group; one that reaches a worker before it ignores Ctrl-C
    is held back until it does (here the worker sends it to itself: the batch goes on)."""
    r = run(CTRL_C_AS_A_WORKER_STARTS, "batch", five / "in", "-o", five / "out", "-j", "2", "-q")
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert len(list((five / "out").glob("*.yaml"))) == 5
