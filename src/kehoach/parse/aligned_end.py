"""Where a space-aligned table ends (``pdftotext -layout`` text): an appendix heading, another table's
header, or the body's next heading printed right under the table's last row.

A table set in the body ("III. NHIỆM VỤ CỤ THỂ", then the table) is often followed by the body's next
heading with no blank line between ("IV. KINH PHÍ THỰC HIỆN" under the last row's last line): its number
may stand in the table's first column like a group row's ("II. PHÁT TRIỂN HẠ TẦNG"). It is the body's
heading when it comes next after the heading above the table (IV after III, 5. after 4.), the table
having had no row of the same number as that heading (a table numbering its groups I, II, III, IV goes
on, a group's number written with no dot, "II   Nhóm hai", counting), and it starts no further right than the
table's header.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import rx
from ..numbering import match_token, ordinal, roman_to_int
from ..vn import ascii_fold, starts_lower
from .aligned_cells import Run
from .aligned_header import runs_of
from .lines import APPENDIX_HEADING

_LOOK_BACK = 120
"""Lines above a table looked at for the body's heading it stands under."""
_KINDS = ("roman", "arabic")
_BARE_ROMAN = rx.compile(r"^\s*([IVXLC]{1,6})\s+\p{Lu}")
"""A row's Roman number with no dot, its group's name after it ("II   Hoàn thiện thể chế")."""
_NOTE = rx.compile(r"^[_*]*\s*(?:ghi chu|chu thich|chu giai)\b", rx.I)
"""The table's note under it, from the first column on ("_Ghi chú: chữ viết tắt_", "Chú thích:"): no row."""


class BodyHeadings:
    """The numbers of the body's headings the table at line ``start`` stands under, one per kind of
    number (the nearest "IV." and "2." above it), and whether a line of the table has had that number."""

    def __init__(self, lines: list[str], start: int) -> None:
        self.last: dict[str, int] = {}
        self.own: set[str] = set()
        for k in range(start - 1, max(-1, start - _LOOK_BACK), -1):
            number = _heading_number(lines[k])
            if number is not None and number[0] not in self.last:
                self.last[number[0]] = number[1]

    def next_heading(self, line: str) -> bool:
        """Whether ``line`` (a line of the table, in order) is the body's heading after the one above the
        table; a line numbered as that one marks the number as the table's own."""
        number = _heading_number(line)
        if number is None and (bare := _BARE_ROMAN.match(line.replace("\f", ""))) is not None:
            if roman_to_int(bare.group(1)) == self.last.get("roman"):
                self.own.add("roman")  # a group row numbered with no dot ("II   Nhóm hai"): the table's own number
            return False
        if number is None or number[0] not in self.last:
            return False
        kind, value = number
        if value == self.last[kind]:
            self.own.add(kind)
        return value == self.last[kind] + 1 and kind not in self.own


def _heading_number(line: str) -> tuple[str, int] | None:
    """The kind and value of a heading's number opening ``line`` ("IV. KINH PHÍ" -> ("roman", 4),
    "5. Sở Y tế:" -> ("arabic", 5)); None for any other line (a row number with no dot: "5   Sở Y tế")."""
    text = line.replace("\f", "").strip()
    token = match_token(text)
    if token is None or token.kind not in _KINDS or "." in token.value or not token.rest or starts_lower(token.rest):
        return None
    if not text[len(token.value):].lstrip().startswith((".", ")")) and token.kind != "roman":
        return None
    value = ordinal(token)
    return (token.kind, value) if value is not None else None


def ends_table(line: str, header: list[Run], is_header: Callable[[str], bool], body: BodyHeadings | None = None) -> bool:
    """An appendix heading alone on its line ("PHỤ LỤC II", "DANH MỤC …"), the table's note from its first column on
    ("Ghi chú: …"), another table's header
    (fewer than half its cells those of this table's header) with text in the first column (a row's
    line may hold header words: "Hướng dẫn quy chế phối hợp …"), or the body's next heading (``body``,
    see :class:`BodyHeadings`) starting no further right than the header's first cell."""
    runs = runs_of(line)
    if len(runs) == 1 and (APPENDIX_HEADING.match(runs[0][2]) or _NOTE.match(ascii_fold(runs[0][2])) and runs[0][0] <= header[0][0]):
        return True
    if body is not None and runs and body.next_heading(line) and runs[0][0] <= header[0][0]:
        return True
    return is_header(line) and runs[0][2][:1].isupper() and runs[0][0] < header[1][0] and not same_header(runs, header)


def same_header(runs: list[Run], header: list[Run]) -> bool:
    """Half of the header's cells or more among ``runs``."""
    texts = {ascii_fold(r[2]) for r in runs}
    return 2 * sum(ascii_fold(h[2]) in texts for h in header) >= len(header)
