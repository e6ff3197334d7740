"""Generated target sentences: the unit after a figure comes out whole, whatever its length and whatever
predicate follows it.

Each sentence is a goal frame ("Phấn đấu có …", "Xây dựng …", "Số lượng đạt …"), a figure, a unit of one to
nine words (a noun phrase: the thing counted, or a rate per so many people) and what is said of it (a predicate,
a function word, a time, a sign, or nothing). The unit grammar (:data:`kehoach.extract.targets.QUANTITY`, its
stop words in :mod:`kehoach.vocab.targets`) must give the unit back, neither cut (a cap of six words read only
"di sản văn hóa phi vật" of "02 di sản văn hóa phi vật thể được ghi danh") nor run on into the predicate
("20 tập dữ liệu mở phục vụ").
"""

from __future__ import annotations

import itertools

import pytest

from kehoach.extract.targets import text_to_targets

FRAMES = [
    "Phấn đấu có {fig} {unit}{pred}",
    "Xây dựng {fig} {unit}{pred}",
    "- Đến năm 2030, có ít nhất {fig} {unit}{pred}",
    "Số lượng đạt {fig} {unit}{pred}",
    "Thu hút khoảng {fig} {unit}{pred}",
]
FIGURES = ["02", "15", "1.500", "12,5"]
UNITS = [
    "hộ", "doanh nghiệp", "hợp tác xã", "sản phẩm chủ lực", "điểm du lịch cộng đồng", "công trình hạ tầng thiết yếu",
    "di sản văn hóa phi vật thể", "mô hình sản xuất nông nghiệp hữu cơ", "tập dữ liệu mở dùng chung",
    "cơ sở giáo dục mầm non công lập", "chuỗi giá trị nông sản an toàn thực phẩm",
    "trạm quan trắc môi trường nước mặt tự động", "dự án đầu tư trực tiếp nước ngoài", "thiết bị giám sát hành trình",
    "giấy chứng nhận quyền sử dụng đất", "không gian sáng tạo", "nhà cung cấp dịch vụ số", "hoạt động văn hóa thể thao",
    "giá trị gia tăng", "lượt khách du lịch quốc tế", "sản phẩm đổi mới sáng tạo cấp quốc gia tiêu biểu",
    # a rate per so many people or things is one unit
    "ca/100.000 dân", "giường bệnh/vạn dân", "bác sĩ/10.000 dân", "trẻ sơ sinh trai/100 trẻ sơ sinh gái",
    "lần/năm", "triệu đồng/người/năm", "kWh/người/năm", "tấn/ha/vụ", "USD/tấn", "MW", "bác sĩ trên 10.000 dân",
    "giường bệnh trên 1.000 dân",
    # an abbreviation is a word of the unit ("50 HTX" gave no target)
    "HTX nông nghiệp", "dự án FDI", "sản phẩm OCOP", "KCN",
]
WRITTEN_AS = {"bác sĩ trên 10.000 dân": "bác sĩ/10.000 dân", "giường bệnh trên 1.000 dân": "giường bệnh/1.000 dân"}
"""Units read in their normal form: "trên" before a round number of people is the rate's "/"."""
PREDICATES = [
    "", ".", ";", ", trong đó 50% là nữ", " (theo tiêu chí mới)", " được ghi danh vào danh mục quốc gia",
    " được công nhận đạt chuẩn", " đạt chuẩn quốc gia", " có hệ thống quản lý chất lượng",
    " phục vụ phát triển kinh tế số", " tham gia chuỗi liên kết", " trở lên", " so với năm 2025", " trên địa bàn tỉnh",
    " tại các xã vùng cao", " vào năm 2030", " trong giai đoạn 2026 - 2030", " giai đoạn 2026 - 2030", " mỗi năm",
    " hằng năm", " hàng năm", " cuối năm 2026", " đóng vai trò dẫn dắt", " đóng góp 10% GRDP", " đáp ứng yêu cầu",
    " của tỉnh", " cho người dân", " theo tiêu chuẩn mới", " bằng nguồn vốn xã hội hóa", " thông qua sàn giao dịch",
    " nhằm nâng cao thu nhập", " để phục vụ người dân", " với tổng vốn lớn", " thuộc lĩnh vực ưu tiên",
    " gồm nhiều loại hình", " hoàn thành đưa vào sử dụng", " đang vận hành ổn định", " sẽ được nâng cấp",
    " đã được cấp phép", " là thành viên", " trở thành điểm đến", " bảo đảm an toàn", " đảm bảo tiêu chuẩn",
    " áp dụng công nghệ cao", " tiếp cận dịch vụ", " thực hiện chuyển đổi số", " triển khai thí điểm",
    " góp phần tăng thu nhập", " mang lại hiệu quả", " tạo ra việc làm", " nằm trong nhóm dẫn đầu",
    " thuộc diện hỗ trợ", " đủ điều kiện vay vốn", " đủ tiêu chuẩn xếp hạng", " phải được kiểm tra",
    " cần được nâng cấp", " duy trì hoạt động", " chiếm phần lớn", " và 30 trường học", " hoặc hơn",
    " sinh ra sống", " giữ vai trò nòng cốt", " Của tỉnh", " toàn tỉnh", " trên toàn quốc", " cả nước",
    " hiện đang hoạt động", " hiện nay",
]


def _sentences():
    frames, figures = itertools.cycle(FRAMES), itertools.cycle(FIGURES)
    for unit, pred in itertools.product(UNITS, PREDICATES):
        yield next(frames).format(fig=next(figures), unit=unit, pred=pred), WRITTEN_AS.get(unit, unit)


def test_the_table_is_large():
    assert len(list(_sentences())) > 1500


@pytest.mark.parametrize("chunk", range(4))
def test_every_unit_comes_out_whole(chunk):
    wrong = []
    for k, (sentence, unit) in enumerate(_sentences()):
        if k % 4 != chunk:
            continue
        found = text_to_targets(sentence)
        got = found[0]["unit"] if found else None
        if got != unit:
            wrong.append((sentence, got))
    assert wrong == []


@pytest.mark.parametrize(("sentence", "unit"), [
    ("Phấn đấu có 02 di sản văn hóa phi vật thể được ghi danh", "di sản văn hóa phi vật thể"),
    ("Tỷ lệ mắc lao dưới 100 ca/100.000 dân", "ca/100.000 dân"),
    ("Số giường bệnh đạt 30 giường bệnh/vạn dân", "giường bệnh/vạn dân"),
    ("Tỉnh có ít nhất 20 tập dữ liệu mở phục vụ phát triển kinh tế số", "tập dữ liệu mở"),
    ("Kim ngạch xuất khẩu đạt 2.600 triệu usd", "triệu USD"),
    ("GRDP bình quân đầu người đạt 150 triệu đồng/người/năm", "triệu đồng/người/năm"),
    ("Số bác sĩ đạt 15 bác sĩ trên 10.000 dân", "bác sĩ/10.000 dân"),
    ("Công suất điện mặt trời đạt 500 MW", "MW"),
    ("Năng suất lúa đạt 7 tấn/ha/vụ", "tấn/ha/vụ"),
])
def test_named_units(sentence, unit):
    assert text_to_targets(sentence)[0]["unit"] == unit
