"""The unit a line over an indicator table gives all its figures ("Đơn vị: Triệu đồng."), when no column gives one:
a budget table's amounts came out with no unit, silently; a row of a rate keeps its own ("(%)") or none."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

PLAN = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 45/KH-UBND\n\nHà Nam, ngày 12 tháng 01 năm 2026\n\nKẾ HOẠCH\n\n"
        "Tài chính ngân sách 03 năm 2026 - 2028\n\nI. MỤC TIÊU\n\nBảo đảm thu chi.\n\n{note}"
        "STT\tNội dung\tNăm 2026\tNăm 2027\n1\tTổng thu ngân sách\t12.500\t13.000\n"
        "2\tTỷ lệ nợ so với mức vay tối đa (%)\t12,5\t11\n3\tTốc độ tăng thu\t8\t9\n")


@pytest.mark.parametrize("note, units", [
    ("Đơn vị: Triệu đồng.\n\n", ["triệu đồng", "%", None]),
    ("(Đơn vị tính: tỷ đồng)\n\n", ["tỷ đồng", "%", None]),
    ("", [None, None, None]),  # no line gives it: none (not guessed)
    ("Đơn vị: Sở Tài chính.\n\n", [None, None, None]),  # a label that names no unit
])
def test_a_unit_line_over_an_indicator_table_is_its_figures_unit(note, units):
    plan = extract_bytes(PLAN.format(note=note).encode("utf-8"), "plan.txt")
    got = {t["indicator"]: t["unit"] for t in plan["targets"] if t["year"] == 2026}
    assert list(got.values()) == units, got
