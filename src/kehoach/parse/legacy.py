"""The 8-bit Vietnamese encodings of the pre-Unicode era: TCVN3 (ABC) and VNI.

Both are read from text as Word and a plain-text file hold it: one character per byte, the bytes
shown through Windows-1252 ("KÕ ho¹ch", "Keá hoaïch"). The tables are built from the structure
of the standards, not copied:

- TCVN 5712:1993 (VN3, the ".VnTime" fonts of ABC): each vowel's five toned forms in the order
  grave, hook, tilde, acute, dot below at fixed positions from 0xB5; ă â ê ô ơ ư đ at 0xA8-0xAE,
  their capitals at 0xA1-0xA7; five combining tones at 0xB0-0xB4. VN3 has no toned capitals:
  the ".VnTimeH" fonts draw the same codes as capitals. The fuller sets of the standard (VN1,
  VN2) put toned capitals in the gaps of the table, in 0x80-0x9F and in control positions; plain
  text is read with all of them, Word runs (where 0x80-0x9F are the font's quotes and dashes) with
  the gap capitals only.
- VNI (the "VNI-Times" fonts): a letter is its base letter followed by one mark byte; ơ, ư, đ,
  the toned i and the dotted y are single bytes. Capitals use the capital forms of the marks.
"""

from __future__ import annotations

import functools
import unicodedata

from .. import rx

TCVN3 = "TCVN3"
VNI = "VNI"

# --- TCVN 5712:1993 -------------------------------------------------------------------------
_TONE_ORDER = "\u0300\u0309\u0303\u0301\u0323"  # grave, hook, tilde, acute, dot below: the VN3 column order
_VN3_TONED = {  # base vowel -> the bytes of its five toned forms, in _TONE_ORDER
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE), "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_VN3_LETTERS = "ĂÂÊÔƠƯĐăâêôơưđ"  # 0xA1-0xAE
# Toned capitals of the fuller sets, by position: the gaps of the VN3 table (VN2) ...
_VN2_CAPITALS = {
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ", 0xC5: "Ề",
    0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
}
# ... and 0x80-0x9F plus control positions (VN1).
_VN1_CAPITALS = dict(zip(range(0x80, 0xA0), "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ", strict=True))
_VN1_CAPITALS.update({0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự",
                      0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"})


def _tcvn3_bytes(full: bool) -> dict[int, str]:
    """Byte -> Unicode for TCVN3; ``full`` adds the VN1 capitals (0x80-0x9F, controls)."""
    table: dict[int, str] = {}
    for base, codes in _VN3_TONED.items():
        for tone, code in zip(_TONE_ORDER, codes, strict=True):
            table[code] = unicodedata.normalize("NFC", base + tone)
    table.update(zip(range(0xA1, 0xAF), _VN3_LETTERS, strict=True))
    table.update(zip(range(0xB0, 0xB5), _TONE_ORDER, strict=True))
    table.update(_VN2_CAPITALS)
    if full:
        table.update(_VN1_CAPITALS)
    return table


# --- VNI ----------------------------------------------------------------------------------------
# Mark bytes after a base letter, as Windows-1252 shows them (lower case; capitals after capitals).
_VNI_TONES = dict(zip("\u0301\u0300\u0309\u0303\u0323", "ùøûõï", strict=True))  # acute, grave, hook, tilde, dot
_VNI_CIRCUMFLEX = dict(zip(["", *"\u0301\u0300\u0309\u0303\u0323"], "âáàåãä", strict=True))  # â and its tones
_VNI_BREVE = dict(zip(["", *"\u0301\u0300\u0309\u0303\u0323"], "êéèúüë", strict=True))  # ă and its tones
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}


def _vni_lower() -> dict[str, str]:
    """Unicode lower-case letter -> its VNI spelling."""
    out: dict[str, str] = dict(_VNI_SINGLE)
    for base in "aeouy":
        for tone, mark in _VNI_TONES.items():
            out.setdefault(unicodedata.normalize("NFC", base + tone), base + mark)
    for base in "ơư":
        for tone, mark in _VNI_TONES.items():
            out[unicodedata.normalize("NFC", base + tone)] = _VNI_SINGLE[base] + mark
    for base in "aeo":
        for tone, mark in _VNI_CIRCUMFLEX.items():
            out[unicodedata.normalize("NFC", base + "\u0302" + tone)] = base + mark
    for tone, mark in _VNI_BREVE.items():
        out[unicodedata.normalize("NFC", "a\u0306" + tone)] = "a" + mark
    return out


@functools.lru_cache(maxsize=1)
def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(Unicode letter -> VNI spelling, VNI spelling -> Unicode letter), both cases."""
    encode = {}
    for letter, spelled in _vni_lower().items():
        encode[letter] = spelled
        encode[letter.upper()] = spelled.upper()
    return encode, {v: k for k, v in encode.items()}


@functools.lru_cache(maxsize=1)
def _vni_pattern():
    _, decode = _vni_tables()
    return rx.compile("|".join(rx.escape(k) for k in sorted(decode, key=len, reverse=True)))


# --- conversion ---------------------------------------------------------------------------------
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="replace")


@functools.lru_cache(maxsize=1)
def _char_to_byte() -> dict[int, int]:
    """A character as Word or a text decoder shows an 8-bit code -> that code: Latin-1 as itself,
    Windows-1252's punctuation in 0x80-0x9F, and the symbol-font private-use copies (U+F0xx)."""
    table = {cp: cp for cp in range(0x100)}
    for code, ch in zip(range(0x80, 0xA0), _CP1252_HIGH, strict=True):
        if ch != "\ufffd":
            table[ord(ch)] = code
    table.update({0xF000 + code: code for code in range(0x20, 0x100)})
    return table


@functools.lru_cache(maxsize=2)
def _tcvn3_translation(full: bool) -> dict[int, str]:
    """Character -> Unicode for TCVN3 text; 0x80-0x9F are left to :func:`_vn1_capitals`."""
    codes = _tcvn3_bytes(full)
    out: dict[int, str] = {}
    for ch, code in _char_to_byte().items():
        if code in codes and not 0x80 <= code < 0xA0:
            out[ch] = codes[code]
    return out


_HIGH = "".join(map(chr, range(0x80, 0xA0)))
_HIGH_CONTROL_WORD = rx.compile("(?:[^\\W\\d_]|[\x80-\x9f])*[\x80-\x9f](?:[^\\W\\d_]|[\x80-\x9f])*")


def _vn1_capitals(text: str) -> str:
    """Codes 0x80-0x9F of a plain TCVN3 text: the toned capitals of the full standard where the word
    they sit in then reads as Vietnamese ("H\x96C" -> "HỌC"), else the quotes and dashes that
    Windows-1252 puts there (ABC fonts kept them). A code standing alone is punctuation."""
    from ..syllable import is_syllable

    view = _char_view()

    def reads(word: str) -> bool:
        pieces = [p for p in rx.split(r"[\W\d_]+", unicodedata.normalize("NFC", word)) if p]
        return bool(pieces) and all(is_syllable(p) for p in pieces)

    def one(m) -> str:
        word = m.group()
        core = word.strip(_HIGH)
        if not core:
            return "".join(view[ord(c)] for c in word)
        capital = "".join(_VN1_CAPITALS.get(ord(c), c) for c in word)
        if reads(capital):
            return capital
        lead, trail = len(word) - len(word.lstrip(_HIGH)), len(word) - len(word.rstrip(_HIGH))
        inner = "".join(_VN1_CAPITALS.get(ord(c), c) for c in core)
        if reads(inner):
            return "".join(view[ord(c)] for c in word[:lead]) + inner + "".join(view[ord(c)] for c in word[len(word) - trail:])
        return "".join(view[ord(c)] if c in _HIGH else c for c in word)

    return _HIGH_CONTROL_WORD.sub(one, text)


_PUA = {0xF000 + code: chr(code) for code in range(0x20, 0x100)}


def from_tcvn3(text: str, *, full: bool = True, capitals: bool = False) -> str:
    """TCVN3 text (bytes as Windows-1252 or Latin-1 shows them) to Unicode NFC.

    ``full`` reads the toned capitals of the fuller sets too (plain text); Word runs in a VN3
    font pass ``full=False``. ``capitals`` is for the ".VnTimeH" fonts, which draw every letter as
    a capital.

    >>> from_tcvn3("KÕ ho¹ch sè 12/KH-UBND")
    'Kế hoạch số 12/KH-UBND'
    >>> from_tcvn3("kÕ ho¹ch", full=False, capitals=True)
    'KẾ HOẠCH'
    >>> from_tcvn3("\x93H\x96C T\x85P\x94 \x96 x")
    '“HỌC TẶP” – x'
    """
    out = text.translate(_tcvn3_translation(full))
    if full and rx.search("[\x80-\x9f]", out):
        out = _vn1_capitals(out)
    out = unicodedata.normalize("NFC", out)
    return out.upper() if capitals else out


def from_vni(text: str, *, capitals: bool = False) -> str:
    """VNI text (bytes as Windows-1252 shows them) to Unicode NFC.

    >>> from_vni("Keá hoaïch soá 12/KH-UBND; Tröôøng; Ñieàu")
    'Kế hoạch số 12/KH-UBND; Trường; Điều'
    """
    _, decode = _vni_tables()
    out = _vni_pattern().sub(lambda m: decode[m.group()], text.translate(_PUA))
    out = unicodedata.normalize("NFC", out)
    return out.upper() if capitals else out


def convert(text: str, encoding: str, *, capitals: bool = False, full: bool = True) -> str:
    """``text`` in ``encoding`` (TCVN3 or VNI) to Unicode."""
    if encoding == TCVN3:
        return from_tcvn3(text, full=full, capitals=capitals)
    return from_vni(text, capitals=capitals)


VN1_CAPITALS = frozenset(_VN1_CAPITALS.values())
"""The toned capitals only the full set of the standard spells (VN3 text never holds them)."""


def to_tcvn3(text: str, *, full: bool = True) -> str:
    """Unicode to TCVN3 as Windows-1252 characters (for fixtures and round-trip tests).

    With ``full`` a toned capital takes its VN1/VN2 code (0x80-0x9F as those code points, the
    Latin-1 view of a text file); without it (VN3), the code of its lower-case letter, as ABC
    users typed capitals in a ".VnTimeH" font.
    """
    inverse: dict[str, int] = {}
    codes = _tcvn3_bytes(full)
    for code, ch in codes.items():
        if 0xB0 <= code <= 0xB4 or (not full and code in _VN2_CAPITALS):
            continue  # combining tones: the precomposed letters are written instead
        inverse.setdefault(ch, code)
    chars = _char_view()
    out = []
    for ch in unicodedata.normalize("NFC", text):
        found = inverse.get(ch)
        if found is None and not full and ch.lower() in inverse and ch.lower() != ch:
            found = inverse[ch.lower()]
        if found is None and ord(ch) >= 0x80 and not 0x80 <= _char_to_byte().get(ord(ch), 0xB5) < 0xA0 \
                and _char_to_byte().get(ord(ch), 0xB5) in codes:
            raise ValueError(f"{ch!r} has no TCVN3 code")
        out.append(chr(found) if found is not None and full and found < 0xA0 else chars[found] if found is not None else ch)
    return "".join(out)


def to_vni(text: str) -> str:
    """Unicode to VNI as Windows-1252 characters (for fixtures and round-trip tests)."""
    encode, decode = _vni_tables()
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch not in encode and ord(ch) >= 0x80 and (ord(ch) not in _char_to_byte() or any(ch in k for k in decode)):
            raise ValueError(f"{ch!r} has no VNI spelling")
        out.append(encode.get(ch, ch))
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _char_view() -> dict[int, str]:
    """An 8-bit code -> the character Windows-1252 shows for it (control codes stay themselves)."""
    out = {code: chr(code) for code in range(0x100)}
    for code, ch in zip(range(0x80, 0xA0), _CP1252_HIGH, strict=True):
        out[code] = ch if ch != "\ufffd" else chr(code)
    return out


def tcvn3_text_bytes(text: str) -> bytes:
    """Unicode to the bytes of a TCVN3 plain-text file (the full standard set)."""
    view = {ch: code for code, ch in _char_view().items()}
    view.update({chr(code): code for code in range(0x100)})
    return bytes(view.get(ch, 0x3F) for ch in to_tcvn3(text, full=True))


def vni_text_bytes(text: str) -> bytes:
    """Unicode to the bytes of a VNI plain-text file."""
    return to_vni(text).encode("cp1252", errors="replace")
