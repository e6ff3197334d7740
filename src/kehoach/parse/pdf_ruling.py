"""Tables found by their ruling lines, cell text and words, computed the way pdfplumber computes them
(its "lines" table strategy, ``extract_text`` and ``extract_words``) from the characters and edges of
:mod:`pdf_objects`, so that a page read through pypdfium2 gives the cells pdfplumber gives.

Edges near one position are snapped to their mean, edges on one line joined across small gaps, short
ones dropped; their crossings make points; a cell is the smallest rectangle of points joined by
edges; cells that share corners make a table. A character belongs to the cell holding its middle;
a cell's characters are put in lines (tops within a tolerance) and words (gaps wider than a
tolerance, or a space), words joined by spaces and lines by newlines.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable

from .pdf_notes import join_superscripts, mark_cells, mark_page_notes
from .pdf_objects import Edge, Unsure, check_page, in_content_order, scan
from .pdf_objects import chars as page_chars

SNAP = 3.0
JOIN = 3.0
MIN_LENGTH = 3.0
CROSSING = 4.0
"""How far an edge may stop short of another and still cross it (kehoach's table setting)."""
INSET = 1.5
"""Points a ruled table's box is taken in before the text outside it is read."""
_LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}

Box = tuple[float, float, float, float]


def clusters(objs: list, key: Callable, tolerance: float) -> list[list]:
    """``objs`` grouped by ``key`` values that chain within ``tolerance`` of each other, groups in
    the order of their values, objects in their own order inside a group."""
    values = sorted(set(map(key, objs)))
    index: dict[float, int] = {}
    group, last = -1, None
    for v in values:
        if last is None or v > last + tolerance:
            group += 1
        index[v] = group
        last = v
    ordered = sorted(objs, key=lambda o: index[key(o)])
    return [list(g) for _, g in itertools.groupby(ordered, key=lambda o: index[key(o)])]


def _snap(edges: list[Edge], attr: str, moved: tuple[str, str]) -> list[Edge]:
    out = []
    for group in clusters(edges, lambda e: e[attr], SNAP):
        mean = sum(e[attr] for e in group) / len(group)
        for e in group:
            shift = mean - e[attr]
            out.append({**e, moved[0]: e[moved[0]] + shift, moved[1]: e[moved[1]] + shift})
    return out


def _join(group: list[Edge], low: str, high: str, size: str) -> list[Edge]:
    joined = [group[0]]
    for e in sorted(group, key=lambda e: e[low])[1:] if len(group) > 1 else []:
        last = joined[-1]
        if e[low] <= last[high] + JOIN:
            if e[high] > last[high]:  # the sizes kept as pdfplumber keeps them when it stretches an edge
                grown = e[high] - last["x0"] if high == "x1" else last[size] + (e[high] - last[high])
                joined[-1] = {**last, high: e[high], size: grown}
        else:
            joined.append(e)
    return joined


def merged_edges(edges: list[Edge]) -> list[Edge]:
    """Edges snapped, joined and filtered as pdfplumber's table finder does before it looks for
    crossings."""
    v = [e for e in edges if e["orientation"] == "v" and e["height"] >= 1]
    h = [e for e in edges if e["orientation"] == "h" and e["width"] >= 1]
    snapped = _snap(v, "x0", ("x0", "x1")) + _snap(h, "top", ("top", "bottom"))

    def line_of(e: Edge) -> tuple[str, float]:
        return ("h", e["top"]) if e["orientation"] == "h" else ("v", e["x0"])

    out: list[Edge] = []
    for (kind, _), group in itertools.groupby(sorted(snapped, key=line_of), key=line_of):
        items = sorted(group, key=lambda e: e["x0"] if kind == "h" else e["top"])
        out += _join(items, "x0", "x1", "width") if kind == "h" else _join(items, "top", "bottom", "height")
    return [e for e in out if e["height" if e["orientation"] == "v" else "width"] >= MIN_LENGTH]


def _box(e: Edge) -> Box:
    return (e["x0"], e["top"], e["x1"], e["bottom"])


def crossings(edges: list[Edge]) -> dict[tuple[float, float], tuple[set[Box], set[Box]]]:
    """Points where a vertical and a horizontal edge cross (within :data:`CROSSING`), with the
    edges through each: (vertical, horizontal)."""
    v = sorted((e for e in edges if e["orientation"] == "v"), key=lambda e: (e["x0"], e["top"]))
    h = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: (e["top"], e["x0"]))
    out: dict[tuple[float, float], tuple[set[Box], set[Box]]] = {}
    for a in v:
        for b in h:
            if a["top"] <= b["top"] + CROSSING and a["bottom"] >= b["top"] - CROSSING \
                    and b["x0"] - CROSSING <= a["x0"] <= b["x1"] + CROSSING:
                sets = out.setdefault((a["x0"], b["top"]), (set(), set()))
                sets[0].add(_box(a))
                sets[1].add(_box(b))
    return out


def cells(points: dict[tuple[float, float], tuple[set[Box], set[Box]]]) -> list[Box]:
    """For each point, the smallest rectangle whose corners are points joined by edges, with the
    point as its top left corner."""
    def joined(p: tuple[float, float], q: tuple[float, float]) -> bool:
        return bool((p[0] == q[0] and points[p][0] & points[q][0]) or (p[1] == q[1] and points[p][1] & points[q][1]))

    order = sorted(points)
    out: list[Box] = []
    for i, p in enumerate(order[:-1]):
        rest = order[i + 1:]
        below = [q for q in rest if q[0] == p[0]]
        right = [q for q in rest if q[1] == p[1]]
        found = None
        for b in below:
            if not joined(p, b):
                continue
            for r in right:
                corner = (r[0], b[1])
                if joined(p, r) and corner in points and joined(corner, r) and joined(corner, b):
                    found = (p[0], p[1], corner[0], corner[1])
                    break
            if found:
                break
        if found:
            out.append(found)
    return out


def tables(boxes: list[Box]) -> list[list[Box]]:
    """Cells gathered into tables by shared corners, top to bottom; single cells dropped."""
    remaining = list(boxes)
    groups: list[list[Box]] = []
    current: list[Box] = []
    corners: set[tuple[float, float]] = set()
    while remaining:
        count = len(current)
        for box in list(remaining):
            mine = {(box[0], box[1]), (box[0], box[3]), (box[2], box[1]), (box[2], box[3])}
            if not current or corners & mine:
                corners |= mine
                current.append(box)
                remaining.remove(box)
        if len(current) == count:
            groups.append(list(current))
            current.clear()
            corners.clear()
    if current:
        groups.append(current)
    return [g for g in sorted(groups, key=lambda g: min((c[1], c[0]) for c in g)) if len(g) > 1]


class Row:
    def __init__(self, cells: list[Box | None]) -> None:
        self.cells = cells
        filled = [c for c in cells if c is not None]
        self.bbox = (min(c[0] for c in filled), min(c[1] for c in filled), max(c[2] for c in filled),
                     max(c[3] for c in filled))


class Table:
    """A ruled table: its cells, its rows (a cell merged over several columns or rows leaves None
    where it covers) and their text from the page's characters."""

    def __init__(self, boxes: list[Box], chars: list[dict]) -> None:
        self.cells = boxes
        self.chars = chars
        self.bbox = (min(c[0] for c in boxes), min(c[1] for c in boxes), max(c[2] for c in boxes), max(c[3] for c in boxes))
        xs = sorted({c[0] for c in boxes})
        self.rows = []
        for _, group in itertools.groupby(sorted(boxes, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
            at = {c[0]: c for c in group}
            self.rows.append(Row([at.get(x) for x in xs]))

    def extract(self) -> list[list[str | None]]:
        """Each row's cells' text (None where a merged cell covers); a character goes to the cell
        holding its middle."""
        mids = sorted(((c["top"] + c["bottom"]) / 2, k, (c["x0"] + c["x1"]) / 2) for k, c in enumerate(self.chars))
        heights = [m[0] for m in mids]
        out: list[list[str | None]] = []
        for row in self.rows:
            left, top, right, bottom = row.bbox
            band = mids[bisect.bisect_left(heights, top):bisect.bisect_left(heights, bottom)]
            inside = sorted((k, mx, my) for my, k, mx in band if left <= mx < right)  # in the page's order
            texts: list[str | None] = []
            for cell in row.cells:
                if cell is None:
                    texts.append(None)
                    continue
                mine = [self.chars[k] for k, mx, my in inside if cell[0] <= mx < cell[2] and cell[1] <= my < cell[3]]
                texts.append(cell_text(mine) if mine else "")
            out.append(texts)
        return out


def find_tables(edges: list[Edge], chars: list[dict]) -> list[Table]:
    return [Table(group, chars) for group in tables(cells(crossings(merged_edges(edges))))]


def _words(chars: list[dict], x_tolerance: float, y_tolerance: float) -> list[dict]:
    """Words of characters of one size: lines by top, left to right, cut at spaces and gaps."""
    out = []
    for line in clusters(chars, lambda c: c["top"], y_tolerance):
        word: list[dict] = []
        for c in sorted(line, key=lambda c: c["x0"]):
            if c["text"].isspace():
                if word:
                    out.append(_word(word))
                word = []
            elif word and (c["x0"] < word[-1]["x0"] or c["x0"] > word[-1]["x1"] + x_tolerance
                           or abs(c["top"] - word[-1]["top"]) > y_tolerance):
                out.append(_word(word))
                word = [c]
            else:
                word.append(c)
        if word:
            out.append(_word(word))
    return out


def _word(chars: list[dict]) -> dict:
    return {"text": "".join(_LIGATURES.get(c["text"], c["text"]) for c in chars), "x0": min(c["x0"] for c in chars),
            "x1": max(c["x1"] for c in chars), "top": min(c["top"] for c in chars),
            "bottom": max(c["bottom"] for c in chars), "size": chars[0]["size"]}


def cell_text(chars: list[dict]) -> str:
    """A cell's text: words in lines, joined by spaces and newlines."""
    lines = clusters(_words(chars, 3.0, 3.0), lambda w: w["top"], 3.0)
    return "\n".join(" ".join(w["text"] for w in line) for line in lines)


def _size_words(chars: list[dict]) -> list[dict]:
    """Words as kehoach asks pdfplumber for them outside tables (x tolerance 1.5, y tolerance 2, a
    change of font size ends a run of characters)."""
    out: list[dict] = []
    for _, run in itertools.groupby(chars, key=lambda c: c["size"]):
        out += _words(list(run), 1.5, 2.0)
    return out


def outside(chars: list[dict], box: Box) -> list[dict]:
    """The characters whose box does not touch ``box``."""
    left, top, right, bottom = box
    keep = []
    for c in chars:
        w = min(c["x1"], right) - max(c["x0"], left)
        h = min(c["bottom"], bottom) - max(c["top"], top)
        if not (w >= 0 and h >= 0 and w + h > 0):
            keep.append(c)
    return keep


def _croppable(box: Box, width: float, height: float) -> bool:
    """Whether pdfplumber would crop to ``box``: it has an area and lies on the page."""
    left, top, right, bottom = box
    if (right - left) * (bottom - top) == 0:
        return False
    o_left, o_top, o_right, o_bottom = max(left, 0), max(top, 0), min(right, width), min(bottom, height)
    if not (o_right - o_left >= 0 and o_bottom - o_top >= 0 and o_right - o_left + o_bottom - o_top > 0):
        return False
    return (o_right - o_left) * (o_bottom - o_top) >= (right - left) * (bottom - top)


def has_rules(page) -> bool:
    """Whether the page (pypdfium2's) draws lines (table borders) that pdfplumber must find."""
    from .pdfium import raw

    count = 0
    for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=2):
        count += 1
        if count >= 4:
            return True
    return False


def ruled_page(page, tp, descents: Callable[[], dict[str, float]]) -> tuple[float, list[dict], list[tuple]] | None:
    """A page that draws lines, read from pypdfium2 (``tp``: its text page): (width, words outside
    its tables, tables as ``(bbox, rows)``), as the pdfplumber reader gives them; None when
    :mod:`pdf_objects` is unsure of the page (the caller reads it with pdfplumber then)."""
    try:
        check_page(page)
        width, height = page.get_size()
        chars = page_chars(tp, height, descents())
        edges, order, printing = scan(page, height)
        if printing - {c["obj"] for c in chars}:
            raise Unsure("text objects pdfium's text page left out")  # such as text printed twice, a hair apart, for bold
        chars = in_content_order(chars, order)
        found = [t for t in find_tables(edges, chars) if t.rows and len(t.rows[0].cells) >= 2]
    except Unsure:
        return None
    except Exception:  # noqa: BLE001 - whatever this reader trips on, pdfplumber reads (or refuses) the page as before
        return None
    rest = chars
    for t in found:  # the box taken in: a line of text just below the table's last rule may reach into it
        box = (t.bbox[0] + INSET, t.bbox[1] + INSET, t.bbox[2] - INSET, t.bbox[3] - INSET)
        if _croppable(box, width, height):
            rest = outside(rest, box)
    words = join_superscripts(_size_words(rest))
    mark_page_notes(words)
    mark_cells(chars, [t.bbox for t in found])
    from .pdf_merged import table_rows

    return float(width), words, [(t.bbox, table_rows(t)) for t in found]
