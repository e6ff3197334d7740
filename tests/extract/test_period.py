"""document.period: the span a plan covers, read once at extraction (case table in the test)."""

from __future__ import annotations

import pytest

from kehoach.extract.period import plan_period, plan_to_period


def _task(start, end):
    return {"deadline": {"start": start, "end": end}}


OBJECTIVES = [{"role": "objectives", "title": "Mục tiêu", "text": ["Giai đoạn 2026 - 2030, phấn đấu …"], "items": [],
               "children": []}]

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
