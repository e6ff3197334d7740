"""The vocabulary modules: every word has its example in a case table, and the examples hold."""

from __future__ import annotations

import pytest

from kehoach import rx
from kehoach.vocab.agencies import (
    BODY_WORDS,
    GENERIC_GROUP_NOUNS,
    GROUP_NOUNS,
    HEAD_WORDS,
    starts_agency,
)
from tests.conftest import load_cases

HEAD_CASES = load_cases("agency_heads.yaml")


@pytest.mark.parametrize("case", HEAD_CASES, ids=lambda c: c["in"])
def test_agency_head(case):
    assert starts_agency(case["in"]) is case["agency"]


@pytest.mark.parametrize("word", HEAD_WORDS)
def test_every_head_word_has_an_example(word):
    pattern = rx.compile(rf"^{word}(?!\p{{Ll}})")
    assert any(c["agency"] and pattern.match(c["in"]) for c in HEAD_CASES), f"add an example of {word!r} to agency_heads.yaml"


def test_recurrence_words_are_folded():
    """Deadline text is folded before these are tried: a word with a tone mark ("hàng quý") could never match."""
    from kehoach.vocab.dates import RECURRENCE_WORDS

    assert [p for p, _ in RECURRENCE_WORDS if not p.isascii()] == []


@pytest.mark.parametrize("text, year", [("Giai đoạn 2021 - 2025", "2021 - 2025"), ("năm 1998", "1998")])
def test_year_fragments(text, year):
    from kehoach.vocab.dates import YEAR, YEAR_SPAN

    assert rx.search(YEAR_SPAN if "-" in year else YEAR, text).group(0) == year


PART_CASES = load_cases("document_parts.yaml")


@pytest.mark.parametrize("case", PART_CASES, ids=lambda c: f"{c['part']}:{c['in']}")
def test_document_part(case):
    from kehoach.vocab import document_parts

    assert bool(rx.match(getattr(document_parts, case["part"]), case["in"])) is case["match"]


def test_every_document_part_has_examples():
    """Each fragment has a line it matches and one it must not."""
    from kehoach.vocab import document_parts

    names = [n for n in vars(document_parts) if n.isupper() and isinstance(getattr(document_parts, n), str)]
    for name in names:
        if name == "CAPACITY_CODES":
            continue
        seen = {c["match"] for c in PART_CASES if c["part"] == name}
        assert seen == {True, False}, f"add a matching and a non-matching example of {name} to document_parts.yaml"


LEAD_CASES = load_cases("lead_names.yaml")


@pytest.mark.parametrize("word", BODY_WORDS + GROUP_NOUNS + GENERIC_GROUP_NOUNS)
def test_every_lead_word_has_an_example(word):
    """Each word of the lead grammar (extract/agencies.names_a_body) is shown by a case that must read as a name."""
    pattern = rx.compile(rf"(?i:^(?:(?:các|trưởng|chủ tịch)\s+)?(?:{word})(?!\p{{L}}))")
    assert any(c["name"] and pattern.match(c["in"]) for c in LEAD_CASES), f"add an example of {word!r} to lead_names.yaml"
