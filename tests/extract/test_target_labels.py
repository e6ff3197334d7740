"""Generated goal lines that open on a label and a time ("Chỉ tiêu 2: Đến năm 2027 đạt 80% …"): the label and the
time name nothing; what the percentage counts, after it, is the indicator.

Each line is a label (or none), a time ("Năm 2027", "Đến năm 2027", "Phấn đấu năm 2027", "Từ năm 2027 trở đi"), a
verb (or none) and a percentage of a thing counted. The thing counted may end in "có nhu cầu …" after "phát hiện":
"phát hiện có" is found to have, not "hiện có" (an achieved figure).
"""

from __future__ import annotations

import itertools

import pytest

from kehoach.extract.targets import text_to_targets

LABELS = ["", "Chỉ tiêu 2: ", "- Chỉ tiêu 3: ", "Mục tiêu số 1. ", "Chỉ tiêu 4.1: "]
TIMES = ["Năm 2027", "Đến năm 2027", "Phấn đấu năm 2027", "Từ năm 2027 trở đi,", "Từ năm 2027 trở đi"]
VERBS = [" đạt", " có", ""]
COUNTED = ["hộ gia đình được hỗ trợ sinh kế", "trường học có phòng tư vấn tâm lý",
           "người được phát hiện có nhu cầu hỗ trợ được tư vấn"]


def _cases():
    for label, time, verb, counted in itertools.product(LABELS, TIMES, VERBS, COUNTED):
        yield f"{label}{time}{verb} 80% {counted}.", counted


@pytest.mark.parametrize(("line", "counted"), list(_cases()), ids=lambda v: str(v)[:50])
def test_a_labelled_goal_names_what_its_percentage_counts(line, counted):
    (t,) = text_to_targets(line, None)
    assert (t["indicator"], t["value"], t["unit"]) == (counted, 80.0, "%")
    if "trở đi" not in line:  # ("from 2027 on" sets no year the goal is due: the heading's or the plan's is taken)
        assert t["year"] == 2027


@pytest.mark.parametrize(("line", "values"), [
    ("Hiện nay, toàn tỉnh có khoảng 150 trạm thu phát sóng, trong đó có 12 trạm 5G.", []),
    ("- Hiện tại, tỷ lệ hộ dùng nước sạch khoảng 85%.", []),
    ("Đến nay có 40 xã đạt chuẩn nông thôn mới.", []),
    ("Đến năm 2030, có 60 xã đạt chuẩn nông thôn mới.", [60.0]),
])
def test_a_clause_that_opens_on_the_present_reports_no_goal(line, values):
    assert [t["value"] for t in text_to_targets(line, 2030)] == values


def test_a_goal_after_the_present_is_still_read():
    found = text_to_targets("Hiện nay tỷ lệ che phủ rừng là 40%, phấn đấu đến năm 2030 đạt 45%.", 2030)
    assert 45.0 in [t["value"] for t in found]


@pytest.mark.parametrize(("line", "indicator"), [
    ("- Tại địa bàn miền núi: 100% trẻ em được tiêm chủng đầy đủ.", "trẻ em được tiêm chủng đầy đủ"),
    ("- Tại khu vực ven biển: Phấn đấu ít nhất 60% xã có điểm sơ cứu.", "xã có điểm sơ cứu"),
    ("- Ở các phường: phấn đấu tăng thêm ít nhất 15% số lớp mẫu giáo.", "số lớp mẫu giáo"),
    ("Đối với các xã biên giới: 90% hộ dân có điện lưới.", "hộ dân có điện lưới"),
    # a label that names the thing measured stays its indicator
    ("Tại khu vực nông thôn: tỷ lệ hộ dùng nước sạch đạt 95%.", "Tại khu vực nông thôn: tỷ lệ hộ dùng nước sạch"),
])
def test_a_label_of_where_a_goal_holds_is_no_indicator(line, indicator):
    (t,) = text_to_targets(line, 2030)
    assert t["indicator"] == indicator


@pytest.mark.parametrize(("line", "indicators"), [
    # "đảm bảo" before a percentage names nothing: the thing counted does
    ("Đảm bảo trên 70% diện tích nuôi tôm áp dụng quy trình an toàn.", ["diện tích nuôi tôm áp dụng quy trình an toàn"]),
    ("Bảo đảm 100% trạm y tế có bác sĩ.", ["trạm y tế có bác sĩ"]),
    # "hình thành" counts the thing after its figure
    ("Hình thành ít nhất 05 chuỗi liên kết sản xuất.", ["Hình thành chuỗi liên kết sản xuất"]),
    # "Đồng thời," opens a sentence and names nothing
    ("Đồng thời, phát triển ít nhất 12 sản phẩm du lịch cộng đồng.", ["phát triển sản phẩm du lịch cộng đồng"]),
    # figures that share their verb each name their own thing
    ("Xây dựng 20 nhà văn hóa, 15 sân thể thao.", ["Xây dựng nhà văn hóa", "Xây dựng sân thể thao"]),
])
def test_a_verb_before_the_figure_and_the_thing_it_counts(line, indicators):
    assert [t["indicator"] for t in text_to_targets(line, 2030)] == indicators
