"""What a hostile sweep over every command found and what holds it now: -j far past the cores,
file names and contents in odd Unicode (NFD, no-break spaces, a BOM, a leading "-").

The plan files with wrong types, huge numbers or deep nesting are cases of the hostile suite
(scripts/make_hostile.py, tests/test_hostile_suite.py).
"""

from __future__ import annotations

import os
import shutil
import sys
import unicodedata

import pytest

import kehoach.batch
import kehoach.pipeline

from .cli_run import PLAN, invoke


@pytest.mark.parametrize("asked", [0, 1, 100_000, 10 ** 20])
def test_jobs_far_past_the_cores_are_cut_and_said(asked, tmp_path, monkeypatch):
    """`batch -j 100000` over 5,000 files would start 5,000 processes: at most 4 per core, said."""
    seen = []

    def pool(items, fn, workers, budget, take, stopped):
        seen.append(workers)
        for key, args in items:
            take(key, fn(*args), None)

    monkeypatch.setattr(kehoach.batch, "run_pool", pool)
    r = invoke("batch", PLAN, "-o", tmp_path / "out", "-j", asked)
    most = 4 * (os.cpu_count() or 1)
    assert r.exit_code == 0 and seen == [min(asked, most) or os.cpu_count() or 1]
    cut = f"kehoach: -j {asked} is more than 4 workers per core; running {most}\n"
    assert (cut in r.stderr) == (asked > most)


NAMES = {
    "nfd": unicodedata.normalize("NFD", "kế hoạch.txt"),
    "nbsp": "kế\u00a0hoạch.txt",
    "bom": "\ufeffkế hoạch.txt",
    "dash": "-kế-hoạch.txt",
}
CONTENTS = {
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "bom": lambda t: "\ufeff" + t,
}


def _plan_yaml(path) -> list[str]:
    r = invoke("extract", path, "-q")
    assert r.exit_code == 0, r.stderr
    return [line for line in r.stdout.splitlines() if not line.lstrip().startswith(("path:", "sha256:"))]


def test_odd_file_names_and_contents_give_the_same_plan(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(PLAN, "plain.txt")
    expected = _plan_yaml("plain.txt")
    text = PLAN.read_text(encoding="utf-8")
    for kind, name in NAMES.items():
        shutil.copy(PLAN, name)
        assert _plan_yaml(("./" + name) if name.startswith("-") else name) == expected, kind
    for kind, change in CONTENTS.items():
        (tmp_path / f"{kind}.txt").write_text(change(text), encoding="utf-8")
        assert _plan_yaml(f"{kind}.txt") == expected, kind
    r = invoke("batch", ".", "-o", "out", "-j", "1", "-q")
    assert r.exit_code == 0 and sorted(n for n in os.listdir("out") if not n.startswith(".kehoach-batch")) == sorted(
        f"{n}.yaml" for n in [*NAMES.values(), "plain.txt", *(f"{k}.txt" for k in CONTENTS)])


def test_an_input_changed_while_converted_is_converted_again(tmp_path, monkeypatch):
    """The record keeps the input as it was read: a file saved again while batch converted it (same
    size, a later time) is converted on the next run, not skipped as up to date with the old plan."""
    src = tmp_path / "plan.txt"
    shutil.copy(PLAN, src)
    extract = kehoach.pipeline.extract_file  # convert_one imports it from there when it runs

    def saved_meanwhile(path, **kw):
        plan = extract(path, **kw)
        text = src.read_text(encoding="utf-8")
        src.write_text(text.replace("Thái Bình", "Thái Bính", 1), encoding="utf-8")  # same length in bytes
        os.utime(src, ns=(os.stat(src).st_atime_ns, os.stat(src).st_mtime_ns + 5_000_000_000))
        return plan

    monkeypatch.setattr(kehoach.pipeline, "extract_file", saved_meanwhile)
    job = kehoach.batch.Job(str(src), str(tmp_path / "out" / "plan.txt.yaml"), "yaml")
    s = kehoach.batch.convert_one(job, 10 ** 7)
    assert s.status in ("ok", "warnings"), s.error
    kehoach.batch.Manifest(str(tmp_path / "out")).record(s)
    assert kehoach.batch.Manifest(str(tmp_path / "out")).up_to_date(job) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="permissions as on Linux")
@pytest.mark.parametrize("where", ["outdir", "report"])
def test_a_batch_into_a_read_only_folder_stops_before_converting(where, tmp_path):
    """One line and exit 1 before any work (it was a failure per file, or, for --report, the whole
    run converted and then the report lost)."""
    from .test_hostile_commands import as_user

    for n in range(3):
        shutil.copy(PLAN, tmp_path / f"p{n}.txt")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o555)
    out, report = (shared / "plans", tmp_path / "r.json") if where == "outdir" else (tmp_path / "plans", shared / "r.json")
    try:
        r = as_user("batch", *(tmp_path / f"p{n}.txt" for n in range(3)), "-o", out, "--report", report, "-j", "1")
    finally:
        shared.chmod(0o755)
    named = out if where == "outdir" else report
    assert (r.returncode, r.stderr) == (1, f"kehoach: cannot write {named}: Permission denied\n")
    assert not list(tmp_path.rglob("*.yaml")) and os.listdir(shared) == []


@pytest.mark.parametrize("args", [
    ["extract", "{plan}", "--max-size", "99999999999999999999999G", "-q"],
    ["extract", "{plan}", "--max-size", "9" * 400, "-q"],
    ["batch", "{plan}", "-o", "{tmp}/out", "-j", "1", "--max-size", "3G"],
    ["batch", "{plan}", "-o", "{tmp}/out", "-j", "1", "--memory-limit", "99999999999G"],
    ["batch", "{plan}", "-o", "{tmp}/out", "-j", "1", "--timeout", "inf"],
    ["batch", "{plan}", "-o", "{tmp}/out", "-j", "1", "--timeout", "1e308"],
    ["tasks", "--db", "{db}", "--limit", "99999999999999999999999"],
], ids=["max-size-huge", "max-size-400-digits", "max-size-3G-in-a-worker", "memory-huge", "timeout-inf",
        "timeout-1e308", "limit-huge"])
def test_limits_beyond_any_machine_are_no_limit(args, tmp_path):
    """Sizes, times and counts past what a machine holds mean no limit (they were internal errors:
    OverflowError, MemoryError, "datatype mismatch" blamed on the index; --max-size 3G made every
    batch file "out of memory", a 3 GB read buffer set aside under the 2 GB worker cap)."""
    db = tmp_path / "plans.sqlite"
    if "tasks" in args:
        assert invoke("index", PLAN, "--db", db, "-q").exit_code == 0
    r = invoke(*[a.format(plan=PLAN, tmp=tmp_path, db=db) for a in args])
    assert r.exit_code == 0 and "error" not in r.stderr and "failed" not in r.stderr.replace(" 0 failed", ""), r.stderr


def test_a_timeout_that_is_not_a_number_is_a_usage_error(tmp_path):
    r = invoke("batch", PLAN, "-o", tmp_path / "out", "--timeout", "nan")
    assert r.exit_code == 2 and "nan is not a number of seconds" in r.stderr and not (tmp_path / "out").exists()
