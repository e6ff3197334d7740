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

from .cli_run import ENV, PLAN, invoke, kehoach


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


def _unprivileged() -> list[str]:
    """A command prefix that runs without root's power to read and write any file ([] when not
    root); skips the test where permissions cannot be tried."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    if not shutil.which("setpriv") or subprocess.run([*prefix, "true"], capture_output=True).returncode:
        pytest.skip("root without setpriv: permissions cannot be tried")
    return prefix


def as_user(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*_unprivileged(), sys.executable, "-m", "kehoach", *map(str, args)], capture_output=True,
                          text=True, env=ENV, timeout=180)


@pytest.fixture
def locked(tmp_path):
    """in/ok.txt readable, in/locked/ (with a plan inside) and in/secret.txt unreadable."""
    (tmp_path / "in" / "locked").mkdir(parents=True)
    for name in ("ok.txt", "locked/plan.txt", "secret.txt"):
        shutil.copy(PLAN, tmp_path / "in" / name)
    (tmp_path / "in" / "secret.txt").chmod(0)
    (tmp_path / "in" / "locked").chmod(0)
    yield tmp_path / "in"
    (tmp_path / "in" / "locked").chmod(0o755)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="permissions as on Linux")
def test_unreadable_files_and_folders_are_failures_named_never_skipped(locked, tmp_path):
    r = as_user("batch", locked, "-o", tmp_path / "out", "-j", "1")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"kehoach: failed: {locked / 'locked'}: cannot read this folder (permission denied)\n" in r.stderr
    assert f"kehoach: failed: {locked / 'secret.txt'}: permission denied\n" in r.stderr
    assert "1 converted" in r.stderr and (tmp_path / "out" / "ok.txt.yaml").exists()
    r = as_user("batch", locked / "locked" / "plan.txt", "--format", "jsonl")  # stat of a file in it fails
    assert r.returncode == 1 and f"kehoach: failed: {locked / 'locked' / 'plan.txt'}: permission denied\n" in r.stderr
    r = as_user("index", locked, "--db", tmp_path / "made" / "for" / "plans.sqlite")  # the folders are made
    assert r.returncode == 1 and f"kehoach: {locked / 'locked'}: cannot read this folder (permission denied)\n" in r.stderr
    assert "1 added" in r.stderr and "2 failed" in r.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="permissions as on Linux")
def test_an_index_that_cannot_be_read_or_written_says_why(db, tmp_path):
    secret = tmp_path / "secret.sqlite"
    shutil.copy(db, secret)
    secret.chmod(0)
    for command in ("tasks", "agencies"):
        r = as_user(command, "--db", secret)
        assert (r.returncode, r.stderr) == (1, f"kehoach: {secret}: permission denied\n")
    r = as_user("index", PLAN, "--db", secret)
    assert (r.returncode, r.stderr) == (1, f"kehoach: {secret}: permission denied\n")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o555)
    r = as_user("index", PLAN, "--db", shared / "plans.sqlite")
    assert (r.returncode, r.stderr) == (1, f"kehoach: {shared / 'plans.sqlite'}: cannot create it: permission denied "
                                           f"in {shared}\n")
    r = as_user("extract", PLAN, "-o", shared / "plan.yaml")
    assert (r.returncode, r.stderr) == (1, f"kehoach: cannot write {shared / 'plan.yaml'}: Permission denied\n")


def test_an_index_named_as_a_folder_or_an_input_is_refused(db, tmp_path):
    for args in (["tasks", "--db", tmp_path], ["agencies", "--db", tmp_path]):
        r = invoke(*args)
        assert (r.exit_code, r.stderr) == (1, f"kehoach: {tmp_path}: is a directory; give the index file\n")
    r = invoke("index", PLAN, "--db", tmp_path)
    assert (r.exit_code, r.stderr) == (1, f"kehoach: {tmp_path}: is a directory; give a file name\n")
    plan = tmp_path / "plan.txt"
    shutil.copy(PLAN, plan)
    r = invoke("index", plan, "--db", plan)
    assert r.exit_code == 1 and "refusing to overwrite the input file" in r.stderr
    assert plan.read_bytes() == PLAN.read_bytes()


def test_nothing_to_convert_or_index_is_said_with_the_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    r = invoke("index", empty, "--db", tmp_path / "plans.sqlite")
    assert (r.exit_code, r.stderr) == (1, f"kehoach: no plan files or documents found in {empty}\n")
    assert not (tmp_path / "plans.sqlite").exists()
    r = invoke("batch", empty, "-o", tmp_path / "out")
    assert (r.exit_code, r.stderr) == (1, f"kehoach: no input documents found in {empty}\n")


def test_a_report_that_cannot_be_written_is_not_lost_in_silence(tmp_path):
    r = kehoach("validate", PLAN, "--format", "json", preexec_fn=lambda: os.close(1))
    assert (r.returncode, r.stderr) == (1, b"kehoach: cannot write to standard output: it is closed\n")


@pytest.mark.parametrize("args", [["extract", PLAN, "-o", "{tmp}/plan.yaml"], ["extract", PLAN, "--output={tmp}/plan.yaml"],
                                  ["index", PLAN, "--db", "{tmp}/plans.sqlite"], ["batch", PLAN, "-o", "{tmp}/out"],
                                  ["validate", "{tmp}/plan.yaml"]],
                         ids=["extract-quick", "extract-click", "index", "batch", "validate"])
def test_a_closed_stderr_does_not_fail_a_good_run(args, tmp_path):
    """`kehoach … 2>&-`: the warnings and the summary have nowhere to go; the work is done, exit 0."""
    assert invoke("extract", PLAN, "-o", tmp_path / "plan.yaml").exit_code == 0
    argv = [str(a).format(tmp=tmp_path) for a in args]
    r = subprocess.run([sys.executable, "-m", "kehoach", *argv], env=ENV, timeout=120, preexec_fn=lambda: os.close(2))
    assert r.returncode == 0


def test_diff_reads_standard_input_once():
    r = invoke("diff", "-", "-")
    assert r.exit_code == 2 and "standard input (-) can be only one of OLD and NEW" in r.stderr


@pytest.mark.parametrize("args", [["extract", "-"], ["validate", "-"], ["export", "checklist", "-"],
                                  ["diff", "-", PLAN], ["index", "-", "--db", "{tmp}/plans.sqlite"],
                                  ["batch", "-", "-o", "{tmp}/out"]],
                         ids=["extract", "validate", "checklist", "diff", "index", "batch"])
def test_a_closed_standard_input_is_one_line(args, tmp_path):
    r = subprocess.run([sys.executable, "-m", "kehoach", *(str(a).format(tmp=tmp_path) for a in args)],
                       capture_output=True, text=True, env=ENV, timeout=120, stdin=subprocess.DEVNULL,
                       preexec_fn=lambda: os.close(0))
    message = r.stdout if args[0] == "validate" else r.stderr  # validate: its problem lines on stdout
    assert r.returncode in (1, 2) and "-: standard input is closed" in message, r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr


def test_a_batch_never_writes_over_an_input_or_its_own_outputs(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(PLAN, folder / "a.txt")
    notes = folder / "a.txt.yaml"  # given as an input too: a.txt's output would replace it
    notes.write_text("Số: 5/KH-UBND\nKẾ HOẠCH\nmy notes\n", encoding="utf-8")
    r = invoke("batch", folder / "a.txt", notes, "-o", folder)
    assert r.exit_code == 1 and f"would be written to {notes}, over the input {notes}" in r.stderr
    assert notes.read_text(encoding="utf-8").endswith("my notes\n") and sorted(os.listdir(folder)) == ["a.txt", "a.txt.yaml"]
    out = tmp_path / "out"
    for report, says in ((out / "a.txt.yaml", "--report names the output of"),
                         (out / ".kehoach-batch.jsonl", "--report names the record batch keeps in")):
        r = invoke("batch", folder / "a.txt", "-o", out, "--report", report)
        assert r.exit_code == 2 and r.stderr.startswith(f"kehoach: {report}: {says}") and not out.exists()


CTRL_C_AT_THE_SIXTH_RESULT = """
import os, signal, sys
import kehoach.batch as batch
from kehoach.entry import main

real, taken = batch.Manifest.record, []

def record(self, summary):  # in the batch process, as each finished plan is taken in
    taken.append(summary)
    if len(taken) == 6:
        os.killpg(0, signal.SIGINT)  # as Ctrl-C on a terminal: the whole group; the handler runs at once
    real(self, summary)

batch.Manifest.record = record
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals to a process group")
def test_ctrl_c_mid_batch_keeps_what_is_finished_and_leaves_no_temporary_file(tmp_path):
    """Ctrl-C to the whole process group (the workers ignore it; the batch ends them) as the sixth
    plan is taken in: the five before it are kept and recorded, and a new run skips them. The
    signal comes at that point from the batch itself, so nothing here waits on time."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    text = PLAN.read_text(encoding="utf-8")
    for n in range(40):
        (src / f"p{n:02}.txt").write_text(text, encoding="utf-8")
    p = subprocess.run([sys.executable, "-c", CTRL_C_AT_THE_SIXTH_RESULT, "batch", str(src), "-o", str(out), "-j", "2"],
                       capture_output=True, text=True, env=ENV, timeout=180, start_new_session=True)
    assert p.returncode == 130 and p.stderr == (f"kehoach: interrupted after 5 of 40 inputs; the plans written to "
                                                f"{out} are kept and a new run skips them\n"), p.stderr
    kept = sorted(out.glob("*.yaml"))  # the five, the sixth (written, not recorded), and the other worker's at most
    assert 6 <= len(kept) <= 7 and [f for f in os.listdir(out) if f.endswith(".tmp")] == []
    r = invoke("batch", src, "-o", out)
    assert r.exit_code == 0 and r.stderr.endswith(", 0 failed, 5 up to date, of 40 inputs\n"), r.stderr


def test_a_report_and_json_lines_never_share_standard_output():
    r = invoke("batch", PLAN, "--format", "jsonl", "--report", "-")
    assert (r.exit_code, r.stdout) == (2, "") and "would share standard output" in r.stderr


def test_a_nul_byte_in_a_listed_name_with_a_report_is_a_missing_file(tmp_path):
    r = subprocess.run([sys.executable, "-m", "kehoach", "batch", "-", "-o", str(tmp_path / "out"), "--report",
                        str(tmp_path / "report.json")], input="a\x00b.txt\n", capture_output=True, text=True,
                       env=ENV, timeout=120)
    assert r.returncode == 1 and "a\\x00b.txt: no such file" in r.stderr and "internal error" not in r.stderr


@pytest.mark.parametrize("args", [["tasks"], ["tasks", "--agency", "Sở Y tế"], ["tasks", "--search", "y tế"],
                                  ["agencies"]], ids=["tasks", "agency", "search", "agencies"])
def test_a_database_with_the_index_marker_but_not_its_tables_is_one_line(args, tmp_path):
    import sqlite3

    fake = tmp_path / "fake.sqlite"
    con = sqlite3.connect(fake)
    con.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('schema', '1')")
    con.commit()
    con.close()
    r = invoke(*args, "--db", fake)
    assert r.exit_code == 1 and r.stderr.startswith(f"kehoach: {fake}: cannot read this index (no such table: ")
    assert r.stderr.count("\n") == 1 and "internal error" not in r.stderr
