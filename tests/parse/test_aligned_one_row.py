"""A space-aligned table with a single numbered row (pdftotext -layout of a tight ruled table) is
read or warned about; it must not stop the extraction with an internal error."""

from __future__ import annotations

from kehoach import extract_bytes

HEAD = "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 47/KH-UBND\nBắc Kạn, ngày 16 tháng 3 năm 2026\nKẾ HOẠCH\nThử\nI. MỤC ĐÍCH\nMột.\nII. NHIỆM VỤ CỤ THỂ\n"
TABLE = (
    "STT                  Nội dung công       Đơn vị chủ trì      Đơn vị phối hợp Thời gian hoàn\n"
    "                     việc                                                      thành\n"
    "1                    Rà soát nhu cầu hỗ Liên minh Hợp tác Ủy ban nhân dân Quý II/2026\n"
    "                     trợ của các hợp tác xã tỉnh             các xã\n"
    "                     xã\n"
    "Trên đây là Kế hoạch thử nghiệm./.\n"
)


def test_one_row_table_does_not_crash():
    plan = extract_bytes((HEAD + TABLE).encode("utf-8"), "plan.txt")
    tasks = [t for t in plan["tasks"] if t["source"] == "appendix"]
    codes = {w["code"] for w in plan["warnings"]}
    assert tasks or codes & {"appendix-unread", "table-columns-lost", "table-rows-interleaved"}


GROUPS_ONLY = [
    ["Các nhiệm vụ trọng tâm của năm", "Các nhiệm vụ thường xuyên khác"],
    ["I  Hoàn thiện thể chế", "II  Phát triển hạ tầng số"],
    ["A. NHIỆM VỤ CHUNG"],
]


def test_a_header_line_with_only_groups_names_under_it_is_warned_not_a_crash():
    """Under a header line, lines of one run from the first column are groups' names across the rows; with
    nothing else under the header (a table cut after its group rows, a pasted fragment) the header's cells were
    set by the columns of no line at all (an internal error): the table is warned as unread."""
    header = "TT   Nội dung công việc   Cơ quan chủ trì   Thời gian hoàn thành"
    for groups in GROUPS_ONLY:
        text = "KẾ HOẠCH\nTriển khai nhiệm vụ\n\n" + "\n".join([header, *groups]) + "\n"
        plan = extract_bytes(text.encode("utf-8"), "plan.txt")
        assert plan["tasks"] == [] and "appendix-unread" in {w["code"] for w in plan["warnings"]}, groups
