"""Targets that change from one figure to another ("giảm từ 23 xuống 18 …"), and the warnings target reading gives
(``target-unsure``, with the target's loc): a unit run on, a change's first figure with no figure it goes to (the
value may be its baseline), a change whose figures disagree with its verb or units."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.extract.targets import text_to_targets

INDICATORS = ["Tỷ lệ hộ nghèo", "Tỷ suất sinh ở trẻ vị thành niên", "Tỷ lệ che phủ rừng", "Số ca mắc sốt xuất huyết"]
UNITS = ["%", "ca/1.000 phụ nữ", "ca/100.000 dân", "điểm"]
TIMES = ["", " năm 2025", " (năm 2025)", " vào cuối năm 2025"]
"""The baseline's own time, between its figure and "lên"/"xuống"."""


def _pairs():
    for k, (indicator, unit) in enumerate(zip(INDICATORS, UNITS, strict=True)):
        for j, time in enumerate(TIMES):
            up = (k + j) % 2 == 0
            first, last = ("40", "45,5") if up else ("5,2", "3")
            verb, to = ("tăng", "lên") if up else ("giảm", "xuống còn")
            yield f"{indicator} {verb} từ {first}{'' if unit == '%' else ' '}{unit}{time} {to} {last}" \
                  f"{'' if unit == '%' else ' '}{unit} vào năm 2030", indicator, unit, up


@pytest.mark.parametrize(("sentence", "indicator", "unit", "up"), list(_pairs()), ids=lambda v: str(v)[:40])
def test_a_change_from_one_figure_to_another_keeps_both(sentence, indicator, unit, up):
    """The first figure is the baseline, the second the value; the year is the target's ("vào năm 2030"), never the
    baseline's ("từ 40% năm 2025 …", which made the first figure a target of its own)."""
    (t,) = text_to_targets(sentence)
    want = (45.5, 40.0, "increase") if up else (3.0, 5.2, "decrease")
    assert (t["indicator"], t["value"], t.get("baseline"), t["direction"], t["unit"], t["year"]) == \
        (indicator, *want[:2], want[2], unit, 2030)
    assert "doubt" not in t


@pytest.mark.parametrize(("sentence", "doubt"), [
    ("Tỷ lệ che phủ rừng tăng từ 40% đến cuối kỳ kế hoạch.", "baseline"),
    ("Tỷ lệ hộ nghèo giảm từ 5% xuống 8%.", "other way"),
    ("Doanh thu du lịch tăng từ 40 tỷ đồng lên 60%.", "units differ"),
    ("Phấn đấu có 20 mô hình sản xuất nông nghiệp tuần hoàn ứng dụng công nghệ cao gắn với chuỗi giá trị.", "runs on"),
    # no doubt: a change by at least so much, a range, a unit of eight words
    ("Tỷ lệ hộ nghèo đa chiều giảm từ 1,5% trở lên.", None),
    ("Tốc độ tăng trưởng từ 9 - 10%/năm.", None),
    ("Tỷ số giới tính khi sinh ở mức 107 trẻ sơ sinh trai/100 trẻ sơ sinh gái.", None),
])
def test_a_target_read_with_a_doubt_says_so(sentence, doubt):
    found = text_to_targets(sentence)
    doubts = [t["doubt"] for t in found if "doubt" in t]
    assert (doubt in doubts[0] if doubts else None) == (doubt and True), doubts


PLAN = "Số: 5/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\nI. MỤC TIÊU\n\n- Tỷ lệ che phủ rừng tăng từ 40% đến cuối kỳ.\n\n" \
       "- Tỷ lệ hộ nghèo giảm từ 5,2% xuống còn 3%.\n"


def test_target_doubts_are_warnings_at_the_targets_loc():
    plan = extract_bytes(PLAN.encode("utf-8"), "plan.md")
    unsure = [w for w in plan["warnings"] if w["code"] == "target-unsure"]
    assert [(w["loc"]["line"], w["message"][:9]) for w in unsure] == [(9, "target T1")]
    assert [(t["value"], t.get("baseline")) for t in plan["targets"]] == [(40.0, None), (3.0, 5.2)]
    assert all("doubt" not in t for t in plan["targets"])


@pytest.mark.parametrize(("sentence", "direction"), [
    ("Tăng tỷ lệ lao động nữ làm công hưởng lương đạt 50% vào năm 2030.", "increase"),
    ("Giảm tỷ trọng lao động nông nghiệp xuống dưới 30% vào năm 2030.", "decrease"),
    ("Giảm số giờ làm việc nội trợ không được trả công còn 1,7 lần.", "decrease"),
    ("Nâng tỷ lệ xã đạt chuẩn lên 80%.", "increase"),
    # guards: growth is a measure whose sign its value says; what "Nâng cao" raises is not what the figure measures
    ("Tăng trưởng GRDP đạt 8%.", None),
    ("Nâng cao chất lượng dịch vụ, phấn đấu đạt 90%.", None),
])
def test_a_verb_of_change_before_the_measure_says_the_direction(sentence, direction):
    """'Tăng tỷ lệ …', 'Giảm tỷ trọng …' say which way the target moves (PLAN-MODEL: direction "when the text says
    so"); the direction was null."""
    (t,) = text_to_targets(sentence)
    assert t["direction"] == direction
