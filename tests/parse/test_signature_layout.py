"""The signature beside "Nơi nhận" in pdftotext -layout text: a recipient wrapped onto a line of
its own, the signer's name on the next page (after the page number and a running header) or set left of the
signature's column; and a Party committee's name under its parent's, a blank line between them."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 12/KH-UBND\n\nHà Nam, ngày 5 tháng 3 năm 2024\n\nKẾ HOẠCH\n\nThử nghiệm\n\n"
        "I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế chủ trì triển khai Kế hoạch.\n\n")
PAD = " " * 40

WRAPPED = (f"Nơi nhận:{PAD}TM. ỦY BAN NHÂN DÂN\n\n- Bộ Nông nghiệp và Phát triển nông{PAD[:8]}KT. CHỦ TỊCH\nthôn;\n"
           f"{PAD}{PAD[:10]}PHÓ CHỦ TỊCH\n- Lưu: VT, NN.\n\n\n\n{PAD}{PAD[:10]}Nguyễn Văn An\n")
PAGE_CUT = (f"Nơi nhận:{PAD}TM. ỦY BAN NHÂN DÂN\n\n- Bộ Công Thương;{PAD}KT. CHỦ TỊCH\n\n- Thường trực Tỉnh ủy;{PAD}"
            f"PHÓ CHỦ TỊCH\n\n\n{PAD}2\n\f{PAD}Kế hoạch 12/KH-UBND\n\n- Các sở, ngành;{PAD}Nguyễn Văn An\n\n- Lưu: VT.\n")
APART = (f"Nơi nhận:{PAD}TM. ỦY BAN NHÂN DÂN\n\n- Bộ Công Thương;{PAD}KT. CHỦ TỊCH\n\n- Thường trực Tỉnh ủy;{PAD}"
         f"PHÓ CHỦ TỊCH\n\n- Các sở, ngành;\n\n- Lưu: VT.{PAD[:39]}Nguyễn Văn An\n")
"""Recipients a blank line apart at the margin, the signer's name beside the last."""
INDENTED = (f"     Nơi nhận:{PAD}KT. CHỦ TỊCH\n\n      - Bộ Công Thương;{PAD}PHÓ CHỦ TỊCH\n\n   - Thường trực Tỉnh ủy;\n\n"
            f"    - Các sở, ngành;{PAD[:22]}Nguyễn Văn An\n\n        - Lưu: VT.\n\f"
            f"   ỦY BAN NHÂN DÂN{PAD[:20]}CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n{PAD}{PAD[:12]}VIỆT NAM\n"
            f"   TỈNH HÀ NAM{PAD[:24]}Độc lập - Tự do - Hạnh phúc\n")
"""Recipients centred in their cell (indented) and another header after a page break: a decision's
signature before the plan it issues (the motto's "VIỆT NAM" is no name)."""
NAME_WRAPPED = (f"{PAD[:15]}Nơi nhận:{PAD[:24]}TM. ỦY BAN NHÂN DÂN\n\n - Ủy ban Mặt trận Tổ quốc{PAD[:24]}PHÓ CHỦ TỊCH\n"
                f"{PAD[:16]}Việt Nam;\n\n        - Bộ Công Thương;\n\n  - Lưu: VT.{PAD[:38]}Nguyễn Văn An\n")
"""A recipient's end set on a line of its own, centred ("Việt Nam;", capitalised): the recipients went on there."""
NAME_LEFT = ("               Nơi nhận:                             KT. CHỦ TỊCH\n"
             "\n"
             "          - Bộ Công Thương;                          PHÓ CHỦ TỊCH\n"
             "\x0c - TT Tỉnh ủy, TT HĐND tỉnh;\n"
             "\n"
             "- Chủ tịch, các PCT UBND tỉnh;\n"
             "\n"
             "     - Các sở, ban, ngành;\n"
             "\n"
             "   - UBND các xã, phường;        Nguyễn Văn An\n"
             "\n"
             "       - Lưu: VT, KT.\n"
             "\x0c                                                       PHỤ LỤC\n")
"""The signer's name centred under a wide title, well left of the signature's column, beside a recipient: it was
read as the recipient's end."""
RUNNING = "\f".join(f"{PAD}Kế hoạch 12/KH-UBND\n\n{body}\n" for body in ("- Sở Tài chính bố trí kinh phí.", "- Sở Nội vụ theo dõi."))


@pytest.mark.parametrize("signature", [WRAPPED, PAGE_CUT, APART, INDENTED, NAME_WRAPPED, NAME_LEFT])
def test_signer_read(signature):
    # the running header stands at the top of three pages: the head's, two bodies' and the signature's
    text = f"{PAD}Kế hoạch 12/KH-UBND\n\n" + HEAD + "\f" + RUNNING + "\f" + signature
    doc = extract_bytes(text.encode("utf-8"), "plan.txt")["document"]
    assert (doc["signer"]["name"], doc["signer"]["title"]) == ("Nguyễn Văn An", "Phó Chủ tịch")
    assert not any("Kế hoạch 12" in r for r in doc["recipients"])
    assert any(r.startswith("Bộ") for r in doc["recipients"])


@pytest.mark.parametrize("type_line", ["KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "PHỤ LỤC"])
def test_a_type_line_after_the_signature_is_no_recipient(type_line):
    """A decision's signature beside its recipients, its signer's name last; the plan it issues starts
    on the next page with its type line (capitals, in the left half) and no blank line before it: the
    type line opens the plan, it is not one more line of the "Nơi nhận" column."""
    decision = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nSố: 12/QĐ-UBND\n\nHà Nam, ngày 5 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n\n"
                "Ban hành Kế hoạch thử nghiệm\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch thử nghiệm.\n\n")
    signature = (f"   Nơi nhận:{PAD}TM. ỦY BAN NHÂN DÂN\n\n   - Như Điều 3;{PAD}KT. CHỦ TỊCH\n\n   - Lưu: VT.{PAD}PHÓ CHỦ TỊCH\n\n"
                 f"{PAD}{PAD[:10]}Nguyễn Văn An\n\f{PAD[:30]}{type_line}\n\n{PAD[:20]}Thử nghiệm\n\n"
                 "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 5/3/2024 của UBND tỉnh)\n\n"
                 "I. MỤC TIÊU\n\n1. Sở Y tế chủ trì triển khai Kế hoạch.\n")
    plan = extract_bytes((decision + signature).encode("utf-8"), "plan.txt")
    assert type_line not in plan["document"]["recipients"]
    if type_line == "KẾ HOẠCH":
        assert plan["document"]["is_plan"] and plan["document"]["attachment"]["title"] == "Thử nghiệm"


def test_a_party_committee_under_its_parent_after_a_blank_line_is_the_issuer():
    """"ĐẢNG BỘ TỈNH X" beside "ĐẢNG CỘNG SẢN VIỆT NAM", a blank line, "ĐẢNG ỦY XÃ Y" alone: the side-by-side lines
    ended at the blank line, the motto was read between the issuer's lines, and no issuer was found."""
    text = (f"    ĐẢNG BỘ TỈNH HÀ NAM{PAD[:20]}ĐẢNG CỘNG SẢN VIỆT NAM\n\n   ĐẢNG ỦY XÃ KIM BẢNG\n\n\n\n"
            f"             Số 12-KH/ĐU{PAD[:18]}Kim Bảng, ngày 5 tháng 3 năm 2024\n\n{PAD[:36]}KẾ HOẠCH\n\n"
            "Thử nghiệm\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Văn phòng Đảng ủy theo dõi việc thực hiện.\n")
    doc = extract_bytes(text.encode("utf-8"), "plan.txt")["document"]
    assert (doc["issuer"], doc["number"]) == ("Đảng ủy xã Kim Bảng", "12-KH/ĐU")
