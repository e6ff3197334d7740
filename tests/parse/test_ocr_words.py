"""Word-level OCR slips: syllables run together, rules glued to a word, lines of specks."""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from kehoach.parse import ocr
from kehoach.parse.blocks import Loc
from kehoach.parse.ocr_words import (
    _TOKEN,
    _WORD,
    _context,
    fix_slips,
    is_speck_line,
    respell,
    respell_kinds,
    respell_place,
    split_syllables,
    words_of,
)
from kehoach.parse.rendition import Rendition
from kehoach.syllable import is_syllable, split_tone

ROOT = Path(__file__).resolve().parent.parent.parent

RUN_TOGETHER = [
    ("Trungtâm", "Trung tâm"), ("traviệc", "tra việc"), ("Ytế", "Y tế"), ("đảmbảo", "đảm bảo"),
    ("kếhoạch", "kế hoạch"), ("ỦYBAN", "ỦY BAN"), ("Nhândân", "Nhân dân"), ("phốihợp", "phối hợp"),
    ("thựchiện", "thực hiện"), ("Sởtài", "Sở tài"), ("quảnlý", "quản lý"), ("nghiêncứu", "nghiên cứu"),
    ("trướcngày", "trước ngày"), ("đơnvị", "đơn vị"), ("xâydựng", "xây dựng"),
]
LEFT_ALONE = [
    "ngoài", "nghiêng", "khuyến", "Nguyễn", "HOẠCH",  # syllables
    "online", "video", "Internet", "camera", "Zalo",  # foreign words: no Vietnamese letter
    "Uớc",  # a misspelled syllable: two vowels are one syllable's, never "U ớc"
    "Hrê", "Prông",  # names of other languages of Vietnam that do not cut into syllables
    "HĐND", "ĐBQH", "TNMT",  # abbreviations
]


@pytest.mark.parametrize(("word", "cut"), RUN_TOGETHER)
def test_syllables_run_together_are_cut(word, cut):
    assert split_syllables(word, frozenset(cut.lower().split())) == cut


@pytest.mark.parametrize("word", LEFT_ALONE)
def test_words_that_are_no_run_together_syllables_stay(word):
    assert split_syllables(word) is None


def test_no_word_of_the_typed_documents_would_be_cut():
    """Every word of the repository's typed plans (text, Markdown, HTML) is left as it is: a cut
    is only ever made where OCR ran syllables together."""
    files = _typed_plans()
    assert len(files) > 50
    cut = set()
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        seen = words_of(text.splitlines())
        cut |= {m.group(0) for m in _WORD.finditer(text) if split_syllables(m.group(0), seen)}
    assert cut == set()


@pytest.mark.parametrize("seed", range(10))
def test_generated_run_together_lines_come_back(seed):
    """Generated: a sentence of a plan with one to three of its spaces lost between syllables that
    carry marks; every lost space comes back and each is reported."""
    rng = random.Random(seed)
    words = ("Sở Nội vụ chủ trì phối hợp với các cơ quan đơn vị liên quan tổ chức thực hiện kiểm tra "
             "việc triển khai kế hoạch báo cáo kết quả trước ngày hằng tháng").split()
    lost = rng.sample([i for i in range(len(words) - 1) if not (words[i] + words[i + 1]).isascii()], rng.randint(1, 3))
    text = "".join(w + ("" if i in lost else " ") for i, w in enumerate(words)).strip()
    fixed, changed = fix_slips(text, frozenset(w.lower() for w in words))
    assert fixed == " ".join(words)
    assert len(changed) == len(lost)


def test_rules_glued_to_a_word_are_dropped():
    assert fix_slips("<p>Trung tâm Y tế&#124; đặc khu</p>") == (
        "<p>Trung tâm Y tế đặc khu</p>", [("tế|", "tế")])
    assert fix_slips("<p>&#124;Phòng Văn hóa</p>")[0] == "<p>Phòng Văn hóa</p>"
    assert fix_slips("Cơ quan chủ| trì")[0] == "Cơ quan chủ trì"
    assert fix_slips("l| NHIỆM VỤ")[0] == "l| NHIỆM VỤ"  # a Roman lookalike, renumbered elsewhere


@pytest.mark.parametrize(("line", "speck"), [
    ("š", True), ("z š", True), ("- -", True), ("„ ›", True), ("š - -", True),
    ("Ề", True), ("ô", True),
    ("-", False), ("a)", False), ("I.", False), ("I", False), ("l", False), ("1.", False), ("Sở", False),
    ("<p>š</p>\t", False), ("ô ê", False),
])
def test_lines_of_specks(line, speck):
    assert is_speck_line(line) is speck


def test_a_speck_line_between_two_header_lines_is_dropped_and_words_are_warned():
    lines = ["ỦY BAN NHÂN DÂN", "š", "- -", "ĐẶC KHU BẠCH LONG VĨ", "", "Số: 12/KH-UBND",
             "<p>1</p>\t<p>Kiểm traviệc niêm yết giá</p>\t<p>Trungtâm Ytế&#124; đặc khu</p>"]
    r = Rendition(lines=list(lines), origins=[Loc(k + 1, 1) for k in range(len(lines))])
    ocr.correct(r)
    assert r.lines == ["ỦY BAN NHÂN DÂN", "ĐẶC KHU BẠCH LONG VĨ", "", "Số: 12/KH-UBND",
                       "<p>1</p>\t<p>Kiểm tra việc niêm yết giá</p>\t<p>Trung tâm Y tế đặc khu</p>"]
    fixes = sorted(w["message"] for w in r.warnings if w["loc"])
    assert fixes == ["OCR text corrected: 'Trungtâm' read as 'Trung tâm'", "OCR text corrected: 'Ytế' read as 'Y tế'",
                     "OCR text corrected: 'Ytế|' read as 'Ytế'", "OCR text corrected: 'traviệc' read as 'tra việc'"]
    assert all(w["loc"] == {"line": 7, "page": 1} for w in r.warnings if w["loc"])


def _typed_plans() -> list[Path]:
    return sorted(p for d in ("samples", "tests/real", "tests/heldout", "tests/unseen") for p in (ROOT / d).iterdir()
                  if p.suffix in (".txt", ".md", ".html"))


def test_respelling_leaves_typed_plans_as_they_are():
    """A word is given another tone only on the evidence of its two neighbours: over every typed
    plan of the repository the one change is a typist's slip the document itself spells right."""
    changes = set()
    for p in _typed_plans():
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
        changes |= {(before, after) for _, before, after in respell(lines)}
    assert changes == {("măt", "mặt")}


_TONES = "\u0300\u0301\u0303\u0309\u0323"


@pytest.mark.parametrize("seed", range(12))
def test_a_tone_misread_in_a_phrase_the_plan_repeats_is_respelled(seed):
    """Generated: in a sample plan, one word of a three-word phrase the plan writes at least twice
    (a word it writes three times or more) gets another tone (as OCR misreads it); it is given its
    tone back, and nothing else changes."""
    rng = random.Random(seed)
    plans = sorted((ROOT / "samples").glob("*.txt"))
    lines = rng.choice(plans).read_text(encoding="utf-8").splitlines()
    toks = [[(m.start(), m.group(0)) for m in _TOKEN.finditer(line)] for line in lines]
    count = Counter(w.lower() for t in toks for _, w in t)
    places = [(k, i) for k, t in enumerate(toks) for i in range(1, len(t) - 1) if _context(lines[k], t, i)]
    phrases = Counter(_context(lines[k], toks[k], i) for k, i in places)
    for _ in range(500):
        k, i = rng.choice(places)
        at, word = toks[k][i]
        if phrases[_context(lines[k], toks[k], i)] < 2 or count[word.lower()] < 3 or word.isupper():
            continue
        tone = split_tone(word)[1]
        misread = [w for t in _TONES if (w := _with_tone(word, t)) and split_tone(w)[1] != tone
                   and is_syllable(w) and w.lower() not in count]
        if misread:
            break
    else:
        pytest.skip("no repeated phrase with a word to misread")
    wrong = list(lines)
    wrong[k] = lines[k][:at] + misread[0] + lines[k][at + len(word):]
    assert respell(wrong) == [(k, misread[0], word)]
    assert wrong[k] == lines[k]


def _with_tone(word: str, mark: str) -> str | None:
    """``word`` with its tone mark (or its first vowel, if it has none) carrying ``mark`` instead."""
    decomposed = unicodedata.normalize("NFD", word)
    plain = "".join(c for c in decomposed if c not in _TONES)
    vowels = [j for j, c in enumerate(plain) if c.lower() in "aeiouy"]
    if not vowels:
        return None
    at = vowels[len(vowels) // 2] + 1
    while at < len(plain) and unicodedata.combining(plain[at]):
        at += 1
    return unicodedata.normalize("NFC", plain[:at] + mark + plain[at:])


@pytest.mark.parametrize(("place_line", "date_line", "spelled"), [
    ("PHƯƠNG HOANG MAI", "Hoàng Mai, ngày 16 tháng 01 năm 2026", "PHƯỜNG HOÀNG MAI"),
    ("XA DONG PHUONG", "Đông Phương, ngày 3 tháng 2 năm 2026", "XÃ ĐÔNG PHƯƠNG"),
    ("TỈNH THANH HOA", "Thanh Hóa, ngày 3 tháng 2 năm 2026", "TỈNH THANH HÓA"),
    ("DAC KHU CON DAO", "Côn Đảo, ngày 3 tháng 2 năm 2026", "ĐẶC KHU CÔN ĐẢO"),
    ("THANH PHO HUẾ", "Huế, ngày 3 tháng 2 năm 2026", "THÀNH PHỐ HUẾ"),
    ("PHƯỜNG HOÀNG MAI", "Hoàng Mai, ngày 16 tháng 01 năm 2026", None),  # spelled right
    ("XA NAM SON", "Hà Nội, ngày 3 tháng 2 năm 2026", "XÃ NAM SON"),  # another place: only the level
    ("SỞ Y TẾ", "Hà Nội, ngày 3 tháng 2 năm 2026", None),  # no level word
    ("Phường Hoang Mai", "Hoàng Mai, ngày 16 tháng 01 năm 2026", None),  # not a capitals line
])
def test_the_issuers_place_is_spelled_as_the_date_line_spells_it(place_line, date_line, spelled):
    lines = ["ỦY BAN NHÂN DÂN", place_line, "", "Số: 58/KH-UBND", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", date_line]
    changes = respell_place(lines)
    assert lines[1] == (spelled or place_line)
    assert changes == ([(1, place_line, spelled)] if spelled else [])


def test_typed_plans_keep_their_issuers_place():
    for p in _typed_plans():
        assert respell_place(p.read_text(encoding="utf-8", errors="replace").splitlines()) == [], p.name


def test_kinds_of_body_opening_a_name_are_spelled_back():
    lines = ["Chỉ cục Hải quan chủ trì, phối hợp Chỉ cục Thuế; Bảo hiếm xã hội tỉnh", "chỉ cục; CHỈ CỤC; Trung tâm, Y tế"]
    assert respell_kinds(lines) == [(0, "Bảo hiếm xã hội", "Bảo hiểm xã hội"), (0, "Chỉ cục", "Chi cục"),
                                    (0, "Chỉ cục", "Chi cục")]
    assert lines == ["Chi cục Hải quan chủ trì, phối hợp Chi cục Thuế; Bảo hiểm xã hội tỉnh",
                     "chỉ cục; CHỈ CỤC; Trung tâm, Y tế"]  # no name opens: left


@pytest.mark.parametrize("line, fixed", [
    ("Kiếm tra, giám sát việc thực hiện", "Kiểm tra, giám sát việc thực hiện"),
    ("Ban Chí đạo các chương trình", "Ban Chỉ đạo các chương trình"),
    ("NỘI DUNG KIÊM TRA", "NỘI DUNG KIỂM TRA"),
    ("<p>chi đạo, hướng dân</p>", "<p>chỉ đạo, hướng dẫn</p>"),
    ("Sở A kiểm tra, chỉ đạo", "Sở A kiểm tra, chỉ đạo"),  # right already
    ("Sở A thục hiện", "Sở A thục hiện"),  # a letter, not a tone: left alone
])
def test_a_plans_verbs_read_in_another_tone_are_respelled(line, fixed):
    """Verbs of a plan's work that Tesseract read, sure of itself, in another tone ("Kiếm tra" in a title,
    "Ban Chí đạo" in the issuer): both were wrong with no warning; respelled, each change warned."""
    from kehoach.parse.ocr_words import respell_phrases

    lines = [line]
    changes = respell_phrases(lines)
    assert lines == [fixed] and bool(changes) == (line != fixed)


@pytest.mark.parametrize("line, fixed", [
    ("Tố chức tập huấn cho cán bộ", "Tổ chức tập huấn cho cán bộ"),
    ("Sở Y tế chú trì, phổi hợp với Sở Tài chính tố chức kiểm tra", "Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra"),
    ("TỐ CHỨC THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"),
    ("bảo cáo kết quả về Sở Nội vụ", "báo cáo kết quả về Sở Nội vụ"),
    ("Bổ trí kinh phì thực hiện", "Bố trí kinh phí thực hiện"),
    ("xây dưng kế hoạch, tuyên truyên", "xây dựng kế hoạch, tuyên truyền"),
    ("xây dụng kế hoạch", "xây dụng kế hoạch"),  # a letter, not a tone: left,
    ("Đầy mạnh công tác rả soát", "Đẩy mạnh công tác rà soát"),
    ("thuốc chủ trị bệnh", "thuốc chủ trị bệnh"),  # a phrase in use: left
    ("đi thăm Dinh Độc Lập", "đi thăm Dinh Độc Lập"),
    ("không để người cao tuổi đơn độc", "không để người cao tuổi đơn độc"),
    ("để xuất khẩu, số kết quả, khả năng cao, có quan hệ", "để xuất khẩu, số kết quả, khả năng cao, có quan hệ"),
])
def test_a_plans_words_read_in_another_tone_everywhere_are_respelled(line, fixed):
    """A word of a plan's work read in another tone all through a scan ("tố chức" for "tổ chức"), so that the
    document has no other spelling to correct it from, passed (Tesseract was sure of it); a closed list of the
    plan vocabulary's words respells it. Phrases in use with the same letters are left."""
    from kehoach.parse.ocr_words import respell_phrases

    lines = [line, line]
    changes = respell_phrases(lines)
    assert lines == [fixed, fixed] and bool(changes) == (line != fixed)
