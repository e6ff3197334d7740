"""Generate the broken-text-layer PDF fixtures in tests/legacy-inputs/ (run from the repository root).

    python scripts/make_textlayer_fixtures.py      # needs fpdf2 and the DejaVu fonts (fonts-dejavu-core)
    python scripts/make_textlayer_fixtures.py --goldens   # also rewrite tests/golden/legacy/ (review the diff)

A plain-text sample is typeset twice with the same layout (the lines of the text wrapped to the
page, tab-separated rows as a ruled table, a blank line between tables as a page break):

- ``*-layer-clean.pdf``: each line drawn as one string, as a word processor writes it;
- ``*-layer-split.pdf``: the same glyphs at the same places on the line, drawn the way that breaks
  a text layer (seeded, reproducible): tone marks drawn as glyphs of their own after a small
  gap ("nga ̀y"), the pen moved between pieces of a word ("K ế ho ạch"), the space between two
  words dropped and the gap narrowed ("Thủtướng", "vàMôi"), and the capitals lines spaced out
  letter by letter ("K Ế  H O Ạ C H").

The tests check that the split rendition gives the plan of the clean one, with a
``text-layer-repaired`` warning.
"""

from __future__ import annotations

import random
import sys
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "legacy-inputs"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SAMPLES = ["lao-cai-215-kh-ubnd-2024-du-lich-cong-dong-crlf"]
SIZE, TABLE_SIZE, LEAD = 11, 9, 1.45
MARGIN = 56
TONES = "\u0300\u0301\u0303\u0309\u0323"


def toned(word: str) -> bool:
    return any(c in TONES for c in unicodedata.normalize("NFD", word))


class Typesetter:
    """Draws text lines either whole (clean) or broken the ways real text layers are broken."""

    def __init__(self, broken: bool, seed: int) -> None:
        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=timezone.utc))  # reproducible bytes
        self.pdf.add_font("serif", "", FONT)
        self.broken = broken
        self.rng = random.Random(seed)
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = MARGIN

    def width(self, text: str) -> float:
        return self.pdf.get_string_width(text)

    def draw(self, x: float, y: float, text: str) -> None:
        if not self.broken:
            self.pdf.text(x, y, text)
            return
        letters = [c for c in text if c.isalpha()]
        if len(text) <= 40 and len(letters) >= 4 and all(c.isupper() for c in letters):
            self.spaced_out(x, y, text)
            return
        words = text.split(" ")
        for k, word in enumerate(words):
            nxt = words[k + 1] if k + 1 < len(words) else ""
            x = self.broken_word(x, y, word)
            if not nxt:
                continue
            run_on = toned(word) and (toned(nxt) or nxt[:1].isupper()) and word.isalpha() and nxt.isalpha()
            if run_on and self.rng.random() < 0.15:
                x += self.width(" ") * 0.15  # no space glyph, and a gap too narrow for one
            else:
                self.pdf.text(x, y, " ")
                x += self.width(" ")

    def spaced_out(self, x: float, y: float, text: str) -> None:
        em = self.pdf.font_size_pt
        for ch in text:
            self.pdf.text(x, y, ch)
            x += self.width(ch) + 0.3 * em

    def broken_word(self, x: float, y: float, word: str) -> float:
        """``word`` drawn in pieces: a cut before its vowels, or its tone mark apart."""
        em = self.pdf.font_size_pt
        nfd = unicodedata.normalize("NFD", word)
        roll = self.rng.random()
        if word.isalpha() and roll < 0.2 and any(c in TONES for c in nfd):
            k = next(i for i, c in enumerate(nfd) if c in TONES)
            end = k + 1
            while end < len(nfd) and unicodedata.combining(nfd[end]):
                end += 1  # the letter's other marks (a circumflex, a horn) stay on it
            head = unicodedata.normalize("NFC", nfd[:k] + nfd[k + 1:end])
            self.pdf.text(x, y, head)
            x += self.width(head)
            self.pdf.text(x + 0.2 * em, y, nfd[k])  # the tone mark, a zero-width glyph, drawn a little apart
            return self.draw_plain(x + 0.2 * em, y, unicodedata.normalize("NFC", nfd[end:]))
        if word.isalpha() and roll < 0.45 and len(word) >= 2:
            cut = self.rng.randint(1, len(word) - 1)
            head = word[:cut]
            self.pdf.text(x, y, head)
            return self.draw_plain(x + self.width(head) + 0.18 * em, y, word[cut:])
        return self.draw_plain(x, y, word)

    def draw_plain(self, x: float, y: float, text: str) -> float:
        if text:
            self.pdf.text(x, y, text)
        return x + self.width(text)

    def paragraph(self, text: str) -> None:
        self.pdf.set_font("serif", size=SIZE)
        right = self.pdf.w - MARGIN
        for line in wrap(text, right - MARGIN, self.width):
            if self.y + SIZE * LEAD > self.pdf.h - MARGIN:
                self.new_page()
            self.y += SIZE * LEAD
            self.draw(MARGIN, self.y, line)

    def table(self, rows: list[list[str]]) -> None:
        self.pdf.set_font("serif", size=TABLE_SIZE)
        ncols = max(len(r) for r in rows)
        rows = [r + [""] * (ncols - len(r)) for r in rows]
        weights = [max(4, max(len(r[c]) for r in rows) ** 0.7) for c in range(ncols)]
        total = self.pdf.w - 2 * MARGIN
        widths = [total * w / sum(weights) for w in weights]
        self.y += SIZE
        for row in rows:
            cells = [wrap(t, w - 6, self.width) for t, w in zip(row, widths, strict=True)]
            height = max(len(c) for c in cells) * TABLE_SIZE * LEAD + 6
            if self.y + height > self.pdf.h - MARGIN:
                self.new_page()
            x = MARGIN
            for lines, w in zip(cells, widths, strict=True):
                self.pdf.rect(x, self.y, w, height)
                for k, line in enumerate(lines):
                    self.pdf.text(x + 3, self.y + 3 + (k + 1) * TABLE_SIZE * LEAD - 3, line)  # cells drawn whole
                x += w
            self.y += height


def wrap(text: str, width: float, measure) -> list[str]:
    lines: list[str] = []
    cur = ""
    for word in text.split():
        trial = f"{cur} {word}" if cur else word
        if cur and measure(trial) > width:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    return lines + [cur] if cur else lines


def typeset(text: str, broken: bool, seed: int) -> bytes:
    t = Typesetter(broken, seed)
    rows: list[list[str]] = []
    for line in text.splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            t.table(rows)
            rows = []
            if not line.strip():
                t.new_page()  # a table continued on the next page
            continue
        if line.strip():
            t.paragraph(line.strip())
    if rows:
        t.table(rows)
    return bytes(t.pdf.output())


def write_golden(pdf: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    import os

    from kehoach import extract_file
    from kehoach.export import to_yaml

    os.chdir(ROOT)
    target = ROOT / "tests" / "golden" / "legacy" / f"{pdf.stem}-pdf.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(to_yaml(extract_file(str(pdf.relative_to(ROOT)))), encoding="utf-8")
    print(target.relative_to(ROOT))


def main(argv: list[str]) -> int:
    OUT.mkdir(exist_ok=True)
    for k, stem in enumerate(SAMPLES):
        text = (ROOT / "samples" / f"{stem}.txt").read_text(encoding="utf-8")
        for broken, suffix in ((False, "layer-clean"), (True, "layer-split")):
            path = OUT / f"{stem}-{suffix}.pdf"
            pdf = typeset(text, broken, seed=k + 1)
            path.write_bytes(pdf)
            print(path.relative_to(ROOT), len(pdf))
            if broken and "--goldens" in argv:
                write_golden(path)
    return 0


if __name__ == "__main__":
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, {"--goldens"})) is not None:
        sys.exit(_code)
    sys.exit(main(sys.argv[1:]))
