"""The hostile-input suite (built by scripts/make_hostile.py): every case ends as documented, a
plan or one line naming the file, within a time limit per case.

The time limit guards against hangs (a case over it ends the test process with a traceback of
where it was stuck); it is not a timing assertion.
"""

from __future__ import annotations

import faulthandler
from contextlib import contextmanager
from functools import lru_cache

import pytest
from click.testing import CliRunner

from kehoach.cli import main
from kehoach.errors import KehoachError
from kehoach.pipeline import extract_file

from .conftest import load_script

hostile = load_script("make_hostile")
hostile.base_plan = lru_cache(maxsize=1)(hostile.base_plan)

LIMIT = 90


@contextmanager
def time_limit(seconds: float = LIMIT):
    faulthandler.dump_traceback_later(seconds, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


def _one_line_naming(message: str, path) -> None:
    assert str(path) in message, message
    assert message.strip().count("\n") == 0, message
    assert "Traceback" not in message and "internal error" not in message, message


@pytest.mark.parametrize("case", hostile.DOCUMENTS, ids=lambda c: c.name)
def test_document(case, tmp_path):
    f = tmp_path / case.file
    f.write_bytes(case.build())
    with time_limit():
        if case.outcome == "ok":
            plan = extract_file(str(f), max_bytes=64 * 1024 * 1024)
            assert plan["schema_version"] == "1"
        else:
            with pytest.raises(KehoachError) as e:
                extract_file(str(f), max_bytes=64 * 1024 * 1024)
            _one_line_naming(str(e.value), f)
            assert case.expect in str(e.value)


COMMANDS = {
    "validate": ["validate", "{f}"],
    "checklist-md": ["export", "checklist", "{f}", "--format", "md"],
    "checklist-csv": ["export", "checklist", "{f}", "--format", "csv"],
    "checklist-xlsx": ["export", "checklist", "{f}", "-o", "{tmp}/out.xlsx"],
    "timeline-mermaid": ["export", "timeline", "{f}", "--format", "mermaid"],
    "timeline-html": ["export", "timeline", "{f}", "--format", "html"],
    "timeline-ics": ["export", "timeline", "{f}", "--format", "ics"],
    "timeline-csv": ["export", "timeline", "{f}", "--format", "csv"],
    "diff": ["diff", "{f}", "{f}"],
    "index": ["index", "{f}", "--db", "{tmp}/plans.sqlite"],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", hostile.PLAN_FILES, ids=lambda c: c.name)
def test_plan_file(case, command, tmp_path):
    f = tmp_path / case.file
    f.write_bytes(case.build())
    args = [a.format(f=f, tmp=tmp_path) for a in COMMANDS[command]]
    with time_limit():
        r = CliRunner().invoke(main, args, catch_exceptions=False)
    if case.outcome == "ok":
        assert r.exit_code == 0, r.stderr
        return
    assert r.exit_code == (2 if command == "diff" else 1), (r.stdout, r.stderr)  # diff: 1 means "they differ"
    if command == "validate":
        assert str(f) in r.stdout
        assert "Traceback" not in r.stdout + r.stderr
    else:
        assert r.stderr.startswith("kehoach: ")
        first = r.stderr.splitlines()[0]
        _one_line_naming(first if command == "index" else r.stderr, f)  # index ends with a summary line
        assert case.expect in first


def test_the_script_writes_every_case(tmp_path):
    assert hostile.main([str(tmp_path)]) == 0
    listed = (tmp_path / "cases.txt").read_text(encoding="utf-8").splitlines()
    assert len(listed) == len(hostile.DOCUMENTS) + len(hostile.PLAN_FILES)
    assert all((tmp_path / line.split("\t")[0]).exists() for line in listed)
