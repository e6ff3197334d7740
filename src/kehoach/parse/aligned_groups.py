"""Group rows and row numbers of a narrow space-aligned table read from its words
(:mod:`kehoach.parse.aligned_words`): a group's heading written across the table ("B. KIỂM TRA …"), or from the
first column of a text browser's table ("II. Phát triển hạ tầng"), and a row number in the first column
(not the rest of the numbering column's header wrapped under it)."""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.table_header import NUMBER_COLUMN
from .aligned_band import Clean
from .aligned_header import runs_of
from .browser import set_apart
from .lines import PAGE_MARK

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .aligned_words import _Page

ROW_NO = rx.compile(r"^(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)\.?$")
"""A row number: a roman number, a capital letter or a numbered item."""
_NUMBER_WHOLE = rx.compile(rf"^{NUMBER_COLUMN}$")
_NUMBER_WORDS = ("stt", "sott", "sothutu", "tt")
"""The numbering column's header with its spaces taken out ("S" over "T" over "T" is a prefix of one on each line)."""
MAX_BLANKS = 3
"""Blank lines a table's lines may have between them (a page break) before it ends."""
_GROUP_HEADING = rx.compile(r"^((?:[IVXLC]+|[A-Z])\.)\s+(\p{Lu}[^\p{Ll}]*)$")
"""A group's heading in capitals, its number joined to it: "B. KIỂM TRA CHẤT LƯỢNG", "II. NHIỆM VỤ KHÁC"."""
_GROUP_NAMED = rx.compile(r"^((?:[IVXLC]+|[A-Z]|\d{1,2})\.)\s+(\p{Lu}.*)$")
"""A group's name, its number joined to it, in any case: "II. Phát triển hạ tầng", "2. Sở Nội vụ"."""
_GROUP_BARE = rx.compile(r"^([IVXLC]+)\s(\p{Lu}.*)$")
"""A group's name after its roman number one space apart, no stop ("II Phát triển hạ tầng"): a printed table's narrow
numbering column, its numbers one space from the title as the rows' are ("1 Kiểm tra …")."""
_CENTRED_AHEAD = 4
"""Lines under a group's name within which its first row's number stands (cells centred on it)."""


def _apart_ahead(lines: Clean, i: int, page: _Page) -> bool:
    """The lines under line ``i`` (the first under the header), group names left out, are set apart at
    the header's cells (:func:`.browser.set_apart`): a text browser's table opening with a group row."""
    ahead = [(k, runs_of(lines[k])) for k in range(i + 1, min(i + 1 + 2 * _CENTRED_AHEAD, len(lines))) if lines[k].strip()]
    return set_apart([(k, runs) for k, runs in ahead if len(runs) > 1], page.anchors, ROW_NO)


def group_heading(lines: Clean, i: int, page: _Page) -> bool:
    """A group's heading across the table ("B. KIỂM TRA …", a paragraph between two tables) over a row of it (a number,
    three runs): a group row (True); a section's heading after the table, over a paragraph, ends it. In a text
    browser's table (columns set one space apart), a group's name in a cell merged across the row is written from
    the first column in any case ("II. Phát triển hạ tầng"), the rows going on under it with no blank line, their
    numbers maybe a line or two down (cells centred)."""
    runs = runs_of(lines[i])
    browser = len(runs) == 1 and bool(_GROUP_NAMED.match(runs[0][2])) and \
        (page.apart() or page.body is None and _apart_ahead(lines, i, page))  # (right under the header: by the lines below)
    m = (_GROUP_HEADING.match(runs[0][2]) or (_GROUP_NAMED.match(runs[0][2]) if browser else None)
         or _GROUP_BARE.match(runs[0][2])) if len(runs) == 1 else None
    j = i + 1
    while j < len(lines) and j - i <= MAX_BLANKS + 1 and (not lines[j].strip() or PAGE_MARK.match(lines[j])):
        j += 1  # (blank lines and a page number: a page break between the group's name and its first row)
    if m is None or j >= len(lines):
        return False
    if browser and j == i + 1:
        ahead = [lines[k] for k in range(j, min(j + _CENTRED_AHEAD, len(lines)))]
        ahead = ahead[:next((n for n, text in enumerate(ahead) if not text.strip()), len(ahead))]
        if not any(numbered(text, page) and len(runs_of(text)) >= 2 for text in ahead):
            return False
    elif not numbered(lines[j], page) or len(runs_of(lines[j])) < (2 if browser else 3):
        return False
    page.spanning[i] = [m.group(1), m.group(2)] + [""] * (len(page.anchors) - 2)
    page.lines.append((i, runs))
    return True


def numbered(line: str, page: _Page) -> bool:
    """A row number in the first column (not the end of the numbering column's header: "T" under "ST")."""
    runs = runs_of(line)
    return numbered_at(line, page.anchors) and not number_head_rest(page.head.top[0][2], runs[0][2].split(" ")[0])


def number_head_rest(head: str, text: str) -> bool:
    """``text`` goes on with the numbering column's header cell ``head``, wrapped under it: "T" under "ST",
    "TT" under "Số", "T" under "Số" (another "T" under it), "T" under "Số T"."""
    if not text or _NUMBER_WHOLE.match(ascii_fold(head)):
        return False
    joined = ascii_fold(f"{head}{text}").replace(" ", "").lower()
    return any(word.startswith(joined) for word in _NUMBER_WORDS)


def number_head_join(head: str, text: str) -> str:
    """The numbering column's header cell ``head`` with its next line ``text`` (:func:`number_head_rest`): the letters
    of a word a narrow column broke joined again ("ST" and "T": "STT"; "Số T" and "T": "Số TT"), else a space between."""
    return f"{head}{text}" if head[-1:] in ("S", "T") and text[:1] == "T" else f"{head} {text}"


def numbered_at(line: str, anchors: list[int]) -> bool:
    runs = runs_of(line)
    return bool(runs) and runs[0][0] < anchors[1] and bool(ROW_NO.match(runs[0][2].split(" ")[0]))
