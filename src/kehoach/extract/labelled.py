"""Labelled task blocks: a numbered heading whose agencies, deadline and output are given by labels.

    3. Hoàn thiện cơ sở dữ liệu …            a heading (the task's title)
    a) Nội dung: Rà soát, cập nhật …          labels as lettered points,
    b) Cơ quan thực hiện:                     "-" or "+" items, or plain paragraphs;
    - Đơn vị chủ trì: Sở …                    several on one line, separated by ";";
    - Đơn vị phối hợp: Sở …; UBND …           a label with its value on the next line(s)
    c) Thời gian thực hiện: Quý III/2026.

Each block is one task (``source: body``). A section holding several blocks ("- task" followed by
"+ Cơ quan chủ trì: …; Thời hạn: …", or labels repeating) gives one task per block. The label
vocabulary is data (:data:`LABELS`); headings that only name a category (:data:`CATEGORY`) give
the title to the "Nội dung" label.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..parse.blocks import Loc
from ..record import Record
from ..vn import fold_aligned, strip_diacritics
from .agencies import canonical_agency
from .brackets import balanced, closing_bracket
from .dates import find_time_phrase, text_to_deadline
from .label_values import value_agencies, value_names
from .sections import Section
from .task_times import find_bracket_time, find_relative_time

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_WHO = r"(?:co quan|don vi|cq|dv|co quan,? don vi|co quan ?/ ?don vi|don vi ?/ ?co quan)"
LABELS: list[tuple[str, str]] = [
    ("content", r"noi dung(?: (?:cong viec|nhiem vu|thuc hien|hoat dong|chinh|chu yeu))?"),
    ("lead", rf"(?:{_WHO} )?chu tri(?: (?:thuc hien|soan thao|tham muu|xay dung|trien khai|to chuc))?"),
    ("support", rf"(?:{_WHO} )?phoi hop(?: (?:thuc hien|trien khai))?"),
    ("agency", rf"(?:{_WHO}|trach nhiem|phan cong)(?: to chuc| chiu trach nhiem)? (?:thuc hien|trien khai)"
               rf"|{_WHO} phu trach"),
    ("deadline", r"(?:thoi gian|thoi han|tien do|thoi diem)(?:,? (?:tien do|thoi han))?(?: du kien)?"
                 r"(?: (?:thuc hien|hoan thanh|ban hanh|trien khai|trinh|to chuc|bao cao)(?: du kien)?)?"
                 r"(?: (?:va|,) (?:hoan thanh|ban hanh))?"),
    ("output", r"(?:san pham|ket qua)(?: ?/ ?(?:san pham|ket qua))?(?: (?:dau ra|dat duoc|can dat|du kien))?"),
    ("funding", r"(?:nguon |du toan )?kinh phi(?: thuc hien)?"),
]
"""(field, pattern over the diacritic-less lower-case label) for every label a block may carry.

"agency" ("Cơ quan thực hiện") names the lead unless "chủ trì"/"phối hợp" sub-labels follow it."""

CATEGORY = rx.compile(
    r"^(?:(?:nhom )?(?:nhiem vu|noi dung|hoat dong|cong viec|giai phap)(?: (?:so )?(?:\d+|thu \w+|[ivx]+))?"
    r"|(?:nhiem vu|giai phap) (?:chung|cu the|trong tam|chu yeu)|(?:ve|linh vuc|nhom) .*)$"
)
"""Folded headings that name a category, not a task: the "Nội dung" label is then the title."""

_LABEL_ALTS = "|".join(f"(?P<{f}>{p})" for f, p in LABELS)
_LABEL_AT = rx.compile(rf"(?:^(?:\s*\()?|(?<=[;.])|(?<=[;.]\s))\s*(?:{_LABEL_ALTS})\s*(?:\([^)]{{0,40}}\))?\s*:")
_DEADLINE_BARE = rx.compile(
    r"^(?:thoi gian|thoi han) (?:thuc hien|hoan thanh|trien khai) (?=(?:sau|truoc|tu|trong|nam|quy|thang|hang|dinh ky"
    r"|thuong xuyen)\b)"
)
"""A time label written without its colon ("Thời gian thực hiện sau khi …"): only before a time word."""
_BARE_SPAN = 64
"""Characters that hold a :data:`_DEADLINE_BARE` match with the word it looks ahead to."""
_DEADLINE_LABEL = rx.compile(rf"(?:{dict(LABELS)['deadline']})\s*:\s*")
_LABEL_VALUE = rx.compile(r"(?P<t>[^;]+?)\s*(?=[;.]\s|[;.]?$)")
_BLANK = rx.compile(r"^[\s.…_·:;,\-–—]*$")
"""A value left to be filled in ("Cơ quan chủ trì: ………", "Thời gian: ____"): a form's field, not a value."""
_DATE_WORDS = rx.compile(r"\d|\b(?:quý|tháng|năm|ngày)\b", rx.I)
"""A deadline with these gives a date when read right: if none comes out, it is warned about."""
_TASK_FIELDS = {"lead", "support", "agency", "deadline", "output"}
_LEVEL = {"text": 0, "item": 1, "subitem": 2}
_OTHER_LABEL = rx.compile(r"^\s*(?:[-+•]\s*)?\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,3}\s*:\s*\S")
"""A label kehoach has no field for ("Địa điểm: …", "Hình thức: …"): among a block's labels it does not end the block."""


class Label(Record):

    __slots__ = ("field", "value", "loc", "level", "more")

    field: str
    value: str
    loc: Loc
    level: int
    more: list[str]
    """Lines that continue the value (a label whose value is on the following lines)."""

    def __init__(self, field: str, value: str, loc: Loc, level: int, more: list[str] | None = None) -> None:
        self.field = field
        self.value = value
        self.loc = loc
        self.level = level
        self.more = [] if more is None else more

    def text(self) -> str:
        return "; ".join(p for p in [self.value, *self.more] if p)


class Unit(Record):
    """One block: the lines before its labels and the labels."""

    __slots__ = ("pre", "labels", "level")

    pre: list[tuple[int, str, Loc]]
    labels: list[Label]
    level: int

    def __init__(
        self,
        pre: list[tuple[int, str, Loc]] | None = None,
        labels: list[Label] | None = None,
        level: int = 0,
    ) -> None:
        self.pre = [] if pre is None else pre
        self.labels = [] if labels is None else labels
        self.level = level

    def get(self, name: str) -> list[Label]:
        return [lb for lb in self.labels if lb.field == name]

    def is_task(self) -> bool:
        fields = {lb.field for lb in self.labels if not _BLANK.match(lb.text())}  # a form's blanks name nothing
        return bool(fields & {"lead", "support", "agency"}) or ("content" in fields and bool(fields & _TASK_FIELDS))


def split_labels(text: str) -> list[tuple[str, str]] | None:
    """The labels a line starts with, and their values; None when the line does not start with a label.

    >>> split_labels("Cơ quan chủ trì: Sở Tư pháp; Thời hạn: Quý II/2026.")
    [('lead', 'Sở Tư pháp'), ('deadline', 'Quý II/2026')]
    >>> split_labels("Sở Tư pháp chủ trì: xây dựng …") is None
    True
    """
    # a label ends with its colon; without one, only a bare time label can open the text, and
    # that is read in its first words (the key is folded character by character: its prefix is
    # the prefix's key)
    key = fold_aligned(text if ":" in text else text[:_BARE_SPAN])
    found = list(_LABEL_AT.finditer(key)) if _LABEL_AT.match(key) else []
    if not found or found[0].start() != 0:
        bare = _DEADLINE_BARE.match(key)
        return [("deadline", text[bare.end():].strip(" ;.,"))] if bare else None
    out = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        out.append((m.lastgroup, balanced(text[m.end():end])))
    return out


def labelled_deadline(text: str) -> str | None:
    """The time a sentence gives by a deadline label inside it, up to the next ";" or "."
    ("…; thời gian thực hiện: năm 2026." -> "năm 2026"); None when it gives none.

    >>> labelled_deadline("Sở A chủ trì; thời gian hoàn thành: Quý II/2026; kinh phí: …")
    'Quý II/2026'
    """
    m = _DEADLINE_LABEL.search(fold_aligned(text)) if ":" in text else None  # a label ends with a colon
    value = _LABEL_VALUE.match(text, m.end()) if m else None
    return balanced(value.group("t")) if value else None


def _heading_labels(sec: Section) -> tuple[str | None, str | None]:
    """A heading that carries its labels after its title ("2.3. Đào tạo …. Chủ trì: Sở A; thời gian: …"):
    (title, the labels' text); (the section's title, None) otherwise."""
    rest = sec.token.rest
    if rest and ":" in rest:  # a label ends with its colon
        if (labels := closing_bracket(rest, split_labels)) is not None:  # "2. Tập … (Chủ trì: Sở A; thời gian: …)."
            return labels
        for m in _LABEL_AT.finditer(fold_aligned(rest)):
            head = rest[:m.start()].rstrip()
            if m.start() > 0 and head.endswith((".", ";")) and len(head.split()) >= 2:
                return head.rstrip(" .;"), rest[m.start():].strip()
    return sec.title, None


def _flatten(sec: Section) -> tuple[list[tuple[int, str, Loc]], list[Section], str | None]:
    """The section's own lines (level 0 text, 1 "-" items, 2 "+" items), its children written as labels,
    and its title."""
    title, inline = _heading_labels(sec)
    lines = [(_LEVEL.get(kind, 0), text, loc) for kind, text, loc in sec.content
             if inline is None or not (kind == "text" and loc == sec.loc)]
    if inline is not None:
        lines.insert(0, (0, inline, sec.loc))
    label_children = []
    for child in sec.children:
        if split_labels(child.token.rest) is None:
            continue
        label_children.append(child)
        lines.append((0, child.token.rest, child.loc))
        lines.extend((_LEVEL.get(kind, 0) + 1, text, loc) for kind, text, loc in child.content
                     if not (kind == "text" and loc == child.loc))  # the heading's own text is in token.rest
    return _join_split_labels(lines), label_children, title


def _join_split_labels(lines: list[tuple[int, str, Loc]]) -> list[tuple[int, str, Loc]]:
    """A label cut in two by a line break ("Đơn vị chủ trì" / "thực hiện: Sở …") is one line again."""
    out: list[tuple[int, str, Loc]] = []
    k = 0
    while k < len(lines):
        level, text, loc = lines[k]
        if k + 1 < len(lines) and len(text.split()) <= 5 and split_labels(text) is None:
            joined = f"{text.rstrip()} {lines[k + 1][1].lstrip()}"
            if split_labels(lines[k + 1][1]) is None and split_labels(joined) is not None:
                out.append((level, joined, loc))
                k += 2
                continue
        out.append((level, text, loc))
        k += 1
    return out


def _units(lines: list[tuple[int, str, Loc]]) -> list[Unit]:
    """Group a section's lines into blocks: a new block starts at a line before labels or at a repeated label."""
    units: list[Unit] = []
    cur = Unit()
    last: Label | None = None
    for level, text, loc in lines:
        entries = split_labels(text)
        if entries:
            seen = {lb.field for lb in cur.labels if lb.text()}
            if cur.labels and entries[0][0] in seen and entries[0][0] != "agency" and level <= cur.level:
                units.append(cur)
                cur = Unit()
            if not cur.labels:
                cur.level = level
            cur.labels.extend(Label(f, v, loc, level) for f, v in entries)
            last = cur.labels[-1]
            continue
        if last is not None and (level > last.level or (level == 0 and not last.value and not last.more)):
            last.more.append(text.rstrip(" ;."))
            continue
        if cur.labels and not {"lead", "agency"} & {lb.field for lb in cur.labels} and _OTHER_LABEL.match(text):
            cur.pre.append((level, text, loc))  # "Thời gian: …" / "Địa điểm: …" / "Chủ trì: …": one block
            continue
        if cur.labels:
            units.append(cur)
            cur = Unit()
            last = None
        cur.pre.append((level, text, loc))
    units.append(cur)
    return [u for u in units if u.labels]


def _title(heading_title: str | None, unit: Unit, multi: bool) -> tuple[str | None, str | None]:
    """(title, detail): the heading, or the "Nội dung" label or the block's first line when the heading is a category."""
    content = "; ".join(lb.text() for lb in unit.get("content")) or None
    own = [t for _lvl, t, _loc in unit.pre]
    own_text = " ".join(own).rstrip(" :") or None
    heading = heading_title if heading_title and not is_category(heading_title) \
        and not (content and _INTRODUCES.search(heading_title)) else None
    if heading and not multi:
        return heading, content or own_text
    if multi and own:
        return own[0].rstrip(" :."), content
    if content:
        return content, own_text
    return own_text or heading_title, None


_INTRODUCES = rx.compile(r"\bnhư\s+sau\s*:?\s*$", rx.I)
"""A heading that says what changes and leaves the task to the lines under it ("Điều chỉnh nội dung tại mục 2 như sau:",
"Bổ sung nhiệm vụ như sau:"): the "Nội dung" label is the task's words."""


def is_category(title: str) -> bool:
    """Whether a heading only names a category ("Nhiệm vụ 2", "Về thể chế")."""
    return bool(CATEGORY.match(strip_diacritics(title).lower().strip(" .:")))


_NAMED_ITEM = rx.compile(r"^(?:Nhiệm\s+vụ|Hoạt\s+động|Giải\s+pháp)\s+(?:số\s+)?(?P<n>\d{1,3})\s*[:.]\s+(?P<t>\S.*)$", rx.I)


def _unit_to_task(sec: Section, heading: str | None, parent: Section | None, unit: Unit, task_id: str, multi: bool,
                  warnings: list[PlanWarning]) -> dict:
    lead_w: list[str] = []
    support_w: list[str] = []
    for lb in unit.get("lead") or unit.get("agency"):
        lead, extra = value_agencies([lb.value, *lb.more])
        lead_w += [a for a in lead if a not in lead_w]
        support_w += extra
    for lb in unit.get("support"):
        support_w += value_names(lb.text())
    support_w = list(dict.fromkeys(a for a in support_w if a not in lead_w))
    deadline = text_to_deadline("; ".join(lb.text() for lb in unit.get("deadline")) or None)
    title, detail = _title(heading, unit, multi)
    loc = (unit.pre[0][2] if unit.pre else unit.labels[0].loc) if multi else sec.loc
    _check(unit, task_id, title, lead_w, warnings)
    said = unit.get("deadline") or unit.get("content")
    if not deadline["text"]:  # no time label: the time the work's own words give ("Nội dung: Tổ chức … (từ ngày 10/3 …)")
        deadline = text_to_deadline(_own_time("; ".join(lb.text() for lb in unit.get("content")), title))
    if deadline["text"] and not (deadline["start"] or deadline["end"] or deadline["recurrence"]) \
            and _DATE_WORDS.search(deadline["text"]) and not find_relative_time(deadline["text"]):
        warnings.append(warning("deadline-unparsed", f"task {task_id}: deadline {deadline['text']!r} was not understood",
                                (said[0].loc if said else loc).as_dict()))
    group = heading if heading and (multi or title != heading) else (parent.title if parent else None)
    named = _NAMED_ITEM.match(title or "") if multi else None  # "Nhiệm vụ 1: Kiểm kê …": its number and title
    return {
        "id": task_id, "no": named["n"] if named else sec.number, "group": group, "title": named["t"] if named else title,
        "lead": [canonical_agency(a) for a in lead_w], "support": [canonical_agency(a) for a in support_w],
        "lead_as_written": lead_w, "support_as_written": support_w, "deadline": deadline,
        "output": "; ".join(lb.text() for lb in unit.get("output")) or None,
        "target": None, "note": "; ".join([*(f"Đơn vị thực hiện: {lb.text()}" for lb in unit.get("agency") if unit.get("lead") and lb.text()),
                                           *(f"Kinh phí: {lb.text()}" for lb in unit.get("funding"))]) or None,
        "detail": detail, "source": "body", "section": sec.id, "loc": loc.as_dict(),
    }


def _own_time(*texts: str | None) -> str | None:
    """The time a block's "Nội dung" or heading gives for the work, as a body task's sentence does: a bracket that
    holds only a time, or a time phrase ("trong Quý III/2026", "từ ngày 10/3 đến ngày 20/4")."""
    return next((found for t in texts if t and (found := find_bracket_time(t) or find_time_phrase(t))), None)


def _check(unit: Unit, task_id: str, title: str | None, lead: list[str], warnings: list[PlanWarning]) -> None:
    fields_after = [lb.field for lb in unit.labels]
    for k, lb in enumerate(unit.labels):
        container = lb.field == "agency" and {"lead", "support"} & set(fields_after[k + 1:])
        if not lb.text() and not container:
            warnings.append(warning("label-empty", f"task {task_id}: the label for {lb.field} has no value", lb.loc.as_dict()))
    loc = unit.labels[0].loc.as_dict()
    if not title:
        warnings.append(warning("labelled-no-title", f"task {task_id}: a labelled block names its agencies but no task", loc))
    if not lead:
        warnings.append(warning("task-without-lead", f"task {task_id} has no lead agency", loc))


def labelled_tasks(roots: list[Section]) -> tuple[list[dict], set[str], list[PlanWarning]]:
    """Tasks from every labelled block under ``roots``; the ids of the sections they used; warnings.

    A block with only a deadline or an output is a task too when a sibling section is a labelled task
    (it is one of the list, with no agency named: warned about)."""
    found: list[tuple[Section, str | None, Section | None, list[Unit], list[Section], int]] = []
    families_with_tasks: set[int] = set()

    def visit(sec: Section, parent: Section | None, family: int) -> None:
        lines, label_children, heading = _flatten(sec)
        units = _units(lines)
        found.append((sec, heading, parent, units, label_children, family))
        if any(u.is_task() for u in units):
            families_with_tasks.add(family)
        for child in sec.children:
            if not any(child is c for c in label_children):  # (the same section: equal ones compare whole trees)
                visit(child, sec if parent is not None or not any(sec is r for r in roots) else None, id(sec))

    for root in roots:
        visit(root, None, 0)
    tasks: list[dict] = []
    used: set[str] = set()
    warnings: list[PlanWarning] = []
    for sec, heading, parent, units, label_children, family in found:
        chosen = [u for u in units if u.is_task()]
        if not chosen and family in families_with_tasks:
            chosen = [u for u in units if {lb.field for lb in u.labels} & _TASK_FIELDS]
        for k, unit in enumerate(chosen, 1):
            task_id = sec.id if len(chosen) == 1 else f"{sec.id}/{k}"
            tasks.append(_unit_to_task(sec, heading, parent, unit, task_id, len(chosen) > 1, warnings))
        if chosen:
            used.add(sec.id)
            used.update(c.id for c in label_children)
    _headings_among_groups(roots, tasks)
    return tasks, used, warnings


_GROUP_WORDS = 8
"""At most this many words in a heading that names a group of tasks rather than one."""


def _headings_among_groups(roots: list[Section], tasks: list[dict]) -> None:
    """A heading with a paragraph and labels under it, among sibling headings whose lettered points are the
    tasks ("1. Nâng cao nhận thức" / "a) …" / "- Cơ quan chủ trì: …"), names a group as they do: its paragraph
    is the task's title and the heading its group."""
    own = {t["section"] for t in tasks}  # sections that are tasks (not the labels of one)
    grouping = {s.id for r in roots for s in r.walk() if any(c.id in own for c in s.children)}
    for root in roots:
        for parent in root.walk():
            if not any(c.id in grouping for c in parent.children):
                continue
            for task in tasks:
                if task["section"] in {c.id for c in parent.children} - grouping and _names_a_group(task) \
                        and task["title"] == next(c.title for c in parent.children if c.id == task["section"]):
                    task["group"], task["title"], task["detail"] = task["title"], task["detail"], None


def _names_a_group(task: dict) -> bool:
    """A short heading ("Kiểm tra, báo cáo") over a longer sentence that is no label ("Địa điểm: …")."""
    if not task["title"]:  # (a task with no title of its own names no group)
        return False
    heading, text = task["title"].split(), (task["detail"] or "").split()
    return len(heading) <= _GROUP_WORDS < len(text) and len(text) > len(heading) and ":" not in " ".join(text[:5])
