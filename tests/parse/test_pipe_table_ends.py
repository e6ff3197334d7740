"""Where a pipe table with no outer pipes ends (parse/pipes_bare.py), as html2text writes a web page's table:
each row's line ends in a Markdown hard break (two spaces), a cell merged across the row is a line with
no pipe, and text the page sets right after the table (a text node, no paragraph) follows its last row
with no blank line between. Such text is no row of the table; a row of one cell is."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes
from kehoach.parse.text import read_text

from .test_pipe_tables import COLUMNS, HEAD, TASKS

TABLE = "TT| Nội dung| Chủ trì  \n---|---|---  \n1| Làm A| Sở A  \n2| Làm B| Sở B  \n"


def _read(text: str) -> tuple[list[list[str]], list[str], list[str]]:
    """The table's rows, the paragraphs, and the doubts of the table's rows."""
    blocks = read_text(text)
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1, [b.kind for b in blocks]
    rows = [[" / ".join(c) for c in r.cells] for r in tables[0].rows]
    return rows, [b.text for b in blocks if b.kind == "para"], [code for r in tables[0].rows for code, _ in r.doubts]


@pytest.mark.parametrize("text, last, paras, doubts", [
    # text right under the table (a page's text node after it): a paragraph, doubted when it goes on in lower case
    (TABLE + "Ghi chú: các đơn vị báo cáo kết quả.\n", ["2", "Làm B", "Sở B"], ["Ghi chú: các đơn vị báo cáo kết quả."], []),
    (TABLE + "ghi chú sau bảng\n", ["2", "Làm B", "Sở B"], ["ghi chú sau bảng"], ["table-text-outside"]),
    (TABLE + "Nơi nhận | Sở A\n", ["2", "Làm B", "Sở B"], ["Nơi nhận | Sở A"], []),   # a pipe, short of the cells
    # a cell merged across the row: no pipe, but a hard break ends it
    (TABLE + "II. Nhóm hai  \n3| Làm C| Sở C  \n", ["3", "Làm C", "Sở C"], [], []),
    # the last row with no hard break: a line under it it could go on in is joined, and doubted when a wrap
    # would have put its first word on the row's line
    (TABLE.rstrip() + "\nGhi chú sau bảng\n", ["2", "Làm B", "Sở B Ghi chú sau bảng"], [], ["table-text-outside"]),
    # a prose line with a pipe right above the header: no header of the table
    ("Xem thêm | tại cổng thông tin\n" + TABLE, ["2", "Làm B", "Sở B"], ["Xem thêm | tại cổng thông tin"], []),
    ("Xem thêm | tại cổng thông tin\nvà trang của sở.\n" + TABLE, ["2", "Làm B", "Sở B"],
     ["Xem thêm | tại cổng thông tin và trang của sở."], []),
])
def test_where_a_table_with_hard_breaks_ends(text, last, paras, doubts):
    rows, got_paras, got_doubts = _read(text)
    assert rows[-1] == last
    assert got_paras == paras
    assert got_doubts == doubts


@pytest.mark.parametrize("text, rows", [
    # hard breaks stripped: a group's name alone on its line after a row that has every cell opens a row
    ("TT| Nội dung| Chủ trì\n---|---|---\n1| Làm A| Sở Nông nghiệp và Môi trường\nII. Nhóm hai\n3| Làm C| Sở C\n",
     [["TT", "Nội dung", "Chủ trì"], ["1", "Làm A", "Sở Nông nghiệp và Môi trường"], ["II. Nhóm hai"], ["3", "Làm C", "Sở C"]]),
    # the same where no column numbers the rows, the group's line short of the table's width
    ("Chủ trì| Nội dung\n---|---\nSở A| Xây dựng cơ sở dữ liệu đất\nđai\nII. Nhóm hai\nSở C| Làm C\n",
     [["Chủ trì", "Nội dung"], ["Sở A", "Xây dựng cơ sở dữ liệu đất đai"], ["II. Nhóm hai"], ["Sở C", "Làm C"]]),
])
def test_a_group_line_with_no_pipe_is_a_row_of_its_own(text, rows):
    assert _read(text)[0] == rows


AFTER = ["", "ghi chú: các đơn vị báo cáo kết quả", "Ghi chú: các đơn vị báo cáo kết quả về Sở Nội vụ",
         "<p>Đoạn văn sau bảng.</p>", "Nơi nhận | Sở A"]


def _page(rng: random.Random) -> tuple[str, list[tuple]]:
    """A web page's task table (columns in any order; group rows numbered or not, merged across the row, whatever
    column comes first, or with empty cells) and what may follow it; the tasks it holds."""
    order = ["no", "title", "lead", "support", "deadline"]
    rng.shuffle(order)
    groups = rng.random() < 0.5
    names = ["I. Nhóm nhiệm vụ 1", "II. Nhóm nhiệm vụ 3"] if rng.random() < 0.5 else ["Nhóm nhiệm vụ 1", "Nhóm nhiệm vụ 3"]
    rows = ["<tr>" + "".join(f"<th>{COLUMNS[c]}</th>" for c in order) + "</tr>"]
    for k, (title, lead, support, deadline) in enumerate(TASKS, 1):
        if groups and k in (1, 3):
            group = names[k // 2]
            rows.append(f"<tr><td colspan={len(order)}>{group}</td></tr>" if rng.random() < 0.7
                        else "<tr>" + "".join(f"<td>{group if c == 'title' else ''}</td>" for c in order) + "</tr>")
        task = {"no": str(k), "title": title, "lead": lead, "support": support, "deadline": deadline}
        rows.append("<tr>" + "".join(f"<td>{task[c]}</td>" for c in order) + "</tr>")
    expected = [(str(k), ((names[0] if k < 3 else names[1]) if groups else None), title,
                 [lead], [support] if support else [], deadline) for k, (title, lead, support, deadline) in enumerate(TASKS, 1)]
    return "<table>" + "".join(rows) + "</table>" + rng.choice(AFTER), expected


@pytest.mark.parametrize("seed", range(80))
def test_html2text_of_a_page_gives_its_tasks(seed):
    """html2text itself over generated pages, wrapped at its default width, at none, or at 30 to 120 characters:
    every task right (before: the text after the table read as a row, a group's name joined to a row's cell)."""
    html2text = pytest.importorskip("html2text")
    rng = random.Random(seed)
    page, expected = _page(rng)
    converter = html2text.HTML2Text()
    converter.body_width = rng.choice([0, 78, rng.randint(30, 120)])
    plan = extract_bytes((HEAD + converter.handle(page)).encode(), "plan.md")
    got = [(t["no"], t["group"], t["title"], [a.replace("Ủy ban nhân dân", "UBND") for a in t["lead"]],
            [a.replace("Ủy ban nhân dân", "UBND") for a in t["support"]], t["deadline"]["text"]) for t in plan["tasks"]]
    assert got == expected


@pytest.mark.parametrize("seed", range(40))
def test_a_web_page_gives_its_tasks_whatever_column_comes_first(seed):
    """The same pages read as HTML: a group row merged across the row is read as the group whatever column the
    table opens with (before: under a first column of leads or times it was a task with no title, or joined the
    row above)."""
    rng = random.Random(seed)
    page, expected = _page(rng)
    head = "".join(f"<p>{line}</p>" for line in HEAD.splitlines() if line)
    plan = extract_bytes(f"<html><body>{head}{page}</body></html>".encode(), "plan.html")
    got = [(t["no"], t["group"], t["title"], [a.replace("Ủy ban nhân dân", "UBND") for a in t["lead"]],
            [a.replace("Ủy ban nhân dân", "UBND") for a in t["support"]], t["deadline"]["text"]) for t in plan["tasks"]]
    assert got == expected


def _first_column_rows(first: str, label: str) -> list[tuple]:
    """A web page's table opening with the ``first`` column, a row of one cell merged across it (``label``) between
    its two rows: the tasks (number, group, title, lead, deadline)."""
    cells = {"lead": ("Sở Nội vụ", "Sở Tư pháp"), "deadline": ("Quý I/2026", "Năm 2026")}[first]
    other = "deadline" if first == "lead" else "lead"
    rows = [f"<tr><th>{COLUMNS[first]}</th><th>TT</th><th>Nội dung</th><th>{COLUMNS[other]}</th></tr>",
            f"<tr><td>{cells[0]}</td><td>1</td><td>Rà soát thủ tục hành chính</td><td>{dict(lead='Sở Y tế', deadline='Năm 2027')[other]}</td></tr>",
            f"<tr><td colspan=4>{label}</td></tr>",
            f"<tr><td>{cells[1]}</td><td>2</td><td>Kiểm tra việc thực hiện</td><td>{dict(lead='Sở Y tế', deadline='Năm 2027')[other]}</td></tr>"]
    head = "".join(f"<p>{line}</p>" for line in HEAD.splitlines() if line)
    plan = extract_bytes(f"<html><body>{head}<table>{''.join(rows)}</table></body></html>".encode(), "plan.html")
    return [(t["no"], t["group"], t["title"], t["lead"], t["deadline"]["text"]) for t in plan["tasks"]]


@pytest.mark.parametrize("first", ["lead", "deadline"])
def test_a_group_label_with_no_number_across_a_table_opening_with_another_column(first):
    """"Nhóm nhiệm vụ chuyển đổi số" (no number) merged across a table whose first column holds leads or times: the
    group of the rows under it (before: joined to the row above's first cell, warned table-row-joined)."""
    got = _first_column_rows(first, "Nhóm nhiệm vụ chuyển đổi số")
    assert [(no, group) for no, group, *_ in got] == [("1", None), ("2", "Nhóm nhiệm vụ chuyển đổi số")]
    assert got[0][3] == (["Sở Nội vụ"] if first == "lead" else ["Sở Y tế"])


@pytest.mark.parametrize("first, label", [("lead", "Văn phòng Ủy ban nhân dân tỉnh"), ("deadline", "Hằng năm"),
                                          ("deadline", "Quý III/2026"), ("deadline", "Trước ngày 30/6/2026"),
                                          ("deadline", "Tháng 3 năm 2026"), ("deadline", "Theo kế hoạch"),
                                          ("deadline", "Sau khi có hướng dẫn của Bộ")])
def test_a_value_of_the_first_column_alone_on_a_row_names_no_group(first, label):
    """An agency's name alone under a first column of leads, a time alone under one of times: what that column holds,
    maybe its cell going on from the row above (a page cut it), no group's name."""
    assert all(group is None for _no, group, *_ in _first_column_rows(first, label))
