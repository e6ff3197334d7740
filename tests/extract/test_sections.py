from __future__ import annotations

import pytest

from kehoach import extract_bytes


def plan(text):
    return extract_bytes(("Số: 1/KH-UBND\nKẾ HOẠCH\nThử nghiệm\n" + text).encode("utf-8"), "t.txt")


def ids(secs):
    out = []
    for s in secs:
        out.append(s["id"])
        out.extend(ids(s["children"]))
    return out


def test_tree_from_tokens_not_markdown_marks():
    p = plan("# I. MỤC TIÊU\n\n#### 1. Chung\n\n## a) Điểm một\n\n- ý\n\n### II. TỔ CHỨC THỰC HIỆN\n")
    assert ids(p["sections"]) == ["I", "I.1", "I.1.a", "II"]
    assert p["sections"][0]["children"][0]["children"][0]["items"] == ["ý"]


def test_heading_with_text_on_the_same_line():
    p = plan("I. MỤC ĐÍCH\n1. Mục đích: Nâng cao hiệu quả.\n")
    s = p["sections"][0]["children"][0]
    assert (s["title"], s["text"]) == ("Mục đích", ["Nâng cao hiệu quả."])


def test_numbered_paragraph_has_no_title():
    p = plan("I. GIẢI PHÁP\n1. Tăng cường công tác quản lý nhà nước về đầu tư trên địa bàn tỉnh, bảo đảm công khai.\n"
             "2. Đẩy mạnh xúc tiến đầu tư.\n")
    first = p["sections"][0]["children"][0]
    assert first["title"] is None and first["text"][0].startswith("Tăng cường")


def test_duplicate_and_gap_warned():
    p = plan("I. A\nII. B\nII. C\nV. D\n")
    assert ids(p["sections"]) == ["I", "II", "II_2", "V"]
    codes = [w["code"] for w in p["warnings"]]
    assert "duplicate-number" in codes and "numbering-gap" in codes


def test_letter_i_after_h_is_a_letter_and_roman_after_roman():
    p = plan("I. A\n1. Mục\ng) gờ\nh) hờ\ni) i ngắn\nk) ca\n")
    assert ids(p["sections"]) == ["I", "I.1", "I.1.g", "I.1.h", "I.1.i", "I.1.k"]


def test_lower_roman_list():
    p = plan("I. A\n1. Mục\ni) một\nii) hai\niii) ba\n")
    assert ids(p["sections"]) == ["I", "I.1", "I.1.i", "I.1.ii", "I.1.iii"]


def test_upper_letter_c_after_b():
    p = plan("A. PHẦN MỘT\nB. PHẦN HAI\nC. PHẦN BA\nI. MỤC\n")
    assert ids(p["sections"])[:3] == ["A", "B", "C"]


def test_parts_and_chapters():
    p = plan("Phần I. TỔNG QUAN\nI. MỤC TIÊU\n1. Chung\nPhần II. TỔ CHỨC\nI. PHÂN CÔNG\n")
    assert ids(p["sections"]) == ["1", "1.I", "1.I.1", "2", "2.I"]
    assert [s["number"] for s in p["sections"]] == ["Phần I", "Phần II"]  # the number as written


@pytest.mark.parametrize("first, second", [
    ("Phần I.", "Phần II."), ("PHẦN THỨ NHẤT:", "PHẦN THỨ HAI:"), ("Phần thứ nhất.", "Phần thứ hai."), ("Phần 1.", "Phần 2."),
    ("CHƯƠNG I.", "CHƯƠNG II."), ("Mục 1.", "Mục 2."), ("MỤC I.", "MỤC II."),
])
def test_part_ids_are_their_numbers_whatever_the_label(first, second):
    """"PHẦN THỨ HAI" in one rendition and "Phần II." in another number the same part: its id is the number ("2"),
    not the label word and its case; ``number`` keeps it as written."""
    p = plan(f"{first} TỔNG QUAN\nI. MỤC TIÊU\n1. Chung\n{second} TỔ CHỨC\nI. PHÂN CÔNG\n")
    assert ids(p["sections"]) == ["1", "1.I", "1.I.1", "2", "2.I"]
    assert [s["number"] for s in p["sections"]] == [first.rstrip(".:"), second.rstrip(".:")]


@pytest.mark.parametrize("upper", [True, False])
def test_parts_numbered_in_words_past_ten(upper):
    """"PHẦN THỨ MƯỜI MỘT" was read as "PHẦN THỨ MƯỜI" (one word after "thứ"): a part numbered 10 twice, and "MỘT"
    left in its title. Parts one to twenty-five in words number 1 to 25, their titles whole."""
    words = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai", "mười ba",
             "mười bốn", "mười lăm", "mười sáu", "mười bảy", "mười tám", "mười chín", "hai mươi", "hai mươi mốt",
             "hai mươi hai", "hai mươi ba", "hai mươi tư", "hai mươi lăm"]
    text = "".join(f"Phần thứ {w}. NỘI DUNG SỐ {n}\nI. MỤC TIÊU\n" for n, w in enumerate(words, 1))
    p = plan(text.upper() if upper else text)
    assert [s["id"] for s in p["sections"]] == [str(n) for n in range(1, 26)]
    assert [s["title"] for s in p["sections"]] == [f"NỘI DUNG SỐ {n}" for n in range(1, 26)]
    assert not [w for w in p["warnings"] if w["code"] in ("duplicate-number", "numbering-gap")]


def test_a_repeated_part_is_warned_whatever_its_label():
    p = plan("Phần I. TỔNG QUAN\nI. MỤC TIÊU\nPHẦN THỨ NHẤT. TỔ CHỨC\nI. PHÂN CÔNG\n")
    assert ids(p["sections"]) == ["1", "1.I", "1_2", "1_2.I"]
    assert any(w["code"] == "duplicate-number" for w in p["warnings"])


def test_roles_from_heading_words():
    p = plan("I. MỤC ĐÍCH, YÊU CẦU\nII. MỤC TIÊU\nIII. NHIỆM VỤ VÀ GIẢI PHÁP\nIV. KINH PHÍ THỰC HIỆN\n"
             "V. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n2. Chế độ báo cáo\nVI. KHEN THƯỞNG\n")
    roles = [(s["id"], s["role"]) for s in p["sections"]]
    assert roles == [("I", "purpose"), ("II", "objectives"), ("III", "tasks"), ("IV", "funding"),
                     ("V", "organization"), ("VI", "rewards")]
    v = p["sections"][4]["children"]
    assert [c["role"] for c in v] == ["organization", "reporting"]


def test_body_tasks_from_organization():
    p = plan("I. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương:\n- Chủ trì, phối hợp với Sở Tài chính triển khai Kế hoạch.\n"
             "- Định kỳ trước ngày 15/12 hằng năm báo cáo UBND tỉnh.\n"
             "2. Giao Sở Nội vụ chủ trì tổng kết, hoàn thành trước ngày 30/6/2025.\n"
             "3. Công an tỉnh: bảo đảm an ninh.\n")
    body = [(t["id"], t["lead"], t["support"], t["deadline"]["end"], t["deadline"]["recurrence"]) for t in p["tasks"]]
    assert body == [
        ("I.1/1", ["Sở Công Thương"], ["Sở Tài chính"], None, None),
        ("I.1/2", ["Sở Công Thương"], [], None, "annual"),
        ("I.2", ["Sở Nội vụ"], [], "2025-06-30", None),
        ("I.3", ["Công an tỉnh"], [], None, None),
    ]
    assert all(t["source"] == "body" for t in p["tasks"])


def test_body_tasks_heading_with_semicolons_support_verb_capitalised_and_closing_paragraph():
    p = plan("I. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính: Phối hợp với Sở Nội vụ bố trí kinh phí.\n"
             "2. Các sở, ban, ngành; UBND các huyện, thành phố: Xây dựng kế hoạch, gửi Sở Nội vụ trước ngày 31/01/2025\n"
             "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan phản ánh về Sở Nội vụ./.\n")
    body = [(t["id"], t["lead"], t["support"], t["deadline"]["end"]) for t in p["tasks"]]
    assert body == [
        ("I.1", ["Sở Tài chính"], ["Sở Nội vụ"], None),
        ("I.2", ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"], [], "2025-01-31"),
    ]
    assert p["sections"][0]["children"][1]["title"] == "Các sở, ban, ngành; UBND các huyện, thành phố"
    assert [c["text"][:22] for c in p["closing"]] == ["Trong quá trình thực h"]


def test_difficulties_paragraph_followed_by_numbered_items_stays_in_the_body():
    p = plan("I. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính: bố trí kinh phí.\n"
             "Trong quá trình thực hiện, nếu có khó khăn, báo cáo Sở Tài chính.\n2. Sở Nội vụ: tổng hợp.\n")
    assert p["closing"] == [] and [t["id"] for t in p["tasks"]] == ["I.1/1", "I.1/2", "I.2"]


def test_action_programme_is_a_plan_and_a_letter_is_not():
    programme = extract_bytes(("Số: 07/CTr-UBND\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 57-NQ/TW\n"
                               "I. MỤC TIÊU\nĐến năm 2030, kinh tế số đạt 30% GRDP.\n").encode(), "p.txt")
    assert (programme["document"]["is_plan"], programme["document"]["type"], len(programme["targets"])) == (True, "CTr", 1)
    letter = extract_bytes("Số: 12/UBND-KT\nV/v góp ý dự thảo\n1. Đề nghị các sở góp ý.\n".encode(), "l.txt")
    assert letter["document"]["is_plan"] is False
    assert "not-a-plan" in [w["code"] for w in letter["warnings"]]


def test_bracketed_numbers_below_arabic_and_below_letters():
    above_letters = plan("I. NHIỆM VỤ\n1. Về thể chế\n1) Rà soát văn bản\na) Luật\nb) Nghị định\n2) Ban hành quy chế.\n"
                         "2. Về hạ tầng\n")
    assert ids(above_letters["sections"]) == ["I", "I.1", "I.1.1", "I.1.1.a", "I.1.1.b", "I.1.2", "I.2"]
    below_letters = plan("I. NHIỆM VỤ\n1. Về thể chế\na) Rà soát\n1) Luật.\n2) Nghị định.\nb) Ban hành quy chế.\n")
    assert ids(below_letters["sections"]) == ["I", "I.1", "I.1.a", "I.1.a.1", "I.1.a.2", "I.1.b"]
    assert not [w for w in above_letters["warnings"] + below_letters["warnings"] if w["code"] == "duplicate-number"]


def test_indicator_table_in_the_objectives_gives_targets_not_a_warning():
    p = plan("I. MỤC TIÊU\n| STT | Chỉ tiêu | ĐVT | Năm 2025 |\n|---|---|---|---|\n| 1 | Tỷ lệ che phủ rừng | % | 63,5 |\n"
             "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: theo dõi.\n")
    assert [(t["indicator"], t["value"], t["unit"], t["year"], t["section"]) for t in p["targets"]] == [
        ("Tỷ lệ che phủ rừng", 63.5, "%", 2025, "I")]
    assert "table-no-header" not in [w["code"] for w in p["warnings"]]
    assert p["quality"]["unplaced"] == []


@pytest.mark.parametrize("mark", ["", "**"])
@pytest.mark.parametrize("org", ["TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG NHIỆM VỤ", "TRÁCH NHIỆM THỰC HIỆN"])
def test_headings_in_capitals_with_no_number_are_the_top_sections(mark, org):
    """A plan typed without roman numerals: its capital headings are the top sections, numbered in
    order and marked inferred, with a warning; numbered points and agency items go under them."""
    p = plan(f"{mark}MỤC ĐÍCH, YÊU CẦU{mark}\n\nBảo đảm trật tự đô thị.\n\n{mark}MỤC TIÊU{mark}\n\n"
             f"- Ít nhất 90% hộ kinh doanh ký cam kết.\n\n{mark}NỘI DUNG{mark}\n\n1. Tuyên truyền.\n\n2. Ra quân.\n\n"
             f"{mark}{org}{mark}\n\n- Công an phường: chủ trì ra quân, hoàn thành trong tháng 5/2026.\n\n"
             "- Phòng Văn hóa - Xã hội: tuyên truyền, vận động.\n")
    assert p["document"]["is_plan"] is True
    assert ids(p["sections"]) == ["I", "II", "III", "III.1", "III.2", "IV"]
    assert [s["role"] for s in p["sections"]] == ["purpose", "objectives", "tasks", "organization"]
    assert all(s["inferred"] for s in p["sections"]) and "inferred" not in p["sections"][2]["children"][0]
    assert [w["code"] for w in p["warnings"]].count("section-unnumbered") == 1
    assert [(t["lead"], t["deadline"]["end"]) for t in p["tasks"]] == [
        (["Công an phường"], "2026-05-31"), (["Phòng Văn hóa - Xã hội"], None)]
    assert len(p["targets"]) == 1


def test_a_capital_heading_between_numbered_parts_stays_text_and_is_warned():
    """Among parts numbered I, II, a heading in capitals naming another part stays text of the part before (its
    number is not known), with a warning at its line: what it holds is not read as that part's."""
    p = plan("I. MỤC ĐÍCH\nBảo đảm.\nTỔ CHỨC THỰC HIỆN\nGiao các sở.\nII. NHIỆM VỤ\n1. Rà soát.\n")
    assert ids(p["sections"]) == ["I", "II", "II.1"] and not any(s.get("inferred") for s in p["sections"])
    (warned,) = [w for w in p["warnings"] if w["code"] == "section-unnumbered"]
    assert "TỔ CHỨC THỰC HIỆN" in warned["message"] and warned["loc"]


@pytest.mark.parametrize("mark", ["", "**"])
@pytest.mark.parametrize("second, third", [
    ("II NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN"),  # the stop lost in the middle (OCR reads "II." so)
    ("II. NHIỆM VỤ", "III TỔ CHỨC THỰC HIỆN"),  # ... and at the end
    ("II NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", "III TỔ CHỨC THỰC HIỆN"),
    ("II TĂNG CƯỜNG KIỂM TRA, GIÁM SÁT", "III. TỔ CHỨC THỰC HIỆN"),  # a title naming no part of a plan
])
def test_a_roman_number_without_its_stop_still_opens_the_next_part(mark, second, third):
    """A part's number written without its stop ("II NHIỆM VỤ"), as OCR often reads it, is that part when it is the
    number that comes next: what it holds is read as the part's, as with the stop."""
    p = plan(f"{mark}I. MỤC ĐÍCH{mark}\nBảo đảm.\n{mark}{second}{mark}\n1. Sở Tài chính chủ trì xây dựng đề án.\n"
             f"2. Sở Nội vụ chủ trì kiểm tra.\n{mark}{third}{mark}\n1. Các sở thực hiện.\n")
    assert ids(p["sections"]) == ["I", "II", "II.1", "II.2", "III", "III.1"]
    assert [s["title"] for s in p["sections"]] == ["MỤC ĐÍCH", second.split(" ", 1)[1], third.split(" ", 1)[1]]
    stops = plan(f"{mark}I. MỤC ĐÍCH{mark}\nBảo đảm.\n{mark}{second.replace(' ', '. ', 1).replace('.. ', '. ')}{mark}\n"
                 f"1. Sở Tài chính chủ trì xây dựng đề án.\n2. Sở Nội vụ chủ trì kiểm tra.\n"
                 f"{mark}{third.replace(' ', '. ', 1).replace('.. ', '. ')}{mark}\n1. Các sở thực hiện.\n")
    assert [(t["id"], t["lead"]) for t in p["tasks"]] == [(t["id"], t["lead"]) for t in stops["tasks"]]
    assert sorted(w["code"] for w in p["warnings"]) == sorted(w["code"] for w in stops["warnings"])
    if "NHIỆM VỤ" in second:
        assert [t["lead"] for t in p["tasks"] if t["section"].startswith("II.")] == [["Sở Tài chính"], ["Sở Nội vụ"]]


@pytest.mark.parametrize("text", [
    "I. MỤC ĐÍCH\nBảo đảm.\nVI PHẠM HÀNH CHÍNH\nXử lý.\nII. NHIỆM VỤ\n1. Rà soát.\n",  # "VI": not the next number
    "I. MỤC ĐÍCH\nBảo đảm.\nII Nhiệm vụ của các sở\nII. NHIỆM VỤ\n1. Rà soát.\n",  # not in capitals
])
def test_a_line_opening_with_a_roman_numeral_that_does_not_come_next_is_no_part(text):
    p = plan(text)
    assert ids(p["sections"]) == ["I", "II", "II.1"]


@pytest.mark.parametrize("text", [
    "I. MỤC ĐÍCH, YÊU CẦU\nBảo đảm.\nYÊU CẦU\nĐúng tiến độ.\nII. NHIỆM VỤ\n1. Rà soát.\n",  # a caps line its part names
    "1. Rà soát.\nLƯU Ý QUAN TRỌNG\n2. Báo cáo.\n",  # capitals naming no part of a plan
    "1. Rà soát.\nNỘI DUNG CÔNG VIỆC CẦN LÀM NGAY TRONG THÁNG NÀY ĐỂ BẢO ĐẢM TIẾN ĐỘ CHUNG CỦA TOÀN TỈNH\n",  # too long
])
def test_capital_lines_that_are_no_unnumbered_headings(text):
    p = plan(text)
    assert not any(s.get("inferred") for s in p["sections"])
    assert "section-unnumbered" not in [w["code"] for w in p["warnings"]]


@pytest.mark.parametrize("symbol, type_line, code", [
    ("17/KHLT-SGDĐT-SYT", "KẾ HOẠCH LIÊN TỊCH", "KHLT"),
    ("03/KHPH-CAT-SYT", "KẾ HOẠCH PHỐI HỢP", "KHPH"),
])
def test_a_joint_or_coordination_plan_keeps_its_title(symbol, type_line, code):
    """A plan of two bodies ("KẾ HOẠCH LIÊN TỊCH", "KẾ HOẠCH PHỐI HỢP"): the whole line is the type name (its
    second half was taken for the title), and the code is a plan's."""
    p = extract_bytes(f"Số: {symbol}\n{type_line}\nThực hiện công tác y tế trường học\nI. MỤC TIÊU\nBảo đảm.\n".encode(), "j.txt")
    doc = p["document"]
    assert (doc["type"], doc["type_name"], doc["title"], doc["is_plan"]) == (
        code, type_line.capitalize(), "Thực hiện công tác y tế trường học", True)
