"""The plan as YAML or JSON: UTF-8, model order, document order, deterministic.

YAML is written by :func:`to_yaml` without PyYAML for the plans kehoach makes (mappings, lists,
strings, numbers, booleans, null): importing PyYAML and running its representer cost more than a
whole extraction of a short plan. The text is the same, byte for byte, as PyYAML's block style
gives with the options of :func:`_pyyaml` (a test compares them over the goldens and generated
strings). A value this writer is not sure how PyYAML would spell (a control character, a line
break, a number-like string it does not know, a very long line) hands the whole plan to PyYAML.
A part of the plan that appears twice (one location object shared by two entries) is written out
twice, never as a YAML anchor and alias: a plan file is a tree.
"""

from __future__ import annotations

from functools import lru_cache

from .. import rx

_WIDTH = 100000  # PyYAML's line width below; longer scalars would be folded
_NUMERIC_CHARS = frozenset("0123456789_.:+-eExXoObBaAcCdDfFiInNtTzZ ")
"""Characters of YAML 1.1 int, float and timestamp scalars: a plain scalar holding another one
cannot read as a number or a date."""
_WORDS = frozenset(("yes", "no", "true", "false", "on", "off", "null", "~", "y", "n", "<<", "=", ""))
"""Case-folded scalars that may read as a boolean, null, merge or value key."""


class _Unsure(Exception):
    """A value whose YAML spelling is left to PyYAML."""


def to_json(plan: dict) -> str:
    import json  # here: the YAML a plain extract writes does not need it

    return json.dumps(plan, ensure_ascii=False, indent=2) + "\n"


def to_yaml(plan: dict) -> str:
    out: list[str] = []
    try:
        if not isinstance(plan, dict) or not plan:
            raise _Unsure
        _mapping(plan, 0, out)
    except _Unsure:
        return _pyyaml(plan)
    out.append("\n")
    return "".join(out)


def _pyyaml(plan) -> str:
    import yaml

    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    dumper = type("TreeDumper", (base,), {"ignore_aliases": lambda self, data: True})
    return yaml.dump(plan, Dumper=dumper, allow_unicode=True, sort_keys=False, width=_WIDTH,
                     default_flow_style=False)


def _mapping(data: dict, indent: int, out: list[str]) -> None:
    """Block mapping; its first key goes where ``out`` stands (after "- " in a list)."""
    pad = "\n" + " " * indent
    first = True
    for key, value in data.items():
        if not first:
            out.append(pad)
        first = False
        if type(key) is not str or len(key) > 100:
            raise _Unsure
        out.append(_string(key))
        out.append(":")
        if type(value) is dict and value:
            out.append(pad + "  ")
            _mapping(value, indent + 2, out)
        elif type(value) is list and value:
            out.append(pad)  # a list under a key is not indented (PyYAML's style)
            _sequence(value, indent, out)
        else:
            out.append(" ")
            out.append(_scalar(value, indent))


def _sequence(data: list, indent: int, out: list[str]) -> None:
    pad = "\n" + " " * indent
    for k, item in enumerate(data):
        if k:
            out.append(pad)
        out.append("- ")
        if type(item) is dict and item:
            _mapping(item, indent + 2, out)
        elif type(item) is list and item:
            _sequence(item, indent + 2, out)
        else:
            out.append(_scalar(item, indent))


def _scalar(value, indent: int) -> str:
    kind = type(value)
    if kind is str:
        if len(value) + indent > _WIDTH // 2:
            raise _Unsure
        return _string(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is float:
        return _float(value)
    if kind is dict and not value:
        return "{}"
    if kind is list and not value:
        return "[]"
    raise _Unsure


def _float(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        raise _Unsure
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    return text


_UNPRINTABLE = rx.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd]|[\ufeff\u2028\u2029]")
"""A character YAML does not write as it is (it escapes it, or breaks the line there)."""


def unprintable(text: str) -> bool:
    """Whether ``text`` holds a character YAML does not write as it is."""
    return not (text.isascii() and text.isprintable()) and bool(_UNPRINTABLE.search(text))


@lru_cache(maxsize=4096)  # keys and many values recur
def _string(text: str) -> str:
    """Plain when YAML reads it back as this string, else single-quoted."""
    if unprintable(text):
        raise _Unsure  # double-quoted with escapes, or a line break: PyYAML's to write
    if _plain_ok(text) and not _other_type(text):
        return text
    return "'" + text.replace("'", "''") + "'"


_FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")


def _plain_ok(text: str) -> bool:
    """Whether a block plain scalar may hold ``text``: no indicator where YAML would read one, no
    space at either end."""
    if not text or text[0] == " " or text[-1] == " ":
        return False
    first = text[0]
    if first in _FIRST_INDICATORS:
        return False
    if first in "?:-" and (len(text) == 1 or text[1] == " ") or text.startswith(("---", "...")):
        return False
    if text.endswith(":") or ": " in text or " #" in text:
        return False
    return True


def _other_type(text: str) -> bool:
    """Whether PyYAML's implicit resolver would read plain ``text`` as something else than a string."""
    if text.lower() in _WORDS:
        if text in _EXACT_WORDS:
            return True
        raise _Unsure  # an odd capitalisation: PyYAML's list decides
    if text[0] not in "0123456789+-." or not _NUMERIC_CHARS.issuperset(text):
        return False
    return bool(_int_float_time().fullmatch(text))


_EXACT_WORDS = frozenset(w for word in ("yes", "no", "true", "false", "on", "off", "null")
                         for w in (word, word.capitalize(), word.upper())) | {"~", "<<", "=", ""}
_NUMBER: list = []


def _int_float_time():
    """YAML 1.1 int, float and timestamp, as PyYAML's resolver reads them (compiled when first needed)."""
    if not _NUMBER:
        _NUMBER.append(rx.compile(
            r"""[-+]?(?:0b[0-1_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)
            |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
            |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
            |[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
            |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[\ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]
             (?:\.[0-9]*)?(?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?""", rx.X))
    return _NUMBER[0]
