"""A line of the header or the preamble broken after its first word ("Căn" / "cứ Luật …", "ỦY" / "BAN NHÂN DÂN TỈNH
X", "QUYẾT" / "ĐỊNH:"), as a portal's narrow cells break them: the word is put back on its line before the lines are
read, so the line opens a paragraph of its own as it would whole (a one-word line is otherwise read as a wrap of the
line above it, and the title ran on into the enacting body and the first basis)."""

from __future__ import annotations

from .. import rx

_OPENER = rx.compile(r"(?:Căn\s+cứ|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị|QUYẾT\s+ĐỊNH\s*:|(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN)\b")
"""A line that opens a basis, a proposal, the enacting words or the enacting body."""


def join_opener_words(lines: list[str]) -> tuple[list[str], list[int] | None]:
    """(``lines`` with each one-word line put back before the next line when the two make an opener line, for each
    line its index in ``lines``, or None when none was put back)."""
    out: list[str] = []
    where: list[int] = []
    k = 0
    while k < len(lines):
        word, nxt = lines[k].strip(), lines[k + 1].strip() if k + 1 < len(lines) else ""
        if word and len(word.split()) == 1 and nxt and _OPENER.match(f"{word} {nxt}"):  # (no-break spaces split too)
            out.append(f"{lines[k].rstrip()} {nxt}")
            where.append(k)
            k += 2
            continue
        out.append(lines[k])
        where.append(k)
        k += 1
    return (out, where) if len(out) < len(lines) else (lines, None)
