"""Across plans: the SQLite index, the questions analysts ask, agencies today, and diff."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from kehoach import extract_file
from kehoach.cli import main
from kehoach.diff import diff_plans, has_differences
from kehoach.index import add_plan, connect, current_name, find_tasks, list_agencies

TEXTS = ["thai-binh-kh-ubnd-2018-phat-trien-cong-nghiep.md", "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt",
         "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.txt", "quyet-dinh-ban-hanh-ke-hoach-chuyen-doi-so.md",
         "lao-cai-215-kh-ubnd-2024-du-lich-cong-dong-crlf.txt"]


@pytest.fixture(scope="module")
def plans():
    import os

    from .conftest import ROOT

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return {n: extract_file(f"samples/{n}") for n in TEXTS}
    finally:
        os.chdir(old)


@pytest.fixture
def db(plans, tmp_path):
    path = tmp_path / "plans.sqlite"
    con = connect(str(path))
    for name, plan in plans.items():
        assert add_plan(con, plan, name) == "added"
    con.commit()
    yield con
    con.close()


def test_unchanged_plans_are_skipped_and_changed_ones_replaced(db, plans):
    name = TEXTS[1]
    assert add_plan(db, plans[name], name) == "unchanged"
    changed = copy.deepcopy(plans[name])
    changed["source"]["sha256"] = "0" * 64
    changed["tasks"] = changed["tasks"][:3]
    assert add_plan(db, changed, name) == "replaced"
    n = db.execute("SELECT count(*) FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.number = '39/KHHD-UBND'").fetchone()[0]
    assert n == 3
    assert db.execute("SELECT count(*) FROM plans").fetchone()[0] == len(TEXTS)


def test_what_an_agency_owes_before_a_date_with_or_without_diacritics(db):
    with_marks = find_tasks(db, agency="Sở Công Thương", due_before=dt.date(2024, 12, 31))
    without = find_tasks(db, agency="so cong thuong", due_before=dt.date(2024, 12, 31))
    spelled = find_tasks(db, agency="Sở Công thương", due_before=dt.date(2024, 12, 31))
    assert with_marks and [r.tid for r in with_marks] == [r.tid for r in without] == [r.tid for r in spelled]
    assert all(r.end < "2024-12-31" and "Sở Công Thương" in r.lead for r in with_marks)
    abbreviated = find_tasks(db, agency="Sở TN&MT")
    assert abbreviated and all("Sở Tài nguyên và Môi trường" in r.lead for r in abbreviated)


def test_overdue_today_excludes_recurring_and_dateless(db):
    rows = find_tasks(db, overdue_as_of=dt.date(2024, 1, 1))
    assert rows and all(r.end and r.end < "2024-01-01" and r.recurrence is None for r in rows)


def test_search_forgives_missing_diacritics(db):
    a = find_tasks(db, search="chuyển đổi số")
    b = find_tasks(db, search="chuyen doi so")
    assert a and [r.tid for r in a] == [r.tid for r in b]
    assert all("chuyển đổi số" in r.title.lower() for r in a)
    assert find_tasks(db, search="so cong thuong", plan="39/KHHD-UBND")


def test_agencies_with_variants_and_successors(db):
    rows = {r["name"]: r for r in list_agencies(db)}
    ldtbxh = rows["Sở Lao động - Thương binh và Xã hội"]
    assert {"Sở Lao động TBXH", "Sở LĐ-TB&XH"} <= set(ldtbxh["variants"])
    assert ldtbxh["leads"] > 0
    assert current_name("Sở Kế hoạch và Đầu tư") == "Sở Tài chính"
    assert current_name("Sở KH&ĐT") == "Sở Tài chính"
    assert current_name("Ủy ban nhân dân tỉnh Thái Bình") == "Ủy ban nhân dân tỉnh Hưng Yên"
    assert current_name("Sở Y tế") is None


def test_cli_index_tasks_agencies(tmp_path, in_root):
    dbf = tmp_path / "p.sqlite"
    runner = CliRunner()
    r = runner.invoke(main, ["index", "samples/thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt",
                             "samples/hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.txt", "--db", str(dbf)])
    assert r.exit_code == 0 and "2 added" in r.stderr
    r = runner.invoke(main, ["index", "samples/thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt", "--db", str(dbf)])
    assert "1 unchanged" in r.stderr
    r = runner.invoke(main, ["tasks", "--db", str(dbf), "--agency", "so ke hoach va dau tu", "--format", "csv"])
    rows = list(csv.reader(io.StringIO(r.stdout.lstrip("\ufeff"))))
    assert rows[0][:4] == ["Kế hoạch", "Ngày", "Mã", "Nhiệm vụ"] and len(rows) > 5
    r = runner.invoke(main, ["tasks", "--db", str(dbf), "--search", "dien tu", "--format", "json"])
    assert all("điện tử" in t["title"].lower() for t in json.loads(r.stdout))
    xlsx = tmp_path / "t.xlsx"
    r = runner.invoke(main, ["tasks", "--db", str(dbf), "--overdue-as-of", "2023-06-30", "--format", "xlsx", "-o", str(xlsx)])
    from openpyxl import load_workbook

    ws = load_workbook(xlsx).active
    assert ws.max_row > 1 and ws.freeze_panes == "A2"
    r = runner.invoke(main, ["agencies", "--db", str(dbf), "--current", "--format", "json"])
    data = json.loads(r.stdout)
    assert any(a["name"] == "Sở Kế hoạch và Đầu tư" and a["current"] == "Sở Tài chính" for a in data)
    r = runner.invoke(main, ["tasks", "--db", str(tmp_path / "missing.sqlite")])
    assert r.exit_code == 1 and "no such index" in r.stderr
    assert sqlite3.connect(dbf).execute("SELECT count(*) FROM tasks_fts").fetchone()[0] > 0


def test_diff_of_renditions_is_empty_and_of_an_amendment_is_not(plans, in_root, tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["diff", "samples/thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.md",
                             "samples/thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.docx"])
    assert r.exit_code == 0 and "no differences" in r.stdout
    old = plans[TEXTS[1]]
    new = copy.deepcopy(old)
    new["tasks"][0]["deadline"] = {"text": "Quý II/2023", "start": "2023-04-01", "end": "2023-06-30", "recurrence": None}
    new["tasks"][1]["lead"] = ["Sở Tài chính"]
    removed = new["tasks"].pop(2)
    new["tasks"].append({**copy.deepcopy(removed), "id": "A1.99", "title": "Nhiệm vụ mới về số hóa hồ sơ"})
    new["targets"][0]["value"] = 6.0
    new["sections"][1]["id"] = "IX"
    d = diff_plans(old, new)
    assert has_differences(d)
    assert [c["changes"].keys() for c in d["tasks"]["changed"]] == [{"deadline"}, {"lead"}]
    assert [t["id"] for t in d["tasks"]["removed"]] == [removed["id"]]
    assert [t["title"] for t in d["tasks"]["added"]] == ["Nhiệm vụ mới về số hóa hồ sơ"]
    assert d["targets"]["changed"][0]["changes"] == {"value": {"old": old["targets"][0]["value"], "new": 6.0}}
    assert d["sections"]["renumbered"][0]["new_id"] == "IX"
    f_old, f_new = tmp_path / "old.json", tmp_path / "new.json"
    f_old.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    f_new.write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    r = runner.invoke(main, ["diff", str(f_old), str(f_new)])
    assert r.exit_code == 1 and "~ task A1.1" in r.stdout and "+ task A1.99" in r.stdout
    assert f"- task {removed['id']}: " in r.stdout and "~ section " in r.stdout
    r = runner.invoke(main, ["diff", str(f_old), str(f_new), "--format", "json"])
    assert r.exit_code == 1 and json.loads(r.stdout)["tasks"]["added"]


def test_a_generated_collection_of_plans(plans, tmp_path):
    """Fifty plans from five provinces and ten years: one identity each, and the questions still add up."""
    con = connect(str(tmp_path / "many.sqlite"))
    base = plans[TEXTS[1]]
    provinces = ["Thái Bình", "Hưng Yên", "Nam Định", "Lào Cai", "Huế"]
    for k in range(50):
        p = copy.deepcopy(base)
        p["document"].update(number=f"{k % 10 + 1}/KH-UBND", issuer=f"Ủy ban nhân dân tỉnh {provinces[k % 5]}",
                             date=f"{2016 + k // 5}-03-01")
        p["source"]["sha256"] = f"{k:064d}"
        assert add_plan(con, p, f"p{k}") == "added"
    con.commit()
    assert con.execute("SELECT count(DISTINCT identity) FROM plans").fetchone()[0] == 50
    per_plan = len(find_tasks(con, agency="Sở Kế hoạch và Đầu tư", plan=TEXTS[1] and "1/KH-UBND"))
    assert per_plan == 5 * sum(1 for t in base["tasks"] if "Sở Kế hoạch và Đầu tư" in t["lead"])
    assert find_tasks(con, agency="so ke hoach va dau tu", count_only=True) == \
        50 * sum(1 for t in base["tasks"] if "Sở Kế hoạch và Đầu tư" in t["lead"])


def test_a_trailing_place_word_is_the_same_agency(db):
    """"Sở Công Thương tỉnh" finds the tasks of "Sở Công Thương" (keys compare without a bare place word)."""
    plain = find_tasks(db, agency="Sở Công Thương")
    placed = find_tasks(db, agency="Sở Công Thương tỉnh")
    assert plain and [r.tid for r in plain] == [r.tid for r in placed]
    assert find_tasks(db, agency="so cong thuong tinh")
