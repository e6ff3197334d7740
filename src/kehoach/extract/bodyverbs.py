"""The verbs a body sentence assigns work with, after an agency's name ("Sở A tổng kết …", "Các trường học kiện toàn …")."""

from __future__ import annotations

from .. import rx
from .table_row import lead_is_name

_DUTIES = (r"tổng\s+kết|sơ\s+kết|đánh\s+giá|thẩm\s+định|giám\s+sát|đề\s+xuất|ban\s+hành|phê\s+duyệt|cập\s+nhật|kiện\s+toàn"
           r"|hoàn\s+thiện|chuẩn\s+bị|giải\s+quyết|duy\s+trì|biên\s+soạn|lựa\s+chọn|vận\s+động|công\s+bố|thông\s+báo|thành\s+lập"
           r"|nâng\s+cao|đẩy\s+mạnh|phân\s+bổ|bồi\s+dưỡng|triển\s+khai|thực\s+hiện|(?<!đầu\stư\s)(?<!dự\sán\s)xây\s+dựng|hướng\s+dẫn"
           r"|theo\s+dõi|rà\s+soát|bố\s+trí|kiểm\s+tra|đôn\s+đốc|tăng\s+cường|tuyên\s+truyền|nghiên\s+cứu|tổng\s+hợp|báo\s+cáo"
           r"|tham\s+mưu|tổ\s+chức|phổ\s+biến|tập\s+huấn|chỉ\s+đạo")
"""Verbs of a duty none of which is written in lower case inside a body's name, as "quản lý", "đầu tư", "cấp",
"trình" are ("Ban quản lý …", "công trình"); "xây dựng" only where no project's name has it ("dự án đầu tư xây
dựng")."""
VERBS = (r"chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|căn\s+cứ|bảo\s+đảm|đảm\s+bảo|cung\s+cấp|quán\s+triệt"
         r"|khẩn\s+trương|chủ\s+động|tiếp\s+tục|làm|gửi|định\s+k[ỳì]|hằng\s+năm|hàng\s+năm|trên\s+cơ\s+sở|nghiêm\s+túc|cần"
         r"|là\s+(?:cơ\s+quan|đơn\s+vị|đầu\s+mối|thường\s+trực|bộ\s+phận)|phân\s+công|tiến\s+hành|lãnh\s+đạo"
         r"|(?<!\sNgoại\s)(?<!được\s)giao|" + _DUTIES)
"""What may follow an agency's name in a sentence that gives it work: its duties, a lead's words, a time ("định kỳ")."""
DUTY_WORD = rx.compile(r"(?:chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|tham\s+mưu|triển\s+khai|thực\s+hiện"
                        r"|xây\s+dựng|hướng\s+dẫn|theo\s+dõi|rà\s+soát|bố\s+trí|kiểm\s+tra|đôn\s+đốc|tăng\s+cường|tuyên\s+truyền"
                        r"|nghiên\s+cứu|tổng\s+hợp|báo\s+cáo|chủ\s+động|tiếp\s+tục)\b", rx.I)
"""A paragraph that opens with a duty ("Chủ trì rà soát …" with no stop at its end) states the work: it does not go
on with the agency's name of the heading above it."""
DUTY_AFTER = rx.compile(rf",?\s+(?:{_DUTIES})\b")
"""A duty right after an agency's name that makes the agency the lead of a task item ("Các trường học kiện toàn …")."""
_DUTY_LEAD_WORDS = 12


def duty_lead(agency: str, rest: str) -> bool:
    """Whether "``agency`` ``rest``" opening a paragraph makes the agency a task item's lead with no lead's words:
    a duty right after a short name that reads as one ("Các trường A kiện toàn …"); not a run that went on past a
    verb missing from the list ("Các ngành trong tỉnh tập trung tuyên truyền …") or past a colon or a stop ("Quỹ A
    được 3 tỷ đồng. Tập trung …")."""
    return (DUTY_AFTER.match(rest) is not None and not rx.search(r"[:;]|\.\s", agency)
            and len(agency.split()) <= _DUTY_LEAD_WORDS
            and lead_is_name(agency))
