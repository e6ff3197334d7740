"""kehoach's small data classes (kehoach.record): equality, hashing, and frozen fields."""

from __future__ import annotations

import copy
import pickle

import pytest

from kehoach.extract.dates import Horizon
from kehoach.extract.labelled import Unit
from kehoach.numbering import Token, match_token
from kehoach.parse.blocks import Loc


def test_a_frozen_record_refuses_to_change():
    token = Token("arabic", "1", "Mục tiêu")
    with pytest.raises(AttributeError):
        token.kind = "roman"
    with pytest.raises(AttributeError):
        del token.value
    assert token == Token("arabic", "1", "Mục tiêu") and hash(token) == hash(Token("arabic", "1", "Mục tiêu"))


def test_a_cached_token_is_the_same_for_every_reader():
    """match_token answers a line from a cache: the token it hands out cannot be changed by one reader."""
    first = match_token("2. Nhiệm vụ cụ thể")
    assert first is match_token("2. Nhiệm vụ cụ thể")
    with pytest.raises(AttributeError):
        first.rest = "changed"
    assert match_token("2. Nhiệm vụ cụ thể").rest == "Nhiệm vụ cụ thể"


def test_records_copy_and_pickle():
    horizon = Horizon("span", 2021, 2025, 0, 20)
    for twin in (copy.copy(horizon), copy.deepcopy(horizon), pickle.loads(pickle.dumps(horizon))):
        assert twin == horizon and twin is not horizon
    unit = Unit(level=1)
    unit.level = 2  # a plain Record may change, and does not hash
    assert unit == Unit(level=2) and repr(unit).startswith("Unit(")
    with pytest.raises(TypeError):
        hash(unit)
    loc = Loc(3, 1)
    assert pickle.loads(pickle.dumps(loc)) == loc and hash(copy.copy(loc)) == hash(loc)
