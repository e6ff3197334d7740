"""Group rows of a table flattened to one cell a line ("I. Kinh tế", "II. Xã hội" written with their
number in one cell), as LibreOffice's text export writes them (an empty cell a blank line), as a
crawler's get_text writes them (empty cells left out) and as mammoth's Markdown does (a cell a paragraph, empty
ones left out, the group's number escaped: "II\\. Xã hội số"). The second group's line looks like a section
heading of the plan: the table went on under it, and its rows were lost without a warning."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes
from kehoach.parse.text import read_text

from .test_pipe_tables import HEAD

TASKS = [("Tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%", "Văn phòng UBND tỉnh", "Năm 2026"),
         ("Kinh tế số chiếm 30% GRDP", "Sở Tài chính", "Năm 2030"),
         ("Tỷ lệ người dân có tài khoản định danh điện tử đạt 90%", "Công an tỉnh", "Quý IV/2026"),
         ("Tỷ lệ doanh nghiệp ứng dụng nền tảng số đạt 60%", "Sở Khoa học và Công nghệ", "Năm 2027"),
         ("Phủ sóng di động 5G đến các khu dân cư", "Sở Khoa học và Công nghệ", "Năm 2028")]
GROUPS = {0: "Chính quyền số", 2: "Kinh tế số", 3: "Xã hội số"}


def _plan(rng: random.Random, flat: str) -> str:
    """The plan with its appendix table as a pipe table (``flat`` "") or flattened one cell a line,
    an empty cell a blank line ("blank") or left out ("none")."""
    header = ["TT", "Chỉ tiêu", "Cơ quan chủ trì", "Thời gian hoàn thành"]
    letters = rng.choice([("I", "II", "III"), ("A", "B", "C")])
    rows, n, g = [header], 0, 0
    for k, (title, lead, when) in enumerate(TASKS):
        if k in GROUPS:
            rows.append(["", f"{letters[g]}. {GROUPS[k]}", "", ""])
            g, n = g + 1, 0
        n += 1
        rows.append([str(n), title, lead, when])
    if not flat:
        table = [" | ".join(rows[0]), " | ".join(["---"] * 4)] + [" | ".join(r) for r in rows[1:]]
        return HEAD + "\n".join(f"| {line} |" for line in table) + "\n"
    if flat == "mammoth":  # mammoth's Markdown of a Word table: a cell a paragraph, empty ones left out, escapes
        cells = [c.replace(". ", "\\. ", 1) if c.split(".", 1)[0] in letters else c for r in rows for c in r if c]
        head = [line for line in HEAD.split("\n") if line.strip()]
        return "\n\n".join(head + cells) + "\n\nNơi nhận:\n\n\\- Như trên;\n"
    cells = [c for r in rows for c in r if c or flat == "blank"]
    return HEAD + "\n".join(cells) + "\n\nNơi nhận:\n- Như trên;\n"


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("flat", ["blank", "none", "mammoth"])
def test_group_rows_of_a_flattened_table(seed, flat):
    rng = random.Random(seed)
    state = rng.getstate()
    plan = extract_bytes(_plan(rng, flat).encode(), "plan.md" if flat == "mammoth" else "plan.txt")
    rng.setstate(state)
    piped = extract_bytes(_plan(rng, "").encode(), "plan.md")

    def tasks(p):
        return [(t["no"], t["group"], t["title"], t["lead"], t["deadline"]["text"]) for t in p["tasks"]]

    assert [t[2] for t in tasks(piped)] == [t[0] for t in TASKS]
    assert tasks(plan) == tasks(piped)
    assert [t["group"] for t in plan["tasks"]][-1].endswith("Xã hội số")


def test_a_first_group_ends_the_header():
    """Not a second header row under the first ("I. Nhóm" under "Nội dung" after a blank line)."""
    (table,) = [b for b in read_text("TT\nNội dung\nChủ trì\n\nI. Nhóm một\n\n1\nLàm A\nSở A\n\nII. Nhóm hai\n\n1\nLàm B\nSở B\n")
                if b.kind == "table"]
    assert [r.cells for r in table.rows] == [
        [["TT"], ["Nội dung"], ["Chủ trì"]], [[], ["I. Nhóm một"], []], [["1"], ["Làm A"], ["Sở A"]],
        [[], ["II. Nhóm hai"], []], [["1"], ["Làm B"], ["Sở B"]]]


def test_a_section_heading_after_the_table_still_ends_it():
    """"II. TỔ CHỨC THỰC HIỆN" after a table whose groups are letters, or with no group: not a group row."""
    for text in ("TT\nNội dung\nChủ trì\nA. Nhóm\n1\nLàm A\nSở A\nII. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện.\n",
                 "TT\nNội dung\nChủ trì\n1\nLàm A\nSở A\n\nII. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện.\n"):
        blocks = read_text(text)
        (table,) = [b for b in blocks if b.kind == "table"]
        assert table.rows[-1].cells == [["1"], ["Làm A"], ["Sở A"]]
        assert [b.text for b in blocks if b.kind == "para"][-2:] == ["II. TỔ CHỨC THỰC HIỆN", "Các sở thực hiện."]


@pytest.mark.parametrize("text", ["TT\nNội dung\nChủ trì\n", "TT\nNội dung\nChủ trì\n\n", "TT\nNội dung\n\nI. Nhóm"])
def test_a_header_at_the_end_of_the_text(text):
    """A numbering column's header with nothing after it (a text cut short): no table, no crash."""
    assert not [b for b in read_text(text) if b.kind == "table"]
