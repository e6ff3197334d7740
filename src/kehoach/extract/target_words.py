"""Words around a target's figure that say what it counts, or how it moves, where the words just before the figure do not
(:func:`kehoach.extract.targets._indicator`): a goal stated after the action it serves ("Hoàn thiện quy chế …, bảo đảm ít
nhất 80% thôn …"), a share of the people an action is for ("hướng dẫn cho 100% hộ kinh doanh"), a place that has so many of a
thing ("xã Bình Minh có ít nhất 12 điểm sinh hoạt"), a verb of change opening the indicator ("Giảm tỷ lệ …")."""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.targets import INDICATOR_OPENERS, alternation

_GOAL_AT = rx.compile(r"(?i)(?:(?<!\p{L})(?:đạt|với)\s+mục\s+tiêu(?:\s+là)?|(?:^|,)\s*(?:nhằm\s+)?(?:đảm\s+bảo|bảo\s+đảm|phấn\s+đấu))"
                      r"(?!\p{L})")
"""Where a goal starts after the action it serves: "… kế hoạch đạt mục tiêu | ít nhất 40% hộ …", "Hoàn thiện quy chế …,
bảo đảm | ít nhất 80% thôn …", a clause opening on "bảo đảm" ("bảo đảm đến hết năm 2028, có ít nhất 30% hộ …"); not "bảo
đảm" inside a name ("Tỷ lệ dân số được bảo đảm nước sạch")."""


def after_goal(raw: str) -> str | None:
    """The words after the last goal phrase in the words before a figure, None when they hold none."""
    ends = [m.end() for m in _GOAL_AT.finditer(raw)]
    return raw[ends[-1]:] if ends else None


_NAMES_MEASURE = rx.compile(rf"^\W*(?:(?:tăng|nâng(?:\s+cao)?|giảm|hạ|kéo\s+giảm)\s+)?(?:{alternation(INDICATOR_OPENERS)})"
                            r"(?!\p{L})", rx.I)
"""Words that name a measure, maybe after a verb of change ("Nâng cao tỷ lệ …")."""


def measure_before_goal(raw: str) -> str | None:
    """The measure the words before a goal phrase name, when they open with one ("Tỷ lệ xã đạt chuẩn …, phấn đấu đạt |
    60% số xã": the share is of that measure, not of the bare noun after the figure); None when they name an action
    ("Hoàn thiện quy chế …, bảo đảm | 80% thôn …")."""
    starts = [m.start() for m in _GOAL_AT.finditer(raw)]
    before = (raw[: starts[-1]] if starts else raw).strip(" ,;:-+•")
    return before if before and _NAMES_MEASURE.match(before) else None


_FOR_WHOM = rx.compile(r"(?i)(?<!\p{L})cho\s*$")
""""… cho" before a share: the share counts whom the action is for ("hướng dẫn cho 100% số hộ …")."""


def for_whom(raw: str) -> bool:
    """Whether the words before a share end on the "cho" that names whom an action is for."""
    return bool(_FOR_WHOM.search(raw))


_PLACE_SUBJECT = rx.compile(r"^(?i:toàn\s+(?:tỉnh|thành\s+phố|huyện|xã|phường)|cả\s+nước|(?:tỉnh|thành\s+phố|huyện|quận"
                            r"|thị\s+xã|thị\s+trấn|xã|phường|đặc\s+khu)\s+(?-i:\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}))"
                            r"\s+(?=có\s*$)")
"""A place that has so many of a thing ("xã Bình Minh có | ít nhất 12 điểm sinh hoạt", "toàn tỉnh có 15 …"): where the
count holds, not what it counts; the verb and the thing counted name it."""


def without_place_subject(raw: str) -> str:
    """The words before a figure without a place that opens them before its "có"."""
    return _PLACE_SUBJECT.sub("", raw)


_CHANGE_VERB = rx.compile(r"^(?:(?P<up>tăng|nâng(?:\s+cao)?)|(?P<down>giảm|hạ|kéo\s+giảm))\s+(?=(?:tỷ|tỉ)\s+(?:lệ|trọng)|số|mức"
                          r"|chỉ\s+số|thời\s+gian|chi\s+phí)", rx.I)
"""A verb of change before the measure that opens an indicator ("Tăng tỷ lệ hộ dùng nước sạch …", "Giảm tỷ trọng …",
"Giảm số ngày …", "Nâng tỷ lệ …"); not "Tăng trưởng" (growth, whose sign its value says) nor "Nâng cao chất lượng …" (what rises is
not what the figure measures)."""
_RATE_OF = rx.compile(r"(?<![\p{L}\d])[Tt]ốc\s+độ\s+(tăng|giảm)(?![\p{L}\d])")
"""A rate the indicator names ("tốc độ tăng bình quân 5%/năm", see targets._PRE_WORDS): "tăng"/"giảm" say the direction."""


def direction_named(indicator: str) -> str | None:
    """The direction an indicator's own words say: a rate of increase or decrease, or a verb of change opening it."""
    if rate := _RATE_OF.search(indicator):
        return "increase" if rate.group(1) == "tăng" else "decrease"
    if change := _CHANGE_VERB.match(indicator):
        return "increase" if change.group("up") else "decrease"
    return None


_FROM_ALONE = rx.compile(r"(?<![a-z])tu\s*$")
"""A figure after "từ" with no figure it runs to ("từ 08 mô hình …", not "từ 5 đến 10") and no change it starts (no "tăng"/"giảm"
before it): the least of what is aimed at, as if "trở lên" followed (folded words)."""


def comparator(pre: str, post: str | None, ranged: bool) -> tuple[str, str | None]:
    """(comparator, direction) the words around a figure say: "tối thiểu" ge, "trên" gt, "tăng" increase …"""
    f = ascii_fold(pre)
    direction = "increase" if rx.search(r"\btang\b", f) else "decrease" if rx.search(r"\bgiam\b", f) else None
    if ranged:
        return "range", direction
    if post and "len" in ascii_fold(post):
        return "ge", direction
    if post and "xuong" in ascii_fold(post):
        return "le", direction
    if direction is None and _FROM_ALONE.search(f):  # "nhân rộng từ 08 mô hình": from 8 up, "trở lên" unsaid
        return "ge", direction
    for words, cmp in ((r"toi thieu|it nhat|khong duoi|khong thap hon", "ge"),
                       (r"khong qua|toi da|khong vuot qua", "le"),
                       (r"\btren\b|\bhon\b", "gt"), (r"\bduoi\b", "lt"),
                       (r"khoang|xap xi|\bgan\b", "approx")):
        if rx.search(words, f):
            return cmp, direction
    return "eq", direction


_BOUND_BEFORE_TIME = rx.compile(r"(?i)(?<!\p{L})(?P<bound>ít\s+nhất|tối\s+thiểu|tối\s+đa|không\s+dưới|không\s+quá)\s+(?=(?:vào|đến|tới|trong)"
                                r"\s+(?:hết\s+|cuối\s+)?năm\s+\d{4}\s*,?\s*$)")
"""A bound set before the time a figure is due, the figure after it ("… các cấp ít nhất | vào năm 2025 đạt 40%")."""


def bound_before_time(before: str) -> tuple[str, str]:
    """(the words before a figure without it, its words) of a bound that stands before the time the figure after it is
    due; ``before`` and "" when none does."""
    m = _BOUND_BEFORE_TIME.search(before)
    return (before[:m.start()], m["bound"] + " ") if m else (before, "")


_DIGIT_WORDS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                "chín": 9}
_FIRST_WORD = r"(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_NEXT_WORD = r"(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|linh|lẻ)"
WORD_FIGURE = (r"(?:(?<=nhất\s)|(?<=thiểu\s)|(?<=dưới\s)|(?<=quá\s)|(?<=đa\s))" + _FIRST_WORD
               + r"(?:\s+" + _NEXT_WORD + r"(?!\p{L}))*(?!\p{L})(?!\s*\d)")
"""A figure written in words right after a bound ("ít nhất một cơ sở …", "tối thiểu mười lăm xã", "không quá hai mươi
ngày"): a bound says a count follows, so the word is a number, not an article ("một số …") nor a year ("năm 2025")."""
WORD_FIGURE_AT = rx.compile(r"(?i)\d|(?:nhất|thiểu|dưới|quá|đa)\s+" + _FIRST_WORD + r"(?!\p{L})")
"""Where a text may hold a figure: a digit, or a number word after a bound (:data:`WORD_FIGURE`)."""


def words_to_number(text: str) -> float | None:
    """The number a figure written in words says ("mười lăm" 15, "hai mươi mốt" 21, "một trăm" 100), None for none."""
    total = current = 0
    for word in text.lower().split():
        if word in _DIGIT_WORDS:
            current += _DIGIT_WORDS[word]
        elif word == "mười":
            current += 10
        elif word == "mươi":
            current = (current or 1) * 10
        elif word == "trăm":
            total, current = total + (current or 1) * 100, 0
        elif word in ("nghìn", "ngàn"):
            total, current = (total + (current or 1)) * 1000, 0
        elif word not in ("linh", "lẻ"):
            return None
    return float(total + current) or None
