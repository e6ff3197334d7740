"""The compiled schema check answers as jsonschema does: goldens pass it, and on plans broken at
random places the problems reported are exactly jsonschema's."""

from __future__ import annotations

import copy

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from kehoach import validate
from kehoach.validate import load_schema, schema_problems

from .conftest import GOLDEN

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
GOLDENS = sorted(GOLDEN.glob("*.yaml"))
PLANS = [yaml.load(p.read_text(encoding="utf-8"), Loader=LOADER) for p in GOLDENS[:6]]


def jsonschema_problems(plan) -> list[tuple[str, str]]:
    errors = Draft202012Validator(load_schema()).iter_errors(plan)
    return [(validate._path(e.absolute_path), e.message)
            for e in sorted(errors, key=lambda e: list(map(str, e.absolute_path)))]


def test_the_compiled_check_is_there():
    assert validate._fast_validator() is not None, "fastjsonschema is a dependency: the quick check must run"


@pytest.mark.parametrize("path", GOLDENS, ids=lambda p: p.name)
def test_goldens_pass_the_compiled_check(path):
    validate_fast, _refused = validate._fast_validator()
    validate_fast(yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER))


def places(node, path=()):
    """Every (container path, key) of a plan."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield path, key
        yield from places(value, (*path, key))


VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(-2, 2), st.just(1.0),
                   st.sampled_from(["", "x", "KH", "2024-02-30", "abc\n", "0" * 64, "ad_hoc", "increase"]),
                   st.just([]), st.just({}), st.just([None]), st.just({"id": 1}))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.integers(0, len(PLANS) - 1), st.integers(0, 10**6), VALUES, st.booleans())
def test_broken_plans_get_jsonschemas_problems(which, where, value, delete):
    plan = copy.deepcopy(PLANS[which])
    spots = list(places(plan))
    path, key = spots[where % len(spots)]
    parent = plan
    for step in path:
        parent = parent[step]
    if delete and isinstance(parent, dict):
        del parent[key]
    else:
        parent[key] = value
    assert schema_problems(plan) == jsonschema_problems(plan)
