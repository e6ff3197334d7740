"""Pages saved from a legal-document portal read like the bare document: the banner, metadata table
and footer are not the document; the metadata fills only what the document leaves blank."""

from __future__ import annotations

import html

import pytest

from kehoach.parse.portal import strip_portal
from kehoach.pipeline import extract_bytes

from ..conftest import SAMPLES, without_loc

BARE = (SAMPLES / "tay-ninh-57-kh-ubnd-2026-du-lieu-dat-dai-khoi-nhan.md").read_text(encoding="utf-8")
META = [("Số hiệu", "57/KH-UBND"), ("Loại văn bản", "Kế hoạch"), ("Nơi ban hành", "Tỉnh Tây Ninh"),
        ("Người ký", "Trần Văn Lộc"), ("Ngày ban hành", "16/03/2026"), ("Ngày hiệu lực", "Đã biết"),
        ("Tình trạng", "Đang cập nhật")]
BANNER = ("[Trang chủ](/) | [Tra cứu văn bản](/tra-cuu) | [Đăng nhập](/login)\n\n"
          "# Kế hoạch 57/KH-UBND năm 2026 về dữ liệu đất đai do tỉnh Tây Ninh ban hành\n\n"
          "Cập nhật lúc 09:30 ngày 20/03/2026 | Lượt xem: 1.204\n")
FOOTER = ("\nVăn bản liên quan | Lược đồ | Tải về\n\n"
          "Thông báo: Từ ngày 01/07/2026 hệ thống tạm ngừng để bảo trì.\n\n"
          "Chịu trách nhiệm nội dung: Nguyễn Văn Bình\n\n"
          "Giấy phép số 12/GP-BTTTT ngày 05/01/2021\n\n© 2026 Cổng văn bản. Ghi rõ nguồn khi trích dẫn.\n")


def table(meta: list[tuple[str, str]], form: str) -> str:
    if form == "pipe":
        rows = [meta[k:k + 2] for k in range(0, len(meta), 2)]
        return "\n".join("| " + " | ".join(f"**{key}:** | {value}" for key, value in row) + " |" for row in rows)
    if form == "scraped":  # the crawl's layout: one cell per line, "|" between cells
        return "\n".join(f"|\n{key}:\n|\n{value}" for key, value in meta) + "\n|"
    return "\n".join(f"{key}: {value}" for key, value in meta)


def portal_page(bare: str, form: str, meta=META) -> str:
    return f"{BANNER}\n{table(meta, form)}\n\n{bare}\n{FOOTER}"


def _read(text: str, name: str = "page.md") -> dict:
    return extract_bytes(text.encode("utf-8"), name)


@pytest.mark.parametrize("form", ["pipe", "scraped", "lines"])
def test_a_portal_page_reads_like_the_bare_document(form):
    bare, page = _read(BARE), _read(portal_page(BARE, form))
    for key in ("document", "preamble", "sections", "closing", "targets", "tasks"):
        assert without_loc(page[key]) == without_loc(bare[key]), key
    assert [w["code"] for w in page["warnings"]] == [w["code"] for w in bare["warnings"]]
    assert without_loc(page["quality"]["unplaced"]) == without_loc(bare["quality"]["unplaced"])


def _blank(bare: str) -> str:
    """The document as stamped at signing: number and day left blank."""
    return bare.replace("Số: 57/KH-UBND", "Số:     /KH-UBND").replace("ngày 16 tháng 3 năm 2026", "ngày    tháng 3 năm 2026")


def test_a_saved_html_page_reads_like_the_bare_document():
    plain = _blank(BARE).replace("**", "").replace("*", "")
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in plain.split("\n") if p.strip() and "|" not in p)
    head = "<p>ỦY BAN NHÂN DÂN TỈNH TÂY NINH</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>\n"
    rows = "".join(f"<tr><td>{k}:</td><td>{v}</td></tr>" for k, v in META)
    bare_html = f"<html><body><div class='content'>{head}{paras}</div></body></html>"
    page_html = (f"<html><body><div class='top'><h1>Kế hoạch 57/KH-UBND năm 2026</h1><p>Cập nhật 20/03/2026</p></div>"
                 f"<table>{rows}</table><div class='content'>{head}{paras}</div>"
                 f"<div class='foot'><p>Thông báo: bảo trì ngày 01/07/2026</p><p>© 2026 Bản quyền Cổng văn bản</p></div>"
                 f"</body></html>")
    bare, page = _read(bare_html, "bare.html"), _read(page_html, "page.html")
    assert (bare["document"]["number"], page["document"]["number"]) == (None, "57/KH-UBND")
    assert page["document"]["inferred"] == ["number", "date"]
    bare["document"].update({k: page["document"][k] for k in ("number", "seq", "date", "inferred")})
    for key in ("document", "sections", "tasks", "closing"):
        assert without_loc(page[key]) == without_loc(bare[key]), key
    assert without_loc(page["quality"]["unplaced"]) == without_loc(bare["quality"]["unplaced"])


def test_metadata_fills_what_the_document_leaves_blank():
    blank = _blank(BARE)
    assert _read(blank)["document"]["number"] is None
    page_text = portal_page(blank, "scraped")
    page = _read(page_text)
    doc = page["document"]
    assert (doc["number"], doc["seq"], doc["date"]) == ("57/KH-UBND", 57, "2026-03-16")
    assert {"number", "date"} <= set(doc["inferred"])
    inferred = [w for w in page["warnings"] if w["code"] == "inferred" and "portal" in w["message"]]
    lines = page_text.split("\n")
    assert {lines[w["loc"]["line"] - 1] for w in inferred} == {"Số hiệu:", "Ngày ban hành:"}


def test_metadata_that_disagrees_is_warned_about_and_the_document_wins():
    meta = [(k, "75/KH-UBND" if k == "Số hiệu" else v) for k, v in META]
    page = _read(portal_page(BARE, "pipe", meta))
    assert page["document"]["number"] == "57/KH-UBND"
    assert [w["code"] for w in page["warnings"]].count("portal-mismatch") == 1
    assert page["document"]["inferred"] == []


def test_a_line_of_dots_where_the_site_cut_rows_is_warned_about():
    cut = BARE.replace("**4. Nhiệm vụ 4**", "…………………\n\n**4. Nhiệm vụ 4**")
    text = portal_page(cut, "pipe")
    warnings = [w for w in _read(text)["warnings"] if w["code"] == "source-cut"]
    assert [text.split("\n")[w["loc"]["line"] - 1] for w in warnings] == ["…………………"]


def test_a_document_listing_documents_in_a_table_is_not_a_portal_page():
    table_rows = "\n".join(f"| {k} | {v} |" for k, v in META[:5])
    text = BARE.replace("**III. KINH PHÍ THỰC HIỆN**", "| Mục | Giá trị |\n|---|---|\n" + table_rows + "\n\n**III. KINH PHÍ THỰC HIỆN**")
    stripped, portal, _ = strip_portal(text)
    assert portal is None and stripped == text


def test_a_table_under_the_motto_is_the_documents_even_with_the_national_name_wrapped():
    """The national name wrapped in its narrow column ("CỘNG" / "HÒA XÃ HỘI …") leaves the motto as the
    line that says the document has begun: a table of documents under it is not a portal's metadata."""
    wrapped = BARE.replace("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**CỘNG**\n\n**HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**")
    listing = "\n".join(f"| {k} | {v} |" for k, v in META[:5])
    text = wrapped.replace("Số: 57/KH-UBND", "| Mục | Giá trị |\n|---|---|\n" + listing + "\n\nSố: 57/KH-UBND")
    stripped, portal, _ = strip_portal(text)
    assert portal is None and stripped == text


def test_the_footer_keeps_the_signature():
    page = _read(portal_page(BARE, "lines"))
    assert page["document"]["signer"]["name"] == "Trần Văn Lộc"
    assert not any("Bản quyền" in p["text"] or "Giấy phép" in p["text"] for p in page["closing"])


def test_metadata_after_the_document_in_the_footer():
    page_text = f"{BANNER}\n{_blank(BARE)}\n\nThuộc tính văn bản\n\n{table(META, 'lines')}\n{FOOTER}"
    page, bare = _read(page_text), _read(_blank(BARE))
    assert (page["document"]["number"], page["document"]["date"]) == ("57/KH-UBND", "2026-03-16")
    for key in ("sections", "tasks", "closing"):
        assert without_loc(page[key]) == without_loc(bare[key]), key
    assert without_loc(page["quality"]["unplaced"]) == without_loc(bare["quality"]["unplaced"])


def test_metadata_keys_are_dismissed_on_their_first_word():
    """read_metadata looks at a cell's key only when its first folded word starts a key: every key
    alternative must start with a plain word followed by a space, or a key would be missed."""
    import re

    from kehoach.parse.portal import KEY_WORDS, META_KEYS

    for _, pattern in META_KEYS:
        for alternative in pattern.split("|"):
            assert re.match(r"[a-z]+ ", alternative), alternative
            assert alternative.split()[0] in KEY_WORDS


@pytest.mark.parametrize("place,symbol,issuer", [
    ("Thành phố Nam Hà", "12/KH-UBND", "Ủy ban nhân dân thành phố Nam Hà"),
    ("Tỉnh Nam Hà", "12/CT-UBND", "Ủy ban nhân dân tỉnh Nam Hà"),
    ("Tỉnh Nam Hà", "12/KH-SYT", None),  # a department's symbol: the province is not the issuer's name
])
def test_an_issuer_row_naming_only_the_place_names_the_committee_of_a_committees_symbol(place, symbol, issuer):
    """The header's issuer cell only 'ỦY BAN NHÂN DÂN |' (the site dropped the place line) and the metadata's issuer a
    province or a city alone: with a symbol the committee issues, the issuer is that committee (it was left empty)."""
    bare = (f"ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: {symbol} |\nNgày 3 tháng 4 năm 2026 |\n"
            "KẾ HOẠCH\nTHỬ NGHIỆM\nI. MỤC ĐÍCH\nNâng cao chất lượng.\n")
    meta = [("Số hiệu", symbol), ("Loại văn bản", "Kế hoạch"), ("Cơ quan ban hành", place), ("Ngày ban hành", "03/04/2026")]
    assert _read(portal_page(bare, "pipe", meta))["document"]["issuer"] == issuer
