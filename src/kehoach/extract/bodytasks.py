"""Tasks assigned in the body: agency paragraphs of the implementation section.

"1. Sở Công Thương: …", "- Sở Nội vụ: …", "3. Sở Công thương phối hợp với … triển khai …",
"- Giao Sở Công Thương chủ trì …" each become tasks with ``source: body``. Under an agency
heading ("2. Sở Tài chính"), every paragraph, dash item and lettered point is a task of that
agency unless it names its own.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..parse.blocks import Loc
from ..record import FrozenRecord
from ..vn import ascii_fold, is_upper_text, title_case_place
from ..vocab.agencies import ASSIGN, GROUP_HEAD, HEAD, LEVEL, PERSON_HEAD, starts_agency
from .addressees import (
    ADDRESSEE,
    DUTY_WORDS,
    STARTS_ADDRESSEE,
    WORK,
    addressee_item,
    opening_unread,
    unaddressed_items,
    unread_item,
)
from .agencies import canonical_agency, cell_to_agencies, name_from_caps, trim_known
from .bodyverbs import DUTY_WORD, VERBS, duty_lead
from .dates import find_closing_time, find_time_phrase, text_to_deadline
from .labelled import is_category, labelled_deadline
from .roles import Role
from .sections import Section
from .task_times import find_bracket_time, find_relative_time

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_HEAD = rf"(?:{HEAD}|{PERSON_HEAD}|{GROUP_HEAD}|Các(?!\s+(?:{WORK})\b))"
_ASSIGN = rf"(?:{ASSIGN}\s+)?"
AGENCY_TITLE = rx.compile(rf"^{_ASSIGN}(?P<agency>{_HEAD}\b.*|{ADDRESSEE})$")
_DUTY_CAPS = r"(?:Chủ\s+trì|Phối\s+hợp|Có\s+trách\s+nhiệm|Chịu\s+trách\s+nhiệm|Tham\s+mưu|Chủ\s+động|Tích\s+cực|Tham\s+gia)"
AGENCY_COLON = rx.compile(rf"^{_ASSIGN}(?P<agency>{_HEAD}\b(?:[^:(]|\([^():]*\)){{0,140}}?|{ADDRESSEE})"
                          rf"(?:\s*:\s*|\s+[-–]\s+(?=(?:{VERBS}|{DUTY_WORDS}|{_DUTY_CAPS})\b))(?P<text>.+)$")
"""An agency, a colon, its task ("Sở Nội vụ (cơ quan thường trực): …"); never a colon inside a
bracket the task opened ("Sở X chủ trì lập dự toán (thời hạn: tháng 8/2026)"). A dash before a duty does as the
colon ("Sở Tài chính - bố trí kinh phí …", "Sở Y tế – Chủ trì …"); one inside a name does not ("Sở Lao động -
Thương binh và Xã hội", "Phòng Hành chính - Tổ chức": a capitalised verb that names a field too).
Businesses and people a plan addresses ("Doanh nghiệp: chủ động …", "Người dân:") are read the same way: the lead
is whom the plan names."""
_WHOLE_HEAD = r"(?:Tỉnh|Huyện|Thành|Thị|Quận)\s+(?:đoàn|ủy|uỷ)"
"""A head word that is a whole name ("Tỉnh đoàn kiểm tra …"): no name need follow it."""
_LEAD_IN = r"(?:(?:Định\s+k[ỳì]|Hằng\s+năm|Hàng\s+năm|Hằng\s+quý|Trước\s+ngày|Căn\s+cứ|Trên\s+cơ\s+sở)[^,]{0,90},\s*)?"
AGENCY_SENTENCE = rx.compile(
    rf"^{_LEAD_IN}{_ASSIGN}(?P<agency>{GROUP_HEAD}|{_WHOLE_HEAD}|{_HEAD}\b.{{2,120}}?|{ADDRESSEE})(?<!\svà)(?<!\scác)(?<!\snhững)(?<!\scủa)(?<!\svới)(?<!\scùng),?\s+(?={VERBS}\b)")
"""An agency, then its verb; a name is never cut after "và" or "các" ("… thành phố và các tổ chức chính trị"); a group
("Các đơn vị", "Các sở") may be the whole name ("Các đơn vị báo cáo kết quả …")."""
SUPPORT = rx.compile(r"(?i:phối\s+hợp\s+(?:chặt\s+chẽ\s+)?(?:với\s+)?)(?P<s>.{3,160})")
_SUPPORT_STOP = rx.compile(
    r"\s+(?:" + VERBS.replace(r"|tổ\s+chức", "") + r"|(?<!các\s)(?<!những\s)(?<!và\s)(?<!,\s)tổ\s+chức|thường\s+xuyên|sử\s+dụng|nâng\s+cao"
    r"|đẩy\s+mạnh|lồng\s+ghép|kiểm\s+soát|phát\s+hiện|ngăn\s+chặn|tham\s+gia|huy\s+động|nắm|thẩm\s+định|tổng\s+hợp|trình"
    r"|xử\s+lý|tập\s+huấn|đào\s+tạo|bồi\s+dưỡng|vận\s+hành|duy\s+trì|kịp\s+thời|vận\s+động|thu\s+hút|kêu\s+gọi|hỗ\s+trợ|xác\s+định|quản\s+lý|tháo\s+gỡ|giám\s+sát|đánh\s+giá|cập\s+nhật|ban\s+hành|hoàn\s+thiện|phân\s+bổ|điều\s+chỉnh|đảm\s+bảo|bảo\s+đảm|chuẩn\s+bị|đề\s+xuất|giải\s+quyết|để|trong|nhằm"
    r"|tại|theo|về|cho|đối\s+với|công\s+khai)\b|(?<=liên quan)\s|[.:;(]"
)
_AGENCY_LIKE = rx.compile(rf"^{_HEAD}\b|^(?:các|những|sở|ngành|cơ\s+quan|đơn\s+vị|chính\s+quyền)\b", rx.I)
_ISSUER_ASKS = rx.compile(
    r"^(?:Chủ\s+tịch\s+)?(?:Ủy|Uỷ)?\s*(?:ban\s+nhân\s+dân|UBND)\s+(?:tỉnh|thành\s+phố|huyện|xã|phường)?\s*"
    r"(?:\p{Lu}\p{L}*\s*){0,3}?(?:yêu\s+cầu|giao|đề\s+nghị)\s+(?=\S)", rx.I)
""""Ủy ban nhân dân tỉnh yêu cầu các cơ quan …": the agency is the one asked, not the issuer."""
_LEAD_TAIL = rx.compile(r",?\s+(?:trong\s+phạm\s+vi|theo\s+chức\s+năng|căn\s+cứ|trên\s+cơ\s+sở|được\s+(?:giao|phân\s+công))\b.*$"
                           r"|\s*\([^()]*\)\s*$|\s+(?:được|đã|sẽ)$", rx.I)
"""What follows the name in a lead span: "… trong phạm vi chức năng, nhiệm vụ", "(cơ quan thường trực …)"."""
_WITH_SUPPORT = rx.compile(r"phối\s+hợp(?:\s+với)?\s*:?$", rx.I)
"""A point that introduces the agencies it works with: "b) Chủ trì, phối hợp:" / "- Sở A …"."""
_CONTINUATION_MAX_WORDS = 16
_CAPS_NAME_WORDS = 14
_TERMINAL = rx.compile(r"[.;:!?…]['\"”’)]*$")

_TASK_ROLES = (Role.TASKS, Role.SOLUTIONS)
_LEADS = rx.compile(r"^,?\s*(?:là\s+cơ\s+quan\s+)?(?:chủ\s+trì|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm)\b", rx.I)


def _deadline(text: str, *more: str) -> dict:
    """The deadline a task's own words give: a bracket that holds only its time ("(hoàn thành trước
    30/6/2026)", first: it is said for the task), a time phrase, a "thời gian:" label, a bare time closing the
    bracket that assigns the task ("(Sở A chủ trì; tháng 6/2026)") or the sentence ("…, Quý III/2026."),
    a recurrence."""
    for t in (text, *more):
        phrase = find_bracket_time(t) or find_time_phrase(t) or labelled_deadline(t) or _bracket_time(t) \
            or find_closing_time(t) or find_relative_time(t)
        if phrase:
            return text_to_deadline(phrase)
    return text_to_deadline(find_time_phrase(text, recurrence=True))


_BRACKET_TIME = rx.compile(r"[;,]\s*(?P<time>[^;,()]{3,40}?)\s*\)\s*\.?$")
_BRACKET_TIME_WORDS = 5


def _bracket_time(text: str) -> str | None:
    """A time alone in the last part of a closing bracket: "… (Văn phòng UBND tỉnh chủ trì; tháng 6/2026)."."""
    m = _BRACKET_TIME.search(text)
    if m is None or len(m.group("time").split()) > _BRACKET_TIME_WORDS:
        return None
    d = text_to_deadline(m.group("time"))
    return m.group("time") if d["end"] or d["recurrence"] else None


def _task(task_id: str, sec: Section, text: str, lead_text: str, loc: Loc, group: str | None = None,
          support_text: str | None = None, title: str | None = None) -> dict:
    lead_w = [trim_known(a) for a in cell_to_agencies(_clean_lead(lead_text))]  # "Sở A tổng hợp kết quả" -> "Sở A"
    support_w: list[str] = []
    m = SUPPORT.search(text)
    if support_text:  # "b) Chủ trì, phối hợp:" / "- Sở Tài chính … tham mưu …": the item names who supports
        support_w = [a for a in cell_to_agencies(_clean_lead(support_text)) if a not in lead_w]
    elif m is None and group:  # "a) Chủ trì, phối hợp với X:" over its items
        m = SUPPORT.search(group)
    if m and not support_w:
        span = _SUPPORT_STOP.split(m.group("s"), maxsplit=1)[0]
        support_w = [trim_known(a) for a in cell_to_agencies(span) if a not in lead_w and _AGENCY_LIKE.match(a)]
    return {
        "id": task_id,
        "no": sec.number,
        "group": group,
        "title": title or text,
        "lead": [canonical_agency(a) for a in lead_w],
        "support": [canonical_agency(a) for a in support_w],
        "lead_as_written": lead_w,
        "support_as_written": support_w,
        "deadline": _deadline(text, *([title] if title else [])),
        "output": None,
        "target": None,
        "note": None,
        "source": "body",
        "section": sec.id,
        "loc": loc.as_dict(),
    }


def _clean_lead(text: str) -> str:
    """The agency part of a lead span: the issuer's "yêu cầu"/"giao" and trailing qualifiers removed."""
    t = _ISSUER_ASKS.sub("", text.strip(), count=1)
    prev = None
    while prev != t:
        prev, t = t, _LEAD_TAIL.sub("", t).strip()
    return t or text


def _heading_agency(sec: Section) -> tuple[str | None, int, bool]:
    """The agency a heading names ("2. Sở Tài chính", "3. Đề nghị Ủy ban Mặt trận …"), how many of
    the section's first paragraphs continue that heading (a wrap the converter split off), and
    whether the heading is a whole assignment sentence ("Sở A chỉ đạo Chi cục B thực hiện …")."""
    if not sec.title or len(sec.title) > 200:
        return None, 0, False
    if is_upper_text(sec.title) and len(sec.title.split()) <= _CAPS_NAME_WORDS and starts_agency(title_case_place(sec.title)):
        return name_from_caps(sec.title), 0, False  # "1. SỞ Y TẾ": an agency heading in capitals
    m = AGENCY_SENTENCE.match(sec.title + " ")
    if m:  # the lead is the agency part only
        return m.group("agency"), 0, True
    m = AGENCY_TITLE.match(sec.title)
    if not m:
        return None, 0, False
    agency = m.group("agency")
    if sec.content and sec.content[0][0] == "text" and _names_only(sec.content[0][1]):
        # "5. UBND các xã: An Bình, Tân Lập … và UBND thị trấn X." names who, it is no task
        return f"{agency.rstrip(' :')}: {sec.content[0][1].strip().rstrip('.;')}", 1, False
    if sec.content and not _TERMINAL.search(agency):
        kind, first, _loc = sec.content[0]
        if kind == "text" and first[:1].isupper() and not _TERMINAL.search(first) and not DUTY_WORD.match(first) \
                and len(first.split()) <= _CONTINUATION_MAX_WORDS and len(sec.content) > 1:
            return f"{agency} {first}", 1, False
    return agency, 0, False


_NAME_SEP = rx.compile(r",|\s+và\s+|\s+[-–]\s+")
_NAME_WORDS = 6
_PLACE_LEVEL = rx.compile(r"^(?:xã|phường|huyện|quận|tỉnh|thị|trấn|thành|phố|các)$")
"""Lower-case words a place's or a local body's name may hold ("UBND thị trấn Yên Lạc")."""


def _names_only(text: str) -> bool:
    """True when a paragraph is only a list of names ("An Bình, Tân Lập, Phú Thọ – Hòa Bình và
    UBND thị trấn Yên Lạc."): every part starts with a capital and is a few words long."""
    parts = [p.split() for p in _NAME_SEP.split(text.strip().rstrip(".;")) if p.strip()]
    return len(parts) >= 2 and all(len(p) <= _NAME_WORDS and p[0][:1].isupper()
                                   and all(w[:1].isupper() or _PLACE_LEVEL.match(w) for w in p) for p in parts)


def _own_agency(text: str, over: str | None = None) -> tuple[str, str] | None:
    """(agency, task text) when a paragraph names its own agency; to override the agency ``over``
    it comes from a heading, the name must start with a capital ("Sở …", not "các đơn vị …")."""
    m = AGENCY_COLON.match(text)
    if m and (over is None or m.group("agency")[:1].isupper()):
        return m.group("agency"), m.group("text")
    m = AGENCY_SENTENCE.match(text)  # a business or people in a sentence under an agency is what the agency works on
    if m and (over is None or (m.group("agency")[:1].isupper() and not STARTS_ADDRESSEE.match(m.group("agency")))):
        return m.group("agency"), text
    return None


def _point_text(sec: Section) -> str:
    """A point's heading and paragraphs as one task text ("Heading: text" when they shared a line)."""
    if not sec.title:
        return " ".join(sec.text)
    if not sec.text:
        return sec.title
    inline = sec.content and sec.content[0][2] == sec.loc
    sep = ": " if inline or sec.text[0][:1].isupper() else " "
    return sec.title + sep + " ".join(sec.text)


class _Unit(FrozenRecord):
    """One assignment found in the body, before it becomes a task."""

    __slots__ = ("lead", "text", "loc", "group", "support", "title")

    lead: str
    text: str
    loc: Loc
    group: str | None
    support: str | None
    title: str | None
    """The task's title when it is not its text (an item headed by its own title)."""

    def __init__(self, lead: str, text: str, loc: Loc, group: str | None = None, support: str | None = None,
                 title: str | None = None) -> None:
        self.lead, self.text, self.loc, self.group, self.support, self.title = lead, text, loc, group, support, title


def _units(sec: Section, agency: str | None, inherited: str | None) -> list[_Unit]:
    """Each assignment a section holds."""
    units: list[_Unit] = []
    skip = 0
    if agency:
        agency, skip, sentence = _heading_agency(sec)
        if sentence and agency and not sec.content and not sec.children and sec.title:
            units.append(_Unit(agency, sec.title, sec.loc))  # the heading is itself the assignment
    if agency is None and inherited and (sec.title or sec.content):
        # A point under an agency heading ("a) Chủ trì …"): one task, or one per dash item after an intro.
        items = [(t, loc) for kind, t, loc in sec.content if kind in ("item", "subitem")]
        if items and sec.title:
            if _WITH_SUPPORT.search(sec.title):
                return [_Unit(inherited, t, loc, sec.title, (_own_agency(t) or (None,))[0]) for t, loc in items]
            return [_Unit(inherited, t, loc, sec.title) for t, loc in items]
        text = _point_text(sec)
        own = _own_agency(text, inherited)
        return [_Unit(own[0] if own else inherited, text, sec.loc)]
    for _kind, para, loc in sec.content[skip:]:
        for text in _run_items(para):
            own = _own_agency(text, agency)
            if own:
                units.append(_Unit(own[0], own[1], loc))
            elif agency:
                units.append(_Unit(agency, text, loc))
    return units


_RUN_DASH = rx.compile(rf"(?:^|\s)[-–]\s+(?=(?i:{VERBS})\b)")
"""A dash that opens a duty ("- Chủ trì …", "- Phối hợp với …"), never one inside a name ("Ban Thi đua - Khen thưởng")."""


def _run_items(text: str) -> list[str]:
    """The dash items a paragraph holds when a text export ran them onto one line after their agency
    ("Sở Y tế: - Chủ trì … - Phối hợp …"); the paragraph itself otherwise."""
    if not _RUN_DASH.match(text):
        return [text]
    return [p.strip() for p in _RUN_DASH.split(text) if p.strip()]


_CLAUSE_START = rx.compile(rf"[.:;]\s+(?=\p{{Lu}})|\s(?={ASSIGN}\s)|\(\s*(?=\p{{Lu}})")
"""Where an assignment may start inside a paragraph: after the sentence or the colon that states the work
("Rà soát các quy định … . Giao Sở A chủ trì …", "Xây dựng cơ sở dữ liệu …: Sở A chủ trì, phối hợp với …"), in
brackets after it ("Xây dựng Đề án … (Sở A chủ trì, phối hợp với Sở B; hoàn thành trong Quý III/2026)"), or at a
capitalised "Giao"/"Đề nghị", which opens a sentence (a heading run into its paragraph by a text export)."""


def _lead_sentence(text: str, item: bool = False) -> tuple[str, int] | None:
    """The agency a paragraph makes the lead ("Sở A chủ trì, phối hợp với …", "Giao Sở A …"; at the paragraph's start
    an item's, within a part, duty right after the name does too: "Các trường A kiện toàn …") and where that assignment starts, at the
    paragraph's start or after a sentence or a colon; or None."""
    for start in (0, *(m.end() for m in _CLAUSE_START.finditer(text))):
        clause = text[start:]
        m = AGENCY_SENTENCE.match(clause + " ")
        if m is None or not m.group("agency")[:1].isupper():
            continue
        if _LEADS.match(clause[m.end("agency"):]) or rx.match(rf"{_LEAD_IN}{ASSIGN}\s", clause) \
                or (item and start == 0 and duty_lead(m.group("agency"), clause[m.end("agency"):])):
            return m.group("agency"), start
    return None


def _item_units(sec: Section) -> list[_Unit]:
    """A numbered item (a leaf) of a task section whose agency comes in a paragraph of its own
    ("1. Rà soát …" / "Sở A chủ trì, phối hợp với Sở B …; thời gian: …") or after the sentence that
    states the work: one task titled by the heading, or one per assigning paragraph when several
    agencies are given their parts. Support and deadline are read from the assignment on."""
    said = [(found[0], text, found[1], loc) for kind, text, loc in sec.content
            if kind == "text" and (found := _lead_sentence(text, "." in sec.id)) is not None]
    if not said:  # "- Sở Tài chính: bố trí …", "b) Doanh nghiệp - chủ động …": items headed by whom they are for
        return [_Unit(m.group("agency"), m.group("text"), loc, sec.title) for _kind, text, loc in sec.content
                if (m := AGENCY_COLON.match(text)) and _named(m.group("agency"))] or \
            _title_units(sec)
    if len(said) == 1 and sec.title:
        lead, text, start, loc = said[0]
        return [_Unit(lead, text[start:], loc, title=sec.title)]
    return [_Unit(lead, text[start:], loc, sec.title, title=text if start else None) for lead, text, start, loc in said]


def _title_units(sec: Section) -> list[_Unit]:
    """A heading that states the work and then its lead: "1. Việc … (Sở A chủ trì; …)"."""
    if not sec.content and sec.title and (found := _lead_sentence(sec.title)) is not None and found[1]:
        return [_Unit(found[0], sec.title[found[1]:], sec.loc, title=sec.title)]
    return []


def _named(agency: str) -> bool:
    return _NAMED_AGENCY.match(agency) is not None or STARTS_ADDRESSEE.match(agency) is not None


_LISTING = rx.compile(r"^(?:cac\s+)?(?:tieu\s+chuan|tieu\s+chi|doi\s+tuong)\b|\bnoi\s+dung\b.*\bthi\s+dua\b")
"""Headings of a part that lists, not assigns (folded): an emulation's contents, criteria or participants
("Nội dung thi đua", "Tiêu chuẩn khen thưởng", "Đối tượng áp dụng"); an agency heading under them says who is
judged on what, it hands out no work."""
_NAMED_AGENCY = rx.compile(rf"^(?:{ASSIGN}\s+)?(?:{PERSON_HEAD}|{GROUP_HEAD}|{HEAD}(?=\s+(?:\p{{Lu}}|(?:các|nhân\s+dân|{LEVEL})\b)))")
"""An agency's name: a head word and a name ("Sở Tài chính", "Công an tỉnh", "Ủy ban nhân dân các xã"), not a head
word over a common noun that names a topic ("Trường học", "Cổng dịch vụ công", "Đài truyền thanh")."""


def _agency_item(sec: Section, agency: str | None, listing: bool) -> bool:
    """Whether a section of tasks or solutions is an item headed by its agency ("1. Sở Tài chính: chủ trì …",
    "a) Sở Y tế" over its dash items): read as the implementation section's agency items are, unless it stands
    in a part that lists an emulation's contents or criteria."""
    return (agency is not None and not listing and sec.role in _TASK_ROLES and sec.title is not None
            and (_NAMED_AGENCY.match(agency) is not None or addressee_item(sec)))


def _lists(sec: Section) -> bool:
    return bool(sec.title and _LISTING.search(ascii_fold(sec.title).lower()))


def _visit(sec: Section, inherited: str | None, in_scope: bool, out: tuple[list[dict], list[PlanWarning]],
           skip: frozenset[str], listing: bool = False) -> None:
    tasks, warnings = out
    listing = listing or _lists(sec)
    agency = _heading_agency(sec)[0]
    in_scope = in_scope or sec.role == Role.ORGANIZATION or _agency_item(sec, agency, listing)
    units: list[_Unit] = []
    n = len(warnings)
    if in_scope and not listing:  # "Nội dung thi đua" under the implementation part: who is judged on what
        units = _units(sec, agency, inherited)
        read = {u.loc for u in units}
        warnings.extend(warning("body-task-unread", f"item {sec.id}: {head!r} is given a duty, but names no agency or "
                                "addressee known and no task was read from it; check it by hand", loc.as_dict())
                        for head, loc in (unaddressed_items(sec) if agency is None is inherited and sec.id not in skip else [])
                        if loc not in read)
        if agency is None is inherited and sec.title is None and not units and "." in sec.id and sec.id not in skip \
                and not warnings[n:]:
            warnings.extend(w for w in [opening_unread(sec)] if w)  # "2. Sở A quản lý …": a verb no list knows
    elif sec.role in _TASK_ROLES and not sec.children and sec.id not in skip and not listing \
            and not (sec.title and is_category(sec.title)):
        units = _item_units(sec) if agency is None else []
        unread = None if units else unread_item(sec)
        if unread:
            warnings.append(unread)
    for k, u in enumerate(units, 1):
        tid = sec.id if len(units) == 1 else f"{sec.id}/{k}"
        tasks.append(_task(tid, sec, u.text, u.lead, u.loc, u.group, u.support, u.title))
        dl = tasks[-1]["deadline"]
        if dl["text"] and not (dl["start"] or dl["end"] or dl["recurrence"] or find_relative_time(dl["text"])):
            warnings.append(warning("deadline-unparsed", f"task {tid}: deadline {dl['text']!r} was not understood",
                                    u.loc.as_dict()))
    for child in sec.children:
        _visit(child, _clean_lead(agency) if agency else inherited, in_scope, out, skip, listing)


def sections_to_tasks(roots: list[Section], whole_body: bool = False,
                      skip: frozenset[str] = frozenset()) -> tuple[list[dict], list[PlanWarning]]:
    """Every agency assignment in the implementation (organization) sections, or in every
    section when ``whole_body`` (a directive assigns its duties section by section), and the items
    of task sections whose agency is given in a sentence of their own; warnings for task-section
    items that name a lead no task came from. Sections in ``skip`` (read as labelled blocks) are
    left alone."""
    tasks: list[dict] = []
    warnings: list[PlanWarning] = []
    whole_body = whole_body or not any(_scoped(root) for root in roots)  # a short plan of numbered paragraphs only
    for root in roots:
        _visit(root, None, whole_body, (tasks, warnings), skip)
    return tasks, warnings


def _scoped(sec: Section) -> bool:
    """Whether a section or one under it is where a plan assigns its work (tasks, solutions, implementation)."""
    return sec.role in (*_TASK_ROLES, Role.ORGANIZATION) or any(_scoped(c) for c in sec.children)
