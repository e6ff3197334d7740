"""The command line: exit codes, stdout and stderr kept apart."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner

from kehoach import __version__
from kehoach.cli import main

from .conftest import ROOT

SAMPLE = "samples/thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md"
NEWS = "samples/ha-nam-tin-kcn-2019-khong-phai-ke-hoach.txt"


@pytest.fixture
def run(in_root):
    def _run(*args, input=None):
        runner = CliRunner()
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)
    return _run


def test_version(run):
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.stdout


@pytest.mark.parametrize("cmd", [[], ["extract"], ["validate"], ["schema"], ["export"], ["export", "checklist"],
                                 ["export", "timeline"], ["batch"], ["index"], ["tasks"], ["agencies"], ["diff"],
                                 ["datasette-metadata"]])
def test_help_has_examples(run, cmd):
    r = run(*cmd, "--help")
    assert r.exit_code == 0
    assert "Example" in r.stdout


def test_extract_yaml_to_stdout(run):
    r = run("extract", SAMPLE)
    assert r.exit_code == 0, r.stderr
    plan = yaml.safe_load(r.stdout)
    assert plan["document"]["number"] == "93/KH-UBND"
    assert r.stderr == f"kehoach: {SAMPLE}: 1 warning: inferred; -v to list\n"
    assert run("extract", SAMPLE, "-q").stderr == ""


def test_extract_json_to_file_and_validate(run, tmp_path):
    out = tmp_path / "plan.json"
    r = run("extract", SAMPLE, "-o", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    plan = json.loads(out.read_text(encoding="utf-8"))
    assert plan["source"]["path"] == SAMPLE
    assert "Thái Bình" in out.read_text(encoding="utf-8")  # not \\u-escaped
    r = run("validate", str(out))
    assert r.exit_code == 0 and r.stdout == ""


def test_extract_is_deterministic(run):
    assert run("extract", SAMPLE).stdout == run("extract", SAMPLE).stdout


def test_extract_stdin(run):
    data = (ROOT / SAMPLE).read_bytes()
    r = CliRunner().invoke(main, ["extract", "-", "--format", "json"], input=data)
    assert r.exit_code == 0
    plan = json.loads(r.stdout)
    assert plan["source"]["path"] == "-" and plan["document"]["seq"] == 93


def test_missing_file_is_one_line_exit_1(run):
    r = run("extract", "nope.txt")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.strip() == "kehoach: nope.txt: no such file"


def test_empty_file(run, tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("   \n")
    r = run("extract", str(f))
    assert r.exit_code == 1 and "empty" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_usage_error_exit_2(run):
    r = run("extract", SAMPLE, "--format", "xml")
    assert r.exit_code == 2


def test_not_a_plan_exit_0_but_strict_exit_1(run):
    r = run("extract", NEWS)
    assert r.exit_code == 0
    assert yaml.safe_load(r.stdout)["document"]["is_plan"] is False
    r = run("extract", NEWS, "--strict")
    assert r.exit_code == 1
    assert "not-a-plan" in r.stderr


def test_refuses_to_overwrite_input(run, tmp_path):
    f = tmp_path / "plan.txt"
    f.write_bytes((ROOT / SAMPLE).read_bytes())
    r = run("extract", str(f), "-o", str(f))
    assert r.exit_code == 1 and "refusing to overwrite the input" in r.stderr
    assert f.read_bytes() == (ROOT / SAMPLE).read_bytes()


def test_refuses_to_overwrite_word_or_pdf_documents_and_the_export_source(run, tmp_path):
    doc = tmp_path / "ke-hoach.docx"
    doc.write_bytes(b"PK\x03\x04 not really a document")
    for args in (["extract", SAMPLE, "-o", str(doc)], ["export", "checklist", SAMPLE, "-o", str(doc)],
                 ["export", "timeline", SAMPLE, "--format", "csv", "-o", str(doc)]):
        r = run(*args)
        assert r.exit_code == 1 and "refusing to overwrite an existing .docx" in r.stderr, args
    assert doc.read_bytes() == b"PK\x03\x04 not really a document"
    md = tmp_path / "plan.md"
    md.write_bytes((ROOT / SAMPLE).read_bytes())
    r = run("export", "checklist", str(md), "-o", str(md))
    assert r.exit_code == 1 and "refusing to overwrite the input" in r.stderr
    assert md.read_bytes() == (ROOT / SAMPLE).read_bytes()
    # an earlier output is replaced, as asked
    out = tmp_path / "checklist.md"
    out.write_text("old")
    assert run("export", "checklist", SAMPLE, "-o", str(out)).exit_code == 0 and out.read_text() != "old"


def test_validate_and_extract_name_unreadable_inputs_in_one_line(run, tmp_path):
    r = run("extract", str(tmp_path))
    assert r.exit_code == 1 and r.stderr.strip() == f"kehoach: {tmp_path}: is a directory; give a file"
    # validate reports each file's problems on stdout, the count on stderr
    r = run("validate", str(tmp_path), str(tmp_path / "none.yaml"))
    assert r.exit_code == 1 and r.stdout.splitlines() == [f"{tmp_path}: is a directory; give a file",
                                                          f"{tmp_path / 'none.yaml'}: no such file"]
    assert r.stderr.strip() == "kehoach: 2 of 2 files invalid (2 problems)"


def test_validate_reports_problems(run, tmp_path):
    bad = tmp_path / "bad.yaml"
    plan = yaml.safe_load(run("extract", SAMPLE).stdout)
    plan["document"]["date"] = "2022-02-30"
    plan["tasks"][0]["lead"] = []
    plan["tasks"][0]["deadline"].update(start="2025-01-01", end="2024-01-01")
    plan["sections"][1]["id"] = "I"
    plan["sections"][0]["role"] = "whatever"
    bad.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    r = run("validate", str(bad), str(broken))
    assert r.exit_code == 1
    out = r.stdout
    assert f"{bad}: document.date: '2022-02-30' is not a real calendar date" in out
    assert f"{bad}: tasks[0].lead: task {plan['tasks'][0]['id']!r} has no lead agency" in out
    assert f"{bad}: tasks[0].deadline: start 2025-01-01 is after end 2024-01-01" in out
    assert "section id 'I' is used twice" in out
    assert f"{bad}: sections[0].role: 'whatever' is not one of" in out
    assert f"{broken}: invalid JSON at line 1" in out
    assert "kehoach: 2 of 2 files invalid (6 problems)" in r.stderr


def test_validate_accepts_a_task_the_extraction_warned_has_no_lead(run, tmp_path):
    plan = yaml.safe_load(run("extract", SAMPLE).stdout)
    plan["tasks"][0]["lead"] = []
    task_id = plan["tasks"][0]["id"]
    path = tmp_path / "leadless.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    assert run("validate", str(path)).exit_code == 1  # silent: invalid
    plan["warnings"].append({"code": "task-without-lead", "message": f"task {task_id} has no lead agency",
                             "loc": plan["tasks"][0]["loc"]})
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    assert run("validate", str(path)).exit_code == 0  # warned: the document names no lead


def test_schema_command_prints_the_schema(run):
    r = run("schema")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["$schema"].endswith("2020-12/schema")


def test_no_traceback_without_debug(tmp_path):
    f = tmp_path / "fake.pdf"
    f.write_text("hello")
    r = subprocess.run([sys.executable, "-m", "kehoach.cli", "extract", str(f)], capture_output=True, text=True)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1


def test_text_extraction_does_not_import_heavy_libraries(tmp_path):
    code = (
        "import sys; from kehoach.cli import main\n"
        "try:\n    main(['extract', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('docx', 'pdfplumber', 'openpyxl', 'jsonschema', 'rich', 'hashlib', 'calendar')\n"
        "         if m in sys.modules]\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(ROOT / SAMPLE)], capture_output=True, text=True)
    assert r.stderr.strip().endswith("[]"), r.stderr


def test_what_replaces_the_slow_imports_gives_the_same_answers():
    """The source's hash and the last day of a month come without hashlib (it loads OpenSSL) and
    calendar: same results."""
    import calendar
    import datetime as dt
    import hashlib

    from kehoach.extract.date_spans import last_day as _last_day
    from kehoach.parse import sha256_hex

    for data in (b"", b"abc", "Kế hoạch số 1/KH-UBND".encode() * 1000):
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
    for y in (1, 1900, 2000, 2023, 2024, 2100, 9999):
        for m in range(1, 13):
            assert _last_day(y, m) == dt.date(y, m, calendar.monthrange(y, m)[1]), (y, m)


@pytest.mark.parametrize("bad", ["2022-2-3", "2022-02-30", "14/06/2022"])
def test_validate_reports_a_bad_date_once(run, tmp_path, bad):
    plan = yaml.safe_load(run("extract", SAMPLE).stdout)
    plan["document"]["date"] = bad
    f = tmp_path / "bad.yaml"
    f.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    r = run("validate", str(f))
    assert r.exit_code == 1
    assert [line for line in r.stdout.splitlines() if "document.date" in line] == [
        line for line in r.stdout.splitlines() if line.strip()], r.stdout
    assert r.stdout.count("document.date") == 1, r.stdout
