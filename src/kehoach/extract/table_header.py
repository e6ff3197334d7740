"""Table headers: which task field each column holds, from the header words in any order.

One to three header rows: "Thời gian thực hiện" over "Bắt đầu | Hoàn thành", "Cơ quan thực hiện"
over "Chủ trì | Phối hợp", with the second row placed under its spanning cell when a scrape left
the spanned cells out.
"""

from __future__ import annotations

from .. import rx
from ..parse.blocks import Row
from ..vn import ascii_fold, starts_lower
from ..vocab.table_header import (
    AMENDED_TIME,
    COLUMN_WORDS,
    DATELESS_WORDS,
    START_END_TIME,
    SUB_COLUMN_WORDS,
    TIME_REVISION_WORDS,
)
from .responsibility import reads_as_agency


def _cell_text(paragraphs: list[str]) -> str:
    if len(paragraphs) == 1:  # most cells (and the answer is the same)
        return paragraphs[0].strip()
    return " ".join(p.strip() for p in paragraphs if p.strip())


_COLUMN_RES = [(f, rx.compile(p)) for f, p in COLUMN_WORDS]
EXTRA = "extra:"
"""Prefix of a column the model has no field for; the rest is the column title as written."""
DATELESS = rx.compile(DATELESS_WORDS)
_DATA_NO = rx.compile(r"\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.?|[a-zđ][.)]?")
"""A row number: a data row, never a header, whatever its words ("Sở A chủ trì; Sở B phối hợp")."""
_YEAR = rx.compile(r"(?:19|20)\d\d")
YEAR = "year:"
"""Prefix of a column holding one year of a time span over year columns; the rest is the year."""
_PERIOD = rx.compile(r"(?:quy|q)\s*\.?\s*(?P<q>iv|i{1,3}|[1-4])|(?:thang|t)\s*\.?\s*(?P<m>0?[1-9]|1[0-2])")
"""A quarter or month sub-column ("Quý I", "Quý 2", "Q3", "Tháng 10", "T1"), folded."""
_ROMAN_Q = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_MONTH_NO = rx.compile(r"0?[1-9]|1[0-2]")
_IN_MONTHS = rx.compile(r"\(\s*thang\s*\)|\btheo thang\b|\bcac thang\b")
"""A time header whose sub-columns are months written as bare numbers ("Thời gian thực hiện (tháng)")."""
PERIOD = "period:"
AGENCY = "agency:"
"""A column of one agency under a spanning agencies' header ("Cơ quan thực hiện" over "Sở A | Sở B | …"): each row's
cell a role mark ("CT", "PH"), the agency's name after the prefix."""
"""Prefix of a column holding one quarter or month of the time header above it ("Thời gian thực hiện năm
2026" over "Quý I | … | Quý IV"): the rest is that period as a deadline is written ("Quý I/2026")."""
_TIME_WORDS = rx.compile(dict(COLUMN_WORDS)["deadline"])
_LEAD_WORDS = dict(_COLUMN_RES)["lead"]
_GROUP_NO = rx.compile(r"^(?:[IVXLC]{1,6}|[A-HK-Z]|Phần\s+\S+)\.?$")


_FILLER = rx.compile(r"\b(?:stt|tt|so tt|so thu tu|va|cac|co quan|don vi|thuc hien|hoan thanh|bat dau|ket thuc"
                        r"|ten|cu the|chinh|lien quan)\b|[^\w\s]")


def header_words(text: str) -> tuple[set[str], int]:
    """The fields whose column words a line holds, and how many other words it has (not counted,
    0, for a line that holds none: the count tells a header line from a sentence using one)."""
    return _folded_header_words(ascii_fold(text).lower())


def _folded_header_words(rest: str) -> tuple[set[str], int]:
    found = set()
    for name, pat in _COLUMN_RES:
        if name != "no" and pat.search(rest):
            found.add(name)
            rest = pat.sub(" ", rest)
    return found, len(_FILLER.sub(" ", rest).split()) if found else 0


def reads_as_header_line(text: str) -> bool:
    """A line of text that is a task table's header row run together ("TT Nhiệm vụ Chủ trì Phối hợp
    Thời hạn"): a lead column word, two other column words, and next to nothing else."""
    folded = ascii_fold(text).lower()
    if not _LEAD_WORDS.search(folded):
        return False  # most lines: no lead column word, so none of the others is worth looking for
    found, others = _folded_header_words(folded)
    return "lead" in found and len(found) >= 3 and others <= 1


_ASSIGNMENT = rx.compile(r"phan cong(?: (?:thuc hien|nhiem vu|trach nhiem))?")
"""A column that hands out the work with labels in its cells ("Phân công thực hiện": "Chủ trì: …; Phối hợp: …")."""


def header_to_fields(cells: list[list[str]]) -> dict[int, str] | None:
    """Map a header row's columns to task fields, or None when the row is not a header."""
    fields: dict[int, str] = {}
    if any(_DATA_NO.fullmatch(_cell_text(c)) for c in cells):
        return None  # a numbered row is data, whatever its words ("quy chế phối hợp")
    for i, cell in enumerate(cells):
        f = ascii_fold(_cell_text(cell))
        if not f or len(f) > 60:
            continue
        if ("chu tri" in f and "phoi hop" in f) or _ASSIGNMENT.fullmatch(f.lower().strip(" :")):
            fields[i] = "combined"
            continue
        for name, pat in _COLUMN_RES:
            if pat.search(f):
                if name not in fields.values():
                    fields[i] = name
                break
    if not {"title", "lead", "combined"} & set(fields.values()):
        return None  # (most rows: the time columns' readings below never add one of these)
    _amended_time_column(cells, fields)
    _start_end_columns(cells, fields)
    _spanned_time_column(cells, fields)
    known = set(fields.values())
    if "title" not in known and known & {"lead", "combined"}:
        # "TT | Chỉ tiêu | Chủ trì": an indicator assigned to an agency is the task
        fields = {i: "title" if f == "target" else f for i, f in fields.items()}
        known = set(fields.values())
    if len(fields) >= 2 and (known & {"title", "lead", "combined"}) and (known - {"title", "no"}):
        # columns the model has no field for ("Kinh phí", "Nguồn vốn") are kept in the note under their title
        for i, cell in enumerate(cells):
            label = _cell_text(cell).strip(" :")
            if i not in fields and label and len(label) <= 60:
                fields[i] = EXTRA + label
        return fields
    return None


_AMENDED = rx.compile(AMENDED_TIME)


def _amended_time_column(cells: list[list[str]], fields: dict[int, str]) -> None:
    """Of two time columns ("Thời gian theo Kế hoạch số 12/KH-UBND | Thời gian kéo dài đến"), the amended one is the
    deadline (the first one was); the other is left to the note under its title."""
    times = [i for i, c in enumerate(cells) if _TIME_WORDS.search(f := ascii_fold(_cell_text(c)).lower()) and len(f) <= 60]
    amended = [i for i in times if _AMENDED.search(ascii_fold(_cell_text(cells[i])).lower())]
    if len(times) == 2 and len(amended) == 1 and fields.get(amended[0]) != "deadline":
        fields.pop(next(i for i in times if i != amended[0]), None)
        fields[amended[0]] = "deadline"


_START_END_RES = [(f, rx.compile(p)) for f, p in START_END_TIME]


def _start_end_columns(cells: list[list[str]], fields: dict[int, str]) -> None:
    """A one-row header giving the time in two columns ("Thời gian bắt đầu | Thời gian hoàn thành", either order):
    the start of one and the end of the other, never the first read as the deadline and the second lost."""
    found: dict[str, list[int]] = {"deadline_start": [], "deadline_end": []}
    for i, cell in enumerate(cells):
        folded = " ".join(ascii_fold(_cell_text(cell)).lower().replace(":", " ").split())
        if fields.get(i, "deadline") != "deadline":
            continue
        name = next((f for f, pat in _START_END_RES if pat.search(folded)), None)
        if name is not None:
            found[name].append(i)
    if len(found["deadline_start"]) == 1 and len(found["deadline_end"]) == 1:
        for i in (i for i, f in list(fields.items()) if f == "deadline"):
            del fields[i]
        fields[found["deadline_start"][0]] = "deadline_start"
        fields[found["deadline_end"][0]] = "deadline_end"


TIME_SPAN = "deadline_span"
"""The column a one-row header's time cell spans with an empty cell ("Thời gian thực hiện" over two columns, no second
row): a row giving a time there gives its deadline's end, the time before it its start."""


def _spanned_time_column(cells: list[list[str]], fields: dict[int, str]) -> None:
    """The empty header cell right after the time's ("Thời gian thực hiện" merged over two columns): :data:`TIME_SPAN`."""
    at = next((i for i, f in fields.items() if f == "deadline"), None)
    if at is not None and at + 1 < len(cells) and at + 1 not in fields and not _cell_text(cells[at + 1]):
        fields[at + 1] = TIME_SPAN


_SUB_COLUMN_RES = [(f, rx.compile(rf"^(?:{p})$")) for f, p in SUB_COLUMN_WORDS]
_REVISION_RES = [(f, rx.compile(rf"^(?:{p})$")) for f, p in TIME_REVISION_WORDS]


def _revision(folded: str) -> str | None:
    """ "amended" or "earlier" for a sub-column of the time in a plan amending another ("Điều chỉnh",
    "Theo Kế hoạch số 12/KH-UBND"), else None."""
    return next((name for name, pat in _REVISION_RES if pat.match(folded)), None)


def sub_header_fields(cells: list[list[str]], header: list[list[str]] | None = None) -> dict[int, str] | None:
    """The second row of a two-row header ("Thời gian thực hiện" over "Bắt đầu | Hoàn thành",
    "Cơ quan thực hiện" over "Chủ trì | Phối hợp"): column -> field, or None when the row is not one.
    Cells repeating the header cell above (a vertical merge read into both rows) are passed over."""
    out: dict[int, str] = {}
    for i, cell in enumerate(cells):
        f = ascii_fold(_cell_text(cell)).strip(" .:")
        if not f or (header is not None and i < len(header) and f == ascii_fold(_cell_text(header[i])).strip(" .:")):
            continue
        name = next((name for name, pat in _SUB_COLUMN_RES if pat.match(f)), None)
        if name is None and _YEAR.fullmatch(f):
            name = YEAR + f  # "Lộ trình thực hiện" over "2026 | 2027 | …": a row marks the years it runs
        if name is None and header is not None and (period := _period(f, _time_header(header, i))):
            name = PERIOD + period  # "… năm 2026" over "Quý I | Quý II | …": a row marks its quarters
        if name is None and header is not None and (kind := _revision(f)) and _under_time(header, i):
            # an amending plan's time: the amended one is the deadline, the earlier one goes to the note
            name = "deadline" if kind == "amended" else EXTRA + _cell_text(cell).strip(" :")
        if name is None and header is not None and _under_agencies(header, i) and reads_as_agency(_cell_text(cell)):
            name = AGENCY + _cell_text(cell)  # "Cơ quan thực hiện" over "Sở A | Sở B | …": a row marks each one's role
        if name is None:
            return None
        out[i] = name
    marks = [i for i, name in out.items() if name.startswith((YEAR, PERIOD))]
    if marks and (len(marks) < 2 or header is None or not _under_time(header, min(marks))):
        return None
    if 0 < sum(name.startswith(AGENCY) for name in out.values()) < 2:
        return None  # one agency under the header is a sub-header's odd cell, no matrix
    return out or None


def _under_agencies(header: list[list[str]], col: int) -> bool:
    """The header cell over ``col`` (or the last one written before it, a cell spanning it) names who does the work."""
    return bool(_LEAD_WORDS.search(ascii_fold(_time_header(header, col))))


def _period(folded: str, over: str) -> str | None:
    """A quarter or month sub-column as a deadline is written, with the year its time header gives
    ("quy ii" under "Thời gian thực hiện năm 2026" -> "Quý II/2026"; no year there: "Quý II")."""
    m = _PERIOD.fullmatch(folded)
    if m is None and _MONTH_NO.fullmatch(folded) and _IN_MONTHS.search(ascii_fold(over).lower()):
        m = _PERIOD.fullmatch(f"t{folded}")  # "… năm 2026 (tháng)" over "1 | 2 | … | 12": the months, by number
    if m is None:
        return None
    year = _YEAR.search(over)
    label = f"Quý {_ROMAN_Q.get(m['q'], m['q'].upper())}" if m["q"] else f"Tháng {int(m['m'])}"
    return f"{label}/{year.group(0)}" if year else label


def _time_header(header: list[list[str]], col: int) -> str:
    """The header cell over ``col``, or the last one written before it (a cell spanning it)."""
    return next((_cell_text(header[i]) for i in range(min(col, len(header) - 1), -1, -1) if _cell_text(header[i])), "")


def _under_time(header: list[list[str]], col: int) -> bool:
    """The header cell over ``col`` (or the last one written before it, a cell spanning it) names the time."""
    return bool(_TIME_WORDS.search(ascii_fold(_time_header(header, col))))


def _merge_sub_header(fields: dict[int, str], sub: dict[int, str]) -> dict[int, str]:
    merged = dict(fields)
    for i, name in sub.items():
        merged[i] = {"start": "deadline_start", "end": "deadline_end"}.get(name, name)
    if "deadline_start" in merged.values() or "deadline_end" in merged.values():
        merged = {i: f for i, f in merged.items() if f != "deadline"}
    # a spanning header read once ("Cơ quan thực hiện" over two columns) must not keep its first meaning twice
    seen: set[str] = set()
    for i in sorted(merged, key=lambda i: (i not in sub, i)):
        if merged[i] in seen:
            del merged[i]
        else:
            seen.add(merged[i])
    return merged




def place_sub_header(header: list[list[str]], sub: list[list[str]],
                     width: int) -> tuple[list[list[str]], list[list[str]]] | None:
    """A scrape drops the cells a header row spans down ("STT", "Nội dung" over two rows), so the
    second row holds only the cells under spanning cells ("Bắt đầu", "Hoàn thành"; "Chủ trì", "Phối hợp"
    under "Cơ quan thực hiện" beside them). Returns the second row placed on the grid (empty cells
    elsewhere) and the first row with each spanning cell repeated over its columns, or None when the
    second row does not fit."""
    months = any(_IN_MONTHS.search(ascii_fold(_cell_text(c)).lower()) for c in header)  # "… (tháng)" over 1 | … | 12
    names = [next((name for name, pat in _SUB_COLUMN_RES if pat.match(ascii_fold(_cell_text(c)).strip(" .:"))),
                  "year" if _YEAR.fullmatch(_cell_text(c)) or _PERIOD.fullmatch(ascii_fold(_cell_text(c)).strip(" .:"))
                  or (months and _MONTH_NO.fullmatch(_cell_text(c)))
                  or _revision(ascii_fold(_cell_text(c)).strip(" .:")) else "agency" if reads_as_agency(_cell_text(c))
                  else None) for c in sub]
    if None in names or not sub:
        return None
    kinds = ["deadline" if name in ("start", "end", "year") else "lead" if name in ("lead", "support", "agency") else None
             for name in names]
    if None in kinds:
        return None
    groups: list[list[int]] = []
    for k, kind in enumerate(kinds):
        if groups and kind == kinds[groups[-1][0]]:
            groups[-1].append(k)
        else:
            groups.append([k])
    if sum(len(g) - 1 for g in groups) != width - len(header):
        return None
    fields = header_to_fields(header) or {}
    cols = [next((i for i, f in sorted(fields.items()) if f == kinds[g[0]]), None) for g in groups]
    if None in cols or cols != sorted(set(cols)):  # type: ignore[type-var]
        return None
    spans = {col: g for col, g in zip(cols, groups, strict=True)}
    placed: list[list[str]] = []
    widened: list[list[str]] = []
    for i, cell in enumerate(header):
        under = spans.get(i)
        placed += [list(sub[k]) for k in under] if under else [[]]
        widened += [list(cell) for _ in under] if under else [list(cell)]
    return placed, widened


_COLUMN_NO = rx.compile(r"\(?(\d{1,2})\)?")


def column_numbers_row(cells: list[list[str]]) -> bool:
    """The row under a header that numbers its columns, as official forms do ("(1) | (2) | (3) | (4)",
    "1 | 2 | 3 | 4"): three or more cells, each its column's number in turn; a header row, never a task."""
    texts = [_cell_text(c) for c in cells]
    found = [_COLUMN_NO.fullmatch(t) for t in texts if t]
    if len(found) < 3 or len(found) < len(texts) - 1 or not all(found):
        return False
    numbers = [int(m.group(1)) for m in found if m]
    return numbers == list(range(1, len(numbers) + 1))


def _join_wrapped_headers(rows: list[Row]) -> list[Row]:
    """Header cells wrapped onto the next line ("Thời gian" / "hoàn thành", as tab text leaves
    them) are joined back: a row of only lower-case cell starts after a header-like row."""
    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        texts = [_cell_text(c) for c in row.cells]
        if prev is not None and any(texts) and all(not t or starts_lower(t) for t in texts) and len(row.cells) <= len(prev.cells):
            joined = [list(c) for c in prev.cells]
            for i, t in enumerate(texts):
                if t:
                    joined[i] = [f"{_cell_text(joined[i])} {t}".strip()]
            before, after = header_to_fields(prev.cells), header_to_fields(joined)
            if after is not None and (before is None or len(set(after.values()) - {"title"} - {f for f in after.values() if f.startswith(EXTRA)})
                                      > len(set(before.values()) - {"title"} - {f for f in before.values() if f.startswith(EXTRA)})):
                out[-1] = Row(joined, prev.loc, prev.lines + row.lines, prev.after_break)
                continue
        out.append(row)
    return out
