"""How the PDF reader cuts a line of words into column segments (the issuer beside the motto,
a recipient beside the signer's title), reads a document's dash items and tells a whole heading
from a numbered sentence's first line."""

from __future__ import annotations

import re

from .. import rx
from ..numbering import match_token
from ..vocab.agencies import starts_agency
from ..vocab.document_parts import CAPACITY, MOTTO, NATION, SIGNER_TITLE
from .lines import mostly_indented

_LABEL = re.compile(r"^(?:[-–+•*]|[IVXLC]{1,6}\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))$")
_RIGHT_COLUMN = re.compile(
    rf"(?:{NATION}\s+XÃ|{MOTTO}\s*[-–]|{CAPACITY}\s*\w|[A-ZĐÂĂÊÔƠƯ][\w.]*(?:\s+[A-ZĐÂĂÊÔƠƯ][\w.]*){{0,3}},\s+ngày\s)"
)
"""Where the right column of a header or signature block begins, when no wide gap shows it:
"CỘNG HÒA XÃ HỘI …", "Độc lập - …", "TM. …", "KT. …", "Lạng Sơn, ngày …". Matched at a word's
start in its segment's text (``match(text, pos)``; nothing in it looks behind)."""
_TITLE_BESIDE = re.compile(rf"{SIGNER_TITLE}$")
"""A signer's title ending a recipient line ("- Các sở, ban, ngành; CHỦ TỊCH"): the right column."""


def _right_starts(seg: list[dict], text: str, starts: list[int], i: int) -> bool:
    """True when the right column of a header or signature line starts at ``seg[i]``; ``text`` is
    the segment's text, ``starts[i]`` where its word ``i`` starts in it."""
    if _RIGHT_COLUMN.match(text, starts[i]) and not _RIGHT_COLUMN.match(text, starts[i - 1]):
        return True
    return bool(_TITLE_BESIDE.match(text, starts[i])) and seg[i - 1]["text"].endswith((";", ".", ",", ":"))


def segments(line: list[dict], split_gap: float) -> list[list[dict]]:
    """A line's words cut into its column segments: at gaps wider than ``split_gap`` and where a
    header or signature column begins with no wide gap before it."""
    segs: list[list[dict]] = [[line[0]]]
    for w in line[1:]:
        if w["x0"] - segs[-1][-1]["x1"] > split_gap:
            segs.append([w])
        else:
            segs[-1].append(w)
    merged: list[list[dict]] = []
    for seg in segs:  # a list label ("-", "1.", "a)") set off by a tab belongs to its text
        if merged and _LABEL.match(text_of(merged[-1])):
            merged[-1] = merged[-1] + seg
        else:
            merged.append(seg)
    out: list[list[dict]] = []
    for seg in merged:
        text, starts = text_of(seg), _starts(seg)
        for i in range(1, len(seg)):
            if seg[i]["x0"] - seg[i - 1]["x1"] > 2 and _right_starts(seg, text, starts, i):
                out.extend([seg[:i], seg[i:]])
                break
        else:
            out.append(seg)
    return out


def _starts(seg: list[dict]) -> list[int]:
    """Where each word of ``seg`` starts in ``text_of(seg)``."""
    out, at = [], 0
    for w in seg:
        out.append(at)
        at += len(w["text"]) + 1
    return out


def text_of(seg: list[dict]) -> str:
    return " ".join(w["text"] for w in seg)




def dashes_indented(pages: list) -> bool:
    """True when the document indents its dash items (nearly all "- " lines start right of the margin):
    then a "- " line at the margin is a wrap inside a name ("Bà Rịa" / "- Vũng Tàu, …"), not an item."""
    indented = at_margin = 0
    for p in pages:
        for it in p.items:
            if it[0] == "line" and it[4] is None and it[1][:2] in ("- ", "– "):
                if it[2] > p.margin + p.height * 1.2:
                    indented += 1
                else:
                    at_margin += 1
    return mostly_indented(indented, at_margin)


_SENTENCE_START = rx.compile(
    r"^(?!(?:Chương\s+trình|Kế\s+hoạch|Luật|Bộ\s+luật|Hiến\s+pháp|Nghị\s+(?:quyết|định)|Quyết\s+định|Thông\s+(?:tư|báo)"
    r"|Chỉ\s+thị|Kết\s+luận|Đề\s+án|Dự\s+án|Công\s+văn|Thành\s+phố|Trung\s+ương|Nhà\s+nước|Nhân\s+dân|Chính\s+phủ"
    r"|Quốc\s+hội|Thủ\s+tướng|Tổ\s+quốc|Đảng|Tỉnh|Điều|Khoản|Mục|Phụ\s+lục)\b)\p{Lu}\p{Ll}*,?\s+\p{Ll}")
"""A line opening with a capitalised word and a lower-case one: a sentence's start ("Chủ trì, phối
hợp …"), not a name going on ("Sở Tài chính", "Điện Biên") nor one of the nouns plans capitalise inside
a sentence ("… tổ chức thực hiện" / "Chương trình …", "… thi hành" / "Luật …")."""
_OPEN_END = rx.compile(r"(?:\s(?:và|của|với|các|cho|trong|về|tại|theo|để|đến|từ|là|những|được|có|thuộc|hoặc|như|mà)"
                       r"|[,:;.!?(–-]|\s\p{Lu}\p{Ll}*)$")
"""What a line that is no whole heading ends with: a linking word, a mark (a heading ends with none),
or a capitalised word whose name may go on ("… một Bắc" / "Ninh …")."""


def heading_ends(prev: str, line: str) -> bool:
    """A numbered line filled to the margin is a whole heading, not a sentence's first line, when it
    ends on no linking word or mark and the next line opens a sentence, with no agency's name."""
    token = match_token(prev)
    return (token is not None and token.kind != "bullet" and not _OPEN_END.search(prev.rstrip())
            and _SENTENCE_START.match(line) is not None and not starts_agency(line))
