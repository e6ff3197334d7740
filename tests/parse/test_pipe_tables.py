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


def _html2text_table(rng: random.Random, width: int, stripped: bool) -> tuple[str, str]:
    """A table with no outer pipes as html2text writes it (cells joined by "| ", each row's line but
    the last ending in a Markdown hard break, two spaces), and that table wrapped at ``width`` as
    html2text wraps it by default (its 78 characters, at spaces, words never cut, a row's hard break
    kept at its last line). ``stripped``: every line's trailing spaces taken off (an editor, a copy)."""
    import textwrap

    rows = [line.split("|") for line in _table(rng, False).strip("\n").split("\n")]
    lines = [("|" if k == 1 else "| ").join(c.strip() for c in row) for k, row in enumerate(rows)]  # ("---|---")
    lines = [line + ("  " if k < len(lines) - 1 else "") for k, line in enumerate(lines)]
    one_a_line = "\n".join(line.rstrip() if stripped else line for line in lines) + "\n"
    out = []
    for line in lines:
        parts = textwrap.wrap(line, width, break_long_words=False) or [""]
        if line.endswith("  "):
            parts[-1] += "  "
        out += [p.rstrip() if stripped else p for p in parts]
    return one_a_line, "\n".join(out) + "\n"


@pytest.mark.parametrize("seed", range(60))
def test_a_table_without_outer_pipes_wrapped_as_html2text_wraps_it(seed):
    """html2text wraps a table's rows at its width like any paragraph ("1| Rà soát … với điều" / "kiện
    …| Sở Tài chính| Sở, ban, ngành|" / "Thường xuyên"): the rows end at the hard breaks; with those
    stripped, a row goes on while it has fewer cells than the header and the next line numbers no row.
    Widths from 25 to 120 characters; the same tasks as the table one row a line. (Not always so with
    the hard breaks stripped at the narrowest widths: a row's first line with no pipe whose first word
    would not have fitted on the line above reads as going on there, and the lead it cuts is warned.)"""
    rng = random.Random(seed)
    width, stripped = rng.randint(25, 120), seed % 3 == 0
    one_a_line, wrapped = _html2text_table(rng, width, stripped)
    assert wrapped != one_a_line or width >= max(len(line.rstrip()) for line in one_a_line.split("\n"))

    def tasks(text):
        plan = extract_bytes((HEAD + text).encode(), "plan.md")
        return [(t["no"], t["group"], t["title"], t["lead"], t["support"], t["deadline"]["text"]) for t in plan["tasks"]]

    assert tasks(one_a_line) == tasks(wrapped)
    assert [t[2] for t in tasks(wrapped)] == [t[0] for t in TASKS]


@pytest.mark.parametrize("text, rows", [
    # html2text: rows end at a hard break (two spaces), the last row at the table's end
    ("TT| Nội dung| Chủ trì  \n---|---|---  \n1| Rà soát thủ tục| Sở Tư  \n2| Xây dựng đề án về\nchuyển đổi số| Sở\nNội vụ\n",
     [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát thủ tục", "Sở Tư"], ["2", "Xây dựng đề án về chuyển đổi số", "Sở Nội vụ"]]),
    # hard breaks stripped: a line goes on in a row with fewer cells than the header, not after a group row
    ("TT| Nội dung| Chủ trì\n---|---|---\n| I. Nhóm một|\n1| Xây dựng đề án\nvề chuyển đổi số| Sở Nội\nvụ\n2| Làm B| Sở B\n",
     [["TT", "Nội dung", "Chủ trì"], ["", "I. Nhóm một", ""], ["1", "Xây dựng đề án về chuyển đổi số", "Sở Nội vụ"],
      ["2", "Làm B", "Sở B"]]),
])
def test_a_table_without_outer_pipes_wrapped(text, rows):
    assert _cells(text) == rows


def test_a_separator_line_is_never_joined_to_the_lines_under_it():
    """markitdown's pieces of a PDF's table: a row closes every piece's first line, a separator under it, then a
    group's name or a cell's overflow as a line of text. The separator is one line (or the pieces of it a hard wrap
    cut): the rows under the text were lost into it."""
    text = ("| TT | Nội dung | Chủ trì |\n| --- | --- | --- |\nI. Nhóm một\n| 1 | Làm A | Sở A |\n| --- | --- | --- |\n"
            "| 2 | Làm B | Sở B |\n")
    rows = [[" / ".join(c) for c in r.cells] for b in read_text(text) if b.kind == "table" for r in b.rows]
    assert rows == [["TT", "Nội dung", "Chủ trì"], ["1", "Làm A", "Sở A"], ["2", "Làm B", "Sở B"]]
    # a separator a hard wrap cut in two is still one
    assert _cells("| TT | Nội dung | Chủ trì |\n|-----|----------|\n-----|\n| 1 | Làm A | Sở A |\n") == \
        [["TT", "Nội dung", "Chủ trì"], ["1", "Làm A", "Sở A"]]


@pytest.mark.parametrize("after, warned", [
    ("nước sạch đạt 95%\n", True),                 # a cell's overflow printed under the table
    ("\nnước sạch đạt 95%\n", False),               # after a blank line: a paragraph of its own
    ("Ghi chú: số liệu năm 2025.\n", False),      # a line opening in capitals
])
def test_text_going_on_under_a_pipe_table_doubts_its_last_row(after, warned):
    for table in ("| TT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Tỷ lệ hộ gia đình có | Sở A |\n",
                  "TT| Nội dung| Chủ trì\n---|---|---\n1| Tỷ lệ hộ gia đình có| Sở A\n"):
        last = [b for b in read_text(table + after) if b.kind == "table"][0].rows[-1]
        assert [code for code, _ in last.doubts] == (["table-text-outside"] if warned else [])


_PAGED = """| TT | Nội dung nhiệm vụ | Cơ quan chủ trì |
|---|---|---|
| 1 | Rà soát thủ tục hành chính | Sở Tư pháp |
| 2 | Xây dựng cơ sở dữ liệu | Sở Nông nghiệp và Môi trường |
{between}| TT | Nội dung nhiệm vụ | Cơ quan chủ trì |
|---|---|---|
| | đất đai của tỉnh | |
| 3 | Tổ chức tập huấn cho cán bộ | Sở Nội vụ |
"""


@pytest.mark.parametrize("between, tables", [
    ("\n\n", 1),                        # a PDF converter's Markdown: a table a page, its header repeated
    ("\n", 1),
    ("\nPHỤ LỤC II\n\n", 2),             # a title between: another table
])
def test_a_table_cut_at_a_page_break_with_its_header_repeated_is_one_table(between, tables):
    text = _PAGED.format(between=between)
    assert sum(1 for b in read_text(text) if b.kind == "table") == tables
    plan = extract_bytes((HEAD + "PHÂN CÔNG NHIỆM VỤ ĐẾN NĂM 2030\n\n" + text).encode(), "plan.md")
    got = [(t["id"], t["title"], t["lead"]) for t in plan["tasks"]]
    if tables == 1:  # the row the break cut is joined back; the title's time is every row's deadline
        assert got == [("A1.1", "Rà soát thủ tục hành chính", ["Sở Tư pháp"]),
                       ("A1.2", "Xây dựng cơ sở dữ liệu đất đai của tỉnh", ["Sở Nông nghiệp và Môi trường"]),
                       ("A1.3", "Tổ chức tập huấn cho cán bộ", ["Sở Nội vụ"])]
        assert {t["deadline"]["end"] for t in plan["tasks"]} == {"2030-12-31"}


def test_a_different_header_right_under_a_table_opens_another():
    text = _PAGED.format(between="\n\n").replace("| TT | Nội dung nhiệm vụ | Cơ quan chủ trì |\n|---|---|---|\n| |",
                                                 "| STT | Chỉ tiêu | Đơn vị |\n|---|---|---|\n| |")
    assert sum(1 for b in read_text(text) if b.kind == "table") == 2


@pytest.mark.parametrize("cell, paragraphs", [
    # a PDF converter writes each printed line of a cell with <br>: the lines of one text
    ("Sở Nội vụ<br>hướng dẫn, kiểm tra việc thực<br>hiện", ["Sở Nội vụ hướng dẫn, kiểm tra việc thực hiện"]),
    ("Sở Tư pháp<br>Sở Nội vụ", ["Sở Tư pháp Sở Nội vụ"]),
])
def test_a_tables_line_breaks_that_wrap_its_cells_join_their_lines(cell, paragraphs):
    rows = "\n".join(f"| {k} | Xây dựng đề án<br>về chuyển đổi số<br>của tỉnh | {cell} |" for k in (1, 2))
    table = [b for b in read_text(f"| TT | Nội dung | Chủ trì |\n|---|---|---|\n{rows}\n") if b.kind == "table"][0]
    assert table.rows[1].cells[1:] == [["Xây dựng đề án về chuyển đổi số của tỉnh"], paragraphs]


def test_a_tables_line_breaks_between_paragraphs_part_them():
    """A cell's paragraphs (a web page's <br> between agencies, items) open in capitals or with a dash."""
    rows = "| 1 | Xây dựng đề án | Sở Tư pháp<br>Sở Nội vụ |\n| 2 | Làm B<br>- Bước một<br>- Bước hai | Sở A<br>a) Sở B |\n"
    table = [b for b in read_text(f"| TT | Nội dung | Chủ trì |\n|---|---|---|\n{rows}") if b.kind == "table"][0]
    assert [r.cells[1:] for r in table.rows[1:]] == [[["Xây dựng đề án"], ["Sở Tư pháp", "Sở Nội vụ"]],
                                                     [["Làm B", "- Bước một", "- Bước hai"], ["Sở A", "a) Sở B"]]]
