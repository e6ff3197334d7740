"""Body tasks from the implementation section: the case table tests/cases/body_tasks.yaml."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach import extract_bytes

from ..conftest import load_cases

HEAD = "Số: 5/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\n**I. TỔ CHỨC THỰC HIỆN**\n\n"


@pytest.mark.parametrize("case", load_cases("body_tasks.yaml"), ids=lambda c: c["name"][:50])
def test_body_tasks(case):
    plan = extract_bytes((HEAD + case["in"]).encode("utf-8"), "plan.md")
    got = [[t["lead"], t["support"], t["deadline"]["end"], t["title"]] for t in plan["tasks"]]
    want = case["tasks"]
    assert len(got) == len(want), [g[3][:40] for g in got]
    for g, w in zip(got, want, strict=True):
        end = w[2].isoformat() if isinstance(w[2], dt.date) else w[2]
        assert g[:3] == [w[0], w[1], end]
        assert g[3].startswith(w[3])
    assert all(t["source"] == "body" for t in plan["tasks"])


def test_task_section_item_naming_a_lead_it_cannot_read_is_warned():
    body = ("**II. NHIỆM VỤ CỤ THỂ**\n\n1. Củng cố hệ thống thu gom rác thải\n\n"
            "Cấp xã chủ trì, tổ chức thu gom theo tuyến.\n\n"
            "2. Tuyên truyền phân loại rác tại nguồn\n\nVận động người dân phân loại rác.\n")
    plan = extract_bytes((HEAD + body).encode("utf-8"), "plan.md")
    assert [t["section"] for t in plan["tasks"]] == []
    unread = [w for w in plan["warnings"] if w["code"] == "body-task-unread"]
    assert len(unread) == 1 and "II.1" in unread[0]["message"] and unread[0]["loc"]["line"] == 13


def test_body_task_lead_that_is_no_name_is_warned():
    """Every task's lead is checked in one place, body tasks as table rows: a lead cut after a
    connector ("Sở Tài chính và các") gets lead-not-agency with the task's loc."""
    plan = extract_bytes((HEAD + "1. Sở Tài chính và các: chủ trì xây dựng dự toán năm 2025.\n").encode("utf-8"), "plan.md")
    flagged = [w for w in plan["warnings"] if w["code"] == "lead-not-agency"]
    assert [t["lead_as_written"] for t in plan["tasks"]] == [["Sở Tài chính và các"]]
    assert flagged and flagged[0]["loc"] == plan["tasks"][0]["loc"]
