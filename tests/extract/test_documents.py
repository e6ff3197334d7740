"""Which document is a plan, and where its parts are, across the document families."""

from __future__ import annotations

from kehoach import extract_bytes

DECISION_HEAD = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN

Số: 517/QĐ-UBND

Bắc Kạn, ngày 3 tháng 3 năm 2026

QUYẾT ĐỊNH

{title}

ỦY BAN NHÂN DÂN TỈNH BẮC KẠN

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

QUYẾT ĐỊNH:

Điều 1. {article}

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Hà Văn Bình
"""

PLAN_AFTER = """
KẾ HOẠCH

Phát triển du lịch nông thôn năm 2026

I. MỤC TIÊU

Đón 20.000 lượt khách du lịch nông thôn trong năm 2026.

II. TỔ CHỨC THỰC HIỆN

1. Sở Văn hóa, Thể thao và Du lịch: chủ trì xây dựng bộ tiêu chí điểm du lịch nông thôn.
"""


def extract(text: str) -> dict:
    return extract_bytes(text.encode("utf-8"), "doc.txt")


def test_decision_issuing_a_plan_after_its_signature_is_read_as_the_plan():
    text = DECISION_HEAD.format(title="Về việc ban hành Kế hoạch phát triển du lịch nông thôn năm 2026",
                                article="Ban hành kèm theo Quyết định này Kế hoạch phát triển du lịch nông thôn năm 2026.")
    p = extract(text + PLAN_AFTER)
    doc = p["document"]
    assert doc["is_plan"] is True
    assert (doc["type"], doc["number"], doc["date"]) == ("QĐ", "517/QĐ-UBND", "2026-03-03")
    assert doc["attachment"] == {"type": "KH", "type_name": "Kế hoạch", "title": "Phát triển du lịch nông thôn năm 2026"}
    assert [s["title"] for s in p["sections"]] == ["MỤC TIÊU", "TỔ CHỨC THỰC HIỆN"]
    assert [t["lead"] for t in p["tasks"]] == [["Sở Văn hóa, Thể thao và Du lịch"]]
    assert [t["value"] for t in p["targets"]] == [20000.0]


def test_decision_that_issues_no_plan_is_not_a_plan_and_has_no_tasks():
    text = DECISION_HEAD.format(title="Về việc công bố danh mục thủ tục hành chính nội bộ",
                                article="Công bố kèm theo Quyết định này danh mục thủ tục hành chính nội bộ.")
    table = "\n\nSTT\tTên thủ tục\tCơ quan thực hiện\n1\tThủ tục cấp phép\tSở Tư pháp\n"
    p = extract(text + table)
    assert p["document"]["is_plan"] is False
    assert p["document"]["attachment"] is None
    assert p["tasks"] == [] and p["targets"] == []
    assert "not-a-plan" in [w["code"] for w in p["warnings"]]


def test_bold_heading_wrapped_inside_its_bold_run_is_one_heading():
    text = ("Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n\n**I. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở\nKhoa học và Công nghệ**\n\n"
            "Chủ trì hướng dẫn triển khai.\n\n**2. **Sở Tài\nchính bố trí kinh phí.\n")
    p = extract_bytes(text.encode("utf-8"), "doc.md")
    children = p["sections"][0]["children"]
    assert children[0]["title"] == "Sở Khoa học và Công nghệ"
    assert p["tasks"][0]["lead"] == ["Sở Khoa học và Công nghệ"]


def test_directive_is_not_a_plan_but_its_assignments_are_tasks():
    text = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN

Số: 04/CT-UBND

Bắc Kạn, ngày 9 tháng 3 năm 2026

CHỈ THỊ

Về việc tăng cường phòng cháy rừng mùa khô

Để chủ động phòng cháy rừng, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

**1. Sở Nông nghiệp
và Môi trường**

a) Chỉ đạo lực lượng kiểm lâm trực 24/24 giờ trong mùa khô.

b) Phối hợp với Công an tỉnh kiểm tra các điểm có nguy cơ cháy cao.

**2. Ủy ban nhân dân các xã, phường**

Tổ chức tuyên truyền đến từng thôn, bản.
"""
    p = extract_bytes(text.encode("utf-8"), "ct.md")
    assert p["document"]["is_plan"] is False and p["document"]["type"] == "CT"
    assert p["targets"] == []
    got = [(t["id"], t["lead"], t["support"]) for t in p["tasks"]]
    assert got == [("1.a", ["Sở Nông nghiệp và Môi trường"], []),
                   ("1.b", ["Sở Nông nghiệp và Môi trường"], ["Công an tỉnh"]),
                   ("2", ["Ủy ban nhân dân các xã, phường"], [])]


def test_results_are_not_targets_and_a_target_without_year_takes_the_plan_horizon():
    text = """Số: 8/KH-UBND

KẾ HOẠCH

Phát triển thương mại điện tử giai đoạn 2026-2030

I. KẾT QUẢ THỰC HIỆN NĂM 2025

Tỷ lệ doanh nghiệp bán hàng trực tuyến đạt 45%.

II. MỤC TIÊU

1. Tỷ lệ doanh nghiệp bán hàng trực tuyến đạt 70%.

2. Đến năm 2028, doanh thu bán lẻ trực tuyến đạt 12% tổng mức bán lẻ.
"""
    p = extract(text)
    got = [(t["value"], t["year"], t.get("year_from_plan")) for t in p["targets"]]
    assert got == [(70.0, 2030, True), (12.0, 2028, None)]


def test_a_decision_issuing_a_plan_that_is_not_in_the_source_says_so():
    text = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 45/QĐ-UBND\n\nHà Nam, ngày 12 tháng 01 năm 2026\n\nQUYẾT ĐỊNH\n\n"
            "Phê duyệt Kế hoạch phát triển du lịch năm 2026\n\nỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nQUYẾT ĐỊNH:\n\n"
            "Điều 1. Phê duyệt Kế hoạch phát triển du lịch năm 2026 (có Kế hoạch kèm theo).\n\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n")
    plan = extract_bytes(text.encode("utf-8"), "qd.txt")
    (w,) = [w for w in plan["warnings"] if w["code"] == "plan-parts-unread"]
    assert "not in this document" in w["message"] and plan["tasks"] == [] and w["loc"]["line"] == 7
    assert plan["document"]["is_plan"] is True and "not-a-plan" not in [w["code"] for w in plan["warnings"]]
