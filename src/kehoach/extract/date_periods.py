"""Periods listed after one "định kỳ" ("định kỳ hằng tháng (trước ngày 10), 6 tháng, tổng kết năm hoặc khi có yêu
cầu"): each period a recurrence of its own, though only the first says "hằng" (every) and the others name a length
alone ("6 tháng", "năm"), which outside such a list is no recurrence ("trong 6 tháng", "năm 2026")."""

from __future__ import annotations

from .. import rx
from ..vocab.dates import Recurrence

_PERIOD = (r"(?:(?:so|tong)\s+ket\s+|bao\s+cao\s+)?(?:hang\s+|moi\s+)?"
           r"(?P<p>0?6\s+thang(?!\s*(?:dau|cuoi))|nua\s+nam|thang|quy|nam)(?![\w/]|\s*\d)")
"""One period of the list (folded): "hằng tháng", "6 tháng", "sáu tháng" (folded "06  thang"), "hằng quý", "tổng kết
năm", "sơ kết 6 tháng"; never a time with its figure ("tháng 6/2026", "năm 2026", "6 tháng đầu năm")."""
_ASKED = r"(?P<a>khi\s+co\s+yeu\s+cau(?:\s+(?:bao\s+cao\s+)?dot\s+xuat)?|dot\s+xuat)"
"""Reports asked for when needed, which a list of periods may end with (folded)."""
_NOTE = r"(?:\s*\([^()]{0,80}\))?"
"""The day each period is due by, in brackets ("(trước ngày 16 hằng tháng)")."""
_JOINT = r"\s*(?:,|;|\bva\b|\bhoac\b)\s*"
PERIOD_LIST = (rf"dinh\s+k[yi]\s+{_PERIOD.replace('?P<p>', '?:')}{_NOTE}"
               rf"(?:{_JOINT}(?:{_PERIOD.replace('?P<p>', '?:')}|{_ASKED.replace('?P<a>', '?:')}){_NOTE})+")
"""A list of periods after one "định kỳ", two or more (folded; a regex fragment): "định kỳ hằng tháng (trước ngày 5
hằng tháng), 6 tháng (trước ngày 10/6), tổng kết năm (trước ngày 15/12) hoặc khi có yêu cầu", "định kỳ hằng quý, 6
tháng, năm"."""
_LIST = rx.compile(PERIOD_LIST)
_ITEM = rx.compile(rf"(?:^dinh\s+k[yi]\s+|{_JOINT}){_PERIOD}{_NOTE}|{_JOINT}{_ASKED}")
_OF = {"quy": Recurrence.QUARTERLY, "thang": Recurrence.MONTHLY, "nam": Recurrence.ANNUAL}


def listed_recurrences(folded: str) -> list[str]:
    """The recurrence of every period a folded text lists after one "định kỳ" (:data:`PERIOD_LIST`), in the list's
    order; [] when it lists none.

    >>> listed_recurrences("dinh ky hang thang (truoc ngay 16), 6 thang, tong ket nam hoac khi co yeu cau")
    ['monthly', 'semiannual', 'annual', 'ad_hoc']
    >>> listed_recurrences("dinh ky 6 thang, nam 2026")
    []
    """
    m = _LIST.search(folded)
    if m is None:
        return []
    out = []
    for item in _ITEM.finditer(m.group()):
        p = item["p"]
        rec = Recurrence.AD_HOC if p is None else Recurrence.SEMIANNUAL if p[-5:] == "thang" and p[0] in "06" \
            or p.startswith("nua") else _OF[p]
        if rec not in out:
            out.append(rec)
    return out
