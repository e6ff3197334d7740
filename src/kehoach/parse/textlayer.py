"""Repair of PDF text layers that cut Vietnamese words apart or run them together.

Some PDFs draw a tone mark as a glyph of its own, space letters out, or move the pen between the
glyphs of one word; their text layer then reads "nga ̀y", "K ế ho ạch", "K Ế  H O Ạ C H",
"Thủtướng", "vàMôi". A line's words (with their boxes) are repaired with what is known of
Vietnamese syllables (:mod:`kehoach.syllable`) and of the words' positions:

- a combining mark that starts a word goes back on the word before it;
- a run of three or more one-letter words is a letter-spaced word group: it is cut where the gap
  is clearly wider than the gap between its letters, and each piece is read as one word;
- two neighbouring pieces join when together they are one syllable and either piece alone is not
  one, or (both being syllables) the gap between them is clearly narrower than the line's word
  spaces;
- a word with Vietnamese letters that is not a syllable but reads as two or three syllables is
  split there, when each syllable but the last carries a tone mark or starts with a capital after
  a small letter ("Thủtướng", "vàMôi"; a loanword written solid, "makét", "ôtô", stays); when
  it reads in two ways, the one whose syllables have consonant onsets and keep onset digraphs
  whole wins ("bố trí", not "bốt rí"), or nothing is done when they tie ("thựchiện");
- two pieces of which one is not a syllable, whose join is no syllable either, are read again
  as the syllables of the join ("kỹn ăng" -> "kỹ năng").

Real two-word sequences are never joined: two syllables stay two words unless their gap says
otherwise, and a piece that starts with a capital never joins a lower-case word before it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..diagnostics import warning
from ..syllable import is_syllable

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_MAX_SPLIT = 3
_SPACED_PUNCT = frozenset(".,:;-–/()")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def core_letters(text: str) -> tuple[str, str, str]:
    """``text`` as (leading punctuation, letters, trailing punctuation); letters is empty when
    anything but letters and combining marks stands inside."""
    a = 0
    while a < len(text) and not text[a].isalpha():
        a += 1
    b = len(text)
    while b > a and not (text[b - 1].isalpha() or unicodedata.combining(text[b - 1])):
        b -= 1
    core = text[a:b]
    if not all(c.isalpha() or unicodedata.combining(c) for c in core):
        return text, "", ""
    return text[:a], core, text[b:]


def _vietnamese(word: str) -> bool:
    """Whether ``word`` has a letter only Vietnamese spells (a tone mark, ă â ê ô ơ ư đ)."""
    return any(ord(c) > 0x7F for c in word)


def _toned(syllable: str) -> bool:
    return any(c in _TONES for c in unicodedata.normalize("NFD", syllable))


def _merge(a: dict, b: dict, text: str) -> dict:
    out = dict(a)
    out.update(text=text, x1=max(a["x1"], b["x1"]), top=min(a["top"], b["top"]), bottom=max(a["bottom"], b["bottom"]))
    return out


def _attach_marks(words: list[dict]) -> tuple[list[dict], int]:
    out: list[dict] = []
    n = 0
    for w in words:
        if out and unicodedata.combining(w["text"][:1]):
            out[-1] = _merge(out[-1], w, out[-1]["text"] + w["text"])
            n += 1
        else:
            out.append(w)
    for k, w in enumerate(out):
        if not w["text"].isascii():
            out[k] = dict(w, text=unicodedata.normalize("NFC", w["text"]))
    return out, n


def _letter(w: dict) -> bool:
    """A one-character word a letter-spaced line is made of: a letter, or punctuation after one."""
    return len(w["text"]) == 1 and (w["text"].isalpha() or w["text"] in _SPACED_PUNCT)


def _spaced_groups(run: list[dict], height: float) -> list[list[dict]] | None:
    """A run of one-letter words cut into words where the gap widens; None when the pieces do not
    read as Vietnamese words."""
    gaps = [b["x0"] - a["x1"] for a, b in zip(run, run[1:], strict=False)]
    letter_gap = sorted(gaps)[len(gaps) // 4]  # a wide glyph box ("Ự") narrows one gap
    groups = [[run[0]]]
    for w, g in zip(run[1:], gaps, strict=True):
        if g > max(1.5 * letter_gap, letter_gap + 0.1 * height):
            groups.append([w])
        else:
            groups[-1].append(w)
    cores = [core_letters("".join(w["text"] for w in g))[1] for g in groups]
    words = [c for c in cores if len(c) >= 2]
    read = [c for c in words if is_syllable(c) or _segment(c)]
    mixed = any(not (c.isupper() or c[1:].islower()) for c in words)  # "tưC": cut pieces, not spaced letters
    if mixed or sum(len(w["text"]) == 1 and w["text"].isalpha() for w in run) < 3 or not read or 2 * len(read) < len(words):
        return None
    return groups


def _unspace(words: list[dict], height: float) -> tuple[list[dict], int]:
    out: list[dict] = []
    n = 0
    k = 0
    while k < len(words):
        j = k
        while j < len(words) and _letter(words[j]):
            j += 1
        groups = _spaced_groups(words[k:j], height) if j - k >= 3 else None
        if groups:
            for g in groups:
                merged = g[0]
                for w in g[1:]:
                    merged = _merge(merged, w, merged["text"] + w["text"])
                out.append(merged)
            n += j - k - len(groups)
        out.extend(words[k:j] if not groups else [])
        if j == k:
            out.append(words[k])
            j += 1
        k = j
    return out, n


def _joinable(a: str, b: str, narrow: bool) -> bool:
    pa, ca, ta = core_letters(a)
    pb, cb, tb = core_letters(b)
    if not ca or not cb or ta or pb:
        return False
    if cb[0].isupper() and not ca.isupper():
        return False
    if not is_syllable(ca + cb):
        return False
    return narrow or not (is_syllable(ca) and is_syllable(cb))


def _read_chain(texts: list[str]) -> str | None:
    """Pieces set closer than word spaces, read as one word or as the syllables they run together
    ("K" "ế" -> "Kế", "phốih" "ợpvớ" "i" -> "phối hợp với"); None when they read as neither."""
    cores = [core_letters(t) for t in texts]
    if any(not c for _, c, _ in cores) or any(t for _, _, t in cores[:-1]) or any(p for p, _, _ in cores[1:]):
        return None
    joined = "".join(c for _, c, _ in cores)
    if is_syllable(joined) and (joined.isupper() or joined[1:].islower()):
        return cores[0][0] + joined + cores[-1][2]
    parts = _reading(joined)
    return cores[0][0] + " ".join(parts) + cores[-1][2] if parts else None


def _join_pieces(words: list[dict], height: float) -> tuple[list[dict], int]:
    gaps = [b["x0"] - a["x1"] for a, b in zip(words, words[1:], strict=False)]
    spaces = sorted(gaps)[3 * len(gaps) // 4] if gaps else 0.0  # a word space, even on a line with many cuts

    def narrow(a: dict, b: dict) -> bool:
        gap = b["x0"] - a["x1"]
        return gap < 0.75 * spaces and gap < 0.2 * height

    out: list[dict] = []
    n = 0
    k = 0
    while k < len(words):
        j = k + 1
        while j < len(words) and narrow(words[j - 1], words[j]):
            j += 1
        text = _read_chain([w["text"] for w in words[k:j]]) if j - k >= 2 else None
        if text and text != " ".join(w["text"] for w in words[k:j]):
            merged = words[k]
            for w in words[k + 1:j]:
                merged = _merge(merged, w, "")
            out.append(dict(merged, text=text))
            n += j - k - 1
            k = j
            continue
        w = words[k]
        if out and w["x0"] - out[-1]["x1"] < 0.5 * height and _joinable(out[-1]["text"], w["text"], narrow(out[-1], w)):
            out[-1] = _merge(out[-1], w, out[-1]["text"] + w["text"])
            n += 1
        else:
            out.append(w)
        k += 1
    return out, n


_ONSET_DIGRAPHS = ("tr", "th", "kh", "ph", "gh", "gi", "qu")
"""Onsets that are never a syllable's end: a cut between their letters is unlikely."""


def _cost(parts: tuple[str, ...]) -> tuple[int, int, int]:
    """How unlikely a reading is: more syllables, syllables after the first without a consonant
    onset ("dựt oán" against "dự toán"), cuts inside an onset digraph ("bốt rí" against "bố trí")."""
    bare = sum(1 for p in parts[1:] if p[:1].lower() in "aăâeêioôơuưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữự")
    inside = sum(1 for a, b in zip(parts, parts[1:], strict=False) if (a[-1] + b[0]).lower() in _ONSET_DIGRAPHS)
    return len(parts), bare, inside


@lru_cache(maxsize=4096)
def _segment(word: str) -> tuple[str, ...] | None:
    """The likeliest way ``word`` (letters, not a syllable) reads as 2 or 3 syllables, or None
    when there is none or two ways are as likely. A capital only starts a syllable ("vàMôi")
    unless the syllable is all capitals."""
    found: list[tuple[str, ...]] = []

    def walk(rest: str, parts: tuple[str, ...]) -> None:
        if len(parts) > _MAX_SPLIT or len(found) > 16:
            return
        if not rest:
            if len(parts) >= 2:
                found.append(parts)
            return
        for i in range(1, min(len(rest), 7) + 1):
            head = rest[:i]
            if (head.isupper() or head[1:].islower()) and is_syllable(head):
                walk(rest[i:], (*parts, head))

    walk(word, ())
    if not found:
        return None
    best = min(_cost(p) for p in found)
    likeliest = [p for p in found if _cost(p) == best]
    return likeliest[0] if len(likeliest) == 1 else None


def _reading(word: str) -> tuple[str, ...] | None:
    """``word`` (letters with Vietnamese ones, not a syllable) as the syllables it runs together,
    when each carries a tone mark (the last may not) or starts with a capital after a small
    letter; None for a loanword written solid ("makét", "ôtô") or an unclear one."""
    if len(word) < 4 or not _vietnamese(word) or is_syllable(word):
        return None
    parts = _segment(word)
    if not parts:
        return None
    for k, part in enumerate(parts):
        if not (_toned(part) or k == len(parts) - 1 or (k and part[0].isupper() and parts[k - 1][-1].islower())):
            return None
    return parts


def _split_runs(words: list[dict]) -> tuple[list[dict], int]:
    out: list[dict] = []
    n = 0
    for w in words:
        lead, core, trail = core_letters(w["text"])
        parts = _reading(core) if core else None
        if parts:
            out.append(dict(w, text=lead + " ".join(parts) + trail))
            n += len(parts) - 1
            continue
        out.append(w)
    return out, n


def repair_line(words: list[dict], height: float) -> tuple[list[dict], int]:
    """A line's words (left to right, with ``text``, ``x0``, ``x1``, ``top``, ``bottom``) with cut
    and run-together words repaired, and the number of repairs."""
    if not words:
        return words, 0
    total = 0
    for step in (_attach_marks, lambda ws: _unspace(ws, height), lambda ws: _join_pieces(ws, height), _split_runs):
        words, n = step(words)
        total += n
    return words, total


def repair_lines(lines: list[list[dict]], height: float,
                 tables: list[tuple] | None = None) -> tuple[list[list[dict]], list[tuple[float, int]]]:
    """Every line repaired, and the cells of ``tables`` ((bbox, rows of cells of paragraphs), in
    place); with (top of the line or table, repairs) for each that had any."""
    out: list[list[dict]] = []
    repaired: list[tuple[float, int]] = []
    for line in lines:
        fixed, n = repair_line(line, height)
        out.append(fixed)
        if n:
            repaired.append((fixed[0]["top"], n))
    for bbox, rows in tables or []:
        n = 0
        for cell in (c for row in rows for c in row):
            for k, para in enumerate(cell):
                cell[k], m = repair_text(para)
                n += m
        if n:
            repaired.append((bbox[1], n))
    return out, repaired


def repair_text(text: str) -> tuple[str, int]:
    """``text`` whose glyph positions are lost (a table cell as the table reader gives it) repaired
    from syllables alone: every gap is taken as a word space, so only a piece that is no syllable
    joins its neighbour, and only words run together with tone marks are cut."""
    words, x = [], 0.0
    for token in text.split(" "):
        words.append({"text": token, "x0": x, "x1": x + 6.0 * len(token), "top": 0.0, "bottom": 12.0})
        x += 6.0 * len(token) + 3.5
    fixed, n = repair_line([w for w in words if w["text"]], 12.0)
    return (" ".join(w["text"] for w in fixed), n) if n else (text, 0)


def page_warnings(pages: list, out, data: bytes) -> list[PlanWarning]:
    """The PDF reader's page warnings: ``text-layer-repaired`` (pages with ``number``, ``items`` as
    the reader lays them out, and ``repaired`` from :func:`repair_lines`), and
    ``page-without-text`` for pages that hold only an image (listed in ``out.image_pages``)."""
    out.image_pages = _image_only([p.number for p in pages if not p.items], data)
    found = _repaired_warning(pages)
    if out.image_pages:
        listed = ", ".join(map(str, out.image_pages[:10])) + (" …" if len(out.image_pages) > 10 else "")
        found.append(warning("page-without-text", f"page(s) {listed} hold only an image (scanned pages among text "
                                  "pages): their text is not read; extract with --ocr to read them",
                                  {"line": None, "page": out.image_pages[0]}))
    return found


def _image_only(numbers: list[int], data: bytes) -> list[int]:
    """Those of the pages ``numbers`` (nothing read on them) that hold an image and no character."""
    if not numbers:
        return []
    from .pdfium import open_document, raw

    doc = open_document(data)
    found = []
    try:
        for number in numbers:
            page = doc[number - 1]
            tp = page.get_textpage()
            if not tp.count_chars() and any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2)):
                found.append(number)
            tp.close()
            page.close()
    finally:
        doc.close()
    return found


def _repaired_warning(pages: list) -> list[PlanWarning]:
    total = sum(n for p in pages for _, n in p.repaired)
    if not total:
        return []
    lines = sum(len(p.repaired) for p in pages)
    first = next(p for p in pages if p.repaired)
    top = first.repaired[0][0]
    line_no = next((k + 1 for k, it in enumerate(first.items) if it[0] == "line" and abs(it[3] - top) < 1.0), None)
    return [warning("text-layer-repaired",
                    f"the PDF's text layer cut words apart or ran them together on {lines} line(s); {total} "
                    "repair(s) made from Vietnamese syllables and the glyphs' positions: check the text against the document",
                    {"line": line_no, "page": first.number})]
