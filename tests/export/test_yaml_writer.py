"""kehoach's own YAML writer gives PyYAML's text byte for byte, or hands the plan to PyYAML."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.export import plain
from kehoach.export.plain import to_yaml

from ..conftest import GOLDEN


def pyyaml(data) -> str:
    return plain._pyyaml(data)


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("**/*.yaml")), ids=lambda p: p.name)
def test_goldens_written_as_pyyaml_writes_them_without_pyyaml(path, monkeypatch):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    expected = pyyaml(data)
    monkeypatch.setattr(plain, "_pyyaml", lambda _plan: pytest.fail("handed to PyYAML"))
    assert to_yaml(data) == expected


# Characters around every rule of plain and quoted scalars: indicators, spaces, digits and number
# signs, Vietnamese letters; then characters only PyYAML spells (tab, line breaks, astral, BOM).
ALPHABET = list(" -?:#,[]{}&*!|>'\"%@`.+_~=<0123456789eEoxXbBTtZznNyY/()ĐđơưếẢạ\u00a0")
ODD = ["\t", "\n", "\r", "\x85", "\u2028", "\ufeff", "\U0001f600", "\x07", "\x9f"]
WORDS = st.sampled_from(["yes", "No", "TRUE", "off", "On", "null", "NULL", "Null", "~", "y", "n", "nO", "<<", "=",
                         "2024-05-01", "2024-5-1 10:20:30", "1:20", "1_000", "0x1F", "0o17", "017", ".5", "1e5",
                         "1.0e+5", ".inf", "-.Inf", ".NaN", "---", "...", "--- x", "- x", "-x", "? x", ":x", "x:",
                         "a: b", "a #b", "a#b", " x", "x ", "", "Sở Nội vụ: chủ trì", "'Lưu: VT'"])


def trees(alphabet: list[str]):
    text = st.one_of(WORDS, st.text(alphabet, max_size=12),
                     st.builds(lambda a, b: a + b, WORDS, st.text(alphabet, max_size=4)))
    scalar = st.one_of(text, st.none(), st.booleans(), st.integers(-10**20, 10**20),
                       st.floats(allow_nan=True, allow_infinity=True), st.just([]), st.just({}))
    tree = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(text, inner, max_size=4)), max_leaves=12)
    return st.dictionaries(text, tree, min_size=1, max_size=4)


@settings(max_examples=250, deadline=None, derandomize=True)
@given(trees(ALPHABET))
def test_generated_trees_written_as_pyyaml_writes_them(data):
    assert to_yaml(data) == pyyaml(data)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(trees(ALPHABET + ODD))
def test_characters_only_pyyaml_spells(data):
    assert to_yaml(data) == pyyaml(data)


def test_a_shared_part_is_written_out_twice_not_as_an_alias():
    loc = {"line": 3, "page": None}
    text = to_yaml({"a": [{"loc": loc}, {"loc": loc}]})
    assert "&" not in text and "*" not in text
    assert yaml.safe_load(text) == {"a": [{"loc": loc}, {"loc": loc}]}


def test_plain_and_quoted_choices():
    text = to_yaml({"date": "2023-07-12", "number": "88/KH-UBND", "no": "Lưu: VT", "n": 3, "v": 1e17, "e": ""})
    assert text == "date: '2023-07-12'\nnumber: 88/KH-UBND\n'no': 'Lưu: VT'\nn: 3\nv: 1.0e+17\ne: ''\n"
