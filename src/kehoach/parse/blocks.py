"""The block stream every reader produces and every extractor reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import PlanWarning


@dataclass(frozen=True)
class Loc:
    """Where something stands in the source."""

    line: int | None
    """1-based line in the decoded source text (for text/markdown), or None."""
    page: int | None = None
    """1-based page for paginated sources (PDF), else None."""

    def as_dict(self) -> dict:
        return {"line": self.line, "page": self.page}


@dataclass
class Row:
    """One table row as the reader found it."""

    cells: list[list[str]]
    """Each cell is a list of paragraphs (cells may hold several, e.g. HTML <p> or Word paragraphs)."""
    loc: Loc
    """Where the row starts."""
    lines: list[int] = field(default_factory=list)
    """Source lines the row was read from."""
    after_break: bool = False
    """True when a page break (blank line, repeated header, new table segment) comes right before it."""
    doubts: list[tuple[str, str]] = field(default_factory=list)
    """(warning code, message) for each thing the reader is unsure of about this row's lines."""


@dataclass
class Block:
    """One unit of the flat stream: a paragraph, a table or a footnote."""

    kind: str
    """"para" | "table" | "footnote"."""
    text: str
    """Normalised text (NFC, no markup debris, wraps joined); for tables, empty."""
    loc: Loc
    """Where the block starts."""
    lines: list[int] = field(default_factory=list)
    """Every source line the block was read from (for coverage)."""
    raw_lines: list[str] = field(default_factory=list)
    """The normalised text of each source line, before wraps were joined (header/signature use it)."""
    rows: list[Row] = field(default_factory=list)
    """Table rows, for kind == "table"."""
    mark: str | None = None
    """Footnote mark ("1") for kind == "footnote"."""


@dataclass
class Source:
    """A decoded input: its blocks and what is known about the file."""

    path: str
    format: str
    sha256: str
    pages: int | None
    blocks: list[Block]
    line_texts: dict[int, str]
    """Non-empty content lines by number (the denominator of coverage)."""
    warnings: list[PlanWarning] = field(default_factory=list)
    origins: list[Loc] | None = None
    """For binary formats: where each line of the text rendition came from (line -> Loc)."""
    portal: dict | None = None
    """For a page saved from a legal-document portal: its metadata table (see :mod:`kehoach.parse.portal`)."""
