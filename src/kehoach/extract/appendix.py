"""The appendices and every table: the back-reference to the plan, task tables, indicator tables."""

from __future__ import annotations

from ..diagnostics import warning
from ..parse.blocks import Block
from ..record import Record
from . import header as hd
from .dates import find_horizon, text_to_deadline
from .regions import APPENDIX_MARK, Regions, para
from .sections import Section
from .table_header import PERIOD, YEAR
from .tables import TableContext, appendix_unread, table_to_tasks

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
    (or, for a table of indicators, as targets of the ``year`` of issue)."""
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
    _read_tables(blocks, roots, year, out)
    out.warnings.extend(appendix_unread(blocks, out.tasks, regions.closing_at))
    return out


def _read_tables(blocks: list[Block], roots: list[Section], year: int | None, out: Appendix) -> None:
    section_of_table = {t: s.id for r in roots for s in r.walk() for t in s.tables}
    table_no = 0
    context = TableContext()  # a table a page break split into two blocks is read on
    title: list[str] = []  # the upper-case lines above the table (its title), a back-reference between
    for i, b in enumerate(blocks):
        if b.kind != "table":
            p = para(blocks, i)
            if p is not None and hd.is_upper_text(p.text):
                title.append(p.text)
            elif p is None or not (hd.parse_backref(p.text) or p.text.strip().startswith("(")):
                title = []
            continue
        table_no += 1
        tasks, warnings = table_to_tasks(b, table_no, section_of_table.get(i), "appendix", context, i)
        warnings += _title_horizon(tasks, context.fields or {}, " ".join(title), table_no, b)
        title = []
        placed = bool(tasks)
        if not tasks:
            from .indicators import table_to_indicator_targets  # (a table of figures is rare)

            found = table_to_indicator_targets(b, year)
            if found:
                warnings = [w for w in warnings if w["code"] != "table-no-header"]
                out.table_targets.extend((t, section_of_table.get(i)) for t in found)
                placed = True
        out.warnings.extend(warnings)
        for t in tasks:
            t.pop("_lines")
        out.tasks.extend(tasks)
        if placed:
            out.claimed.add(i)
            for row in b.rows:  # data rows, header rows, repeated headers, group rows
                out.lines.update(row.lines)


def _title_horizon(tasks: list[dict], fields: dict[int, str], title: str, table_no: int, block: Block) -> list[PlanWarning]:
    """A table with no deadline column whose title ends with a time ("… đến năm 2030"): its rows
    take that time as their deadline, and a warning says so."""
    horizon = find_horizon(title) if title else None
    if not tasks or horizon is None or any(f.startswith(("deadline", YEAR, PERIOD)) for f in fields.values()):
        return []
    for task in tasks:
        task["deadline"] = text_to_deadline(horizon)
    return [warning("deadline-from-title", f"table {table_no} has no deadline column; its {len(tasks)} rows take "
                    f"{horizon!r}, the time its title ends with", block.loc.as_dict())]
