"""A share aimed at in a plan's purpose or requirements, with no goal word before it ("Tổ chức Ngày hội thiết thực;
100% khu dân cư tổ chức Ngày hội"), is a target: outside the objectives a goal word was asked for and the share was
lost (no target, no warning). Figures that count nothing there stay no targets."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

PLAN = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ

Số: 21/KH-UBND

An Phú, ngày 5 tháng 3 năm 2026

KẾ HOẠCH

Tổ chức Ngày hội năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Phát huy truyền thống đoàn kết trong Nhân dân.

2. {sentence}

II. TỔ CHỨC THỰC HIỆN

Sở Văn hóa theo dõi, tổng hợp.
"""


@pytest.mark.parametrize("sentence,indicators", [
    ("Tổ chức Ngày hội thiết thực, tiết kiệm; 100% khu dân cư trên địa bàn tỉnh tổ chức Ngày hội.",
     ["khu dân cư trên địa bàn tỉnh tổ chức Ngày hội"]),
    ("95% hộ gia đình được phổ biến nội dung Kế hoạch.", ["hộ gia đình được phổ biến nội dung Kế hoạch"]),
    ("Thực hiện theo Nghị quyết số 12/NQ-HĐND, bảo đảm tiết kiệm.", []),
    ("Tổ chức từ ngày 01/11 đến ngày 18/11/2026 tại 5 điểm.", []),
])
def test_a_share_in_the_purpose_is_a_target(sentence, indicators):
    plan = extract_bytes(PLAN.format(sentence=sentence).encode(), "plan.txt")
    assert [t["indicator"] for t in plan["targets"]] == indicators
