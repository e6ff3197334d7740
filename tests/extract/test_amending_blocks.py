"""A plan that amends another's appendix in prose: a numbered paragraph says what changes ("Sửa đổi nhiệm vụ tại số thứ
tự 3 … như sau:") and the task stands in labelled lines under it; the "Nội dung" label, not the paragraph, is the
task's words. A paragraph that removes a task names none."""

from __future__ import annotations

from kehoach import extract_bytes

_PLAN = """ỦY BAN NHÂN DÂN TỈNH BẮC AN
Số: 20/KH-UBND
Bắc An, ngày 5 tháng 6 năm 2026
KẾ HOẠCH
Sửa đổi, bổ sung Phụ lục kèm theo Kế hoạch số 4/KH-UBND
I. NỘI DUNG SỬA ĐỔI, BỔ SUNG
1. Sửa đổi nhiệm vụ tại số thứ tự 3, Mục I Phụ lục kèm theo Kế hoạch số 4/KH-UBND như sau:
- Nội dung: Xây dựng nền tảng chia sẻ dữ liệu của tỉnh phiên bản
2.0.
- Cơ quan chủ trì: Sở A.
- Cơ quan phối hợp: Sở B.
- Thời gian hoàn thành: Quý III/2026 (thay cho Quý II/2026).
2. Bổ sung nhiệm vụ số 9 vào Mục II Phụ lục như sau:
- Nội dung: Triển khai trợ lý ảo cho cán bộ cấp xã.
- Cơ quan chủ trì: Sở B.
- Thời gian hoàn thành: Tháng 10/2026.
3. Bãi bỏ nhiệm vụ tại số thứ tự 7, Mục II Phụ lục (Tổ chức hội thảo) do đã lồng ghép.
II. TỔ CHỨC THỰC HIỆN
Các nội dung khác giữ nguyên.
"""


def test_the_content_label_is_the_task():
    plan = extract_bytes(_PLAN.encode("utf-8"), "plan.txt")
    got = [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["end"]) for t in plan["tasks"]]
    assert got == [("1", "Xây dựng nền tảng chia sẻ dữ liệu của tỉnh phiên bản 2.0", ["Sở A"], ["Sở B"], "2026-09-30"),
                   ("2", "Triển khai trợ lý ảo cho cán bộ cấp xã", ["Sở B"], [], "2026-10-31")]
