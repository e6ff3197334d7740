"""Agencies listed after a colon ("UBND các xã: A, B và C": one agency a place), and a long label value
whose names hold a word that is also a verb ("… một số Đại sứ quán và tổ chức quốc tế; …")."""

from __future__ import annotations

import pytest

from kehoach.extract.agencies import canonical_agency, cell_to_agencies
from kehoach.pipeline import extract_bytes
from tests.plandoc import plan_document

PLACES = [
    ("UBND các xã: Tân Lập, Mường Tè và Bum Nưa", ["UBND xã Tân Lập", "UBND xã Mường Tè", "UBND xã Bum Nưa"]),
    ("Ủy ban nhân dân các phường: Hòa Bình, Đông Kinh – Cửa Bắc, Tây Hồ",
     ["Ủy ban nhân dân phường Hòa Bình", "Ủy ban nhân dân phường Đông Kinh – Cửa Bắc",
      "Ủy ban nhân dân phường Tây Hồ"]),
    ("UBND các phường: 1, 3 và 7", ["UBND phường 1", "UBND phường 3", "UBND phường 7"]),
    ("UBND các xã: Tân An, Phú Mỹ và các đơn vị liên quan", ["UBND xã Tân An", "UBND xã Phú Mỹ", "các đơn vị liên quan"]),
    ("UBND các xã: Tân An, Phú Mỹ và Ủy ban nhân dân phường Bến Gót",
     ["UBND xã Tân An", "UBND xã Phú Mỹ", "Ủy ban nhân dân phường Bến Gót"]),
    ("UBND các thị trấn: Yên Thế, Cao Thượng", ["UBND thị trấn Yên Thế", "UBND thị trấn Cao Thượng"]),
    ("UBND các thành phố: Lai Châu, Điện Biên Phủ", ["UBND thành phố Lai Châu", "UBND thành phố Điện Biên Phủ"]),
    ("UBND các xã: Tân An, Phú Mỹ và UBND các phường: Bến Gót, Hòa Bình",
     ["UBND xã Tân An", "UBND xã Phú Mỹ", "UBND phường Bến Gót", "UBND phường Hòa Bình"]),
    ("Sở Y tế, UBND các xã: Tân An, Phú Mỹ", ["Sở Y tế", "UBND xã Tân An", "UBND xã Phú Mỹ"]),
    # kept whole: levels mixed, a piece that is no place, one place alone, no colon
    ("UBND các xã, phường: Tân An, Phú Mỹ", ["UBND các xã, phường: Tân An, Phú Mỹ"]),
    ("UBND các xã: vùng biên giới, Phú Mỹ", ["UBND các xã: vùng biên giới, Phú Mỹ"]),
    ("UBND các xã: Tân An", ["UBND các xã: Tân An"]),
    ("UBND các xã, phường", ["UBND các xã, phường"]),
]


@pytest.mark.parametrize(("cell", "names"), PLACES, ids=[c for c, _ in PLACES])
def test_places_listed_after_a_colon_are_one_agency_each(cell, names):
    assert cell_to_agencies(cell) == names


def test_a_listed_place_gets_the_full_name_of_its_body():
    assert [canonical_agency(n) for n in cell_to_agencies("UBND các xã: Tân Lập và Bum Nưa")] == [
        "Ủy ban nhân dân xã Tân Lập", "Ủy ban nhân dân xã Bum Nưa"]


PLAN = plan_document("""I. NỘI DUNG

1. Hội chợ thương mại vùng biên

- Đơn vị chủ trì: Sở Công Thương.

- Đơn vị phối hợp: {support}

- Thời gian thực hiện: Tháng 9/2026.""", title="Tổ chức hội chợ xúc tiến thương mại năm 2026")

SUPPORTS = [
    ("Các sở, ngành tỉnh, một số Tổng lãnh sự quán và tổ chức quốc tế; Liên minh Hợp tác xã tỉnh, UBND các xã và "
     "các đơn vị có liên quan.",
     ["Các sở, ngành tỉnh, một số Tổng lãnh sự quán và tổ chức quốc tế", "Liên minh Hợp tác xã tỉnh",
      "Ủy ban nhân dân các xã", "Các đơn vị có liên quan"]),
    ("Sở Ngoại vụ, Hội Nông dân tỉnh, các cơ quan đại diện nước ngoài và tổ chức phi chính phủ; Hiệp hội Doanh "
     "nghiệp tỉnh.",
     ["Sở Ngoại vụ", "Hội Nông dân tỉnh", "Các cơ quan đại diện nước ngoài và tổ chức phi chính phủ",
      "Hiệp hội Doanh nghiệp tỉnh"]),
    ("Sở Tài chính, Sở Xây dựng và UBND các xã: Phong Thổ, Sì Lở Lầu và Dào San.",
     ["Sở Tài chính", "Sở Xây dựng", "Ủy ban nhân dân xã Phong Thổ", "Ủy ban nhân dân xã Sì Lở Lầu",
      "Ủy ban nhân dân xã Dào San"]),
]


@pytest.mark.parametrize(("support", "names"), SUPPORTS, ids=["organisations", "social-organisations", "communes"])
def test_a_long_support_value_keeps_names_whose_words_are_also_verbs(support, names):
    plan = extract_bytes(PLAN.format(support=support).encode(), "plan.md")
    (task,) = plan["tasks"]
    assert task["lead"] == ["Sở Công Thương"]
    assert task["support"] == names


TABLE_PLAN = plan_document("I. NHIỆM VỤ\n\nCác nhiệm vụ cụ thể tại Phụ lục kèm theo.", appendix="""
| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Xây dựng sàn thương mại điện tử của tỉnh | Sở Công Thương | {support} | Quý IV/2026 |""", number="22/KH-UBND")

@pytest.mark.parametrize(("support", "dangling"), [
    ("Sở Tài chính và", True), ("Sở Tài chính, các", True), ("Sở Tài chính, Sở Khoa học và Công nghệ", False),
    ("Các đơn vị trực thuộc", False), ("Sở Tài chính (", True), ("Ủy ban nhân dân các xã", False),
])
def test_a_name_ending_in_a_connector_is_warned(support, dangling):
    plan = extract_bytes(TABLE_PLAN.format(support=support).encode(), "plan.md")
    (task,) = plan["tasks"]
    assert task["lead"] == ["Sở Công Thương"]
    warned = [w for w in plan["warnings"] if w["code"] == "agency-dangling"]
    assert bool(warned) == dangling, plan["warnings"]
    assert all(w["loc"] == task["loc"] for w in warned)


BODY_PLAN = plan_document("I. TỔ CHỨC THỰC HIỆN\n\n{body}", number="23/KH-UBND")

XA = ["Ủy ban nhân dân xã Phong Thổ", "Ủy ban nhân dân xã Sì Lở Lầu", "Ủy ban nhân dân xã Dào San"]
BODY = [  # (body, lead, support, title starts with)
    ("1. Sở Y tế\n\n- Phối hợp Công an tỉnh, UBND các xã: Phong Thổ, Sì Lở Lầu, Dào San và các đơn vị liên quan xây "
     "dựng kế hoạch đáp ứng y tế.", ["Sở Y tế"], ["Công an tỉnh", *XA, "Các đơn vị liên quan"], "Phối hợp Công an tỉnh"),
    ("1. Sở Công Thương chủ trì, phối hợp với Sở Tài chính, UBND các xã: Phong Thổ, Sì Lở Lầu và Dào San tổ chức hội "
     "chợ trong tháng 9/2026.", ["Sở Công Thương"], ["Sở Tài chính", *XA], "Sở Công Thương chủ trì"),
    ("1. UBND các xã: Phong Thổ, Sì Lở Lầu và Dào San: bố trí địa điểm tổ chức hội chợ.", XA, [], "bố trí địa điểm"),
    ("1. Các đơn vị\n\n- UBND các xã: Phong Thổ, Sì Lở Lầu, Dào San: bố trí địa điểm tổ chức hội chợ.", XA, [],
     "bố trí địa điểm"),
    ("1. Sở Y tế chủ trì, phối hợp với UBND các thành phố: Lai Châu, Mường Lay tổ chức tiêm chủng trong Quý III/2026.",
     ["Sở Y tế"], ["Ủy ban nhân dân thành phố Lai Châu", "Ủy ban nhân dân thành phố Mường Lay"], "Sở Y tế chủ trì"),
    # a label's colon after a group is still a label: its duty is no list of places
    ("1. UBND các xã: Chủ động bố trí kinh phí tổ chức hội chợ.", ["Ủy ban nhân dân các xã"], [], "Chủ động bố trí"),
    ("1. Các đơn vị\n\n- UBND các phường: Tuyên truyền, vận động Nhân dân tham gia hội chợ.",
     ["Ủy ban nhân dân các phường"], [], "Tuyên truyền, vận động"),
]


@pytest.mark.parametrize(("body", "lead", "support", "title"), BODY,
                         ids=["support-list", "heading-support-list", "heading-label", "item-label", "city-list",
                              "group-label", "group-label-comma"])
def test_a_list_of_places_in_the_body_is_no_label(body, lead, support, title):
    plan = extract_bytes(BODY_PLAN.format(body=body).encode(), "plan.md")
    (task,) = plan["tasks"]
    assert (task["lead"], task["support"]) == (lead, support)
    assert task["title"].startswith(title), task["title"]
