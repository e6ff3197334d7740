"""Responsibility tables -> tasks.

Column meaning comes from header words in any order; repeated (or reworded) header rows on
each page are dropped; rows a page break cut are joined again; rows fused by HTML cells are
split again; group rows set ``group`` for the rows below them; a combined "chủ trì / phối hợp"
column is split.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..numbering import roman_to_int
from ..parse.blocks import Block, Row
from ..record import Record
from ..vn import is_upper_text, starts_lower
from ..vocab.agencies import CONNECTORS
from .agency_caps import name_from_caps
from .agency_names import names_a_body
from .responsibility import reads_as_agency
from .table_checks import LABEL_NO as _LABEL_NO
from .table_checks import appendix_unread, label_across, running_order  # noqa: F401  (the appendix step imports appendix_unread from here)
from .table_header import (  # noqa: F401  (header_to_fields and COLUMN_WORDS are used from here)
    _GROUP_NO,
    COLUMN_WORDS,
    EXTRA,
    _cell_text,
    _join_wrapped_headers,
    _merge_sub_header,
    column_numbers_row,
    header_to_fields,
    place_sub_header,  # noqa: F401  (used from here)
    sub_header_fields,
)
from .table_realign import realigned
from .table_row import _ROW_NO, row_to_task
from .table_spans import fill_page_tops, fill_spans
from .table_subrows import fold_sub_row
from .table_years import header_rows

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning


def _is_fused(row: Row) -> bool:
    return any(len(c) >= 2 and starts_lower(c[0]) for c in row.cells)


def _split_fused(row: Row) -> tuple[list[list[str]], list[list[str]]]:
    """Split a row fused with the tail of the row before: (tail for previous row, rest)."""
    prev_part: list[list[str]] = []
    rest: list[list[str]] = []
    for cell in row.cells:
        if len(cell) >= 2:
            prev_part.append([cell[0]])
            rest.append(cell[1:])
        elif len(cell) == 1 and starts_lower(cell[0]):
            words = cell[0].split()
            k = 0
            while k < len(words) and starts_lower(words[k]):
                k += 1
            if 0 < k < len(words):
                prev_part.append([" ".join(words[:k])])
                rest.append([" ".join(words[k:])])
            else:
                prev_part.append([])
                rest.append(cell)
        else:
            prev_part.append([])
            rest.append(cell)
    return prev_part, rest


_OPEN_END = rx.compile(rf"(?:[,;:(/&–-]|\b(?:{CONNECTORS}))\s*$", rx.I)
"""A cell's text that a line break may cut: its next line goes on with it."""


def _append_cells(target: list[list[str]], extra: list[list[str]]) -> None:
    """A row's cells go on with ``extra``'s (a row a page break cut, or a row with no number under it): a cell's
    rest in lower case, or after an open end, joins its last line; one that names a body under a closed one is a
    paragraph of its own (another agency, in a sub-row); a capital that names none goes on the name ("… Truyền hình
    Quảng" / "Ninh")."""
    while len(target) < len(extra):
        target.append([])
    for i, paras in enumerate(extra):
        if not paras:
            continue
        if target[i] and not (_cell_text(paras)[:1].isupper() and not _OPEN_END.search(_cell_text(target[i]))
                              and names_a_body(paras[0])):
            target[i] = [_cell_text(target[i]) + " " + _cell_text(paras)]
        else:
            target[i] = [*target[i], *paras]


class TableContext(Record):
    """What a table leaves for the next one: a table a page break split may go on in a block of
    its own with no header (the converter starts a new table on the new page)."""

    __slots__ = ("fields", "width", "group", "group_lead", "index")

    fields: dict[int, str] | None
    width: int
    group: str | None
    group_lead: str | None
    index: int | None
    """Block index of the last table read; a continuation must follow it directly."""

    def __init__(
        self,
        fields: dict[int, str] | None = None,
        width: int = 0,
        group: str | None = None,
        group_lead: str | None = None,
        index: int | None = None,
    ) -> None:
        self.fields = fields
        self.width = width
        self.group = group
        self.group_lead = group_lead
        self.index = index


_TOTAL = rx.compile(r"^(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\s*:?$", rx.I)
_SAME_AS_ABOVE = rx.compile(r'^(?:-?\s*nt\s*-?|như\s+trên|"|〃|\u201d)$', rx.I)
_BULLET = rx.compile(r"^[-+•–]\s")


def _width(block: Block) -> int:
    return max((len(r.cells) for r in block.rows), default=0)


class _Reader:
    """Reads one table block row by row (see :func:`table_to_tasks`)."""

    def __init__(self, block: Block, context: TableContext | None, index: int | None) -> None:
        self.block = block
        self.width = _width(block)
        self.warnings: list[PlanWarning] = []
        self.fields: dict[int, str] | None = None
        self.pending: list[dict] = []
        self.broke = False
        self.merged_gaps: tuple[int, ...] | None = None
        """The columns the row just read was short of (a merged cell above it), if it was."""
        self.merged_doubt = False
        """Whether that row could have been read another way."""
        self.group: str | None = None
        self.group_lead: str | None = None
        self.heading: tuple[str, str | None, str | None, str] | None = None
        """(number, group, group lead) of the task heading the rows numbered under it, and the group it set."""
        self.header_row: list[list[str]] | None = None
        self.after_total = False
        ctx = context
        if ctx is not None and ctx.fields is not None and index is not None and ctx.index == index - 1 \
                and ctx.width == self.width:
            # the same table going on after a page break: its group goes on; its header may be repeated
            self.group, self.group_lead, self.broke = ctx.group, ctx.group_lead, True
            if header_to_fields(block.rows[0].cells if block.rows else []) is None:
                self.fields = dict(ctx.fields)

    def col(self, name: str) -> int | None:
        return next((i for i, f in (self.fields or {}).items() if f == name), None)

    def cell(self, row_cells: list[list[str]], name: str) -> str:
        i = self.col(name)
        return _cell_text(row_cells[i]) if i is not None and i < len(row_cells) else ""

    def header(self, row: Row) -> bool:
        """Header rows (first, second, repeated on a later page): True when ``row`` was one."""
        if self.header_row is not None and self.fields is not None:
            cells, header, years = header_rows(self.header_row, row.cells, self.width)
            if years or header is not self.header_row:  # "Năm 2026 | Năm 2027" over the quarters: the periods row next
                self.header_row, self.fields = (header if years else None), header_to_fields(header)
                if years:
                    return True
            sub = sub_header_fields(cells, header) if self.fields is not None else None
            if sub is not None and self.fields is not None:
                self.fields = _merge_sub_header(self.fields, sub)
                self.header_row = None
                return True
        if self.fields is not None and column_numbers_row(row.cells):
            return True  # after the sub-header's test: months by number ("(tháng)" over 1 | … | 12) are no column numbers
        cols = header_to_fields(row.cells)
        self.header_row = row.cells if cols is not None else None
        if cols is None:
            return False
        if self.fields is None:
            self.fields = cols
        self.broke = True
        return True

    def row_number(self, row: Row) -> str:
        no_col = self.col("no")
        if no_col is not None:
            return _cell_text(row.cells[no_col]) if no_col < len(row.cells) else ""
        # no STT column: a row is a new task unless it starts in lower case (a cut row going on)
        first = next((_cell_text(c) for c in row.cells if _cell_text(c)), "")
        return "" if starts_lower(first) else str(len(self.pending) + 1)

    def group_row(self, row: Row, no: str) -> bool:
        """A row that names a group (or, in a table with no lead column, the agency leading the rows
        under it): True when ``row`` was one."""
        filled = [i for i, c in enumerate(row.cells) if _cell_text(c)]
        title_col = self.col("title")
        title = self.cell(row.cells, "title")
        if self.col("no") is None and title_col is not None and filled == [title_col] and reads_as_agency(title) \
                and self.col("lead") is None and self.col("combined") is None:
            self.group, self.group_lead = title, title
            return True
        label = _cell_text(row.cells[filled[0]]) if len(filled) == 1 else ""
        merged = filled == [0] and label_across(label, (self.fields or {}).get(0))  # (a cell merged across the row)
        if label and (merged or filled[0] in (title_col, self.col("no"), self.col("group"))) \
                and (not self.broke or not self.pending or _LABEL_NO.match(label)) \
                and not starts_lower(label) and not _ROW_NO.fullmatch(label) and len(rx.findall(r"\p{L}{2,}", label)) >= 2:
            self.group = label  # a label row (or one cell spanning the row)
            name = _LABEL_NO.sub("", label)
            self.group_lead = self._agency_group(name)
            return True
        others = [i for i in filled if (self.fields or {}).get(i) not in ("no", "title")]
        if _GROUP_NO.match(no) and (roman_to_int(no.rstrip(".").split()[-1]) is not None or not others):
            self.group = f"{no.rstrip('.')}. {title}".strip(" .")
            self.group_lead = self._agency_group(title)
            return True
        if no and not others and (lead := self._agency_group(title)) and rx.fullmatch(r"\d{1,3}\.?", no):
            self.group, self.group_lead = f"{no.rstrip('.')}. {title}", lead  # "1. Sở Y tế" heading its rows
            return True
        return False

    def totals(self, row: Row, no: str) -> bool:
        """The row of totals closing a table of costs ("Tổng cộng" and its figures), and what a scrape cut
        off it (a cell of figures alone): True when ``row`` was one."""
        texts = [_cell_text(c) for c in row.cells if _cell_text(c)]
        if not no and texts and _TOTAL.match(self.cell(row.cells, "title") or texts[0]):
            self.after_total = True
            return True
        return self.after_total and not any(rx.search(r"\p{L}", t) for t in texts)

    def _agency_group(self, title: str) -> str | None:
        """The agency a group row names, in a table with no lead column, to lead the rows under it; a name in
        capitals ("II | SỞ XÂY DỰNG") in its usual case."""
        if self.col("lead") is not None or self.col("combined") is not None:
            return None
        name = name_from_caps(title) if is_upper_text(title) else title
        return name if reads_as_agency(name) else None

    def join(self, row: Row) -> None:
        """A row with no number goes on the row above it (a wrapped or page-cut row)."""
        last = self.pending[-1]
        first = next((" ".join(c) for c in row.cells if c), "")
        title = self.cell(row.cells, "title")
        if not self.broke:
            self.warnings.append(warning("table-row-joined", f"a row with no number was joined to row {last['no'] or len(self.pending)} above it", row.loc.as_dict()))
        elif first[:1].isupper() and not title[:1].islower():
            self.warnings.append(warning("table-row-joined", f"the first row after a page break has no number and starts with a capital; "
                                         f"joined to row {last['no']} before the break (check it)", row.loc.as_dict()))
        _append_cells(last["cells"], row.cells)
        last["lines"].extend(row.lines)
        self.broke = False

    def _sub_rows(self, no: str) -> None:
        """A numbered row with nothing but its title ("1 | Hoàn thiện cơ chế, chính sách | | |") followed by rows
        numbered under it ("1.1", "1.2", or lettered "a", "b") heads them as a group, as a roman group row does;
        the group ends at the next row not numbered under it."""
        if self.heading is not None and not _numbered_under(no, self.heading[0]):
            if self.group == self.heading[3]:
                self.group, self.group_lead = self.heading[1], self.heading[2]
            self.heading = None
        last = self.pending[-1] if self.pending else None
        parent = (last["no"] or "").rstrip(".") if last else ""
        if last is None or not parent or not _numbered_under(no, parent) or any(
                _cell_text(c) for i, c in enumerate(last["cells"]) if (self.fields or {}).get(i) not in ("no", "title")):
            return
        self.pending.pop()
        group = f"{parent}. {_cell_text(last['cells'][self.col('title') or 0])}".strip(" .")
        self.heading = (parent, self.group, self.group_lead, group)
        self.group, self.group_lead = group, None

    def add(self, row: Row, no: str) -> None:
        self._sub_rows(no)
        cells = [list(c) for c in row.cells]
        gaps = self.merged_gaps
        self.merged_gaps = None
        if 0 < self.width - len(cells) <= 3 and self.pending and self.fields:
            cells = self.realign(cells, row, gaps)
        if self.broke and self.pending and _is_fused(row):
            tail, cells = _split_fused(row)
            _append_cells(self.pending[-1]["cells"], tail)
            self.warnings.append(warning("table-row-split", f"row {no} held the end of row {self.pending[-1]['no']} (page break); split again", row.loc.as_dict()))
        self.broke = False
        if self.pending:
            _carry_down(cells, self.pending[-1], no, self.fields)
            group_col = self.col("group")  # a group written once down a first column merged over its rows
            if group_col is not None and group_col < len(cells) and not _cell_text(cells[group_col]) \
                    and group_col < len(self.pending[-1]["cells"]):
                cells[group_col] = list(self.pending[-1]["cells"][group_col])
            lead_col = next((i for i in (self.col("lead"), self.col("combined")) if i is not None), None)
            above = self.pending[-1]
            if lead_col is not None and lead_col < len(cells) and not _cell_text(cells[lead_col]) \
                    and above["group"] == self.group and lead_col < len(above["cells"]) and _cell_text(above["cells"][lead_col]):
                # a lead merged down over several rows: text layouts keep it in the first row only
                cells[lead_col] = list(above["cells"][lead_col])
                self.warnings.append(warning("table-carried-down", f"row {no} has an empty lead cell; the lead of row "
                                             f"{above['no'] or len(self.pending)} above is taken (a merged cell?)", row.loc.as_dict()))
        self.pending.append({"no": no if self.col("no") is not None else None, "cells": cells, "loc": row.loc,
                             "lines": list(row.lines), "group": self.group, "group_lead": self.group_lead})

    def realign(self, cells: list[list[str]], row: Row, gaps_above: tuple[int, ...] | None = None) -> list[list[str]]:
        """A row short of cells (a merged cell above it): see :mod:`.table_realign`."""
        found = realigned(cells, self.pending[-1]["cells"], self.fields or {}, self.width, gaps_above,
                          gaps_above is not None and self.merged_doubt)
        if found is None:
            return cells
        out, self.merged_gaps, how, self.merged_doubt = found
        self.warnings.append(warning("table-realigned", f"row {_cell_text(cells[0])} had {self.width - len(cells)} cell(s) "
                                     f"fewer than the table; {how} (check it)", row.loc.as_dict()))
        return out

    def read(self) -> None:
        for row in _join_wrapped_headers(self.block.rows):
            if self.header(row) or self.fields is None or not any(_cell_text(c) for c in row.cells):
                continue
            self.broke = self.broke or row.after_break
            self.warnings += [warning(code, message, row.loc.as_dict()) for code, message in row.doubts]
            no = self.row_number(row)
            if self.totals(row, no) or self.group_row(row, no):
                continue
            title = self.cell(row.cells, "title")
            if not no and self.pending and not (self.group_lead and title and _BULLET.match(title) and rx.search(r"\p{L}{2,}", title)
                                                and self.pending[-1]["group_lead"] == self.group_lead):
                # a "- …" row under an agency group row is a task, unless it holds no word ("- 2030": a wrapped range)
                self.join(row)
                continue
            if not (self.pending and fold_sub_row(row, no, self.pending[-1], self.fields, self.width, self.warnings)):
                self.add(row, no)


_LETTER_NO = rx.compile(r"[a-zđ][.)]?")
_ARABIC_NO = rx.compile(r"\d{1,3}\.?")


def _numbered_under(no: str, parent: str) -> bool:
    """``no`` numbers a row under the row numbered ``parent``: "1.2" under "1", "a" or "b)" under "3"."""
    return no.startswith(parent + ".") or bool(_LETTER_NO.fullmatch(no) and _ARABIC_NO.fullmatch(parent))


def _carry_down(cells: list[list[str]], above: dict, no: str, fields: dict[int, str] | None) -> None:
    """"Như trên" / "nt" cells take the cell above; a sub-row ("1.1" under "1") takes its parent's
    empty lead and deadline cells (an empty support cell stays empty)."""
    parent = above["no"] or ""
    sub_row = bool(parent) and no.startswith(parent.rstrip(".") + ".")
    for i, f in (fields or {}).items():
        if i >= len(cells) or f in ("no", "title"):
            continue
        text = _cell_text(cells[i])
        if _SAME_AS_ABOVE.match(text) or (sub_row and not text and f in ("lead", "combined", "deadline",
                                                                           "deadline_start", "deadline_end")):
            cells[i] = list(above["cells"][i]) if i < len(above["cells"]) else []


def table_to_tasks(block: Block, table_no: int, section: str | None, source: str,
                   context: TableContext | None = None, index: int | None = None) -> tuple[list[dict], list[PlanWarning]]:
    """Read one table block into tasks. Returns (tasks, warnings). ``context`` (with the block's
    ``index``) carries the header of a table that a page break split into two blocks."""
    reader = _Reader(block, context, index)
    reader.read()
    fields, warnings = reader.fields, reader.warnings
    if _running_order(reader):
        return [], warnings  # an event's running order by the clock ("07h30 - 08h00 | Đón tiếp đại biểu | …")
    spans = {r.spans_unseen for r in block.rows} - {None}
    if fields and spans:  # (a cell merged over rows written once, its others empty)
        misfits = {r.loc.line for r in block.rows if any(code == "table-misaligned" for code, _ in r.doubts)}
        fill_spans(reader.pending, fields, "middle" in spans, misfits, warnings)
    elif fields:  # (the reader sees merged cells, but not one a page break cut)
        fill_page_tops(reader.pending, fields, warnings)
    if context is not None:
        context.fields, context.width, context.index = fields, reader.width, index
        context.group, context.group_lead = reader.group, reader.group_lead
    if fields and not reader.pending and set(fields.values()) & {"lead", "combined"}:
        warnings.append(warning("appendix-unread", "a table with a lead column (chủ trì) gave no task; check it", block.loc.as_dict()))
    if fields is None and block.rows:
        warnings.append(warning("table-no-header", "a table with no recognisable header row (STT, Nội dung, Chủ trì…) was skipped", block.loc.as_dict()))
        return [], warnings
    tasks = []
    for k, p in enumerate(reader.pending, 1):
        tasks.append(row_to_task(p, fields or {}, f"A{table_no}.{k}", section, source, warnings))
    return tasks, warnings


def _running_order(reader: _Reader) -> bool:
    return bool(reader.fields) and running_order([reader.cell(p["cells"], "deadline") for p in reader.pending])


def running_order_table(block: Block) -> bool:
    """Whether a table is an event's running order (:func:`.table_checks.running_order`): it gives no task, and its
    lines are accounted for."""
    reader = _Reader(block, None, None)
    reader.read()
    return _running_order(reader)
