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
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.cell_para = []
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
            if any(self.row):
                self.out.append("\t".join(self.row) + ("\t" if len(self.row) == 1 else ""))
            self.row = None
        elif tag == "table":
            self.out.append("")
        elif self.cell is not None and tag in ("p", "div", "li"):
            self._end_cell_para()
        elif tag in _BLOCK or tag == "li":
            self._end_line()

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell_para.append(data.replace("\t", " ").replace("<", "‹"))
        else:
            self.line.append(data.replace("\t", " "))


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
