"""A portal's scrape that sets the recipients and the signature on one line with "|" between the cells ("Nơi nhận: - A;
- Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn B |"): the signer was not read and the signature
stayed in the last recipient. A document of any kind whose "Nơi nhận" is there but whose signer's name was not read is
warned signer-missing (a decision that is not a plan was not warned at all)."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

_HEAD = ("ỦY BAN NHÂN DÂN TỈNH AN LẠC ------- Số: 7/2026/QĐ-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
         "Độc lập - Tự do - Hạnh phúc --------------- An Lạc, ngày 3 tháng 02 năm 2026 |\nQUYẾT ĐỊNH\n"
         "Ban hành Quy chế phối hợp quản lý khu du lịch\nỦY BAN NHÂN DÂN TỈNH AN LẠC\n"
         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nQUYẾT ĐỊNH:\n")
SIGNATURES = [("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Phó Chủ tịch", "KT"),
              ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Chủ tịch", "TM"),
              ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "Phó Giám đốc", "KT")]
NAMES = ["Trần Văn Bình", "Hoàng Thị Thu Hà", "Lê Minh"]
LISTS = ["Nơi nhận: - Như Điều 3; - Bộ Tư pháp; - Lưu: VT, VP3.",
         "Nơi nhận: - Như Điều 3; - Bộ Tư pháp; - Lưu: VT, VP3. kh 12"]


@pytest.mark.parametrize("sig", SIGNATURES)
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("listing", LISTS)
@pytest.mark.parametrize("end", [" |", "", " |\n(Ban hành kèm theo Quyết định số 7/2026/QĐ-UBND)"])
def test_a_signature_in_the_scraped_cell_beside_the_recipients(sig, name, listing, end):
    plan = extract_bytes(f"{_HEAD}{listing} | {sig[0]} {name}{end}\n".encode(), "t.txt")
    signer = plan["document"]["signer"]
    assert (signer["name"], signer["title"], signer["authority"]) == (name, sig[1], sig[2])
    assert plan["document"]["recipients"] == ["Như Điều 3", "Bộ Tư pháp", listing.rsplit("- ", 1)[1].rstrip(".")]
    assert "signer-missing" not in {w["code"] for w in plan["warnings"]}


@pytest.mark.parametrize("cell", ["| Trần Văn Bình |", "| TM. ỦY BAN NHÂN DÂN |", "| ghi chú Trần Văn Bình |"])
def test_no_signature_in_a_cell_that_is_none(cell):
    """A cell with a name but no capacity, or a capacity with no name, is no signature: unread, and warned."""
    plan = extract_bytes(f"{_HEAD}Nơi nhận: - Như Điều 3; - Lưu: VT. {cell}\n".encode(), "t.txt")
    assert not (plan["document"]["signer"] or {}).get("name")
    assert "signer-missing" in {w["code"] for w in plan["warnings"]}


@pytest.mark.parametrize("kind", ["QUYẾT ĐỊNH", "CHỈ THỊ", "THÔNG BÁO"])
def test_a_signed_document_of_any_kind_with_no_signer_read_is_warned(kind):
    text = _HEAD.replace("QUYẾT ĐỊNH\n", f"{kind}\n", 1) + "Điều 1. Ban hành kèm theo Quyết định này Quy chế.\n" \
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n"
    plan = extract_bytes(text.encode(), "t.txt")
    assert plan["document"]["is_plan"] is False
    assert "signer-missing" in {w["code"] for w in plan["warnings"]}


def test_a_cut_document_with_no_recipients_is_not_warned_for_its_signer():
    plan = extract_bytes((_HEAD + "Điều 1. Ban hành kèm theo Quyết định này Quy chế.\n").encode(), "t.txt")
    assert "signer-missing" not in {w["code"] for w in plan["warnings"]}
