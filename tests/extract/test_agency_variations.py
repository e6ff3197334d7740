"""Generated lead/support cells: every agency a cell lists comes out whole, or the cut is warned about.

Cells are built the ways plans write them (";", ",", "và", " - ", "/", one name a line, a name wrapped inside
itself, at a capital too, abbreviations, a group of bodies, a force in lower case, a bracket after a name) from
names of every kind of body; the split (:func:`kehoach.extract.agencies.cell_to_agencies`) must give each name
back, or leave a piece that ``lead-not-agency`` warns about (:func:`kehoach.extract.table_row.lead_is_name`).
A name in a sentence with its duty after it ("Ban Thi đua - Khen thưởng tổng kết …") is cut at the duty
(:func:`kehoach.extract.agencies.trim_known`).
"""

from __future__ import annotations

import random

import pytest

from kehoach.extract.agencies import cell_to_agencies, trim_known
from kehoach.extract.table_row import lead_is_name
from kehoach.vocab.agencies import DUTY_VERBS

NAMES = [
    "Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nông nghiệp và Môi trường", "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh", "Ủy ban nhân dân các xã, phường", "UBND xã", "Sở TN&MT", "Sở LĐ-TB&XH",
    "Ban Quản lý các khu công nghiệp", "Liên đoàn Lao động tỉnh", "Hội Liên hiệp Phụ nữ tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Đài Phát thanh và Truyền hình tỉnh", "Kho bạc Nhà nước khu vực",
    "Trung tâm Y tế huyện", "Văn phòng Ủy ban nhân dân tỉnh", "Đảng ủy Khối các cơ quan tỉnh",
    "Bảo hiểm xã hội tỉnh", "Ngân hàng Chính sách xã hội tỉnh", "Tỉnh đoàn", "Chi cục Kiểm lâm",
    "Sở Giáo dục và Đào tạo", "Báo và Phát thanh, Truyền hình tỉnh", "Cục Thuế tỉnh", "Sở Khoa học và Công nghệ",
    "Trường Cao đẳng Y tế", "Viện kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh", "Hội Nông dân tỉnh",
    "Văn phòng HĐND và UBND huyện", "Sở Y tế (Trung tâm Kiểm soát bệnh tật)", "BCH Bộ đội Biên phòng tỉnh",
    "Sở Y tế (Trung tâm Kiểm soát bệnh tật; Bệnh viện đa khoa tỉnh)", "UBND các xã (phường, thị trấn)",
    "Ban Thi đua - Khen thưởng", "Trung tâm Kiểm soát Bệnh tật tỉnh", "Hội Cựu chiến binh tỉnh",
    "Ủy ban Kiểm tra Tỉnh ủy", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh",
]
LATER = ["lực lượng Công an xã", "lực lượng Công an"]
"""Names that open in lower case: never first in a cell, which would read as a sentence."""
GROUPS = ["Các sở, ban, ngành liên quan", "các đơn vị liên quan", "các cơ quan, đơn vị có liên quan"]
SEPARATORS = ["; ", ", ", "\n", ";\n", " - ", "\n- ", "/", " / "]


def _wrap(name: str, rng: random.Random) -> str:
    """``name`` with a line break at one of its spaces, as a narrow cell wraps it."""
    spaces = [k for k, ch in enumerate(name) if ch == " "]
    if not spaces:
        return name
    k = rng.choice(spaces)
    return name[:k] + "\n" + name[k + 1:]


def _cells(n: int, seed: int) -> list[tuple[str, list[str]]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        names = rng.sample(NAMES, rng.choice([1, 2, 2, 3]))
        if rng.random() < 0.15:
            names.append(rng.choice(LATER))
        if rng.random() < 0.3:
            names.append(rng.choice(GROUPS))  # a group ends the list
        # a slash parts two bodies by their names, not a group or an abbreviation ("HĐND/UBND" is one office's)
        seps = [rng.choice(SEPARATORS if nxt in NAMES and nxt[1:2].islower() else SEPARATORS[:6]) for nxt in names[1:]]
        if len(names) > 1 and rng.random() < 0.3:
            seps[-1] = " và "  # "và" before the last
        written = [_wrap(x, rng) if rng.random() < 0.3 else x for x in names]
        text = written[0] + "".join(s + w for s, w in zip(seps, written[1:], strict=True))
        if text.startswith(("Sở", "Ủy", "UBND")) and seps and seps[0] == "\n- ":
            text = "- " + text
        out.append((text, names))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_every_name_comes_out_whole_or_warned(seed):
    cut_silently = []
    for text, names in _cells(500, seed):
        got = cell_to_agencies(text)
        if got != names and all(lead_is_name(x) for x in got):
            cut_silently.append((text, got))
    assert cut_silently == []


@pytest.mark.parametrize("seed", range(4))
def test_every_name_comes_out_whole(seed):
    """No name cut or merged, warned or not: a wrap inside a name joins, wherever it falls."""
    wrong = [(text, got) for text, names in _cells(500, seed) if (got := cell_to_agencies(text)) != names]
    assert wrong == []


@pytest.mark.parametrize("verb", [v for v in DUTY_VERBS if "<" not in v] + [r"tổ\s+chức"])
def test_a_duty_after_a_name_is_cut_off(verb):
    duty = verb.replace(r"\s+", " ")
    kept = [(name, got) for name in NAMES + GROUPS if (got := trim_known(f"{name} {duty} các hoạt động")) != name]
    assert kept == []


def test_support_names_in_a_body_sentence_end_at_the_duty():
    """End to end: the agencies a body task works with, each whole, no verb kept, none dropped."""
    from kehoach import extract_bytes

    text = ("ỦY BAN NHÂN DÂN TỈNH A\n\nSố: 12/KH-UBND\n\nA, ngày 5 tháng 1 năm 2026\n\nKẾ HOẠCH\n\nThi đua năm 2026\n\n"
            "I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ chủ trì, phối hợp với Ban Thi đua - Khen thưởng tổng kết phong trào.\n\n"
            "2. Công an tỉnh chủ trì, phối hợp với lực lượng Công an xã triển khai kiểm tra.\n\n"
            "3. Sở Y tế chủ trì, phối hợp với Sở TN&MT/Sở Xây dựng kiểm tra.\n")
    tasks = extract_bytes(text.encode(), "x.md")["tasks"]
    assert [t["support_as_written"] for t in tasks] == [
        ["Ban Thi đua - Khen thưởng"], ["lực lượng Công an xã"], ["Sở TN&MT", "Sở Xây dựng"]]


@pytest.mark.parametrize(("text", "name"), [
    ("Ban Thi đua - Khen thưởng giám sát việc", "Ban Thi đua - Khen thưởng"),
    ("Sở TN&MT đánh giá kết quả", "Sở TN&MT"),
    ("Tỉnh đoàn chủ trì", "Tỉnh đoàn"),
    ("lực lượng Công an và gia đình, phát huy vai trò", "lực lượng Công an"),
    # a body named by its work, a committee by its purpose, an organising committee: whole
    ("Hội đồng thẩm định giá đất tỉnh", "Hội đồng thẩm định giá đất tỉnh"),
    ("Đoàn kiểm tra liên ngành", "Đoàn kiểm tra liên ngành"),
    ("Ban Chỉ đạo thực hiện Chương trình", "Ban Chỉ đạo thực hiện Chương trình"),
    ("Ban tổ chức cuộc thi", "Ban tổ chức cuộc thi"),
    ("Ban Quản lý dự án đầu tư xây dựng công trình", "Ban Quản lý dự án đầu tư xây dựng công trình"),
])
def test_trim_known(text, name):
    assert trim_known(text) == name
