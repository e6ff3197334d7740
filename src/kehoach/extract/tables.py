"""Responsibility tables -> tasks.

Column meaning comes from header words in any order; repeated (or reworded) header rows on
each page are dropped; rows a page break cut are joined again; rows fused by HTML cells are
split again; group rows set ``group`` for the rows below them; a combined "chủ trì / phối hợp"
column is split.
"""

from __future__ import annotations

from .. import rx as regex
from ..diagnostics import warning
from ..numbering import roman_to_int
from ..parse.blocks import Block, Row
from ..vn import ascii_fold, starts_lower
from .agencies import canonical_agency, cell_to_agencies, split_lead_support
from .dates import text_to_deadline

# (field, pattern on the tone-less lower-case header cell), checked in order.
COLUMN_WORDS: list[tuple[str, str]] = [
    ("note", r"ghi chu"),
    ("lead", r"chu tri|don vi thuc hien|co quan thuc hien|don vi phu trach|co quan phu trach|trach nhiem thuc hien"),
    ("support", r"phoi hop"),
    ("target", r"muc tieu|chi tieu"),
    ("deadline", r"thoi gian|thoi han|tien do|thoi diem|han hoan thanh|nam thuc hien"),
    ("output", r"san pham|ket qua|hinh thuc"),
    ("no", r"^(?:stt|tt|so tt|so thu tu)\.?$"),
    ("title", r"noi dung|nhiem vu|cong viec|ten de an|de an|hoat dong|giai phap"),
]
_COLUMN_RES = [(f, regex.compile(p)) for f, p in COLUMN_WORDS]
EXTRA = "extra:"
"""Prefix of a column the model has no field for; the rest is the column title as written."""
DATELESS = regex.compile(r"theo ke hoach|theo quy dinh|theo tien do|theo chi dao|theo yeu cau|khi co yeu cau")
_GROUP_NO = regex.compile(r"^(?:[IVXLC]{1,6}|[A-HK-Z]|Phần\s+\S+)\.?$")


def _cell_text(paragraphs: list[str]) -> str:
    return " ".join(p.strip() for p in paragraphs if p.strip())


def header_to_fields(cells: list[list[str]]) -> dict[int, str] | None:
    """Map a header row's columns to task fields, or None when the row is not a header."""
    fields: dict[int, str] = {}
    for i, cell in enumerate(cells):
        f = ascii_fold(_cell_text(cell))
        if not f or len(f) > 60:
            continue
        if "chu tri" in f and "phoi hop" in f:
            fields[i] = "combined"
            continue
        for name, rx in _COLUMN_RES:
            if rx.search(f):
                if name not in fields.values():
                    fields[i] = name
                break
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


_SUB_COLUMN_WORDS: list[tuple[str, str]] = [
    ("start", r"bat dau|khoi cong|khoi dong|tu(?: ngay| thang| nam)?"),
    ("end", r"(?:thoi han |thoi gian )?(?:hoan thanh|ket thuc)|den(?: ngay| thang| nam)?"),
    ("lead", r"chu tri|(?:co quan|don vi) chu tri"),
    ("support", r"phoi hop|(?:co quan|don vi) phoi hop"),
]
_SUB_COLUMN_RES = [(f, regex.compile(rf"^(?:{p})$")) for f, p in _SUB_COLUMN_WORDS]


def sub_header_fields(cells: list[list[str]], header: list[list[str]] | None = None) -> dict[int, str] | None:
    """The second row of a two-row header ("Thời gian thực hiện" over "Bắt đầu | Hoàn thành",
    "Cơ quan thực hiện" over "Chủ trì | Phối hợp"): column -> field, or None when the row is not one.
    Cells repeating the header cell above (a vertical merge read into both rows) are passed over."""
    out: dict[int, str] = {}
    for i, cell in enumerate(cells):
        f = ascii_fold(_cell_text(cell)).strip(" .:")
        if not f or (header is not None and i < len(header) and f == ascii_fold(_cell_text(header[i])).strip(" .:")):
            continue
        name = next((name for name, rx in _SUB_COLUMN_RES if rx.match(f)), None)
        if name is None:
            return None
        out[i] = name
    return out or None


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


def _is_fused(row: Row) -> bool:
    return any(len(c) >= 2 and starts_lower(c[0]) for c in row.cells)


def _split_fused(row: Row) -> tuple[list[list[str]], list[list[str]]]:
    """Split a row fused with the tail of the row before: (tail for previous row, rest)."""
    prev_part: list[list[str]] = []
    rest: list[list[str]] = []
    for cell in row.cells:
        if len(cell) >= 2:
            prev_part.append([cell[0]])
            rest.append(cell[1:])
        elif len(cell) == 1 and starts_lower(cell[0]):
            words = cell[0].split()
            k = 0
            while k < len(words) and starts_lower(words[k]):
                k += 1
            if 0 < k < len(words):
                prev_part.append([" ".join(words[:k])])
                rest.append([" ".join(words[k:])])
            else:
                prev_part.append([])
                rest.append(cell)
        else:
            prev_part.append([])
            rest.append(cell)
    return prev_part, rest


def _append_cells(target: list[list[str]], extra: list[list[str]]) -> None:
    while len(target) < len(extra):
        target.append([])
    for i, paras in enumerate(extra):
        if not paras:
            continue
        if target[i]:
            target[i] = [_cell_text(target[i]) + " " + _cell_text(paras)]
        else:
            target[i] = list(paras)


def table_to_tasks(block: Block, table_no: int, section: str | None, source: str) -> tuple[list[dict], list[dict]]:
    """Read one table block into tasks. Returns (tasks, warnings)."""
    warnings: list[dict] = []
    fields: dict[int, str] | None = None
    pending: list[dict] = []  # {"cells", "loc", "lines"}
    broke = False
    group: str | None = None
    header_row: list[list[str]] | None = None
    for row in block.rows:
        if header_row is not None and fields is not None:
            sub = sub_header_fields(row.cells, header_row)
            if sub is not None:
                fields = _merge_sub_header(fields, sub)
                header_row = None
                continue
        cols = header_to_fields(row.cells)
        header_row = row.cells if cols is not None else None
        if cols is not None:
            if fields is None:
                fields = cols
            broke = True
            continue
        if fields is None:
            continue
        if not any(_cell_text(c) for c in row.cells):
            continue
        broke = broke or row.after_break
        no_col = next((i for i, f in fields.items() if f == "no"), None)
        title_col = next((i for i, f in fields.items() if f == "title"), None)
        if no_col is not None:
            no = _cell_text(row.cells[no_col]) if no_col < len(row.cells) else ""
        else:
            # no STT column: a row is a new task unless it starts in lower case (a cut row going on)
            first = next((_cell_text(c) for c in row.cells if _cell_text(c)), "")
            no = "" if starts_lower(first) else str(len(pending) + 1)
        filled = [i for i, c in enumerate(row.cells) if _cell_text(c)]
        if not no and (not broke or not pending) and filled and filled == [title_col] and not starts_lower(_cell_text(row.cells[title_col])):
            group = _cell_text(row.cells[title_col])  # a label row with no number and no agency
            continue
        if not no and pending:
            last = pending[-1]
            first = next((" ".join(c) for c in row.cells if c), "")
            if not broke:
                warnings.append(warning("table-row-joined", f"a row with no number was joined to row {last['no'] or len(pending)} above it", row.loc.as_dict()))
            elif first[:1].isupper() and not _cell_text(row.cells[title_col] if title_col is not None
                                                         and title_col < len(row.cells) else [])[:1].islower():
                warnings.append(warning("table-row-joined", f"the first row after a page break has no number and starts with a capital; "
                                            f"joined to row {last['no']} before the break (check it)", row.loc.as_dict()))
            _append_cells(last["cells"], row.cells)
            last["lines"].extend(row.lines)
            broke = False
            continue
        cells = [list(c) for c in row.cells]
        if broke and pending and _is_fused(row):
            tail, cells = _split_fused(row)
            _append_cells(pending[-1]["cells"], tail)
            warnings.append(warning("table-row-split", f"row {no} held the end of row {pending[-1]['no']} (page break); split again", row.loc.as_dict()))
        broke = False
        mapped = {f: _cell_text(cells[i]) if i < len(cells) else "" for i, f in fields.items()}
        others = [v for f, v in mapped.items() if f not in ("no", "title") and v]
        if _GROUP_NO.match(no) and (roman_to_int(no.rstrip(".").split()[-1]) is not None or not others):
            group = f"{no.rstrip('.')}. {mapped.get('title', '')}".strip(" .")
            continue
        pending.append({"no": no if no_col is not None else None, "cells": cells, "loc": row.loc,
                        "lines": list(row.lines), "group": group})
    if fields is None and block.rows:
        warnings.append(warning("table-no-header", "a table with no recognisable header row (STT, Nội dung, Chủ trì…) was skipped", block.loc.as_dict()))
        return [], warnings
    tasks = []
    for k, p in enumerate(pending, 1):
        tasks.append(_row_to_task(p, fields or {}, f"A{table_no}.{k}", section, source, warnings))
    return tasks, warnings


_SLASH = regex.compile(r"(?<!\d)\s*/\s*(?!\d)")


def _split_on_slash(text: str) -> tuple[str, str] | None:
    """"Sở A / Sở B, Sở C" in a "chủ trì/ phối hợp" column: lead before the one slash, support after."""
    parts = _SLASH.split(text)
    if len(parts) == 2 and all(part.strip() for part in parts):
        return parts[0].strip(), parts[1].strip()
    return None


def _two_column_deadline(start_text: str, end_text: str) -> dict:
    """"Bắt đầu | Hoàn thành" columns: the start of the first, the end of the second."""
    first, last = text_to_deadline(start_text), text_to_deadline(end_text)
    text = " - ".join(t for t in (first["text"], last["text"]) if t) or None
    recs = [r for r in (first["recurrence"], last["recurrence"]) if r]
    # a bare date in the start column is the day work starts ("15/3/2025" alone reads as a deadline)
    return {"text": text, "start": first["start"] or first["end"], "end": last["end"],
            "recurrence": recs[0] if recs else None}


def _note(values: dict[str, str]) -> str | None:
    """The Ghi chú cell, then every column the model has no field for, as "Kinh phí: 500 triệu đồng"."""
    parts = [values["note"]] if values.get("note") else []
    parts += [f"{f[len(EXTRA):]}: {v}" for f, v in values.items() if f.startswith(EXTRA) and v]
    return "; ".join(parts) or None


def _row_to_task(p: dict, fields: dict[int, str], task_id: str, section: str | None, source: str,
                 warnings: list[dict]) -> dict:
    cells = p["cells"]
    values: dict[str, str] = {}
    for i, f in fields.items():
        if i < len(cells):
            # agency cells keep their paragraphs apart: each line may name another agency
            values[f] = "\n".join(cells[i]) if f in ("lead", "support", "combined") else _cell_text(cells[i])
    lead_text, support_text = values.get("lead"), values.get("support")
    if "combined" in values:
        split = split_lead_support(values["combined"]) or _split_on_slash(values["combined"])
        if split is None:
            lead_text = values["combined"]
            warnings.append(warning("combined-column-unlabelled", f"task {task_id}: the combined lead/support cell has no labels; all taken as lead", p["loc"].as_dict()))
        else:
            lead_text, support_text = split
    lead_w = cell_to_agencies(lead_text)
    support_w = cell_to_agencies(support_text)
    if "deadline_start" in values or "deadline_end" in values:
        deadline = _two_column_deadline(values.get("deadline_start", ""), values.get("deadline_end", ""))
    else:
        deadline = text_to_deadline(values.get("deadline"))
    if deadline["text"] and not (deadline["start"] or deadline["end"] or deadline["recurrence"]) \
            and not DATELESS.search(ascii_fold(deadline["text"])):
        warnings.append(warning("deadline-unparsed", f"task {task_id}: deadline {deadline['text']!r} was not understood", p["loc"].as_dict()))
    if not lead_w:
        warnings.append(warning("task-without-lead", f"task {task_id} has no lead agency", p["loc"].as_dict()))
    return {
        "id": task_id,
        "no": p["no"] or None,
        "group": p["group"],
        "title": values.get("title") or None,
        "lead": [canonical_agency(a) for a in lead_w],
        "support": [canonical_agency(a) for a in support_w],
        "lead_as_written": lead_w,
        "support_as_written": support_w,
        "deadline": deadline,
        "output": values.get("output") or None,
        "target": values.get("target") or None,
        "note": _note(values),
        "source": source,
        "section": section,
        "loc": p["loc"].as_dict(),
        "_lines": p["lines"],
    }
