"""PDF text layers that cut Vietnamese words apart or run them together (parse/textlayer.py)."""

from __future__ import annotations

import random
import unicodedata

import pytest
import yaml

from kehoach import extract_file
from kehoach.export import to_yaml
from kehoach.parse.textlayer import _reading, repair_line
from kehoach.syllable import is_syllable

from ..conftest import ROOT, without_loc

H = 12.0  # word box height; a word space is 3.5, a cut inside a word 2
CLEAN_TEXTS = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".md")) + \
    sorted(p for p in (ROOT / "tests" / "real").iterdir() if p.suffix == ".md")
CLEAN_PDFS = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "tests" / "real").glob("*.pdf")) + \
    sorted(p for p in (ROOT / "tests" / "heldout").glob("*.pdf") if not p.stem.endswith("-scan")) + \
    [ROOT / "tests" / "extract" / "files" / "borderless-task-table.pdf"]  # a scan's text comes from OCR, not a layer
SPLIT = ROOT / "tests" / "legacy-inputs" / "lao-cai-215-kh-ubnd-2024-du-lich-cong-dong-crlf-layer-split.pdf"
CLEAN = ROOT / "tests" / "legacy-inputs" / "lao-cai-215-kh-ubnd-2024-du-lich-cong-dong-crlf-layer-clean.pdf"


def words(pieces: list[tuple[str, float]]) -> list[dict]:
    """Word boxes from (text, gap before it) pairs, 6 units a character."""
    out, x = [], 0.0
    for text, gap in pieces:
        x += gap
        out.append({"text": text, "x0": x, "x1": x + 6 * len(text), "top": 0.0, "bottom": H})
        x += 6 * len(text)
    return out


def repaired(pieces: list[tuple[str, float]]) -> tuple[str, int]:
    out, n = repair_line(words(pieces), H)
    return " ".join(w["text"] for w in out), n


def clean_words() -> list[str]:
    found = []
    for path in CLEAN_TEXTS[:6]:
        found += path.read_text(encoding="utf-8").split()
    return found


@pytest.mark.parametrize("pieces,expected", [
    ([("K", 0), ("ế", 2), ("ho", 3.5), ("ạch", 2), ("Ủ", 3.5), ("y", 2), ("ban", 3.5)], "Kế hoạch Ủy ban"),
    ([("nga", 0), ("\u0300", -1), ("y", 2), ("16/01/2017", 3.5), ("cu", 3.5), ("\u0309", -1), ("a", 2)], "ngày 16/01/2017 của"),
    ([("K", 0), ("Ế", 3), ("H", 9), ("O", 3), ("Ạ", 3), ("C", 3), ("H", 3)], "KẾ HOẠCH"),
    ([("I", 0), (".", 3), ("M", 9), ("Ụ", 3), ("C", 3), ("T", 9), ("I", 3), ("Ê", 3), ("U", 3)], "I. MỤC TIÊU"),
    ([("Thủtướng", 0), ("Chính", 3.5), ("phủ;", 3.5), ("Sở", 3.5), ("Nông", 3.5), ("nghiệp", 3.5), ("vàMôi", 3.5)],
     "Thủ tướng Chính phủ; Sở Nông nghiệp và Môi"),
    ([("phốih", 0), ("ợpvớ", 2), ("i", 2), ("các", 3.5)], "phối hợp với các"),
    ([("kỹn", 0), ("ăng", 2), ("bốtrí", 3.5)], "kỹ năng bố trí"),
])
def test_cut_and_run_together_words_are_repaired(pieces, expected):
    text, n = repaired(pieces)
    assert text == expected and n > 0


@pytest.mark.parametrize("line", [
    "điểm b khoản 1 Điều 5", "ma két sân khấu", "makét, ôtô, xôviết, Video, Internet", "UBND tỉnh Đắk Lắk, Krông Pắc",
    "thựchiện",  # two readings as likely (thực hiện, thự chiện): left as it is
    "Phụ lục I, II và III", "ở ý a b c",
])
def test_nothing_is_guessed(line):
    assert repaired([(w, 3.5) for w in line.split()]) == (line, 0)


@pytest.mark.parametrize("seed", range(200))
def test_generated_cuts_of_real_syllables_join_back(seed):
    """Words of the samples cut at random places (and tone marks drawn apart) join back."""
    rng = random.Random(seed)
    vocab = [w for w in clean_words() if is_syllable(w) and len(w) >= 2]
    line = rng.sample(vocab, 12)
    pieces: list[tuple[str, float]] = []
    for w in line:
        nfd = unicodedata.normalize("NFD", w)
        marks = [i for i, c in enumerate(nfd) if c in "\u0300\u0301\u0303\u0309\u0323"]
        if marks and rng.random() < 0.3:
            k = marks[0]
            pieces += [(unicodedata.normalize("NFC", nfd[:k]), 3.5), (nfd[k], -1), (nfd[k + 1:], 2)]
        else:
            cut = rng.randint(1, len(w) - 1)
            pieces += [(w[:cut], 3.5), (w[cut:], 2)]
    pieces[0] = (pieces[0][0], 0)
    text, n = repaired([p for p in pieces if p[0]])
    assert text == " ".join(line) and n >= 12


@pytest.mark.parametrize("seed", range(10))
def test_generated_letter_spaced_headings_read_as_words(seed):
    rng = random.Random(seed)
    caps = [w for w in clean_words() if w.isupper() and is_syllable(w) and len(w) >= 2]
    heading = rng.sample(caps, rng.randint(1, 5))
    pieces = [(ch, 9 if k and i == 0 else 3) for k, w in enumerate(heading) for i, ch in enumerate(w)]
    pieces[0] = (pieces[0][0], 0)
    assert repaired(pieces)[0] == " ".join(heading)


def test_words_run_together_are_cut_right_or_left_alone():
    """Every pair of neighbouring toned words of the samples, run together: read back as the two
    words, or left alone when the reading is unclear; never cut elsewhere."""
    ws = clean_words()
    pairs = {(a, b) for a, b in zip(ws, ws[1:], strict=False)
             if is_syllable(a) and is_syllable(b) and len(a + b) >= 4 and not (a + b).isascii()}
    right = wrong = 0
    for a, b in pairs:
        got = _reading(a + b)
        if got == (a, b):
            right += 1
        elif got is not None and " ".join(got) != f"{a} {b}":
            wrong += 1
    assert right > 0.5 * len(pairs) and wrong <= 0.01 * len(pairs), (right, wrong, len(pairs))


@pytest.mark.parametrize("path", CLEAN_TEXTS, ids=[p.name for p in CLEAN_TEXTS])
def test_clean_lines_are_left_alone(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        ws = line.split()
        assert repaired([(w, 3.5) for w in ws])[1] == 0, line


@pytest.mark.parametrize("path", CLEAN_PDFS, ids=[p.name for p in CLEAN_PDFS])
def test_clean_pdfs_are_left_alone(path, in_root):
    plan = extract_file(str(path))
    assert not [w for w in plan["warnings"] if w["code"] == "text-layer-repaired"]


def test_a_pdf_with_a_broken_text_layer_gives_the_clean_plan(in_root):
    """Fixture from scripts/make_textlayer_fixtures.py: tone marks drawn apart, words cut, words run
    together and letter-spaced capitals lines, against the same layout drawn whole."""
    plan = extract_file(str(SPLIT.relative_to(ROOT)))
    clean = extract_file(str(CLEAN.relative_to(ROOT)))
    for key in ("document", "sections", "targets", "tasks"):
        assert without_loc(plan[key]) == without_loc(clean[key]), key
    (w,) = [w for w in plan["warnings"] if w["code"] == "text-layer-repaired"]
    assert w["loc"] == {"line": 1, "page": 1} and "repair" in w["message"]
    golden = ROOT / "tests" / "golden" / "legacy" / f"{SPLIT.stem}-pdf.yaml"
    assert yaml.safe_load(to_yaml(plan)) == yaml.safe_load(golden.read_text(encoding="utf-8"))


def spaced(text: str) -> str:
    """Capitals spaced out as typists do it: a space between letters, two between words."""
    return "  ".join(" ".join(word) for word in text.split())


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(line) <= 80


@pytest.mark.parametrize("name", ["lao-cai-215-kh-ubnd-2024-du-lich-cong-dong-crlf.txt",
                                  "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt",
                                  "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.md"])
def test_letter_spaced_capitals_in_text_give_the_clean_plan(name, in_root):
    """Every capitals line (issuer, motto, type line, headings) letter-spaced: same plan."""
    from kehoach import extract_bytes

    text = (ROOT / "samples" / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    changed = [spaced(line) if _capitals(line) and "\t" not in line and "|" not in line else line for line in lines]
    assert sum(a != b for a, b in zip(lines, changed, strict=True)) >= 5
    clean = extract_bytes(text.encode(), name)
    plan = extract_bytes("\n".join(changed).encode(), name)
    for key in ("document", "sections", "targets", "tasks"):
        assert without_loc(plan[key]) == without_loc(clean[key]), key


def test_letter_spaced_capitals_in_a_word_file_give_the_clean_plan(in_root, tmp_path):
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    src = ROOT / "samples" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.docx"
    with zipfile.ZipFile(src) as z:
        files = {i.filename: z.read(i.filename) for i in z.infolist()}
    doc = etree.fromstring(files["word/document.xml"])
    n = 0
    for p in doc.iter(f"{w}p"):
        ts = list(p.iter(f"{w}t"))
        text = "".join(t.text or "" for t in ts)
        if ts and _capitals(text):
            ts[0].text = spaced(text)
            for t in ts[1:]:
                t.text = ""
            n += 1
    assert n >= 5
    files["word/document.xml"] = etree.tostring(doc)
    out = tmp_path / "spaced.docx"
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    plan, clean = extract_file(str(out)), extract_file(str(src))
    for key in ("document", "sections", "targets", "tasks"):
        assert without_loc(plan[key]) == without_loc(clean[key]), key


@pytest.mark.parametrize("text,expected", [
    ("K Ế  H O Ạ C H", "KẾ HOẠCH"), ("K Ế H O Ạ C H", "KẾ HOẠCH"),
    ("T Ổ  C H Ứ C  T H Ự C  H I Ệ N", "TỔ CHỨC THỰC HIỆN"),
    ("I I I .  N H I Ệ M  V Ụ ,  G I Ả I  P H Á P", "III. NHIỆM VỤ, GIẢI PHÁP"),
    ("U B N D  T Ỉ N H  L À O  C A I", "UBND TỈNH LÀO CAI"),
    ("T Ổ C H Ứ C T H Ự C H I Ệ N", "T Ổ C H Ứ C T H Ự C H I Ệ N"),  # one space only, two readings: as it is
    ("điểm a b c", "điểm a b c"), ("nhóm A B C D", "nhóm A B C D"), ("Phụ lục I, II, III", "Phụ lục I, II, III"),
])
def test_letter_spaced_text(text, expected):
    from kehoach.parse.normalize import normalize_text

    assert normalize_text(text) == expected


def test_table_cells_are_repaired_from_syllables_alone():
    """Cells come from the table reader without glyph positions: a piece that is no syllable joins,
    words with tone marks run together are cut, two syllables stay two ("Ủ y" is left)."""
    from kehoach.parse.textlayer import repair_lines, repair_text

    rows = [[["Sở Tài chí nh; Ủ y ban"], ["Quý I I/2025"]], [["Sở Kếhoạch và Đầutư", "UBND các huyệ n"], []]]
    _, repaired = repair_lines([], H, [((10.0, 250.0, 500.0, 400.0), rows)])
    assert rows == [[["Sở Tài chính; Ủ y ban"], ["Quý I I/2025"]], [["Sở Kế hoạch và Đầu tư", "UBND các huyện"], []]]
    assert repaired == [(250.0, 4)]
    assert repair_text("Sở Giao thông vận tải; makét") == ("Sở Giao thông vận tải; makét", 0)
