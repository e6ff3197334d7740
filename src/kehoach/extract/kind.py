"""What kind of document it is: a plan, a decision issuing one, a directive, something else."""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..vn import ascii_fold
from ..vocab.document_parts import ALLOCATING_PLANS

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning
    from .front import Front

PLAN_TYPES = {"KH", "KHHD", "KHHĐ", "KHLT", "KHPH", "CTR"}
"""Type codes read as plans: a joint plan (KHLT) and a coordination plan (KHPH) are plans; an action programme
(CTr, "Chương trình hành động") is a plan by another name."""
PLAN_TYPE_NAMES = ("kế hoạch", "chương trình hành động")


_NAMED_CODES = (("quyet dinh", "QĐ"), ("chi thi", "CT"), ("nghi quyet", "NQ"), ("ke hoach", "KH"), ("thong bao", "TB"),
                ("thong tu lien tich", "TTLT"), ("thong tu", "TT"), ("chuong trinh", "CTr"), ("quy che", "QC"),
                ("quy dinh", "QyĐ"), ("de an", "ĐA"), ("phuong an", "PA"), ("huong dan", "HD"), ("bao cao", "BC"),
                ("to trinh", "TTr"), ("cong van", "CV"))
"""The type code of each document type name (the codes of Nghị định 30/2020/NĐ-CP), longer names first."""


_OVER_SYMBOL = {"QĐ", "CT", "NQ", "KH", "TB", "TTLT", "TT"}
"""Codes a type line sets over the symbol's ("5/2007/CT-UBND", "1281/-UBND" over "QUYẾT ĐỊNH"); the others only fill
a type the symbol did not give (a "PHƯƠNG ÁN" line over "12/QĐ-UBND" is an attachment's, not the document's)."""


def type_from_line(type_name: str | None, current: str | None) -> str | None:
    """The document's type code given its type line's name ("Chương trình hành động" → CTr) and the symbol's code."""
    folded = ascii_fold(type_name or "").lower()
    named = next((c for k, c in _NAMED_CODES if folded.startswith(k)), None) if folded else None
    if named is None or (current or "").upper().startswith(named.upper()) or (current and named not in _OVER_SYMBOL):
        return current
    return named


def is_decision(doc: dict) -> bool:
    """A decision (Quyết định), by its type code or type line."""
    return (doc["type"] or "").upper() in ("QĐ", "QYĐ") or ascii_fold(doc["type_name"] or "").startswith("quyet dinh")


def appendix_alone(front: Front, has_sections: bool, tasks: list, backref: dict | None) -> PlanWarning | None:
    """The warning for a plan's appendix published as a file of its own ("PHỤ LỤC …" / "(Kèm theo Kế hoạch số 45/KH-UBND
    ngày … của …)" and its task table; no type line, number or sections of its own), or None for any other document.
    Such a file holds the plan's tasks: they are read, and its header is the plan's as the appendix names it."""
    if front.type_line is not None or front.fields.get("number") or has_sections or not tasks or backref is None:
        return None
    named = " ".join(filter(None, (backref.get("type_name"), f"số {backref['number']}" if backref.get("number") else None)))
    return warning("appendix-alone", f"an appendix of {named or 'a plan'} published on its own: its tasks are read, its "
                   "header is the plan's as the appendix names it (no title or signer); the plan's sections and targets "
                   "are in the plan's own document", backref.get("loc"))


def is_directive(doc: dict) -> bool:
    """A directive (Chỉ thị) is not a plan, but its numbered sections assign duties to agencies."""
    return (doc["type"] or "").upper() == "CT" or ascii_fold(doc["type_name"] or "").startswith("chi thi")


def is_plan(doc: dict, has_sections: bool) -> bool:
    """A plan by its type (or issued by a decision) with numbered sections; a news page or a letter is not."""
    plan_like = (doc["type"] or "").upper() in PLAN_TYPES or (doc["type_name"] or "").lower().startswith(PLAN_TYPE_NAMES) \
        or doc["attachment"] is not None
    return bool(plan_like and has_sections)


_HEADER_PLAN_CODES = PLAN_TYPES - {"CTR"}
"""Symbol codes that make a document a plan with no type line to say so: an action programme's "CTr" is also a work
programme's ("Chương trình công tác"), so a "CTr" symbol alone does not."""


def plan_by_header(doc: dict) -> bool:
    """The header says the document is a plan, whatever its text goes on to hold: its type line names one ("KẾ HOẠCH",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG"), or, with no type line, its symbol's code does ("…/KH-UBND"); or it is a decision (or a resolution) whose
    title issues or approves a plan, or whose attached plan's heading was read (a scheme's, "ĐỀ ÁN", is not a plan's).
    A news page, a letter, and a document that names a plan only in its bases are not plans by their header."""
    if is_enacting(doc) and issues_plan(doc["title"]) or doc["attachment"] is not None and _names_plan(doc["attachment"]):
        return True
    return _names_plan(doc)


def _names_plan(doc: dict) -> bool:
    """A type line that names a plan or, with none, a plan's symbol code."""
    if doc.get("type_name"):
        return doc["type_name"].lower().startswith(PLAN_TYPE_NAMES)
    return (doc.get("type") or "").upper() in _HEADER_PLAN_CODES


def is_enacting(doc: dict) -> bool:
    """A decision, or a resolution (the Government issues its action programmes by one)."""
    return is_decision(doc) or (doc["type"] or "").upper() == "NQ" or ascii_fold(doc["type_name"] or "").startswith("nghi quyet")


def issues_plan(title: str | None) -> bool:
    """A title that issues (or approves) a plan or an action programme: "Ban hành Kế hoạch …", "Phê duyệt Kế hoạch …",
    "Ban hành Chương trình hành động …" (folded, spaces dropped: a converter glues words, "PHÊDUYỆT KẾ HOẠCH"); not a
    plan of land use, of contractor selection, of public investment or capital, which allocate and hand out no work."""
    folded = "".join(ascii_fold(title or "").lower().split()).replace("pheduyet", "banhanh")
    return (m := _ISSUES_PLAN.search(folded)) is not None and _ALLOCATES.search(folded, m.end()) is None


_ISSUES_PLAN = rx.compile(r"banhanh(?:kehoach|chuongtrinhhanhdong)")
"""A title issuing a plan, folded with its spaces dropped."""
_ALLOCATES = rx.compile(ALLOCATING_PLANS)
"""After it, anywhere: a plan that allocates land, contracts or money ("Phê duyệt Kế hoạch phân bổ vốn đầu tư công")."""


def kind_warnings(doc: dict, signed_loc: dict | None, second: tuple[dict, dict | None] | None = None,
                  title_cut: bool = False, unread: tuple[dict | None, dict | None] | None = None) -> list[PlanWarning]:
    """A plan with no signer's name (pointing at ``signed_loc``, its signed part), a second signature
    (``second``: the signer and its loc), a signer's title line read cut to a piece (``title_cut``), a plan by its
    header with no numbered part read (``unread``: the locs of the header line that says it is a plan and of the
    text's last line), or a document that is not a plan."""
    if title_cut:
        return [warning("signer-title-cut", "a line of the signature block is a piece of a title ('… TỊCH'), cut by a "
                        "seal or a tear and read by OCR; the signer's title and capacity (TM., KT.) may be wrong or "
                        "missing: check the signature", signed_loc), *kind_warnings(doc, signed_loc, second, unread=unread)]
    if second is not None:
        other, loc = second
        return [warning("signer-second", f"a second signature stands beside the first ({other['name']}, "
                        f"{other.get('title') or 'no title'}): a joint plan of two bodies? document.signer holds the "
                        "first only", loc)]
    read_whole = doc["is_plan"] and unread is None
    unsigned = [warning("signer-missing", "no signer's name was read from the signature block; check the end of "
                        "the document (a signature beside 'Nơi nhận' or inside a table may be missed)", signed_loc)
                ] if (read_whole or doc["recipients"]) and not (doc["signer"] or {}).get("name") else []
    # any document whose end is there (its "Nơi nhận") is signed: a letter's or a decision's signer unread is said too
    if unread is not None:
        return [*unsigned, _parts_unread(doc, *unread)]
    if not doc["is_plan"]:
        return [*unsigned, warning("not-a-plan", "this document does not look like a plan (no KẾ HOẠCH header with "
                                   "numbered sections); sections, targets and tasks may be empty")]
    return unsigned


def _parts_unread(doc: dict, header: dict | None, last: dict | None) -> PlanWarning:
    """The ``plan-parts-unread`` warning of a plan by its header (at ``header``) whose text, ending at ``last``, gave
    no numbered part."""
    ends = f" (it ends at line {last['line']})" if last and last.get("line") else ""
    if is_enacting(doc) and doc["attachment"] is None:
        kind = "decision" if is_decision(doc) else "resolution"
        said = (f"a {kind} issuing a plan, but the plan itself is not in this document: the text may be cut before "
                f"it{ends}, or the plan is published as a file of its own")
    elif (doc["signer"] or {}).get("name") or doc["recipients"]:  # its end is there: not cut
        said = ("the header says this is a plan, but no numbered part of it was read: it is written without numbered "
                "parts, or they were not recognised")
    else:
        said = f"the header says this is a plan, but no numbered part of it was read: the text may be cut{ends}"
    return warning("plan-parts-unread", f"{said}; its sections, targets and tasks may be missing", header or last)

