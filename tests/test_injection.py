"""Text from a document is data, never structure: task names cannot become Mermaid statements,
Markdown items or headings, table rows, terminal escapes; file names are echoed escaped."""

from __future__ import annotations

import copy
import subprocess
import sys
from functools import lru_cache

import pytest
import yaml
from click.testing import CliRunner

from kehoach.cli import main
from kehoach.export.timeline import _MERMAID_STATEMENT
from kehoach.pipeline import extract_file

from .conftest import SAMPLES

KEYWORDS = ["click t1 call alert(1)", "click t1 href \"javascript:alert(1)\"", "dateFormat X", "axisFormat %Y",
            "title Hijacked", "section Forged", "%% comment", "2024-01-01 task", "excludes weekends",
            "includes 2024-01-01", "todayMarker off", "tickInterval 1day", "weekday monday", "inclusiveEndDates",
            "topAxis", "accTitle: x", "accDescr: y", "gantt", "Click here", "SECTION A"]
FORGERY = "Việc thật\n- [ ] việc giả\n## Mục giả\n| a | b |\n\x1b[31mđỏ\u2028dòng"


@lru_cache(maxsize=1)
def _base() -> dict:
    return extract_file(str(SAMPLES / "thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md"))


def plan_with_titles(tmp_path, titles: list[str], lead: str | None = None):
    plan = copy.deepcopy(_base())
    tasks = plan["tasks"]
    assert len(tasks) >= 2
    for k, t in enumerate(tasks):
        t["title"] = titles[k % len(titles)]
        if lead:
            t["lead"] = [lead]
    f = tmp_path / "plan.yaml"
    f.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return f, len(tasks)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_no_task_name_is_read_as_a_mermaid_statement(tmp_path):
    f, n = plan_with_titles(tmp_path, KEYWORDS + [FORGERY])
    r = run("export", "timeline", f, "--format", "mermaid")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[:1] == ["gantt"] and lines[2:4] == ["    dateFormat YYYY-MM-DD", "    axisFormat %m/%Y"]
    body = [ln.strip() for ln in lines[4:]]
    tasks = [ln for ln in body if not ln.startswith("section ")]
    assert len(tasks) == n  # no forged line
    for ln in tasks:
        assert not _MERMAID_STATEMENT.match(ln), ln
        assert ln.count(" :") == 1, ln  # one separator: the name cannot add fields


@pytest.mark.parametrize("keyword", KEYWORDS)
def test_each_keyword_is_guarded(keyword):
    from kehoach.export.timeline import mermaid_text

    assert not _MERMAID_STATEMENT.match(mermaid_text(keyword))


def test_line_breaks_do_not_forge_markdown_items_or_headings(tmp_path):
    f, n = plan_with_titles(tmp_path, [FORGERY], lead="Sở Nội vụ\n## Sở giả")
    r = run("export", "checklist", f, "--format", "md")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert sum(ln.startswith("- [ ]") for ln in lines) == n
    assert sum(ln.startswith("## ") for ln in lines) == 1
    assert "\x1b" not in r.stdout and "\u2028" not in r.stdout


def test_line_breaks_do_not_forge_rows_of_tasks_and_agencies(tmp_path):
    f, n = plan_with_titles(tmp_path, [FORGERY], lead="Sở Nội vụ\tgiả\nSở giả")
    db = tmp_path / "plans.sqlite"
    assert run("index", f, "--db", db).exit_code == 0
    r = run("tasks", "--db", db, "--limit", "0")
    assert r.exit_code == 0, r.stderr
    rows = r.stdout.rstrip("\n").split("\n")
    assert len(rows) == n + 1 and all(row.count("\t") == 9 for row in rows)
    r = run("agencies", "--db", db)
    assert r.exit_code == 0 and "\x1b" not in r.stdout
    assert all(line.count("\t") == 3 for line in r.stdout.rstrip("\n").split("\n"))


def test_file_names_are_echoed_escaped(tmp_path):
    name = str(tmp_path / "kế hoạch\n- giả\x1b[31m.txt")
    r = subprocess.run([sys.executable, "-m", "kehoach.cli", "extract", name], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert "\\n- giả\\x1b[31m.txt: no such file" in r.stderr and "\x1b" not in r.stderr
