"""A tab-separated table a page break cut inside a row (a PDF converted to text): the row's number
and first words before the bare page number and form feed, the rest after the repeated header."""

from __future__ import annotations

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n\n")
TOP = ["STT\tNội dung\tCơ quan\tCơ quan\tThời hạn", "\t\tchủ trì\tphối hợp\t",
       "1\tKhảo sát nhu cầu đào tạo nghề\tSở Nội vụ\tSở Tài chính\tQuý I/2026",
       "2\tMở lớp đào tạo nghề ngắn hạn cho lao động"]
BREAK = ["", "                    3", "\f"]
AFTER = ["\tnông thôn vùng dân tộc thiểu số\tSở Giáo dục và Đào tạo\tỦy ban nhân dân các xã\tNăm 2026",
         "3\tĐánh giá kết quả đào tạo nghề\tSở Nội vụ\t\tQuý IV/2026"]


def tasks(lines: list[str]) -> list[tuple]:
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    assert not [w for w in plan["warnings"] if w["code"].startswith("table")], plan["warnings"]
    return [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"]]


WANT = [("1", "Khảo sát nhu cầu đào tạo nghề", ["Sở Nội vụ"], ["Sở Tài chính"], "Quý I/2026"),
        ("2", "Mở lớp đào tạo nghề ngắn hạn cho lao động nông thôn vùng dân tộc thiểu số", ["Sở Giáo dục và Đào tạo"],
         ["Ủy ban nhân dân các xã"], "Năm 2026"),
        ("3", "Đánh giá kết quả đào tạo nghề", ["Sở Nội vụ"], [], "Quý IV/2026")]


def test_cut_row_after_a_repeated_header_is_one_row():
    repeated = ["STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn"]
    assert tasks(TOP + BREAK + repeated + AFTER) == WANT


def test_cut_row_without_a_repeated_header_is_one_row():
    assert tasks(TOP + BREAK[:2] + ["\f" + AFTER[0]] + AFTER[1:]) == WANT


def test_a_short_row_not_at_a_page_break_is_not_joined_to_the_next():
    """Without a page break, a row with fewer cells stays one row of its own (merged cells)."""
    plan = extract_bytes((HEAD + "\n".join(TOP[:3] + ["2\tMở lớp đào tạo nghề ngắn hạn", AFTER[1]]) + "\n").encode(), "plan.txt")
    assert [t["no"] for t in plan["tasks"]] == ["1", "2", "3"]
