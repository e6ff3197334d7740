"""A plan file holding half a UTF-16 pair ("\\ud800", which JSON can spell) is refused by name at
load, not left to fail in an exporter."""

from __future__ import annotations

import json

import pytest

from kehoach.errors import InvalidPlan
from kehoach.planfile import parse_plan_text


@pytest.mark.parametrize("escape", ["\\ud800", "\\uDFFF", "\\udc00x"])
def test_lone_surrogate_is_refused(escape):
    text = '{"schema_version": "1", "document": {"title": "a' + escape + 'b"}, "tasks": []}'
    with pytest.raises(InvalidPlan, match="surrogate"):
        parse_plan_text(text, "plan.json", as_json=True)


def test_a_surrogate_pair_is_one_character_and_fine():
    text = '{"schema_version": "1", "document": {"title": "a\\ud83d\\ude00b"}, "tasks": []}'
    assert parse_plan_text(text, "plan.json", as_json=True)["document"]["title"] == "a\U0001F600b"


def test_the_cli_names_the_file(tmp_path):
    from click.testing import CliRunner

    from kehoach.cli import main

    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"schema_version": "1", "tasks": []})[:-1] + ', "x": "\\ud800"}', encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "timeline", str(path), "--format", "ics"])
    assert result.exit_code != 0 and "surrogate" in result.output and str(path) in result.output
    assert "Traceback" not in result.output
