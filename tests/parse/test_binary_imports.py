"""A cold extract of a PDF or Word file imports what its reader needs and no more: pdfminer and
pdfplumber only for pages the pdfium reader leaves to them, pypdfium2's own bindings and helpers
never (kehoach.parse.pdfium binds the library it ships), LibreOffice's helpers only for a
legacy .doc, lxml only for a Word part the standard parser does not take, no dataclasses or statistics (a shell loop pays every import on every file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..cli_run import modules_after_extract

ROOT = Path(__file__).resolve().parents[2]
NEVER = ("click", "dataclasses", "pdfminer", "pdfplumber", "charset_normalizer", "cryptography", "statistics")
SAMPLES = {
    "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.pdf": (*NEVER, "pypdfium2"),  # ruled tables read through pdfium
    "bac-kan-45-kh-ubnd-2026-chu-thich-cuoi-trang.pdf": (*NEVER, "pypdfium2"),  # text pages
    "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.docx": (*NEVER, "pypdfium2", "subprocess", "tempfile", "lxml"),
}


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_a_cold_extract_imports_only_its_reader(sample, tmp_path):
    assert modules_after_extract(ROOT / "samples" / sample, tmp_path / "p.yaml", SAMPLES[sample]) == "0 []"


@pytest.mark.parametrize("data", [[3.0], [2, 1], [5.5, 1.25, 3.0], [0.1, 0.2, 0.7, 0.3], (x / 7 for x in range(9)), [1, 2, 3, 4]])
def test_the_pdf_readers_median_is_statistics_median(data):
    import statistics

    from kehoach.parse.pdf_stats import median

    values = list(data)
    assert median(iter(values)) == statistics.median(values)
    assert type(median(values)) is type(statistics.median(values))


def test_no_median_of_nothing():
    from kehoach.parse.pdf_stats import StatisticsError, median

    with pytest.raises(ValueError, match="no median for empty data") as e:
        median([])
    assert isinstance(e.value, StatisticsError)
