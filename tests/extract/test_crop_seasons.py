"""Crop seasons and school years named as a deadline ("vụ Đông Xuân 2025-2026", "vụ Hè Thu 2026", "niên học
2025-2026") are spans of their own: a season was read as its whole years (1 January 2025 to 31 December 2026),
"niên học" as two calendar years; "trước vụ …" ended at the season's close."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.extract.dates import find_time_phrase, text_to_deadline

CASES = [
    ("vụ Đông Xuân 2025-2026", "2025-10-01", "2026-06-30"),
    ("Vụ Đông Xuân 2025 - 2026", "2025-10-01", "2026-06-30"),
    ("mùa Đông Xuân 2025 - 2026", "2025-10-01", "2026-06-30"),
    ("vụ sản xuất Đông Xuân 2026-2027", "2026-10-01", "2027-06-30"),
    ("vụ Đông Xuân năm 2026", "2025-10-01", "2026-06-30"),
    ("vụ Hè Thu 2026", "2026-04-01", "2026-09-30"),
    ("vụ lúa Hè Thu năm 2026", "2026-04-01", "2026-09-30"),
    ("mùa Hè Thu 2026", "2026-04-01", "2026-09-30"),
    ("Vụ Thu Đông 2026", "2026-07-01", "2026-12-31"),
    ("vụ Mùa 2026", "2026-06-01", "2026-12-31"),
    ("vụ Xuân 2027", "2027-01-01", "2027-06-30"),
    ("vụ Chiêm Xuân 2027", "2026-12-01", "2027-06-30"),
    ("vụ Đông 2026", "2026-09-01", "2027-02-28"),
    ("vụ Đông 2026-2027", "2026-09-01", "2027-02-28"),
    ("Trước vụ Đông Xuân 2026-2027", None, "2026-09-30"),
    ("Trong vụ Đông Xuân 2025-2026 và vụ Hè Thu 2026", "2025-10-01", "2026-09-30"),
    ("niên học 2025-2026", "2025-09-01", "2026-05-31"),
    ("Niên học 2026 - 2027", "2026-09-01", "2027-05-31"),
    ("năm học 2026 - 2027", "2026-09-01", "2027-05-31"),
    ("Học kỳ I niên học 2025-2026", "2025-09-01", "2026-01-31"),
    # not a crop season: a weather season, a season over the wrong years
    ("mùa xuân 2026", "2026-01-01", "2026-12-31"),
    ("mùa mưa bão năm 2026", "2026-01-01", "2026-12-31"),
    ("vụ Đông Xuân 2025-2027", "2025-01-01", "2027-12-31"),
]


@pytest.mark.parametrize(("text", "start", "end"), CASES)
def test_a_season_cell_is_read_as_its_span(text, start, end):
    d = text_to_deadline(text)
    assert (d["start"] and str(d["start"]), d["end"] and str(d["end"])) == (start, end)


@pytest.mark.parametrize("season", ["vụ Đông Xuân 2025-2026", "vụ Hè Thu năm 2026", "niên học 2025-2026"])
@pytest.mark.parametrize("lead_in", ["hoàn thành trong", "trước", "thực hiện trong"])
def test_a_sentence_names_its_season(season, lead_in):
    assert find_time_phrase(f"Sở A chủ trì kiểm tra giống cây trồng, {lead_in} {season}.") == f"{lead_in} {season}".removeprefix("thực hiện ")


_HEAD = "Số: 12/KH-UBND\nKẾ HOẠCH\nSản xuất nông nghiệp\n\nI. MỤC ĐÍCH\nBảo đảm tiến độ.\n\n"


def _plan(text: str) -> dict:
    return extract_bytes((_HEAD + text).encode("utf-8"), "t.md")


@pytest.mark.parametrize(("time", "start", "end"), [("Vụ Đông Xuân 2025-2026", "2025-10-01", "2026-06-30"),
                                                    ("vụ Hè Thu 2026", "2026-04-01", "2026-09-30")])
def test_in_a_table_and_in_the_body_with_a_warning(time, start, end):
    table = ("II. NHIỆM VỤ\n\n| TT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
             f"| 1 | Cung ứng giống lúa | Sở Nông nghiệp và Môi trường | {time} |\n")
    body = ("II. NHIỆM VỤ\n1. Rà soát giống.\n\nIII. TỔ CHỨC THỰC HIỆN\n"
            f"1. Sở Nông nghiệp và Môi trường chủ trì cung ứng giống lúa, hoàn thành trong {time}.\n")
    for text in (table, body):
        plan = _plan(text)
        assert [(t["deadline"]["start"], t["deadline"]["end"]) for t in plan["tasks"]] == [(start, end)]
        assert "crop-season" in [w["code"] for w in plan["warnings"]]
