"""Items of a task section headed by a category ("2. Về thể chế: …", "Nhiệm vụ 3: …") whose sentence gives an agency
its work: the sentence is the task (the category its group), as it is under a heading that states the work."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

SENTENCES = [
    ("Sở Tư pháp chủ trì rà soát các văn bản quy phạm pháp luật, hoàn thành trong Quý II/2026.", ["Sở Tư pháp"], [],
     "2026-06-30"),
    ("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính xây dựng đề án đào tạo.", ["Sở Nội vụ"], ["Sở Tài chính"], None),
    ("Sở Y tế kiểm tra an toàn thực phẩm tại các chợ, hoàn thành trước 30/9/2026.", ["Sở Y tế"], [], "2026-09-30"),
]
CATEGORIES = ["Về thể chế", "Về hạ tầng số", "Nhiệm vụ 3"]


@pytest.mark.parametrize("sentence, lead, support, end", SENTENCES)
@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("joint", [": ", "\n"])
def test_a_category_headed_item_gives_its_sentences_task(sentence, lead, support, end, category, joint):
    text = (f"Số: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\nI. MỤC ĐÍCH\nBảo đảm tiến độ.\n\nII. NHIỆM VỤ\n"
            f"1. Rà soát các thủ tục hành chính.\n2. {category}{joint}{sentence}\n\nIII. TỔ CHỨC THỰC HIỆN\n"
            "Các sở theo chức năng, nhiệm vụ thực hiện.\n")
    plan = extract_bytes(text.encode("utf-8"), "t.txt")
    (task,) = [t for t in plan["tasks"] if t["id"] == "II.2"]
    assert (task["lead"], task["support"], task["deadline"]["end"]) == (lead, support, end)
    assert task["title"] == sentence and task["group"] == category
    assert "body-task-unread" not in {w["code"] for w in plan["warnings"]}
