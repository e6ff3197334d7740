"""Indicator tables: "STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030" rows become targets.

A plan often lists its quantified goals as a table rather than as sentences: one row per
indicator, one column per target year. Each filled year cell is a target for that year. Columns
that report what was already achieved ("Thực hiện năm 2024", "Ước đạt", a year before the plan's
own) are baselines, not targets, and are passed over.
"""

from __future__ import annotations

from .. import rx
from ..parse.blocks import Block
from ..vn import ascii_fold
from ..vocab.dates import YEAR
from .numbers import text_to_number
from .targets import text_to_targets

_INDICATOR = rx.compile(r"chi tieu|chi so|tieu chi|noi dung|linh vuc|ten chi tieu")
_UNIT = rx.compile(r"^(?:don vi tinh|dvt|don vi)\.?$")
_YEAR = rx.compile(rf"(?<!\d)({YEAR})(?:\s*[-–]\s*({YEAR}))?(?!\d)")
_ACHIEVED = rx.compile(r"thuc hien|uoc|hien trang|hien nay|co so|nam goc|da dat|ket qua|thuc te")
_SYMBOLS = (("≥", " tối thiểu "), (">=", " tối thiểu "), ("≤", " tối đa "), ("<=", " tối đa "),
            (">", " trên "), ("<", " dưới "))
_MAX_HEADER_CELL = 60


def _text(cell: list[str]) -> str:
    return " ".join(p.strip() for p in cell if p.strip())


def _year_of_header(text: str) -> int | None:
    f = ascii_fold(text)
    if not f or len(f) > _MAX_HEADER_CELL or _ACHIEVED.search(f):
        return None
    found = list(_YEAR.finditer(f))
    if not found:
        return None
    last = found[-1]
    return int(last.group(2) or last.group(1))


def _layout(rows) -> tuple[int, int | None, dict[int, int], int] | None:
    """(indicator column, unit column, {column: year}, first data row) or None."""
    for r, row in enumerate(rows[:3]):
        folded = [ascii_fold(_text(c)) for c in row.cells]
        ind = next((i for i, f in enumerate(folded) if f and len(f) <= _MAX_HEADER_CELL and _INDICATOR.search(f)), None)
        if ind is None:
            continue
        unit = next((i for i, f in enumerate(folded) if _UNIT.match(f)), None)
        years = {i: y for i, c in enumerate(row.cells) if i not in (ind, unit) and (y := _year_of_header(_text(c)))}
        start = r + 1
        if not years and start < len(rows):  # "Mục tiêu" over "2025 | 2030" on the next row
            below = rows[start].cells
            filled = [i for i, c in enumerate(below) if _text(c)]
            sub = {i: y for i in filled if (y := _year_of_header(_text(below[i])))}
            if filled and len(sub) == len(filled):
                years, start = sub, start + 1
        if years:
            return ind, unit, years, start
        return None
    return None


def is_indicator_table(block: Block) -> bool:
    """Whether ``block`` is a table of indicators, one row per indicator and a column per year."""
    return _layout(block.rows) is not None


def table_to_indicator_targets(block: Block, plan_year: int | None = None) -> list[dict]:
    """Targets from an indicator table, each with the ``loc`` of its row; [] when the table is not one.

    ``plan_year`` (the first year the plan is for: see :func:`.appendix.plan_first_year`) marks earlier year
    columns as baselines.
    """
    layout = _layout(block.rows)
    if layout is None:
        return []
    ind_col, unit_col, years, start = layout
    if plan_year is not None:
        years = {i: y for i, y in years.items() if y >= plan_year}
    out: list[dict] = []
    for row in block.rows[start:]:
        cells = row.cells
        indicator = _text(cells[ind_col]) if ind_col < len(cells) else ""
        unit = _text(cells[unit_col]) if unit_col is not None and unit_col < len(cells) else ""
        if not indicator:
            continue
        for col, year in years.items():
            value = _text(cells[col]) if col < len(cells) else ""
            if not value or not rx.search(r"\d", value):
                continue
            phrase = value
            for sym, words in _SYMBOLS:
                phrase = phrase.replace(sym, words)
            # the grammar of goal sentences reads the cell: "đạt ≥ 80 %" -> ge 80 %
            unit_words = unit.lower() if unit and not rx.search(r"\d", unit) else ""
            found = text_to_targets(f"đạt {' '.join(phrase.split())} {unit_words}".strip(), year,
                                    fallback_indicator=indicator)
            if not found and (number := text_to_number(value.strip())) is not None:
                found = [{"comparator": "eq", "value": number, "value_max": None, "unit": unit or None, "direction": None}]
            for t in found[:1]:
                t["indicator"] = indicator
                t["year"] = year
                t["text"] = f"{indicator}: {value} {unit}".strip() + f" ({year})"
                t["loc"] = row.loc.as_dict()
                out.append(t)
    return out
