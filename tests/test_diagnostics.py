"""The warning registry: the README's table and the emitted codes cannot drift apart."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kehoach.diagnostics import CODES, warning

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "kehoach"


def _readme_tables():
    return load_script("readme_tables")


def test_readme_table_is_the_registry():
    mod = _readme_tables()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert mod.render(text) == text, "run python scripts/readme_tables.py"
    for code in CODES:
        assert f"| `{code}` |" in text


def _literal_codes() -> set[str]:
    """Every string literal passed as the first argument of warning(...)/warn(...) anywhere in src."""
    found = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                fn = node.func
                name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
                if name in ("warning", "warn", "_warn") and isinstance(node.args[0], ast.Constant) \
                        and isinstance(node.args[0].value, str):
                    found.add(node.args[0].value)
    return found


def test_every_code_in_src_is_registered():
    assert _literal_codes() <= set(CODES)


def test_no_warning_dict_literals_outside_the_registry():
    for path in SRC.rglob("*.py"):
        if path.name == "diagnostics.py":
            continue
        assert '{"code":' not in path.read_text(encoding="utf-8"), f"{path}: build warnings with diagnostics.warning"


def test_unregistered_code_is_refused():
    with pytest.raises(ValueError):
        warning("no-such-code", "x")
    assert warning("date-missing", "m") == {"code": "date-missing", "message": "m", "loc": None}
