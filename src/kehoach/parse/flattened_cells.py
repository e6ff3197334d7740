"""The cells of a row written one cell a line: its lines shared out among the table's columns by
what fits each (see :mod:`kehoach.parse.flattened`).

Each line is of a kind (an agency's name, a time, a figure or mark, a short name, words, empty), and
each kind costs something in a column of each field; a cell of several lines costs more per line
after the first (little under "phối hợp", where agencies stand one a line), a cell merged across
columns costs more per column spanned. The sharing that costs least wins; when the next best costs
nearly as little, the columns where they differ are in doubt.
"""

from __future__ import annotations

from .. import rx
from ..vocab.agencies import GROUP_HEAD, starts_agency
from ..vocab.dates import YEAR

_GROUP_START = rx.compile(r"^[-–+•]\s*")
_GROUP_AGENCY = rx.compile(rf"^(?:{GROUP_HEAD}|Các\s+\p{{L}})")
_TIME = rx.compile(
    rf"{YEAR}|^(?:quý|tháng|năm|hằng|hàng|thường\s+xuyên|liên\s+tục|định\s+kỳ|trước|trong|từ|đến|giai\s+đoạn"
    r"|khi\s+có|theo\s+(?:kế\s+hoạch|quy\s+định|tiến\s+độ|chỉ\s+đạo|yêu\s+cầu)|cả\s+năm|\d+\s+tháng|chủ\s+nhật"
    r"|hoàn\s+thành|sau|đầu|cuối|giữa)\b", rx.I)
_MARK = rx.compile(r"^(?:[xX✓✔-]|[\d.,]{1,12})$")
_ROLE = rx.compile(r"^(?:(?:cơ\s+quan|đơn\s+vị)\s+)?(?:chủ\s+trì|phối\s+hợp)\s*:", rx.I)
"""A line naming its agencies' role ("- Chủ trì: Sở A", "Đơn vị phối hợp: Sở B"): a line of an agency cell."""
ZERO = 1.5
"""What a column given no line costs (a cell merged into the one before it)."""
ACROSS = 1.0
"""What a merged cell costs more for each column it spans of another kind (a time over two time
columns is common, a name over a time column is not)."""
FIGURE_SPAN = 2.0
"""What a figure or a mark costs more for each column it would span: labels are merged across
("Tổng cộng" over the columns before the sum), figures are not."""
EXTRA = {"support": 0.1, "lead": 0.5, "combined": 0.3, "title": 0.8, "output": 0.8, "note": 0.8, "target": 0.8}
"""What each line after a cell's first costs, by column: agencies one a line are common, others rarer."""
FIT = {
    "title": {"agency": 2.0, "time": 1.5, "mark": 2.0, "name": 0.8, "text": 0.0},
    "lead": {"agency": 0.0, "time": 3.0, "mark": 3.0, "name": 0.8, "text": 1.5},
    "support": {"agency": 0.0, "time": 3.0, "mark": 3.0, "name": 0.8, "text": 1.5},
    "combined": {"agency": 0.0, "time": 3.0, "mark": 3.0, "name": 0.5, "text": 0.5},
    "deadline": {"agency": 3.0, "time": 0.0, "mark": 2.0, "name": 1.5, "text": 1.5},
    "output": {"agency": 1.0, "time": 1.0, "mark": 1.5, "name": 0.3, "text": 0.3},
    "year": {"agency": 3.0, "time": 3.0, "mark": 0.0, "name": 3.0, "text": 3.0},
    "extra": {"agency": 1.5, "time": 1.0, "mark": 0.0, "name": 0.5, "text": 0.5},
}
"""What a line of each kind costs in a column of each field (0: where such a line belongs)."""
FIT.update(start=FIT["deadline"], end=FIT["deadline"], note=FIT["output"], target=FIT["output"])
TAKEN = 0.6
"""What the table's last row gains for each line it takes (the text after a table goes on with no
mark): an agency's name under an agency column is taken, a paragraph is not."""
LONG = 20
"""A line of more words than this is a sentence, whatever its first word."""
NAME_WORDS = 8
"""A line of at most this many words, capitalised, that is no time: may be a name the agency
vocabulary does not know ("Trạm Y tế …") as well as a short task."""
DOUBT = 0.5
"""Two sharings of a row's lines whose costs are closer than this: the row is doubted."""
MAX_CELL = 8
"""The most lines one cell is given."""
def kind(text: str) -> str:
    """What a line is, for the columns it may stand in: empty, agency, mark, time, name or text."""
    if not text:
        return "empty"
    bare = _GROUP_START.sub("", text)
    if len(text.split()) > LONG:
        return "text"
    if starts_agency(bare) or _GROUP_AGENCY.match(bare) or _ROLE.match(bare):
        return "agency"
    if _MARK.match(text):
        return "mark"
    if len(text) < 60 and _TIME.search(text):
        return "time"
    return "name" if len(text.split()) <= NAME_WORDS and text[0].isupper() else "text"


def share(lines: list[str], fields: list[str], last: bool) -> tuple[list[list[str]], list[int]]:
    return sharing(lines, fields, last)[1:]


def sharing(lines: list[str], fields: list[str], last: bool) -> tuple[float, list[list[str]], list[int]]:
    """The row's lines shared out among its columns (a cell's lines, [] for a column merged into the
    cell before it), and the columns another sharing, fitting nearly as well, would fill otherwise.
    The table's last row need not take every line (the text goes on after it)."""
    texts = [line.strip() for line in lines]
    kinds = [kind(t) for t in texts]
    n = len(fields)
    spans = span_costs(fields)
    memo: dict[tuple[int, int], list[tuple[float, tuple[tuple[int, int], ...]]]] = {}

    def best(j: int, s: int) -> list[tuple[float, tuple[tuple[int, int], ...]]]:
        """The two cheapest sharings of lines ``s``… among columns ``j``…: (cost, (lines, columns) a cell)."""
        if (j, s) not in memo:
            found: list[tuple[float, tuple[tuple[int, int], ...]]] = \
                [(-TAKEN * s if last else 0.0, ())] if j == n and (last or s == len(texts)) else []
            for take in range(1, min(MAX_CELL, len(texts) - s) + 1) if j < n else ():
                here = cost(fields[j], kinds[s:s + take])
                if here is None:
                    break
                for span, over in spans[j]:
                    over += FIGURE_SPAN * (span - 1) if kinds[s] == "mark" else 0.0
                    found += [(here + over + c, ((take, span), *rest)) for c, rest in best(j + span, s + take)]
            found.sort()
            memo[(j, s)] = found[:2]
        return memo[(j, s)]

    options = best(0, 0)
    if not options:
        return float("inf"), [[] for _ in fields], list(range(n))
    cells = [_cells(texts, o[1], n) for o in options]
    doubt = [] if len(options) < 2 or options[1][0] - options[0][0] >= DOUBT else \
        [j for j in range(n) if cells[0][j] != cells[1][j]]
    return options[0][0], cells[0], doubt


def _cells(texts: list[str], cells: tuple[tuple[int, int], ...], n: int) -> list[list[str]]:
    out: list[list[str]] = []
    s = 0
    for take, span in cells:
        out += [texts[s:s + take]] + [[] for _ in range(span - 1)]
        s += take
    return out + [[] for _ in range(n - len(out))]


def span_costs(fields: list[str]) -> list[list[tuple[int, float]]]:
    """For each column, the columns a cell opening there may span and what that costs: one to three (a
    time over start and end), all the rest (a group row's title) or all but the last (a total row's
    label before its sum)."""
    n = len(fields)
    return [[(span, ZERO * (span - 1) + ACROSS * sum(family(fields[j]) != family(f) for f in fields[j + 1:j + span]))
             for span in sorted({min(k, n - j) for k in (1, 2, 3)} | {n - j, max(1, n - j - 1)})] for j in range(n)]


def family(field: str) -> str:
    return "time" if field in ("deadline", "start", "end") else "agency" if field in ("lead", "support", "combined") \
        else field


def cost(field: str, kinds: list[str]) -> float | None:
    """What giving these lines to a column of ``field`` costs; None when it cannot be (an empty line
    is a whole empty cell)."""
    if "empty" in kinds:
        return 0.0 if len(kinds) == 1 else None
    fit = FIT.get(field, FIT["extra"])
    return sum(fit[k] for k in kinds) + EXTRA.get(field, 1.0) * (len(kinds) - 1)
