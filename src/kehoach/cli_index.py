"""`kehoach index`, `tasks`, `agencies`, `datasette-metadata`: questions across many plans."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .cliutil import (
    date_option,
    echo_err,
    emit_bytes,
    fail,
    global_options,
    guard_output,
    is_quiet,
    output_format,
    run,
)
from .export.tasktable import TASK_FORMATS

INDEX_HELP = """Index plans into an SQLite database (no server) for questions across plans.

PLAN_OR_DIR is a document, a plan file written by `kehoach extract` (.yaml/.json), or a folder
of either. Re-indexing a changed plan replaces its rows; an unchanged one is skipped.

\b
Examples:
  kehoach index plans/ --db plans.sqlite
  kehoach index archive/ke-hoach-2024/ extracted/*.yaml --db plans.sqlite
"""


@click.command(help=INDEX_HELP)
@global_options
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", required=True, metavar="FILE", help="The SQLite database (created if missing).")
@click.pass_context
def index(ctx, inputs, db) -> None:
    from .indexing import index_inputs, run_index
    from .textsafe import shown

    guard_output(ctx, db, *inputs)
    paths = index_inputs(inputs)
    if not paths:
        fail(ctx, f"no plan files or documents found in {' '.join(inputs)}")
    counts = run(ctx, run_index, db, paths, lambda m: echo_err(f"kehoach: {shown(m)}"))
    dup = f", {counts['duplicate']} duplicate" if counts["duplicate"] else ""
    if counts["failed"] or not is_quiet(ctx):
        echo_err(f"kehoach: {counts['added']} added, {counts['replaced']} replaced, {counts['unchanged']} unchanged"
                 f"{dup}, {counts['failed']} failed -> {shown(db)}")
    if counts["failed"]:
        ctx.exit(1)


TASKS_SUFFIX = {".csv": "csv", ".json": "json", ".xlsx": "xlsx", ".tsv": "table", ".txt": "table"}
@click.command()
@global_options
@click.option("--db", required=True, metavar="FILE", help="The index built by `kehoach index`.")
@click.option("--agency", metavar="NAME", help="Tasks of this agency (any spelling, with or without diacritics).")
@click.option("--role", type=click.Choice(["lead", "support", "any"]), default="lead", show_default=True,
              help="With --agency: as lead, as support, or either.")
@click.option("--due-before", callback=date_option, metavar="DATE", help="Deadline before DATE (YYYY-MM-DD).")
@click.option("--overdue-as-of", callback=date_option, metavar="DATE",
              help="Deadline passed by DATE (or 'today'), not recurring.")
@click.option("--plan", "plan_number", metavar="NUMBER", help="Only this plan (e.g. 12/KH-UBND).")
@click.option("--search", metavar="TEXT", help="Words in the task or its agencies; diacritics optional.")
@click.option("-f", "--format", "fmt", type=click.Choice(TASK_FORMATS), default=None,
              help="table (tab-separated off a terminal), csv, json or xlsx. Default: from the -o suffix, else table.")
@click.option("-o", "--output", "out", default=None, metavar="OUT",
              help="Write to OUT instead of stdout (.csv, .json, .xlsx, .tsv or .txt).")
@click.option("--limit", type=click.IntRange(min=0), default=1000, show_default=True,
              help="At most this many tasks, soonest deadline first (0: all).")
@click.pass_context
def tasks(ctx, db, agency, role, due_before, overdue_as_of, plan_number, search, fmt, out, limit) -> None:
    """Questions across every indexed plan: what an agency owes, what falls due, what is overdue.

    \b
    Examples:
      kehoach tasks --db plans.sqlite --agency "so cong thuong" --due-before 2024-12-31
      kehoach tasks --db plans.sqlite --overdue-as-of today --format xlsx -o qua-han.xlsx
      kehoach tasks --db plans.sqlite --search "chuyen doi so" --format csv
    """
    from .agencymatch import predecessor_marks
    from .export.tasktable import render_tasks, tasks_to_values
    from .index import connect, find_tasks

    guard_output(ctx, out, db)
    fmt = output_format(out, fmt, TASKS_SUFFIX, "table")
    con = run(ctx, connect, db, False)
    try:
        match = _agency_match(ctx, db, con, agency) if agency else None
        query = dict(role=role, due_before=due_before, overdue_as_of=overdue_as_of, plan=plan_number, search=search)
        ids = match.all_ids if match else None
        limit = limit if limit < 2 ** 62 else 0  # more than SQLite counts: all
        rows = run(ctx, _sql, db, find_tasks, con, **query, limit=limit or None, agency_ids=ids)
        if limit and len(rows) == limit:
            total = run(ctx, _sql, db, find_tasks, con, **query, count_only=True, agency_ids=ids)
            if total > limit:
                echo_err(f"kehoach: showing the {limit} soonest of {total} tasks; --limit 0 shows all")
        vias = run(ctx, _sql, db, predecessor_marks, con, match, query, limit, rows)
    finally:
        con.close()
    if fmt == "table" and not out and sys.stdout is not None and sys.stdout.isatty():
        _print_tasks(tasks_to_values(rows, vias, match.current if match else None))
    else:
        emit_bytes(ctx, render_tasks(rows, vias, match.current if match else None, fmt), out, fmt == "xlsx")


def _sql(db: str, fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` reading the index ``db``; SQLite's errors (a damaged index, or a
    database with kehoach's marker but not its tables) as one :class:`KehoachError` naming it."""
    import sqlite3

    from .errors import KehoachError

    try:
        return fn(*args, **kwargs)
    except sqlite3.Error as e:
        raise KehoachError(f"{db}: cannot read this index ({e}); build it again with `kehoach index`") from e


def _print_tasks(values: list[list]) -> None:
    """The tasks as a table on the terminal (a few columns, text folded to fit)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from .textsafe import one_line

    table = Table(title=f"{len(values)} nhiệm vụ", show_lines=False)
    for c in ("Kế hoạch", "Mã", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Kết thúc"):
        table.add_column(c, overflow="fold")
    for v in values:
        table.add_row(*(escape(one_line(str(v[k]))) for k in (0, 2, 3, 4, 6, 8)))  # text, not markup
    Console().print(table)


def _agency_match(ctx, db: str, con, agency: str):
    """The agencies --agency means, with its predecessors; exit 1 with near names when none."""
    from .agencymatch import resolve_agency

    match = run(ctx, _sql, db, resolve_agency, con, agency)
    if not match.found:
        hint = f"; did you mean: {' | '.join(match.suggestions)}?" if match.suggestions else \
            "; `kehoach agencies` lists the names in the index"
        fail(ctx, f"no agency in the index is called {agency!r}{hint}")
    if match.predecessors and not is_quiet(ctx):
        echo_err(f"kehoach: {match.current} also carries the work of {' | '.join(match.predecessors.values())}; "
                 f"their tasks are included, marked '(nay: {match.current})'")
    return match


@click.command()
@global_options
@click.option("--db", required=True, metavar="FILE", help="The index built by `kehoach index`.")
@click.option("--current", is_flag=True, help="Add the body that carries each agency's work today (after the 2025 mergers).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default=None,
              help="table (tab-separated lines) or json. Default: from the -o suffix, else table.")
@click.option("-o", "--output", "out", default=None, metavar="OUT", help="Write to OUT instead of stdout (.json, .tsv, .txt).")
@click.pass_context
def agencies(ctx, db, current, fmt, out) -> None:
    """Each canonical agency with its spellings and how many tasks it leads and supports.

    \b
    Examples:
      kehoach agencies --db plans.sqlite
      kehoach agencies --db plans.sqlite --current --format json
    """
    from .index import connect, current_name, list_agencies

    guard_output(ctx, out, db)
    fmt = output_format(out, fmt, {".json": "json", ".tsv": "table", ".txt": "table"}, "table")
    con = run(ctx, connect, db, False)
    try:
        rows = run(ctx, _sql, db, list_agencies, con)
    finally:
        con.close()
    if current:
        for r in rows:
            r["current"] = current_name(r["name"])
    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    else:
        from .textsafe import one_line

        lines = []
        for r in rows:
            now = f" -> nay: {r['current']}" if current and r.get("current") else ""
            lines.append(one_line(f"{r['name']}{now}") + f"\tchủ trì {r['leads']}\tphối hợp {r['supports']}\t"
                         + one_line(" | ".join(r["variants"])) + "\n")
        text = "".join(lines)
    emit_bytes(ctx, text.encode("utf-8"), out, False)


@click.command("datasette-metadata")
@global_options
@click.option("--db", default="plans.sqlite", show_default=True, metavar="FILE",
              help="The index datasette will open (its name is the file name without suffix).")
@click.option("-o", "--output", "out", default=None, metavar="OUT", help="Write to OUT (.json) instead of stdout.")
@click.pass_context
def datasette_metadata(ctx, db, out) -> None:
    """Print metadata for browsing an index with datasette: table and column descriptions and
    canned queries (overdue tasks per agency, tasks due between two days, an agency's tasks).

    \b
    Example:
      kehoach datasette-metadata --db plans.sqlite -o metadata.json
      datasette plans.sqlite -m metadata.json
    """
    from importlib import resources

    import yaml

    output_format(out, None, {".json": "json"}, "json")
    guard_output(ctx, out)
    data = yaml.safe_load(resources.files("kehoach").joinpath("data/datasette.yaml").read_text(encoding="utf-8"))
    data["databases"] = {Path(db).stem: data["databases"]["plans"]}
    emit_bytes(ctx, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), out, False)
