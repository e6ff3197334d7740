"""Decomposed Vietnamese (NFD: tone marks as combining characters, as a Mac's or a web page's copy gives)
reads as the composed text (NFC) does: every text sample and real document gives the same plan in both
forms, and so does any mixture of the two, line by line."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach import extract_bytes

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(p for folder in ("samples", "tests/real") for p in (ROOT / folder).iterdir()
               if p.suffix in (".txt", ".md") and p.name != "ABOUT.md")


def _plan(data: bytes, name: str) -> dict:
    plan = extract_bytes(data, name)
    del plan["source"]["sha256"]  # of the bytes, which differ
    return plan


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_a_decomposed_copy_gives_the_same_plan(path):
    text = path.read_text(encoding="utf-8")
    assert _nfd(text) != text
    assert _plan(_nfd(text).encode("utf-8"), path.name) == _plan(text.encode("utf-8"), path.name)


def test_a_decomposed_word_document_gives_the_same_plan():
    """Every XML part of the document decomposed (the Word reader composed its letters already)."""
    path = ROOT / "samples" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.docx"
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            dst.writestr(item, _nfd(body.decode("utf-8")).encode("utf-8") if item.filename.endswith(".xml") else body)
    assert _plan(out.getvalue(), path.name) == _plan(data, path.name)


MIXED = ROOT / "samples" / "lam-dong-58-kh-ubnd-2026-bang-can-giua-trang-layout.txt"  # a table aligned with spaces


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_mixture_of_the_two_forms_gives_the_same_plan(data):
    lines = MIXED.read_text(encoding="utf-8").split("\n")
    decomposed = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    mixed = "\n".join(_nfd(line) if d else line for line, d in zip(lines, decomposed, strict=True))
    assert _plan(mixed.encode("utf-8"), MIXED.name) == _plan("\n".join(lines).encode("utf-8"), MIXED.name)
