"""Items of a plan's implementation part addressed to others than its agencies: "Doanh nghiệp: chủ động …",
"Người dân/Cộng đồng: tích cực tham gia …", beside "Sở Tài chính: bố trí kinh phí …".

Such an item hands out work as an agency's does, so it is a body task whose lead is whom the plan names, as
written (never an agency it is not; the plan-wide ``lead-not-agency`` check flags a lead that reads as no body's
name). An item in the same shape whose addressee is in no vocabulary ("Cấp xã: chủ động …") gives no task, and a
warning says so, never nothing.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..parse.blocks import Loc
from ..vn import ascii_fold
from ..vocab.agencies import ACTOR_HEAD, PEOPLE_HEAD, starts_agency
from .labelled import LABELS
from .sections import Section

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

DUTY_WORDS = (r"(?:chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|tham\s+mưu|triển\s+khai|thực\s+hiện"
               r"|xây\s+dựng|hướng\s+dẫn|theo\s+dõi|rà\s+soát|bố\s+trí|kiểm\s+tra|đôn\s+đốc|tăng\s+cường|tuyên\s+truyền"
               r"|tổng\s+hợp|báo\s+cáo|chủ\s+động|tiếp\s+tục|tích\s+cực|tham\s+gia|hưởng\s+ứng|ưu\s+tiên|đẩy\s+mạnh"
               r"|có|cần|phải|được)\b")
"""Words a duty opens with ("chủ động ứng dụng …", "tích cực tham gia …"), which no addressee's name holds."""
_DUTY = rx.compile(DUTY_WORDS, rx.I)
ADDRESSEE = (rf"(?:{ACTOR_HEAD}|{PEOPLE_HEAD})(?:\s*[,/]\s*(?!{DUTY_WORDS})\p{{L}}+|\s+(?!{DUTY_WORDS})[\p{{L}}\d]+"
             rf"|\s*\([^():]{{0,60}}\)){{0,8}}?")
"""A business or people a plan addresses, with a few words that say which ("Doanh nghiệp nhỏ và vừa", "Người
dân/Cộng đồng", "Hợp tác xã (nhất là …)") and no duty, as few as the pattern around it lets ("Doanh nghiệp viễn
thông, tổ chức …": the business, then its duty): a regex fragment, not anchored."""
STARTS_ADDRESSEE = rx.compile(rf"^(?:{ACTOR_HEAD}|{PEOPLE_HEAD})")
_ADDRESSEE_ITEM = rx.compile(rf"^[*_\s]*{ADDRESSEE}[*_\s]*:")
_HEAD_COLON = rx.compile(r"^[*_\s]*(?P<head>\p{Lu}[^:;.,()–-]{1,50}?)[*_\s]*(?::|\s[-–])\s*(?P<duty>\S.*)$")
_HEAD_WORDS = 5
_NOT_WHO = rx.compile(r"^(?:" + "|".join(p for _f, p in LABELS) + r"|muc (?:dich|tieu)|yeu cau|hinh thuc|doi tuong|dia diem"
                      r"|pham vi|phuong (?:thuc|phap|cham)|thanh phan|quy mo|luu y|ghi chu|chu de|khau hieu|cach thuc"
                      r"|tieu chi|tieu chuan|chi tieu|giai doan|buoc|lan|dot|nam|quy|thang)\b")
"""Folded heads that label what follows ("Thời gian:", "Nội dung:", "Hình thức:"), never whom it is for."""


def addressee_item(sec: Section) -> bool:
    """A numbered item opening with a business or people and a colon ("2. Doanh nghiệp: chủ động …")."""
    return _ADDRESSEE_ITEM.match(sec.token.rest) is not None


def unaddressed(text: str) -> str | None:
    """The head of a paragraph in the shape of an assignment, "Head: duty" with a short head that starts with a
    capital and labels nothing ("Cấp xã: chủ động triển khai …"), or None."""
    m = _HEAD_COLON.match(text)
    if m is None or len(m.group("head").split()) > _HEAD_WORDS or not _DUTY.match(m.group("duty")):
        return None
    return None if _NOT_WHO.match(ascii_fold(m.group("head")).lower()) else m.group("head").strip()


def unaddressed_items(sec: Section) -> list[tuple[str, Loc]]:
    """(head, loc) for every paragraph or item of a section, and its own heading when its text follows it on the
    line, in the shape of an assignment to someone no task was read for."""
    found = []
    if sec.title and sec.content and sec.content[0][2] == sec.loc and sec.content[0][0] == "text":
        head = unaddressed(f"{sec.title}: {sec.content[0][1]}")
        if head:
            found.append((head, sec.loc))
    return found + [(head, loc) for _kind, text, loc in sec.content if (head := unaddressed(text))]


WORK = (r"nhiệm\s+vụ|nội\s+dung|giải\s+pháp|hoạt\s+động|chỉ\s+tiêu|công\s+việc|chương\s+trình|đề\s+án|dự\s+án"
        r"|văn\s+bản|kế\s+hoạch|mục\s+tiêu|chính\s+sách|thủ\s+tục|tiêu\s+chí")
"""What "Các …" names when it names the work, not who does it ("Các nhiệm vụ, cơ quan chủ trì … tại Phụ lục")."""
_OPENS_WITH_GROUP = rx.compile(rf"^(?:Giao\s+)?Các\s+(?!(?:{WORK})\b)\p{{Ll}}")


def _opens_with_agency(text: str) -> bool:
    """A paragraph that opens with an agency's name or a group of bodies ("Các bệnh viện, …")."""
    return starts_agency(rx.sub(r"^Giao\s+", "", text)) or _OPENS_WITH_GROUP.match(text) is not None


_MENTIONS_LEAD = rx.compile(r"^[^,;.:()]{2,120}?\s(?:là\s+(?:cơ\s+quan|đơn\s+vị)\s+)?chủ\s+trì\b", rx.I)
"""A paragraph whose first clause makes someone the lead ("Cấp xã chủ trì, …"), read or not."""
_DUTY_OPENS = rx.compile(r"^[-–]?\s*(?:chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|là\s+cơ\s+quan)\b", rx.I)
_HEADER_WORDS = 10


def unread_item(sec: Section) -> PlanWarning | None:
    """A task-section item that names a lead ("… chủ trì …") in words no task came from, or whose short heading
    is followed by a duty ("Cấp xã: chủ trì …", a lead outside the agency vocabulary)."""
    if sec.title and sec.content and len(sec.title.split()) <= _HEADER_WORDS and _DUTY_OPENS.match(sec.content[0][1]):
        return warning("body-task-unread", f"item {sec.id} is headed by {sec.title!r} with a duty after it, but that is "
                       "no agency's name known and no task was read from it; check its lead by hand",
                       sec.content[0][2].as_dict())
    for _kind, text, loc in sec.content:
        if _MENTIONS_LEAD.match(text):
            return warning("body-task-unread", f"item {sec.id} names a lead agency ('chủ trì') but no task was read "
                           "from it; check its tasks by hand", loc.as_dict())
    return opening_unread(sec)


def opening_unread(sec: Section) -> PlanWarning | None:
    """An item opening with an agency's name whose duty was not read ("2. Sở A quản lý …")."""
    for kind, text, loc in sec.content:
        if kind == "text" and _opens_with_agency(text):
            return warning("body-task-unread", f"item {sec.id} opens with an agency's name ({' '.join(text.split()[:6])} "
                           "…) but no duty of it was read and no task came from it; check it by hand", loc.as_dict())
    return None
