"""Brackets in a labelled value: keep only those it holds whole."""

from __future__ import annotations

from collections.abc import Callable

from .. import rx

_PAIRS = {")": "(", "]": "["}


def balanced(value: str) -> str:
    """A labelled value without the brackets it does not hold whole: the value of a label written inside a
    bracket ends where that bracket closes ("(Thời hạn: Quý III/2026)" gives "Quý III/2026"), and a bracket
    left open is no part of it ("Thời hạn: (Quý II/2026" gives "Quý II/2026").

    >>> balanced("Quý III/2026), kinh phí")
    'Quý III/2026'
    >>> balanced("Sở Văn hóa, Thể thao và Du lịch (Sở VHTTDL)")
    'Sở Văn hóa, Thể thao và Du lịch (Sở VHTTDL)'
    """
    open_at: list[int] = []
    for i, ch in enumerate(value):
        if ch in "([":
            open_at.append(i)
        elif ch in _PAIRS:
            if not open_at or value[open_at[-1]] != _PAIRS[ch]:
                value = value[:i]  # the bracket the label sat in closes here
                break
            open_at.pop()
    for i in reversed(open_at):  # opened and never closed in the value: the bracket alone goes
        value = value[:i] + " " + value[i + 1:]
    value = " ".join(value.split()) if open_at else value
    return value.strip(" ;.,\t-–")



_CLOSING = rx.compile(r"\s\((?P<inside>[^()]*(?:\([^()]*\)[^()]*)*)\)[\s.;]*$")


def closing_bracket(text: str, holds: Callable[[str], object]) -> tuple[str, str] | None:
    """The text (two words or more) before a bracket that closes it, and what the bracket holds (a bracket inside
    it held whole), when ``holds`` reads something in that (not None); None otherwise.

    >>> closing_bracket("Khảo sát nhu cầu (Chủ trì: Phòng X (PC06); thời gian: Quý II/2026).", str)
    ('Khảo sát nhu cầu', 'Chủ trì: Phòng X (PC06); thời gian: Quý II/2026')
    """
    m = _CLOSING.search(text)
    head = text[:m.start()].rstrip(" .;,") if m else ""
    return (head, m["inside"].strip()) if m and len(head.split()) >= 2 and holds(m["inside"].strip()) is not None else None
