"""Word-level slips OCR makes on Vietnamese plans, corrected from how Vietnamese is written.

Tesseract is confident of these, so its word confidences do not find them:

- two syllables run together when the space between them was narrow ("Trungtâm", "traviệc",
  "Ytế"): a Vietnamese word is one syllable of a fixed shape (:mod:`kehoach.syllable`), so a word
  that is not one, carries marks only Vietnamese has, and cuts in exactly one way into syllables, is
  those syllables;
- a table's vertical rule read as "|" glued to the word beside it ("Ytế|");
- a line of specks (the rule under the issuer, a stain) read as letters no Vietnamese word holds
  ("š", "z ·", "- -"), which would stand between two lines of the header;
- a tone misread ("an nỉnh, trật tự") where the document writes the same three words with the
  right tone elsewhere; one neighbour is no evidence ("thể tháo gỡ" is no "thể thao gỡ"), and a
  tone the document writes once is never trusted over another written once.

Every correction is returned for the caller to warn (``ocr``, with its line).
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter

from .. import rx
from ..syllable import is_syllable, split_tone
from ..vn import ascii_fold, fold

_WORD = rx.compile(r"(?<![\p{L}\p{M}\d])\p{L}{3,16}(?![\p{L}\p{M}\d])")
_GLUED_RULE = rx.compile(r"(?<=\p{L}\p{L})(?:\||&#124;)(?=\s|</p>|$)|(?:(?<=\s)|(?<=<p>))(?:\||&#124;)(?=\p{L}\p{L})")
"""A rule glyph touching a word of two letters or more (never "l|" or "|.": Roman lookalikes)."""
_GLUED_WORD = rx.compile(r"\S*(?:\p{L}\p{L}(?:\||&#124;)(?=\s|</p>|$)|(?:\||&#124;)\p{L}\p{L})\S*")
_RULE_GLYPH_CELL = rx.compile(r"(?:(?<=<p>)|(?<=\s))&#124;(?:\s+|(?=</p>))")
_RULE_GLYPH_LINE = rx.compile(r"(?:^|(?<=\s))\|(?:\s+|$)")
_TOKEN = rx.compile(r"(?<![<\/\p{L}\p{M}])\p{L}+")
"""A word (never the letter of a cell's <p> tag)."""
_TAG = rx.compile(r"</?p>")
_VIETNAMESE = frozenset("abcdeghiklmnopqrstuvxyđ")
_SPECK_TOKEN = rx.compile(r"^(?:(?:[^\w\s]|_){1,3}|\p{L})$")


def _vowel(letter: str) -> bool:
    return unicodedata.normalize("NFD", letter.lower())[:1] in "aeiouy" or letter.lower() in "ăâêôơư"


def split_syllables(word: str, seen: frozenset[str] = frozenset()) -> str | None:
    """``word`` cut into the syllables OCR ran together, when it is no syllable itself, carries a
    letter only Vietnamese writes (so "video" or "online" are never cut) and cuts into two (else
    three) syllables in one way, or in one way whose syllables all stand as words elsewhere in the
    document (``seen``, in lower case: "thựchiện" is "thực hiện", not "thự chiện"); otherwise None.

    >>> [split_syllables(w) for w in ("Trungtâm", "traviệc", "Ytế", "đảmbảo", "ngoài", "online", "Hrê")]
    ['Trung tâm', 'tra việc', 'Y tế', 'đảm bảo', None, None, None]
    >>> split_syllables("thựchiện"), split_syllables("thựchiện", frozenset({"thực", "hiện"}))
    (None, 'thực hiện')
    """
    for cuts in _all_cuts(word):
        if len(cuts) > 1:
            cuts = tuple(c for c in cuts if all(part.lower() in seen for part in c))
        return " ".join(cuts[0]) if len(cuts) == 1 else None
    return None


@functools.lru_cache(maxsize=4096)
def _all_cuts(word: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The ways to cut ``word`` into two syllables, else into three (the fewest: "đảmbảo" is "đảm
    bảo", never "đảm bả o"); nothing for a syllable or a word of ASCII letters."""
    if word.isascii() or is_syllable(word):
        return ()
    for parts in (2, 3):
        cuts = _cuts(word, parts)
        if cuts:
            return (tuple(cuts),)
    return ()


def _cuts(word: str, parts: int) -> list[tuple[str, ...]]:
    """The ways to write ``word`` as exactly ``parts`` syllables."""
    if parts == 1:
        return [(word,)] if is_syllable(word) else []
    out: list[tuple[str, ...]] = []
    for i in range(1, len(word)):
        if _vowel(word[i - 1]) and _vowel(word[i]):
            continue  # two vowels are one syllable's ("Uớc" is a misspelled "Ước", never "U ớc")
        if is_syllable(word[:i]):
            out.extend((word[:i], *rest) for rest in _cuts(word[i:], parts - 1))
    return out


def fix_slips(line: str, seen: frozenset[str] = frozenset()) -> tuple[str, list[tuple[str, str]]]:
    """``line`` without the rules OCR glued to a word as "|", and with each run-together word cut
    into its syllables (``seen``: the document's words, see :func:`split_syllables`); and each word
    changed, as it was and as it is now."""
    changed: list[tuple[str, str]] = []
    if "|" in line or "&#124;" in line:
        for m in _GLUED_WORD.finditer(line):
            word = _TAG.sub("", m.group(0))
            changed.append((word.replace("&#124;", "|"), _GLUED_RULE.sub("", word)))
        line = _GLUED_RULE.sub("", line)

    def cut(m) -> str:
        new = split_syllables(m.group(0), seen)
        if new is None:
            return m.group(0)
        changed.append((m.group(0), new))
        return new

    return _WORD.sub(cut, line), changed


KINDS = ("Chi cục", "Chi nhánh", "Trung tâm", "Văn phòng", "Tổng cục", "Bộ Chỉ huy", "Công an", "Kho bạc",
         "Bảo hiểm xã hội", "Liên đoàn", "Mặt trận", "Ủy ban nhân dân", "Hội đồng nhân dân", "Ban Quản lý")
"""Kinds of body of two words or more, as names spell them: OCR's tone slips in them ("Chỉ cục
Thuế") are spelled back where a name starts with one."""
_KIND = {fold(k): k for k in KINDS}
_KIND_WORDS = max(len(k.split()) for k in KINDS)


def respell_kinds(lines: list[str]) -> list[tuple[int, str, str]]:
    """Kinds of body (:data:`KINDS`) opening a name with a tone misread, spelled back in place."""
    out = []
    for k, line in enumerate(lines):
        toks = [(m.start(), m.end()) for m in _TOKEN.finditer(line)]
        for i in range(len(toks) - 1, -1, -1):
            for n in range(min(_KIND_WORDS, len(toks) - i), 1, -1):
                start, end = toks[i][0], toks[i + n - 1][1]
                seen = lines[k][start:end]
                plain = all(seen.split(" ")) and seen.replace(" ", "").isalpha()  # words a space apart
                right = _KIND.get(fold(seen)) if plain else None
                if right and seen.lower() != right.lower() and seen[:1].isupper() and not seen.isupper():
                    lines[k] = lines[k][:start] + right + lines[k][end:]
                    out.append((k, seen, right))
                    break
    return out


def correct_words(lines: list[str]) -> list[tuple[int, str, str]]:
    """Correct ``lines`` in place: rules glued to a word, syllables run together, tones misread,
    the issuer's place; returns (line, before, after) for each word changed."""
    seen = words_of(lines)
    fixes: list[tuple[int, str, str]] = []
    for k, line in enumerate(lines):
        lines[k], changed = fix_slips(line, seen)
        fixes.extend((k, before, after) for before, after in changed)
    return fixes + respell(lines) + respell_place(lines) + respell_kinds(lines) + respell_phrases(lines)


_PHRASES = {fold(p): p for p in (
    "kiểm tra", "chỉ đạo", "triển khai", "thực hiện", "hướng dẫn", "giám sát", "tổ chức", "báo cáo", "phối hợp", "chủ trì",
    "tuyên truyền", "rà soát", "xây dựng", "thẩm định", "tổng hợp", "bố trí", "kinh phí", "tăng cường", "trách nhiệm",
    "phổ biến", "kế hoạch", "nhiệm vụ", "tập huấn", "kiện toàn", "đẩy mạnh", "bồi dưỡng", "phê duyệt",
    "tham mưu", "theo dõi", "ban hành", "đôn đốc", "đánh giá")}
"""Words of a plan's work spelled one way only: a pair of words with the same letters in another tone is an OCR
slip ("Kiếm tra, giám sát …" in a title, "Ban Chí đạo …", "tố chức" all through a scan: Tesseract was sure of them,
and a slip made everywhere leaves the document no other spelling to correct from). Not words whose letters spell
another phrase in use ("đề xuất" / "để xuất khẩu", "sơ kết" / "số kết quả", "nâng cao" / "khả năng cao", "cơ quan" /
"có quan hệ", "mục đích" / "mục dịch vụ"), nor one a typed plan of the repository misspells so (a typist's "cấp nhật":
the corrections are for what OCR alone gets wrong), and never into a phrase of :data:`_OTHER_WORDS`."""
_OTHER_WORDS = frozenset({"chủ trị", "thăm dinh", "thâm mưu", "đơn độc", "danh gia"})
"""Phrases in use with the letters of one of :data:`_PHRASES` ("thuốc chủ trị", "thăm Dinh …", "đơn độc"): left."""
_LETTERS = rx.compile(r"(?<![\p{L}\p{M}])\p{L}+(?![\p{L}\p{M}])")


def respell_phrases(lines: list[str]) -> list[tuple[int, str, str]]:
    """:data:`_PHRASES` respelled where OCR misread a tone, in the line's case; (line, before, after) for each."""
    out = []
    for k, line in enumerate(lines):
        words = list(_LETTERS.finditer(line)) if " " in line else []
        for a, b in reversed(list(zip(words, words[1:], strict=False))):
            pair = line[a.start():b.end()]
            right = _PHRASES.get(fold(pair)) if b.start() == a.end() + 1 else None
            if right is None or pair.lower() == right or pair.lower() in _OTHER_WORDS:
                continue
            new = right.upper() if pair.isupper() else right[:1].upper() + right[1:] if pair[:1].isupper() else right
            line = line[:a.start()] + new + line[b.end():]
            out.append((k, pair, new))
        lines[k] = line
    return out


def respell(lines: list[str]) -> list[tuple[int, str, str]]:
    """Words whose tone OCR misread, given the tone the document gives them between the same two
    neighbours: a word the document holds once ("an nỉnh, trật") whose three words, with the same
    marks between them, stand elsewhere with the same letters in another tone ("an ninh, trật"),
    a word written so at least twice, takes that tone. One neighbour is not enough ("thể tháo gỡ" is no "thể thao"). Corrects
    ``lines`` in place; returns (line, before, after) for each word changed."""
    tokens = [[(m.start(), m.group(0)) for m in _TOKEN.finditer(line)] for line in lines]
    count = Counter(w.lower() for toks in tokens for _, w in toks)
    spellings: dict[tuple[str, str, str, str, str], set[str]] = {}
    for k, toks in enumerate(tokens):
        for i in range(1, len(toks) - 1):
            key = _context(lines[k], toks, i)
            if key:
                spellings.setdefault((*key[:2], fold(key[2]), *key[3:]), set()).add(key[2])
    out = []
    for k, toks in enumerate(tokens):
        for i in range(len(toks) - 2, 0, -1):
            at, word = toks[i]
            key = _context(lines[k], toks, i)
            if not key or count[key[2]] > 1 or word.isascii() or word.isupper():  # capitals: ocr._fix_words
                continue
            other = {w for w in spellings.get((*key[:2], fold(key[2]), *key[3:]), ())
                     if _tone(w) != _tone(key[2]) and count[w] > 1}  # of one each, neither is known right
            if len(other) == 1:
                better = other.pop()
                new = better[0].upper() + better[1:] if word[:1].isupper() else better
                lines[k] = lines[k][:at] + new + lines[k][at + len(word):]
                out.append((k, word, new))
    return out


def _tone(word: str) -> tuple[str, str | None]:
    """The letters and the tone: "hoá" and "hóa" are one word, its mark set on another vowel."""
    base, tone, _ = split_tone(word)
    return base, tone


def _context(line: str, toks: list[tuple[int, str]], i: int) -> tuple[str, str, str, str, str] | None:
    """(word before, what is between, the word, what is between, word after) in lower case, for a
    word between two others on its line with at most a mark and a space between each."""
    (a, before), (b, word), (c, after) = toks[i - 1], toks[i], toks[i + 1]
    gap1, gap2 = line[a + len(before):b], line[b + len(word):c]
    if len(gap1) > 2 or len(gap2) > 2 or not gap1.endswith(" ") or not gap2.endswith(" "):
        return None
    return before.lower(), gap1, word.lower(), gap2, after.lower()


_LEVELS = ("THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "ĐẶC KHU", "PHƯỜNG", "TỈNH", "HUYỆN", "QUẬN", "XÃ")
_DATE_PLACE = rx.compile(r"^(?P<place>\p{L}[\p{L} .-]{1,40}),\s*ngày\b")


def respell_place(lines: list[str]) -> list[tuple[int, str, str]]:
    """The capitals line under "ỦY BAN NHÂN DÂN" that names the issuer's place, spelled as the date
    line spells the place when OCR lost its marks ("PHƯƠNG TAN PHONG" under it, "Tân Phong, ngày …"
    below: "PHƯỜNG TÂN PHONG"): its level word from the levels' spellings, the name from the date
    line when the two have the same letters. Corrects ``lines`` in place; returns the changes."""
    head = [k for k, line in enumerate(lines[:40]) if line.strip()][:12]
    below = next((k for k in head[:-1] if ascii_fold(lines[k]) == "uy ban nhan dan"), None)
    date = next((m for line in lines[:40] if (m := _DATE_PLACE.match(line.strip()))), None)
    if below is None or date is None:
        return []
    k = head[head.index(below) + 1]
    line = lines[k].strip()
    if not line.isupper() or "\t" in line:
        return []
    words = line.split()
    for level in _LEVELS:
        n = len(level.split())
        if ascii_fold(" ".join(words[:n])) == ascii_fold(level):
            name = " ".join(words[n:])
            place = date["place"].strip()
            if ascii_fold(name) == ascii_fold(place):
                name = place.upper()
            new = f"{level} {name}".strip()
            if new != line:
                lines[k] = new
                return [(k, line, new)]
            return []
    return []


def words_of(lines: list[str]) -> frozenset[str]:
    """The words of ``lines`` in lower case."""
    return frozenset(w.lower() for line in lines for w in _TOKEN.findall(line))


def drop_rule_glyphs(lines: list[str]) -> None:
    """OCR reads a table's vertical rules as "|": a lone "|" in a cell or a text line is a rule."""
    for k, line in enumerate(lines):
        if "\t" in line:
            lines[k] = _RULE_GLYPH_CELL.sub("", line)
        elif not line.startswith("|"):
            lines[k] = _RULE_GLYPH_LINE.sub("", line).strip() if "|" in line else line


def is_speck_line(line: str) -> bool:
    """A line (not a table row) of nothing but specks: single letters no Vietnamese word is written
    with ("š", "z"), and marks ("- -", "„ ›"), or one letter alone ("Ề"); never a label such as
    "a)" or "I." or a Roman lookalike ("l"), nor a lone dash (a bullet whose text follows)."""
    toks = line.split()
    if not toks or "\t" in line or len(toks) == 1 and toks[0] in ("-", "_", "–", "—"):
        return False
    if len(toks) == 1 and len(line.strip()) == 1 and line.strip().isalpha():
        return line.strip() not in "IVXLl"
    for tok in toks:
        if not _SPECK_TOKEN.match(tok):
            return False
        if tok.isalpha() and (tok.lower() in _VIETNAMESE or is_syllable(tok)):
            return False
    return True
