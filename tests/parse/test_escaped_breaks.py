"""A page scraped with its line breaks kept as a program writes them ("\\r\\n" as four characters) reads as lines."""

from __future__ import annotations

from kehoach.parse.decode import bytes_to_text


def test_escaped_line_breaks_are_line_breaks():
    data = "Số: 5/KH-UBND \\r\\n | \\r\\n Nam Hà, ngày 2 tháng 3 năm 2020 \\r\\n\\r\\n1. Mục tiêu\\r\\nchung".encode()
    text, _ = bytes_to_text(data, "page.txt")
    assert text.split("\n") == ["Số: 5/KH-UBND ", " | ", " Nam Hà, ngày 2 tháng 3 năm 2020 ", "", "1. Mục tiêu", "chung"]


def test_one_escape_in_a_text_stays():
    data = "Đường dẫn C:\\new\\r\\nfolder trong văn bản.".encode()
    assert bytes_to_text(data, "page.txt")[0] == "Đường dẫn C:\\new\\r\\nfolder trong văn bản."
