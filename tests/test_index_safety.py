"""The index database: read-only queries, other programs' databases left alone, one transaction
per plan (a killed run keeps what it finished), waits that say so, honest counts.

Subprocess timeouts guard against hangs; they are not timing assertions.
"""

from __future__ import annotations

import copy
import hashlib
import json
import signal
import sqlite3
import subprocess
import sys
import time
from functools import lru_cache

import yaml

from kehoach.pipeline import extract_file

from .conftest import SAMPLES


def cli(*args, timeout=180):
    return subprocess.run([sys.executable, "-m", "kehoach.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


@lru_cache(maxsize=1)
def _base() -> dict:
    return extract_file(str(SAMPLES / "thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md"))


def plan_file(path, n: int, lead: str | None = None):
    plan = copy.deepcopy(_base())
    plan["document"]["number"] = f"{n}/KH-UBND"
    plan["document"]["seq"] = n
    plan["source"]["sha256"] = hashlib.sha256(f"{n}{lead}".encode()).hexdigest()
    if lead:
        for t in plan["tasks"]:
            t["lead"], t["lead_as_written"] = [lead], [lead]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def other_database(path):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes(x TEXT)")
    con.execute("INSERT INTO notes VALUES ('mine')")
    con.commit()
    con.close()
    return path.read_bytes()


def test_queries_and_index_leave_other_programs_databases_alone(tmp_path):
    db = tmp_path / "other.sqlite"
    before = other_database(db)
    for args in (["tasks", "--db", db], ["agencies", "--db", db], ["index", plan_file(tmp_path / "p.yaml", 1), "--db", db]):
        r = cli(*args)
        assert r.returncode == 1 and "not a kehoach index" in r.stderr and r.stderr.count("\n") == 1
    assert db.read_bytes() == before
    assert not (tmp_path / "other.sqlite-wal").exists()


def test_queries_do_not_write_the_index(tmp_path):
    db = tmp_path / "plans.sqlite"
    assert cli("index", plan_file(tmp_path / "p.yaml", 1), "--db", db).returncode == 0
    before = db.read_bytes()
    assert cli("tasks", "--db", db).returncode == 0 and cli("agencies", "--db", db).returncode == 0
    assert db.read_bytes() == before
    db.chmod(0o444)  # read-only file: queries still work
    try:
        assert cli("tasks", "--db", db).returncode == 0
    finally:
        db.chmod(0o644)
    assert cli("tasks", "--db", tmp_path / "missing.sqlite").returncode == 1
    assert not (tmp_path / "missing.sqlite").exists()


def test_index_of_a_batch_folder_and_honest_counts(tmp_path):
    src = tmp_path / "in"
    (src / "plan.md").parent.mkdir()
    (src / "plan.md").write_bytes((SAMPLES / "thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md").read_bytes())
    (src / "plan.txt").write_bytes((SAMPLES / "thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md").read_bytes()
                                   + b"\n")  # a second rendition of the same plan
    out = tmp_path / "out"
    assert cli("batch", src, "-o", out).returncode == 0
    db = tmp_path / "plans.sqlite"
    r = cli("index", out, "--db", db)
    assert r.returncode == 0, r.stderr
    assert "1 added" in r.stderr and "1 duplicate" in r.stderr and ".kehoach-batch" not in r.stderr
    r = cli("index", out, "--db", db)
    assert r.returncode == 0 and "1 unchanged" in r.stderr and "0 replaced" in r.stderr


def test_agencies_no_longer_used_are_removed(tmp_path):
    db = tmp_path / "plans.sqlite"
    f = plan_file(tmp_path / "p.yaml", 1, lead="Sở Cũ Đã Bỏ")
    assert cli("index", f, "--db", db).returncode == 0
    assert "Sở Cũ Đã Bỏ" in cli("agencies", "--db", db).stdout
    plan_file(f, 1, lead="Sở Nội vụ")
    r = cli("index", f, "--db", db)
    assert "1 replaced" in r.stderr
    names = cli("agencies", "--db", db).stdout
    assert "Sở Cũ Đã Bỏ" not in names and "Sở Nội vụ" in names


def test_a_writer_holding_the_lock_is_waited_for_and_queries_go_on(tmp_path):
    db = tmp_path / "plans.sqlite"
    assert cli("index", plan_file(tmp_path / "a.yaml", 1), "--db", db).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO meta VALUES ('held', '1')")
    try:
        q = cli("tasks", "--db", db)  # a reader is not blocked by the writer
        assert q.returncode == 0 and q.stdout.count("\n") > 1
        p = subprocess.Popen([sys.executable, "-m", "kehoach.cli", "index", str(plan_file(tmp_path / "b.yaml", 2)),
                              "--db", str(db)], stderr=subprocess.PIPE, text=True)
        first = p.stderr.readline()  # the index says it waits, and waits
        assert "another process is writing this index; waiting" in first
        assert p.poll() is None
    finally:
        holder.execute("COMMIT")
        holder.close()
    rest = p.stderr.read()
    assert p.wait(120) == 0 and "1 added" in rest


def test_a_killed_index_keeps_the_plans_it_finished(tmp_path):
    folder = tmp_path / "plans"
    for n in range(1, 61):
        plan_file(folder / f"p{n:02}.yaml", n)
    db = tmp_path / "plans.sqlite"
    p = subprocess.Popen([sys.executable, "-m", "kehoach.cli", "index", str(folder), "--db", str(db)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        done = 0
        while done < 3 and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
                    done = con.execute("SELECT count(*) FROM plans").fetchone()[0]
            except sqlite3.Error:
                pass
        p.send_signal(signal.SIGKILL)
        p.wait(30)
    finally:
        if p.poll() is None:
            p.kill()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = con.execute("SELECT count(*) FROM plans").fetchone()[0]
    per_plan = {n for (n,) in con.execute("SELECT count(*) FROM tasks GROUP BY plan_id")}
    con.close()
    assert 0 < kept < 60 and len(per_plan) == 1  # every kept plan whole
    r = cli("index", folder, "--db", db)
    assert r.returncode == 0 and f"{60 - kept} added" in r.stderr and f"{kept} unchanged" in r.stderr


def test_two_index_runs_at_once_both_land(tmp_path):
    for n in range(1, 9):
        plan_file(tmp_path / "a" / f"a{n}.yaml", n)
        plan_file(tmp_path / "b" / f"b{n}.yaml", 100 + n)
    db = tmp_path / "plans.sqlite"
    assert cli("index", tmp_path / "a" / "a1.yaml", "--db", db).returncode == 0  # the database exists
    runs = [subprocess.Popen([sys.executable, "-m", "kehoach.cli", "index", str(tmp_path / d), "--db", str(db)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for d in ("a", "b")]
    results = [(r.wait(180), r.stderr.read()) for r in runs]
    assert [code for code, _ in results] == [0, 0], results
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM plans").fetchone()[0] == 16
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_tasks_says_when_it_cut_the_list(tmp_path):
    db = tmp_path / "plans.sqlite"
    assert cli("index", plan_file(tmp_path / "p.yaml", 1), "--db", db).returncode == 0
    total = len(_base()["tasks"])
    r = cli("tasks", "--db", db, "--limit", "2", "--format", "json")
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 2
    assert f"showing the 2 soonest of {total} tasks; --limit 0 shows all" in r.stderr
    r = cli("tasks", "--db", db, "--limit", "0", "--format", "json")
    assert r.returncode == 0 and len(json.loads(r.stdout)) == total and "showing" not in r.stderr
