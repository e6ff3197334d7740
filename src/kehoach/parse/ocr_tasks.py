"""What OCR's unsure words tell the tasks: a task whose field holds a word Tesseract was unsure of is
warned itself, so that a misread deadline or agency is never silent on the task.

The lines' warnings (``ocr``, made by :mod:`.ocr` from :mod:`.ocr_unsure`) name the words and, for a
table row, the row's number; here they are matched to the tasks built from those lines. Imported by
the pipeline for every plan, so it imports nothing heavy.
"""

from __future__ import annotations

import unicodedata

from .. import rx

TYPE_CHECKING = False  # typing only
if TYPE_CHECKING:
    from ..model import PlanWarning

_TOKEN = rx.compile(r"[\p{L}\p{M}\d]+")


def unsure_message(named: list[str], row: str | None = None) -> str:
    """The message of a line's warning naming the words Tesseract was unsure of ("'mỡ' (61%)"), and
    the number of the table row they stand in."""
    return f"OCR unsure of {', '.join(named)}{f' in row {row}' if row else ''}: check this line against the scan"


_NAMED = rx.compile(r"'(?P<word>[^']+)' \((?P<conf>\d+)%\)")
_ROW = rx.compile(r" in row (?P<row>\S+): check this line")
_FIELDS = (("lead", "lead"), ("support", "cooperating agencies"), ("deadline", "deadline"), ("output", "output"))


def unsure_in_tasks(tasks: list[dict], warnings: list[PlanWarning]) -> list[PlanWarning]:
    """A warning on each task (``task ID: …``, at its loc) whose lead, cooperating agencies, deadline or
    output holds a word Tesseract was unsure of on the task's row or paragraph: a wrong deadline or
    agency read from a scan is then never silent on the task. A table row's words belong to the
    tasks of its number at its loc; a body task's to the tasks whose paragraph starts last above
    them on their page."""
    from ..diagnostics import warning

    found: dict[tuple[str, str], tuple[dict, str, list[str]]] = {}  # (task, field) -> task, field's text, words
    for w in warnings:
        loc = w.get("loc") or {}
        if w["code"] != "ocr" or not w["message"].startswith("OCR unsure of ") or loc.get("line") is None:
            continue
        row = _ROW.search(w["message"])
        for m in _NAMED.finditer(w["message"]):
            for task, name, value in _holding(tasks, loc, row.group("row") if row else None, m.group("word")):
                named = found.setdefault((task["id"], name), (task, value, []))[2]
                if m.group(0) not in named:
                    named.append(m.group(0))
    return [warning("ocr", f"task {task['id']}: OCR unsure of {', '.join(named)} in its {name} '{value[:60]}': "
                    "check it against the scan", task.get("loc")) for (_, name), (task, value, named) in found.items()]


def _holding(tasks: list[dict], loc, row: str | None, word: str) -> list[tuple[dict, str, str]]:
    """(task, field's name, field's text) for each task the words at ``loc`` (in table row ``row``)
    belong to that holds ``word`` in one of its fields."""
    def at(task: dict) -> dict:
        return task.get("loc") or {}

    on_page = [t for t in tasks if at(t).get("page") == loc.get("page") and at(t).get("line") is not None]
    rows = [t for t in on_page if t.get("source") == "appendix" and at(t)["line"] == loc["line"]
            and (row is None or (t.get("no") or "").rstrip(".") == row.rstrip("."))]
    above = [t for t in on_page if t.get("source") != "appendix" and at(t)["line"] <= loc["line"]]
    start = max((at(t)["line"] for t in above), default=None)
    found = []
    for task in rows or [t for t in above if at(t)["line"] == start]:
        for key, name in _FIELDS:
            value = task.get(key)
            text = (value or {}).get("text") if key == "deadline" else "; ".join(value) if isinstance(value, list) else value
            if text and word in _TOKEN.findall(unicodedata.normalize("NFC", text)):
                found.append((task, name, text))
                break
    return found
