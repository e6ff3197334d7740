"""DOCX and PDF readers: the same plan from every rendition, and clear refusals."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile

import pytest

from kehoach import extract_bytes, extract_file
from kehoach.errors import ReadError
from kehoach.parse import docx as docx_reader
from kehoach.parse.docx import Numbering, _xml

from ..conftest import ROOT, without_loc

FIXTURES = ROOT / "tests" / "fixtures"
RENDITIONS = [
    ("thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh", "txt"),
    ("hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn", "txt"),
    ("thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so", "md"),
]


@pytest.mark.parametrize("stem,text_suffix", RENDITIONS, ids=[r[0] for r in RENDITIONS])
def test_every_rendition_gives_the_same_plan(stem, text_suffix, in_root):
    base = extract_file(f"samples/{stem}.{text_suffix}")
    for suffix in ("docx", "pdf"):
        other = extract_file(f"samples/{stem}.{suffix}")
        assert other["source"]["format"] == suffix
        for key in ("document", "sections", "targets", "tasks"):
            assert without_loc(other[key]) == without_loc(base[key]), f"{suffix}: {key} differs from the text rendition"


def test_pdf_locations_carry_pages_and_appendix_rows_span_pages(in_root):
    plan = extract_file("samples/thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.pdf")
    assert plan["source"]["pages"] > 10
    pages = {t["loc"]["page"] for t in plan["tasks"] if t["source"] == "appendix"}
    assert len(pages) > 3  # the 40-row appendix runs over several pages and is still one table
    assert [t["id"] for t in plan["tasks"] if t["source"] == "appendix"][-1] == "A1.40"
    assert all(t["loc"]["page"] for t in plan["tasks"])


def test_docx_locations_are_paragraph_numbers(in_root):
    plan = extract_file("samples/thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.docx")
    lines = [s["loc"]["line"] for s in plan["sections"]]
    assert lines == sorted(lines) and all(line and line < 60 for line in lines)
    assert plan["source"]["pages"] is None


def test_word_automatic_numbering_and_merged_cells(in_root):
    plan = extract_file("samples/thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.docx")
    assert [s["id"] for s in plan["sections"]] == ["I", "II", "III"]
    assert [c["id"] for c in plan["sections"][1]["children"][0]["children"]] == ["II.1.a", "II.1.b"]
    rows = [t for t in plan["tasks"] if t["source"] == "appendix"]
    assert rows[1]["lead"] == ["Sở Nông nghiệp và Phát triển nông thôn"]  # merged down from row 1
    assert [t["group"] for t in rows] == ["I. Hoàn thiện cơ chế, chính sách"] * 2 + ["II. Hỗ trợ phát triển"] * 2
    assert plan["document"]["issuer"] == "Ủy ban nhân dân tỉnh Thanh Hóa"
    assert plan["document"]["signer"]["name"] == "Lê Đức Giang"


NUMBERING_XML = b"""<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\xef\x82\xb7"/></w:lvl></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""


def test_numbering_labels_count_and_restart():
    n = Numbering(_xml(NUMBERING_XML))
    labels = [n.label("5", 0), n.label("5", 1), n.label("5", 1), n.label("5", 2), n.label("5", 2),
              n.label("5", 0), n.label("5", 1), n.label("6", 0), n.label("99", 0)]
    assert labels == ["I.", "I.1.", "I.2.", "a)", "b)", "II.", "II.1.", "-", ""]


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    doc = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>Số: 1/KH-UBND &x;</w:t></w:r></w:p></w:body></w:document>').encode()
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": doc})
    try:
        plan = extract_bytes(data, "xxe.docx")
    except ReadError:
        return
    assert "TOP-SECRET-VALUE" not in str(plan)


def test_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_UNZIPPED", 1024 * 1024)
    data = _zip({"word/document.xml": b"<a/>", "word/media/big.bin": b"\0" * (8 * 1024 * 1024)})
    with pytest.raises(ReadError, match="zip bomb"):
        extract_bytes(data, "bomb.docx")


def _run(text: str, font: str | None = None) -> str:
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


STYLES = (f'<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
          '</w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'
          '</w:rPr></w:style><w:style w:type="paragraph" w:styleId="Uni"><w:basedOn w:val="Normal"/><w:rPr>'
          '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:style>'
          '<w:style w:type="character" w:styleId="Caps"><w:rPr><w:rFonts w:ascii=".VnArialH" w:hAnsi=".VnArialH"/>'
          '</w:rPr></w:style></w:styles>')


def test_legacy_font_runs_are_converted_by_their_font():
    paras = [
        _run("kÕ ho¹ch", ".VnTimeH"),  # the capitals font: typed in lower case, drawn in capitals
        _run("Ph¸t triÓn ") + _run("ñ", ".VnTimeH") + _run("y ban nh©n d©n"),  # Normal's font; a one-letter capital run
        _run("Keá hoaïch ", "VNI-Times") + _run("Trường", "VNI-Times") + _run(" §iÒu"),  # Unicode in a VNI-font run stays
        '<w:pPr><w:pStyle w:val="Uni"/></w:pPr>' + _run("Mục tiêu ¸"),  # a Unicode style based on the legacy one
        '<w:r><w:rPr><w:rStyle w:val="Caps"/></w:rPr><w:t>môc tiªu</w:t></w:r>',
    ]
    body = "".join(f"<w:p>{p}</w:p>" for p in paras)
    doc = f'<w:document {W}><w:body>{body}</w:body></w:document>'.encode()
    lines = docx_reader.read_docx(_zip({"word/document.xml": doc, "word/styles.xml": STYLES.encode()}), "x.docx").text()
    assert [line for line in lines.split("\n") if line.strip()] == [
        "KẾ HOẠCH", "Phát triển Ủy ban nhân dân", "Kế hoạch Trường Điều", "Mục tiêu ¸", "MỤC TIÊU"]
    plan = extract_bytes(_zip({"word/document.xml": doc, "word/styles.xml": STYLES.encode()}), "legacy.docx")
    (w,) = [w for w in plan["warnings"] if w["code"] == "legacy-encoding-converted"]
    assert ".VnTime" in w["message"] and "VNI-Times" in w["message"]


def test_unknown_8bit_font_is_warned():
    doc = (f'<w:document {W}><w:body><w:p>{_run("Kõ ho¹ch", "VPS Times")}</w:p><w:p><w:r><w:t>I. MỤC TIÊU</w:t></w:r></w:p>'
           '</w:body></w:document>').encode()
    plan = extract_bytes(_zip({"word/document.xml": doc}), "legacy.docx")
    (w,) = [w for w in plan["warnings"] if w["code"] == "legacy-font"]
    assert "VPS Times" in w["message"]


def test_legacy_doc_without_libreoffice_says_how(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match="soffice"):
        extract_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.doc")


FAILURES = [
    ("scanned-no-text-layer.pdf", "no text layer on any page (a scanned document?): extract it with --ocr"),
    ("encrypted.pdf", "the PDF is encrypted; remove the password first"),
    ("truncated.pdf", "not a readable PDF"),
    ("truncated.docx", "not a valid Word .docx file"),
    ("not-a-zip.docx", "the file is named .docx but its bytes are not a DOCX file"),
    ("pdf-named-as.txt", "the file is named .txt but holds PDF data; rename it to .pdf"),
]


@pytest.mark.parametrize("name,message", FAILURES, ids=[f[0] for f in FAILURES])
def test_failure_fixtures_give_one_line_errors(name, message):
    path = FIXTURES / name
    with pytest.raises(ReadError) as info:
        extract_file(str(path))
    assert message in str(info.value)
    r = subprocess.run([sys.executable, "-m", "kehoach.cli", "extract", str(path)], capture_output=True, text=True)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr and message in r.stderr


def test_split_diacritics_from_a_pdf_text_layer_are_repaired():
    from kehoach.parse.normalize import normalize_text

    assert normalize_text("U\u0309y ban nha\u0302n da\u0302n") == "Ủy ban nhân dân"
    assert normalize_text("U \u0309y ban") == "Ủy ban"
    assert normalize_text("Quyết định số 12/QĐUBND ngày 5/1/2024") == "Quyết định số 12/QĐ-UBND ngày 5/1/2024"


def test_docx_footnotes_are_kept_apart():
    doc = (f'<w:document {W}><w:body>'
           '<w:p><w:r><w:t>I. MỤC TIÊU</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>Hoàn thiện Quy hoạch tỉnh</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>'
           '<w:r><w:t>.</w:t></w:r></w:p></w:body></w:document>').encode()
    notes = (f'<w:footnotes {W}><w:footnote w:id="0"><w:p><w:r><w:t>sep</w:t></w:r></w:p></w:footnote>'
             '<w:footnote w:id="2"><w:p><w:r><w:t>Đã trình Hội đồng thẩm định.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>').encode()
    plan = extract_bytes(_zip({"word/document.xml": doc, "word/footnotes.xml": notes}), "notes.docx")
    assert plan["footnotes"] == [{"mark": "1", "text": "Đã trình Hội đồng thẩm định.", "loc": {"line": 3, "page": None}}]
    assert plan["sections"][0]["text"] == ["Hoàn thiện Quy hoạch tỉnh."]


def test_docx_cell_line_breaks_and_spans():
    cell = '<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    row = lambda *cs: "<w:tr>" + "".join(cs) + "</w:tr>"  # noqa: E731
    span = ('<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>Nhóm nhiệm vụ về thể chế</w:t></w:r></w:p></w:tc>')
    two_lines = '<w:tc><w:p><w:r><w:t>Sở Tư pháp</w:t><w:br/><w:t>Sở Nội vụ</w:t></w:r></w:p></w:tc>'
    doc = (f'<w:document {W}><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:p><w:r><w:t>Thử</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>I. TỔ CHỨC THỰC HIỆN</w:t></w:r></w:p><w:tbl>'
           + row(cell.format("STT"), cell.format("Nội dung"), cell.format("Cơ quan chủ trì"), cell.format("Thời hạn"))
           + row(cell.format(""), span)
           + row(cell.format("1"), cell.format("Rà soát văn bản"), two_lines, cell.format("Quý I/2025"))
           + '</w:tbl></w:body></w:document>').encode()
    plan = extract_bytes(_zip({"word/document.xml": doc}), "cells.docx")
    (task,) = [t for t in plan["tasks"] if t["source"] == "appendix"]
    assert (task["group"], task["lead"], task["deadline"]["end"]) == ("Nhóm nhiệm vụ về thể chế", ["Sở Tư pháp", "Sở Nội vụ"], "2025-03-31")


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_legacy_doc_is_converted_through_libreoffice(tmp_path, in_root):
    src = tmp_path / "plan.docx"
    src.write_bytes((ROOT / "samples" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.docx").read_bytes())
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/p", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=300)
    plan = extract_file(str(tmp_path / "plan.doc"))
    assert plan["source"]["format"] == "docx"
    assert plan["document"]["number"] == "301/KH-UBND"
    assert len([t for t in plan["tasks"] if t["source"] == "appendix"]) == 4


def test_pdf_running_header_and_page_numbers_are_dropped(in_root):
    plan = extract_file("samples/thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.pdf")
    texts = [p["text"] for p in plan["preamble"] + plan["closing"]] + [u["text"] for u in plan["quality"]["unplaced"]]

    def walk(secs):
        for s in secs:
            texts.extend(s["text"] + s["items"])
            walk(s["children"])

    walk(plan["sections"])
    assert not any(t.strip() == "Kế hoạch hành động 39/KHHD-UBND" or t.strip().isdigit() for t in texts)
    assert plan["quality"]["coverage"] == 1.0


def test_docx_two_row_header_with_merged_cells(tmp_path):
    import docx

    doc = docx.Document()
    for text in ("Số: 5/KH-UBND", "KẾ HOẠCH", "Thử nghiệm bảng hai tầng", "I. TỔ CHỨC THỰC HIỆN"):
        doc.add_paragraph(text)
    table = doc.add_table(rows=4, cols=5)
    for i, text in enumerate(["STT", "Nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian thực hiện"]):
        table.cell(0, i).text = text
    table.cell(0, 2).merge(table.cell(0, 3))  # "Cơ quan thực hiện" over two columns
    for col in (0, 1, 4):
        table.cell(0, col).merge(table.cell(1, col))  # vertical merges: the second row repeats them
    table.cell(1, 2).text, table.cell(1, 3).text = "Chủ trì", "Phối hợp"
    for r, values in enumerate([["1", "Rà soát thủ tục", "Sở Tư pháp", "Sở Nội vụ", "Quý II/2025"],
                                ["2", "Số hóa", "Sở Nội vụ", "Các sở", "2025"]], 2):
        for i, text in enumerate(values):
            table.cell(r, i).text = text
    path = tmp_path / "two-row-header.docx"
    doc.save(str(path))
    plan = extract_file(path)
    got = [(t["title"], t["lead"], t["support"], t["deadline"]["end"]) for t in plan["tasks"] if t["source"] == "appendix"]
    assert got == [("Rà soát thủ tục", ["Sở Tư pháp"], ["Sở Nội vụ"], "2025-06-30"),
                   ("Số hóa", ["Sở Nội vụ"], ["Các sở"], "2025-12-31")]


def _words(y: float, *runs: tuple[float, str]) -> list[dict]:
    """Words of one PDF text line, each run of words starting at its x (8 pt per letter)."""
    out = []
    for x, text in runs:
        for word in text.split():
            out.append({"text": word, "x0": x, "x1": x + 8 * len(word), "top": y, "bottom": y + 12})
            x += 8 * len(word) + 4
    return out


def test_pdf_signer_title_beside_a_recipient_line_is_its_own_column():
    from kehoach.parse.pdf_lines import segments as _segments

    line = _words(100, (90, "- Các sở, ban, ngành;"), (300, "CHỦ TỊCH"))
    assert [" ".join(w["text"] for w in seg) for seg in _segments(line, 30)] == ["- Các sở, ban, ngành;", "CHỦ TỊCH"]
    body = _words(100, (90, "giao Chủ tịch Ủy ban nhân dân xã CHỦ TỊCH HỘI"))
    assert len(_segments(body, 30)) == 1


def test_pdf_dash_at_the_margin_is_a_wrap_where_items_are_indented():
    from kehoach.parse.pdf import _Page
    from kehoach.parse.pdf_lines import dashes_indented as _dashes_indented

    def page(item_x: float) -> _Page:
        words: list[dict] = []
        for k in range(6):
            words += _words(100 + 40 * k, (item_x, "- Tổ chức kiểm tra an toàn"))
            words += _words(116 + 40 * k, (85, "thực phẩm tại các chợ đầu mối"))
        words += _words(400, (85, "- Hà Nội, lần thứ II năm 2026"))
        return _Page(1, 600, words, [])

    assert _dashes_indented([page(113)])  # items indented, one "- " line at the margin: a wrapped name
    assert not _dashes_indented([page(85)])  # items at the margin: every "- " line is an item


def test_pdf_page_bottom_footnotes_and_superscript_markers(in_root):
    plan = extract_file("samples/bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf")
    assert [f["mark"] for f in plan["footnotes"]] == ["1", "2", "3"]
    assert [t["id"] for t in plan["tasks"]] == ["IV.1", "IV.2", "IV.3"]  # the notes between IV.2 and IV.3 are no tasks
    assert plan["tasks"][1]["deadline"]["end"] == "2026-04-30"
    assert plan["targets"][1]["text"] == "tăng 15%"  # the marker glued to "2026" ("20261") is gone


def test_pdf_footnotes_on_a_page_with_a_ruled_table(in_root):
    plan = extract_file("samples/bac-kan-46-kh-ubnd-2026-chu-thich-bang-ke.pdf")
    assert [f["mark"] for f in plan["footnotes"]] == ["1"] and len(plan["tasks"]) == 3
    assert not any("20261" in t["text"] for t in plan["targets"])


def test_superscript_after_a_unit_is_a_power():
    from kehoach.parse.pdf_notes import is_superscript, open_marker

    assert is_superscript(7.0, 696.0, 12.0, 691.0) and not is_superscript(12.0, 691.0, 12.0, 691.0)
    assert open_marker("2026") == "[" and open_marker("m") == "" and open_marker("km") == ""
