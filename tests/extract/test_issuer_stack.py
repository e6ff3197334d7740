"""Issuer lines stacked in the header's left column, a committee over a department over its unit ("UBND TỈNH X" /
"SỞ Y TẾ" / "PHÒNG NGHIỆP VỤ Y"): the unit on the last line issues, the bodies above are its parents. They were run
together as one issuer ("Sở y tế phòng nghiệp vụ y tỉnh X"). The model's ``issuer`` is the issuing body named with
its committee's place, as for two lines ("Sở Y tế tỉnh X")."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
_BODY = "\nKẾ HOẠCH\nPhòng chống dịch bệnh năm 2026\n\nI. MỤC ĐÍCH\nBảo đảm.\n\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí.\n"


def _issuer(left: list[str], layout: str, place: str) -> str | None:
    if layout == "beside":
        rows = [f"{line:<44}{_RIGHT[k] if k < 2 else ''}".rstrip() for k, line in enumerate(left)]
        head = "\n".join(rows) + f"\nSố: 12/KH-CCTL                          {place}, ngày 5 tháng 3 năm 2026\n"
    else:  # one line each, or a blank line between them (each its own paragraph)
        head = ("\n\n" if layout == "apart" else "\n").join(left) + f"\nSố: 12/KH-CCTL\n{_RIGHT[0]}\n{_RIGHT[1]}\n{place}, ngày 5 tháng 3 năm 2026\n"
    return extract_bytes((head + _BODY).encode("utf-8"), "t.txt")["document"]["issuer"]


STACKS = [
    (["UBND TỈNH QUẢNG TRỊ", "SỞ Y TẾ", "PHÒNG NGHIỆP VỤ Y"], "Quảng Trị", "phòng nghiệp vụ y tỉnh quảng trị"),
    (["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "CHI CỤC THỦY LỢI"], "Lào Cai",
     "chi cục thủy lợi tỉnh lào cai"),
    (["UBND TỈNH CAO BẰNG", "SỞ Y TẾ", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT"], "Cao Bằng",
     "trung tâm kiểm soát bệnh tật tỉnh cao bằng"),
    (["UBND HUYỆN ĐÔNG ANH", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG TIỂU HỌC AN BÌNH"], "Đông Anh",
     "trường tiểu học an bình huyện đông anh"),
    # a department with its place over its unit (no committee line): the unit, named with that place
    (["SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LẠNG SƠN", "TRƯỜNG THPT HÒA AN"], "Hòa An",
     "trường trung học phổ thông hòa an tỉnh lạng sơn"),
    # two lines, and one body's name wrapped over two lines: one body, as before
    (["UBND TỈNH QUẢNG TRỊ", "SỞ Y TẾ"], "Quảng Trị", "sở y tế tỉnh quảng trị"),
    (["UBND TỈNH LÀO CAI", "SỞ GIÁO DỤC VÀ", "ĐÀO TẠO"], "Lào Cai", "sở giáo dục và đào tạo tỉnh lào cai"),
    (["UBND TỈNH CAO BẰNG", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"], "Cao Bằng",
     "sở lao động - thương binh và xã hội tỉnh cao bằng"),
    (["UBND TỈNH QUẢNG TRỊ", "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH", "MỤC TIÊU QUỐC GIA"], "Quảng Trị",
     "ban chỉ đạo các chương trình mục tiêu quốc gia tỉnh quảng trị"),
]


@pytest.mark.parametrize("layout", ["stacked", "apart", "beside"])
@pytest.mark.parametrize(("left", "place", "issuer"), STACKS)
def test_the_last_body_of_the_stack_issues(left, place, issuer, layout):
    assert (_issuer(left, layout, place) or "").lower() == issuer
