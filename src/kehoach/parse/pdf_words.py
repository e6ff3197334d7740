"""The words of a page in printed lines, for the borderless table reader (:mod:`pdf_tables`).

A word's box reaches higher or lower with its marks ("Ủ", "ấ", "p", "ạ"), so words are gathered by
their middle height, and then regrouped where that splits one printed line: a run of words that
fills the word spaces of another line, or a word alone in its line that stands a word space from a
word of the next line on its baseline.
"""

from __future__ import annotations

import bisect

from .pdf_rows import Line
from .pdf_stats import median


def words_in_lines(words: list[dict], tolerance: float) -> list[Line]:
    """Words in lines: a word joins the line whose mean middle height is within ``tolerance`` of
    its own (glyph boxes of marked letters, "Ủ", "ấ", "p", reach higher or lower than others)."""
    lines: list[Line] = []
    mean = 0.0
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if lines and abs(mean - mid) <= tolerance:
            lines[-1].append(w)
            mean += (mid - mean) / len(lines[-1])
        else:
            lines.append([w])
            mean = mid
    out: list[Line] = []
    for line in (sorted(line, key=lambda w: w["x0"]) for line in lines):
        if out and _inside(line, out[-1], tolerance):
            out[-1] = sorted(out[-1] + line, key=lambda w: w["x0"])
        else:
            out.append(line)
    _regroup(out, tolerance)
    return [line for line in out if line]


def _regroup(lines: list[Line], tolerance: float) -> None:
    """A word standing alone in its line that stands a word space from a word of the next or the
    previous line, on the same baseline, is that line's ("an" / "Công … tỉnh": a short word's box
    sits lower than its neighbours' accents)."""
    for k, line in enumerate(lines):
        for w in list(line):
            if any(o is not w and (abs(o["x0"] - w["x1"]) < 2 * tolerance or abs(w["x0"] - o["x1"]) < 2 * tolerance)
                   for o in line):
                continue
            for j in (k - 1, k + 1):
                if 0 <= j < len(lines) and any(abs(o["bottom"] - w["bottom"]) <= 1.0 and 0 <= gap < tolerance
                                               for o in lines[j] for gap in (o["x0"] - w["x1"], w["x0"] - o["x1"])):
                    line.remove(w)
                    bisect.insort(lines[j], w, key=lambda v: v["x0"])
                    break


def _inside(line: Line, other: Line, tolerance: float) -> bool:
    """Each word of ``line`` stands a word space from a word of ``other``, overlapping none, and
    about level with it: one printed line whose marked letters set some words lower ("Văn phòng
    Ủy ban", "- Phối hợp: Sở Tư pháp")."""
    if abs(median(w["top"] for w in line) - median(w["top"] for w in other)) > 1.5 * tolerance:
        return False
    starts = [o["x0"] for o in other]
    for w in line:
        i = bisect.bisect_left(starts, w["x0"])
        before, after = (other[i - 1] if i else None), (other[i] if i < len(other) else None)
        if (before is not None and before["x1"] > w["x0"]) or (after is not None and after["x0"] < w["x1"]):
            return False
        if not ((before is not None and w["x0"] - before["x1"] < tolerance)
                or (after is not None and after["x0"] - w["x1"] < tolerance)):
            return False
    return True
