"""Conventions shared by every command: global options anywhere, warnings told on stderr, output
formats from the -o suffix, validate's summary and JSON report, the pre-commit hook, diff's exit
codes."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from click.testing import CliRunner

from kehoach.cli import main

from .conftest import ROOT

PLAN = "samples/thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt"
NEWS = "samples/ha-nam-tin-kcn-2019-khong-phai-ke-hoach.txt"


@pytest.fixture
def run(in_root):
    def _run(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    return _run


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("plans") / "plan.yaml"
    r = CliRunner().invoke(main, ["extract", str(ROOT / PLAN), "-o", str(out)])
    assert r.exit_code == 0
    return out


@pytest.mark.parametrize("args", [["-v", "extract", NEWS], ["extract", NEWS, "-v"], ["extract", "-v", NEWS]])
def test_verbose_lists_every_warning_wherever_it_is_given(run, args):
    r = run(*args)
    assert r.exit_code == 0
    lines = r.stderr.splitlines()
    assert any(line.startswith(f"{NEWS}") and "warning [not-a-plan]" in line for line in lines)
    assert len(lines) == len(yaml.safe_load(r.stdout)["warnings"])


def test_warnings_summary_by_default_and_silence_with_q(run):
    r = run("extract", NEWS)
    assert r.exit_code == 0
    n = len(yaml.safe_load(r.stdout)["warnings"])
    # one line, not-a-plan first because it changes how the rest reads
    assert r.stderr == (f"kehoach: {NEWS}: {n} warnings: not-a-plan, date-missing, issuer-missing, "
                        "number-missing, type-name-missing; -v to list\n")
    for args in (["-q", "extract", NEWS], ["extract", NEWS, "-q"], ["extract", NEWS, "--quiet"]):
        r = run(*args)
        assert r.exit_code == 0 and r.stderr == ""


def test_repeated_codes_are_counted():
    from kehoach.cliutil import count_codes, summary_line

    codes = count_codes([{"code": "deadline-unparsed"}, {"code": "not-a-plan"}, {"code": "deadline-unparsed"}])
    assert summary_line(codes) == "3 warnings: not-a-plan, deadline-unparsed ×2; -v to list"
    assert summary_line(count_codes([{"code": "inferred"}]), files=1) == "1 warning in 1 file: inferred; -v to list"


def test_debug_after_the_subcommand_is_accepted(run):
    r = run("extract", PLAN, "--debug", "-q")
    assert r.exit_code == 0 and r.stderr == ""


def test_export_of_a_document_tells_its_warnings(run):
    r = run("export", "checklist", NEWS)
    assert r.exit_code == 0 and "not-a-plan" in r.stderr and "-v to list" in r.stderr


# -- validate ---------------------------------------------------------------------------------


def test_validate_prints_a_summary_and_a_json_report(run, plan_file, tmp_path):
    r = run("validate", str(plan_file))
    assert r.exit_code == 0 and r.stdout == "" and r.stderr == "kehoach: 1 file ok\n"
    assert run("validate", str(plan_file), "-q").stderr == ""
    bad = tmp_path / "bad.json"
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    plan["tasks"][0]["deadline"]["end"] = "2023-02-29"
    bad.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    r = run("validate", str(plan_file), str(bad), "--format", "json")
    assert r.exit_code == 1
    report = json.loads(r.stdout)
    assert (report["valid"], report["invalid"], report["skipped"]) == (1, 1, 0)
    assert report["files"][1] == {"file": str(bad), "status": "invalid", "problems": [
        {"path": "tasks[0].deadline.end", "message": "'2023-02-29' is not a real calendar date"}]}
    assert r.stderr == "kehoach: 1 of 2 files invalid (1 problem)\n"


def test_validate_plans_only_skips_other_yaml_and_json_by_content(run, plan_file, tmp_path):
    other = tmp_path / "docker-compose.yml"
    other.write_text("services:\n  web:\n    image: nginx\n", encoding="utf-8")
    templ = tmp_path / "chart.yaml"
    templ.write_text("name: {{ .Values.name }}\n  bad: [\n", encoding="utf-8")  # not even YAML
    pkg = tmp_path / "package.json"
    pkg.write_text('{"name": "x"}', encoding="utf-8")
    r = run("validate", "--plans-only", str(plan_file), str(other), str(templ), str(pkg))
    assert r.exit_code == 0, r.output
    assert r.stderr == "kehoach: 1 file ok, 3 files skipped (not plan files)\n"
    # without --plans-only every file is held to the schema
    assert run("validate", str(plan_file), str(other)).exit_code == 1


def test_pre_commit_hook_matches_what_extract_and_batch_write():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "kehoach-validate")
    files = re.compile(hook["files"])
    for name in ("plan.yaml", "plans/ke-hoach.docx.yaml", "out/plan.pdf.yml", "plan.json", "a/b/plan.plan.yaml"):
        assert files.search(name), name
    for name in ("plan.docx", "notes.md", "plans.jsonl", "plan.yaml.bak"):
        assert not files.search(name), name
    assert "--plans-only" in hook["entry"].split()


# -- output formats ---------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["extract", PLAN, "-o", "{d}/new.docx"], ["extract", PLAN, "-o", "{d}/plan.txt"],
    ["export", "checklist", PLAN, "-o", "{d}/c.pdf"], ["export", "timeline", PLAN, "-o", "{d}/t.xlsx"],
    ["diff", PLAN, PLAN, "-o", "{d}/d.html"],
])
def test_unknown_output_suffixes_are_refused(run, tmp_path, args):
    args = [a.format(d=tmp_path) for a in args]
    r = run(*args)
    assert r.exit_code == 2 and "does not write" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_suffix_that_contradicts_format_is_refused(run, tmp_path):
    r = run("extract", PLAN, "-o", str(tmp_path / "p.json"), "--format", "yaml")
    assert r.exit_code == 2 and "--format says yaml" in r.stderr


def test_format_follows_the_output_suffix(run, tmp_path):
    run("extract", PLAN, "-o", str(tmp_path / "p.json"), "-q")
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["schema_version"] == "1"
    run("extract", PLAN, "-o", str(tmp_path / "p.yml"), "-q")
    assert yaml.safe_load((tmp_path / "p.yml").read_text(encoding="utf-8"))["schema_version"] == "1"


@pytest.fixture
def db(run, tmp_path):
    dbf = tmp_path / "plans.sqlite"
    r = run("index", PLAN, "samples/hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.txt", "--db", str(dbf))
    assert r.exit_code == 0
    return str(dbf)


def test_tasks_agencies_write_the_format_of_their_output_suffix(run, db, tmp_path):
    from openpyxl import load_workbook

    xlsx = tmp_path / "q.xlsx"
    assert run("tasks", "--db", db, "-o", str(xlsx)).exit_code == 0
    ws = load_workbook(xlsx).active
    assert ws.cell(1, 4).value == "Nhiệm vụ" and ws.max_row > 10
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    js = tmp_path / "q.json"
    assert run("tasks", "--db", db, "-o", str(js)).exit_code == 0
    assert json.loads(js.read_text(encoding="utf-8"))[0]["title"]
    ag = tmp_path / "agencies.json"
    assert run("agencies", "--db", db, "--current", "-o", str(ag)).exit_code == 0
    assert any(a["name"] == "Sở Kế hoạch và Đầu tư" for a in json.loads(ag.read_text(encoding="utf-8")))
    tsv = tmp_path / "agencies.tsv"
    assert run("agencies", "--db", db, "-o", str(tsv)).exit_code == 0
    assert "\tchủ trì " in tsv.read_text(encoding="utf-8")


# -- diff -------------------------------------------------------------------------------------


def test_diff_exit_codes_and_output(run, plan_file, tmp_path):
    same = tmp_path / "same.yaml"
    shutil.copy(plan_file, same)
    assert run("diff", str(plan_file), str(same)).exit_code == 0
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    plan["tasks"].pop(0)
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "d.json"
    r = run("diff", str(plan_file), str(changed), "-o", str(out))
    assert r.exit_code == 1 and r.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))["tasks"]["removed"]) == 1
    # trouble is 2, as diff does: a missing file, a file that is not a plan
    r = run("diff", str(plan_file), str(tmp_path / "missing.yaml"))
    assert r.exit_code == 2 and "missing.yaml" in r.stderr
    (tmp_path / "x.json").write_text('{"a": 1}', encoding="utf-8")
    assert run("diff", str(tmp_path / "x.json"), str(plan_file)).exit_code == 2


# -- batch ------------------------------------------------------------------------------------


def test_batch_report_carries_the_warnings_and_the_summary_names_them(run, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in (PLAN, NEWS):
        shutil.copy(ROOT / name, src)
    report = tmp_path / "report.json"
    r = run("batch", str(src), "-o", str(tmp_path / "out"), "--report", str(report), "-j", "1")
    assert r.exit_code == 0
    entries = {e["input"].rsplit("/", 1)[-1]: e for e in json.loads(report.read_text(encoding="utf-8"))["inputs"]}
    news = entries[NEWS.rsplit("/", 1)[-1]]
    assert news["status"] == "warnings" and "not-a-plan" in [w["code"] for w in news["warnings"]]
    assert all(set(w) == {"code", "message", "loc"} for e in entries.values() for w in e["warnings"])
    assert re.search(r"kehoach: \d+ warnings in 2 files: not-a-plan, .*; -v to list", r.stderr)
    r = run("batch", str(src), "-o", str(tmp_path / "out"), "--force", "-j", "1", "-v")
    assert "warning [not-a-plan]" in r.stderr
