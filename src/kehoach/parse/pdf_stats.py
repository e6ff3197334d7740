"""The median the PDF readers take of word heights, sizes and positions.

It is :func:`statistics.median` (the same value, the same error on no data) without importing the
``statistics`` module, which loads ``fractions``, ``decimal`` and ``numbers`` for it: every process
that reads a PDF would pay that.
"""

from __future__ import annotations

from collections.abc import Iterable


class StatisticsError(ValueError):
    """No median for empty data (as ``statistics.StatisticsError``)."""


def median(data: Iterable[float]) -> float:
    """The middle value of ``data``, or the mean of the two middle values (``statistics.median``)."""
    values = sorted(data)
    n = len(values)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return values[n // 2]
    return (values[n // 2 - 1] + values[n // 2]) / 2
