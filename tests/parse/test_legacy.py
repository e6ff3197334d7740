"""Legacy 8-bit Vietnamese text: the TCVN3 and VNI tables, and decoding by evidence."""

from __future__ import annotations

import random
import shutil
import subprocess
import unicodedata

import pytest

from kehoach import extract_bytes
from kehoach.errors import ReadError
from kehoach.parse import legacy
from kehoach.parse.decode import bytes_to_text
from kehoach.syllable import is_syllable
from kehoach.vn import strip_tones

from ..conftest import ROOT, without_loc

TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
LOWER = [unicodedata.normalize("NFC", b + t) for b in "aăâeêioôơuưy" for t in TONES] + ["đ"]
LETTERS = LOWER + [c.upper() for c in LOWER]
SAMPLES = ["hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.txt", "lao-cai-215-kh-ubnd-2024-du-lich-cong-dong-crlf.txt",
           "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.md",
           "bac-ninh-88-kh-ubnd-2023-cai-cach-hanh-chinh-bang-bo-cuc.md"]
KEYS = ("document", "sections", "targets", "tasks")


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: precomposed where the code page has the letter, else the
    letter without its tone followed by the combining tone."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base = strip_tones(ch)
            tone = "".join(c for c in unicodedata.normalize("NFD", ch) if c in TONES)
            out += base.encode("cp1258") + tone.encode("cp1258")
    return out


def test_all_146_letters_round_trip_through_each_table():
    assert len(set(LETTERS)) == 146  # 12 vowels in 6 tones, and đ; both cases
    frames = {"y": "t{}", "Y": "T{}", "đ": "{}i", "Đ": "{}I"}
    words = [frames.get(strip_tones(c), "T{}N" if c.isupper() else "t{}n").format(c) for c in LETTERS]
    assert all(is_syllable(w) for w in words)  # a code of 0x80-0x9F reads as a capital inside a Vietnamese word
    words = " ".join(words)
    assert legacy.from_vni(legacy.to_vni(words)) == words
    assert legacy.from_tcvn3(legacy.tcvn3_text_bytes(words).decode("latin-1")) == words
    vn3 = legacy.to_tcvn3(words.lower(), full=False)
    assert legacy.from_tcvn3(vn3, full=False) == words.lower()
    assert legacy.from_tcvn3(vn3, full=False, capitals=True) == words.upper()


def test_vni_spells_each_letter_as_a_base_and_at_most_one_mark():
    singles = {"ơ": "ô", "ư": "ö", "đ": "ñ", "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}
    for letter in LOWER:
        spelled = legacy.to_vni(letter)
        base = unicodedata.normalize("NFD", letter)[0]
        if letter in singles:
            assert spelled == singles[letter]
        elif letter in "aeiouy":
            assert spelled == letter
        else:
            assert len(spelled) == 2 and spelled[0] in (base, "ô", "ö"), (letter, spelled)
        assert legacy.to_vni(letter.upper()) == spelled.upper()
    assert legacy.to_vni("Kế hoạch phát triển") == "Keá hoaïch phaùt trieån"
    assert legacy.to_vni("Trường Đại học") == "Tröôøng Ñaïi hoïc"


@pytest.mark.skipif(not shutil.which("iconv"), reason="iconv is not installed")
def test_tcvn3_table_agrees_with_the_standard_as_glibc_has_it():
    """Every code of the table against glibc's TCVN 5712:1993 (VN1) converter."""
    codes = bytes(range(0xA1, 0x100)) + bytes(legacy._VN1_CAPITALS)
    r = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"\n".join(bytes([c]) for c in codes),
                       capture_output=True)
    if r.returncode:
        pytest.skip("this iconv has no TCVN5712-1")
    theirs = r.stdout.decode().split("\n")  # one code a line: iconv would join a combining tone to its letter
    assert len(theirs) == len(codes) == 95 + 44
    for code, ch in zip(codes, theirs, strict=True):
        ours = legacy._VN1_CAPITALS[code] if code in legacy._VN1_CAPITALS else legacy.from_tcvn3(chr(code))
        assert ours == ch, hex(code)


@pytest.mark.parametrize("text,expected", [
    ("KÕ ho¹ch sè 12/KH-UBND", "Kế hoạch số 12/KH-UBND"),
    ("§iÒu 1. Ban hµnh", "Điều 1. Ban hành"),
    ("tr­êng", "trường"),  # ư is 0xAD, which Word shows as a soft hyphen
    ("\x93H\x96C T\x85P\x94 \x96 ngµy 5", "“HỌC TẶP” – ngày 5"),  # 0x80-0x9F: capitals in words, else quotes
])
def test_tcvn3_examples(text, expected):
    assert legacy.from_tcvn3(text) == expected


@pytest.mark.parametrize("word,ok", [
    ("nghị", True), ("quyết", True), ("HOẠCH", True), ("gì", True), ("giữ", True), ("kinh", True), ("khuya", True),
    ("quyế", False), ("nga", True), ("ngà", True), ("cu", True), ("Thủtướng", False),
    ("vàMôi", False), ("cafộ", False), ("bàt", False), ("ke", True), ("ko", False), ("ghe", True), ("gha", False),
    ("Kừ", False), ("ỏhọc", False),
])
def test_syllables(word, ok):
    assert is_syllable(word) is ok


@pytest.mark.parametrize("name", SAMPLES)
def test_tcvn3_and_vni_text_give_the_clean_plan(name, in_root):
    text = (ROOT / "samples" / name).read_text(encoding="utf-8")
    base = extract_bytes(text.encode(), name)
    for data in (legacy.tcvn3_text_bytes(text), legacy.vni_text_bytes(text), cp1258(text), legacy.to_vni(text).encode("utf-8")):
        plan = extract_bytes(data, name)
        for key in KEYS:
            assert plan[key] == base[key], key
        codes = {w["code"] for w in plan["warnings"]}
        assert codes & {"legacy-encoding", "legacy-encoding-converted"}


@pytest.mark.parametrize("name", SAMPLES[:2])
def test_vn3_text_as_abc_fonts_left_it_gives_the_clean_plan(name, in_root):
    """VN3 only (toned capitals written with lower-case codes, as in a ".VnTimeH" font), as bytes
    and as the same characters already in Unicode (a copy out of an old document)."""
    text = (ROOT / "samples" / name).read_text(encoding="utf-8")
    base = extract_bytes(text.encode(), name)
    vn3 = legacy.to_tcvn3(text, full=False)
    for data in (vn3.encode("cp1252"), vn3.encode("utf-8")):
        plan = extract_bytes(data, name)
        for key in KEYS:
            assert plan[key] == base[key], key


def test_vn3_capitals_typed_in_capitals_fonts_come_back_in_capital_lines():
    """Plain VN3 text (no toned capitals): "KÕ HO¹CH" lines read as capitals; abbreviations and
    title-case words stay as they are."""
    text = "ñY BAN NH¢N D¢N\nSè: 12/KH-H§ND\nKÕ HO¹CH\nI. MôC TI£U\nSë KÕ ho¹ch vµ §Çu t­ thùc hiÖn nhiÖm vô.\n" * 3
    out, warnings = bytes_to_text(text.encode("cp1252"), "vn3.txt")
    assert out.split("\n")[:5] == ["ỦY BAN NHÂN DÂN", "Số: 12/KH-HĐND", "KẾ HOẠCH", "I. MỤC TIÊU",
                                   "Sở Kế hoạch và Đầu tư thực hiện nhiệm vụ."]
    assert [w["code"] for w in warnings] == ["legacy-encoding-converted"]
    assert "TCVN3" in warnings[0]["message"]


def test_a_stray_byte_in_utf8_is_replaced_and_warned():
    text = (ROOT / "samples" / SAMPLES[0]).read_text(encoding="utf-8")
    data = text.encode()
    cut = data.index(b"\n", 2000) + 1
    plan = extract_bytes(data[:cut] + b"\xff" + data[cut:], "stray.txt")
    base = extract_bytes(data, "clean.txt")
    assert plan["document"] == base["document"] and len(plan["tasks"]) == len(base["tasks"])
    (w,) = [w for w in plan["warnings"] if w["code"] == "invalid-bytes"]
    assert w["loc"]["line"] == data[:cut].count(b"\n") + 1 and "1 byte" in w["message"]


@pytest.mark.parametrize("data", [
    ("Le café crème est très bon à Paris, où l'été est chaud. " * 20).encode("latin-1"),
    ("Größere Straßen führen über Brücken. " * 20).encode("latin-1"),
    bytes(random.Random(7).choices(range(1, 256), k=4000)),
], ids=["french", "german", "random"])
def test_text_that_is_neither_is_refused(data):
    with pytest.raises(ReadError, match="does not read as Vietnamese|undecodable|binary"):
        extract_bytes(data, "other.txt")


LEGACY_INPUTS = sorted(p for p in (ROOT / "tests" / "legacy-inputs").iterdir()
                       if not p.name.endswith(("-scan.pdf", "-cells.docx", "-merged.doc"))
                       and "-layer-" not in p.name)  # PDF text layers: test_textlayer


@pytest.mark.parametrize("path", LEGACY_INPUTS, ids=[p.name for p in LEGACY_INPUTS])
def test_legacy_fixture_gives_the_plan_of_its_clean_rendition(path, in_root):
    """Fixtures from scripts/make_legacy_fixtures.py: Word files in ABC (.VnTime/.VnTimeH, fonts
    from the style, one-letter capital runs) and VNI fonts mixed with Unicode paragraphs, and a
    TCVN3 text file."""
    from kehoach import extract_file

    stem, _, suffix = path.name.rpartition("-")
    clean = extract_file(f"samples/{stem}.{suffix.rsplit('.', 1)[1]}")
    plan = extract_file(str(path))
    for key in KEYS:
        assert without_loc(plan[key]) == without_loc(clean[key]), key
    assert any(w["code"] == "legacy-encoding-converted" for w in plan["warnings"])


MERGED_DOC = ROOT / "tests" / "legacy-inputs" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so-merged.doc"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed: a .doc cannot be read")
def test_a_doc_with_merged_cells_gives_the_plan_written_out_in_each_row(in_root):
    """Fixture from scripts/make_legacy_fixtures.py: a Word 97-2003 .doc (saved by LibreOffice)
    whose task table has group rows spanning the table (gridSpan), a lead merged down over two
    tasks, and support and deadline cells merged down over the last two; against the same table
    with every cell written out (.docx). Golden: scripts/regen_goldens.py --legacy."""
    import yaml

    from kehoach import extract_file
    from kehoach.export import to_yaml

    plan = extract_file(str(MERGED_DOC.relative_to(ROOT)))
    clean = extract_file(str(MERGED_DOC.with_name(MERGED_DOC.name.replace("-merged.doc", "-cells.docx")).relative_to(ROOT)))
    for key in KEYS:
        assert without_loc(plan[key]) == without_loc(clean[key]), key
    last = [t for t in plan["tasks"] if t["source"] == "appendix"][-2:]
    assert last[0]["support"] == last[1]["support"] and last[0]["deadline"] == last[1]["deadline"]
    golden = ROOT / "tests" / "golden" / "legacy" / f"{MERGED_DOC.stem}-doc.yaml"
    assert yaml.safe_load(to_yaml(plan)) == yaml.safe_load(golden.read_text(encoding="utf-8"))
