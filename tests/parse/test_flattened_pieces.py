"""A task table that a page break cut into pieces (a Word table a page, its header repeated, the row the break
cut going on in a row whose number cell is empty), written one cell a line by a text export: one table again,
its rows whole (parse/flattened_breaks.py). Generated: where the break falls, which cells of the cut row go on,
the empty paragraph between the pieces."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2026\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. TỔ CHỨC THỰC HIỆN\n"
        "Các cơ quan thực hiện nhiệm vụ tại Phụ lục.\nPHỤ LỤC\nNHIỆM VỤ CỤ THỂ NĂM 2026\n")
HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
ROWS = [("Rà soát, đánh giá hiện trạng hồ sơ của các xã, phường", "Sở Nội vụ", "UBND các xã, phường", "Quý II/2026"),
        ("Bố trí kinh phí thực hiện các nhiệm vụ của kế hoạch", "Sở Tài chính", "Sở Nội vụ", "Tháng 7/2026"),
        ("Xây dựng cơ sở dữ liệu cán bộ, công chức cấp xã", "Sở Nội vụ", "Sở Khoa học và Công nghệ", "Năm 2026 - 2027"),
        ("Kết nối, chia sẻ dữ liệu với hệ thống thông tin của tỉnh", "Sở Khoa học và Công nghệ", "Công an tỉnh", "Quý IV/2026"),
        ("Tổng hợp, báo cáo kết quả thực hiện kế hoạch", "Sở Nội vụ", "Các sở, ngành", "Trước ngày 10/12/2026")]


def _cut(text: str, rng: random.Random) -> tuple[str, str]:
    """A cell's text cut at a word (its first part before the break, its rest after), or not cut."""
    words = text.split()
    if len(words) < 2 or rng.random() < 0.4:
        return text, ""
    k = rng.randint(1, len(words) - 1)
    return " ".join(words[:k]), " ".join(words[k:])


def _pieces(rng: random.Random) -> str:
    lines = list(HEADER)
    breaks = sorted(rng.sample(range(1, len(ROWS)), rng.randint(1, 2)))
    for n, row in enumerate(ROWS):
        if n in breaks and rng.random() < 0.5:  # the break between rows: the next piece opens with a row
            lines += ["", *HEADER]
        if n + 1 in breaks and rng.random() < 0.6:  # the break cuts this row: its cells go on after it
            before, after = zip(*(_cut(c, rng) for c in row), strict=True)
            if not any(after):
                before, after = (row[0].rsplit(" ", 1)[0], *row[1:]), (row[0].rsplit(" ", 1)[1], "", "", "")
            lines += [str(n + 1), *before, "", *HEADER, "", *after]
            breaks.remove(n + 1)
            continue
        lines += [str(n + 1), *row]
    return "\n".join(lines) + "\n\nNơi nhận:\n- Như trên;\n"


@pytest.mark.parametrize("seed", range(40))
def test_a_table_cut_into_pieces_gives_its_tasks(seed):
    text = _pieces(random.Random(seed))
    plan = extract_bytes((HEAD + text).encode(), "plan.txt")
    got = [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"] if t["source"] == "appendix"]
    want = [(str(n), title, [lead.replace("UBND", "Ủy ban nhân dân")], [s.replace("UBND", "Ủy ban nhân dân") for s in [support]], time)
            for n, (title, lead, support, time) in enumerate(ROWS, 1)]
    assert got == want, text
