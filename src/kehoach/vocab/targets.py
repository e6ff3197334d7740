"""Target vocabulary: the words that end a quantity's unit, the verbs whose figure counts the thing
named after it, and the measure words a counted thing follows.

The target grammar that reads these is :mod:`kehoach.extract.targets`; its examples are
tests/cases/targets.yaml and the generated table of tests/extract/test_target_units.py.

A unit is the noun phrase after a figure: a head noun and the nouns and adjectives that qualify it
("di sản văn hóa phi vật thể", "điểm du lịch cộng đồng"). Vietnamese puts what is said of the thing
after that phrase, opened by a word of a closed class: a function word (preposition, conjunction,
adverb of time or degree), or a predicate (a verb of state or result). The unit runs to the first of
them, to a comma, semicolon or bracket, to a capitalised word, or to a figure.
"""

from __future__ import annotations

FUNCTION_WORDS = (
    # prepositions and conjunctions: where, whose, for what, how
    "và", "hoặc", "hay", "cùng", "trong", "trên", "dưới", "giữa", "so", "tại", "ở", "của", "từ", "đến",
    "tới", "lên", "xuống", "vào", "với", "cho", "theo", "để", "về", "qua", "thông qua", "bằng", "nhằm", "bởi", "mà", "thì",
    "nhưng", "nên", "khi", "sau", "trước", "như", "thuộc", "đối với", "gồm", "bao gồm", "trong đó", "kể từ",
    # adverbs of time, aspect and degree, and the words of a comparison or a bound
    "đã", "đang", "sẽ", "vẫn", "đều", "cũng", "còn", "chưa", "luôn", "ngay", "trở", "trở lên",
    "trở xuống", "ít nhất", "tối thiểu", "tối đa", "khoảng", "hơn", "thêm", "nữa",
    # times that qualify a count: "mỗi năm", "hằng năm", "giai đoạn …", "cuối năm …"
    "mỗi", "hằng", "hàng năm", "hàng tháng", "hàng quý", "giai đoạn", "thời kỳ", "cuối năm", "đầu năm", "giữa năm",
    "hiện nay", "hiện đang", "hiện có",
    # the whole of a place: "30 điểm du lịch | toàn tỉnh" ("toàn" alone is the end of "an toàn")
    "toàn tỉnh", "toàn huyện", "toàn xã", "toàn thành phố", "toàn quốc", "cả nước", "cả tỉnh",
)
"""Function words that end a unit: what follows says where, when, for what or how much, not what is counted
("3.000 tấn nông sản | qua sàn …", "40 lớp bồi dưỡng | mỗi năm")."""

PREDICATE_WORDS = (
    "là", "có", "được", "phải", "cần", "đạt", "chiếm", "duy trì", "trở thành", "phục vụ", "tham gia", "đóng góp",
    "đóng vai trò", "giữ vai trò", "đáp ứng", "bảo đảm", "đảm bảo", "sinh ra", "áp dụng", "tiếp cận", "thực hiện",
    "hoàn thành", "triển khai", "vận hành", "tạo ra", "mang lại", "góp phần", "nằm", "thuộc diện", "đủ điều kiện",
    "đủ tiêu chuẩn",
)
"""Predicates that end a unit: verbs of state, result or use that say what is true of the thing counted
("03 làng nghề truyền thống | được công nhận", "15 bộ dữ liệu dùng chung | phục vụ tra cứu …", "20 doanh
nghiệp công nghệ cao | đóng vai trò dẫn dắt"). Words that are also nouns or the last syllable of one are not
here: they would cut a unit ("mô hình sản xuất", "dự án đầu tư", "thiết bị", "giấy chứng nhận", "nhà cung cấp",
"giá trị gia tăng", "không gian sáng tạo", "hoạt động văn hóa")."""

UNIT_ENDS = FUNCTION_WORDS + PREDICATE_WORDS
"""Every word that ends a figure's unit (:data:`FUNCTION_WORDS`, :data:`PREDICATE_WORDS`)."""

COUNT_VERBS = (
    "thu hút", "có", "đạt", "đào tạo", "hỗ trợ", "xây dựng", "tổ chức", "phát triển", "thành lập", "đưa", "tạo",
    "giải quyết", "tuyển sinh", "tuyển dụng", "hoàn thành", "trồng", "đón", "cấp", "kết nạp", "công nhận",
    "tiêu thụ", "xuất khẩu", "sản xuất", "hình thành", "đảm bảo", "bảo đảm",
)
"""Verbs whose figure counts the thing named after it: "Thu hút 1,2 triệu lượt khách …", "Tiêu thụ
3.000 tấn nông sản …", "Hình thành ít nhất 12 mô hình …" name their target by the verb and the thing counted;
before a percentage ("Đảm bảo trên 65% diện tích …") the verb names nothing and the thing counted does."""

MEASURE_WORDS = ("tấn", "tạ", "kg", "ha", "km", "m", "m2", "m3", "lít", "con", "cây", "chiếc")
"""Measure words that stand between a figure and the thing it counts ("3.000 tấn nông sản"): the
unit is the measure word, the thing counted joins the target's name."""


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, a space matching any run of spaces."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))

INDICATOR_OPENERS = ("tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "số lượng", "số", "chỉ số", "mức", "tốc độ")
"""Words that open the name of what a figure measures ("Tỷ lệ hồ sơ giải quyết đúng hạn", "Số xã đạt chuẩn"): words
before a goal phrase that open so name the measure, not an action the goal serves."""
