"""A numbered task that ends with its assignment as labels in a bracket ("1. Khảo sát … (Đơn vị chủ trì: Phòng A;
đơn vị phối hợp: Trung tâm B; thời gian: Quý II/2026).") gave no lead (the lead's label follows the bracket, not a
";" or "."; the title ran into the bracket), and a bracket a crawl's wrap put at the start of the next line gave no
task at all (the first line was read as a heading)."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

LEADS = ["Chủ trì", "Cơ quan chủ trì", "Đơn vị chủ trì"]
SUPPORTS = ["phối hợp", "cơ quan phối hợp", "đơn vị phối hợp"]
TIMES = [("thời gian", "Quý II/2026", "2026-06-30"), ("thời hạn", "Tháng 9/2026", "2026-09-30"),
         ("thời gian hoàn thành", "Trước ngày 31/10/2026", "2026-10-31")]


def _tasks(item: str, name: str = "t.txt") -> list[tuple]:
    text = ("Số: 12/KH-SKHCN\nKẾ HOẠCH\nThúc đẩy đổi mới sáng tạo năm 2026\n\nI. MỤC ĐÍCH\nHỗ trợ doanh nghiệp.\n\n"
            f"II. NHIỆM VỤ\n{item}\n\n2. Theo dõi, tổng hợp kết quả (Chủ trì: Văn phòng Sở; thời gian: Thường xuyên).\n\n"
            "III. TỔ CHỨC THỰC HIỆN\nCác phòng thực hiện.\n")
    plan = extract_bytes(text.encode("utf-8"), name)
    return [(t["title"], t["lead"], t["support"], t["deadline"]["end"]) for t in plan["tasks"] if t["no"] == "1"]


@pytest.mark.parametrize("time", TIMES, ids=lambda t: t[0])
@pytest.mark.parametrize("support", SUPPORTS)
@pytest.mark.parametrize("lead", LEADS)
def test_labels_in_a_closing_bracket(lead, support, time):
    label, value, end = time
    item = (f"1. Khảo sát nhu cầu chuyển đổi số của doanh nghiệp ({lead}: Phòng Quản lý công nghệ; {support}: "
            f"Trung tâm Công nghệ thông tin, Hiệp hội Doanh nghiệp tỉnh; {label}: {value}).")
    assert _tasks(item) == [("Khảo sát nhu cầu chuyển đổi số của doanh nghiệp", ["Phòng Quản lý công nghệ"],
                             ["Trung tâm Công nghệ thông tin", "Hiệp hội Doanh nghiệp tỉnh"], end)]


@pytest.mark.parametrize("lead", LEADS)
def test_the_bracket_wrapped_to_the_next_line(lead):
    item = f"1. Hỗ trợ doanh nghiệp xác lập quyền sở hữu trí tuệ\n({lead}: Phòng Quản lý công nghệ; thời gian: Năm 2026)."
    found = _tasks(item, "t.md")
    assert [(lead_, support, end) for _t, lead_, support, end in found] == [(["Phòng Quản lý công nghệ"], [], "2026-12-31")]


def test_a_bracket_that_is_no_label_stays_in_the_title():
    item = "1. Rà soát quy hoạch (điều chỉnh) vùng sản xuất; Sở Tài chính chủ trì, hoàn thành trong Quý III/2026."
    assert all(lead == ["Sở Tài chính"] for _t, lead, _s, _e in _tasks(item))
