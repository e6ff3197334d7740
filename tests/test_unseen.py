"""Plans written in layouts the rules were not written from (tests/unseen/, made by
scripts/make_unseen.py): every rendition of each is scored against its held-out answer key, and
no value may be wrong without a warning near it. A rendition the tool cannot read (a table flattened
to one cell a line) may miss values, but must say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
score = load_script("score_heldout")
CASES = [(key, name) for key in score.load_keys() for name in key.get("renditions") or []]


def test_renditions_exist():
    assert CASES
    for _, name in CASES:
        assert (ROOT / "tests" / "unseen" / name).is_file(), name


@pytest.mark.parametrize("key,name", CASES, ids=[name for _, name in CASES])
def test_rendition_is_never_silently_wrong(key, name):
    result = score.score_document(key, ROOT / "tests" / "unseen" / name)
    assert result["crash"] is None
    silent = [e for e in result["errors"] if e["silent"]]
    assert silent == []


def test_a_table_partly_read_says_where_its_rows_were_lost():
    """pdftotext -layout of a narrow table over pages: the first page's rows are not read, the next page's
    are; the header left as text on the first page is warned about although other rows gave tasks."""
    from kehoach import extract_file

    plan = extract_file(str(ROOT / "tests" / "unseen" / "u07-tinh-bang-qua-trang-layout.txt"))
    assert 0 < sum(t["source"] == "appendix" for t in plan["tasks"]) < 10
    unread = [w for w in plan["warnings"] if w["code"] == "appendix-unread"]
    assert unread and "not read as tasks" in unread[0]["message"] and unread[0]["loc"]["line"]
