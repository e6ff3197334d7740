"""The section tree, built from numbering tokens only (never from Markdown marks or bold)."""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..numbering import POINT_LETTERS, Token, match_token, ordinal
from ..parse.blocks import Block, Loc
from ..record import Record
from .agency_lists import LIST_COLON, NOT_LIST_COLON
from .headings import bare_numbers, stray_headings, unnumbered_headings, wrapped_heading
from .roles import section_role

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning, SectionRole

_INLINE_HEADING = rx.compile(r"^(?P<title>(?:[^:;(]|;(?=\s*\p{Lu})|\([^():]*\)|" + LIST_COLON
                             + r"){2,120}?)\s*" + NOT_LIST_COLON
                             + r"\s*(?P<text>\S.*)$")
"""``3. Heading: text``; a ";" may separate names in the heading ("Các sở, ban, ngành; UBND các huyện: …"); the colon
opening a list of places ("…, UBND các phường: A, B tổ chức …") is no heading's end."""


class Section(Record):
    """A numbered part of the plan body."""

    __slots__ = ("id", "number", "title", "role", "loc", "token", "text", "items", "children", "content", "tables",
                 "inferred")

    id: str
    number: str
    title: str | None
    role: SectionRole
    loc: Loc
    token: Token
    text: list[str]
    items: list[str]
    children: list[Section]
    content: list[tuple[str, str, Loc]]
    """(kind, text, loc) for every paragraph/item in order: kind is "text" | "item" | "subitem"."""
    tables: list[int]
    """Indexes of table blocks that stand in this section."""
    inferred: bool
    """The heading has no number of its own (capitals, unnumbered): ``number`` is its place in order."""

    def __init__(
        self,
        id: str,
        number: str,
        title: str | None,
        role: SectionRole,
        loc: Loc,
        token: Token,
        text: list[str] | None = None,
        items: list[str] | None = None,
        children: list[Section] | None = None,
        content: list[tuple[str, str, Loc]] | None = None,
        tables: list[int] | None = None,
        inferred: bool = False,
    ) -> None:
        self.id = id
        self.number = number
        self.title = title
        self.role = role
        self.loc = loc
        self.token = token
        self.text = [] if text is None else text
        self.items = [] if items is None else items
        self.children = [] if children is None else children
        self.content = [] if content is None else content
        self.tables = [] if tables is None else tables
        self.inferred = inferred

    def to_dict(self) -> dict:
        return {**({"inferred": True} if self.inferred else {}),
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "role": self.role,
            "text": list(self.text),
            "items": list(self.items),
            "children": [c.to_dict() for c in self.children],
            "loc": self.loc.as_dict(),
        }

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def _heading_split(rest: str, has_content: bool) -> tuple[str | None, str | None]:
    """Split a numbered block into (title, text)."""
    rest = rest.strip()
    if not rest:
        return None, None
    m = _INLINE_HEADING.match(rest)
    if m and len(m.group("title").split()) <= 14:
        return m.group("title").strip(), m.group("text").strip()
    if rest.endswith(":"):
        return rest.rstrip(" :"), None
    if len(rest) <= 200 and not rest.endswith(";") and (not rest.endswith(".") or has_content):
        return rest.rstrip(" ."), None
    return None, rest


def _disambiguate(tok: Token, siblings_of: dict[int, list[Section]]) -> Token:
    """Settle roman-versus-letter tokens ("C." after "B.", "i)" after "h)") by the siblings before."""
    if tok.kind == "roman" and len(tok.value) == 1:
        prev = siblings_of.get(1, [])
        if prev and prev[-1].token.kind == "upper" and ord(prev[-1].number) + 1 == ord(tok.value):
            return Token("upper", tok.value, tok.rest)
    if tok.kind == "letter" and tok.value in ("i", "v", "x"):
        prev = siblings_of.get(9, [])
        if prev and prev[-1].token.kind == "lroman":
            return Token("lroman", tok.value, tok.rest)
        letters = siblings_of.get(8, [])
        if letters:
            i = POINT_LETTERS.find(letters[-1].number)
            if i >= 0 and i + 1 < len(POINT_LETTERS) and POINT_LETTERS[i + 1] == tok.value:
                return tok
        if tok.value == "i" and not letters:
            return Token("lroman", tok.value, tok.rest)
    return tok


def blocks_to_sections(blocks: list[tuple[int, Block]]) -> tuple[list[Section], list[int], list[PlanWarning], list[tuple[int, Block]]]:
    """Build the tree from body blocks (index, block).

    Returns the root sections, the source lines they hold, warnings, and the blocks that fell
    before the first section (left for the caller to place).
    """
    roots: list[Section] = []
    stack: list[Section] = []
    placed: list[int] = []
    warnings: list[PlanWarning] = []
    loose: list[tuple[int, Block]] = []
    # Siblings seen per depth under the current parent, for disambiguation and duplicate checks.
    open_siblings: dict[int, list[Section]] = {}

    tokens = [match_token(b.text) if b.kind == "para" else None for _, b in blocks]
    absorbed = bare_numbers(blocks, tokens)
    inferred = unnumbered_headings(blocks, tokens, warnings) | stray_headings(blocks, tokens, warnings, absorbed)
    paren_kind: str | None = None
    for pos, (idx, block) in enumerate(blocks):
        if block.kind == "table":
            if stack:
                stack[-1].tables.append(idx)
            continue
        if block.kind != "para":
            continue
        if pos in absorbed:  # the heading of the number on the line before
            placed.extend(block.lines)
            continue
        tok = tokens[pos]
        if tok is not None and tok.kind == "paren":
            if paren_kind is None:  # the first "1)" decides: under a letter it ranks below the letters
                paren_kind = "paren_low" if stack and stack[-1].token.kind in ("letter", "lroman") else "paren"
            tok = Token(paren_kind, tok.value, tok.rest)
        if tok is not None and tok.kind != "bullet":
            _open_section(_disambiguate(tok, open_siblings), (pos, blocks, tokens), (roots, stack, open_siblings),
                          warnings, pos in inferred)
        elif not stack:
            loose.append((idx, block))
            continue
        else:
            _add_content(stack, tok, block)
        placed.extend(block.lines)
    return roots, placed, warnings, loose


def _open_section(tok: Token, at: tuple[int, list[tuple[int, Block]], list[Token | None]],
                  tree: tuple[list[Section], list[Section], dict[int, list[Section]]], warnings: list[PlanWarning],
                  inferred: bool) -> None:
    """Open the section a numbered block starts (``at``: its position among the blocks and their tokens) in the
    tree (the roots, the stack of open sections, the siblings seen per depth), under the nearest open section
    that ranks above it."""
    pos, blocks, tokens = at
    roots, stack, open_siblings = tree
    block = blocks[pos][1]
    depth = tok.depth
    while stack and stack[-1].token.depth >= depth:
        stack.pop()
    for d in [d for d in open_siblings if d > depth]:
        del open_siblings[d]
    parent = stack[-1] if stack else None
    siblings = parent.children if parent else roots
    title, text = _heading_split(tok.rest, _has_content(blocks, tokens, pos, depth))
    sec_id = _section_id(tok, parent, stack, siblings, block.loc, warnings)
    sec = Section(sec_id, tok.value, title, section_role(title, parent.role if parent else None), block.loc, tok,
                  inferred=inferred)
    if text:
        sec.text.append(text)
        sec.content.append(("text", text, block.loc))
    siblings.append(sec)
    open_siblings.setdefault(depth, []).append(sec)
    stack.append(sec)


def _section_id(tok: Token, parent: Section | None, stack: list[Section], siblings: list[Section], loc: Loc,
                warnings: list[PlanWarning]) -> str:
    """The section's id ("II.3.b"; "4.1" under "4" keeps its own number; "2.I" under "Phần thứ hai"), with a
    warning when its number repeats a sibling's (kept as "3_2") or skips one."""
    number, key = tok.value, id_number(tok)
    anchor = parent
    if "." in number:  # "4.1" under "4": the number already carries its parent's
        while anchor is not None and anchor.token.kind == "arabic":
            anchor = next((s for s in stack if s.children and anchor in s.children), None)
    base_id = f"{anchor.id}.{key}" if anchor else key
    same = [s for s in siblings if id_number(s.token) == key]
    if same:
        sec_id = f"{base_id}_{len(same) + 1}"
        warnings.append(warning("duplicate-number", f"section number {number} appears {len(same) + 1} times under "
                       f"{parent.id if parent else 'the root'}; kept as {sec_id}", loc.as_dict()))
        return sec_id
    prev = [s for s in siblings if s.token.kind == tok.kind]
    want = (ordinal(prev[-1].token) or 0) + 1 if prev else 1
    got = ordinal(tok)
    if got is not None and tok.kind in ("roman", "arabic", "paren", "paren_low", "letter") and got != want and prev:
        warnings.append(warning("numbering-gap", f"section {number} follows {prev[-1].number}: expected {want}", loc.as_dict()))
    return base_id


def id_number(tok: Token) -> str:
    """A token's part of a section id: the number itself, whatever the label word before it and its case ("PHẦN
    THỨ HAI", "Phần II", "Phần 2" -> "2"; "MỤC 1", "Mục I" -> "1"); other tokens as written ("II", "1.2", "đ")."""
    if tok.kind not in ("part", "division"):
        return tok.value
    n = ordinal(tok)
    return str(n) if n is not None else " ".join(tok.value.lower().split()[1:])


def _add_content(stack: list[Section], tok: Token | None, block: Block) -> None:
    """A bullet item ("-", "+" a sub-item) or a paragraph of text under the current section, or the rest of its
    heading in capitals split off into a paragraph ("II. NHIỆM VỤ …" / "TRONG CÁC CƠ QUAN …")."""
    cur = stack[-1]
    if tok is not None:  # bullet
        kind = "subitem" if tok.value == "+" else "item"
        cur.items.append(tok.rest)
        cur.content.append((kind, tok.rest, block.loc))
    elif wrapped_heading(cur.title, not (cur.content or cur.children), block.text):
        cur.title = f"{cur.title} {block.text.strip().strip('*_').strip()}"
        cur.role = section_role(cur.title, stack[-2].role if len(stack) > 1 else None)
    else:
        cur.text.append(block.text)
        cur.content.append(("text", block.text, block.loc))


def _has_content(blocks, tokens, pos: int, depth: int) -> bool:
    """Whether the numbered block at ``pos`` has content of its own (not a sibling next)."""
    for k in range(pos + 1, len(blocks)):
        b = blocks[k][1]
        if b.kind == "footnote":
            continue
        if b.kind == "table":
            return True
        tok = tokens[k]
        if tok is None or tok.kind == "bullet":
            return True
        return tok.depth > depth
    return False
