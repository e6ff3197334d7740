"""What makes a figure read in a goal sentence doubtful, or no target at all: a change whose two figures do not
pair, a change's first figure with nothing it goes to, a figure that says which things a goal is about
("các xã có tỷ lệ hộ nghèo dưới 30%": a condition, not a goal), and a figure inside what the target before it counts
or inside a quoted name.
"""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold

_CHANGE_FROM = rx.compile(r"(?i:(?<!\p{L})(?:tăng|giảm|nâng|hạ)(?:\s+\p{Ll}+){0,2}?\s+từ)\s*$")

_CONDITION = rx.compile(
    r"""(?:(?<!\p{L})(?:các|những|mọi|số|nơi|vùng|địa\s+bàn|trường\s+hợp)(?:[\s,]+\p{L}+){0,6}?\s+có
          |(?<!\p{L})đối\s+với(?:[\s,]+\p{L}+){1,9}?\s+có)
        \s+(?:tỷ\s+lệ|tỉ\s+lệ|mức|số|thu\s+nhập|diện\s+tích|dân\s+số|quy\s+mô)(?!\p{L})[^;:()]{0,120}$""", rx.I | rx.X)
"""The things a goal is about, named by a measure of theirs ("các xã có tỷ lệ hộ nghèo", "nơi có mức …", "đối với
xã có thu nhập …"): a figure bounding that measure picks them out, it is no goal of its own."""
_GOAL_VERB = rx.compile(r"\b(?:dat|phan dau|tang|giam|duy tri|nang|xuong|len|con|chiem|tro len)\b")
"""Words by which a figure is aimed at (folded): after the measure, the figure is a goal again ("… có tỷ lệ … đạt 90%")."""


def condition_at(clause: str, at: int, pre: str) -> bool:
    """True when the figure at ``at`` of ``clause`` (with ``pre``, its comparator words) bounds a measure of the
    things a goal is about ("Hỗ trợ các xã có tỷ lệ hộ nghèo dưới 30%", "nơi có tỷ lệ tiêm chủng dưới 90%") and no
    goal verb stands between that measure and the figure."""
    m = _CONDITION.search(clause[:at])
    if m is None:
        return False
    return not _GOAL_VERB.search(ascii_fold(m.group(0) + " " + pre))


def pair_doubt(baseline: tuple[int, str, float, str, int], value: float, unit: str, direction: str | None) -> str | None:
    """What is odd in a change from one figure to another: units that differ ("từ 40% lên 60 điểm"), or a change
    against its own verb ("giảm từ 10% xuống 15%")."""
    if baseline[3] != unit and not unit.startswith(baseline[3]):
        return f"it changes from {baseline[2]:g} {baseline[3]} to {value:g} {unit}: the two units differ"
    if (direction == "decrease" and value > baseline[2]) or (direction == "increase" and value < baseline[2]):
        verb = "decreases" if direction == "decrease" else "increases"
        return f"it {verb} from {baseline[2]:g} to {value:g}, the other way: its figures or its verb may be misread"
    return None


def unpaired(q, v2: float | None) -> str | None:
    """A change's first figure with no figure it goes to ("tăng từ 40% năm 2025 đến …" read as no pair): the value
    read may be where the change starts, not where it ends."""
    if v2 is None and not q.group("post") and _CHANGE_FROM.search(q.group("pre")):
        return (f"its figure follows a change's 'từ' ({' '.join(q.group('pre').split())!r}) but no figure it goes to "
                "('lên …', 'xuống …') was read: the value may be the baseline, not the target")
    return None


def qualifies(clause: str, at: int, covered: int, counted: bool) -> bool:
    """A figure at ``at`` that is no target of its own: inside what the previous target counts ("tàu cá
    dài từ 15 mét trở lên", "(5 sao)") unless joined by "và"/"," ("… và 100% diện tích …"), or inside a
    quoted name (Đề án “Phát triển ít nhất 500 mô hình …”)."""
    joined = rx.search(r"(?:\bvà|\bhoặc|,)\s*$", clause[:at])
    if not joined and (at < covered or (counted and _in_parens(clause, at))):
        return True
    return _in_quotes(clause, at) or _explains(clause, at)


_AIM_IN_PARENS = rx.compile(r"\b(?:dat|phan dau|tang|giam|duy tri|nang|xuong|len|con|chiem|tro len|toi thieu|it nhat|toi da"
                            r"|khong qua|khong duoi|tren|duoi|trong do|muc tieu|chi tieu|nam \d{4}|giai doan)\b")
"""Words in a parenthesis that aim its figure (folded): "(đạt 90%)", "(năm 2026 còn 2%)", "(trong đó 30 xã …)"."""


def _explains(clause: str, at: int) -> bool:
    """True when the figure at ``at`` stands inside a parenthesis that explains the words before it and aims at nothing
    ("trạm quan trắc (đo liên tục với chu kỳ 15 phút một lần …)"): what a thing is or can do,
    not how much of it the plan wants."""
    opened = clause.rfind("(", 0, at)
    if opened < 0 or clause.find(")", opened, at) >= 0 or not clause[:opened].strip(" -+•"):
        return False
    return not _AIM_IN_PARENS.search(ascii_fold(clause[opened:at]))


def _in_quotes(text: str, at: int) -> bool:
    """True when position ``at`` of ``text`` is inside a quoted name (“…” or "…")."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _in_parens(text: str, at: int) -> bool:
    """True when position ``at`` of ``text`` is inside an open parenthesis."""
    before = text[:at]
    return before.count("(") > before.count(")")
