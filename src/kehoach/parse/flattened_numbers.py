"""Row numbers of a table flattened to one cell a line (:mod:`.flattened`): which line is the next
row's number ("1", "1.2", "a", "II", "A."), and group rows written with their number and title in one
cell ("II. Nhóm chỉ tiêu …"), with blank lines for their empty cells or none.
"""

from __future__ import annotations

from .. import rx
from ..numbering import roman_to_int
from .blocks import Loc, Row
from .normalize import normalize_text

_MARKER = rx.compile(r"^(?:(\d+(?:\.\d+)*)|([IVXL]{1,6})|([A-Z])|([a-zđ]))[.)]?$")
"""A row number: "12", "1.2", "1000", "II", "A.", "b)" (numbers of any length; a number is a row's
only when it follows the last one read, see :class:`Numbers`)."""


class Numbers:
    """The row numbers read so far: the last of each kind and the last of all."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[int, ...]] = {}
        self.kind = ""

    def take(self, text: str) -> bool:
        """Whether ``text`` is the next row's number (then it is the last one)."""
        mark = self.read(text)
        if mark is None or not self.follows(*mark):
            return False
        self.last[mark[0]], self.kind = mark[1], mark[0]
        return True

    def read(self, text: str) -> tuple[str, tuple[int, ...]] | None:
        """``text`` as a row number (kind, value): "1.2" -> ("num", (1, 2)), "II" -> ("roman", (2,)). A
        letter that may be a roman numeral or a capital ("I", "C") is the one that follows the numbers
        read so far ("A." then "I." opens the first roman group under a letter group); when both or
        neither follow, a capital after capitals, or an "I" once capitals were used, is a capital."""
        m = _MARKER.match(text)
        if m is None:
            return None
        if m.group(1):
            return "num", tuple(self._part(p) for p in m.group(1).split("."))
        letter = text[0]
        if m.group(4):
            return "lower", (ord(letter) - ord("a") + 1,)
        upper = ("upper", (ord(letter) - ord("A") + 1,)) if len(text.rstrip(".)")) == 1 else None
        roman = ("roman", (roman_to_int(m.group(2)) or 0,)) if m.group(2) else None
        if roman and upper and self.follows(*roman) != self.follows(*upper):
            return roman if self.follows(*roman) else upper
        if roman and (upper is None or self.kind != "upper" and (letter != "I" or "upper" not in self.last)):
            return roman
        return upper

    def _part(self, digits: str) -> int:
        """A number's part as read; -1 (it follows nothing) for one of two digits or more beyond the
        last number's longest part: it cannot come next, and a long run of digits is slow to read."""
        digits = digits.lstrip("0") or "0"
        longest = max((len(str(p)) for p in self.last.get("num", ())), default=1)
        return int(digits) if len(digits) <= longest + 1 else -1

    def follows(self, kind: str, value: tuple[int, ...]) -> bool:
        """Whether a row number may come next: the next group, the next number at any level or the
        first below the last, "a" under a number, 1 again under a new group (or "2.1" under the second
        group), roman groups from I again under a new letter group."""
        if not self.kind:
            return value in ((1,), (1, 1))
        if kind == "roman" and self.kind == "upper" and value == (1,):
            return True  # "A. …" / "I. …": the first roman group under a letter group
        if kind in ("roman", "upper"):  # a group row: the next group
            return value == (self.last.get(kind, (0,))[0] + 1,)
        if kind == "lower":
            return value == (1,) and self.kind == "num" or self.kind == "lower" and value == (self.last[kind][0] + 1,)
        prev = self.last.get("num")
        if prev is None or value == (1,) and self.kind in ("roman", "upper"):
            return value in ((1,), (1, 1))
        if self.kind in ("roman", "upper") and value == (prev[0] + 1, 1):
            return True  # "II. …" / "2.1": numbered under its group
        return value == (*prev, 1) or any(value == (*prev[:n], prev[n] + 1) for n in range(len(prev)))


def group_row(lines: list[str], k: int, numbers: Numbers, ncols: int) -> tuple[Row, int] | None:
    """The group row from line ``k``: its empty number cell (a blank line, or none where the export
    leaves empty cells out), "II. Tên nhóm" when II is the next group, its empty cells after; as
    (the row, its title in the content column; the index of the line after it)."""
    j = k
    while j < len(lines) and j - k < ncols and not lines[j].strip():
        j += 1
    if j >= len(lines) or not (next_group(lines[j].strip(), numbers) or _group_over_next_row(lines, j, numbers, ncols)):
        return None
    numbers.take(group_marker(lines[j].strip()) or "")
    end = j + 1
    while end < len(lines) and end - j < ncols and not lines[end].strip():
        end += 1
    cells: list[list[str]] = [[] for _ in range(ncols)]
    cells[1] = [t for t in [normalize_text(lines[j])] if t]
    return Row(cells, Loc(j + 1), list(range(j + 1, end + 1))), end


def _group_over_next_row(lines: list[str], j: int, numbers: Numbers, ncols: int) -> bool:
    """A group row whose number is not the next group's ("II. …" opening a table, the group I in another one),
    over the next row's number ("3" after "2"): a group row all the same, not the end of the table."""
    marker = group_marker(lines[j].strip())
    mark = numbers.read(marker) if marker else None
    n = j + 1
    while n < len(lines) and n - j <= ncols and not lines[n].strip():
        n += 1
    after = numbers.read(lines[n].strip()) if n < len(lines) and mark is not None and mark[0] in ("roman", "upper") else None
    return after is not None and after[0] == "num" and numbers.follows(*after)


_GROUP = rx.compile(r"^(?:[IVXL]{1,6}|[A-Z])[.)]\s+(?=\p{L})")


def group_marker(text: str) -> str | None:
    """The number of a group row written with its title ("II. Nhóm nhiệm vụ thứ hai" -> "II."; Markdown's escape
    before its dot, "II\\. Nhóm …" as mammoth writes it, read as the dot)."""
    m = _GROUP.match(text.replace("\\.", ".", 1) if "\\" in text[:8] else text)
    return m.group(0).strip() if m else None


def next_group(text: str, numbers: Numbers) -> bool:
    """A group row written with its number, the next group ("III. …" after "II. …")."""
    marker = group_marker(text)
    mark = numbers.read(marker) if marker else None
    return mark is not None and mark[0] in ("roman", "upper") and numbers.follows(*mark)


def first_group(text: str) -> bool:
    """A first group row ("I. …", "A. …"): where a header ends."""
    return next_group(text, Numbers())
