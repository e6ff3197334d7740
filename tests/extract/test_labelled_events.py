"""Labelled blocks of an event plan: "Thời gian dự kiến" is the time label too, a label kehoach has no field for
("Địa điểm: …") does not part the block, and a value that lists organisations ("…, tổ chức quốc tế, …") keeps them."""

from __future__ import annotations

import itertools

import pytest

from kehoach.pipeline import extract_bytes
from tests.plandoc import plan_document

PLAN = plan_document("""I. CÁC HOẠT ĐỘNG

1. Lễ khai mạc Tuần lễ

{labels}

2. Hội chợ sản phẩm làng nghề

- Thời gian: tháng 10/2026.

- Đơn vị chủ trì: Sở Công Thương.""", title="Tổ chức Tuần lễ Văn hóa – Du lịch năm 2026", province="Ninh Bình",
                     number="31/KH-UBND")

TIME = ["Thời gian dự kiến: ngày 12/9/2026 (thứ Bảy).", "Thời gian thực hiện dự kiến: ngày 12/9/2026.",
        "Thời gian dự kiến tổ chức: ngày 12/9/2026.", "Thời gian: ngày 12/9/2026."]
PLACE = ["Địa điểm: Quảng trường trung tâm tỉnh.", "Hình thức tổ chức: trực tiếp kết hợp trực tuyến.", None]
SUPPORT = {
    "Các tổ chức quốc tế, các tỉnh, thành phố và các sở, ngành, địa phương có liên quan.":
        ["Các tổ chức quốc tế, các tỉnh, thành phố và các sở, ngành, địa phương có liên quan"],
    "Các Tổng lãnh sự quán, tổ chức quốc tế, các tỉnh, thành phố và các sở, ngành thuộc tỉnh.":
        ["Các Tổng lãnh sự quán, tổ chức quốc tế, các tỉnh, thành phố và các sở, ngành thuộc tỉnh"],
    "Sở Ngoại vụ, Hội Liên hiệp các tổ chức hữu nghị tỉnh và các tổ chức phi chính phủ nước ngoài.":
        ["Sở Ngoại vụ", "Hội Liên hiệp các tổ chức hữu nghị tỉnh", "Các tổ chức phi chính phủ nước ngoài"],
}
CASES = list(itertools.product(range(len(TIME)), range(len(PLACE)), list(SUPPORT)))


@pytest.mark.parametrize(("time", "place", "support"), CASES, ids=[f"time{t}-place{p}-{s[:12]}" for t, p, s in CASES])
def test_an_event_block_reads_whole(time, place, support):
    lines = [TIME[time], *([PLACE[place]] if PLACE[place] else []), "Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
             f"Đơn vị phối hợp: {support}", "Kinh phí: Ngân sách tỉnh."]
    plan = extract_bytes(PLAN.format(labels="\n\n".join(f"- {line}" for line in lines)).encode(), "plan.md")
    first, second = plan["tasks"]
    assert first["title"] == "Lễ khai mạc Tuần lễ"
    assert first["lead"] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert first["support"] == SUPPORT[support]
    assert first["deadline"]["end"] == "2026-09-12"
    assert (PLACE[place] or "").rstrip(".").split(":")[0] in (first.get("detail") or "")
    assert (second["lead"], second["deadline"]["end"]) == (["Sở Công Thương"], "2026-10-31")


@pytest.mark.parametrize("label", ["Đơn vị thực hiện", "Cơ quan thực hiện"])
def test_the_implementing_unit_beside_the_lead_is_kept_in_the_note(label):
    lines = ["Thời gian dự kiến: ngày 12/9/2026.", "Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
             f"{label}: Trung tâm Văn hóa tỉnh.", "Kinh phí: Ngân sách tỉnh."]
    plan = extract_bytes(PLAN.format(labels="\n\n".join(f"- {line}" for line in lines)).encode(), "plan.md")
    first = plan["tasks"][0]
    assert first["lead"] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert first["note"] == "Đơn vị thực hiện: Trung tâm Văn hóa tỉnh; Kinh phí: Ngân sách tỉnh"

