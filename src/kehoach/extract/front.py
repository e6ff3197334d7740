"""Front matter -> header fields: issuer, number, place and date, document type and title.

Reads the lines above the type line ("KẾ HOẠCH"), that line and the title under it; a letter
with no type line gives its subject line ("V/v …") as its title.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..parse.blocks import Block
from ..record import Record
from ..vn import ascii_fold, is_upper_text
from ..vocab.agencies import starts_agency
from ..vocab.dates import YEAR
from ..vocab.document_parts import NATION, PARTY_NATION
from . import header as hd
from .agency_caps import name_from_caps
from .bare_title import title_under_header, type_and_title_block
from .gazette import gazette_heading, may_open_title, title_goes_on, title_text
from .header_cells import header_pieces, place_cell
from .issuer_bodies import COMMITTEE_OPENS as _COMMITTEE_OPENS
from .issuer_bodies import RULE_RUN as _RULE_RUN
from .issuer_bodies import board_of_body, header_top, subordinate_body
from .issuer_bodies import lowest_body as _lowest_body
from .kind import type_from_line
from .ministry import body_under_ministry
from .regions import ATTACHMENT, Regions, issued_kind, para

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

SUBJECT = rx.compile(r"^(?:V/v|V/V|Về\s+việc(?!\s+(?:trên|này|đó|nêu\s+trên)\b))\s*:?\s*")
"""A letter's subject line: "V/v báo cáo …", "Về việc: …"; not a sentence about the matter told above ("Về việc trên,
UBND tỉnh giao …")."""
_ADDRESSED = rx.compile(r"\s+Kính\s+gửi\s*:.*$", rx.S)
"""The addressees' line a subject wrapped with no blank line runs into: no part of the title."""
_NUMBER_ALONE = rx.compile(r"^Số\s*:?\s*$")
_BLANK_DATE = rx.compile(rf"ngày\s+(?:[._…\s]*)tháng\s+(?:[._…\s]*)năm\s+{YEAR}", rx.I)
"""A date line stamped at signing: "ngày    tháng    năm 2026"."""
_PLACE_HEAD = rx.compile(r"^[*_]*(\p{Lu}\p{Ll}*(?:\s+\p{L}+){0,4})$")
"""The start of a place name wrapped before its date line: "Thành phố Hồ"."""
_ISSUER_TAIL = rx.compile(r"^(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)\s+\S")
"""The committee's level and place on a line of their own ("ỦY BAN NHÂN DÂN" / "XÃ TÂN LẬP")."""
_IN_SENTENCE = rx.compile(r"^(?:UBND|(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân)\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường)\s+\p{Ll}")
"""A sentence that opens with the committee ("UBND tỉnh có ý kiến như sau:"): no header line, whose place is a name."""
_SUBJECT_WITHIN = 15
"""A letter's subject line is among its first blocks."""


class Front(Record):
    """What the front matter says, and where."""

    __slots__ = ("fields", "type_line", "body_from", "locs", "date_blank", "claimed", "warnings")

    fields: dict
    """Header fields, keyed as in the plan's ``document``."""
    type_line: int | None
    """The block of the type line ("KẾ HOẠCH")."""
    body_from: int
    """First block after the title."""
    locs: dict[str, dict]
    """Where the number and the date lines are."""
    date_blank: bool
    """The date line leaves day and month blank (stamped at signing)."""
    claimed: set[int]
    warnings: list[PlanWarning]

    def __init__(self) -> None:
        self.fields = dict.fromkeys(("type", "type_name", "number", "seq", "symbol", "issuer", "place", "date", "title"))
        self.type_line = None
        self.body_from = 0
        self.locs = {}
        self.date_blank = False
        self.claimed = set()
        self.warnings = []


def read_front(blocks: list[Block], closing_at: int, taken: frozenset[int]) -> Front:
    """Read the header above ``closing_at``; ``taken`` are blocks already placed (the signed part)."""
    front = Front()
    front.type_line = next((i for i in range(closing_at) if hd.is_type_name_block(blocks[i]) and not _enacts(blocks, i)), None)
    head_stop = front.type_line if front.type_line is not None else min(closing_at, 12)
    for i in range(head_stop):
        b = para(blocks, i)
        if b is not None:
            _header_line(blocks, i, head_stop, front, taken)
    _read_type_and_title(blocks, closing_at, front)
    return front


_ARTICLE = rx.compile(r"^Điều\s+\d")


def _enacts(blocks: list[Block], i: int) -> bool:
    """Block ``i`` ("QUYẾT ĐỊNH", its colon lost) opens the articles ("Điều 1. …" next): the enacting words, no
    type line (a header that names its type otherwise: "QUYẾT ĐỊNH CỦA UBND TỈNH X" / "V/v …")."""
    nxt = para(blocks, i + 1)
    return nxt is not None and bool(_ARTICLE.match(nxt.text))


def _read_type_and_title(blocks: list[Block], closing_at: int, front: Front) -> None:
    doc = front.fields
    if front.type_line is not None:
        doc["type_name"] = hd.type_name_text(blocks[front.type_line].text)
        doc["type"] = type_from_line(doc["type_name"], doc["type"])  # the type line names the kind
        front.claimed.add(front.type_line)
        t = front.type_line + 1
        nxt = para(blocks, t)
        if nxt is not None and may_open_title(nxt.text):
            title = title_text(nxt)
            front.claimed.add(t)
            t += 1
            while (more := para(blocks, t)) is not None and (goes_on := title_goes_on(title, more.text)) is not None:
                title = f"{title} {goes_on}"  # a wrapped title's line the reader set apart (a PDF)
                front.claimed.add(t)
                t += 1
                if goes_on != more.text:  # its bracket's end, run into the enacting line: the title ends there
                    break
            gazette_heading(doc, title.rstrip(" ."))  # "CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ … NGÀY … VỀ VIỆC …" or a title
        front.body_from = t
        return
    found = type_and_title_block(blocks, closing_at)
    if found:  # "KẾ HOẠCH Triển khai …" on one line; "QUYẾT" / "ĐỊNH" / "VỀ VIỆC …" in one block
        i, name, title = found
        doc["type_name"], doc["title"] = hd.type_name_text(name), title.rstrip(" .")
        doc["type"] = type_from_line(doc["type_name"], doc["type"])
        front.claimed.add(i)
        front.body_from = i + 1
        return
    vv = subject_line(blocks)
    bare = max((k for c in front.claimed if (k := title_under_header(blocks, c)) is not None and k not in front.claimed),
               default=None) if vv is None else None  # under the date line, above an enacting line ("ỦY BAN NHÂN DÂN TỈNH X")
    if vv is not None:  # a letter: its subject line "V/v …" is its title
        doc["title"] = _ADDRESSED.sub("", SUBJECT.sub("", blocks[vv].text)).strip()  # "… của rừng" / "Kính gửi:"
        front.claimed.add(vv)
        return
    if bare is not None:  # the type line dropped: the line in capitals under the header is the title
        doc["title"] = blocks[bare].text.rstrip(" .")
        front.claimed.add(bare)
        front.body_from = bare + 1
    front.warnings.append(warning("type-name-missing", "no document type line (KẾ HOẠCH …) found in the header"))


def subject_line(blocks: list[Block]) -> int | None:
    """The block of a letter's subject line ("V/v …") among the first blocks."""
    return next((i for i in range(min(len(blocks), _SUBJECT_WITHIN))
                 if para(blocks, i) and SUBJECT.match(blocks[i].text)), None)


def _header_line(blocks: list[Block], i: int, head_stop: int, front: Front, taken: frozenset[int]) -> None:
    b = blocks[i]
    text = _RULE_RUN.sub(" ", b.text).strip()
    _issuer_line(blocks, i, text, head_stop, front)
    if hd.MOTTO_LINE.match(text) or rx.search(rf"{NATION}\s+XÃ\s+HỘI", text.upper()):
        front.claimed.add(i)
    _number_line(blocks, i, text, front)
    _place_date_line(blocks, i, text, front, taken)


def _issuer_line(blocks: list[Block], i: int, text: str, head_stop: int, front: Front) -> None:
    left = rx.split(rf"\s*\|\s*|\s{{3,}}|CỘNG\s+H|{PARTY_NATION}|\s+Số\s*:", text)[0].strip()
    raw = blocks[i].raw_lines
    own = None
    for k in range(1, len(raw) if not text.startswith("TM") else 1):
        # "UBND TỈNH X" / "SỞ Y TẾ" read as one paragraph; the body's name may wrap ("SỞ NÔNG NGHIỆP VÀ MÔI" / "TRƯỜNG")
        own = subordinate_body(" ".join(raw[k:])) if hd.expand_issuer(" ".join(raw[:k]))[1] else None
        if own:
            left = " ".join(raw[:k])
            own = _lowest_body(raw[k:]) or own
            own = _own_name_goes_on(blocks, i, head_stop, " ".join(raw[k:]), front) or own
            break
    issuer, complete = hd.expand_issuer(left) if not text.startswith("TM") and not _IN_SENTENCE.match(left) else (None, False)
    last = i
    if issuer and not complete:
        # "ỦY BAN NHÂN DÂN" / "TỈNH BẮC NINH" in two paragraphs, maybe with the motto between them
        for k in range(i + 1, min(head_stop, i + 4)):
            nxt = para(blocks, k)
            tail = _RULE_RUN.sub(" ", nxt.text).strip() if nxt is not None else ""
            if nxt is not None and _ISSUER_TAIL.match(tail):
                issuer, complete = hd.expand_issuer(left + " " + _left_column(tail))  # "XÃ AN LẠC | Độc lập …|"
                front.claimed.add(k)
                last = k
                break
            if nxt is None or not (hd.MOTTO_LINE.match(tail) or is_upper_text(tail) and "CỘNG" in tail):
                break
    if issuer and complete and own is None and last + 1 < head_stop and para(blocks, last + 1) is not None:
        own = subordinate_body(blocks[last + 1].text)
        if own:
            front.claimed.add(last + 1)
            own = _own_name_goes_on(blocks, last + 1, head_stop, blocks[last + 1].text, front) or own
        else:  # "UBND THÀNH PHỐ X" / "ỦY BAN NHÂN DÂN" / "PHƯỜNG Y": the ward issues
            issuer = _lower_committee(blocks, last + 1, head_stop, front) or issuer
    if issuer and front.fields["issuer"] is None:
        front.claimed.add(i)
        front.fields["issuer"] = _issuing_body(issuer, own) if complete else None
    elif issuer is None and front.fields["issuer"] is None and not text.startswith("TM") \
            and (i - header_top(blocks) < _OWN_ISSUER_WITHIN or _above_motto(blocks, i)) and not hd.MOTTO_LINE.match(left):  # "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM": the nation, not a "Hội"
        own = _GOVERNMENT.get(ascii_fold(left)) \
            or board_of_body([_left_column(t) for b in blocks[i:i + 6] if b.kind == "para" for t in b.raw_lines]) \
            or _party_committee(blocks, i, left, front.claimed) or body_under_ministry(blocks, i, front.claimed) \
            or _unit_of_department(blocks, i, front.claimed) \
            or (body := subordinate_body(left)) and (_own_name_goes_on(blocks, i, head_stop, left, front, True) or body)
        # (a body's name may wrap into a later block: "BỘ X" / … / "VÀ Y")
        if own:
            front.claimed.add(i)
            front.fields["issuer"] = own


def _own_name_goes_on(blocks: list[Block], i: int, head_stop: int, caps: str, front: Front, at_and: bool = False) -> str | None:
    """The body's name under the committee (``caps``, in block ``i``) with its last words in a block of their
    own further down the left column ("BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH" / "MỤC TIÊU QUỐC GIA" after a blank line,
    or after the nation's lines where a reader put them between): a short line in capitals that opens no body,
    place, type or number. None when no such block follows."""
    for k in range(i + 1, min(head_stop, i + 5)):
        nxt = para(blocks, k)
        tail = _left_column(_RULE_RUN.sub(" ", nxt.text).strip()) if nxt is not None else ""
        if nxt is None or not tail:
            return None
        if hd.MOTTO_LINE.match(tail) or "CỘNG" in tail:
            continue  # the nation's name and motto, read between the left column's lines
        if hd.NUMBER_LINE.match(tail):
            return None  # "Số: 12/SYT-KHTC": the number line, no word of the name
        named = is_upper_text(tail) and not (_ISSUER_TAIL.match(tail) or hd.ISSUER.match(tail) or hd.is_type_name_block(nxt))
        if named and (lower := _lowest_body([caps, tail])):  # "SỞ Y TẾ" / "CHI CỤC …" a block apart: the unit issues
            front.claimed.add(k)
            return lower
        if not is_upper_text(tail) or len(tail.split()) > 6 or _ISSUER_TAIL.match(tail) or hd.ISSUER.match(tail) \
                or hd.is_type_name_block(nxt) or starts_agency(name_from_caps(tail)):
            return None
        if at_and and not (caps.endswith(" VÀ") or tail.startswith("VÀ ")):
            return None  # (``at_and``: a name whole on its line goes on only where it was cut at "và")
        own = subordinate_body(f"{caps} {tail}")
        if own:
            front.claimed.add(k)
        return own
    return None


def _lower_committee(blocks: list[Block], i: int, head_stop: int, front: Front) -> str | None:
    """A commune's or ward's committee written under the committee above it ("UBND THÀNH PHỐ X" /
    "ỦY BAN NHÂN DÂN" / "PHƯỜNG Y"), in block ``i`` or with its level and place in the next block:
    the committee that issues the document, named in full. None when block ``i`` names no committee; when
    it opens with one whose name cannot be read whole (an OCR speck inside it), None and a warning."""
    text = _left_column(_RULE_RUN.sub(" ", blocks[i].text).strip())
    if not hd.ISSUER.match(text) and not _COMMITTEE_OPENS.match(text):
        return None
    full, complete = hd.expand_issuer(_SPECKS.sub("", text))
    if full and not complete and i + 1 < head_stop and (nxt := para(blocks, i + 1)) is not None:
        tail = _SPECKS.sub("", _left_column(_RULE_RUN.sub(" ", nxt.text).strip()))
        if _ISSUER_TAIL.match(tail):
            full, complete = hd.expand_issuer(f"{_SPECKS.sub('', text)} {tail}")
            if complete:
                front.claimed.add(i + 1)
    if not complete:
        front.warnings.append(warning(
            "issuer-uncertain", f"a committee under the issuer ('{text}') could not be read whole: it, not the "
            "committee above it, may issue the document", blocks[i].loc.as_dict()))
        return None
    front.claimed.add(i)
    return full


_SPECKS = rx.compile(r"^(?:[^\p{Lu}\p{Ll}\s]+\s+)+|(?:\s+[^\p{Lu}\p{Ll}\s]+)+$")
"""Letterless tokens OCR reads from a header's rules and specks ("ỦY BAN NHÂN DÂN 2", "- PHƯỜNG …")."""


_PLACE_OF = rx.compile(r"\s(?P<level>tỉnh|thành\s+phố)\s+(?P<place>\p{Lu}.*)$")
_LEVEL_AT_END = rx.compile(r"\s(?:tỉnh|thành\s+phố)$")


def _unit_of_department(blocks: list[Block], i: int, claimed: set[int]) -> str | None:
    """A unit under a department heading the document with it ("SỞ Y TẾ TỈNH X" / "BỆNH VIỆN ĐA KHOA TỈNH", in one
    block or two): the unit issues, named with the department's place ("Bệnh viện đa khoa tỉnh X"; the two were run
    together as one name) unless its own name ends with it ("… ĐA KHOA TỈNH X")."""
    raw = [_left_column(line) for line in blocks[i].raw_lines]
    nxt = para(blocks, i + 1)
    if len(raw) < 2 and nxt is not None:
        raw = [*raw, _left_column(nxt.text)]
    upper = subordinate_body(raw[0]) if len(raw) >= 2 else None  # (the unit's name may wrap: "… TỈNH NGHỆ" / "AN")
    where = _PLACE_OF.search(upper) if upper else None
    lower = subordinate_body(" ".join(raw[1:])) if where else None
    if where is None or lower is None or hd.ISSUER.match(raw[1]):
        return None
    if len(blocks[i].raw_lines) < 2:
        claimed.add(i + 1)
    return lower if ascii_fold(lower).lower().endswith(" " + ascii_fold(where["place"]).lower()) else \
        f"{lower} {where['place']}" if _LEVEL_AT_END.search(lower) else f"{lower} {where['level']} {where['place']}"


def _party_committee(blocks: list[Block], i: int, left: str, claimed: set[int]) -> str | None:
    """A Party committee heading the document (:func:`header.party_committee`), its "ĐẢNG BỘ TỈNH X" and
    "TỈNH ỦY" lines in one block or two."""
    if not rx.match(r"ĐẢNG\s+BỘ\s|[\p{Lu}\s]*ỦY\b", left):
        return None
    found = hd.party_committee(left)
    if found is None and len(raw := blocks[i].raw_lines) > 1:  # "ĐẢNG BỘ TỈNH X   ĐẢNG CỘNG SẢN VIỆT NAM" / "TỈNH ỦY"
        found = hd.party_committee(" ".join(_left_column(line) for line in raw))
    nxt = para(blocks, i + 1)
    if found is None and nxt is not None and rx.match(r"ĐẢNG\s+BỘ\s", left):
        found = hd.party_committee(f"{left} {_left_column(nxt.text)}")
        if found:
            claimed.add(i + 1)
    return found


def _left_column(line: str) -> str:
    """The left block's part of a header line: before a wide gap, a "|" or the Party's name."""
    return rx.split(rf"\s*\|\s*|\s{{3,}}|{PARTY_NATION}", line)[0].strip()


_GOVERNMENT = {"thu tuong chinh phu": "Thủ tướng Chính phủ", "chinh phu": "Chính phủ", "quoc hoi": "Quốc hội",
               "uy ban thuong vu quoc hoi": "Ủy ban Thường vụ Quốc hội"}
"""The Government, its Prime Minister, the National Assembly and its Standing Committee heading a document ("THỦ TƯỚNG" /
"CHÍNH PHỦ", "ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI"), by their folded names."""


def _above_motto(blocks: list[Block], i: int) -> bool:
    """Block ``i`` stands right above the motto ("CỘNG HÒA XÃ HỘI …"): the header's left column, under a portal's lines."""
    nxt = para(blocks, i + 1)
    return nxt is not None and bool(hd.MOTTO_LINE.match(nxt.text))
_OWN_ISSUER_WITHIN = 2
"""A body issuing in its own name, with no committee over it, heads the document: its first blocks."""
_COMMITTEE = "Ủy ban nhân dân "


def _issuing_body(committee: str, own: str | None) -> str:
    """The issuer: the committee, or the body under it named with the committee's place ("Sở Y tế tỉnh X"); the
    committee's office is named after it ("VĂN PHÒNG" -> "Văn phòng Ủy ban nhân dân tỉnh X")."""
    if own is None:
        return committee
    if own == "Văn phòng":
        return f"{own} {committee}"
    return f"{own} {committee.removeprefix(_COMMITTEE)}"


def _number_line(blocks: list[Block], i: int, text: str, front: Front) -> None:
    doc = front.fields
    num = hd.parse_number(text) or next(filter(None, map(hd.parse_number, header_pieces(text))), None)
    nxt = para(blocks, i + 1)
    if num is None and _NUMBER_ALONE.match(text) and nxt is not None:  # "Số:" on one line, "123/KH-UBND" on the next
        num = hd.parse_number("Số: " + nxt.text)
        if num:
            front.claimed.add(i + 1)
    if num and doc["symbol"] is None:
        doc.update({k: num[k] for k in ("number", "seq", "symbol", "type")})
        front.locs["number"] = blocks[i].loc.as_dict()
        if num["hyphen_fixed"]:
            front.warnings.append(warning(
                "symbol-repaired", f"symbol read as {num['symbol']} (hyphen missing in the text)", blocks[i].loc.as_dict()))
        front.claimed.add(i)


def _place_date_line(blocks: list[Block], i: int, text: str, front: Front, taken: frozenset[int]) -> None:
    doc, b = front.fields, blocks[i]
    place, date = hd.find_issue_place_date(text)
    for piece in header_pieces(text) if place is None else ():
        # "Số: 45/KH-UBND | Nam Hà, ngày 3 tháng 4 năm 2024 |", the nation and motto before it in its cell
        place, date = hd.find_issue_place_date(place_cell(piece))
        if place:
            break
    prev = para(blocks, i - 1)
    head = _PLACE_HEAD.match(prev.text) if prev is not None else None
    if place and head and prev is not None and i - 1 not in taken and i - 1 not in front.claimed \
            and b.lines[0] - prev.lines[-1] <= 2:  # "Thành phố Hồ" / "Chí Minh, ngày …" (two paragraphs: a blank line)
        place = head.group(1) + " " + place
        front.claimed.add(i - 1)
    if place and doc["place"] is None:
        doc["place"], doc["date"] = place, date
        front.locs["date"] = b.loc.as_dict()
        front.claimed.add(i)
        if date is None and _BLANK_DATE.search(text):
            front.date_blank = True


def read_attachment(blocks: list[Block], regions: Regions, doc: dict) -> tuple[dict | None, frozenset[int], list[PlanWarning]]:
    """A plan a decision issues: its type line, title and "(Ban hành kèm theo Quyết định …)" lines,
    checked against the decision's number and date (``doc``). Returns (attachment, blocks, warnings)."""
    front = regions.plan_front
    if front is None:
        return None, frozenset(), []
    code, plan = issued_kind(blocks[front].text) or ("KH", True)
    attachment: dict = {"type": code, "type_name": hd.type_name_text(blocks[front].text), "title": None}
    t = front + 1
    warnings: list[PlanWarning] = []
    if not plan:
        warnings.append(warning("attachment-not-plan", f"the decision issues a {attachment['type_name']!r}, not a plan "
                                "(Kế hoạch): its sections, targets and tasks are read as a plan's", blocks[front].loc.as_dict()))
    if t < regions.plan_from and not ATTACHMENT.match(blocks[t].text):
        attachment["title"] = blocks[t].text.rstrip(" .")
        t += 1
    for k in range(t, regions.plan_from):
        ref = hd.parse_backref(blocks[k].text)
        for key in ("number", "date"):
            if ref and ref.get(key) and doc.get(key) and ref[key] != doc[key]:
                warnings.append(warning(
                    "backref-mismatch", f"the plan says it is attached to {key} {ref[key]!r} but the decision's header "
                    f"says {doc[key]!r}", blocks[k].loc.as_dict()))
    return attachment, frozenset(range(front, regions.plan_from)), warnings
