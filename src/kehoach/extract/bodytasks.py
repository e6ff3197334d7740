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
    addressee_item,
    opening_unread,
    unaddressed_items,
    unread_item,
)
from .agency_caps import name_from_caps
from .agency_lists import LIST_COLON, NOT_LIST_COLON
from .bodytask_fields import clean_lead, unit_task
from .bodyverbs import (
    DUTY_WORD,
    HEAD_OR_GROUP,
    LEAD_IN,
    OPT_ASSIGN,
    VERBS,
    basis_owners,
    duty_lead,
    sentence_agency,
    verb_unread,
)
from .cooperation import cooperates_only, doubt_warning
from .labelled import is_category
from .roles import Role
from .sections import Section
from .task_times import find_relative_time

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_HEAD = HEAD_OR_GROUP
_ASSIGN = OPT_ASSIGN + r"(?:Đối\s+với\s+)?"  # "Đối với các sở, ngành: chủ động bố trí …": whom the duty is for
AGENCY_TITLE = rx.compile(rf"^{_ASSIGN}(?P<agency>{_HEAD}\b.*|{ADDRESSEE})$")
_DUTY_CAPS = r"(?:Chủ\s+trì|Phối\s+hợp|Có\s+trách\s+nhiệm|Chịu\s+trách\s+nhiệm|Tham\s+mưu|Chủ\s+động|Tích\s+cực|Tham\s+gia)"
AGENCY_COLON = rx.compile(rf"^{_ASSIGN}(?P<agency>{_HEAD}\b(?:[^:(]|\([^():]*\)|{LIST_COLON}){{0,140}}?|{ADDRESSEE})"
                          rf"(?:\s*{NOT_LIST_COLON}\s*|\s+[-–]\s+(?=(?:{VERBS}|{DUTY_WORDS}|{_DUTY_CAPS})\b))(?P<text>.+)$")
"""An agency, a colon, its task ("Sở Nội vụ (cơ quan thường trực): …"); never a colon inside a
bracket the task opened ("Sở X chủ trì lập dự toán (thời hạn: tháng 8/2026)"). A dash before a duty does as the
colon ("Sở Tài chính - bố trí kinh phí …", "Sở Y tế – Chủ trì …"); one inside a name does not ("Sở Lao động -
Thương binh và Xã hội", "Phòng Hành chính - Tổ chức": a capitalised verb that names a field too).
Businesses and people a plan addresses ("Doanh nghiệp: chủ động …", "Người dân:") are read the same way: the lead
is whom the plan names."""
_ASKED_TITLE = rx.compile(r"^(?:Đề\s+nghị|Mời)\s+(?P<agency>\p{Lu}[^.;:]{2,150})$")
"""A heading that asks or invites a body by its name, whatever its kind ("Đề nghị Cơ quan Báo và Phát thanh, Truyền
hình tỉnh", "Mời Đại sứ quán các nước"): whom the items under it are for."""
_WITH_SUPPORT = rx.compile(r"phối\s+hợp(?:\s+với)?\s*:?$", rx.I)
"""A point that introduces the agencies it works with: "b) Chủ trì, phối hợp:" / "- Sở A …"."""
_CONTINUATION_MAX_WORDS = 16
_CAPS_NAME_WORDS = 14
_TERMINAL = rx.compile(r"[.;:!?…]['\"”’)]*$")

_TASK_ROLES = (Role.TASKS, Role.SOLUTIONS)
_LEADS = rx.compile(r"^,?\s*(?:là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:thường\s+trực|đầu\s+mối)\b"
                    r"|(?:là\s+cơ\s+quan\s+)?(?:chủ\s+trì|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm"
                    r"|phối\s+hợp(?:\s+chặt\s+chẽ)?\s+với))\b", rx.I)
"""Words after an agency that make it (or the partner they name the lead: :mod:`.cooperation`) a task's lead ("chủ
trì", "là cơ quan thường trực")."""


def _heading_agency(sec: Section) -> tuple[str | None, int, bool]:
    """The agency a heading names ("2. Sở Tài chính", "3. Đề nghị Ủy ban Mặt trận …"), how many of
    the section's first paragraphs continue that heading (a wrap the converter split off), and
    whether the heading is a whole assignment sentence ("Sở A chỉ đạo Chi cục B thực hiện …")."""
    if not sec.title or len(sec.title) > 200:
        return None, 0, False
    if is_upper_text(sec.title) and len(sec.title.split()) <= _CAPS_NAME_WORDS and starts_agency(title_case_place(sec.title)):
        return name_from_caps(sec.title), 0, False  # "1. SỞ Y TẾ": an agency heading in capitals
    said = sentence_agency(sec.title + " ")
    if said:  # the lead is the agency part only
        return said[0], 0, True
    m = AGENCY_TITLE.match(sec.title) or _ASKED_TITLE.match(sec.title)
    if not m:
        return None, 0, False
    agency = m.group("agency")
    if sec.content and sec.content[0][0] == "text" and _names_only(sec.content[0][1]):
        # "5. UBND các xã: An Bình, Tân Lập … và UBND thị trấn X." names who, it is no task
        return f"{agency.rstrip(' :')}: {sec.content[0][1].strip().rstrip('.;')}", 1, False
    if sec.content and not _TERMINAL.search(agency):
        kind, first, first_loc = sec.content[0]
        if kind == "text" and first_loc != sec.loc and first[:1].isupper() and not _TERMINAL.search(first) and not DUTY_WORD.match(first) \
                and len(first.split()) <= _CONTINUATION_MAX_WORDS and len(sec.content) > 1:
            return f"{agency} {first}", 1, False
    return agency, 0, False


_NAME_SEP = rx.compile(r",|\s+và\s+|\s+[-–]\s+")
_NAME_WORDS = 6
_PLACE_LEVEL = rx.compile(r"^(?:xã|phường|huyện|quận|tỉnh|thị|trấn|thành|phố|các)$")
"""Lower-case words a place's or a local body's name may hold ("UBND thị trấn Yên Lạc")."""


def _names_only(text: str) -> bool:
    """True when a paragraph is only a list of names ("An Bình, Tân Lập, Phú Thọ – Hòa Bình và
    UBND thị trấn Yên Lạc.", "Lào, Cộng hoà Liên bang Nga"): every part starts with a capital, is a few words long
    and most of its words are capitalised."""
    parts = [p.split() for p in _NAME_SEP.split(text.strip().rstrip(".;")) if p.strip()]
    return len(parts) >= 2 and all(len(p) <= _NAME_WORDS and p[0][:1].isupper()
                                   and 2 * sum(w[:1].isupper() or _PLACE_LEVEL.match(w) is not None for w in p) > len(p)
                                   for p in parts)


def _own_agency(text: str, over: str | None = None) -> tuple[str, str] | None:
    """(agency, task text) when a paragraph names its own agency; to override the agency ``over``
    it comes from a heading, the name must start with a capital ("Sở …", not "các đơn vị …")."""
    m = AGENCY_COLON.match(text)
    if m and (over is None or m.group("agency")[:1].isupper()):
        return m.group("agency"), m.group("text")
    said = sentence_agency(text)  # a business or people in a sentence under an agency is what the agency works on
    if said and (over is None or (said[0][:1].isupper() and not STARTS_ADDRESSEE.match(said[0]))):
        return said[0], text
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
        if sentence and agency and not sec.children and sec.title and (not sec.content or (
                sec.token.rest.rstrip("*_ ").endswith(".") and all(kind in ("item", "subitem") or _own_agency(t, agency)
                                                                    for kind, t, _l in sec.content))):
            units.append(_Unit(agency, sec.title, sec.loc))  # the heading is itself the assignment (a sentence: its steps
            # follow, or paragraphs that name bodies of their own: "Đồng thời, giao Sở B …")
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
    content = sec.content[skip:]
    intro: tuple[str, str] | None = None  # "Chủ trì, phối hợp với X:" over the items after it: their lead and group
    for k, (kind, para, loc) in enumerate(content):
        if agency and kind == "text" and para.rstrip(" *_").endswith(":") and k + 1 < len(content) \
                and content[k + 1][0] != "text":
            intro = ((_own_agency(para, agency) or (agency,))[0], para)
            continue
        intro = None if kind == "text" else intro
        if agency and kind == "text" and _CLOSING.match(para) and any(c[0] != "text" for c in content[:k]):
            continue  # "Yêu cầu các cơ quan, đơn vị …" after the last agency's items: the part's closing, no duty of it
        if kind == "text" and k and content[k - 1][0] == "text" and units and units[-1].loc == content[k - 1][2] \
                and not _TERMINAL.search(content[k - 1][1]) and len(para.split()) <= _CONTINUATION_MAX_WORDS \
                and _TERMINAL.search(para) and not DUTY_WORD.match(para) and not _own_agency(para, agency):
            units[-1] = _Unit(units[-1].lead, f"{units[-1].text} {para}", units[-1].loc, units[-1].group)
            continue  # a sentence's short end a line break parted from it ("… tại khu vực tổ chức" / "Lễ kỷ niệm.")
        for text in _run_items(para):
            own = _own_agency(text, agency)
            lead = own[0] if own else intro[0] if intro else agency
            if lead:
                units.append(_Unit(lead, own[1] if own else text, loc, intro[1] if intro else None))
    return units


_CLOSING = rx.compile(rf"^(?:Yêu\s+cầu|Đề\s+nghị)\s+(?:{GROUP_HEAD}|(?:Thủ\s+trưởng|Chủ\s+tịch)\s+các\b)")
"""A paragraph that addresses every body at once ("Yêu cầu các cơ quan, đơn vị triển khai …", "Đề nghị Thủ trưởng các
sở …"): after an agency's items, the implementation part's closing, which the section tree puts under the last
heading."""
_RUN_DASH = rx.compile(rf"(?:^|\s)[-–]\s+(?=(?i:{VERBS})\b)")
"""A dash that opens a duty ("- Chủ trì …", "- Phối hợp với …"), never one inside a name ("Ban Thi đua - Khen thưởng")."""


def _run_items(text: str) -> list[str]:
    """The dash items a paragraph holds when a text export ran them onto one line after their agency
    ("Sở Y tế: - Chủ trì … - Phối hợp …"); the paragraph itself otherwise."""
    if not _RUN_DASH.match(text):
        return [text]
    return [p.strip() for p in _RUN_DASH.split(text) if p.strip()]


_CLAUSE_START = rx.compile(rf"(?:[.;]|{NOT_LIST_COLON})\s+(?=\p{{Lu}})|\s(?={ASSIGN}\s)|\(\s*(?=\p{{Lu}})")
"""Where an assignment may start inside a paragraph: after the sentence or the colon that states the work
("Rà soát các quy định … . Giao Sở A chủ trì …", "Xây dựng cơ sở dữ liệu …: Sở A chủ trì, phối hợp với …"), in
brackets after it ("Xây dựng Đề án … (Sở A chủ trì, phối hợp với Sở B; hoàn thành trong Quý III/2026)"), or at a
capitalised "Giao"/"Đề nghị", which opens a sentence (a heading run into its paragraph by a text export)."""


_ASIDE = rx.compile(r",?\s*(?:trên\s+cơ\s+sở|căn\s+cứ)\s[^;:.()]{1,160}?,\s*(?=(?:chủ\s+trì|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm)\b)",
                    rx.I)
"""What a sentence may say between its agency and the lead's words ("Sở Tài chính, trên cơ sở nhu cầu các cơ quan gửi
về, chủ trì tổng hợp …")."""


def _lead_sentence(text: str, item: bool = False) -> tuple[str, int] | None:
    """The agency a paragraph makes the lead ("Sở A chủ trì, phối hợp với …", "Giao Sở A …"; at the paragraph's start
    an item's, within a part, duty right after the name does too: "Các trường A kiện toàn …") and where that assignment starts, at the
    paragraph's start or after a sentence or a colon; or None."""
    for start in (0, *(m.end() for m in _CLAUSE_START.finditer(text))):
        clause = text[start:]
        said = sentence_agency(clause + " ")
        if said is None or not (said[0][:1].isupper() or not clause.startswith(said[0])):
            continue  # a name in lower case only after what leads it in ("Đối với …, các sở …", "Giao các sở …")
        rest = clause[said[1]:]
        rest = rest[aside.end():] if (aside := _ASIDE.match(rest)) else rest  # "Sở A, trên cơ sở …, chủ trì …"
        if _LEADS.match(rest) or rx.match(rf"{LEAD_IN}{ASSIGN}\s", clause) \
                or (item and start == 0 and duty_lead(said[0], rest)):
            return said[0], start
    return None


def _item_units(sec: Section) -> list[_Unit]:
    """A numbered item (a leaf) of a task section whose agency comes in a paragraph of its own
    ("1. Rà soát …" / "Sở A chủ trì, phối hợp với Sở B …; thời gian: …") or after the sentence that
    states the work: one task titled by the heading, or one per assigning paragraph when several
    agencies are given their parts. Support and deadline are read from the assignment on."""
    said = [(found[0], text, found[1], loc) for kind, text, loc in sec.content
            if kind == "text" and (found := _lead_sentence(text, "." in sec.id)) is not None]
    if not said:  # "- Sở Tài chính: bố trí …", "- Sở Y tế kiểm tra …": items headed by whom they are for
        return [u for kind, text, loc in sec.content if (u := _headed_item(sec, kind, text, loc))] or _title_units(sec)
    if len(said) == 1 and sec.title:
        lead, text, start, loc = said[0]
        partners = [t for kind, t, _loc in sec.content if kind == "text" and t != text and cooperates_only(t)]
        return [_Unit(lead, " ".join([text[start:], *partners]), loc, title=sec.title)]  # "Sở B phối hợp." after it
    return [_Unit(lead, text[start:], loc, sec.title, title=text if start else None) for lead, text, start, loc in said]


def _headed_item(sec: Section, kind: str, text: str, loc: Loc) -> _Unit | None:
    """A paragraph or dash item headed by whom it is for ("- Sở Tài chính: bố trí …", "b) Doanh nghiệp - chủ động
    …"), or a dash item opening with an agency and its duty ("- Sở Y tế kiểm tra …"), as its own task."""
    if (m := AGENCY_COLON.match(text)) and _named(m.group("agency")):
        return _Unit(m.group("agency"), m.group("text"), loc, sec.title)
    if kind != "text" and "." in sec.id and (found := _lead_sentence(text, True)) and not found[1]:
        return _Unit(found[0], text, loc, sec.title)
    return None


def _funding_units(sec: Section) -> list[_Unit]:
    """The duties a funding or reporting part hands out, outside the implementation part: each paragraph or item
    headed by its agency and a colon ("Các sở, ngành: căn cứ …, báo cáo …") or whose sentence an agency opens with its
    duty ("Sở Tài chính tham mưu bố trí kinh phí …", "Các sở, ngành chủ động tranh thủ …", "Giao Sở A …"); what the
    part says of the money alone ("Kinh phí được bố trí từ …") is no task."""
    units = []
    for _kind, text, loc in sec.content:
        if (m := AGENCY_COLON.match(text)) and _named(m.group("agency")):
            units.append(_Unit(m.group("agency"), m.group("text"), loc, sec.title))
        elif (found := _lead_sentence(text, True)) is not None:
            units.append(_Unit(found[0], text[found[1]:], loc, sec.title))
    return units


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
           skip: frozenset[str], listing: bool = False, part: str | None = None) -> None:
    """One section's tasks and warnings into ``out``, then its children's (``part``: the funding or reporting part an
    untitled item stands in, "V. BÁO CÁO KẾT QUẢ" / "1. Các phòng, ban … gửi báo cáo … trước ngày 25 tháng cuối quý")."""
    tasks, warnings = out
    part = sec.role if sec.role in (Role.FUNDING, Role.REPORTING) else part if sec.title is None else None
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
        if agency is None is inherited and sec.id not in skip:  # "- Trung tâm A quản lý …": where the name ends
            warnings.extend(w for w in verb_unread(sec.id, sec.content, read) if w["loc"] not in [x["loc"] for x in warnings[n:]])
        if agency is None is inherited and sec.title is None and not units and "." in sec.id and sec.id not in skip \
                and not warnings[n:]:
            warnings.extend(w for w in [opening_unread(sec)] if w)  # "2. Sở A quản lý …": a verb no list knows
    elif sec.role in _TASK_ROLES and not sec.children and sec.id not in skip and not listing:
        category = bool(sec.title and is_category(sec.title))  # "2. Về thể chế: Sở A rà soát …": the sentence is the task
        units = ([_Unit(u.lead, u.text, u.loc, sec.title if category else u.group, u.support, None if category else u.title)
                  for u in _item_units(sec)] if agency is None else [])
        unread = None if units else unread_item(sec)
        warnings.extend([unread] if unread else [] if units else verb_unread(sec.id, sec.content, set()))
    elif part is not None and sec.id not in skip and not listing:
        # "1. Các sở, ngành:" / "Căn cứ …, báo cáo …": an agency heading's paragraphs are its duties, as in the
        # implementation part (they were read only when a paragraph named its own agency)
        headed = agency if agency is not None and _named(agency) else None
        units = _units(sec, headed, inherited) if headed or inherited else _funding_units(sec)
    for k, u in enumerate(units, 1):
        tid = sec.id if len(units) == 1 else f"{sec.id}/{k}"
        tasks.append(unit_task(tid, sec, u.text, u.lead, u.loc, u.group, u.support, u.title))
        warnings.extend(w for w in [doubt_warning(tid, u.text, u.lead, u.loc)] if w)
        if (owned := basis_owners(u.text)) is not None:
            warnings.append(warning("lead-basis-owners", f"task {tid}: the clause before its lead ends in {owned[0]!r}, "
                                    f"run on into {owned[1]!r} with no word between: both are read as the lead, though "
                                    "the subject may be the last alone", u.loc.as_dict()))
        dl = tasks[-1]["deadline"]
        if dl["text"] and not (dl["start"] or dl["end"] or dl["recurrence"] or find_relative_time(dl["text"])):
            warnings.append(warning("deadline-unparsed", f"task {tid}: deadline {dl['text']!r} was not understood",
                                    u.loc.as_dict()))
    for child in sec.children:
        _visit(child, clean_lead(agency) if agency else inherited, in_scope, out, skip, listing, part)


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
    for root in roots:  # (an aim names who is to reach it, it assigns nothing: "1. Mục tiêu" / "Các sở chủ động …")
        _visit(root, None, whole_body and root.role not in _AIMS, (tasks, warnings), skip)
    return tasks, warnings


_AIMS = (Role.PURPOSE, Role.REQUIREMENTS, Role.OBJECTIVES)


def _scoped(sec: Section) -> bool:
    """Whether a section or one under it is where a plan assigns its work (tasks, solutions, implementation)."""
    return sec.role in (*_TASK_ROLES, Role.ORGANIZATION) or any(_scoped(c) for c in sec.children)
