from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import yaml

from kehoach import extract_bytes, extract_file
from kehoach.export import render_checklist

PLAN = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH
Số: 40/KH-UBND
Quảng Ninh, ngày 10 tháng 1 năm 2024
KẾ HOẠCH
Chuyển đổi số năm 2024
I. TỔ CHỨC THỰC HIỆN
1. Sở TT&TT: Chủ trì theo dõi việc thực hiện.
PHỤ LỤC
STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tSản phẩm
1\t=HYPERLINK("http://x")\tSở Thông tin và Truyền thông\tSở Tài chính\tQuý I/2024\t-Báo cáo
2\tTriển khai nền tảng số\tSở TT&TT\t\tThường xuyên\t+Nền tảng
3\tSố hóa hồ sơ\tSở Nội vụ\t@Sở Tư pháp\tTháng 12/2024\tDữ liệu
"""


@pytest.fixture(scope="module")
def plan():
    return extract_bytes(PLAN.encode("utf-8"), "qn.txt")


def test_markdown_one_heading_per_canonical_agency(plan):
    md = render_checklist(plan, "md").decode("utf-8")
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == ["## Sở Thông tin và Truyền thông (3 nhiệm vụ)", "## Sở Nội vụ (1 nhiệm vụ)"]
    assert md.count("- [ ] ") == 4
    assert "Nguồn: Mục I.1" in md and "Nguồn: Phụ lục, STT 3" in md
    assert "\\=HYPERLINK" not in md and "HYPERLINK(\"http://x\")" in md  # shown as written, not as a link


def test_one_heading_for_an_agency_written_with_and_without_its_place_word():
    """"Sở Nội vụ tỉnh" and "Sở Nội vụ" are one agency (agency_key): one checklist heading and one
    timeline section, named as first written."""
    from kehoach.export.timeline import to_mermaid

    text = PLAN.replace("3\tSố hóa hồ sơ\tSở Nội vụ\t", "3\tSố hóa hồ sơ\tSở Nội vụ tỉnh\t") \
        + "4\tLưu trữ hồ sơ\tSở Nội vụ\t\tTháng 12/2024\tKho lưu trữ\n"
    plan = extract_bytes(text.encode("utf-8"), "qn.txt")
    leads = {t["title"]: t["lead"] for t in plan["tasks"]}
    assert leads["Số hóa hồ sơ"] == ["Sở Nội vụ tỉnh"] and leads["Lưu trữ hồ sơ"] == ["Sở Nội vụ"]  # as written
    md = render_checklist(plan, "md").decode("utf-8")
    assert [h for h in md.splitlines() if h.startswith("## ")] == \
        ["## Sở Thông tin và Truyền thông (3 nhiệm vụ)", "## Sở Nội vụ tỉnh (2 nhiệm vụ)"]
    sections = [line.strip() for line in to_mermaid(plan).splitlines() if line.strip().startswith("section ")]
    assert sections == ["section Sở Thông tin và Truyền thông", "section Sở Nội vụ tỉnh"]


def test_markdown_marks_overdue_as_of(plan):
    md = render_checklist(plan, "md", "agency", dt.date(2024, 6, 1)).decode("utf-8")
    assert md.count("**[Quá hạn]**") == 1  # only Quý I/2024; "Thường xuyên" and December are not overdue
    assert "(3 nhiệm vụ, 1 quá hạn)" in md


def test_csv_has_bom_vietnamese_titles_and_neutralised_formulas(plan):
    data = render_checklist(plan, "csv", "agency", dt.date(2024, 6, 1))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
    assert len(set(rows[0])) == len(rows[0])
    body = rows[1:]
    assert len(body) == 4
    cells = [c for r in body for c in r]
    assert not any(c and c[0] in "=+-@" for c in cells)
    assert "'=HYPERLINK(\"http://x\")" in cells and "'-Báo cáo" in cells and "'+Nền tảng" in cells and "'@Sở Tư pháp" in cells
    quarter = next(r for r in body if r[4] == "Quý I/2024")
    assert (quarter[5], quarter[6], quarter[12]) == ("2024-01-01", "2024-03-31", "Quá hạn")


def test_xlsx_is_filterable_with_real_dates_and_status(plan, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "c.xlsx"
    path.write_bytes(render_checklist(plan, "xlsx", "agency", dt.date(2024, 6, 1)))
    wb = load_workbook(path)
    ws = wb["Nhiệm vụ"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["STT", "Nhiệm vụ", "Đơn vị chủ trì"] and "Trạng thái" in header
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    assert ws.max_row == 5
    start_col = header.index("Bắt đầu") + 1
    starts = [ws.cell(r, start_col).value for r in range(2, 6)]
    assert any(isinstance(v, dt.datetime) and v.date() == dt.date(2024, 1, 1) for v in starts)
    assert ws.cell(2, header.index("Nhiệm vụ") + 1).alignment.wrap_text
    validations = ws.data_validations.dataValidation
    assert validations and "Hoàn thành" in validations[0].formula1
    assert ws.cell(2, header.index("Nhiệm vụ") + 1).value == "'=HYPERLINK(\"http://x\")"


@pytest.mark.parametrize("by", ["agency", "group", "section", "deadline"])
def test_every_grouping_lists_every_task(plan, by):
    md = render_checklist(plan, "md", by).decode("utf-8")
    assert md.count("- [ ] ") >= len(plan["tasks"])


def test_checklist_matches_appendix_and_implementation_section(in_root):
    plan = extract_file("samples/thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt")
    md = render_checklist(plan, "md").decode("utf-8")
    n_items = md.count("- [ ] ")
    multi_lead = sum(len(t["lead"]) - 1 for t in plan["tasks"] if len(t["lead"]) > 1)
    assert n_items == len(plan["tasks"]) + multi_lead
    assert "## Sở Kế hoạch và Đầu tư" in md and "## Sở Tài nguyên và Môi trường" in md


def test_plan_file_and_document_give_the_same_checklist(in_root, tmp_path):
    from click.testing import CliRunner

    from kehoach.cli import main

    src = "samples/thai-binh-kh-ubnd-2018-phat-trien-cong-nghiep.md"
    plan_file = tmp_path / "plan.yaml"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", src, "-o", str(plan_file)]).exit_code == 0
    a = runner.invoke(main, ["export", "checklist", src])
    b = runner.invoke(main, ["export", "checklist", str(plan_file)])
    assert a.exit_code == b.exit_code == 0
    assert a.stdout == b.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"schema_version": "1", "tasks": "nope"}), encoding="utf-8")
    r = runner.invoke(main, ["export", "checklist", str(bad)])
    assert r.exit_code == 1 and "invalid plan" in r.stderr


TWO_LEADS = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH
Số: 41/KH-UBND
Quảng Ninh, ngày 10 tháng 1 năm 2024
KẾ HOẠCH
Cải cách hành chính năm 2024
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích: nâng cao chất lượng phục vụ người dân.
II. TỔ CHỨC THỰC HIỆN
Kế hoạch được triển khai theo phụ lục kèm theo.
PHỤ LỤC
STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn
I\tNhóm thể chế\t\t\t
1\tRà soát thủ tục\tSở Nội vụ; Sở Tư pháp\tCác sở, ngành\tQuý II/2024
2\tSố hóa hồ sơ\tSở Tư pháp\t\tTháng 12/2024
II\tNhóm công vụ\t\t\t
1\tĐánh giá cán bộ\tSở Nội vụ\t\tQuý IV/2024
"""


@pytest.mark.parametrize("by", ["agency", "group", "section", "deadline"])
def test_tables_have_one_row_per_task_continuous_stt_and_unique_titles(by):
    from openpyxl import load_workbook

    plan = extract_bytes(TWO_LEADS.encode("utf-8"), "cchc.txt")
    assert [t["lead"] for t in plan["tasks"]][0] == ["Sở Nội vụ", "Sở Tư pháp"]
    rows = list(csv.reader(io.StringIO(render_checklist(plan, "csv", by).decode("utf-8-sig"))))
    assert len(set(rows[0])) == len(rows[0]), rows[0]
    stt = rows[0].index("STT")
    assert [r[stt] for r in rows[1:]] == ["1", "2", "3"]
    leads = [r[rows[0].index("Đơn vị chủ trì")] for r in rows[1:]]
    assert "Sở Nội vụ; Sở Tư pháp" in leads and len(leads) == 3
    ws = load_workbook(io.BytesIO(render_checklist(plan, "xlsx", by)))["Nhiệm vụ"]
    header = [c.value for c in ws[1]]
    assert len(set(header)) == len(header)
    assert [ws.cell(r, header.index("STT") + 1).value for r in range(2, ws.max_row + 1)] == [1, 2, 3]


def test_xlsx_prints_landscape_fitted_to_width_with_the_header_on_every_page(plan):
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(render_checklist(plan, "xlsx")))["Nhiệm vụ"]
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$1"
    assert ws.column_dimensions["B"].width >= 40  # the task text gets room; the rest fits the page


def test_a_document_that_is_not_a_plan_says_so_and_invents_no_period(in_root):
    from openpyxl import load_workbook

    news = extract_file("samples/ha-nam-tin-kcn-2019-khong-phai-ke-hoach.txt")
    md = render_checklist(news, "md").decode("utf-8")
    assert "không phải là kế hoạch" in md
    assert "Thời gian thực hiện" not in md and "/20" not in md  # no invented "01/01/… – 31/12/…"
    info = load_workbook(io.BytesIO(render_checklist(news, "xlsx")))["Thông tin"]
    values = {r[0].value: r[1].value for r in info.iter_rows()}
    assert values["Thời gian thực hiện"] == "không xác định" and "không phải là kế hoạch" in values["Lưu ý"]


def test_xlsx_printed_by_libreoffice_is_landscape_with_the_header_on_every_page(in_root, tmp_path):
    """Render the workbook as a reader prints it: LibreOffice Calc to PDF, then read the pages."""
    import os
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice (soffice, with Calc) and poppler-utils are needed")
    plan = extract_file("samples/thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt")
    book = tmp_path / "nhiem-vu.xlsx"
    book.write_bytes(render_checklist(plan, "xlsx"))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(book)], capture_output=True, timeout=300)
    pdf = tmp_path / "nhiem-vu.pdf"
    if not pdf.exists():
        if os.environ.get("KEHOACH_REQUIRE_BROWSER"):
            pytest.fail("LibreOffice could not open the workbook (is libreoffice-calc installed?)")
        pytest.skip("LibreOffice cannot open .xlsx here (apt-get install libreoffice-calc-nogui)")
    from pypdfium2 import PdfDocument

    pages = PdfDocument(str(pdf))
    task_pages = [k for k in range(len(pages)) if "Trạng thái" in pages[k].get_textpage().get_text_range()]
    assert len(task_pages) >= 2  # 49 tasks, every row readable: more than one page, header on each
    for k in task_pages:
        w, h = pages[k].get_size()
        assert w > h  # landscape
        text = pages[k].get_textpage().get_text_range()
        assert "STT" in text and "Nhiệm vụ" in text and f"Trang {k + 1} /" in text
    assert len(task_pages) <= 12
    shots = os.environ.get("KEHOACH_ARTIFACTS")
    if shots:
        os.makedirs(shots, exist_ok=True)
        shutil.copy(pdf, os.path.join(shots, "checklist-printed.pdf"))
