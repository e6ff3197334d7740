"""Slips OCR makes in the marks that give a plan its structure, corrected from that structure.

A rough scan (skewed, speckled, stamped) is read by Tesseract with its structure's marks changed:
an item number's full stop read as ";", ":" or "," ("1; Sở Tài chính"), a speck read as an accent
standing alone ("II. ˆ MỤC TIÊU") or as a lone letter or colon in a capitals line ("PHÓ : CHỦ ý
TỊCH", where a stamp's ring crosses it), a table header's words half read ("Đơn vị phối tt"), a
row's number read as letters ("ái" between rows 0 and 2). Each is corrected only where the
structure leaves no doubt, and returned for the caller to warn (``ocr``, with its line).
"""

from __future__ import annotations

from .. import rx
from ..vn import ascii_fold
from ..vocab.table_header import COLUMN_WORDS

I_LOOKALIKES = "l|!iịíìÏÍÌỈĨỊ"
"""What OCR reads a Roman I as (a stroke with a speck for a mark: "Ï", "Hị")."""
_QUARTER = rx.compile(rf"(?<=\bQuý\s)(?P<r>[IVH{I_LOOKALIKES}]{{1,4}}|(?=[1IV]{{2,4}}(?![1IV]))[IV]*1[1IV]*)"
                      r"(?=\s*[/.,-]\s*\d|\s+(?:[nN]ăm\s+)?\d)")
"""A quarter's Roman number before its year ("Quý IH/2025", "Quý H năm 2025"), or its strokes read
as ones ("Quý 11/2026": no quarter is the eleventh; a lone "1" is the first, written in figures)."""
_ITEM_STOP = rx.compile(r"^(?P<n>\d{1,2})[;:,](?=\s+\p{Lu})")
"""An item number whose full stop OCR read as ";", ":" or "," before a capitalised heading."""
_RUN_ON_ITEM = rx.compile(r"(?<=[.;:!?])\s+(?P<n>\d{1,2})[;:,]\s+(?P<head>\p{Lu}[^.;:!?]{0,60})$")
"""A short numbered heading run on after a sentence, its stop misread ("… viên. 2; Yêu cầu"): the
paragraph reader, seeing no item number, joined it to the line before."""
_LONE_ACCENT = rx.compile(r"(?:(?<=\s)|^)[\u02b0-\u02ff\u00a8\u00b4\u00b8`'\"^~]+(?=\s)")
"""A spacing accent or quote standing alone between words: a speck."""
_CAPS_SPECK = rx.compile(r"(?<=\S)\s+(?:\p{Ll}|[:;,.'\"])(?=\s+\p{Lu})")
"""A lone small letter or mark between two words of a capitals line."""
_CELL_TEXT = rx.compile(r"<p>([^<]*)</p>")
HEADER_CELLS = ("STT", "Nội dung", "Nhiệm vụ", "Nội dung nhiệm vụ", "Nội dung công việc", "Tên nhiệm vụ",
                "Đơn vị chủ trì", "Cơ quan chủ trì", "Đơn vị phối hợp", "Cơ quan phối hợp", "Đơn vị thực hiện",
                "Cơ quan thực hiện", "Thời gian hoàn thành", "Thời gian thực hiện", "Thời hạn hoàn thành",
                "Tiến độ thực hiện", "Sản phẩm", "Sản phẩm đầu ra", "Kết quả", "Ghi chú", "Chỉ tiêu", "Mục tiêu")
"""Task-table header cells as plans write them: what a half-read header cell is corrected towards."""
_HEADER_KEYS = {ascii_fold(h): h for h in HEADER_CELLS}
_COLUMN_WORD = rx.compile("|".join(f"(?:{p})" for _, p in COLUMN_WORDS))


def fix_marks(lines: list[str]) -> list[tuple[int, str, str]]:
    """Item numbers' full stops, quarters' Roman numbers ("Quý IH/2025": III), lone accents and
    specks in capitals lines, corrected in place;
    (line, before, after) for each line changed."""
    fixes: list[tuple[int, str, str]] = []
    for k, line in enumerate(lines):
        if "Quý" in line:
            for m in _QUARTER.finditer(line):
                if _quarter(m) != m.group("r"):
                    fixes.append((k, f"Quý {m.group('r')}", f"Quý {_quarter(m)}"))
            line = lines[k] = _QUARTER.sub(_quarter, line)
        if "\t" in line:  # a table row: only its quarters
            continue
        new = _ITEM_STOP.sub(lambda m: m["n"] + ".", line)
        new = _LONE_ACCENT.sub("", new)
        if _capitals(new):
            new = _CAPS_SPECK.sub("", new)
        new = " ".join(new.split()) if new != line else new
        if new != line:
            fixes.append((k, line.strip(), new))
            lines[k] = new
    return fixes


def roman_lookalike(token: str) -> str:
    """A token with OCR's lookalikes of Roman strokes replaced: "l", "|", "!", "i", "Ï" (a mark a
    speck: "Hị") for I, "H" for II (never a digit: "1." is a number of its own)."""
    return token.replace("H", "II").translate(str.maketrans(I_LOOKALIKES, "I" * len(I_LOOKALIKES)))


def _quarter(m) -> str:
    roman = roman_lookalike(m.group("r").replace("1", "I"))
    return roman if roman in ("I", "II", "III", "IV") else m.group("r")


def split_run_on_items(lines: list, origins: list) -> list[tuple[int, str, str]]:
    """Numbered headings run on after a sentence (:data:`_RUN_ON_ITEM`) put back on a line of their
    own, in place (``origins`` kept parallel); (line, before, after) for each."""
    fixes: list[tuple[int, str, str]] = []
    k = 0
    while k < len(lines):
        m = _RUN_ON_ITEM.search(lines[k]) if "\t" not in lines[k] else None
        if m and len(m.group("head").split()) <= 8:
            head = f"{m.group('n')}. {m.group('head')}"
            fixes.append((k, m.group(0).strip(), head))
            lines[k:k + 1] = [lines[k][:m.start()], head]
            origins[k:k + 1] = [origins[k], origins[k]]
            k += 1
        k += 1
    return fixes


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def fix_header_cells(lines: list[str]) -> list[tuple[int, str, str]]:
    """The first row of each table: a cell in which no column's header word can be read but that is
    close to one header cell and to no other ("Đơn vị phối tt" -> "Đơn vị phối hợp") takes that cell's words;
    in a header repeated after a page break (:func:`repeated_header`), the cell that differs, as long as
    the header's and alike ("TF" under "TT"), takes the header's (a cell wrapped otherwise, "Kinh
    phí (triệu" under "Kinh phí (triệu đồng)", is left)."""
    from rapidfuzz import fuzz, process

    fixes: list[tuple[int, str, str]] = []
    header: list[str] = []
    for k, line in enumerate(lines):
        if "\t" not in line or (k and "\t" in lines[k - 1]):
            continue
        cells = _CELL_TEXT.findall(line)
        if repeated_header(cells, header):
            for cell, above in zip(cells, header, strict=True):
                if _words(cell) != _words(above) and len(cell) == len(above) and fuzz.ratio(ascii_fold(cell), ascii_fold(above)) >= 50:
                    lines[k] = lines[k].replace(f"<p>{cell}</p>", f"<p>{above}</p>", 1)
                    fixes.append((k, cell, above))
            continue
        if _header_like(line):
            header = cells
        if sum(ascii_fold(c) in _HEADER_KEYS for c in cells) < 2:
            continue  # not a header row: corrections need two cells read right around them
        for cell in cells:
            key = ascii_fold(cell)
            if len(key) < 6 or _COLUMN_WORD.search(key):
                continue  # read as a column's header already ("Thời gian thực hiện năm 2026" keeps its year)
            best = process.extract(key, list(_HEADER_KEYS), scorer=fuzz.ratio, limit=2)
            if best and best[0][1] >= 80 and (len(best) < 2 or best[1][1] < best[0][1] - 10):
                right = _HEADER_KEYS[best[0][0]]
                lines[k] = lines[k].replace(f"<p>{cell}</p>", f"<p>{right}</p>", 1)
                fixes.append((k, cell, right))
    return fixes


def repeated_header(cells: list[str], header: list[str]) -> bool:
    """Whether a table's first row after a page break repeats the header above it: as many cells,
    and all but one of them holding the same words ("Nội dung/nhiệm vụ" repeats "Nội dung nhiệm vụ");
    the one left may be misread ("TF" for "TT")."""
    return len(cells) == len(header) >= 3 and sum(_words(a) != _words(b) for a, b in zip(cells, header, strict=True)) <= 1


def _words(cell: str) -> list[str]:
    return ascii_fold(cell).replace("/", " ").split()


def unread_header_cells(lines: list[str]) -> list[tuple[int, str]]:
    """(line, cell) for each cell of a table's header row in which no column's header word can be
    read ("0ti" for "Sản phẩm"), or that OCR left empty over a column holding text: the column under
    it is not read."""
    out: list[tuple[int, str]] = []
    before: list[str] = []
    for k, line in enumerate(lines):
        if "\t" in line and not (k and "\t" in lines[k - 1]):
            if not _header_like(line):
                continue
            cells = [_cell_text(c) for c in line.split("\t")]
            repeated = repeated_header(cells, before) or all(not c.strip() or i < len(before) and c == before[i]
                                                             for i, c in enumerate(cells))
            rows = [row.split("\t") for row in _table_rows(lines, k + 1)]
            for i, cell in enumerate(cells):
                if _COLUMN_WORD.search(ascii_fold(cell)):
                    continue
                if repeated and i < len(before) and _COLUMN_WORD.search(ascii_fold(before[i])):
                    continue  # the header repeated after a page break: its column was read above
                if cell.strip() or any(i < len(r) and _cell_text(r[i]).strip() for r in rows):
                    out.append((k, cell))
            before = cells
    return out


def _table_rows(lines: list[str], start: int) -> list[str]:
    end = next((j for j in range(start, len(lines)) if "\t" not in lines[j]), len(lines))
    return lines[start:end]


def _cell_text(cell: str) -> str:
    return " ".join(_CELL_TEXT.findall(cell))


def fix_row_numbers(lines: list[str]) -> list[tuple[int, str, str]]:
    """A task row's number read as letters or marks ("ái", "&amp;") between two rows numbered n-1
    and n+1 (or before row 2 at a table's top) is n; so is one read with a digit lost or changed
    ("1" between 16 and 18); and m such rows in a row between n-1 and n+m are n to n+m-1."""
    fixes: list[tuple[int, str, str]] = []
    numbers = [_row_number(line) for line in lines]
    run: list[int] = []
    for k, line in enumerate(lines):
        first = first_cell(line)
        if first == "" and run:
            continue  # a row's continuation under the run
        if first is not None and _renumberable(line, first, numbers[k]):
            before, after = _neighbours(lines, numbers, k)
            alone = _numberless_between(lines, numbers, k) == 1
            n = after - 1 if alone and after is not None and (before or 0) + 2 == after else None
            seen = first.rstrip(".").translate(_DIGIT_LIKE)
            if n is not None and not (seen.isdigit() and seen != str(n) and not _digit_slip(seen, str(n))):
                if first.rstrip(".") != str(n):
                    _renumber(lines, numbers, fixes, k, first, n)
                continue
            if numbers[k] is None:
                run.append(k)
                continue
        number = numbers[k]
        if len(run) > 1 and number is not None:
            before, _ = _neighbours(lines, numbers, run[0])
            if number - (before or 0) - 1 == len(run):
                for i, j in enumerate(run):
                    _renumber(lines, numbers, fixes, j, first_cell(lines[j]) or "", (before or 0) + 1 + i)
        run = []
    return fixes


def _renumberable(line: str, first: str, number: int | None) -> bool:
    """Whether a row's first cell may be a misread number: short, and no header's, group's or
    sub-item's ("2.1"; "2O" is a number)."""
    if not first or len(first) > 6 or first.strip(".").upper() in ("I", "II", "III", "IV", "V", "VI"):
        return False
    if number is None and _header_like(line):
        return False  # a header row ("TT | Nội dung thực hiện | Bộ phận chủ trì …")
    return number is not None or not any(c.isdigit() for c in first) or first.rstrip(".").translate(_DIGIT_LIKE).isdigit()


def _header_like(line: str) -> bool:
    """Two cells or more that are short column headers ("Bộ phận chủ trì"; a task's "Chủ trì phối
    hợp với các sở …" is no header)."""
    return sum(len(c.split()) <= 6 and bool(_COLUMN_WORD.search(ascii_fold(c))) for c in _CELL_TEXT.findall(line)) >= 2


def _neighbours(lines: list[str], numbers: list[int | None], k: int) -> tuple[int | None, int | None]:
    """The numbers of the rows numbered nearest above and below row ``k`` in its table."""
    up, down = _bounds(lines, numbers, k)
    return (numbers[up] if up >= 0 else None), (numbers[down] if down < len(lines) else None)


def _bounds(lines: list[str], numbers: list[int | None], k: int) -> tuple[int, int]:
    """The rows numbered nearest above and below row ``k`` in its table (-1 or len(lines) where the
    table ends first): a page break's blank line and repeated header do not end it."""
    def stop(j: int) -> bool:
        return numbers[j] is not None or "\t" not in lines[j] and bool(lines[j].strip())

    up = next((j for j in range(k - 1, -1, -1) if stop(j)), -1)
    down = next((j for j in range(k + 1, len(lines)) if stop(j)), len(lines))
    return (up if up >= 0 and numbers[up] is not None else -1), (down if down < len(lines) and numbers[down] is not None
                                                                  else len(lines))


def _numberless_between(lines: list[str], numbers: list[int | None], k: int) -> int:
    """How many rows with a first cell but no number stand between the numbered rows around ``k``."""
    def numberless(j: int) -> bool:
        first = first_cell(lines[j])
        return numbers[j] is None and bool(first) and _renumberable(lines[j], first or "", None)

    up, down = _bounds(lines, numbers, k)
    return sum(numberless(j) for j in range(up + 1, down) if "\t" in lines[j]) + (numbers[k] is not None)


def _renumber(lines: list[str], numbers: list[int | None], fixes: list, k: int, first: str, n: int) -> None:
    lines[k] = lines[k].replace(f"<p>{first}</p>", f"<p>{n}</p>", 1)
    numbers[k] = n
    fixes.append((k, first, str(n)))


_DIGIT_LIKE = str.maketrans("OoDlIS", "001115")
"""Letters OCR reads digits as, in a number."""


def _digit_slip(seen: str, due: str) -> bool:
    """Whether OCR may have read ``due`` as ``seen``: a digit lost ("1" for 17) or one changed."""
    if len(seen) == len(due) - 1:
        return any(due[:i] + due[i + 1:] == seen for i in range(len(due)))
    return len(seen) == len(due) and sum(a != b for a, b in zip(seen, due, strict=True)) == 1


def first_cell(line: str) -> str | None:
    """The text of a table row's first cell (None for a line that is no table row)."""
    if "\t" not in line:
        return None
    first = line.split("\t", 1)[0]
    m = _CELL_TEXT.fullmatch(first)
    return m.group(1).strip() if m else None if first else ""


def _row_number(line: str) -> int | None:
    first = first_cell(line)
    return int(first.rstrip(".")) if first and first.rstrip(".").isdigit() else None
