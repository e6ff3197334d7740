"""Generate two fresh plans whose footnotes are printed at the page bottom in a smaller font, their
markers set as superscripts glued to the words ("năm 2026¹"):

- samples/bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf: text only, the notes in the middle of
  a section that goes on over the page break;
- samples/bac-kan-46-kh-ubnd-2026-chu-thich-bang-ke.pdf: a page with a ruled task table (read by
  pdfplumber rather than pdfium), a note on a target;
- samples/bac-kan-47-kh-ubnd-2026-chu-thich-trong-o-bang.pdf: notes inside the ruled task table's
  cells (a marker glued to the last word of a title, of a lead agency, of a deadline), their texts
  at the page bottom (``--borderless`` also writes its twin without ruling lines to
  samples/bac-kan-48-kh-ubnd-2026-chu-thich-trong-o-bang-khong-ke.pdf).

    python scripts/make_footnote_sample.py      # needs LibreOffice (soffice); the PDF is committed

The document is written as a flat OpenDocument text (real footnotes) and printed by LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path("samples/bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf")
OUT_TABLE = Path("samples/bac-kan-46-kh-ubnd-2026-chu-thich-bang-ke.pdf")
OUT_CELLS = Path("samples/bac-kan-47-kh-ubnd-2026-chu-thich-trong-o-bang.pdf")
OUT_CELLS_BORDERLESS = Path("samples/bac-kan-48-kh-ubnd-2026-chu-thich-trong-o-bang-khong-ke.pdf")
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
NOTES = {
    "1": "Năm 2025 toàn tỉnh đón 420.000 lượt khách, đạt 105% kế hoạch năm.",
    "2": "Theo Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh.",
    "3": "Gồm các thôn có bản làng truyền thống của đồng bào dân tộc Tày, Nùng, Dao.",
    "4": "Năm 2025 tiêu thụ được 2.500 tấn qua các sàn thương mại điện tử trong nước.",
    "5": "Gồm các hợp tác xã có sản phẩm OCOP từ 3 sao trở lên.",
    "6": "Theo Nghị định số 98/2018/NĐ-CP ngày 05/7/2018 của Chính phủ.",
    "7": "Trung tâm Xúc tiến đầu tư, thương mại và du lịch thuộc Sở Công Thương.",
    "8": "Thời hạn có thể điều chỉnh theo kế hoạch vốn được giao.",
}
FILLER = ("Các cơ quan, đơn vị bám sát chức năng, nhiệm vụ được giao, chủ động phối hợp chặt chẽ trong quá trình "
          "triển khai; thường xuyên rà soát, đánh giá kết quả để kịp thời điều chỉnh giải pháp phù hợp với thực tế "
          "của từng địa phương và bảo đảm hiệu quả, tránh hình thức.")
BODY = [
    "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "Số: 45/KH-UBND", "Bắc Kạn, ngày 10 tháng 3 năm 2026", "KẾ HOẠCH",
    "Phát triển du lịch cộng đồng năm 2026",
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", FILLER, "2. Yêu cầu", FILLER,
    "II. MỤC TIÊU",
    "Phấn đấu đón 500.000 lượt khách du lịch trong năm 2026[1], tăng 15% so với năm 2025.",
    "Có ít nhất 05 điểm du lịch cộng đồng được công nhận tại các thôn vùng cao[3].",
    "III. NHIỆM VỤ VÀ GIẢI PHÁP", *[FILLER] * 9,
    "IV. TỔ CHỨC THỰC HIỆN",
    "1. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng các sản phẩm du lịch cộng đồng[2], hoàn thành "
    "trong Quý III/2026.",
    "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch trước ngày 30/4/2026.",
    "3. Ủy ban nhân dân các xã, phường tuyên truyền, vận động người dân tham gia làm du lịch cộng đồng.",
    "Trên đây là Kế hoạch phát triển du lịch cộng đồng năm 2026 của Ủy ban nhân dân tỉnh Bắc Kạn./.",
    "Nơi nhận:", "- Bộ Văn hóa, Thể thao và Du lịch;", "- Các sở, ngành;", "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Thu Trang",
]

TABLE_BODY = [
    "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "Số: 46/KH-UBND", "Bắc Kạn, ngày 12 tháng 3 năm 2026", "KẾ HOẠCH",
    "Quảng bá sản phẩm nông sản đặc trưng năm 2026",
    "I. MỤC TIÊU",
    "Phấn đấu tiêu thụ 3.000 tấn nông sản đặc trưng qua sàn thương mại điện tử trong năm 2026[4], "
    "tăng 20% so với năm 2025.",
    "II. PHÂN CÔNG NHIỆM VỤ",
    [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
     ["1", "Tổ chức hội chợ nông sản đặc trưng", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Quý III/2026"],
     ["2", "Đưa sản phẩm lên sàn thương mại điện tử", "Sở Công Thương", "Ủy ban nhân dân các xã", "Trước 30/6/2026"],
     ["3", "Bố trí kinh phí thực hiện", "Sở Tài chính", "Sở Công Thương", "Tháng 4/2026"]],
    "Trên đây là Kế hoạch quảng bá sản phẩm nông sản đặc trưng năm 2026./.",
    "Nơi nhận:", "- Bộ Công Thương;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lục Văn Khánh",
]
CELLS_BODY = [
    "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "Số: 47/KH-UBND", "Bắc Kạn, ngày 16 tháng 3 năm 2026", "KẾ HOẠCH",
    "Hỗ trợ hợp tác xã tiêu thụ sản phẩm năm 2026",
    "I. MỤC ĐÍCH", "Hỗ trợ các hợp tác xã kết nối, mở rộng thị trường tiêu thụ sản phẩm.",
    "II. NHIỆM VỤ CỤ THỂ",
    [["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
     ["1", "Rà soát nhu cầu hỗ trợ của các hợp tác xã[5]", "Liên minh Hợp tác xã tỉnh", "Ủy ban nhân dân các xã",
      "Quý II/2026"],
     ["2", "Hướng dẫn hồ sơ đề nghị hỗ trợ xúc tiến thương mại[6]", "Sở Công Thương", "Sở Tài chính",
      "Trước 30/6/2026"],
     ["3", "Tổ chức kết nối cung cầu sản phẩm hợp tác xã", "Trung tâm Xúc tiến đầu tư[7]",
      "Liên minh Hợp tác xã tỉnh", "Quý III/2026"],
     ["4", "Bố trí kinh phí hỗ trợ", "Sở Tài chính", "Sở Công Thương", "Tháng 5/2026[8]"]],
    "Trên đây là Kế hoạch hỗ trợ hợp tác xã tiêu thụ sản phẩm năm 2026./.",
    "Nơi nhận:", "- Bộ Công Thương;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lục Văn Khánh",
]
CELL = '<table:table-cell table:style-name="{}"><text:p>{}</text:p></table:table-cell>'
STYLES = ('<office:automatic-styles><style:style style:name="C" style:family="table-cell">'
          '<style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/></style:style>'
          '<style:style style:name="B" style:family="table-cell">'
          '<style:table-cell-properties fo:border="none" fo:padding="0.05cm"/></style:style>'
          '</office:automatic-styles>')


def table(rows: list[list[str]], style: str = "C") -> str:
    body = "".join("<table:table-row>" + "".join(CELL.format(style, notes(escape(c))) for c in row) + "</table:table-row>"
                   for row in rows)
    return f'<table:table><table:table-column table:number-columns-repeated="{len(rows[0])}"/>{body}</table:table>'


def paragraph(text: str) -> str:
    return f"<text:p>{notes(escape(text))}</text:p>"


def notes(out: str) -> str:
    """Each "[n]" in ``out`` (escaped text) as a real footnote."""
    for mark, note in NOTES.items():
        out = out.replace(f"[{mark}]", f'<text:note text:id="n{mark}" text:note-class="footnote">'
                                       f"<text:note-citation>{mark}</text:note-citation>"
                                       f"<text:note-body><text:p>{escape(note)}</text:p></text:note-body></text:note>")
    return out


def write_pdf(soffice: str, parts: list, out: Path, style: str = "C") -> None:
    body = "\n".join(table(p, style) if isinstance(p, list) else paragraph(p) for p in parts)
    fodt = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">{STYLES}<office:body><office:text>\n'
            f"{body}\n</office:text></office:body></office:document>\n")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{out.stem}.fodt"
        src.write_text(fodt, encoding="utf-8")
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        shutil.copy(Path(tmp) / f"{out.stem}.pdf", out)
    print(f"wrote {out}")


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    write_pdf(soffice, BODY, OUT)
    write_pdf(soffice, TABLE_BODY, OUT_TABLE)
    write_pdf(soffice, CELLS_BODY, OUT_CELLS)
    if "--borderless" in sys.argv:
        write_pdf(soffice, CELLS_BODY, OUT_CELLS_BORDERLESS, style="B")


if __name__ == "__main__":
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, {"--borderless"})) is not None:
        sys.exit(_code)
    main()
