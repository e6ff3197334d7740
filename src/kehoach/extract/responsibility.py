"""A responsibility cell read as who leads and who supports.

Plans write the division of labour inside one cell in a few general ways:

- labels: "- CQ chủ trì: X - CQ phối hợp: Y";
- role marks after names: "Sở Y tế (chủ trì); các sở, ngành liên quan" (unmarked names next to a
  marked lead support it);
- role verbs after a name: "X chủ trì, phối hợp với Y", "X chủ trì hướng dẫn; Y thực hiện …";
- a name followed by its duty: "Sở Khoa học và Công nghệ thúc đẩy, theo dõi, báo cáo chỉ tiêu"
  (the name is the agency; the duty is kept, as written, for the note).

Two names a converter glued together ("Sở Khoa học và Công nghệ Sở Công Thương") are parted.
"""

from __future__ import annotations

from .. import rx
from ..record import Record
from ..vocab.agencies import ACTOR_HEAD, GLUED_HEAD, GROUP_HEAD, HEAD, LEVEL, LEVEL_GLUED_HEAD
from ..vocab.dates import YEAR
from .agencies import split_after_department, split_lead_support

_MARK = rx.compile(r"\(\s*(?:(?:cơ\s+quan|đơn\s+vị)\s+)?(?:đồng\s+|cùng\s+)?(?P<role>chủ\s+trì|phối\s+hợp|thường\s+trực|đầu\s+mối)"
                   r"(?P<more>[^()]{0,40}?)\s*\)", rx.I)
"""A role mark after a name: "(chủ trì)", "(phối hợp)", or a remark opening with a role ("(chủ trì tổng hợp)",
"(cơ quan thường trực)", "(đầu mối)": the standing body leads; "(đồng chủ trì)": leading together); words after the
role are a duty, kept in the note."""
# Duty verbs written after an agency's name (a modal before them ends the name: "UBND cấp xã phải chủ trì"); lower
# case only, so names ("Sở Xây dựng") are safe.
_VERB = rx.compile(
    r"(?<=\S)(?<!\bnhà)(?<!\bngười)(?:\s+(?:cần\s+phải|cần|phải|cùng))?\s+(?P<verb>chủ\s+trì|phối\s+hợp|chủ\s+động|thực\s+hiện|thúc\s+đẩy|theo\s+dõi|báo\s+cáo|hướng\s+dẫn|tổng\s+hợp"
    r"|triển\s+khai|tham\s+mưu|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm|đôn\s+đốc|giám\s+sát|cập\s+nhật"
    r"|công\s+bố|là\s+cơ\s+quan)\b"
)
_REMARK = rx.compile(r"\s*\(\s*(?P<remark>\p{Ll}[^()]{2,80}?)\s*\)$")
"""A remark in brackets closing a name, opening in lower case: what the agency does or where ("Sở Y tế (hướng dẫn
chuyên môn)", "Sở A (đối với các trường học)"); no part of the name, which a unit in brackets is ("Sở Y tế (Chi cục
An toàn vệ sinh thực phẩm)", "(PC08)"). Kept in the note, as a duty is."""
_MARK_COMMA = rx.compile(r"(\(\s*(?:(?:cơ\s+quan|đơn\s+vị)\s+)?(?:đồng\s+|cùng\s+)?(?:chủ\s+trì|phối\s+hợp|thường\s+trực|đầu\s+mối)[^()]{0,40}?\))\s*,",
                         rx.I)
_WITH = rx.compile(r"(?:\bphối\s+hợp(?:\s+(?:với|cùng))?|(?<=chủ\strì,\s)cùng)\s+(?P<rest>\S.*)$")
"""A partner after the lead's verb: "chủ trì, phối hợp (với|cùng) Sở B", "chủ trì, cùng Sở B …"."""
_GLUED = rx.compile(rf"(?<=\p{{L}})(?<!\bvới)(?<!\bhợp)(?<!\bvà)(?<!\bcủa)(?<!\bcùng)(?<!\bcho)(?<!\bhoặc)(?<!\bcác)(?<!\bphòng)(?<!\bVP)(?<!\btịch)(?<!\btrưởng)"
                     rf"\s+(?={GLUED_HEAD}\s+\p{{Lu}}|(?:UBND|Ủy\s+ban\s+nhân\s+dân|Công\s+an)\s+(?:các\s+)?{LEVEL}\b|(?<!\blý\s)Các\s+\p{{Ll}})")
"""Where a name glued to the one before it starts at an unambiguous head ("Sở A Sở B", "… Hạ tầng UBND các
xã", "… Đô thị Công an phường", "… Dược Các đơn vị trực thuộc"; not after "Văn phòng" or "Chủ tịch", whose office it names, nor at "Ban
Quản lý Các khu …")."""
_LEVEL_GLUED = rx.compile(rf"(?<=\s)(?P<level>{LEVEL})\s+(?={LEVEL_GLUED_HEAD})")
"""A head after the level word that ends a local agency's name ("… Phụ nữ huyện Hội Nông dân huyện")."""
_NAME_START = rx.compile(rf"^(?:{HEAD}|{GROUP_HEAD}|[Cc]ác)\s")
_POLICE_UNIT = rx.compile(r"\b(?:Cảnh\s+sát|An\s+ninh|PC\d|PA\d|PK\d)")
"""A police unit's name, which the police force it belongs to ends ("Phòng Cảnh sát giao thông Công an tỉnh")."""


class Roles(Record):

    __slots__ = ("lead", "support", "duty", "ended")

    lead: list[str]
    """Lead parts as written (each may still list several agencies)."""
    support: list[str]
    duty: bool
    """True when words other than names (duties) were cut off: the caller keeps the cell as a note."""
    ended: set[tuple[str, int]]
    """("lead" or "support", index) of the parts a ";" closed: the next line is another entry, not their wrap."""

    def __init__(self, lead: list[str], support: list[str], duty: bool, ended: set[tuple[str, int]] | None = None) -> None:
        self.lead = lead
        self.support = support
        self.duty = duty
        self.ended = ended or set()

    def lines(self, field: str) -> str:
        """The parts of ``field`` one a line, a ";" kept after those it closed ("Phòng A;" / "Viettel B")."""
        return "\n".join(p + (";" if (field, k) in self.ended else "") for k, p in enumerate(getattr(self, field)))


def _unglue(part: str) -> str:
    """"Sở A Sở B" -> "Sở A; Sở B" when the part starts with an agency name."""
    if not _NAME_START.match(part):
        return part
    parts = _LEVEL_GLUED.sub(lambda m: m["level"] + "; ", _GLUED.sub("; ", part)).split("; ")
    for k in range(len(parts) - 1, 0, -1):
        if _POLICE_UNIT.search(parts[k - 1]) and parts[k].startswith("Công an"):
            parts[k - 1:k + 1] = [f"{parts[k - 1]} {parts[k]}"]  # "Phòng Cảnh sát giao thông Công an tỉnh": one unit
    return "; ".join(p for piece in parts for p in split_after_department(piece))


def _part_role(part: str) -> tuple[str | None, str, list[str], bool]:
    """(role, name, support named inside, duty cut) of one ';'-separated part."""
    mark = _MARK.search(part)
    if mark:
        role = "support" if mark.group("role").lower().startswith("ph") else "lead"
        return role, (part[:mark.start()] + " " + part[mark.end():]).strip(" ,;:-"), [], bool(mark.group("more").strip())
    remark = _REMARK.search(part)
    if remark and _AGENCY_START.match(part) and len(part[:remark.start()].split()) >= 2:
        return None, part[:remark.start()].strip(" ,;:-"), [], True
    verb = _VERB.search(part)
    if verb is None or len(part[:verb.start()].split()) < 2:
        return None, part, [], False
    name, action = part[:verb.start()].strip(" ,;:-"), part[verb.start():].strip()
    verb_word = " ".join(verb.group("verb").lower().split())
    if verb_word == "chủ trì":
        with_ = _WITH.search(action)
        with_ = with_ if with_ and _AGENCY_START.match(with_.group("rest")) else None  # not "phối hợp thực hiện"
        support = [_partner(with_.group("rest"))] if with_ else []
        return "lead", name, support, not with_ or with_.start() > len("chủ trì, ")
    if verb_word == "phối hợp":  # "Sở A phối hợp với Sở B": A supports a lead named elsewhere in the cell, else
        with_ = _WITH.search(action)  # it does the work with B (the lead), B its partner
        if with_ and _AGENCY_START.match(with_.group("rest")):
            return "cooperates", name, [_partner(with_.group("rest"))], False
        return "support", name, [], True
    return ("joint" if verb_word in _OWN_WORK else None), name, [], True


_OWN_WORK = {"thực hiện", "triển khai", "chủ động"}
"""Verbs by which an agency does the work itself ("Sở B chủ động triển khai …", "UBND các xã thực hiện …"): next to a
lead ("Sở A chủ trì …; Sở B …") it leads its part of the work with it, it does not cooperate ("phối hợp")."""


def _partner(rest: str) -> str:
    """A partner's name with the duty after it cut off ("Sở B thực hiện" -> "Sở B")."""
    verb = _VERB.search(rest)
    return (rest[:verb.start()] if verb and len(rest[:verb.start()].split()) >= 2 else rest).strip(" .,")


def read_roles(text: str | None, column: str = "lead") -> Roles | None:
    """Split a responsibility cell. ``column`` is the column it stands in ("lead", "support" or
    "combined"); names with no role of their own take that column's role, or support when another
    name in the cell is marked as lead. None for an empty cell."""
    if not text or not text.strip():
        return None
    labelled = split_lead_support(text)
    if labelled is not None:
        return Roles([labelled[0]] if labelled[0] else [], [labelled[1]] if labelled[1] else [], False)
    text = _MARK_COMMA.sub(lambda m: m[1] + ";", text)  # "X (chủ trì), Y (phối hợp)": the mark ends a part
    pieces = rx.split(r"([;\n])", text)  # the parts and what ends each: a ";" ends an entry, a line may be a wrap
    parts = [(p.strip(" ."), end == ";") for p, end in zip(pieces[::2], [*pieces[1::2], ""], strict=True) if p.strip(" .")]
    read = [(_part_role(_unglue(p)), semi) for p, semi in parts]
    has_lead = any(r[0] == "lead" for r, _ in read)
    lead: list[str] = []
    support: list[str] = []
    duty = False
    ended: set[tuple[str, int]] = set()
    for (role, name, named_support, cut), semi in read:
        duty = duty or cut
        default = "support" if column == "support" or has_lead else "lead"
        joint = "support" if column == "support" else "lead"  # "Sở A chủ trì …; Sở B chủ động triển khai …"
        target = lead if (default if role in (None, "cooperates") else joint if role == "joint" else role) == "lead" else support
        sizes = len(lead), len(support)
        target.extend(n for n in name.split("; ") if n)
        support.extend(named_support)
        for field, names, size in (("lead", lead, sizes[0]), ("support", support, sizes[1])) if semi else ():
            if len(names) > size:  # "Phòng A; Viettel B": what follows is another entry, not this name's wrap
                ended.add((field, len(names) - 1))
    return Roles(lead, support, duty, ended)


_AGENCY_START = rx.compile(rf"^(?:{HEAD}|{GROUP_HEAD}|{ACTOR_HEAD})\b")
_NOT_NAME = rx.compile(rf"(?:^|\s)(?:\d{{1,2}}/{YEAR}|năm\s+{YEAR}|quý|tháng)\b|[.:!?]$", rx.I)


def reads_as_agency(text: str) -> bool:
    """Whether a cell reads as an agency's name: it starts with a word that begins agency names,
    holds 2 to 18 words, no date, and does not end like a sentence or a cut list."""
    t = " ".join(text.split()).strip(" ;,")
    words = t.split()
    if not (2 <= len(words) <= 18) or not _AGENCY_START.match(t) or _NOT_NAME.search(t):
        return False
    return not rx.search(r"(?:\b(?:và|các|với|của|cùng|hoặc)|[,/-])$", t) and _VERB.search(t) is None
