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
    sits lower than its neighbours' accents).

    Linear but for sorting: a line's words are looked up by position, and the words a line gives
    away go to their new line once the line is done (a word moved never has a word space to
    another word of its old line, so it changes no other word's choice there)."""
    for k, line in enumerate(lines):
        alone = _alone(line, 2 * tolerance)
        if not alone:
            continue
        near: dict[int, _Near] = {}
        moved: dict[int, list[dict]] = {}
        for w in alone:
            for j in (k - 1, k + 1):
                if 0 <= j < len(lines) and (near.get(j) or near.setdefault(j, _Near(lines[j]))).beside(w, tolerance):
                    moved.setdefault(j, []).append(w)
                    break
        if moved:
            gone = {id(w) for ws in moved.values() for w in ws}
            line[:] = [o for o in line if id(o) not in gone]
            for j, ws in moved.items():  # as inserting each in turn after the words at its x0
                lines[j][:] = sorted(lines[j] + ws, key=_x0)


def _x0(w: dict) -> float:
    return w["x0"]


def _x1(w: dict) -> float:
    return w["x1"]


def _alone(line: Line, space: float) -> list[dict]:
    """The words of ``line`` with no other word of it less than ``space`` from their either end
    (``|o.x0 - w.x1| < space`` or ``|w.x0 - o.x1| < space``), in the line's order. Each side is a
    run of the words sorted by that edge, found by bisection."""
    starts = sorted(w["x0"] for w in line)
    ends = sorted(w["x1"] for w in line)
    out = []
    for w in line:
        x0, x1 = w["x0"], w["x1"]
        n = (bisect.bisect_left(starts, True, key=lambda v: v - x1 >= space)
             - bisect.bisect_left(starts, True, key=lambda v: v - x1 > -space))
        n += (bisect.bisect_left(ends, True, key=lambda v: x0 - v <= -space)
              - bisect.bisect_left(ends, True, key=lambda v: x0 - v < space))
        n -= (abs(x0 - x1) < space) + (abs(x0 - x1) < space)  # the word itself, on each side
        if n <= 0:
            out.append(w)
    return out


class _Near:
    """The words of a line sorted by each end, to find those a word space beside a word."""

    def __init__(self, line: Line) -> None:
        self.by_start = sorted(line, key=_x0)
        self.starts = [w["x0"] for w in self.by_start]
        self.by_end = sorted(line, key=_x1)
        self.ends = [w["x1"] for w in self.by_end]

    def beside(self, w: dict, tolerance: float) -> bool:
        """A word of the line on ``w``'s baseline (bottoms within 1 pt) starting less than
        ``tolerance`` after ``w`` ends, or ending less than ``tolerance`` before it starts."""
        x0, x1, bottom = w["x0"], w["x1"], w["bottom"]
        i = bisect.bisect_left(self.starts, True, key=lambda v: v - x1 >= 0)
        j = bisect.bisect_left(self.starts, True, key=lambda v: v - x1 >= tolerance)
        if any(abs(o["bottom"] - bottom) <= 1.0 for o in self.by_start[i:j]):
            return True
        i = bisect.bisect_left(self.ends, True, key=lambda v: x0 - v < tolerance)
        j = bisect.bisect_left(self.ends, True, key=lambda v: x0 - v < 0)
        return any(abs(o["bottom"] - bottom) <= 1.0 for o in self.by_end[i:j])


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
