"""document.period: the span a plan covers, read once at extraction (case table in the test)."""

from __future__ import annotations

import pytest

from kehoach.extract.period import plan_period, plan_to_period


def _task(start, end):
    return {"deadline": {"start": start, "end": end}}


OBJECTIVES = [{"role": "objectives", "title": "Mục tiêu", "text": ["Giai đoạn 2026 - 2030, phấn đấu …"], "items": [],
               "children": []}]

def _objective(text):
    return {"role": "objectives", "title": "Mục tiêu", "text": [text], "items": [], "children": []}


CASES = [
    ({"title": "Phát triển kinh tế số giai đoạn 2021-2025", "date": "2021-03-02"}, [], [], ("2021-01-01", "2025-12-31", "title")),
    ({"title": "Cải cách hành chính năm 2023", "date": "2023-01-10"}, [], [], ("2023-01-01", "2023-12-31", "title")),
    ({"title": "Đổi mới công nghệ đến năm 2035", "date": "2025-06-01"}, [], [], ("2025-01-01", "2035-12-31", "title")),
    ({"title": "Chuyển đổi số", "date": "2025-06-01"}, OBJECTIVES, [], ("2026-01-01", "2030-12-31", "objectives")),
    ({"title": "Chuyển đổi số", "date": "2025-06-01"}, [], [], ("2025-01-01", "2025-12-31", "issue year")),
    ({"title": None, "date": None}, [], [_task(None, "2026-06-30"), _task("2027-01-01", None)],
     ("2026-01-01", "2027-12-31", "tasks")),
    ({"title": None, "date": None}, [], [], None),
    # the grammar of dates.HORIZON: "thời kỳ", "từ năm … - …", "đến hết năm"; a place "Nam" is no year
    ({"title": "Phát triển công nghiệp thời kỳ 2021-2030", "date": "2021-03-02"}, [], [], ("2021-01-01", "2030-12-31", "title")),
    ({"title": "Phát triển du lịch đến hết năm 2030", "date": "2025-06-01"}, [], [], ("2025-01-01", "2030-12-31", "title")),
    ({"title": "Kế hoạch giáo dục năm học 2025-2026", "date": "2025-08-20"}, [], [], ("2025-01-01", "2026-12-31", "title")),
    ({"title": "Phát triển vùng kinh tế phía Nam 2026", "date": "2024-06-01"}, [], [], ("2024-01-01", "2024-12-31", "issue year")),
    # a span after "so với" is what an objective compares with, not the plan's period
    ({"title": "Phòng chống dịch", "date": "2025-10-06"}, [_objective("Giảm tỷ lệ mắc so với trung bình giai đoạn 2020 - 2024.")],
     [], ("2025-01-01", "2025-12-31", "issue year")),
    ({"title": "Phòng chống dịch", "date": "2025-10-06"}, [_objective("Tăng 10% so với giai đoạn 2016-2020.")], [],
     ("2025-01-01", "2025-12-31", "issue year")),
    ({"title": "Phòng chống dịch", "date": "2025-10-06"},
     [_objective("Giảm 5% so với năm 2024; giai đoạn 2026 - 2030 duy trì kết quả.")], [],
     ("2026-01-01", "2030-12-31", "objectives")),
    ({"title": "Phòng chống dịch", "date": "2025-10-06"}, [_objective("Tăng gấp đôi so với năm 2020 đến năm 2030.")], [],
     ("2025-01-01", "2030-12-31", "objectives")),
    # the full date of the act a plan carries out, in its title, is that act's day, not the plan's year
    ({"title": "TRIỂN KHAI CHỈ THỊ SỐ 5/CT-TTG NGÀY 02 THÁNG 5 NĂM 2024 CỦA THỦ TƯỚNG", "date": "2024-08-06"}, [],
     [_task("2024-01-01", "2030-12-31")], ("2024-01-01", "2024-12-31", "issue year")),
    ({"title": "Triển khai Nghị định số 9/2026/NĐ-CP ngày 21 tháng 5 năm 2026 của Chính phủ", "date": "2026-06-10"},
     [_objective("Đến năm 2030, hoàn thành …")], [],
     ("2026-01-01", "2030-12-31", "objectives")),
    ({"title": "Tổ chức Lễ hội năm 2026", "date": "2025-12-01"}, [], [], ("2026-01-01", "2026-12-31", "title")),
]


@pytest.mark.parametrize("doc, sections, tasks, want", CASES, ids=[str(c[0]["title"]) + str(len(c[2])) for c in CASES])
def test_plan_to_period(doc, sections, tasks, want):
    got = plan_to_period(doc, sections, tasks)
    assert (got.as_dict() if got else None) == (dict(zip(("start", "end", "basis"), want, strict=True)) if want else None)


def test_period_kept_in_the_plan_wins_and_an_older_plan_is_read_again():
    doc = {"title": "Kế hoạch giai đoạn 2021-2025", "date": "2021-01-05"}
    kept = {"start": "2022-01-01", "end": "2022-12-31", "basis": "issue year"}
    assert plan_period({"document": dict(doc, period=kept)}).as_dict() == kept
    assert plan_period({"document": doc}).basis == "title"
    assert plan_period({"document": dict(doc, period=None)}).basis == "none"


REVERSED = [
    # (title, objective, task deadline, the period read, the phrases warned)
    ("Phát triển kinh tế số giai đoạn 2025-2021", "", "", ("2025-01-01", "2025-12-31", "issue year"),
     ["giai đoạn 2025-2021"]),
    ("Chuyển đổi số từ năm 2030 đến năm 2026", "Giai đoạn 2026 - 2030, phấn đấu …", "",
     ("2026-01-01", "2030-12-31", "objectives"), ["từ năm 2030 đến năm 2026"]),
    ("Chuyển đổi số", "Năm học 2026-2025, phấn đấu …", "", ("2025-01-01", "2025-12-31", "issue year"),
     ["Năm học 2026-2025"]),
    ("Chuyển đổi số", "", "Từ ngày 15/6/2026 đến ngày 01/6/2026", ("2025-01-01", "2025-12-31", "issue year"),
     ["Từ ngày 15/6/2026 đến ngày 01/6/2026"]),
    ("Chuyển đổi số", "", "Giai đoạn 2027-2026", ("2025-01-01", "2025-12-31", "issue year"), ["Giai đoạn 2027-2026"]),
    ("Chuyển đổi số", "", "Quý IV/2026 - Quý II/2026", ("2025-01-01", "2025-12-31", "issue year"),
     ["Quý IV/2026 - Quý II/2026"]),
    ("Chuyển đổi số giai đoạn 2021-2025", "", "Từ tháng 11/2025 đến tháng 02/2026", ("2021-01-01", "2025-12-31", "title"), []),
]


@pytest.mark.parametrize("title, objective, deadline, want, warned", REVERSED, ids=[c[0] + c[1] + c[2] for c in REVERSED])
def test_a_reversed_span_is_warned_and_gives_no_backwards_dates(title, objective, deadline, want, warned):
    """A span that ends before it starts, in the title, an objective or a deadline: warned with its loc, and no
    period or deadline runs backwards (the period comes from the next source that dates the plan)."""
    from kehoach import extract_bytes

    body = (f"I. MỤC TIÊU\n\n{objective or 'Nâng cao chất lượng.'}\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
            f"1. Sở Tài chính chủ trì rà soát kinh phí, thời gian thực hiện: {deadline or 'năm 2025'}.\n")
    text = f"Số: 5/KH-UBND\n\nAn Giang, ngày 3 tháng 2 năm 2025\n\nKẾ HOẠCH\n\n{title}\n\n{body}"
    plan = extract_bytes(text.encode("utf-8"), "plan.txt")
    period = plan["document"]["period"]
    assert (period["start"], period["end"], period["basis"]) == want
    flagged = [w for w in plan["warnings"] if w["code"] == "period-reversed"]
    assert [w["message"].split("(")[1].split(")")[0].strip("'") for w in flagged] == warned
    assert all(w["loc"] for w in flagged)
    for t in plan["tasks"]:
        d = t["deadline"]
        assert not (d["start"] and d["end"] and d["end"] < d["start"])
