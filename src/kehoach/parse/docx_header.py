"""The page header of a Word document's first page, when it carries the header block.

Some offices put the header block (the issuer and "Số: …" left, the national name and the place
and date right) into the page header of the first page instead of the body. Page headers are
otherwise left out (running titles, page numbers), so the first page's header part is read only
when it holds a line of the header block and the body holds none: then it goes before the body,
as it is printed.
"""

from __future__ import annotations

import posixpath

from .. import rx
from ..vocab.document_parts import ISSUER_BODY, NATION, NUMBER_LABEL
from .docx_numbering import W, switched_on

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

HEADER_BLOCK_LINE = rx.compile(rf"(?:^|<p>)\s*(?:{NUMBER_LABEL}|{NATION}|{ISSUER_BODY})")
"""A line of the header block, alone or as a table cell: ``Số: 12/KH-UBND``, ``<p>CỘNG HÒA XÃ HỘI …``,
``ỦY BAN NHÂN DÂN``."""


def header_part_name(document, rels) -> str | None:
    """The part name of the page header shown on the first page ("word/header1.xml"), or None."""
    body = document.find(f"{W}body")
    sect = next(body.iter(f"{W}sectPr"), None) if body is not None else None
    if sect is None or rels is None:
        return None
    wanted = "first" if switched_on(sect.find(f"{W}titlePg")) else "default"
    rid = next((ref.get(f"{R}id") for ref in sect.findall(f"{W}headerReference")
                if (ref.get(f"{W}type") or "default") == wanted), None)
    target = next((rel.get("Target") for rel in rels.findall(f"{PACKAGE_RELS}Relationship") if rel.get("Id") == rid), None)
    if rid is None or not target:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("word", target))


def holds_header_block(lines: list[str]) -> bool:
    return any(HEADER_BLOCK_LINE.search(line) for line in lines)
