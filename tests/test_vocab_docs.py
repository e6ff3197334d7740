"""The pages that tell a newcomer where a word lives name files that exist, and every vocabulary
module is named there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "docs" / "vocabulary.md", ROOT / "README.md"]


def _paths(text: str) -> set[str]:
    return set(re.findall(r"`((?:src/kehoach/|tests/)?(?:vocab|extract|tests/cases)/[\w/]+\.(?:py|yaml))`", text)
               + re.findall(r"`(tests/[\w/]+\.(?:py|yaml))`", text))


def _exists(path: str) -> bool:
    return any((base / path).exists() for base in (ROOT, ROOT / "src" / "kehoach"))


def test_named_files_exist():
    missing = [(page.name, p) for page in PAGES for p in sorted(_paths(page.read_text(encoding="utf-8"))) if not _exists(p)]
    assert missing == []


def test_every_vocabulary_module_is_documented():
    text = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    modules = sorted(p.name for p in (ROOT / "src" / "kehoach" / "vocab").glob("*.py") if p.name != "__init__.py")
    assert [m for m in modules if f"vocab/{m}" not in text] == []
