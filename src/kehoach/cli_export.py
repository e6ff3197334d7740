"""`kehoach export checklist|timeline`: a plan into work people act on."""

from __future__ import annotations

import click

from .cliutil import (
    date_option,
    echo_err,
    emit_bytes,
    global_options,
    guard_output,
    is_quiet,
    load_source,
    output_format,
    report_warnings,
    run,
)
from .export import CHECKLIST_FORMATS, TIMELINE_FORMATS


@click.group()
@global_options
def export() -> None:
    """Turn a plan into work people can act on: checklists and timelines.

    SOURCE is a document (it is extracted first) or a plan file written by `kehoach extract`.

    \b
    Examples:
      kehoach export checklist plan.docx -o checklist.md
      kehoach export checklist plan.yaml --format xlsx -o nhiem-vu.xlsx --as-of 2024-06-30
      kehoach export timeline plan.pdf --format html -o tien-do.html
      kehoach export timeline plan.yaml --format ics -o lich.ics
    """


CHECKLIST_SUFFIX = {".md": "md", ".markdown": "md", ".csv": "csv", ".xlsx": "xlsx"}
TIMELINE_SUFFIX = {".mmd": "mermaid", ".mermaid": "mermaid", ".html": "html", ".htm": "html", ".ics": "ics", ".csv": "csv"}


@export.command()
@global_options
@click.argument("source")
@click.option("-f", "--format", "fmt", type=click.Choice(CHECKLIST_FORMATS), default=None,
              help="md (GitHub task list), csv (UTF-8 with BOM) or xlsx. Default: from the -o suffix, else md.")
@click.option("--by", type=click.Choice(["agency", "group", "section", "deadline"]), default="agency", show_default=True,
              help="One heading per lead agency, task group, section or deadline quarter.")
@click.option("--as-of", "as_of", callback=date_option, metavar="DATE", help="Mark tasks due before DATE (YYYY-MM-DD) as overdue.")
@click.option("-o", "--output", "out", default=None, metavar="OUT", help="Write to OUT (atomically) instead of stdout.")
@click.pass_context
def checklist(ctx, source, fmt, by, as_of, out) -> None:
    """A checklist per lead agency: each task with its deadline, cooperating agencies, deliverable
    and where it comes from.

    \b
    Examples:
      kehoach export checklist plan.txt
      kehoach export checklist plan.yaml --by deadline --as-of 2024-06-30 -o checklist.md
      kehoach export checklist plan.docx -o nhiem-vu.xlsx
    """
    from .export import render_checklist

    guard_output(ctx, out, source)
    fmt = output_format(out, fmt, CHECKLIST_SUFFIX, "md")
    plan = load_source(ctx, source)
    report_warnings(ctx, source, plan.get("warnings") or [])
    data = run(ctx, render_checklist, plan, fmt, by, as_of)
    emit_bytes(ctx, data, out, fmt == "xlsx")


@export.command()
@global_options
@click.argument("source")
@click.option("-f", "--format", "fmt", type=click.Choice(TIMELINE_FORMATS), default=None,
              help="mermaid (gantt), html (self-contained page), ics (calendar) or csv. Default: from the -o suffix, else html.")
@click.option("--by", type=click.Choice(["agency", "group"]), default="agency", show_default=True,
              help="Chart sections per lead agency or per task group.")
@click.option("--today", callback=date_option, metavar="DATE", help="Where the HTML chart draws its today line (default: today).")
@click.option("-o", "--output", "out", default=None, metavar="OUT", help="Write to OUT (atomically) instead of stdout.")
@click.pass_context
def timeline(ctx, source, fmt, by, today, out) -> None:
    """A Gantt-like timeline of the plan's tasks over its period. Tasks with no dates of their own
    ("Thường xuyên", "Hằng năm") are placed within the plan's period and drawn as placed.

    \b
    Examples:
      kehoach export timeline plan.pdf -o tien-do.html
      kehoach export timeline plan.yaml --format mermaid
      kehoach export timeline plan.yaml --format ics -o lich.ics
    """
    from .export import render_timeline

    guard_output(ctx, out, source)
    fmt = output_format(out, fmt, TIMELINE_SUFFIX, "html")
    plan = load_source(ctx, source)
    report_warnings(ctx, source, plan.get("warnings") or [])
    data = run(ctx, render_timeline, plan, fmt, by, today)
    emit_bytes(ctx, data, out, False)
    if fmt == "ics" and not is_quiet(ctx):
        from .export.calendar import dropped_tasks

        dropped, total = dropped_tasks(plan)
        if dropped:
            echo_err(f"kehoach: {dropped} of {total} tasks have no day to put in a calendar (continuous, ad hoc or "
                     f"without a deadline); they are not in {out or 'the calendar'}")
