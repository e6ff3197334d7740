"""Bytes to text: BOMs, UTF-16, UTF-8, and a legacy Windows-1258 fallback."""

from __future__ import annotations

import codecs

from ..errors import ReadError


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
            warnings.append({
                "code": "legacy-encoding",
                "message": "input is not UTF-8; decoded as Windows-1258 (check Vietnamese letters)",
                "loc": None,
            })
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\ufffd") > max(20, len(text) // 50):
        raise ReadError(f"{name}: mostly undecodable bytes; is it really a text file?")
    return text, warnings
