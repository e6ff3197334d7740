"""A printed table's header whose cells wrap in narrow columns (``pdftotext -layout``): the numbering column's "Số"
one space before the next header cell, "TT" on the line under it, and the groups' roman numbers one space from
their names as the rows' numbers are."""

from __future__ import annotations

import pytest

from kehoach.parse.aligned import aligned_table, is_header_line
from kehoach.parse.aligned_header import header_runs

HEADER = "Số Nội dung công việc Cơ quan chủ Phối hợp        Thời   Ghi"


def _line(*cells: tuple[int, str]) -> str:
    out = ""
    for at, text in cells:
        out = out.ljust(at) + text
    return out


TABLE = [  # columns at 0, 2, 22, 33, 49, 56 (the header's cells a character off, as printed)
    HEADER,
    _line((0, "TT"), (26, "trì"), (49, "hạn"), (56, "chú")),
    "I Xây dựng thể chế",
    _line((0, "1 Rà soát quy chế phối"), (23, "Sở An Hòa"), (49, "Năm"), (56, "Báo")),
    _line((4, "hợp giữa các cơ quan"), (49, "2027"), (56, "cáo")),
    _line((0, "2 Lập danh mục dữ liệu"), (23, "Sở Tân An"), (34, "Sở Hà Trung"), (49, "Quý"), (56, "Đề")),
    _line((4, "dùng chung"), (49, "I/2026"), (56, "án")),
]


@pytest.mark.parametrize("line, header", [
    (HEADER, True),  # three of its words in one run: "Số" and the cells one space apart parted
    ("Số TT   Nội dung   Cơ quan chủ trì   Thời gian", True),
    ("Số liệu tổng hợp của các sở   Năm 2025   Năm 2026", False),
])
def test_header_line_with_cells_one_space_apart(line, header):
    assert is_header_line(line) is header


def test_the_number_columns_first_line_is_a_cell_of_its_own():
    assert [t for _, _, t in header_runs(HEADER)][:2] == ["Số", "Nội dung công việc"]
    assert [t for _, _, t in header_runs("Số TT   Nội dung")] == ["Số TT", "Nội dung"]  # "Số TT" one cell still


def test_table_under_a_wrapped_header_with_bare_group_numbers():
    rows, _end = aligned_table(TABLE, 0)
    cells = [[" ".join(c) for c in row.cells] for row in rows]
    assert cells[0] == ["Số TT", "Nội dung công việc", "Cơ quan chủ trì", "Phối hợp", "Thời hạn", "Ghi chú"]
    assert cells[1][:2] == ["I", "Xây dựng thể chế"]
    assert [c[0] for c in cells[2:]] == ["1", "2"]
