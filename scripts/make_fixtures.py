"""Generate the DOCX and PDF samples and the failure fixtures (run from the repository root).

    python scripts/make_fixtures.py           # needs python-docx, pypdfium2 and LibreOffice (soffice)
    python scripts/make_fixtures.py --borderless   # only the borderless-table PDF fixture

What it writes (all committed; CI does not run this script):

- samples/*.docx: Word renditions of text samples, built from the sample's own paragraphs in
  order, with the header and signature in borderless layout tables (as offices lay them out) and
  the appendix as one bordered table on a landscape page whose header row repeats on every page,
  its rows taken from the reviewed golden tasks; and a fresh plan that uses Word's automatic
  numbering (I., 1., a), bullets) and merged cells (a lead agency merged over rows, group rows
  spanning the table), with its typed-number text rendition (.md) beside it.
- samples/*.pdf: each .docx printed to PDF by LibreOffice (the appendix then really breaks over
  pages: the header row repeats and rows are cut by the page break).
- tests/extract/files/<sample>-borderless.pdf: a text sample's Word rendition whose appendix table has
  no ruling line at all, printed by LibreOffice; the text sample is its clean rendition (same plan).
- tests/fixtures/: one file per failure mode (scanned PDF with no text layer, encrypted PDF,
  truncated PDF and DOCX, a .docx that is not a zip, a .txt that holds a PDF).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kehoach.numbering import match_token  # noqa: E402
from kehoach.parse.lines import STANDALONE, TYPE_NAME  # noqa: E402
from kehoach.parse.text import read_text  # noqa: E402

SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
FIELD_WORDS = {"no": "STT", "title": "Nội dung", "lead": "Chủ trì", "support": "Phối hợp", "deadline": "Thời hạn",
               "output": "Sản phẩm", "target": "Mục tiêu", "note": "Ghi chú", "combined": "Chủ trì/Phối hợp"}


def base_document() -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    return doc


def no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def cell_lines(cell, lines: list[str], bold: bool = False, center: bool = True) -> None:
    cell.text = ""
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = p.add_run(line)
        run.bold = bold
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def running_header_and_page_numbers(doc, header_text: str) -> None:
    """A running header and a page-number footer on every page (the readers must drop both)."""
    for sec in doc.sections:
        sec.header.is_linked_to_previous = False
        sec.footer.is_linked_to_previous = False
        hp = sec.header.paragraphs[0]
        hp.text = header_text
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        run.append(t)
        field.append(run)
        fp._p.append(field)


def layout_table(doc, left: list[str], right: list[str]) -> None:
    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    cell_lines(t.cell(0, 0), left)
    cell_lines(t.cell(0, 1), right)


def landscape_section(doc) -> None:
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(1.5)


def task_table(doc, headers: list[str], fields: list[str], tasks: list[dict], ruled: bool = True) -> None:
    """One appendix table (bordered, or with no lines at all) from reviewed tasks, group rows where
    the group changes."""
    t = doc.add_table(rows=1, cols=len(headers))
    if ruled:
        t.style = doc.styles["Table Grid"]
    else:
        no_borders(t)
    for i, h in enumerate(headers):
        cell_lines(t.rows[0].cells[i], [h], bold=True)
    repeat_header(t.rows[0])
    group = None
    for task in tasks:
        if task.get("group") and task["group"] != group:
            group = task["group"]
            no, _, title = group.partition(". ")
            row = t.add_row()
            cells = row.cells
            if "no" in fields:
                cell_lines(cells[fields.index("no")], [no], bold=True)
            merged = cells[fields.index("title")].merge(cells[-1])
            cell_lines(merged, [title], bold=True, center=False)
        row = t.add_row().cells
        for i, f in enumerate(fields):
            cell_lines(row[i], cell_value(task, f), center=f in ("no", "deadline"))


def cell_value(task: dict, field: str) -> list[str]:
    if field == "no":
        return [task["no"] or ""]
    if field == "combined":
        out = []
        if task["lead_as_written"]:
            out.append("- CQ chủ trì: " + "; ".join(task["lead_as_written"]))
        if task["support_as_written"]:
            out.append("- CQ phối hợp: " + "; ".join(task["support_as_written"]))
        return out
    if field in ("lead", "support"):
        return ["; ".join(task[f"{field}_as_written"])] if task[f"{field}_as_written"] else []
    if field == "deadline":
        return [task["deadline"]["text"]] if task["deadline"]["text"] else []
    value = task.get(field)
    return [value] if value else []


def docx_from_sample(sample: Path, golden: Path, out: Path, ruled: bool = True) -> None:
    """A Word rendition of a text sample: its paragraphs in order, header and signature as layout
    tables, and each appendix table rebuilt whole from the golden tasks (printed without ruling
    lines when not ``ruled``)."""
    from kehoach.extract.tables import header_to_fields

    plan = yaml.safe_load(golden.read_text(encoding="utf-8"))
    blocks = read_text(sample.read_text(encoding="utf-8").replace("\r\n", "\n"))
    doc = base_document()
    by_table: dict[int, list[dict]] = {}
    for t in plan["tasks"]:
        if t["source"] == "appendix":
            by_table.setdefault(int(t["id"][1:].split(".")[0]), []).append(t)
    i = 0
    head: list[str] = []
    while i < len(blocks) and blocks[i].kind == "para" and not TYPE_NAME.match(blocks[i].text):
        head.append(blocks[i].text)
        i += 1
    left = [h for h in head if not (h.startswith(("CỘNG", "Độc lập")) or STANDALONE.match(h) and ", ngày" in h)]
    right = [h for h in head if h not in left]
    if left or right:
        layout_table(doc, left, right)
    table_no = 0
    appendix_started = False
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "table":
            table_no += 1
            header_row = next((r for r in b.rows if header_to_fields(r.cells)), None)
            mapping = header_to_fields(header_row.cells) if header_row else {}
            cols = sorted(mapping)
            headers = [" ".join(header_row.cells[c]) for c in cols]
            fields = [mapping[c] for c in cols]
            if not appendix_started:
                landscape_section(doc)
                appendix_started = True
            task_table(doc, headers, fields, by_table.get(table_no, []), ruled)
            i += 1
            continue
        if b.text.startswith("Nơi nhận"):
            rec = [b.text]
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "para" and getattr(match_token(blocks[j].text), "kind", None) == "bullet":
                rec.extend(blocks[j].raw_lines)
                j += 1
            sig = []
            while j < len(blocks) and blocks[j].kind == "para" and len(sig) < 6 and not TYPE_NAME.match(blocks[j].text) \
                    and not blocks[j].text.startswith(("PHỤ LỤC", "Phụ lục", "DANH MỤC")):
                sig.extend(blocks[j].raw_lines)
                j += 1
            t = doc.add_table(rows=1, cols=2)
            no_borders(t)
            cell_lines(t.cell(0, 0), rec, center=False)
            cell_lines(t.cell(0, 1), sig)
            i = j
            continue
        text = b.text if b.kind == "para" else f"{b.mark.translate(SUP)} {b.text}"
        if not appendix_started and text.upper().startswith(("PHỤ LỤC", "DANH MỤC")):
            landscape_section(doc)  # the appendix starts on a landscape page
            appendix_started = True
        p = doc.add_paragraph()
        tok = match_token(text)
        run = p.add_run(text)
        if tok and tok.kind in ("roman", "part") or TYPE_NAME.match(text):
            run.bold = True
        if TYPE_NAME.match(text):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        i += 1
    doc.add_paragraph()  # Word wants a paragraph after a closing table
    number = plan["document"]["number"] or ""
    running_header_and_page_numbers(doc, f"{plan['document']['type_name'] or 'Kế hoạch'} {number}".strip())
    doc.save(out)


def add_numbering(doc) -> dict[str, str]:
    """Define the plan lists Word numbers by itself: I. / 1. / a) headings and "-" bullets."""
    numbering = doc.part.numbering_part.element

    def abstract(aid: str, levels: list[tuple[str, str]]) -> None:
        a = OxmlElement("w:abstractNum")
        a.set(qn("w:abstractNumId"), aid)
        for ilvl, (fmt, text) in enumerate(levels):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(ilvl))
            for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
                el = OxmlElement(tag)
                el.set(qn("w:val"), val)
                lvl.append(el)
            a.append(lvl)
        numbering.insert(0, a)

    def num(num_id: str, aid: str) -> None:
        n = OxmlElement("w:num")
        n.set(qn("w:numId"), num_id)
        el = OxmlElement("w:abstractNumId")
        el.set(qn("w:val"), aid)
        n.append(el)
        numbering.append(n)

    abstract("90", [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")])
    abstract("91", [("bullet", "-"), ("bullet", "+")])
    num("90", "90")
    num("91", "91")
    return {"heading": "90", "bullet": "91"}


def numbered(doc, num_id: str, ilvl: int, text: str, bold: bool = False):
    p = doc.add_paragraph()
    p_pr = p._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    num_pr.append(lvl)
    num_pr.append(nid)
    p_pr.append(num_pr)
    p.add_run(text).bold = bold
    return p


AUTO_PLAN = {
    "header": (["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
               "Số: 301/KH-UBND", "Thanh Hóa, ngày 09 tháng 10 năm 2024"),
    "title": "Phát triển hợp tác xã nông nghiệp giai đoạn 2025 - 2027",
    "preamble": ["Căn cứ Luật Hợp tác xã số 17/2023/QH15 ngày 20/6/2023;",
                 "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"],
    "body": [
        (0, "MỤC ĐÍCH, YÊU CẦU", []),
        (1, "Mục đích", ["Nâng cao hiệu quả hoạt động của hợp tác xã, tăng thu nhập cho thành viên."]),
        (1, "Yêu cầu", ["Nhiệm vụ cụ thể, có sản phẩm và thời hạn rõ ràng."]),
        (0, "MỤC TIÊU", []),
        (1, "Mục tiêu cụ thể đến năm 2027", []),
        (2, "Số lượng", ["- Thành lập mới ít nhất 150 hợp tác xã nông nghiệp;",
                         "- Tỷ lệ hợp tác xã hoạt động hiệu quả đạt trên 60%."]),
        (2, "Thu nhập", ["Thu nhập bình quân của thành viên tăng 8-10%/năm."]),
        (0, "TỔ CHỨC THỰC HIỆN", []),
        (1, "Sở Nông nghiệp và Phát triển nông thôn", ["- Chủ trì, phối hợp với các sở, ngành hướng dẫn thực hiện Kế hoạch.",
                                                        "- Tổng hợp, báo cáo UBND tỉnh trước ngày 15/12 hằng năm."]),
        (1, "Sở Tài chính", ["Tham mưu bố trí kinh phí thực hiện Kế hoạch."]),
    ],
    "signature": (["Nơi nhận:", "- Bộ Nông nghiệp và Phát triển nông thôn;", "- Lưu: VT, NN."],
                  ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Lê Đức Giang"]),
    "appendix": ["PHỤ LỤC", "NHIỆM VỤ TRỌNG TÂM", "(Kèm theo Kế hoạch số 301/KH-UBND ngày 09/10/2024 của UBND tỉnh Thanh Hóa)"],
    "headers": ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian hoàn thành"],
    "groups": [("I", "Hoàn thiện cơ chế, chính sách", [
        ("1", "Xây dựng chính sách hỗ trợ hợp tác xã giai đoạn 2025-2027", "Sở NN&PTNT", "Sở Tài chính; Sở Tư pháp", "Nghị quyết", "Quý II/2025"),
        ("2", "Rà soát quy định về đất đai cho hợp tác xã", None, "Sở Tài nguyên và Môi trường", "Báo cáo", "Quý III/2025"),
    ]), ("II", "Hỗ trợ phát triển", [
        ("3", "Đào tạo cán bộ quản lý hợp tác xã", "Liên minh Hợp tác xã tỉnh", "Sở LĐ-TB&XH", "Lớp tập huấn", "Hằng năm"),
        ("4", "Hỗ trợ xây dựng chuỗi giá trị sản phẩm", "UBND các huyện, thị xã, thành phố", "Các sở, ngành liên quan", "Chuỗi liên kết", "2025 - 2027"),
    ])],
}


def auto_numbered_docx(out_docx: Path, out_md: Path) -> None:
    """A fresh plan whose numbers are Word's automatic numbering, and its typed-number text."""
    p = AUTO_PLAN
    doc = base_document()
    ids = add_numbering(doc)
    issuer, motto, number, date = p["header"]
    t = doc.add_table(rows=2, cols=2)
    no_borders(t)
    cell_lines(t.cell(0, 0), issuer)
    cell_lines(t.cell(0, 1), motto)
    cell_lines(t.cell(1, 0), [number])
    cell_lines(t.cell(1, 1), [date])
    md = [f"{' '.join(issuer)} | {motto[0]}", "", number, "", date, "", "KẾ HOẠCH", "", p["title"], ""]
    par = doc.add_paragraph()
    par.add_run("KẾ HOẠCH").bold = True
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(p["title"]).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in p["preamble"]:
        doc.add_paragraph(line)
        md += [line, ""]
    counters = [0, 0, 0]
    for level, heading, content in p["body"]:
        numbered(doc, ids["heading"], level, heading, bold=level == 0)
        counters[level] += 1
        for deeper in range(level + 1, 3):
            counters[deeper] = 0
        label = ["I", "II", "III", "IV", "V"][counters[0] - 1] + "." if level == 0 else \
            f"{counters[1]}." if level == 1 else f"{'abcdeg'[counters[2] - 1]})"
        md += [f"{label} {heading}", ""]
        for c in content:
            if c.startswith("- "):
                numbered(doc, ids["bullet"], 0, c[2:])
            else:
                doc.add_paragraph(c)
            md += [c, ""]
    rec, sig = p["signature"]
    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    cell_lines(t.cell(0, 0), rec, center=False)
    cell_lines(t.cell(0, 1), sig)
    md += [*rec, "", *[s for s in sig if s], ""]
    landscape_section(doc)
    for line in p["appendix"]:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
        md += [line, ""]
    headers = p["headers"]
    tbl = doc.add_table(rows=1, cols=len(headers))
    tbl.style = doc.styles["Table Grid"]
    for i, h in enumerate(headers):
        cell_lines(tbl.rows[0].cells[i], [h], bold=True)
    repeat_header(tbl.rows[0])
    md += ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    doc.add_paragraph()
    for gno, gtitle, rows in p["groups"]:
        cells = tbl.add_row().cells
        cell_lines(cells[0], [gno], bold=True)
        cell_lines(cells[1].merge(cells[-1]), [gtitle], bold=True, center=False)
        md.append(f"| {gno} | {gtitle} |" + " |" * (len(headers) - 2))
        first_of_group = len(tbl.rows)
        for r in rows:
            cells = tbl.add_row().cells
            for i, v in enumerate(r):
                if v is not None:
                    cell_lines(cells[i], [v], center=i in (0, 5))
        # a lead agency written once and merged down over the rows that share it
        for k, r in enumerate(rows):
            if r[2] is None:
                above = tbl.rows[first_of_group + k - 1].cells[2]
                above.merge(tbl.rows[first_of_group + k].cells[2])
        last = None
        for r in rows:
            lead = r[2] if r[2] is not None else last
            last = lead
            md.append("| " + " | ".join([r[0], r[1], lead, r[3], r[4], r[5]]) + " |")
    doc.save(out_docx)
    out_md.write_text("\n".join(md) + "\n", encoding="utf-8")


def to_pdf(docx_path: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "pdf",
                        "--outdir", tmp, str(docx_path)], check=True, capture_output=True, timeout=300)
        pdf = Path(tmp) / (docx_path.stem + ".pdf")
        target = docx_path.with_suffix(".pdf")
        shutil.copyfile(pdf, target)
    return target


def failure_fixtures(good_pdf: Path, good_docx: Path) -> None:
    import pypdfium2 as pdfium

    fx = ROOT / "tests" / "fixtures"
    fx.mkdir(parents=True, exist_ok=True)
    blank = pdfium.PdfDocument.new()
    blank.new_page(595, 842)
    blank.new_page(595, 842)
    blank.save(str(fx / "scanned-no-text-layer.pdf"))
    data = good_pdf.read_bytes()
    (fx / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (fx / "pdf-named-as.txt").write_bytes(data)
    docx = good_docx.read_bytes()
    (fx / "truncated.docx").write_bytes(docx[: len(docx) // 2])
    (fx / "not-a-zip.docx").write_text("Đây là văn bản thường, không phải tệp Word.\n", encoding="utf-8")
    qpdf = shutil.which("qpdf")
    if qpdf:
        subprocess.run([qpdf, "--encrypt", "user-pass", "owner-pass", "256", "--", str(good_pdf),
                        str(fx / "encrypted.pdf")], check=True)
    else:
        print("qpdf not found: encrypted.pdf left as it is (apt-get install qpdf)")


BORDERLESS = "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh"
"""The text sample whose appendix is printed again without ruling lines (the borderless fixture)."""


def borderless_fixture() -> Path:
    """tests/extract/files/<sample>-borderless.pdf: the sample's Word rendition with its appendix
    table printed without any ruling line; its plan must equal the text sample's."""
    fx = ROOT / "tests" / "extract" / "files"
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / f"{BORDERLESS}-borderless.docx"
        docx_from_sample(ROOT / "samples" / f"{BORDERLESS}.txt", ROOT / "tests" / "golden" / f"{BORDERLESS}.yaml", docx,
                         ruled=False)
        pdf = to_pdf(docx)
        target = fx / pdf.name
        shutil.copyfile(pdf, target)
    return target


def main() -> int:
    if "--borderless" in sys.argv[1:]:
        print(borderless_fixture().relative_to(ROOT))
        return 0
    samples = ROOT / "samples"
    golden = ROOT / "tests" / "golden"
    made = []
    for name in ("thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt", "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.txt"):
        stem = Path(name).stem
        out = samples / f"{stem}.docx"
        docx_from_sample(samples / name, golden / f"{stem}.yaml", out)
        made.append(out)
    auto = samples / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.docx"
    auto_numbered_docx(auto, auto.with_suffix(".md"))
    made.append(auto)
    pdfs = [to_pdf(p) for p in made]
    failure_fixtures(pdfs[0], made[0])
    for p in made + pdfs:
        print(p.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, {"--borderless"})) is not None:
        sys.exit(_code)
    raise SystemExit(main())
