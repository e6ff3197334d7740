"""HTML tables written as raw HTML inside Markdown (CommonMark writers keep a table Markdown cannot hold so: pandoc's
``-t commonmark`` or ``-t markdown_strict`` of a web page; the real plans' pages so are in
tests/real/renditions, through tests/test_real_renditions.py): read as the web page's table, every line after it
keeping its number."""

from __future__ import annotations

from kehoach import extract_bytes
from kehoach.parse.html import html_tables_in_text
from tests.plandoc import plan_document

TABLE = """<table>
<tbody>
<tr class="odd">
<td>TT</td>
<td>Nội dung nhiệm vụ</td>
<td>Cơ quan chủ trì</td>
<td>Thời gian</td>
</tr>
<tr class="even">
<td>1</td>
<td>Rà soát quy hoạch<br />
hạ tầng viễn thông</td>
<td>Sở Khoa học và Công nghệ</td>
<td>Quý III/2026</td>
</tr>
<tr class="odd">
<td>2</td>
<td>Xây dựng cơ sở dữ liệu</td>
<td>Sở Nội vụ</td>
<td>Năm 2026</td>
</tr>
</tbody>
</table>"""


def test_a_raw_html_table_in_markdown_gives_its_tasks_and_the_lines_keep_their_numbers():
    text = plan_document("I. NHIỆM VỤ\n\nChi tiết tại Phụ lục kèm theo.", appendix=TABLE + "\n\nGhi chú cuối bảng.")
    plan = extract_bytes(text.encode(), "plan.md")
    assert [(t["title"], t["lead"], t["deadline"]["text"]) for t in plan["tasks"]] == [
        ("Rà soát quy hoạch hạ tầng viễn thông", ["Sở Khoa học và Công nghệ"], "Quý III/2026"),
        ("Xây dựng cơ sở dữ liệu", ["Sở Nội vụ"], "Năm 2026")]
    lines = text.split("\n")
    assert plan["tasks"][0]["loc"]["line"] == lines.index("<table>") + 2  # the row's line: the table's second
    assert html_tables_in_text(text).split("\n")[lines.index("Ghi chú cuối bảng.")] == "Ghi chú cuối bảng."
    assert len(html_tables_in_text(text).split("\n")) == len(lines)


def test_what_is_left_as_written():
    one_line = "Trước\n<table><tr><td>1</td></tr><tr><td>2</td></tr></table>\nSau\n"  # more rows than lines
    beside = "Trước\n<table>\n<tr><td>1</td></tr>\n</table> và chữ sau bảng\n"      # text after it on its line
    unclosed = "<table>\n" * 1000 + "Hết\n"                                             # no end
    for text in (one_line, beside, unclosed):
        assert html_tables_in_text(text) == text
