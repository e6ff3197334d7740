"""A task table whose cells a converter ran together with nothing between them, the whole table one paragraph
("TTNội dungCơ quan chủ trìCơ quan phối hợpThời gian1Tổ chức …": a page's text taken without separators, a
Word table a converter flattened) cannot be read; its header shows at the paragraph's start, and the lost
appendix is warned there (it gave no task and no warning)."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from tests.plandoc import plan_document

BODY = "I. MỤC ĐÍCH\n\nBảo đảm thực hiện đồng bộ.\n\nII. NHIỆM VỤ\n\nCác nhiệm vụ cụ thể tại Phụ lục kèm theo."
HEADERS = [
    ("TT", "Nội dung/nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"),
    ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành"),
    ("TT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"),
    ("STT", "Tên nhiệm vụ", "Cơ quan thực hiện", "Cơ quan phối hợp", "Tiến độ"),
]
ROWS = [("1", "Rà soát quy hoạch hạ tầng viễn thông", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quý III/2026",
         "Báo cáo"),
        ("2", "Xây dựng cơ sở dữ liệu dùng chung", "Sở Nội vụ", "Các sở, ngành", "Năm 2026", "Cơ sở dữ liệu")]


@pytest.mark.parametrize("header", HEADERS, ids=lambda h: "|".join(h)[:40])
@pytest.mark.parametrize("where", ["appendix", "body"])
def test_a_glued_table_is_warned_where_it_stands(header, where):
    glued = "".join(header) + "".join("".join(r[:len(header)]) for r in ROWS)
    body = BODY if where == "appendix" else f"{BODY}\n\n{glued}"
    text = plan_document(body, appendix=glued if where == "appendix" else "")
    plan = extract_bytes(text.encode(), "glued.txt")
    found = [w for w in plan["warnings"] if w["code"] == "appendix-unread"]
    assert found, [w["code"] for w in plan["warnings"]]
    line = text.splitlines().index(glued) + 1
    assert any((w.get("loc") or {}).get("line") == line for w in found), found


@pytest.mark.parametrize("paragraph", [
    "Cơ quan chủ trì: Sở Y tế; cơ quan phối hợp: Sở Tài chính; thời gian: năm 2026.",
    "Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức thực hiện; thời gian hoàn thành 2026.",
])
def test_a_sentence_naming_the_columns_is_no_table(paragraph):
    plan = extract_bytes(plan_document(f"{BODY}\n\n{paragraph}").encode(), "prose.txt")
    assert not [w for w in plan["warnings"] if w["code"] == "appendix-unread" and "header row" in w["message"]]
