"""One row of a responsibility table -> one task: the row's cells by column field to a task's
title, lead, support, deadline, output and note, with each cell checked against its field
(a lead that does not read as an agency, a deadline that names no time) and warned about.
"""

from __future__ import annotations

from .. import rx
from ..diagnostics import warning
from ..memo import text_cache
from ..vn import ascii_fold, fold_aligned
from ..vocab.agencies import CUT_HEAD
from .agencies import canonical_agency, cell_to_agencies, split_lead_support
from .agency_names import names_a_body
from .dates import find_time_phrase, text_to_deadline
from .labelled import LABELS, labelled_deadline
from .responsibility import read_roles, reads_as_agency
from .table_header import AGENCY, DATELESS, EXTRA, PERIOD, TIME_SPAN, YEAR, _cell_text
from .task_times import find_bracket_time, find_closing_time, find_relative_time

TYPE_CHECKING = False  # typing only: the model's types cost nothing at run time
if TYPE_CHECKING:
    from ..model import PlanWarning

_SLASH = rx.compile(r"(?<!\d)\s*/\s*(?!\d)")


_ROW_NO = rx.compile(r"\d{1,3}(?:\.\d{1,3})*\.?|[a-zđ]\)?")
"""A row number as the number column writes it: "3", "1.2", "a", "b)"."""

def _split_on_slash(text: str) -> tuple[str, str] | None:
    """"Sở A / Sở B, Sở C" in a "chủ trì/ phối hợp" column: lead before the one slash, support after."""
    parts = _SLASH.split(text)
    if len(parts) == 2 and all(part.strip() for part in parts):
        return parts[0].strip(), parts[1].strip()
    return None


_ONE_DAY = rx.compile(r"(?:(?:ngày|từ)\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}", rx.I)


def _two_column_deadline(start_text: str, end_text: str) -> dict:
    """"Bắt đầu | Hoàn thành" columns: the start of the first, the end of the second."""
    first, last = text_to_deadline(start_text), text_to_deadline(end_text)
    text = " - ".join(t for t in (first["text"], last["text"]) if t) or None
    recs = [r for r in (first["recurrence"], last["recurrence"]) if r]
    # a bare date in the start column is the day work starts ("15/3/2025" alone reads as a deadline); a time that is
    # no one day over an empty end ("Dịp 30/4 và 01/5/2026", "Quý II/2026": a cell merged across both) ends there too
    whole = not end_text.strip() and (first["start"] is not None or not _ONE_DAY.fullmatch(start_text.strip()))
    return {"text": text, "start": first["start"] or (None if whole else first["end"]),
            "end": first["end"] if whole else last["end"], "recurrence": recs[0] if recs else None}


def _marked_years(values: dict[str, str]) -> str | None:
    """Year columns under one time header ("Lộ trình" over 2026 | 2027 | …): the years a row marks ("x"),
    written as a span ("2026 - 2027") when they follow each other, else one by one."""
    years = [int(f[len(YEAR):]) for f, v in values.items() if f.startswith(YEAR) and v.strip()]
    if not years:
        return None
    if years == list(range(years[0], years[-1] + 1)):
        return str(years[0]) if len(years) == 1 else f"{years[0]} - {years[-1]}"
    return ", ".join(map(str, years))


def _marked_periods(values: dict[str, str]) -> dict:
    """Quarter or month columns under one time header ("… năm 2026" over Quý I | … | Quý IV): a row runs
    from the start of the first period it marks to the end of the last ("Quý I/2026, Quý II/2026")."""
    marked = [text_to_deadline(f[len(PERIOD):]) for f, v in values.items() if f.startswith(PERIOD) and v.strip()]
    if not marked:
        return text_to_deadline(None)
    return {"text": ", ".join(d["text"] for d in marked), "start": marked[0]["start"], "end": marked[-1]["end"],
            "recurrence": None}


def _note(values: dict[str, str], duties: list[str] | None = None) -> str | None:
    """The Ghi chú cell, then every column the model has no field for, as "Kinh phí: 500 triệu đồng",
    then responsibility cells that said more than names (their duties), as written."""
    parts = [values["note"]] if values.get("note") else []
    parts += duties or []
    parts += [f"{f[len(EXTRA):]}: {v}" for f, v in values.items() if f.startswith(EXTRA) and v]
    return "; ".join(parts) or None


def _agencies(values: dict[str, str], task_id: str, loc, warnings: list[PlanWarning]) -> tuple[list[str], list[str], list[str]]:
    """Lead and support agencies (as written) from the lead, support or combined cells, and the cells
    whose duties were cut off the names."""
    lead: list[str] = []
    support: list[str] = []
    duties: list[str] = []
    for column in ("lead", "support", "combined"):
        text = values.get(column)
        roles = read_roles(text, column)
        if roles is None or text is None:
            continue
        if column == "combined" and not roles.support and split_lead_support(text) is None:
            slash = _split_on_slash(text)
            if slash is not None:
                roles.lead, roles.support = [slash[0]], [slash[1]]
            elif not roles.duty:
                warnings.append(warning("combined-column-unlabelled", f"task {task_id}: the combined lead/support cell has no labels; all taken as lead", loc.as_dict()))
        lead.extend([roles.lines("lead")] if roles.lead else [])
        support.extend([roles.lines("support")] if roles.support else [])
        if roles.duty:
            duties.append(" ".join(text.split()))
    lead_w = cell_to_agencies("\n".join(lead))
    support_w = [a for a in cell_to_agencies("\n".join(support)) if a not in lead_w]
    return lead_w, support_w, duties


_NOTE_SUPPORT = rx.compile(r"(?:(?:cơ\s+quan|đơn\s+vị)\s+)?phối\s+hợp(?:\s*:\s*|\s+với\s+)(?P<rest>\S.*)", rx.I | rx.S)
"""A note that names who cooperates: "Phối hợp: Sở A; Sở B", "Phối hợp với Sở A", "Đơn vị phối hợp: …"."""


def _note_support(note: str, lead: list[str]) -> list[str]:
    """The cooperating agencies a "Ghi chú" cell names ("Phối hợp: Sở A; Sở B", "Phối hợp với Sở A") in a table with
    no support column, when every one reads as an agency's name; none for a remark ("Phối hợp chặt chẽ với …",
    "Nhiệm vụ chuyển tiếp")."""
    found = _NOTE_SUPPORT.fullmatch(" ".join(note.split()).strip(" ."))
    if found is None:
        return []
    names = [a for a in cell_to_agencies(found["rest"]) if a not in lead]
    return names if names and all(reads_as_agency(a) for a in names) else []


_ROLE_MARKS = {"ct": "lead", "chu tri": "lead", "ph": "support", "phoi hop": "support"}
"""The marks a column of one agency holds in a row: "CT" (chủ trì) leads, "PH" (phối hợp) supports."""


def _marked_agencies(values: dict[str, str]) -> tuple[list[str], list[str]]:
    """Lead and support from one column per agency ("Sở A | Sở B | …" under "Cơ quan thực hiện"): the agencies whose
    cell in the row is marked "CT" lead, those marked "PH" support (another mark names no role: no lead, warned)."""
    marks = [(f[len(AGENCY):], ascii_fold(v).lower().strip(" .")) for f, v in values.items() if f.startswith(AGENCY)]
    return ([a for a, m in marks if _ROLE_MARKS.get(m) == "lead"], [a for a, m in marks if _ROLE_MARKS.get(m) == "support"])


_CONNECTOR_END = rx.compile(r"(?:\b(?:và|các|với|của|cùng|hoặc)|[,;:/-])$")
_ROLE_WORDS = rx.compile(r"\b(?:chủ\s+trì|phối\s+hợp)\b", rx.I)
_CUT_HEAD = rx.compile(CUT_HEAD)
"""A name ending in a head word ("Văn phòng Ủy", "…; Trung tâm"): cut, its rest elsewhere."""


@text_cache()  # a plan names its few agencies many times
def lead_is_name(name: str) -> bool:
    """A lead reads as an agency's name: at least 2 words, and at most 18 in each of the names it
    joins with "và" ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội trực
    thuộc"; a dash or other sign is no word), not a date or a number, not opened by a row number or a
    heading's numeral, not cut after a connector or a head word ("Văn phòng Ủy"), no role words left inside,
    and opening as a name does (:func:`agency_names.names_a_body`: "Nhân dân tỉnh", "Chủ tịch", "Các đơn vị" do not)."""
    t = " ".join(name.split()).strip(" .;,:")
    parts = [[w for w in part.split() if rx.search(r"[\p{L}\d]", w)] for part in rx.split(r"\s+và\s+", t)]
    deadline = text_to_deadline(t)
    return (sum(map(len, parts)) >= 2 and max(map(len, parts)) <= 18 and not _CONNECTOR_END.search(t.lower())
            and not _ROLE_WORDS.search(t) and not _CUT_HEAD.search(t)
            and not rx.fullmatch(r"[\d./\- ]+|[IVXLC]+\.?", t) and not (deadline["end"] or deadline["recurrence"])
            and not _NUMBERED.match(t) and names_a_body(t))


_NUMBERED = rx.compile(r"(?:\d{1,3}|[IVXLC]{1,6})[.)]?\s")
"""A row number or a heading's numeral before the words ("1 Tuyên truyền …", "IV. TỔ CHỨC THỰC HIỆN"): cells of
a row read into the lead column, never a name."""


def _check_fit(values: dict[str, str], lead: list[str], task_id: str, loc, warnings: list[PlanWarning]) -> None:
    """Each cell must fit its column: a deadline in the lead column or an agency in the deadline
    column is a shifted row (table-misaligned). (A lead that is no name is warned about for every
    task, by :func:`kehoach.quality.lead_warnings`.)"""
    deadline_text = values.get("deadline") or ""
    lead_text = values.get("lead") or ""
    shifted = (lead_text and not lead and text_to_deadline(lead_text)["end"]) or \
        (deadline_text and reads_as_agency(deadline_text))
    if shifted:
        warnings.append(warning("table-misaligned", f"task {task_id}: its cells do not fit their columns "
                                f"(lead {lead_text[:40]!r}, deadline {deadline_text[:40]!r}); check the row", loc.as_dict()))
        return


_SHIFT_WORDS = 8
"""Words a time may have that a row's support column holds when its cells stood one column off ("Quý II/2026",
"Trước ngày 30/6/2026"); more is a support cell that names a time among other things."""


def _shift_back(values: dict[str, str], task_id: str, loc, warnings: list[PlanWarning]) -> None:
    """A row a scrape lost an empty cell from before its time ("| 2 | Việc hai | Sở A | Quý II/2026 | |" under
    "Chủ trì | Phối hợp | Thời gian"): its support column holds a time and no agency, its deadline column nothing. The
    time goes back to the deadline (table-row-shifted), never read as a cooperating agency."""
    support = " ".join(values.get("support", "").split())
    if not support or values.get("deadline", "").strip() or len(support.split()) > _SHIFT_WORDS or reads_as_agency(support):
        return
    found = text_to_deadline(support)
    if found["end"] or found["recurrence"]:
        values["deadline"], values["support"] = support, ""
        warnings.append(warning("table-row-shifted", f"task {task_id}: its support column holds a time ({support!r}) and "
                                "its deadline column nothing: read as the deadline (a cell the row lost before it?); "
                                "check the row", loc.as_dict()))


def row_to_task(p: dict, fields: dict[int, str], task_id: str, section: str | None, source: str,
                 warnings: list[PlanWarning]) -> dict:
    cells = p["cells"]
    values: dict[str, str] = {}
    for i, f in fields.items():
        if i < len(cells):
            # agency cells keep their paragraphs apart: each line may name another agency
            values[f] = "\n".join(cells[i]) if f in ("lead", "support", "combined") else _cell_text(cells[i])
    if "deadline" in fields.values():
        _shift_back(values, task_id, p["loc"], warnings)
    timed = any(f.startswith(("deadline", YEAR, PERIOD)) for f in fields.values())
    cell_time = None
    if not timed and values.get("combined"):  # "Chủ trì: A; Phối hợp: B; Thời gian: Quý III/2026" in one cell
        values["combined"], cell_time = _time_label_apart(values["combined"])
    lead_w, support_w, duties = _agencies(values, task_id, p["loc"], warnings)
    if any(f.startswith(AGENCY) for f in values):
        lead_w, support_w = _marked_agencies(values)
    if not support_w and values.get("note") and not {"support", "combined"} & set(fields.values()):
        support_w = _note_support(values["note"], lead_w)  # no support column: the note may name who cooperates
    if not lead_w and p.get("group_lead"):
        lead_w = cell_to_agencies(p["group_lead"])  # the agency group row the task stands under
    if "deadline_start" in values or "deadline_end" in values:
        deadline = _two_column_deadline(values.get("deadline_start", ""), values.get("deadline_end", ""))
    elif any(f.startswith(YEAR) for f in values):
        deadline = text_to_deadline(_marked_years(values))
    elif any(f.startswith(PERIOD) for f in values):
        deadline = _marked_periods(values)
    elif values.get(TIME_SPAN) and values.get("deadline") and _fits("deadline", values[TIME_SPAN]) == 1:
        deadline = _two_column_deadline(values["deadline"], values[TIME_SPAN])  # a time header over two columns
    elif not timed:  # no time column: the assignment cell's time label, or the task's own words
        deadline = text_to_deadline(cell_time or task_cell_time(values.get("title") or ""))
    else:
        deadline = text_to_deadline(values.get("deadline"))
    if deadline["text"] and not (deadline["start"] or deadline["end"] or deadline["recurrence"]) \
            and not DATELESS.search(ascii_fold(deadline["text"])) and not find_relative_time(deadline["text"]):
        warnings.append(warning("deadline-unparsed", f"task {task_id}: deadline {deadline['text']!r} was not understood", p["loc"].as_dict()))
    if not values.get("title"):
        warnings.append(warning("task-without-title", f"task {task_id} has no text in a task column; its cells are in the note",
                                p["loc"].as_dict()))
    if not lead_w:
        warnings.append(warning("task-without-lead", f"task {task_id} has no lead agency", p["loc"].as_dict()))
    _check_fit(values, lead_w, task_id, p["loc"], warnings)
    return {
        "id": task_id,
        "no": p["no"] or None,
        "group": values.get("group") or p["group"],  # a column of groups ("Lĩnh vực") merged down its rows
        "title": values.get("title") or None,
        "lead": [canonical_agency(a) for a in lead_w],
        "support": [canonical_agency(a) for a in support_w],
        "lead_as_written": lead_w,
        "support_as_written": support_w,
        "deadline": deadline,
        "output": values.get("output") or None,
        "target": values.get("target") or None,
        "note": _note(values, duties),
        "source": source,
        "section": section,
        "loc": p["loc"].as_dict(),
        "_lines": p["lines"],
    }


_TIME_LABEL = rx.compile(r"(?:^|(?<=[;.\n\s]))(?:[-+•]\s*)?(?P<label>" + dict(LABELS)["deadline"].replace(" ", r"\s+")
                         + r")\s*:\s*(?P<t>[^;\n]+?)\s*(?=[;\n]|\.?\s*$)")
"""A time label in an assignment cell (folded), after a "-" maybe: "Thời gian: Quý III/2026", "Thời hạn hoàn thành: …",
"Thời điểm: …", "Thời hạn dự kiến: …" (the labelled blocks' own deadline labels)."""


def _time_label_apart(text: str) -> tuple[str, str | None]:
    """An assignment cell's agencies and the time its "Thời gian: …" label gives, taken out of it."""
    m = next((m for m in _TIME_LABEL.finditer(fold_aligned(text)) if not text[: m.start("label")].strip()
              or text[: m.start("label")].rstrip()[-1] in ";.\n-+•" or text[m.start("label")].isupper()), None)
    if m is None:  # (a label inside a run-on cell starts with a capital: "… Phòng B Thời gian: …")
        return text, None
    return (text[: m.start()] + text[m.end():]).strip(" ;\n"), text[m.start("t"): m.end("t")]


def task_cell_time(text: str) -> str | None:
    """The time a task cell gives in its own words in a table with no time column: a bracket that holds only
    the time, a time phrase ("…, xong trước tháng 8/2027"), a "Thời gian: …" line, a time that closes
    the sentence on its own; None when it gives none."""
    if not text:
        return None
    return find_bracket_time(text) or find_time_phrase(text) or labelled_deadline(text) or find_closing_time(text)


_MARK = rx.compile(r"[xX×✓✔•+*]{1,2}|\p{L}{0,2}\d{0,4}")
"""What a column of years or quarters holds in a row it marks: "x", "✓", or a short figure or code."""


def _fits(field: str | None, text: str) -> int:
    """1 when a cell's text fits its column's field; -1 for words in a column of marks (a year or a quarter "x")."""
    if field is None or not text:
        return 0
    if field.startswith((YEAR, PERIOD)):
        return 1 if _MARK.fullmatch(text.strip()) else -1
    if field == "no":
        return int(bool(_ROW_NO.fullmatch(text)))
    if field in ("lead", "support"):
        return int(reads_as_agency(text.split(";")[0]))
    if field == "combined":
        roles = read_roles(text, field)
        return int(reads_as_agency(text.split(";")[0]) or bool(roles and roles.support))
    if field.startswith("deadline"):
        d = text_to_deadline(text)
        return int(bool(d["start"] or d["end"] or d["recurrence"]))
    if field == "title":
        return int(len(text.split()) >= 3 and not reads_as_agency(text))
    return 0
