"""Side-by-side header and signature lines, as ``pdftotext -layout`` and fixed-width exports
leave them: the issuer beside the national motto, "Số: …" beside "Nơi, ngày …", "Nơi nhận" beside
the signature. Each column is read on its own, top to bottom, so the reader sees
"ỦY BAN NHÂN DÂN" / "TỈNH …" / "Số: …" and then "CỘNG HÒA …" / "Độc lập …" / "…, ngày …".
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import rx as regex
from .lines import MARKUP

_GAP = regex.compile(r"(?<=\S)[ \u00a0]{4,}(?=\S)")
"""Four spaces or more between two runs of text: a column boundary, not a word space."""
_CUE = regex.compile(
    r"^(?:(?:TM|KT|TL|TUQ)\s*\.|Nơi\s+nhận|Số\s*:|CỘNG\s+H[OÒ]À?|Độc\s+lập|(?:ỦY|UỶ)\s+BAN|BỘ\s|THỦ\s+TƯỚNG"
    r"|\p{Lu}[\p{L}\s.]{1,40},\s+ngày\s)"
)
"""What one of the two columns of a header or signature line starts with."""
_LEFT_ONLY = regex.compile(r"^(?:[-–+•]\s|[-_=*~.]{3,}$|[\p{Lu}\d\s.,\-–]+$)")
"""Lines that may stand in the left column alone: recipients ("- Bộ Tài chính;"), rules, capitals."""
_MAX_LINES = 40
_INDENT_SLACK = 4


@dataclass
class Columns:
    """The lines of a side-by-side run, split into its left and right column (source line, text;
    an empty text stands for a blank line)."""

    left: list[tuple[int, str]]
    right: list[tuple[int, str]]
    next_index: int


def _split(line: str) -> tuple[str, int, str] | None:
    """(left text, column where the right text starts, right text) for a line with a column gap."""
    m = _GAP.search(line)
    if m is None or not line[: m.start()].strip():
        return None
    return line[: m.start()].strip(), m.end(), line[m.end():].strip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \u00a0"))


def read_side_by_side(lines: list[str], start: int) -> Columns | None:
    """The run of side-by-side lines beginning at ``lines[start]``, or None when that line is not
    a header/signature line with a second column beside it."""
    first = _split(lines[start])
    if first is None or not (_CUE.match(first[0]) or _CUE.match(first[2])):
        return None
    boundary = first[1]
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    i = start
    while i < len(lines) and i - start < _MAX_LINES:
        raw = lines[i].rstrip("\r\n")
        if not raw.strip():
            nxt = next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()), None)
            if nxt is None or not _continues(lines[nxt], boundary):
                break
            for column in (left, right):
                if column and column[-1][1]:
                    column.append((i + 1, ""))  # a blank line: the next text starts a new paragraph
            i = nxt
            continue
        parts = _split(raw)
        if parts is not None and abs(parts[1] - boundary) <= 2 * _INDENT_SLACK + 8:
            _add(left, i + 1, parts[0])
            _add(right, i + 1, parts[2])
        elif _indent(raw) >= boundary - _INDENT_SLACK:
            _add(right, i + 1, raw.strip())
        elif i > start and _LEFT_ONLY.match(raw.strip()):
            _add(left, i + 1, raw.strip())  # a recipient or issuer line with nothing beside it
        else:
            break
        i += 1
    return Columns(left, right, i)


def _continues(line: str, boundary: int) -> bool:
    return _split(line) is not None or _indent(line) >= boundary - _INDENT_SLACK


def _add(column: list[tuple[int, str]], n: int, text: str) -> None:
    if text and not MARKUP.match(text):
        column.append((n, text))
