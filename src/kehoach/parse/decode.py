"""Bytes to text: BOMs, UTF-16, UTF-8, and a legacy Windows-1258 fallback."""

from __future__ import annotations

import codecs

from .. import rx as regex
from ..diagnostics import warning
from ..errors import ReadError

# Characters that 8-bit Vietnamese fonts leave when read as Windows-125x (TCVN3 "Kõ ho¹ch").
_TCVN3_MARKS = set("¸¹µ¶·ÒÓÔÕÖ×ØÞßãäåæçèéêëìíîïñòóôõö÷øùúûüýþ¬®¯°±²³´½¾¼")
_VNI_PAIR = regex.compile(r"[aeiouyAEIOUY][áàåãäâéèëêùøûõïòóôöúìíÁÀÅÃÄÂÉÈËÊÙØÛÕÏÒÓÔÖÚÌÍ]")
_CP1258_TONE = regex.compile(r"[aăâeêioôơuưyAĂÂEÊIOÔƠUƯY][\u0300\u0301\u0303\u0309\u0323]")
_VIET = regex.compile(r"[ăđơưĂĐƠƯ\u0300-\u0323\u1ea0-\u1ef9]")


def legacy_vietnamese(text: str) -> str | None:
    """"TCVN3 (ABC)" or "VNI" when the text reads like those 8-bit encodings, else None."""
    sample = text[:20000]
    letters = sum(1 for c in sample if c.isalpha())
    if letters < 40 or len(_VIET.findall(sample)) > letters * 0.02:
        return None
    if len(_VNI_PAIR.findall(sample)) > letters * 0.08:
        return "VNI"
    if sum(1 for c in sample if c in _TCVN3_MARKS) > letters * 0.04:
        return "TCVN3 (ABC)"
    return None


def bytes_to_text(data: bytes, name: str) -> tuple[str, list[dict]]:
    """Decode ``data``; return the text (``\\r`` removed) and any warnings.

    Handles UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and falls back to Windows-1258
    (with a warning) when the bytes are not UTF-8. Binary data is refused.
    """
    warnings: list[dict] = []
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise ReadError(f"{name}: not valid UTF-16 text ({e.reason}); re-save it as UTF-8") from e
    else:
        if b"\x00" in data[:4096]:
            raise ReadError(f"{name}: binary data, not text; give a .txt/.md/.html file (or a supported document)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1258", errors="replace")
            letters = sum(1 for c in text[:20000] if c.isalpha()) or 1
            genuine = len(_CP1258_TONE.findall(text[:20000])) > letters * 0.02  # vowels with tone bytes
            legacy = None if genuine else legacy_vietnamese(data.decode("cp1252", errors="replace"))
            if legacy:
                raise ReadError(
                    f"{name}: the text is in the legacy 8-bit {legacy} encoding; convert it to Unicode first "
                    "(e.g. Unikey's converter, or save it again as UTF-8 from Word)"
                ) from None
            warnings.append(warning("legacy-encoding", "input is not UTF-8; decoded as Windows-1258 (check Vietnamese letters)", None))
        else:
            legacy = legacy_vietnamese(text)
            if legacy:
                warnings.append(warning("legacy-encoding", f"the text looks like {legacy} shown as Unicode (e.g. \"Kõ ho¹ch\"); "
                               "convert it to Unicode and extract again", None))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\ufffd") > max(20, len(text) // 50):
        raise ReadError(f"{name}: mostly undecodable bytes; is it really a text file?")
    return text, warnings
