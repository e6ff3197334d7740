"""The command line: options in, one library call, output and an exit code out.

Exit codes: 0 success; 1 an input could not be processed, a plan is invalid, or --strict met
warnings; 2 usage error.
"""

from __future__ import annotations

import json
import logging
import os
import sys
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
    import tempfile

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


def _size(ctx, param, value):
    if value is None:
        return None
    import re

    m = re.fullmatch(r"(?i)\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", value)
    if not m:
        raise click.BadParameter(f"{value!r} is not a size like 50M or 200000")
    return int(float(m.group(1)) * {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[m.group(2).lower()])


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
@click.option("--max-size", callback=_size, default="50M", show_default=True, metavar="SIZE",
              help="Refuse inputs larger than SIZE (e.g. 200M).")
@click.pass_context
def extract(ctx: click.Context, file: str, fmt: str | None, out: str | None, strict: bool, max_size: int) -> None:
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

    plan = _run(ctx, extract_file, file, max_bytes=max_size)
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
    import tempfile

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


BATCH_HELP = """Convert many documents: files, folders (walked for .docx .pdf .doc .txt .md .html),
globs, or "-" to read a list of paths from stdin.

Outputs mirror the input tree under OUTDIR (-o); inputs are never overwritten and every output is
written atomically. Files already converted from the same bytes by this version are skipped
(--force converts them again). A failed file is reported by name and the others go on; the exit
code is 1 when any failed. A progress bar shows on a terminal, nothing on a pipe.

\b
Examples:
  kehoach batch archive/ -o plans/
  kehoach batch 'scans/**/*.pdf' -o plans/ --report report.json -j 2
  find . -name '*.docx' | kehoach batch - --format jsonl > plans.jsonl
  kehoach batch archive/ -o plans/ --engine dask --scheduler tcp://10.0.0.5:8786
"""


@main.command(help=BATCH_HELP)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out", default=None, metavar="OUTDIR",
              help="Output folder (yaml/json), or file for jsonl (default: stdout).")
@click.option("-f", "--format", "fmt", type=click.Choice(["yaml", "json", "jsonl"]), default="yaml", show_default=True)
@click.option("-j", "--jobs", "jobs_n", type=click.IntRange(min=0), default=0, help="Worker processes (default: all cores).")
@click.option("--fail-fast", is_flag=True, help="Stop at the first failure.")
@click.option("--force", is_flag=True, help="Convert again even when the output is up to date.")
@click.option("--report", type=str, default=None, metavar="FILE", help="Write a JSON report, one entry per input.")
@click.option("--max-size", callback=_size, default="50M", show_default=True, metavar="SIZE",
              help="Refuse inputs larger than SIZE (e.g. 200M).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on this machine, or on a dask.distributed cluster (pip install 'kehoach[dask]').")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="The dask scheduler, with --engine dask.")
@click.pass_context
def batch(ctx, inputs, out, fmt, jobs_n, fail_fast, force, report, max_size, engine, scheduler) -> None:
    from .batch import expand_inputs, plan_jobs, run_batch

    if fmt != "jsonl" and not out:
        _fail(ctx, "give an output folder with -o OUTDIR (or use --format jsonl to write one stream)", 2)
    if fmt != "jsonl" and Path(out).exists() and not Path(out).is_dir():
        _fail(ctx, f"{out}: exists and is not a folder", 2)
    if engine == "dask" and not scheduler:
        _fail(ctx, "--engine dask needs --scheduler ADDRESS", 2)
    found = list(expand_inputs(inputs))
    if not found:
        _fail(ctx, "no input documents found", 1)
    jobs = plan_jobs(found, out if fmt != "jsonl" else None, fmt)
    stream = None
    if fmt == "jsonl":
        if out and out != "-":
            stream = open(out + ".tmp", "w", encoding="utf-8")  # noqa: SIM115 (renamed when done)
        else:
            stream = sys.stdout
    quiet = ctx.find_root().params.get("quiet")
    show_bar = sys.stderr.isatty() and not quiet
    counts = {"ok": 0, "warnings": 0, "failed": 0, "skipped": 0}
    failures: list[str] = []
    progress = None
    task_id = None
    if show_bar:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        progress = Progress(TextColumn("[bold]kehoach"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            TextColumn("{task.description}"), transient=True, console=None)
        progress.start()
        task_id = progress.add_task("", total=len(jobs))

    def on_result(s) -> None:
        counts[s.status] += 1
        if s.status == "failed":
            failures.append(s.error or s.input)
            if progress is None:
                click.echo(f"kehoach: failed: {s.error}", err=True)
        if stream is not None and s.line is not None:
            stream.write(s.line + "\n")
            s.line = None  # written: keep memory flat over thousands of plans
        if progress is not None:
            progress.update(task_id, advance=1, description=Path(s.input).name[:40])

    try:
        results = _run(ctx, run_batch, jobs, jobs_n=jobs_n, force=force, fail_fast=fail_fast, max_bytes=max_size,
                       engine=engine, scheduler=scheduler, on_result=on_result, outdir=out if fmt != "jsonl" else None)
    finally:
        if progress is not None:
            progress.stop()
        if stream is not None and stream is not sys.stdout:
            stream.close()
            os.replace(out + ".tmp", out)
    if report:
        data = json.dumps({"version": __version__, "inputs": [r.report() for r in results]}, ensure_ascii=False, indent=2)
        write_output(data + "\n", report)
    if progress is not None:
        for f in failures:
            click.echo(f"kehoach: failed: {f}", err=True)
    done = counts["ok"] + counts["warnings"]
    if not quiet or counts["failed"]:
        click.echo(f"kehoach: {done} converted ({counts['ok']} ok, {counts['warnings']} with warnings), "
                   f"{counts['failed']} failed, {counts['skipped']} up to date, of {len(jobs)} inputs", err=True)
    if counts["failed"]:
        ctx.exit(1)


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
