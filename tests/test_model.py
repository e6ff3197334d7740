"""The model types (kehoach.model) and the published JSON Schema describe the same keys."""

from __future__ import annotations

import pytest

from kehoach import model
from kehoach.validate import load_schema

SCHEMA = load_schema()
DEFS = SCHEMA["$defs"]
PROPS = SCHEMA["properties"]
DOC = PROPS["document"]

PAIRS = [
    ("plan", SCHEMA, model.Plan),
    ("source", PROPS["source"], model.Source),
    ("document", DOC, model.Document),
    ("signer", DOC["properties"]["signer"], model.Signer),
    ("attachment", DOC["properties"]["attachment"], model.Attachment),
    ("period", DOC["properties"]["period"], model.PlanPeriod),
    ("quality", PROPS["quality"], model.Quality),
    ("loc", DEFS["loc"], model.Loc),
    ("paragraph", DEFS["paragraph"], model.Paragraph),
    ("basis", DEFS["basis"], model.Basis),
    ("section", DEFS["section"], model.Section),
    ("target", DEFS["target"], model.Target),
    ("deadline", DEFS["deadline"], model.Deadline),
    ("task", DEFS["task"], model.Task),
    ("warning", DEFS["warning"], model.PlanWarning),
]


@pytest.mark.parametrize("name,node,typed", PAIRS, ids=[p[0] for p in PAIRS])
def test_type_mirrors_schema(name, node, typed):
    required = set(node.get("required", []))
    optional = set(node["properties"]) - required
    assert set(typed.__required_keys__) == required, f"{name}: required keys differ from the schema"
    assert set(typed.__optional_keys__) == optional, f"{name}: optional keys differ from the schema"


def test_every_schema_object_has_a_type():
    objects = {name for name, node in DEFS.items() if "properties" in node}
    assert objects <= {p[0] for p in PAIRS}


def test_closed_vocabularies_match():
    from typing import get_args

    assert set(get_args(model.Comparator)) == set(DEFS["target"]["properties"]["comparator"]["enum"])
    assert set(get_args(model.TaskSource)) == set(DEFS["task"]["properties"]["source"]["enum"])
    assert set(get_args(model.SourceFormat)) == set(PROPS["source"]["properties"]["format"]["enum"])
    authorities = {a for a in DOC["properties"]["signer"]["properties"]["authority"]["enum"] if a}
    assert set(get_args(model.Authority)) == authorities
