"""A police or army rank before the signer's name is not part of it: every rank, as typed and in capitals, in the
three ways a signature is set (Markdown paragraphs, a plain text, a borderless table beside "Nơi nhận")."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes

RANKS = [f"{grade} {level}" for level in ("tướng", "tá", "úy") for grade in ("Đại", "Thượng", "Trung", "Thiếu")]
HEAD = "CÔNG AN TỈNH ĐỒNG THÁP\n\nSố: 31/KH-CAT\n\nĐồng Tháp, ngày 3 tháng 2 năm 2026\n\nKẾ HOẠCH\n\nThử nghiệm\n\nI. MỤC TIÊU\n\nBảo đảm an ninh.\n\n"


def _signer(closing: str, name: str = "t.md") -> dict:
    return extract_bytes((HEAD + closing).encode("utf-8"), name)["document"]["signer"]


@pytest.mark.parametrize("caps", [False, True])
@pytest.mark.parametrize("rank", RANKS + ["Đại uý", "Thiếu uý"])
def test_the_rank_is_not_the_name(rank, caps):
    rank = rank.upper() if caps else rank
    got = _signer(f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n{rank} Lê Quốc Hùng\n")
    assert (got["name"], got["title"], got["authority"]) == ("Lê Quốc Hùng", "Phó Giám đốc", "KT")


@pytest.mark.parametrize("rank", ["Đại tá", "Thiếu tướng"])
def test_the_rank_in_a_table_beside_the_recipients(rank):
    got = _signer(f"| Nơi nhận:<br>- Như trên;<br>- Lưu: VT. | GIÁM ĐỐC<br><br>{rank} Lê Quốc Hùng |\n|---|---|\n")
    assert (got["name"], got["title"]) == ("Lê Quốc Hùng", "Giám đốc")


def test_a_name_that_starts_like_a_grade_is_kept():
    got = _signer("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nTrung Văn Tá\n")
    assert got["name"] == "Trung Văn Tá"
