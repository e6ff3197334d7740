"""Exporters: plan dict -> text or bytes. The CLI decides where the result goes."""

from __future__ import annotations

from collections.abc import Callable

from .plain import to_json, to_yaml

EXPORTERS: dict[str, Callable[[dict], str]] = {"yaml": to_yaml, "json": to_json}
CHECKLIST_FORMATS = ("md", "csv", "xlsx")
TIMELINE_FORMATS = ("mermaid", "html", "ics", "csv")

__all__ = ["EXPORTERS", "CHECKLIST_FORMATS", "TIMELINE_FORMATS", "to_json", "to_yaml", "render_checklist", "render_timeline"]


def render_checklist(plan: dict, fmt: str = "md", by: str = "agency", as_of=None) -> bytes:
    """Render a checklist; always bytes (UTF-8 for text formats)."""
    from . import checklist as c

    if fmt == "md":
        return c.to_markdown(plan, by, as_of).encode("utf-8")
    if fmt == "csv":
        return c.to_csv(plan, by, as_of)
    if fmt == "xlsx":
        return c.to_xlsx(plan, by, as_of)
    raise ValueError(f"unknown checklist format {fmt!r}")


def render_timeline(plan: dict, fmt: str = "html", by: str = "agency", today=None) -> bytes:
    """Render a timeline; always bytes."""
    from . import timeline as t

    if fmt == "mermaid":
        return t.to_mermaid(plan, by).encode("utf-8")
    if fmt == "html":
        return t.to_html(plan, by, today).encode("utf-8")
    if fmt == "ics":
        from .calendar import to_ics

        return to_ics(plan)
    if fmt == "csv":
        return t.to_csv(plan, by)
    raise ValueError(f"unknown timeline format {fmt!r}")
