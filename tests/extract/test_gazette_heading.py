"""Headers a portal or a gazette prints otherwise: the gazette's one-sentence heading under the type line ("CHỈ THỊ" /
"CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2003/CT-TTG NGÀY 5 THÁNG 3 NĂM 2003 VỀ VIỆC …") gave that whole sentence as the title and
no number, date or issuer; the enacting body's line "CHÍNH PHỦ" under a resolution's title was run into the title; a
commune's name in the first cell of a scraped "|" row ("XÃ AN LẠC | Độc lập - Tự do - Hạnh phúc |") took the motto into
the issuer; a decision's "PHÊDUYỆT KẾ HOẠCH …" (words glued by a converter) was not known to issue a plan."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

_BODY = "Thực hiện Nghị quyết của Quốc hội về nhiệm vụ năm 2003, yêu cầu như sau:\nI. NỘI DUNG\n1. Nhiệm vụ chung\n"


@pytest.mark.parametrize("kind,code", [("CHỈ THỊ", "CT"), ("QUYẾT ĐỊNH", "QĐ")])
@pytest.mark.parametrize("issuer,caps,symbol", [
    ("Thủ tướng Chính phủ", "THỦ TƯỚNG CHÍNH PHỦ", "2003/{code}-TTG"),
    ("Bộ Tài chính", "BỘ TRƯỞNG BỘ TÀI CHÍNH", "2003/{code}-BTC"),
    ("Ủy ban nhân dân tỉnh An Lạc", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN LẠC", "2003/{code}-UB"),
])
@pytest.mark.parametrize("wrap", [" ", "\n"])
def test_a_gazette_heading_gives_issuer_number_date_and_subject(kind, code, issuer, caps, symbol, wrap):
    words = f"CỦA {caps} SỐ 16/{symbol.format(code=code)} NGÀY 5 THÁNG 3 NĂM 2003 VỀ VIỆC XÂY DỰNG KẾ HOẠCH NĂM 2004".split()
    heading = " ".join(words[:4]) + wrap + " ".join(words[4:10]) + wrap + " ".join(words[10:])
    doc = extract_bytes(f"{kind}\n{heading}\n{_BODY}".encode(), "t.txt")["document"]
    assert doc["title"] == "VỀ VIỆC XÂY DỰNG KẾ HOẠCH NĂM 2004"
    assert (doc["number"], doc["date"], doc["issuer"]) == (f"16/{symbol.format(code=code)}", "2003-03-05", issuer)


@pytest.mark.parametrize("title", ["CỦA MỘT SỐ CƠ QUAN VỀ VIỆC PHỐI HỢP", "PHÊ DUYỆT ĐỀ ÁN CỦA TỈNH SỐ HÓA NGÀY CÀNG RỘNG"])
def test_a_title_that_is_no_gazette_heading_stays_whole(title):
    doc = extract_bytes(f"ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\nSố: 3/QĐ-UBND\nAn Lạc, ngày 2 tháng 3 năm 2026\nQUYẾT ĐỊNH\n{title}\n"
                        "Căn cứ Luật Tổ chức chính quyền địa phương;\n".encode(), "t.txt")["document"]
    assert doc["title"] == title and doc["number"] == "3/QĐ-UBND"


@pytest.mark.parametrize("body", ["CHÍNH PHỦ", "QUỐC HỘI", "ỦY BAN THƯỜNG VỤ QUỐC HỘI"])
def test_the_enacting_bodys_line_is_no_part_of_the_title(body):
    text = (f"{body}\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 03/NQ-CP\n|\n"
            f"Hà Nội, ngày 09\ntháng 01 năm 2026\n|\nNGHỊ QUYẾT\nBAN HÀNH CHƯƠNG TRÌNH\nHÀNH ĐỘNG VỀ CHUYỂN ĐỔI SỐ QUỐC GIA\n{body}\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6\nnăm 2015;\nQUYẾT NGHỊ:\n")
    doc = extract_bytes(text.encode(), "t.txt")["document"]
    assert doc["title"] == "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ CHUYỂN ĐỔI SỐ QUỐC GIA"


def test_a_header_issuer_wrapped_before_chinh_phu_stays_whole():
    text = ("THỦ TƯỚNG\nCHÍNH PHỦ\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố:\n344/QĐ-TTg\n|\nHà Nội,\n"
            "ngày 15 tháng 3 năm 2026\n|\nQUYẾT ĐỊNH\nVỀ\nVIỆC PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN\nTHỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật;\n")
    doc = extract_bytes(text.encode(), "t.txt")["document"]
    assert (doc["issuer"], doc["number"], doc["title"]) == ("Thủ tướng Chính phủ", "344/QĐ-TTg", "VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN")


@pytest.mark.parametrize("level,place", [("XÃ", "An Lạc"), ("PHƯỜNG", "Tân Phú"), ("THỊ TRẤN", "Bình Minh")])
@pytest.mark.parametrize("nation", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
def test_a_communes_name_in_the_first_cell_of_a_scraped_row(level, place, nation):
    text = (f"ỦY BAN NHÂN DÂN | {nation} |\n{level} {place.upper()} | Độc lập - Tự do - Hạnh phúc |\nSố: 36 /KH - UBND |\n"
            f"{place}, ngày 07 tháng 5 năm 2026 |\nKẾ HOẠCH\nPhòng, chống thiên tai năm 2026\nI. MỤC ĐÍCH\n1. Chủ động.\n")
    doc = extract_bytes(text.encode(), "t.txt")["document"]
    assert doc["issuer"] == f"Ủy ban nhân dân {level.lower()} {place}"
    assert (doc["number"], doc["date"]) == ("36/KH-UBND", "2026-05-07")


@pytest.mark.parametrize("title", ["PHÊDUYỆT KẾ HOẠCH TỔ CHỨC CÁC HOẠT ĐỘNG KỶ NIỆM NĂM 2026",
                                   "BANHÀNH KẾ HOẠCH HÀNH ĐỘNG VÌ SỰ TIẾN BỘ PHỤ NỮ", "VỀ VIỆC BAN HÀNH KẾ HOẠCHTHỰC HIỆN ĐỀ ÁN"])
def test_a_decision_issuing_a_plan_with_words_glued_by_a_converter(title):
    """'PHÊDUYỆT KẾ HOẠCH …' (a converter glued the words) is a decision issuing a plan: the plan-parts-unread warning says the
    plan is not in this document, as it does for 'PHÊ DUYỆT KẾ HOẠCH …'."""
    text = (f"THỦ TƯỚNG CHÍNH PHỦ\nSố: 719/QĐ-TTg\nHà Nội, ngày 15 tháng 06 năm 2026\nQUYẾT ĐỊNH\n{title}\nTHỦ TƯỚNG CHÍNH PHỦ\n"
            "Căn cứ Luật tổ chức Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n")
    said = [w["message"] for w in extract_bytes(text.encode(), "t.txt")["warnings"] if w["code"] == "plan-parts-unread"]
    assert len(said) == 1 and "decision issuing a plan" in said[0]
