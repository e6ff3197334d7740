"""The signature beside "Nơi nhận" in pdftotext -layout text: a recipient wrapped onto a line of
its own, and the signer's name on the next page (after the page number and a running header)."""

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
RUNNING = "\f".join(f"{PAD}Kế hoạch 12/KH-UBND\n\n{body}\n" for body in ("- Sở Tài chính bố trí kinh phí.", "- Sở Nội vụ theo dõi."))


@pytest.mark.parametrize("signature", [WRAPPED, PAGE_CUT, APART, INDENTED])
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
