"""Assignments in a document with no numbered section: a letter's paragraphs, a news item that quotes them.

An official letter (Công văn) or a portal's page quoting one hands out work in unnumbered paragraphs: "Giao Sở A
chủ trì, phối hợp với các đơn vị liên quan rà soát …; hoàn thành trước ngày 10/12/2026.", "Ủy ban nhân dân các
huyện tổ chức kiểm tra …, báo cáo trước ngày 15/5/2026." With no section to read them from, no task came from
them. A paragraph is read as an assignment when it opens with an agency (after "Giao", "Đề nghị", or a news item's
"Theo đó, UBND tỉnh giao …") and either names it the lead ("chủ trì", "chịu trách nhiệm", a "Giao" before it) or
gives its duty a deadline; what the paragraph names is then read as the body's agency paragraphs are
(:func:`.bodytasks.sections_to_tasks`). Legal bases ("Căn cứ …", "Thực hiện …") and the issuer's own words
("UBND tỉnh có ý kiến như sau:") are no assignment.
"""

from __future__ import annotations

from .. import rx
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

_NEWS_LEAD = rx.compile(
    rf"(?:^|(?<=[\s.;:]))(?:Theo\s+đó|Cụ\s+thể|Trong\s+đó)\s*,\s*(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND)?[^,;.]{{0,30}}?"
    rf"(?P<assign>(?i:{ASSIGN}))\s+(?=\S)")
"""A news item's "accordingly, it assigns …" before the agency ("… Theo đó, giao các sở …", "Theo đó, UBND tỉnh
yêu cầu Sở A …"): the assignment starts at the verb, even where no stop ends the sentence before it (a headline the
text export ran into the paragraph)."""
_LEAD_WORDS = rx.compile(r"^,?\s*(?:là\s+cơ\s+quan\s+)?(?:chủ\s+trì|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm)\b", rx.I)
_OPENS_ASSIGN = rx.compile(rf"^(?i:{ASSIGN})\s+\p{{Lu}}")
""""Giao Sở A …": a body named by its name (not a courtesy's "Đề nghị các cơ quan, đơn vị quan tâm thực hiện")."""
_DUE = rx.compile(r"\b(?:trước|chậm\s+nhất|hoàn\s+thành|xong|hạn)\b", rx.I)
"""A time that is a deadline ("hoàn thành trước ngày …"), not one a news item tells of ("trong năm 2025, …")."""


def _assignment(text: str) -> str | None:
    """The part of a paragraph that assigns work, from its agency on ("Giao Sở A chủ trì …"), or None."""
    if BASIS_START.match(text) and not _NEWS_LEAD.match(text):
        return None
    m = _NEWS_LEAD.search(text)
    clause = text[m.start("assign"):] if m else text
    clause = clause[:1].upper() + clause[1:]
    said = sentence_agency(clause + " ")
    if said is None:
        return None
    due = find_time_phrase(clause)
    if _OPENS_ASSIGN.match(clause) or _LEAD_WORDS.match(clause[said[1]:]) or (due and _DUE.search(due)):
        return clause
    return None


def paragraphs_to_tasks(entries: list[dict]) -> tuple[list[dict], list[PlanWarning]]:
    """The tasks the unnumbered paragraphs ``entries`` ({"text", "loc"}) of a document with no numbered section
    assign, id "P<n>" (the paragraph's place among them), and the warnings reading them gave."""
    found = [(k, clause, Loc(**e["loc"])) for k, e in enumerate(entries, 1) if (clause := _assignment(e["text"]))]
    if not found:
        return [], []
    tasks: list[dict] = []
    warnings: list[PlanWarning] = []
    for k, clause, loc in found:
        part = Section(f"P{k}", str(k), None, Role.ORGANIZATION, loc, Token("arabic", str(k), clause),
                       content=[("text", clause, loc)])
        read, said = sections_to_tasks([part], whole_body=True)
        if read and all(lead_is_name(a) for t in read for a in t["lead_as_written"]):  # no "Các phong trào … do Ban A"
            tasks.extend({**t, "no": None, "section": None} for t in read)
            warnings.extend(said)
    return tasks, warnings


def body_assignments(roots: list[Section], paragraphs: list[dict], directive: bool,
                     skip: frozenset[str]) -> tuple[list[dict], list[PlanWarning]]:
    """The tasks the body assigns: from its sections (:func:`.bodytasks.sections_to_tasks`, ``skip`` left alone), or
    with no numbered section from its ``paragraphs`` (:func:`paragraphs_to_tasks`)."""
    return sections_to_tasks(roots, directive, skip) if roots else paragraphs_to_tasks(paragraphs)
