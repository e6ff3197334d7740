"""Indicator tables: "STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030" rows become targets.

A plan often lists its quantified goals as a table rather than as sentences: one row per
indicator, one column per target year. Each filled year cell is a target for that year. Columns
that report what was already achieved ("Thực hiện năm 2024", "Ước đạt", a year before the plan's
own) are baselines, not targets, and are passed over.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..parse.blocks import Block
from ..vn import ascii_fold
from ..vocab.dates import YEAR
from .numbers import text_to_number
from .targets import text_to_targets

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_INDICATOR = rx.compile(r"chi tieu|chi so|tieu chi|noi dung|linh vuc|ten chi tieu")
_UNIT = rx.compile(r"^(?:don vi tinh|dvt|don vi)\.?$")
_YEAR = rx.compile(rf"(?<!\d)({YEAR})(?:\s*[-–]\s*({YEAR}))?(?!\d)")
_ACHIEVED = rx.compile(r"thuc hien|uoc|hien trang|hien nay|hien hanh|co so|nam goc|da dat|ket qua|thuc te|so sanh|so voi")
_SYMBOLS = (("≥", " tối thiểu "), (">=", " tối thiểu "), ("≤", " tối đa "), ("<=", " tối đa "),
            (">", " trên "), ("<", " dưới "))
_MAX_HEADER_CELL = 60


def _text(cell: list[str]) -> str:
    return " ".join(p.strip() for p in cell if p.strip())


_ASIDE = rx.compile(r"^(?:trong do|bao gom|chia ra|cu the)\b")
"""A row that opens a list of parts without naming what they are of ("Trong đó:", "Chia ra:")."""
_ASIDE_HEAD = rx.compile(r"^(?:trong\s+đó|bao\s+gồm|chia\s+ra|cụ\s+thể)\s*:\s*(?=\S)", rx.I)
_ROW_NO = rx.compile(r"^\(?(?:[IVXLC]{1,5}|\d{1,3}(?:\.\d{1,2})*|[a-zđA-Z]|[-+•–])?[.)]?$")
"""What the first column of a numbered table holds: "I", "1", "1.2.", "(3)", "a)", a dash, or nothing."""


def _numbered(rows) -> bool:
    """Whether the first column numbers the rows ("I", "1", "1.2", "a", "-" or nothing on most rows)."""
    firsts = [_text(row.cells[0]) for row in rows if row.cells]
    return bool(firsts) and sum(1 for t in firsts if _ROW_NO.match(t)) >= 0.8 * len(firsts) and any(firsts)


_BULLET = rx.compile(r"^[-+•–]\s+")
"""The mark of a sub-indicator's row ("- Diện tích", "+ Trẻ mẫu giáo"): not part of its name."""


def _year_of_header(text: str) -> int | None:
    f = ascii_fold(text)
    if not f or len(f) > _MAX_HEADER_CELL or _ACHIEVED.search(f):
        return None
    found = list(_YEAR.finditer(f))
    if not found:
        return None
    last = found[-1]
    return int(last.group(2) or last.group(1))


_COLUMN_NUMBER = rx.compile(r"^(?:[A-Za-z]|\(?\d{1,2}\)?(?:\s*=\s*[\d()+\-*/x ]+)?)$")
"""A cell of the row that numbers a table's columns under its header: "1", "(3)", "A", "5=4/3"."""


def _column_numbers(row) -> bool:
    """Whether ``row`` only numbers the columns ("1 | 2 | 3 | 5=4/3"): not a row of figures."""
    filled = [t for c in row.cells if (t := _text(c))]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(t) for t in filled)


def _width(rows) -> int:
    """The number of cells most data rows have (0 when there are none)."""
    counts: dict[int, int] = {}
    for row in rows:
        if sum(1 for c in row.cells if _text(c)) >= 2:
            counts[len(row.cells)] = counts.get(len(row.cells), 0) + 1
    return max(counts, key=lambda n: (counts[n], n)) if counts else 0


def _year_cells(row) -> dict[int, int] | None:
    """{position among the filled cells: year} when every filled cell of a header row names one year."""
    filled = [_text(c) for c in row.cells if _text(c)]
    years = [_year_of_header(t) for t in filled]
    if not filled or any(y is None for y in years):
        return None
    return {i: y for i, y in enumerate(years) if y is not None}


def _year_run(row) -> list[int]:
    """The years of the filled cells that end a header row when cells before them name none ("Dự toán | 2025 | 2026")."""
    filled = [_text(c) for c in row.cells if _text(c)]
    run: list[int] = []
    for text in reversed(filled):
        if (year := _year_of_header(text)) is None:
            break
        run.insert(0, year)
    return run if 0 < len(run) < len(filled) else []


_RANGE = rx.compile(rf"{YEAR}\s*[-–]\s*{YEAR}")


def _layout(rows) -> tuple[int, int | None, dict[int, int], int, tuple[int, list[int]] | None] | None:
    """(indicator column, unit column, {column: year}, first data row, shifted) or None.

    A header cell that spans several columns ("Năm 2024" over "Kế hoạch | Ước thực hiện", "Giai đoạn
    2027-2029" over one column a year) leaves the header row shorter than the rows of figures: the
    columns after the span are counted from the right, and a span of years takes the years of the row
    under it. ``shifted`` is (how far the year columns moved, the header cells that may span) when they moved."""
    for r, row in enumerate(rows[:3]):
        folded = [ascii_fold(_text(c)) for c in row.cells]
        ind = next((i for i, f in enumerate(folded) if f and len(f) <= _MAX_HEADER_CELL and _INDICATOR.search(f)), None)
        if ind is None:
            continue
        unit = next((i for i, f in enumerate(folded) if _UNIT.match(f)), None)
        years = {i: y for i, c in enumerate(row.cells) if i not in (ind, unit) and (y := _year_of_header(_text(c)))}
        start = r + 1
        below = rows[start] if start < len(rows) else None
        width = _width(rows[start:])
        sub = _year_cells(below) if below is not None else None
        spans = [i for i in years if _RANGE.search(folded[i])]
        ranged_below = below is not None and any(_RANGE.search(ascii_fold(_text(c))) for c in below.cells)
        if sub and len(spans) == 1 and width and not ranged_below:  # "Giai đoạn 2027-2029" over "2027 | … | 2029"
            after = len(row.cells) - 1 - spans[0]  # single columns right of the span
            first = width - after - len(sub)
            return ind, unit, {first + k: y for k, y in sub.items()}, start + 1, None
        if not years and sub is not None and below is not None:  # "Mục tiêu" over "2025 | 2030" on the next row
            filled = [i for i, c in enumerate(below.cells) if _text(c)]
            shift = width - len(below.cells) if width > len(below.cells) else 0
            years, start = {i + shift: sub[k] for k, i in enumerate(filled)}, start + 1
        elif not years and below is not None and width and (run := _year_run(below)):
            # "Năm 2024 | Dự kiến 2 năm" over "Dự toán | Ước thực hiện | 2025 | 2026": the years end the rows
            years, start = {width - len(run) + k: y for k, y in enumerate(run)}, start + 1
        elif years and width > len(row.cells):  # a header cell spans columns: count from the right
            shift = width - len(row.cells)
            spannable = [i for i, f in enumerate(folded) if f and i > ind and i != unit]
            years = {i + shift: y for i, y in years.items()}
            return ind, unit, years, start, (shift, spannable)
        if years:
            return ind, unit, years, start, None
        return None
    return None


_SPAN_DOUBT = "the header row has fewer cells than the rows of figures; its year columns were counted from the right"


def is_indicator_table(block: Block) -> bool:
    """Whether ``block`` is a table of indicators, one row per indicator and a column per year."""
    return _layout(block.rows) is not None


def table_to_indicator_targets(block: Block, plan_year: int | None = None, unit: str | None = None) -> list[dict]:
    """Targets from an indicator table, each with the ``loc`` of its row; [] when the table is not one.

    ``plan_year`` (the first year the plan is for: see :func:`.appendix.plan_first_year`) marks earlier year
    columns as baselines; ``unit`` is the unit of every figure when the table has no unit column (a line above it
    says: "Đơn vị: Triệu đồng").
    """
    layout = _layout(block.rows)
    if layout is None:
        return []
    note_unit = unit or ""
    ind_col, unit_col, years, start, shifted = layout
    if plan_year is not None:
        years = {i: y for i, y in years.items() if y >= plan_year}
    doubt = None
    if shifted and years and not any(i < min(years) - shifted[0] for i in shifted[1]):
        doubt = _SPAN_DOUBT  # no header cell before the year columns that could be the one that spans
    out: list[dict] = []
    for row, indicator, row_unit in _named_rows(block.rows[start:], ind_col, unit_col):
        unit = row_unit if unit_col is not None else _note_unit(indicator, note_unit)
        cells = row.cells
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
                if doubt:
                    t["doubt"] = doubt
                out.append(t)
    return out


_RATE = rx.compile(r"(?:^|\s-\s)(?:tỷ\s+lệ|tốc\s+độ|tỷ\s+trọng|chỉ\s+số|hệ\s+số)\b|\(\s*%\s*\)\s*$", rx.I)
"""A row that names a rate or a share ("Tỷ lệ dư nợ … (%)", "… - Tốc độ tăng thu"), whose figure is no amount."""


def _note_unit(indicator: str, unit: str) -> str:
    """The unit a line above the table gives its figures, for a row of amounts: "%" for a row whose name ends with it,
    none for another rate (its unit is not the amounts')."""
    if not unit or not _RATE.search(indicator):
        return unit
    return "%" if rx.search(r"\(\s*%\s*\)\s*$", indicator) else ""


def _named_rows(rows, ind_col: int, unit_col: int | None):
    """(row, indicator, unit) for each row of figures; a part ("- Diện tích", an unnumbered "Tốc độ tăng trưởng"
    under a numbered row) is named with the row it is part of ("Cây bơ - Diện tích")."""
    rows = [row for row in rows if not _column_numbers(row)]
    numbered = ind_col > 0 and _numbered(rows)
    parent = None
    for row in rows:
        cells = row.cells
        written = _ASIDE_HEAD.sub("", _text(cells[ind_col])) if ind_col < len(cells) else ""
        indicator = _BULLET.sub("", written).rstrip(" :")
        unit = _text(cells[unit_col]) if unit_col is not None and unit_col < len(cells) else ""
        no = _text(cells[0]) if numbered else ""
        if not rx.search(r"\p{L}", indicator) or (numbered and not _ROW_NO.match(no)):
            continue  # no name; a header's second row ("Dự toán | Ước thực hiện") in a numbered table
        bullet = _BULLET.match(no + " ") is not None
        dashed = indicator != written.rstrip(" :") or bullet
        part = (dashed or (numbered and not no)) and (not no or bullet)  # "2 | - Thương mại" is no part
        if not any(_text(c) for k, c in enumerate(cells) if k > ind_col and k != unit_col):
            # "1 | Cây bơ" heads its parts; "Trong đó:" names none; a dash row is a part (its figures lost)
            if not dashed:
                parent = None if _ASIDE.match(ascii_fold(indicator)) else indicator
            continue
        if not part:
            parent = indicator
        yield row, (f"{parent} - {indicator}" if part and parent else indicator), unit


_WORDS = rx.compile(r"\p{L}{2,}")


def shifted_rows(block: Block) -> list[PlanWarning]:
    """Rows of an indicator table with no name in the name column and words under a year ("20.330 | 20.954 | … |
    - Số học sinh | Người"): its cells stand off their columns (a scrape that lost or added an empty cell), so its
    figures were not read; warned table-row-shifted on the row, never passed over silently."""
    layout = _layout(block.rows)
    if layout is None:
        return []
    ind_col, _unit_col, years, start, _shifted = layout
    out: list[PlanWarning] = []
    for row in block.rows[start:]:
        cells = row.cells
        if ind_col < len(cells) and rx.search(r"\p{L}", _text(cells[ind_col])):
            continue
        words = next((_text(cells[k]) for k in sorted(years) if k < len(cells) and len(_WORDS.findall(_text(cells[k]))) >= 2), None)
        if words is not None:
            out.append(warning("table-row-shifted", f"an indicator table's row has no name in its name column and words "
                               f"under a year ({words[:40]!r}): its cells stand off their columns; its figures were not read",
                               row.loc.as_dict()))
    return out
