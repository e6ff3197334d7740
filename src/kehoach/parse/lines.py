"""Line-level vocabulary the readers share: what starts a block, what stands alone, what is markup."""

from __future__ import annotations

from .. import rx
from ..memo import text_cache
from ..numbering import match_token
from ..vn import is_upper_text, starts_upper
from ..vocab.agencies import starts_agency
from ..vocab.document_parts import (
    APPENDIX,
    BARE_PAGE_NUMBER,
    CAPACITY,
    ENACTING,
    ISSUER_BODY,
    MOTTO,
    NATION,
    NUMBER_LABEL,
    PLACE_DATE,
    RECIPIENTS,
)
from ..vocab.document_parts import PAGE_MARK as _PAGE_MARK
from .range_wraps import share_range_wrap, year_range_wrap

TYPE_CHECKING = False
if TYPE_CHECKING:  # a type for mypy only: the run does not import typing
    from typing import Protocol

    class LineTexts(Protocol):
        """The texts of a block's lines so far: a list, or a view that indexes without copying."""

        def __len__(self) -> int: ...

        def __getitem__(self, i: int, /) -> str: ...


TYPE_NAME = rx.compile(
    r"""^(?:KẾ\ HOẠCH(?:\ HÀNH\ ĐỘNG|\ LIÊN\ TỊCH|\ PHỐI\ HỢP)?|QUYẾT\ ĐỊNH|CHỈ\ THỊ|CHƯƠNG\ TRÌNH(?:\ HÀNH\ ĐỘNG|\ CÔNG\ TÁC)?|NGHỊ\ QUYẾT|THÔNG\ TƯ(?:\ LIÊN\ TỊCH)?
          |ĐỀ\ ÁN|PHƯƠNG\ ÁN|CÔNG\ VĂN|THÔNG\ BÁO|BÁO\ CÁO|TỜ\ TRÌNH|PHỤ\ LỤC(?:\s+[IVX\d]+)?|DANH\ MỤC)\s*:?$""",
    rx.X,
)
"""A line that is only a document-type name: "KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG", "KẾ HOẠCH LIÊN TỊCH" (a joint plan of
several bodies), "PHỤ LỤC"."""

APPENDIX_HEADING = rx.compile(
    rf"^(?:{APPENDIX}|DANH\s+MỤC)\b|^(?:Phụ\s+lục|Danh\s+mục)(?:\s+(?:số\s+)?(?:[IVXLC]+|\d+[a-z]?)\b|\s*[:.\-–]|\s*$)"
)
"""An appendix heading: "PHỤ LỤC", "DANH MỤC …", "Phụ lục I", "Phụ lục 02", "Phụ lục: …"; not a sentence
that starts with the words ("Phụ lục, xây dựng kế hoạch …" wrapped from "… được giao tại")."""

STARTER = rx.compile(
    rf"""^(?:
        {NUMBER_LABEL}|Số\s+\d|{RECIPIENTS}|{CAPACITY}\s*\p{{Lu}}|Căn\s+cứ\s|Điều\s+\d
      | \(\s*(?i:ban\s+hành\s+)?(?i:kèm\s+theo)|(?:(?:Ban|BAN)\s+(?i:hành\s+kèm)|Kèm|KÈM)\s+(?i:theo)|Kế\s+hoạch\s+(?:hành\s+động\s+)?số
      | Thực\s+hiện\s+(?:Kế\s+hoạch|Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|Công\s+văn|Chương\s+trình|Kết\s+luận|Thông\s+tư|Nghị\s+định)\s+số\s
      | Trên\s+đây\s+là|Lưu\s*:|{NATION}|{MOTTO}\s*[-–]|{ISSUER_BODY}|{ENACTING}
      | {PLACE_DATE}
    )""",
    rx.X,
)
"""Lines that always start a new block: header and signature parts, a basis the plan is made on ("Thực hiện Kế hoạch số
…", after a title no stop ends), appendix markers (and
:data:`APPENDIX_HEADING`). A back-reference opens with a bracket or a capital ("(kèm theo Kế hoạch số …)", "Kèm theo
…"); "kèm theo." in lower case goes on a sentence ("… theo Phụ lục" / "kèm theo.")."""

STANDALONE = rx.compile(
    rf"""^(?:{NUMBER_LABEL}.*|{RECIPIENTS}\s*:?|QUYẾT\ ĐỊNH\s*:|{PLACE_DATE}.*\d{{4}}\.?
         |{NATION}.*|{MOTTO}\s*[-–].*|S?TT\.?)$""",
    rx.X,
)
"""Lines that are a block of their own (nothing joins them, they join nothing); "STT" alone is a table's first cell,
flattened one a line (no wrap of the heading above it)."""

MARKUP = rx.compile(r"^\s*(?:[-_=*~.]{3,}(?:\s+[-_=*~.]{3,})*|\||\*\*?(?:\s+\*\*?)*)\s*$")
"""Lines that are only layout: rules ("-------") and scraped cell separators ("|")."""
PAGE_MARK = rx.compile(_PAGE_MARK)
BARE_NUMBER = rx.compile(BARE_PAGE_NUMBER)
"""A bare number on a line of its own: a page number where a page break shows, else maybe a cell."""
"""A page number a converter left on a line of its own ("Trang 2/4", "- 3 -", "{3}-----"); the PDF reader also
drops bare numbers, which in text could be a table cell."""

DASH_CONTINUATION = rx.compile(r"^[-–]\s+\p{Ll}")
"""A wrapped line that starts with the dash of "kinh tế - xã hội", not a bullet (lower case after it)."""
_TIME_WORD_END = rx.compile(r"(?:^|\s)(?:[Qq]uý|[Tt]háng|[Nn]gày)$")
_TIME_NUMBER_START = rx.compile(r"^(?:[IVX]{1,4}|\d{1,2})(?:[/,\s-]|$)")
"""A line that starts with the number a time word ending the line before needs ("Quý" / "III/2026", "tháng" / "6/2026")."""
_OPEN_END = rx.compile(r"\s(?:và|của|với|các|cho|tại|theo|trong|cùng|hoặc|những|[-–])$|,$")
"""A line that ends on a connector, a comma or a spaced dash ("Phú Thọ –") cannot end a heading or a paragraph."""
_OPEN_END_LONGEST = len(" những\n")
"""The longest :data:`_OPEN_END` match (with the newline "$" may stand before): it is looked for there only."""
_ACRONYM = rx.compile(r"^\p{Lu}{2,}(?:[\s,;:]|[.)]?$)")
TERMINAL = rx.compile(r"""[.;:!?…](?:["”’)\]]*)$""")


def goes_on_at_dash(prev: str, line: str) -> bool:
    """``line`` opens with a dash going on with ``prev``, no item's ("… kinh tế" / "- xã hội", "- 2030", "- 08%/năm")."""
    dash = DASH_CONTINUATION.match(line) and not TERMINAL.search(prev)  # (lower case after it, no sentence's end above)
    return bool(dash) or year_range_wrap(prev, line) or share_range_wrap(prev, line)


@text_cache()
def is_type_name(text: str) -> bool:
    return bool(TYPE_NAME.match(text))


@text_cache()
def starts_block(text: str) -> bool:
    """True when ``text`` begins a new block whatever comes before it."""
    token = match_token(text)
    return token is not None or bool(STARTER.match(text)) or bool(APPENDIX_HEADING.match(text)) or is_type_name(text)


@text_cache()
def is_standalone(text: str) -> bool:
    return is_type_name(text) or bool(STANDALONE.match(text))


def names_appendix(prev: str, line: str) -> bool:
    """"Phụ lục II." on the line after one that ends on a connector ("… bố trí kinh phí các dự án tại"): the sentence
    goes on to name an appendix, none starts there (a heading in capitals, "PHỤ LỤC II", always starts one)."""
    return bool(_OPEN_END.search(prev, len(prev) - _OPEN_END_LONGEST) and APPENDIX_HEADING.match(line)
                and not is_upper_text(line.split()[0]) and match_token(line) is None)


def joins_previous(prev_lines: LineTexts, line: str, paragraphs_apart: bool = False) -> bool:
    """Decide whether ``line`` continues the block made of ``prev_lines`` (no blank line between).

    Hard-wrapped text wraps anywhere, also inside headings ("III. KINH PHÍ THỰC" / "HIỆN",
    "1. Sở Công" / "Thương:"); a new block starts at a numbering token, a header or signature
    line, after terminal punctuation followed by a capital, and where the case mode changes
    (an upper-case heading followed by a sentence). ``paragraphs_apart`` says the document puts a
    blank line between its paragraphs: a short numbered line followed by a capital ("a) Chỉ đạo,
    hướng dẫn hệ thống" / "Tuyên giáo và Dân vận …") is then a wrapped sentence, not a heading.
    """
    prev = prev_lines[-1]
    if goes_on_at_dash(prev, line) or names_appendix(prev, line) or (_TIME_WORD_END.search(prev) and _TIME_NUMBER_START.match(line)):
        return True  # a dash, not a bullet ("… kinh tế" / "- xã hội"); a time cut after its word ("… Quý" / "III/2026"), no section
    if starts_block(line) or is_standalone(line) or is_standalone(prev) or is_type_name(prev):
        return False
    first_token = match_token(prev_lines[0])
    if _OPEN_END.search(prev, len(prev) - _OPEN_END_LONGEST) and not starts_block(line):
        return True  # "a) Phối hợp với Sở Giáo dục và" / "Đào tạo …": a line ending on "và" goes on
    if len(prev_lines) == 1 and first_token is not None and first_token.kind != "bullet":
        if not first_token.rest:
            return True  # "1." alone on its line: the heading follows
        if starts_upper(line) and not TERMINAL.search(prev) and not paragraphs_apart:
            both_caps = is_upper_text(first_token.rest) and is_upper_text(line)
            acronym_first = bool(_ACRONYM.match(line)) and (not is_upper_text(line) or len(line.split()) == 1)  # "… sản phẩm" / "OCOP."
            caps_then_sentence = is_upper_text(first_token.rest) and not is_upper_text(line)  # "II. NỘI DUNG" / "Các …:"
            return both_caps or acronym_first or (line.endswith(":") and len(line) <= 60 and not caps_then_sentence)
    if TERMINAL.search(prev) and (starts_upper(line) or line[:1].isdigit()):
        # Where a blank line parts the paragraphs, a line right under a colon is the same paragraph
        # wrapped ("- Dự án 3 (Tiểu dự án 1):" / "Nâng cao …", "Thời gian:" / "Quý IV/2026").
        return paragraphs_apart and prev.endswith(":")
    # A case change (upper-case heading, then a sentence) starts a block; one-word fragments
    # ("CỘNG" / "HÒA XÃ HỘI …", "… KCN," / "CCN.") are wraps, not headings.
    # A line of figures has no case: the mode is the last line's with letters ("… NĂM 2025 -" / "2026" / "Thực hiện …").
    cased = next((prev_lines[k] for k in range(len(prev_lines) - 1, -1, -1) if _LETTER.search(prev_lines[k])), prev)
    one_word = len(cased.split()) < 2 or len(line.split()) < 2
    if not one_word and is_upper_text(cased) != is_upper_text(line) and (starts_upper(line) or _FIGURE_FIRST.match(line)):
        return False
    return True


_FIGURE_FIRST = rx.compile(r"(?!(?:19|20)\d\d\b)\d[\d.,]*\s*%?\s+\p{Ll}")
"""A sentence opening with a figure ("100% cơ sở …", "50 hợp tác xã …"; not a year, which may end a heading's wrap):
under a heading in capitals it starts a block as a capital would ("II. CHỈ TIÊU" / "100% cơ sở …")."""


_LETTER = rx.compile(r"\p{L}")
_MIN_NUMBERED = 4
_APART_SHARE = 0.9


def paragraphs_apart(lines: list[str]) -> bool:
    """True when nearly every numbered paragraph ("1.", "a)", "-") follows a blank line: the document
    separates its paragraphs by blank lines, so a line break without one is a wrap."""
    numbered = apart = 0
    cell = False  # in a portal scrape's table: its cells' lines stand between "|" lines, a list in one has no blank lines
    for k, line in enumerate(lines):
        t = line.strip().lstrip("*_ ")
        if "\\" in t[:6]:  # Markdown's escapes ("4\\. Sở …", "a\\) …", "\\- …", as pandoc writes them)
            t = t.replace("\\", "", 2)
        if line.strip() == "|":
            cell = True
        elif not line.strip() and k + 1 < len(lines) and lines[k + 1].strip() not in ("", "|"):
            cell = False
        if t and not cell and not t.startswith("|") and match_token(t) is not None:
            numbered += 1
            apart += k == 0 or not lines[k - 1].strip()
    return numbered >= _MIN_NUMBERED and apart >= _APART_SHARE * numbered


_WRAP_MIN_LINES = 20
"""Lines of at least :data:`_WRAP_LONG` characters a document needs before its wrap width is measured."""
_WRAP_LONG = 40
FULL_SHARE = 0.85
"""A line this share of the wrap width or more fills its line: the text went on in the next one."""
_SHORT_SHARE = 0.75
"""A line shorter than this share of the wrap width ends its paragraph (a wrap leaves less room than a word)."""
_WRAP_SHARE = 0.5
_WRAP_OVER = 0.05
_WRAP_MAX = 200
"""No page prints a body line wider than this many characters: lines of one longer width are paragraphs a line."""


def wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped text (``pdftotext``, ``w3m -dump``) fills its lines to, or 0 when the text
    puts a paragraph on a line: most long lines end within a few characters of one width, few go past it."""
    long = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= _WRAP_LONG)
    if len(long) < _WRAP_MIN_LINES:
        return 0
    width = long[int(len(long) * 0.9)]
    near = sum(1 for n in long if FULL_SHARE * width <= n <= width)
    over = sum(1 for n in long if n > width * 1.1)
    wrapped = near >= _WRAP_SHARE * len(long) and over <= _WRAP_OVER * len(long) and width <= _WRAP_MAX
    return width if wrapped else 0


_LABEL_COLON = rx.compile(r"\s\d{1,2}[a-z]?\s*:$")
"""A line ending on a numbered label and its colon ("… thực hiện Dự án 4:"): a title follows it."""
_NAME_END = rx.compile(r"\s\p{Lu}\p{Ll}*$")
"""A line ending on a capitalized word ("… của cụm Khí"): a name may go on after a dash."""
_DASH_CAPITAL = rx.compile(r"^[-–]\s+\p{Lu}")
_DASH_LABEL = rx.compile(r"^[-–]\s+\p{Lu}[^\s,;:.]*(?:\s+[^\s,;:.]+){0,5}\s*:")
"""A dash item opening with a label and its colon ("- Cơ quan chủ trì: …", "- Thời gian thực hiện: …"): an item,
not the rest of a name cut at its dash."""


def full_line_goes_on(prev: str, line: str) -> bool:
    """After a line that fills the wrap width: a label's colon then its title ("… Dự án 4:" / "Nâng cao …"),
    a numbered sentence cut before a name ("1. Sở A chủ trì, tham mưu" / "Ủy ban nhân dân …"), or a name cut at
    its dash ("… của Tổng công ty Điện" / "- Nước Miền Nam, …"; not a labelled item, "… thi hành Luật" /
    "- Cơ quan chủ trì: …"), go on in one paragraph."""
    token = match_token(prev)
    numbered = (token is not None and token.kind != "bullet" and bool(token.rest)
                and not TERMINAL.search(prev) and not is_upper_text(token.rest))
    if _LABEL_COLON.search(prev) or (numbered and starts_agency(line)):  # (a heading's text opens with a verb)
        return starts_upper(line) and not starts_block(line) and not is_standalone(line)
    return bool(_NAME_END.search(prev) and _DASH_CAPITAL.match(line) and not TERMINAL.search(prev)
                and not _DASH_LABEL.match(line))


def short_line_ends(prev: str, line: str) -> bool:
    """After a line well short of the wrap width, in a paragraph that filled a line: a sentence in capital
    opens a new paragraph ("3. Xây dựng … được giao" / "trong Luật X" / "Các sở có trách nhiệm …"),
    unless the short line ends on a connector or a comma, or either line is a heading in capitals."""
    return (starts_upper(line) and not is_upper_text(line) and not is_upper_text(prev)
            and not _OPEN_END.search(prev, len(prev) - _OPEN_END_LONGEST))


def sentence_goes_on(prev: str, line: str) -> bool:
    """After a full line that ends a sentence and had no room for the next word: a sentence in capital goes on
    the paragraph ("… trên địa bàn tỉnh." / "Các sở …": a line's end is no paragraph's end by itself); a
    heading, a numbered or header line, or a line in capitals does not."""
    return (bool(TERMINAL.search(prev)) and starts_upper(line) and not starts_block(line) and not is_standalone(line)
            and not is_upper_text(prev) and not (is_upper_text(line) and len(line.split()) > 1))


def width_says(prev: str, line: str, wrap: int, last_width: int, filled: bool, apart: bool,
               word_fits: bool = True) -> bool | None:
    """In text hard-wrapped to ``wrap``, what the width of ``prev`` (``last_width``) says of ``line``: after a
    full line a label's title or a name cut at its dash goes on, and so does a sentence when the line had no
    room for ``line``'s first word (``word_fits`` false); after a short line that ends a paragraph which
    ``filled`` a line, a sentence starts (a wrap would have left the line nearly full). None: width says nothing.
    A short first line stays a possible wrap (a word processor's tab after "a)" leaves one)."""
    if not wrap:
        return None
    if last_width >= FULL_SHARE * wrap and (full_line_goes_on(prev, line)
                                            or (not word_fits and sentence_goes_on(prev, line))):
        return True
    if apart or not filled or last_width >= _SHORT_SHARE * wrap:
        return None
    return False if short_line_ends(prev, line) else None


_MIN_DASH_ITEMS = 5


def mostly_indented(indented: int, at_margin: int) -> bool:
    """A document indents its dash items when enough of them are indented and few stand at the margin."""
    return indented >= _MIN_DASH_ITEMS and at_margin * 5 <= indented


def dashes_indented(lines: list[str]) -> bool:
    """True when the document indents its dash items (nearly all "- " lines start right of the margin,
    as ``pdftotext -layout`` prints them): a dash at the margin is then a wrap inside a name."""
    indented = sum(1 for line in lines if line[:1] == " " and line.lstrip(" ")[:2] in ("- ", "– "))
    at_margin = sum(1 for line in lines if line[:2] in ("- ", "– "))
    return mostly_indented(indented, at_margin)


def page_foot(lines: list[str], i: int) -> bool:
    """A bare number on the last line of a page: the next line (after blanks) opens with a form feed."""
    if not BARE_NUMBER.match(lines[i].strip()):
        return False
    k = i + 1
    while k < len(lines) and not lines[k].strip(" \t"):
        k += 1
    return k < len(lines) and lines[k].startswith("\f")


_NOTE_LINE = rx.compile(r"^(\d{1,2})[ \t]{2,}(\S.*)$")
"""A footnote as ``pdftotext -layout`` prints it at a page's foot: its number, a gap, its text."""


def page_foot_notes(lines: list[str]) -> dict[int, tuple[str, str]]:
    """Footnotes printed at the foot of a page in converted text, right before the form feed that
    opens the next page (or the text's end), whose numbers stand glued to words above on the same
    page ("năm 2025³", printed "20253", or "miền núi4"): a run of consecutively numbered lines
    ("1   Năm 2025 …", "2   Gồm …", as ``pdftotext -layout`` prints them), or (plain ``pdftotext``)
    a run of bare consecutive numbers and, after them, as many lines of text. Returns line index ->
    (mark, text); a bare number's line maps to (mark, "")."""
    notes: dict[int, tuple[str, str]] = {}
    start = 0
    for i in range(len(lines) + 1):
        if i < len(lines) and not lines[i].startswith("\f"):
            continue
        k = i - 1
        while k >= start and not lines[k].strip():
            k -= 1
        found = _numbered_notes(lines, start, k) or _listed_notes(lines, start, k)
        if found:
            marks = [int(m) for m, t in found.values() if t]
            body = "\n".join(lines[start:min(found)])
            glued = sum(1 for n in marks if rx.search(rf"(?:\p{{L}}|(?:19|20)\d\d){n}(?!\d)", body))
            if marks == list(range(marks[0], marks[0] + len(marks))) and glued * 2 >= len(marks):
                notes.update(found)
        start = i
    return notes


def _numbered_notes(lines: list[str], start: int, k: int) -> dict[int, tuple[str, str]]:
    """"1   Năm 2025 …" lines ending at line ``k``."""
    run: dict[int, tuple[str, str]] = {}
    while k >= start and (m := _NOTE_LINE.match(lines[k])):
        run[k] = (m[1], m[2].strip())
        k -= 1
    return dict(sorted(run.items()))


def _listed_notes(lines: list[str], start: int, k: int) -> dict[int, tuple[str, str]]:
    """Bare numbers "1" / "2", a blank line, then as many lines of text ending at line ``k``."""
    texts: list[int] = []
    while k >= start and lines[k].strip() and not BARE_NUMBER.match(lines[k].strip()):
        texts.insert(0, k)
        k -= 1
    while k >= start and not lines[k].strip():
        k -= 1
    numbers: list[int] = []
    while k >= start and rx.fullmatch(r"\d{1,2}", lines[k].strip()):
        numbers.insert(0, k)
        k -= 1
    if not texts or len(numbers) != len(texts):
        return {}
    out = {n: (lines[n].strip(), "") for n in numbers}
    out.update({t: (lines[n].strip(), lines[t].strip()) for n, t in zip(numbers, texts, strict=True)})
    return out


RUNNING_MIN = 3
"""A line opening (or closing) this many pages, and at least half of them, is a running header (footer)."""
_COLUMN_GAP = rx.compile(r"\S(?: {3,}|\t)\S")
"""A gap between columns (a table row, a side-by-side block in -layout text): never a running line."""


def running_lines(lines: list[str]) -> set[int]:
    """Indexes of the running header and footer lines in text with form feeds between its pages
    (pdftotext): the same line ("Kế hoạch số 12/KH-UBND", "Trang N") opening or closing most pages.
    Figures may differ from page to page; a line with column gaps (a repeated table header) is kept."""
    starts = [0] + [i for i, line in enumerate(lines) if line.startswith("\f")]
    if len(starts) < RUNNING_MIN:
        return set()
    ends = [*starts[1:], len(lines)]
    firsts: dict[str, list[int]] = {}
    for a, b in zip(starts, ends, strict=True):
        body = [k for k in range(a, b) if lines[k].strip(" \t\f")]
        for k in {body[0], body[-1]} if body else ():
            text = lines[k].strip(" \t\f")
            if len(text) <= 120 and not _COLUMN_GAP.search(text):
                firsts.setdefault(rx.sub(r"\d+", "#", " ".join(text.split())), []).append(k)
    pages = len(starts)
    return {k for ks in firsts.values() if len(ks) >= max(RUNNING_MIN, pages / 2) for k in ks}


_AFTER_SLASH = rx.compile(r"^/\S")
"""A line opened by a slash that goes on with the line above (a text browser breaks a line before a
slash): a date ("Quý IV" over "/2025"), a number ("Kế hoạch số 12" over "/KH-UBND") or the closing
mark ("… giải quyết." over "/.")."""


def joined_lines(texts: list[str]) -> str:
    """A paragraph's lines joined with a space, none before a line opened by a slash right after a word
    or a full stop (see ``_AFTER_SLASH``)."""
    out = texts[:1]
    for text in texts[1:]:
        glued = _AFTER_SLASH.match(text) and (out[-1][-1:].isalnum() or out[-1].endswith("."))
        out.append(text if glued else " " + text)
    return "".join(out)
