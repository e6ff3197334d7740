"""One horizon grammar (extract/dates.HORIZON) for the plan's period and the time an appendix
title ends with; its words are read as written ("NAM" of a place is no "NĂM")."""

from __future__ import annotations

import pytest

from kehoach.extract.dates import find_horizon, find_horizons


@pytest.mark.parametrize("title, want", [
    ("DANH MỤC NHIỆM VỤ ĐẾN NĂM 2030", "ĐẾN NĂM 2030"),
    ("Danh mục nhiệm vụ đến hết năm 2030.", "đến hết năm 2030"),
    ("NHIỆM VỤ GIAI ĐOẠN 2026 - 2030", "GIAI ĐOẠN 2026 - 2030"),
    ("CHỈ TIÊU THỜI KỲ 2021-2025", "THỜI KỲ 2021-2025"),
    ("NHIỆM VỤ NĂM 2026 - 2030", "NĂM 2026 - 2030"),
    ("NHIỆM VỤ NĂM 2026", "NĂM 2026"),
    ("KẾ HOẠCH GIÁO DỤC NĂM HỌC 2025 - 2026", "NĂM HỌC 2025 - 2026"),  # a school year: a span
    ("QUY HOACH DEN NAM 2030", "DEN NAM 2030"),                 # typed without tone marks
    ("DANH MỤC NHIỆM VỤ NĂM 2026 CỦA CÁC SỞ", None),            # the time does not end the title
    ("DANH MỤC DỰ ÁN VÙNG PHÍA NAM 2030", None),                # a place, not "năm"
    ("KẾ HOẠCH TỈNH HÀ NAM 2026", None),
    ("NHIỆM VỤ ĐẾN NAM 2030", None),                           # "NAM" of a place after "ĐẾN"
])
def test_find_horizon(title, want):
    assert find_horizon(title) == want


@pytest.mark.parametrize("text, want", [
    ("Giai đoạn 2021-2025, tầm nhìn đến năm 2030", [("span", 2021, 2025), ("until", None, 2030)]),
    ("từ năm 2026 - 2030 và năm 2031", [("span", 2026, 2030), ("year", 2031, 2031)]),
    ("Phát triển vùng Nam 2030 và phía Nam năm 2031", [("year", 2031, 2031)]),
    ("Tư năm 2026 - 2030", [("span", 2026, 2030)]),  # "năm 2026 - 2030" still a span
])
def test_find_horizons(text, want):
    assert [(h.kind, h.first, h.last) for h in find_horizons(text)] == want
