"""The standard library's ``date`` and ``timedelta``, for the extractors.

CPython's ``datetime`` module is a Python file that ends by importing the same classes from its
C module ``_datetime``; importing them from there skips about a millisecond of every start. The
classes are the very same objects (``datetime.date is _datetime.date``); where no C module is
there, the ``datetime`` module gives them.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date, timedelta
else:
    try:
        from _datetime import date, timedelta
    except ImportError:  # pragma: no cover (an interpreter without the C module)
        from datetime import date, timedelta

__all__ = ["date", "timedelta"]
