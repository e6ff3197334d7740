"""Tables as a browser copies a page whose cells hold paragraphs (innerText; select all, copy, paste
as text): a tab alone between two cells, blank lines around it, one blank line between a cell's
paragraphs, several between rows, one between the table and the text around it."""

from __future__ import annotations

import pytest

from kehoach import extract_bytes
from kehoach.parse.copied import copied_tables


def cell(paras: list[str] | str, bare: bool = False) -> str:
    """A cell as innerText writes it: paragraphs (<p>) one blank line apart; a bare cell (text with
    no <p>) stands on the tab's own line."""
    return paras if bare else "\n\n".join([paras] if isinstance(paras, str) else paras)


def copied_row(cells: list, bare_first: bool = False) -> str:
    if bare_first:
        text = cells[0] + "\t\n\n" + "\n\n\t\n\n".join(cell(c) for c in cells[1:])
    else:
        text = "\n\n\t\n\n".join(cell(c) for c in cells)
    return text.replace("\t\n\n\n\n\t", "\t\n\n\t")  # an empty cell's <p> between two tabs


def copied_table(rows: list[list], bare_first: bool = False) -> str:
    return "\n\n\n\n\n".join(copied_row(r, bare_first and len(r) > 1) for r in rows)


LAYOUT = copied_table([[["ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
                       ["Số: 12/KH-UBND", "Hà Nam, ngày 5 tháng 3 năm 2024"]])
BEFORE = "\n\n".join(["KẾ HOẠCH", "Thử nghiệm", "I. MỤC ĐÍCH", "Nâng cao chất lượng.", "II. NHIỆM VỤ",
                      "(Chi tiết tại bảng dưới đây)"])
HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
ROWS = [["1", "Rà soát quy trình khám bệnh", "Sở Y tế", ["Sở Tài chính;", "Sở Nội vụ"], "Quý II/2024"],
        ["2", ["Tập huấn cán bộ", "- tuyến tỉnh", "- tuyến xã"], "Sở Nội vụ", "", "Năm 2024"],
        ["3", "Bố trí kinh phí", "Sở Tài chính", "Các sở, ngành", "Trước ngày 30/6/2024"]]
AFTER = "\n\n".join(["III. KINH PHÍ", "Kinh phí thực hiện từ ngân sách tỉnh."])
SIGNATURE = copied_row([["Nơi nhận:", "- Bộ Y tế;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]])


def page(rows: list[list], bare_first: bool = False, signature: bool = True) -> str:
    tail = "\n\n" + SIGNATURE + "\n\n\n\n\nNguyễn Văn An\n" if signature else "\n"
    return (LAYOUT + "\n\n" + BEFORE + "\n\n" + copied_table([HEADER, *rows], bare_first) + "\n\n" + AFTER + tail)


def plan(text: str) -> dict:
    return extract_bytes(text.encode("utf-8"), "plan.txt")


@pytest.mark.parametrize("bare_first", [False, True])
@pytest.mark.parametrize("signature", [False, True])
def test_task_table_read_with_the_text_around_it(bare_first, signature):
    got = plan(page(ROWS, bare_first, signature))
    tasks = [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["end"]) for t in got["tasks"]]
    assert tasks == [("1", "Rà soát quy trình khám bệnh", ["Sở Y tế"], ["Sở Tài chính", "Sở Nội vụ"], "2024-06-30"),
                     ("2", "Tập huấn cán bộ - tuyến tỉnh - tuyến xã", ["Sở Nội vụ"], [], "2024-12-31"),
                     ("3", "Bố trí kinh phí", ["Sở Tài chính"], ["Các sở, ngành"], "2024-06-30")]
    doc = got["document"]
    assert (doc["number"], doc["date"], doc["is_plan"]) == ("12/KH-UBND", "2024-03-05", True)
    assert [s["number"] for s in got["sections"]] == ["I", "II", "III"]
    if signature:
        assert (doc["signer"]["name"], doc["signer"]["title"]) == ("Nguyễn Văn An", "Phó Chủ tịch")


def test_group_rows_and_rows_lines():
    text = page([["I. Lĩnh vực y tế"], ROWS[0], ["II. Lĩnh vực tài chính"], ROWS[2]])
    lines = text.split("\n")
    (start, (rows, end)), = copied_tables(lines).items()
    assert [r.cells[0] for r in rows] == [["STT"], ["I. Lĩnh vực y tế"], ["1"], ["II. Lĩnh vực tài chính"], ["3"]]
    assert rows[1].cells == [["I. Lĩnh vực y tế"], [], [], [], []]  # spanning the table
    assert lines[start] == "STT" and lines[end - 1] == "Trước ngày 30/6/2024"
    assert [(t["no"], t["lead"]) for t in plan(text)["tasks"]] == [("1", ["Sở Y tế"]), ("3", ["Sở Tài chính"])]


def test_layout_tables_alone_stay_text():
    assert copied_tables((LAYOUT + "\n\n" + BEFORE + "\n\n" + SIGNATURE).split("\n")) == {}


def test_a_tab_separated_table_is_not_taken():
    text = "STT\tNội dung\tChủ trì\tThời gian\n1\tRà soát\tSở Y tế\tQuý II/2024\n"
    assert copied_tables(text.split("\n")) == {}
