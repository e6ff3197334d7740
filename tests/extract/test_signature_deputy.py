"""A signer "KT." (signing for the head) is the head's deputy: when the deputy's own title line is not
read (it stood beside the distribution list, where a -layout text put it), the title is the head's with
"Phó", named in document.inferred; read "Chủ tịch" from the "KT. CHỦ TỊCH" line, it was wrong and silent."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\nThử nghiệm\n\n"
        "I. MỤC ĐÍCH\n\nNâng cao chất lượng.\n\nII. TỔ CHỨC THỰC HIỆN\n\nSở Y tế chủ trì thực hiện.\n\n")
LIST = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"


@pytest.mark.parametrize("block, title, inferred", [
    (LIST + "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Văn An\n", "Phó Chủ tịch", False),
    (LIST + "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n\n\nNguyễn Văn An\n", "Phó Chủ tịch", True),
    (LIST + "KT. GIÁM ĐỐC\n\n\nNguyễn Văn An\n", "Phó Giám đốc", True),
    (LIST + "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nNguyễn Văn An\n", "Phó Giám đốc", False),
    (LIST + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nNguyễn Văn An\n", "Chủ tịch", False),
    ("          Nơi nhận:                            TM. ỦY BAN NHÂN DÂN\n\n"
     "       - Bộ Y tế (b/c);                           KT. CHỦ TỊCH\n"
     "- TT Tỉnh ủy, TT HĐND tỉnh;   PHÓ CHỦ TỊCH\n\n"
     " - Lưu: VT, VX.\n\n                              Nguyễn Văn An\n", "Phó Chủ tịch", None),
])
def test_a_deputy_signing_for_the_head(block, title, inferred):
    doc = extract_bytes((HEAD + block).encode("utf-8"), "plan.txt")["document"]
    assert (doc["signer"]["name"], doc["signer"]["title"]) == ("Nguyễn Văn An", title)
    if inferred is not None:
        assert ("signer.title" in doc["inferred"]) is inferred


@pytest.mark.parametrize("block, title", [
    (LIST + "HIỆU TRƯỞNG\n\n\nNguyễn Văn An\n", "Hiệu trưởng"),  # a school's head signs alone
    (LIST + "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\n\n\nNguyễn Văn An\n", "Phó Hiệu trưởng"),
])
def test_a_school_head_signing(block, title):
    """A school's plan is signed by its head ("HIỆU TRƯỞNG") or the deputy for the head: no signer was read."""
    doc = extract_bytes((HEAD + block).encode("utf-8"), "plan.txt")["document"]
    assert (doc["signer"]["name"], doc["signer"]["title"]) == ("Nguyễn Văn An", title)
