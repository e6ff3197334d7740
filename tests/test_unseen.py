"""Plans written in layouts the rules were not written from (tests/unseen/, made by
scripts/make_unseen.py): every rendition of each is scored against its held-out answer key, and
no value may be wrong without a warning near it. A rendition the tool cannot read (a table flattened
to one cell a line) may miss values, but must say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
score = load_script("score_heldout")
CASES = [(key, name) for key in score.load_keys() for name in key.get("renditions") or []]


def test_renditions_exist():
    assert CASES
    for _, name in CASES:
        assert (ROOT / "tests" / "unseen" / name).is_file(), name


@pytest.mark.parametrize("key,name", CASES, ids=[name for _, name in CASES])
def test_rendition_is_never_silently_wrong(key, name):
    result = score.score_document(key, ROOT / "tests" / "unseen" / name)
    assert result["crash"] is None
    silent = [e for e in result["errors"] if e["silent"]]
    assert silent == []


@pytest.mark.parametrize("name", ["u03-so-y-te-cot-chu-tri-dau", "u06-qd-khhd-phu-luc-kinh-phi",
                                  "u07-tinh-bang-qua-trang", "u08-bang-trong-than", "u12-tinh-lo-trinh-danh-dau-nam",
                                  "u14-phuong-ten-co-dau-phay-ban-quet", "u30-so-hai-bang-chi-tieu-nhiem-vu",
                                  "u35-tinh-chep-tu-trang-web", "u37-so-giam-doc-ky-lanh-dao-phu-trach"])
def test_a_narrow_table_as_pdftotext_layout_reads_as_its_word_file(name):
    """pdftotext -layout of a narrow table (cells wrapped to a few words, cells one space apart, a
    page break with the header repeated and a row cut by it; u06: the table ends at the next
    appendix's heading, whose budget table is another table; u12: years under "Lộ trình thực hiện",
    a second header row; u30: a table of indicators over the task table, whose columns it kept; u35:
    a lead one space from the support column, its name going on below in lower case, a date's year
    cut where its cell ends; u37: header cells wrapped and one space apart, centred over centred
    cells): the same rows as the Word file."""
    from kehoach import extract_file

    def rows(path: Path) -> list[tuple]:
        plan = extract_file(str(path))
        return [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"], t.get("note"))
                for t in plan["tasks"] if t["source"] == "appendix"]

    layout = rows(ROOT / "tests" / "unseen" / f"{name}-layout.txt")
    assert layout and layout == rows(ROOT / "tests" / "unseen" / f"{name}.docx")
