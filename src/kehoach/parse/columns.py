"""Side-by-side header and signature lines, as ``pdftotext -layout``, fixed-width and pandoc
exports leave them (columns apart by a run of spaces), and as tab-separated text and flattened
HTML layout tables leave them (columns apart by one tab): the issuer beside the national motto,
"Số: …" beside "Nơi, ngày …", "Nơi nhận" beside the signature. Each column is read on its own,
top to bottom, so the reader sees "ỦY BAN NHÂN DÂN" / "TỈNH …" / "Số: …" and then
"CỘNG HÒA …" / "Độc lập …" / "…, ngày …".
"""

from __future__ import annotations

from collections.abc import Callable

from .. import rx
from ..record import Record
from ..vn import starts_lower
from ..vocab.document_parts import (
    CAPACITY,
    COMMITTEE,
    NATION,
    NUMBER_LABEL,
    PARTY_NATION,
    PLACE_DATE,
    RECIPIENTS,
    SIGNER_TITLE,
)
from .lines import MARKUP, TYPE_NAME
from .normalize import normalize_text

_GAP = rx.compile(r"(?<=\S)[ \u00a0]{4,}(?=\S)")
"""Four spaces or more between two runs of text: a column boundary, not a word space."""
_NARROW_GAP = rx.compile(rf"(?<=[;,.:)])[ \u00a0]{{2,3}}(?=(?:{CAPACITY}|{SIGNER_TITLE}\s*$))")
"""Two or three spaces after a recipient's end before a capacity marker or a signer's title: a recipient at the margin
reaching close to the signature ("- TT Tỉnh ủy, TT HĐND tỉnh (b/c);   KT. CHỦ TỊCH")."""
_PARTY_ISSUER = r"ĐẢNG\s+(?:BỘ|ỦY|UỶ)\s|(?:TỈNH|THÀNH|HUYỆN|QUẬN)\s+(?:ỦY|UỶ)(?:\s|$)"
"""A Party committee's name as its header prints it, in capitals: "ĐẢNG BỘ TỈNH …", "ĐẢNG ỦY XÃ …", "TỈNH ỦY …"."""
LAYOUT_CUE = rx.compile(
    rf"^(?:{CAPACITY}|[TK]/M\s|{RECIPIENTS}|{NUMBER_LABEL}|Số\s+\d+-|{NATION}|{PARTY_NATION}|Độc\s+lập|{COMMITTEE}|BỘ\s|THỦ\s+TƯỚNG"
    rf"|{PLACE_DATE}|{SIGNER_TITLE}\s*$|{_PARTY_ISSUER})"
)
"""What a column of a header or signature line (or a cell of a layout table) starts with: a capacity
marker ("TM.", a Party body's "T/M"), "Nơi nhận", "Số:" (or a Party body's "Số 215-KH/TU"), the motto, the nation's or the Party's
name, the issuer (a Party committee's too), a place and date, a signer's title alone."""
_CUE = LAYOUT_CUE
_LEFT_ONLY = rx.compile(r"^(?:[-–+•]\s|[-_=*~.]{3,}$|[\p{Lu}\d\s.,\-–]+$)")
"""Lines that may stand in the left column alone: recipients ("- Bộ Tài chính;"), rules, capitals."""
_PERSON = rx.compile(r"^\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){1,5}$")
"""A person's name: two to six capitalised words ("Trần Văn A")."""
_CAPITALS = rx.compile(r"^[\p{Lu}\d\s.,\-–]+$")
"""A line in capitals (an issuer's)."""
_RECIPIENTS = rx.compile(rf"^{RECIPIENTS}")
_RECIPIENT_ITEM = rx.compile(r"^[-–+•]\s")
"""A recipient at the margin ("- Các sở, ban, ngành;"): the "Nơi nhận" column goes on after a blank line."""
_MAX_LINES = 40
_INDENT_SLACK = 4


class Columns(Record):
    """The lines of a side-by-side run, split into its left and right column (source line, text;
    an empty text stands for a blank line)."""

    __slots__ = ("left", "right", "next_index")

    left: list[tuple[int, str]]
    right: list[tuple[int, str]]
    next_index: int

    def __init__(self, left: list[tuple[int, str]], right: list[tuple[int, str]], next_index: int) -> None:
        self.left = left
        self.right = right
        self.next_index = next_index


def _cue(text: str) -> bool:
    return bool(_CUE.match(normalize_text(text)))


def _left_only(text: str) -> bool:
    """A line that may stand in the left column alone; never a document type's name alone ("KẾ
    HOẠCH" after a decision's signature: the issued plan starts there)."""
    text = normalize_text(text)
    return bool(_LEFT_ONLY.match(text)) and not TYPE_NAME.match(text)


def _split(line: str, near: int | None = None) -> tuple[str, int, str] | None:
    """(left text, column where the right text starts, right text) for a line with a column gap: the
    first gap, or the one ending nearest column ``near`` (a stamped number "Số:25     /KH-UBND" has
    a gap of its own left of the column boundary)."""
    if "    " not in line and "\u00a0" not in line:  # no run of four (the common line): no pattern run
        return None
    gaps = [g for g in _GAP.finditer(line) if line[: g.start()].strip()]
    if not gaps:
        return None
    m = gaps[0] if near is None else min(gaps, key=lambda g: abs(g.end() - near))
    return line[: m.start()].strip(), m.end(), line[m.end():].strip()


def _split_narrow(line: str) -> tuple[str, int, str] | None:
    """:func:`_split` at a gap of :data:`_NARROW_GAP`, inside a run already read as two columns."""
    m = _NARROW_GAP.search(line)
    return (line[: m.start()].strip(), m.end(), line[m.end():].strip()) if m and line[: m.start()].strip() else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \u00a0"))


def read_side_by_side(lines: list[str], start: int, cell_paras: Callable[[str], list[str]] | None = None,
                      furniture: Callable[[int], bool] = lambda i: False) -> Columns | None:
    """The run of side-by-side lines beginning at ``lines[start]``, or None when that line is not
    a header/signature line with a second column beside it. ``cell_paras`` splits a tab-separated
    cell into its paragraphs (an HTML cell's ``<p>``/``<br>`` parts); lines for which ``furniture``
    is true (a page number, a running header: a signature cut by a page break) are passed over."""
    if "\t" in lines[start].strip():
        return _read_tabbed(lines, start, cell_paras or (lambda c: [c.strip()]))
    first = _split(lines[start])
    if first is None or not (_cue(first[0]) or _cue(first[2])):
        return None
    boundary = first[1]
    recipients = bool(_RECIPIENTS.match(normalize_text(first[0])))
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    i = start
    while i < len(lines) and i - start < _MAX_LINES:
        raw = lines[i].rstrip("\r\n")
        if not raw.strip() or furniture(i):
            nxt = next((k for k in range(i + 1, min(len(lines), i + 8)) if lines[k].strip() and not furniture(k)), None)
            if nxt is None or nxt - i > 3 + sum(map(furniture, range(i, nxt))) or not (
                    _continues(lines[nxt], boundary) or recipients and _RECIPIENT_ITEM.match(lines[nxt].lstrip(" \u00a0"))
                    or not recipients and _issuer_line(lines[nxt], boundary, left)):
                break
            for column in (left, right):
                if column and column[-1][1]:
                    column.append((i + 1, ""))  # a blank line: the next text starts a new paragraph
            i = nxt
            continue
        parts = _split(raw, boundary) or _split_narrow(raw)
        if parts is not None and (abs(parts[1] - boundary) <= 2 * _INDENT_SLACK + 8 or _name_beside(parts, boundary, left)):
            _add(left, i + 1, parts[0])
            _add(right, i + 1, parts[2])
        elif _indent(raw) >= boundary - _INDENT_SLACK:
            _add(right, i + 1, raw.strip())
        elif i > start and (_left_only(raw.strip()) or _left_wrap(raw, boundary, left)):
            _add(left, i + 1, raw.strip())  # a recipient or issuer line with nothing beside it
        else:
            break
        i += 1
    return Columns(left, right, i)


def _name_beside(parts: tuple[str, int, str], boundary: int, left: list[tuple[int, str]]) -> bool:
    """A signer's name set well left of the signature's column beside a recipient ("- UBND các xã;      Trần Văn A",
    the name centred under a wide title): a person's name (two to six capitalised words), beside a recipient item."""
    return parts[1] < boundary and bool(left) and bool(_RECIPIENT_ITEM.match(parts[0])) and bool(_PERSON.match(parts[2]))


def _issuer_line(line: str, boundary: int, left: list[tuple[int, str]]) -> bool:
    """An issuer's line in capitals in the left column after a blank line, under issuer lines in capitals (a Party
    committee's name under its parent's, beside the Party's name: "ĐẢNG BỘ TỈNH X    ĐẢNG CỘNG SẢN VIỆT NAM", a blank
    line, "ĐẢNG ỦY XÃ Y"): the left column goes on (the motto was read between the issuer's two lines)."""
    text = normalize_text(line.strip())
    return bool(left) and _indent(line) < boundary - _INDENT_SLACK and bool(_CAPITALS.match(text)) \
        and not TYPE_NAME.match(text) and all(_CAPITALS.match(t) for _, t in left if t)


def _left_wrap(raw: str, boundary: int, left: list[tuple[int, str]]) -> bool:
    """A line going on with the left column's last line ("- Bộ Nông nghiệp và Phát triển nông" /
    "thôn;"): it starts in lower case, or ends a recipient that has no end yet ("- Bộ Tư" / "Pháp;"), and ends
    before the right column starts."""
    text = raw.strip()
    if not (left and left[-1][1] and len(raw.rstrip()) < boundary - _INDENT_SLACK):
        return False
    before = left[-1][1]
    return starts_lower(text) or bool(_RECIPIENT_ITEM.match(before)) and before[-1:] not in ";.:" and text[-1:] in ";." \
        and not _RECIPIENT_ITEM.match(text)  # (a recipient's name going on with its end: "- Ủy ban … Việt" / "Nam;")


def _continues(line: str, boundary: int) -> bool:
    return _split(line) is not None or _indent(line) >= boundary - _INDENT_SLACK


def _add(column: list[tuple[int, str]], n: int, text: str) -> None:
    if text and not MARKUP.match(text):
        column.append((n, text))


def _tab_cells(line: str) -> tuple[str, str] | None:
    """(left cell, right cell) of a line holding two tab-separated cells; ("", right) for a line
    whose left cell is empty; None for a line with no tab or more than two cells."""
    body = line.rstrip(" \t\r\n")
    if body.count("\t") != 1:
        return None
    left, right = body.split("\t")
    return left, right


def _read_tabbed(lines: list[str], start: int, cell_paras: Callable[[str], list[str]]) -> Columns | None:
    """A run of two-cell tab-separated lines; a cell's paragraphs are apart (a blank between them)."""
    first = _tab_cells(lines[start])
    if first is None:
        return None
    heads = [p for cell in first for p in cell_paras(cell)[:1]]
    if not any(_cue(h) for h in heads):
        return None
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    i = start
    while i < len(lines) and i - start < _MAX_LINES:
        raw = lines[i]
        if not raw.strip():
            nxt = next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].strip()), None)
            if nxt is None or _tab_cells(lines[nxt]) is None:
                break
            i = nxt
            continue
        cells = _tab_cells(raw)
        if cells is not None:
            for column, cell in zip((left, right), cells, strict=True):
                for para in cell_paras(cell):
                    if column and column[-1][1]:
                        column.append((i + 1, ""))
                    _add(column, i + 1, para)
        elif "\t" not in raw.strip() and _left_only(raw.strip()):
            _add(left, i + 1, raw.strip())  # a recipient line with nothing beside it
        else:
            break
        i += 1
    return Columns(left, right, i)
