"""A task table giving the time in two columns, as offices write it: one header cell "Thời gian" spanning
"Bắt đầu | Hoàn thành" (a merged Word cell over a second header row), or both words in one header row, in
either order; in the Word file and in LibreOffice's PDF of it. Each task must have the start of the one
column and the end of the other (the end was lost when the first column was read as the deadline)."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest

from kehoach import extract_bytes, extract_file

docx = pytest.importorskip("docx")

ROWS = [("1", "Xây dựng cơ sở dữ liệu dùng chung", "Sở Tài chính", "Sở Tư pháp", "Tháng 3/2025", "Tháng 9/2025"),
        ("2", "Ban hành quy chế khai thác dữ liệu", "Sở Nội vụ", "Công an tỉnh", "Quý I/2025", "Quý III/2025"),
        ("3", "Đào tạo kỹ năng số cho công chức", "Sở Y tế", "UBND các xã, phường", "01/4/2025", "30/11/2025")]
WANT = [("2025-03-01", "2025-09-30"), ("2025-01-01", "2025-09-30"), ("2025-04-01", "2025-11-30")]

VARIANTS = {  # name: (the spanning cell, or None for one header row; the two time headers; end column first)
    "merged-start-end": ("Thời gian", ("Bắt đầu", "Hoàn thành"), False),
    "merged-from-to": ("Thời gian thực hiện", ("Từ", "Đến"), False),
    "merged-reversed": ("Thời gian", ("Bắt đầu", "Hoàn thành"), True),
    "one-row": (None, ("Thời gian bắt đầu", "Thời gian hoàn thành"), False),
    "one-row-days": (None, ("Ngày bắt đầu", "Ngày kết thúc"), False),
    "one-row-reversed": (None, ("Thời gian bắt đầu", "Thời gian hoàn thành"), True),
    "merged-no-sub-row": ("Thời gian thực hiện", None, False),  # one header cell over both columns, no words under it
}


def build(top: str | None, heads: tuple[str, str] | None, reverse: bool) -> bytes:
    d = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "Số: 12/KH-UBND", "An Bình, ngày 3 tháng 2 năm 2025", "KẾ HOẠCH",
                 "Chuyển đổi số năm 2025", "I. NHIỆM VỤ", "Các nhiệm vụ tại Phụ lục kèm theo.",
                 "PHỤ LỤC", "NHIỆM VỤ TRIỂN KHAI"):
        d.add_paragraph(line)
    order = (5, 4) if reverse else (4, 5)
    lead = ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp"]
    if heads is None:
        t = d.add_table(rows=1, cols=6)
        for i, h in enumerate(lead):
            t.rows[0].cells[i].text = h
        t.rows[0].cells[4].merge(t.rows[0].cells[5]).text = top
    elif top is None:
        heads = (heads[1], heads[0]) if reverse else heads
        t = d.add_table(rows=1, cols=6)
        for i, h in enumerate([*lead, *heads]):
            t.rows[0].cells[i].text = h
    else:
        t = d.add_table(rows=2, cols=6)
        r0, r1 = t.rows[0].cells, t.rows[1].cells
        for i, h in enumerate(lead):
            r0[i].merge(r1[i]).text = h
        r0[4].merge(r0[5]).text = top
        r1[4].text, r1[5].text = (heads[1], heads[0]) if reverse else heads
    t.style = "Table Grid"
    for row in ROWS:
        cells = t.add_row().cells
        for i, v in enumerate([*row[:4], *(row[i] for i in order)]):
            cells[i].text = v
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _times(plan: dict) -> list[tuple]:
    return [(t["deadline"]["start"], t["deadline"]["end"]) for t in plan["tasks"]]


@pytest.mark.parametrize("name", list(VARIANTS))
def test_word_table_with_start_and_end_columns(name):
    plan = extract_bytes(build(*VARIANTS[name]), f"{name}.docx")
    assert _times(plan) == WANT
    assert all(t["note"] is None for t in plan["tasks"])


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed: no PDF can be made")
def test_pdf_of_each_table_reads_the_same(tmp_path):
    for name, variant in VARIANTS.items():
        (tmp_path / f"{name}.docx").write_bytes(build(*variant))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *(str(tmp_path / f"{n}.docx") for n in VARIANTS)],
                   check=True, capture_output=True, timeout=300)
    got = {name: _times(extract_file(str(tmp_path / f"{name}.pdf"))) for name in VARIANTS}
    assert got == {name: WANT for name in VARIANTS}
