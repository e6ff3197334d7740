"""The verbs a body sentence assigns work with, after an agency's name ("Sở A tổng kết …", "Các trường học kiện toàn …"),
and where that name ends."""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..vocab.agencies import ASSIGN, GROUP_HEAD, HEAD, LEVEL, PERSON_HEAD
from .addressees import ADDRESSEE, WORK
from .agency_names import ASSIGNED, ROLE_HEAD, closed_name, names_a_body
from .table_row import lead_is_name

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    import re

    from ..model import PlanWarning
    from ..parse.blocks import Loc

_DUTIES = (r"nâng\s+cấp|tiến\s+hành|phát\s+động|bảo\s+đảm|đảm\s+bảo|tổng\s+kết|sơ\s+kết|đánh\s+giá|thẩm\s+định|giám\s+sát|đề\s+xuất|ban\s+hành|phê\s+duyệt|cập\s+nhật|kiện\s+toàn"
           r"|hoàn\s+thiện|chuẩn\s+bị|giải\s+quyết|duy\s+trì|biên\s+soạn|lựa\s+chọn|vận\s+động|công\s+bố|thông\s+báo|thành\s+lập"
           r"|nâng\s+cao|đẩy\s+mạnh|phân\s+bổ|bồi\s+dưỡng|triển\s+khai|thực\s+hiện|(?<!đầu\stư\s)(?<!dự\sán\s)xây\s+dựng|hướng\s+dẫn"
           r"|theo\s+dõi|rà\s+soát|bố\s+trí|kiểm\s+tra|đôn\s+đốc|tăng\s+cường|tuyên\s+truyền|nghiên\s+cứu|tổng\s+hợp|báo\s+cáo"
           r"|tham\s+mưu|tranh\s+thủ|gửi|(?<!,\s)(?<!các\s)(?<!những\s)(?<!và\s)tổ\s+chức|phổ\s+biến|tập\s+huấn|chỉ\s+đạo"
           r"|bám\s+sát|cân\s+đối|(?<!bầu\s)cử(?!\s+(?:tri|nhân)\b)|đưa(?=\s)|tham\s+gia")
"""Verbs of a duty none of which is written in lower case inside a body's name, as "quản lý", "đầu tư", "cấp",
"trình" are ("Ban quản lý …", "công trình"); "xây dựng" only where no project's name has it ("dự án đầu tư xây
dựng"); "tổ chức" not in a list of bodies ("Các cấp ủy, tổ chức đảng …")."""
IN_NAME_VERBS = (rf"quản\s+lý|lập|thanh\s+tra|cấp(?!\s+(?:{LEVEL}|ủy|uỷ|có\s+thẩm\s+quyền|trên|dưới|cơ\s+sở)(?!\p{{L}}))"
                 r"|xử\s+lý|trình|hỗ\s+trợ|khen\s+thưởng|thống\s+kê|điều\s+tra|kiểm\s+soát|đầu\s+tư|tiếp\s+nhận|xây\s+dựng"
                 r"|phát\s+triển|vận\s+hành")
"""Verbs of a duty also written in lower case inside names ("Ban quản lý chợ", "công trình", "dự án đầu tư xây
dựng", "Quỹ Đầu tư phát triển", "… quản lý, vận hành hạ tầng"; "cấp huyện" is a level): read as the verb only after a name its grammar closes
(:func:`kehoach.extract.agency_names.closed_name`: "Sở Xây dựng quản lý …")."""
MANNER = r"tập\s+trung|tích\s+cực|quyết\s+tâm|khẩn\s+trương|nhanh\s+chóng|sớm|chủ\s+động|thường\s+xuyên|kịp\s+thời|quyết\s+liệt|nghiêm\s+túc"
"""How an agency is to do its duty, said before the verb ("Sở A tập trung chỉ đạo …", "tích cực triển khai …", "sớm ổn định …"):
the name ends before them."""
PERIODIC = r"định\s+k[ỳì](?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng))?"
"""How often, said before the verb ("Các sở định kỳ kiểm tra …")."""
MODAL = r"cần\s+phải|(?<![Hh]ậu\s)cần|phải|sẽ"
"""A modal before the verb ("Sở A cần tăng cường …", "UBND cấp xã phải rà soát …", "Các sở cần phải …", "Ban A sẽ kiểm
tra …"): the name ends before it; not the noun "hậu cần" (logistics) a name holds ("Phòng Hậu cần")."""
VERBS = (r"chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|có\s+nhiệm\s+vụ|căn\s+cứ|bảo\s+đảm|đảm\s+bảo|cung\s+cấp|quán\s+triệt"
         rf"|{MANNER}|tiếp\s+tục|làm|gửi|định\s+k[ỳì]|hằng\s+năm|hàng\s+năm|trên\s+cơ\s+sở|{MODAL}"
         r"|là\s+(?:cơ\s+quan|đơn\s+vị|đầu\s+mối|thường\s+trực|bộ\s+phận)|phân\s+công|tiến\s+hành|(?<!,\s)lãnh\s+đạo"
         r"|(?<!\sNgoại\s)(?<!được\s)giao|" + _DUTIES)
"""What may follow an agency's name in a sentence that gives it work: its duties, a lead's words, how it is to do
them ("tập trung", "chủ động"), a time ("định kỳ")."""
DUTY_WORD = rx.compile(r"(?:chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|tham\s+mưu|triển\s+khai|thực\s+hiện"
                        r"|xây\s+dựng|hướng\s+dẫn|theo\s+dõi|rà\s+soát|bố\s+trí|kiểm\s+tra|đôn\s+đốc|tăng\s+cường|tuyên\s+truyền"
                        r"|nghiên\s+cứu|tổng\s+hợp|báo\s+cáo|chủ\s+động|tiếp\s+tục)\b", rx.I)
"""A paragraph that opens with a duty ("Chủ trì rà soát …" with no stop at its end) states the work: it does not go
on with the agency's name of the heading above it."""
_MANNERS = rf"(?:(?:{MODAL})\s+)?(?:(?:{MANNER}|{PERIODIC})\s*,?\s+)*"
DUTY_AFTER = rx.compile(rf",?\s+(?:{_MANNERS}(?:{_DUTIES})\b|(?:(?:{MANNER}|{MODAL})\s*,?\s+)+(?:{IN_NAME_VERBS})(?!\p{{L}}))")
"""A duty right after an agency's name that makes the agency the lead of a task item ("Các trường học kiện toàn …",
"Sở A tập trung chỉ đạo …"; after a word of manner, a verb also written inside names: "… tích cực hỗ trợ …")."""
_IN_NAME_AFTER = rx.compile(rf",?\s+{_MANNERS}(?:{IN_NAME_VERBS})(?!\p{{L}})")
_MANNER_AFTER = rx.compile(rf",?\s+(?:(?:{MODAL})\s+)?(?:{MANNER})\b")
_DUTY_LEAD_WORDS = 12
_MANNER_LEAD_WORDS = 18
"""A name may run longer, as long as one may be (:func:`.table_row.lead_is_name`), when a word of manner ends it
("Các sở, ngành có liên quan đến … tích cực triển khai …")."""
_AND_NAME = rx.compile(rf"\s+và\s+(?={HEAD}\s)")
"""Where a second body's name opens after "và" ("Ban Quản lý A và Ban Quản lý các khu B"): each name may be as long as
one may be."""
_GROUP_LIST = rx.compile(r"^(?:Các|Những)\s+\p{Ll}+(?:\s+\p{L}+)?,\s")
"""A list of bodies by their kinds ("Các sở, ban, ngành, đoàn thể tỉnh, Ủy ban nhân dân các xã, phường"):
as long as a name with a word of manner after it may be."""

HEAD_OR_GROUP = rf"(?:{HEAD}|{PERSON_HEAD}|{GROUP_HEAD}|Các(?!\s+(?:{WORK})\b))"
"""What an agency's name in a body sentence opens with (a regex fragment)."""
OPT_ASSIGN = rf"(?:{ASSIGN}\s+)?"
_WHOLE_HEAD = r"(?:Tỉnh|Huyện|Thành|Thị|Quận)\s+(?:đoàn|ủy|uỷ)"
"""A head word that is a whole name ("Tỉnh đoàn kiểm tra …"): no name need follow it."""
_WHEN = (r"định\s+k[ỳì]|h[ằà]ng\s+(?:năm|quý|tháng)|(?:trước|từ)\s+ngày|đối\s+với|sau\s+khi|trong\s+(?:quá\s+trình|thời\s+gian)")
_GROUND = r"căn\s+cứ|trên\s+cơ\s+sở|dựa\s+(?:vào|trên)"
_LEAD_CLAUSE = (rf"(?:(?i:{_WHEN})[^,]{{0,90}},\s*|(?i:đối\s+với)[^,:]{{0,90}}:\s*"
                rf"|(?i:{_GROUND})[^,]{{0,90}},\s*(?:(?!{HEAD_OR_GROUP}\b)[^,.;:]{{1,90}},\s*){{0,2}}?)")
_LINK = (r"(?:Đồng\s+thời|Ngoài\s+ra|Bên\s+cạnh\s+đó|Cùng\s+với\s+đó|Mặt\s+khác)\s*,\s*"
         r"(?:(?:giao(?:\s+cho)?|đề\s+nghị|yêu\s+cầu)\s+(?=\p{Lu}))?")
"""A linking adverb that opens a paragraph, and the verb that hands the work out after it in lower case ("Đồng thời,
giao Sở A chủ trì …", "Ngoài ra, các sở …")."""
LEAD_IN = rf"(?:{_LINK})?(?:(?=\p{{Lu}})(?:{_LEAD_CLAUSE}){{1,2}})?"
"""Clauses before the agency, one or two, that say when, on what ground or for which work ("Định kỳ hằng quý, …",
"Căn cứ …, …", "Đối với các nhiệm vụ …, các sở, ngành chủ động …" or "…: Sở A …", "Hằng năm, căn cứ …, …"); the ground may list
things with commas of its own ("Căn cứ chức năng, nhiệm vụ được giao, các sở …"): the first agency after a comma is
the subject. A linking adverb may come first (:data:`_LINK`)."""
AGENCY_SENTENCE = rx.compile(
    rf"^{LEAD_IN}{OPT_ASSIGN}(?P<agency>{GROUP_HEAD}|{_WHOLE_HEAD}|{HEAD_OR_GROUP}\b.{{2,120}}?|{ADDRESSEE})(?<!\svà)(?<!\scác)(?<!\snhững)(?<!\scủa)(?<!\svới)(?<!\scùng)(?<!\sđược),?\s+(?={VERBS}\b)")
"""An agency, then its verb; a name is never cut after "và" or "các" ("… thành phố và các tổ chức chính trị"); a group
("Các đơn vị", "Các sở") may be the whole name ("Các đơn vị báo cáo kết quả …")."""
ROLE_SENTENCE = rx.compile(rf"^{LEAD_IN}{OPT_ASSIGN}(?P<agency>{ROLE_HEAD}\b[^.;:()]{{0,60}}?\s{ASSIGNED}),?\s+(?={VERBS}\b)")
"""A group named by the work the plan gives it, then its verb ("Các đơn vị được giao chủ trì các nội dung của Đề án
chịu trách nhiệm …"): the name runs past the verbs that say its role."""
_IN_NAME_AT = rx.compile(rf"\s(?=(?:{IN_NAME_VERBS})(?!\p{{L}}))")
_NAME_BEFORE = rx.compile(rf"^{LEAD_IN}{OPT_ASSIGN}(?P<agency>{_WHOLE_HEAD}|{HEAD_OR_GROUP}\b.{{2,120}}?),?$")


_OWNERS = rx.compile(rf"\s(?:của|thuộc)\s+(?P<owners>(?:{GROUP_HEAD}|{HEAD}\s)(?:(?!\s(?:của|thuộc)\s)[^.;:()])*?),\s*$")
"""The bodies a clause of basis ends with, before the comma its subject comes after ("căn cứ kế hoạch được giao của các
sở, ngành, | …")."""
_PLURAL = rx.compile(rf"^(?:{GROUP_HEAD}|[Cc]ác|[Nn]hững|{HEAD}\s+(?:\S+\s+){{0,2}}?(?:các|những))\b")
"""A group of bodies, not one body: "Các sở, ngành", "các đơn vị", "UBND các xã, phường"."""


def basis_owners(text: str) -> tuple[str, str] | None:
    """(the bodies a sentence's clause of basis ends with, the group after them) when the clause runs into its subject
    with no word between ("Hằng quý, căn cứ kế hoạch được giao của các sở, ngành, UBND các phường xây dựng báo cáo …"): the
    bodies whose work the clause names are, with the group after them, who is to act (the one list a plan names its
    implementing groups by); a single body after them is the subject alone ("Trên cơ sở đề xuất của các sở, ngành, Sở
    Tài chính tổng hợp …"). None when the sentence opens otherwise."""
    m = AGENCY_SENTENCE.match(text)
    owners = _owners(text, m) if m else None
    return (owners, m.group("agency")) if m and owners else None


def _owners(text: str, m: re.Match) -> str | None:
    if not m.start("agency") or not _PLURAL.match(m.group("agency")):
        return None
    owners = _OWNERS.search(text, 0, m.start("agency"))
    return owners.group("owners") if owners and _PLURAL.match(owners.group("owners")) else None


def sentence_agency(text: str) -> tuple[str, int] | None:
    """The agency a sentence opens with and where its name ends, before its verb: the first duty verb
    (:data:`VERBS`), or sooner a verb also written inside names after a name its grammar closes ("Sở Xây dựng |
    quản lý …", "UBND huyện A | cấp giấy phép …"; not "Ban Quản lý dự án …"); the groups a clause of basis ends with
    and the group after it (:func:`basis_owners`); or None."""
    if (role := ROLE_SENTENCE.match(text)) is not None:
        return role.group("agency"), role.end("agency")
    m = AGENCY_SENTENCE.match(text)
    if m is not None and (owners := _owners(text, m)):
        return f"{owners}, {m.group('agency')}", m.end("agency")
    stop = m.end("agency") if m else min(len(text), 160)
    for at in _IN_NAME_AT.finditer(text, 0, stop):
        n = _NAME_BEFORE.match(text, 0, at.start())
        if n and closed_name(n.group("agency")):
            return n.group("agency"), n.end("agency")
    return (m.group("agency"), m.end("agency")) if m else None


def duty_lead(agency: str, rest: str) -> bool:
    """Whether "``agency`` ``rest``" opening a paragraph makes the agency a task item's lead with no lead's words:
    a duty right after a short name that reads as one ("Các trường A kiện toàn …", "Sở A tập trung chỉ đạo …"; a
    verb also written inside names after a closed name: "Sở Xây dựng quản lý …"); not a run that went on past a
    verb missing from the list ("Các ngành trong tỉnh quyết tâm tuyên truyền …") or past a colon or a stop ("Quỹ A
    được 3 tỷ đồng. Tập trung …")."""
    verb = DUTY_AFTER.match(rest) is not None or (_IN_NAME_AFTER.match(rest) is not None and closed_name(agency))
    most = _MANNER_LEAD_WORDS if _MANNER_AFTER.match(rest) or _GROUP_LIST.match(agency) else _DUTY_LEAD_WORDS
    longest = max(len(name.split()) for name in _AND_NAME.split(agency))  # each of "Ban A … và Ban B …" in full
    return verb and not rx.search(r":|\.\s", agency) and _listed(agency) and longest <= most and lead_is_name(agency)


def _listed(agency: str) -> bool:
    """No ";" in ``agency``, or one that only lists more kinds of body after a name ("Các phòng chuyên môn; đơn vị sự
    nghiệp …"): not a run past the end of a clause."""
    first, *more = agency.split(";")
    return all(len(m.split()) <= _KINDS_AFTER and rx.fullmatch(r"\p{Ll}[\p{L}\s,]*", m.strip()) for m in more) \
        and (not more or lead_is_name(first))  # (kinds in lower case: a name after a ";" opens a clause of its own)


_KINDS_AFTER = 6
"""The most words a list of kinds of body after a ";" in a lead may have."""


def verb_unread(sec_id: str, content: list[tuple[str, str, Loc]], read: set[Loc]) -> list[PlanWarning]:
    """A warning for each paragraph or dash item no task was read from that opens with an agency's name and a verb
    also written inside names ("- Trung tâm A quản lý …": the name may end before the verb or go on past it)."""
    found = []
    for _kind, text, loc in content:
        for at in _IN_NAME_AT.finditer(text, 0, min(len(text), 160)) if loc not in read else ():
            n = _NAME_BEFORE.match(text, 0, at.start())
            if n and names_a_body(n.group("agency")):
                found.append(warning("body-task-unread", f"item {sec_id}: {n.group('agency')!r} is followed by "
                                     f"{text[at.end():].split()[0]!r}, a verb written inside names too, and no task was "
                                     "read from it; check where the name ends and its lead by hand", loc.as_dict()))
                break
    return found
