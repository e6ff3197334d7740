"""Reader for HTML pages and fragments: turns them into the text layout :mod:`text` reads.

Block elements become lines, list items become "- " bullets, or the number a browser shows for an
ordered list's item ("I.", "1.", "a)": Word's automatic numbering saved as HTML is such lists),
tables become tab-separated rows whose cells keep their paragraphs as ``<p>…</p>``. Scripts,
styles and navigation are dropped.
"""

from __future__ import annotations

from html.parser import HTMLParser

from .docx_numbering import MAX_LIST_NUMBER, clamp_int, format_number

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
          "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "center", "table", "form"}
_SKIP = {"script", "style", "nav", "noscript", "template", "svg", "head", "button", "select"}


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.line: list[str] = []
        self.skip = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.cell_para: list[str] = []
        self.spans: list[tuple[int, int]] = []  # (colspan, rowspan) of each cell of the row
        self.below: dict[int, tuple[str, int]] = {}  # column -> (cell text, rows still covered)
        self.marked = False  # the line (or cell paragraph) holds only a list item's marker
        self.lists: list[list] = []  # open lists, innermost last: [number format or None, counter]

    def _end_line(self) -> None:
        if self.marked:  # a list item's marker waits for the item's first paragraph
            return
        text = " ".join("".join(self.line).split())
        if text:
            self.out.append(text)
        self.line = []

    def _end_cell_para(self) -> None:
        if self.cell is not None and not self.marked:
            text = " ".join("".join(self.cell_para).split())
            if text:
                self.cell.append(text)
            self.cell_para = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in ("ol", "ul", "menu"):
            self._open_list(tag, dict(attrs))
        if tag in _ITEM_ENDS:
            self._drop_marker()
        if tag == "tr":
            self._end_line()
            self.row = []
            self.spans = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.cell_para = []
            self.spans.append((_span(attrs, "colspan"), _span(attrs, "rowspan")))
        elif self.cell is not None and tag in ("p", "br", "div", "li"):
            self._end_cell_para()
            if tag == "li":
                self.cell_para.append(self._marker(dict(attrs)))
                self.marked = True
        elif tag == "br":
            self._end_line()
        elif tag == "li":
            self._end_line()
            self.line.append(self._marker(dict(attrs)))
            self.marked = True
        elif tag in _BLOCK:
            self._end_line()

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _ITEM_ENDS:
            self._drop_marker()
        if tag in ("ol", "ul", "menu") and self.lists:
            self.lists.pop()
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self._end_cell_para()
            self.row.append("".join(f"<p>{p}</p>" for p in self.cell))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            row = self._grid_row()
            if any(row):
                self.out.append("\t".join(row) + ("\t" if len(row) == 1 else ""))
            self.row = None
        elif tag == "table":
            self.out.append("")
            self.below = {}
        elif self.cell is not None and tag in ("p", "div", "li"):
            self._end_cell_para()
        elif tag in _BLOCK or tag == "li":
            self._end_line()

    def _drop_marker(self) -> None:
        """An item that ended (or gave way to another) before any text: its marker goes with it."""
        if self.marked:
            self.marked = False
            if self.cell is not None:
                self.cell_para = []
            else:
                self.line = []

    def _open_list(self, tag: str, attrs: dict) -> None:
        fmt = _LIST_TYPES.get(attrs.get("type") or "1", "decimal") if tag == "ol" else None
        self.lists.append([fmt, clamp_int(attrs.get("start"), 1, -MAX_LIST_NUMBER, MAX_LIST_NUMBER) - 1])

    def _marker(self, attrs: dict) -> str:
        """What a browser shows before a list item: its number in an ordered list, else a bullet."""
        if not self.lists or self.lists[-1][0] is None:
            return "- "
        current = self.lists[-1]
        current[1] = clamp_int(attrs.get("value"), current[1] + 1, -MAX_LIST_NUMBER, MAX_LIST_NUMBER)
        if current[1] < 1:
            return "- "
        label = format_number(current[1], current[0])
        return label + (") " if current[0] in ("lowerLetter", "lowerRoman") else ". ")

    def _grid_row(self) -> list[str]:
        """The row on the table's grid: a cell spanning columns is followed by empty cells, and a
        cell spanning rows is repeated in the rows it covers (a lead merged down leads each row)."""
        out: list[str] = []
        cells = list(zip(self.row or [], self.spans, strict=False))
        k = 0
        while k < len(cells) or any(col >= len(out) for col in self.below):
            col = len(out)
            if col in self.below:
                text, left = self.below[col]
                out.append(text)
                if left > 1:
                    self.below[col] = (text, left - 1)
                else:
                    del self.below[col]
                continue
            if k >= len(cells):
                out.append("")
                continue
            text, (colspan, rowspan) = cells[k]
            k += 1
            if rowspan > 1:
                self.below[col] = (text, rowspan - 1)
            out.append(text)
            out.extend("" for _ in range(colspan - 1))
        return out

    def handle_data(self, data):
        if self.skip:
            return
        if data.strip():
            self.marked = False
        if self.cell is not None:
            self.cell_para.append(data.replace("\t", " ").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        else:
            self.line.append(data.replace("\t", " "))


_ITEM_ENDS = {"li", "ol", "ul", "menu", "tr", "td", "th", "table"}
"""Tags before which a list item's marker no longer waits for its text."""
_LIST_TYPES = {"1": "decimal", "I": "upperRoman", "i": "lowerRoman", "A": "upperLetter", "a": "lowerLetter"}
"""HTML's ordered-list types as Word's number formats."""
MAX_SPAN = 100
"""Spans beyond this are not a plan's table (and would blow the grid up)."""


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    value = dict(attrs).get(name) or "1"
    return max(1, min(MAX_SPAN, int(value))) if value.strip().isdigit() else 1


def html_to_text(markup: str) -> str:
    """Flatten HTML into lines (paragraphs separated by blank lines) and tab-separated table rows."""
    parser = _Flattener()
    parser.feed(markup)
    parser.close()
    parser._end_line()
    lines: list[str] = []
    for line in parser.out:
        if "\t" in line:
            lines.append(line)
        else:
            lines.extend([line, ""])
    return "\n".join(lines)


def html_tables_in_text(text: str) -> str:
    """``text`` (Markdown or plain text) with each HTML table written in it as raw HTML (CommonMark writers keep a
    table Markdown cannot hold so: pandoc's ``-t commonmark`` of a page, a crawler's Markdown) made the tab-separated
    rows :func:`html_to_text` gives, on the table's first lines, blank lines after them: every other line keeps its
    number. A table must stand on its own lines (nothing else on its first and last); one whose rows are more than
    its lines (a table written on one line) is left as it is. Each table's end is looked for once (linear time)."""
    from .. import rx

    out: list[str] = []
    done = seen = 0  # the text up to ``done`` is in ``out``; every table opening before ``seen`` was looked at
    lower = text.lower()
    for m in rx.finditer(r"(?im)^[ \t]*<table\b", text):
        if m.start() < seen:
            continue  # inside the table before (a nested one, or an opening tag with no end of its own)
        close = lower.find("</table>", m.end())
        if close < 0:
            break  # no table ends further on
        end = text.find("\n", close)
        end = seen = len(text) if end < 0 else end
        if text[close + len("</table>"):end].strip():
            continue
        rows = [line for line in html_to_text(text[m.start():end]).split("\n") if line.strip()]
        lines = text.count("\n", m.start(), end) + 1
        if rows and len(rows) <= lines:
            out += [text[done:m.start()], "\n".join(rows + [""] * (lines - len(rows)))]
            done = end
    return "".join(out) + text[done:] if out else text
