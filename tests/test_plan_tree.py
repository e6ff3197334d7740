"""Plan data that shares no part (JSON, YAML without aliases) gets the quick tree check, which
refuses what the full shape check refuses, with the same message; data that shares a part is
handed to the full check."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.planfile import MAX_DEPTH, InvalidPlan, check_shape, check_tree, parse_plan_text

LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=False),
                   st.text(max_size=5), st.just(float("inf")))
TREES = st.recursive(LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(st.one_of(st.text(max_size=3), st.integers(0, 3)),
                                                                     inner, max_size=3)), max_leaves=20)


def verdict(check, data) -> str | None:
    try:
        if check(data, "p.json") is False:
            return "shared"
    except InvalidPlan as e:
        return str(e)
    return None


@settings(max_examples=300, deadline=None, derandomize=True)
@given(TREES)
def test_tree_check_answers_as_the_shape_check(data):
    assert verdict(check_tree, data) == verdict(check_shape, data)


@pytest.mark.parametrize("depth", [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, MAX_DEPTH + 5])
def test_depth_limit_is_the_same(depth):
    data: list = []
    for _ in range(depth - 1):
        data = [data]
    assert verdict(check_tree, data) == verdict(check_shape, data)


@pytest.mark.parametrize("text, message", [
    ('schema_version: "1"\ntasks: &t [*t]\n', "refers to itself"),
    ('a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n' + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                                                       for p, c in zip("abcdefgh", "bcdefghi", strict=True)), "alias"),
    ("s: &s " + "x" * 6000 + "\nl: [" + ", ".join(["*s"] * 1200) + "]\n", "alias"),
])
def test_shared_parts_get_the_full_check(text, message):
    with pytest.raises(InvalidPlan, match=message):
        parse_plan_text(text, "bomb.yaml", as_json=False)


def test_an_alias_that_repeats_little_is_accepted():
    data = parse_plan_text("loc: &l {line: 3}\nagain: *l\n", "ok.yaml", as_json=False)
    assert data == {"loc": {"line": 3}, "again": {"line": 3}} and check_tree(data, "ok.yaml") is False
