"""Times a task row takes from outside its own time cell: the group row it stands under, when that row names
only a time ("II | QUÝ II/2026", "B. NĂM 2027", "V | CÁC NHIỆM VỤ THỰC HIỆN THƯỜNG XUYÊN"), and, in a table with
no time column, a note that holds only a time with the word that makes it one ("Trước ngày 30/4/2026")."""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..parse.blocks import Block
from .dates import PART_WORDS, TIME, fold_time, text_to_deadline
from .table_header import PERIOD, YEAR

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    from ..model import PlanWarning

_HOW_OFTEN = r"thuong\s+xuyen|lien\s+tuc|hang\s+(?:nam|quy|thang)|dinh\s+k[yi]\s+hang\s+(?:nam|quy|thang)"
GROUP_TIME = rx.compile(
    rf"""^(?:(?:[a-z]|[ivx]{{1,5}}|\d{{1,2}})\s*[.):]\s*|(?:[ivx]{{1,5}}|\d{{1,2}})\s+)?
        (?:(?:cac\s+)?(?:nhiem\s+vu|noi\s+dung(?:\s+cong\s+viec)?|cong\s+viec|hoat\s+dong)\s+)?
        (?:(?:thuc\s+hien|trien\s+khai|hoan\s+thanh)\s+)?(?:trong\s+|vao\s+)?
        (?P<t>{PART_WORDS}(?:{TIME})|{_HOW_OFTEN})\s*[:.;]?\s*$""",
    rx.X)
"""A group row that names only a time (folded), after its number and the words "(các) nhiệm vụ / nội dung (công
việc)" and "thực hiện / triển khai / hoàn thành (trong)": "I. QUÝ I/2026", "B. NĂM 2027", "Nhiệm vụ thực hiện trong
Quý III/2026", "Các nhiệm vụ thường xuyên"; not a group that names a field or a document with its year ("Nhiệm vụ
chuyển đổi số năm 2026", "Thực hiện Kết luận số 12-KL/TW năm 2025")."""
NOTE_TIME = rx.compile(
    rf"""^(?P<t>(?:(?:hoan\s+thanh|thuc\s+hien)\s+)?(?:truoc|cham\s+nhat(?:\s+la|\s+vao)?|trong)\s+{PART_WORDS}(?:{TIME})
        |(?:thoi\s+(?:han|gian)(?:\s+hoan\s+thanh)?\s*:\s*){PART_WORDS}(?:{TIME}))\s*[.;]?\s*$""",
    rx.X)
"""A note that holds only a time, led by the word that makes it one (folded): "Trước ngày 30/4/2026", "Hoàn thành
trước 15/9/2026", "Thời hạn: Quý III/2026"; not a bare date, which a note may give for other reasons."""


def group_time(group: str | None) -> str | None:
    """The time a group row names when it names nothing else, as written.

    >>> group_time("III. QUÝ III/2026"), group_time("IV. NHIỆM VỤ THỰC HIỆN THƯỜNG XUYÊN")
    ('QUÝ III/2026', 'THƯỜNG XUYÊN')
    >>> group_time("II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026") is None
    True
    """
    if not group or len(group) > 80:
        return None
    m = GROUP_TIME.match(fold_time(group))
    return group[m.start("t"):m.end("t")] if m else None


def group_times(tasks: list[dict], fields: dict[int, str], table_no: int, block: Block) -> list[PlanWarning]:
    """Give each task row with no time of its own the time its note holds (in a table with no time column) or its
    group row names, with a warning for each table that says how many rows took one."""
    no_column = not any(f.startswith(("deadline", YEAR, PERIOD)) for f in fields.values())
    noted = grouped = 0
    for task in tasks:
        if task["deadline"]["text"]:
            continue
        note = (task.get("note") or "").strip()
        m = NOTE_TIME.match(fold_time(note)) if no_column and note and len(note) <= 60 else None
        phrase = note[m.start("t"):m.end("t")] if m else group_time(task.get("group"))
        if not phrase:
            continue
        task["deadline"] = text_to_deadline(phrase)  # (one with no year, "QUÝ II", is dated with the plan's year later)
        noted, grouped = noted + bool(m), grouped + (not m)
    out = []
    if grouped:
        out.append(warning("deadline-from-group", f"table {table_no}: {grouped} rows with no time of their own take the "
                           "time their group row names", block.loc.as_dict()))
    if noted:
        out.append(warning("deadline-from-note", f"table {table_no} has no time column: {noted} rows take the time "
                           "their note gives", block.loc.as_dict()))
    return out
