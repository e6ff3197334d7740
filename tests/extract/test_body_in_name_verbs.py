"""Generated body sentences whose verb is also written inside names ("Sở Xây dựng quản lý …" against "Ban Quản lý dự
án …"), or follows a word of manner ("Công an tỉnh tập trung chỉ đạo …"): agency names × those verbs × the frames
plans write assignments in (a numbered item, a dash item, "Giao …", a labelled item "Label: …", an item under a
heading of its own), in the implementation part and in a part of tasks.

A name its grammar closes (a department's whole name, a level and place, "có liên quan") is the lead; one that may
go on past the verb ("Trung tâm Kiểm soát bệnh tật quản lý …") gives no lead and a body-task-unread warning."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes

from .test_agency_variations import NAMES

ORG = "Số: 5/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\n**I. TỔ CHỨC THỰC HIỆN**\n\n"
TASKS = "Số: 5/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\nI. MỤC TIÊU\n\nBảo đảm chất lượng.\n\nII. NHIỆM VỤ CỤ THỂ\n\n"
IN_NAME_VERBS = ["quản lý", "lập", "thanh tra", "cấp", "xử lý", "trình", "hỗ trợ", "khen thưởng", "thống kê", "điều tra",
                 "kiểm soát", "đầu tư", "tiếp nhận", "xây dựng", "phát triển"]
"""Verbs of a duty written in lower case inside names too ("Ban quản lý chợ", "công trình", "Quỹ Đầu tư phát triển")."""
OBJECTS = ["chặt chẽ hồ sơ năm 2026.", "kinh phí năm 2026 theo quy định.", "các nội dung liên quan, xong trước ngày 15/12/2026."]
FIRST = "1. Sở Y tế kiểm tra công tác năm 2026.\n\n"
FRAMES = {
    "numbered": FIRST + "2. {s}",
    "dash": "1. Nhiệm vụ của các cơ quan\n\n- {s}",
    "assign": FIRST + "2. Giao {s}",
    "labelled": FIRST + "2. Hồ sơ năm 2026: {s}",
    "headed": FIRST + "2. Hồ sơ năm 2026\n\n{s}",
}
OPEN = ["Trung tâm Kiểm soát bệnh tật", "Ban Quản lý dự án", "Chi cục Kiểm lâm", "Kho bạc Nhà nước khu vực",
        "Trường Cao đẳng Y tế", "Ban Thi đua - Khen thưởng", "Ủy ban Kiểm tra Tỉnh ủy"]
"""Names that may go on past a lower-case verb ("Ban Quản lý dự án đầu tư …", "Trung tâm Y tế quản lý …" is not known
to end at "tế")."""
CLOSED = [n for n in NAMES if "(" not in n and n not in OPEN] + ["Tỉnh đoàn", "UBND huyện Yên Lạc",
                                                                   "Các đơn vị có liên quan", "Sở Xây dựng"]
"""Names their grammar closes: a department's whole name, a level word and its place, "có liên quan"."""
CASES = [(frame, part) for frame in FRAMES for part in ("organization", "tasks")]


def _leads(frame: str, part: str, sentence: str) -> tuple[list[list[str]], list[dict]]:
    plan = extract_bytes(((ORG if part == "organization" else TASKS) + FRAMES[frame].format(s=sentence) + "\n")
                         .encode("utf-8"), "plan.md")
    mine = [t["lead_as_written"] for t in plan["tasks"] if frame == "dash" or t["section"].endswith(".2")]
    return mine, [w for w in plan["warnings"] if w["code"] == "body-task-unread"]


@pytest.mark.parametrize(("frame", "part"), CASES)
def test_a_closed_name_then_a_verb_written_inside_names_is_the_lead(frame, part):
    rng = random.Random(f"{frame}-{part}")
    wrong = []
    for verb in IN_NAME_VERBS:
        for name in rng.sample(CLOSED, 3):
            sentence = f"{name} {verb} {rng.choice(OBJECTS)}"
            leads, _ = _leads(frame, part, sentence)
            if leads != [[name]]:
                wrong.append((sentence, leads))
    assert wrong == []


@pytest.mark.parametrize(("frame", "part"), CASES)
def test_a_name_that_may_go_on_past_such_a_verb_is_warned_never_cut(frame, part):
    rng = random.Random(f"{frame}-{part}")
    silent = []
    for verb in [v for v in IN_NAME_VERBS if v != "xây dựng"]:  # a duty after any name but a project's
        for name in rng.sample(OPEN, 2):
            sentence = f"{name} {verb} {rng.choice(OBJECTS)}"
            leads, unread = _leads(frame, part, sentence)
            if leads or not unread:
                silent.append((sentence, leads))
    assert silent == []


MANNERS = ["tập trung", "tích cực", "khẩn trương", "chủ động", "thường xuyên", "quyết tâm", "kịp thời"]
VERBS = ["chỉ đạo", "triển khai", "kiểm tra", "hỗ trợ", "quản lý", "tuyên truyền"]


@pytest.mark.parametrize(("frame", "part"), CASES)
def test_a_word_of_manner_before_the_verb_ends_the_name(frame, part):
    """"Công an tỉnh tập trung chỉ đạo …": the lead was "Công an tỉnh tập trung", or none for a name that may go on."""
    rng = random.Random(f"manner-{frame}-{part}")
    wrong = []
    for manner in MANNERS:
        for name in rng.sample(CLOSED + OPEN, 4):
            sentence = f"{name} {manner} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
            leads, _ = _leads(frame, part, sentence)
            if leads != [[name]]:
                wrong.append((sentence, leads))
    assert wrong == []


@pytest.mark.parametrize(("sentence", "lead"), [
    ("Các cơ quan chuyên môn cấp huyện cấp giấy phép đúng hạn.", "Các cơ quan chuyên môn cấp huyện"),
    ("UBND các xã, phường, thị trấn lập danh sách hộ nghèo.", "UBND các xã, phường, thị trấn"),
    ("Ban Quản lý dự án đầu tư xây dựng tỉnh quản lý chặt chẽ công trình.", "Ban Quản lý dự án đầu tư xây dựng tỉnh"),
    ("Sở Kế hoạch và Đầu tư trình phê duyệt danh mục dự án.", "Sở Kế hoạch và Đầu tư"),
    ("Sở TN&MT thanh tra việc sử dụng đất.", "Sở TN&MT"),
])
def test_where_a_name_ends_by_its_grammar(sentence, lead):
    assert _leads("numbered", "organization", sentence)[0] == [[lead]]
