"""Abbreviations a plan spells out for its tables: a list under a "chữ viết tắt" line ("Ghi chú: chữ viết tắt",
"Các từ viết tắt:") with one entry a line, the short form, a colon, the name ("- VP: Văn phòng Sở;", "- Phòng
TCBC: Phòng Tổ chức, biên chế và tổ chức phi chính phủ;"). The tasks' agencies written short are named as the
list names them (the list is the plan's own key: "VP" alone is no name a reader can expand), and the list's lines
are placed (they are neither tasks nor text of the last row)."""

from __future__ import annotations

from .. import rx
from ..parse.blocks import Block
from ..vocab.agencies import starts_agency
from .agencies import canonical_agency

_LEGEND_LINE = rx.compile(r"(?<!\p{L})(?:chữ|từ|cụm\s+từ)\s+viết\s+tắt(?!\p{L})", rx.I)
_ENTRY = rx.compile(r"^(?:[-–+•*]\s*)?(?P<short>[^:;,]{2,30}?)\s*:\s*(?P<full>[^:]{4,160}?)\s*[;.,]?$")
_ACRONYM = rx.compile(r"\b\p{Lu}[\p{Lu}&.-]*\p{Lu}\b")
"""A word in capitals of two letters or more ("VP", "CCHC", "NN&MT"): what makes a short form short."""
_NEAR = 3
"""How many blocks may stand between the "chữ viết tắt" line and the list's first entry."""


def _entry(text: str) -> tuple[str, str] | None:
    m = _ENTRY.match(" ".join(text.split()))
    if m is None or len(m["short"].split()) > 4 or not _ACRONYM.search(m["short"]) or not starts_agency(m["full"]):
        return None
    return m["short"].strip(), m["full"].strip()


def spell_out(tasks: list[dict], blocks: list[Block]) -> set[int]:
    """Name each task's lead and support written in a short form the plan spells out (see the module's docstring),
    in place; the indexes of the blocks the list takes."""
    names: dict[str, str] = {}
    taken: set[int] = set()
    for i, b in enumerate(blocks):
        if b.kind != "para" or len(b.text) > 120 or not _LEGEND_LINE.search(b.text):
            continue
        k, first = i + 1, None
        while k < len(blocks) and (first is not None or k - i <= _NEAR):
            found = _entry(blocks[k].text) if blocks[k].kind == "para" else None
            if found is None and first is not None:
                break  # the list ends at its first line that is no entry
            if found is not None:
                first = k if first is None else first
                names[found[0]] = found[1]
                taken.update((i, k))
            k += 1
    if not names:
        return taken
    for task in tasks:
        for field in ("lead", "support"):
            written = task.get(f"{field}_as_written") or task[field]
            if any(a in names for a in written) and len(written) == len(task[field]):
                task[field] = [canonical_agency(names[a]) if a in names else c for a, c in zip(written, task[field], strict=True)]
    return taken
