"""The one reader of plan files (YAML/JSON written by `kehoach extract`), for every command.

It reads the YAML kehoach itself writes with a quick reader of its own (:mod:`kehoach.planyaml`),
any other YAML with PyYAML's C loader when present, keeps dates as text (the validator judges them),
and refuses what no plan needs and what would make later steps hang or crash: alias expansion
beyond a small bound (a "billion laughs" file), self-referencing aliases, nesting deeper than
any plan, non-text keys, NaN/Infinity, numbers too long to convert. Every refusal is one
:class:`InvalidPlan` naming the file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import InvalidPlan

MAX_PLAN_BYTES = 200 * 1024 * 1024
"""A plan file larger than this is not one kehoach wrote (the largest plans give a few MB)."""

MAX_DEPTH = 100
"""Nesting deeper than this is no plan (sections nest a handful of levels)."""

MAX_REPEATED = 100_000
"""Aliases may repeat at most this much content in all (counted in values, long strings by 64 characters)."""

_LOADER = None


def _loader():
    """A safe loader (C when available) that leaves dates as strings."""
    global _LOADER
    if _LOADER is None:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        _LOADER = type("PlanLoader", (base,), {"construct_mapping": _construct_mapping})
        _LOADER.yaml_implicit_resolvers = {
            first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in base.yaml_implicit_resolvers.items()}
    return _LOADER


def _construct_mapping(self, node, deep=False):
    """A mapping, refused when a key is given twice (YAML would keep the last value and drop the
    others in silence: a hand-edited plan's first "tasks:" list lost)."""
    import yaml

    seen: set = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue  # "<<: *defaults" may be overridden, as YAML means it
        key = self.construct_object(key_node, deep=deep)
        try:
            twice = key in seen
        except TypeError:  # an unhashable key: the constructor says so
            continue
        if twice:
            raise yaml.constructor.ConstructorError(None, None, f"the key {key!r} is given twice",
                                                    key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(self, node, deep)


def _unique_keys(pairs: list) -> dict:
    """A JSON object, refused when a key is given twice (json keeps the last value in silence)."""
    data = dict(pairs)
    if len(data) != len(pairs):
        twice = next(k for k in data if sum(1 for p, _ in pairs if p == k) > 1)
        raise ValueError(f"the key {twice!r} is given twice")
    return data


MAX_NUMBER = 10 ** 18
"""No plan counts beyond this; larger numbers (or NaN/Infinity) would break exports."""


def _weight(obj) -> int:
    return 1 + len(obj) // 64 if isinstance(obj, str) else 1


def _check_leaf(obj, name: str) -> None:
    if isinstance(obj, (int, float)) and not isinstance(obj, bool) and not (-MAX_NUMBER <= obj <= MAX_NUMBER):
        raise InvalidPlan(f"{name}: a number is too large (or not finite) for a plan")


def check_shape(data: object, name: str) -> None:
    """Refuse alias bombs, cycles, excessive depth and non-text keys (linear in distinct values)."""
    memo: dict[int, tuple[int, int]] = {}  # id -> (expanded weight, depth)
    on_path: set[int] = set()
    long_seen: set[int] = set()  # long strings counted once, however many aliases repeat them
    distinct = 0
    stack: list[tuple[object, bool]] = [(data, False)]
    while stack:
        obj, done = stack.pop()
        if not isinstance(obj, (dict, list)):
            continue
        oid = id(obj)
        kids = list(obj.values()) if isinstance(obj, dict) else obj
        if done:
            on_path.discard(oid)
            size, depth = 1, 1
            for k in kids:
                ks, kd = memo.get(id(k), (_weight(k), 0)) if isinstance(k, (dict, list)) else (_weight(k), 0)
                size += ks
                depth = max(depth, kd + 1)
            memo[oid] = (size, depth)
            if depth > MAX_DEPTH:
                raise InvalidPlan(f"{name}: nested more than {MAX_DEPTH} levels deep; not a plan file")
            continue
        if oid in memo:
            continue
        if oid in on_path:
            raise InvalidPlan(f"{name}: an alias refers to itself; not a plan file")
        if len(on_path) > MAX_DEPTH:
            raise InvalidPlan(f"{name}: nested more than {MAX_DEPTH} levels deep; not a plan file")
        if isinstance(obj, dict) and not all(isinstance(k, str) for k in obj):
            raise InvalidPlan(f"{name}: a mapping key is not text; not a plan file")
        for k in kids:
            if not isinstance(k, (dict, list)):
                _check_leaf(k, name)
                distinct += _weight(k) if not isinstance(k, str) or len(k) < 64 or id(k) not in long_seen else 1
                if isinstance(k, str) and len(k) >= 64:
                    long_seen.add(id(k))
        distinct += 1
        on_path.add(oid)
        stack.append((obj, True))
        stack.extend((k, False) for k in kids if isinstance(k, (dict, list)) and id(k) not in memo)
    total = memo.get(id(data), (1, 0))[0]
    if total - distinct > MAX_REPEATED:
        raise InvalidPlan(f"{name}: aliases repeat more than {MAX_REPEATED} values (an alias bomb?); "
                          f"kehoach writes plan files without aliases")


def check_tree(data: object, name: str) -> bool:
    """:func:`check_shape` in one quick pass for data that shares no part (JSON always, YAML without
    aliases): depth, keys and numbers. Returns False, having looked no further, at the first part
    met twice (an alias): then :func:`check_shape` must decide."""
    seen: set[int] = set()
    long_seen: set[int] = set()  # long strings: an alias of one weighs in check_shape's count
    stack: list[tuple[object, int]] = [(data, 1)] if isinstance(data, (dict, list)) else []
    while stack:
        obj, depth = stack.pop()
        if id(obj) in seen:
            return False
        seen.add(id(obj))
        if depth > MAX_DEPTH:
            raise InvalidPlan(f"{name}: nested more than {MAX_DEPTH} levels deep; not a plan file")
        if isinstance(obj, dict) and not all(isinstance(k, str) for k in obj):
            raise InvalidPlan(f"{name}: a mapping key is not text; not a plan file")
        for k in obj.values() if isinstance(obj, dict) else obj if isinstance(obj, list) else ():
            kind = type(k)
            if kind is dict or kind is list:
                stack.append((k, depth + 1))
            elif kind is str:
                if len(k) >= 64:
                    if id(k) in long_seen:
                        return False
                    long_seen.add(id(k))
            else:
                _check_leaf(k, name)
    return True


_BLOCK_NESTING = None


def _nesting_bound(text: str) -> int:
    """An upper bound on the YAML text's nesting depth, cheap to compute: indentation plus compact
    "- "/"? " markers on one line (block nesting), plus non-empty flow brackets."""
    global _BLOCK_NESTING
    if _BLOCK_NESTING is None:
        import re

        _BLOCK_NESTING = re.compile(r"(?m)^[ \t]*(?:[-?:][ \t]+)*")
    block = max((len(m) for m in _BLOCK_NESTING.findall(text)), default=0)
    flow = text.count("[") + text.count("{") - text.count("[]") - text.count("{}")
    return 2 * block + flow + 3


def _yaml_depth_ok(text: str, loader) -> bool:
    """Whether the YAML text nests at most MAX_DEPTH deep, read from parser events (libyaml's
    parser is not recursive; its composer is, and too deep a text would crash it)."""
    import yaml

    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return True


def _load_yaml(text: str, name: str) -> object:
    from .planyaml import read_plan_yaml

    data = read_plan_yaml(text)  # the YAML kehoach writes, read quickly; None for any other
    if data is not None:
        return data
    import yaml

    loader = _loader()
    try:
        if _nesting_bound(text) > 5000 and not _yaml_depth_ok(text, loader):
            raise InvalidPlan(f"{name}: nested more than {MAX_DEPTH} levels deep; not a plan file")
        return yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        why = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise InvalidPlan(f"{name}: invalid YAML{where}: {why}") from e


def _no_constant(value: str):
    raise ValueError(f"{value} is not a number a plan can hold")


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\U0000[dD][89a-fA-F]")
"""An escape that may spell half of a UTF-16 pair ("\\ud800"): only then is the text looked at whole."""


def _check_text(data: object, name: str) -> None:
    """Refuse a plan holding half a UTF-16 pair: no file or sheet can be written with it."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as e:
        raise InvalidPlan(f"{name}: holds a lone UTF-16 surrogate ({e.object[e.start:e.end]!a}), which is not "
                          "text; not a plan file kehoach wrote") from e


def parse_plan_text(text: str, name: str, as_json: bool) -> object:
    """The data of a plan file's text, checked by :func:`check_shape`."""
    try:
        if as_json:
            data = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_unique_keys)
        else:
            data = _load_yaml(text, name)
    except json.JSONDecodeError as e:
        raise InvalidPlan(f"{name}: invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from e
    except RecursionError as e:
        raise InvalidPlan(f"{name}: nested too deeply; not a plan file") from e
    except (ValueError, TypeError, OverflowError) as e:  # 5,000-digit numbers, !!timestamp 2024-02-30
        why = "a number has too many digits" if "digits" in str(e) else str(e).splitlines()[0][:200]
        raise InvalidPlan(f"{name}: invalid {'JSON' if as_json else 'YAML'}: {why}") from e
    if not isinstance(data, (dict, list)):
        _check_leaf(data, name)
    if _SURROGATE_ESCAPE.search(text):
        _check_text(data, name)
    if not check_tree(data, name):  # a part met twice (a YAML alias): the full check
        check_shape(data, name)
    return data


def load_plan(path: str) -> object:
    """Load a plan file; JSON when the suffix says so, else YAML (which also reads JSON)."""
    from .fileio import read_input

    try:
        text = read_input(str(path), MAX_PLAN_BYTES, InvalidPlan).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InvalidPlan(f"{path}: not UTF-8 text; a plan file is YAML or JSON written by kehoach extract") from e
    return parse_plan_text(text, str(path), Path(path).suffix.lower() == ".json")


def read_plan(path: str, allow_missing_leads: bool = True) -> dict:
    """A plan file ready for any command: loaded by :func:`load_plan`, then validated like
    `kehoach validate` does. Raises :class:`InvalidPlan` at the first hard problem (a task
    without a lead is allowed unless ``allow_missing_leads`` is False)."""
    from .validate import check_plan

    plan = load_plan(path)
    if not isinstance(plan, dict) or "schema_version" not in plan:
        raise InvalidPlan(f"{path}: not a plan file (no schema_version); give a document or the output of "
                          f"`kehoach extract`")
    problems = check_plan(plan)
    hard = [p for p in problems if not (allow_missing_leads and "has no lead agency" in p[1])]
    if hard:
        where, message = hard[0]
        raise InvalidPlan(f"{path}: invalid plan at {where}: {message} (see `kehoach validate {path}`)")
    return plan


PLAN_SUFFIXES = (".yaml", ".yml", ".json")


def read_plan_or_document(path: str) -> dict:
    """A validated plan from a plan file (by its suffix), or the plan extracted from a document."""
    if path != "-" and Path(path).suffix.lower() in PLAN_SUFFIXES:
        return read_plan(path)
    from .pipeline import extract_file

    return extract_file(path)
