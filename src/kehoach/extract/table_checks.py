"""Checks over a document's tables as a whole: an appendix announced, or a task table's header
left as text (on one line, or one cell per line), with no appendix task read; and whether a row's
label alone in its first cell names a group (:func:`label_across`)."""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..parse.blocks import Block
from ..parse.lines import APPENDIX_HEADING
from .table_header import DATELESS, header_words, reads_as_header_line

HEADER_SPAN = 8
"""Lines holding column words and at most one other word (one cell or a few, a wrapped cell's first
line) within this many lines of each other, three columns among them the lead's, are a flattened
table's header."""

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning


def appendix_unread(blocks: list[Block], tasks: list[dict], from_block: int) -> list[PlanWarning]:
    """A document that announces an appendix ("… tại Phụ lục kèm theo") but has no table after its
    signature, and no appendix task, has lost its appendix (it is not in the source, or unreadable);
    so has one with a table header row left as a line of text and no appendix task."""
    some = any(t.get("source") == "appendix" for t in tasks)
    for b in blocks:  # the header line alone, or a line of a paragraph the table's lines were joined into
        if b.kind == "para" and (any(len(t) < 160 and reads_as_header_line(t) for t in [b.text, *b.raw_lines])
                                 or reads_as_header_line(unglued_head(b.text))) \
                and not (_APPENDIX_WORD.search(b.text) and _APPENDIX_REF.search(b.text)):  # "Các nhiệm vụ, đơn vị
            # chủ trì, phối hợp và thời gian … tại Phụ lục kèm theo": a sentence naming the appendix's columns
            if some:  # another table, or the rest of this one after a page break, was read
                return [warning("appendix-unread", "a task table's header row is here as plain text: the rows under it "
                               "were not read as tasks (a table the reader could not find the columns of?)", b.loc.as_dict())]
            return [warning("appendix-unread", "a task table's header row is here as plain text but no task was read "
                           "from its table (a table the reader could not find the columns of?)", b.loc.as_dict())]
    if some:
        return []
    flat = flattened_header(blocks)
    if flat is not None:
        return [warning("appendix-unread", "a task table's header cells stand here one per line: a table flattened "
                        "to plain text (a text export or a copy from a page), whose rows cannot be told apart; "
                        "its tasks were not read", flat.loc.as_dict())]
    tables = [b for b in blocks[from_block:] if b.kind == "table"]
    unmapped = next((b for b in tables if _task_table_unmapped(b)), None)
    if unmapped is not None:
        return [warning("appendix-unread", "a table of tasks stands here (a task column in its header) but its lead "
                        "column was not found and its rows do not fit its columns (a header cut or set apart from "
                        "its cells?): no task was read from it", unmapped.loc.as_dict())]
    if tables:
        return []
    headed = _task_appendix_heading(blocks, from_block)
    if headed is not None and not any((t.get("loc") or {}).get("line", 0) > headed.loc.line for t in tasks):
        return [warning("appendix-unread", "an appendix of tasks is headed here but no table of them follows (a "
                        "table the text was taken without?): its tasks are missing", headed.loc.as_dict())]
    for b in blocks[:from_block]:
        if b.kind == "para" and _APPENDIX_WORD.search(b.text) and _APPENDIX_REF.search(b.text):
            return [warning("appendix-unread", "the document refers to an appendix but none was found or read; "
                           "its tasks are missing", b.loc.as_dict())]
    return []


def _task_table_unmapped(table: Block) -> bool:
    """A table whose header names a task column but no lead, and whose rows the reader doubted: a task table
    whose columns were not found (no task came from it)."""
    if not table.rows or not any(r.doubts for r in table.rows):
        return False
    found, _others = header_words(" ".join(" ".join(c) for c in table.rows[0].cells))
    return "title" in found and not found & {"lead", "combined"}


def _task_appendix_heading(blocks: list[Block], from_block: int) -> Block | None:
    """After the signature, an appendix heading ("PHỤ LỤC", "DANH MỤC …") whose title, on it or on the next
    two paragraphs, names tasks ("NHIỆM VỤ", "PHÂN CÔNG"): an appendix that lists tasks."""
    for k in range(from_block, len(blocks)):
        b = blocks[k]
        if b.kind == "para" and APPENDIX_HEADING.match(b.text):
            title = " ".join(x.text for x in blocks[k:k + 3] if x.kind == "para")
            if _NAMES_TASKS.search(title):
                return b
    return None


_NAMES_TASKS = rx.compile(r"(?i:nhiệm\s+vụ|phân\s+công|giải\s+pháp)")
_CASE_SEAM = rx.compile(r"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\d)")
_FIGURE = rx.compile(r"\d")


def unglued_head(text: str) -> str:
    """The start of a paragraph up to its first figure, a space put where a small letter meets a capital or a
    digit: a table whose cells a converter ran together with nothing between them ("TTNội dungCơ quan chủ
    trìCơ quan phối hợpThời gian1Tổ chức …", a page's text taken without separators) shows its header there."""
    cut = _FIGURE.search(text, 0, 200)
    head, seams = _CASE_SEAM.subn(" ", text[:cut.start() if cut else 200])
    return head if seams else ""  # no cell run into the next: nothing to say here


_APPENDIX_REF = rx.compile(r"(?i)(?:kèm|tại|theo|chi\s+tiết)\s+(?:theo\s+)?phụ\s+lục")
"""A sentence that sends the reader to an appendix ("chi tiết tại Phụ lục kèm theo")."""
_APPENDIX_WORD = rx.compile(r"(?i)phụ\s+lục")
"""What every :data:`_APPENDIX_REF` holds, found ten times quicker (a first test)."""


def flattened_header(blocks: list[Block]) -> Block | None:
    """The block where a task table's header cells stand one or a few per line, a table flattened to
    lines of text (a text export, a copy from a page, pdftotext), or None."""
    seen: list[tuple[int, set[str], Block]] = []  # (line number, fields) of recent column-word lines
    n = 0
    for b in blocks:
        if b.kind != "para":
            seen = []
            continue
        for line in b.raw_lines or [b.text]:
            n += 1
            if len(line) > 60:
                continue
            found, others = header_words(line)
            if not found or others > 1:  # a header cell wrapped ("Nội dung công" / "việc") leaves a word
                continue
            seen = [s for s in seen if n - s[0] < HEADER_SPAN] + [(n, found, b)]
            fields = set().union(*(f for _, f, _ in seen))
            if "lead" in fields and len(fields) >= 3:
                return seen[0][2]
    return None


_GLUED = rx.compile(r"(?<![\p{L}\d])(\p{L}*\p{Ll})(\d{1,2})(?![\p{L}\d])")
_LETTER_DIGIT = rx.compile(r"\d(?<=[^\W\d_]\d)")
"""A letter and a digit side by side: what every :data:`_GLUED` match holds (a quick test first;
the digit first, because the engine looks for a digit much faster than for a letter)."""
_POWER = rx.compile(r"^[kcd]?m$")
"""A unit whose power or figure is written after it ("m2", "km2"): no marker."""


def glued_markers(tasks: list[dict], footnotes: list[dict]) -> list[PlanWarning]:
    """A task word with one of the document's footnote numbers glued to its end ("hợp tác xã1" where
    footnote 1 exists): a marker the reader could not tell from the text, left in place and warned about."""
    marks = {f["mark"] for f in footnotes}
    out: list[PlanWarning] = []
    if not marks:  # no footnote: no marker to find
        return out
    for t in tasks:
        fields = [t.get("title") or "", *t.get("lead_as_written", []), *t.get("support_as_written", []),
                  (t.get("deadline") or {}).get("text") or ""]
        for m in (m for text in fields if _LETTER_DIGIT.search(text) for m in _GLUED.finditer(text)):
            if m.group(2).lstrip("0") in marks and not _POWER.match(m.group(1)):
                out.append(warning("footnote-marker-glued", f"'{m.group(0)}' in task {t.get('no') or t.get('id')} looks "
                                   f"like footnote {m.group(2)}'s marker glued to a word; check it", t.get("loc")))
                break
    return out


_CLOCK = rx.compile(r"^\d{1,2}\s*(?:h|giờ|:)\s*(?:\d{2})?\s*(?:phút|')?(?:\s*[-–]\s*\d{1,2}\s*(?:h|giờ|:)\s*(?:\d{2})?\s*(?:phút|')?)?$",
                    rx.I)


def running_order(times: list[str]) -> bool:
    """Whether a table's time cells are a programme's running order: clock times ("07h30 - 08h00", "8 giờ 15", "14:00"),
    every filled one, two at least. Its rows say who does what at the event, no task of the plan."""
    filled = [t.strip() for t in times if t.strip()]
    return len(filled) >= 2 and all(_CLOCK.match(t) for t in filled)


LABEL_NO = rx.compile(r"^(?:[IVXLC]{1,6}|\d{1,3}|[A-Z])[.)]\s+")
"""A group's number opening its label: "II. ", "A) ", "3. "."""


def label_across(label: str, field: str | None) -> bool:
    """Whether ``label``, alone in a row's first cell (a cell merged across the row is the row's first), names a
    group whatever column the table opens with ("I. Nhóm nhiệm vụ …" or "Nhóm nhiệm vụ …" under "Cơ quan chủ
    trì"): numbered, or with no number when it cannot be a value of that column (``field``) going on from the row
    above (an agency's name under a lead or support column, a time under a time column)."""
    if LABEL_NO.match(label):
        return True
    if field in ("lead", "support", "combined"):
        from .responsibility import reads_as_agency

        return not reads_as_agency(label)
    if field is not None and field.startswith("deadline"):  # (a time column, or its start or end half)
        return not reads_as_time(label)
    return field not in ("no", "title", "group")  # (those columns' own labels are read as such)


_EVENT = rx.compile(r"^(?:ngay\s+)?(?:sau|truoc)?\s*khi\b")
"""A time cell counted from an event (folded): "Sau khi có hướng dẫn", "Khi có yêu cầu"."""


def reads_as_time(text: str) -> bool:
    """Whether ``text`` is what a time cell holds: a date, month, quarter or year ("Quý III/2026", "Trước ngày
    30/6/2026"), how often ("Hằng năm"), a time counted from an event ("Sau khi có hướng dẫn", "trong 30 ngày kể từ
    ngày ký") or one named on purpose without a date ("Theo kế hoạch")."""
    from ..vn import ascii_fold
    from .dates import text_to_deadline
    from .task_times import find_relative_time

    d = text_to_deadline(text)
    folded = ascii_fold(text).lower().strip()
    return bool(d["start"] or d["end"] or d["recurrence"] or DATELESS.search(folded) or _EVENT.match(folded)
                or find_relative_time(text))
