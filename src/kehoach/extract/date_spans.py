"""Each deadline shape's dates: a match of one of :mod:`kehoach.extract.dates`' span patterns to the
first and last day it covers (None when its figures are no date: "Quý V/2024", "tháng 13/2024"), the full
dates a text writes ("ngày 5 tháng 4 năm 2024", "22/3/2018"), and the warning for the dates a school year's
calendar gives."""

from __future__ import annotations

from collections.abc import Callable

from .. import rx
from .. import stddate as dt
from ..diagnostics import warning
from ..numbering import roman_to_int
from ..vn import ascii_fold as fold
from ..vn import fold_aligned
from ..vocab.dates import (
    BRANCHES,
    CROP_SEASONS,
    LUNAR_NEW_YEAR,
    SCHOOL_YEAR_CLOSES,
    SCHOOL_YEAR_OPENS,
    STEMS,
    YEAR,
)

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    import re

    from ..model import PlanWarning


def make_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def last_day(y: int, m: int) -> dt.date:
    if m == 12:  # (no calendar module: it costs a cold start more than this)
        return dt.date(y, 12, 31)
    return dt.date(y, m + 1, 1) - dt.timedelta(days=1)


DAY_MONTH_YEAR = rx.compile(
    rf"""(?<![\d/.])(?<!tuan\s)(?<!thu\s)(?P<d>\d{{1,2}})\s*(?:[/.\-]\s*|\s+thang\s+)(?P<m>\d{{1,2}})\s*(?:[/.\-]\s*|\s+nam\s+)(?P<y>{YEAR})(?!\d)""",
    rx.X,
)
"""A full date ("15/12/2024", "5 tháng 4 năm 2024"; folded); not a week's number before its month ("tuần 2 tháng
6/2026")."""
_WEEK_WORDS = {"nhat": 1, "mot": 1, "dau": 1, "hai": 2, "ba": 3, "tx": 4, "bon": 4, "nam": 5, "cuoi": 0}
"""Ordinals of a week on the folded key ("thứ tư" folds to "thu tx"; "tu" is "từ", from: "hằng tuần từ tháng 6")."""
_WEEK_NO = r"(?:(?:thu\s*)?[1-5](?!\d)|thu\s+(?:nhat|mot|hai|ba|tx|bon|nam)(?!\w)|(?:dau|cuoi)(?!\w))"
WEEK = rx.compile(
    rf"""(?<!\w)tuan\s*(?P<a>{_WEEK_NO})(?:\s*(?:-|–|,|va|den|toi)\s*(?:tuan\s*)?(?P<b>{_WEEK_NO}))?
    \s*(?:cua\s*)?thang\s*(?P<m>\d{{1,2}})\s*(?:/\s*|nam\s+)(?P<y>{YEAR})(?!\d)""",
    rx.X,
)
"""A week of a month, or weeks ("tuần 2 tháng 4/2027", "tuần thứ 1 - 2 tháng 4/2027", "tuần cuối tháng 4/2027")."""


def week_span(m: re.Match) -> tuple[dt.date, dt.date] | None:
    """The days a week of a month covers, counted in sevens from the first ("tuần 2": days 8 - 14; the fifth
    runs to the month's end) and the last seven days for "tuần cuối"; the end of the second week named for a
    range. None when the month has no such week."""
    y, mo = int(m["y"]), int(m["m"])
    if not 1 <= mo <= 12:
        return None
    last = last_day(y, mo).day

    def days(word: str) -> tuple[int, int] | None:
        word = word.removeprefix("thu").strip()
        n = int(word) if word.isdigit() else _WEEK_WORDS[word]
        if n == 0:
            return last - 6, last
        return (7 * n - 6, last if n == 5 else 7 * n) if 7 * n - 6 <= last else None

    first, second = days(m["a"]), days(m["b"] or m["a"])
    if first is None or second is None or second[1] < first[0]:
        return None
    return dt.date(y, mo, first[0]), dt.date(y, mo, second[1])


_NGAY = rx.compile(
    rf"""ngay\s+(?P<d>\d{{1,2}})\s*(?:thang\s*|/\s*|-\s*)(?P<m>\d{{1,2}})\s*(?:nam\s*|/\s*|-\s*)(?P<y>{YEAR})""",
    rx.X,
)


def find_issue_date(text: str) -> dt.date | None:
    """The first "ngày 5 tháng 4 năm 2024" / "ngày 12 /9/2019" date in ``text``."""
    m = _NGAY.search(fold(text))
    if not m:
        return None
    return make_date(int(m["y"]), int(m["m"]), int(m["d"]))


def find_date(text: str) -> dt.date | None:
    """The first full date in ``text`` in any common spelling ("22/3/2018", "22-3-2018", "ngày 6 tháng 1 năm 2023")."""
    f = fold(text)
    m = _NGAY.search(f) or DAY_MONTH_YEAR.search(f)
    if not m:
        return None
    return make_date(int(m["y"]), int(m["m"]), int(m["d"]))


def _quarter(q: str) -> int | None:
    n = int(q) if q.isdigit() else roman_to_int(q.upper())
    return n if n and 1 <= n <= 4 else None


Span = tuple[dt.date, dt.date]


def _quarter_range(m: re.Match) -> Span | None:
    q1, q2 = _quarter(m["q1"]), _quarter(m["q2"])
    if not q1 or not q2:
        return None
    y2 = int(m["y2"])
    y1 = int(m["y1"]) if m["y1"] else (y2 if q1 <= q2 else y2 - 1)
    return _ordered(dt.date(y1, 3 * q1 - 2, 1), last_day(y2, 3 * q2))


def _ordered(start: dt.date, end: dt.date) -> Span | None:
    """A span that ends after it starts; None for one written backwards ("Quý IV/2026 - Quý I/2026")."""
    return (start, end) if start <= end else None


def _quarter_list(m: re.Match) -> Span | None:
    found = [_quarter(q) for q in rx.findall(r"(?:(?<!\w)|(?<=q)|(?<=q\.))(?:[ivx]+|[1-4])(?!\w)", m.string[m.start():m.end("y") - 4])]
    quarters = [q for q in found if q]
    if not quarters or len(quarters) != len(found) or quarters != sorted(quarters):
        return None
    y = int(m["y"])
    return dt.date(y, 3 * quarters[0] - 2, 1), last_day(y, 3 * quarters[-1])


def _one_quarter(m: re.Match) -> Span | None:
    q = _quarter(m["q"])
    return (dt.date(int(m["y"]), 3 * q - 2, 1), last_day(int(m["y"]), 3 * q)) if q else None


def _half(m: re.Match) -> Span:
    y = int(m["y"])
    return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if m["h"] == "dau" else (dt.date(y, 7, 1), dt.date(y, 12, 31))


def _month_range(m: re.Match) -> Span | None:
    y2 = int(m["y2"])
    y1 = int(m["y1"]) if m["y1"] else y2
    m1, m2 = int(m["m1"]), int(m["m2"])
    return _ordered(dt.date(y1, m1, 1), last_day(y2, m2)) if 1 <= m1 <= 12 and 1 <= m2 <= 12 else None


def _month_list(m: re.Match) -> Span | None:
    y, m1, m2 = int(m["y"]), int(m["m1"]), int(m["m2"])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    return dt.date(y if m1 <= m2 else y - 1, m1, 1), last_day(y, m2)


def _one_month(m: re.Match) -> Span | None:
    mo, y = int(m["m"]), int(m["y"])
    return (dt.date(y, mo, 1), last_day(y, mo)) if 1 <= mo <= 12 else None


def _year_range(m: re.Match) -> Span | None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    return (dt.date(y1, 1, 1), dt.date(y2, 12, 31)) if y2 >= y1 else None


def _school_year(m: re.Match) -> Span | None:
    """1 September of the first school year to 31 May of the last: the general-school calendar (the
    year opens in early September and closes by the end of May)."""
    y1, y2 = int(m["y1"]), int(m["y2"])
    last = int(m["y4"]) if m["y3"] else y2
    if y2 <= y1 or (m["y3"] and not (y1 <= int(m["y3"]) < last)):
        return None
    return dt.date(y1, SCHOOL_YEAR_OPENS, 1), last_day(last, SCHOOL_YEAR_CLOSES)


_SEASON_NAMES = r"dong\s+xuan|chiem\s+xuan|he\s+thu|thu\s+dong"
_SEASON_WORDS = rf"(?<!\w)(?:vu\s+(?:(?:san\s+xuat|lua|gieo\s+(?:cay|trong))\s+)?(?:{_SEASON_NAMES}|xuan|mua|dong)|mua\s+(?:{_SEASON_NAMES}))"
CROP_SEASON_TIME = rf"{_SEASON_WORDS}\s+(?:nam\s+)?{YEAR}(?:\s*[-–/]\s*{YEAR})?(?!\d)"
"""A crop season and its year(s) (folded, no groups: for the running-text grammar): "vụ Đông Xuân 2025-2026", "vụ
lúa Hè Thu năm 2026", "mùa Đông Xuân 2025 - 2026"; not "mùa xuân 2026" or "mùa đông" (weather seasons)."""
CROP_SEASON = rx.compile(
    rf"(?<!\w)(?:vu\s+(?:(?:san\s+xuat|lua|gieo\s+(?:cay|trong))\s+)?(?P<season>{_SEASON_NAMES}|xuan|mua|dong)"
    rf"|mua\s+(?P<named>{_SEASON_NAMES}))\s+(?:nam\s+)?(?P<y1>{YEAR})(?:\s*[-–/]\s*(?P<y2>{YEAR}))?(?!\d)")


def _crop_season(m: re.Match) -> Span | None:
    """The usual months of a crop season (:data:`kehoach.vocab.dates.CROP_SEASONS`): one year names the season's
    year, two its opening and closing years (one year apart for a season across the new year)."""
    opens, offset, closes = CROP_SEASONS[" ".join((m["season"] or m["named"]).split())]
    crosses = closes < opens
    y1 = int(m["y1"]) if m["y2"] else int(m["y1"]) + offset
    y2 = int(m["y2"]) if m["y2"] else y1 + crosses
    if y2 - y1 != crosses and (crosses or y2 < y1):
        return None
    return dt.date(y1, opens, 1), last_day(y2, closes)


def _semester(m: re.Match) -> Span | None:
    """The first semester runs from September into January, the second from January to May (their
    bounds by the month: the turn falls in mid-January)."""
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 != y1 + 1:
        return None
    if m["s"] in ("i", "1"):
        return dt.date(y1, SCHOOL_YEAR_OPENS, 1), last_day(y2, 1)
    return dt.date(y2, 1, 1), last_day(y2, SCHOOL_YEAR_CLOSES)


def _one_year(m: re.Match) -> Span:
    return dt.date(int(m["y"]), 1, 1), dt.date(int(m["y"]), 12, 31)


def _lunar_new_year(m: re.Match) -> Span | None:
    """The first day of the lunar year named ("Tết Nguyên đán 2027", "Tết 2027"), or of the solar year ("Tết Dương lịch
    2027"); None for a lunar year the table does not hold (then the year alone is read)."""
    year = int(m["y"]) if m["y"] else _named_year(m["stem"], m["branch"])
    if year is None or (m["y"] and m["stem"] and _named_year(m["stem"], m["branch"]) not in (None, year)):
        return None
    day = (1, 1) if m["solar"] else LUNAR_NEW_YEAR.get(year)
    return None if day is None else (dt.date(year, *day), dt.date(year, *day))


def _named_year(stem: str | None, branch: str | None) -> int | None:
    """The year of this century's first sixty a lunar year's name gives ("Bính Ngọ" -> 2026), folded; None for no name."""
    return next((y for y in range(2020, 2080) if STEMS[y % 10] == stem and BRANCHES[y % 12] == branch), None)


SPAN_READERS: dict[str, Callable[[re.Match], Span | None]] = {
    "lunar_new_year": _lunar_new_year,
    "crop_season": _crop_season, "semester": _semester, "school_year": _school_year, "quarter_range": _quarter_range, "quarter_list": _quarter_list, "quarter": _one_quarter, "half": _half,
    "month_range": _month_range, "month_list": _month_list, "month": _one_month, "month_short": _one_month,
    "year_range": _year_range, "year": _one_year,
}
"""Each shape in :data:`_SPAN_PATTERNS` -> its start and end (None: the figures are no date)."""
POINT_SPANS = {"quarter", "half", "month", "month_short", "year", "semester", "school_year", "lunar_new_year", "crop_season"}
"""Shapes that "trước …" makes an end ("trước Quý III/2024": by its end)."""
TERM_SPANS = {"semester", "school_year", "lunar_new_year", "crop_season"}
"""Shapes that open on a day of their own: "trước" one is before it opens ("trước Tết 2027", "trước vụ Đông Xuân")."""


PART = rx.compile(r"(?:(?<!\w)(?P<half>nua)\s+|(?<!\w)(?:nhung|cac)\s+thang\s+|(?<!thang\s))(?<!\w)(?P<part>dau|giua|cuoi)\s+(?P<year>nam\s+)?$")
"""Early, mid or late in a time (folded, before it): "đầu năm", "giữa tháng", "cuối quý", "những tháng đầu
năm", and a half, "nửa đầu năm"; not "tháng đầu năm" (the first month, or "sáu" mistyped "sau")."""
PART_SPANS = {"year", "quarter", "month", "month_short"}
"""Shapes that "đầu/giữa/cuối" narrow (:func:`part_of`)."""
_YEAR_PARTS = {"dau": (1, 3), "giua": (4, 9), "cuoi": (10, 12)}
"""Early, mid and late in a year, by month: its first quarter, its middle two, its last."""
_DECADES = {"dau": (1, 10), "giua": (11, 20), "cuoi": (21, 31)}
"""Early, mid and late in a month: its first, middle and last ten days (thượng, trung, hạ tuần)."""


def part_of(span: tuple[dt.date, dt.date], part: re.Match) -> tuple[dt.date, dt.date]:
    """The part of a year, a quarter or a month that "đầu" (early), "giữa" (mid) or "cuối" (late) names:
    of a year, its first quarter, April to September, its last quarter ("nửa đầu/cuối năm": a half); of a
    quarter, its first, second or third month; of a month, days 1-10, 11-20, 21 to its end."""
    first, last = span
    word = part["part"]
    if part["year"]:
        m1, m2 = ((1, 6) if word == "dau" else (7, 12)) if part["half"] and word != "giua" else _YEAR_PARTS[word]
        return dt.date(first.year, m1, 1), last_day(first.year, m2)
    if first.month != last.month:  # a quarter: one of its three months
        mo = first.month + ("dau", "giua", "cuoi").index(word)
        return dt.date(first.year, mo, 1), last_day(first.year, mo)
    d1, d2 = _DECADES[word]
    return dt.date(first.year, first.month, d1), dt.date(first.year, first.month, min(d2, last.day))


_NAMES_SCHOOL_YEAR = rx.compile(r"\b(?:nam|nien)\s+hoc\s+(?:19|20)\d\d\b")
_NAMES_SEASON = rx.compile(CROP_SEASON_TIME)


def school_year_warnings(tasks: list[dict]) -> list[PlanWarning]:
    """One ``school-year`` warning for the deadlines that name a school year ("năm học 2025-2026"),
    whose dates come from the general-school calendar rather than from the text, and one ``crop-season`` warning
    for those that name a crop season ("vụ Đông Xuân 2025-2026"), whose dates are its usual months."""
    return [*_school_year_warnings(tasks), *_season_warnings(tasks)]


def _season_warnings(tasks: list[dict]) -> list[PlanWarning]:
    return _named_warning(tasks, _NAMES_SEASON, "crop-season", "a crop season", lambda d: (
        f"read as the season's usual months across the regions ({d['start']} to {d['end']}); check them against the "
        "province's crop calendar"))


def _school_year_warnings(tasks: list[dict]) -> list[PlanWarning]:
    return _named_warning(tasks, _NAMES_SCHOOL_YEAR, "school-year", "a school year", lambda d: (
        "read as 1 September to 31 May, the general-school calendar; check them where another calendar (a "
        "university's) is meant"))


def _named_warning(tasks: list[dict], names, code: str, what: str, reading) -> list[PlanWarning]:
    """One ``code`` warning for the task deadlines that name ``what`` (dates from a calendar, not the text), at the
    first of them; ``reading`` says how the first was read."""
    named = [t for t in tasks if (t["deadline"]["text"] and t["deadline"]["end"]
                                  and names.search(fold_aligned(t["deadline"]["text"])))]
    if not named:
        return []
    first = named[0]
    return [warning(code, f"{len(named)} task deadline(s) name {what} (first: task {first['id']}, "
                    f"{first['deadline']['text'][:60]!r}): {reading(first['deadline'])}", first.get("loc"))]


_DAY_BY = rx.compile(r"(?:truoc|cham nhat(?: la| vao)?|han chot|khong muon hon)\s*(?:ngay\s*)?"
                     r"(?P<d>\d{1,2})\s*(?:/|\s+thang\s+)(?P<m>\d{1,2})(?!\s*(?:/|\.|-|nam\b)\s*\d)(?!\d)"
                     r"(?!\s*(?:,|\bva\b)\s*(?:ngay\s*)?\d{1,2}\s*(?:/|\s+thang\s+)\d)")
"""A day and month with no year that a period's text sets as its closing day: "Năm 2026 (hoàn thành trước
15/12)", "Quý IV/2026, chậm nhất ngày 20 tháng 11"; not the first of days listed ("trước ngày 15/6 và ngày
15/12/2026" runs to the last)."""


def day_within(f: str, start: dt.date | None, end: dt.date | None) -> dt.date | None:
    """The period's end, brought forward to the day its text closes it by ("trước 15/12") when that day,
    in the period's last year, falls inside the period; else the end unchanged."""
    m = _DAY_BY.search(f) if end is not None else None
    if m is None or end is None:
        return end
    day = make_date(end.year, int(m["m"]), int(m["d"]))
    if day is None or day > end or day < (start or dt.date(end.year, 1, 1)):
        return end
    return day


_FROM_DAY_MONTH = rx.compile(r"(?:^|\s)(?:tu|bat dau(?:\s+tu)?)\s*(?:ngay\s*)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])")
_TO_DAY_MONTH = rx.compile(r"(?:-|–|\bden\b|\btoi\b)\s*(?:het\s+)?(?:ngay\s*)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])")


def fill_yearless(f: str, start: dt.date | None, end: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """A span one end of which is a day and month with no year, the year written at the other end: "từ ngày 11/9
    đến hết năm 2026" starts 11 September 2026, "từ ngày 15/12/2025 đến ngày 15/01" ends 15 January 2026 (a month
    before the start's is in the next year)."""
    if start is None and end is not None and (m := _FROM_DAY_MONTH.search(f)):
        day = make_date(end.year - (int(m["m"]) > end.month), int(m["m"]), int(m["d"]))
        return (day, end) if day is not None and day <= end else (start, end)
    if end is None and start is not None and (m := _TO_DAY_MONTH.search(f)):
        day = make_date(start.year + (int(m["m"]) < start.month), int(m["m"]), int(m["d"]))
        return (start, day) if day is not None and day >= start else (start, end)
    return start, end
