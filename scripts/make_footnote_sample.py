"""Generate samples/bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf: a fresh plan whose footnotes
are printed at the page bottom in a smaller font, their markers set as superscripts glued to the
words ("năm 2026¹"), one note in the middle of a section that goes on over the page break.

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
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
NOTES = {
    "1": "Năm 2025 toàn tỉnh đón 420.000 lượt khách, đạt 105% kế hoạch năm.",
    "2": "Theo Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh.",
    "3": "Gồm các thôn có bản làng truyền thống của đồng bào dân tộc Tày, Nùng, Dao.",
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


def paragraph(text: str) -> str:
    out = escape(text)
    for mark, note in NOTES.items():
        out = out.replace(f"[{mark}]", f'<text:note text:id="n{mark}" text:note-class="footnote">'
                                       f"<text:note-citation>{mark}</text:note-citation>"
                                       f"<text:note-body><text:p>{escape(note)}</text:p></text:note-body></text:note>")
    return f"<text:p>{out}</text:p>"


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    body = "\n".join(paragraph(p) for p in BODY)
    fodt = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
            f'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>\n'
            f"{body}\n</office:text></office:body></office:document>\n")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{OUT.stem}.fodt"
        src.write_text(fodt, encoding="utf-8")
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        shutil.copy(Path(tmp) / f"{OUT.stem}.pdf", OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
