"""Line breaks a rendition puts where another does not must not change the structure: a heading in capitals followed
by its first sentence ending on a colon (a text export with no blank lines), a sentence that wraps before the
appendix it names ("… các dự án tại" / "Phụ lục II."). Generated in plain text and Markdown; the PDF reader is
checked on the unseen plan whose renditions differed."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kehoach import extract_bytes, extract_file

HEAD = ("ỦY BAN NHÂN DÂN TỈNH AN HÒA\n\nSố: 12/KH-UBND\n\nAn Hòa, ngày 3 tháng 2 năm 2026\n\nKẾ HOẠCH\n\n"
        "Thực hiện chuyển đổi số năm 2026\n\n")
TAIL = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n"


def _extract(lines: list[str], markdown: bool) -> dict:
    sep = "\n\n" if markdown else "\n"
    return extract_bytes((HEAD + sep.join(lines) + TAIL).encode("utf-8"), "p.md" if markdown else "p.txt")


HEADINGS = ["NỘI DUNG HOẠT ĐỘNG", "NHIỆM VỤ", "NỘI DUNG VÀ TIẾN ĐỘ THỰC HIỆN"]
INTROS = ["Các hoạt động và phân công thực hiện như sau:", "Nhiệm vụ cụ thể giao các cơ quan, đơn vị:",
          "Nội dung, đơn vị thực hiện và tiến độ theo bảng sau:"]


@pytest.mark.parametrize("heading, intro, markdown", list(itertools.product(HEADINGS, INTROS, [False, True])))
def test_a_heading_in_capitals_keeps_its_title_when_its_first_sentence_ends_on_a_colon(heading, intro, markdown):
    """"II. NỘI DUNG HOẠT ĐỘNG" / "Các hoạt động … như sau:": a case change, not a heading wrapped onto a second line
    (the plain text gave the title "NỘI DUNG HOẠT ĐỘNG Các hoạt động …" where Word and PDF gave "NỘI DUNG HOẠT ĐỘNG")."""
    plan = _extract(["I. MỤC ĐÍCH", "Đẩy mạnh chuyển đổi số.", f"II. {heading}", intro,
                     "1. Sở Tài chính: bố trí kinh phí."], markdown)
    part = plan["sections"][1]
    assert (part["title"], part["text"][:1]) == (heading, [intro])


def test_a_heading_wrapped_onto_a_line_ending_on_a_colon_still_joins():
    """"1. Sở Công" / "Thương:" is one heading wrapped (no case change): it stays one."""
    plan = _extract(["I. TỔ CHỨC THỰC HIỆN", "1. Sở Công", "Thương:", "- Chủ trì triển khai Kế hoạch."], False)
    assert plan["sections"][0]["children"][0]["title"] == "Sở Công Thương"


CONNECTORS = ["tại", "theo", "của", "và"]
REFERENCES = ["Phụ lục II.", "Phụ lục 02 kèm theo.", "Phụ lục I kèm theo Kế hoạch này."]


@pytest.mark.parametrize("connector, reference, markdown", list(itertools.product(CONNECTORS, REFERENCES, [False, True])))
def test_a_sentence_that_wraps_before_the_appendix_it_names_goes_on(connector, reference, markdown):
    """"2. Phòng A bố trí kinh phí các dự án tại" / "Phụ lục II." / "3. Các đơn vị báo cáo …": the body goes on (the
    Markdown scrape and the PDF ended the body at "Phụ lục II." and lost item 3 with no warning)."""
    wrapped = f"2. Sở Tài chính bố trí kinh phí thực hiện các dự án {connector}"
    plan = _extract(["I. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.",
                     wrapped + ("\n" + reference), "3. Sở Y tế báo cáo kết quả thực hiện trước ngày 05/12/2026."],
                    markdown)
    tasks = plan["tasks"]
    assert [t["lead"] for t in tasks] == [["Sở Nội vụ"], ["Sở Tài chính"], ["Sở Y tế"]]
    assert tasks[1]["title"] == f"{wrapped[3:]} {reference}"


@pytest.mark.parametrize("before", ["Trên đây là Kế hoạch thực hiện chuyển đổi số năm 2026.", "3. Sở Y tế báo cáo kết quả."])
@pytest.mark.parametrize("appendix", ["PHỤ LỤC II", "Phụ lục II"])
def test_an_appendix_after_a_finished_sentence_still_starts_there(before, appendix):
    plan = _extract(["I. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ chủ trì theo dõi.", before, appendix,
                     "DANH MỤC CÁC DỰ ÁN", "1. Dự án A"], False)
    titles = [c["title"] or c["text"][0] for c in plan["sections"][0]["children"]]
    assert not any("Dự án A" in t for t in titles)


UNSEEN = Path(__file__).resolve().parent.parent / "unseen"


@pytest.mark.parametrize("name", ["u10-so-hai-phu-luc-du-an.txt", "u10-so-hai-phu-luc-du-an-scrape.md",
                                  "u10-so-hai-phu-luc-du-an.pdf", "u10-so-hai-phu-luc-du-an.docx"])
def test_every_rendition_keeps_the_item_after_a_wrapped_appendix_reference(name):
    body = [t for t in extract_file(str(UNSEEN / name))["tasks"] if t["source"] == "body"]
    assert [t["id"] for t in body] == ["IV.1", "IV.2", "IV.3"]
    assert body[1]["title"].endswith("Phụ lục II.")


@pytest.mark.parametrize("markdown", [False, True])
@pytest.mark.parametrize("tail", ["kèm theo.", "kèm theo Kế hoạch này.", "ban hành kèm theo Quyết định số 12/QĐ-UBND."])
def test_a_sentence_wrapped_before_kem_theo_goes_on(tail, markdown):
    """"… theo Phụ lục" / "kèm theo.": lower case, no bracket, so no back-reference to a plan starts there (the
    Markdown scrape split the item into a heading "… theo Phụ lục" and a paragraph "kèm theo.")."""
    plan = _extract(["I. NHIỆM VỤ", "1. Tổ chức quán triệt nội dung Luật.",
                     f"2. Xây dựng văn bản quy định chi tiết theo Phụ lục\n{tail}", "3. Rà soát văn bản."], markdown)
    item = plan["sections"][0]["children"][1]
    assert (item["title"], item["text"]) == (None, [f"Xây dựng văn bản quy định chi tiết theo Phụ lục {tail}"])


@pytest.mark.parametrize("line", ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 3/2/2026)", "(kèm theo Kế hoạch số 12/KH-UBND)",
                                  "Kèm theo Kế hoạch số 12/KH-UBND", "Ban hành kèm theo Quyết định số 5/QĐ-UBND"])
def test_a_back_reference_still_starts_a_block(line):
    from kehoach.parse.lines import starts_block

    assert starts_block(line)


@pytest.mark.parametrize("basis", ["Thực hiện Kế hoạch số 112/KH-UBND ngày 15/9/2025 của UBND tỉnh về phòng, chống dịch,",
                                   "Thực hiện Quyết định số 5/QĐ-UBND ngày 2/1/2026 của Ủy ban nhân dân tỉnh,",
                                   "Thực hiện Chỉ thị số 07/CT-TTg ngày 3/3/2025 của Thủ tướng Chính phủ,"])
@pytest.mark.parametrize("markdown", [False, True])
def test_a_title_ends_where_the_basis_it_is_made_on_starts(basis, markdown):
    """"… mùa Đông Xuân 2025 - 2026" / "Thực hiện Kế hoạch số …": the plain text with no blank lines joined the basis
    into the title (and read the plan's period from it) where Word and PDF kept them apart."""
    sep = "\n\n" if markdown else "\n"
    text = (f"ỦY BAN NHÂN DÂN TỈNH AN HÒA{sep}Số: 12/KH-UBND{sep}An Hòa, ngày 3 tháng 2 năm 2026{sep}KẾ HOẠCH{sep}"
            f"Phòng, chống dịch bệnh mùa Đông Xuân 2025 - 2026{sep}{basis} Sở Y tế xây dựng Kế hoạch như sau:{sep}"
            f"I. MỤC ĐÍCH{sep}- Chủ động phòng, chống dịch.{sep}" + TAIL)
    plan = extract_bytes(text.encode("utf-8"), "p.md" if markdown else "p.txt")
    assert plan["document"]["title"] == "Phòng, chống dịch bệnh mùa Đông Xuân 2025 - 2026"
    assert plan["document"]["bases"] and plan["preamble"][0]["text"].startswith("Thực hiện")


def test_a_wrapped_sentence_that_names_a_plan_in_lower_case_goes_on():
    plan = _extract(["I. NHIỆM VỤ", "1. Sở Y tế chủ trì, phối hợp với các đơn vị liên quan tổ chức", "thực hiện Kế hoạch số "
                     "12/KH-UBND ngày 3/2/2026."], False)
    assert plan["sections"][0]["children"][0]["text"][0].endswith("thực hiện Kế hoạch số 12/KH-UBND ngày 3/2/2026.")


@pytest.mark.parametrize("acronym", ["OCOP.", "KCN.", "HTX;", "UBND."])
def test_a_numbered_line_wrapped_before_a_closing_acronym_goes_on(acronym):
    """"3. … phát triển sản phẩm" / "OCOP.": the acronym ends the sentence, no paragraph starts with it (the scrape made
    the item a heading "… phát triển sản phẩm" and a paragraph "OCOP.")."""
    plan = _extract(["I. NHIỆM VỤ", "1. Rà soát quy hoạch.", "2. Đẩy mạnh phát triển sản xuất gắn với tiêu thụ sản phẩm",
                     acronym, "3. Tổng kết."], False)
    item = plan["sections"][0]["children"][1]
    assert item["text"] == [f"Đẩy mạnh phát triển sản xuất gắn với tiêu thụ sản phẩm {acronym}"]
