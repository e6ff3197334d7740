"""Items of a task or implementation section addressed to businesses or people ("Doanh nghiệp: chủ động …") beside
items addressed to agencies ("Sở Tài chính: bố trí …"): each is a body task whose lead is whom the plan names, as
written, however the items are numbered, marked and split; never a task in a part that lists an emulation's contents;
never nothing without a warning."""

from __future__ import annotations

import itertools

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH AN HÒA\n\nSố: 12/KH-UBND\n\nAn Hòa, ngày 3 tháng 2 năm 2026\n\nKẾ HOẠCH\n\n"
        "Thực hiện chuyển đổi số năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nĐẩy mạnh chuyển đổi số.\n\n")
TAIL = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n"
PARTS = {
    "organization": "II. TỔ CHỨC THỰC HIỆN",
    "tasks": "II. NHIỆM VỤ VÀ GIẢI PHÁP",
    "contest": "II. NỘI DUNG THI ĐUA",  # items say who is judged on what: no tasks
    "contest-under-organization": "II. TỔ CHỨC THỰC HIỆN\n\n1. Nội dung thi đua",
}
BULLETS = {"arabic": lambda k: f"{k + 1}. ", "letter": lambda k: f"{'abc'[k]}) ", "dash": lambda k: "- ",
           "dot": lambda k: "• "}
SEPARATORS = {"colon": ": ", "dash": " - ", "en-dash": " – "}
DUTIES = {
    "one": "chủ động ứng dụng công nghệ số trong sản xuất, kinh doanh.",
    "several": "chủ động ứng dụng công nghệ số trong sản xuất. Báo cáo kết quả về Sở Công Thương trước ngày 15/12/2026.",
}
ADDRESSEES = ["Doanh nghiệp", "Người dân/Cộng đồng", "Các hội, hiệp hội ngành nghề", "Các tổ chức tín dụng", "Hợp tác xã",
              "Nhà đầu tư", "Hộ gia đình", "Doanh nghiệp nhỏ và vừa"]
AGENCIES = [("Sở Tài chính", "bố trí kinh phí thực hiện Kế hoạch."), ("Sở Y tế", "triển khai hồ sơ sức khỏe điện tử.")]


def _plan(part: str, bullet: str, sep: str, duty: str, who: str, markdown: bool) -> tuple[dict, str]:
    items = [(AGENCIES[0][0], AGENCIES[0][1]), (who, DUTIES[duty]), (AGENCIES[1][0], AGENCIES[1][1])]
    if part == "contest-under-organization" and bullet in ("arabic",):
        bullet = "letter"  # under "1. Nội dung thi đua" its items are lettered, not numbered on
    lines = [BULLETS[bullet](k) + (f"**{name}**" if markdown else name) + SEPARATORS[sep] + text
             for k, (name, text) in enumerate(items)]
    body = PARTS[part] + "\n\n" + "\n\n".join(lines)
    return extract_bytes((HEAD + body + TAIL).encode("utf-8"), "p.md" if markdown else "p.txt"), body


CASES = [c for c in itertools.product(PARTS, BULLETS, SEPARATORS, DUTIES, ADDRESSEES[:2], [False, True])
         if not (c[1] == "dot" and c[5])] + [("organization", "arabic", "colon", "one", who, False) for who in ADDRESSEES[2:]] \
    + [("tasks", "dash", "colon", "several", who, True) for who in ADDRESSEES[2:]]


@pytest.mark.parametrize("part, bullet, sep, duty, who, markdown", CASES, ids=["-".join(map(str, c)) for c in CASES])
def test_an_item_addressed_to_businesses_or_people_is_a_task_as_an_agency_item_is(part, bullet, sep, duty, who, markdown):
    plan, body = _plan(part, bullet, sep, duty, who, markdown)
    leads = [t["lead"] for t in plan["tasks"]]
    if part.startswith("contest"):
        assert leads == [], body
        return
    assert leads == [["Sở Tài chính"], [who], ["Sở Y tế"]], body
    task = plan["tasks"][1]
    assert task["lead_as_written"] == [who] and task["title"] == DUTIES[duty] and task["source"] == "body", body
    # a lead that reads as no body's name is flagged, as anywhere; the agencies beside it are not
    flagged = {w["message"].split(":")[0] for w in plan["warnings"] if w["code"] == "lead-not-agency"}
    assert flagged <= {f"task {task['id']}"}, body


@pytest.mark.parametrize("item, head", [
    ("2. Cấp xã: chủ động triển khai các nội dung của Kế hoạch.", "Cấp xã"),
    ("- Thanh niên: tích cực tham gia các hoạt động chuyển đổi số.", "Thanh niên"),
    ("2. Tổ dân phố - tuyên truyền, vận động người dân tham gia.", "Tổ dân phố"),
    ("- **Các trường học trên địa bàn**: tổ chức tuyên truyền.", None),  # "Các …": a group, read as a lead
    ("2. Thời gian: thực hiện trong năm 2026.", None),  # a label, not an addressee
    ("- Hình thức: tổ chức hội nghị trực tuyến.", None),
    ("- Nội dung: tuyên truyền về chuyển đổi số.", None),
    ("2. Kinh phí - bố trí từ ngân sách tỉnh.", None),
])
def test_an_item_addressed_to_someone_no_vocabulary_knows_is_warned(item, head):
    """"Cấp xã: chủ động …" in the implementation part: no agency or business is named, so no task, but a warning
    with its loc; labels ("Thời gian:", "Hình thức:") are neither."""
    body = f"II. TỔ CHỨC THỰC HIỆN\n\n{item}\n\n3. Sở Tài chính: bố trí kinh phí."
    plan = extract_bytes((HEAD + body + TAIL).encode("utf-8"), "p.md")
    unread = [w for w in plan["warnings"] if w["code"] == "body-task-unread"]
    if head is None:
        assert unread == [], body
        return
    assert [t["lead"] for t in plan["tasks"]] == [["Sở Tài chính"]]
    assert len(unread) == 1 and repr(head) in unread[0]["message"] and unread[0]["loc"]["line"], body


@pytest.mark.parametrize("text, lead", [
    ("1. Sở Tài chính - bố trí kinh phí.", "Sở Tài chính"),
    ("1. Sở Y tế – Chủ trì triển khai hồ sơ sức khỏe điện tử.", "Sở Y tế"),
    ("1. Sở Lao động - Thương binh và Xã hội: hướng dẫn.", "Sở Lao động - Thương binh và Xã hội"),  # a dash in a name
    ("1. Phòng Hành chính - Tổ chức theo dõi, tổng hợp kết quả.", "Phòng Hành chính - Tổ chức"),  # 'Tổ chức': a field
    ("1. Doanh nghiệp - chủ động ứng dụng công nghệ số.", "Doanh nghiệp"),
])
def test_a_dash_before_a_duty_parts_the_lead_as_a_colon_does(text, lead):
    plan = extract_bytes((HEAD + "II. TỔ CHỨC THỰC HIỆN\n\n" + text + TAIL).encode("utf-8"), "p.txt")
    assert [t["lead_as_written"] for t in plan["tasks"]] == [[lead]]


def test_a_sentence_about_businesses_under_an_agency_stays_the_agency_task():
    """Under "Sở Công Thương", "Doanh nghiệp …" in a sentence is whom the agency works with; "Doanh nghiệp:" with its
    colon names whom the item is for."""
    body = ("II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Công Thương\n\n- Doanh nghiệp viễn thông, tổ chức triển khai hạ tầng số.\n\n"
            "- Doanh nghiệp: chủ động phối hợp.\n\n2. Doanh nghiệp chủ động ứng dụng công nghệ số.")
    plan = extract_bytes((HEAD + body + TAIL).encode("utf-8"), "p.txt")
    assert [t["lead"] for t in plan["tasks"]] == [["Sở Công Thương"], ["Doanh nghiệp"], ["Doanh nghiệp"]]
