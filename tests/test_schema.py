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
    schema = load_schema()
    required = set(schema["required"]) | set(schema["properties"]["document"]["required"])
    for key in ("schema_version", "source", "document", "sections", "targets", "tasks", "warnings", "quality",
                "is_plan", "number", "seq", "symbol", "issuer", "place", "date", "title", "bases", "signer",
                "recipients", "attachment"):
        assert key in required


SHARED_DEFS = {"loc"}
"""Definitions used in many places: described once in docs/plan-model.md under their own name."""


def schema_key_paths(schema: dict) -> set[str]:
    """Every key the schema names, as a path: ``tasks[].deadline.start``; shared defs as ``loc.line``."""
    defs = schema["$defs"]
    out: set[str] = set()

    def walk(node: dict, path: str, seen: tuple[str, ...]) -> None:
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name in seen or (name in SHARED_DEFS and path != name):
                return
            walk(defs[name], path, (*seen, name))
            return
        for sub in node.get("anyOf", []):
            walk(sub, path, seen)
        if "items" in node:
            walk(node["items"], path + "[]", seen)
        for key, sub in node.get("properties", {}).items():
            here = f"{path}.{key}" if path else key
            out.add(here)
            walk(sub, here, seen)

    walk(schema, "", ())
    for name in SHARED_DEFS:
        walk({"$ref": f"#/$defs/{name}"}, name, ())
    return out


def documented_key_paths() -> set[str]:
    import re

    text = (ROOT / "docs" / "plan-model.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([^`]+)` \|", text, flags=re.M))


def test_plan_model_page_describes_exactly_the_schema():
    in_schema, in_doc = schema_key_paths(load_schema()), documented_key_paths()
    assert "tasks[].deadline.start" in in_schema and "loc.page" in in_schema
    assert not in_schema - in_doc, f"keys in the schema missing from docs/plan-model.md: {sorted(in_schema - in_doc)}"
    assert not in_doc - in_schema, f"keys in docs/plan-model.md missing from the schema: {sorted(in_doc - in_schema)}"


def test_every_key_kehoach_writes_is_in_the_schema():
    """The goldens are real outputs: a key they carry that the schema does not name is undocumented."""
    import yaml

    from .conftest import GOLDEN

    known = schema_key_paths(load_schema())
    written: set[str] = set()

    def walk(node, path: str) -> None:
        if isinstance(node, dict):
            for key, sub in node.items():
                here = f"{path}.{key}" if path else key
                written.add(here)
                # loc is described once; nested sections have the keys of sections[]
                walk(sub, {"loc": "loc", "children": "sections"}.get(key, here))
        elif isinstance(node, list):
            for sub in node:
                walk(sub, path + "[]")

    for f in sorted(GOLDEN.glob("*.yaml")) + sorted(GOLDEN.glob("real/*.yaml")):
        walk(yaml.safe_load(f.read_text(encoding="utf-8")), "")
    assert not written - known, f"keys written but not in the schema (add them there and to docs/plan-model.md): {sorted(written - known)}"


def test_schema_dates_are_format_date():
    assert load_schema()["$defs"]["date"]["format"] == "date"


def test_sections_numbered_by_kehoach_are_marked_and_valid():
    """Headings in capitals with no number are numbered I, II, … by kehoach: each such section says so
    (``inferred: true``), a key the schema and docs/plan-model.md name (it was written but not in the schema)."""
    from kehoach import extract_bytes
    from kehoach.validate import check_plan

    text = ("ỦY BAN NHÂN DÂN XÃ AN HÒA\nSố: 12/KH-UBND\nAn Hòa, ngày 3 tháng 3 năm 2026\nKẾ HOẠCH\nThử nghiệm\n\n"
            "MỤC ĐÍCH, YÊU CẦU\n\nNâng cao chất lượng phục vụ.\n\nNHIỆM VỤ CỤ THỂ\n\n"
            "Văn phòng HĐND và UBND xã chủ trì rà soát thủ tục, hoàn thành trước ngày 30/6/2026.\n\n"
            "TỔ CHỨC THỰC HIỆN\n\nCác đơn vị triển khai thực hiện.\n")
    plan = extract_bytes(text.encode("utf-8"), "plan.txt")
    assert [(s["id"], s.get("inferred")) for s in plan["sections"]] == [("I", True), ("II", True), ("III", True)]
    assert check_plan(plan) == []


def test_the_held_out_pages_readings_are_valid_plans():
    """The goldens hold few of the keys only some documents give: every held-out document's reading (of every
    kind and layout but the scans) is checked against the schema too."""
    from kehoach import extract_file
    from kehoach.errors import NoTextLayer
    from kehoach.validate import check_plan

    bad = {}
    for f in sorted((ROOT / "tests" / "heldout").glob("*.*")):
        try:
            problems = check_plan(extract_file(f))
        except NoTextLayer:  # (the scans: read by tests/test_heldout.py with OCR)
            continue
        if problems:
            bad[f.name] = problems[:3]
    assert bad == {}
