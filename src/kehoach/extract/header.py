"""The document header and closing: number, issuer, place, date, type, title, bases, signer,
recipients, and the appendix back-reference ("(Kèm theo Kế hoạch số … ngày …)")."""

from __future__ import annotations

from .. import rx
from ..numbering import match_token
from ..parse.blocks import Block
from ..parse.lines import TYPE_NAME
from ..vn import (
    ascii_fold,
    fold,
    is_upper_text,
    modern_tone,
    sentence_case,
    squash,
    title_case_place,
)
from ..vocab.dates import DATE, DATE_WORDED, YEAR
from ..vocab.document_parts import (
    CAPACITY_CODES,
    CAPACITY_SLASHED,
    MOTTO,
    NATION,
    PARTY_NATION,
    RECIPIENTS,
)
from .date_spans import find_date, find_issue_date

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    import re

NUMBER_LINE = rx.compile(
    rf"""^(?:Số\s*:?|(?:Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|Kế\s+hoạch|Thông\s+tư)\s+số\s*:)\s*(?P<seq>\d+)?\s*/\s*(?:(?P<year>{YEAR})\s*/\s*)?(?P<sym>[\p{{L}}\d][\p{{L}}\d.\-–]*(?:\s*-\s*[\p{{L}}\d]+)*(?:/\p{{Lu}}[\p{{L}}\d.\-–]*)*)""",
    rx.X,
)
"""``Số: 27 /KH-UBND``, ``Số:      /KH-UBND``, ``Số: 12/2024/QĐ-UBND``, a joint one ``Số: 01/QCPH/UBND-UBMTTQ``; the type
named before it with its colon, ``Nghị quyết số: 9/2026/NQ-HĐND`` (a basis's "Nghị quyết số 9/…" has none)."""
PARTY_NUMBER_LINE = rx.compile(
    r"^Số\s*:?\s*(?P<seq>\d+)?\s*-\s*(?P<sym>\p{Lu}\p{L}*\s*/\s*[\p{Lu}\d][\p{L}\d]*(?:\s*-\s*[\p{Lu}\d][\p{L}\d]*)*)(?![\p{L}\d/])")
"""A Party committee's number, joined to its type by a hyphen and to the committee by a slash:
``Số 215-KH/TU``, ``Số: 12-NQ/HU``, ``Số   -KH/ĐU`` (left blank)."""

DATE_LINE = rx.compile(r"^(?P<place>\p{Lu}[\p{L}\s.\-–]{1,40}?)\s*,\s*ngày\b", rx.X)
"""``Nam Định, ngày 05 tháng 4 năm 2024``, ``Lạng Sơn, ngày 3 tháng 11 năm 2020``, ``Bà Rịa – Vũng Tàu, ngày …``."""

ISSUER = rx.compile(
    r"""^(?:TM\.\s*)?(?P<body>(?:ỦY|UỶ|Ủy|Uỷ)\s+BAN\s+NHÂN\s+DÂN|UBND|(?:ỦY|UỶ)\s+BAN\s+NHÂN\s*$)
        (?:\s+(?P<level>TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|THỊ\s+TRẤN|ĐẶC\s+KHU|XÃ|PHƯỜNG))?(?:\s+(?P<name>[^\d]{2,40}?))?\s*$""",
    rx.X | rx.I,
)
"""``ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN``, ``UBND TỈNH THÁI BÌNH``, ``TM. ỦY BAN NHÂN DÂN``."""

BACKREF = rx.compile(
    rf"""(?P<type>Kế\s+hoạch(?:\s+hành\s+động)?|Quyết\s+định)\s*(?:số\s*)?:?\s*
        (?P<seq>\d+)?\s*/\s*(?:(?P<year>{YEAR})\s*/\s*)?(?P<sym>[\p{{L}}\d][\p{{L}}\d\-–]*)\s*,?\s*
        (?:ngày\s*(?P<date>[\d\s/\-.]+{YEAR}|{DATE_WORDED}))?
        (?:\s*của\s+(?P<issuer>[^)]+?))?\s*\)?\s*$""",
    rx.X | rx.I,
)
"""``(Kèm theo Kế hoạch /KH-UBND ngày 12 /9/2019 của Ủy ban nhân dân tỉnh Sơn La)``,
``Kế hoạch số 58 /KH-UBND ngày 2 tháng 8 năm 2022 của UBND tỉnh Cà Mau``, ``(Ban hành kèm theo Quyết định số 12/2015/QĐ-UBND
ngày 4 tháng 8 năm 2015 của UBND tỉnh X)`` (the year kept in the number)."""

AUTHORITY = rx.compile(rf"^(?:(?P<auth>{CAPACITY_CODES})\s*\.|(?P<slashed>{CAPACITY_SLASHED})(?=\s))\s*(?P<rest>.*)$")
"""A capacity and what follows it: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ" (a Party committee)."""


def capacity(m: re.Match) -> str:
    """The capacity code of an :data:`AUTHORITY` match: "TM" for "TM." and "T/M"."""
    return m["auth"] or "".join(m["slashed"].replace("/", "").split())
_NAME_WORD, _NAME_CAPS = r"\p{Lu}\p{Ll}*(?:['’]\p{Lu}?\p{Ll}*)?", r"\p{Lu}+(?:['’]\p{Lu}*)?"
PERSON = rx.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,5}}$|^{_NAME_CAPS}(?:\s+{_NAME_CAPS}){{1,5}}$")
"""A person's name: two to six capitalised words, or capitals; a word may hold an apostrophe, as names of
the Central Highlands' peoples do ("K' Bình", "K'Sor")."""
MOTTO_LINE = rx.compile(rf"^(?:{NATION}\s+XÃ\s+HỘI|CỘNG|HỘI\s+CHỦ\s+NGHĨA|{MOTTO}\s*[-–]|ĐỘC\s+LẬP|VIỆT\s+NAM$|{PARTY_NATION}\s*\*?$)", rx.I)
RECIPIENTS_LINE = rx.compile(rf"^{RECIPIENTS}\s*:?\s*(?P<rest>.*)$", rx.I)
BASIS_START = rx.compile(r"^(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Theo|Để\s+triển\s+khai|Nhằm\s+triển\s+khai)\b", rx.I)
CITED = rx.compile(
    r"""(?:(?P<law>Luật|Bộ\s+luật)\s+(?P<lawname>\p{L}[^;:]{2,120}?)
        (?:\s+số\s+(?P<lawnumber>\d+/""" + YEAR + r"""/QH\d+)
           (?:\s*,?\s*ngày\s+(?P<lawdate>""" + DATE + r"""))?
         | \s*,?\s*ngày\s+(?P<lawdate2>""" + DATE + r""")))
      | (?P<type>Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|Chương\s+trình\s+hành\s+động|Chương\s+trình|Kết\s+luận
        |Công\s+văn|Văn\s+bản|Thông\s+tư|Nghị\s+định|Kế\s+hoạch|Luật|Thông\s+báo|Hướng\s+dẫn|Nghị\s+quyết\s+liên\s+tịch)
        \s+(?:số\s+)?(?P<number>\d+[\p{L}\d/\-–]*[/\-][\p{L}\d\-–]+)
        (?:\s*,?\s*ngày\s+(?P<date>""" + DATE + r"""))?
        (?:\s+(?:của|do)\s+(?P<issuer>\p{Lu}[^;(),]*?(?:,\s*(?!Ủy|Uỷ|UBND|Bộ\b|Chính|Thủ|Hội|Ban|Sở)\p{Lu}[^;(),]*?)*?)
           (?=\s+(?:về|phê\s+duyệt|ban\s+hành|quy\s+định|hướng\s+dẫn|thực\s+hiện|triển\s+khai|tại|đến|trên|nhằm|là
                  |và\s+(?:Nghị|Quyết|Chỉ|Kết|Chương|Kế|Luật|Thông|Công|Văn))\b|\s*[;()]|\s*,(?!\s*\p{Lu})|\s*,\s*(?=(?:Ủy|Uỷ|UBND|Bộ|Chính|Thủ|Hội|Ban|Sở)\b)|\s*$))?""",
    rx.X,
)
CITED_TYPE_CODES = {
    "nghi quyet": "Nghị quyết", "quyet dinh": "Quyết định", "chi thi": "Chỉ thị",
    "chuong trinh hanh dong": "Chương trình hành động", "chuong trinh": "Chương trình",
    "ket luan": "Kết luận", "cong van": "Công văn", "van ban": "Văn bản", "thong tu": "Thông tư",
    "nghi dinh": "Nghị định", "ke hoach": "Kế hoạch", "luat": "Luật", "thong bao": "Thông báo",
    "huong dan": "Hướng dẫn",
}

# Document type codes that may be written without their hyphen ("QĐUBND" from PDF text).
TYPE_CODES = ["KHHĐ", "KHHD", "KH", "QĐ", "QyĐ", "CTr", "CT", "CV", "TB", "BC", "TTr", "NQ", "HD", "ĐA", "KL"]
SIGNER_TITLES = {
    "chu tich": "Chủ tịch", "pho chu tich": "Phó Chủ tịch", "giam doc": "Giám đốc",
    "pho giam doc": "Phó Giám đốc", "chanh van phong": "Chánh Văn phòng",
    "pho chanh van phong": "Phó Chánh Văn phòng", "truong ban": "Trưởng ban", "pho truong ban": "Phó Trưởng ban",
    "bi thu": "Bí thư", "pho bi thu": "Phó Bí thư", "pho bi thu thuong truc": "Phó Bí thư Thường trực",
    "pho truong ban thuong truc": "Phó Trưởng ban Thường trực", "to truong": "Tổ trưởng", "pho to truong": "Phó Tổ trưởng",
    "hieu truong": "Hiệu trưởng", "pho hieu truong": "Phó Hiệu trưởng",
}


PARTY_COMMITTEE = rx.compile(
    r"""^(?:ĐẢNG\s+BỘ\s+(?P<level>TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)\s+(?P<place>[^\d]{2,40}?)\s+)?
        (?P<committee>(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+ỦY|ĐẢNG\s+ỦY(?:\s+(?P<own>XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU))?)
        (?:\s+(?P<name>[^\d]{2,40}?))?\s*\*?$""",
    rx.X,
)
"""A Party committee heading its document: "TỈNH ỦY ĐIỆN BIÊN", "ĐẢNG BỘ TỈNH NGHỆ AN / TỈNH ỦY", "ĐẢNG BỘ XÃ
HÒA BÌNH / ĐẢNG ỦY XÃ", "HUYỆN ỦY YÊN THÀNH" (the place after the committee or in the Đảng bộ above it)."""
PARTY_BODIES = {"ban thuong vu": "Ban Thường vụ", "ban chap hanh": "Ban Chấp hành", "dang uy": "Đảng ủy",
                "tinh uy": "Tỉnh ủy", "thanh uy": "Thành ủy", "huyen uy": "Huyện ủy", "quan uy": "Quận ủy",
                "thi uy": "Thị ủy", "ban can su dang": "Ban Cán sự đảng", "dang doan": "Đảng đoàn"}
"""The Party bodies a signer signs for ("T/M BAN THƯỜNG VỤ") in their usual case."""


def party_committee(text: str) -> str | None:
    """"ĐẢNG BỘ TỈNH NGHỆ AN TỈNH ỦY" -> "Tỉnh ủy Nghệ An", "ĐẢNG BỘ XÃ HÒA BÌNH ĐẢNG ỦY XÃ" -> "Đảng ủy xã Hòa
    Bình"; None for no Party committee or one with no place ("ĐẢNG ỦY KHỐI …" is a body's own name)."""
    m = PARTY_COMMITTEE.match(" ".join(modern_tone(text).split()))
    if not m or not (place := m["name"] or m["place"]) or m["committee"] == "ĐẢNG ỦY" and m["name"]:
        return None  # "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH": a name, no place
    committee = " ".join(m["committee"].split()).capitalize()
    level = m["own"] or (m["level"] if m["committee"].startswith("ĐẢNG") and not m["name"] else None)
    own = f" {' '.join(level.lower().split())}" if level and not m["own"] else ""
    return f"{committee}{own} {title_case_place(place) if is_upper_text(place) else place.strip()}"


_TRAILING_SPECKS = rx.compile(r"[\s.,;:]*(?:\s[^\p{Lu}\p{Ll}\p{N}\s]+)*[\s.,;:]*$")
"""Stray marks after a name: a stop, a comma, specks OCR read from a rule under it ("TỈNH X ˆ ˆ")."""


def expand_issuer(text: str) -> tuple[str | None, bool]:
    """"ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" -> ("Ủy ban nhân dân tỉnh Lạng Sơn", True).

    The flag says whether the name is complete (level and place given)."""
    m = ISSUER.match(_TRAILING_SPECKS.sub("", " ".join(text.split())))  # a stray mark after the name (a speck OCR read)
    if not m:
        return None, False
    parts = ["Ủy ban nhân dân"]
    level, name = m.group("level"), m.group("name")
    if level:
        parts.append(" ".join(level.lower().split()))
    if name:
        parts.append(title_case_place(name) if is_upper_text(name) else name.strip())
    return modern_tone(" ".join(parts)), bool(level and name)


def parse_number(text: str) -> dict | None:
    """Read a "Số: …" line into number, seq and symbol; None when it is not one."""
    m = NUMBER_LINE.match(text)
    if not m:
        return _party_number(text)
    symbol = rx.sub(r"\s+", "", m.group("sym")).replace("–", "-").rstrip(".-")
    fixed = False
    if "-" not in symbol:
        for code in TYPE_CODES:
            if symbol.upper().startswith(code.upper()) and len(symbol) > len(code):
                symbol = symbol[: len(code)] + "-" + symbol[len(code):]
                fixed = True
                break
    seq = int(m.group("seq")) if m.group("seq") else None
    year = m.group("year")
    number = None
    if seq is not None:
        raw = m.group("seq")
        number = f"{raw}/{year}/{symbol}" if year else f"{raw}/{symbol}"
    return {"number": number, "seq": seq, "symbol": symbol, "type": symbol_to_type(symbol), "hyphen_fixed": fixed}


def _party_number(text: str) -> dict | None:
    """Read a Party committee's "Số 215-KH/TU" (:data:`PARTY_NUMBER_LINE`)."""
    m = PARTY_NUMBER_LINE.match(text)
    if not m:
        return None
    symbol = rx.sub(r"\s+", "", m["sym"])
    seq = int(m["seq"]) if m["seq"] else None
    number = f"{m['seq']}-{symbol}" if seq is not None else None
    return {"number": number, "seq": seq, "symbol": symbol, "type": symbol_to_type(symbol), "hyphen_fixed": False}


KNOWN_TYPES = {t.upper() for t in TYPE_CODES} | {"GM", "CĐ", "QC", "PA", "HĐ", "BB", "TTR", "KHPH", "KHLT", "CTHĐ", "QYĐ",
                                                  "QCPH", "CTPH", "NQLT", "TT", "TTLT"}


def symbol_to_type(symbol: str | None) -> str | None:
    """The type code at the head of a symbol ("KH-UBND" -> "KH"); None for a letter's
    "UBND-KT", whose head is the issuer, not a type."""
    if not symbol:
        return None
    head = rx.split(r"[-/]", symbol)[0]  # "KH-UBND"; a Party committee's "KH/TU"
    return head if head.upper() in KNOWN_TYPES else None


def parse_backref(text: str) -> dict | None:
    """Read an appendix back-reference to the plan's number and date."""
    if "/" not in text:  # every reference has its number's "/" (:data:`BACKREF`)
        return None
    t = squash(text)
    t = rx.sub(r"^\(?\s*(?:Ban\s+hành\s+)?(?:kèm\s+theo\s+)?", "", t, flags=rx.I)
    m = BACKREF.match(t)
    if not m:
        return None
    symbol = m.group("sym").replace("–", "-")
    seq = int(m.group("seq")) if m.group("seq") else None
    date = find_date("ngày " + m.group("date")) if m.group("date") else None
    issuer = None
    if m.group("issuer"):
        issuer = expand_issuer(m.group("issuer"))[0] or m.group("issuer").strip()
    return {
        "type_name": sentence_case(m.group("type")),
        "number": "/".join(filter(None, (m["seq"], m["year"], symbol))) if seq is not None else None,
        "seq": seq,
        "symbol": symbol,
        "date": date.isoformat() if date else None,
        "issuer": issuer,
    }


def text_to_bases(text: str) -> list[dict]:
    """Every document a basis paragraph cites, in order."""
    out = []
    for m in CITED.finditer(text):
        if m.group("law"):
            when = m.group("lawdate") or m.group("lawdate2")
            date = find_date("ngày " + when) if when else None
            out.append({
                "text": m.group(0).strip(), "type": "Bộ luật" if ascii_fold(m.group("law")) == "bo luat" else "Luật",
                "number": m.group("lawnumber"), "date": date.isoformat() if date else None,
                "issuer": "Quốc hội", "name": " ".join(m.group("lawname").split()),
            })
            continue
        date = find_date("ngày " + m.group("date")) if m.group("date") else None
        out.append({
            "text": m.group(0).strip(),
            "type": CITED_TYPE_CODES.get(ascii_fold(m.group("type")), m.group("type")),
            "number": rx.sub(r"\s+", "", m.group("number")),
            "date": date.isoformat() if date else None,
            "issuer": " ".join(m.group("issuer").split()).rstrip(" .") if m.group("issuer") else None,
        })
    return out


def signer_title(text: str) -> str | None:
    t = " ".join(text.split())
    return SIGNER_TITLES.get(ascii_fold(t)) or (sentence_case(t) if t else None)


def is_person(text: str) -> bool:
    t = " ".join(text.split())
    if not PERSON.match(t) or len(t) > 40:
        return False
    return not _NOT_PERSON.search(ascii_fold(t).lower())


_NOT_PERSON = rx.compile(r"\b(?:uy ban|chu tich|giam doc|noi nhan|ke hoach|phu luc|danh muc|chu nghia|doc lap)\b|^cong hoa\b")
"""Words of a line that reads as a name but is none (folded): a title, a heading, the motto of a header after a page
break ("CỘNG HÒA XÃ HỘI …", at the start: a name may hold "Công Hoàng", "Công Hòa")."""


def find_recipients(blocks: list[Block], start: int, stop: int) -> tuple[list[str], list[int], int | None]:
    """The "Nơi nhận:" list: one entry per line, with the block indexes it used."""
    for i in range(start, stop):
        b = blocks[i]
        if b.kind != "para":
            continue
        m = RECIPIENTS_LINE.match(b.text)
        if not m:
            continue
        out: list[str] = []
        used = [i]
        inline = rx.split(r"\s\|(?:\s|$)", m.group("rest"), maxsplit=1)[0].strip()  # a scraped "|" cell beside it: the signature's
        if inline:
            out.extend(x for x in (_clean_recipient(p) for p in rx.split(r"\s-\s|;", inline)) if x)
        j = i + 1
        while j < stop and blocks[j].kind == "para":
            tok = match_token(blocks[j].text)
            if tok is None or tok.kind != "bullet":
                # The signature column may stand between two runs of the list (a PDF page break
                # inside the recipients | signature layout): skip it when the list resumes.
                k = j
                while k < min(stop, j + 8) and blocks[k].kind == "para" and _signature_part(blocks[k].text):
                    k += 1
                resumed = k > j and k < stop and blocks[k].kind == "para" and \
                    getattr(match_token(blocks[k].text), "kind", None) == "bullet"
                if not resumed:
                    break
                j = k
                continue
            for raw in blocks[j].raw_lines or [blocks[j].text]:
                r = _name_beside(_clean_recipient(raw))[0]
                if r:
                    if match_token(raw) is None and out:
                        out[-1] = out[-1] + " " + r
                    else:
                        out.append(r)
            used.append(j)
            j += 1
        return out, used, i
    return [], [], None


_NAME_SYLLABLE = r"\p{Lu}(?:\p{Ll}+|['’]\s?\p{Lu}?\p{Ll}*)"
_ARCHIVE_THEN_NAME = rx.compile(rf"^(?P<entry>Lưu\s*:?[^.]*?)\.?\s+(?P<name>{_NAME_SYLLABLE}(?:\s+{_NAME_SYLLABLE}){{1,5}})$")
"""The archive entry closing the list with the signer's name beside it on its line, the name set further left
than the signature column over it ("Lưu: VT, NC.       Lê Văn A", read as one line)."""
_NOT_A_NAME = rx.compile(r"^(?:Phòng|Văn|Sở|Ban|Bộ|Cục|Chi|Trung|Đội|Tổ|Hội|Ủy|Uỷ|Thường|Lãnh|Các|Website|Cổng)\b")


_TITLE_AFTER = rx.compile(r"^(?P<entry>.+?[;.,)])\s+(?P<title>(?:PHÓ\s+)?\p{Lu}+(?:\s+\p{Lu}+){1,3})$")
"""A recipient entry with the signature's title line beside it ("UBND tỉnh (b/c); PHÓ GIÁM ĐỐC")."""


def _name_beside(entry: str) -> tuple[str, str | None]:
    """A recipient entry and the signer's name printed beside it on its line, or the entry and None; a title
    of the signature beside it is dropped from the entry (the signature reads it where it stands)."""
    t = _TITLE_AFTER.match(entry)
    if t and ascii_fold(t["title"]).lower() in SIGNER_TITLES:
        entry = t["entry"].rstrip(" ;,.")
    m = _ARCHIVE_THEN_NAME.match(entry)
    if m is None or _NOT_A_NAME.match(m["name"]) or not is_person(m["name"]):
        return entry, None
    return m["entry"].rstrip(" ;,."), m["name"]


def name_beside_recipients(blocks: list[Block], used: list[int]) -> str | None:
    """The signer's name on the line of the list's archive entry (:data:`_ARCHIVE_THEN_NAME`), or None."""
    for i in used[1:]:
        for raw in blocks[i].raw_lines or [blocks[i].text]:
            name = _name_beside(_clean_recipient(raw))[1]
            if name:
                return name
    return None


def _signature_part(text: str) -> bool:
    t = " ".join(text.split())
    return bool(AUTHORITY.match(t)) or is_person(t) or (is_upper_text(t) and len(t.split()) <= 8)


def _clean_recipient(text: str) -> str:
    t = rx.sub(r"^\s*[-–+•]\s*", "", text).strip()
    return t.rstrip(" ;,.") if not t.endswith("./.") else t[:-3].strip()


def is_type_name_block(b: Block) -> bool:
    return b.kind == "para" and bool(TYPE_NAME.match(b.text)) and not fold(b.text).startswith(("phu luc", "danh muc"))


def type_name_text(text: str) -> str:
    return sentence_case(text.rstrip(" :"))


_NOT_PLACE_WORD = rx.compile(r"(?<!\S)(?!(?:xã|phường|thị|trấn|huyện|quận|tỉnh|thành|phố|đặc|khu)(?!\S))\p{Ll}\S*")
"""A lower-case word no place name holds ("Thực hiện chỉ đạo của Bộ A, ngày 5.2, …" is a sentence, not a place)."""


def find_issue_place_date(text: str) -> tuple[str | None, str | None]:
    m = DATE_LINE.match(text)
    if not m or _NOT_PLACE_WORD.search(m.group("place")):
        return None, None
    d = find_issue_date(text)
    return " ".join(m.group("place").split()), d.isoformat() if d else None
