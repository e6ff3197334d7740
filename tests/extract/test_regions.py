"""Regions are found once and each part's first block is the one expected, whatever parts a
document has: a plan with or without closing paragraphs, signature, unsigned appendix; a decision
that issues a plan."""

from __future__ import annotations

import itertools

import pytest

from kehoach.extract.front import read_front
from kehoach.extract.kind import is_decision
from kehoach.extract.regions import Regions, find_regions, read_signed
from kehoach.parse import read_source

HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "", "Số: 7/KH-UBND", "", "An Giang, ngày 3 tháng 2 năm 2026", "",
        "KẾ HOẠCH", "Triển khai chuyển đổi số năm 2026", ""]
PREAMBLE = ["Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", ""]
BODY = ["I. MỤC ĐÍCH, YÊU CẦU", "", "1. Mục đích", "", "Nâng cao chất lượng dịch vụ công.", "",
        "II. TỔ CHỨC THỰC HIỆN", "", "1. Sở Khoa học và Công nghệ chủ trì triển khai.", ""]
CLOSING = ["Trên đây là Kế hoạch triển khai chuyển đổi số năm 2026.", ""]
SIGNED = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "",
          "Nguyễn Văn An", ""]
APPENDIX = ["PHỤ LỤC", "", "DANH MỤC NHIỆM VỤ", ""]


def _regions(lines: list[str]) -> tuple[list, Regions]:
    blocks = read_source("\n".join(lines).encode(), "plan.txt").blocks
    signed = read_signed(blocks)
    front = read_front(blocks, signed.at, signed.blocks)
    says = (front.fields["title"] or "") if is_decision(front.fields) else None
    return blocks, find_regions(blocks, signed, front.type_line, front.body_from, says)


def _text(blocks: list, i: int | None) -> str | None:
    return blocks[i].text if i is not None and i < len(blocks) else None


@pytest.mark.parametrize("closing, signed, appendix", itertools.product([True, False], repeat=3))
def test_plan_regions(closing: bool, signed: bool, appendix: bool) -> None:
    lines = HEAD + PREAMBLE + BODY + (CLOSING if closing else []) + (SIGNED if signed else []) \
        + (APPENDIX if appendix else [])
    blocks, regions = _regions(lines)
    assert _text(blocks, regions.body_from) == PREAMBLE[0]
    assert regions.plan_front is None and regions.plan_from == regions.body_from
    assert _text(blocks, regions.first_section) == BODY[0]
    after_body = CLOSING[0] if closing else SIGNED[0] if signed else APPENDIX[0] if appendix else None
    assert _text(blocks, regions.body_end) == after_body
    closing_at = SIGNED[0] if signed else APPENDIX[0] if appendix else None
    assert _text(blocks, regions.closing_at) == closing_at
    assert bool(regions.signed) == signed


def test_decision_issuing_a_plan() -> None:
    """The decision's articles and signature come first; the plan's body is read after its
    "(Ban hành kèm theo …)" line, and its own signed part closes it."""
    decision = ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "", "Số: 12/QĐ-UBND", "", "An Giang, ngày 3 tháng 2 năm 2026", "",
                "QUYẾT ĐỊNH", "Ban hành Kế hoạch chuyển đổi số năm 2026", "",
                "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.", "",
                "Điều 2. Quyết định có hiệu lực kể từ ngày ký.", ""]
    plan = ["KẾ HOẠCH", "Chuyển đổi số năm 2026", "",
            "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 3/2/2026 của Ủy ban nhân dân tỉnh An Giang)", ""]
    blocks, regions = _regions(decision + SIGNED + plan + BODY + CLOSING + SIGNED)
    assert _text(blocks, regions.body_from) == decision[10]
    assert _text(blocks, regions.plan_front) == "KẾ HOẠCH"
    assert _text(blocks, regions.plan_from) == BODY[0] == _text(blocks, regions.first_section)
    assert _text(blocks, regions.body_end) == CLOSING[0]
    assert _text(blocks, regions.closing_at) == SIGNED[0]
    assert regions.closing_at > regions.plan_from


@pytest.mark.parametrize("kind, name, code, warned", [
    ("KẾ HOẠCH", "Kế hoạch", "KH", False),
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình hành động", "CTr", False),  # a plan by another name
    ("CHƯƠNG TRÌNH CÔNG TÁC", "Chương trình công tác", "CTr", True),
    ("ĐỀ ÁN", "Đề án", "ĐA", True),
    ("PHƯƠNG ÁN", "Phương án", "PA", True),
])
@pytest.mark.parametrize("backref", [True, False])
def test_decision_issuing_a_document_of_tasks(kind: str, name: str, code: str, warned: bool, backref: bool) -> None:
    """What a decision issues is read as its plan whatever it is called, by its "(Ban hành kèm theo …)" line or by
    the decision's words; a kind the model does not count a plan is warned at its type line."""
    from kehoach import extract_bytes

    decision = ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "", "Số: 12/QĐ-UBND", "", "An Giang, ngày 3 tháng 2 năm 2026", "",
                "QUYẾT ĐỊNH", f"Ban hành {name} chuyển đổi số năm 2026", "",
                f"Điều 1. Ban hành kèm theo Quyết định này {name} chuyển đổi số năm 2026.", "",
                "Điều 2. Quyết định có hiệu lực kể từ ngày ký.", ""]
    plan = [kind, "Chuyển đổi số năm 2026", ""] + (
        ["(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 3/2/2026 của Ủy ban nhân dân tỉnh An Giang)", ""]
        if backref else [])
    lines = decision + SIGNED + plan + BODY + CLOSING + SIGNED
    out = extract_bytes("\n".join(lines).encode(), "qd.txt")
    doc = out["document"]
    assert doc["is_plan"] and doc["type"] == "QĐ"
    assert doc["attachment"] == {"type": code, "type_name": name, "title": "Chuyển đổi số năm 2026"}
    assert [t["lead"] for t in out["tasks"]] == [["Sở Khoa học và Công nghệ"]]
    flagged = [w for w in out["warnings"] if w["code"] == "attachment-not-plan"]
    assert [w["loc"]["line"] for w in flagged] == ([lines.index(kind) + 1] if warned else [])
    assert not [w for w in out["warnings"] if w["code"] == "not-a-plan"]
