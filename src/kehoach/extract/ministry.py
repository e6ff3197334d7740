"""A ministry over the body that issues a document, in the header's left column ("BỘ CÔNG AN" / "CÔNG AN TỈNH X",
"BỘ Y TẾ" / "CỤC …"): the lower body issues it, as a department issues under the province's committee."""

from __future__ import annotations

from .. import rx
from ..parse.blocks import Block
from .issuer_bodies import subordinate_body
from .regions import para

_MINISTRY = rx.compile(r"^BỘ\s+(?!CHỈ\s+HUY\b)\p{Lu}")
"""A ministry's name in capitals, not a command that issues in its own name ("BỘ CHỈ HUY QUÂN SỰ TỈNH")."""


def body_under_ministry(blocks: list[Block], i: int, claimed: set[int]) -> str | None:
    """The name of the body under a ministry heading the document, in block ``i`` or the next one (claimed then):
    ("BỘ CÔNG AN" / "CÔNG AN TỈNH X" -> "Công an tỉnh X"). None when block ``i`` opens with no ministry or no body
    of two or more words is under it (a ministry's own name wrapped over two lines: "BỘ NÔNG NGHIỆP VÀ MÔI" /
    "TRƯỜNG")."""
    from .front import _left_column  # (here: front imports this module)

    lines = [_left_column(line) for line in blocks[i].raw_lines]
    if not lines or not _MINISTRY.match(lines[0]) or subordinate_body(lines[0]) is None:
        return None
    nxt = para(blocks, i + 1)
    lower = " ".join(lines[1:]) if len(lines) > 1 else _left_column(nxt.text) if nxt is not None else ""
    found = subordinate_body(lower) if len(lower.split()) >= 2 else None
    if found and len(lines) < 2:
        claimed.add(i + 1)
    return found
