"""The numbering column's header broken by a narrow column over several lines ("Số" over "T" over "T", "S" over
"T" over "T", "ST" over "T"): the lines under the header line whose first column goes on with it are the header's,
not rows numbered "T"."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.parse.aligned_groups import number_head_join, number_head_rest

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n\n")


@pytest.mark.parametrize("head, text, rest, joined", [
    ("ST", "T", True, "STT"),
    ("Số", "TT", True, "Số TT"),
    ("Số", "T", True, "Số T"),
    ("Số T", "T", True, "Số TT"),
    ("S", "T", True, "ST"),
    ("Số thứ", "tự", True, "Số thứ tự"),
    ("STT", "T", False, None),
    ("TT", "1", False, None),
    ("Số", "1", False, None),
    ("Số", "A", False, None),
    ("ST", "", False, None),
])
def test_the_rest_of_a_broken_numbering_header(head, text, rest, joined):
    assert number_head_rest(head, text) is rest
    if rest:
        assert number_head_join(head, text) == joined


def test_a_numbering_header_broken_over_three_lines_heads_its_column():
    """"Số" over "T" over "T" (the header line "Số Tên nhiệm vụ  Thời  Đơn vị chủ", its cells going on below): the
    two "T" lines were read as rows numbered "T", the header as three rows, and no header was found
    (`table-no-header`, `appendix-unread`: no task read)."""
    lines = ["Số Tên nhiệm vụ                Thời      Đơn vị chủ",
             "T                              hạn       trì/phối hợp",
             "T",
             "1  Tuyên truyền về cơ chế      Quý     Sở Nội vụ (chủ",
             "   hỗ trợ doanh nghiệp gắn     IV/2025 trì); Sở Y tế",
             "   với nhu cầu thực tiễn của",
             "   địa phương",
             "2  Rà soát đề án phát triển    Quý       Bảo hiểm xã hội",
             "   nguồn nhân lực theo quy     I/2026    tỉnh (chủ trì); Sở",
             "   định của pháp luật                    Giáo dục và Đào",
             "                                         tạo; Sở Y tế",
             "\x0c3   Xây dựng hệ thống thông Thường     Văn phòng Ủy",
             "    tin báo cáo trên địa bàn xuyên     ban nhân dân",
             "    tỉnh                               tỉnh (chủ trì); Ủy",
             "                                       ban nhân dân",
             "                                       các xã, phường;",
             "                                       Sở Văn hóa, Thể",
             "                                       thao và Du lịch",
             "4   Triển khai mô hình hợp    2026 -   Ủy ban nhân dân",
             "    tác xã kiểu mới giai đoạn 2030     các xã, phường",
             "    2026 - 2030                        và Bảo hiểm xã",
             "                                       hội tỉnh (chủ",
             "                                       trì); Các sở, ban,",
             "                                       ngành liên quan"]
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    assert [(t["no"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"] == [
        ("1", ["Sở Nội vụ"], ["Sở Y tế"], "Quý IV/2025"),
        ("2", ["Bảo hiểm xã hội tỉnh"], ["Sở Giáo dục và Đào tạo", "Sở Y tế"], "Quý I/2026"),
        ("3", ["Văn phòng Ủy ban nhân dân tỉnh"], ["Ủy ban nhân dân các xã, phường", "Sở Văn hóa, Thể thao và Du lịch"],
         "Thường xuyên"),
        ("4", ["Ủy ban nhân dân các xã, phường", "Bảo hiểm xã hội tỉnh"], ["Các sở, ban, ngành liên quan"], "2026 - 2030")]
