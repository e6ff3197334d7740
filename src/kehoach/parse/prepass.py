"""What the text reader finds before it reads line by line: the lines it reads (single-spaced when a
double-spaced text shows a table written one cell a line, with each line's place in the text as given) and the
tables found by looking at many lines at once: rows a browser copied with tabs, tables written one cell a line,
tables pandoc wrote under a line of dash runs."""

from __future__ import annotations

from .blocks import Row
from .copied import copied_tables
from .dashed import dashed_tables
from .opener_words import join_opener_words
from .spacing import undouble


def prepass(text: str) -> tuple[list[str], list[int] | None, dict[int, tuple[list[Row], int]]]:
    """(lines to read, each one's index in the text's lines or None when they are those, tables by first line)."""
    joined, at = join_opener_words(text.split("\n"))  # "Căn" / "cứ Luật …": one line
    lines, where, tables = undouble(joined)  # docx2txt's blank line after every paragraph and cell
    if at is not None:
        where = [at[k] for k in where] if where is not None else at
    if "\t" in text:  # a table as a browser copies it, cells apart by tabs
        tables = {**copied_tables(lines), **tables}
    if "---" in text:  # a table as pandoc writes it, its columns under a line of dash runs
        tables.update(dashed_tables(lines))
    return lines, where, tables
