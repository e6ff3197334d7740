"""Outputs that are not plain files, and runs that end early: `-o /dev/stdout` into a pipe its
reader closed, `-o /dev/null`; a `**` glob over folders that cannot be read; Ctrl-C in a batch
with --report; an --db that is not a kehoach index; JSON Lines as each file finishes.

Subprocess timeouts guard against hangs; they are not timing assertions.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from .cli_run import ENV, PLAN, invoke, kehoach


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    """A folder with the plan as text and as a plan file, and an index of it."""
    folder = tmp_path_factory.mktemp("plans")
    shutil.copy(PLAN, folder / "plan.txt")
    assert invoke("extract", folder / "plan.txt", "-o", folder / "plan.yaml", "-q").exit_code == 0
    assert invoke("index", folder / "plan.txt", "--db", folder / "plans.sqlite", "-q").exit_code == 0
    return folder


COMMANDS = {
    "extract": ["extract", "{d}/plan.txt"],
    "extract-click": ["extract", "{d}/plan.txt", "--output={out}"],
    "export": ["export", "timeline", "{d}/plan.yaml", "--format", "html"],
    "diff": ["diff", "{d}/plan.yaml", "{d}/plan.txt", "--format", "json"],
    "tasks": ["tasks", "--db", "{d}/plans.sqlite", "--format", "json"],
    "batch": ["batch", "{d}/plan.txt", "--format", "jsonl", "-j", "1"],
    "report": ["batch", "{d}/plan.txt", "-o", "{d}/out", "--force", "-j", "1", "--report={out}"],
}


def _args(name: str, folder, out: str) -> list[str]:
    args = [a.format(d=folder, out=out) for a in COMMANDS[name]]
    return args if any(out in a for a in args) else [*args, "-o", out]


@pytest.mark.parametrize("name", COMMANDS)
def test_o_dev_stdout_into_a_closed_pipe_ends_quietly(name, plans):
    """`kehoach … -o /dev/stdout | head -1` ends as `kehoach … | head -1`: exit 1, nothing on stderr
    (not "cannot write /dev/stdout: Broken pipe", nor an internal error)."""
    read, write = os.pipe()
    os.close(read)
    try:
        r = kehoach(*_args(name, plans, "/dev/stdout"), "-q", stdout=write)
    finally:
        os.close(write)
    assert (r.returncode, r.stderr) == (1, b"")


@pytest.mark.parametrize("name", ["extract", "export", "tasks", "batch", "report"])
def test_o_dev_null_is_written_in_place(name, plans):
    r = kehoach(*_args(name, plans, "/dev/null"), "-q", stdout=subprocess.PIPE)
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    assert not [n for n in os.listdir("/dev") if n.startswith(".null.")]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="permissions as on Linux")
@pytest.mark.parametrize("pattern", ["**/*.txt", "*/*/*.txt", "*/sub/*.txt"])
def test_a_glob_says_which_folders_it_could_not_read(pattern, tmp_path):
    """`batch 'in/**/*.txt'` with in/locked/ unreadable: glob passes over it in silence; kehoach
    names it on stderr and in --report, converts the others and exits 1 (an input failed)."""
    from .test_hostile_commands import as_user

    for name in ("a/sub/p1.txt", "locked/sub/p2.txt", "b/sub/p3.txt"):
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PLAN, tmp_path / "in" / name)
    locked = tmp_path / "in" / "locked"
    locked.chmod(0)
    try:
        glob = str(tmp_path / "in" / pattern)
        r = as_user("batch", glob, "-o", tmp_path / "out", "-j", "1", "--report", tmp_path / "r.json")
        index = as_user("index", glob, "--db", tmp_path / "plans.sqlite")
    finally:
        locked.chmod(0o755)
    line = f"{locked}: cannot read this folder (permission denied)"
    assert r.returncode == 1 and f"kehoach: failed: {line}\n" in r.stderr and "Traceback" not in r.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["inputs"]
    assert [(e["status"], e["error"]) for e in report if e["input"] == str(locked)] == [("failed", line)]
    assert sorted(e["status"] for e in report) == ["failed", "warnings", "warnings"]
    assert (tmp_path / "out" / "a" / "sub" / "p1.txt.yaml").exists()
    assert index.returncode == 1 and f"kehoach: {line}\n" in index.stderr and "1 added" in index.stderr


CTRL_C_AT_THE_THIRD = """
import os, signal, sys, time
import kehoach.batch as batch
from kehoach.entry import main
from kehoach.fileio import open_atomic

def convert(job, max_bytes, real=batch.convert_one):
    if not job.path.endswith("p2.txt"):
        return real(job, max_bytes)
    with open_atomic(job.output or job.path + ".jsonl", False) as fh:  # a half-written output when Ctrl-C comes
        fh.write(b"half")
        os.kill(os.getppid(), signal.SIGINT)
        time.sleep(60)

batch.convert_one = convert
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals")
@pytest.mark.parametrize("fmt", ["yaml", "jsonl"])
def test_ctrl_c_writes_the_report_of_what_finished(fmt, tmp_path):
    """Ctrl-C during `batch --report R.json`: R.json lists what finished and the rest as
    "interrupted" (marked at the top), no temporary file is left, exit 130."""
    (tmp_path / "in").mkdir()
    for n in range(5):
        shutil.copy(PLAN, tmp_path / "in" / f"p{n}.txt")
    out, report = tmp_path / "out", tmp_path / "reports" / "r.json"
    args = ["-o", out] if fmt == "yaml" else ["--format", "jsonl", "-o", out / "all.jsonl"]
    r = subprocess.run([sys.executable, "-c", CTRL_C_AT_THE_THIRD, "batch", tmp_path / "in", *args, "-j", "1",
                        "--report", report, "-q"], stderr=subprocess.PIPE, text=True, env=ENV, timeout=120)
    assert r.returncode == 130 and "Traceback" not in r.stderr and r.stderr.startswith("kehoach: interrupted")
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["interrupted"] is True
    assert [(e["input"].rsplit("/", 1)[1], e["status"]) for e in data["inputs"]] == [
        ("p0.txt", "warnings"), ("p1.txt", "warnings"), ("p2.txt", "interrupted"), ("p3.txt", "interrupted"),
        ("p4.txt", "interrupted")]
    left = [str(p) for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert left == []
    if fmt == "yaml":
        assert sorted(p.name for p in out.glob("*.yaml")) == ["p0.txt.yaml", "p1.txt.yaml"]


@pytest.mark.parametrize("content", [b"", b"my notes\n", b"\x00" * 100])
def test_an_index_is_never_made_of_a_file_that_is_not_one(content, plans, tmp_path):
    """`index --db FILE` with FILE an empty file or the user's notes: refused in one line, the
    file as it was (an empty file was silently turned into a database); tasks and agencies too."""
    db = tmp_path / "notes.sqlite"
    db.write_bytes(content)
    for args in (["index", plans / "plan.yaml"], ["tasks"], ["agencies"]):
        r = invoke(*args, "--db", db)
        assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "not a kehoach index" in r.stderr, r.stderr
        assert r.stderr.startswith(f"kehoach: {db}: ")
    assert db.read_bytes() == content and sorted(os.listdir(tmp_path)) == ["notes.sqlite"]


def test_a_new_index_appears_whole(plans, tmp_path):
    """A new index is made beside its name and linked in: never an empty file another run could take
    for the user's, no temporary file left, the usual permissions."""
    db = tmp_path / "made" / "plans.sqlite"
    r = invoke("index", plans / "plan.yaml", "--db", db)
    assert r.exit_code == 0 and "1 added" in r.stderr
    assert sorted(os.listdir(db.parent)) == ["plans.sqlite"]
    umask = os.umask(0)
    os.umask(umask)
    assert db.stat().st_mode & 0o777 == 0o666 & ~umask
    assert invoke("tasks", "--db", db, "--format", "json").exit_code == 0


SLOW_FIRST = """
import os, sys, time
import kehoach.batch as batch
from kehoach.entry import main

def convert(job, max_bytes, real=batch.convert_one):
    if job.path.endswith("p0.txt"):  # slow until the test has read the others' lines
        marker = os.path.join(os.path.dirname(job.path), "go")
        for _ in range(400):
            if os.path.exists(marker):
                break
            time.sleep(0.05)
    return real(job, max_bytes)

batch.convert_one = convert
sys.exit(main(sys.argv[1:]))
"""


def test_json_lines_stream_as_each_file_finishes(tmp_path):
    """`batch --format jsonl` with a slow first input: the lines of the others come while it is
    still converting (they were held back behind it), each naming its input."""
    for n in range(3):
        shutil.copy(PLAN, tmp_path / f"p{n}.txt")
    inputs = [tmp_path / f"p{n}.txt" for n in range(3)]
    p = subprocess.Popen([sys.executable, "-c", SLOW_FIRST, "batch", *map(str, inputs), "--format", "jsonl", "-j", "2",
                          "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    try:
        first = [json.loads(p.stdout.readline())["source"]["path"] for _ in range(2)]
        (tmp_path / "go").touch()
        last = json.loads(p.stdout.readline())["source"]["path"]
        assert p.wait(120) == 0 and p.stdout.read() == b""
    finally:
        p.kill()
        p.communicate()
    assert sorted(first) == [str(inputs[1]), str(inputs[2])] and last == str(inputs[0])
