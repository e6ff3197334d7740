"""Round trip: random responsibility tables written in every layout come back row for row.

CI runs a fixed set of examples per layout (hypothesis, derandomized); set KEHOACH_ROUNDTRIP=N to
draw N examples per layout locally, and run ``python scripts/roundtrip.py`` for the per-layout
share of rows that come back (the README's figures). The PDF layouts print the Word rendition
with LibreOffice (ruled and borderless tables, wrapped cells, page breaks); without LibreOffice
they are skipped with a message.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.tablegen import (
    LAYOUTS,
    NOT_ABOUT_TABLES,
    PDF_LAYOUTS,
    PRINTED_TEXT,
    expected,
    roundtrip,
    roundtrips,
    soffice,
)

EXAMPLES = int(os.environ.get("KEHOACH_ROUNDTRIP", "8"))
GOAL = 0.99


@pytest.mark.parametrize("layout", LAYOUTS)
def test_fixed_seeds_come_back_whole(layout):
    """A fixed handful of tables per layout, every row right; a printed borderless table (where a
    cell merged over rows and centred can sit between them) may instead be warned about."""
    _needs_libreoffice(layout)
    seeds = [1, 2, 3, 5, 8, 13]
    for seed, (table, plan, ok) in zip(seeds, roundtrips(seeds, layout), strict=True):
        flagged = layout == "pdfb" and _about_table(plan)
        ok = _or_carried(table, plan, ok)
        bad = [w["no"] for w, good in zip(expected(table), ok, strict=True) if not good]
        assert not [no for no in bad if (layout, seed, no) not in CARRIED_PART] or flagged, (seed, layout, bad)


CARRIED_PART = {("flat", 8, "2.1"), ("aligned", 8, "2.1")}
"""Known, warned: a support carried down from a row whose cell names two agencies on two lines keeps the first only
(warned table-carried-down at the row; extract/table_spans.py copies the cell as the reader split it)."""


PRINTED_FAMILIES = {
    52: "a header repeated on a page whose first cells fill their column up to the next one",
    53: "header cells centred and wrapped, no line level with every cell",
    60: "a lead merged over two rows printed between them",
    62: "a header of wrapped cells only",
    92: "a tight header",
    197: "a gutter narrowed by a cell filled to its width",
    54: "a cell's paragraphs set apart as far as rows are, above the row's number",
    75: "a lead merged over two rows, printed between them, under a group row",
    138: "a title's last line '2030' at the page's foot (not a page number)",
    111: "a lead merged over two rows bridging their bands (centred cells)",
    143: "marked letters setting words of one line lower ('Văn phòng Ủy ban')",
    195: "'- Phối hợp: Sở Tư pháp' printed with its words at two heights",
    124: "a two-row header repeated on the next page above a cut row's last line",
    175: "a short word ('an') whose box sits lower than its line's accented words ('Công … tỉnh')",
}


def test_printed_borderless_families():
    """Printed borderless tables of the families that once came back wrong: every row right."""
    _needs_libreoffice("pdfb")
    seeds = sorted(PRINTED_FAMILIES)
    for seed, (table, _plan, ok) in zip(seeds, roundtrips(seeds, "pdfb"), strict=True):
        assert all(ok), (seed, PRINTED_FAMILIES[seed], [r for r, good in zip(table.rows, ok, strict=False) if not good])


NARROW_FAMILIES = {
    4: "a year range a character left of its column, under a row '3.1' (no heading); '30/6/202' over '6'",
    40: "a row's line holding header words ('… phối hợp …') one space from the next cell (no new table)",
    129: "'Quý IV/20' over '25' in a narrow deadline column",
    444: "header cells one space apart, 'Số Nhiệm vụ, giải pháp' ('Số' over 'TT'), over rows of two cells there",
    644: "'Cơ quan thực hiện' over the header line, 'Chủ trì | Phối hợp' under it between two of its cells",
    898: "a header line of two runs, 'STT Tên nhiệm vụ' one space apart",
    5: "a header centred over three lines: 'Cơ quan thực hiện' / 'TT  Nhiệm vụ' / 'Chủ trì  Phối hợp' (no table read)",
    146: "a header centred over three lines: 'Thời gian' / 'STT  Nhiệm vụ' / 'thực hiện' (no table read)",
    559: "such a header repeated on page 2, the next row's title above its number (read as rows, a deadline lost)",
    404: "a deadline two characters left of its column, one space after the title (read as a group row)",
    1: "a narrow table that came back whole before",
    19: "a narrow table that came back whole before",
}


def test_printed_narrow_families():
    """Narrow printed tables turned back into text by `pdftotext -layout` (scripts/roundtrip.py
    --layout=pdftext measures the share) of the families that once came back wrong: every row right."""
    _needs_libreoffice(PRINTED_TEXT)
    seeds = sorted(NARROW_FAMILIES)
    for seed, (table, plan, ok) in zip(seeds, roundtrips(seeds, PRINTED_TEXT), strict=True):
        ok = _or_carried(table, plan, ok)
        assert all(ok), (seed, NARROW_FAMILIES[seed], [r for r, good in zip(table.rows, ok, strict=False) if not good])


@pytest.mark.parametrize("layout, seed", [("scrape", 45), ("scrape", 233), ("scrape", 290), ("tab", 164)])
def test_text_families(layout, seed):
    """Text layouts that once came back wrong: in "|"-line scrapes, a lead merged down (its cell
    left out) beside an agency that fits the support column as well (45), a date that must not fit
    the support column (233), a two-row header repeated after a group row with empty cells (290);
    in tab text under an agency group row, a title wrapped before "- 2030" (164)."""
    table, _plan, ok = roundtrip(seed, layout)
    assert all(ok), [r for r, good in zip(table.rows, ok, strict=False) if not good]


def _or_carried(table, plan: dict, ok: list[bool]) -> list[bool]:
    """``ok``, a wrong row also passing when it is a support or deadline cell left empty under a filled one that
    the reader took as a merged cell, warned ``table-carried-down`` at the row with the other reading ("it could
    instead be none"): a text export cannot tell such a cell from a merged one (extract/table_spans.py), and the
    generated tables leave supports and deadlines empty under filled ones. Number, title and lead must be right,
    and a wrong support or deadline must be exactly the nearest filled one's above it."""
    from kehoach.extract.agencies import canonical_agency

    carried = {w["loc"]["line"] for w in plan["warnings"] if w["code"] == "table-carried-down" and w["loc"]
               and "could instead be none" in w["message"]}
    got = [t for t in plan["tasks"] if t["source"] == "appendix"]
    wants = expected(table)
    out = list(ok)
    for k, (want, good) in enumerate(zip(wants, ok, strict=True)):
        t = next((t for t in got if (t["no"], t["title"]) == (want["no"], want["title"])), None)
        if good or t is None or k == 0 or t["loc"]["line"] not in carried or \
                t["lead"] != [canonical_agency(a) for a in want["lead"]]:
            continue
        above = {f: next((w[f] for w in reversed(wants[:k]) if w[f]), None) for f in ("support", "deadline")}
        support_ok = t["support"] == [canonical_agency(a) for a in want["support"]] or (
            not want["support"] and t["support"] == [canonical_agency(a) for a in above["support"] or []])
        deadline_ok = (t["deadline"]["text"] or None) == want["deadline"] or (
            not want["deadline"] and (t["deadline"]["text"] or None) == above["deadline"])
        out[k] = support_ok and deadline_ok
    return out


def _about_table(plan: dict) -> list[dict]:
    return [w for w in plan["warnings"] if w["code"] not in NOT_ABOUT_TABLES]


def _needs_libreoffice(layout: str) -> None:
    if layout in (*PDF_LAYOUTS, PRINTED_TEXT) and soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF round trip prints with it "
                    "(apt-get install libreoffice-writer-nogui)")


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_random_tables_round_trip(layout, seed):
    """Drawn tables: at least 99% of their rows come back; a row that does not is warned about
    (the table is not silently wrong)."""
    _needs_libreoffice(layout)
    table, plan, ok = roundtrip(seed, layout)
    if all(ok):
        return
    assert sum(ok) >= GOAL * len(ok) or _about_table(plan), (seed, layout)
