"""Validate plan files (YAML/JSON) against the schema and the model's semantic rules."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources

from .planfile import MAX_PLAN_BYTES, load_plan, read_plan  # noqa: F401 (the one plan-file reader, re-exported)

_SCHEMA: dict | None = None


def load_schema() -> dict:
    """The published JSON Schema (schemas/plan.schema.json), as shipped inside the package."""
    global _SCHEMA
    if _SCHEMA is None:
        text = resources.files("kehoach").joinpath("schemas/plan.schema.json").read_text(encoding="utf-8")
        _SCHEMA = json.loads(text)
    return _SCHEMA


def schema_text() -> str:
    return resources.files("kehoach").joinpath("schemas/plan.schema.json").read_text(encoding="utf-8")


def _path(parts) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(root)"


_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _real_date(value) -> bool:
    """A string of the date's shape naming a real calendar day."""
    if not isinstance(value, str) or not _DATE_SHAPE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _iso(value) -> bool:
    """False only for a value of the date's shape that is no real date (the schema reports other shapes)."""
    return _real_date(value) or not (isinstance(value, str) and _DATE_SHAPE.fullmatch(value))


def _warned_without_lead(plan: dict) -> set[str]:
    """Ids of the tasks the extraction itself warned have no lead (``task-without-lead``: the document names
    none); such a task is reported, not wrong, so it is valid."""
    out = set()
    for w in plan.get("warnings") or []:
        m = isinstance(w, dict) and w.get("code") == "task-without-lead" and isinstance(w.get("message"), str) \
            and re.match(r"task (\S+) has no lead agency$", w["message"])
        if m:
            out.add(m.group(1))
    return out


_FAST: list = []
_TOO_DEEP = ("(root)", "nested too deeply to check")


def _fast_validator():
    """The schema compiled to Python code by fastjsonschema (made once per process), or None.

    It only answers "valid": it is about ten times quicker than jsonschema on a big plan, and
    stricter in places (an integer written 1.0, a "$" before a final line break), so a plan it
    refuses goes to jsonschema, which gives the messages and has the last word."""
    if not _FAST:
        try:
            import fastjsonschema

            schema = json.loads(schema_text())  # a copy: compiling rewrites its references
            _FAST.append((fastjsonschema.compile(schema), fastjsonschema.JsonSchemaException))
        except Exception:  # noqa: BLE001 (not installed, or a schema it cannot compile: jsonschema alone)
            _FAST.append(None)
    return _FAST[0]


def schema_problems(plan: object) -> list[tuple[str, str]]:
    """The schema's complaints as (path, message), in path order; [] for a plan the schema accepts."""
    fast = _fast_validator()
    if fast is not None:
        validate, refused = fast
        try:
            validate(plan)
            return []
        except (refused, RecursionError, ValueError, TypeError):
            pass
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema())
    try:
        return [(_path(e.absolute_path), e.message) for e in
                sorted(validator.iter_errors(plan), key=lambda e: list(map(str, e.absolute_path)))]
    except RecursionError:
        return [_TOO_DEEP]


def check_plan(plan: object) -> list[tuple[str, str]]:
    """Every problem as (path, message); an empty list means the plan is valid."""
    problems = schema_problems(plan)
    if _TOO_DEEP in problems:
        return problems
    if not isinstance(plan, dict):
        return problems or [("(root)", "a plan must be a mapping")]
    problems[:0] = unknown_keys(plan)  # first: a misspelt key is often why a required one is missing
    if problems and any(not isinstance(plan.get(k), (list, type(None))) for k in ("sections", "tasks", "targets")):
        return problems  # the shape is wrong: the checks below would only repeat it
    doc: dict = plan["document"] if isinstance(plan.get("document"), dict) else {}
    if not isinstance(doc.get("bases"), (list, type(None))):
        return problems
    for check in (_document_dates, _unique_ids, _task_fields, _target_ranges):
        problems.extend(check(plan))
    return problems


OWN_KEY_PREFIX = "x-"
"""A key of the user's own in a plan file starts with this; any other key the model does not name
is a problem (a typo, "tasks_" or "deadlne", would otherwise drop what it holds in silence)."""


def unknown_keys(plan: dict) -> list[tuple[str, str]]:
    """Keys the plan model (the schema's ``properties``) does not name, at any depth, in document
    order, each with the nearest key it may have meant."""
    problems: list[tuple[str, str]] = []
    stack: list = [(plan, _shapes(), ())]  # a value to look at, or a problem found in its place in the order
    while stack:
        top = stack.pop()
        if len(top) == 2:
            problems.append(top)
            continue
        value, (known, items), parts = top
        if isinstance(value, dict) and known is not None:
            if value.keys() <= known.keys():  # the usual case: only the parts that hold objects to look into
                stack.extend((value[k], known[k], (*parts, k)) for k in reversed(_holders(known)) if k in value)
                continue
            for key in reversed(list(value)):
                if key in known:
                    if known[key] is not None:
                        stack.append((value[key], known[key], (*parts, key)))
                elif not (isinstance(key, str) and key.startswith(OWN_KEY_PREFIX)):
                    stack.append((_path((*parts, str(key))), _unknown_key_message(str(key), known)))
        elif isinstance(value, list) and items is not None:
            stack.extend((item, items, (*parts, i)) for i, item in reversed(list(enumerate(value))))
    return problems


_SHAPES: list = []
_HOLDERS: dict[int, tuple] = {}


def _holders(known: dict) -> tuple:
    """The keys of ``known`` whose values may hold objects, in the model's order."""
    got = _HOLDERS.get(id(known))
    if got is None:
        got = _HOLDERS[id(known)] = tuple(k for k, v in known.items() if v is not None)
    return got


def _shapes():
    """The schema as (keys, items) pairs: for an object, each key's own pair, or None for a value
    that holds no object; for a list, its items' pair. Made once; a plan of 50,000 tasks is then
    walked without looking at any of its texts."""
    if not _SHAPES:
        schema = load_schema()
        made: dict[int, list | None] = {}

        def shape(node: dict):
            while "$ref" in node:
                node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
            if id(node) in made:
                return made[id(node)]
            pair: list = [None, None]
            made[id(node)] = pair  # before the parts: a section holds sections
            for branch in [node, *node.get("anyOf", ())]:
                if branch is not node:
                    branch = shape(branch) or (None, None)
                    pair[0], pair[1] = pair[0] or branch[0], pair[1] or branch[1]
                    continue
                if "properties" in node:
                    pair[0] = {k: shape(v) for k, v in node["properties"].items()}
                if isinstance(node.get("items"), dict):
                    pair[1] = shape(node["items"])
            if pair[0] is None and pair[1] is None:
                made[id(node)] = None  # a text, number or list of texts: never looked into
            return made[id(node)]

        _SHAPES.append(shape(schema))
    return _SHAPES[0]


def _unknown_key_message(key: str, known) -> str:
    import difflib

    near = difflib.get_close_matches(key, list(known), n=1, cutoff=0.7)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    return f"unknown key {key!r}{hint}; keys of your own must start with {OWN_KEY_PREFIX!r}"


def _document_dates(plan: dict) -> list[tuple[str, str]]:
    doc: dict = plan["document"] if isinstance(plan.get("document"), dict) else {}
    problems = []
    if not _iso(doc.get("date")):
        problems.append(("document.date", f"{doc.get('date')!r} is not a real calendar date"))
    for i, b in enumerate(doc.get("bases") or []):
        if isinstance(b, dict) and not _iso(b.get("date")):
            problems.append((f"document.bases[{i}].date", f"{b.get('date')!r} is not a real calendar date"))
    period = doc.get("period")
    if isinstance(period, dict):  # its order is the document's own ("giai đoạn 2025-2021" is read as written)
        problems.extend((f"document.period.{k}", f"{period.get(k)!r} is not a real calendar date")
                        for k in ("start", "end") if not _iso(period.get(k)))
    return problems


def _unique_ids(plan: dict) -> list[tuple[str, str]]:
    """Section ids unique across the tree; task and target ids unique in their lists."""
    problems: list[tuple[str, str]] = []
    seen: dict[str, str] = {}

    def walk(sections, where):
        for i, s in enumerate(sections or []):
            if not isinstance(s, dict):
                continue
            here = f"{where}[{i}]"
            sid = s.get("id")
            if isinstance(sid, str):
                if sid in seen:
                    problems.append((f"{here}.id", f"section id {sid!r} is used twice (also at {seen[sid]})"))
                seen[sid] = here
            if isinstance(s.get("children"), list):
                walk(s.get("children"), f"{here}.children")

    walk(plan.get("sections"), "sections")
    for key in ("tasks", "targets"):
        ids: dict[str, int] = {}
        for i, item in enumerate(plan.get(key) or []):
            if not isinstance(item, dict):
                continue
            iid = item.get("id")
            if isinstance(iid, str):
                if iid in ids:
                    problems.append((f"{key}[{i}].id", f"id {iid!r} is used twice (also at {key}[{ids[iid]}])"))
                ids[iid] = i
    return problems


def _task_fields(plan: dict) -> list[tuple[str, str]]:
    """A lead on every task (unless a warning says why not) and real, ordered deadline dates."""
    problems = []
    warned = _warned_without_lead(plan)
    for i, t in enumerate(plan.get("tasks") or []):
        if not isinstance(t, dict):
            continue
        if not t.get("lead") and t.get("id") not in warned:
            problems.append((f"tasks[{i}].lead", f"task {t.get('id')!r} has no lead agency"))
        d = t.get("deadline")
        if isinstance(d, dict):
            start, end = d.get("start"), d.get("end")
            for k in ("start", "end"):
                if not _iso(d.get(k)):
                    problems.append((f"tasks[{i}].deadline.{k}", f"{d.get(k)!r} is not a real calendar date"))
            if isinstance(start, str) and isinstance(end, str) and _real_date(start) and _real_date(end) and start > end:
                problems.append((f"tasks[{i}].deadline", f"start {start} is after end {end}"))
    return problems


def _target_ranges(plan: dict) -> list[tuple[str, str]]:
    problems = []
    for i, t in enumerate(plan.get("targets") or []):
        if isinstance(t, dict) and isinstance(t.get("value"), (int, float)) and isinstance(t.get("value_max"), (int, float)):
            if t["value_max"] < t["value"]:
                problems.append((f"targets[{i}].value_max", f"value_max {t['value_max']} is below value {t['value']}"))
    return problems
