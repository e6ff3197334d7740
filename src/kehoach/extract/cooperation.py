"""Who leads when a body sentence gives its agency "phối hợp" (cooperate) as its only verb.

Plans name the lead with "chủ trì"; "phối hợp với X" makes X a partner. A sentence whose agency only cooperates
("Sở A phối hợp với Sở B tổ chức …", "Sở A phối hợp các đơn vị liên quan bảo đảm …") makes its agency the lead
when no other lead is named. When one is ("Sở A phối hợp với Sở B (cơ quan chủ trì) …", "… là cơ quan chủ trì",
"… do Sở B chủ trì"), that one leads and the sentence's agency supports; a later clause of the same paragraph
whose agency only cooperates ("Sở A chủ trì …; Sở B phối hợp thực hiện.") names a partner. Where the words leave
it open ("Sở A phối hợp với Sở B chủ trì …": together, or in support of B?; "Sở A phối hợp thực hiện." with no
partner and no lead), the agency stays the lead and a ``lead-cooperates`` warning says so.
"""

from __future__ import annotations

from functools import lru_cache

from .. import rx
from ..diagnostics import warning
from .bodyverbs import HEAD_OR_GROUP, VERBS, sentence_agency

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    from ..model import PlanWarning
    from ..parse.blocks import Loc

_COOPERATES = rx.compile(r"^,?\s*phối\s+hợp(?:\s+chặt\s+chẽ)?(?P<with>\s+(?:với|cùng))?\b", rx.I)
_BY = rx.compile(rf"\bdo\s+(?P<who>{HEAD_OR_GROUP}\b[^();,.]{{1,80}}?)\s+chủ\s+trì\b")
"""A partner named the lead by "do … chủ trì" ("… trong việc kiểm tra do Sở B chủ trì")."""
_PARTNER_LEADS = rx.compile(rf"^(?P<who>{HEAD_OR_GROUP}\b[^();,.]{{1,80}}?)\s*(?:\(\s*(?:là\s+)?(?:cơ\s+quan|đơn\s+vị)\s+chủ"
                            rf"\s+trì\b|,?\s+là\s+(?:cơ\s+quan|đơn\s+vị)\s+chủ\s+trì\b)")
"""A partner named the lead: "Sở B (cơ quan chủ trì)", "Sở B là cơ quan chủ trì"."""
_PARTNER_THEN_LEADS = rx.compile(rf"^(?P<who>{HEAD_OR_GROUP}\b[^();,.]{{1,80}}?)\s+chủ\s+trì\b")
_ALONE = rx.compile(r"^\s*(?:(?:thực\s+hiện|triển\s+khai)\s*)?(?:[.;]|$)", rx.I)
_CLAUSE = rx.compile(r"[;.]\s+(?=\p{Lu})|;\s+(?=các\s)")
"""Where a later clause starts: a sentence, or a ";" clause opening with a capital or with a group of agencies in
lower case, as a bracket writes it ("(Sở A chủ trì; các sở, ngành liên quan phối hợp)")."""


def _rest(text: str, lead: str) -> str | None:
    """What follows the agency in ``text`` when its verb is "phối hợp" (a task's text may open with the agency or
    with its duty, after "Sở A:"); None otherwise."""
    if _COOPERATES.match(text):
        return text
    said = sentence_agency(text + " ")
    if said and said[0].strip() == lead.strip() and _COOPERATES.match(text[said[1]:]):
        return text[said[1]:]
    return None


@lru_cache(maxsize=256)  # asked for a task's lead, then for its warning
def cooperation(text: str, lead_text: str) -> tuple[str | None, str | None, str | None]:
    """For a task ``text`` whose agency (``lead_text``) only cooperates: the partner the text names the lead (or
    None), the partners of later clauses ("…; Sở B phối hợp thực hiện": or None), and a doubt to warn of (or
    None)."""
    partners = _later_partners(text)
    rest = _rest(text, lead_text)
    if rest is None:
        return None, partners, None
    m = _COOPERATES.match(rest)
    after = rest[m.end():].strip() if m else rest
    named = _PARTNER_LEADS.match(after) if m and m["with"] else None
    by = _BY.search(after)
    if named or by:
        return (named or by)["who"].strip(), partners, None
    if m and m["with"] and _PARTNER_THEN_LEADS.match(after):
        return None, partners, "a partner follows with 'chủ trì' (together, or in support of the partner?)"
    if _ALONE.match(after):
        return None, partners, "no partner and no other lead is named"
    return None, partners, None


def cooperates_only(text: str) -> bool:
    """Whether a paragraph gives its agency "phối hợp" with no partner named: "Sở B, Công an tỉnh phối hợp thực hiện.",
    "Sở B phối hợp bố trí kinh phí." (a partner of the item's lead, in a paragraph of its own)."""
    said = sentence_agency(text + " ")
    m = _COOPERATES.match(text[said[1]:]) if said else None
    return m is not None and not m["with"]


def _later_partners(text: str) -> str | None:
    """Agencies of the paragraph's later clauses that only cooperate: "Sở A chủ trì …; Sở B, Sở C phối hợp."."""
    found = []
    for m in _CLAUSE.finditer(text):
        clause = text[m.end():]
        said = sentence_agency(clause + " ")
        if said and _COOPERATES.match(clause[said[1]:]) and not _COOPERATES.match(clause[said[1]:])["with"]:
            found.append(said[0])
    return "; ".join(found) or None


_OWN_WORK = rx.compile(r"^,?\s*(?:cùng\s+)?(?:chủ\s+động|thực\s+hiện|triển\s+khai|tổ\s+chức\s+(?:thực\s+hiện|triển\s+khai))\b", rx.I)
"""A later clause's agency doing the work itself ("…; Sở B chủ động triển khai …", "…; UBND các xã tổ chức thực hiện")."""


def later_leads(text: str) -> str | None:
    """Agencies of a paragraph's later clauses that do their part of the work themselves: "Sở A chủ trì xây dựng kế
    hoạch; Sở B và các sở, ngành chủ động triển khai …": they lead with the first, they do not cooperate."""
    found = []
    for m in _CLAUSE.finditer(text):
        clause = text[m.end():]
        said = sentence_agency(clause + " ")
        if said and _OWN_WORK.match(clause[said[1]:]) and not _in_partner_list(text[:m.start()]):
            found.append(said[0])
    return "; ".join(found) or None


_PARTNERS_SO_FAR = rx.compile(r"phối\s+hợp(?:\s+(?:với|cùng))?\s+(?P<names>[^.]*)$", rx.I)
_VERB_AT = rx.compile(rf"\s(?:{VERBS})\b")


def listed_partners(text: str) -> str | None:
    """The partners after the first a "phối hợp" lists with ";" ("phối hợp Sở B; Công ty C; UBND cấp xã và các đơn vị
    liên quan thực hiện …" -> "Công ty C; UBND cấp xã và các đơn vị liên quan"), up to the one its verb follows."""
    m = rx.search(r"phối\s+hợp(?:\s+(?:với|cùng))?\s+(?P<names>[^.;]+);", text, rx.I)
    if m is None or _VERB_AT.search(" " + m["names"]):
        return None
    found = []
    for part in text[m.end():].split(";"):
        part = part.split(". ")[0].strip()
        said = sentence_agency(part + " ")
        if said:  # the last partner, its verb after it
            found.append(said[0])
            break
        if _VERB_AT.search(" " + part) or not rx.match(rf"{HEAD_OR_GROUP}\b", part):
            break
        found.append(part)
    return "; ".join(found) or None


def _in_partner_list(before: str) -> bool:
    """Whether a ";" ends one of the partners a "phối hợp" lists ("…; phối hợp Sở B; Công ty C; UBND cấp xã và các đơn vị
    liên quan thực hiện …"): no verb since the "phối hợp", so the next part is one more partner, doing the work with them."""
    m = _PARTNERS_SO_FAR.search(before)
    return m is not None and _VERB_AT.search(" " + m["names"]) is None


def doubt_warning(task_id: str, text: str, lead_text: str, loc: Loc) -> PlanWarning | None:
    """A ``lead-cooperates`` warning when who leads a task whose agency only cooperates is left open."""
    doubt = cooperation(text, lead_text)[2]
    if doubt is None:
        return None
    return warning("lead-cooperates", f"task {task_id}: {lead_text!r} is given 'phối hợp' (cooperate) as its duty and "
                   f"{doubt}; it is read as the lead, check who leads by hand", loc.as_dict())
