"""A task table whose header a text browser cut and set apart from its cells ("Đơn vị chủ" / "trì" wrapped, a
page drawn at another scale) has no lead column the reader can find: no task comes from it. That was silent (the
appendix has a table, so nothing was said to be missing); the table is now warned appendix-unread where it
stands. (From the round trip's generated tables through w3m -dump: tests/tablegen.py, layout w3m, seed 27.)"""

from __future__ import annotations

from kehoach import extract_bytes

from ..tablegen import HEAD

PLAN = HEAD + """
PHỤ LỤC

TT Nội dung công việc                                             Đơn vị chủ Tiến  Sản
                                                                  trì        độ    phẩm
1  Rà soát tiêu chí đánh giá mức độ hài lòng gắn với nhu cầu thực Sở Nội vụ  2026  Đề án
   tiễn của địa phương

Trang 2

TT Nội dung công việc                                   Đơn vị chủ  Tiến độ      Sản phẩm
                                                        trì
2  Nâng cấp cơ chế hỗ trợ doanh nghiệp cho cán bộ, công             2026 - 2030  Kế hoạch
   chức cấp xã
3  Hướng dẫn tiêu chí đánh giá mức độ hài lòng          Sở Nội vụ   Trước 30/6/  Quyết
                                                                    2026         định
"""


def test_a_task_table_whose_lead_column_was_not_found_is_warned():
    plan = extract_bytes(PLAN.encode(), "plan.txt")
    table_line = PLAN.splitlines().index("PHỤ LỤC") + 3
    assert not [t for t in plan["tasks"] if t.get("source") == "appendix"]  # (a reader that finds the columns: test it)
    assert [w["loc"]["line"] for w in plan["warnings"] if w["code"] == "appendix-unread"] == [table_line]


def test_an_indicator_table_is_no_task_table():
    text = PLAN.split("PHỤ LỤC")[0] + ("PHỤ LỤC\n\n| TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026 |\n"
                                        "|---|---|---|---|---|\n| 1 | Tỷ lệ hồ sơ trực tuyến | % | 80 | 90 |\n")
    plan = extract_bytes(text.encode(), "plan.md")
    assert not [w for w in plan["warnings"] if w["code"] == "appendix-unread" and "lead column" in w["message"]]
