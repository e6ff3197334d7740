"""Narrow space-aligned tables whose columns' text starts a character or two left of their header
cells (``pdftotext -layout`` centres a header cell over its column, so its first character may stand
right of where the column's lines start), cells one space apart: generated tables, every row read."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes

from .test_browser_tables import _wrap

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Triển khai nhiệm vụ năm 2024\nI. MỤC TIÊU\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n\n")
TITLES = ["Rà soát quy chế phối hợp giữa các cơ quan", "Tổ chức tập huấn kỹ năng số cho cán bộ",
          "Kiểm tra việc thực hiện chế độ báo cáo", "Xây dựng cơ sở dữ liệu dùng chung",
          "Tuyên truyền nâng cao nhận thức người dân", "Đánh giá kết quả thực hiện kế hoạch"]
LEADS = ["Sở Nội vụ", "Sở Tư pháp", "Công an tỉnh", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ",
         "Ban Quản lý khu kinh tế tỉnh"]
SUPPORTS = ["Sở Tài chính", "Văn phòng Sở", "Hội Nông dân tỉnh", "Sở Xây dựng", "Tỉnh đoàn",
            "Sở Công Thương"]
TIMES = ["Quý I/2026", "Năm 2026", "Tháng 9/2026", "Hằng năm", "Quý III/2026", "Thường xuyên"]
COLUMNS = {"no": ("TT", 4), "title": ("Nhiệm vụ", 20), "lead": ("Chủ trì", 19), "support": ("Phối hợp", 19),
           "time": ("Thời hạn", 13)}


def _table(rng: random.Random) -> tuple[list[str], list[tuple]]:
    """A table whose header cells stand one or two characters right of their columns' text; on one row's first
    line every cell fills its column to the width less one (each next cell one space after it)."""
    order = ["no", "title", *rng.sample(["lead", "support"], 2), "time"]
    rows = [{"no": str(n), "title": rng.choice(TITLES), "lead": rng.choice(LEADS), "support": rng.choice(SUPPORTS),
             "time": rng.choice(TIMES)} for n in range(1, 5)]
    key = rng.choice(rows)
    widths = [COLUMNS["no"][1]] + [len(_wrap(key[k], rng.randint(12, 20))[0]) + 1 for k in order[1:]]
    widths = [max(w, len(COLUMNS[k][0]) + 3) for k, w in zip(order, widths, strict=True)]
    starts = [sum(widths[:k]) for k in range(len(order))]
    shifts = [0] + [rng.choice([1, 2]) for _ in order[1:]]
    header = ""
    for k, start, shift in zip(order, starts, shifts, strict=True):
        header = header.ljust(start + shift) + COLUMNS[k][0]
    lines = [header]
    for row in rows:
        cells = [_wrap(row[k], w - 1) for k, w in zip(order, widths, strict=True)]
        for n in range(max(map(len, cells))):
            line = ""
            for k, start, cell in zip(order, starts, cells, strict=True):
                if n < len(cell):
                    line = line.ljust(start + (1 if k == "no" else 0)) + cell[n]
            lines.append(line.rstrip())
    want = [(r["no"], r["title"], [r["lead"]], [r["support"]], r["time"]) for r in rows]
    return lines, want


def _tasks(lines: list[str]) -> tuple[list[tuple], list[str]]:
    plan = extract_bytes((HEAD + "\n".join(lines) + "\n").encode(), "plan.txt")
    tasks = [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"])
             for t in plan["tasks"] if t["source"] == "appendix"]
    return tasks, [w["code"] for w in plan["warnings"]]


def test_a_run_across_three_columns_a_character_left_of_the_first_is_a_line_of_cells():
    """"Sở Nông nghiệp và Ban Quản lý khu kinh Trạm quan trắc" starting a character left of the lead column's
    header: three cells one space apart, not a paragraph crossing three columns (the table ended there:
    `table-columns-lost`, its rows not read)."""
    def line(*cells: tuple[int, str]) -> str:
        out = ""
        for at, text in cells:
            out = out.ljust(at) + text
        return out

    lines = [line((2, "TT"), (12, "Nhiệm vụ"), (28, "Cơ quan chủ trì"), (48, "Cơ quan phối hợp"), (68, "Sản phẩm"),
                  (86, "Thời hạn")),
             line((3, "1"), (8, "Lắp đặt trạm quan"), (27, "Sở Nông nghiệp và Ban Quản lý khu kinh Trạm quan trắc"),
                  (86, "Năm 2026")),
             line((8, "trắc tự động"), (30, "Môi trường"), (46, "tế tỉnh")),
             line((3, "2"), (8, "Công khai chỉ số"), (27, "Sở Khoa học và"), (48, "Sở Nông nghiệp và"), (68, "Chuyên mục"),
                  (86, "Quý III/2026")),
             line((8, "chất lượng"), (30, "Công nghệ"), (50, "Môi trường"))]
    tasks, codes = _tasks(lines)
    assert "table-columns-lost" not in codes
    assert [t[2:] for t in tasks] == [(["Sở Nông nghiệp và Môi trường"], ["Ban Quản lý khu kinh tế tỉnh"], "Năm 2026"),
                                      (["Sở Khoa học và Công nghệ"], ["Sở Nông nghiệp và Môi trường"], "Quý III/2026")]


@pytest.mark.parametrize("seed", range(40))
def test_columns_a_character_or_two_left_of_their_headers_read_every_row(seed):
    """Every row of a generated table (column orders, shifts of one or two characters, names filling their
    cells) comes back, each value right or its row warned."""
    lines, want = _table(random.Random(seed))
    tasks, codes = _tasks(lines)
    assert len(tasks) == len(want), "\n".join(lines)
    wrong = [t for t, w in zip(tasks, want, strict=True) if t != w]
    assert not wrong or any(c.startswith("table-") for c in codes), "\n".join(lines)
