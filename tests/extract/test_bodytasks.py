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


SHORT = "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 45/KH-UBND\n\nHà Nam, ngày 12 tháng 01 năm 2026\n\nKẾ HOẠCH\n\nKiểm tra cơ sở y tế\n\n"


@pytest.mark.parametrize("body", [
    # a short plan of numbered paragraphs, with no section of tasks or implementation
    "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát cơ sở vật chất, hoàn thành trước ngày 30/6/2026.\n\n"
    "2. Sở Xây dựng chủ trì hoàn thiện hồ sơ dự án trong tháng 3/2026.\n",
    # the work under "NỘI DUNG …" (what is to be done), each item assigned after a colon
    "I. MỤC ĐÍCH\n\nBảo đảm chất lượng.\n\nII. NỘI DUNG KIỂM TRA\n\n1. Kiểm tra cơ sở vật chất: Sở Y tế chủ trì, phối hợp với "
    "Sở Tài chính thực hiện trước ngày 30/6/2026.\n\n2. Kiểm tra hồ sơ dự án: Sở Xây dựng chủ trì thực hiện trong tháng 3/2026.\n",
])
def test_assignments_outside_an_implementation_section(body):
    plan = extract_bytes((SHORT + body).encode("utf-8"), "plan.txt")
    got = [(t["lead"], t["support"], t["deadline"]["end"]) for t in plan["tasks"]]
    assert got == [(["Sở Y tế"], ["Sở Tài chính"], "2026-06-30"), (["Sở Xây dựng"], [], "2026-03-31")]


def test_a_department_lead_is_cut_before_the_duty_written_after_it():
    plan = extract_bytes((SHORT + "I. TỔ CHỨC THỰC HIỆN\n\nSở Y tế tổng hợp kết quả, báo cáo UBND tỉnh.\n").encode("utf-8"), "p.txt")
    assert [t["lead"] for t in plan["tasks"]] == [["Sở Y tế"]]


@pytest.mark.parametrize("time, warned", [
    ("chậm nhất ngày 15/12 trình phương án kinh phí", True),  # a day with no year: no date read
    ("hoàn thành trước ngày 20 tháng 12", True),
    ("hoàn thành trong tháng 5/2026", False),
    ("định kỳ hằng quý báo cáo kết quả", False),
])
def test_a_body_task_deadline_that_reads_no_date_is_warned(time, warned):
    """As a table's deadline cell: a body task's time phrase that gives no date is never left silent."""
    plan = extract_bytes((HEAD + f"**1. Sở Tài chính:**\n\nTham mưu bố trí kinh phí, {time}.\n").encode("utf-8"), "plan.md")
    (task,) = plan["tasks"]
    flagged = [w for w in plan["warnings"] if w["code"] == "deadline-unparsed"]
    assert bool(flagged) is warned and bool(task["deadline"]["end"] or task["deadline"]["recurrence"]) is not warned
    assert all(w["loc"]["line"] == task["loc"]["line"] for w in flagged)


@pytest.mark.parametrize("item, lead, end", [
    ("1. Sở Tài chính chủ trì lập dự toán (thời hạn: tháng 8/2026).", ["Sở Tài chính"], "2026-08-31"),
    ("1. Sở Xây dựng chủ trì rà soát quy hoạch (hoàn thành: Quý III/2026); Sở Tài chính phối hợp.", ["Sở Xây dựng"],
     "2026-09-30"),
])
def test_a_colon_inside_a_bracket_of_a_task_item_is_not_its_heading_colon(item, lead, end):
    """"(thời hạn: …)" opened by the item's sentence: the item was cut at that colon into a heading
    "… (thời hạn" and dropped with no warning."""
    plan = extract_bytes(("Số: 5/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\nII. NHIỆM VỤ\n\n" + item + "\n").encode(), "plan.md")
    assert [(t["lead"], t["deadline"]["end"], t["title"]) for t in plan["tasks"]] == [(lead, end, item[3:])]


@pytest.mark.parametrize("item, line", [
    ("1. Cấp xã: chủ trì thu gom rác thải theo tuyến.\n", 11),  # a lead outside the agency vocabulary
    ("1. Các huyện, thành phố\n\n- Chủ trì rà soát quy hoạch.\n", 13),  # a group named by place, its duty below
    # an item opening with a group of bodies whose duty no verb list knows ("củng cố"; "kiện toàn" is read:
    # tests/extract/test_body_verbs.py): it gave nothing, silently
    ("1. Các bệnh viện, trung tâm y tế khu vực củng cố bộ phận kiểm soát nhiễm khuẩn.\n", 11),
    ("1. Trung tâm Y tế khu vực củng cố bộ phận kiểm soát nhiễm khuẩn.\n", 11),
])
def test_a_task_section_item_headed_by_no_known_agency_is_warned(item, line):
    plan = extract_bytes((HEAD + "**II. NHIỆM VỤ**\n\n" + item).encode("utf-8"), "plan.md")
    unread = [w for w in plan["warnings"] if w["code"] == "body-task-unread"]
    assert plan["tasks"] == [] and len(unread) == 1 and unread[0]["loc"]["line"] == line


FUNDING = "**I. NHIỆM VỤ**\n\n1. Sở Y tế chủ trì rà soát cơ sở vật chất.\n\n**II. KINH PHÍ THỰC HIỆN**\n\n{}\n\n**III. TỔ CHỨC THỰC HIỆN**\n\n"


@pytest.mark.parametrize("body, want", [
    ("Kinh phí được bố trí từ ngân sách nhà nước theo phân cấp.\n\nSở Tài chính tham mưu bố trí kinh phí thực hiện.\n\n"
     "Các sở, ngành chủ động tranh thủ các nguồn vốn từ Trung ương.",
     [(["Sở Tài chính"], "Sở Tài chính tham mưu"), (["Các sở, ngành"], "Các sở, ngành chủ động tranh thủ")]),
    ("- Kinh phí do ngân sách tỉnh bảo đảm.\n\n- Giao Sở Tài chính cân đối, bố trí kinh phí hằng năm.",
     [(["Sở Tài chính"], "Giao Sở Tài chính")]),
    ("1. Nguồn kinh phí\n\nNgân sách tỉnh và các nguồn hợp pháp khác.\n\n2. Trách nhiệm bố trí\n\n"
     "a) Ủy ban nhân dân các xã, phường bố trí kinh phí từ dự toán được giao.\n\n"
     "b) Sở Tài chính chủ trì, phối hợp với Sở Nội vụ thẩm định dự toán.",
     [(["Ủy ban nhân dân các xã, phường"], "Ủy ban nhân dân các xã"), (["Sở Tài chính"], "Sở Tài chính chủ trì")]),
    ("Kinh phí thực hiện được bố trí trong dự toán của các cơ quan, đơn vị.", []),
    # what stands between the agency and its lead's words
    ("Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, chủ trì tổng hợp, trình bố trí kinh phí.",
     [(["Sở Tài chính"], "Sở Tài chính, trên cơ sở")]),
    # a clause before the agency ("Đối với …,"): the agency after it, in lower case, is the subject (no task was read)
    ("Đối với các nhiệm vụ triển khai trong năm 2026, các sở, ngành liên quan chủ động cân đối bố trí kinh phí.",
     [(["Các sở, ngành liên quan"], "Đối với các nhiệm vụ")]),
    # a group named by the work the plan gives it: the lead as written (warned lead-role: test_a_lead_named_by_its_work…)
    ("Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập dự toán, quyết toán.",
     [(["Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này"], "Các cơ quan được phân công")]),
    # an item headed by its agency and a colon; "là cơ quan thường trực, chủ trì"; "định kỳ" before the duty (no task)
    ("Các sở, ngành, Ủy ban nhân dân các xã: Căn cứ nhiệm vụ được giao, xây dựng dự toán kinh phí hằng năm.",
     [(["Các sở, ngành, Ủy ban nhân dân các xã"], "Căn cứ nhiệm vụ")]),
    ("- Sở Tài chính là cơ quan thường trực, chủ trì theo dõi việc sử dụng kinh phí.\n\n"
     "- Các sở, ngành định kỳ kiểm tra, đánh giá việc sử dụng kinh phí.",
     [(["Sở Tài chính"], "Sở Tài chính là cơ quan"), (["Các sở, ngành"], "Các sở, ngành định kỳ")]),
    # several clauses before the agency, one with commas of its own: the first agency after a comma (no task was read)
    ("Hằng năm, căn cứ chức năng, nhiệm vụ được giao, các sở, ngành xây dựng dự toán kinh phí gửi Sở Tài chính.",
     [(["Các sở, ngành"], "Hằng năm, căn cứ")]),
    ("Trên cơ sở đề xuất của các cơ quan, đơn vị, Sở Tài chính tổng hợp, trình Ủy ban nhân dân tỉnh bố trí kinh phí.",
     [(["Sở Tài chính"], "Trên cơ sở đề xuất")]),
    # a clause that is no time nor ground ("nếu có khó khăn, …") opens no subject after it: the plan's closing request
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Tài chính để tổng hợp.",
     []),
    # a clause of basis ending in the groups whose work it names, run on into a group: both lead (warned, below)
    ("Hằng năm, căn cứ nhiệm vụ cụ thể của các sở, ngành, Ủy ban nhân dân các xã xây dựng dự toán kinh phí.",
     [(["Các sở, ngành, Ủy ban nhân dân các xã"], "Hằng năm, căn cứ")]),
    # a list of bodies by their kinds, longer than a name before a duty may be
    ("Các sở, ban, ngành, đoàn thể tỉnh, Ủy ban nhân dân các xã, phường, đặc khu xây dựng dự toán kinh phí hằng năm.",
     [(["Các sở, ban, ngành, đoàn thể tỉnh, Ủy ban nhân dân các xã, phường, đặc khu"], "Các sở, ban, ngành, đoàn thể")]),
])
def test_duties_in_the_funding_part_are_tasks(body, want):
    """An agency's duty in the funding part ("Sở Tài chính tham mưu bố trí …", "Các sở, ngành chủ động tranh thủ …")
    was read as no task and said nothing; what the part says of the money alone is no task."""
    plan = extract_bytes((SHORT + FUNDING.format(body)).encode("utf-8"), "plan.md")
    got = [(t["lead"], t["title"]) for t in plan["tasks"] if t["section"].startswith("II")
           and not t["section"].startswith("III")]
    assert [lead for lead, _ in got] == [lead for lead, _ in want]
    assert all(title.startswith(start) for (_, title), (_, start) in zip(got, want, strict=True))


@pytest.mark.parametrize("body, warned", [
    ("Hằng năm, căn cứ nhiệm vụ cụ thể của các sở, ngành, Ủy ban nhân dân các xã xây dựng dự toán kinh phí.", True),
    ("Trên cơ sở đề xuất của các cơ quan, đơn vị, Sở Tài chính tổng hợp, trình bố trí kinh phí.", False),
    ("Hằng năm, căn cứ nhiệm vụ được giao, các sở, ngành xây dựng dự toán kinh phí.", False),
])
def test_a_clause_of_basis_run_on_into_its_subject_is_warned(body, warned):
    """"căn cứ nhiệm vụ của các sở, ngành, UBND các xã xây dựng …": whose work the clause names, or who acts, is not
    told by a comma; both groups are the lead, and a lead-basis-owners warning with the task's loc says so."""
    plan = extract_bytes((SHORT + FUNDING.format(body)).encode("utf-8"), "plan.md")
    (task,) = [t for t in plan["tasks"] if t["section"] == "II"]
    flagged = [w for w in plan["warnings"] if w["code"] == "lead-basis-owners"]
    assert bool(flagged) is warned and all(w["loc"] == task["loc"] for w in flagged)


def test_duties_in_the_reporting_part_are_tasks():
    """"Chế độ báo cáo": who reports, by when, is a duty like the implementation part's (it was read as no task)."""
    body = ("**I. NHIỆM VỤ**\n\n1. Sở Y tế chủ trì rà soát cơ sở vật chất.\n\n**II. CHẾ ĐỘ BÁO CÁO**\n\n"
            "Các sở, ngành, Ủy ban nhân dân các xã gửi báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 10/12/2026.\n\n"
            "Sở Nội vụ tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12/2026.\n")
    plan = extract_bytes((SHORT + body).encode("utf-8"), "plan.md")
    got = [(t["lead"], t["deadline"]["end"]) for t in plan["tasks"] if t["section"].startswith("II")]
    assert got == [(["Các sở, ngành, Ủy ban nhân dân các xã"], "2026-12-10"), (["Sở Nội vụ"], "2026-12-20")]


@pytest.mark.parametrize("sentence, recurrence, warned", [
    ("Các sở, ngành định kỳ báo cáo kết quả về Sở Nội vụ trước ngày 20/11.", "annual", False),
    ("Các sở, ngành báo cáo kết quả hằng năm về Sở Nội vụ trước ngày 15 tháng 12.", "annual", False),
    ("Các sở, ngành báo cáo kết quả về Sở Nội vụ trước ngày 20/11.", None, True),
])
def test_a_day_with_no_year_in_a_periodic_duty_is_every_year(sentence, recurrence, warned):
    """"Định kỳ … trước ngày 20/11": the day of every year (it was 'not understood'); with nothing saying it comes back,
    a day with no year stays warned (its year taken from the plan's, or not understood)."""
    body = f"**I. CHẾ ĐỘ BÁO CÁO**\n\n{sentence}\n"
    plan = extract_bytes((SHORT + body).encode("utf-8"), "plan.md")
    (task,) = plan["tasks"]
    assert task["deadline"]["recurrence"] == recurrence
    assert any(w["code"] in ("deadline-unparsed", "deadline-year-inferred") for w in plan["warnings"]) is warned


@pytest.mark.parametrize("body, role", [
    ("1. Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập dự toán.\n", True),
    ("1. Các đơn vị được giao nhiệm vụ tại Kế hoạch này triển khai thực hiện.\n", True),
    ("1. Sở Y tế được giao chủ trì tổ chức kiểm tra.\n", False),
    ("1. Các sở, ngành có liên quan tổ chức kiểm tra.\n", False),
])
def test_a_lead_named_by_its_work_is_kept_and_warned(body, role):
    """"Các cơ quan được phân công chủ trì …" gave no task (and "Các đơn vị được giao …" the lead "Các đơn vị"): the
    contract has no lead that is a role, so the lead is kept as written and a lead-role warning says so, in place of
    lead-not-agency; a named agency "được giao chủ trì" is that agency."""
    plan = extract_bytes((HEAD + body).encode("utf-8"), "plan.md")
    (task,) = plan["tasks"]
    codes = [w["code"] for w in plan["warnings"] if w["code"] in ("lead-role", "lead-not-agency")]
    assert codes == (["lead-role"] if role else [])
    assert (task["lead_as_written"][0] in body) and ("được" in task["lead_as_written"][0]) is role


def test_an_aim_under_an_objectives_part_of_a_plan_of_numbered_parts_only_is_no_task():
    """A plan whose parts are all numbered paragraphs is read whole for assignments; its aims name who is to reach them
    ("các cơ quan, đơn vị chủ động xây dựng mục tiêu …") and assign nothing (it was a task, lead 'Các cơ quan, đơn vị')."""
    body = ("Số: 5/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\n1. Mục tiêu\n\n- Trên cơ sở kết quả đánh giá hằng năm, các cơ quan, "
            "đơn vị chủ động xây dựng mục tiêu, nhiệm vụ của đơn vị.\n\n2. Sở Nội vụ chủ trì tổng hợp kết quả, báo cáo "
            "trước ngày 15/12/2026.\n")
    plan = extract_bytes(body.encode("utf-8"), "plan.md")
    assert [(t["section"], t["lead"]) for t in plan["tasks"]] == [("2", ["Sở Nội vụ"])]


REPORTING = ("**I. NHIỆM VỤ**\n\n1. Sở Y tế chủ trì rà soát cơ sở vật chất.\n\n**II. TỔ CHỨC THỰC HIỆN**\n\n"
             "1. Sở Tài chính: bố trí kinh phí thực hiện.\n\n**III. {part}**\n\n{body}\n")
_DUTY = "Căn cứ chức năng, nhiệm vụ được giao, tổ chức triển khai thực hiện; báo cáo kết quả trước ngày 10/12/2026."


@pytest.mark.parametrize("part", ["CHẾ ĐỘ BÁO CÁO", "KINH PHÍ THỰC HIỆN"])
@pytest.mark.parametrize("body, want", [
    # the duty on the line after its heading (a converter joined the two), after a blank line, as a dash item
    (f"1. Các sở, ngành và các cơ quan, đơn vị có liên quan:\n{_DUTY}",
     [(["Các sở, ngành và các cơ quan, đơn vị có liên quan"], "Căn cứ chức năng")]),
    (f"1. Các sở, ngành và các cơ quan, đơn vị có liên quan:\n\n{_DUTY}",
     [(["Các sở, ngành và các cơ quan, đơn vị có liên quan"], "Căn cứ chức năng")]),
    (f"1. Ủy ban nhân dân các xã, phường\n\n- {_DUTY}\n\n- Gửi số liệu về Sở Nội vụ hằng quý.",
     [(["Ủy ban nhân dân các xã, phường"], "Căn cứ chức năng"), (["Ủy ban nhân dân các xã, phường"], "Gửi số liệu")]),
    # lettered points under the agency heading are its duties; a point that names its own agency is that agency's
    (f"1. Sở Nội vụ:\n\na) {_DUTY}\n\nb) Sở Tư pháp phối hợp kiểm tra việc thực hiện trước ngày 15/12/2026.",
     [(["Sở Nội vụ"], "Căn cứ chức năng"), (["Sở Tư pháp"], "Sở Tư pháp phối hợp")]),
    # a heading in capitals
    (f"1. SỞ NỘI VỤ\n\n{_DUTY}", [(["Sở Nội vụ"], "Căn cứ chức năng")]),
    # a heading that names no agency: its paragraphs are read as before (only those that name their own)
    (f"1. Thời gian báo cáo\n\n{_DUTY}\n\nSở Nội vụ tổng hợp, báo cáo trước ngày 20/12/2026.",
     [(["Sở Nội vụ"], "Sở Nội vụ tổng hợp")]),
])
def test_an_agency_headings_duties_after_the_implementation_part_are_tasks(part, body, want):
    """"III. CHẾ ĐỘ BÁO CÁO" / "1. Các sở, ngành …:" with its duty on the next line gave no task and no warning when the
    part came after the implementation part (the heading's agency was found, but only paragraphs naming their own
    agency were read there); the heading's paragraphs, items and points are its duties, as in the implementation part."""
    plan = extract_bytes((SHORT + REPORTING.format(part=part, body=body)).encode("utf-8"), "plan.md")
    got = [(t["lead"], t["title"]) for t in plan["tasks"] if t["section"].startswith("III")]
    assert [lead for lead, _ in got] == [lead for lead, _ in want], got
    assert all(title.startswith(start) for (_, title), (_, start) in zip(got, want, strict=True)), got
