"""Indicator tables whose header cells span columns: the header row is shorter than the rows of figures."""

from __future__ import annotations

import pytest

from kehoach.extract.indicators import table_to_indicator_targets
from kehoach.parse.text import read_text


def _targets(text: str, plan_year: int | None = None) -> list[tuple]:
    (table,) = [b for b in read_text(text) if b.kind == "table"]
    return [(t["indicator"], t["value"], t["unit"], t["year"], bool(t.get("doubt")))
            for t in table_to_indicator_targets(table, plan_year)]


CASES = [
    # "Năm hiện hành" spans "Kế hoạch | Ước thực hiện": the year columns sit one cell further right
    ("STT\tChỉ tiêu\tĐơn vị tính\tNăm hiện hành 2025\tNăm 2026\tNăm 2027\n"
     "\t\t\tKế hoạch\tƯớc thực hiện\n"
     "1\t2\t3\t4\t5\t6\t7\n"
     "1\tTổng sản phẩm\tTỷ đồng\t100\t110\t120\t130\n"
     "2\t- Dịch vụ\t%\t30\t31\t32\t33\n", 2026,
     [("Tổng sản phẩm", 120.0, "tỷ đồng", 2026, False), ("Tổng sản phẩm", 130.0, "tỷ đồng", 2027, False),
      ("Dịch vụ", 32.0, "%", 2026, False), ("Dịch vụ", 33.0, "%", 2027, False)]),
    # a comparison column between the years is a ratio, not a target; the column-number row is no row of figures
    ("STT\tNội dung\tThực hiện năm 2025\tDự kiến năm 2026\tSo sánh năm 2026 với năm 2025\tDự kiến năm 2027\n"
     "\t\tDự toán\tƯớc thực hiện\n"
     "A\tB\t1\t2\t3\t4=3/2\t5\n"
     "I\tThu nội địa\t900\t950\t1.000\t105,3\t1.100\n", None,
     [("Thu nội địa", 1000.0, None, 2026, False), ("Thu nội địa", 1100.0, None, 2027, False)]),
    # "Giai đoạn 2026 - 2028" over one column a year: the years of the row under it, counted from the right
    ("TT\tChỉ tiêu\tĐVT\tƯớc thực hiện năm 2025\tGiai đoạn 2026 - 2028\n"
     "Năm 2026\tNăm 2027\tNăm 2028\n"
     "1\tDiện tích chè\tha\t500\t510\t520\t530\n", 2026,
     [("Diện tích chè", 510.0, "ha", 2026, False), ("Diện tích chè", 520.0, "ha", 2027, False),
      ("Diện tích chè", 530.0, "ha", 2028, False)]),
    # the years only in the row under the header, after baseline columns: they end the rows of figures
    ("STT\tNội dung\tNăm hiện hành 2025\tDự kiến 02 năm kế hoạch\n"
     "Dự toán\tƯớc thực hiện\tNăm 2026\tNăm 2027\n"
     "I\tThu nội địa\t900\t950\t1.000\t1.100\n", 2026,
     [("Thu nội địa", 1000.0, None, 2026, False), ("Thu nội địa", 1100.0, None, 2027, False)]),
    # nothing says which header cell spans: counted from the right, with a doubt
    ("STT\tChỉ tiêu\tNăm 2026\tNăm 2027\n"
     "1\tSố xã\t10\t12\t14\n", None,
     [("Số xã", 12.0, None, 2026, True), ("Số xã", 14.0, None, 2027, True)]),
]


@pytest.mark.parametrize("text,plan_year,expected", CASES)
def test_year_columns_after_a_spanning_header_cell(text, plan_year, expected):
    assert _targets(text, plan_year) == expected
