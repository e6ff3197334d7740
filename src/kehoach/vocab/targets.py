"""Target vocabulary: the words that end a quantity's unit, the verbs whose figure counts the thing
named after it, and the measure words a counted thing follows.

The target grammar that reads these is :mod:`kehoach.extract.targets`; its examples are
tests/cases/targets.yaml.
"""

from __future__ import annotations

UNIT_ENDS = (
    "và", "hoặc", "trong", "trên", "so", "tại", "của", "đạt", "từ", "đến", "tới", "vào", "với", "cho", "theo",
    "để", "trở", "về", "là", "có", "qua", "thông qua", "bằng", "nhằm", "bởi", "được",
)
"""Words that end the unit of a figure ("3.000 tấn nông sản | qua sàn …", "… | bằng nguồn vốn …"):
a preposition or conjunction starts what the figure is about, not what it counts; "được" starts
what is done to it ("02 di sản văn hóa phi vật thể | được đưa vào Danh mục …")."""

COUNT_VERBS = (
    "thu hút", "có", "đạt", "đào tạo", "hỗ trợ", "xây dựng", "tổ chức", "phát triển", "thành lập", "đưa", "tạo",
    "giải quyết", "tuyển sinh", "tuyển dụng", "hoàn thành", "trồng", "đón", "cấp", "kết nạp", "công nhận",
    "tiêu thụ", "xuất khẩu", "sản xuất",
)
"""Verbs whose figure counts the thing named after it: "Thu hút 1,2 triệu lượt khách …", "Tiêu thụ
3.000 tấn nông sản …" name their target by the verb and the thing counted."""

MEASURE_WORDS = ("tấn", "tạ", "kg", "ha", "km", "m", "m2", "m3", "lít", "con", "cây", "chiếc")
"""Measure words that stand between a figure and the thing it counts ("3.000 tấn nông sản"): the
unit is the measure word, the thing counted joins the target's name."""


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, a space matching any run of spaces."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))
