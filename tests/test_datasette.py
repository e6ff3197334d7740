"""The index as datasette sees it: an external-content FTS table it offers search with, and the
metadata kehoach prints (every table and column it names exists, every canned query runs)."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from click.testing import CliRunner

from kehoach.cli import main

PLANS = ["samples/thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt", "samples/hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.txt"]

# datasette's own test for "this table has full-text search" (datasette/utils detect_fts)
DETECT_FTS = """select name from sqlite_master where rootpage = 0 and (
  sql like '%VIRTUAL TABLE%USING FTS%content="{t}"%' or sql like '%VIRTUAL TABLE%USING FTS%content=[{t}]%'
  or (tbl_name = "{t}" and sql like '%VIRTUAL TABLE%USING FTS%'))"""


@pytest.fixture
def db(tmp_path, in_root):
    path = tmp_path / "plans.sqlite"
    r = CliRunner().invoke(main, ["index", *PLANS, "--db", str(path)])
    assert r.exit_code == 0, r.stderr
    return path


def test_datasette_finds_the_search_table_and_its_search_works(db):
    con = sqlite3.connect(db)
    assert [r[0] for r in con.execute(DETECT_FTS.format(t="tasks"))] == ["tasks_fts"]
    # datasette's table search: rowids from the FTS table, rows from tasks
    def search(q):
        return [r[0] for r in con.execute(
            "select title from tasks where rowid in (select rowid from tasks_fts where tasks_fts match ?)", (q,))]
    with_marks, without, d_for_dj = search('"chuyển đổi số"'), search('"chuyen doi so"'), search('"chuyen đoi so"')
    assert with_marks and with_marks == without == d_for_dj
    assert all("chuyển đổi số" in t.lower() for t in with_marks)
    assert search("Thuong") and all("Thương" in r for r in con.execute(
        "select lead_names || support_names || title from tasks where rowid in "
        "(select rowid from tasks_fts where tasks_fts match 'Thuong')").fetchall()[0])
    # reading the FTS table reads the tasks (external content): datasette can show it
    assert con.execute("select title from tasks_fts limit 1").fetchone()[0]
    con.execute("insert into tasks_fts(tasks_fts) values('integrity-check')")


def test_reindexing_keeps_the_search_index_consistent(db, tmp_path, in_root):
    changed = tmp_path / "plan.txt"
    text = open(PLANS[0], encoding="utf-8").read()
    changed.write_text(text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["index", str(changed), "--db", str(db)]).exit_code == 0
    changed.write_text(text.replace("chuyển đổi số", "số hóa"), encoding="utf-8")
    assert "1 replaced" in runner.invoke(main, ["index", str(changed), "--db", str(db)]).stderr
    con = sqlite3.connect(db)
    con.execute("insert into tasks_fts(tasks_fts) values('integrity-check')")
    n = con.execute("select count(*) from tasks_fts where tasks_fts match '\"chuyen doi so\"'").fetchone()[0]
    m = con.execute("select count(*) from tasks where title like '%chuyển đổi số%'").fetchone()[0]
    assert n == m


def test_an_index_from_an_earlier_version_gets_the_new_search_table(tmp_path):
    from kehoach.index import connect

    path = tmp_path / "old.sqlite"
    con = connect(str(path))
    con.execute("drop table tasks_fts")
    con.execute("create virtual table tasks_fts using fts5(title, agencies, tokenize='unicode61')")
    con.execute("insert into tasks(id, plan_id, title, lead_names, support_names) values (1, null, 'Chuyển đổi số', 'Sở Nội vụ', '')")
    con.commit()
    con.close()
    con = connect(str(path))
    assert 'content="tasks"' in con.execute("select sql from sqlite_master where name='tasks_fts'").fetchone()[0]
    assert con.execute("select rowid from tasks_fts where tasks_fts match 'chuyen'").fetchall() == [(1,)]


def test_metadata_names_what_the_index_has_and_its_queries_run(db, tmp_path):
    out = tmp_path / "metadata.json"
    r = CliRunner().invoke(main, ["datasette-metadata", "--db", str(db), "-o", str(out)])
    assert r.exit_code == 0
    meta = json.loads(out.read_text(encoding="utf-8"))
    con = sqlite3.connect(db)
    tables = meta["databases"]["plans"]["tables"]
    for table, info in tables.items():
        columns = {row[1] for row in con.execute(f'pragma table_info("{table}")')}
        assert columns, table
        assert set(info.get("columns", {})) <= columns, table
    params = {"as_of": "2024-01-01", "from_day": "2023-01-01", "to_day": "2023-12-31", "agency": "so cong thuong"}
    for name, q in meta["databases"]["plans"]["queries"].items():
        names = set(re.findall(r":(\w+)", q["sql"]))
        rows = con.execute(q["sql"], {k: params[k] for k in names}).fetchall()
        assert rows, name
    overdue = con.execute(meta["databases"]["plans"]["queries"]["overdue_per_agency"]["sql"], {"as_of": "2024-01-01"}).fetchall()
    assert all(isinstance(n, int) and n > 0 for _, n, _ in overdue)
