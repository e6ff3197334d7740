"""A web page's table as a text browser dumps it with no borders (``w3m -dump``: cells centred on whole lines,
rows packed), holding a cell merged over rows (``rowspan``): the browser centres it on the lines of all the rows
it spans, where no one row's centring sets it (parse/centred_lines.py). Each row it spans takes it."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n\n")


def _tasks(lines: list[str]) -> tuple[list[tuple], list[str]]:
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    return ([(t["no"], t["title"], t["lead"], t["deadline"]["text"]) for t in plan["tasks"]],
            [w["code"] for w in plan["warnings"] if w["code"] != "signer-missing"])


@pytest.mark.parametrize("lines, tasks", [
    # "Sở Nội vụ" merged over rows 1 and 2 (five lines: its line the third), row 3's lead its own
    (["TT  Nội dung                   Chủ trì      Thời gian",
      "    Xây dựng kế hoạch tuyên",
      "1   truyền về chuyển đổi số                 Năm 2026",
      "    giai đoạn 2026 - 2030      Sở Nội vụ",
      "2   Tổ chức hội nghị sơ kết                 Quý II/2026",
      "    năm",
      "3   Kiểm tra việc thực hiện    Sở Tư pháp   Hằng năm"],
     [("1", "Xây dựng kế hoạch tuyên truyền về chuyển đổi số giai đoạn 2026 - 2030", ["Sở Nội vụ"], "Năm 2026"),
      ("2", "Tổ chức hội nghị sơ kết năm", ["Sở Nội vụ"], "Quý II/2026"),
      ("3", "Kiểm tra việc thực hiện", ["Sở Tư pháp"], "Hằng năm")]),
    # in the same column, two rows' leads touching (three lines, then two at the next row's top) are two cells
    (["TT  Nội dung                   Chủ trì      Thời gian",
      "    Rà soát danh mục dịch vụ   Ủy ban nhân",
      "1   công trực tuyến trên địa   dân các xã;  Năm 2026",
      "    bàn tỉnh                   Sở Tư pháp",
      "    Rà soát cơ sở dữ liệu      Bảo hiểm xã",
      "2   chuyên ngành giai đoạn     hội tỉnh     Quý II/2026",
      "    2026 - 2030",
      "    Xây dựng kế hoạch tuyên",
      "3   truyền về chuyển đổi số                 Năm 2026",
      "    giai đoạn 2026 - 2030      Sở Nội vụ",
      "4   Tổ chức hội nghị sơ kết                 Quý II/2026",
      "    năm"],
     [("1", "Rà soát danh mục dịch vụ công trực tuyến trên địa bàn tỉnh", ["Ủy ban nhân dân các xã", "Sở Tư pháp"], "Năm 2026"),
      ("2", "Rà soát cơ sở dữ liệu chuyên ngành giai đoạn 2026 - 2030", ["Bảo hiểm xã hội tỉnh"], "Quý II/2026"),
      ("3", "Xây dựng kế hoạch tuyên truyền về chuyển đổi số giai đoạn 2026 - 2030", ["Sở Nội vụ"], "Năm 2026"),
      ("4", "Tổ chức hội nghị sơ kết năm", ["Sở Nội vụ"], "Quý II/2026")]),
    # the column with the merged cell is also the tallest of another row (row 1: three lines of agencies)
    (["TT  Nội dung                   Chủ trì      Thời gian",
      "    Rà soát danh mục dịch vụ   Ủy ban nhân",
      "1   công trực tuyến            dân các xã;  Năm 2026",
      "                               Sở Tư pháp",
      "    Xây dựng kế hoạch tuyên",
      "2   truyền về chuyển đổi số                 Năm 2026",
      "    giai đoạn 2026 - 2030      Sở Nội vụ",
      "3   Tổ chức hội nghị sơ kết                 Quý II/2026",
      "    năm"],
     [("1", "Rà soát danh mục dịch vụ công trực tuyến", ["Ủy ban nhân dân các xã", "Sở Tư pháp"], "Năm 2026"),
      ("2", "Xây dựng kế hoạch tuyên truyền về chuyển đổi số giai đoạn 2026 - 2030", ["Sở Nội vụ"], "Năm 2026"),
      ("3", "Tổ chức hội nghị sơ kết năm", ["Sở Nội vụ"], "Quý II/2026")]),
])
def test_a_cell_merged_over_rows_is_each_rows(lines, tasks):
    got, warnings = _tasks(lines)
    assert got == tasks
    assert warnings == []

