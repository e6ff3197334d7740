"""Ranges cut at their dash by a line wrap ("… giai đoạn 2026" / "- 2030", "… bình quân 07" / "- 08%/năm"): the line
after goes on with the range; its dash opens no item."""

from __future__ import annotations

from .. import rx

_YEAR_END = rx.compile(r"(?<!\d)((?:19|20)\d\d)$")
_YEAR_FROM_DASH = rx.compile(r"^[-–]\s*((?:19|20)\d\d)(?!\d)")


def year_range_wrap(prev: str, line: str) -> bool:
    """``line`` goes on with a span of years cut at its dash ("… giai đoạn 2026" / "- 2030, tầm nhìn …"):
    a dash then a later year, after a line ending on a year; not a dash item."""
    first, second = _YEAR_END.search(prev), _YEAR_FROM_DASH.match(line)
    return bool(first and second and int(first.group(1)) < int(second.group(1)))


_FIGURE_END = rx.compile(r"(?:^|\s)(\d{1,3}(?:,\d{1,2})?)$")
_SHARE_FROM_DASH = rx.compile(r"^[-–]\s*(\d{1,3}(?:,\d{1,2})?)\s*%")


def share_range_wrap(prev: str, line: str) -> bool:
    """``line`` goes on with a range of shares cut at its dash ("… tốc độ tăng bình quân 07" / "- 08%/năm. …"): a dash
    then a larger percentage, after a line ending on a figure; not a dash item."""
    first, second = _FIGURE_END.search(prev), _SHARE_FROM_DASH.match(line)
    return bool(first and second and float(first.group(1).replace(",", ".")) < float(second.group(1).replace(",", ".")))
