"""Assignments in a document with no numbered section: a letter's paragraphs, a news item that quotes them.

An official letter (Công văn) or a portal's page quoting one hands out work in unnumbered paragraphs: "Giao Sở A
chủ trì, phối hợp với các đơn vị liên quan rà soát …; hoàn thành trước ngày 20/11/2026.", "Ủy ban nhân dân các
huyện tổ chức kiểm tra …, báo cáo trước ngày 15/5/2026." With no section to read them from, no task came from
them. A paragraph is read as an assignment when it opens with an agency (after "Giao", "Đề nghị", or a news item's
"Theo đó, UBND tỉnh giao …") and either names it the lead ("chủ trì", "chịu trách nhiệm", a "Giao" before it) or
gives its duty a deadline; what the paragraph names is then read as the body's agency paragraphs are
(:func:`.bodytasks.sections_to_tasks`). Legal bases ("Căn cứ …", "Thực hiện …") and the issuer's own words
("UBND tỉnh có ý kiến như sau:") are no assignment.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..numbering import Token
from ..parse.blocks import Loc
from ..vocab.agencies import ASSIGN
from .bodytasks import sections_to_tasks
from .bodyverbs import sentence_agency
from .dates import find_time_phrase
from .header import BASIS_START
from .roles import Role
from .sections import Section
from .table_row import lead_is_name

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_LEVEL = r"(?:tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã|xã|phường)"
_ASKER = (rf"(?:(?:(?:(?:Phó\s+)?Chủ\s+tịch(?:\s+Thường\s+trực)?|Lãnh\s+đạo)\s+)?(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND)"
          rf"(?:\s+{_LEVEL})?\s+|Lãnh\s+đạo\s+{_LEVEL}\s+)?")
"""The issuer asking, before its verb ("UBND tỉnh yêu cầu …", "(Phó) Chủ tịch UBND tỉnh đề nghị …", "Lãnh đạo TP yêu cầu
…"); never another body (a department's letter that asks the committee, "Sở A đề nghị UBND tỉnh …", hands out no
work)."""
_NEWS_LEAD = rx.compile(rf"(?:^|(?<=[\s.;:]))(?:Theo\s+đó|Cụ\s+thể|Trong\s+đó)\s*,\s*{_ASKER}(?P<assign>(?i:{ASSIGN}))\s+(?=\S)")
"""A news item's "accordingly, it assigns …" before the agency ("… Theo đó, giao các sở …", "Theo đó, UBND tỉnh
yêu cầu Sở A …"): the assignment starts at the verb, even where no stop ends the sentence before it (a headline the
text export ran into the paragraph)."""
_AFTER_REPORT = rx.compile(r";\s*(?P<assign>(?i:giao))\s+(?=\p{Lu})")
"""A news sentence that tells what was issued, then hands its work out after a semicolon ("UBND tỉnh đã ban hành Kế
hoạch số …; giao Sở A chủ trì …"): the assignment starts at "giao"."""
_ROLE_BRACKET = rx.compile(r"\s*\((?:là\s+)?(?:cơ\s+quan|đơn\s+vị)\s+(?:chủ\s+trì|thường\s+trực|đầu\s+mối)\b[^()]*\)")
"""A bracket after the agency that says it leads ("giao Trường B (cơ quan chủ trì xây dựng Đề án) rà soát …"): it names the
lead, and is no part of the name."""
_OPENING = rx.compile(rf"^(?:[^,;.:]{{3,90}},\s*)?{_ASKER}(?P<assign>(?i:{ASSIGN}))\s+(?=\S)")
"""A paragraph that opens with the verb that hands the work out, after a short clause of its grounds or its asker ("Giao
Sở A …", "Trên cơ sở kế hoạch của UBND huyện, đề nghị các phòng …", "UBND tỉnh yêu cầu …")."""
_LEAD_WORDS = rx.compile(r"^,?\s*(?:là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:thường\s+trực|đầu\s+mối|chủ\s+trì)\b|(?:là\s+cơ\s+quan\s+)?"
                         r"(?:chủ\s+trì|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm)\b)", rx.I)
"""Words that name the agency before them the lead: "chủ trì", "chịu trách nhiệm", "là đơn vị thường trực"."""
_OPENS_ASSIGN = rx.compile(rf"^(?i:{ASSIGN})\s+\p{{Lu}}")
_DUE = rx.compile(r"\b(?:trước|chậm\s+nhất|hoàn\s+thành|xong|hạn)\b", rx.I)
"""A time that is a deadline ("hoàn thành trước ngày …"), not one a news item tells of ("trong năm 2025, …")."""
_COURTESY = rx.compile(r"^,?\s*(?:(?:quan\s+tâm|nghiêm\s+túc|phối\s+hợp|khẩn\s+trương|chủ\s+động|tích\s+cực|kịp\s+thời"
                       r"|triển\s+khai|tổ\s+chức)\s*,?\s*)*(?:thực\s+hiện|triển\s+khai)?\s*[./!]*\s*$", rx.I)
"""What a courtesy closing hands out: no duty, only "(quan tâm, nghiêm túc) thực hiện" ("Đề nghị các đơn vị quan tâm
phối hợp thực hiện./."); a duty names what is done ("tổ chức xây dựng kế hoạch …")."""


_ASKS_BELOW = rx.compile(r"\b(?i:giao|đề\s+nghị|yêu\s+cầu)(?!\s+của\b)(?:\s+[^.;:]*)?:\s*$")
"""A paragraph that ends by asking, the asks below it ("Văn phòng UBND tỉnh đề nghị:", "UBND tỉnh yêu cầu các đơn vị thực
hiện một số nội dung sau:"): the paragraphs after it that open with an agency and its duty are assignments."""


_PASSIVE = rx.compile(r"^,?\s*(?:phải\s+|cần\s+|sẽ\s+)?được\s+(?!giao\b|phân\s+công\b)", rx.I)
"""A sentence that says what is to be done to the body it opens with ("Trung tâm A phải được bố trí …"): no duty of it."""


def _assignment(text: str, asked: bool = False) -> tuple[str | None, bool]:
    """The part of a paragraph that assigns work, from its verb or its agency on ("Giao Sở A chủ trì …"), or None; and
    whether a named body was handed work ("Đề nghị Ủy ban …") whatever was read of it. ``asked``: the paragraph above
    ends by asking (:data:`_ASKS_BELOW`)."""
    if BASIS_START.match(text) and not _NEWS_LEAD.match(text):
        return None, False
    m = _OPENING.match(text) or _NEWS_LEAD.search(text) or _AFTER_REPORT.search(text)
    clause = text[m.start("assign"):] if m else text
    clause = _ROLE_BRACKET.sub("", clause[:1].upper() + clause[1:], count=1)
    said = sentence_agency(clause + " ")
    named = m is not None and _OPENS_ASSIGN.match(clause) is not None
    if said is None:
        return None, named
    due = find_time_phrase(clause)
    duty = clause[said[1]:]
    if _LEAD_WORDS.match(duty) or (due and _DUE.search(due)) or \
            ((m or asked) and not _COURTESY.match(duty) and not _PASSIVE.match(duty)):
        return clause, named
    return None, named


def paragraphs_to_tasks(entries: list[dict]) -> tuple[list[dict], list[PlanWarning]]:
    """The tasks the unnumbered paragraphs ``entries`` ({"text", "loc"}) of a document with no numbered section
    assign, id "P<n>" (the paragraph's place among them), and the warnings reading them gave."""
    tasks: list[dict] = []
    warnings: list[PlanWarning] = []
    asked = False
    for k, e in enumerate(entries, 1):
        clause, named = _assignment(e["text"], asked)
        asked = bool(_ASKS_BELOW.search(e["text"])) or (asked and clause is not None)
        loc = Loc(**e["loc"])
        read, said = sections_to_tasks([Section(f"P{k}", str(k), None, Role.ORGANIZATION, loc, Token("arabic", str(k), clause),
                                                content=[("text", clause, loc)])], whole_body=True) if clause else ([], [])
        if read and all(lead_is_name(a) for t in read for a in t["lead_as_written"]):  # no "Các phong trào … do Ban A"
            tasks.extend({**t, "no": None, "section": None} for t in read)
            warnings.extend(said)
        elif named:  # "Đề nghị Ủy ban …, Thủ trưởng …, Chủ tịch … triển khai …": a list longer than a name may be
            warnings.append(warning("body-task-unread", f"paragraph {k} hands work to a body ({e['text'][:60]!r}) "
                                    "but no task was read from it; check it by hand", loc.as_dict()))
    return tasks, warnings


def body_assignments(roots: list[Section], paragraphs: list[dict], directive: bool,
                     skip: frozenset[str]) -> tuple[list[dict], list[PlanWarning]]:
    """The tasks the body assigns: from its sections (:func:`.bodytasks.sections_to_tasks`, ``skip`` left alone), or
    with no numbered section from its ``paragraphs`` (:func:`paragraphs_to_tasks`)."""
    return sections_to_tasks(roots, directive, skip) if roots else paragraphs_to_tasks(paragraphs)
