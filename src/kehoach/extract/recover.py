"""Header gaps filled from the appendix back-reference and the signature block, with the reason."""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..parse.blocks import Block
from ..vn import ascii_fold, modern_tone
from ..vocab.document_parts import ISSUER_BODY
from . import header as hd
from .front import subject_line
from .issuer_bodies import header_top, place_as_dated
from .signature import DEPUTY

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_FROM_BACKREF = "the appendix back-reference"


def recover_header(doc: dict, backref: dict | None, blocks: list[Block], date_blank: bool = False,
                   header_locs: dict[str, dict] | None = None) -> tuple[dict, list[PlanWarning]]:
    """``doc`` with its gaps filled (each named in ``inferred``), and warnings for what disagrees
    or stays missing. A numbered document with a subject line ("V/v …") and no type is a letter."""
    doc = dict(doc, inferred=list(doc["inferred"]))
    warnings: list[PlanWarning] = []
    why: dict[str, str] = {}
    if backref:
        _from_backref(doc, backref, why, warnings)
    if doc["signer"] and doc["signer"].pop(DEPUTY, False):
        why["signer.title"] = "the signature's capacity line (KT.: a deputy signs for the head)"
    if doc["issuer"] is None and doc["signer"] and doc["signer"].get("on_behalf_of"):
        _issuer_from_signature(doc, doc["signer"]["on_behalf_of"], blocks, why)
    if doc["issuer"] is None and doc["place"]:
        _issuer_named_in_text(doc, blocks, why)
    if (spelt := place_as_dated(doc["issuer"], doc["place"])) is not None:  # "UBND TỈNH DÌNH ĐỊNH" / "Bình Định, ngày …"
        why["issuer"] = f"the date line's place (the issuer cell says {doc['issuer']!r})"
        doc["issuer"] = spelt
    if doc["place"] is None and doc["issuer"]:
        m = rx.search(r"(?:tỉnh|thành phố|huyện|quận|thị xã)\s+(.+)$", doc["issuer"])
        if m:
            doc["place"] = m.group(1)
            why["place"] = "the issuer's name"
    if doc["type"] is None and doc["type_name"] and ascii_fold(doc["type_name"]).startswith("ke hoach"):
        doc["type"] = "KH"
        why["type"] = "the document type line"
    for key in ("number", "date", "issuer"):
        if doc.get(key) is None:
            what = {"number": "document number", "date": "date of issue", "issuer": "issuing body"}[key]
            blank = (key == "number" and doc.get("symbol")) or (key == "date" and date_blank)
            warnings.append(warning(f"{key}-blank" if blank else f"{key}-missing",
                                    f"{what} left blank in the document" if blank else f"no {what} found",
                                    (header_locs or {}).get(key) if blank else None))
    doc["inferred"].extend(why)
    if why:
        warnings.append(warning("inferred", "; ".join(f"{k} inferred from {v}" for k, v in why.items()), None))
    if doc["type"] is None and doc["symbol"] and subject_line(blocks) is not None:
        doc["type"], doc["type_name"] = "CV", doc["type_name"] or "Công văn"  # "Số: 123/UBND-KT" + "V/v …"
    return doc, warnings


def _from_backref(doc: dict, backref: dict, why: dict[str, str], warnings: list[PlanWarning]) -> None:
    loc = backref.get("loc")
    for key in ("number", "seq", "symbol", "date"):
        mine, theirs = doc.get(key), backref.get(key)
        if mine is None and theirs is not None:
            doc[key] = theirs
            why[key] = _FROM_BACKREF
        elif mine is not None and theirs is not None and mine != theirs:
            warnings.append(warning("backref-mismatch",
                                    f"the appendix refers to {key} {theirs!r} but the header says {mine!r}", loc))
    if doc["type"] is None and backref.get("symbol"):
        doc["type"] = hd.symbol_to_type(backref["symbol"])
        why["type"] = _FROM_BACKREF
    if doc["issuer"] is None and backref.get("issuer") and hd.expand_issuer(backref["issuer"])[1]:
        doc["issuer"] = backref["issuer"]
        why["issuer"] = _FROM_BACKREF


def _issuer_from_signature(doc: dict, on_behalf_of: str, blocks: list[Block], why: dict[str, str]) -> None:
    full, complete = hd.expand_issuer(on_behalf_of)
    if complete:
        doc["issuer"] = full
        why["issuer"] = "the signature block"
    elif doc["place"]:
        level = full.split()[-1] if full and full.split()[-1] in ("tỉnh", "huyện", "xã") else None
        if level is None:
            # "tỉnh <nơi ban hành>" / "thành phố …" as the body names the place.
            text = " ".join(b.text for b in blocks[:400] if b.kind == "para")
            m = rx.search(rf"\b(tỉnh|thành phố|huyện)\s+{rx.escape(doc['place'])}\b", text)
            level = m.group(1) if m else None
        if level:
            doc["issuer"] = f"Ủy ban nhân dân {level} {doc['place']}"
            why["issuer"] = "the signature block and the place of issue"


_HEADS = rx.compile(rf"^{ISSUER_BODY}\s*(?:$|\|)")
"""A header whose issuer is the committee with no level or place ("ỦY BAN NHÂN DÂN" alone, or before a "|" cell:
a portal dropped the line "TỈNH X" under it)."""


def _issuer_named_in_text(doc: dict, blocks: list[Block], why: dict[str, str]) -> None:
    """A committee heading the document with its level and place lost: named in full where the text names the
    committee with the place of issue ("Ủy ban nhân dân tỉnh X xây dựng Kế hoạch …", the enacting line "ỦY BAN NHÂN
    DÂN THÀNH PHỐ X" under a decision's title), or names the place a province ("… TRÊN ĐỊA BÀN TỈNH X": a place that
    is a province is no city's or district's; a city is taken only with its committee, for a province's capital city
    is named where the province issues). Another place's committee the text cites does not count."""
    top = header_top(blocks)
    head = [b for b in blocks[top:top + 4] if b.kind == "para"]
    if not any(_HEADS.match(b.text) for b in head):
        return
    place = modern_tone(doc["place"])
    for b in blocks[:60]:
        m = b.kind == "para" and rx.search(
            rf"(?:\b(?:Ủy|ỦY)\s+ban\s+nhân\s+dân\s+(tỉnh|thành\s+phố)|\b(tỉnh))\s+{rx.escape(place)}(?![\p{{L}}])",
            modern_tone(b.text), rx.I)
        if m:
            doc["issuer"] = f"Ủy ban nhân dân {' '.join((m.group(1) or m.group(2)).lower().split())} {doc['place']}"
            why["issuer"] = ("the committee heading the document, named in the text with the place of issue" if m.group(1)
                             else "the committee heading the document and the place of issue, which the text names a province")
            return
