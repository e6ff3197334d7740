"""The signature beside "Nơi nhận" on any page: the signer's name printed on the line of the list's archive entry,
further left than the signature column ("- Lưu: VT, VX.       Lê Văn A", one line for the text reader), was lost
(signer-missing) and stayed in the last recipient; a title line beside a recipient ("- UBND tỉnh (b/c);   PHÓ
GIÁM ĐỐC") stayed in the recipient. A form feed inside the list or before the signature changes nothing."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nBắc Kạn, ngày 5 tháng 3 năm 2026\n\nKẾ HOẠCH\nPhòng chống dịch bệnh năm 2026\n\n"
         "I. MỤC ĐÍCH\nBảo đảm tiến độ.\n\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí.\n\n")

SIGNATURES = [("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phó Chủ tịch", "KT"),
              ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Chủ tịch", "TM"),
              ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Phó Giám đốc", "KT")]
NAMES = ["Lê Minh Khoa", "Hoàng Thị Thu Hà", "K' Bình"]
BREAKS = ["", "\f", "\f2\n"]
ARCHIVES = ["- Lưu: VT, VX.", "- Lưu: VT, NC", "- Lưu VT."]


def _tail(sig: tuple[str, ...], name: str, brk: str, archive: str, gap: int) -> str:
    first, second, third = sig[:3]
    rows = [("Nơi nhận:", first), ("- Bộ Y tế (b/c);", second), ("- TT Tỉnh ủy, TT HĐND tỉnh;", third),
            ("- CT, các PCT UBND tỉnh;", "")]
    lines = [f"{left:<45}{right}".rstrip() for left, right in rows]
    return "\n".join(lines) + f"\n{brk}- UBND các huyện, thành phố;\n\n{archive}{' ' * gap}{name}\n"


@pytest.mark.parametrize("sig", SIGNATURES)
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("brk", BREAKS)
@pytest.mark.parametrize("archive", ARCHIVES)
def test_a_name_beside_the_archive_entry_is_the_signers(sig, name, brk, archive):
    plan = extract_bytes((_HEAD + _tail(sig, name, brk, archive, 7)).encode("utf-8"), "t.txt")
    signer = plan["document"]["signer"]
    assert (signer["name"], signer["title"], signer["authority"]) == (name, sig[3], sig[4])
    assert plan["document"]["recipients"][-1] == archive.strip("- .")
    assert "signer-missing" not in {w["code"] for w in plan["warnings"]}


@pytest.mark.parametrize("title", ["PHÓ GIÁM ĐỐC", "PHÓ CHỦ TỊCH"])
def test_a_deputys_title_beside_a_recipient(title):
    tail = (f"{'Nơi nhận:':<40}KT. {title.removeprefix('PHÓ ')}\n- UBND tỉnh (b/c);          {title}\n\n"
            "- Các đơn vị thuộc Sở;\n\n- Lưu: VT, KH.             Phan Văn Hải\n")
    plan = extract_bytes((_HEAD + tail).encode("utf-8"), "t.txt")
    assert plan["document"]["recipients"] == ["UBND tỉnh (b/c)", "Các đơn vị thuộc Sở", "Lưu: VT, KH"]
    assert plan["document"]["signer"]["name"] == "Phan Văn Hải"
    assert plan["document"]["signer"]["title"] == title.capitalize().replace("chủ tịch", "Chủ tịch").replace(
        "giám đốc", "Giám đốc")


@pytest.mark.parametrize("brk", ["\f", "\f2\n", "\n\fTrang 2/2\n"])
@pytest.mark.parametrize("layout", ["stacked", "beside"])
def test_a_signature_after_a_page_break(brk, layout):
    if layout == "stacked":
        tail = f"{brk}Nơi nhận:\n- Bộ Y tế;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Minh Khoa\n"
    else:
        tail = (f"{brk}{'Nơi nhận:':<40}TM. ỦY BAN NHÂN DÂN\n{'- Bộ Y tế;':<40}KT. CHỦ TỊCH\n"
                f"{'- Lưu: VT.':<40}PHÓ CHỦ TỊCH\n\n{'':<40}Lê Minh Khoa\n")
    plan = extract_bytes((_HEAD + tail).encode("utf-8"), "t.txt")
    assert plan["document"]["signer"]["name"] == "Lê Minh Khoa"
    assert plan["document"]["recipients"] == ["Bộ Y tế", "Lưu: VT"]


@pytest.mark.parametrize("entry", ["- Lưu: VT, Văn Thư", "- Lưu: VT, Phòng Kế Hoạch", "- Lưu: VT, Sở Nội Vụ"])
def test_no_name_when_the_archive_names_a_body(entry):
    tail = (f"{'Nơi nhận:':<40}TM. ỦY BAN NHÂN DÂN\n{'- Bộ Y tế;':<40}CHỦ TỊCH\n{entry}\n\n{'':<40}Lê Minh Khoa\n")
    plan = extract_bytes((_HEAD + tail).encode("utf-8"), "t.txt")
    assert plan["document"]["signer"]["name"] == "Lê Minh Khoa"
    assert plan["document"]["recipients"][-1] == entry.strip("- ")
