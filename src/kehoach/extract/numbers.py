"""Vietnamese numerals: a dot groups thousands, a comma marks decimals."""

from __future__ import annotations

from .. import rx

NUMBER = rx.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}(?!\d)")
"""A number as written: "3.604,09", "9,5", "04", "1.000", "2.5" (a stray decimal point)."""

_MULTIPLIERS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}


def text_to_number(text: str) -> float | None:
    """Read one Vietnamese number.

    >>> text_to_number("3.604,09")
    3604.09
    >>> text_to_number("9,5")
    9.5
    >>> text_to_number("04")
    4.0
    >>> text_to_number("1.000")
    1000.0
    """
    s = text.strip().replace(" ", "")
    if not s:
        return None
    if rx.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif rx.fullmatch(r"\d+,\d+", s):
        s = s.replace(",", ".")
    elif not rx.fullmatch(r"\d+(?:\.\d+)?", s):
        return None
    try:
        return float(s)
    except ValueError:
        return None
