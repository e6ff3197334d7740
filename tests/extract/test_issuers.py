"""The issuer of a plan from its header, for bodies the vocabulary does not list: a table of headers."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

BODY = ("\n\nSố: 12/KH-BCĐ\n\nHà Nội, ngày 5 tháng 3 năm 2026\n\nKẾ HOẠCH\n\nThử nghiệm\n\nI. MỤC TIÊU\n\n"
        "Nâng cao chất lượng.\n\nTrên đây là Kế hoạch thử nghiệm.\n")

ISSUERS = [
    # the committee, its level and its place
    (["UBND PHƯỜNG BA ĐÌNH"], "Ủy ban nhân dân phường Ba Đình"),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐÌNH"], "Ủy ban nhân dân phường Ba Đình"),
    (["UBND ĐẶC KHU PHÚ QUỐC"], "Ủy ban nhân dân đặc khu Phú Quốc"),
    # a body under the committee, named with the committee's place
    (["UBND TỈNH QUẢNG NINH", "BAN CHỈ ĐẠO 35"], "Ban Chỉ đạo 35 tỉnh Quảng Ninh"),
    (["UBND TỈNH BẮC GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Sở Khoa học và Công nghệ tỉnh Bắc Giang"),
    (["UBND THÀNH PHỐ HỒ CHÍ MINH", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ"], "Ban Chỉ đạo chuyển đổi số thành phố Hồ Chí Minh"),
    # the body's name wrapped into a block of its own further down the left column (its last words were lost)
    (["UBND TỈNH TUYÊN QUANG", "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH", "", "MỤC TIÊU QUỐC GIA"],
     "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Tuyên Quang"),
    (["UBND TỈNH TUYÊN QUANG", "BAN CHỈ ĐẠO CÁC CHƯƠNG", "TRÌNH", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "",
      "Độc lập - Tự do - Hạnh phúc", "", "MỤC TIÊU QUỐC GIA"], "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Tuyên Quang"),
    (["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "", "BAN CHỈ ĐẠO PHÒNG, CHỐNG", "", "THIÊN TAI"],
     "Ban Chỉ đạo phòng, chống thiên tai tỉnh Lào Cai"),
    (["UBND TỈNH QUẢNG NINH", "SỞ Y TẾ", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "Sở Y tế tỉnh Quảng Ninh"),
    # a body issuing in its own name, with no committee over it (there was no issuer, with issuer-missing)
    (["BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG TỈNH LẠNG SƠN"], "Ban Chỉ đạo phòng, chống tham nhũng tỉnh Lạng Sơn"),
    (["BAN CHỈ ĐẠO THI HÀNH ÁN DÂN SỰ TỈNH ĐẮK LẮK"], "Ban Chỉ đạo thi hành án dân sự tỉnh Đắk Lắk"),
    (["HỘI ĐỒNG NHÂN DÂN TỈNH NGHỆ AN"], "Hội đồng nhân dân tỉnh Nghệ An"),
    (["SỞ Y TẾ TỈNH THANH HÓA"], "Sở Y tế tỉnh Thanh Hóa"),
    (["SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "Sở Giáo dục và Đào tạo"),
    (["BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH BÌNH DƯƠNG"], "Ban Quản lý các khu công nghiệp tỉnh Bình Dương"),
    (["CÔNG AN TỈNH HÀ TĨNH"], "Công an tỉnh Hà Tĩnh"),
    (["BỘ TÀI CHÍNH"], "Bộ Tài chính"),
    # a Party committee prints the Party's name where a state body prints the national name
    (["TỈNH ỦY HÀ TĨNH ĐẢNG CỘNG SẢN VIỆT NAM"], "Tỉnh ủy Hà Tĩnh"),
    (["TỈNH ỦY HÀ TĨNH          ĐẢNG CỘNG SẢN VIỆT NAM"], "Tỉnh ủy Hà Tĩnh"),
]


@pytest.mark.parametrize("lines, issuer", ISSUERS, ids=lambda v: " / ".join(v) if isinstance(v, list) else None)
def test_issuer_in_capitals(lines, issuer):
    plan = extract_bytes(("\n".join(lines) + BODY).encode("utf-8"), "plan.txt")
    assert plan["document"]["issuer"] == issuer
    assert not [w for w in plan["warnings"] if w["code"] == "issuer-missing"]


def test_a_title_in_capitals_first_is_no_issuer():
    plan = extract_bytes(("KẾ HOẠCH PHÁT TRIỂN DU LỊCH" + BODY).encode("utf-8"), "plan.txt")
    assert plan["document"]["issuer"] is None


@pytest.mark.parametrize("lines, issuer", [
    (["BCH ĐOÀN TỈNH LÂM ĐỒNG          ĐOÀN TNCS HỒ CHÍ MINH"], "Ban Chấp hành Đoàn tỉnh Lâm Đồng"),
    (["BCH ĐOÀN TỈNH LÂM ĐỒNG", "ĐOÀN TNCS HỒ CHÍ MINH"], "Ban Chấp hành Đoàn tỉnh Lâm Đồng"),
    (["BAN CHẤP HÀNH ĐOÀN TỈNH GIA LAI          ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH"], "Ban Chấp hành Đoàn tỉnh Gia Lai"),
    (["BCH QUÂN SỰ TỈNH"], "Bộ Chỉ huy Quân sự tỉnh"),  # the official spelling (vocab UNITS)
    (["BCHQS TỈNH"], "Bộ Chỉ huy Quân sự tỉnh"),
])
def test_a_youth_unions_committee_and_the_unions_name_opposite(lines, issuer):
    """A youth union's document prints the union's name ("ĐOÀN TNCS HỒ CHÍ MINH") where a state body prints the
    nation's; its committee is "BCH Đoàn" (Ban Chấp hành), not a military command ("BCH Quân sự": Bộ Chỉ huy). The
    issuer came out "Bộ Chỉ huy đoàn tỉnh …" or "Đoàn tncs Hồ Chí Minh tỉnh …", silently (held-out h117)."""
    plan = extract_bytes(("\n".join(lines) + BODY).encode("utf-8"), "plan.txt")
    assert plan["document"]["issuer"] == issuer  # (the union's "Đoàn" came out in lower case)
