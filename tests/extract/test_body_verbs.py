"""Generated body sentences, agency × duty verb: "1. Ban Thi đua - Khen thưởng tổng kết phong trào." gives one task
led by the whole name, and "Sở A chủ trì, phối hợp với B kiểm tra …" gives B whole as support, for names of every
kind of body and the verbs administrative plans assign work with."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes

from .test_agency_variations import NAMES

HEAD = "Số: 5/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\n**I. TỔ CHỨC THỰC HIỆN**\n\n"
VERBS = ["tổng kết", "sơ kết", "đánh giá", "thẩm định", "kiểm tra", "giám sát", "tổng hợp", "hướng dẫn", "rà soát",
         "đề xuất", "tham mưu", "triển khai", "thực hiện", "tổ chức", "theo dõi", "đôn đốc", "xây dựng", "ban hành",
         "phê duyệt", "cập nhật", "chỉ đạo", "bố trí", "tuyên truyền", "vận động", "báo cáo", "kiện toàn", "hoàn thiện",
         "chuẩn bị", "giải quyết", "duy trì", "nâng cao", "đẩy mạnh", "tập huấn", "bồi dưỡng", "phổ biến", "biên soạn",
         "lựa chọn", "nghiên cứu", "thông báo", "công bố", "thành lập", "phân bổ"]
"""Duty verbs none of which is written in lower case inside a body's name (unlike "quản lý", "đầu tư", "cấp",
"trình", "thanh tra", "khen thưởng": "Ban quản lý …", "công trình", "Hội đồng thi đua khen thưởng")."""
OBJECTS = ["công tác năm 2026.", "kết quả thực hiện kế hoạch, báo cáo trước ngày 15/12/2026.",
           "các nội dung được giao; tổng hợp, báo cáo Ủy ban nhân dân tỉnh."]
WHOLE = [n for n in NAMES if "(" not in n] + ["Tỉnh đoàn", "Huyện đoàn", "Ban Quản lý dự án xây dựng huyện"]
"""Names a sentence starts with (a bracket after a name is a cell's way, not a sentence's)."""


def _rows(seed: int) -> list[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    return [(verb, name, rng.choice(WHOLE), rng.choice(OBJECTS)) for verb in VERBS for name in rng.sample(WHOLE, 3)]


def _plan(body: str) -> dict:
    return extract_bytes((HEAD + body + "\n").encode("utf-8"), "plan.md")


@pytest.mark.parametrize(("verb", "name", "other", "obj"), _rows(10), ids=lambda v: v[:20])
def test_an_agency_then_its_duty_verb_is_a_task_led_by_the_whole_name(verb, name, other, obj):
    plan = _plan(f"1. {name} {verb} {obj}")
    assert [t["lead_as_written"] for t in plan["tasks"]] == [[name]]
    if other == name:
        return
    plan = _plan(f"1. Sở Nội vụ chủ trì, phối hợp với {other} {verb} {obj}")
    assert [(t["lead_as_written"], t["support_as_written"]) for t in plan["tasks"]] == [(["Sở Nội vụ"], [other])]


TASKS = "Số: 5/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\nI. MỤC TIÊU\n\nBảo đảm chất lượng.\n\nII. NHIỆM VỤ CỤ THỂ\n\n"


@pytest.mark.parametrize(("item", "lead"), [
    ("Các trường học, trung tâm giáo dục nghề nghiệp kiện toàn bộ phận y tế, hoàn thành trong quý III/2026.",
     "Các trường học, trung tâm giáo dục nghề nghiệp"),
    ("Sở Tài chính bố trí kinh phí thực hiện kế hoạch.", "Sở Tài chính"),
    ("Ban Thi đua - Khen thưởng tổng kết phong trào thi đua.", "Ban Thi đua - Khen thưởng"),
    ("Các cơ quan chuyên môn cấp huyện đánh giá kết quả thực hiện.", "Các cơ quan chuyên môn cấp huyện"),
    ("Trung tâm Y tế khu vực kiện toàn bộ phận kiểm soát nhiễm khuẩn.", "Trung tâm Y tế khu vực"),
    # a word of manner before the verb ends the name ("tập trung", "tích cực", "quyết tâm"), however long the name
    ("Các cấp, các ngành trong huyện quyết tâm tuyên truyền sâu rộng.", "Các cấp, các ngành trong huyện"),
    ("Các sở, ngành có liên quan đến hoạt động sản xuất kinh doanh của hợp tác xã tích cực hỗ trợ, tháo gỡ khó khăn.",
     "Các sở, ngành có liên quan đến hoạt động sản xuất kinh doanh của hợp tác xã"),
    ("Trung tâm Kiểm soát bệnh tật tập trung chỉ đạo phòng, chống dịch.", "Trung tâm Kiểm soát bệnh tật"),
    ("Các cấp ủy, tổ chức đảng, chính quyền nâng cao nhận thức về chính sách.", "Các cấp ủy, tổ chức đảng, chính quyền"),
    # a name run on past a verb the list lacks, or past a colon, is no lead: the item stays warned
    ("Các ngành trong tỉnh, nhất là ngành y tế, cùng với nhân dân vào cuộc tuyên truyền sâu rộng.", None),
    ("Các sở, ngành có liên quan đến hoạt động sản xuất kinh doanh của hợp tác xã trên địa bàn các huyện phía nam tỉnh "
     "hỗ trợ, tháo gỡ khó khăn.", None),
])
def test_a_task_item_opening_with_an_agency_and_its_duty_is_its_task(item, lead):
    plan = extract_bytes((TASKS + f"1. Rà soát cơ sở vật chất\n\nSở Y tế chủ trì rà soát.\n\n2. {item}\n").encode("utf-8"),
                         "plan.md")
    got = [t["lead_as_written"] for t in plan["tasks"] if t["section"] == "II.2"]
    assert got == ([[lead]] if lead else [])
    unread = [w for w in plan["warnings"] if w["code"] == "body-task-unread"]
    assert bool(unread) == (lead is None)


@pytest.mark.parametrize(("item", "leads"), [
    ("Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghệ cao tỉnh triển khai xây dựng hệ thống xử lý nước thải.",
     ["Ban Quản lý Khu kinh tế", "Ban Quản lý các Khu công nghệ cao tỉnh"]),
    ("Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghệ cao tỉnh đầu tư, hoàn thiện hạ tầng kỹ thuật.",
     ["Ban Quản lý Khu kinh tế", "Ban Quản lý các Khu công nghệ cao tỉnh"]),
])
def test_two_bodies_named_in_full_then_their_duty_lead_the_item(item, leads):
    """Each name as long as one may be: two of them joined by "và" run past the words one name may have, and the item
    gave nothing, silently (an item above it was read)."""
    plan = extract_bytes((TASKS + f"1. Rà soát cơ sở vật chất\n\nSở Y tế chủ trì rà soát.\n\n2. Hạ tầng\n\n- {item}\n"
                          "\n- Sở Xây dựng hướng dẫn thủ tục.\n").encode("utf-8"), "plan.md")
    assert [t["lead_as_written"] for t in plan["tasks"] if t["section"] == "II.2"] == [leads, ["Sở Xây dựng"]]


def test_a_part_opening_with_an_agency_and_its_duty_is_no_item_task():
    """Only an item within a part is read so: a part's own paragraph after its table may be another part run in."""
    plan = extract_bytes((TASKS + "Sở Y tế theo dõi, đôn đốc việc thực hiện Kế hoạch.\n").encode("utf-8"), "plan.md")
    assert plan["tasks"] == []


def test_an_item_task_ending_on_how_often_recurs():
    """"… tập huấn cho cán bộ thường xuyên." ends the sentence on how often: the task recurs (it was read as no time)."""
    item = "2. Các trường học kiện toàn bộ phận y tế, tổ chức tập huấn cho cán bộ thường xuyên.\n"
    plan = extract_bytes((TASKS + item).encode("utf-8"), "plan.md")
    assert [t["deadline"]["recurrence"] for t in plan["tasks"]] == ["continuous"]


def test_a_name_run_past_a_stop_is_no_item_lead():
    """A layout's run-on sentence ("Quỹ A được 3 tỷ đồng. Tập trung kiểm tra …") names no lead."""
    item = "2. Quỹ Bảo trợ trẻ em được 3 tỷ đồng. Tập trung kiểm tra việc sử dụng quỹ.\n"
    plan = extract_bytes((TASKS + item).encode("utf-8"), "plan.md")
    assert plan["tasks"] == []


@pytest.mark.parametrize("verb", ["quản lý", "lập", "thanh tra", "cấp", "xử lý", "trình", "hỗ trợ", "khen thưởng",
                                  "thống kê", "điều tra", "kiểm soát", "đầu tư", "tiếp nhận"])
def test_an_item_whose_verb_may_be_inside_a_name_is_warned(verb):
    """"2. Trung tâm A quản lý …": a verb written inside names too ("Ban quản lý …") after a name that may go on
    past it is not read as a duty, and the item then gave nothing, silently, when another item gave a task."""
    plan = _plan(f"1. Sở Y tế kiểm tra công tác năm 2026.\n\n2. Trung tâm Kiểm soát bệnh tật {verb} kinh phí năm 2026.")
    assert [t["section"] for t in plan["tasks"]] == ["I.1"]
    unread = [w for w in plan["warnings"] if w["code"] == "body-task-unread"]
    assert len(unread) == 1 and "I.2" in unread[0]["message"] and unread[0]["loc"]["line"] == 11


@pytest.mark.parametrize("paragraph, recurrence", [
    ("1. Giao Sở Y tế thường xuyên đưa tin, tuyên truyền các biện pháp phòng bệnh.", "continuous"),
    ("**1. Sở Y tế:** Thường xuyên tuyên truyền trên hệ thống truyền thanh về các biện pháp phòng bệnh.", "continuous"),
    ("1. Sở Tài chính chủ trì bố trí kinh phí chi thường xuyên để thực hiện Kế hoạch.", None),  # recurrent spending
    ("1. Sở Y tế thường xuyên kiểm tra, đôn đốc; tổng hợp, báo cáo kết quả thực hiện.", None),  # one of two duties
    ("1. Đề nghị Ban Tuyên giáo chỉ đạo các cơ quan báo chí thường xuyên tuyên truyền về phòng bệnh.", None),
])
def test_a_task_of_one_standing_duty_is_continuous(paragraph, recurrence):
    """A body task of one duty whose verb "thường xuyên" opens (or follows its lead's name) is done all along; the
    words after a noun ("chi thường xuyên"), in one of several duties or in a subordinate's clause say nothing of it."""
    plan = extract_bytes((HEAD + paragraph + "\n").encode("utf-8"), "plan.md")
    assert [t["deadline"]["recurrence"] for t in plan["tasks"]] == [recurrence]
