"""A header a portal scraped with its cells on one line, generated in its variations: the issuer written out or
abridged, "|" with or without spaces, a trailing "|" or none, a rule glued after the issuer, the number with or
without its year, the place and date in a cell of their own or after the nation's name and motto, the number
on the issuer's line or on the date's. Each gives the issuer, number, place and date."""

from __future__ import annotations

import itertools

import pytest

from kehoach import extract_bytes

ISSUERS = ("ỦY BAN NHÂN DÂN TỈNH NAM HÀ", "UBND TỈNH NAM HÀ")
BARS = (" | ", "|", " |  ")
NUMBERS = ("45/KH-UBND", "45/2024/KH-UBND")
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DATE = "Nam Hà, ngày 3 tháng 4 năm 2024"
BODY = "\nKẾ HOẠCH\nPHÁT TRIỂN THỂ THAO NĂM 2024\nI. MỤC TIÊU\nNâng cao thể lực.\n"


def _header(issuer: str, bar: str, trailing: bool, rule: bool, number: str, layout: str) -> str:
    end = bar.rstrip() if trailing else ""
    left = issuer + (" -------" if rule else "")
    if layout == "two lines":  # "ISSUER | NATION |" / "Số: … | Place, ngày … |"
        return f"{left}{bar}{NATION}{end}\nSố: {number}{bar}{DATE}{end}"
    # the whole header on one line, the number run on after the issuer, the date after the motto
    return f"{left} Số: {number}{bar}{NATION} {MOTTO} --------------- {DATE}{end}"


CASES = list(itertools.product(ISSUERS, BARS, (True, False), (True, False), NUMBERS, ("two lines", "one line")))


@pytest.mark.parametrize("issuer,bar,trailing,rule,number,layout", CASES)
def test_a_header_on_one_line_gives_its_fields(issuer, bar, trailing, rule, number, layout):
    text = _header(issuer, bar, trailing, rule, number, layout) + BODY
    doc = extract_bytes(text.encode("utf-8"), "page.txt")["document"]
    got = {k: doc[k] for k in ("issuer", "number", "place", "date")}
    assert got == {"issuer": "Ủy ban nhân dân tỉnh Nam Hà", "number": number, "place": "Nam Hà", "date": "2024-04-03"}


ENACTING = ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NAM HÀ", "ỦY BAN NHÂN DÂN TỈNH NAM HÀ", "THỦ TƯỚNG CHÍNH PHỦ",
            "BỘ TRƯỞNG BỘ Y TẾ", "HỘI ĐỒNG NHÂN DÂN TỈNH NAM HÀ")
TITLES = (["BAN HÀNH QUY CHẾ LÀM VIỆC"], ["BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHỈ ĐẠO CÔNG TÁC", "DÂN SỐ TỈNH NAM HÀ"],
          ["VỀ VIỆC BAN HÀNH QUY ĐỊNH QUẢN LÝ", "CHỢ TRÊN ĐỊA BÀN TỈNH NAM HÀ GIAI ĐOẠN 2021 -", "2025"])


@pytest.mark.parametrize("kind,title,enacting", list(itertools.product(("QUYẾT ĐỊNH", "NGHỊ QUYẾT"), TITLES, ENACTING)))
def test_a_title_stops_at_the_office_that_enacts_it(kind, title, enacting):
    """The office or body on the line under a decision's or resolution's title, the lines set one under the
    other as a portal's page gives them, is no part of the title. (A title whose wrapped lines are paragraphs of
    their own, in capitals, is read cut to its first: not one of these.)"""
    sep = "\n"
    head = "ỦY BAN NHÂN DÂN\nTỈNH NAM HÀ\nSố: 12/QĐ-UBND\nNam Hà, ngày 5 tháng 6 năm 2023\n"
    lines = [kind, *title, enacting, "Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:", "Điều 1. Ban hành."]
    doc = extract_bytes((head + sep.join(lines) + "\n").encode("utf-8"), "page.txt")["document"]
    assert doc["title"] == " ".join(title)


@pytest.mark.parametrize("kind,enacting,rule", list(itertools.product(
    ("QUYẾT ĐỊNH", "NGHỊ QUYẾT"), (*ENACTING, "ỦY BAN NHÂN DÂN TỈNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐÔNG HÀ"), (True, False))))
def test_a_dropped_title_is_not_the_office_that_enacts_it(kind, enacting, rule):
    """A portal that dropped a decision's title (the type line, maybe a rule, then the enacting office) gives no
    title: the office's line is none."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH NAM HÀ\nSố: 12/QĐ-UBND\nNam Hà, ngày 5 tháng 6 năm 2023\n"
    lines = [kind, *(["----------------"] if rule else []), enacting, "Căn cứ Luật Tổ chức chính quyền địa phương;",
             "QUYẾT ĐỊNH:", "Điều 1. Ban hành."]
    doc = extract_bytes((head + "\n".join(lines) + "\n").encode("utf-8"), "page.txt")["document"]
    assert doc["title"] is None
