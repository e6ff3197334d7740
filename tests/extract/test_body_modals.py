"""A modal before the verb ("Sở A cần tăng cường …", "UBND cấp xã phải rà soát …") ends the agency's name: the lead
ran on into the sentence ("Ủy ban nhân dân cấp xã phải") or no task was read (warned body-task-unread)."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

_HEAD = "Số: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\nI. MỤC ĐÍCH\nBảo đảm tiến độ.\n\n"


def _plan(body: str) -> dict:
    return extract_bytes((_HEAD + body).encode("utf-8"), "t.txt")


def _as_task_item(sentence: str) -> str:
    return (f"II. NHIỆM VỤ\n1. Rà soát các thủ tục hành chính.\n2. {sentence}\n\n"
            "III. TỔ CHỨC THỰC HIỆN\nCác sở theo chức năng thực hiện.\n")


def _as_org_item(sentence: str) -> str:
    return f"II. NHIỆM VỤ\n1. Rà soát các thủ tục hành chính.\n\nIII. TỔ CHỨC THỰC HIỆN\n1. {sentence}\n"


def _as_org_dash(sentence: str) -> str:
    return f"II. NHIỆM VỤ\n1. Rà soát các thủ tục hành chính.\n\nIII. TỔ CHỨC THỰC HIỆN\n- {sentence}\n"


AGENCIES = ["Sở Y tế", "Ủy ban nhân dân cấp xã", "Các sở, ban, ngành", "Ban Quản lý các khu công nghiệp",
            "Trung tâm Kiểm soát bệnh tật tỉnh"]
PREDICATES = ["cần tăng cường kiểm tra an toàn thực phẩm.", "phải rà soát, cập nhật danh sách hộ nghèo.",
              "cần phải thường xuyên kiểm tra việc thực hiện.", "cần chủ động bố trí kinh phí thực hiện.",
              "phải quản lý chặt chẽ trật tự xây dựng."]


@pytest.mark.parametrize("form", [_as_task_item, _as_org_item, _as_org_dash])
@pytest.mark.parametrize("agency", AGENCIES)
@pytest.mark.parametrize("predicate", PREDICATES)
def test_a_modal_ends_the_name(form, agency, predicate):
    plan = _plan(form(f"{agency} {predicate}"))
    leads = [t["lead"] for t in plan["tasks"] if t["section"] in ("II.2", "III.1", "III")]
    assert [agency] in leads, (leads, [w["message"] for w in plan["warnings"]])
    assert "body-task-unread" not in {w["code"] for w in plan["warnings"]}


def test_the_abbreviation_is_expanded_and_the_modal_left_out():
    plan = _plan(_as_org_item("UBND cấp xã phải rà soát hộ nghèo."))
    assert [t["lead"] for t in plan["tasks"]] == [["Ủy ban nhân dân cấp xã"]]
