"""Deadlines counted from the plan's own date, in a whole plan: dated from the header's date, kept undated
when the header's date is blank (tests/cases/relative_times.yaml has the phrases)."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

BODY = ("KẾ HOẠCH\n\nThử nghiệm\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Sở Tư pháp chủ trì, xây dựng quy chế trong vòng 30 ngày kể từ ngày ký.\n\n"
        "2. Sở Nội vụ chủ trì, triển khai ngay sau khi Kế hoạch được ban hành.\n\n"
        "3. Sở Y tế chủ trì, báo cáo trong 10 ngày kể từ ngày nhận Kế hoạch.\n")


def _deadlines(head: str) -> list[tuple]:
    plan = extract_bytes((head + BODY).encode("utf-8"), "plan.md")
    return [(t["deadline"]["text"], t["deadline"]["start"], t["deadline"]["end"]) for t in plan["tasks"]]


def test_a_time_counted_from_the_plans_signing_is_dated_from_its_header():
    got = _deadlines("Số: 5/KH-UBND\n\nThái Bình, ngày 14 tháng 01 năm 2026\n\n")
    assert got == [("trong vòng 30 ngày kể từ ngày ký", "2026-01-14", "2026-02-13"),
                   ("ngay sau khi Kế hoạch được ban hành", "2026-01-14", None),
                   ("trong 10 ngày kể từ ngày nhận Kế hoạch", None, None)]


def test_a_blank_issue_date_leaves_the_phrase_undated():
    got = _deadlines("Số:    /KH-UBND\n\nThái Bình, ngày    tháng    năm 2026\n\n")
    assert [d[1:] for d in got] == [(None, None)] * 3
    assert got[0][0] == "trong vòng 30 ngày kể từ ngày ký"


def test_a_time_counted_from_an_event_is_understood_not_warned():
    """Dated from the plan or counted from another event, such a time is read: no deadline-unparsed warning
    (a body task's, a table row's or a labelled block's)."""
    table = ("\n\nII. NHIỆM VỤ\n\n| STT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n"
             "| 1 | Xây dựng quy chế | Sở Tư pháp | Trong vòng 30 ngày kể từ ngày ký |\n"
             "| 2 | Rà soát hồ sơ | Sở Nội vụ | Trong 10 ngày kể từ ngày nhận Kế hoạch |\n")
    for head in ("Số: 5/KH-UBND\n\nThái Bình, ngày 14 tháng 01 năm 2026\n\n", "Số:    /KH-UBND\n\n"):
        plan = extract_bytes((head + BODY + table).encode("utf-8"), "plan.md")
        assert len(plan["tasks"]) == 5
        assert [w for w in plan["warnings"] if w["code"] == "deadline-unparsed"] == []


def _yearless(title: str, date: str = "ngày 14 tháng 01 năm 2026") -> dict:
    body = ("I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp chủ trì, báo cáo chậm nhất ngày 15/12.\n\n"
            "2. Sở Nội vụ chủ trì, tổ chức hội nghị trong tháng 9.\n\n"
            "3. Sở Y tế chủ trì, báo cáo trước ngày 15/12 hằng năm.\n\n"
            "4. Sở Xây dựng chủ trì, hoàn thành trước ngày 10/01.\n\n"
            "5. Sở Công Thương chủ trì, tổ chức hội chợ trong Quý V.\n")
    head = f"Số: 5/KH-UBND\n\nThái Bình, {date}\n\nKẾ HOẠCH\n\n{title}\n\n"
    return extract_bytes((head + body).encode("utf-8"), "plan.md")


def test_a_day_or_month_with_no_year_is_read_in_a_one_year_plans_year():
    """In the plan's one year, after its issue (10/01 falls before a plan issued 14/01: left undated, warned);
    never a recurring time, nor figures that name no time ("Quý V": the year alone would be read); one warning."""
    plan = _yearless("Cải cách hành chính năm 2026")
    got = [(t["deadline"]["start"], t["deadline"]["end"], t["deadline"]["recurrence"]) for t in plan["tasks"]]
    assert got == [(None, "2026-12-15", None), ("2026-09-01", "2026-09-30", None), (None, None, "annual"),
                   (None, None, None), (None, None, None)]
    codes = [w["code"] for w in plan["warnings"]]
    assert codes.count("deadline-year-inferred") == 1 and codes.count("deadline-unparsed") == 2
    assert "2 task deadline(s)" in next(w["message"] for w in plan["warnings"] if w["code"] == "deadline-year-inferred")


def test_a_day_with_no_year_in_a_plan_of_several_years_stays_undated():
    plan = _yearless("Cải cách hành chính giai đoạn 2026-2030")
    assert [t["deadline"]["end"] for t in plan["tasks"]] == [None] * 5
    assert "deadline-year-inferred" not in [w["code"] for w in plan["warnings"]]


@pytest.mark.parametrize("time, start, end", [
    ("tổ chức Tháng hành động (từ ngày 15/11 đến ngày 15/12)", "2026-11-15", "2026-12-15"),
    ("tổ chức hội chợ từ tháng 4 đến tháng 5", "2026-04-01", "2026-05-31"),
    ("tổ chức đợt cao điểm từ ngày 01/6 - ngày 30/6", "2026-06-01", "2026-06-30"),
    # a range that runs into another year: which years is not said, it stays undated and warned
    ("tổ chức đợt cao điểm từ ngày 15/12 đến ngày 15/01", None, None),
])
def test_a_range_of_days_or_months_with_no_year_is_read_in_a_one_year_plans_year(time, start, end):
    """"(từ ngày 15/11 đến ngày 15/12)" gave no deadline and no warning: a range with no year is read as a single
    day is, in the plan's one year, when its end falls after the plan's issue and after its start."""
    head = "Số: 5/KH-UBND\n\nThái Bình, ngày 14 tháng 01 năm 2026\n\nKẾ HOẠCH\n\nCải cách hành chính năm 2026\n\n"
    plan = extract_bytes((head + f"I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ chủ trì, {time}.\n").encode("utf-8"), "plan.md")
    (task,) = plan["tasks"]
    assert (task["deadline"]["start"], task["deadline"]["end"]) == (start, end)
    codes = [w["code"] for w in plan["warnings"]]
    assert codes.count("deadline-year-inferred") == (1 if end else 0) and codes.count("deadline-unparsed") == (0 if end else 1)


def _by_year_groups(groups: tuple[str, str], times: tuple[str, str]) -> list:
    head = ("Số: 5/KH-UBND\n\nGia Lai, ngày 13 tháng 4 năm 2026\n\nKẾ HOẠCH\n\nPhát triển du lịch giai đoạn 2026 - 2027\n\n"
            "I. NHIỆM VỤ\n\n| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|---|---|---|\n")
    rows = (f"| A | {groups[0]} | | | |\n| 1 | Khảo sát các điểm du lịch | Sở Du lịch | Sở Tài chính | {times[0]} |\n"
            f"| B | {groups[1]} | | | |\n| 2 | Tổ chức tuần lễ du lịch | Sở Du lịch | Sở Công Thương | {times[1]} |\n")
    plan = extract_bytes((head + rows).encode("utf-8"), "plan.md")
    codes = [w["code"] for w in plan["warnings"]]
    return [[t["deadline"]["end"] for t in plan["tasks"]], codes.count("deadline-year-inferred"), codes.count("deadline-unparsed")]


def test_a_time_with_no_year_under_a_group_row_naming_one_year_is_read_in_that_year():
    """A two-year plan's table grouped by year ("A | NĂM 2026", "B | Nhiệm vụ năm 2027"): "Quý II", "Tháng 9", "Trước
    30/11" under it fall in its year (they were left undated, warned), warned as inferred; a group naming a span of
    years or a dated document dates nothing; a time before the plan's issue stays undated."""
    for groups in (("NĂM 2026", "NĂM 2027"), ("Năm 2026", "Năm 2027"), ("Nhiệm vụ năm 2026", "Nhiệm vụ năm 2027:"),
                   ("CÁC NHIỆM VỤ TRONG NĂM 2026", "CÁC NHIỆM VỤ TRONG NĂM 2027")):
        for times, want in ((("Quý II", "Tháng 9"), ["2026-06-30", "2027-09-30"]),
                            (("Trước 30/11", "Quý IV"), ["2026-11-30", "2027-12-31"]),
                            (("Tháng 6", "Trước ngày 15/3"), ["2026-06-30", "2027-03-15"])):
            assert _by_year_groups(groups, times) == [want, 1, 0], (groups, times)
    assert _by_year_groups(("NĂM 2026", "NĂM 2027"), ("Quý I", "Quý I")) == [[None, "2027-03-31"], 1, 1]
    for groups in (("Năm 2026 - 2027", "Năm 2028 - 2030"), ("Thực hiện Kết luận số 12-KL/TW năm 2025", "Nhiệm vụ khác")):
        assert _by_year_groups(groups, ("Quý II", "Tháng 9")) == [[None, None], 0, 2], groups
