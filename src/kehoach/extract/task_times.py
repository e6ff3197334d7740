"""Times a task's sentence gives besides its time phrase (:mod:`kehoach.extract.dates`): a bracket that holds
only the time ("(hoàn thành trước 30/6/2026)"), a time that closes the sentence on its own ("…, Quý III/2026."), and a
time counted from an event ("trong vòng 30 ngày kể từ ngày ký", "trong 15 ngày làm việc sau khi …", "ngay sau khi Kế hoạch được ban hành").

A time counted from an event is kept as the deadline's text (:func:`find_relative_time`). When the event is the plan's
own signing or issue and the header gives its date, :func:`date_relative_deadlines` counts the dates from it;
counted from anything else ("kể từ ngày Nghị định có hiệu lực", "kể từ ngày nhận Kế hoạch") the phrase stays
with no dates, as a deadline the text does not date ("Thường xuyên")."""

from __future__ import annotations

from .. import rx
from .. import stddate as dt
from ..diagnostics import warning
from .date_spans import last_day
from .dates import PART_WORDS, TIME, fold_time, text_to_deadline

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    from ..model import PlanWarning
    from .period import Period

_BRACKET = rx.compile(r"[(\[](?P<b>[^()\[\]]{4,200})[)\]]")
"""A bracket in a sentence; one that assigns the task and then gives its time is long ("(Sở A chủ trì, phối hợp với
Ủy ban nhân dân các xã, phường có liên quan; thực hiện năm 2026 - 2027)")."""
BRACKET_TIME = rx.compile(
    rf"""^\s*(?:du\s+kien\s+)?
        (?P<label>thoi\s+(?:han|gian)(?:\s+(?:hoan\s+thanh|thuc\s+hien))?\s*:?\s*)?
        (?P<t>(?P<lead>(?:(?:hoan\s+thanh|thuc\s+hien|trien\s+khai)(?:\s*:\s*|\s+)(?:xong\s+)?|xong\s+)?
          (?:(?:truoc|trong|vao|tu|den|cham\s+nhat(?:\s+la|\s+vao)?)\s+)?)
          {PART_WORDS}(?P<what>{TIME})(?:\s*(?:-|–|den|toi)\s*(?:het\s+)?{PART_WORDS}(?:{TIME}))?)\s*[.;]?\s*$""",
    rx.X)
"""A bracket (or its last part after a ";" or ",") that holds a time and nothing else (folded): "(hoàn thành
trước 30/6/2026)", "[thực hiện trong quý II/2026]", "(thời hạn: tháng 6/2026)", "(hoàn thành: Quý III/2026)", "(dự kiến Quý III/2026)"; a year
or a span of years alone ("(năm 2025)", "(giai đoạn 2021-2025)") dates what the sentence names, and needs a word
that makes it the time."""


def find_bracket_time(text: str) -> str | None:
    """The time a bracket inside a sentence gives for the task (:data:`BRACKET_TIME`), as written; None when no
    bracket holds only a time that has a date ("(theo Phụ lục kèm theo)", "(năm 2025 đạt 80%)").

    >>> find_bracket_time("Sở A xây dựng quy chế (hoàn thành trước 30/6/2026).")
    'hoàn thành trước 30/6/2026'
    >>> find_bracket_time("Sở A báo cáo kết quả (năm 2025) về Sở B.") is None
    True
    """
    if "(" not in text and "[" not in text:
        return None
    for b in _BRACKET.finditer(text):
        whole = b["b"]  # or its last part: "(Sở A chủ trì; hoàn thành trước 30/6/2026)", "(Sở B phối hợp, Quý II/2026)"
        for body in dict.fromkeys((whole, whole[whole.rfind(";") + 1:], whole[whole.rfind(",") + 1:])):
            m = BRACKET_TIME.match(fold_time(body))
            if m is None or not (m["label"] or m["lead"].strip() or rx.match(r"ngay|thang|quy|\d", m["what"])):
                continue
            phrase = body[m.start("t"):m.end("t")]
            d = text_to_deadline(phrase)
            if d["start"] or d["end"]:
                return phrase
    return None


_UNTIL_STOP = r"(?=\s*(?:[.;](?:\s|$)|$))"
CLOSING_TIME = rx.compile(
    rf"(?:[,;:]|\s[-–])\s*(?P<t>(?:hoan\s+thanh\s+(?:xong\s+)?)?{PART_WORDS}(?:{TIME})){_UNTIL_STOP}"
    rf"|\s(?P<h>hoan\s+thanh\s+(?:xong\s+)?{PART_WORDS}(?:{TIME})){_UNTIL_STOP}")
"""A time that closes a sentence with no word leading it in, set apart by a comma, a semicolon or a dash
("…, Quý III/2026.") or after "hoàn thành" ("… hoàn thành Quý III/2026.")."""
_ENDS_WITH_TIME = rx.compile(rf"(?:{TIME}|\d)\s*$")


def find_closing_time(text: str) -> str | None:
    """The time that closes a sentence on its own, as written (:data:`CLOSING_TIME`); None when the time
    belongs to what the sentence names ("Sở A báo cáo kết quả quý III/2026.": no comma sets it apart) or
    ends a list of times ("số liệu năm 2024, năm 2025.").

    >>> find_closing_time("Sở A chủ trì tổ chức hội nghị sơ kết, Quý III/2026.")
    'Quý III/2026'
    >>> find_closing_time("Sở A chủ trì, báo cáo kết quả quý III/2026.") is None
    True
    """
    f = fold_time(text)
    for m in CLOSING_TIME.finditer(f):
        group = "t" if m["t"] else "h"
        if group == "t" and _ENDS_WITH_TIME.search(f, 0, m.start()):
            continue
        phrase = text[m.start(group):m.end(group)]
        d = text_to_deadline(phrase)
        if d["start"] or d["end"]:
            return phrase
    return None


_ONE_TERM = r"(?<=\bphong),\s*(?=chong\b)"
"""A comma inside one term, which ends no clause (folded): "phòng, chống" (prevention and control) in a law's or a
campaign's name ("ngay sau khi Luật Phòng, chống A (sửa đổi) được thông qua": the event read whole)."""
_AMENDED = r"\((?:sua\s+doi|bo\s+sung|sua\s+doi\s*,\s*bo\s+sung)\)"
"""A law's or a decree's name marked as amended ("Luật A (sửa đổi)"): part of the event's name."""
RELATIVE_TIME = rx.compile(
    rf"""(?<!\w)(?:
        (?:hoan\s+thanh\s+)?(?:(?:trong|cham\s+nhat(?:\s+la)?|sau|truoc)\s+(?:(?:vong|thoi\s+han|thoi\s+gian|toi\s+da)\s+)?
          |(?:thoi\s+han|toi\s+da)\s+)
        (?P<n>\d{{1,3}})\s*(?:\([^()]{{1,30}}\)\s*)?(?P<unit>ngay(?:\s+lam\s+viec)?|tuan|thang)\s*,?\s*
        (?:ke\s+tu|tinh\s+tu|sau\s+khi|sau|tu)\s+(?P<anchor>(?:[^.;,()]|{_ONE_TERM}){{3,80}}?)
      | ngay\s+sau\s+khi\s+(?P<at>(?:[^.;,()]|{_ONE_TERM}|{_AMENDED}){{3,120}}?)
      | (?:sau\s+)?khi\s+(?P<ev>(?:[^.;()]){{3,80}}?\s(?:ban\s+hanh|co\s+(?:van\s+ban\s+)?huong\s+dan|duoc\s+(?:phe\s+duyet
          |thong\s+qua|ban\s+hanh))\b[^.;()]{{0,160}}?))
      (?=\s*(?:[.;)]|\((?!{_AMENDED[2:]})|,(?!\s*chong\b)|$))""",
    rx.X,
)
"""A time counted from an event (folded): "trong vòng 30 ngày kể từ ngày ký", "chậm nhất 15 ngày làm việc sau khi
…", "trong thời hạn 10 (mười) ngày kể từ ngày nhận …", "ngay sau khi Kế hoạch được ban hành" (from the event on),
"khi Bộ A ban hành văn bản hướng dẫn" (when a body issues, guides or approves: a time no date gives)."""
OWN_DATE = rx.compile(
    r"""^(?:ngay\s+|khi\s+)?(?:
        (?:ky|ban\s+hanh|ky\s+ban\s+hanh)(?:\s+(?:ke\s+hoach|van\s+ban|quyet\s+dinh)(?:\s+nay)?)?
      | (?:ke\s+hoach|van\s+ban|quyet\s+dinh)(?:\s+nay)?\s+(?:duoc\s+)?(?:ky|ban\s+hanh|ky\s+ban\s+hanh))$""",
    rx.X,
)
"""The plan's own signing or issue, the event a time is counted from: "ngày ký", "ngày ký ban hành Kế hoạch",
"khi Kế hoạch này được ban hành", "ngày Quyết định được ký" (a decision issuing the plan)."""


def find_relative_time(text: str) -> str | None:
    """The time a sentence counts from an event, as written.

    >>> find_relative_time("Sở A báo cáo trong vòng 30 ngày kể từ ngày ký.")
    'trong vòng 30 ngày kể từ ngày ký'
    >>> find_relative_time("Sở A chủ trì, thực hiện ngay sau khi Kế hoạch được ban hành.")
    'ngay sau khi Kế hoạch được ban hành'
    """
    if "ngay" not in (f := fold_time(text)) and "tuan" not in f and "thang" not in f and "khi" not in f:
        return None
    for m in RELATIVE_TIME.finditer(f):
        if m["n"] or m["ev"] or text[m.start():m.start() + 4].lower() == "ngay":  # "ngay sau khi" (at once), not "ngày"
            return text[m.start():m.end()]
    return None


def relative_dates(phrase: str, issued: dt.date) -> tuple[dt.date, dt.date | None] | None:
    """(start, end) of a time counted from the plan's own date ``issued``; None when ``phrase`` is no such
    time or counts from another event. N days end N days after it (the day it starts from is not counted),
    working days skip Saturdays and Sundays (public holidays are not known), "ngay sau khi" has no end."""
    phrase = phrase.strip(" .")
    m = RELATIVE_TIME.fullmatch(fold_time(phrase))
    if m is None or m["at"] and phrase[:4].lower() != "ngay" \
            or not OWN_DATE.match(" ".join((m["anchor"] or m["at"] or m["ev"]).split())):
        return None
    if m["at"] or m["ev"]:  # "ngay sau khi Kế hoạch được ban hành", "khi Kế hoạch này được ban hành": from then on
        return issued, None
    n, unit = int(m["n"]), m["unit"].split()
    if unit[0] == "thang":
        y, mo = divmod(issued.month - 1 + n, 12)
        last = last_day(issued.year + y, mo + 1)
        return issued, last.replace(day=min(issued.day, last.day))
    if len(unit) > 1:  # "ngày làm việc": working days
        end = issued
        while n > 0:
            end += dt.timedelta(days=1)
            n -= end.weekday() < 5
        return issued, end
    return issued, issued + dt.timedelta(days=n * (7 if unit[0] == "tuan" else 1))


def date_relative_deadlines(tasks: list[dict], issued: str | None) -> None:
    """Give the dates of every task deadline counted from the plan's own date, when the header has it."""
    if not issued:
        return
    day = dt.date.fromisoformat(issued)
    for t in tasks:
        d = t["deadline"]
        if d["text"] and d["start"] is None and d["end"] is None and (span := relative_dates(d["text"], day)):
            d["start"] = span[0].isoformat()
            d["end"] = span[1].isoformat() if span[1] else None


_ANY_YEAR = rx.compile(r"(?:19|20)\d\d")
_YEARLESS = rx.compile(r"(?<![\d/])\d{1,2}\s*/\s*\d{1,2}(?![\d/])|\b(?:thang|quy)\s+(?:\d{1,2}|[ivx]+)\b")
"""A time named without its year (folded): "ngày 15/12", "tháng 9", "quý III"."""
_ENDS_IT = rx.compile(r"[\s.;,)]*$")
_RANGE_JOINT = rx.compile(r"\s*(?:-|–|den|toi)\s*(?:het\s+)?(?:ngay\s+)?")
"""Between the two ends of a range with no year (folded): "từ ngày 10/3 đến ngày 20/4", "tháng 4 - tháng 5"."""


_GROUP_YEAR = rx.compile(r"(?:^|\s)nam\s+(?P<y>(?:19|20)\d\d)\s*[:.)]?\s*$")
"""A group row that names the one year of its rows, at its end (folded): "A. NĂM 2026", "Nhiệm vụ năm 2027"."""


def _group_year(group: str | None) -> int | None:
    """The year a task's group row names ("B. NĂM 2027" -> 2027); None for a group naming none, a span of years or a
    dated document ("Năm 2026 - 2027", "Thực hiện Kết luận số 12-KL/TW năm 2025")."""
    folded = fold_time(group or "")
    m = _GROUP_YEAR.search(folded)
    return int(m["y"]) if m and len(_ANY_YEAR.findall(folded)) == 1 and "/" not in folded else None


def date_yearless_deadlines(tasks: list[dict], period: Period | None, issued: str | None,
                            warnings: list[PlanWarning]) -> list[PlanWarning]:
    """Date the deadlines that end on a time named without its year ("chậm nhất ngày 15/12", "trong tháng 9"), or on a
    range of two ("từ ngày 10/3 đến ngày 20/4": not one that runs into another year), in the year the task's group
    row names ("B. NĂM 2027"), or else in the plan's one year, when its period is one year read from its words or its
    date of issue; only where the time falls after the issue. ``warnings`` without their "not understood" for those
    tasks, with a ``deadline-year-inferred`` that says so."""
    one_year = period is not None and period.start.year == period.end.year \
        and period.basis in ("title", "objectives", "issue year")
    dated: dict[str, list[dict]] = {"group": [], "plan": []}
    for t in tasks:
        d = t["deadline"]
        text = d["text"]
        year = _group_year(t.get("group")) or (period.start.year if one_year and period is not None else None)
        if year is None or not text or d["start"] or d["end"] or d["recurrence"] or _ANY_YEAR.search(text):
            continue
        f = fold_time(text)
        found = list(_YEARLESS.finditer(f))
        if not 0 < len(found) <= 2 or not _ENDS_IT.fullmatch(text, found[-1].end()) \
                or len(found) == 2 and not _RANGE_JOINT.fullmatch(f, found[0].end(), found[1].start()):
            continue
        starts = [0, *(m.end() for m in found[:-1])]  # the year after each end: "từ ngày 10/3 năm Y đến ngày 20/4 năm Y"
        read = text_to_deadline("".join(f"{text[at:m.end()]} năm {year}" for at, m in zip(starts, found, strict=True)))
        whole = read["start"] == f"{year}-01-01" and read["end"] == f"{year}-12-31"  # "Quý V": only the year read
        if read["end"] and not whole and not read["recurrence"] and (issued is None or read["end"] >= issued) \
                and (read["start"] is None or read["start"] <= read["end"]):  # "từ 15/12 đến 15/01": which years?
            d["start"], d["end"] = read["start"], read["end"]
            dated["group" if _group_year(t.get("group")) else "plan"].append(t)
    if not any(dated.values()):
        return warnings
    stale = tuple(f"task {t['id']}: deadline " for ts in dated.values() for t in ts)
    out = [w for w in warnings if not (w["code"] == "deadline-unparsed" and w["message"].startswith(stale))]
    for why, ts in dated.items():
        if ts:
            first = ts[0]
            where = "the year its group row names" if why == "group" else \
                f"the plan's year {period.start.year if period is not None else ''}"
            out.append(warning("deadline-year-inferred", f"{len(ts)} task deadline(s) name no year (first: task "
                               f"{first['id']}, {first['deadline']['text'][:60]!r}): read in {where}", first.get("loc")))
    return out


def stale_deadlines(tasks: list[dict], issued: str | None) -> list[PlanWarning]:
    """A ``deadline-before-issue`` for the tasks whose deadline ends before the plan's date ("Quý IV/2024" in a plan of
    2025): the time is read as written, and the warning says it cannot have been meant for this plan as it stands; a
    time of the plan's own year ("Quý I/2026" in a plan of April 2026) says the plan came after it instead."""
    stale = [t for t in tasks if issued and t["deadline"]["end"] and t["deadline"]["end"] < issued
             and not t["deadline"]["recurrence"]]
    if not stale or not issued:
        return []
    first = stale[0]
    why = ("the plan was issued after it (issued late, or a row carried over from an earlier plan)"
           if first["deadline"]["end"][:4] == issued[:4] else "check the year in the source")
    return [warning("deadline-before-issue", f"{len(stale)} task deadline(s) end before the plan's date {issued} (first: task "
                    f"{first['id']}, {first['deadline']['text'][:60]!r} ends {first['deadline']['end']}): read as written; "
                    f"{why}", first.get("loc"))]
