"""A document whose header says it is a plan is one even when its text is cut before its numbered parts: its type
line "KẾ HOẠCH", its symbol "…/KH-…" with no type line, a decision (or a resolution) issuing a plan. It is read
is_plan with a plan-parts-unread warning that points at the header line and says where the text ends; a news page,
a letter, a decision that names a plan only in its bases or issues a scheme or a plan that allocates money stay no
plan (all names and numbers invented)."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH LAM SƠN\n\nSố: {number}\n\nLam Sơn, ngày 3 tháng 4 năm 2026\n\n"
BASES = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\n"

CASES = [
    # (what, text, is_plan, the warning's code, the line it points at)
    ("a plan's opening cut in its bases", HEAD.format(number="12/KH-UBND") + "KẾ HOẠCH\n\nPhát triển du lịch năm 2026\n\n"
     + BASES, True, "plan-parts-unread", 8),
    ("a plan whose site dropped its type line: its symbol", HEAD.format(number="12/KH-UBND") + "Phát triển du lịch năm 2026\n\n"
     + BASES, True, "plan-parts-unread", 4),
    ("an action programme's type line", HEAD.format(number="5/CTr-UBND") + "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nThực hiện Nghị quyết "
     "số 9-NQ/TU\n\n" + BASES, True, "plan-parts-unread", 8),
    ("a decision issuing a plan, cut in its bases", HEAD.format(number="40/QĐ-UBND") + "QUYẾT ĐỊNH\n\nBan hành Kế hoạch "
     "chuyển đổi số năm 2026\n\n" + BASES, True, "plan-parts-unread", 8),
    ("the Government's resolution issuing its action programme", "CHÍNH PHỦ\n\nSố: 7/NQ-CP\n\nHà Nội, ngày 3 tháng 4 năm "
     "2026\n\nNGHỊ QUYẾT\n\nBan hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 9-NQ/TW\n\n" + BASES,
     True, "plan-parts-unread", 7),
    ("a work programme's symbol alone (CTr is also 'Chương trình công tác')", HEAD.format(number="5/CTr-UBND")
     + "Công tác năm 2026\n\n" + BASES, False, "not-a-plan", None),
    ("a letter", HEAD.format(number="88/UBND-KT") + "V/v triển khai Kế hoạch số 12/KH-UBND\n\nKính gửi: Sở Tài chính\n\n"
     "Thực hiện Kế hoạch số 12/KH-UBND, Ủy ban nhân dân tỉnh đề nghị Sở Tài chính bố trí kinh phí.\n", False,
     "not-a-plan", None),
    ("a news page on a plan", "Lam Sơn triển khai kế hoạch phát triển du lịch\n\nNgày 3/4, Ủy ban nhân dân tỉnh ban hành "
     "Kế hoạch số 12/KH-UBND về phát triển du lịch năm 2026.\n", False, "not-a-plan", None),
    ("a decision naming a plan only in its bases", HEAD.format(number="41/QĐ-UBND") + "QUYẾT ĐỊNH\n\nVề việc thành lập "
     "Ban Chỉ đạo chuyển đổi số\n\nCăn cứ Kế hoạch số 12/KH-UBND ngày 3 tháng 1 năm 2026;\n\n", False, "not-a-plan", None),
    ("a decision issuing a scheme", HEAD.format(number="42/QĐ-UBND") + "QUYẾT ĐỊNH\n\nBan hành Đề án phát triển nông "
     "nghiệp\n\n" + BASES, False, "not-a-plan", None),
    ("a decision approving a contractor selection plan", HEAD.format(number="43/QĐ-UBND") + "QUYẾT ĐỊNH\n\nPhê duyệt Kế "
     "hoạch lựa chọn nhà thầu gói thầu số 3\n\n" + BASES, False, "not-a-plan", None),
    ("a council's resolution approving a land-use plan", "HỘI ĐỒNG NHÂN DÂN\nTỈNH LAM SƠN\n\nSố: 9/NQ-HĐND\n\nLam Sơn, ngày "
     "3 tháng 4 năm 2026\n\nNGHỊ QUYẾT\n\nPhê duyệt Kế hoạch sử dụng đất năm 2026\n\n" + BASES, False, "not-a-plan", None),
    ("a decision approving a plan allocating capital (the kind not right after 'Kế hoạch'; review W3)",
     HEAD.format(number="44/QĐ-UBND") + "QUYẾT ĐỊNH\n\nPhê duyệt Kế hoạch phân bổ vốn đầu tư công năm 2026\n\n" + BASES,
     False, "not-a-plan", None),
    ("a decision approving a plan of capital for the year", HEAD.format(number="45/QĐ-UBND") + "QUYẾT ĐỊNH\n\nPhê duyệt "
     "Kế hoạch năm 2026 giao vốn cho các dự án\n\n" + BASES, False, "not-a-plan", None),
]


@pytest.mark.parametrize("text,plan,code,line", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_plan_by_its_header(text, plan, code, line):
    got = extract_bytes(text.encode("utf-8"), "doc.txt")
    codes = [w["code"] for w in got["warnings"]]
    assert got["document"]["is_plan"] is plan and code in codes
    assert not {"not-a-plan", "plan-parts-unread"} - {code} & set(codes)
    if line is not None:
        (w,) = [w for w in got["warnings"] if w["code"] == code]
        assert w["loc"]["line"] == line and f"ends at line {len(text.rstrip().splitlines())}" in w["message"]
        assert got["tasks"] == [] and got["sections"] == [] and "signer-missing" not in codes


def test_a_whole_plan_with_its_parts_gives_no_parts_unread_warning():
    text = HEAD.format(number="12/KH-UBND") + "KẾ HOẠCH\n\nPhát triển du lịch năm 2026\n\nI. TỔ CHỨC THỰC HIỆN\n\n" \
        "1. Sở Văn hóa chủ trì tổ chức lễ hội du lịch, hoàn thành trước ngày 30/6/2026.\n"
    got = extract_bytes(text.encode("utf-8"), "doc.txt")
    assert got["document"]["is_plan"] is True and len(got["tasks"]) == 1
    assert "plan-parts-unread" not in [w["code"] for w in got["warnings"]]


def test_a_checklist_of_a_plan_cut_before_its_parts_says_so():
    from kehoach.export import render_checklist
    from kehoach.export.schedule import PARTS_UNREAD

    cut = extract_bytes((HEAD.format(number="12/KH-UBND") + "KẾ HOẠCH\n\nPhát triển du lịch\n\n" + BASES).encode(), "a.txt")
    md = render_checklist(cut, "md").decode("utf-8")
    assert PARTS_UNREAD in md and "không có nhiệm vụ nào được phân công" not in md


def test_a_plan_with_its_end_but_no_numbered_parts_is_not_called_cut():
    """A plan by its header, its paragraphs unnumbered, signed with its 'Nơi nhận': no numbered part was read, but
    the text is whole (review W2: the warning said it may be cut)."""
    text = HEAD.format(number="12/KH-UBND") + "KẾ HOẠCH\n\nPhát triển du lịch năm 2026\n\nGiao Phòng Văn hóa - Xã hội " \
        "chủ trì tổ chức lễ hội, hoàn thành trong Quý III/2026.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN " \
        "NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n"
    got = extract_bytes(text.encode("utf-8"), "doc.txt")
    (w,) = [w for w in got["warnings"] if w["code"] == "plan-parts-unread"]
    assert "may be cut" not in w["message"] and "without numbered parts" in w["message"]
