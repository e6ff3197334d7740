"""The preamble, the section tree, the closing paragraphs and the footnotes, each from its region."""

from __future__ import annotations

from ..parse.blocks import Block
from ..record import FrozenRecord
from . import header as hd
from .regions import Regions, para
from .sections import Section, blocks_to_sections

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning


class Placed(FrozenRecord):
    """Entries an extractor read ({"text", "loc"} or richer) and the blocks they came from."""

    __slots__ = ("entries", "claimed")

    entries: list[dict]
    claimed: frozenset[int]

    def __init__(self, entries: list[dict], claimed: frozenset[int]) -> None:
        self.entries = entries
        self.claimed = claimed


def read_preamble(blocks: list[Block], regions: Regions, taken: frozenset[int]) -> tuple[Placed, list[dict]]:
    """Paragraphs between the title and the first section, and the legal bases they cite
    (a decision's own paragraphs only, when it issues a plan)."""
    stop = regions.first_section if regions.first_section is not None else regions.closing_at
    ranges = [range(regions.body_from, stop)]
    if regions.plan_front is not None:
        ranges = [range(regions.body_from, min(stop, regions.plan_front)), range(regions.plan_from, stop)]
    entries, claimed, bases = [], set(), []
    for k, rng in enumerate(ranges):
        for i in rng:
            b = para(blocks, i)
            if b is None or i in taken or i in claimed:
                continue
            entries.append({"text": b.text, "loc": b.loc.as_dict()})
            claimed.add(i)
            if k == 0 and hd.BASIS_START.match(b.text):
                bases.extend(hd.text_to_bases(b.text))
    return Placed(entries, frozenset(claimed)), bases


def unique_bases(bases: list[dict], title: str | None) -> list[dict]:
    """Each cited document once (the entry with a date wins); none cited: those the title names."""
    unique: dict[str, dict] = {}
    for base in bases:
        key = base["number"] or base["text"]
        if key not in unique or (base["date"] and not unique[key]["date"]):
            unique[key] = base
    if unique or not title:
        return list(unique.values())
    return [dict(base, from_title=True) for base in hd.text_to_bases(title)]


def read_sections(blocks: list[Block], regions: Regions) -> tuple[list[Section], frozenset[int], list[PlanWarning]]:
    """The section tree of the body; the paragraphs it placed; its warnings."""
    if regions.first_section is None:
        return [], frozenset(), []
    body = [(i, blocks[i]) for i in range(regions.first_section, regions.body_end)]
    roots, placed_lines, warnings, _loose = blocks_to_sections(body)
    placed = set(placed_lines)
    return roots, frozenset(i for i, b in body if b.kind == "para" and placed.intersection(b.lines)), warnings


def read_closing_paragraphs(blocks: list[Block], regions: Regions, taken: frozenset[int]) -> Placed:
    """The paragraphs after the body and before the signed part ("Trên đây là …")."""
    entries, claimed = [], set()
    for i in range(regions.body_end, regions.closing_at):
        b = para(blocks, i)
        if b is not None and i not in taken:
            entries.append({"text": b.text, "loc": b.loc.as_dict()})
            claimed.add(i)
    return Placed(entries, frozenset(claimed))


def read_footnotes(blocks: list[Block]) -> Placed:
    """Footnotes, wherever the reader put them."""
    found = [(i, b) for i, b in enumerate(blocks) if b.kind == "footnote"]
    return Placed([{"mark": b.mark, "text": b.text, "loc": b.loc.as_dict()} for _, b in found],
                  frozenset(i for i, _ in found))
