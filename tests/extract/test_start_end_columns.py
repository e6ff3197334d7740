"""Time in two columns, "Bắt đầu | Kết thúc": a cell merged across both (an event's days, "Dịp 30/4 và 01/5/2026")
stands in the start column over an empty end; its end was dropped (no end, no warning). A time that is no single
day over an empty end ends where it says; a bare day there is the day work starts, as before."""

from __future__ import annotations

import pytest

from kehoach.extract.table_row import _two_column_deadline

CASES = [
    ("Dịp 30/4 và 01/5/2026", "", None, "2026-05-01"),
    ("Quý II/2026", "", "2026-04-01", "2026-06-30"),
    ("Tháng 6/2026", "", "2026-06-01", "2026-06-30"),
    ("03/2026", "04/2026", "2026-03-01", "2026-04-30"),
    ("01/8/2026", "03/8/2026", "2026-08-01", "2026-08-03"),
    ("15/3/2026", "", "2026-03-15", None),  # a day work starts, no end given
    ("Từ 01/7/2026", "", "2026-07-01", None),
]


@pytest.mark.parametrize("start,end,want_start,want_end", CASES)
def test_start_and_end_columns(start, end, want_start, want_end):
    got = _two_column_deadline(start, end)
    assert (got["start"], got["end"]) == (want_start, want_end)
