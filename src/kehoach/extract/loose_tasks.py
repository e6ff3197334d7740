"""Assignments in a document with no numbered section: a letter's paragraphs, a news item that quotes them.

An official letter (Công văn) or a portal's page quoting one hands out work in unnumbered paragraphs: "Giao Sở A
chủ trì, phối hợp với các đơn vị liên quan rà soát …; hoàn thành trước ngày 20/11/2026.", "Ủy ban nhân dân các
huyện tổ chức kiểm tra …, báo cáo trước ngày 15/5/2026." With no section to read them from, no task came from
them. A paragraph is read as an assignment when it opens with an agency (after "Giao", "Đề nghị", or a news item's
"Theo đó, UBND tỉnh giao …") and either names it the lead ("chủ trì", "chịu trách nhiệm", a "Giao" before it), gives
its duty a deadline (one the date reader leaves undated too: "trước 15/9"), says it must ("phải") or sets it in a
recurring window ("Định kỳ hằng quý, …"); what the paragraph names is then read as the body's agency paragraphs are
(:func:`.bodytasks.sections_to_tasks`). Legal bases ("Căn cứ …", "Thực hiện …") and the issuer's own words
("UBND tỉnh có ý kiến như sau:") are no assignment.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..numbering import Token
from ..parse.blocks import Loc
from ..vocab.agencies import ASSIGN, HEAD
from .agency_names import is_role_lead, names_a_body
from .bodytasks import sections_to_tasks
from .bodyverbs import DUTY_WORD, sentence_agency
from .dates import find_time_phrase, text_to_deadline
from .duty_once import each_duty_once
from .header import BASIS_START
from .roles import Role
from .sections import Section
from .table_row import lead_is_name

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    import re

    from ..model import PlanWarning

_LEVEL = r"(?:tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã|xã|phường)"
_NAMED = r"(?:\s+\p{Lu}[\p{L}.]*)*"
"""A place or a person's name after the asker ("UBND tỉnh An Lạc", "UBND TP.HCM", "Phó Chủ tịch UBND tỉnh Trần Văn B")."""
_LEADERS = (r"(?:Phó\s+)?Thủ\s+tướng(?:\s+Chính\s+phủ)?|Chính\s+phủ|Bộ\s+Chính\s+trị(?:\s*,\s*Ban\s+Bí\s+thư)?|Ban\s+Bí\s+thư"
            r"|(?:Ban\s+Thường\s+vụ|Thường\s+trực)\s+(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s*(?:ủy|uỷ)"
            r"|Ban\s+Chỉ\s+đạo(?:\s+(?i:quốc\s+gia|trung\s+ương|tỉnh|thành\s+phố|huyện))?|Ông|Bà"
            r"|Đồng\s+chí")
"""Who else asks with the committee's authority: the Prime Minister, the Government, the Party's leading bodies, a
steering committee ("Ban Chỉ đạo Quốc gia …"), a leader named in a news item ("Bà Trần Thị A yêu cầu …")."""
_ISSUED = (r"(?:(?:đã|vừa|cũng)\s+)?(?:(?:ban\s+hành|có|ký(?:\s+ban\s+hành)?)\s+(?:văn\s+bản|công\s+văn|chỉ\s+thị|thông\s+báo"
           r"|kết\s+luận|công\s+điện)[^,.;:]{0,60}?\s+)?")
"""What the asker issued the request in, before its verb ("… vừa ban hành chỉ thị yêu cầu …", "… đã giao cho …")."""
_ASKER = (rf"(?:(?:(?:(?:Phó\s+)?Chủ\s+tịch(?:\s+Thường\s+trực)?|Lãnh\s+đạo)\s+)?(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND)"
          rf"(?:\s*\(UBND\))?(?:\s+{_LEVEL})?|Lãnh\s+đạo\s+{_LEVEL}|{_LEADERS}){_NAMED}\s+{_ISSUED}")
"""The issuer asking, before its verb ("UBND tỉnh yêu cầu …", "(Phó) Chủ tịch UBND tỉnh đề nghị …", "Lãnh đạo TP yêu cầu
…"), or a body above it (:data:`_LEADERS`); never another body (a department's letter that asks the committee, "Sở A đề
nghị UBND tỉnh …", hands out no work)."""
_SOURCE = r"(?:date\s+\d{4}-\d{2}(?:-\d{2})?\s+)?(?:\(?\p{Lu}\p{L}{1,20}\)?\s*[-–]\s*)?"
"""A news item's date and source tag before its first sentence ("date 2026-01 ", "TPO - ", "(ABC)- ", "Tintuc – ")."""
_LINK = (r"(?:(?:Theo\s+đó|Cụ\s+thể|Trong\s+đó|Đồng\s+thời|Ngoài\s+ra|Bên\s+cạnh\s+đó|Cùng\s+với\s+đó)"
         r"(?:\s*,\s*|\s+(?=(?:giao|yêu\s+cầu|đề\s+nghị)\s)))")
"""A linking adverb before the sentence, its comma left out before the verb ("Đồng thời giao Sở A …")."""
_GROUNDS = r"(?:(?i:qua|trước|sau|để|nhằm|với|về|trên\s+cơ\s+sở|từ)\s[^,;.:]{3,200},\s*|[^,;.:]{3,90},\s*)"
"""A clause of the grounds before the asker ("Về việc trên, …", "Qua sự việc …, …"): longer when it opens with a
preposition."""
_VERB = rf"(?:(?:{_ASKER})?(?P<assign>(?i:{ASSIGN}))|{_ASKER}(?P<direct>chỉ\s+đạo))\s*,?\s+(?=\S)"
"""The verb that hands the work out, after its asker; "chỉ đạo" (directs) only after one ("UBND TP chỉ đạo Sở A …")."""
_NEWS_LEAD = rx.compile(rf"(?:^|(?<=[\s.;:]))(?:Theo\s+đó|Cụ\s+thể|Trong\s+đó)\s*,\s*{_GROUNDS}?{_VERB}")
"""A news item's "accordingly, it assigns …" before the agency ("… Theo đó, giao các sở …", "Theo đó, UBND tỉnh
yêu cầu Sở A …", "Theo đó, với các công trình …, giao Sở A …"): the assignment starts at the verb, even where no stop
ends the sentence before it (a headline the text export ran into the paragraph)."""
_AFTER_REPORT = rx.compile(rf"(?:;\s*(?:{_ASKER})?|,\s*{_ASKER}|,\s*(?:trong\s+đó\s*,?\s*)?(?=(?:đề\s+nghị|yêu\s+cầu)\s+các\s))"
                           rf"(?P<assign>(?i:{ASSIGN}))\s*,?\s+(?=\p{{Lu}}|các\s|những\s)")
"""A news sentence that tells what was issued or what it rests on, then hands its work out after a semicolon ("UBND tỉnh
đã ban hành Kế hoạch số …; giao Sở A chủ trì …", "Thực hiện Công văn số …; Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy
…"), or after a comma its asker ("Quán triệt …, Chủ tịch UBND tỉnh yêu cầu các sở …") or a request to a group ("Căn cứ …,
đề nghị các phòng …", "… ban hành Chỉ thị số …, trong đó yêu cầu các sở …"): the assignment starts at the verb."""
_ROLE_BRACKET = rx.compile(r"\s*\((?:là\s+)?(?:cơ\s+quan|đơn\s+vị)\s+(?:chủ\s+trì|thường\s+trực|đầu\s+mối)\b[^()]*\)")
"""A bracket after the agency that says it leads ("giao Trường B (cơ quan chủ trì xây dựng Đề án) rà soát …"): it names the
lead, and is no part of the name."""
_MANY = r"(?:(?:UBND|Ủy\s+ban\s+nhân\s+dân|Chủ\s+tịch(?:\s+UBND|\s+Ủy\s+ban\s+nhân\s+dân)?|Thủ\s+trưởng|Giám\s+đốc)\s+)?các\s"
"""Many addressees of a kind ("các sở", "UBND các tỉnh", "Thủ trưởng các cơ quan"), asked by a body: work handed down."""
_PAPERS = r"Công\s+điện|Chỉ\s+thị|Công\s+văn|Văn\s+bản"
"""A document that requires in a news item's words ("Công điện yêu cầu UBND huyện A …"), as the body that issued it would."""
_COMMANDS = rx.compile(rf"(?:^|(?<=\s))(?:{HEAD}|{_PAPERS})\b[^,;.:()]{{0,60}}?\s+(?<!được\s)(?P<assign>(?i:yêu\s+cầu|đề\s+nghị(?=\s+{_MANY})))\s+(?=\S)")
"""A body that requires ("Công an tỉnh A yêu cầu các sĩ quan …", "Sở Y tế yêu cầu các cơ sở …"): it commands those under it
or those it regulates, wherever the sentence starts (a news item may run a photo's caption into it); a body asks the
committee above it by "đề nghị", never "yêu cầu", so "đề nghị" hands work out only to a group ("Sở A đề nghị các đơn vị …")."""
_OPENING = rx.compile(rf"^{_SOURCE}{_LINK}?{_GROUNDS}{{0,2}}{_VERB}")
"""A paragraph that opens with the verb that hands the work out, after a short clause of its grounds or its asker ("Giao
Sở A …", "Trên cơ sở kế hoạch của UBND huyện, đề nghị các phòng …", "UBND tỉnh yêu cầu …", "ABC - Ban Chỉ đạo Trung ương
yêu cầu, các bộ …")."""
_CAPTION = rx.compile(r"\.?\s*\(?(?:Ảnh|Nguồn\s+ảnh)\s*:\s*[^;:]{1,40}\)?\.?\s*$")
"""A photo's caption, its credit last ("Đài A đưa tin hội nghị … Ảnh: Minh Anh"): no task."""
_SENT_TO = rx.compile(r"\bgửi\s+(?P<to>\p{Lu}[^.;:]{2,160}?)\s+(?P<assign>đề\s+nghị|yêu\s+cầu)\s+(?:quan\s+tâm\s+)?(?=\p{Ll})")
"""A letter sent to its addressees that asks them ("… ban hành Công văn số … gửi Báo A, Đài B đề nghị (quan tâm)
tuyên truyền …"): the addressees, then their duty."""
_COMRADE = rx.compile(r"(?:^|(?<=[\s,]))[Đđ]ồng\s+chí\s+\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){1,4}(?:\s*[-–]\s*[^.;:]{3,160}?)?\s+"
                      r"(?P<assign>đề\s+nghị|yêu\s+cầu|giao)\s+(?=\S)")
"""A leader by name, his titles after a dash, who asks, wherever the sentence starts ("Để …, đồng chí Trần Văn A - Phó
Bí thư …, Chủ tịch … đề nghị Hội A các cấp tham mưu …")."""
_SPEECH = rx.compile(r"\b(?:nhấn\s+mạnh|lưu\s+ý|kết\s+luận|chỉ\s+đạo|yêu\s+cầu|đề\s+nghị)\s*:\s*(?=\p{Lu})")
"""A leader's words after a colon ("Đồng chí Bí thư A nhấn mạnh: Ủy ban B và các đoàn thể cần chuẩn bị …"): what follows is
asked of the bodies it names."""
_KINDS = r"(?:đơn\s+vị|địa\s+phương|cơ\s+quan|sở|ban|ngành)"
_ADDRESSED = rx.compile(rf"^[Cc]ác\s+{_KINDS}(?:\s*(?:,|và)\s*(?:các\s+)?{_KINDS})*$")
"""A letter's addressees by their kinds alone ("các địa phương", "các đơn vị, địa phương", "các sở, ngành"), no name but whom an asker's
verb hands the work to ("Bộ A yêu cầu các địa phương …"): kept as written (and warned as no agency's name)."""
_WHEN_FIRST = rx.compile(r"^(?:(?:Trong|Từ|Đến)\s+)?(?:Quý|Tháng|Năm|Giai\s+đoạn|Học\s+kỳ)\s[^,;.]{0,30}\d{4}\s*,\s*")
"""A period before the body that the sentence gives work or results for ("Quý IV/2026, Hội A tiếp tục …")."""
_ARTICLE = rx.compile(r"^Điều\s+\d+\s*[.:]\s*")
"""A decision's article number before its words ("Điều 2. Giao Sở A …")."""
_EXECUTION = rx.compile(r"\b(?:chịu|có)\s+trách\s+nhiệm\s+thi\s+hành\b", rx.I)
"""A decision's execution clause ("Chánh Văn phòng …, Giám đốc các sở … chịu trách nhiệm thi hành Quyết định này"): no task."""
_FOR_BODY = rx.compile(r"^Đối\s+với\s+(?P<agency>[^,;.:]{3,80}),\s*(?=\p{Ll})")
"""A paragraph that names its body first after "Đối với" ("Đối với Sở A, rà soát …")."""
_DUE_ALONE = rx.compile(r"^(?:Thời\s+hạn|Hạn|Thời\s+gian)(?:\s+(?:hoàn\s+thành|thực\s+hiện|gửi))?\b")
"""A paragraph that gives only when the duty before it is due ("Thời hạn hoàn thành nội dung này trước ngày …")."""
_GIVEN = rx.compile(r"^(?P<agency>[^,;.:]{3,80}?)\s+(?:cũng\s+|còn\s+)?được\s+(?:giao|yêu\s+cầu)\s+(?=\p{Ll})")
"""A body that "is given" or "is asked" its duty ("Sở A được giao phối hợp …", "Sở B cũng được yêu cầu phối hợp …")."""
_PAST = rx.compile(r"^,?\s*(?:đã|vừa|đang)\s", rx.I)
"""What a body did or is doing ("Sở A đã tổ chức …"): a report, no duty."""
_LINKED = rx.compile(rf"^{_LINK}")
_REPORTED = rx.compile(r"\s(?:đã|vừa|đang)(?:\s|$)")
"""A name read up to a verb that runs past a report's "đã", "vừa" ("Chủ tịch UBND tỉnh A vừa có chỉ đạo …"): no body's."""
_THIS = rx.compile(r"^(?:sở|cơ\s+quan|đơn\s+vị|ban|ủy\s+ban)\s+này$")
"""A body named by "this" ("Sở này", "Đơn vị này"): the one the paragraph named before."""
_LEAD_WORDS = rx.compile(r"^,?\s*(?:là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:thường\s+trực|đầu\s+mối|chủ\s+trì)\b|(?:là\s+cơ\s+quan\s+)?"
                         r"(?:chủ\s+trì|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm|có\s+nhiệm\s+vụ|được\s+giao)\b)", rx.I)
"""Words that name the agency before them the lead: "chủ trì", "chịu trách nhiệm", "là đơn vị thường trực"."""
_OPENS_ASSIGN = rx.compile(rf"^(?i:{ASSIGN})\s+\p{{Lu}}")
_DUE = rx.compile(r"\b(?:trước|chậm\s+nhất|hoàn\s+thành|xong|hạn)\b", rx.I)
"""A time that is a deadline ("hoàn thành trước ngày …"), not one a news item tells of ("trong năm 2025, …")."""
_DUE_PROSE = rx.compile(r"\b(?:trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?)\s+(?:ngày\s+\d{1,2}|\d{1,2}\s*/\s*\d{1,2})(?![\d/])", rx.I)
"""A deadline the date reader leaves undated ("gửi về Bộ A trước 15/9", "chậm nhất là ngày 10 của tháng cuối quý")."""
_MUST = rx.compile(r"^,?\s*(?:cần\s+)?phải\s+(?!được\b)", rx.I)
"""A duty the body must do ("Các trường phải báo cáo …"): no asker needed."""
_ROUTINE = rx.compile(r"^(?:Định\s+k[ỳì]|(?:Từ|Trước)\s+ngày\b[^,;.]{0,60}?\s(?:hằng|hàng)\s+(?:tháng|quý|năm))[^,;.]{0,60},\s", rx.I)
"""A duty set in a recurring window before its body ("Định kỳ hằng quý, Sở A …", "Từ ngày 2 đến ngày 4 hằng tháng, …")."""
_OWN_TIME = rx.compile(r";\s+(?=(?:từ|trước)\s+ngày\b[^,;.]{0,60}?\s(?:hằng|hàng)\s+(?:tháng|quý|năm)[^,;.]{0,60},\s*\p{Lu})")
"""A sentence's next duty after a ";", set in a recurring window of its own before its body ("…; từ ngày 6 đến ngày 8
hằng tháng, Phòng B rà soát …")."""
_COURTESY = rx.compile(r"^,?\s*(?:(?:quan\s+tâm|nghiêm\s+túc|phối\s+hợp|khẩn\s+trương|chủ\s+động|tích\s+cực|kịp\s+thời"
                       r"|triển\s+khai|tổ\s+chức)\s*,?\s*)*(?:thực\s+hiện|triển\s+khai)?\s*[./!]*\s*$", rx.I)
"""What a courtesy closing hands out: no duty, only "(quan tâm, nghiêm túc) thực hiện" ("Đề nghị các đơn vị quan tâm
phối hợp thực hiện./."); a duty names what is done ("tổ chức xây dựng kế hoạch …")."""


_ASKS_BELOW = rx.compile(r"\b(?i:giao|đề\s+nghị|yêu\s+cầu)(?!\s+của\b)(?:\s+[^.;:]*)?:\s*$")
"""A paragraph that ends by asking, the asks below it ("Văn phòng UBND tỉnh đề nghị:", "UBND tỉnh yêu cầu các đơn vị thực
hiện một số nội dung sau:"): the paragraphs after it that open with an agency and its duty are assignments."""


_ANSWERS = rx.compile(r"^,?\s*(?:phải\s+|sẽ\s+)?chịu\s+trách\s+nhiệm\s+trước\b", rx.I)
"""Whom a body answers to ("Sở A chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu chậm trễ …"): no duty of its own, unless
a duty follows after a ";" ("…chịu trách nhiệm trước … về kết quả; định kỳ … báo cáo …")."""
_KINDS_OF = rx.compile(r"^(?:Các|Những)\s+(?:cơ\s+quan|đơn\s+vị|sở|ngành|địa\s+phương)(?:\s*(?:,|và)\s*(?:cơ\s+quan|đơn\s+vị|sở"
                       r"|ngành|địa\s+phương))*\s+(?:bao\s+)?gồm\s*:?\s*(?=\p{Lu})")
"""Kinds of body before the names they stand for ("Các đơn vị gồm Sở A, Ban B … phối hợp …"): the names lead."""
_PASSIVE = rx.compile(r"^,?\s*(?:phải\s+|cần\s+|sẽ\s+)?được\s+(?!giao\b|phân\s+công\b)", rx.I)
"""A sentence that says what is to be done to the body it opens with ("Trung tâm A phải được bố trí …"): no duty of it."""


def _clause(text: str, m: re.Match[str] | None) -> tuple[str, tuple[str, str] | None]:
    """The clause that assigns the work, from the verb ``m`` found on ("Giao Sở A …"; after "chỉ đạo", from the agency),
    as the body's reader takes it; and, where a group after the verb was given its capital to be read as a name
    ("Yêu cầu các cấp ủy …"), the words to give the title back."""
    if m is None:
        return text[:1].upper() + text[1:], None
    groups = m.groupdict()
    rest = text[m.end():]
    if groups.get("direct"):
        return rest[:1].upper() + rest[1:], None
    verb = groups["assign"][:1].upper() + groups["assign"][1:]
    clause = f"{verb} {rest}"
    if sentence_agency(clause + " ") is None and rest[:1].islower():
        raised = f"{verb} {rest[:1].upper()}{rest[1:]}"
        if sentence_agency(raised + " ") is not None:
            return raised, (raised[:len(verb) + 2], clause[:len(verb) + 2])
    return clause, None


def _for_body(text: str) -> tuple[str, tuple[str, str] | None]:
    """A paragraph that names its body after "Đối với" ("Đối với Sở A, rà soát …"), or before "được giao" ("Sở A được
    giao phối hợp …"): the body, then its duty, as a duty's subject reads; and the words to give the title back."""
    m = _FOR_BODY.match(text) or _GIVEN.match(text)
    if m is None or not names_a_body(m.group("agency")):
        return text, None
    agency = m.group("agency")
    return f"{agency} {text[m.end():]}", (f"{agency} ", text[:m.end()])


def _assignment(text: str, asked: bool = False) -> tuple[str | None, bool, bool, tuple[str, str] | None]:
    """The part of a paragraph that assigns work, from its verb or its agency on ("Giao Sở A chủ trì …"), or None;
    whether a named body was handed work ("Đề nghị Ủy ban …") whatever was read of it; whether a verb that hands work
    out opened it; and the words to give its title back (:func:`_clause`). ``asked``: the paragraph above asks or
    assigns (:data:`_ASKS_BELOW`), so one that opens with an agency and its duty goes on with that."""
    text = _ARTICLE.sub("", text)
    command = _COMMANDS.search(text)
    if (BASIS_START.match(text) and not _LINKED.match(text) and not _NEWS_LEAD.match(text) and not _AFTER_REPORT.search(text)
            and not (command and text[:command.start()].rstrip().endswith(","))) or _EXECUTION.search(text) or _CAPTION.search(text):
        return None, False, False, None
    spoken = False  # after "… yêu cầu:" or "gửi A đề nghị": the paragraphs below go on with what was asked
    if (sent := _SENT_TO.search(text)) is not None and names_a_body(sent.group("to")):
        text = f"{sent.group('to')} {text[sent.end():]}"  # "… gửi Báo A đề nghị phối hợp …": Báo A phối hợp …
        asked = spoken = True
    elif (said_to := _SPEECH.search(text)) is not None:
        text, asked, spoken = text[said_to.end():], True, True
    m = _OPENING.match(text) or _NEWS_LEAD.search(text) or _AFTER_REPORT.search(text) or _COMMANDS.search(text) \
        or _COMRADE.search(text)
    clause, back = _clause(text if m else _LINKED.sub("", text), m)
    if m is None:
        clause, back = _for_body(clause)
    opened = m is not None or back is not None or spoken  # a verb that hands work out, or "Đối với Sở A, …"
    clause = _ROLE_BRACKET.sub("", _KINDS_OF.sub("", clause, count=1), count=1)
    said = sentence_agency(clause + " ")
    named = m is not None and _OPENS_ASSIGN.match(clause) is not None
    if said is None:
        return None, named, False, None
    due = find_time_phrase(clause)
    duty = clause[said[1]:]
    if _PAST.match(duty) or _REPORTED.search(said[0]) or (_ANSWERS.match(duty) and ";" not in duty.rstrip(" ;.")):
        return None, named, False, None
    if _LEAD_WORDS.match(duty) or (due and _DUE.search(due)) or _DUE_PROSE.search(clause) or _MUST.match(duty) \
            or _ROUTINE.match(clause) or ((opened or asked) and not _COURTESY.match(duty) and not _PASSIVE.match(duty)):
        return clause, named, opened, back
    return None, named, False, None


_STOP = rx.compile(r"[.!?]\s+(?=\p{Lu})")
_RUN_IN = rx.compile(r"(?<=[\p{Ll}\d])" + "".join(rf"(?<!\s{w})" for w in ("của", "với", "theo", "và", "cho", "đến", "tới", "từ", "tướng"))
                     + rf"\s+(?=(?:{_LEADERS})\s[^.;:,]{{0,40}}?"
                     r"(?i:yêu\s+cầu|giao|đề\s+nghị)\s)")
"""A headline the text export ran into its paragraph, no stop between ("Thủ tướng: Chuẩn bị … từ 1/7/2026 Thủ tướng Chính
phủ yêu cầu các bộ …"): the sentence of a leader who asks starts there."""


def _sentences(text: str) -> list[str]:
    """``text`` cut after each stop a capital follows, never after an abbreviation's ("TP. Hồ Chí Minh"), and before a
    leader who asks after a headline run in (:data:`_RUN_IN`)."""
    out, start = [], 0
    for m in sorted([*_STOP.finditer(text), *_RUN_IN.finditer(text)], key=lambda m: m.start()):
        words = text[start:m.start()].split()
        if m.group().strip() and words and len(words[-1]) <= 3 and words[-1][:1].isupper():
            continue
        out.append(text[start:m.start() + 1].rstrip())
        start = m.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]


def _own_times(sentence: str) -> list[str]:
    """``sentence`` cut before each duty set in a recurring window of its own (:data:`_OWN_TIME`), capitalised."""
    parts = _OWN_TIME.split(sentence)
    return [parts[0], *(p[:1].upper() + p[1:] for p in parts[1:])]


def _agency_of(sentence: str) -> str | None:
    """The body a sentence gives work to, after the verb that hands it out if one opens it ("UBND tỉnh giao Sở A …": Sở
    A), or the body it opens with."""
    m = _OPENING.match(sentence) or _NEWS_LEAD.match(sentence)
    body = _clause(sentence, m)[0] if m else _LINKED.sub("", sentence)
    said = sentence_agency(body[:1].upper() + body[1:] + " ")
    return " ".join(said[0].casefold().split()) if said else None


def _chunks(text: str) -> list[str]:
    """A paragraph's duties apart: a sentence that asks anew ("… . Yêu cầu UBND các xã …") or opens with another body
    ("… . Ban A sẽ kiểm tra …", "Ngoài ra, các sở …") starts one; a sentence of the same body's duty or with none goes on
    with the one before ("UBND cấp xã thành lập … . UBND cấp xã căn cứ …", "… . Hoàn thành trước ngày …")."""
    parts = [p for sentence in _sentences(text) for p in _own_times(sentence)]
    chunks, agency = [parts[0]], _agency_of(parts[0])
    for sentence in parts[1:]:
        other = _agency_of(sentence)
        asks = _OPENING.match(sentence) is not None or _NEWS_LEAD.match(sentence) is not None
        if other != agency and (asks or (other is not None and not _THIS.match(other))):
            chunks.append(sentence)
            agency = other
        else:
            chunks[-1] = f"{chunks[-1]} {sentence}"
    return chunks


def _read(clause: str, sec_id: str, loc: Loc) -> tuple[list[dict], list[PlanWarning]]:
    return sections_to_tasks([Section(sec_id, sec_id[1:], None, Role.ORGANIZATION, loc, Token("arabic", sec_id[1:], clause),
                                      content=[("text", clause, loc)])], whole_body=True)


def paragraphs_to_tasks(entries: list[dict]) -> tuple[list[dict], list[PlanWarning]]:
    """The tasks the unnumbered paragraphs ``entries`` ({"text", "loc"}) of a document with no numbered section
    assign, id "P<n>" (the paragraph's place among them; "P<n>.<m>" for its m-th duty), and the warnings reading them
    gave."""
    tasks: list[dict] = []
    warnings: list[PlanWarning] = []
    asked = last = False
    unread: PlanWarning | None = None
    for k, e in enumerate(entries, 1):
        loc = Loc(**e["loc"])
        for n, chunk in enumerate(_chunks(e["text"]), 1):
            if last and _DUE_ALONE.match(chunk) and not tasks[-1]["deadline"]["end"]:
                due = text_to_deadline(find_time_phrase(chunk))
                if due["end"]:  # "Thời hạn hoàn thành … trước ngày …" alone: the duty above's deadline
                    tasks[-1]["deadline"] = due
                    continue
            clause, named, opened, back = _assignment(chunk, asked)
            asked = bool(_ASKS_BELOW.search(chunk)) or (clause is not None and (asked or opened)) \
                or (asked and _agency_of(chunk) is None and DUTY_WORD.match(chunk) is not None)  # a content asked, no body
            read, said = _read(clause, f"P{k}" if n == 1 else f"P{k}.{n}", loc) if clause else ([], [])
            addressed = opened and not chunk.rstrip().endswith(":")  # "… các đơn vị thực hiện các nội dung sau:" opens a list
            if read and all(lead_is_name(a) or is_role_lead(a) or (addressed and _ADDRESSED.match(a))
                            for t in read for a in t["lead_as_written"]):  # no "Các phong trào … do Ban A"
                if last and n == 1 and not opened and len(read) == 1 and read[0]["lead"] == tasks[-1]["lead"] \
                        and not (read[0]["deadline"]["end"] or read[0]["deadline"]["recurrence"]):
                    tasks[-1]["title"] += " " + read[0]["title"]  # the same bodies' duty going on in the next paragraph
                    continue
                for t in read:
                    title = t["title"].replace(*back, 1) if back and t["title"].startswith(back[0]) else t["title"]
                    tasks.append({**t, "title": title, "no": None, "section": None})
                warnings.extend(said)
                last = True
                continue
            last = False
            when = find_time_phrase(chunk)
            if unread is None and not (named or (clause and opened)) and (_DUE_PROSE.search(chunk) or (when and _DUE.search(when))):
                unread = warning("body-task-unread", f"paragraph {k} sets a deadline ({chunk[:60]!r}) but no body's "
                                 "task was read from it; check by hand whose duty it is", loc.as_dict())
            if named or (clause and opened):  # "Đề nghị Ủy ban …, Thủ trưởng …": a list longer than a name; "các địa phương"
                warnings.append(warning("body-task-unread", f"paragraph {k} hands work to a body ({chunk[:60]!r}) "
                                        "but no task was read from it; check it by hand", loc.as_dict()))
            elif _body_after_lead_in(chunk):  # "Theo đó, Đài A phát sóng …", "Quý IV/2026, Hội A tiếp tục …"
                warnings.append(warning("body-task-unread", f"paragraph {k} names a body after {chunk.split(',')[0]!r} "
                                        "and no task was read from it: a duty or a report? Check it by hand", loc.as_dict()))
    return each_duty_once(tasks), warnings + ([unread] if unread and not tasks and not warnings else [])


def _body_after_lead_in(chunk: str) -> bool:
    """Whether ``chunk`` names a body right after "Theo đó," (what a document says) or a period ("Quý IV/2026, …"), and
    no past word makes it a report."""
    rest = _LINKED.sub("", chunk, count=1)
    rest = _WHEN_FIRST.sub("", rest, count=1) if rest == chunk else rest
    return rest != chunk and names_a_body(" ".join(rest.split()[:3])) and not _REPORTED.search(" ".join(rest.split()[:12]))


def _missed_requests(roots: list[Section], skip: frozenset[str]) -> list[dict]:
    """Requests the section reader passes over, read when it read none: a paragraph that hands work out after a long
    clause of grounds ("1. Căn cứ …, …, đề nghị các phòng … rà soát …") or names its lead ("Các phòng chủ trì lập …"
    under a targets heading); never one that opens the items below it ("… như sau:")."""
    found: list[dict] = []
    stack = list(roots)
    while stack:
        sec = stack.pop()
        stack.extend(sec.children)
        if sec.id in skip:
            continue
        for kind, text, loc in sec.content:
            if kind != "text" or text.rstrip(" *_").endswith(":"):  # "… như sau:" opens the items below
                continue
            clause, _named, opened, back = _assignment(text)
            if clause is None or not (opened or ((said := sentence_agency(clause + " ")) and _LEAD_WORDS.match(clause[said[1]:]))):
                continue
            got, _said = _read(clause, f"S{sec.id}", loc)
            for t in got:
                if all(lead_is_name(a) for a in t["lead_as_written"]):
                    title = t["title"].replace(*back, 1) if back and t["title"].startswith(back[0]) else t["title"]
                    found.append({**t, "id": f"{sec.id}/{len(found) + 1}", "title": title, "no": None, "section": sec.id})
    return found


def body_assignments(roots: list[Section], paragraphs: list[dict], directive: bool,
                     skip: frozenset[str]) -> tuple[list[dict], list[PlanWarning]]:
    """The tasks the body assigns: from its sections (:func:`.bodytasks.sections_to_tasks`, ``skip`` left alone; when
    they give none, the requests that reader passes over, :func:`_missed_requests`), and a directive's from the
    ``paragraphs`` before them; with no numbered section from its ``paragraphs`` (:func:`paragraphs_to_tasks`)."""
    if not roots:
        return paragraphs_to_tasks(paragraphs)
    tasks, warnings = sections_to_tasks(roots, directive, skip)
    tasks = tasks or _missed_requests(roots, skip)  # none read: a request the section reader passes over
    if directive:  # "…, Chủ tịch UBND tỉnh yêu cầu các sở … triển khai …" before a directive's numbered parts
        asked = [t for t in paragraphs_to_tasks(paragraphs)[0] if not t["title"].rstrip().endswith(":")]  # "… sau:" opens the parts
        tasks = [{**t, "id": f"0.{t['id']}"} for t in asked] + tasks
    return tasks, warnings


def closing_duties(closing: list[dict]) -> list[dict]:
    """The duties a closing paragraph sets with a time, ids "C1", "C2" … in order: "… đề nghị các đơn vị … tổ chức thực hiện; trước ngày 10
    tháng 12 hằng năm gửi báo cáo …" asks for a report by a date, which no section holds. A closing that only
    asks the plan to be carried out, or where to report difficulties, sets no time and gives none."""
    duties = [{**e, "text": _BEFORE_DIFFICULTIES.split(e["text"], maxsplit=1)[0]} for e in closing]
    tasks, _said = paragraphs_to_tasks(duties)
    timed = [t for t in tasks if t["deadline"]["end"] or t["deadline"]["recurrence"]]
    return [{**t, "id": f"C{n}"} for n, t in enumerate(timed, 1)]  # (their loc names the paragraph)


_BEFORE_DIFFICULTIES = rx.compile(r"(?<=[.;])\s+(?=(?:Trong\s+)?quá\s+trình\s+(?:tổ\s+chức\s+|triển\s+khai\s+)?thực\s+hiện\b)", rx.I)
"""Where the standing sentence on difficulties starts after a closing's duty ("… báo cáo kết quả …. Trong quá trình thực
hiện, nếu có vướng mắc …"): no part of the duty."""
