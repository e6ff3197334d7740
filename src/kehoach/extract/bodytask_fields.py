"""One assignment read in the body as a task: its lead and support named whole, its deadline from its words."""

from __future__ import annotations

from .. import rx
from ..parse.blocks import Loc
from .agencies import canonical_agency, cell_to_agencies, trim_known
from .agency_lists import NOT_LIST_COLON
from .agency_names import is_role_lead
from .bodyverbs import HEAD_OR_GROUP, VERBS
from .cooperation import cooperation, later_leads, listed_partners
from .dates import find_time_phrase, text_to_deadline
from .labelled import labelled_deadline
from .sections import Section
from .task_times import find_bracket_time, find_closing_time, find_relative_time

_HEAD = HEAD_OR_GROUP
SUPPORT = rx.compile(r"(?i:phối\s+hợp\s+(?:chặt\s+chẽ\s+)?(?:(?:với|cùng)\s+)?|phối\s+hợp,\s+(?:\p{Ll}+\s+){1,4}?với\s+|(?<=chủ\strì,\s)cùng\s+(?=\S+\s+\p{Lu}|các\s))(?P<s>.{3,300})")
"""The partners a sentence names: "phối hợp (chặt chẽ) (với|cùng) Sở B …", "phối hợp, trao đổi thông tin với Sở B …"
(a second verb the partner goes with), or "chủ trì, cùng Sở B …" (the lead and its partner doing the work together)."""
_SUPPORT_STOP = rx.compile(
    r"(?<!được)(?<!được\sgiao)(?<!phân\scông)(?<!\bviện)\s+(?:" + VERBS.replace(r"|tổ\s+chức", "") + r"|(?<!các\s)(?<!những\s)(?<!và\s)(?<!,\s)tổ\s+chức|thường\s+xuyên|sử\s+dụng|nâng\s+cao"
    r"|đẩy\s+mạnh|lồng\s+ghép|kiểm\s+soát|phát\s+hiện|ngăn\s+chặn|tham\s+gia|huy\s+động|nắm|thẩm\s+định|tổng\s+hợp|trình"
    r"|xử\s+lý|tập\s+huấn|đào\s+tạo|bồi\s+dưỡng|vận\s+hành|duy\s+trì|kịp\s+thời|vận\s+động|thu\s+hút|kêu\s+gọi|hỗ\s+trợ|xác\s+định|quản\s+lý|tháo\s+gỡ|giám\s+sát|đánh\s+giá|cập\s+nhật|ban\s+hành|hoàn\s+thiện|phân\s+bổ|điều\s+chỉnh|đảm\s+bảo|bảo\s+đảm|chuẩn\s+bị|đề\s+xuất|giải\s+quyết|thiết\s+lập|ứng\s+dụng|để|trong|nhằm"
    r"|tại|theo|về|cho|đối\s+với|công\s+khai)\b|(?<=liên quan)\s|[.;(]|" + NOT_LIST_COLON
)
"""Where the support a "phối hợp với …" names ends: a verb of the sentence, a time, a purpose, a sign; never a verb after
"được", "được giao" or "phân công", which says which bodies ("các sở, ngành được giao chủ trì", "… được phân công thực hiện"),
nor one that names a body ("viện nghiên cứu")."""
_AGENCY_LIKE = rx.compile(rf"^{_HEAD}\b|^(?:các|những|sở|ngành|cơ\s+quan|đơn\s+vị|chính\s+quyền|doanh\s+nghiệp|hợp\s+tác\s+xã)\b", rx.I)
"""Where a partner's name may start: a head word, a group, or the businesses a plan works with ("phối hợp với doanh
nghiệp, viện nghiên cứu, trường đại học …")."""
_ISSUER_ASKS = rx.compile(
    r"^(?:Chủ\s+tịch\s+)?(?:Ủy|Uỷ)?\s*(?:ban\s+nhân\s+dân|UBND)\s+(?:tỉnh|thành\s+phố|huyện|xã|phường)?\s*"
    r"(?:\p{Lu}\p{L}*\s*){0,3}?(?:yêu\s+cầu|giao|đề\s+nghị)\s+(?=\S)", rx.I)
""""Ủy ban nhân dân tỉnh yêu cầu các cơ quan …": the agency is the one asked, not the issuer."""
_ASKS_TOO = rx.compile(r",\s*(?:yêu\s+cầu|đề\s+nghị)\s+(?=\S)", rx.I)
""""… đề nghị các Đại sứ quán, các tỉnh, yêu cầu các sở, ngành cử …": those asked and those required, one list."""
_LEAD_TAIL = rx.compile(r",?\s+(?:trong\s+phạm\s+vi|theo\s+chức\s+năng|căn\s+cứ|trên\s+cơ\s+sở)\b.*$"
                           r"|\s*\([^()]*\)\s*$|\s+(?:được|đã|sẽ)$", rx.I)
"""What follows the name in a lead span: "… trong phạm vi chức năng, nhiệm vụ", "(cơ quan thường trực …)"."""
_ASSIGNED_TAIL = rx.compile(r",?\s+được\s+(?:giao|phân\s+công)\b.*$", rx.I)
"""What an agency was given, after its name ("Sở A được giao chủ trì"): not its name, unless the lead is named by it
(:func:`.agency_names.is_role_lead`: "Các cơ quan được phân công chủ trì")."""

def _deadline(text: str, *more: str, lead: str = "") -> dict:
    """The deadline a task's own words give: a bracket that holds only its time ("(hoàn thành trước
    30/6/2026)", first: it is said for the task), a time phrase, a "thời gian:" label, a bare time closing the
    bracket that assigns the task ("(Sở A chủ trì; tháng 6/2026)") or the sentence ("…, Quý III/2026."),
    a recurrence."""
    for t in (text, *more):
        phrase = find_bracket_time(t) or find_time_phrase(t) or labelled_deadline(t) or _bracket_time(t) \
            or find_closing_time(t) or find_relative_time(t)
        if phrase:
            found = text_to_deadline(phrase)
            if not (found["end"] or found["recurrence"]) and _DAY_MONTH.search(phrase) and _PERIODIC.search(t):
                found["recurrence"] = "annual"  # "định kỳ báo cáo … trước ngày 20/11": a day of every year
            return found
    found = text_to_deadline(find_time_phrase(text, recurrence=True))
    if not found["recurrence"] and (how := standing_duty(text, lead)):
        found = text_to_deadline(how)  # "Thường xuyên tuyên truyền …": the task is that one standing duty
    return found


_STANDING_DUTY = rx.compile(r"(?P<how>(?i:thường\s+xuyên))\s+(?!và\b|với\b|hơn\b)\p{Ll}")
""""Thường xuyên" (regularly) before the verb of a duty: "Thường xuyên tuyên truyền …"."""
_ONE_DUTY = rx.compile(r"[^;.]*(?:\.(?=\S)[^;.]*)*[.;]?(?:/\.)?")
"""A task of one duty: one sentence with no ";" between duties, where the adverb of its duty is the task's (in a
paragraph of several duties it says how one of them is done)."""


def standing_duty(text: str, lead: str = "") -> str | None:
    """The "thường xuyên" (as written) before the verb of a task of one duty, opening it or right after its lead's name
    ("Giao Sở A thường xuyên đưa tin …"): a standing duty, done all along; not "thường xuyên" after a noun ("kinh phí
    chi thường xuyên", "chỉ đạo thường xuyên của …") nor in a subordinate's clause ("… chỉ đạo các cơ quan thường
    xuyên tuyên truyền").

    >>> standing_duty("Thường xuyên cập nhật thông tin trên trang điện tử của xã."), standing_duty("Bảo đảm kinh phí chi thường xuyên.")
    ('Thường xuyên', None)
    """
    t = text.strip()
    if not _ONE_DUTY.fullmatch(t):
        return None
    at = t.find(lead.strip()) if lead.strip() else -1
    rests = [t] + ([t[at + len(lead.strip()):].lstrip(" ,:")] if 0 <= at <= 12 else [])
    return next((m["how"] for r in rests if (m := _STANDING_DUTY.match(r))), None)


_DAY_MONTH = rx.compile(r"(?<![\d/])(?:0?[1-9]|[12]\d|3[01])\s*/\s*(?:0?[1-9]|1[0-2])(?![\d/])|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?!\s*(?:năm|/))")
"""A day of a month with no year ("20/11", "ngày 15 tháng 12")."""
_PERIODIC = rx.compile(r"(?i:định\s+kỳ|hằng\s+năm|hàng\s+năm|mỗi\s+năm)")
"""Words by which a day with no year comes back every year ("Định kỳ … trước ngày 20/11")."""


_BRACKET_TIME = rx.compile(r"[;,]\s*(?P<time>[^;,()]{3,40}?)\s*\)\s*\.?$")
_BRACKET_TIME_WORDS = 5


def _bracket_time(text: str) -> str | None:
    """A time alone in the last part of a closing bracket: "… (Văn phòng UBND tỉnh chủ trì; tháng 6/2026)."."""
    m = _BRACKET_TIME.search(text)
    if m is None or len(m.group("time").split()) > _BRACKET_TIME_WORDS:
        return None
    d = text_to_deadline(m.group("time"))
    return m.group("time") if d["end"] or d["recurrence"] else None


def unit_task(task_id: str, sec: Section, text: str, lead_text: str, loc: Loc, group: str | None = None,
              support_text: str | None = None, title: str | None = None) -> dict:
    """The task an assignment gives: ``lead_text`` names its lead, ``support_text`` (or "phối hợp với …" in its
    text or ``group``) its support."""
    lead_w = [_trim(a) for a in cell_to_agencies(clean_lead(lead_text))]  # "Sở A tổng hợp kết quả" -> "Sở A"
    support_w: list[str] = []
    m = SUPPORT.search(text)
    if support_text:  # "b) Chủ trì, phối hợp:" / "- Sở Tài chính … tham mưu …": the item names who supports
        support_w = [a for a in cell_to_agencies(clean_lead(support_text)) if a not in lead_w]
    elif m is None and group:  # "a) Chủ trì, phối hợp với X:" over its items
        m = SUPPORT.search(group)
    if m and not support_w:
        span = _SUPPORT_STOP.split(m.group("s"), maxsplit=1)[0]
        support_w = [_trim(a) for a in cell_to_agencies(span) if a not in lead_w and _AGENCY_LIKE.match(a)]
    named, later, _doubt = cooperation(text, lead_text)
    if named:  # "Sở A phối hợp với Sở B (cơ quan chủ trì) …": B leads, A supports
        lead_w, support_w = [_trim(named)], [*lead_w, *(a for a in support_w if a != _trim(named))]
    if later:  # "Sở A chủ trì …; Sở B phối hợp thực hiện."
        support_w += [a for a in cell_to_agencies(later) if a not in lead_w and a not in support_w]
    if more := listed_partners(text):  # "phối hợp Sở B; Công ty C; UBND cấp xã … thực hiện": C and the last too
        support_w += [a for a in (_trim(n) for n in cell_to_agencies(more)) if a not in lead_w and a not in support_w]
    if own := later_leads(text):  # "Sở A chủ trì …; Sở B chủ động triển khai …": B leads its part with A
        lead_w += [a for a in (_trim(n) for n in cell_to_agencies(own)) if a not in lead_w]
        support_w = [a for a in support_w if a not in lead_w]
    return {
        "id": task_id,
        "no": sec.number,
        "group": group,
        "title": title or text,
        "lead": [canonical_agency(a) for a in lead_w],
        "support": [canonical_agency(a) for a in support_w],
        "lead_as_written": lead_w,
        "support_as_written": support_w,
        "deadline": _deadline(text, *([title] if title else []), lead=lead_text),
        "output": None,
        "target": None,
        "note": None,
        "source": "body",
        "section": sec.id,
        "loc": loc.as_dict(),
    }


def _trim(name: str) -> str:
    """A name with a clause run on after it cut off (:func:`.agencies.trim_known`), but not at "tổ chức" after a
    comma, which lists organisations ("Các cấp ủy, tổ chức đảng, chính quyền"), no verb, nor in a lead named by its work
    ("Các cơ quan được phân công chủ trì thực hiện …")."""
    cut = trim_known(name)
    return name if is_role_lead(name) or rx.match(r",\s*tổ\s+chức\b", name[len(cut):]) else cut


def clean_lead(text: str) -> str:
    """The agency part of a lead span: the issuer's "yêu cầu"/"giao" and trailing qualifiers removed."""
    t = _ASKS_TOO.sub(", ", _ISSUER_ASKS.sub("", text.strip(), count=1))
    prev = None
    while prev != t:
        prev, t = t, _LEAD_TAIL.sub("", t).strip()
        t = t if is_role_lead(t) else _ASSIGNED_TAIL.sub("", t).strip()
    return t or text
