"""Generated body sentences, agency × duty verb: "1. Ban Thi đua - Khen thưởng tổng kết phong trào." gives one task
led by the whole name, and "Sở A chủ trì, phối hợp với B kiểm tra …" gives B whole as support, for names of every
kind of body and the verbs administrative plans assign work with."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes

from .test_agency_variations import NAMES

HEAD = "Số: 5/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\n**I. TỔ CHỨC THỰC HIỆN**\n\n"
VERBS = ["tổng kết", "sơ kết", "đánh giá", "thẩm định", "kiểm tra", "giám sát", "tổng hợp", "hướng dẫn", "rà soát",
         "đề xuất", "tham mưu", "triển khai", "thực hiện", "tổ chức", "theo dõi", "đôn đốc", "xây dựng", "ban hành",
         "phê duyệt", "cập nhật", "chỉ đạo", "bố trí", "tuyên truyền", "vận động", "báo cáo", "kiện toàn", "hoàn thiện",
         "chuẩn bị", "giải quyết", "duy trì", "nâng cao", "đẩy mạnh", "tập huấn", "bồi dưỡng", "phổ biến", "biên soạn",
         "lựa chọn", "nghiên cứu", "thông báo", "công bố", "thành lập", "phân bổ"]
"""Duty verbs none of which is written in lower case inside a body's name (unlike "quản lý", "đầu tư", "cấp",
"trình", "thanh tra", "khen thưởng": "Ban quản lý …", "công trình", "Hội đồng thi đua khen thưởng")."""
OBJECTS = ["công tác năm 2026.", "kết quả thực hiện kế hoạch, báo cáo trước ngày 15/12/2026.",
           "các nội dung được giao; tổng hợp, báo cáo Ủy ban nhân dân tỉnh."]
WHOLE = [n for n in NAMES if "(" not in n] + ["Tỉnh đoàn", "Huyện đoàn", "Ban Quản lý dự án xây dựng huyện"]
"""Names a sentence starts with (a bracket after a name is a cell's way, not a sentence's)."""


def _rows(seed: int) -> list[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    return [(verb, name, rng.choice(WHOLE), rng.choice(OBJECTS)) for verb in VERBS for name in rng.sample(WHOLE, 3)]


def _plan(body: str) -> dict:
    return extract_bytes((HEAD + body + "\n").encode("utf-8"), "plan.md")


@pytest.mark.parametrize(("verb", "name", "other", "obj"), _rows(10), ids=lambda v: v[:20])
def test_an_agency_then_its_duty_verb_is_a_task_led_by_the_whole_name(verb, name, other, obj):
    plan = _plan(f"1. {name} {verb} {obj}")
    assert [t["lead_as_written"] for t in plan["tasks"]] == [[name]]
    if other == name:
        return
    plan = _plan(f"1. Sở Nội vụ chủ trì, phối hợp với {other} {verb} {obj}")
    assert [(t["lead_as_written"], t["support_as_written"]) for t in plan["tasks"]] == [(["Sở Nội vụ"], [other])]
