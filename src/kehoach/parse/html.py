"""Reader for HTML pages and fragments: turns them into the text layout :mod:`text` reads.

Block elements become lines, list items become "- " bullets, tables become tab-separated rows
whose cells keep their paragraphs as ``<p>…</p>``. Scripts, styles and navigation are dropped.
"""

from __future__ import annotations

from html.parser import HTMLParser

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

    def _end_line(self) -> None:
        text = " ".join("".join(self.line).split())
        if text:
            self.out.append(text)
        self.line = []

    def _end_cell_para(self) -> None:
        if self.cell is not None:
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
                self.cell_para.append("- ")
        elif tag == "br":
            self._end_line()
        elif tag == "li":
            self._end_line()
            self.line.append("- ")
        elif tag in _BLOCK:
            self._end_line()

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
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
        if self.cell is not None:
            self.cell_para.append(data.replace("\t", " ").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        else:
            self.line.append(data.replace("\t", " "))


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
