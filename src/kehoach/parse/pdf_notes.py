"""Footnotes in a PDF text layer: the superscript markers glued to the words they annotate
("năm 2026¹" reads "20261" in the text layer) and the note texts printed in a smaller font at the
page bottom ("1 Năm 2025 toàn tỉnh …"). Markers are written "[1]" after their word, which the
normaliser drops, and each note's number "[1]", which makes its line a footnote block."""

from __future__ import annotations

import re

from .pdf_stats import median

SUP_RATIO = 0.8
"""A digit set at most this share of its word's font size, and raised, is a superscript marker."""
NOTE_RATIO = 0.92
"""Lines at the page bottom set at most this share of the page's body size are footnote texts."""
_UNIT = re.compile(r"(?:k|c|d)?m$")
"""A superscript after "m", "km" … is a power ("m²"), not a marker."""
_NOTE_START = re.compile(r"^\d{1,3}$")
_MIN_WORDS = 20
_SAME_LINE = 2.0


def is_superscript(size: float, bottom: float, word_size: float, word_bottom: float) -> bool:
    """A character of ``size`` whose box bottom is ``bottom`` (PDF space, y up), inside a word whose first
    character has ``word_size`` and ``word_bottom``: True for a raised, smaller digit."""
    return 0 < size < SUP_RATIO * word_size and bottom > word_bottom + 0.15 * word_size


def open_marker(word_so_far: str) -> str:
    """What to write before a superscript's digits: "[" for a marker, nothing for a unit's power."""
    return "" if _UNIT.search(word_so_far) else "["


def join_superscripts(words: list[dict]) -> list[dict]:
    """Words as pdfplumber gives them (split where the font size changes, ``top``/``bottom`` in page
    space, y down) with each superscript marker put back on its word as "[n]" (a power after a unit as
    its digits), and punctuation right after the marker kept on that word."""
    out: list[dict] = []
    glued = False  # the last word just took a marker: punctuation touching it follows
    for w in words:
        if not out:
            out.append(w)
            continue
        prev = out[-1]
        touching = abs(w["top"] - prev["top"]) < prev.get("size", 0) and 0 <= w["x0"] - prev["x1"] <= 1.5
        if touching and w["text"].isdigit() and is_superscript(w.get("size", 0), -w["bottom"], prev.get("size", 0), -prev["bottom"]):
            mark = open_marker(prev["text"])
            prev["text"] += mark + w["text"] + ("]" if mark else "")
            prev["x1"], glued = w["x1"], True
            continue
        if touching and glued and not w["text"][:1].isalnum():
            prev["text"] += w["text"]
            prev["x1"] = w["x1"]
            continue
        glued = False
        out.append(w)
    return out


def mark_page_notes(words: list[dict]) -> None:
    """Write "[n]" for the number opening each footnote text at the bottom of the page (words with a
    ``size``, ``top`` in page space, y down)."""
    sized = [w for w in words if w.get("size")]
    if len(sized) < _MIN_WORDS:
        return
    body = median(w["size"] for w in sized)
    lines: list[list[dict]] = []
    for w in sorted(sized, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= _SAME_LINE:
            lines[-1].append(w)
        else:
            lines.append([w])
    zone: list[list[dict]] = []
    for line in reversed(lines):  # from the page bottom up, while the text stays small
        if median(w["size"] for w in line) > NOTE_RATIO * body:
            break
        zone.append(line)
    for line in zone:
        first = min(line, key=lambda w: w["x0"])
        if len(line) > 1 and _NOTE_START.match(first["text"]):
            first["text"] = f"[{first['text']}]"


def mark_cells(chars: list[dict], boxes: list[tuple[float, float, float, float]]) -> None:
    """Write the superscript markers inside table cells as "[n]" on their characters (pdfplumber chars,
    ``top``/``bottom`` in page space, y down; ``boxes`` the tables' x0, top, x1, bottom), as
    :func:`join_superscripts` writes them outside tables: "hợp tác xã¹" must not read "hợp tác xã1"."""
    inside = [c for c in chars if any(b[0] - 1 <= c["x0"] and c["x1"] <= b[2] + 1 and b[1] - 1 <= c["top"]
                                      and c["bottom"] <= b[3] + 1 for b in boxes)]
    base: dict | None = None  # the last character of normal size: the word a marker is raised above
    last: dict | None = None
    word = ""
    open_run: dict | None = None  # the last digit of the marker being read
    for c in inside:
        touching = last is not None and abs(c["top"] - last["top"]) < 2 * last["size"] and -0.5 <= c["x0"] - last["x1"] <= 1.5
        sup = (touching and base is not None and c["text"].isdigit()
               and is_superscript(c["size"], -c["bottom"], base["size"], -base["bottom"]))
        if open_run is not None and not sup:
            open_run["text"] += "]"
            open_run = None
        if sup:
            if open_run is None and open_marker(word) == "[":
                c["text"] = "[" + c["text"]
                open_run = c
            elif open_run is not None:
                open_run = c
        else:
            word = word + c["text"] if touching and not c["text"].isspace() else c["text"].strip()
            base = c
        last = c
    if open_run is not None:
        open_run["text"] += "]"
