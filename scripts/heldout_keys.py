"""Answer keys of the held-out set (tests/heldout/keys/*.yaml): loading and shape checks.

A key names its document (`file`), the header fields (`document`), optionally the number of
targets (`targets`: a count, or [fewest, most]) and the tasks (`tasks`: null when not scored).
Each task: `no`, `title` (its first words), `lead` and `support` ("A; B" with "|" between
acceptable spellings of one agency, or a list), `deadline` (null = none written; {end, recurrence};
absent = not scored), `source` (appendix or body), `also` (titles of items an extractor may list as
separate tasks) and `optional` (a paragraph a reader may or may not count as a task).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "heldout"
RECURRENCES = {"continuous", "annual", "semiannual", "quarterly", "monthly", "ad_hoc"}


def load_keys(only: list[str] | None = None) -> list[dict]:
    keys = []
    for path in sorted((HELDOUT / "keys").glob("*.yaml")):
        if only and not any(path.stem.startswith(o) for o in only):
            continue
        key = yaml.safe_load(path.read_text(encoding="utf-8"))
        key = _dates_as_text(key)
        key["_name"] = path.stem
        for task in key.get("tasks") or []:
            if False in task:  # YAML 1.1 reads an unquoted `no:` key as false
                task["no"] = task.pop(False)
        keys.append(key)
    return keys


def _dates_as_text(value):
    """YAML reads 2026-03-31 as a date: keep keys as plain text, as the plan model's dates are."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def key_problems(key: dict) -> list[str]:
    """What is wrong with the shape of one answer key (empty when it is well-formed)."""
    out = []
    if not isinstance(key.get("file"), str) or not (HELDOUT / key["file"]).is_file():
        out.append(f"file {key.get('file')!r} is not a document in tests/heldout/")
    doc = key.get("document")
    if not isinstance(doc, dict) or not isinstance(doc.get("is_plan"), bool):
        return out + ["document.is_plan must be true or false"]
    for field in ("type", "number", "place", "issuer", "title"):
        if doc.get(field) is not None and not isinstance(doc[field], str):
            out.append(f"document.{field} must be a string or null")
    if doc.get("date") is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(doc["date"])):
        out.append("document.date must be YYYY-MM-DD or null")
    signer = doc.get("signer")
    if signer is not None and (not isinstance(signer, dict) or set(signer) - {"name", "title", "authority"}):
        out.append("document.signer must be {name, title, authority}")
    t = key.get("targets")
    if t is not None and not (isinstance(t, int) or (isinstance(t, list) and len(t) == 2
                                                      and all(isinstance(n, int) for n in t))):
        out.append("targets must be a count or [fewest, most] when a sentence holds a second figure")
    tasks = key.get("tasks")
    if tasks is not None and not isinstance(tasks, list):
        out.append("tasks must be a list (or null: not scored)")
    for i, task in enumerate(tasks or []):
        out += [f"tasks[{i}]: {p}" for p in task_problems(task)]
    return out


def task_problems(task: dict) -> list[str]:
    out = []
    if not isinstance(task.get("title"), str) or len(task["title"].split()) < 3:
        out.append("title must be the task's first words (at least 3)")
    for field in ("lead", "support"):
        value = task.get(field)
        if value is not None and not isinstance(value, str) and not (
                isinstance(value, list) and all(isinstance(a, (str, list)) for a in value)):
            out.append(f"{field} must be a list of agency names (an entry may list alternatives)")
    if task.get("source", "appendix") not in ("appendix", "body"):
        out.append("source must be appendix or body")
    if "deadline" in task and task["deadline"] is not None:
        dl = task["deadline"]
        if not isinstance(dl, dict) or not dl or set(dl) - {"end", "recurrence"}:
            out.append("deadline must be null or {end, recurrence}")
        elif dl.get("end") is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(dl["end"])):
            out.append("deadline.end must be YYYY-MM-DD")
        elif dl.get("recurrence") is not None and dl["recurrence"] not in RECURRENCES:
            out.append(f"deadline.recurrence must be one of {sorted(RECURRENCES)}")
    return out
