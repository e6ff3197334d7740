"""Tables as pandoc writes them (``pandoc -t markdown`` / ``-t plain`` of a Word file): a line of dash runs under
the header gives each column's start. The real plans' Word files through pandoc are in tests/real/renditions
(tests/test_real_renditions.py); here, the layouts one by one, and generated tables wrapped as pandoc wraps them."""

from __future__ import annotations

import random
import textwrap

import pytest

from kehoach import extract_bytes
from kehoach.parse.text import read_text
from tests.plandoc import plan_document

MULTILINE = """\
  --------------------------------------------------------------
  TT     Nội dung công      Cơ quan chủ trì  Cơ quan phối  Thời
         việc                                hợp           gian
  ------ ------------------ ---------------- ------------- -------
         I. Cải cách thể
         chế

  1      Rà soát quy hoạch  Sở Khoa học và   Sở Tài chính  Quý
         hạ tầng viễn thông Công nghệ                      III/2026

  2      Xây dựng cơ sở dữ  Sở Nội vụ        Các sở,       Năm 2026
         liệu dùng chung                     ngành
  --------------------------------------------------------------
"""
SIMPLE = """\
  STT   Nhiệm vụ                 Chủ trì          Thời hạn
  ----- ------------------------ ---------------- ------------
  1     Rà soát thủ tục          Sở Tư pháp       Quý I/2026
  2     Số hóa hồ sơ             Sở Nội vụ        Năm 2026
"""
HEADERLESS = """\
  ------ ------------------ ---------------- -------------
  1      Rà soát quy hoạch  Sở Khoa học và   Quý III/2026
         hạ tầng            Công nghệ

  2      Xây dựng cơ sở dữ  Sở Nội vụ        Năm 2026
         liệu
  ------ ------------------ ---------------- -------------
"""


def _table(text: str):
    tables = [b for b in read_text(text) if b.kind == "table"]
    assert len(tables) == 1, [b.kind for b in read_text(text)]
    return [[" ".join(c) for c in r.cells] for r in tables[0].rows]


def test_a_multiline_table():
    assert _table(MULTILINE) == [
        ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
        ["", "I. Cải cách thể chế", "", "", ""],
        ["1", "Rà soát quy hoạch hạ tầng viễn thông", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quý III/2026"],
        ["2", "Xây dựng cơ sở dữ liệu dùng chung", "Sở Nội vụ", "Các sở, ngành", "Năm 2026"],
    ]


def test_a_simple_table():
    assert _table(SIMPLE) == [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
                              ["1", "Rà soát thủ tục", "Sở Tư pháp", "Quý I/2026"],
                              ["2", "Số hóa hồ sơ", "Sở Nội vụ", "Năm 2026"]]


def test_a_table_without_header():
    assert _table(HEADERLESS) == [["1", "Rà soát quy hoạch hạ tầng", "Sở Khoa học và Công nghệ", "Quý III/2026"],
                                  ["2", "Xây dựng cơ sở dữ liệu", "Sở Nội vụ", "Năm 2026"]]


HEADERLESS_SIMPLE = """\
  ---- ------------------------------------- ------------------------ -----------
  TT   Nội dung nhiệm vụ                     Cơ quan chủ trì          Thời gian
       I. Nhóm nhiệm vụ về thể chế
  1    Rà soát quy hoạch hạ tầng viễn thông  Sở Khoa học và Công nghệ Quý III/2026
  2    Xây dựng cơ sở dữ liệu dùng chung     Sở Nội vụ                Năm 2026
  ---- ------------------------------------- ------------------------ -----------
"""


def test_a_simple_table_without_header_takes_a_row_a_line():
    """pandoc's Markdown of a web page whose table has no <th>: a simple table with no header, opened and closed by
    the dash runs, a row a line and no blank line between (its first row the header's words; a group row's number
    empty). It was read as one row of a multiline table."""
    assert _table(HEADERLESS_SIMPLE) == [["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
                                         ["", "I. Nhóm nhiệm vụ về thể chế", "", ""],
                                         ["1", "Rà soát quy hoạch hạ tầng viễn thông", "Sở Khoa học và Công nghệ",
                                          "Quý III/2026"],
                                         ["2", "Xây dựng cơ sở dữ liệu dùng chung", "Sở Nội vụ", "Năm 2026"]]


def test_words_across_the_dash_runs_are_no_table():
    text = "Kết quả như sau\n---- ---- ----\nMột dòng chữ bình thường chạy qua các cột\n"
    assert not [b for b in read_text(text) if b.kind == "table"]


def test_a_plan_whose_appendix_pandoc_wrote_gives_its_tasks():
    plan = extract_bytes(plan_document("I. NHIỆM VỤ\n\nChi tiết tại Phụ lục kèm theo.", appendix=MULTILINE).encode(),
                         "plan.md")
    got = [(t["title"], t["lead"], t["support"], (t["deadline"] or {}).get("end")) for t in plan["tasks"]]
    assert got == [("Rà soát quy hoạch hạ tầng viễn thông", ["Sở Khoa học và Công nghệ"], ["Sở Tài chính"], "2026-09-30"),
                   ("Xây dựng cơ sở dữ liệu dùng chung", ["Sở Nội vụ"], ["Các sở, ngành"], "2026-12-31")]


TITLES = ["Rà soát, sửa đổi quy chế phối hợp trong quản lý hạ tầng", "Tổ chức tập huấn kỹ năng số cho cán bộ",
          "Xây dựng kho dữ liệu dùng chung của tỉnh", "Đánh giá, sơ kết việc thực hiện Kế hoạch"]
LEADS = ["Sở Khoa học và Công nghệ", "Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch"]
SUPPORTS = ["Các sở, ban, ngành", "Sở Tài chính", "Ủy ban nhân dân các xã, phường", ""]
DEADLINES = ["Quý IV/2026", "Năm 2026", "Thường xuyên", "Tháng 6/2026"]


def _pandoc_multiline(header: list[str], rows: list[list[str]], widths: list[int], indent: int = 2) -> str:
    """A multiline table as pandoc sets it: each cell wrapped to its column's width, a space between columns."""
    def lines(cells: list[str]) -> list[str]:
        wrapped = [textwrap.wrap(c, w) or [""] for c, w in zip(cells, widths, strict=True)]
        return [" " * indent + " ".join(col[k].ljust(w) if k < len(col) else " " * w for col, w in zip(wrapped, widths,
                                                                                                         strict=True)).rstrip()
                for k in range(max(map(len, wrapped)))]
    rule = " " * indent + "-" * (sum(widths) + len(widths) - 1)
    out = [rule, *lines(header), " " * indent + " ".join("-" * w for w in widths)]
    for r in rows:
        out += [*lines(r), ""]
    return "\n".join([*out[:-1], rule, ""])


@pytest.mark.parametrize("seed", range(12))
def test_generated_multiline_tables_round_trip(seed):
    rnd = random.Random(seed)
    order = rnd.sample(range(4), 4)  # the columns after the number, in any order
    names = ["Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    values = [TITLES, LEADS, SUPPORTS, DEADLINES]
    widths = [rnd.randint(3, 6)] + [rnd.randint(12, 26) for _ in order]
    rows = [[str(n + 1)] + [rnd.choice(values[k]) for k in order] for n in range(rnd.randint(2, 5))]
    text = _pandoc_multiline(["TT"] + [names[k] for k in order], rows, widths, indent=rnd.choice([0, 2]))
    assert _table(text)[1:] == rows
