"""Text from documents and plan files, made safe for where it is shown.

A title or an agency name is data, never structure: in a one-line format (a Markdown list item,
a table row, a Mermaid statement, a message on the terminal) a line break or a control character
in it must not start a new item, row or statement, nor drive the terminal.
"""

from __future__ import annotations

from . import rx  # compiled when first used, and kept between runs

_BREAKS = rx.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_BIDI = rx.compile(r"[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional embeddings, overrides and isolates: one in a title would turn around how the rest
of its line reads (the deadline beside it in a table row, the words of a message)."""
_UNSAFE = rx.compile(f"{_BREAKS.pattern}|{_BIDI.pattern}+")
_SHEET_ILLEGAL = rx.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def one_line(text: str) -> str:
    """``text`` with every line break and control character turned into one space, and no
    bidirectional override or isolate (invisible, they only reorder what follows)."""
    if not _UNSAFE.search(text):
        return text
    return _BREAKS.sub(" ", _BIDI.sub("", text))


def for_sheet(text: str) -> str:
    """``text`` without the control characters spreadsheet XML cannot hold."""
    return _SHEET_ILLEGAL.sub("", text)


def shown(name: str) -> str:
    """A file name (or any text) for a one-line message: control characters and bidirectional
    overrides written as escapes ("a\\nb", "\\x1b[31m", "\\u202e"), so a name cannot forge a
    line, colour the terminal or turn the message around."""
    if not _UNSAFE.search(name):
        return name
    return _UNSAFE.sub(lambda m: "".join(repr(c)[1:-1] if c < "\u2028" else f"\\u{ord(c):04x}"
                                         for c in m.group(0)), name)
