"""Hand-edited plans with hostile strings and dates through `export` (every format), `tasks`,
`agencies` and `diff`: escape sequences and bidirectional overrides never reach a terminal or a
one-line format raw, a text longer than a spreadsheet cell is cut visibly, calendar lines are
folded, and a date no calendar has is one line naming the file."""

from __future__ import annotations

import copy
import functools
import io
import re

import pytest
import yaml

from kehoach.pipeline import extract_file

from .cli_run import PLAN, invoke

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must not reach a terminal or a one-line format as it is (tabs and line ends are the formats' own)."""
HOSTILE = "Việc \x1b]0;owned\x07\x1b[31mđỏ \u202eng\u01b0\u1ee3c\u202c \u2067tách\u2069\n+ task X: giả"


@functools.lru_cache(maxsize=1)
def _plan() -> dict:
    return extract_file(str(PLAN))


def _dated(plan: dict) -> list[dict]:
    return [t for t in plan["tasks"] if t["deadline"]["end"]]


def _write(plan: dict, path) -> str:
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    return str(path)


@pytest.fixture
def hostile(tmp_path) -> str:
    """The plan with three dated tasks titled, led and supported by HOSTILE."""
    plan = copy.deepcopy(_plan())
    for t in _dated(plan)[:3]:
        t["title"], t["lead"], t["support"] = HOSTILE, [HOSTILE], [HOSTILE, "Sở Y tế"]
    plan["document"]["title"] = HOSTILE
    return _write(plan, tmp_path / "hostile.yaml")


def test_diff_text_writes_escapes_never_the_characters(hostile, tmp_path):
    r = invoke("diff", _write(_plan(), tmp_path / "plan.yaml"), hostile)
    assert r.exit_code == 1 and not RAW.search(r.stdout.replace("\n", ""))
    assert "\\x1b]0;owned\\x07\\x1b[31mđỏ \\u202engược\\u202c \\u2067tách\\u2069\\n+ task X: giả" in r.stdout
    assert not [line for line in r.stdout.splitlines() if line.startswith("+ task X")]


@pytest.mark.parametrize("args", [
    ["export", "checklist", "{f}", "-f", "md"],
    ["export", "timeline", "{f}", "-f", "mermaid"],
    ["tasks", "--db", "{db}", "-f", "table"],
    ["agencies", "--db", "{db}"],
], ids=lambda a: " ".join(a[:2]))
def test_one_line_formats_hold_no_escape_or_bidirectional_override(args, hostile, tmp_path):
    db = tmp_path / "plans.sqlite"
    assert invoke("index", hostile, "--db", db, "-q").exit_code == 0
    r = invoke(*[a.format(f=hostile, db=db) for a in args], "-q")
    assert r.exit_code == 0 and not RAW.search(r.stdout.replace("\n", "").replace("\t", ""))
    assert "ngược" in r.stdout or "ng\u01b0\u1ee3c" in r.stdout  # the words stay, in their order


def test_a_file_name_with_a_bidirectional_override_is_echoed_escaped(tmp_path):
    r = invoke("export", "checklist", tmp_path / "k\u202eymal.txt")
    assert r.exit_code == 1 and "k\\u202eymal.txt: no such file" in r.stderr and "\u202e" not in r.stderr


MEGABYTE_TITLE = "Đề án chuyển đổi số " * 2_000  # 40,000 characters: more than a cell holds


@pytest.mark.parametrize("command", ["checklist", "tasks"])
def test_a_title_longer_than_a_cell_is_cut_with_a_mark(command, tmp_path):
    import openpyxl

    plan = copy.deepcopy(_plan())
    _dated(plan)[0]["title"] = MEGABYTE_TITLE
    f = _write(plan, tmp_path / "long.yaml")
    out = tmp_path / "out.xlsx"
    if command == "tasks":
        assert invoke("index", f, "--db", tmp_path / "p.sqlite", "-q").exit_code == 0
        r = invoke("tasks", "--db", tmp_path / "p.sqlite", "-o", out)
    else:
        r = invoke("export", "checklist", f, "-o", out, "-q")
    assert r.exit_code == 0, r.stderr
    ws = openpyxl.load_workbook(io.BytesIO(out.read_bytes())).worksheets[0]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    cut = [t for t in texts if t.startswith("Đề án chuyển đổi số Đề án")]
    assert len(cut) == 1 and len(cut[0]) == 32767 and cut[0].endswith("…")
    assert max(len(t) for t in texts) <= 32767
    assert max(d.height or 0 for d in ws.row_dimensions.values()) <= 409


def test_calendar_lines_are_folded_however_long_the_title(tmp_path):
    plan = copy.deepcopy(_plan())
    title = "Nhiệm vụ rất dài; có dấu phẩy, và \\ gạch " * 200
    _dated(plan)[0]["title"] = title
    r = invoke("export", "timeline", _write(plan, tmp_path / "p.yaml"), "-f", "ics", "-q")
    data = r.stdout_bytes
    assert r.exit_code == 0 and all(len(line) <= 75 for line in data.split(b"\r\n"))
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert "SUMMARY:" + title.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").strip() in unfolded


@pytest.mark.parametrize(("start", "end", "where"), [
    ("2026-02-30", "2026-12-31", "document.period.start"),
    ("0000-01-01", "2026-12-31", "document.period.start"),
    ("2026-01-01", "10000-01-01", "document.period.end"),
])
def test_a_period_no_calendar_has_is_one_line_naming_the_file(start, end, where, tmp_path):
    plan = copy.deepcopy(_plan())
    plan["document"]["period"] = {"start": start, "end": end, "basis": "title"}
    f = _write(plan, tmp_path / "p.yaml")
    r = invoke("validate", f)
    assert r.exit_code == 1 and f"{f}: {where}" in r.stdout
    for args in (["export", "timeline", f, "-f", "html"], ["export", "checklist", f, "-f", "csv"], ["index", f, "--db",
                 tmp_path / "x.sqlite"]):
        r = invoke(*args)
        assert r.exit_code == 1 and f"kehoach: {f}: invalid plan at document.period" in r.stderr
        assert "internal error" not in r.stderr


FAR = [
    {"start": "0001-01-01", "end": "0001-12-31", "text": "Hằng năm", "recurrence": "annual"},
    {"start": "9999-01-01", "end": "9999-12-31", "text": "Hằng tháng", "recurrence": "monthly"},
    {"start": "0001-01-01", "end": "9999-12-31", "text": "Hằng quý", "recurrence": "quarterly"},
]


@pytest.mark.parametrize("period", [("0001-01-01", "0001-12-31"), ("9999-01-01", "9999-12-31"),
                                    ("0001-01-01", "9999-12-31")], ids=lambda p: "-".join(p))
def test_the_first_and_last_days_a_date_holds_export_everywhere(period, tmp_path):
    plan = copy.deepcopy(_plan())
    plan["document"]["period"] = {"start": period[0], "end": period[1], "basis": "title"}
    for t, deadline in zip(_dated(plan), FAR, strict=False):
        t["deadline"] = deadline
    f = _write(plan, tmp_path / "far.yaml")
    for args in (["export", "timeline", f, "-f", "html", "--today", "9999-12-31"], ["export", "timeline", f, "-f", "ics"],
                 ["export", "timeline", f, "-f", "mermaid"], ["export", "timeline", f, "-f", "csv"],
                 ["export", "checklist", f, "--by", "deadline", "--as-of", "0001-01-01"],
                 ["export", "checklist", f, "-o", tmp_path / "c.xlsx", "--as-of", "9999-12-31"],
                 ["index", f, "--db", tmp_path / "x.sqlite"],
                 ["tasks", "--db", tmp_path / "x.sqlite", "--overdue-as-of", "9999-12-31", "-f", "csv"]):
        r = invoke(*args, "-q")
        assert r.exit_code == 0, (args, r.stderr)
