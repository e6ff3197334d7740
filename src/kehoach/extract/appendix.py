"""The appendices and every table: the back-reference to the plan, task tables, indicator tables."""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..parse.blocks import Block
from ..record import Record
from . import header as hd
from .dates import find_horizon, find_horizons, text_to_deadline
from .group_times import group_times
from .regions import APPENDIX_MARK, Regions, para
from .repealed import drop_repealed
from .sections import Section
from .table_header import PERIOD, YEAR, header_to_fields
from .table_heading import heading_lead, lead_from_heading
from .tables import TableContext, appendix_unread, running_order_table, table_to_tasks

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning


class Appendix(Record):
    """What the appendices and tables give the plan."""

    __slots__ = ("backref", "tasks", "table_targets", "claimed", "lines", "warnings")

    backref: dict | None
    """The appendix's reference to its plan ("(Kèm theo Kế hoạch số … ngày …)"), with its ``loc``."""
    tasks: list[dict]
    table_targets: list[tuple[dict, str | None]]
    """(target, section id) read from indicator tables."""
    claimed: set[int]
    lines: set[int]
    """Source lines placed by table rows."""
    warnings: list[PlanWarning]

    def __init__(
        self,
        backref: dict | None = None,
        tasks: list[dict] | None = None,
        table_targets: list[tuple[dict, str | None]] | None = None,
        claimed: set[int] | None = None,
        lines: set[int] | None = None,
        warnings: list[PlanWarning] | None = None,
    ) -> None:
        self.backref = backref
        self.tasks = [] if tasks is None else tasks
        self.table_targets = [] if table_targets is None else table_targets
        self.claimed = set() if claimed is None else claimed
        self.lines = set() if lines is None else lines
        self.warnings = [] if warnings is None else warnings


def read_appendix(blocks: list[Block], regions: Regions, roots: list[Section], taken: frozenset[int],
                  year: int | None) -> Appendix:
    """The back-reference and title lines after the signed part, and every table's rows as tasks
    (or, for a table of indicators, as targets; ``year``, the first year the plan is for, marks earlier
    year columns as baselines)."""
    out = Appendix()
    for i in range(regions.closing_at, len(blocks)):
        b = para(blocks, i)
        if b is None:
            continue
        if APPENDIX_MARK.match(b.text):
            out.claimed.add(i)
        ref = hd.parse_backref(b.text)
        if ref and out.backref is None and ("kèm theo" in b.text.lower() or i > regions.closing_at):
            out.backref = dict(ref, loc=b.loc.as_dict())
            out.claimed.add(i)
    for i in range(regions.closing_at, len(blocks)):
        b = para(blocks, i)
        if b is not None and i not in taken and i not in out.claimed and hd.is_upper_text(b.text):
            out.claimed.add(i)  # appendix titles ("PHÂN CÔNG NHIỆM VỤ …")
    tables = _read_tables(blocks, roots, year, out)
    if not out.tasks and regions.closing_at < len(blocks):
        from .appendix_paras import appendix_paragraph_tasks  # (an appendix of paragraphs is rare)

        tasks, held, lines, warnings = appendix_paragraph_tasks(blocks, regions.closing_at, out.claimed, tables)
        out.tasks.extend(tasks)
        out.claimed.update(held)
        out.lines.update(lines)
        out.warnings.extend(warnings)
    out.tasks, out.warnings = drop_repealed(out.tasks, out.warnings)  # an amending plan's "Nhiệm vụ bãi bỏ" rows
    out.warnings.extend(appendix_unread(blocks, out.tasks, regions.closing_at))
    return out


def _read_tables(blocks: list[Block], roots: list[Section], year: int | None, out: Appendix) -> int:
    """Read every table (see :func:`read_appendix`); the number of tables read."""
    section_of_table = {t: s.id for r in roots for s in r.walk() for t in s.tables}
    table_no = 0
    context = TableContext()  # a table a page break split into two blocks is read on
    title: list[str] = []  # the upper-case lines above the table (its title), a back-reference between
    unit = None  # the unit a line above the table gives all its figures ("Đơn vị: Triệu đồng")
    for i, b in enumerate(blocks):
        if b.kind != "table":
            p = para(blocks, i)
            if p is not None and context.index == i - 1 and _GROUP_HEADING.match(p.text) and len(p.text) <= 150:
                # "B. NHÓM NHIỆM VỤ …" between two tables: the group of the rows after it, when the table below
                # goes on with the same columns and no header of its own
                context.index, context.group, context.group_lead = i, p.text.strip(), None
            if p is not None and (m := _UNIT_NOTE.match(p.text)):
                unit = m["unit"]
            elif p is not None and hd.is_upper_text(p.text):
                title.append(p.text)
            elif p is None or not (hd.parse_backref(p.text) or p.text.strip().startswith("(")):
                title, unit = [], None
            continue
        heading = para(blocks, i - 1)
        for part in stacked_tables(b):
            table_no += 1
            _read_table(part, i, table_no, section_of_table.get(i), " ".join(title), context, year, out, unit,
                        heading_lead(heading.text) if heading is not None else None)
            title, unit = [], None
    return table_no


_UNIT_NOTE = rx.compile(r"^\(?\s*Đơn\s+vị(?:\s+tính)?\s*:\s*(?P<unit>(?:(?:triệu|tỷ|nghìn|ngàn)\s+)?(?:đồng|USD)"
                        r"|tấn|ha|người|km|%)\s*[.;)]?\s*\)?\s*$", rx.I)
"""A line over a table that gives the unit of all its figures ("Đơn vị: Triệu đồng.", "(Đơn vị tính: tỷ đồng)")."""


_GROUP_HEADING = rx.compile(r"^(?:[A-ZĐ]|[IVX]{1,5}|\d{1,2})[.)]\s+\S")
"""A group's heading between a task table and its continuation: a letter, roman or arabic number and its title."""


def _read_table(b: Block, i: int, table_no: int, section: str | None, title: str, context: TableContext,
                year: int | None, out: Appendix, unit: str | None = None, lead: str | None = None) -> None:
    """One table's rows as tasks (block ``i`` of the plan, under ``title``), or as targets when it is a
    table of indicators (``unit``: of its figures, when a line above it says and no column does; ``lead``: the
    agency the numbered heading right above it names)."""
    tasks, warnings = table_to_tasks(b, table_no, section, "appendix", context, i)
    if lead and not {"lead", "combined"} & set((context.fields or {}).values()):
        warnings = lead_from_heading(tasks, warnings, lead)
    warnings += group_times(tasks, context.fields or {}, table_no, b)
    warnings += _title_horizon(tasks, context.fields or {}, title, table_no, b, year)
    placed = bool(tasks) or running_order_table(b)
    if not placed:
        from .indicators import (  # (a table of figures is rare)
            is_indicator_table,
            shifted_rows,
            table_to_indicator_targets,
        )

        found = table_to_indicator_targets(b, year, unit)
        if found or is_indicator_table(b):  # (its year columns may all report years before the plan's)
            warnings = [w for w in warnings if w["code"] != "table-no-header"] + shifted_rows(b)
            out.table_targets.extend((t, section) for t in found)
            placed = True
    out.warnings.extend(warnings)
    for t in tasks:
        t.pop("_lines")
    out.tasks.extend(tasks)
    if placed:
        out.claimed.add(i)
        for row in b.rows:  # data rows, header rows, repeated headers, group rows
            out.lines.update(row.lines)


def _title_horizon(tasks: list[dict], fields: dict[int, str], title: str, table_no: int, block: Block,
                   year: int | None = None) -> list[PlanWarning]:
    """A table with no deadline column whose title ends with a time ("… đến năm 2030"): its rows take that time as
    their deadline, and a warning says so; when two rows or more give their own time in their words, a row that
    gives none has none. A time a row's words name that starts before the plan's first year (``year``) is one
    the task mentions, no deadline ("kỷ niệm … (15/10/1946 - 15/10/2026)", "văn bản ban hành trước năm 2020")."""
    if not tasks or any(f.startswith(("deadline", YEAR, PERIOD)) for f in fields.values()):
        return []
    own = [t for t in tasks if t["deadline"]["text"] and t["deadline"]["text"] in (t["title"] or "")]
    for t in own:
        first = t["deadline"]["start"] or t["deadline"]["end"]
        if year is not None and first is not None and int(first[:4]) < year - 1:
            t["deadline"] = text_to_deadline(None)
    horizon = find_horizon(title) if title else None
    if horizon is None or sum(bool(t["deadline"]["text"]) for t in own) >= min(2, len(tasks)):
        return []  # (a row that writes none has none)
    bare = [t for t in tasks if not t["deadline"]["text"]]  # (not one its group row or note gave: group_times)
    for task in bare:
        task["deadline"] = text_to_deadline(horizon)
    rows = f"{len(bare)} rows" if len(bare) == len(tasks) else f"{len(bare)} rows with no time of their own"
    return [warning("deadline-from-title", f"table {table_no} has no deadline column; its {rows} take {horizon!r}, "
                    "the time its title ends with", block.loc.as_dict())]


def stacked_tables(block: Block) -> list[Block]:
    """``block`` cut where a task table starts under a table of other figures with no gap a reader saw
    (the text of a printed page: "Các chỉ tiêu" over a table of indicators, then "Các nhiệm vụ" over the
    tasks): at the first header row naming a lead column, when rows of several cells and no such header
    stand above it; the one-cell row above it (the second table's title) goes with it."""
    rows = block.rows
    filled = 0
    for r, row in enumerate(rows):
        fields = header_to_fields(row.cells)
        if fields is not None and {"lead", "combined"} & set(fields.values()):
            if filled < 2:
                return [block]  # the table's own header (under a title row or two)
            cut = r - 1 if sum(bool(c) for c in rows[r - 1].cells) == 1 else r
            head = Block("table", "", block.loc, [n for row in rows[:cut] for n in row.lines], rows=rows[:cut])
            tail = Block("table", "", rows[cut].loc, [n for row in rows[cut:] for n in row.lines], rows=rows[cut:])
            return [head, tail]
        filled += sum(bool(c) for c in row.cells) > 1
    return [block]


def plan_first_year(issued: str | None, title: str) -> int | None:
    """The first year a plan's figures are set for: the year it was issued (``issued``, ISO), or the later
    first year its title names ("… năm 2026", "giai đoạn 2026 - 2030" in a plan issued in December 2025,
    whose "Năm 2025" column reports the year ending); None with no issue date.

    >>> plan_first_year("2025-12-26", "Công tác phổ cập giáo dục năm 2026"), plan_first_year("2026-03-01", "… đến năm 2030")
    (2026, 2026)
    """
    if not issued:
        return None
    year = int(issued[:4])
    named = next((h.first or h.last for h in find_horizons(title) if h.kind != "until"), None)
    return max(year, named) if named else year
