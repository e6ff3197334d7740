"""Render Word appendix tables with merged lead, support and deadline cells as text exports give them.

    python scripts/make_merged.py            # needs python-docx, LibreOffice (soffice) and pdftotext
    python scripts/make_merged.py --count 40 --out /tmp/merged   # more variations, elsewhere
    python scripts/make_merged.py --pages            # long tables over page breaks, into tests/parse/merged_pages/

Each variation is one small plan whose appendix table has runs of 1-4 rows sharing one lead, support or
deadline cell merged vertically (columns in several orders, cells wrapped or not, the merged text at the
top of its span or centred in it, or every cell centred, portrait or landscape). It is written as a Word file (python-docx), and
LibreOffice gives its plain-text export and the PDF that `pdftotext -layout` reads. The outputs go to
tests/parse/merged/ (committed; the tests do not run this script): for each variation <name>.txt,
<name>-layout.txt and <name>.json, the rows the table holds (number, lead, support, deadline) and its
merged runs. With ``--pages`` the tables are long (20-34 rows, runs of 1-6 rows), so that merged runs cross one
or two page breaks, with the header row repeated on each page or not; the PDF is kept as well (<name>.pdf, read
directly) and the outputs go to tests/parse/merged_pages/.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "parse" / "merged"
OUT_PAGES = ROOT / "tests" / "parse" / "merged_pages"

HEAD = ["ỦY BAN NHÂN DÂN TỈNH AN HÒA", "Số: 12/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "An Hòa, ngày 5 tháng 2 năm 2026", "KẾ HOẠCH",
        "Thực hiện nhiệm vụ phát triển kinh tế số năm 2026", "I. MỤC ĐÍCH, YÊU CẦU",
        "Bảo đảm các nhiệm vụ được triển khai đồng bộ, đúng tiến độ.", "II. TỔ CHỨC THỰC HIỆN",
        "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này."]
SIGN = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn An"]
APPENDIX = ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ NĂM 2026", "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/02/2026)"]
HEADINGS = {"no": "STT", "title": "Nhiệm vụ", "lead": "Cơ quan chủ trì", "support": "Cơ quan phối hợp",
            "deadline": "Thời gian hoàn thành", "output": "Sản phẩm"}
ORDERS = [("no", "title", "lead", "support", "deadline"), ("no", "title", "deadline", "lead", "support"),
          ("no", "title", "lead", "deadline", "support"), ("no", "title", "output", "lead", "support", "deadline")]
TITLES = ["Xây dựng cơ sở dữ liệu về đất đai", "Rà soát thủ tục hành chính trên môi trường điện tử",
          "Tổ chức hội nghị phổ biến pháp luật về giao dịch điện tử", "Nâng cấp cổng dịch vụ công của tỉnh",
          "Đào tạo kỹ năng số cho cán bộ, công chức cấp xã", "Triển khai thanh toán không dùng tiền mặt tại bệnh viện",
          "Số hóa hồ sơ hộ tịch", "Xây dựng bản đồ số về du lịch", "Kiểm tra an toàn thông tin các hệ thống dùng chung",
          "Hướng dẫn doanh nghiệp nhỏ và vừa chuyển đổi số", "Phát triển nền tảng học trực tuyến",
          "Thống kê, báo cáo chỉ số chuyển đổi số hằng năm", "Cấp chữ ký số cho người dân", "Lắp đặt camera giám sát giao thông"]
LEADS = ["Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Công an tỉnh",
         "Sở Văn hóa, Thể thao và Du lịch", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Giáo dục và Đào tạo"]
SUPPORTS = ["Các sở, ban, ngành", "Sở Tư pháp", "Ủy ban nhân dân các huyện, thị xã, thành phố",
            "Các cơ quan, đơn vị liên quan", "Sở Tư pháp; Sở Xây dựng", "Bưu điện tỉnh",
            "Hội Nông dân tỉnh, Tỉnh đoàn và các tổ chức chính trị - xã hội"]
DEADLINES = ["Quý I/2026", "Quý II/2026", "Tháng 6/2026", "Năm 2026", "Thường xuyên", "Trước ngày 30/9/2026",
             "Hằng năm", "Quý IV/2026", "Tháng 11/2026"]
OUTPUTS = ["Cơ sở dữ liệu", "Báo cáo", "Kế hoạch", "Hệ thống"]


def variation(seed: int, pages: bool = False) -> dict:
    """A table of 8-11 task rows (``pages``: 20-34, its runs 1-6 rows long); each of one or two columns (lead,
    support, deadline) holds runs of 1-4 rows sharing one merged cell."""
    rng = random.Random(seed + (1000 if pages else 0))
    order = ORDERS[seed % len(ORDERS)]
    merged = rng.choice([["support"], ["deadline"], ["lead"], ["support", "deadline"], ["lead", "support"],
                         ["lead", "deadline"]])
    n = rng.randint(20, 34) if pages else rng.randint(8, 11)
    lengths = [2, 3, 4, 5, 6, 6, 1] if pages else [1, 1, 2, 2, 3, 4]
    rows = [{"no": str(i + 1), "title": rng.choice(TITLES), "lead": rng.choice(LEADS), "support": rng.choice(SUPPORTS),
             "deadline": rng.choice(DEADLINES), "output": rng.choice(OUTPUTS)} for i in range(n)]
    runs: dict[str, list[list[int]]] = {}
    for col in merged:
        runs[col], i = [], 0
        while i < n:
            length = min(n - i, rng.choice(lengths))
            for k in range(i + 1, i + length):
                rows[k][col] = rows[i][col]
            runs[col].append(list(range(i, i + length)))
            i += length
    for col in ("lead", "support", "deadline"):  # cells not merged never repeat the row above (a merge would)
        if col in merged:
            continue
        for k in range(1, n):
            while rows[k][col] == rows[k - 1][col]:
                rows[k][col] = rng.choice({"lead": LEADS, "support": SUPPORTS, "deadline": DEADLINES}[col])
    return {"name": f"{'p' if pages else 'm'}{seed:02d}", "order": list(order), "merged": merged, "runs": runs,
            "rows": rows, "centre": rng.choice(["top", "merged", "merged", "all"]), "landscape": rng.random() < 0.6,
            "group": rng.random() < 0.3, **({"repeat": rng.random() < 0.5} if pages else {})}


def build_docx(var: dict, out: Path) -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    for i, line in enumerate(HEAD):
        p = doc.add_paragraph(line)
        if i in (0, 2, 3, 5, 6):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in SIGN:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sec = doc.add_section()
    if var["landscape"]:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2)
    for line in APPENDIX:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    order, rows = var["order"], var["rows"]
    group = 1 if var["group"] else 0
    table = doc.add_table(rows=1 + group + len(rows), cols=len(order))
    table.style = doc.styles["Table Grid"]
    for c, field in enumerate(order):
        table.cell(0, c).text = HEADINGS[field]
    if var.get("repeat"):  # the header row repeated at the top of each page
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(mark)
    if group:
        cell = table.cell(1, 0).merge(table.cell(1, len(order) - 1))
        cell.text = "I. NHIỆM VỤ TRỌNG TÂM"
    starts = {(col, run[0]): run for col, runs in var["runs"].items() for run in runs}
    covered = {(col, k) for col, runs in var["runs"].items() for run in runs for k in run[1:]}
    for r, row in enumerate(rows):
        for c, field in enumerate(order):
            if (field, r) in covered:
                continue
            cell = table.cell(1 + group + r, c)
            run = starts.get((field, r))
            if run and len(run) > 1:
                cell = cell.merge(table.cell(1 + group + run[-1], c))
            cell.text = row[field]
            if var["centre"] == "all" or var["centre"] == "merged" and run and len(run) > 1:
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    doc.save(str(out))


def expected(var: dict) -> dict:
    return {"rows": [{k: r[k] for k in ("no", "lead", "support", "deadline")} for r in var["rows"]],
            "runs": var["runs"], "order": var["order"], "centre": var["centre"], "landscape": var["landscape"],
            **({"repeat": var["repeat"]} if "repeat" in var else {})}


def render(variations: list[dict], out: Path, keep_pdf: bool = False) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        docs = []
        for var in variations:
            docs.append(Path(tmp) / f"{var['name']}.docx")
            build_docx(var, docs[-1])
            (out / f"{var['name']}.json").write_text(json.dumps(expected(var), ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")
        profile = f"-env:UserInstallation=file://{tmp}/profile"
        for to in ("pdf", "txt:Text (encoded):UTF8"):
            subprocess.run([soffice, "--headless", profile, "--convert-to", to, "--outdir", tmp, *map(str, docs)],
                           check=True, capture_output=True, timeout=600)
        for doc in docs:
            shutil.copyfile(doc.with_suffix(".txt"), out / f"{doc.stem}.txt")
            if keep_pdf:
                shutil.copyfile(doc.with_suffix(".pdf"), out / f"{doc.stem}.pdf")
            subprocess.run(["pdftotext", "-layout", str(doc.with_suffix(".pdf")), str(out / f"{doc.stem}-layout.txt")],
                           check=True)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=16)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--pages", action="store_true", help="long tables over page breaks, their PDFs kept")
    args = ap.parse_args(argv)
    out = args.out or (OUT_PAGES if args.pages else OUT)
    render([variation(s, args.pages) for s in range(args.first, args.first + args.count)], out, keep_pdf=args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
