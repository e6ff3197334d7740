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


def test_markdown_marks_overdue_as_of(plan):
    md = render_checklist(plan, "md", "agency", dt.date(2024, 6, 1)).decode("utf-8")
    assert md.count("**[Quá hạn]**") == 1  # only Quý I/2024; "Thường xuyên" and December are not overdue
    assert "(3 nhiệm vụ, 1 quá hạn)" in md


def test_csv_has_bom_vietnamese_titles_and_neutralised_formulas(plan):
    data = render_checklist(plan, "csv", "agency", dt.date(2024, 6, 1))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:6] == ["Đơn vị chủ trì", "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
    body = rows[1:]
    assert len(body) == 4
    cells = [c for r in body for c in r]
    assert not any(c and c[0] in "=+-@" for c in cells)
    assert "'=HYPERLINK(\"http://x\")" in cells and "'-Báo cáo" in cells and "'+Nền tảng" in cells and "'@Sở Tư pháp" in cells
    quarter = next(r for r in body if r[5] == "Quý I/2024")
    assert (quarter[6], quarter[7], quarter[13]) == ("2024-01-01", "2024-03-31", "Quá hạn")


def test_xlsx_is_filterable_with_real_dates_and_status(plan, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "c.xlsx"
    path.write_bytes(render_checklist(plan, "xlsx", "agency", dt.date(2024, 6, 1)))
    wb = load_workbook(path)
    ws = wb["Nhiệm vụ"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Đơn vị chủ trì", "STT", "Nhiệm vụ"] and "Trạng thái" in header
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
