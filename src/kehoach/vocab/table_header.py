"""Table-header vocabulary: the words of a task table's column headers, written once.

Every pattern is matched on the header cell's text folded to tone-less lower case
(:func:`kehoach.vn.ascii_fold`): "Cơ quan chủ trì" is read as "co quan chu tri". The interpreter
that gives each column its field is :mod:`kehoach.extract.table_header`; its examples are the
header rows of tests/tablegen.py (every layout of the round trip) and the header cases of
tests/extract/test_tables.py.

To teach kehoach a new column header word, add it to :data:`COLUMN_WORDS` under its field; if a
header row holding only that kind of word must also be found in text without ruled cells
(space-aligned text, borderless PDF), add it to :data:`HEADER_ROW_WORDS` too.
"""

from __future__ import annotations

from .. import rx

NUMBER_COLUMN = r"(?:s ?t ?t|t ?t|so tt|so thu tu)\.?"
"""The numbering column: "STT", "TT", "Số TT", "Số thứ tự", and "ST T" when a narrow column breaks the word."""
NUMBER_HEADER = rx.compile(rf"^{NUMBER_COLUMN}$")
"""A header cell (folded) that is the numbering column's word and nothing else."""

COLUMN_WORDS: list[tuple[str, str]] = [
    ("group", r"^(?:linh vuc|nhom(?: (?:nhiem vu|giai phap|noi dung|cong viec|linh vuc))?)$"),
    ("note", r"ghi chu"),
    ("lead", r"chu tri|don vi thuc hien|co quan thuc hien|don vi phu trach|co quan phu trach|trach nhiem thuc hien"
             r"|(?:co quan|don vi|bo phan|cong chuc) tham muu|bo phan (?:phu trach|thuc hien)|cong chuc phu trach"),
    ("support", r"phoi hop"),
    ("target", r"muc tieu|chi tieu"),
    ("deadline", r"thoi gian|thoi han|tien do|thoi diem|han hoan thanh|nam thuc hien|nam hoan thanh|lo trinh"),
    ("output", r"san pham|ket qua|hinh thuc"),
    ("no", rf"^{NUMBER_COLUMN}$"),
    ("title", r"noi dung|nhiem vu|cong viec|ten de an|de an|hoat dong|giai phap|du an|cong trinh"
              r"|ten van ban|ten chuong trinh"),
]
"""(field, pattern) for one header cell, checked in this order (the first that matches names the column)."""

SUB_COLUMN_WORDS: list[tuple[str, str]] = [
    ("start", r"bat dau|khoi cong|khoi dong|tu(?: ngay| thang| nam)?"),
    ("end", r"(?:thoi han |thoi gian )?(?:hoan thanh|ket thuc)|den(?: ngay| thang| nam)?"),
    ("lead", r"chu tri|(?:co quan|don vi) chu tri"),
    ("support", r"phoi hop|(?:co quan|don vi) phoi hop"),
]
"""(field, pattern) for a whole cell of a header's second row ("Thời gian" over "Bắt đầu | Hoàn thành")."""

TIME_REVISION_WORDS: list[tuple[str, str]] = [
    ("amended", r"(?:thoi gian |thoi han )?(?:sau |da |de nghi )?(?:dieu chinh|keo dai|gia han)(?: lai| thanh| bo sung| den)?"
                r"|(?:thoi gian |thoi han )?(?:moi|dieu chinh moi)"),
    ("earlier", r"(?:thoi gian |thoi han )?(?:theo|tai|da giao tai|da giao theo) (?:ke hoach|quyet dinh|van ban|chuong trinh)\b.*"
                r"|(?:thoi gian |thoi han )?(?:truoc (?:khi )?dieu chinh|cu|ban dau|da giao|duoc giao)"),
]
"""(kind, pattern) for a whole cell of a header's second row under the time, in a plan that amends an earlier one
("Thời gian hoàn thành" over "Theo Kế hoạch số 12/KH-UBND | Điều chỉnh"): the amended time is the deadline, the
earlier one is kept in the note."""

START_END_TIME: list[tuple[str, str]] = [
    ("deadline_start", r"^(?:(?:thoi gian|thoi diem|ngay|thang|nam|ngay thang|thoi han) )?(?:bat dau|khoi cong|khoi dong|trien khai)"
                       r"(?: thuc hien| trien khai)?$|^tu(?: ngay| thang| nam)$"),
    ("deadline_end", r"^(?:(?:thoi gian|thoi diem|ngay|thang|nam|ngay thang|thoi han|han) )?(?:hoan thanh|ket thuc)$"
                     r"|^den(?: ngay| thang| nam)$"),
]
"""(field, pattern) for a whole header cell (folded) of a one-row header that gives the time in two columns
("Thời gian bắt đầu | Thời gian hoàn thành", "Ngày bắt đầu | Ngày kết thúc"): read only when the row has both."""

AMENDED_TIME = r"\b(?:dieu chinh|keo dai|gia han|moi)\b"
"""Words by which one of two time columns with headers of their own is the amended time ("Thời gian theo Kế hoạch số
12/KH-UBND | Thời gian kéo dài đến"): it is the deadline, the other one goes to the note."""

SUB_HEADER_CELL = r"bat dau|hoan thanh|ket thuc|chu tri|phoi hop|tu ngay|den ngay"
"""A whole cell that is a second-row header word: in a "|" scrape such a cell may open a row."""

HEADER_WORDS = (r"\b(?:noi dung|nhiem vu|chu tri|phoi hop|thoi gian|thoi han"
                r"|tien do|don vi|co quan|bo phan|san pham|ket qua|hinh thuc|ghi chu|chi tieu)\b")
"""The words of :data:`HEADER_ROW_WORDS` found anywhere in a cell."""
HEADER_ROW_WORDS = rf"^{NUMBER_COLUMN}$|{HEADER_WORDS}"
"""Words by which a row of text without ruled cells reads as a table header (two or more of its cells)."""

DATELESS_WORDS = r"theo ke hoach|theo quy dinh|theo tien do|theo chi dao|theo yeu cau|khi co yeu cau"
"""A deadline cell that names no time on purpose ("Theo kế hoạch", "Khi có yêu cầu"): not warned as unread."""
