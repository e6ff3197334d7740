"""What a copy or a converter changes without changing the document — Windows line ends, a byte
order mark, spaces at the ends of lines, no-break spaces between words, an extra blank line between
paragraphs — changes nothing kehoach reads, in every real plan and text sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach import extract_bytes

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted([*(ROOT / "tests" / "real").glob("r*.md"), *(ROOT / "samples").glob("*.md"),
                    *(ROOT / "samples").glob("*.txt")])
VARIANTS = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "bom": lambda t: "\ufeff" + t,
    "trailing-spaces": lambda t: "\n".join(line + "  " for line in t.split("\n")),
    "no-break-spaces": lambda t: t.replace(" ", "\u00a0", 300),
    "blank-lines": lambda t: t.replace("\n\n", "\n\n\n"),
}


def _reading(text: str, name: str) -> tuple:
    plan = extract_bytes(text.encode("utf-8"), name)
    tasks = [(t["id"], t["title"], t["lead"], t.get("support"), t.get("deadline")) for t in plan["tasks"]]
    doc = plan["document"]
    return doc["is_plan"], doc["number"], doc["date"], doc["title"], tasks, len(plan["targets"])


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_documents_reading_survives_what_copies_change(path):
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    base = _reading(text, path.name)
    for name, change in VARIANTS.items():
        assert _reading(change(text), path.name) == base, name
