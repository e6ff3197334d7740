"""The README's promises about errors, overwrites, permissions and limits each have a test:
docs/promises.md maps phrases quoted from the README to the tests that hold them, and this module
keeps the map and the README from drifting apart (see the top of docs/promises.md)."""

from __future__ import annotations

import ast
import re
from functools import lru_cache

import pytest

from .conftest import ROOT

README = ROOT / "README.md"
PROMISES = ROOT / "docs" / "promises.md"
PROMISE_WORDS = re.compile(r"overwrit|atomic|permission|umask|refus|\blimits?\b|--max-size|--timeout|--memory-limit|"
                           r"budget|traceback|one line|killed|read-only|never change|clamp|escape|\bexit [012]\b|"
                           r"\bwaits\b", re.I)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def entries() -> tuple[list[tuple[str, list[str]]], list[str]]:
    """(phrase, tests) for each promise, and the phrases marked as not such promises."""
    text = PROMISES.read_text(encoding="utf-8")
    head, _, tail = text.partition("\n## Not promises")
    promises: list[tuple[str, list[str]]] = []
    for line in head.splitlines():
        if line.startswith("> "):
            promises.append((_flat(line[2:]), []))
        elif line.startswith("- tests/") and promises:
            promises[-1][1].append(line[2:].strip())
    others = [_flat(line[2:]) for line in tail.splitlines() if line.startswith("> ")]
    return promises, others


@lru_cache(maxsize=1)
def readme_sentences() -> list[str]:
    text = re.sub(r"```.*?```", "", README.read_text(encoding="utf-8"), flags=re.S)
    out = []
    for para in re.split(r"\n\s*\n", text):
        out += re.split(r"(?<=[.;:])\s+(?=[A-Z`(-]|\| )", _flat(para))
    return out


def test_the_map_is_not_empty():
    promises, _ = entries()
    assert len(promises) >= 30 and all(tests for _, tests in promises)


def test_every_phrase_is_in_the_readme():
    readme = _flat(re.sub(r"```.*?```", "", README.read_text(encoding="utf-8"), flags=re.S))
    promises, others = entries()
    missing = [p for p in [p for p, _ in promises] + others if p not in readme]
    assert not missing, f"README no longer says these (update docs/promises.md): {missing}"


def _defined(path: str) -> set[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}


def test_every_test_named_exists():
    promises, _ = entries()
    gone = []
    for _, tests in promises:
        for test in tests:
            path, _, name = test.partition("::")
            if not (ROOT / path).is_file() or name not in _defined(path):
                gone.append(test)
    assert not gone, f"docs/promises.md names tests that do not exist: {gone}"


@pytest.mark.parametrize("sentence", [s for s in readme_sentences() if PROMISE_WORDS.search(s)], ids=lambda s: s[:50])
def test_every_promise_sentence_has_an_entry(sentence):
    promises, others = entries()
    phrases = [p for p, _ in promises] + others
    assert any(p in sentence or sentence in p for p in phrases), (
        f"README sentence with no entry in docs/promises.md (quote its promise there with the test that holds it, "
        f"or list it as not such a promise): {sentence}")
