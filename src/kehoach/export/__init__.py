"""Exporters: plan dict -> text/bytes. The CLI decides where the result goes."""

from __future__ import annotations

from collections.abc import Callable

from .plain import to_json, to_yaml

EXPORTERS: dict[str, Callable[[dict], str]] = {"yaml": to_yaml, "json": to_json}

__all__ = ["EXPORTERS", "to_json", "to_yaml"]
