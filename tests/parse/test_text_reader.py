from __future__ import annotations

import codecs
import unicodedata

import pytest

from kehoach import extract_bytes
from kehoach.errors import ReadError
from kehoach.parse import read_source, sniff_format
from kehoach.parse.text import read_text

PLAN = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 12/KH-UBND
Hà Nam, ngày 5 tháng 3 năm 2024
KẾ HOẠCH
Triển khai nhiệm vụ năm 2024
I. MỤC TIÊU
- Tỷ lệ hồ sơ trực tuyến đạt trên 80%.
II. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ: Chủ trì theo dõi, đôn đốc.
"""


def paras(text):
    return [b.text for b in read_text(text) if b.kind == "para"]


def test_hard_wrapped_heading_is_joined():
    assert paras("III. KINH PHÍ THỰC\nHIỆN\n1. Sở Công\nThương:\n- Chủ trì, phối hợp với các đơn vị\nliên quan tham mưu.") == [
        "III. KINH PHÍ THỰC HIỆN", "1. Sở Công Thương:", "- Chủ trì, phối hợp với các đơn vị liên quan tham mưu."]


def test_numbered_heading_not_joined_to_following_sentence():
    assert paras("1. Mục tiêu tổng quát\nTập trung đầu tư kết cấu hạ tầng kỹ\nthuật đồng bộ.") == [
        "1. Mục tiêu tổng quát", "Tập trung đầu tư kết cấu hạ tầng kỹ thuật đồng bộ."]


def test_wrapped_point_in_a_document_whose_paragraphs_are_apart():
    """Where a blank line separates every paragraph, "a) Chỉ đạo, hướng dẫn hệ thống" / "Tuyên giáo …"
    is one wrapped sentence; with no blank lines in the document it stays a heading and its text."""
    points = "\n\n".join(f"{k}. Nhiệm vụ thứ {k} được triển khai đúng tiến độ." for k in range(1, 11))
    wrapped = "a) Chỉ đạo, hướng dẫn hệ thống\nTuyên giáo trực thuộc tham mưu cấp ủy\nthực hiện nghiêm túc."
    apart = paras(points + "\n\n" + wrapped)
    assert apart[-1] == "a) Chỉ đạo, hướng dẫn hệ thống Tuyên giáo trực thuộc tham mưu cấp ủy thực hiện nghiêm túc."
    together = paras(points.replace("\n\n", "\n") + "\n" + wrapped)
    assert together[-2:] == ["a) Chỉ đạo, hướng dẫn hệ thống", "Tuyên giáo trực thuộc tham mưu cấp ủy thực hiện nghiêm túc."]


@pytest.mark.parametrize("item,label", [
    ("- Dự án 3 (Tiểu dự án 1):\nTăng cường truyền thông ở cơ sở.", "- Dự án 3 (Tiểu dự án 1): Tăng cường truyền thông ở cơ sở."),
    ("- Tại địa bàn có khu công nghiệp:\nPhấn đấu 100% trẻ em được đến trường.",
     "- Tại địa bàn có khu công nghiệp: Phấn đấu 100% trẻ em được đến trường."),
])
def test_a_label_wrapped_at_its_colon_where_paragraphs_are_apart(item, label):
    """Where a blank line separates every paragraph, a line that ends on a label's colon and the line under it in
    sentence case are one wrapped paragraph; with no blank lines in the document they stay two."""
    points = "\n\n".join(f"{k}. Nhiệm vụ thứ {k} được triển khai đúng tiến độ." for k in range(1, 11))
    assert paras(points + "\n\n" + item)[-1] == label
    assert paras(points.replace("\n\n", "\n") + "\n" + item)[-1] != label


def test_heading_wrap_with_acronym():
    assert paras("7. Về phát triển\nTTCN, làng nghề\n- Rà soát") == ["7. Về phát triển TTCN, làng nghề", "- Rà soát"]


def test_page_break_inside_sentence_is_joined():
    assert paras("- Thực hiện thường xuyên, liên tục thiết\n\nthực, hiệu quả;\n\n- Tuyên truyền") == [
        "- Thực hiện thường xuyên, liên tục thiết thực, hiệu quả;", "- Tuyên truyền"]


def test_page_numbers_left_by_converters_are_dropped():
    assert paras("- Thực hiện thường xuyên, liên tục thiết\n\nTrang 2/4\n\nthực, hiệu quả;\n- 3 -\n- Tuyên truyền\n"
                 "Trang 2 năm 2024") == [
        "- Thực hiện thường xuyên, liên tục thiết thực, hiệu quả;", "- Tuyên truyền Trang 2 năm 2024"]
    rows = [b for b in read_text("STT\tNội dung\tChủ trì\n1\tViệc một\tSở A\nPage 4 of 9\n2\tViệc hai\tSở B\n")
            if b.kind == "table"]
    assert len(rows) == 1 and len(rows[0].rows) == 3


def test_terminal_punctuation_then_capital_starts_a_paragraph():
    assert paras("Căn cứ nội dung của Kế hoạch.\nCác đoàn thể căn cứ chức năng") == [
        "Căn cứ nội dung của Kế hoạch.", "Các đoàn thể căn cứ chức năng"]


def test_footnote_texts_are_footnote_blocks():
    blocks = read_text("Quy hoạch tỉnh¹.\n\n¹ Hoàn thiện dự thảo.\n\nTiếp theo")
    assert [(b.kind, b.mark, b.text) for b in blocks] == [
        ("para", None, "Quy hoạch tỉnh."), ("footnote", "1", "Hoàn thiện dự thảo."), ("para", None, "Tiếp theo")]


def test_tab_table_with_page_break_and_html_cells():
    text = "STT\tNội dung\tChủ trì\n1\tViệc một\tSở A\n\n\tcòn tiếp\t\n2\t<p>x</p> <p>Y</p>\tSở B\n"
    (table,) = [b for b in read_text(text) if b.kind == "table"]
    assert [r.cells for r in table.rows] == [
        [["STT"], ["Nội dung"], ["Chủ trì"]], [["1"], ["Việc một"], ["Sở A"]],
        [[], ["còn tiếp"], []], [["2"], ["x", "Y"], ["Sở B"]]]
    assert [r.after_break for r in table.rows] == [False, False, True, False]


def test_github_pipe_table_with_br():
    text = "| STT | Nhiệm vụ | Chủ trì |\n|---|---|---|\n| 1 | Làm A | Sở A<br>Sở B |\n"
    (table,) = [b for b in read_text(text) if b.kind == "table"]
    assert [r.cells for r in table.rows] == [[["STT"], ["Nhiệm vụ"], ["Chủ trì"]], [["1"], ["Làm A"], ["Sở A", "Sở B"]]]


def test_bar_separated_scraped_table():
    text = "DANH MỤC\nTT\n|\nNội\ndung công việc\n|\nCơ\nquan chủ trì\n|\n1\n|\nXây dựng Đề án\n|\nSở\nCông Thương\n|\n2\n|\nTriển khai\n|\nSở Tài chính"
    blocks = read_text(text)
    assert blocks[0].text == "DANH MỤC"
    table = blocks[1]
    assert table.kind == "table"
    assert [[" ".join(c) for c in r.cells] for r in table.rows] == [
        ["TT", "Nội dung công việc", "Cơ quan chủ trì"], ["1", "Xây dựng Đề án", "Sở Công Thương"],
        ["2", "Triển khai", "Sở Tài chính"]]


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
], ids=["utf8", "utf8-bom", "utf16-bom", "crlf", "nfd"])
def test_encodings_give_the_same_plan(encode):
    base = extract_bytes(PLAN.encode("utf-8"), "plan.txt")
    other = extract_bytes(encode(PLAN), "plan.txt")
    for key in ("document", "sections", "targets", "tasks"):
        assert other[key] == base[key]
    assert other["document"]["issuer"] == "Ủy ban nhân dân tỉnh Hà Nam"
    assert unicodedata.is_normalized("NFC", other["sections"][0]["title"])


def test_legacy_encoding_is_decoded_with_a_warning():
    plan = extract_bytes(PLAN.encode("cp1258", errors="strict") if False else PLAN.encode("utf-8"), "x.txt")
    assert plan["document"]["number"] == "12/KH-UBND"
    from .test_legacy import cp1258

    plan = extract_bytes(cp1258("Số: 12/KH-UBND\nKẾ HOẠCH\nViệc\nI. MỤC TIÊU\n- Một"), "legacy.txt")
    assert any(w["code"] == "legacy-encoding" for w in plan["warnings"])


def test_sniffing():
    assert sniff_format(b"%PDF-1.7 ...", "a.txt") == "pdf"
    assert sniff_format(b"PK\x03\x04....", "a") == "docx"
    assert sniff_format(b"<!DOCTYPE html><html>", "a") == "html"
    assert sniff_format(b"## I. MUC", "a") == "markdown"
    assert sniff_format(b"plain", "a.txt") == "text"


def test_refusals_are_clear():
    with pytest.raises(ReadError, match="empty"):
        read_source(b"   \n\n", "empty.txt")
    with pytest.raises(ReadError, match="binary"):
        read_source(b"\x00\x01\x02abc" * 10, "bin.txt")
    with pytest.raises(ReadError, match="not a PDF"):
        read_source(b"just text", "fake.pdf")
    with pytest.raises(ReadError, match="not a readable PDF"):
        read_source(b"%PDF-1.7\n...", "real.pdf")


def test_html_page_with_table():
    html = """<html><head><style>p{}</style></head><body><nav>Menu</nav>
    <p>Số: 5/KH-UBND</p><p>KẾ HOẠCH</p><p>Về việc thử</p><h2>I. TỔ CHỨC THỰC HIỆN</h2>
    <table><tr><th>STT</th><th>Nội dung</th><th>Đơn vị chủ trì</th><th>Thời hạn</th></tr>
    <tr><td>1</td><td><p>Việc A</p></td><td>Sở Y tế</td><td>Quý I/2025</td></tr></table></body></html>"""
    plan = extract_bytes(html.encode("utf-8"), "page.html")
    assert plan["source"]["format"] == "html"
    assert plan["document"]["number"] == "5/KH-UBND"
    (task,) = [t for t in plan["tasks"] if t["source"] == "appendix"]
    assert (task["title"], task["lead"], task["deadline"]["end"]) == ("Việc A", ["Sở Y tế"], "2025-03-31")
    assert "Menu" not in str(plan)


def test_layout_tables_are_read_as_header_and_signature():
    text = (
        "| ỦY BAN NHÂN DÂN<br>TỈNH BẮC NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
        "| Số: 88/KH-UBND | Bắc Ninh, ngày 12 tháng 7 năm 2023 |\n\n"
        "KẾ HOẠCH\n\nThử\n\nI. MỤC TIÊU\n\nMột.\n\n"
        "| Nơi nhận:<br>- Bộ Nội vụ;<br>- Lưu: VT. | TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH<br><br>Nguyễn Văn An |\n|---|---|\n"
    )
    assert not [b for b in read_text(text) if b.kind == "table"]
    plan = extract_bytes(text.encode("utf-8"), "layout.md")
    d = plan["document"]
    assert (d["issuer"], d["number"], d["date"]) == ("Ủy ban nhân dân tỉnh Bắc Ninh", "88/KH-UBND", "2023-07-12")
    assert d["recipients"] == ["Bộ Nội vụ", "Lưu: VT"]
    assert (d["signer"]["name"], d["signer"]["title"]) == ("Nguyễn Văn An", "Chủ tịch")
    assert not [w for w in plan["warnings"] if w["code"] == "table-no-header"]


@pytest.mark.parametrize("issuer_cell, issuer", [
    ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ<br>HỘI ĐỒNG THẨM ĐỊNH GIÁ ĐẤT,<br>BỒI THƯỜNG HỖ TRỢ TÁI ĐỊNH CƯ",
     "Hội đồng thẩm định giá đất, bồi thường hỗ trợ tái định cư tỉnh An Phú"),
    ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ<br>BAN CHỈ ĐẠO PHÒNG, CHỐNG<br>THIÊN TAI VÀ TÌM KIẾM CỨU NẠN<br>———",
     "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh An Phú"),
])
def test_a_layout_cell_joins_its_paragraphs_as_plain_text_joins_its_lines(issuer_cell, issuer):
    """A caps issuer unknown to the vocabulary, held by a Word layout cell as several paragraphs, comes out
    whole, as the plain-text rendition of the same header gives it (it lost its second line); a rule drawn
    under it ("———") joins nothing."""
    rest = "\n\nKẾ HOẠCH\n\nThử\n\nI. MỤC TIÊU\n\nMột.\n"
    layout = (f"| {issuer_cell} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
              "| Số: 12/KH-HĐ | An Phú, ngày 12 tháng 7 năm 2026 |" + rest)
    plain = (issuer_cell.removesuffix("<br>———").replace("<br>", "\n") + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Số: 12/KH-HĐ\nAn Phú, ngày 12 tháng 7 năm 2026" + rest)
    assert extract_bytes(layout.encode("utf-8"), "layout.md")["document"]["issuer"] == issuer
    assert extract_bytes(plain.encode("utf-8"), "plain.txt")["document"]["issuer"] == issuer


@pytest.mark.parametrize("text, paragraphs", [
    # a span of years cut at its dash by the wrap: one paragraph
    ("a) Ban hành kế hoạch giai đoạn 2025\n- 2035, định hướng đến năm 2045.",
     ["a) Ban hành kế hoạch giai đoạn 2025 - 2035, định hướng đến năm 2045."]),
    ("Thực hiện trong giai đoạn 2026\n– 2030.", ["Thực hiện trong giai đoạn 2026 – 2030."]),
    # a dash item after a year: a figure, an earlier year, a year that ends a sentence
    ("Phấn đấu đến năm 2025\n- 100% xã đạt chuẩn.", ["Phấn đấu đến năm 2025", "- 100% xã đạt chuẩn."]),
    ("Kết quả năm 2030\n- 2025: hoàn thành 5 nhiệm vụ.", ["Kết quả năm 2030", "- 2025: hoàn thành 5 nhiệm vụ."]),
    ("Hoàn thành trong năm 2025.\n- 2026: triển khai mở rộng.", ["Hoàn thành trong năm 2025.", "- 2026: triển khai mở rộng."]),
    # a range of shares cut at its dash ("05" / "- 06%/năm" was a dash item, its target read as eq 6 with no indicator)
    ("+ Giá trị xuất khẩu tăng bình quân 05\n- 06%/năm. Thị trường chính: Trung Quốc.",
     ["+ Giá trị xuất khẩu tăng bình quân 05 - 06%/năm. Thị trường chính: Trung Quốc."]),
    ("Tỷ lệ tăng từ 7,5\n– 8,5% mỗi năm.", ["Tỷ lệ tăng từ 7,5 – 8,5% mỗi năm."]),
    # a dash item opening with a smaller share
    ("Tổng số xã của huyện là 30\n- 20% xã đạt chuẩn nông thôn mới.", ["Tổng số xã của huyện là 30", "- 20% xã đạt chuẩn nông thôn mới."]),
])
def test_a_span_wrapped_at_its_dash(text, paragraphs):
    assert [b.text for b in read_text(text)] == paragraphs


_FILLER = ("Các cơ quan, đơn vị có liên quan triển khai đầy đủ các nhiệm vụ được giao, bảo đảm đúng tiến độ, "
           "chất lượng và hiệu quả; định kỳ báo cáo kết quả thực hiện về cơ quan thường trực để tổng hợp.")


def _wrapped(*middle: str, width: int = 80) -> str:
    """A hard-wrapped document (lines filled to ``width``, as pdftotext or w3m leave them) around ``middle``."""
    import textwrap

    body = [line for k in range(1, 7) for line in textwrap.wrap(f"{k}. {_FILLER}", width)]
    return "\n".join([*body, *middle, *body])


def _full(text: str, width: int = 80) -> str:
    assert 0.9 * width <= len(text) <= width, len(text)
    return text


HEADING = _full("3. Xây dựng văn bản hướng dẫn thi hành quy định chi tiết các nội dung được giao")
BODY = "Các sở, ngành có trách nhiệm rà soát, tham mưu ban hành văn bản theo thẩm quyền."
LABEL = _full("Chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện Tiểu dự án số 4:")
DUTY = _full("2. Sở Nội vụ chịu trách nhiệm về nội dung Kế hoạch này, chủ trì tham mưu trình")
AGENCY = _full("3. Trung tâm Truyền thông tỉnh và các cơ quan báo chí đóng trên địa bàn tỉnh")
NAME = _full("Rà soát nguồn thu lớn, theo dõi tiến độ thu từ các doanh nghiệp thuộc cụm Nam")
LAW = _full("4. Phối hợp kiểm tra việc thi hành Luật và các văn bản hướng dẫn thi hành Luật")


@pytest.mark.parametrize("middle,expected", [
    # A wrapped heading's short last line, then a sentence: the heading ends there.
    ((HEADING, "trong Luật Đầu tư công", BODY), [HEADING + " trong Luật Đầu tư công", BODY]),
    # The short line ends on a connector: the sentence goes on.
    ((HEADING, "trong Luật Đầu tư công và", BODY), [f"{HEADING} trong Luật Đầu tư công và {BODY}"]),
    # A label's colon filling the line: its title follows, one task.
    ((LABEL, "Nâng cao năng lực quản lý nhà nước.", BODY), [f"{LABEL} Nâng cao năng lực quản lý nhà nước.", BODY]),
    # A colon on a short line after a full one: a list follows.
    ((HEADING, "như sau:", BODY), [f"{HEADING} như sau:", BODY]),
    # A name cut at its dash after a full line: no dash item.
    ((NAME, "- Bắc - Trung, khu vực ngoài quốc doanh.", BODY), [f"{NAME} - Bắc - Trung, khu vực ngoài quốc doanh.", BODY]),
    # A numbered sentence filling its line, cut before an agency's name: one task.
    ((DUTY, "Ủy ban nhân dân tỉnh ban hành.", BODY), [f"{DUTY} Ủy ban nhân dân tỉnh ban hành.", BODY]),
    # A numbered agency heading filling its line, then its text (a verb): heading and text.
    ((AGENCY, "Chủ trì, phối hợp tuyên truyền.", BODY), [AGENCY, "Chủ trì, phối hợp tuyên truyền.", BODY]),
    # A heading ending on a capitalized word, then a labelled dash item: the item is no name's rest.
    ((LAW, "- Cơ quan chủ trì: Sở Khoa học và Công nghệ", "- Thời gian thực hiện: Năm 2026."),
     [LAW, "- Cơ quan chủ trì: Sở Khoa học và Công nghệ", "- Thời gian thực hiện: Năm 2026."]),
    ((NAME, "- Cơ quan phối hợp: Các sở, ngành.", BODY), [NAME, "- Cơ quan phối hợp: Các sở, ngành.", BODY]),
    # The full line ends a sentence: the dash opens an item.
    ((NAME + ";", "- Bắc - Trung, khu vực ngoài quốc doanh."), [NAME + ";", "- Bắc - Trung, khu vực ngoài quốc doanh."]),
])
def test_the_wrap_width_of_hard_wrapped_text(middle, expected):
    got = paras(_wrapped(*middle))
    k = next(i for i, p in enumerate(got) if p.startswith(expected[0][:30]))
    assert got[k:k + len(expected)] == expected


def test_one_paragraph_a_line_text_has_no_wrap_width():
    """Text that puts each paragraph on a line keeps its reading: a short line, then a capital, goes on."""
    text = "\n".join([f"{k}. {_FILLER} {_FILLER}" for k in range(1, 30)] + [NAME, "- Bắc - Trung, khu vực."])
    assert paras(text)[-2:] == [NAME, "- Bắc - Trung, khu vực."]


@pytest.mark.parametrize("text, paragraphs", [
    # pdftotext opens each page with a form feed; the blank lines above it are the page's foot
    ("- Cơ quan thực hiện: Sở A; Báo và\n\n\fPhát thanh Truyền hình tỉnh.\n- Thời gian: 2026.\n",
     ["- Cơ quan thực hiện: Sở A; Báo và Phát thanh Truyền hình tỉnh.", "- Thời gian: 2026."]),
    ("a) Rà soát các văn bản\n\n\n\fquy phạm pháp luật.\n", ["a) Rà soát các văn bản quy phạm pháp luật."]),
    # a sentence ended on the page before: the new page starts a paragraph
    ("1. Việc A hoàn thành.\n\n\fII. TỔ CHỨC THỰC HIỆN\n", ["1. Việc A hoàn thành.", "II. TỔ CHỨC THỰC HIỆN"]),
    ("Các sở thực hiện.\n\n\fSở Tài chính bố trí kinh phí.\n", ["Các sở thực hiện.", "Sở Tài chính bố trí kinh phí."]),
])
def test_a_paragraph_across_a_form_feed(text, paragraphs):
    assert [b.text for b in read_text(text)] == paragraphs


@pytest.mark.parametrize("text,paragraph", [
    ("Trong quá trình thực hiện, nếu có vướng mắc, đề nghị báo cáo về Sở Nội vụ để tổng hợp, giải quyết.\n/.",
     "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị báo cáo về Sở Nội vụ để tổng hợp, giải quyết./."),
    ("Các đơn vị hoàn thành việc rà soát thủ tục hành chính trước Quý IV\n/2025 và báo cáo kết quả.",
     "Các đơn vị hoàn thành việc rà soát thủ tục hành chính trước Quý IV/2025 và báo cáo kết quả."),
    ("Triển khai thực hiện nghiêm túc các nhiệm vụ được giao tại Kế hoạch số 12\n/KH-UBND của tỉnh.",
     "Triển khai thực hiện nghiêm túc các nhiệm vụ được giao tại Kế hoạch số 12/KH-UBND của tỉnh."),
    ("Phối hợp với các sở, ngành và\n/ hoặc các đơn vị liên quan.", "Phối hợp với các sở, ngành và / hoặc các đơn vị liên quan."),
])
def test_a_line_opened_by_a_slash_goes_on_with_no_space(text, paragraph):
    """A text browser (w3m -dump) breaks a line before a slash: "./." split as "giải quyết." over "/.",
    a date or a number at its slash."""
    assert paras(text) == [paragraph]


def test_a_closing_request_whose_end_mark_wrapped_is_no_agency_task():
    """The request after the last agency's items, its "./." broken over two lines ("… giải quyết." over
    "/."): it ends the body, as it does written on one line, and gives no task."""
    body = (PLAN + "\n2. Sở Tài chính\n\n- Bố trí kinh phí thực hiện.\n\nỦy ban nhân dân tỉnh yêu cầu các sở, ban, "
            "ngành và Ủy ban nhân dân các huyện triển khai thực hiện; trong quá trình thực hiện, nếu có vướng mắc, "
            "báo cáo về Sở Nội vụ để tổng hợp, giải quyết.\n/.\n")
    plan = extract_bytes(body.encode(), "plan.txt")
    assert [t["id"] for t in plan["tasks"]] == ["II.1", "II.2"]


@pytest.mark.parametrize("text, want", [
    ("d) Kiểm tra vi phạm trật tự đô thị. Thời gian: Quý\nIII/2026. Đơn vị chủ trì: Công an phường.",
     ["d) Kiểm tra vi phạm trật tự đô thị. Thời gian: Quý III/2026. Đơn vị chủ trì: Công an phường."]),
    ("b) Tập huấn cho cán bộ, hoàn thành trong tháng\n6/2026, Sở Nội vụ chủ trì.",
     ["b) Tập huấn cho cán bộ, hoàn thành trong tháng 6/2026, Sở Nội vụ chủ trì."]),
    ("a) Báo cáo kết quả trước ngày\n15/12/2026.", ["a) Báo cáo kết quả trước ngày 15/12/2026."]),
])
def test_a_time_cut_after_its_word_goes_on(text, want):
    """A numbered line ending on a time word ("Quý", "tháng", "ngày") goes on with the number the next line opens
    with: "III/2026." began a new paragraph, the item's labels were parted from it (its lead and time lost)."""
    assert paras(text) == want


@pytest.mark.parametrize("text, want", [
    # a sentence opening with a figure under a heading in capitals starts a block, as a capital would (the heading took
    # it as its wrap: "II. CHỈ TIÊU 100% cơ sở …", a section with no title and a target "CHỈ TIÊU 100%", silently)
    ("II. CHỈ TIÊU\n100% cơ sở được kiểm tra ít nhất 01 lần trong năm.",
     ["II. CHỈ TIÊU", "100% cơ sở được kiểm tra ít nhất 01 lần trong năm."]),
    ("2. CHỈ TIÊU CỤ THỂ\n50 hợp tác xã được thành lập mới.", ["2. CHỈ TIÊU CỤ THỂ", "50 hợp tác xã được thành lập mới."]),
    # a year goes on a heading wrapped before it
    ("I. MỤC TIÊU ĐẾN NĂM\n2030 VÀ TẦM NHÌN", ["I. MỤC TIÊU ĐẾN NĂM 2030 VÀ TẦM NHÌN"]),
])
def test_a_sentence_opening_with_a_figure_under_a_heading_in_capitals(text, want):
    assert paras(text) == want


def test_a_heading_in_capitals_over_a_table_flattened_one_cell_a_line():
    """LibreOffice's text export writes a table one cell a line: the "STT" under a heading in capitals is the table's
    first cell, not the heading's wrap (the heading came out "… ĐƠN VỊ ĐƯỢC KIỂM TRA STT", or with no title)."""
    text = PLAN.replace("II. TỔ CHỨC THỰC HIỆN", "II. THỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA\nSTT\nĐơn vị được kiểm tra\n"
                        "Thời gian kiểm tra\n1\nSở Xây dựng\nNgày 12/5/2024\nIII. TỔ CHỨC THỰC HIỆN")
    plan = extract_bytes(text.encode("utf-8"), "plan.txt")
    assert [s["title"] for s in plan["sections"]][:2] == ["MỤC TIÊU", "THỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA"]


def test_a_party_header_in_one_layout_row_is_the_header():
    """A Party committee's header in one row of a layout table, the number under the committee's name in the same
    cell: it was read as a task table (only the Party's name opposite started as a header's cell does), and the
    number, date, place and issuer were lost."""
    text = (
        "| ĐẢNG BỘ TỈNH AN PHÚ<br>ĐẢNG ỦY XÃ HÒA BÌNH<br>*<br>Số 03-CTr/ĐU | ĐẢNG CỘNG SẢN VIỆT NAM<br><br>"
        "Hòa Bình, ngày 24 tháng 11 năm 2025 |\n|---|---|\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nThực hiện Nghị quyết Đại hội\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nMột.\n\n"
    )
    assert not [b for b in read_text(text) if b.kind == "table"]
    d = extract_bytes(text.encode("utf-8"), "layout.md")["document"]
    assert (d["number"], d["date"], d["place"], d["issuer"]) == ("03-CTr/ĐU", "2025-11-24", "Hòa Bình", "Đảng ủy xã Hòa Bình")
