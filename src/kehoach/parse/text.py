"""Reader for plain text and Markdown, as converters and scrapers leave them.

Recognises four table layouts:

- tab-separated rows (``1\\tTriển khai…\\tSở Công Thương\\t…``), blank lines inside mark page breaks;
- GitHub pipe tables (``| a | b |`` with a ``|---|`` line, ``<br>`` inside cells; or without outer pipes, :mod:`.pipes`);
- scraped tables whose cells are separated by lines holding only ``|``, starting at an
  "STT"/"TT" header cell;
- HTML fragments inside cells (``<p>…</p>``, ``<br>``), kept as separate cell paragraphs.

Everything else becomes paragraphs (wraps joined, see :func:`lines.joins_previous`) and
footnote texts.
"""

from __future__ import annotations

from .. import rx
from ..numbering import match_token
from ..vn import fold, starts_lower
from ..vocab.table_header import NUMBER_HEADER
from .aligned import aligned_table, is_header_at
from .blocks import Block, Loc, Row
from .boxed import BOX_TOP, boxed_table
from .columns import LAYOUT_CUE, read_side_by_side
from .cutrows import join_cut_rows
from .grid import GRID_BORDER, bar_table, grid_table
from .lines import (
    BARE_NUMBER,
    FULL_SHARE,
    MARKUP,
    PAGE_MARK,
    TERMINAL,
    dashes_indented,
    goes_on_at_dash,
    is_standalone,
    joined_lines,
    joins_previous,
    page_foot,
    page_foot_notes,
    paragraphs_apart,
    running_lines,
    width_says,
    wrap_width,
)
from .normalize import footnote_start, has_content, normalize_text
from .pipes import MD_SEPARATOR, bare_pipe_table, is_md_line, md_rows, split_cell
from .prepass import prepass
from .spacing import restore_lines
from .wrapfit import indented_openings, next_word_fits, printed_width


def is_layout_table(rows: list[Row]) -> bool:
    """A small table holding the header (issuer | motto, number | date) or the signature
    (recipients | TM. …) rather than tasks."""
    if len(rows) > 6:
        return False
    hits = sum(1 for r in rows for c in r.cells for p in c[:1] if LAYOUT_CUE.match(p))
    return hits >= 2


def _kind(line: str, in_tab_table: bool) -> str:
    stripped = line.strip()
    if not stripped:
        return "blank"
    if stripped == "|":
        return "bar"
    if MARKUP.match(stripped):
        return "markup"
    if PAGE_MARK.match(stripped) or ("\f" in line and BARE_NUMBER.match(stripped)):
        return "page"  # "Trang 2", "- 3 -", or a bare number on the line a form feed opens (pdftotext)
    if is_md_line(stripped):
        return "md"
    tabs = line.rstrip("\n").count("\t")
    return "tab" if tabs >= 2 or (tabs >= 1 and in_tab_table) else "text"


class _Texts:
    """The texts of the current block's lines, viewed without copying (a block may have many lines)."""

    __slots__ = ("cur",)

    def __init__(self, cur: list[tuple[int, str]]) -> None:
        self.cur = cur

    def __len__(self) -> int:
        return len(self.cur)

    def __getitem__(self, i: int) -> str:
        return self.cur[i][1]


def _marks(raw: str) -> int:
    """Emphasis marks on a raw line, odd while a run stays open: "**" pairs, and single "*" (italics)."""
    return raw.count("**") % 2 + raw.replace("**", "").count("*") % 2 * 2


_WORDY = rx.compile(r"[\p{L}\d]")
"""A paragraph with a word: a rule drawn under a name ("———") is joined to nothing."""


class _Builder:
    """Accumulates paragraphs line by line."""

    def __init__(self, apart: bool = False) -> None:
        self.blocks: list[Block] = []
        self.cur: list[tuple[int, str]] = []
        self.cur_footnote: str | None = None
        self.blank_before = False
        self.bold_marks = 0  # emphasis runs left open by the current block's raw lines (see _marks)
        self.paragraphs_apart = apart  # a blank line stands between the document's paragraphs
        self.after_page = False  # a page break (its number, the blank lines around it) came before this line
        self.dashes_indented = False  # the document indents its dash items: a dash at the margin is a wrap
        self.wrap = 0  # the width the text is hard-wrapped to (0: a paragraph a line), see lines.wrap_width
        self.wrap_em = 0  # the printed width a text taken from a page fills (0: wrapped by characters), see wrapfit
        self.last_width = 0  # the width of the current block's last raw line
        self.last_raw = ""  # the current block's last raw line
        self.openings: set[int] = set()  # lines short of the width whose sentence goes on below: indented first lines
        self.cur_full = False  # a line of the current block filled the wrap width

    def flush(self) -> None:
        self.bold_marks = 0
        if not self.cur:
            return
        nums = [n for n, _ in self.cur]
        texts = [t for _, t in self.cur]
        text = normalize_text(joined_lines(texts))
        kind = "footnote" if self.cur_footnote is not None else "para"
        self.blocks.append(Block(kind, text, Loc(nums[0]), nums, texts, mark=self.cur_footnote))
        self.cur, self.cur_footnote = [], None

    def page_break(self) -> None:
        """A page break is no paragraph break: the blank lines around its number do not count."""
        self.blank_before = False
        self.after_page = bool(self.cur)

    def add_text(self, n: int, raw: str) -> None:
        text = normalize_text(raw)
        if not text:
            return
        after_page, self.after_page = self.after_page, False
        foot = footnote_start(raw.strip())
        if foot is not None:
            self.flush()
            self.cur_footnote = foot[0]
            self.cur = [(n, foot[1])]
            self._measure(raw, True)
            self.blank_before = False
            return
        if self.cur:
            prev_texts = _Texts(self.cur)
            if self._in_bold_heading(text):  # "**2. Sở" / "Khoa học và Công nghệ**": one heading
                join = True
            elif self._margin_dash_wrap(raw, prev_texts[-1]):  # "… tỉnh Bà Rịa" / "– Vũng Tàu …"
                join = True
            elif after_page:  # "… phối hợp với các" / (page 7) / "Sở, ngành …": the sentence goes on
                join = self.cur_footnote is None and not is_standalone(prev_texts[-1]) and (
                    joins_previous(prev_texts, text) or self._width_says(n, prev_texts[-1], text) is True)
            elif self.blank_before:  # (a dash that goes on under a line filled to the width: a converter took a
                # wrap's "- xã hội", "- 2030" for an item)
                dash = bool(self.wrap) and self.last_width >= FULL_SHARE * self.wrap and goes_on_at_dash(prev_texts[-1], text)
                join = (self.cur_footnote is None and (starts_lower(text) or dash)
                        and not is_standalone(prev_texts[-1]) and joins_previous(prev_texts, text))
            else:
                join = joins_previous(prev_texts, text, self.paragraphs_apart)
                by_width = None if self._indented_dash_item(raw) else self._width_says(n, prev_texts[-1], text)
                join = join if by_width is None else by_width
            if join:
                self._measure(raw, False)
                self.cur.append((n, text))
                self.bold_marks ^= _marks(raw)
                self.blank_before = False
                return
            self.flush()
        elif self.blank_before and starts_lower(text) and self.blocks and self.blocks[-1].kind == "para":
            # A page break inside a sentence: "thiết" / (blank) / "thực, hiệu quả".
            last = self.blocks.pop()
            self.cur = list(zip(last.lines, last.raw_lines, strict=False))
            self.last_width, self.cur_full = 0, False
            if joins_previous(_Texts(self.cur), text):
                self.cur.append((n, text))
                self.blank_before = False
                return
            self.flush()
        self.cur = [(n, text)]
        self._measure(raw, True)
        self.bold_marks = _marks(raw)
        self.blank_before = False

    def _measure(self, raw: str, first: bool) -> None:
        self.last_width, self.last_raw = len(raw.rstrip()), raw
        full = bool(self.wrap) and self.last_width >= FULL_SHARE * self.wrap
        self.cur_full = full or (self.cur_full and not first)

    def _width_says(self, n: int, prev: str, text: str) -> bool | None:
        """What the width of the block's last line says of line ``n`` (``text``), see :func:`lines.width_says`."""
        fits = not self.wrap or n in self.openings or next_word_fits(self.wrap, self.wrap_em, self.last_raw, text)
        return width_says(prev, text, self.wrap, self.last_width, self.cur_full, self.paragraphs_apart, fits)

    def _margin_dash_wrap(self, raw: str, prev: str) -> bool:
        """A line starting with a dash at the margin, in a document that indents its dash items, after
        a line that does not end a sentence: the dash inside a wrapped name, not an item."""
        return (self.dashes_indented and not self.blank_before and raw[:2] in ("- ", "– ")
                and not TERMINAL.search(prev))

    def _indented_dash_item(self, raw: str) -> bool:
        """An indented dash where dash items are indented: an item even under a full line (wraps start at margin)."""
        return self.dashes_indented and raw[:1] == " " and raw.lstrip(" ")[:2] in ("- ", "– ")

    def _in_bold_heading(self, text: str) -> bool:
        """A numbered heading whose bold or italic run is still open goes on in this line."""
        if self.bold_marks == 0 or self.blank_before or len(self.cur) > 2 or match_token(text) is not None:
            return False
        first = match_token(self.cur[0][1].lstrip("*_ "))
        return first is not None and first.kind != "bullet"

    def add_footnote(self, n: int, mark: str, text: str) -> None:
        self.flush()
        self.blocks.append(Block("footnote", normalize_text(text), Loc(n), [n], [text], mark=mark))
        self.blank_before = False

    def add_columns(self, columns: list[list[tuple[int, str]]]) -> None:
        """Side-by-side columns, one after the other (an empty text: a blank line)."""
        for column in columns:
            for n, text in column:
                if text:
                    self.add_text(n, text)
                else:
                    self.blank_before = bool(self.cur or self.blocks)
            self.hard_break()

    def hard_break(self) -> None:
        self.flush()
        self.blank_before = False

    def _add_layout_cell(self, r: Row, paras: list[str]) -> None:
        """A layout cell's paragraphs, those a plain-text reader would join (:func:`joins_previous`) as one."""
        group: list[tuple[int, str]] = []
        for para in [*paras, ""]:
            if para and group and _WORDY.search(para) and _WORDY.search(group[-1][1]) \
                    and joins_previous(_Texts(group), para):
                group.append((0, para))
                continue
            if group:
                texts = [t for _, t in group]
                self.blocks.append(Block("para", normalize_text(" ".join(texts)), r.loc, list(r.lines), texts))
            group = [(0, para)] if para else []

    def add_table(self, rows: list[Row]) -> None:
        self.flush()
        if rows and is_layout_table(rows):
            # Header or signature laid out in a borderless table: read it column by column, a cell's paragraphs
            # joined as the lines of plain text are ("HỘI ĐỒNG PHỐI HỢP PHỔ BIẾN," / "GIÁO DỤC PHÁP LUẬT": one name).
            ncols = max(len(r.cells) for r in rows)
            for col in range(ncols):
                for r in rows:
                    if col < len(r.cells):
                        self._add_layout_cell(r, r.cells[col])
            self.blank_before = False
            return
        if rows and self.blocks and self.blocks[-1].kind == "table" and _repeats_header(self.blocks[-1].rows, rows[0]):
            # a table cut at a page break into two, its header repeated (a PDF converter's Markdown): one table, its
            # rows after the break read on (a row the break cut is joined back)
            rows[0].after_break = True
            self.blocks[-1].rows.extend(rows)
            self.blocks[-1].lines.extend(n for r in rows for n in r.lines)
        elif rows:
            lines = [n for r in rows for n in r.lines]
            self.blocks.append(Block("table", "", rows[0].loc, lines, rows=rows))
        self.blank_before = False


def _repeats_header(rows: list[Row], first: Row) -> bool:
    """Whether ``first``, the first row of a table right under a table of ``rows`` (blank lines between at most),
    repeats one of the header rows over those (one of the first three, cell for cell, two cells or more)."""
    def key(row: Row) -> list[str]:
        return [fold(" ".join(c)) for c in row.cells]

    head = key(first)
    return sum(1 for c in head if c) >= 2 and any(key(r) == head for r in rows[:3])


def read_text(text: str) -> list[Block]:
    """Read decoded text (``\\n`` line ends) into the block stream."""
    lines, where, copied = prepass(text)  # the lines read, and tables found by looking at many lines at once
    b = _Builder(paragraphs_apart(lines))
    b.dashes_indented = dashes_indented(lines)
    b.wrap = wrap_width(lines)
    b.wrap_em = printed_width(lines, b.wrap)
    b.openings = indented_openings(lines, b.wrap, b.wrap_em)
    notes = page_foot_notes(lines) if "\f" in text else {}
    running = running_lines(lines) if "\f" in text else set()

    def furniture(k: int) -> bool:
        return k in running or _kind(lines[k], False) == "page" or page_foot(lines, k)

    i = 0
    while i < len(lines):
        raw = lines[i]
        kind = _kind(raw, False)
        if i in notes:  # a footnote at the page's foot (pdftotext): a footnote, not a paragraph
            if notes[i][1]:  # (a bare number listed above the footnotes' texts: their mark)
                b.add_footnote(i + 1, *notes[i])
            i += 1
            continue
        if kind == "blank":
            if not b.after_page:
                b.blank_before = bool(b.cur or b.blocks)
            i += 1
            continue
        if kind == "page" or page_foot(lines, i) or i in running:  # a page number between a paragraph's lines does not end it
            b.page_break()
            i += 1
            continue
        found = (copied.get(i)  # a table as a browser copies it, in pipes without outer ones, or drawn
                 or (bare_pipe_table(lines, i) if kind == "text" and "|" in raw else None) or _drawn_table(lines, i, kind))
        if found:
            b.add_table(found[0])
            i = found[1]
            continue
        if kind in ("bar", "markup"):
            b.hard_break()
            i += 1
            continue
        if kind in ("md", "tab"):
            rows, i = md_rows(lines, i) if kind == "md" else _tab_rows(lines, i)
            b.add_table(rows)
            continue
        cols = read_side_by_side(lines, i, split_cell, furniture) if kind == "text" else None
        if cols is not None:  # issuer | motto, number | date, recipients | signature on shared lines
            b.add_columns([cols.left, cols.right])
            i = cols.next_index
            continue
        if raw.startswith("\f"):  # pdftotext opens a page with a form feed: blank lines above it are no paragraph break
            b.page_break()
        b.add_text(i + 1, raw)
        i += 1
    b.flush()
    if where:
        restore_lines(b.blocks, where)
    return b.blocks


def _drawn_table(lines: list[str], i: int, kind: str) -> tuple[list[Row], int] | None:
    """A table drawn in text from line ``i``: one cell per line between "|" lines, columns aligned
    with spaces, or a pandoc grid; with the index of the line after it."""
    raw = lines[i]
    if (kind == "bar" and (i == 0 or not lines[i - 1].strip())) or (kind == "text" and i + 1 < len(lines)
                         and lines[i + 1].strip() == "|" and NUMBER_HEADER.match(fold(normalize_text(raw)))):
        found = bar_table(lines, i)
        if found and not is_layout_table(found[0]):
            return found
    if kind == "text" and is_header_at(lines, i):
        aligned = aligned_table(lines, i)
        if aligned:
            return aligned
    if kind == "text" and GRID_BORDER.match(raw):
        grid = grid_table(lines, i)
        if grid:
            return grid
    if kind == "text" and BOX_TOP.match(raw):  # a table whose borders a text browser drew
        return boxed_table(lines, i)
    return None


def _tab_rows(lines: list[str], i: int) -> tuple[list[Row], int]:
    """The rows of a tab-separated table from line ``i``; blank lines and page numbers between its
    rows are a page break (the row after one is marked ``after_break``)."""
    rows: list[Row] = []
    after_break = False
    while i < len(lines):
        k = _kind(lines[i], True)
        if k == "tab":
            cells = [split_cell(c) for c in lines[i].rstrip(" \r\n").split("\t")]
            rows.append(Row(cells, Loc(i + 1), [i + 1], after_break=after_break))
            after_break = False
            i += 1
        elif k in ("blank", "page"):
            j = i
            while j < len(lines) and (not lines[j].strip() or PAGE_MARK.match(lines[j])
                                      or BARE_NUMBER.match(lines[j].strip()) and not lines[j - 1].strip()):
                j += 1
            if j < len(lines) and _kind(lines[j], True) == "tab":
                after_break = True
                i = j
            else:
                break
        else:
            break
    return join_cut_rows(rows), i


def content_lines(text: str) -> dict[int, str]:
    """Non-empty lines that carry content (layout-only lines like "|" or "-----" excluded)."""
    out = {}
    for n, line in enumerate(text.split("\n"), 1):
        s = line.strip()
        if s and not MARKUP.match(s) and not PAGE_MARK.match(s) and not MD_SEPARATOR.match(s) \
                and not GRID_BORDER.match(s) and has_content(s):
            out[n] = s
    return out
