"""Tasks assigned in the body: agency paragraphs of the implementation section.

"1. Sở Công Thương: …", "- Sở Nội vụ: …", "3. Sở Công thương phối hợp với … triển khai …",
"- Giao Sở Công Thương chủ trì …" each become tasks with ``source: body``.
"""

from __future__ import annotations

from .. import rx as regex
from .agencies import canonical_agency, cell_to_agencies
from .dates import text_to_deadline
from .roles import Role
from .sections import Section

_HEAD = (r"(?:Sở|Ban|UBND|Ủy\s+ban|Uỷ\s+ban|Văn\s+phòng|Công\s+an|Cục|Chi\s+cục|Bảo\s+hiểm|Ngân\s+hàng|Hiệp\s+hội"
         r"|Báo|Đài|Trung\s+tâm|Các|Thủ\s+trưởng|Liên\s+đoàn|Tỉnh\s+đoàn|Hội|Mặt\s+trận|Kho\s+bạc|Bộ\s+Chỉ\s+huy"
         r"|Trường|Quỹ|Thanh\s+tra|Cổng|Chủ\s+tịch|các\s+(?:sở|cơ\s+quan|đơn\s+vị|ngành))")
_ASSIGN = r"(?:(?:Giao|Đề\s+nghị|Yêu\s+cầu|Giao\s+cho)\s+)?"
AGENCY_TITLE = regex.compile(rf"^{_ASSIGN}(?P<agency>{_HEAD}\b.*)$")
AGENCY_COLON = regex.compile(rf"^{_ASSIGN}(?P<agency>{_HEAD}\b[^:]{{0,140}}?)\s*:\s*(?P<text>.+)$")
_VERBS = (r"chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|căn\s+cứ|tham\s+mưu|chỉ\s+đạo|triển\s+khai"
          r"|thực\s+hiện|tổ\s+chức|theo\s+dõi|hướng\s+dẫn|xây\s+dựng|rà\s+soát|bố\s+trí|nghiên\s+cứu|kiểm\s+tra"
          r"|đôn\s+đốc|tăng\s+cường|cung\s+cấp|phổ\s+biến|tuyên\s+truyền|quán\s+triệt|khẩn\s+trương|chủ\s+động|tiếp\s+tục|làm"
          r"|báo\s+cáo|gửi|định\s+k[ỳì]|hằng\s+năm|hàng\s+năm|trên\s+cơ\s+sở|nghiêm\s+túc|cần")
_LEAD_IN = r"(?:(?:Định\s+k[ỳì]|Hằng\s+năm|Hàng\s+năm|Hằng\s+quý|Trước\s+ngày|Căn\s+cứ|Trên\s+cơ\s+sở)[^,]{0,90},\s*)?"
AGENCY_SENTENCE = regex.compile(rf"^{_LEAD_IN}{_ASSIGN}(?P<agency>{_HEAD}\b.{{2,120}}?),?\s+(?={_VERBS}\b)")
SUPPORT = regex.compile(r"(?i:phối\s+hợp\s+(?:chặt\s+chẽ\s+)?(?:với\s+)?)(?P<s>.{3,160})")
_SUPPORT_STOP = regex.compile(
    r"\s+(?:" + _VERBS.replace(r"|tổ\s+chức", "") + r"|tổ\s+chức\s+(?:thực\s+hiện|triển\s+khai)|vận\s+động|thu\s+hút|kêu\s+gọi|hỗ\s+trợ|xác\s+định|quản\s+lý|tháo\s+gỡ|giám\s+sát|đánh\s+giá|cập\s+nhật|ban\s+hành|hoàn\s+thiện|phân\s+bổ|điều\s+chỉnh|đảm\s+bảo|bảo\s+đảm|chuẩn\s+bị|đề\s+xuất|giải\s+quyết|để|trong|nhằm"
    r"|tại|theo|về|cho|đối\s+với|công\s+khai)\b|(?<=liên quan)\s|[.:;(]"
)
_AGENCY_LIKE = regex.compile(rf"^{_HEAD}\b|^(?:các|những|sở|ngành)\b", regex.I)
DEADLINE_PHRASE = regex.compile(
    r"""(?i:(?:định\s+k[ỳì]\s+)?trước\s+ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)
        (?:\s+và\s+(?:ngày\s+)?\d{1,2}(?:\s*/\s*\d{1,2}|\s+tháng\s+\d{1,2}))?(?:\s+(?:hằng|hàng)\s+năm)?
      | hoàn\s+thành\s+(?:trước|trong)\s+(?:quý\s+[IVX]+|tháng\s+\d{1,2}|năm)\s*(?:/\s*|\s+năm\s+)?\d{4})""",
    regex.X,
)


def _in_organization(sec: Section) -> bool:
    return sec.role == Role.ORGANIZATION


def _task(task_id: str, sec: Section, text: str, lead_text: str, loc) -> dict:
    lead_w = cell_to_agencies(lead_text)
    support_w: list[str] = []
    m = SUPPORT.search(text)
    if m:
        span = _SUPPORT_STOP.split(m.group("s"), maxsplit=1)[0]
        support_w = [a for a in cell_to_agencies(span) if a not in lead_w and _AGENCY_LIKE.match(a)]
    dl = DEADLINE_PHRASE.search(text)
    deadline = text_to_deadline(dl.group(0) if dl else None)
    return {
        "id": task_id,
        "no": sec.number,
        "group": None,
        "title": text,
        "lead": [canonical_agency(a) for a in lead_w],
        "support": [canonical_agency(a) for a in support_w],
        "lead_as_written": lead_w,
        "support_as_written": support_w,
        "deadline": deadline,
        "output": None,
        "target": None,
        "note": None,
        "source": "body",
        "section": sec.id,
        "loc": loc.as_dict(),
    }


def sections_to_tasks(roots: list[Section]) -> list[dict]:
    """Every agency assignment in the implementation (organization) sections."""
    tasks: list[dict] = []
    seen: set[str] = set()
    subtree: list[Section] = []
    for root in roots:
        for top in root.walk():
            if _in_organization(top) and top.id not in seen:
                for sec in top.walk():
                    if sec.id not in seen:
                        seen.add(sec.id)
                        subtree.append(sec)
    for sec in subtree:
        units: list[tuple[str, str, object]] = []  # (lead text, task text, loc)
        title_agency = None
        if sec.title:
            m = AGENCY_TITLE.match(sec.title)
            if m and len(sec.title) <= 160:
                title_agency = m.group("agency")
        for _kind, text, loc in sec.content:
            own = AGENCY_COLON.match(text) or AGENCY_SENTENCE.match(text)
            if title_agency and not (own and own.group("agency")[:1].isupper()):
                units.append((title_agency, text, loc))
                continue
            m = AGENCY_COLON.match(text)
            if m:
                units.append((m.group("agency"), m.group("text"), loc))
                continue
            m = AGENCY_SENTENCE.match(text)
            if m:
                units.append((m.group("agency"), text, loc))
        if title_agency and not sec.content:
            continue
        for k, (lead, text, loc) in enumerate(units, 1):
            tid = sec.id if len(units) == 1 else f"{sec.id}/{k}"
            tasks.append(_task(tid, sec, text, lead, loc))
    return tasks
