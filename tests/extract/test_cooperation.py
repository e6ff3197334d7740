"""Who leads when a body sentence gives its agency only "phối hợp" (cooperate): the agency, unless the sentence
names another lead ("Sở A phối hợp với Sở B (cơ quan chủ trì) …": Sở A was read as the lead and Sở B as its
partner); a later clause's agency that only cooperates is a partner ("Sở A chủ trì …; Sở B phối hợp thực hiện.":
Sở B was lost); a task item opening "Sở A phối hợp với Sở B …" gave no task (warned body-task-unread); where the
words leave it open, a ``lead-cooperates`` warning."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

_HEAD = "Số: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\nI. MỤC ĐÍCH\nBảo đảm tiến độ.\n\n"
_TASKS = "II. NHIỆM VỤ\n1. Rà soát các thủ tục hành chính.\n"
_ORG = "\nIII. TỔ CHỨC THỰC HIỆN\n"


def _forms(sentence: str) -> list[str]:
    """The sentence as an implementation item, a dash item, a task item and a task item's paragraph."""
    return [f"{_TASKS}{_ORG}1. {sentence}\n", f"{_TASKS}{_ORG}- {sentence}\n",
            f"{_TASKS}2. {sentence}\n{_ORG}Các sở theo chức năng thực hiện.\n",
            f"{_TASKS}2. Kiểm tra việc thực hiện.\n{sentence}\n{_ORG}Các sở theo chức năng thực hiện.\n"]


def _read(body: str) -> tuple[list[tuple[list[str], list[str]]], set[str]]:
    plan = extract_bytes((_HEAD + body).encode("utf-8"), "t.txt")
    found = [(t["lead"], t["support"]) for t in plan["tasks"]
             if t["section"] in ("II.2", "III.1", "III") and not t["title"].startswith("Các sở theo")]
    return found, {w["code"] for w in plan["warnings"]}


PAIRS = [("Sở Tài chính", "Sở Y tế"), ("Công an tỉnh", "Sở Công Thương"),
         ("Ủy ban nhân dân các huyện", "Sở Nông nghiệp và Môi trường")]
WORK = "tổ chức kiểm tra liên ngành"


@pytest.mark.parametrize("form", range(4))
@pytest.mark.parametrize(("a", "b"), PAIRS)
@pytest.mark.parametrize("wording", [
    "{a} phối hợp với {b} (cơ quan chủ trì) {work}.",
    "{a} phối hợp với {b} là cơ quan chủ trì {work}.",
    "{a} phối hợp với {b} trong việc {work} do {b} chủ trì.",
])
def test_a_partner_named_the_lead_leads(form, a, b, wording):
    found, codes = _read(_forms(wording.format(a=a, b=b, work=WORK))[form])
    assert found == [([b], [a])], found
    assert not codes & {"lead-cooperates", "body-task-unread"}


@pytest.mark.parametrize("form", range(4))
@pytest.mark.parametrize(("a", "b"), PAIRS)
@pytest.mark.parametrize("wording", ["{a} phối hợp với {b} {work}.", "{a} phối hợp chặt chẽ với {b} {work}."])
def test_with_no_other_lead_the_agency_leads(form, a, b, wording):
    found, codes = _read(_forms(wording.format(a=a, b=b, work=WORK))[form])
    assert found == [([a], [b])], found
    assert not codes & {"lead-cooperates", "body-task-unread"}


@pytest.mark.parametrize("form", [0, 1])
@pytest.mark.parametrize(("a", "b"), PAIRS)
@pytest.mark.parametrize("then", ["phối hợp thực hiện.", "phối hợp."])
def test_a_later_clause_that_cooperates_names_a_partner(form, a, b, then):
    found, _codes = _read(_forms(f"{b} chủ trì {WORK}; {a} {then}")[form])
    assert found == [([b], [a])], found


@pytest.mark.parametrize("form", [0, 1])
@pytest.mark.parametrize(("a", "b"), PAIRS)
@pytest.mark.parametrize(("wording", "lead", "support"), [
    ("{a} phối hợp với {b} chủ trì {work}.", "a", "b"),  # together, or in support of b?
    ("{a} phối hợp thực hiện.", "a", None),  # no partner, no lead
])
def test_unsure_is_warned(form, a, b, wording, lead, support):
    found, codes = _read(_forms(wording.format(a=a, b=b, work=WORK))[form])
    names = {"a": a, "b": b}
    assert found == [([names[lead]], [names[support]] if support else [])], found
    assert "lead-cooperates" in codes


@pytest.mark.parametrize(("a", "b"), PAIRS)
@pytest.mark.parametrize("then", ["phối hợp.", "phối hợp thực hiện.", "phối hợp bố trí kinh phí."])
@pytest.mark.parametrize("lead_words", ["chủ trì thực hiện.", "chủ trì thực hiện, hoàn thành trong Quý III/2026."])
def test_a_partners_paragraph_under_a_task_item(a, b, then, lead_words):
    """A task item whose lead and partners are given in paragraphs of their own ("1. Xây dựng …" / "Sở A chủ trì
    thực hiện." / "Sở B phối hợp."): the partner was lost."""
    found, _codes = _read(f"{_TASKS}2. Xây dựng cơ sở dữ liệu ngành.\n{b} {lead_words}\n{a} {then}\n{_ORG}"
                          "Các sở theo chức năng thực hiện.\n")
    assert found == [([b], [a])], found
