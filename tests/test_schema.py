from __future__ import annotations

import json

from kehoach.validate import load_schema

from .conftest import ROOT


def test_published_schema_is_the_packaged_one():
    assert json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8")) == load_schema()


def test_schema_is_valid_2020_12():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(load_schema())


def test_schema_names_every_key_of_the_model():
    doc = ROOT.parent / "shared" / "PLAN-MODEL.md"
    schema = load_schema()
    required = set(schema["required"]) | set(schema["properties"]["document"]["required"])
    for key in ("schema_version", "source", "document", "sections", "targets", "tasks", "warnings", "quality",
                "is_plan", "number", "seq", "symbol", "issuer", "place", "date", "title", "bases", "signer",
                "recipients", "attachment"):
        assert key in required
    if doc.exists():
        assert "schemas/plan.schema.json" in doc.read_text(encoding="utf-8")
