"""An appendix whose task table goes on after a group's heading as a table of the same columns with no
header of its own ("A" rows under the header, then "B. NHÓM …" as a paragraph, then rows 4, 5 …): its rows
were skipped (table-no-header) in every rendition, and a one-row table in a portal's scrape was not even
a table. The heading is the rows' group; anything else between the tables keeps them apart."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 12/KH-UBND\n\nHà Nam, ngày 5 tháng 3 năm 2026\n\nKẾ HOẠCH\n\nThử nghiệm\n\n"
        "I. MỤC ĐÍCH\n\nNâng cao chất lượng.\n\nII. NHIỆM VỤ\n\nChi tiết tại Phụ lục.\n\n"
        "|\nTM. ỦY BAN NHÂN DÂN\n**CHỦ TỊCH**\nNguyễn Văn An\n|\n\n**PHỤ LỤC**\n\n")


def scrape(*rows: tuple[str, ...]) -> str:
    return "".join("|\n" + "\n|\n".join(r) + "\n|\n" for r in rows) + "\n"


FIRST = scrape(("**STT**", "**Nhiệm vụ**", "**Chủ trì**", "**Phối hợp**", "**Thời gian**"),
               ("1", "Rà soát quy trình cấp phép", "Sở Xây dựng", "Sở Tư pháp", "Quý II/2026"),
               ("2", "Kiểm tra công trình", "Thanh tra Sở", "UBND các xã", "Tháng 9/2026"))


@pytest.mark.parametrize("heading", ["**B. NHÓM NHIỆM VỤ VỀ NHÀ Ở**", "**II. Nhóm nhiệm vụ về nhà ở**", "2. Nhóm nhiệm vụ về nhà ở"])
@pytest.mark.parametrize("rows", [1, 2])
def test_a_table_going_on_under_a_group_heading(heading, rows):
    more = [("3", "Kiểm tra nhà chung cư", "Sở Xây dựng", "UBND các phường", "Quý III/2026"),
            ("4", "Rà soát nhà ở xã hội", "Sở Tài chính", "Sở Xây dựng", "Quý IV/2026")][:rows]
    plan = extract_bytes((HEAD + FIRST + heading + "\n\n" + scrape(*more)).encode("utf-8"), "plan.md")
    tasks = [(t["no"], t["lead"], t["deadline"]["text"], t["group"]) for t in plan["tasks"] if t["source"] == "appendix"]
    group = heading.strip("*")
    assert tasks == [("1", ["Sở Xây dựng"], "Quý II/2026", None), ("2", ["Thanh tra Sở"], "Tháng 9/2026", None),
                     *[(m[0], [m[2]], m[4], group) for m in more]]


def test_a_table_after_a_paragraph_is_not_the_one_above():
    more = [("3", "Kiểm tra nhà chung cư", "Sở Xây dựng", "UBND các phường", "Quý III/2026"),
            ("4", "Rà soát nhà ở xã hội", "Sở Tài chính", "Sở Xây dựng", "Quý IV/2026")]
    text = "Các nhiệm vụ dưới đây do các sở thực hiện theo chức năng, nhiệm vụ được giao.\n\n"
    plan = extract_bytes((HEAD + FIRST + text + scrape(*more)).encode("utf-8"), "plan.md")
    assert [t["no"] for t in plan["tasks"] if t["source"] == "appendix"] == ["1", "2"]
    assert "table-no-header" in [w["code"] for w in plan["warnings"]]
