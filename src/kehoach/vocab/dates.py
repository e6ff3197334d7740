"""Date vocabulary: the year, date and span fragments every time pattern is built from, and the
words that say how often a task recurs.

The deadline grammar that turns these into dates (quarters, halves, month lists, "trước ngày …")
is :mod:`kehoach.extract.dates`; its examples are tests/cases/dates.yaml.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # (typing itself imports re)
    from typing import Final

YEAR = r"(?:19|20)\d{2}"
"""A year as plans write them: 2024, 1998."""
LUNAR_NEW_YEAR = {2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29),
                  2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3), 2031: (1, 23), 2032: (2, 11),
                  2033: (1, 31), 2034: (2, 19), 2035: (2, 8)}
"""The first day of the lunar year (Tết Nguyên đán) in the Gregorian calendar, (month, day) by the year it opens: a plan's
"trước Tết Nguyên đán 2027" is due early in February 2027, not by the end of 2027."""
STEMS = ("canh", "tan", "nham", "quy", "giap", "at", "binh", "dinh", "mau", "ky")
"""The ten heavenly stems of a lunar year's name, folded, by the year's last figure (2026 is Bính Ngọ)."""
BRANCHES = ("than", "dau", "tuat", "hoi", "ty", "suu", "dan", "mao", "thin", "ty", "ngo", "mui")
"""The twelve earthly branches, folded, by the year modulo 12 ("ty" is both Tý and Tỵ: the stem tells them apart)."""
YEAR_SPAN = rf"{YEAR}\s*[-–]\s*{YEAR}"
"""Two years joined by a dash: "2021-2025", "2026 – 2030"."""
DATE_NUMERIC = rf"\d{{1,2}}\s*[/\-.]\s*\d{{1,2}}\s*[/\-.]\s*{YEAR}"
"""A date in figures: "12/9/2019", "05-4-2024", "3 .11. 2020"."""
DATE_WORDED = rf"\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+{YEAR}"
"""A date in words: "05 tháng 4 năm 2024"."""
DATE = rf"(?:{DATE_NUMERIC}|{DATE_WORDED})"
SCHOOL_YEAR_OPENS = 9
SCHOOL_YEAR_CLOSES = 5
"""The months a school year ("năm học 2025-2026") opens and closes in: the Ministry of Education's
calendar for general schools opens it in early September and closes it by 31 May."""
CROP_SEASONS: dict[str, tuple[int, int, int]] = {
    "dong xuan": (10, -1, 6), "chiem xuan": (12, -1, 6), "xuan": (1, 0, 6), "he thu": (4, 0, 9), "thu dong": (7, 0, 12),
    "mua": (6, 0, 12), "dong": (9, 0, 2)}
"""Crop seasons by their folded names -> (the month the season opens, the year it opens in against the one year
its name gives, the month it closes), the envelope of the usual months across the regions (a province's crop
calendar is narrower): "vụ Đông Xuân 2025-2026" from October 2025 (sowing in the south) to June 2026 (harvest in
the north), "vụ Đông Xuân 2026" the season harvested in 2026; "vụ Hè Thu" April to September, "vụ Thu Đông" July
to December, "vụ Mùa" June to December, "vụ Xuân" January to June, "vụ Chiêm Xuân" December to June, "vụ Đông"
(the northern winter crop) September to February of the next year. A season whose closing month comes before its
opening month ends in the next year."""


class Recurrence:
    """How often a task recurs (the deadline's ``recurrence``), by name (plain strings: see extract/roles.Role)."""

    CONTINUOUS: Final = "continuous"
    ANNUAL: Final = "annual"
    SEMIANNUAL: Final = "semiannual"
    QUARTERLY: Final = "quarterly"
    MONTHLY: Final = "monthly"
    AD_HOC: Final = "ad_hoc"


CITED_DOCUMENT = (r"(?:\bso\s+)?(?<![\w/])\d+(?:/\d{4})?\s*[-/]\s*[a-z][\w/-]*(?:-\s+\w+)?(?:\s+ngay|,)\s+"
                  r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})")
"""A document cited by its number and date in a folded time ("theo ke hoach so 45/kh-ubnd ngay 12/3/2026", "quyet dinh
12/qd-ubnd ngay 05 thang 01 nam 2026"): the date is the day that document was issued, no time of the task."""

RECURRENCE_WORDS: list[tuple[str, str]] = [
    (r"thuong xuyen|lien tuc|hang ngay|hang tuan", Recurrence.CONTINUOUS),
    (r"(?:06|6|sau)\s+thang\s*(?:/|mot|1)\s*lan|dinh ky\s+(?:06|6)\s+thang|hang nua nam|nua nam (?:mot|1) lan|6\s+thang/lan"
     r"|so\s+ket\s+(?:06|6|sau)\s+thang(?!\s*(?:dau|cuoi)?\s*(?:nam\s*)?\d)"
     r"|thang\s+0?6\s*(?:,|\s+va)\s*(?:thang\s+)?12\b(?!\s*(?:[/.-]|nam)\s*\d)"
     r"|(?<![\d/])\d{1,2}\s*(?:thang\s+|/\s*)0?6\s*(?:,|\s+va)\s*(?:ngay\s+)?\d{1,2}\s*(?:thang\s+|/\s*)12\b(?!\s*(?:[/.-]|nam)\s*\d)",
     Recurrence.SEMIANNUAL),
    (r"hang quy|dinh ky hang quy|theo quy(?!\s+dinh)|moi quy|thang cuoi quy"
     r"|thang\s+0?3\s*,\s*0?6\s*,\s*0?9\s*(?:,|\s+va)\s*12\b(?!\s*(?:[/.-]|nam)\s*\d)", Recurrence.QUARTERLY),
    (r"hang thang|dinh ky hang thang|moi thang", Recurrence.MONTHLY),
    (r"hang nam|dinh ky hang nam|moi nam|nam nao cung|(?:cac|nhung) nam (?:hoc )?tiep theo", Recurrence.ANNUAL),
    (r"dot xuat|khi co yeu cau|khi can thiet|khi (?:co|xay ra|phat sinh) (?:dich|su co|thien tai|tinh huong)|khi phat sinh", Recurrence.AD_HOC),
]
"""Folded (tone-less, lower-case: "hằng năm" and "hàng năm" are both "hang nam") phrases -> recurrence.
Order matters: longer first."""

ADVERB_RECURRENCE = r"thuong xuyen|lien tuc"
"""Folded recurrence words that are also adverbs of manner: before a verb ("thường xuyên kiểm tra, đôn đốc
…") they say how closely one duty is done, not when the task is due. Words that name a period ("hằng năm tổ
chức …", "định kỳ hằng quý báo cáo …") schedule the duty they come before and stay its recurrence."""
TIME_VALUE_AFTER = (r"\s*(?:[^\w\s]|$|\d|(?:trong|suot|tu|ke|vao|khi|den|toi|truoc|sau|theo|va|hoac|ve|cho|len|tai"
                    r"|hang|lien|thuong|dinh|dot|nam|quy|thang|ngay|tuan|hoc|ky|lan|mot|moi|cua|giai|nhu|neu)\b)")
"""What follows a recurrence word that is the time itself (folded): a stop or a bracket, a figure, or a time
or linking word ("Thường xuyên trong năm 2026", "Hằng năm (2021-2025)", "định kỳ 6 tháng về Sở")."""

MONTH_WORDS = {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
               "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
"""Months named in words ("tháng Tư năm 2026", "tháng Mười Hai/2026") -> their numbers."""

CLOCK_BEFORE_DATE = r"\d{1,2}\s*(?:h|gio)\s*(?:\d{2}(?:\s*phut)?)?(?:\s+(?:sang|trua|chieu|toi))?\s+"
"""A time of day before a date, folded ("trước 8h30 sáng ngày 14/9/2026", "trước 16 giờ ngày 20/5/2026")."""
