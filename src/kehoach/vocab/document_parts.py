"""The fixed lines of an administrative document's header and signature, and its page marks.

Each part is written here once, as a pattern fragment (a string, not compiled), and the readers
compose what they look for from them: parse/lines.py (what starts a block), parse/columns.py and
parse/pdf_lines.py (where the right column of a header or signature line begins), parse/ocr.py
(where headings stop), extract/header.py and extract/signature.py (reading the parts).
Examples: tests/cases/document_parts.yaml.
"""

from __future__ import annotations

CAPACITY_CODES = r"TM|KT|TL|TUQ|Q"
"""The capacity a signer signs in: "TM." (on behalf of), "KT." (for), "TL.", "TUQ.", "Q." (acting)."""
CAPACITY_SLASHED = r"T\s*/\s*M|K\s*/\s*T|T\s*/\s*L"
"""The capacity as a Party committee writes it, with a slash and no dot: "T/M BAN THƯỜNG VỤ", "K/T", "T/L"."""
CAPACITY = rf"(?:{CAPACITY_CODES})\s*\."
"""A capacity marker with its dot: "TM.", "KT .", "TUQ."."""
RECIPIENTS = r"Nơi\s+nhận"
"""The recipients' list that ends a document: "Nơi nhận:"."""
NUMBER_LABEL = r"Số\s*:"
"""The document number's label: "Số: 27/KH-UBND"."""
NATION = r"CỘNG\s+H(?:ÒA|OÀ)"
"""The start of the national name "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (both tone placements)."""
PARTY_NATION = r"(?:ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH)"
"""The line a Party committee's document prints where a state body prints the national name (the youth union's
documents print the union's name there: "ĐOÀN TNCS HỒ CHÍ MINH")."""
MOTTO = r"Độc\s+lập"
"""The start of the motto "Độc lập - Tự do - Hạnh phúc" (readers of whole lines add the dash)."""
COMMITTEE = r"(?:ỦY|UỶ)\s+BAN"
"""The start of the issuer "ỦY BAN NHÂN DÂN …" (a narrow column may wrap after "BAN")."""
ISSUER_BODY = rf"{COMMITTEE}\s+NHÂN\s+DÂN"
"""The issuer "ỦY BAN NHÂN DÂN" in full."""
ENACTING = (r"(?:(?:PHÓ\s+)?CHỦ\s+TỊCH\s+(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|THỦ\s+TƯỚNG\s+CHÍNH\s+PHỦ\s*$|BỘ\s+TRƯỞNG\s+BỘ\s"
            r"|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN(?:\s|$))")
"""The office or body that enacts a decision or resolution, on the line under its title: "CHỦ TỊCH ỦY BAN NHÂN DÂN
TỈNH X", "THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ Y TẾ", "HỘI ĐỒNG NHÂN DÂN TỈNH X" (in capitals: a sentence naming the
office goes on)."""
PLACE_DATE = r"\p{Lu}[\p{L}\s.]{1,40},\s+ngày\s"
"""A place and date line: "Nam Định, ngày 05 tháng 4 năm 2024"."""
SIGNER_TITLE = r"(?:(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|THỦ\s+TƯỚNG|TRƯỞNG\s+BAN|BỘ\s+TRƯỞNG|TỔ\s+TRƯỞNG|HIỆU\s+TRƯỞNG)|THỨ\s+TRƯỞNG)"
"""A signer's title printed alone: "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", a working group's "TỔ TRƯỞNG", a minister's
deputy "THỨ TRƯỞNG"."""
APPENDIX = r"PHỤ\s+LỤC"
"""The heading of an appendix: "PHỤ LỤC"."""

PAGE_MARK = (
    r"^\s*(?:(?:Trang|TRANG|trang|Page)\s+\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?|-\s*\d{1,4}\s*-"
    r"|\{\d{1,4}\}[-_=]{3,})\s*$"
)
"""A page number a converter left on a line of its own ("Trang 2/4", "- 3 -", "{3}-----")."""
BARE_PAGE_NUMBER = r"^(?:-\s*)?\d{1,4}(?:\s*-)?$"
"""A number alone on a PDF line ("3", "- 3"): a page number there; in text it could be a cell."""

FIXED_WORDS = (
    "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH",
    "MỤC ĐÍCH", "YÊU CẦU", "MỤC TIÊU", "NHIỆM VỤ", "GIẢI PHÁP", "KINH PHÍ", "TỔ CHỨC THỰC HIỆN",
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "PHỤ LỤC", "Nơi nhận", "TỈNH", "THÀNH PHỐ", "HUYỆN",
)
"""The fixed words of a plan's header and headings (see GLOSSARY) as they are spelled: what OCR
output is corrected towards."""

ALLOCATING_PLANS = r"sudungdat|luachonnhathau|dautucong|phanbovon|vondautu|giaovon|bothivon"
"""Plans a decision approves that allocate land, contracts or money and hand out no work (folded, spaces dropped):
"Kế hoạch sử dụng đất", "… lựa chọn nhà thầu", "… đầu tư công", "… phân bổ vốn", "… giao vốn"."""
