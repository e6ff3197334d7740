"""A reporting part after the implementation part, its items untitled ("VI. CHẾ ĐỘ BÁO CÁO" / "1. Các sở, ban, ngành;
cơ quan, đơn vị tiến hành đánh giá, báo cáo … trước ngày 20 hằng tháng"): the monthly report was no task, silently
(real r27). Three things stood in the way: an untitled item under the part was read by no reader (only an agency
heading was), "tiến hành" was no verb of a duty after a name, and a ";" inside the list of bodies ended it."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

_PLAN = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 21/KH-UBND
An Hòa, ngày 5 tháng 3 năm 2026
KẾ HOẠCH
Phát triển công nghiệp năm 2026
I. MỤC ĐÍCH
Nâng cao năng lực cạnh tranh.
II. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương
Chủ trì, phối hợp với các đơn vị liên quan tổ chức thực hiện Kế hoạch.
III. CHẾ ĐỘ BÁO CÁO
1. {item}
2. Trong quá trình tổ chức thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Sở Công Thương để tổng hợp.
"""


@pytest.mark.parametrize("item, leads", [
    ("Các sở, ban, ngành; cơ quan, đơn vị tiến hành đánh giá, báo cáo kết quả thực hiện gửi về Sở Công Thương trước "
     "ngày 20 hằng tháng.", ["Các sở, ban, ngành", "Cơ quan, đơn vị"]),
    ("Các sở, ban, ngành tiến hành đánh giá, báo cáo kết quả thực hiện gửi về Sở Công Thương trước ngày 20 hằng tháng.",
     ["Các sở, ban, ngành"]),
    ("Ủy ban nhân dân các xã, phường báo cáo kết quả thực hiện về Sở Công Thương trước ngày 20 hằng tháng.",
     ["Ủy ban nhân dân các xã, phường"]),
])
def test_an_untitled_item_of_a_reporting_part_is_a_task(item, leads):
    plan = extract_bytes(_PLAN.format(item=item).encode("utf-8"), "plan.txt")
    (task,) = [t for t in plan["tasks"] if t["id"].startswith("III")]
    assert task["id"] == "III.1" and task["lead"] == leads and task["deadline"]["recurrence"] == "monthly"


def test_a_semicolon_after_a_clause_still_ends_a_lead():
    """A ";" that ends a clause ("Sở A hoàn thành việc …; Sở B báo cáo …") is no list of kinds of body."""
    from kehoach.extract.bodyverbs import _listed

    assert _listed("Các sở, ban, ngành; cơ quan, đơn vị")
    assert not _listed("Sở Công Thương hoàn thành việc rà soát quy hoạch; Sở Tài chính")
