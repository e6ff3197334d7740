"""An appendix of tasks whose table was lost on the way (a script that took a Word file's paragraphs and not its
tables, a copy that left the table out) keeps its heading: "PHỤ LỤC" and a title naming tasks, then nothing.
Its tasks are missing, and the document did not say so when its body never pointed to the appendix."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from tests.plandoc import plan_document

BODY = "I. MỤC ĐÍCH\n\nBảo đảm thực hiện đồng bộ.\n\nII. NHIỆM VỤ\n\n1. Sở Nội vụ hướng dẫn, đôn đốc thực hiện."


def _unread(appendix: str) -> list[dict]:
    text = plan_document(BODY, appendix=appendix)
    plan = extract_bytes(text.encode(), "plan.txt")
    return [w for w in plan["warnings"] if w["code"] == "appendix-unread"], text.splitlines()


@pytest.mark.parametrize("title", ["NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH", "PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ",
                                   "DANH MỤC CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM"])
def test_an_appendix_of_tasks_left_without_its_table_is_warned(title):
    found, lines = _unread(f"{title}\n\n(Kèm theo Kế hoạch số 21/KH-UBND ngày 05/01/2026 của UBND tỉnh)")
    assert [w["loc"]["line"] for w in found] == [lines.index("PHỤ LỤC") + 1]


def test_an_appendix_of_something_else_is_not():
    appendix = "DANH SÁCH CÁC ĐƠN VỊ THAM GIA\n\n(Kèm theo Kế hoạch số 21/KH-UBND ngày 05/01/2026 của UBND tỉnh)"
    assert _unread(appendix)[0] == []


def test_an_appendix_of_tasks_written_as_paragraphs_is_read():
    """Numbered paragraphs after the signature, each naming its agency in the sentence, are the appendix's tasks
    (they were not read, and the appendix was warned as unread)."""
    text = plan_document(BODY, appendix="NHIỆM VỤ CỤ THỂ\n\n1. Sở Tài chính bố trí kinh phí thực hiện, hoàn thành trong "
                         "năm 2026.\n\n2. Sở Y tế tổ chức tập huấn cho cán bộ y tế cơ sở, hoàn thành trước ngày 30/6/2026.")
    plan = extract_bytes(text.encode(), "plan.txt")
    assert [(t["lead"], t["deadline"]["end"]) for t in plan["tasks"] if t["source"] == "appendix"] == [
        (["Sở Tài chính"], "2026-12-31"), (["Sở Y tế"], "2026-06-30")]
    assert [w for w in plan["warnings"] if w["code"] == "appendix-unread"] == []


@pytest.mark.parametrize("sentence", [
    "Các nhiệm vụ cụ thể, đơn vị chủ trì, phối hợp, sản phẩm và thời gian hoàn\nthành tại Phụ lục kèm theo.",
    "Các nhiệm vụ cụ thể, đơn vị chủ trì, phối hợp, sản phẩm và thời gian hoàn thành tại Phụ lục kèm theo.",
    "Nội dung công việc, cơ quan chủ trì, cơ quan phối hợp, thời gian thực hiện\nchi tiết tại Phụ lục kèm theo Kế hoạch này.",
])
def test_a_sentence_naming_the_appendix_columns_is_no_header_left_as_text(sentence):
    """The body's sentence that sends the reader to the appendix and names its columns (a line of it wrapped before
    "Phụ lục" reads like a header row) was warned as a task table's header row left as plain text, though the
    appendix's table was read."""
    body = f"I. MỤC ĐÍCH\n\nBảo đảm thực hiện đồng bộ.\n\nII. NHIỆM VỤ\n\n{sentence}"
    table = ("| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
             "| 1 | Rà soát quy định | Sở Tư pháp | Sở Nội vụ | Quý II/2026 |\n")
    plan = extract_bytes(plan_document(body, appendix=table).encode(), "plan.md")
    assert [t["lead"] for t in plan["tasks"] if t["source"] == "appendix"] == [["Sở Tư pháp"]]
    assert [w for w in plan["warnings"] if w["code"] == "appendix-unread"] == []
