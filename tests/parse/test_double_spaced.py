"""Text with a blank line after every line (the docx2txt package's text of a Word file: each paragraph and table
cell, an empty one as one more blank pair) reads as the word processor's export it stands for: a paragraph a
line, a table one cell a line; locations stay those of the text as given. The real plans through docx2txt are in
tests/real/renditions (tests/test_real_renditions.py)."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes
from kehoach.parse.spacing import single_spaced
from kehoach.parse.text import read_text
from tests.plandoc import plan_document

BODY = ("I. MỤC ĐÍCH\nBảo đảm thực hiện đồng bộ các nhiệm vụ.\nII. NHIỆM VỤ\n"
        "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.")
HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
ROWS = [["1", "Rà soát quy hoạch hạ tầng", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quý III/2026"],
        ["2", "Xây dựng cơ sở dữ liệu dùng chung", "Sở Nội vụ", "", "Năm 2026"],
        ["3", "Tập huấn kỹ năng số cho cán bộ", "Sở Nội vụ", "Các sở, ngành", ""]]


def _double(text: str) -> str:
    """``text`` as docx2txt sets it: each line then a blank line (an empty line is an empty paragraph or cell)."""
    return "".join(f"{line}\n\n" for line in text.split("\n"))


def _tasks(plan: dict) -> list[tuple]:
    return [(t["title"], t["lead"], t["support"], (t["deadline"] or {}).get("end")) for t in plan["tasks"]]


def _one_cell_a_line() -> str:
    cells = "\n".join(c for row in [HEADER, *ROWS] for c in row)
    return plan_document(BODY, appendix=cells).replace("\n\n", "\n")


def test_a_double_spaced_plan_reads_as_its_single_spaced_text():
    single = _one_cell_a_line()
    want = _tasks(extract_bytes(single.encode(), "plan.txt"))
    assert [t[0] for t in want] == [r[1] for r in ROWS]  # the single-spaced text itself is read right
    double = _double(single)
    plan = extract_bytes(double.encode(), "plan.txt")
    assert _tasks(plan) == want
    lines = double.split("\n")
    for task, row in zip(plan["tasks"], ROWS, strict=True):  # each task's line is its own in the text given
        assert lines[task["loc"]["line"] - 1] == row[0]


@pytest.mark.parametrize("seed", range(8))
def test_single_spaced_undoes_the_double_spacing(seed):
    rnd = random.Random(seed)
    lines = [rnd.choice(["", "Sở Nội vụ", "1", "Quý IV/2026", "Nội dung", "Thường xuyên"]) for _ in range(40)]
    lines.append("Kết thúc")
    got = single_spaced(_double("\n".join(lines)).split("\n"))
    assert got is not None
    kept, where = got
    assert kept[:len(lines)] == lines and not any(kept[len(lines):])
    assert len(where) == len(kept)


@pytest.mark.parametrize("text", [
    _one_cell_a_line(),  # single-spaced
    "\n\n".join(f"{k}. Đoạn văn thứ {k} của kế hoạch,\nxuống dòng giữa câu." for k in range(1, 30)),  # wrapped paragraphs
    "\n\n\n\n".join(f"Đoạn {k}" for k in range(30)),  # three blank lines between paragraphs: no double spacing
])
def test_other_texts_are_left_as_they_are(text):
    assert single_spaced(text.split("\n")) is None


def test_one_line_paragraphs_apart_are_read_as_they_are():
    # double-spaced by the test's measure, but no table written one cell a line: the blank lines part paragraphs
    text = "\n\n".join(["KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2026", "I. NHIỆM VỤ", "Bảo đảm an toàn thông tin",
                         "Tăng cường hợp tác quốc tế"] * 6)
    blocks = read_text(text)
    assert "Bảo đảm an toàn thông tin" in [b.text for b in blocks]
