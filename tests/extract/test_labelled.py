"""Labelled task blocks read the same whatever the label style: the plan is generated from one task
list in every style (bold, italic, dashed, plus-marked, lettered, plain; one label a line, several
labels on one line, values on the next line) and every rendition must give the same tasks."""

from __future__ import annotations

import itertools

import pytest

from kehoach.pipeline import extract_bytes

TASKS = [
    {"title": "Rà soát quy trình cấp giấy chứng nhận quyền sử dụng đất", "lead": ["Sở Nông nghiệp và Môi trường"],
     "support": ["Sở Tư pháp", "Ủy ban nhân dân các xã, phường"], "deadline": "Quý II/2026", "end": "2026-06-30",
     "output": "Báo cáo rà soát"},
    {"title": "Xây dựng kho dữ liệu dùng chung của tỉnh", "lead": ["Sở Khoa học và Công nghệ"],
     "support": ["Sở Tài chính"], "deadline": "Trước ngày 31/10/2026", "end": "2026-10-31", "output": None},
    {"title": "Tổ chức hội nghị tuyên truyền cho doanh nghiệp", "lead": ["Sở Công Thương", "Hiệp hội Doanh nghiệp tỉnh"],
     "support": [], "deadline": "Tháng 8/2026", "end": "2026-08-31", "output": "02 hội nghị"},
]

LABEL_WORDS = {
    "lead": ["Cơ quan chủ trì", "Đơn vị chủ trì thực hiện", "Chủ trì"],
    "support": ["Cơ quan phối hợp", "Đơn vị phối hợp", "Phối hợp"],
    "deadline": ["Thời gian thực hiện", "Thời hạn hoàn thành", "Thời hạn ban hành"],
    "output": ["Sản phẩm", "Kết quả/sản phẩm đầu ra", "Sản phẩm đầu ra"],
}
MARKS = {"plain": "{}:", "bold": "**{}:**", "italic": "*{}:*"}
BULLETS = ["", "- ", "+ ", "letters"]
LAYOUTS = ["lines", "one-line", "value-below"]

HEADER = """ỦY BAN NHÂN DÂN TỈNH AN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số: 12/KH-UBND

An Giang, ngày 05 tháng 01 năm 2026

KẾ HOẠCH

Cải thiện dịch vụ công về đất đai năm 2026

I. MỤC ĐÍCH

Nâng cao chất lượng phục vụ người dân.

II. NHIỆM VỤ
"""
FOOTER = """
Nơi nhận:
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An
"""


def _labels(task: dict, word: int) -> list[tuple[str, str]]:
    out = [(LABEL_WORDS["lead"][word], "; ".join(task["lead"]))]
    if task["support"]:
        out.append((LABEL_WORDS["support"][word], ", ".join(task["support"])))
    out.append((LABEL_WORDS["deadline"][word], task["deadline"]))
    if task["output"]:
        out.append((LABEL_WORDS["output"][word], task["output"]))
    return out


def render(mark: str, bullet: str, layout: str, word: int) -> str:
    parts = [HEADER]
    for n, task in enumerate(TASKS, 1):
        parts.append(f"**{n}. {task['title']}**\n")
        labels = [(MARKS[mark].format(name), value) for name, value in _labels(task, word)]
        if layout == "one-line":
            labels = [("; ".join(f"{lab} {value}" for lab, value in labels), "")]
        for k, (lab, value) in enumerate(labels):
            lead_in = f"{'abcd'[k]}) " if bullet == "letters" else bullet
            if layout == "value-below":
                parts.append(f"{lead_in}{lab}\n\n{value}.\n")
            else:
                parts.append(f"{lead_in}{lab} {value}.\n".replace(" .", "."))
    parts.append(FOOTER)
    return "\n".join(parts)


def _read(text: str) -> list[tuple]:
    plan = extract_bytes(text.encode("utf-8"), "plan.md")
    return [(t["title"], t["lead"], t["support"], t["deadline"]["text"], t["deadline"]["end"], t["output"])
            for t in plan["tasks"]]


EXPECTED = [(t["title"], t["lead"], t["support"], t["deadline"], t["end"], t["output"]) for t in TASKS]
VARIANTS = list(itertools.product(MARKS, BULLETS, LAYOUTS, range(3)))


@pytest.mark.parametrize("mark,bullet,layout,word", VARIANTS, ids=lambda v: str(v).strip() or "none")
def test_every_label_style_reads_the_same(mark, bullet, layout, word):
    assert _read(render(mark, bullet, layout, word)) == EXPECTED


def test_a_label_split_across_lines_is_one_label():
    text = render("italic", "", "lines", 1).replace("*Đơn vị chủ trì thực hiện:*", "*Đơn vị chủ trì*\n\n*thực hiện:*")
    assert _read(text) == EXPECTED


def test_several_blocks_in_one_section_are_several_tasks():
    body = "\n".join(
        f"- {t['title']}.\n\n+ Cơ quan chủ trì: {'; '.join(t['lead'])}; Thời hạn: {t['deadline']}.\n" for t in TASKS)
    text = HEADER + "\n1. Nhóm nhiệm vụ về dịch vụ công\n\n" + body + FOOTER
    plan = extract_bytes(text.encode("utf-8"), "plan.md")
    assert [(t["id"], t["title"], t["lead"], t["group"]) for t in plan["tasks"]] == [
        (f"II.1/{k}", t["title"], t["lead"], "Nhóm nhiệm vụ về dịch vụ công") for k, t in enumerate(TASKS, 1)]


@pytest.mark.parametrize("label", ["Nhiệm vụ {k}:", "Nhiệm vụ số {k}.", "NHIỆM VỤ {k}:", "Hoạt động {k}:"])
def test_blocks_named_with_their_number_take_it_and_leave_it_out_of_the_title(label):
    body = "\n".join(f"{label.format(k=k)} {t['title']}.\n- Cơ quan chủ trì: {'; '.join(t['lead'])}.\n"
                     f"- Thời hạn: {t['deadline']}.\n" for k, t in enumerate(TASKS, 1))
    plan = extract_bytes((HEADER + "\n" + body + FOOTER).encode("utf-8"), "plan.txt")
    assert [(t["no"], t["title"], t["lead"]) for t in plan["tasks"]] == [
        (str(k), t["title"], t["lead"]) for k, t in enumerate(TASKS, 1)]


def test_a_category_heading_takes_its_title_from_the_content_label():
    text = HEADER + "\n1. Nhiệm vụ thứ nhất\n\n- Nội dung: Lập danh mục dữ liệu mở.\n\n- Cơ quan chủ trì: Sở Tài chính.\n" + FOOTER
    (task,) = extract_bytes(text.encode("utf-8"), "plan.md")["tasks"]
    assert (task["title"], task["group"], task["lead"]) == ("Lập danh mục dữ liệu mở", "Nhiệm vụ thứ nhất", ["Sở Tài chính"])


def test_an_empty_label_and_a_block_without_title_are_warned_about():
    text = HEADER + "\n1.\n\n- Cơ quan chủ trì: Sở Y tế.\n\n- Cơ quan phối hợp:\n\n- Thời gian thực hiện: Năm 2026.\n" + FOOTER
    plan = extract_bytes(text.encode("utf-8"), "plan.md")
    codes = {w["code"]: w["loc"] for w in plan["warnings"]}
    assert plan["tasks"][0]["lead"] == ["Sở Y tế"]
    assert codes["label-empty"]["line"] == text.splitlines().index("- Cơ quan phối hợp:") + 1
    assert "labelled-no-title" in codes


def test_a_section_with_a_time_label_only_is_not_a_task():
    text = HEADER + "\n1. Thời gian\n\n- Thời gian thực hiện: Năm 2026.\n" + FOOTER
    assert extract_bytes(text.encode("utf-8"), "plan.md")["tasks"] == []


def test_a_block_with_a_time_only_among_labelled_blocks_is_a_task_without_lead():
    text = (HEADER + "\n1. Lập danh mục dữ liệu mở\n\n- Cơ quan chủ trì: Sở Tài chính.\n\n"
            "2. Công bố danh mục dữ liệu mở\n\nThời gian thực hiện sau khi danh mục được phê duyệt.\n" + FOOTER)
    plan = extract_bytes(text.encode("utf-8"), "plan.md")
    assert [(t["title"], t["lead"], t["deadline"]["text"]) for t in plan["tasks"]] == [
        ("Lập danh mục dữ liệu mở", ["Sở Tài chính"], None),
        ("Công bố danh mục dữ liệu mở", [], "sau khi danh mục được phê duyệt")]
    assert [w["code"] for w in plan["warnings"]].count("task-without-lead") == 1


@pytest.mark.parametrize("value", [
    "Sở Y tế (chủ trì); Sở Tài chính, Công an tỉnh (phối hợp).",
    "Sở Y tế chủ trì, phối hợp với Sở Tài chính, Công an tỉnh.",
    "Sở Y tế chủ trì, phối hợp với Sở Tài chính, Công an tỉnh tổ chức kiểm tra việc thực hiện tại các cơ sở.",
])
def test_an_implementing_agency_label_written_as_a_sentence_gives_lead_and_support(value):
    text = HEADER + f"\n1. Kiểm tra an toàn thực phẩm\n\n- Cơ quan thực hiện: {value}\n" + FOOTER
    (task,) = extract_bytes(text.encode("utf-8"), "plan.md")["tasks"]
    assert (task["lead"], task["support"]) == (["Sở Y tế"], ["Sở Tài chính", "Công an tỉnh"])


def test_labels_after_the_heading_sentence_on_the_same_line():
    text = HEADER + ("\n1. Tập huấn kỹ năng số cho công chức cấp xã. Chủ trì: Sở Nội vụ; phối hợp: Sở Tài chính, "
                     "UBND các xã, phường; thời gian: quý II/2026.\n" + FOOTER)
    (task,) = extract_bytes(text.encode("utf-8"), "plan.md")["tasks"]
    assert (task["title"], task["lead"], task["support"], task["deadline"]["end"]) == (
        "Tập huấn kỹ năng số cho công chức cấp xã", ["Sở Nội vụ"], ["Sở Tài chính", "Ủy ban nhân dân các xã, phường"],
        "2026-06-30")


@pytest.mark.parametrize("value,names", [
    ("Sở Công Thương và các đơn vị liên quan", ["Sở Công Thương", "các đơn vị liên quan"]),
    ("Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh", ["Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh"]),
])
def test_and_before_a_collective_parts_two_names_only(value, names):
    text = HEADER + f"\n1. Rà soát quỹ đất sạch\n\n- Cơ quan chủ trì: Sở Tài chính.\n\n- Cơ quan phối hợp: {value}.\n" + FOOTER
    (task,) = extract_bytes(text.encode("utf-8"), "plan.md")["tasks"]
    assert task["support_as_written"] == names


def test_a_deadline_with_figures_that_give_no_date_is_warned_about():
    # (a real quarter with no year, "Quý IV", is read in a one-year plan's year: tests/extract/test_task_times.py)
    text = HEADER + "\n1. Kiểm kê tài sản công\n\n- Cơ quan chủ trì: Sở Tài chính.\n\n- Thời gian thực hiện: Quý V.\n\n" \
        "2. Công khai kết quả kiểm kê\n\n- Cơ quan chủ trì: Sở Tài chính.\n\n- Thời gian thực hiện: Sau khi kiểm kê xong.\n" + FOOTER
    plan = extract_bytes(text.encode("utf-8"), "plan.md")
    assert [w["message"] for w in plan["warnings"] if w["code"] == "deadline-unparsed"] == [
        "task II.1: deadline 'Quý V' was not understood"]


def test_a_heading_among_group_headings_names_a_group_and_its_paragraph_is_the_task():
    """Headings 1 and 2 hold lettered tasks, so heading 3 names a group too: its paragraph is the task. A
    heading whose siblings are tasks themselves stays the title (the paragraph is its detail)."""
    text = (HEADER + "\n1. Dịch vụ công\n\na) Số hóa hồ sơ đất đai.\n\n- Cơ quan chủ trì: Sở Tài chính.\n\n"
            "2. Kiểm tra, báo cáo\n\nTổng hợp kết quả thực hiện, báo cáo UBND tỉnh.\n\n- Cơ quan chủ trì: Sở Nội vụ.\n" + FOOTER)
    tasks = [(t["group"], t["title"]) for t in extract_bytes(text.encode(), "x.txt")["tasks"]]
    assert tasks == [("Dịch vụ công", "Số hóa hồ sơ đất đai"),
                     ("Kiểm tra, báo cáo", "Tổng hợp kết quả thực hiện, báo cáo UBND tỉnh.")]
    alone = (HEADER + "\n1. Số hóa hồ sơ đất đai\n\n- Cơ quan chủ trì: Sở Tài chính.\n\n"
             "2. Kiểm tra, báo cáo\n\nTổng hợp kết quả thực hiện.\n\n- Cơ quan chủ trì: Sở Nội vụ.\n" + FOOTER)
    assert [t["title"] for t in extract_bytes(alone.encode(), "x.txt")["tasks"]] == ["Số hóa hồ sơ đất đai", "Kiểm tra, báo cáo"]


@pytest.mark.parametrize("content, end", [
    ("Tổ chức Tháng hành động (từ ngày 15/11/2026 đến ngày 15/12/2026) và hưởng ứng Ngày Quốc tế (ngày 25/11).", "2026-12-15"),
    ("Tổ chức tập huấn cho cán bộ cấp xã trong Quý III/2026.", "2026-09-30"),
    ("Tổ chức tập huấn cho cán bộ cấp xã.", None),
])
def test_a_block_with_no_time_label_takes_the_time_its_content_gives(content, end):
    """A labelled block's "Nội dung: … (từ ngày 15/11 đến ngày 15/12)" with no time label gave no deadline, silently:
    the work's own words give it, as a body task's sentence does."""
    text = HEADER + f"\n1. Nhiệm vụ 1\n\n- Nội dung: {content}\n\n- Cơ quan thực hiện: Sở Nội vụ chủ trì.\n" + FOOTER
    (task,) = extract_bytes(text.encode("utf-8"), "plan.md")["tasks"]
    assert (task["lead"], task["deadline"]["end"]) == (["Sở Nội vụ"], end)
