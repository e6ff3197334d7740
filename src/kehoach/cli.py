"""The command line: options in, one library call, output and an exit code out.

Exit codes: 0 success; 1 an input could not be processed, a plan is invalid, or --strict met
warnings; 2 usage error.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

import click

from . import __version__

log = logging.getLogger("kehoach")

EXTRACT_HELP = """Extract the plan from FILE (.docx, .pdf, .doc via LibreOffice, text, Markdown or
HTML; "-" reads stdin).

Writes one tree (YAML by default, or JSON) with the header, sections, targets, tasks,
warnings and coverage. Output goes to stdout unless -o is given.

\b
Examples:
  kehoach extract samples/thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md
  kehoach extract plan.txt --format json -o plan.json
  kehoach extract ke-hoach-so-39.pdf -o ke-hoach-so-39.yaml
  cat plan.txt | kehoach extract - --strict > plan.yaml
"""

VALIDATE_HELP = """Check plan files (YAML/JSON written by `kehoach extract`) against the schema.

Checks schemas/plan.schema.json plus the model's rules: real ISO dates, start <= end,
unique ids, a lead agency for every task, known vocabularies. Prints one line per
problem as `file: path: message` and exits 1 if any file is invalid.

\b
Examples:
  kehoach validate plans/*.yaml
  kehoach validate plan.json && echo valid
"""


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG)
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr)


def _fail(ctx: click.Context, message: str, code: int = 1) -> None:
    click.echo(f"kehoach: {message}", err=True)
    ctx.exit(code)


def _run(ctx: click.Context, fn, *args, **kwargs):
    """Call the library; turn its errors into one line on stderr (a traceback only with --debug)."""
    from .errors import KehoachError

    debug = ctx.find_root().obj.get("debug", False)
    try:
        return fn(*args, **kwargs)
    except KehoachError as e:
        if debug:
            raise
        _fail(ctx, str(e))
    except KeyboardInterrupt:
        _fail(ctx, "interrupted", 130)
    except Exception as e:  # a bug of ours: say so in one line unless --debug
        if debug:
            raise
        _fail(ctx, f"internal error: {type(e).__name__}: {e} (rerun with --debug for a traceback, and please report it)")


def write_output(text: str, out: str | None) -> None:
    """Write to stdout, or atomically to ``out`` (a temporary file renamed into place)."""
    if out is None or out == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    target = Path(out)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="kehoach")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
@click.option("-v", "--verbose", count=True, help="More diagnostics on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.pass_context
def main(ctx: click.Context, debug: bool, verbose: int, quiet: bool) -> None:
    """kehoach: turn Vietnamese administrative plans (Kế hoạch) into structured data.

    \b
    Examples:
      kehoach extract plan.md                 # YAML on stdout
      kehoach extract plan.txt -o plan.json   # JSON to a file
      kehoach validate plan.json              # check a plan file
      kehoach schema > plan.schema.json       # the JSON Schema
      kehoach export checklist plan.yaml -o nhiem-vu.xlsx
      kehoach export timeline plan.docx -o tien-do.html
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    _setup_logging(verbose, quiet)


@main.command(help=EXTRACT_HELP)
@click.argument("file", type=str)
@click.option("-f", "--format", "fmt", type=click.Choice(["yaml", "json"]), default=None,
              help="Output format (default: from the -o suffix, else yaml).")
@click.option("-o", "--output", "out", type=str, default=None, metavar="OUT",
              help="Write to OUT instead of stdout (written atomically).")
@click.option("--strict", is_flag=True, help="Exit 1 when the extractor reports any warning.")
@click.pass_context
def extract(ctx: click.Context, file: str, fmt: str | None, out: str | None, strict: bool) -> None:
    if out and out != "-" and file != "-":
        try:
            same = Path(out).exists() and Path(out).resolve() == Path(file).resolve()
        except OSError:
            same = False
        if same:
            _fail(ctx, f"{out}: refusing to overwrite the input file; choose another -o")
    if out and out != "-" and Path(out).is_dir():
        _fail(ctx, f"{out}: is a directory; give a file name for -o")
    if fmt is None:
        fmt = "json" if out and out.lower().endswith(".json") else "yaml"
    from .pipeline import extract_file

    plan = _run(ctx, extract_file, file)
    from .export import EXPORTERS

    text = EXPORTERS[fmt](plan)
    _run(ctx, write_output, text, out)
    warnings = plan.get("warnings", [])
    for w in warnings:
        line = (w.get("loc") or {}).get("line")
        where = f":{line}" if line else ""
        msg = f"{file}{where}: warning [{w['code']}]: {w['message']}"
        if strict:
            click.echo(msg, err=True)
        else:
            log.info(msg)
    if strict and warnings:
        ctx.exit(1)


@main.command(help=VALIDATE_HELP)
@click.argument("plans", nargs=-1, required=True, type=str)
@click.pass_context
def validate(ctx: click.Context, plans: tuple[str, ...]) -> None:
    from .errors import KehoachError
    from .validate import check_plan, load_plan

    bad = 0
    for path in plans:
        try:
            problems = check_plan(load_plan(path))
        except KehoachError as e:
            click.echo(str(e))
            bad += 1
            continue
        for where, message in problems:
            click.echo(f"{path}: {where}: {message}")
        if problems:
            bad += 1
        else:
            log.info(f"{path}: valid")
    if bad:
        click.echo(f"{bad} of {len(plans)} file(s) invalid", err=True)
        ctx.exit(1)


def load_source(ctx: click.Context, source: str) -> dict:
    """A plan from a plan file (YAML/JSON written by `kehoach extract`) or from a document."""
    from .errors import InvalidPlan

    suffix = Path(source).suffix.lower() if source != "-" else ""
    if suffix in (".yaml", ".yml", ".json"):
        from .validate import check_plan, load_plan

        plan = _run(ctx, load_plan, source)
        if not isinstance(plan, dict) or "schema_version" not in plan:
            _fail(ctx, f"{source}: not a plan file (no schema_version); give a document or the output of `kehoach extract`")
        problems = check_plan(plan)
        hard = [p for p in problems if "has no lead agency" not in p[1]]
        if hard:
            where, message = hard[0]
            _run(ctx, _raise, InvalidPlan(f"{source}: invalid plan at {where}: {message} (see `kehoach validate {source}`)"))
        return plan
    from .pipeline import extract_file

    return _run(ctx, extract_file, source)


def _raise(e: Exception):
    raise e


def _emit_bytes(ctx: click.Context, data: bytes, out: str | None, binary: bool) -> None:
    if (out is None or out == "-") and binary and sys.stdout.isatty():
        _fail(ctx, "this format is binary; write it to a file with -o FILE", 2)
    if out is None or out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _date_option(ctx, param, value):
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-12-31") from None


@main.group()
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
@click.argument("source")
@click.option("-f", "--format", "fmt", type=click.Choice(["md", "csv", "xlsx"]), default=None,
              help="md (GitHub task list), csv (UTF-8 with BOM) or xlsx. Default: from the -o suffix, else md.")
@click.option("--by", type=click.Choice(["agency", "group", "section", "deadline"]), default="agency", show_default=True,
              help="One heading per lead agency, task group, section or deadline quarter.")
@click.option("--as-of", "as_of", callback=_date_option, metavar="DATE", help="Mark tasks due before DATE (YYYY-MM-DD) as overdue.")
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

    fmt = fmt or CHECKLIST_SUFFIX.get(Path(out).suffix.lower() if out else "", "md")
    plan = load_source(ctx, source)
    data = _run(ctx, render_checklist, plan, fmt, by, as_of)
    _emit_bytes(ctx, data, out, fmt == "xlsx")


@export.command()
@click.argument("source")
@click.option("-f", "--format", "fmt", type=click.Choice(["mermaid", "html", "ics", "csv"]), default=None,
              help="mermaid (gantt), html (self-contained page), ics (calendar) or csv. Default: from the -o suffix, else html.")
@click.option("--by", type=click.Choice(["agency", "group"]), default="agency", show_default=True,
              help="Chart sections per lead agency or per task group.")
@click.option("--today", callback=_date_option, metavar="DATE", help="Where the HTML chart draws its today line (default: today).")
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

    fmt = fmt or TIMELINE_SUFFIX.get(Path(out).suffix.lower() if out else "", "html")
    plan = load_source(ctx, source)
    data = _run(ctx, render_timeline, plan, fmt, by, today)
    _emit_bytes(ctx, data, out, False)


@main.command()
def schema() -> None:
    """Print the plan JSON Schema (JSON Schema 2020-12).

    \b
    Example:
      kehoach schema > plan.schema.json
    """
    from .validate import schema_text

    sys.stdout.write(schema_text())


if __name__ == "__main__":  # pragma: no cover
    main()
