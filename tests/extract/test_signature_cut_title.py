"""A signature block whose title lines a seal (or a tear) cut to pieces, read by OCR ("HỦ TỊCH" / "ỊCH"
under "TM. ỦY BAN NHÂN DÂN"): a piece is neither the signer's name nor a title, the name below is read,
and a warning says the title and capacity may be wrong. A title wrapped over two lines ("PHÓ CHỦ" /
"TỊCH") is whole again, and never a name."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\nThử nghiệm\n\n"
        "I. MỤC ĐÍCH\n\nNâng cao chất lượng.\n\nII. TỔ CHỨC THỰC HIỆN\n\nSở Y tế chủ trì thực hiện.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n")


@pytest.mark.parametrize("lines, title, authority, cut", [
    (["TM. ỦY BAN NHÂN DÂN", "HỦ TỊCH", "ỊCH"], None, "TM", True),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Ó CHỦ TỊCH"], "Phó Chủ tịch", "KT", True),  # KT.: the head's deputy
    (["KT. GIÁM ĐỐC", "HÓ GIÁM ĐỐC"], "Phó Giám đốc", "KT", True),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ", "TỊCH"], "Phó Chủ tịch", "KT", False),
    (["KT. GIÁM ĐỐC", "PHÓ GIÁM", "ĐỐC"], "Phó Giám đốc", "KT", False),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Phó Chủ tịch", "KT", False),
    (["TM. ỦY BAN", "NHÂN DÂN", "CHỦ TỊCH"], "Chủ tịch", "TM", False),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC"], "Phó Chủ tịch Thường trực", "KT", False),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "THƯỜNG TRỰC"], "Phó Chủ tịch Thường trực", "KT", False),
    (["TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "THƯỜNG TRỰC"], "Phó Bí thư Thường trực", "TM", False),
])
@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["one-block", "block-a-line"])
def test_a_title_cut_to_pieces_is_no_name_and_is_warned(lines, title, authority, cut, sep):
    block = sep.join([*lines, "", "Lê Thị Minh Nguyệt"]) + "\n"
    plan = extract_bytes((HEAD + block).encode("utf-8"), "plan.txt")
    signer = plan["document"]["signer"]
    assert signer["name"] == "Lê Thị Minh Nguyệt"
    assert (signer["title"], signer["authority"]) == (title, authority)
    assert set(signer) == {"name", "title", "authority", "on_behalf_of"}
    assert ("signer-title-cut" in [w["code"] for w in plan["warnings"]]) == cut


@pytest.mark.parametrize("name", ["K' Điểu Hoa", "K’ Bình", "Ka Sô Liễng", "K'SOR HÀ"])
def test_a_name_with_an_apostrophe_is_the_signers(name):
    """Names of the Central Highlands' peoples hold an apostrophe ("K' …"); the signer was read as none."""
    plan = extract_bytes((HEAD + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\n" + name + "\n").encode("utf-8"), "plan.txt")
    assert plan["document"]["signer"]["name"].upper() == name.upper()
