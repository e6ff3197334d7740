"""Markdown pipe tables written with or without outer pipes (parse/pipes.py): html2text and some
crawlers write ``TT| Nội dung| Chủ trì`` over ``---|---|---``, and a row's pipe at an end parts an
empty cell. Both ways of writing one table give the same rows and the same tasks."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes
from kehoach.parse.text import read_text


def _cells(text: str) -> list[list[str]]:
    tables = [b for b in read_text(text) if b.kind == "table"]
    assert len(tables) == 1, [b.kind for b in read_text(text)]
    return [[" / ".join(c) for c in r.cells] for r in tables[0].rows]


@pytest.mark.parametrize("text, rows", [
    ("TT| Nội dung| Chủ trì  \n---|---|---  \n1| Làm A| Sở A  \n2| Làm B| Sở B  \n",
     [["TT", "Nội dung", "Chủ trì"], ["1", "Làm A", "Sở A"], ["2", "Làm B", "Sở B"]]),
    # html2text's group row: the empty number before the first pipe, the empty lead after the last
    ("TT| Nội dung| Chủ trì\n---|---|---\n| I. Nhóm một|   \n1| Làm A| Sở A\n",
     [["TT", "Nội dung", "Chủ trì"], ["", "I. Nhóm một", ""], ["1", "Làm A", "Sở A"]]),
    # spaced, aligned separators; an escaped pipe stays in its cell; <br> parts a cell's paragraphs
    ("STT | Nội dung | Chủ trì\n:--- | :---: | ---:\n1 | Làm A \\| B | Sở A<br>Sở B\n",
     [["STT", "Nội dung", "Chủ trì"], ["1", "Làm A | B", "Sở A / Sở B"]]),
])
def test_a_pipe_table_without_outer_pipes(text, rows):
    assert _cells(text) == rows


@pytest.mark.parametrize("text", [
    "Sở A | Sở B phối hợp thực hiện.\nTriển khai trong năm 2026.\n",   # pipes in a sentence, no separator under it
    "TT| Nội dung| Chủ trì\n---|---\n1| Làm A| Sở A\n",                  # a separator of another width
    "Nội dung\n---|---\n",                                               # a header of one cell
    "TT| Nội dung| Chủ trì |\n---|---|---\n1| Làm A| Sở A\n",             # one outer pipe, not the other
])
def test_what_is_no_pipe_table(text):
    assert not [b for b in read_text(text) if b.kind == "table"]


def test_the_table_ends_at_a_blank_line():
    blocks = read_text("TT| Nội dung\n---|---\n1| Làm A\n\nĐoạn văn sau bảng | có gạch đứng.\n")
    assert [b.kind for b in blocks] == ["table", "para"]
    assert blocks[1].text == "Đoạn văn sau bảng | có gạch đứng."


HEAD = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM

Số: 12/KH-UBND

Hà Nam, ngày 5 tháng 3 năm 2026

KẾ HOẠCH

Triển khai nhiệm vụ năm 2026

I. MỤC ĐÍCH

Bảo đảm thực hiện đúng tiến độ.

II. TỔ CHỨC THỰC HIỆN

Nhiệm vụ cụ thể tại Phụ lục kèm theo.

PHỤ LỤC

"""
COLUMNS = {"no": "TT", "title": "Nội dung nhiệm vụ", "lead": "Cơ quan chủ trì", "support": "Cơ quan phối hợp",
           "deadline": "Thời gian hoàn thành"}
TASKS = [("Rà soát thủ tục hành chính", "Sở Tư pháp", "Các sở, ngành", "Quý II/2026"),
         ("Xây dựng cơ sở dữ liệu đất đai", "Sở Nông nghiệp và Môi trường", "Sở Tài chính", "Tháng 9/2026"),
         ("Tổ chức tập huấn cho cán bộ", "Sở Nội vụ", "UBND các xã, phường", "Năm 2026"),
         ("Kiểm tra việc thực hiện", "Văn phòng UBND tỉnh", "", "Thường xuyên")]


def _table(rng: random.Random, outer: bool) -> str:
    order = ["no", "title", "lead", "support", "deadline"]
    rng.shuffle(order)
    rows = [[COLUMNS[c] for c in order]]
    groups = rng.random() < 0.5
    for k, (title, lead, support, deadline) in enumerate(TASKS, 1):
        if groups and k in (1, 3):
            group = f"{'I' if k == 1 else 'II'}. Nhóm nhiệm vụ {k}"
            rows.append([group if c == "title" else "" for c in order])  # a group row: its title alone
        task = {"no": str(k), "title": title, "lead": lead, "support": support, "deadline": deadline}
        rows.append([task[c] for c in order])
    pad = " " * rng.randint(0, 2)
    lines = []
    for i, row in enumerate(rows):
        line = f"{pad}|{pad}".join(row)
        lines.append(f"|{pad}{line}{pad}|" if outer else line + rng.choice(["", "  "]))
        if i == 0:
            sep = "|".join(rng.choice(["---", ":---", "---:", ":--:"]) for _ in order)
            lines.append(f"|{sep}|" if outer else sep)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(40))
def test_a_table_gives_the_same_tasks_with_and_without_outer_pipes(seed):
    rng = random.Random(seed)
    state = rng.getstate()
    with_pipes = extract_bytes((HEAD + _table(rng, True)).encode(), "plan.md")
    rng.setstate(state)
    without = extract_bytes((HEAD + _table(rng, False)).encode(), "plan.md")

    def tasks(plan):
        return [(t["no"], t["group"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"]]

    assert len(with_pipes["tasks"]) == len(TASKS)
    assert tasks(without) == tasks(with_pipes)
    assert [t[2] for t in tasks(without)] == [t[0] for t in TASKS]


@pytest.mark.parametrize("text, rows", [
    # a cell wrapped inside: its lines joined by a space
    ("| TT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Rà soát thủ tục\nhành chính | Sở Tư pháp |\n",
     [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp"]]),
    # the wrap before a pipe (the next line opens with one), and after one (this line closes with one)
    ("| TT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Làm A\n| Sở A |\n| 2 | Làm B |\nSở B |\n",
     [["TT", "Nội dung", "Chủ trì"], ["1", "Làm A", "Sở A"], ["2", "Làm B", "Sở B"]]),
    # the wrap took an empty cell's spaces ("| Sở A |  | Quý I/2026 |"): the empty cell comes back
    ("| TT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n| 1 | Làm A | Sở A |\n| Quý I/2026 |\n"
     "| 2 | Làm B | Sở B | Sở C | Năm\n2026 |\n",
     [["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"], ["1", "Làm A", "Sở A", "", "Quý I/2026"],
      ["2", "Làm B", "Sở B", "Sở C", "Năm 2026"]]),
    # every line opens and closes with a pipe: nothing was wrapped, a short row stays short
    ("| TT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n| 1 | Làm A | Sở A |\n| 2 | Làm B |\n",
     [["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"], ["1", "Làm A", "Sở A"], ["2", "Làm B"]]),
    # no separator, the header wrapped; a group row written short stays a row of its own
    ("| TT | Nội dung | Chủ trì | Thời\ngian |\n| I | Nhóm một |\n| 1 | Làm A | Sở A |\nNăm 2026 |\n",
     [["TT", "Nội dung", "Chủ trì", "Thời gian"], ["I", "Nhóm một"], ["1", "Làm A", "Sở A", "Năm 2026"]]),
    # a hard wrap at a width (every line a row goes on from as long as the longest): cut inside words
    ("| TT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Rà soát thủ tục hà\nnh chính | Sở Tư pháp |\n"
     "| 2 | Xây dựng đề án | Sở T\nài chính; Sở Y tế |\n",
     [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp"],
      ["2", "Xây dựng đề án", "Sở Tài chính; Sở Y tế"]]),
    # rows that do not close with a pipe are one row a line (nothing is wrapped)
    ("| TT | Nội dung | Chủ trì\n|---|---|---\n| 1 | Làm A | Sở A\n| 2 | Làm B | Sở B\n",
     [["TT", "Nội dung", "Chủ trì"], ["1", "Làm A", "Sở A"], ["2", "Làm B", "Sở B"]]),
])
def test_a_pipe_table_wrapped_at_a_fixed_width(text, rows):
    assert _cells(text) == rows


def test_a_line_after_a_closed_table_is_not_joined_to_it():
    blocks = read_text("| TT | Nội dung |\n|---|---|\n| 1 | Làm A |\nGhi chú: làm theo quy định.\n")
    assert [b.kind for b in blocks] == ["table", "para"]
    assert [[" / ".join(c) for c in r.cells] for r in blocks[0].rows][-1] == ["1", "Làm A"]


@pytest.mark.parametrize("seed", range(40))
def test_a_pipe_table_wrapped_at_any_width_gives_its_tasks(seed):
    """One row a line, then wrapped at 25 to 120 characters at spaces (a mail client, ``fold -s``), or
    hard at the width (odd seeds: inside words and numbers)."""
    import textwrap

    rng = random.Random(seed)
    table = _table(rng, True)
    width = random.Random(seed).randint(25, 120)
    if seed % 2:
        wrapped = "\n".join("\n".join(line[k:k + width] for k in range(0, len(line), width)) if line else line
                            for line in table.split("\n"))
    else:
        wrapped = "\n".join(textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
                            for line in table.split("\n"))
    assert wrapped != table or width >= max(map(len, table.split("\n")))

    def tasks(text):
        plan = extract_bytes((HEAD + text).encode(), "plan.md")
        return [(t["no"], t["group"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"]]

    assert tasks(wrapped) == tasks(table)
    assert len(tasks(table)) == len(TASKS)
