"""A signature block whose lines a text reader ran together (a word processor's text export, a
scrape) reads as the Word file's: "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH" on one line, a title over the
body's own line ("TRƯỞNG BAN" / "PHÓ CHỦ TỊCH UBND TỈNH") joined into one caps paragraph."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\nThử nghiệm\n\n"
        "I. MỤC ĐÍCH\n\nNâng cao chất lượng.\n\nII. TỔ CHỨC THỰC HIỆN\n\nSở Y tế chủ trì thực hiện.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n")


@pytest.mark.parametrize("block, title, authority, on_behalf", [
    ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH\n\n\nNguyễn Văn An\n", "Chủ tịch", "TM", "Ủy ban nhân dân"),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nNguyễn Văn An\n", "Chủ tịch", "TM", "Ủy ban nhân dân"),
    ("TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND TỈNH\n\n\nNguyễn Văn An\n", "Trưởng ban", None, None),
    ("GIÁM ĐỐC\n\n\nNguyễn Văn An\n", "Giám đốc", None, None),
])
def test_signature_lines_run_together(block, title, authority, on_behalf):
    signer = extract_bytes((HEAD + block).encode("utf-8"), "plan.txt")["document"]["signer"]
    assert signer["name"] == "Nguyễn Văn An"
    assert (signer["title"], signer["authority"]) == (title, authority)
    assert (signer.get("on_behalf_of") or None) == on_behalf
