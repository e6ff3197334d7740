"""What kind of document it is: a plan, a decision issuing one, a directive, something else."""

from __future__ import annotations

from ..diagnostics import warning
from ..vn import ascii_fold

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


def kind_warnings(doc: dict, signed_loc: dict | None, second: tuple[dict, dict | None] | None = None,
                  title_cut: bool = False) -> list[PlanWarning]:
    """A plan with no signer's name (pointing at ``signed_loc``, its signed part), a second signature
    (``second``: the signer and its loc), a signer's title line read cut to a piece (``title_cut``), or a
    document that is not a plan."""
    if title_cut:
        return [warning("signer-title-cut", "a line of the signature block is a piece of a title ('… TỊCH'), cut by a "
                        "seal or a tear and read by OCR; the signer's title and capacity (TM., KT.) may be wrong or "
                        "missing: check the signature", signed_loc), *kind_warnings(doc, signed_loc, second)]
    if second is not None:
        other, loc = second
        return [warning("signer-second", f"a second signature stands beside the first ({other['name']}, "
                        f"{other.get('title') or 'no title'}): a joint plan of two bodies? document.signer holds the "
                        "first only", loc)]
    unsigned = [warning("signer-missing", "no signer's name was read from the signature block; check the end of "
                        "the document (a signature beside 'Nơi nhận' or inside a table may be missed)", signed_loc)
                ] if (doc["is_plan"] or doc["recipients"]) and not (doc["signer"] or {}).get("name") else []
    # any document whose end is there (its "Nơi nhận") is signed: a letter's or a decision's signer unread is said too
    if not doc["is_plan"] and is_decision(doc) and _ISSUES_PLAN in "".join(ascii_fold(doc["title"] or "").lower().split()).replace("pheduyet", "banhanh"):
        return [*unsigned, warning("not-a-plan", "a decision issuing a plan, but the plan itself is not in this document "
                                   "(an attachment published as a file of its own?); its sections, targets and tasks are missing")]
    if not doc["is_plan"]:
        return [*unsigned, warning("not-a-plan", "this document does not look like a plan (no KẾ HOẠCH header with "
                                   "numbered sections); sections, targets and tasks may be empty")]
    return unsigned


_ISSUES_PLAN = "banhanhkehoach"
"""A decision's title that issues (or approves) a plan: "Ban hành Kế hoạch …", "Phê duyệt Kế hoạch …" (folded, spaces
dropped: a converter glues words, "PHÊDUYỆT KẾ HOẠCH")."""
