"""A text rendition of a binary document, with where each line came from.

The DOCX and PDF readers write the document as the text layout :mod:`text` reads (paragraphs
separated by blank lines, tables as tab-separated rows with ``<p>`` cell paragraphs), so every
extractor works unchanged and the same plan gives the same result from any format. ``origins``
maps each rendition line back to the document (DOCX: paragraph number; PDF: page and line).
"""

from __future__ import annotations

from ..record import Record
from .blocks import Loc
from .letterspacing import unspace_text

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning


def _cell(paragraphs: list[str]) -> str:
    out = []
    for p in paragraphs:
        p = " ".join(unspace_text(p.replace("\t", " ")).split())  # "K Ế  H O Ạ C H" while its double spaces stand
        if p:
            # entities, decoded again by the normaliser: "< 2" stays "< 2"
            out.append(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('|', '&#124;')}</p>")
    return "".join(out)


class Rendition(Record):
    """The rendition's ``lines`` and each one's origin; ``pages``: a PDF's page count;
    ``image_pages``: PDF pages that hold images and no text (scanned pages among text pages)."""

    __slots__ = ("lines", "origins", "warnings", "pages", "image_pages")

    def __init__(self, lines: list[str] | None = None, origins: list[Loc] | None = None,
                 warnings: list[PlanWarning] | None = None, pages: int | None = None,
                 image_pages: list[int] | None = None) -> None:
        self.lines = lines if lines is not None else []
        self.origins = origins if origins is not None else []
        self.warnings = warnings if warnings is not None else []
        self.pages = pages
        self.image_pages = image_pages if image_pages is not None else []

    def add_line(self, text: str, loc: Loc) -> None:
        self.lines.append(text.replace("\t", "   "))
        self.origins.append(loc)

    def add_paragraph(self, lines: list[str], loc: Loc) -> None:
        """One paragraph (soft line breaks as separate lines), then a blank line."""
        wrote = False
        for line in lines:
            if line.strip():
                self.add_line(line, loc)
                wrote = True
        if wrote:
            self.blank(loc)

    def blank(self, loc: Loc) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
            self.origins.append(loc)

    def add_table(self, rows: list[list[list[str]]], locs: list[Loc]) -> None:
        """Rows of cells of paragraphs; three or more columns as tab rows, narrower as pipe rows."""
        if not rows:
            return
        ncols = max(len(r) for r in rows)
        for row, loc in zip(rows, locs, strict=True):
            cells = [_cell(c) for c in row] + [""] * (ncols - len(row))
            if not any(cells):
                continue
            if ncols >= 3:
                self.lines.append("\t".join(cells))
            else:
                self.lines.append("| " + " | ".join(c or " " for c in cells) + " |")
            self.origins.append(loc)
        self.blank(locs[-1])

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"
