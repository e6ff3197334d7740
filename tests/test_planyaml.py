"""The quick reader of kehoach's own YAML reads what the writer wrote, and anything it reads it
reads as PyYAML does; anything else it leaves to PyYAML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.export.plain import to_yaml
from kehoach.planfile import _loader, parse_plan_text
from kehoach.planyaml import read_plan_yaml

GOLDEN = Path(__file__).parent / "golden"


def _pyyaml(text: str) -> object:
    return yaml.load(text, Loader=_loader())  # noqa: S506 (a safe loader)


@pytest.mark.parametrize("path", sorted(GOLDEN.rglob("*.yaml")), ids=lambda p: p.name)
def test_reads_every_golden_as_pyyaml_does(path):
    text = path.read_text(encoding="utf-8")
    data = read_plan_yaml(text)
    assert data is not None
    assert data == _pyyaml(text)


_WORDS = st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)
_TEXT = st.text(st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐÊƠ ạảấờữỹ0123456789-:#'\",.;/()[]{}*&!|>%@`?~=<")),
                max_size=12)
_SCALARS = st.one_of(_TEXT, st.sampled_from(["yes", "No", "on", "null", "~", "2024-05-01", "12:30", "1e5", "0x1f",
                                             "-", "- a", "a: b", "a #b", " a", "a ", "'", "''", ".5", "+1", "007"]),
                     st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
                     st.booleans(), st.none(), st.just({}), st.just([]))
_KEYS = st.one_of(_WORDS, st.sampled_from(["no", "yes", "on", "off", "null", "y", "n", "true"]))
_DATA = st.recursive(_SCALARS, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                      st.dictionaries(_KEYS, kids, max_size=4)), max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEYS, _DATA, min_size=1, max_size=5))
def test_writer_then_reader_round_trip(plan):
    text = to_yaml(plan)
    data = read_plan_yaml(text)
    assert _pyyaml(text) == plan  # (the writer's promise)
    if data is not None:
        assert data == plan


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(_WORDS.filter(lambda w: w not in {"y", "n", "on", "no"}), st.one_of(st.text("abc ạđ-", max_size=8), st.integers(), st.booleans(), st.none()),
                       min_size=1, max_size=6))
def test_plain_plans_are_read_quickly(plan):
    """Word keys and ordinary values: what extract writes is never left to PyYAML."""
    assert read_plan_yaml(to_yaml(plan)) == plan


_EDITS = ["# note", "  # note", "key: &a x", "key: *a", "key: !!str 1", "key: \"q\"", "key: |", "  more", "- x",
          "key:", "---", "...", "\t", "key: [a, b]", "key: {a: 1}", "'a b': 1", "key: 'open", "  cont", "", "? x",
          "key: yes", "key: 2024-05-01", "key: 1_000", "key: a #b", "key:  x", "key: x ", "on: 1", "%YAML 1.1"]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_KEYS, _DATA, min_size=1, max_size=4), st.lists(st.tuples(st.integers(0, 50),
                                                                                  st.sampled_from(_EDITS)), max_size=3))
def test_what_it_reads_of_edited_files_is_what_pyyaml_reads(plan, edits):
    lines = to_yaml(plan).split("\n")
    for at, line in edits:
        lines.insert(at % len(lines), line)
    text = "\n".join(lines)
    data = read_plan_yaml(text)
    if data is None:
        return
    assert data == _pyyaml(text)


def test_the_plan_file_reader_still_refuses_bad_files():
    from kehoach.errors import InvalidPlan

    assert parse_plan_text("schema_version: '1'\ntasks:\n- id: A1\n  'no': 1\n", "p.yaml", False) == {
        "schema_version": "1", "tasks": [{"id": "A1", "no": 1}]}
    with pytest.raises(InvalidPlan, match="not text"):
        parse_plan_text("a:\n  no: 1\n", "p.yaml", False)
    deep = "".join("  " * k + f"k{k}:\n" for k in range(150)) + "  " * 150 + "k: 1\n"
    with pytest.raises(InvalidPlan, match="nested"):
        parse_plan_text(deep, "p.yaml", False)


def test_the_printable_check_is_yamls_character_rule():
    """YAML writes as they are: printable ASCII, U+00A0–U+D7FF and U+E000–U+FFFD but the byte-order
    mark and the line and paragraph separators; everything else (controls, NEL, surrogates, astral
    characters) is PyYAML's to escape. The one-pattern check agrees on every code point."""
    from kehoach.export.plain import unprintable

    def writes_as_is(c: int) -> bool:
        return 0x20 <= c <= 0x7E or ((0xA0 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD) and c not in (0xFEFF, 0x2028, 0x2029))

    assert [c for c in range(0x110000) if unprintable(chr(c)) == writes_as_is(c)] == []
    assert not unprintable("Sở Tài chính – “Kế hoạch”") and unprintable("a\u2028b") and unprintable("🙂")
