"""A PDF line that starts with a spaced dash goes on the sentence above when that line was filled to
the margin and broke inside a sentence; otherwise it is a dash item (parse/pdf.py)."""

from __future__ import annotations

import pytest

from kehoach.parse.pdf import _dash_goes_on


@pytest.mark.parametrize("prev,line,first,goes_on", [
    ("a) Ban hành kế hoạch thực hiện tại địa phương giai đoạn 2025", "- 2035, định hướng đến năm 2045", True, True),
    ("theo dõi sát nguồn thu lớn như: Thuế phát sinh của cụm Khí", "- Điện - Đạm, khu vực kinh tế", False, True),
    ("phối hợp với Sở Lao động", "– Thương binh và Xã hội triển khai", False, True),
    ("Các sở, ngành thực hiện các nhiệm vụ sau:", "- Rà soát văn bản", True, False),
    ("bảo đảm đúng quy định;", "- Tổ chức kiểm tra", False, False),
    ("đạt mục tiêu đề ra (năm 2025)", "- 2026: hoàn thành", False, False),
    ("2. Sở Nội vụ chủ trì thực hiện các nhiệm vụ", "- Rà soát, sắp xếp", True, False),
    ("- Tuyên truyền nội dung Kế hoạch trên các phương tiện", "- Tổ chức hội nghị", True, False),
    ("triển khai trên địa bàn tỉnh", "Tổ chức hội nghị", False, False),
])
def test_a_dash_line_after_a_full_line(prev, line, first, goes_on):
    assert _dash_goes_on(prev, line, first) is goes_on
