"""A quick reader for the YAML kehoach writes (:func:`kehoach.export.plain.to_yaml`), in pure Python.

PyYAML builds a plan's data in Python even with its C parser: about 0.9 s for a 2,000-task plan.
The YAML kehoach writes uses a small, fixed part of the language: block mappings whose keys are
plain words, lists under a key at the key's own indentation ("- " items), nested lists as
"- - ", and one scalar per line (plain or single-quoted text, integers, floats, true, false,
null, {} and []). :func:`read_plan_yaml` reads exactly that part and returns None for anything
else (a comment, an anchor, a tag, a double-quoted or multi-line scalar, a flow collection, a
plain scalar YAML might read as another type, odd indentation): the caller then reads the file
with PyYAML. A test checks that whatever it reads equals PyYAML's reading.
"""

from __future__ import annotations

from . import rx
from .export.plain import _int_float_time, _plain_ok, unprintable

_KEY = rx.compile(r"(?:([A-Za-z_][A-Za-z0-9_]*)|'([A-Za-z_][A-Za-z0-9_]*)'):(?: (.*))?")
"""A key line: a plain or quoted word (a plan's keys; "'no'" is quoted as YAML 1.1 reads "no" as
false), then its value or nothing (a block follows)."""
_INT = rx.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = rx.compile(r"-?[0-9]+\.[0-9]+(?:e[-+][0-9]+)?")
_NUMERIC_START = frozenset("0123456789+-.")
_CONSTANTS: dict[str, object] = {"true": True, "false": False, "null": None, "{}": {}, "[]": []}
MAX_NESTING = 100
"""Deeper than this the reader leaves the file to PyYAML (and the plan-file checks refuse it)."""


class _NotOurs(Exception):
    """The text leaves the part of YAML this reader knows."""


def read_plan_yaml(text: str) -> object | None:
    """The data of ``text`` when it is YAML of the kind kehoach writes, else None."""
    if "\t" in text or "\r" in text or not text.endswith("\n"):
        return None
    lines = text[:-1].split("\n")
    if not lines or not lines[0] or lines[0][0] == " ":
        return None
    try:
        reader = _Reader(lines)
        data = reader.node(0, 0)
        if reader.pos != len(lines):
            return None
    except _NotOurs:
        return None
    return data


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.indents = [len(line) - len(line.lstrip(" ")) for line in lines]
        self.texts = [line.lstrip(" ") for line in lines]
        self.pos = 0

    def node(self, indent: int, depth: int) -> object:
        """The mapping or list whose first line is the current one, at ``indent``."""
        if depth > MAX_NESTING or self.indents[self.pos] != indent:
            raise _NotOurs
        text = self.texts[self.pos]
        return self.sequence(indent, depth) if text.startswith("- ") else self.mapping(indent, depth)

    def sequence(self, indent: int, depth: int) -> list:
        out: list = []
        indents, texts, n = self.indents, self.texts, len(self.texts)
        while self.pos < n and indents[self.pos] == indent and texts[self.pos].startswith("- "):
            item = texts[self.pos][2:]
            if item.startswith("- ") or _KEY.fullmatch(item):
                indents[self.pos], texts[self.pos] = indent + 2, item  # the item's node starts after "- "
                out.append(self.node(indent + 2, depth + 1))
            else:
                out.append(_scalar(item))
                self.pos += 1
        if self.pos < n and indents[self.pos] > indent:
            raise _NotOurs
        return out

    def mapping(self, indent: int, depth: int) -> dict:
        out: dict = {}
        indents, texts, n = self.indents, self.texts, len(self.texts)
        while self.pos < n and indents[self.pos] == indent:
            m = _KEY.fullmatch(texts[self.pos])
            if not m:
                raise _NotOurs
            key, rest = m.group(1) or m.group(2), m.group(3)
            if m.group(1) and key.lower() in _OTHER_WORDS:
                raise _NotOurs  # "on:", "no:": YAML 1.1 reads a boolean key
            if key in out:
                raise _NotOurs  # a key given twice: PyYAML's reader says where
            self.pos += 1
            if rest is not None:
                out[key] = _scalar(rest)
            elif self.pos < n and indents[self.pos] == indent + 2 and not texts[self.pos].startswith("- "):
                out[key] = self.mapping(indent + 2, depth + 1)
            elif self.pos < n and indents[self.pos] == indent and texts[self.pos].startswith("- "):
                out[key] = self.sequence(indent, depth + 1)  # a list under a key stays at the key's indentation
            else:
                raise _NotOurs  # a key with no value (null), or a block indented otherwise
        if self.pos < n and indents[self.pos] > indent:
            raise _NotOurs
        return out


def _scalar(text: str) -> object:
    """One scalar as the writer spells it; :class:`_NotOurs` for any other spelling."""
    if text[:1] == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            raise _NotOurs
        _check_printable(inner)
        return inner.replace("''", "'")
    if text in _CONSTANTS:
        value = _CONSTANTS[text]
        return type(value)() if isinstance(value, (dict, list)) else value
    if not _plain_ok(text):
        raise _NotOurs
    _check_printable(text)
    if text[0] in _NUMERIC_START:
        if _INT.fullmatch(text):
            return int(text)
        if _FLOAT.fullmatch(text):
            return float(text)
        if _int_float_time().fullmatch(text):
            raise _NotOurs  # another spelling of a number or a date: PyYAML's rules decide
    if text.lower() in _OTHER_WORDS:
        raise _NotOurs
    return text


_OTHER_WORDS = frozenset(("yes", "no", "true", "false", "on", "off", "null", "~", "y", "n", "<<", "="))
"""Plain scalars (case-folded) that YAML 1.1 may read as a boolean, null or merge key."""


def _check_printable(text: str) -> None:
    if unprintable(text):
        raise _NotOurs
