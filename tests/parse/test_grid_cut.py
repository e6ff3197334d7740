"""The cut of a "|" run into rows (kehoach.parse.grid._cut) tries only the row ends after each segment; it must
find what the plain search finds, which tries every row length up to the width (the reference below)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.parse.grid import (
    Segment,
    _boundary_starts,
    _cut,
    _Facts,
    _may_follow,
    _number,
    _numbered,
    _widths,
)


def _reference_cut(segments: list[Segment], width: int, starts: list[bool] | None) -> tuple[int, list[int]] | None:
    """Every row length 1..width from every segment, costs as _cut's docstring gives them."""
    n, inf = len(segments), 1 << 30
    best, choice = [inf] * (n + 2), [0] * (n + 2)
    best[n] = best[n + 1] = 0
    boundary, numbers = _boundary_starts(segments, starts), [_number(s) for s in segments]
    for p in range(n - 1, -1, -1):
        filled = fused = 0
        for k in range(1, min(width, n - p) + 1):
            filled += not segments[p + k - 1].empty
            if k > 1 and boundary[p + k - 1] and _may_follow(numbers[p], numbers[p + k - 1]):
                fused = 2
            if p + k < n and not segments[p + k].empty:
                continue  # a row ends at an empty segment or at the run's end
            cost = (k != width) + 2 * (not filled) + (1 if starts and p and not starts[p] else 0) + fused
            cost += best[p + k + 1 if p + k < n else n]
            if cost < best[p]:
                best[p], choice[p] = cost, k
    if best[0] >= inf:
        return None
    lengths, p = [], 0
    while p < n:
        lengths.append(choice[p])
        p += choice[p] + 1
    return best[0], lengths


_TEXTS = ["", "", "", "1", "2", "3", "1.1", "1.2", "2.1", "a)", "II", "Bắt đầu", "Chủ trì", "Sở A", "1.200", "nội dung"]


def _segments(texts: list[str]) -> list[Segment]:
    out = []
    for text in texts:
        seg = Segment()
        if text:
            seg.texts.append(text)
        out.append(seg)
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TEXTS), max_size=60))
def test_the_cut_is_the_plain_searchs(texts):
    segments = _segments(texts)
    widths = _widths(segments)
    starts = _numbered(segments)
    facts = _Facts(segments, starts, max(widths, default=0))
    for width in widths:
        assert _cut(facts, width) == _reference_cut(segments, width, starts)


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 8), st.integers(1, 25), st.randoms(use_true_random=False))
def test_the_cut_of_numbered_rows_is_the_plain_searchs(width, rows, rnd):
    """Rows of a table: a row number, cells some of them empty, an empty segment between rows."""
    texts = []
    for r in range(rows):
        texts += [str(r + 1)] + [rnd.choice(_TEXTS) for _ in range(width - 1)] + [""]
    segments = _segments(texts)
    starts = _numbered(segments)
    widths = _widths(segments)
    facts = _Facts(segments, starts, max(widths))
    for w in widths:
        assert _cut(facts, w) == _reference_cut(segments, w, starts)
