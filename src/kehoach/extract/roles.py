"""A section's role from its heading words ("MỤC ĐÍCH, YÊU CẦU" -> purpose)."""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.agencies import ASSIGN, GROUP_HEAD, HEAD

TYPE_CHECKING = False
if TYPE_CHECKING:  # (typing itself imports re)
    from typing import Final

    from ..model import SectionRole


class Role:
    """A section's role (the model's ``SectionRole``) by name. Plain strings: an enumeration would load the
    ``enum`` module, a tenth of a text extract's start-up with the ``re`` module it comes with."""

    PURPOSE: Final = "purpose"
    REQUIREMENTS: Final = "requirements"
    OBJECTIVES: Final = "objectives"
    TASKS: Final = "tasks"
    SOLUTIONS: Final = "solutions"
    FUNDING: Final = "funding"
    ORGANIZATION: Final = "organization"
    REWARDS: Final = "rewards"
    REPORTING: Final = "reporting"
    OTHER: Final = "other"


# Checked in order on the tone-less, lower-case heading; the first hit wins.
ROLE_WORDS: list[tuple[str, SectionRole]] = [
    (r"to chuc thuc hien|phan cong nhiem vu|phan cong trach nhiem|trach nhiem thuc hien|trach nhiem cua cac", Role.ORGANIZATION),
    (r"kinh phi|nguon von|nguon luc tai chinh", Role.FUNDING),
    (r"che do bao cao|bao cao ket qua|thong tin bao cao|cong tac bao cao|^bao cao", Role.REPORTING),
    (r"khen thuong", Role.REWARDS),
    (r"muc dich", Role.PURPOSE),
    (r"yeu cau", Role.REQUIREMENTS),
    (r"muc tieu|chi tieu", Role.OBJECTIVES),
    (r"nhiem vu|^noi dung|^(?:cac )?hoat dong", Role.TASKS),  # "NỘI DUNG KIỂM TRA", "CÁC HOẠT ĐỘNG": the work
    (r"giai phap|bien phap", Role.SOLUTIONS),
]
_ROLE_RES = [(rx.compile(p), r) for p, r in ROLE_WORDS]
# Roles a subsection keeps from its own heading even inside a section with another role.
_STRONG = {Role.REPORTING, Role.FUNDING, Role.REWARDS, Role.OBJECTIVES, Role.PURPOSE, Role.REQUIREMENTS}


# Headings that name an agency ("Giao Ban Thi đua - Khen thưởng, Sở Nội vụ", "Các sở, ban, ngành …")
# say who, not what: their words do not set a role.
_AGENCY_HEADING = rx.compile(rf"^(?:{ASSIGN}\s+)?(?:{HEAD}|{GROUP_HEAD})")


def heading_to_role(title: str | None) -> SectionRole | None:
    """The role the heading words name, or None."""
    if not title or _AGENCY_HEADING.match(title):
        return None
    f = ascii_fold(title)
    for pat, role in _ROLE_RES:
        if pat.search(f):
            return role
    return None


def section_role(title: str | None, parent: SectionRole | None) -> SectionRole:
    """A section's role: its own heading words, else its parent's role."""
    own = heading_to_role(title)
    if parent is None or parent == Role.OTHER:
        return own or Role.OTHER
    if own in _STRONG:
        return own
    return parent


def caps_heading(text: str) -> bool:
    """A heading typed in capitals with no number ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"): short,
    every letter a capital, no closing stop, and its words name a part of a plan. Plans typed without
    roman numerals use these lines as their top sections."""
    text = text.strip().strip("*_").strip()
    if len(text) > 200 or len(text.split()) > 12 or text.endswith((".", ";", ",")):
        return False  # (cheap tests first: this is asked of every paragraph)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return False
    return all(c.isupper() for c in letters) and heading_to_role(text) is not None
