"""Hostile input: each gets a one-line error or a warning, never a traceback or a hang.

The subprocess timeouts below guard against hangs; they are not timing assertions.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from kehoach import extract_bytes

HEADER = "Số: 1/KH-UBND\nKẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n"


def cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "kehoach.cli", *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("data,message", [
    (b"", "empty"), (b"   \n\t\n  ", "empty"), (b"\x00\x01\x02\xff" * 200, "binary data"),
])
def test_empty_and_binary_text_files(tmp_path, data, message):
    f = tmp_path / "x.txt"
    f.write_bytes(data)
    r = cli("extract", str(f))
    assert r.returncode == 1 and message in r.stderr and r.stderr.count("\n") == 1


def test_size_limit_and_max_size(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(HEADER + "- mục\n" * 20000, encoding="utf-8")
    r = cli("extract", str(f), "--max-size", "10K")
    assert r.returncode == 1 and "over the 10240-byte limit; raise it with --max-size" in r.stderr
    assert cli("extract", str(f), "--max-size", "1M").returncode == 0


def test_extremely_long_line_and_word():
    plan = extract_bytes((HEADER + "Tỷ lệ đạt trên 30%, " * 50000).encode(), "long.txt")
    assert 1 <= len(plan["targets"]) <= 20
    plan = extract_bytes((HEADER + "a" * 1_000_000).encode(), "word.txt")
    assert "a" * 1000 in str(plan["sections"])


def test_many_wrapped_lines_of_one_paragraph():
    plan = extract_bytes((HEADER + "dòng\n" * 100_000).encode(), "lines.txt")
    assert len(plan["sections"][0]["text"]) == 1


def test_ten_thousand_row_table():
    rows = "\n".join(f"{i}\tViệc {i}\tSở Y tế\tQuý I/2025" for i in range(1, 10001))
    plan = extract_bytes((HEADER + "STT\tNội dung\tCơ quan chủ trì\tThời hạn\n" + rows).encode(), "t.txt")
    assert len(plan["tasks"]) == 10000 and plan["tasks"][-1]["no"] == "10000"


def test_deep_and_odd_numbering():
    text = HEADER + "\n".join(f"1.1.1.1. mục {i}\na) ý\ni) nhỏ\n- gạch\n+ cộng" for i in range(2000))
    plan = extract_bytes(text.encode(), "deep.txt")
    assert plan["sections"][0]["children"]
    plan = extract_bytes(("I. A\n" + "1." * 50000 + "\n" + "- " * 50000).encode(), "dots.txt")
    assert plan["schema_version"] == "1"


def test_windows_1258_is_decoded_with_a_warning():
    from .parse.test_legacy import cp1258

    plan = extract_bytes(cp1258(HEADER + "- Tỷ lệ đạt 50%\n"), "cp.txt")
    assert any(w["code"] == "legacy-encoding" for w in plan["warnings"])
    assert plan["sections"][0]["title"] == "MỤC TIÊU"


@pytest.mark.parametrize("legacy,name", [
    ("Kõ ho¹ch ph¸t triÓn kinh tÕ x· héi n¨m 2024 cña tØnh, c¸c së ban ngµnh thùc hiÖn nhiÖm vô ®­îc giao. " * 5,
     "TCVN3"),
    ("Keá hoaïch phaùt trieån kinh teá xaõ hoäi naêm 2024 cuûa tænh, caùc sôû ban ngaønh thöïc hieän nhieäm vuï. " * 5,
     "VNI"),
])
def test_legacy_8bit_vietnamese_is_converted(legacy, name):
    for data in (legacy.encode("cp1252"), legacy.encode("utf-8")):  # the bytes, and the same text already in Unicode
        plan = extract_bytes(data, "old.txt")
        assert any(w["code"] == "legacy-encoding-converted" and name in w["message"] for w in plan["warnings"])
        assert "phát triển kinh tế" in str(plan)


def test_paths_with_vietnamese_letters_and_spaces(tmp_path):
    d = tmp_path / "Kế hoạch năm 2024"
    d.mkdir()
    f = d / "kế hoạch số 12 (bản cuối).txt"
    f.write_text(HEADER + "- Một\n", encoding="utf-8")
    r = cli("extract", str(f), "-o", str(d / "kết quả.json"))
    assert r.returncode == 0 and (d / "kết quả.json").exists()


def test_a_nul_byte_in_a_listed_file_name_is_a_missing_file(tmp_path):
    r = subprocess.run([sys.executable, "-m", "kehoach.cli", "batch", "-", "-o", str(tmp_path / "out")],
                       input="a\x00b.txt\n", capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "a\\x00b.txt: no such file" in r.stderr and "internal error" not in r.stderr


def test_a_pdf_line_of_thousands_of_words_reads_whole():
    """One printed line of 8,000 words (44,000 characters): its words were regrouped and cut into
    columns in time quadratic in their number (14 s); now linear. The suite's time limit guards it."""
    from .conftest import load_script

    hostile = load_script("make_hostile")
    plan = extract_bytes(hostile.long_line_pdf(8000)(), "line.pdf")
    first, second = plan["sections"]
    assert first["text"] == ["MUC TIEU " + " ".join(hostile.long_line_words(8000))]
    assert (second["number"], second["title"]) == ("II", "NHIEM VU")


def test_a_space_aligned_table_of_thousands_of_rows():
    """`pdftotext -layout` text of a 3,000-row table (cells wrapped over two lines): its columns
    were found again over all the lines taken for each line added, in time quadratic in its
    lines (2,500 rows took 90 s); now linear."""
    def line(cells: list[str]) -> str:
        return "".join(c.ljust(w) for c, w in zip(cells, (8, 40, 26, 14), strict=True)).rstrip()

    rows = "\n".join(line([str(i), f"Thực hiện nhiệm vụ số {i} về cải", "Sở Y tế", "Quý I/2026"]) + "\n"
                     + line(["", "cách hành chính", "", ""]) for i in range(1, 3001))
    text = HEADER + "II. NHIỆM VỤ\n\n" + line(["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"]) + "\n" + rows + "\n"
    tasks = extract_bytes(text.encode(), "layout.txt")["tasks"]
    assert len(tasks) == 3000
    assert tasks[-1]["no"] == "3000" and tasks[-1]["title"] == "Thực hiện nhiệm vụ số 3000 về cải cách hành chính"
    assert tasks[-1]["lead"][0] == "Sở Y tế" and tasks[-1]["deadline"]["text"] == "Quý I/2026"


def test_a_centred_space_aligned_table_of_thousands_of_rows():
    """Rows apart by a blank line, titles centred over two lines (`pdftotext -layout` of a table
    whose cells are centred vertically): each row opens a "page", and each page's starts were
    compared with all the other lines (2,500 rows took 7 s); now linear."""
    def row(i: int) -> str:
        return f"        Thực hiện nhiệm vụ số {i} về cải\n{str(i).ljust(8)}{'cách hành chính'.ljust(40)}Sở Y tế\n"

    text = HEADER + "II. NHIỆM VỤ\n\nSTT     " + "Nội dung".ljust(40) + "Cơ quan chủ trì\n\n" + \
        "\n".join(row(i) for i in range(1, 2001))
    tasks = extract_bytes(text.encode(), "layout.txt")["tasks"]
    assert len(tasks) == 2000
    assert (tasks[-1]["no"], tasks[-1]["title"], tasks[-1]["lead"]) == (
        "2000", "Thực hiện nhiệm vụ số 2000 về cải cách hành chính", ["Sở Y tế"])


def test_a_long_run_of_blank_lines_inside_a_scrape():
    """40,000 blank lines between two "|" lines of a scraped table: each blank line looked ahead
    over the whole run (70 s); the run is looked past once."""
    scrape = "|\nSTT\n|\nNội dung\n|\nChủ trì\n|\n|\n1\n|\nViệc một\n|\nSở Y tế\n|\n" + "\n" * 40000 + \
        "|\n2\n|\nViệc hai\n|\nSở Tư pháp\n|\n"
    plan = extract_bytes((HEADER + "II. NHIỆM VỤ\n" + scrape).encode(), "scrape.md")
    assert [(t["no"], t["lead"]) for t in plan["tasks"]] == [("1", ["Sở Y tế"]), ("2", ["Sở Tư pháp"])]
