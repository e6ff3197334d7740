"""Duty verbs of task items that gave no task ("2. Sở A nâng cấp …" was warned body-task-unread): the verb ends the
agency's name; "vận hành", also written inside names ("Ban Quản lý vận hành …"), only after a name that is closed."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes


def _leads(item: str) -> list[list[str]]:
    text = (f"Số: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\nI. MỤC ĐÍCH\nBảo đảm tiến độ.\n\nII. NHIỆM VỤ\n"
            f"1. Rà soát các thủ tục hành chính.\n2. {item}\n\nIII. TỔ CHỨC THỰC HIỆN\nCác sở theo chức năng thực hiện.\n")
    plan = extract_bytes(text.encode("utf-8"), "t.txt")
    assert "body-task-unread" not in {w["code"] for w in plan["warnings"]}
    return [t["lead"] for t in plan["tasks"] if t["id"] == "II.2"]


@pytest.mark.parametrize("verb", ["nâng cấp", "vận hành", "bảo đảm", "đảm bảo", "phát động"])
@pytest.mark.parametrize("agency", ["Sở Khoa học và Công nghệ", "Công an tỉnh", "Ủy ban nhân dân các xã, phường"])
def test_a_duty_verb_ends_the_name(verb, agency):
    assert _leads(f"{agency} {verb} hệ thống thông tin dùng chung của tỉnh.") == [[agency]]


@pytest.mark.parametrize("name", ["Ban Quản lý vận hành hồ chứa nước", "Trung tâm Quản lý, vận hành hạ tầng kỹ thuật"])
def test_a_name_with_vanh_hanh_inside_stays_whole(name):
    assert _leads(f"{name} kiểm tra an toàn công trình trước mùa mưa.") == [[name]]
