"""Write src/kehoach/vn_tables.py: the fold tables of kehoach.vn, as literals.

    python scripts/make_vn_tables.py

The tables are what Unicode's canonical decompositions give for the precomposed Latin letters;
kept as literals, importing kehoach costs no loop over a thousand code points. Canonical
decompositions never change between Unicode versions; tests/test_vn_fold.py checks the tables
letter by letter against the running Python's Unicode data.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "kehoach" / "vn_tables.py"


def _literal(table: dict[int, str], per_line: int = 8) -> str:
    items = [f"0x{cp:04X}: {value!r}," for cp, value in sorted(table.items())]
    rows = ["    " + " ".join(items[k:k + per_line]) for k in range(0, len(items), per_line)]
    return "{\n" + "\n".join(rows) + "\n}"


TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_TONE_DELETE = dict.fromkeys(map(ord, TONES))
_MARK_DELETE = dict.fromkeys(range(0x300, 0x370))
"""The combining diacritics block: every mark a precomposed Latin letter decomposes to is in it."""


def tables() -> tuple[dict[int, str], dict[int, str]]:
    """(letter -> without its tone mark, letter -> without any mark) for the precomposed Latin letters."""
    no_tone: dict[int, str] = {}
    no_mark: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        ch = chr(cp)
        dec = unicodedata.normalize("NFD", ch)
        if len(dec) == 1:
            continue
        kept = unicodedata.normalize("NFC", dec.translate(_TONE_DELETE))
        if kept != ch:
            no_tone[cp] = kept
        base = dec.translate(_MARK_DELETE)
        if base != ch:
            no_mark[cp] = base
    return no_tone, no_mark


def render() -> str:
    no_tone, no_mark = tables()
    return (
        '"""Fold tables of :mod:`kehoach.vn` (precomposed Latin letters -> the letter without its tone mark,\n'
        'and without any mark). Written by scripts/make_vn_tables.py from Unicode '
        f'{unicodedata.unidata_version}\'s canonical\ndecompositions; do not edit."""\n\n'
        f"NO_TONE: dict[int, str] = {_literal(no_tone)}\n\n"
        f"NO_MARK: dict[int, str] = {_literal(no_mark)}\n"
    )


if __name__ == "__main__":
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, set())) is not None:
        sys.exit(_code)
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
