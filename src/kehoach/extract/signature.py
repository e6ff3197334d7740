"""The signature block: capacity (TM., KT., …), the body signed for, the signer's title and name.

Shapes read: one line per part ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name),
several parts on one line ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"), a title with no
capacity ("THỦ TƯỚNG", "CHỦ TỊCH"), notes between title and name ("(Đã ký)", "[", a seal note),
recipients printed between title and name (a two-column layout read column by column), and the
words of "ỦY BAN NHÂN DÂN" shuffled by a PDF text layer ("ỦY" / "NHÂN DÂN" / "TM. BAN").
"""

from __future__ import annotations

from .. import rx
from ..numbering import match_token
from ..parse.blocks import Block
from ..vn import ascii_fold, is_upper_text, sentence_case, title_case_place
from ..vocab.document_parts import CAPACITY, CAPACITY_SLASHED
from .header import (
    AUTHORITY,
    PARTY_BODIES,
    SIGNER_TITLES,
    capacity,
    expand_issuer,
    is_person,
    signer_title,
)

_NOTE = rx.compile(r"^[\[\](]*\s*(?:đã\s+ký|ký\s+tên|ký,?\s+ghi\s+rõ\s+họ\s+tên|đóng\s+dấu|signed|chữ\s+ký\s+số)?\s*[\])]*\.?$", rx.I)
"""Lines between the title and the name that are neither: "(Đã ký)", "[", "(Ký, ghi rõ họ tên)"."""
_SPLIT_AUTHORITY = rx.compile(rf"\s+(?=(?:{CAPACITY}|(?:{CAPACITY_SLASHED})\s)\s*\p{{Lu}})")
_TITLE_WORDS = {
    "chu tich": "Chủ tịch", "pho chu tich": "Phó Chủ tịch", "thu tuong": "Thủ tướng",
    "pho thu tuong": "Phó Thủ tướng", "bo truong": "Bộ trưởng", "thu truong": "Thứ trưởng",
    "giam doc": "Giám đốc", "pho giam doc": "Phó Giám đốc", "truong ban": "Trưởng ban", "pho truong ban": "Phó Trưởng ban",
    "chanh van phong": "Chánh Văn phòng", "pho chanh van phong": "Phó Chánh Văn phòng",
    "bi thu": "Bí thư", "pho bi thu": "Phó Bí thư", "pho bi thu thuong truc": "Phó Bí thư Thường trực",
    "pho chu tich thuong truc": "Phó Chủ tịch Thường trực", "pho truong ban thuong truc": "Phó Trưởng ban Thường trực",
    "to truong": "Tổ trưởng", "pho to truong": "Phó Tổ trưởng",  # a working group's head ("Tổ công tác …")
    "hieu truong": "Hiệu trưởng", "pho hieu truong": "Phó Hiệu trưởng",  # a school's head
}
"""Titles a signature names; a title alone on its line may open the block ("THỦ TƯỚNG")."""
_BODY_WORDS = ("ỦY", "BAN", "NHÂN", "DÂN")
CUT = "title_cut"
"""Key of a signer read with a title line cut to a piece; :func:`regions.read_signed` takes it off."""
DEPUTY = "title_from_capacity"
"""Key of a signer whose own title line was not read under "KT. <title>": a deputy signs for the head
("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), so the title is the head's with "Phó" (:func:`recover.recover_header`
takes the key off and names the title in ``document.inferred``)."""


def _titles_in(text: str) -> list[str]:
    """Known titles a caps run is made of: "CHỦ TỊCH PHÓ CHỦ TỊCH" -> [Chủ tịch, Phó Chủ tịch]."""
    words = ascii_fold(" ".join(text.split())).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (5, 4, 3, 2):
            key = " ".join(words[i:i + size])
            if key in _TITLE_WORDS:
                out.append(_TITLE_WORDS[key])
                i += size
                break
        else:
            return []
    return out


def _title_at_end(rest: str) -> tuple[str, str | None]:
    """The body a "TM." line names and the signer's title run on after it on one line ("ỦY BAN NHÂN
    DÂN CHỦ TỊCH", a layout cell's lines joined): (body, title), or (rest, None)."""
    words = rest.split()
    for size in (4, 3, 2):
        if len(words) > size and ascii_fold(" ".join(words[-size:])) in _TITLE_WORDS and is_upper_text(rest):
            return " ".join(words[:-size]), _TITLE_WORDS[ascii_fold(" ".join(words[-size:]))]
    return rest, None


def _opens(b: Block) -> bool:
    """A capacity line ("KT. CHỦ TỊCH"), or capitals opening with a title: alone ("CHỦ TỊCH") or over the
    body it heads ("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", a joint plan's second head)."""
    first = b.raw_lines[0] if b.raw_lines else b.text
    if b.kind != "para":
        return False
    if AUTHORITY.match(first):
        return True
    return is_upper_text(b.text) and bool(_titles_in(b.text) or _leading_title(b.text))


def _leading_title(text: str) -> list[str]:
    """The title a caps line opens with, over the body it heads ("GIÁM ĐỐC SỞ Y TẾ" -> [Giám đốc])."""
    words = text.split()
    return next((t for k in (4, 3, 2) if k < len(words) and (t := _titles_in(" ".join(words[:k])))), [])


_NOTE_BEFORE = rx.compile(r"^[\[(]*\s*(?:đã\s+ký|signed)\s*[\])]*\s*", rx.I)


_AGENCY_WORD = {"so", "bo", "ban", "cuc", "phong", "ubnd", "hdnd"}
"""First words of an agency's name ("SỞ GIÁO DỤC VÀ ĐÀO TẠO" under "GIÁM ĐỐC"), never of a person's."""


_RANK = rx.compile(r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý))\s+(?=\p{Lu})", rx.I)
"""A police or army rank before the signer's name ("Đại tá Nguyễn Văn A"): not part of the name."""


def _person(text: str) -> str | None:
    t = _RANK.sub("", " ".join(_NOTE_BEFORE.sub("", text.strip(" []*")).strip(" []*").split()))
    return t if is_person(t) and ascii_fold(t.split()[0]).lower() not in _AGENCY_WORD else None


_WORD = rx.compile(r"\p{L}\p{L}")


def _scribble(text: str) -> bool:
    """A line with no word of two letters: a signature or a stamp read by OCR ("z š", "„ ›")."""
    return not _WORD.search(text)


def _body_words(line: str) -> bool:
    """Only words of "ỦY BAN NHÂN DÂN" (a wrapped or shuffled line of the body signed for)."""
    return all(w.replace("UỶ", "ỦY") in _BODY_WORDS for w in line.upper().split())


def _title_piece(line: str, before: str, after: str) -> bool:
    """Capitals that are the end or the start of a title but no title ("HỦ TỊCH", "ỊCH", "Ó CHỦ TỊCH"): a
    title line a seal or a tear cut into, read by OCR; not when the line before or after completes it
    ("PHÓ CHỦ" / "TỊCH", a wrapped title). Words of the body signed for ("BAN", "NHÂN DÂN") are no piece."""
    folded = ascii_fold(" ".join(line.split())).lower()
    if len(folded) < 3 or not is_upper_text(line) or folded in _TITLE_WORDS or _titles_in(line) \
            or _body_words(line):
        return False
    if (before and _titles_in(before + " " + line)) or (after and _titles_in(line + " " + after)):
        return False
    return any(k.endswith(folded) or k.startswith(folded) for k in _TITLE_WORDS)


def _first_line(blocks: list[Block], j: int, stop: int) -> str:
    b = blocks[j] if j < stop else None
    return "" if b is None or b.kind != "para" else (b.raw_lines or [b.text])[0]


def _collect(blocks: list[Block], i: int, stop: int) -> tuple[list[str], str | None, list[int], bool]:
    """The caps lines of the block from ``blocks[i]`` on, the name, the blocks used, and whether a
    title line was found cut to a piece (its words dropped: the title and capacity may be wrong)."""
    used = [i]
    lines: list[str] = []
    j, skipped, name, cut, prev = i, 0, None, False, ""
    while j < stop and j < i + 8 + skipped:
        b = blocks[j]
        if b.kind != "para":
            break
        raw = [line for line in (b.raw_lines or [b.text]) if not _scribble(line)]
        after = raw[1:] + [_first_line(blocks, j + 1, stop)]
        pieces = [k for k, line in enumerate(raw) if (j > i or k) and _title_piece(line, prev if k == 0 else raw[k - 1], after[k])]
        before, prev = prev, raw[-1] if raw else prev
        cut = cut or bool(pieces)
        if pieces and len(pieces) == len(raw):
            skipped += 1
            used.append(j)
            j += 1
            continue
        if j > i and _person(b.text) and not _titles_in(b.text) and not _titles_in(b.text + " " + after[-1]) \
                and not _titles_in(before + " " + b.text) and not _body_words(b.text):
            # "PHÓ TRƯỞNG BAN", "PHÓ CHỦ" over "TỊCH", "THƯỜNG TRỰC" under "PHÓ BÍ THƯ", "NHÂN DÂN" read like names
            name = _person(b.text)
            used.append(j)
            break
        kept = [line for k, line in enumerate(raw) if k not in pieces]
        text = " ".join(kept)
        if j > i and (_NOTE.match(b.text) or not kept
                      or (getattr(match_token(b.text), "kind", None) == "bullet" and skipped < 12)):
            skipped += 1  # "(Đã ký)", a scribble, or recipients printed between the title and the name
            if _NOTE.match(b.text) or not kept:
                used.append(j)
            j += 1
            continue
        if j > i and not (AUTHORITY.match(text) or is_upper_text(text)):
            break
        if j > i:
            used.append(j)
        for line in kept:  # a title wrapped over two lines or blocks ("PHÓ CHỦ" / "TỊCH") is whole again
            if lines and _titles_in(lines[-1] + " " + line) and not _titles_in(line):
                lines[-1] += " " + line
            else:
                lines.append(line)
        j += 1
    return lines, name, used, cut


def _parts(lines: list[str]) -> list[str]:
    """One part per capacity marker, wrapped caps re-joined ("TM. ỦY BAN NHÂN" / "DÂN")."""
    parts: list[str] = []
    for line in (p for raw in lines for p in _SPLIT_AUTHORITY.split(raw.strip()) if p):
        if parts and not AUTHORITY.match(line) and signer_title(line) not in SIGNER_TITLES.values() \
                and not _titles_in(line) and AUTHORITY.match(parts[-1]) and is_upper_text(line) and len(line.split()) <= 2:
            parts[-1] += " " + line
        else:
            parts.append(line)
    return parts


def _body_from_fragments(rest: str, parts: list[str]) -> str | None:
    """"TM. BAN" with "ỦY" and "NHÂN DÂN" on lines around it: the words of a shuffled text layer."""
    words = rest.split() + [w for p in parts if not AUTHORITY.match(p) and not _titles_in(p) for w in p.split()]
    folded = [w.replace("UỶ", "ỦY") for w in words]
    if not all(w in folded for w in _BODY_WORDS):
        return None
    tail = [w for w, f in zip(words, folded, strict=True) if f not in _BODY_WORDS]
    return expand_issuer(" ".join(["ỦY BAN NHÂN DÂN", *tail]))[0]


def _fragments_before(blocks: list[Block], i: int, start: int) -> list[int]:
    """Short caps blocks just before the capacity line ("ỦY", "NHÂN DÂN")."""
    out = []
    for k in range(i - 1, max(start, i - 3) - 1, -1):
        b = blocks[k]
        if b.kind != "para" or not is_upper_text(b.text) or len(b.text.split()) > 3:
            break
        out.append(k)
    return sorted(out)


def _party_body(rest: str) -> tuple[str | None, str | None]:
    """The Party body after "T/M" and the title run on after it: "BAN CHẤP HÀNH BÍ THƯ" -> (Ban Chấp hành, Bí
    thư); (None, None) for no Party body."""
    words = rest.split()
    folded = ascii_fold(" ".join(words)).split()
    for size in (4, 3, 2):
        body = PARTY_BODIES.get(" ".join(folded[:size]))
        if body and (size == len(words) or (titles := _titles_in(" ".join(words[size:])))):
            return body, titles[-1] if size < len(words) else None
    return None, None


_CELL_SEP = rx.compile(r"\s+\|\s*|\s*\|\s+|^\|\s*|\s*\|$")
_TRAILING_NAME = rx.compile(r"^(?P<caps>.*?\p{Lu}{2,}[^\p{Ll}]*?)\s+(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,5})$")


def _signature_cell(b: Block) -> list[Block]:
    """A signature set in a cell of a line a portal scraped with "|" between its cells ("Nơi nhận: - A; - Lưu: VT. |
    TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn B |"): its capitals and the name after them as
    blocks of their own; none for a line with no such cell."""
    if b.kind != "para" or "|" not in b.text:
        return []
    for cell in (c.strip() for c in _CELL_SEP.split(b.text)[1:]):
        m = _TRAILING_NAME.match(cell)
        if AUTHORITY.match(cell) and m and _person(m["name"]):
            return [Block("para", part, b.loc, b.lines, [part]) for part in (m["caps"], m["name"])]
    return []


def find_signature(blocks: list[Block], start: int, stop: int) -> tuple[dict | None, list[int]]:
    """Find the signature block between block indexes ``start`` and ``stop`` (or in a "|" cell of a line there)."""
    for i in range(start, stop):
        if not _opens(blocks[i]):
            cell = _signature_cell(blocks[i])
            found = find_signature(cell, 0, len(cell))[0] if cell else None
            if found:
                return found, [i]
            continue
        lines, name, used, cut = _collect(blocks, i, stop)
        if not AUTHORITY.match(blocks[i].raw_lines[0] if blocks[i].raw_lines else blocks[i].text) and name is None:
            continue  # a caps title alone opens a signature only when a name follows
        authority, on_behalf, title, deputy = None, None, None, False
        parts = _parts(lines)
        for part in parts:
            a = AUTHORITY.match(part)
            if a:
                authority = capacity(a)
                rest = a.group("rest").strip()
                if authority == "TM":
                    rest, title = _title_at_end(rest) if title is None else (rest, title)
                    on_behalf = expand_issuer(rest)[0]
                    if on_behalf is None:
                        before = _fragments_before(blocks, i, start)
                        on_behalf = _body_from_fragments(rest, parts + [blocks[k].text for k in before])
                        used.extend(before if on_behalf else [])
                    party, titled = _party_body(rest)
                    on_behalf = on_behalf or party or (sentence_case(rest) if rest else None)
                    title = title or titled
                elif rest:
                    titles = _titles_in(rest) or _leading_title(rest)
                    title = titles[-1] if titles else signer_title(rest)
                    deputy = authority == "KT"
            elif part.strip() and (_titles_in(part) or title is None or not is_upper_text(part)):
                titles = _titles_in(part) or _leading_title(part)
                title, deputy = titles[-1] if titles else signer_title(part), False
        if deputy and title and deputy_title(title) != title and name:
            title = deputy_title(title)  # the deputy's own title line stood elsewhere (beside "Nơi nhận")
        else:
            deputy = False
        if name and is_upper_text(name):
            name = title_case_place(name)
        signer = {"name": name, "title": title, "authority": authority, "on_behalf_of": on_behalf}
        return ({**signer, CUT: True} if cut else signer) | ({DEPUTY: True} if deputy else {}), used
    return None, []


def with_name(signer: dict, name: str) -> dict:
    """``signer``, read with no name, with the name found elsewhere (beside the recipients' last line): a deputy's
    title inferred as :func:`find_signature` does ("KT. GIÁM ĐỐC" with its own line lost: "Phó Giám đốc")."""
    title = signer.get("title")
    if signer.get("authority") == "KT" and title and deputy_title(title) != title:
        return {**signer, "name": name, "title": deputy_title(title), DEPUTY: True}
    return {**signer, "name": name}


_DEPUTIES = {"Bộ trưởng": "Thứ trưởng", "Thứ trưởng": "Thứ trưởng"}
"""Heads whose deputy is not called "Phó …" (a minister's deputy is a "Thứ trưởng"), and those deputies."""


def deputy_title(title: str) -> str:
    """The title of a deputy signing for the head titled ``title`` ("Giám đốc" -> "Phó Giám đốc", "Bộ trưởng" ->
    "Thứ trưởng"); a deputy's own title as it is."""
    return _DEPUTIES.get(title) or (title if title.startswith("Phó") else "Phó " + title)
