"""A ";" in a lead or support cell ends an entry: the name after it was joined to the one before as if the line
had wrapped inside a name ("Phòng Tham mưu; Viettel Đồng Nai" gave one agency "Phòng Tham mưu Viettel Đồng Nai",
silently), when it opens with a capitalised word that does not begin agency names (a company, a newspaper)."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

FIRST = ["Phòng Tham mưu", "Sở Tài chính", "Trung tâm Y tế khu vực", "Ban Quản lý dự án"]
SECOND = ["Viettel Hưng Yên", "VNPT Quảng Trị", "Tổng công ty Điện lực miền Bắc", "Bưu điện tỉnh", "Hợp tác xã Thành Công"]


def _support(cell: str, layout: str) -> list[list[str]]:
    head = "Số: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\nI. NHIỆM VỤ\nChi tiết tại Phụ lục.\n\nPHỤ LỤC\n"
    rows = [["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
            ["1", "Rà soát hạ tầng kỹ thuật của các xã", "Sở Xây dựng", cell, "Quý III/2026"],
            ["2", "Tổ chức tập huấn cho cán bộ cơ sở", "Sở Nội vụ", "Sở Tài chính", "Tháng 9/2026"]]
    if layout == "pipes":
        body = "\n".join("| " + " | ".join(r) + " |" for r in rows[:1] + [["---"] * 5] + rows[1:])
    else:  # the portal's crawl: one cell a line between "|" lines
        body = "\n".join("|\n" + "\n|\n".join(r) + "\n|" for r in rows)
    plan = extract_bytes((head + body + "\n").encode("utf-8"), "t.md")
    return [t["support"] for t in plan["tasks"] if t["no"] == "1"]


@pytest.mark.parametrize("layout", ["pipes", "scrape"])
@pytest.mark.parametrize("second", SECOND)
@pytest.mark.parametrize("first", FIRST)
def test_a_semicolon_parts_two_names(first, second, layout):
    assert _support(f"{first}; {second}", layout) == [[first, second]]


def test_a_name_wrapped_over_lines_is_still_joined():
    assert _support("Sở Tài chính;\nTrung tâm Kiểm soát\nBệnh tật tỉnh", "scrape") == [["Sở Tài chính", "Trung tâm Kiểm soát Bệnh tật tỉnh"]]
