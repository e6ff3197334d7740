"""An appendix split into one table per lead agency: a numbered heading names the agency ("2. Sở Xây dựng",
"4. Ủy ban nhân dân các xã") and the table under it has no lead column; its rows are that agency's."""

from __future__ import annotations

from .. import rx
from ..vn import is_upper_text
from .agencies import canonical_agency, cell_to_agencies
from .agency_caps import name_from_caps
from .responsibility import reads_as_agency

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    from ..model import PlanWarning

_NUMBERED = rx.compile(r"^\W*(?:\d{1,2}|[IVX]{1,5}|[A-ZĐ])[.)]\s+(?P<name>[^.;:]{3,120}?)\W*$")
_NAME_WORDS = 14
"""A heading longer than this is a sentence, not an agency's name."""


def heading_lead(text: str) -> str | None:
    """The agency a numbered heading names and nothing else (its capitals in their usual case), or None.

    >>> heading_lead("2. Sở Nông nghiệp và Môi trường"), heading_lead("2. Nhiệm vụ về chuyển đổi số")
    ('Sở Nông nghiệp và Môi trường', None)
    """
    m = _NUMBERED.match(text.strip())
    if m is None or len(m["name"].split()) > _NAME_WORDS:
        return None
    name = name_from_caps(m["name"]) if is_upper_text(m["name"]) else m["name"]
    return name if reads_as_agency(name) else None


def lead_from_heading(tasks: list[dict], warnings: list[PlanWarning], lead: str) -> list[PlanWarning]:
    """The rows of a table with no lead column take the agency its heading names; their task-without-lead
    warnings go."""
    names = cell_to_agencies(lead)
    given = set()
    for t in tasks:
        if not t["lead"]:
            t["lead"], t["lead_as_written"] = [canonical_agency(a) for a in names], list(names)
            given.add(t["id"])
    return [w for w in warnings if not (w["code"] == "task-without-lead" and any(
        w["message"].startswith(f"task {i} ") for i in given))]
