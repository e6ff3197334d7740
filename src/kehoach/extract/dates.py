"""Time expressions: issue dates ("ngày 05 tháng 4 năm 2024") and deadlines ("Quý II/2024").

:func:`text_to_deadline` turns the deadline cell of a plan into ``start``/``end``/``recurrence``.
It never invents a date the text does not give: "Thường xuyên" has no start and no end.
"""

from __future__ import annotations

from .. import rx
from .. import stddate as dt
from ..memo import text_cache
from ..record import FrozenRecord
from ..vn import fold_aligned, squash
from ..vocab.dates import ADVERB_RECURRENCE, MONTH_WORDS, RECURRENCE_WORDS, TIME_VALUE_AFTER, YEAR
from ..vocab.dates import CITED_DOCUMENT as _CITED_DOCUMENT
from ..vocab.dates import CLOCK_BEFORE_DATE as _CLOCK
from . import date_spans as shapes
from .date_periods import PERIOD_LIST, listed_recurrences
from .date_spans import DAY_MONTH_YEAR, PART, PART_SPANS, SPAN_READERS, make_date, part_of
from .date_spans import day_within as closing_day

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    import re

_RECURRENCE_RES = [(rx.compile(rf"(?<!\w)(?:{p})(?!\w)"), r) for p, r in RECURRENCE_WORDS]  # "tháng năm" is no "hàng năm"
_ADVERB, _CITED = rx.compile(ADVERB_RECURRENCE), rx.compile(_CITED_DOCUMENT)  # a cited document's date is no time
_TIME_VALUE_AFTER = rx.compile(TIME_VALUE_AFTER)

_TIME_WORDS = {"nam": "năm", "tu": "từ", "toi": "tới", "den": "đến", "quy": "quý", "thang": "tháng",
               "trong": "trong", "truoc": "trước"}
"""Folded time words and the one written word each stands for: folded, "Nam" (a place), "tư", "tối",
"đền", "quỹ", "thắng", "trọng" would pass for "năm", "từ", "tới", "đến", "quý", "tháng", "trong"."""
_TIME_WORD = rx.compile(r"\b(?:" + "|".join(_TIME_WORDS) + r"|sau)\b")


@text_cache(maxsize=512, longest=4000)  # a task's text is read for a time phrase, a label, a recurrence
def fold_time(text: str) -> str:
    """``text`` folded for the time patterns, one character for each of its own: a time word written with other tone
    marks ("tư", "thắng", "nằm") or as the place ("Nam", "NAM") is masked ("nxm") so that no pattern reads it, and "sáu"
    (six) becomes "06 " so that it is not "sau" (after). A word written with no tone marks at all ("nam", "Quy") is
    taken as the time word typed without them, and text typed wholly without them is not masked."""
    key = fold_aligned(text)
    if text.isascii() or not _TIME_WORD.search(key):
        return key
    out = list(key)
    for m in _TIME_WORD.finditer(key):
        word, written = m.group(), text[m.start():m.end()]
        if word == "sau":
            if written.lower() == "sáu":
                out[m.start():m.end()] = "06 "
        elif written.lower() != _TIME_WORDS[word] and (not written.isascii() or word == "nam" and written[0].isupper()):
            out[m.start() + 1] = "x"
    return "".join(out)

_YEAR = YEAR
_QUARTER = r"(?:(?:quy\s+|(?<![\w/])q\.?\s*)(?P<{n}>[ivx]+|[1-4])(?!\w))"
"""A quarter: "Quý III", "quý 3", and as tables shorten it, "Q3", "Q.III"."""
_LIST_SEP = r"\s*(?:,|-|–|\bva\b|\bden\b|\btoi\b)\s*"
"""Between the quarters or months of a list or range that shares one year: "II, III", "4 đến tháng 5"."""
_SCHOOL_YEAR = rf"(?:nam|nien)\s+hoc\s+(?P<y1>{_YEAR})\s*[-–/]\s*(?P<y2>{_YEAR})(?!\d)"
"""A school year: "năm học 2025-2026", "năm học 2025 - 2026", "niên học 2025-2026"."""
_SPAN_PATTERNS = [("crop_season", shapes.CROP_SEASON),  # vụ Đông Xuân 2025-2026, vụ Hè Thu 2026, mùa Đông Xuân 2025 - 2026
    # Học kỳ I năm học 2025-2026 (a semester), Năm học 2025-2026, năm học 2025-2026 đến năm học 2029-2030
    ("semester", rx.compile(rf"hoc\s+k[yi]\s+(?P<s>ii|i|[12])\s*(?:,\s*|\s+cua\s+)?{_SCHOOL_YEAR}")),
    ("school_year", rx.compile(
        rf"{_SCHOOL_YEAR}(?:\s*(?:-|–|den|toi)\s*(?:het\s+)?(?:(?:nam|nien)\s+hoc\s+)?"
        rf"(?P<y3>{_YEAR})\s*[-–/]\s*(?P<y4>{_YEAR})(?!\d))?")),
    # Quý II - Quý III/2024, Quý IV/2023 - Quý I/2024
    ("quarter_range", rx.compile(
        rf"{_QUARTER.format(n='q1')}\s*(?:[/,]\s*|\s+nam\s+)?(?P<y1>{_YEAR})?\s*(?:-|–|den|toi)\s*{_QUARTER.format(n='q2')}\s*(?:[/,]\s*|\s+nam\s+|\s+)(?P<y2>{_YEAR})")),
    # Quý II, III/2026; Quý II và Quý III năm 2026; Quý I - II/2026 (the year written once, at the end)
    ("quarter_list", rx.compile(
        rf"{_QUARTER.format(n='q1')}(?:{_LIST_SEP}(?:quy\s+|q\.?\s*)?(?:[ivx]+|[1-4])(?!\w))+\s*(?:[/,]\s*|\s+nam\s+|\s+)(?P<y>{_YEAR})")),
    ("quarter", rx.compile(rf"{_QUARTER.format(n='q')}\s*(?:[/,]\s*|\s+nam\s+|\s+)(?P<y>{_YEAR})")),
    # 06 tháng đầu năm 2024, 6 tháng cuối năm 2024
    ("half", rx.compile(rf"0?6\s+thang\s+(?P<h>dau|cuoi)\s+nam\s*(?P<y>{_YEAR})")),
    # Từ tháng 6/2022 đến tháng 12/2023
    ("month_range", rx.compile(
        rf"thang\s+(?P<m1>\d{{1,2}})\s*(?:/|\s+nam\s+)\s*(?P<y1>{_YEAR})?\s*(?:-|–|den|toi)\s*(?:het\s+|cuoi\s+)?thang\s+(?P<m2>\d{{1,2}})\s*(?:/|\s+nam\s+)\s*(?P<y2>{_YEAR})")),
    # Từ tháng 4 đến tháng 5/2026; tháng 6 - tháng 8/2026; tháng 4, 5/2026 (the year written once)
    ("month_list", rx.compile(
        rf"thang\s+(?P<m1>\d{{1,2}})(?:{_LIST_SEP}(?:het\s+|cuoi\s+)?(?:thang\s+)?\d{{1,2}}(?![\d/]))*{_LIST_SEP}(?:het\s+|cuoi\s+)?(?:thang\s+)?(?P<m2>\d{{1,2}})\s*(?:/|\s+nam\s+)\s*(?P<y>{_YEAR})")),
    ("month", rx.compile(rf"thang\s+(?P<m>\d{{1,2}})\s*(?:/|\s+nam\s+|-)\s*(?P<y>{_YEAR})")),
    ("month_short", rx.compile(rf"(?<![\d/])(?P<m>\d{{1,2}})/(?P<y>{_YEAR})(?!\d)")),
    # Năm 2018-2025, 2024 - 2027, Giai đoạn 2021-2025, 2021- 2025, từ năm 2025 đến hết năm 2030
    ("year_range", rx.compile(rf"(?<![\d/])(?P<y1>{_YEAR})\s*(?:-|–|den|toi)\s*(?:het\s+)?(?:nam\s+)?(?P<y2>{_YEAR})(?!\d)")),
    ("year", rx.compile(rf"(?<![\d/])(?P<y>{_YEAR})(?![\d/])")),
    ("lunar_new_year", rx.compile(rf"(?<!\w)tet\s+(?:(?P<solar>duong\s+lich)\s+|(?:nguyen\s+dan|am\s+lich|co\s+truyen)\s+"
                                  rf"(?:(?P<stem>[a-z]+)\s+(?P<branch>[a-z]+)\b\s*)?)?(?:(?:nam\s+)?(?P<y>{_YEAR})(?!\d))?")),  # Tết Bính Ngọ 2026
]
_TIME = (
    rf"(?:ngay\s+)?\d{{1,2}}-\d{{1,2}}-{_YEAR}(?!\d)|ngay\s+\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*{_YEAR})?"
    rf"|ngay\s+\d{{1,2}}\s+thang\s+\d{{1,2}}(?:\s+nam\s+{_YEAR})?|\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_YEAR}"
    rf"|thang\s+\d{{1,2}}(?:{_LIST_SEP}(?:thang\s+)?\d{{1,2}}(?!\d))*(?:\s*/\s*{_YEAR}|\s+nam\s+{_YEAR})?"
    rf"|quy\s+(?:[ivx]+|[1-4])(?:{_LIST_SEP}(?:quy\s+)?(?:[ivx]+|[1-4])\b)*(?:\s*/\s*{_YEAR}|\s+nam\s+{_YEAR})?"
    rf"|0?6\s+thang\s+(?:dau|cuoi)\s+nam(?:\s+{_YEAR})?"
    rf"|(?:hoc\s+k[yi]\s+(?:ii|i|[12])\s*(?:,\s*|\s+cua\s+)?)?(?:nam|nien)\s+hoc\s+{_YEAR}\s*[-–/]\s*{_YEAR}(?!\d)|{shapes.CROP_SEASON_TIME}"
    rf"|(?:nam|giai\s+doan)\s+{_YEAR}(?:\s*(?:-|–|den|toi)\s*(?:(?:het\s+)?nam\s+)?{_YEAR}(?!\d))?"
)
"""A time as running text writes it, with or without its year: "ngày 15/12", "tháng 4, 5/2026", "Quý II/2026",
a span of years whole ("năm 2025 - 2026", "giai đoạn 2025 - 2026", "năm 2025 đến năm 2026"), a school year
or its semester ("năm học 2025-2026", "học kỳ II năm học 2025-2026")."""
TIME = _TIME  # the grammar for the other readers of a sentence's time (extract/task_times)
PART_WORDS = r"(?:(?:(?:nua|(?:nhung|cac)\s+thang)\s+)?(?:dau|giua|cuoi)\s+(?=nam|quy|thang))?"
"""Early, mid or late in the time that follows: "cuối năm 2026", "đầu quý III", "giữa tháng 9/2026"."""
TIME_PHRASE = rx.compile(
    rf"""(?<!\w)(?:(?:dinh\s+k[yi]\s+)?(?:hoan\s+thanh\s+(?:xong\s+)?|xong\s+|cham\s+nhat\s+(?:la\s+|vao\s+)?)?
          (?:truoc|trong|vao|tu|sau|cham\s+nhat(?:\s+la)?)\s+(?:{_CLOCK})?{PART_WORDS}(?:{_TIME})
          (?:\s*(?:-|–|den|toi)\s*(?:het\s+)?{PART_WORDS}(?:{_TIME}))?
          (?:\s+va\s+(?:ngay\s+)?\d{{1,2}}(?:\s*/\s*\d{{1,2}}|\s+thang\s+\d{{1,2}}))?(?:\s+hang\s+nam)?
        | {PERIOD_LIST} | dinh\s+k[yi]\s+(?:hang\s+(?:nam|quy|thang)|0?6\s+thang)
          (?:\s*(?:,\s*|(?P<due_in>\(\s*))?(?:truoc|cham\s+nhat(?:\s+la)?(?:\s+vao)?)\s+ngay\s+\d{{1,2}}
             (?:\s*/\s*\d{{1,2}}|\s+thang\s+\d{{1,2}})(?![\d/]|\s+nam\s+\d)(?(due_in)\s*\)))?)""",
    rx.X,
)
"""A time phrase a sentence gives for itself (folded): "hoàn thành trong Quý II/2026", "trước ngày 15/12 hằng năm",
"từ Quý II/2026 đến hết năm 2027", "sau năm 2026", "xong trước 30/9/2026", "Định kỳ hằng quý (trước ngày 20 tháng cuối quý)"
(the day each period's report is due, in brackets or after a comma)."""
_HOW_OFTEN = r"(?:thuong\s+xuyen|lien\s+tuc|hang\s+(?:nam|quy|thang))"
_HOW_OFTEN_RUN = rf"{_HOW_OFTEN}(?:\s*(?:,|\bva\b|\bhoac\b)\s*{_HOW_OFTEN})*"
_WHEN_AFTER = (r"\b(?:trong\s+(?:nam|quy|thang|dip|suot|thoi\s+gian|giai\s+doan|ca\s+nam|moi|cac|ky|tuan|ngay)"
               r"|suot|tu|vao|khi)\b")
_WINDOW = (r"(?<!\w)(?:dinh\s+k[yi]\s+)?(?:tu|truoc|cham\s+nhat(?:\s+la)?(?:\s+vao)?)\s+ngay\s+\d{1,2}"
           r"(?:\s*(?:-|–|den|toi)\s*(?:het\s+)?(?:ngay\s+)?\d{1,2})?\s+(?:hang|moi)\s+(?:thang|quy|nam)(?!\w)")
"""A window of days that comes back each period, its end kept (folded): "từ ngày 10 đến ngày 15 hằng quý", "Định kỳ
trước ngày 20 hàng tháng"."""
RECURRENCE_PHRASE = rx.compile(
    rf"{_WINDOW}|^{_HOW_OFTEN_RUN}(?=\s*(?:[.;,:]|$|{_WHEN_AFTER}))"
    rf"|,\s*{_HOW_OFTEN_RUN}(?=\s*(?:[.;]|$|{_WHEN_AFTER}))"
    rf"|\b(?:thuc\s+hien|to\s+chuc)\s+{_HOW_OFTEN_RUN}(?=\s*(?:[.;,]|$|{_WHEN_AFTER}))"
    r"|(?<!\w)(?:hang\s+(?:nam|quy|thang)|thuong\s+xuyen)(?=\s*(?:\.|$))"
    r"|(?<!\w)so\s+ket\s+(?:0?6|sau)\s+thang(?!\s*(?:dau|cuoi)?\s*(?:nam\s*)?\d)(?:\s*(?:,|va)\s*tong\s+ket\s+nam)?")  # reviews
"""How often, when a sentence gives no date (folded): "Hằng năm, …", "…, thường xuyên trong dịp Tết.",
"thực hiện hằng quý", a window of days (:data:`_WINDOW`, whole: its end is the day it is due), "… báo cáo Ủy ban nhân
dân tỉnh hằng quý.", "… tập huấn cho cán bộ thường xuyên." (ending the sentence; before a ";" it may
qualify a listed thing, "dự toán … hàng năm; danh mục …"). Not an adverb of one duty: "thường xuyên kiểm tra,
đôn đốc …" (before a verb), "phối hợp chặt chẽ, thường xuyên, hiệu quả" (one of a list of manners),
"thường xuyên trong việc …"."""


def find_time_phrase(text: str, recurrence: bool = False) -> str | None:
    """The time a sentence gives for itself, as written (``recurrence``: how often it recurs).

    >>> find_time_phrase("Sở A chủ trì, hoàn thành trong Quý II/2026.")
    'hoàn thành trong Quý II/2026'
    >>> find_time_phrase("Các sở thực hiện hằng quý.", recurrence=True)
    'thực hiện hằng quý'
    """
    m = (RECURRENCE_PHRASE if recurrence else TIME_PHRASE).search(fold_time(text))
    return text[m.start():m.end()].lstrip(", ") if m else None


HORIZON = rx.compile(
    rf"""(?<!\w)(?:(?:giai\s+doan|thoi\s+k[yi]|tu\s+nam|nam(?:\s+hoc)?)\s+(?P<first>{_YEAR})\s*[-–]\s*(?P<last>{_YEAR})
      | (?:den|toi)\s+(?:het\s+|cuoi\s+)?nam\s+(?P<until>{_YEAR})
      | nam\s+(?P<year>{_YEAR}))(?!\d)""", rx.X)
"""The time a plan, a table or an objective is set for (on :func:`fold_time`'s key): "giai đoạn
2021-2025", "thời kỳ 2021-2025", "(từ) năm 2026 - 2030", "năm học 2025-2026" (a span), "đến (hết, cuối) năm 2030"
(until), "năm 2026" (a year). One grammar for the plan's period, an appendix title's horizon and a target's year."""


class Horizon(FrozenRecord):
    """A horizon phrase: "giai đoạn 2021-2025", "đến năm 2030", "năm 2026"."""

    __slots__ = ("kind", "first", "last", "start", "end")

    kind: str
    """"span", "until" or "year"."""
    first: int | None
    """The first year (None for "until")."""
    last: int
    start: int
    end: int
    """Where the phrase stands in the text."""

    def __init__(self, kind: str, first: int | None, last: int, start: int, end: int) -> None:
        self.kind, self.first, self.last, self.start, self.end = kind, first, last, start, end


def find_horizons(text: str) -> list[Horizon]:
    """Every horizon phrase in ``text``, in order.

    >>> [(h.kind, h.first, h.last) for h in find_horizons("Giai đoạn 2021-2025, tầm nhìn đến năm 2030")]
    [('span', 2021, 2025), ('until', None, 2030)]
    """
    return [_horizon(m) for m in HORIZON.finditer(fold_time(text))]


def horizon_at(text: str, pos: int = 0) -> Horizon | None:
    """The horizon phrase that starts at ``pos`` of ``text``, if one does ("Đến năm 2030, …" at 0)."""
    m = HORIZON.match(fold_time(text), pos)
    return _horizon(m) if m else None


def _horizon(m: re.Match) -> Horizon:
    if m["first"]:
        return Horizon("span", int(m["first"]), int(m["last"]), m.start(), m.end())
    if m["until"]:
        return Horizon("until", None, int(m["until"]), m.start(), m.end())
    return Horizon("year", int(m["year"]), int(m["year"]), m.start(), m.end())


def find_horizon(title: str) -> str | None:
    """The time a title ends with, as written.

    >>> find_horizon("DANH MỤC NHIỆM VỤ ĐẾN NĂM 2030")
    'ĐẾN NĂM 2030'
    >>> find_horizon("DANH MỤC NHIỆM VỤ NĂM 2026 CỦA CÁC SỞ") is None
    True
    """
    found = find_horizons(title)
    if not found or rx.search(r"[^\W_]", title[found[-1].end:]):
        return None
    return title[found[-1].start:found[-1].end]


_OPEN_END = rx.compile(r"(?:cac|nhung) nam (?:hoc )?tiep theo|tro di|tro ve sau|ve sau")
_AND = rx.compile(r"\s*(?:,|;|\bva\b)\s*")
_LABEL_AFTER = rx.compile(r"\s*\((?=[^()]*[a-z])[^()/]{1,40}\)")  # "(đợt 1)", "(sơ kết)"
_NEXT_TIME = rx.compile(r"\s+(?=(?:thang|quy|nam|tuan|truoc(?:\s+ngay)?|ngay)\s*(?:\d|[ivx]+\s*/))")
"""Times one after another with nothing between (a cell's paragraphs, one a deliverable: "Tháng 5/2026 Tháng 8/2026")."""
_TO = rx.compile(r"\s*(?:-|–|\bden\b|\btoi\b)\s*(?:het\s+|cuoi\s+)?")
_FROM = rx.compile(r"(?:^|\s)(?:tu|bat dau(?: tu)?|ke tu)\s*(?:(?:dau|giua|cuoi)\s+)?(?:ngay|thang|quy|nam)?\s*$")
_BEFORE = rx.compile(r"(?:truoc|cham nhat|han chot|han cuoi|khong muon hon|den|het|cuoi|xong truoc|hoan thanh truoc)\s*(?:ngay|thang|quy|nam)?\s*$")
_WORDED_MONTH = rx.compile(r"(?i)(tháng\s+)(" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)).replace(" ", r"\s+")
                           + r")(?=\s*(?:/\s*\d|năm\s+\d|[-–,;.)]|$|(?:đến|tới|và)\s))")
"""A month named in words, before its year or a stop: "tháng Tư năm 2026" is "tháng 4 năm 2026"."""
_AFTER = rx.compile(r"(?:^|\s)sau\s*(?:ngay|thang|quy|nam)?\s*$")
"""After a time ("sau năm 2025", "sau ngày 30/6/2026"): it starts the day after, with no end."""
_WITHIN = rx.compile(r"(?:trong|tu)\s*(?:nam)?\s*$")
_AT_YEAR = rx.compile(r"(?:^|\s)vao\s*(?:nam)?\s*$")
"""A year named as the point something is reached ("đạt … vào năm 2030"): by its end, not from its start."""


def text_to_deadline(text: str | None) -> dict:
    """Parse a deadline as written into ``{text, start, end, recurrence}`` (ISO dates or None).

    >>> text_to_deadline("Quý III/2024")["start"], text_to_deadline("Quý III/2024")["end"]
    ('2024-07-01', '2024-09-30')
    >>> text_to_deadline("Thường xuyên")["recurrence"]
    'continuous'
    >>> text_to_deadline("Trước ngày 15/12/2024")["start"] is None
    True
    """
    return dict(_deadline(squash(text or "")))  # a copy: the caller's task may change its own


@text_cache()  # a plan gives the same deadline to many tasks
def _deadline(raw: str) -> dict:
    out: dict = {"text": raw or None, "start": None, "end": None, "recurrence": None}
    if not raw:
        return out
    f = _CITED.sub(" ", fold_time(_WORDED_MONTH.sub(lambda m: f"{m[1]}{MONTH_WORDS[' '.join(m[2].lower().split())]}", raw)))
    listed = listed_recurrences(f)  # "định kỳ hằng tháng, 6 tháng, năm": "6 tháng" and "năm" recur too
    recs = [rec for pat, rec in _RECURRENCE_RES if rec in listed or any(not _as_adverb(f, m) for m in pat.finditer(f))]
    if recs:
        out["recurrence"] = "+".join(recs)
    start, end = _span(f)
    out["start"] = start.isoformat() if start else None
    out["end"] = end.isoformat() if end else None
    return out


def _as_adverb(f: str, m: re.Match) -> bool:
    """A recurrence word before a verb ("Thường xuyên kiểm tra, đôn đốc"): how a duty is done, no time."""
    return bool(_ADVERB.match(f, m.start())) and not _TIME_VALUE_AFTER.match(f, m.end())


def _span(f: str) -> tuple[dt.date | None, dt.date | None]:
    """Start and end dates in a folded deadline text.

    "Tháng 6/2025 và tháng 12/2025" runs to the last date named; "Từ năm 2025" and
    "Năm 2025 và các năm tiếp theo" have a start and no end.
    """
    milestones = _milestones(f)
    if milestones:
        return milestones
    if (labelled := _START_END.search(f)) and (end := _span(labelled["b"])[1]):
        return _span(labelled["a"])[0], end  # "Bắt đầu: tháng 2/2027 Hoàn thành: tháng 11/2027"
    start, end, stop = _span_one(f)
    if start is None and end is None:
        return None, None
    while stop is not None:  # "… và …", "từ … đến (hết) …" with two shapes: to the last end named
        at = label.end() if (label := _LABEL_AFTER.match(f, stop)) else stop
        joint = _AND.match(f, at) or _TO.match(f, at) or _NEXT_TIME.match(f, at)  # "… (đợt 1); trước …": a label
        if not joint:
            break
        s2, e2, stop2 = _span_one(f[joint.end():])
        if e2 is None or e2 < (end or start or e2):
            break
        end = e2
        stop = joint.end() + stop2 if stop2 is not None else None
    start, end = shapes.fill_yearless(f, start, closing_day(f, start, end))
    if _OPEN_END.search(f) or (start is not None and "tu" in f and not _has_until(f)
                               and _FROM.search(f[: _first_match_start(f)])):
        end = None
    return start, end


_START_END = rx.compile(r"\bbat dau\s*:\s*(?P<a>.+?)[\s;,.]*\b(?:hoan thanh|ket thuc)\s*:\s*(?P<b>.+)$")
"""A cell labelling both ends of its time: the end is the one labelled so, not the first date written."""
_LABEL = rx.compile(r"(?:^|[;,])\s*(?:[-+•]\s*)?(?P<t>[^:;,]{4,40}?)\s*:")
"""A time that labels what is due by it: "Năm 2026: …; giai đoạn 2027-2030: …"."""
_LABEL_WORDS = 3


def _milestones(f: str) -> tuple[dt.date | None, dt.date | None] | None:
    """Milestones, several times each labelling what is due by it ("Năm 2026: 50%; giai đoạn 2027-2030:
    100%"): from the first one's start to the latest end; None when the text has fewer than two."""
    spans = []
    for m in _LABEL.finditer(f) if f.count(":") > 1 else ():
        label = m["t"]
        start, end, stop = _span_one(label)
        if end is not None and stop is not None and not label[stop:].strip() \
                and len(label[:_first_match_start(label)].split()) <= _LABEL_WORDS:
            spans.append((start, end))
    if len(spans) < 2:
        return None
    return spans[0][0], max(end for _, end in spans if end)


def _first_match_start(f: str) -> int:
    starts = [m.start() for pat in (DAY_MONTH_YEAR, *(r for _, r in _SPAN_PATTERNS)) for m in [pat.search(f)] if m]
    return min(starts) if starts else 0


def _has_until(f: str) -> bool:
    return bool(rx.search(r"(?:-|–|\bden\b|\btoi\b)", f))


def _span_one(f: str) -> tuple[dt.date | None, dt.date | None, int | None]:
    """The first span in ``f`` and where its match stops (None when nothing matched)."""
    week = shapes.WEEK.search(f)
    if week and week.start() <= _first_match_start(f):  # the first time named ("Quý II/2026; tuần cuối tháng 6"
        # reads the quarter); its "1 tháng 6/2026" is no day
        if (span := shapes.week_span(week)) is None:
            return None, None, None  # "tuần 5 tháng 2/2026": no such week
        before = _BEFORE.search(f[: week.start()]) and not _WITHIN.search(f[: week.start()])
        return (None if before else span[0]), span[1], week.end()  # "trước tuần 2 tháng 6/2026": by its end
    day = _day_span(f)
    if day is not None:
        return day
    found = sorted((m.start(), k, name, m) for k, (name, pat) in enumerate(_SPAN_PATTERNS) if (m := pat.search(f)))
    for _, _, name, m in found:  # the first time the text names ("Năm 2026: …; giai đoạn 2027-2030: …" starts
        span = SPAN_READERS[name](m)  # in 2026); where two shapes start together, the longer (listed first)
        if span is None:
            continue
        start: dt.date | None = span[0]
        end = span[1]
        prefix = f[: m.start()]
        part = PART.search(prefix) if name in PART_SPANS else None
        if part and bool(part["year"]) == (name == "year"):  # "cuối năm 2026", "đầu quý III/2026"
            start, end = part_of(span, part)
            prefix = prefix[: part.start()]
        if _AFTER.search(prefix):
            return end + dt.timedelta(days=1), None, m.end()  # "sau Quý II/2026": from the day after it
        before = bool(_BEFORE.search(prefix)) and not _WITHIN.search(prefix)
        if name in shapes.POINT_SPANS and (before or (name == "year" and ("truoc" in prefix.split() or _AT_YEAR.search(prefix)))):
            if name in shapes.TERM_SPANS and rx.search(r"truoc\s*$", prefix):
                end = span[0] - dt.timedelta(days=1)  # "trước năm học 2026-2027": before it opens
            start = None  # "trước Quý III/2024": by its end
        return start, end, m.end()
    return None, None, None


_DAY_MONTH_FIRST = rx.compile(r"(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*(?:-|–|den|toi)\s*(?:ngay\s*)?$")  # "15/7 - "


def _day_span(f: str) -> tuple[dt.date | None, dt.date | None, int | None] | None:
    """A span that a full date starts or ends: "15/12/2024", "từ ngày 1/3/2024 đến ngày 30/6/2024"."""
    day = DAY_MONTH_YEAR.search(f)
    if day is None or rx.search(r"(?:thang|quy)\s*$", f[: day.start()]):
        return None  # "tháng 4 - 5/2026": two months, not the 4th of May
    d = make_date(int(day["y"]), int(day["m"]), int(day["d"]))
    if d is None:
        return None
    later = DAY_MONTH_YEAR.search(f, day.end())
    if later and rx.search(r"(?:-|–|den|toi)\s*(?:ngay\s*)?$", f[day.end(): later.start()]):
        return d, make_date(int(later["y"]), int(later["m"]), int(later["d"])), later.end()
    first = _DAY_MONTH_FIRST.search(f[: day.start()])  # "từ 15/7 đến 15/8/2026", "20/12 - 15/1/2027": one year written
    if first and (start := make_date(int(day["y"]) - (int(first["m"]) > int(day["m"])), int(first["m"]), int(first["d"]))):
        return start, d, day.end()
    if rx.search(r"(?:tu|bat dau)\s*(?:ngay)?\s*$", f[: day.start()]):
        return d, None, day.end()
    if _AFTER.search(f[: day.start()]):
        return d + dt.timedelta(days=1), None, day.end()
    return None, d, day.end()



