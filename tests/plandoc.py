"""A whole plan document around a body (and an appendix), for tests that read one rule in context: the header,
the closing list of recipients and the signature every plan carries, so that the part under test is read where
a real plan has it."""

from __future__ import annotations


def plan_document(body: str, *, appendix: str = "", title: str = "Thực hiện nhiệm vụ năm 2026",
                  province: str = "Lai Châu", number: str = "21/KH-UBND") -> str:
    """The plan's text: header, ``title``, ``body`` (its numbered parts), recipients and signature, then the
    ``appendix`` (a table) after a "PHỤ LỤC" line when one is given."""
    text = (f"ỦY BAN NHÂN DÂN TỈNH {province.upper()} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: {number}\n\n"
            f"{province}, ngày 05 tháng 01 năm 2026\n\nKẾ HOẠCH\n\n{title}\n\n{body.strip()}\n\n"
            "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n")
    return text + (f"\nPHỤ LỤC\n\n{appendix.strip()}\n" if appendix else "")
