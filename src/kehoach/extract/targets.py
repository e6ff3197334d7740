"""Quantified objectives: "Tỷ lệ hồ sơ xử lý trực tuyến đạt trên 80%" -> indicator, gt, 80.0, "%".

Figures already achieved ("ước đạt", "đã thu hút", "tăng 9,52% so với năm 2021") are not targets.
"""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.dates import YEAR
from ..vocab.targets import COUNT_VERBS, MEASURE_WORDS, UNIT_ENDS, alternation
from . import target_words as tw
from .dates import find_horizons, horizon_at
from .numbers import text_to_number
from .target_doubts import condition_at, pair_doubt, qualifies, unpaired

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?=\s*(?:%|(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L})|(?:-|–|đến|tới)\s*\d[\d.,]*\s*%))|\d+(?:,\d+)?"
"""A figure: "3.604,09", "9,5", "1.500"; a decimal point before "%" or a multiplier too ("10.5%", "1.2 triệu")."""
_PRE_WORDS = (
    r"phấn đấu|đạt|chiếm|duy trì|(?<!gia\s)(?<!tốc\sđộ\s)tăng|(?<!tốc\sđộ\s)giảm|(?<!tốc\sđộ\stăng\s)(?<!tốc\sđộ\sgiảm\s)bình quân|mức|tối thiểu|tối đa|ít nhất|không quá|không vượt quá"
    r"|không dưới|không thấp hơn|trên|dưới|khoảng|xấp xỉ|gần|hơn|từ|lên|xuống|còn|ở mức|ở(?=\s+\d)|đạt mức|thêm|được"
)
_UNIT_WORD = (r"(?:(?!(?:" + alternation(UNIT_ENDS) + r")(?![\p{L}\d])|năm\s+\d)\p{Ll}[\p{Ll}\d]*"
              r"|(?![IVXLCDM]+(?![\p{L}\d]))\p{Lu}[\p{Lu}\d&]{1,5})(?![\p{L}\d])\s*")
"""One word of a unit: a lower-case word that is no function word or predicate (:data:`.vocab.targets.UNIT_ENDS`),
or an abbreviation ("50 HTX", "30 dự án FDI", "5 sản phẩm OCOP"; not a roman numeral)."""
_SYMBOL = r"USD|k?Wh|[kMG]Wp?|kVA?|MVA|GB|TB|[MG]bps|ppm"
"""Units written as symbols, with capitals: "500 MW", "1.500 kWh/người/năm", "200 USD/tấn"."""
_RATE = (r"\s*/\s*(?:(?:" + _NUM + r")\s*)?(?:(?:" + _SYMBOL + r")(?![\p{L}\d])\s*|(?:" + _UNIT_WORD + r")+)"
         r"|trên\s+(?:1|10|100|1\.000|10\.000|100\.000|1\.000\.000)\s+(?:" + _UNIT_WORD + r")+")
"""What a rate is per: "/100.000 dân", "/vạn dân", "/người/năm", "/ha/vụ", "trên 10.000 dân" (a round number of people
after "trên" is the base of a rate, not a second figure)."""
_RATE_BASE = r"(?:(?!(?:vào|trong|đến|tới|tại|ở|năm|và|hoặc|so|của|là)(?![\p{L}\d]))\p{Ll}+(?![\p{L}\d])\s*){1,6}"
"""What a rate with no noun before its "/" is per, to a time, a place or a joint: "/100.000 dân"."""
QUANTITY = rx.compile(
    r"""(?P<pre>(?i:(?:""" + _PRE_WORDS.replace(" ", r"\s+") + r""")\s+)*)
        (?<![\p{L}\d.,/\-])(?P<v1>""" + _NUM + "|" + tw.WORD_FIGURE + r""")(?:(?:\s*%(?=\s*(?:-|–|đến|tới)\s*(?:""" + _NUM + r""")\s*%))?\s*(?:-|–|đến|tới)\s*(?P<v2>""" + _NUM + r"""))?
        (?P<unit>\s*%(?:\s*/\s*năm)?
          |\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L})(?:\s+(?:đồng|(?i:usd)|người|lượt(?:\s+khách)?|tấn|m2|ha|lao\s+động))?(?:\s*/\s*\p{L}+)*
          |\s+(?:(?:""" + _SYMBOL + r""")(?![\p{L}\d])\s*|(?:""" + _UNIT_WORD + r""")+)(?:""" + _RATE + r""")*
          |\s*/\s*(?:1|10|100|1\.000|10\.000|100\.000|1\.000\.000)\s+(?:""" + _RATE_BASE + r""")
)
        (?P<post>\s*trở\s+lên|\s*trở\s+xuống)?""",
    rx.X,
)
"""A figure and its unit. The unit is a percentage, an amount of money or people, or the noun phrase after
the figure, whole, up to the first word that says something of it (a function word or a predicate, see
:mod:`kehoach.vocab.targets`), a sign or a capital ("02 di sản văn hóa phi vật thể | được ghi danh"); a rate per
so many people is one unit ("100 ca/100.000 dân", "30 giường bệnh/vạn dân"), and so is a rate with no noun before
its "/" ("dưới 4/100.000 trẻ đẻ sống": "/100.000 trẻ đẻ sống")."""
ACHIEVED = rx.compile(
    r"\b(?:uoc dat|uoc tinh|uoc thuc hien|da dat|da thu hut|da hoan thanh|da co|tinh den|(?<!phat )hien co|nang tong so"
    r"|thuc hien duoc|du bao)\b"
)
"""Words that mark a figure as already achieved, whatever the sentence says (without tones, whole words; no "phát hiện có")."""
_REACHED = rx.compile(r"(?i)(?<!\p{L})đạt\s+được(?!\p{L})")
""""đạt được" (reached), with its tones: without them it is also "đất được" ("giấy chứng nhận quyền sử dụng đất
được cấp"), which reports nothing."""
ACHIEVED_UNLESS_GOAL = rx.compile(r"so voi (?:nam|cung ky|ke hoach)|ke hoach nam|hien nay")
"""Comparisons that report a result, unless the sentence states a goal ("phấn đấu … so với năm 2022")."""
_NOW = rx.compile(r"^(?:[-+•]\s*)?(?:hien nay|hien tai|den nay|tinh den nay|tinh den thoi diem nay)\b")
"""A clause that opens on the present ("Hiện nay, …", "Đến nay …") reports what is, unless a goal word follows."""
GOAL_CUE = rx.compile(r"phan dau|muc tieu|chi tieu|dat tren|dat toi thieu|dat it nhat|toi thieu|it nhat|tro len")
_LEAD_LABEL = rx.compile(r"^(?:[-+•]\s*)?(?:(?:Định\s+hướng|Tầm\s+nhìn|Mục\s+tiêu)\s+)?", rx.I)
"""What may come before the horizon that opens a goal ("- Tầm nhìn đến năm 2030: …")."""
_LEAD_STOP = rx.compile(r"\s*[:,]\s*")
_STRIP_TAIL = rx.compile(
    r"\s*(?:,|(?<![\p{L}\d])(?:phấn đấu|đạt|chiếm|duy trì|(?<!tốc\sđộ\stăng\s)(?<!tốc\sđộ\sgiảm\s)bình quân|(?<!gia\s)(?<!tốc\sđộ\s)tăng|(?<!tốc\sđộ\s)giảm|mức|là|được|có|thêm|lên|còn"
    r"|tối thiểu|ít nhất|trên|khoảng|cho)(?![\p{L}\d]))*\s*$"
)
"""The words that end an indicator and say how it is measured, not what ("… đạt", "… tăng", "… cho"); whole words
("cơ sở" does not end in "ở", "giá trị gia tăng" keeps its "tăng")."""
_HEAD_WORDS = rx.compile(rf"""^(?:[-+•]\s*|trong\s+đó\s*,?\s*|đồng\s+thời\s*,?\s*|phấn\s+đấu\s*|và\s+|(?:trong|vào)\s+(?=năm\s+{YEAR})
    |(?:chỉ\s+tiêu|mục\s+tiêu)\s+(?:số\s+)?\d{{1,2}}(?:\.\d{{1,2}})*\s*[:.)]\s*
    |từ\s+(?:năm\s+)?{YEAR}\s+trở\s+(?:đi|về\s+sau)\s*,?\s*)""", rx.I | rx.X)
_EACH_YEAR = rx.compile(r"^(?:mỗi|hằng|hàng)\s+năm\s*,?\s*", rx.I)
""""Mỗi năm", "Hằng năm,": how often, kept in a target's text, no part of its indicator."""
"""Words that open a target's text and name none of it ("Chỉ tiêu 2:", "Từ năm 2027 trở đi,"); a horizon neither."""
_COUNT_VERB_HEAD = rx.compile(rf"^(?:{alternation(COUNT_VERBS)})(?=\s)", rx.I)
_SCOPE = rx.compile(r"^(?:tại|ở|đối\s+với|trên\s+địa\s+bàn|khu\s+vực|địa\s+bàn|vùng)\s[^:;]{1,80}(?::\s*|$)", rx.I)
"""A label of where a goal holds, to its colon ("Tại địa bàn …:", "Khu vực …:"), names nothing ("Tỷ lệ hộ nghèo:" does)."""
_COUNT_VERB = rx.compile(rf"^(?:{alternation(COUNT_VERBS)})(?:\s+(?:mới|thêm|được))?$", rx.I)
_MEASURE = rx.compile(rf"^(?:{alternation(MEASURE_WORDS)})(?![\p{{L}}\d/])\s*")
"""A measure word before the thing counted ("3.000 tấn nông sản"); not one a rate is of ("7 tấn/ha")."""
_MEASURE_RATE = rx.compile(rf"^(?:{alternation(MEASURE_WORDS)})\s*/")
_PREPOSITION = rx.compile(r"^(?:trên|tại|ở|trong|cho|so|với|theo|từ|đến)\b", rx.I)
_MONEY = rx.compile(r"^(?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|USD)\b")
_MULTIPLIER = rx.compile(r"^(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L})\s*")
MAX_TEXT = 20_000
"""Characters of one paragraph examined for targets (a goal sentence is far shorter)."""
MAX_PER_CLAUSE = 12
"""Quantities read from one clause; more is a table flattened into text, not a goal."""
_DIGIT = tw.WORD_FIGURE_AT
"""Where a figure may start (:data:`QUANTITY`): text without one holds no target."""
_SKIP_UNITS = {"năm", "tháng", "ngày ký", "giờ ký"}
_AGE = rx.compile(r"^(?:tháng\s+)?tuổi\b")
"""An age ("trẻ em dưới 6 tuổi", "từ 06 tháng đến 36 tháng tuổi") qualifies who is counted; it is not a goal."""
_PER_ONE = rx.compile(r"\s+(?:trên|cho\s+mỗi|mỗi)\s+(?:01|1|một)\s+(?=\p{L})", rx.I)
""""150 triệu đồng trên 01 ha": per hectare, not "more than one hectare"."""
_BULLET = rx.compile(r"^(?:[-+•]\s*)?")
_NEXT_PRE = r"(?:(?i:" + _PRE_WORDS.replace(" ", r"\s+") + r")\s+)*"
_AFTER_END = rx.compile(
    r"[;(]|(?:\s*,|\s+(?:và|hoặc))?\s+(?=(?:trong\s+đó\s*,?\s*)?" + _NEXT_PRE + r"(?:" + _NUM + r")\s*%)"
    r"|(?:\s*,|\s+(?:và|hoặc))\s+(?=" + _NEXT_PRE + r"(?:" + _NUM + r")(?![\d.,]*\s*%)\s*\p{L})"
)
"""Where the thing a figure counts ends (:func:`_after`)."""


def _baseline(text: str, at: int) -> bool:
    """A year after "so với" ("so với cuối năm …") is the baseline of a comparison, not the year a target is due."""
    return bool(_BASELINE_BEFORE.search(text[:at]))


_BASELINE_BEFORE = rx.compile(r"(?i:so\s+với(?:\s+(?:cùng\s+kỳ|thời\s+điểm|đầu|giữa|cuối))*|từ)\s*$")
"""What stands before a baseline's time: "so với năm 2025", "so với cuối năm 2025", "so với cùng kỳ năm 2025"."""


def _years(text: str) -> list[int]:
    """The years the horizons of ``text`` name (:func:`dates.find_horizons`: a span's last), baselines left out."""
    return [h.last for h in find_horizons(text) if not _baseline(text, h.start)] if _DIGIT.search(text) else []


def _year_of(text: str) -> int | None:
    years = _years(text)
    return years[-1] if years else None


def _first_year(text: str) -> int | None:
    years = _years(text)
    return years[0] if years else None


def _year_right_after(rest: str) -> int | None:
    """The year of a horizon that directly follows a figure ("… 90% vào năm 2026 …")."""
    h = horizon_at(rx.sub(r"(?i)^\s*(?:vào\s+|trong\s+)?", "", rest))
    return h.last if h else None


def _lead_time(text: str) -> tuple[int, int] | None:
    """(year, where the goal starts) for a text that opens on its horizon and a ":" or ","
    ("Đến năm 2030: …", "- Giai đoạn 2026-2030, …", "Tầm nhìn đến năm 2045: …")."""
    at = _LEAD_LABEL.match(text).end()  # (it matches the empty string)
    h = horizon_at(text, at)
    stop = _LEAD_STOP.match(text, h.end) if h else None
    return (h.last, stop.end()) if h and stop else None


def _horizon_start(text: str) -> bool:
    """A sentence opening on its horizon ("Giai đoạn 2026-2030, …", "Đến (hết) năm 2030, …") states a goal."""
    h = horizon_at(text, _BULLET.match(text).end())
    return h is not None and h.kind != "year" and text[h.end:].lstrip().startswith(",")


def _strip_head(text: str) -> str:
    """``text`` without the words and horizons that open it (:data:`_HEAD_WORDS`)."""
    while True:
        m = _HEAD_WORDS.match(text)
        h = None if m else horizon_at(text)
        if m:
            text = text[m.end():]
        elif h:
            text = text[h.end:].lstrip(" ,")
        else:
            return text


def _segment_text(text: str) -> str:
    t = " ".join(rx.sub(r"\([^()]*\)", " ", text).split())
    return _strip_head(t).strip(" ,;:.")


def _clauses(text: str) -> list[str]:
    parts = rx.split(r";\s*|(?<=\.)\s+(?=\p{Lu})", text)
    return [p.strip() for p in parts if p.strip()]


def text_to_targets(text: str, context_year: int | None = None, require_cue: bool = False,
                    fallback_indicator: str | None = None) -> list[dict]:
    """Every quantified objective in ``text``.

    ``context_year`` is the year the heading or a parent item gives; ``require_cue`` asks for a
    goal word ("phấn đấu", "mục tiêu", "tối thiểu" …) outside objective sections.
    """
    out: list[dict] = []
    if not _DIGIT.search(text):  # every quantity has a figure (:data:`QUANTITY`): nothing to read
        return out
    whole = text.strip()
    lead = _lead_time(whole)
    base_year = (lead[0] if lead else None) or context_year
    whole = _PER_ONE.sub("/", whole)
    if require_cue and not GOAL_CUE.search(ascii_fold(whole)) and not _horizon_start(whole):
        return out
    # in an objectives section or a target column every figure is a goal, "so với năm 2024" included
    goal_sentence = not require_cue or bool(rx.search(r"phan dau|muc tieu|chi tieu", ascii_fold(whole)))
    for clause in _clauses(whole[:MAX_TEXT]):
        own = _lead_time(clause)  # "…; năm 2028: 100%": the clause's own year
        clause_body = clause[own[1]:] if own else clause
        if not _DIGIT.search(clause_body):
            continue
        folded = ascii_fold(clause_body)
        if ACHIEVED.search(folded) or _REACHED.search(clause_body) or (not goal_sentence and ACHIEVED_UNLESS_GOAL.search(folded)) \
                or (_NOW.match(folded) and not GOAL_CUE.search(folded)):  # "Hiện nay, toàn tỉnh có khoảng 150 điểm …"
            continue
        found = _clause_targets(clause_body, (own[0] if own else None) or base_year,
                                fallback_indicator or (out[-1]["indicator"] if out and own else None))
        out.extend(found)
    return out


def _clause_targets(clause_body: str, base_year: int | None, fallback_indicator: str | None) -> list[dict]:
    """The targets of one clause, each figure with the words before it (or the thing it counts) as its indicator."""
    out: list[dict] = []
    prev_end = 0
    covered = 0  # the clause text up to here names the previous target's indicator
    first_indicator = None
    baseline: tuple[int, str, float, str, int] | None = None  # (where, words before, value, unit, end) a change starts from
    for n_q, q in enumerate(QUANTITY.finditer(clause_body)):
        if n_q >= MAX_PER_CLAUSE:
            break
        if qualifies(clause_body, q.start(), covered, bool(first_indicator)):
            continue
        unit = rx.sub(r"(?i)\busd\b", "USD", " ".join(q.group("unit").split()).replace(" /", "/").replace("/ ", "/"))
        unit = rx.sub(r"\s+trên\s+(?=\d)", "/", unit)
        before = clause_body[prev_end:baseline[0] if baseline else q.start()]
        if _not_a_target(q, unit, before):
            continue
        if condition_at(clause_body, q.start(), q.group("pre")):  # "100% các xã có tỷ lệ hộ nghèo | dưới 30%": which ones
            _name_condition(out, clause_body, q)
            continue
        v1 = text_to_number(q.group("v1")) if q.group("v1")[0].isdigit() else tw.words_to_number(q.group("v1"))
        if v1 is None:
            continue
        if _FROM.search(q.group("pre")) and not q.group("v2") and (to := _TO_FIGURE.match(clause_body, q.end())):
            # "giảm từ 23 ca/1.000 phụ nữ xuống 18 …", "tăng từ 40% (năm 2025) lên 60%": where it starts
            baseline = (q.start(), q.group("pre"), v1, unit, to.start("to"))
            continue
        v2 = text_to_number(q.group("v2")) if q.group("v2") else None
        before, bound = tw.bound_before_time(before)  # "… các thôn ít nhất vào năm 2027 đạt 35%": the bound is the figure's
        cmp, direction = tw.comparator((baseline[1] if baseline else "") + bound + q.group("pre"), q.group("post"), v2 is not None)
        if cmp == "eq" and out and not baseline and _LISTED.fullmatch(before) and not q.group("pre").strip() \
                and not unit.startswith("%") and not out[-1]["unit"].startswith("%"):
            cmp = out[-1]["comparator"] if out[-1]["comparator"] in _SHARED else cmp  # "ít nhất 100 A, 50 B": both
        if _RANK.search(clause_body, 0, q.start()):  # "thuộc top 03 vùng …": a place in a ranking, at most 3rd
            cmp, unit = "le", "hạng"
        doubt = pair_doubt(baseline, v1, unit, direction) if baseline else unpaired(q, v2)
        if baseline and direction is None:
            direction = "increase" if v1 > baseline[2] else "decrease" if v1 < baseline[2] else None
        since = baseline[4] if baseline else 0  # the baseline's own time ("từ 40% năm 2025 lên …") is not the target's
        from_value, baseline = (baseline[2] if baseline else None), None
        indicator, seg_end, covered, unit = _indicator(clause_body, q, before, unit, first_indicator, covered)
        if (share := _joined_share(out, clause_body, q, before, unit)) is not None:
            indicator, seg_end, prev_end = share
            covered = seg_end
        indicator = indicator or fallback_indicator
        if direction is None and indicator:
            direction = tw.direction_named(indicator)
        first_indicator = first_indicator or indicator
        if unit.startswith("%"):
            unit = "%/năm" if "năm" in unit else "%"
        year = _target_year(clause_body, q, since) or base_year
        if len(unit.split()) > _UNIT_WORDS:
            doubt = doubt or f"its unit runs on for {len(unit.split())} words ({unit!r}): the thing counted and what is " \
                "said of it may not be parted; check its unit and indicator"
        out.append({"text": _segment_text(clause_body[prev_end:seg_end]) or clause_body, "indicator": indicator or None,
                    "comparator": cmp, "value": v1, "value_max": v2, "unit": unit, "year": year, "direction": direction,
                    **({"baseline": from_value} if from_value is not None else {}), **({"doubt": doubt} if doubt else {})})
        prev_end = seg_end
    return out


_LISTED = rx.compile(r"\s*,\s*")
"""Only a comma between a count and the count before it: one list ("ít nhất 100 A, 50 B"); shares, and figures joined
by "và", say their own bounds ("trên 80% A và 100% B")."""
_SHARED = {"ge", "gt", "le", "lt", "approx"}
"""Bounds a list's first figure carries to the figures after it."""
_RANK = rx.compile(r"(?i)(?<!\p{L})(?:top|tốp)\s*$")


def _target_year(clause_body: str, q, since: int) -> int | None:
    """The year right after a figure ("90% vào năm 2026 và 100% vào năm 2030"), else its own words', else the clause's."""
    return _year_right_after(clause_body[q.end():]) or _year_of(clause_body[max(since, q.start() - 300): q.end()]) \
        or _first_year(clause_body[q.end(): q.end() + 200])


def _name_condition(out: list[dict], clause_body: str, q) -> None:
    """A condition right after the previous target's indicator names which ones it counts: added to that indicator."""
    if out and out[-1]["indicator"] and clause_body[:q.start()].rstrip().endswith(out[-1]["indicator"]):
        out[-1]["indicator"] += " " + " ".join(q.group(0).split())


def _joined_share(out: list[dict], clause_body: str, q, before: str, unit: str) -> tuple[str, int, int] | None:
    """(indicator, end of its text, start of its text) of a share joined to the share before it, each counting the noun
    after it ("tập huấn cho 100% cán bộ xã và 80% cán bộ thôn"); the noun between goes to the share before. None when not one."""
    if not (out and unit.startswith("%") and out[-1]["unit"] == "%" and (joined := _JOINED.fullmatch(before))
            and _names_a_count(after := _after(clause_body[q.end():]))):
        return None
    out[-1]["indicator"] = f"{out[-1]['indicator']} {joined.group('noun')}".strip()
    out[-1]["text"] = f"{out[-1]['text']} {joined.group('noun')}"
    rest = clause_body[q.end():]
    return after, q.end() + len(rest) - len(rest.lstrip()) + len(after), q.start()


_GOAL_PRE = rx.compile(r"(?i)phấn\s+đấu")
_TIME_TAIL = rx.compile(r"(?:\s+(?:ngay\s+)?(?:(?:vào|đến|tới|trong)\s+(?:hết\s+|cuối\s+)?)?năm\s+\d{4}|,?\s+(?:góp\s+phần|nhằm)\s"
                        r"|\s+và\s+(?:từng\s+bước|tiếp\s+tục)\s).*$")
"""What follows the thing a share counts: its time ("… thôn đạt chuẩn vào năm 2028 …"), a purpose ("…, góp phần …"), a
second predicate ("… và từng bước nâng cao …")."""
_JOINED = rx.compile(r"\s*(?P<noun>\p{Ll}[^,;:()\d]{0,80}?)\s*(?:,|\s(?:và|hoặc))\s*")
"""What stands between two shares of one sentence: the first one's noun, then "và" or a comma ("100% cán bộ xã và 80% …")."""
_FROM = rx.compile(r"(?i:(?<!\p{L})từ)\s*$")
_TO_FIGURE = rx.compile(r"\s*(?:\(?(?:vào\s+|trong\s+)?(?:đầu\s+|cuối\s+|hết\s+)?năm\s+\d{4}\)?\s*,?\s*)?"
                        r"(?P<to>(?:xuống|lên)(?:\s+còn)?|còn)\s+(?:mức\s+)?(?:(?:dưới|trên|khoảng)\s+)?\d")
"""A change from one figure to another ("giảm từ 23 … xuống 18 …", "tăng từ 40% lên 60%", "từ 40% năm 2025 lên
60%"): the first is its baseline (``baseline`` of the target)."""
_UNIT_WORDS = 8
"""Words a unit may have ("học sinh nữ/100 học sinh nam", "mô hình kinh tế trang trại khép kín"); more is
a unit run on into what is said of the thing counted, which a ``target-unsure`` warning says."""


def _not_a_target(q, unit: str, before: str) -> bool:
    """A figure that is no quantity aimed at: no unit, an age, a year, "khóa 12", "Điều 5", "Biểu số 01"."""
    if not unit or unit in _SKIP_UNITS or unit.startswith("/") and unit[1:].isdigit():
        return True
    if _AGE.match(unit):  # an age qualifies ("trẻ em dưới 6 tuổi"), unless the age is what is measured
        return not rx.search(r"(?i:tuổi\s+(?:thọ|bình\s+quân|trung\s+bình))", before)
    if not q.group("pre") and rx.search(r"(?i:khóa|lần thứ|mẫu số|điều|khoản|(?<!tổng\s)(?<!\w)số|biểu|phụ\s+lục|tại)\s*$" if not unit.startswith("%")
                                         else r"(?i:khóa|lần thứ|mẫu số|điều|khoản|(?<!tổng\s)(?<!\w)số|biểu|phụ\s+lục)\s*$", before):
        return True
    return bool(rx.match(rf"{YEAR}$", q.group("v1")) and not unit.startswith("%"))


def _after(rest: str) -> str:
    """What a figure counts, from the text after it: up to a ";" or "(", the next percentage, or a figure
    joined by "," / "và" / "hoặc" (each a target of its own). A capitalised word does not end it: mid-sentence
    it opens a name ("100% ổ dịch Dại …", "… về Luật Phòng cháy …", "100% Ủy ban nhân dân cấp xã …")."""
    return _AFTER_END.split(rest, maxsplit=1)[0].strip(" .:")


def _names_a_count(after: str) -> bool:
    """True when the words after a bare percentage name what it counts ("100% KCN có …"), not a time or
    a place of it ("100% vào năm 2030", "trong năm 2026", "trên địa bàn")."""
    return bool(after) and not _PREPOSITION.match(after) and not horizon_at(rx.sub(r"(?i)^vào\s+", "", after))


def _indicator(clause_body: str, q, before: str, unit: str, first_indicator: str | None,
               covered: int) -> tuple[str | None, int, int, str]:
    """(indicator, end of the target's text, how far the clause is covered, unit) for the figure ``q``:
    the words before it, else what it counts or what follows a bare percentage, else the clause's first.
    The unit loses the thing counted when that joins the indicator after a measure word ("tấn")."""
    before_clean = rx.sub(r"\([^()]*\)", " ", rx.sub(r"\s*\([^()]*\)(?=/)", "", before))  # "(KH&CN)/GDP": "…/GDP"
    if not rx.sub(r"(?i:\bvà\b|\bhoặc\b|[,\s])", "", before_clean):
        before_clean = ""
    raw_indicator = tw.without_place_subject(_strip_head(_EACH_YEAR.sub("", _strip_head(before_clean.strip(" ,;")))).strip(" ,:;("))
    indicator = " ".join(_STRIP_TAIL.sub("", raw_indicator).strip(" ,:;").split())
    if not rx.sub(r"(?i:\bvà\b|\bhoặc\b|[,\s])", "", indicator):  # "… vào năm 2026 và 100% …"
        indicator = ""
    if not indicator:
        # "có ít nhất 15 …": the verb was stripped with the comparator words; keep it to name the count.
        verb = rx.sub(r"(?i:\s*(?:ít\s+nhất|tối\s+thiểu|khoảng|trên|thêm))+\s*$", "", raw_indicator)
        if _COUNT_VERB.match(verb):
            indicator = verb
    only_verb = bool(indicator and _COUNT_VERB.match(indicator))  # "có 100% xã …": the verb names nothing
    if not indicator and first_indicator:
        verb = _COUNT_VERB_HEAD.match(first_indicator)  # "Hình thành 30 tổ hợp tác A, 12 tổ hợp tác B": the verb
        indicator = verb.group(0) if verb and not unit.startswith("%") and not _MONEY.match(unit) else first_indicator
    seg_end = q.end()
    after = _after(clause_body[q.end():])
    scope = _SCOPE.match(raw_indicator)  # "Tại vùng ven biển: phấn đấu ít nhất 60% xã …": where, not what
    bare = not raw_indicator.strip(" -+•") or bool(scope and not _STRIP_TAIL.sub("", _strip_head(raw_indicator[scope.end():])))
    goal = tw.after_goal(raw_indicator)  # "Hoàn thiện quy chế …, bảo đảm ít nhất 80% thôn …": the goal names it, not the action
    goal = "" if goal is None and _GOAL_PRE.search(q.group("pre")) and before.rstrip().endswith(",") else goal  # "…, phấn đấu đạt"
    goal = None if goal is None else _STRIP_TAIL.sub("", _strip_head(goal.strip(" ,"))).strip(" ,:;")
    goal_bare = goal is not None and (not goal or bool(_COUNT_VERB.match(goal)))
    if goal_bare and (measure := tw.measure_before_goal(raw_indicator)):  # "Tỷ lệ A …, phấn đấu đạt 60% số xã"
        goal_bare, indicator = False, _STRIP_TAIL.sub("", _strip_head(measure)).strip(" ,:;")
    share_of = unit.startswith("%") and _names_a_count(after) and (not first_indicator or indicator == first_indicator)
    if (share_of and (only_verb or bare)) or (goal_bare and unit.startswith("%") and _names_a_count(after)):
        after = after if bare or only_verb else _TIME_TAIL.split(after, maxsplit=1)[0]  # "… xã … vào năm 2030": its time
        indicator = after  # "100% KCN có hệ thống xử lý nước thải …"
        seg_end = covered = q.end() + len(clause_body[q.end():]) - len(clause_body[q.end():].lstrip()) + len(after)
    elif share_of and indicator and tw.for_whom(raw_indicator):  # "tuyên truyền cho 100% học sinh": the action and whom
        after = _TIME_TAIL.split(after, maxsplit=1)[0]
        indicator = f"{indicator} {after}"
        seg_end = covered = q.end() + len(clause_body[q.end():]) - len(clause_body[q.end():].lstrip()) + len(after)
    elif indicator and _COUNT_VERB.match(indicator) and not unit.startswith("%") and not _MONEY.match(unit):
        # "Thu hút khoảng 1,2 triệu lượt khách …", "Có ít nhất 30 điểm du lịch …": the thing counted names it;
        # "Tiêu thụ 3.000 tấn nông sản qua …": after a measure word.
        counted = _MULTIPLIER.sub("", unit).strip()
        measure = _MEASURE.match(counted)
        if measure:
            unit, counted = unit[:len(unit) - len(counted) + measure.end()].strip(), counted[measure.end():]
        elif _MEASURE_RATE.match(counted):
            counted = ""  # "Sản xuất 5.000 tấn/năm": a measure per something; nothing counted is named
        tail = rx.split(r",|(?:^|\s+)(?:vào|đến|trong)\s+năm\b", after)[0].strip()
        indicator = " ".join(x for x in (indicator, counted, tail) if x)
        if tail:
            seg_end = covered = clause_body.find(tail, q.end()) + len(tail)
    return indicator or None, seg_end, covered, unit
