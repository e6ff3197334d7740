"""What Tesseract was unsure of: its word confidences, read from the hOCR files OCRmyPDF keeps.

A page's mean confidence says how well it was read as a whole; a single word read with low
confidence is where a misread tone hides ("mở" read "mỡ", "bảo" read "báo"). Such a slip gives
a real Vietnamese syllable, so neither the syllable grammar nor the document's other spellings can
find it when the word is written only once, and a wrong task title would pass without a word.
Each such word is therefore located in the text read from the OCR'd PDF and its line is warned, for
the analyst to check against the scan.

Measured on the OCR'd scans of the tests (five plans, 1,783 words, 38 of them misread): words
under 88% hold 27 of the 38 misreads and are 5% of all words; under 80% they hold 21 and are 3%.
Tesseract's confidence for a word read right is 95-97% on these scans.
"""

from __future__ import annotations

import glob
import html
import os
import unicodedata
from typing import NamedTuple

from .. import rx

UNSURE = 88
"""A word read with a confidence under this (in %) is named in a warning on its line."""

_LINE = rx.compile(r"<span class=['\"]ocr_(?:line|header|caption|textfloat)['\"][^>]*>(.*?</span>)\s*</span>", rx.S)
_WORD = rx.compile(r"<span class=['\"]ocrx_word['\"][^>]*?x_wconf (\d+)['\"][^>]*>(.*?)</span>", rx.S)
_TAG = rx.compile(r"<[^>]+>")
_TOKEN = rx.compile(r"[\p{L}\p{M}\d]+")


class Unsure(NamedTuple):
    """A word Tesseract read with low confidence, with the words read beside it on its line."""

    word: str
    confidence: int
    before: str | None
    after: str | None


def read_hocr(folder: str) -> tuple[dict[int, tuple[float, int]], dict[int, list[Unsure]]]:
    """({page: (mean word confidence in %, words)}, {page: its unsure words in reading order}) of
    each page OCRmyPDF left an hOCR file for (``000002_ocr_hocr.hocr`` is page 2)."""
    means: dict[int, tuple[float, int]] = {}
    unsure: dict[int, list[Unsure]] = {}
    for path in glob.glob(os.path.join(folder, "**", "*_ocr_hocr.hocr"), recursive=True):
        stem = os.path.basename(path).split("_", 1)[0]
        if not stem.isdigit():
            continue
        with open(path, encoding="utf-8", errors="replace") as fh:
            confs, low = page_words(fh.read())
        if confs:
            means[int(stem)] = (sum(confs) / len(confs), len(confs))
        if low:
            unsure[int(stem)] = low
    return means, unsure


def page_words(hocr: str) -> tuple[list[int], list[Unsure]]:
    """Every word's confidence on one hOCR page, and the words with a letter read under :data:`UNSURE`."""
    confs = [int(c) for c, _ in _WORD.findall(hocr)]
    low: list[Unsure] = []
    for line in _LINE.finditer(hocr):
        words = [(int(c), _text(w)) for c, w in _WORD.findall(line.group(1))]
        for i, (conf, word) in enumerate(words):
            token = _first_token(word)
            if conf < UNSURE and token and any(ch.isalpha() for ch in token):
                low.append(Unsure(token, conf, _first_token(words[i - 1][1]) if i else None,
                                  _first_token(words[i + 1][1]) if i + 1 < len(words) else None))
    return confs, low


def _text(fragment: str) -> str:
    return unicodedata.normalize("NFC", html.unescape(_TAG.sub("", fragment)))


def _first_token(word: str) -> str | None:
    m = _TOKEN.search(word)
    return m.group(0) if m else None


def unsure_lines(lines: list[str], pages: list[int | None], unsure: dict[int, list[Unsure]]) -> dict[int, list[Unsure]]:
    """{line index: the unsure words found on it}. Each word is looked for on its page's lines in
    reading order, from the line the previous one was found on; a line holding the word beside the
    same neighbour is taken before one holding the word alone. A word the corrections changed (it
    is warned as corrected) or that the reading left out is not found, and not reported."""
    found: dict[int, list[Unsure]] = {}
    for page, words in unsure.items():
        on_page = [k for k, p in enumerate(pages) if p == page]
        tokens = {k: _TOKEN.findall(unicodedata.normalize("NFC", lines[k])) for k in on_page}
        start = 0
        for word in words:
            order = on_page[start:] + on_page[:start]
            holding = [k for k in order if word.word in tokens[k]]
            if not holding:
                continue
            beside = [k for k in holding if _beside(tokens[k], word)]
            k = (beside or holding)[0]
            found.setdefault(k, []).append(word)
            start = on_page.index(k)
    return found


def _beside(tokens: list[str], word: Unsure) -> bool:
    for i, token in enumerate(tokens):
        if token == word.word and ((i and tokens[i - 1] == word.before)
                                   or (i + 1 < len(tokens) and tokens[i + 1] == word.after)):
            return True
    return False

