"""Scanned PDFs: a text layer made by OCRmyPDF with Tesseract's Vietnamese model, then read and
corrected with what every plan's layout is known to hold.

OCR runs only when asked (``--ocr``): on the pages of a PDF that have no text layer (``auto``: a
scan, or scanned pages among text pages), or on every page (``force``, for a PDF whose text layer
is garbage). Tesseract's word confidences are read from the hOCR files OCRmyPDF keeps, and
reported (mean over the OCR'd words; pages below :data:`LOW_CONFIDENCE` warned each). The engine is an existing one, never a home-made
one: ``pip install 'kehoach[ocr]'`` gives OCRmyPDF, and the Debian packages tesseract-ocr and
tesseract-ocr-vie give Tesseract and its Vietnamese model; each is checked before it is needed.

What OCR gets wrong in plans, and how the text is corrected (every correction is warned, ``ocr``,
with its line): section numbers ("L", "IL_", "II" for the Roman numbers I, II, III) from their
sequence; a dash bullet read as "_"; header and heading words that lost or changed their marks
("MỤC TIỂU", "PHO CHỦ TỊCH") from the fixed vocabulary of plans; capitals words of the header
that lost their marks ("THANH HOA") from the same words written with marks elsewhere in the
document. The slips of a worn scan in the marks of the structure are corrected in
:mod:`.ocr_layout`, word-level slips (syllables run together, tones) in :mod:`.ocr_words`.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from itertools import pairwise

from .. import rx
from ..children import memory_note, run_group
from ..diagnostics import warning
from ..errors import NoTextLayer, ReadError  # noqa: F401  (NoTextLayer: kehoach.parse.pdf imports it from here)
from ..numbering import roman_to_int
from ..vn import fold
from ..vocab.document_parts import APPENDIX, CAPACITY, FIXED_WORDS, RECIPIENTS
from . import ocr_layout as layout
from .ocr_cells import Reread
from .ocr_rules import draw_rules, page_rules  # noqa: F401  (page_rules: the rules of a page image)
from .ocr_tasks import unsure_message
from .ocr_unsure import Unsure, read_hocr, unsure_lines
from .ocr_words import correct_words, drop_rule_glyphs, is_speck_line
from .rendition import Rendition

MODES = ("auto", "force")
ROTATE_CONFIDENCE = 2
"""Tesseract's orientation confidence above which OCRmyPDF turns a scanned page upright before
reading it. Its default, 14, left pages of plans scanned sideways unturned (a full page at 11.4, a
signature page at 5.0), and a page read sideways is noise; on the upright scans in the tests every
page, a sparse signature page at 4.9 too, is found upright, and an upright page is never turned."""
OCR_TIMEOUT = 1800
INSTALL = ("pip install 'kehoach[ocr]' (OCRmyPDF) and the Debian packages tesseract-ocr tesseract-ocr-vie "
           "(apt-get install tesseract-ocr tesseract-ocr-vie)")


def missing_engine() -> str | None:
    """What is missing for OCR, or None when OCRmyPDF, Tesseract and its Vietnamese model are there."""
    try:
        import ocrmypdf  # noqa: F401
    except ImportError:
        return "OCRmyPDF is not installed"
    tesseract = shutil.which("tesseract")
    if not tesseract:
        return "Tesseract is not installed"
    if "vie" not in _languages(tesseract):
        return "Tesseract's Vietnamese model (tesseract-ocr-vie) is not installed"
    return None


@functools.lru_cache(maxsize=1)
def _languages(tesseract: str) -> tuple[str, ...]:
    try:
        r = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return tuple(line.strip() for line in (r.stdout + r.stderr).splitlines()[1:])


def run_ocr(data: bytes, name: str, force: bool) -> tuple[bytes, dict[int, tuple[float, int]], dict[int, list[Unsure]],
                                                        list[Reread]]:
    """The PDF with a text layer made by OCRmyPDF (Vietnamese) for the pages that have none
    (``force``: for every page) and its tables' rules drawn (:mod:`.ocr_rules`), Tesseract's word
    confidences per OCR'd page: {page: (mean confidence in %, words)}, the words of each page it
    was unsure of (:mod:`.ocr_unsure`), and the row numbers it left out, read again (:mod:`.ocr_cells`)."""
    missing = missing_engine()
    if missing:
        raise ReadError(f"{name}: --ocr needs an OCR engine: {missing}; install {INSTALL}")
    with tempfile.TemporaryDirectory(prefix="kehoach-ocr-") as tmp:
        src, out = os.path.join(tmp, "in.pdf"), os.path.join(tmp, "out.pdf")
        with open(src, "wb") as fh:
            fh.write(data)
        cmd = [sys.executable, "-m", "ocrmypdf", "-q", "-l", "vie", "--output-type", "pdf", "--optimize", "0",
               "--rotate-pages", "--rotate-pages-threshold", str(ROTATE_CONFIDENCE),
               "--keep-temporary-files", "--force-ocr" if force else "--skip-text", src, out]
        env = dict(os.environ, TMPDIR=tmp)  # its work files (with the hOCR of each page) stay in ours
        try:
            r = run_group(cmd, OCR_TIMEOUT, capture=True, env=env)  # its Tesseract runs end with it
        except subprocess.TimeoutExpired as e:
            raise ReadError(f"{name}: OCR did not finish in {OCR_TIMEOUT} s") from e
        except OSError as e:
            raise ReadError(f"{name}: OCR could not start ({e.strerror})") from e
        if r.returncode != 0 or not os.path.exists(out):
            last = (r.stderr.strip().splitlines() or ["no message"])[-1]
            raise ReadError(f"{name}: OCR failed ({last}){memory_note()}")
        confidence, unsure = read_hocr(tmp)
        with open(out, "rb") as fh:
            pdf, reread = draw_rules(fh.read())
        return pdf, confidence, unsure, reread


# --- corrections ------------------------------------------------------------------------------
_ROMAN_LIKE = rx.compile(rf"^(?P<num>[IVXLH{layout.I_LOOKALIKES}]{{1,5}}|[{layout.I_LOOKALIKES}I]{{1,3}}(?=[^\x00-\x7f\s]\s))"
                         r"(?P<punct>[._,:;]*|[^\x00-\x7f\s])\s+(?P<rest>\S.*)$")
"""A Roman number's lookalike opening a line, and its stop: "L MỤC …", "IL_ MỤC …", "lỀ MỤC …" (a
speck after the I read as a letter with marks)."""
_BULLET = rx.compile(r"^_\s+")
_STOP = rx.compile(rf"^(?:{APPENDIX}|{RECIPIENTS}|{CAPACITY})", rx.I)


def _heading_line(rest: str) -> bool:
    letters = [c for c in rest if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _fix_roman(lines: list[str], fixes: list[tuple[int, str, str]]) -> None:
    """Roman section numbers in capitals headings, renumbered by their sequence where OCR misread
    them as lookalikes ("L" -> I, "IL_" -> II, "II" -> III)."""
    expected = 1
    for k, line in enumerate(lines):
        if _STOP.match(line.strip()):
            break
        m = _ROMAN_LIKE.match(line.strip())
        if not m or not _heading_line(m.group("rest")):
            continue
        seen = m.group("num")
        want = _roman(expected)
        clean = layout.roman_lookalike(seen)
        strokes = len(clean.replace("L", "I"))
        lookalike = set(clean) <= {"I", "L"} and set(want) == {"I"} and abs(strokes - len(want)) <= 1
        if seen == want and m.group("punct") in (".", ""):
            expected += 1
            continue
        if seen == want or clean == want or lookalike or (roman_to_int(clean) == expected if set(clean) <= set("IVXL") else False):
            fixed = f"{want}. {m.group('rest')}"
            fixes.append((k, line.strip(), fixed))
            lines[k] = fixed
            expected += 1


def _roman(n: int) -> str:
    out = []
    for v, s in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _fix_words(lines: list[str], fixes: list[tuple[int, str, str]]) -> None:
    """Heading vocabulary and capitals words of the header spelled as the document spells them."""
    words = rx.compile(r"[^\W\d_]+")
    spelled: dict[str, Counter] = {}
    for line in lines:
        toks = words.findall(line)
        for a, b in pairwise(toks):
            spelled.setdefault(fold(f"{a} {b}"), Counter())[f"{a} {b}"] += 1
    known = {fold(h): h for h in FIXED_WORDS}
    for k, line in enumerate(lines):
        new = line
        heading = _heading_line(line)
        for key, phrase in known.items():
            if heading or len(phrase.split()) >= 3:  # single words only in capitals lines ("tính" is not "tỉnh")
                new = _replace_folded(new, key, phrase)
        if heading:
            toks = words.findall(new)
            for a, b in pairwise(toks):
                pair = f"{a} {b}"
                best = _best_spelling(spelled.get(fold(pair)), pair)
                if best:
                    new = new.replace(pair, best.upper(), 1)
        if new != line:
            fixes.append((k, line.strip(), new.strip()))
            lines[k] = new


def _best_spelling(counts: Counter | None, pair: str) -> str | None:
    """The way the document most often writes ``pair`` with marks, when the OCR'd capitals lost
    some of them (never a spelling with fewer marks, never one seen only once)."""
    if not counts:
        return None
    best, n = counts.most_common(1)[0]
    if n < 2 or best.upper() == pair or best == pair:
        return None
    return best if _marks(best) > _marks(pair) else None


def _marks(text: str) -> int:
    import unicodedata

    return sum(1 for c in unicodedata.normalize("NFD", text) if unicodedata.combining(c))


def _replace_folded(line: str, key: str, phrase: str) -> str:
    """``line`` with a run of words whose fold is ``key`` spelled as ``phrase`` (capitals kept as in
    the line: a capitals line gets the capitals phrase)."""
    if key not in fold(line):
        return line
    toks = line.split(" ")
    n = len(phrase.split(" "))
    for i in range(len(toks) - n + 1):
        chunk = " ".join(toks[i:i + n])
        core = chunk.strip(".,:;")
        if fold(core) == key and core.lower() != phrase.lower():
            target = phrase.upper() if core.isupper() else phrase
            if core.isupper() or core[:1].isupper() == phrase[:1].isupper():
                toks[i:i + n] = chunk.replace(core, target).split(" ")
    return " ".join(toks)


def _join_bullets(rendition: Rendition) -> None:
    """A dash bullet OCR set apart on a line of its own ("_", "-") goes back before its text; specks
    of the scan read as a lone punctuation mark are dropped."""
    lines, origins = rendition.lines, rendition.origins
    k = 0
    while k < len(lines):
        bare = lines[k].strip()
        if bare in ("_", "-", "–", "—") and k + 1 < len(lines) and lines[k + 1].strip():
            lines[k] = "- " + lines[k + 1].strip()
            del lines[k + 1], origins[k + 1]
        elif bare and len(bare) <= 2 and not any(c.isalnum() for c in bare) or is_speck_line(bare):
            del lines[k], origins[k]
            continue
        k += 1


_CELL = rx.compile(r"^<p>([^<]{1,4})</p>$")


def _fix_group_numbers(lines: list[str], fixes: list[tuple[int, str, str]]) -> None:
    """Group rows of a table numbered I, II, … in their first cell, renumbered by sequence where OCR
    misread the number ("H" for II)."""
    expected = 1
    for k, line in enumerate(lines):
        if "\t" not in line:
            if not line.strip():
                continue
            expected = 1  # a new table starts its groups again
            continue
        first, _, rest = line.partition("\t")
        m = _CELL.match(first)
        if not m or rest.partition("\t")[2].strip("\t "):
            continue  # a group row holds its title alone
        seen = m.group(1).strip().rstrip(".")
        clean = layout.roman_lookalike(seen)
        if not clean or set(clean) - set("IVX") or roman_to_int(clean) is None:
            continue
        if seen != _roman(expected) and (clean == _roman(expected) or roman_to_int(clean) != expected):
            if abs((roman_to_int(clean) or 0) - expected) > 1 and clean != _roman(expected):
                continue
            fixed = f"<p>{_roman(expected)}</p>\t{rest}"
            fixes.append((k, seen, _roman(expected)))
            lines[k] = fixed
        expected += 1


LOW_CONFIDENCE = 80.0
"""A page whose mean word confidence is below this (in %) is warned on its own."""


def correct(rendition: Rendition, confidence: dict[int, tuple[float, int]] | None = None,
            unsure: dict[int, list[Unsure]] | None = None, reread: list[Reread] | None = None) -> None:
    """Correct an OCR'd rendition in place and warn each correction (``ocr``), the OCR itself with
    Tesseract's mean word confidence, each page whose confidence is low, each line holding a
    word Tesseract was unsure of, and each row number read again from its cell alone."""
    fixes: list[tuple[int, str, str]] = []
    _warn_reread(rendition, reread or [])
    _join_bullets(rendition)
    lines = rendition.lines
    for k, line in enumerate(lines):
        if _BULLET.match(line):
            lines[k] = _BULLET.sub("- ", line)
    drop_rule_glyphs(lines)
    fixes.extend(layout.split_run_on_items(lines, rendition.origins) + layout.fix_marks(lines))
    _fix_roman(lines, fixes)
    fixes.extend(layout.fix_row_numbers(lines))  # before groups: a task row's "lÌ" is row 1, no group I
    _fix_group_numbers(lines, fixes)
    fixes.extend(layout.fix_header_cells(lines))
    _fix_words(lines, fixes)
    fixes.extend(correct_words(lines))
    for k, before, after in sorted(fixes):
        loc = rendition.origins[k]
        rendition.warnings.append(warning("ocr", f"OCR text corrected: '{before[:60]}' read as '{after[:60]}'",
                                          {"line": loc.line, "page": loc.page}))
    for k, cell in layout.unread_header_cells(lines):
        loc = rendition.origins[k]
        rendition.warnings.append(warning("ocr", f"a table header cell could not be read ('{cell[:30]}'): the column under "
                                          "it is left out; check it against the scan", {"line": loc.line, "page": loc.page}))
    _warn_unsure(rendition, unsure or {})
    rendition.warnings.insert(0, warning("ocr", _summary(confidence or {}), None))
    for page, (mean, words) in sorted((confidence or {}).items()):
        if mean < LOW_CONFIDENCE:
            rendition.warnings.append(warning("ocr", f"page {page}: low OCR confidence (mean {mean:.0f}% over {words} "
                                              "words): check its text against the scan", {"line": None, "page": page}))


def _warn_reread(rendition: Rendition, reread: list[Reread]) -> None:
    """A warning on each table row whose number OCR left out and :mod:`.ocr_cells` read again."""
    taken: set[int] = set()
    for r in reread:
        k = next((k for k, (line, loc) in enumerate(zip(rendition.lines, rendition.origins, strict=True))
                  if k not in taken and loc.page == r.page and line.startswith(f"<p>{r.text}</p>\t")), None)
        loc = rendition.origins[k] if k is not None else None
        if k is not None:
            taken.add(k)
        rendition.warnings.append(warning("ocr", f"row number '{r.text}' was left out by OCR and read from its cell alone "
                                          "(it is the next of the column's numbers): check it against the scan",
                                          {"line": loc.line if loc else None, "page": r.page}))


def _warn_unsure(rendition: Rendition, unsure: dict[int, list[Unsure]]) -> None:
    """One warning a line naming the words on it that Tesseract was unsure of; the rows of a table,
    which share their loc, one warning a row, named by its number."""
    by_line: dict[tuple, list[str]] = {}
    found = unsure_lines(rendition.lines, [loc.page for loc in rendition.origins], unsure)
    for k, found_words in sorted(found.items()):
        loc = rendition.origins[k]
        row = layout.first_cell(rendition.lines[k]) if "\t" in rendition.lines[k] else None
        by_line.setdefault((loc.page, loc.line, row or None), []).extend(f"'{w.word}' ({w.confidence}%)" for w in found_words)
    for (page, line, row), named in by_line.items():
        rendition.warnings.append(warning("ocr", unsure_message(named, row), {"line": line, "page": page}))


def _summary(confidence: dict[int, tuple[float, int]]) -> str:
    if not confidence:
        return "the text comes from OCR (Tesseract, Vietnamese): check titles and numbers against the scan"
    words = sum(n for _, n in confidence.values())
    mean = sum(m * n for m, n in confidence.values()) / max(words, 1)
    pages = ", ".join(map(str, sorted(confidence)))
    return (f"the text of page(s) {pages} comes from OCR (Tesseract, Vietnamese; mean word confidence {mean:.0f}% "
            f"over {words} words): check titles and numbers against the scan")
