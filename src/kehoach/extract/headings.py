"""Headings a writer or a converter left irregular, settled before the section tree is built: parts in capitals
with no number, a number alone on its line, a heading in capitals split over two paragraphs."""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..numbering import Token, ordinal, ordinal_to_words, roman_to_int
from ..parse.blocks import Block
from ..vn import ascii_fold, is_upper_text, title_case_place
from ..vocab.agencies import starts_agency
from .roles import caps_heading, heading_to_role

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def unnumbered_headings(blocks: list[tuple[int, Block]], tokens: list[Token | None],
                         warnings: list[PlanWarning]) -> set[int]:
    """A body with no "Phần"/"I."/"A." numbers whose parts open with headings in capitals and no
    number ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"): those headings become the top sections,
    numbered I, II, … in order (``tokens`` is changed in place; the positions are returned), with a
    warning, since the numbers are not the document's."""
    if any(t is not None and t.kind in _TOP for t in tokens):
        return set()
    found: list[int] = []
    for pos, (_, b) in enumerate(blocks):
        if b.kind == "para" and tokens[pos] is None and caps_heading(b.text) \
                and not (found and found[-1] == pos - 1 and _goes_on(blocks[pos - 1][1].text)):  # "NHIỆM VỤ VÀ" / "GIẢI PHÁP"
            found.append(pos)
    for k, pos in enumerate(found, 1):
        tokens[pos] = Token("roman", _ROMAN[k - 1] if k <= len(_ROMAN) else str(k), blocks[pos][1].text.strip().strip("*_"))
    if found:
        warnings.append(warning("section-unnumbered", f"{len(found)} headings in capitals have no number; read as "
                                f"the top sections I-{_ROMAN[len(found) - 1] if len(found) <= len(_ROMAN) else len(found)} "
                                "in order (their sections are marked inferred)", blocks[found[0]][1].loc.as_dict()))
    return set(found)


_TOP = ("part", "division", "roman", "upper")


def bare_numbers(blocks: list[tuple[int, Block]], tokens: list[Token | None]) -> set[int]:
    """A number alone on its line ("**II.**") with its heading in the paragraph after ("**TỔ CHỨC THỰC HIỆN**"):
    the heading is read as written after the number (``tokens`` is changed in place); the positions of those
    heading paragraphs are returned."""
    absorbed: set[int] = set()
    for pos, tok in enumerate(tokens[:-1]):
        nxt = blocks[pos + 1][1]
        if tok is not None and tok.kind != "bullet" and not tok.rest.strip("*_ ") and nxt.kind == "para" \
                and tokens[pos + 1] is None and pos not in absorbed:
            tokens[pos] = Token(tok.kind, tok.value, nxt.text.strip().strip("*_").strip())
            absorbed.add(pos + 1)
    return absorbed


def stray_headings(blocks: list[tuple[int, Block]], tokens: list[Token | None], warnings: list[PlanWarning],
                    absorbed: set[int]) -> set[int]:
    """A heading in capitals with no number among parts numbered "I.", "II." …, naming another part of a plan than
    the one it stands in ("TỔ CHỨC THỰC HIỆN" under "II. NHIỆM VỤ", its number left out): after the last numbered
    part it is the next part, numbered on (``tokens`` is changed in place; its position is returned); between two
    numbered parts it stays text of the one before. Warned either way."""
    tops = [(pos, t) for pos, t in enumerate(tokens) if t is not None and t.kind in _TOP]
    if not tops:
        return set()
    kind, last_top = tops[0][1].kind, max(pos for pos, t in tops if t.kind == tops[0][1].kind)
    cur: Token | None = None
    found: set[int] = set()
    for pos, (_, b) in enumerate(blocks):
        tok = tokens[pos]
        if tok is not None and tok.kind == kind:
            cur = tok
        if tok is None and cur is not None and b.kind == "para" and pos not in absorbed \
                and (rest := _stopless(b.text, _next_number(cur))) is not None:
            cur = tokens[pos] = Token(kind, _next_number(cur) or "", rest)  # "II NỘI DUNG": a stop lost (OCR)
            continue
        before = tokens[pos - 1 - (pos - 1 in absorbed)] if pos else None  # the heading just before, if any
        if tok is not None or b.kind != "para" or cur is None or pos in absorbed or not _another_part(b.text, cur.rest) \
                or (before is not None and _goes_on(before.rest)):
            continue
        text, loc = b.text.strip().strip("*_").strip(), b.loc.as_dict()
        number = _next_number(cur) if pos > last_top else None
        if number is None:
            warnings.append(warning("section-unnumbered", f"the heading in capitals {text!r} has no number and stands "
                                    f"inside part {cur.value}; read as its text", loc))
            continue
        cur = tokens[pos] = Token(kind, number, text)
        found.add(pos)
        warnings.append(warning("section-unnumbered", f"the heading in capitals {text!r} has no number; read as part "
                                f"{number}, after the last numbered one (marked inferred)", loc))
    return found


def _stopless(text: str, number: str | None) -> str | None:
    """The heading of a part numbered as the next one, its number's stop left out ("II NỘI DUNG" after "I. …", as
    OCR often reads "II. NỘI DUNG"): the title in capitals after the number; None otherwise. Only the number that
    comes next counts, so a heading whose first word looks like a numeral ("VI PHẠM …") is not taken for another."""
    if number is None or not text.startswith(number + " "):
        return None
    rest = text[len(number):].strip().strip("*_").strip()
    letters = [c for c in rest if c.isalpha()]
    if len(letters) < 4 or len(rest.split()) > 15 or rest.endswith((".", ";", ",", ":")) or not all(c.isupper() for c in letters):
        return None
    return rest


def _another_part(text: str, part_title: str) -> bool:
    """A heading in capitals naming a part of a plan that the part it stands in does not name ("KINH PHÍ" in
    "II. NHIỆM VỤ", not "YÊU CẦU" in "I. MỤC ĐÍCH, YÊU CẦU")."""
    if not caps_heading(text) or _TABLE_TITLE.match(ascii_fold(text.strip("*_ ")).lower()):
        return False
    role, words = heading_to_role(text), set(ascii_fold(text.strip("*_ ")).lower().split())
    return role != heading_to_role(part_title) and not words <= set(ascii_fold(part_title).lower().replace(",", " ").split())


_TABLE_TITLE = rx.compile(r"(?:danh\s+muc|bang|bieu|phu\s+luc|mau)\b")
"""A title over a table or an appendix ("DANH MỤC NHIỆM VỤ …"), in capitals too: no part of the plan."""


def _next_number(tok: Token) -> str | None:
    """The number after a top part's, written the same way: "II" -> "III", "B" -> "C", "Phần II" -> "Phần III",
    "Mục 2" -> "Mục 3", "PHẦN THỨ HAI" -> "PHẦN THỨ BA", "Phần thứ mười" -> "Phần thứ mười một"; None past what it can count."""
    *words, last = tok.value.split()
    n = ordinal(tok)
    if len(words) >= 2 and words[1].lower() == "thứ":  # "PHẦN THỨ MƯỜI" -> "PHẦN THỨ MƯỜI MỘT"
        word = ordinal_to_words(n + 1) if n else None
        return " ".join([*words[:2], word.upper() if last.isupper() else word]) if word else None
    if n is None or n >= len(_ROMAN):
        return None
    if tok.kind == "upper":
        return chr(ord(tok.value) + 1) if tok.value < "Y" else None
    return " ".join([*words, _ROMAN[n] if roman_to_int(last) else str(n + 1)])


_WRAP_WORDS = 10


def wrapped_heading(title: str | None, empty: bool, text: str) -> bool:
    """A paragraph in capitals that goes on with a heading in capitals (``title``, of a section that holds nothing
    yet when ``empty``) the converter split off as a paragraph of its
    own ("**II. NHIỆM VỤ VÀ GIẢI PHÁP**" / "**TRONG CÁC CƠ QUAN NHÀ NƯỚC**"): the section holds nothing yet, its
    heading ends on no stop, and the paragraph is short and either follows a linking word ("… VÀ" / "GIẢI PHÁP …") or
    names no part of a plan itself and starts no agency's name."""
    text = text.strip().strip("*_").strip()
    if not empty or not title or not is_upper_text(title) or title.endswith((".", ":", ";")):
        return False
    return (is_upper_text(text) and len(text.split()) <= _WRAP_WORDS and not text.endswith((".", ":", ";"))
            and not rx.fullmatch(r"S?TT\.?", text)  # a table's first cell flattened one a line, not the heading's wrap
            and (_goes_on(title) or (heading_to_role(text) is None and not starts_agency(title_case_place(text)))))


_LINKING_END = rx.compile(r"(?:,|\s(?:va|cua|de|trong|ve|cho|voi|tai|cac|nhung|theo|nham|tren|o))$")


def _goes_on(heading: str) -> bool:
    """A heading that ends on a linking word or a comma ("NHIỆM VỤ VÀ", "KẾT QUẢ THỰC HIỆN CỦA"): its words go on
    in the line after."""
    return bool(_LINKING_END.search(ascii_fold(heading.strip("*_ ")).lower()))
