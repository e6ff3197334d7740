"""The block stream every reader produces and every extractor reads."""

from __future__ import annotations

from ..record import FrozenRecord, Record

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning



class Loc(FrozenRecord):
    """Where something stands in the source."""

    __slots__ = ("line", "page")

    line: int | None
    """1-based line in the decoded source text (for text/markdown), or None."""
    page: int | None
    """1-based page for paginated sources (PDF), else None."""

    def __init__(self, line: int | None, page: int | None = None) -> None:
        self.line = line
        self.page = page

    def as_dict(self) -> dict:
        return {"line": self.line, "page": self.page}


class Row(Record):
    """One table row as the reader found it."""

    __slots__ = ("cells", "loc", "lines", "after_break", "doubts", "spans_unseen")

    cells: list[list[str]]
    """Each cell is a list of paragraphs (cells may hold several, e.g. HTML <p> or Word paragraphs)."""
    loc: Loc
    """Where the row starts."""
    lines: list[int]
    """Source lines the row was read from."""
    after_break: bool
    """True when a page break (blank line, repeated header, new table segment) comes right before it."""
    doubts: list[tuple[str, str]]
    """(warning code, message) for each thing the reader is unsure of about this row's lines."""
    spans_unseen: str | None
    """Set when the reader cannot see a cell merged down over rows, which the source writes in one row of its
    span and leaves empty in the others: "top" when it is written in the span's first row (a word processor's
    text export, the printed page's text layout of cells set at the top), "middle" when it may stand in any row of
    it (cells centred in their rows); None when merges are seen, or an empty cell cannot be one."""

    def __init__(
        self,
        cells: list[list[str]],
        loc: Loc,
        lines: list[int] | None = None,
        after_break: bool = False,
        doubts: list[tuple[str, str]] | None = None,
        spans_unseen: str | None = None,
    ) -> None:
        self.cells = cells
        self.loc = loc
        self.lines = [] if lines is None else lines
        self.after_break = after_break
        self.doubts = [] if doubts is None else doubts
        self.spans_unseen = spans_unseen


class Block(Record):
    """One unit of the flat stream: a paragraph, a table or a footnote."""

    __slots__ = ("kind", "text", "loc", "lines", "raw_lines", "rows", "mark")

    kind: str
    """"para" | "table" | "footnote"."""
    text: str
    """Normalised text (NFC, no markup debris, wraps joined); for tables, empty."""
    loc: Loc
    """Where the block starts."""
    lines: list[int]
    """Every source line the block was read from (for coverage)."""
    raw_lines: list[str]
    """The normalised text of each source line, before wraps were joined (header/signature use it)."""
    rows: list[Row]
    """Table rows, for kind == "table"."""
    mark: str | None
    """Footnote mark ("1") for kind == "footnote"."""

    def __init__(
        self,
        kind: str,
        text: str,
        loc: Loc,
        lines: list[int] | None = None,
        raw_lines: list[str] | None = None,
        rows: list[Row] | None = None,
        mark: str | None = None,
    ) -> None:
        self.kind = kind
        self.text = text
        self.loc = loc
        self.lines = [] if lines is None else lines
        self.raw_lines = [] if raw_lines is None else raw_lines
        self.rows = [] if rows is None else rows
        self.mark = mark


class Source(Record):
    """A decoded input: its blocks and what is known about the file."""

    __slots__ = ("path", "format", "sha256", "pages", "blocks", "line_texts", "warnings", "origins", "portal")

    path: str
    format: str
    sha256: str
    pages: int | None
    blocks: list[Block]
    line_texts: dict[int, str]
    """Non-empty content lines by number (the denominator of coverage)."""
    warnings: list[PlanWarning]
    origins: list[Loc] | None
    """For binary formats: where each line of the text rendition came from (line -> Loc)."""
    portal: dict | None
    """For a page saved from a legal-document portal: its metadata table (see :mod:`kehoach.parse.portal`)."""

    def __init__(
        self,
        path: str,
        format: str,
        sha256: str,
        pages: int | None,
        blocks: list[Block],
        line_texts: dict[int, str],
        warnings: list[PlanWarning] | None = None,
        origins: list[Loc] | None = None,
        portal: dict | None = None,
    ) -> None:
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.pages = pages
        self.blocks = blocks
        self.line_texts = line_texts
        self.warnings = [] if warnings is None else warnings
        self.origins = origins
        self.portal = portal
