"""The command line: options in, one library call, output and an exit code out.

Exit codes: 0 success; 1 an input could not be processed, a plan is invalid, or --strict met
warnings; 2 usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .cliutil import global_options, is_quiet, is_verbose, output_format, report_warnings, settings

EXTRACT_HELP = """Extract the plan from FILE (.docx, .pdf, .doc via LibreOffice, text, Markdown or
HTML; "-" reads stdin).

Writes one tree (YAML by default, or JSON) with the header, sections, targets, tasks,
warnings and coverage. Output goes to stdout unless -o is given.

\b
Examples:
  kehoach extract ke-hoach.docx
  kehoach extract plan.txt --format json -o plan.json
  kehoach extract ke-hoach-so-39.pdf -o ke-hoach-so-39.yaml
  cat plan.txt | kehoach extract - --strict > plan.yaml
  kehoach extract --ocr scan.pdf -o scan.yaml   # a scan: OCR (pip install 'kehoach[ocr]')
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


def _fail(ctx: click.Context, message: str, code: int | None = None) -> None:
    """One line on stderr and exit; the code is 1 unless the command says otherwise (diff: 2)."""
    from .textsafe import shown

    click.echo(f"kehoach: {shown(message)}", err=True)
    ctx.exit(code if code is not None else ctx.meta.get("kehoach.error_code", 1))


def _run(ctx: click.Context, fn, *args, **kwargs):
    """Call the library; turn its errors into one line on stderr (a traceback only with --debug)."""
    from .errors import KehoachError

    debug = settings(ctx)["debug"]
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


PLAN_SUFFIX = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
"""What `kehoach extract` writes; also what validate, export, diff and index read as plan files."""


def _guard_output(ctx: click.Context, out: str | None, *sources: str | None) -> None:
    """Refuse an -o that would destroy something the user gave: an input, a folder, a Word/PDF file."""
    if out is None or out == "-":
        return
    from .fileio import guard_output

    _run(ctx, guard_output, out, [s for s in sources if s])


def write_output(text: str, out: str | None) -> None:
    """Write to stdout, or atomically to ``out``."""
    if out is None or out == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    from .fileio import write_atomic

    write_atomic(out, text.encode("utf-8"))


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
@global_options
@click.pass_context
def main(ctx: click.Context) -> None:
    """kehoach: turn Vietnamese administrative plans (Kế hoạch) into structured data.

    \b
    Examples:
      kehoach extract plan.md                 # YAML on stdout
      kehoach extract plan.txt -o plan.json   # JSON to a file
      kehoach validate plan.json              # check a plan file
      kehoach schema > plan.schema.json       # the JSON Schema
      kehoach export checklist plan.yaml -o nhiem-vu.xlsx
      kehoach export timeline plan.docx -o tien-do.html

    -v, -q and --debug may also follow the command: kehoach extract plan.docx -v
    """
    settings(ctx)


@main.command(help=EXTRACT_HELP)
@global_options
@click.argument("file", type=str)
@click.option("-f", "--format", "fmt", type=click.Choice(["yaml", "json"]), default=None,
              help="Output format (default: from the -o suffix, else yaml).")
@click.option("-o", "--output", "out", type=str, default=None, metavar="OUT",
              help="Write to OUT instead of stdout (written atomically).")
@click.option("--strict", is_flag=True, help="Exit 1 when the extractor reports any warning.")
@click.option("--max-size", callback=_size, default="50M", show_default=True, metavar="SIZE",
              help="Refuse inputs larger than SIZE (e.g. 200M).")
@click.option("--ocr", "ocr", flag_value="auto", default=None,
              help="Read a PDF with no text layer (a scan) through OCR (OCRmyPDF + Tesseract, Vietnamese).")
@click.option("--force-ocr", "ocr", flag_value="force", help="OCR every page, replacing a PDF's text layer.")
@click.pass_context
def extract(ctx: click.Context, file: str, fmt: str | None, out: str | None, strict: bool, max_size: int,
            ocr: str | None) -> None:
    _guard_output(ctx, out, file)
    fmt = output_format(out, fmt, PLAN_SUFFIX, "yaml")
    from .pipeline import extract_file

    plan = _run(ctx, extract_file, file, max_bytes=max_size, ocr=ocr)
    from .export import EXPORTERS

    text = EXPORTERS[fmt](plan)
    _run(ctx, write_output, text, out)
    warnings = plan.get("warnings", [])
    report_warnings(ctx, file, warnings, force_list=strict)
    if strict and warnings:
        ctx.exit(1)


@main.command(help=VALIDATE_HELP)
@global_options
@click.argument("plans", nargs=-1, required=True, type=str)
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per problem; json: one report for every file on stdout.")
@click.option("--plans-only", is_flag=True,
              help="Skip YAML/JSON files that are not plan files (no schema_version): for pre-commit hooks.")
@click.pass_context
def validate(ctx: click.Context, plans: tuple[str, ...], fmt: str, plans_only: bool) -> None:
    from .cliutil import validate_files
    from .textsafe import shown

    results = validate_files(plans, plans_only)
    invalid = [r for r in results if r["status"] == "invalid"]
    if fmt == "json":
        click.echo(json.dumps({"files": results, "valid": sum(r["status"] == "valid" for r in results),
                               "invalid": len(invalid), "skipped": sum(r["status"] == "skipped" for r in results)},
                              ensure_ascii=False, indent=2))
    else:
        for r in results:
            for p in r["problems"]:
                click.echo(shown(f"{r['file']}: {p['path']}: {p['message']}" if p["path"] else p["message"]))
            if r["status"] == "skipped" and is_verbose(ctx):
                click.echo(f"kehoach: {r['file']}: skipped: not a plan file", err=True)
    if invalid or not is_quiet(ctx):
        from .cliutil import validate_summary

        click.echo(f"kehoach: {validate_summary(results)}", err=True)
    if invalid:
        ctx.exit(1)


def load_source(ctx: click.Context, source: str) -> dict:
    """A plan from a plan file (YAML/JSON written by `kehoach extract`, validated first) or from a document."""
    return _run(ctx, load_plan_or_document, source)


def _emit_bytes(ctx: click.Context, data: bytes, out: str | None, binary: bool) -> None:
    if (out is None or out == "-") and binary and sys.stdout.isatty():
        _fail(ctx, "this format is binary; write it to a file with -o FILE", 2)
    if out is None or out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from .fileio import write_atomic

    _run(ctx, write_atomic, out, data)


def _date_option(ctx, param, value):
    if value is None:
        return None
    import datetime as dt

    if value.lower() == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-12-31") from None


@main.group()
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

    _guard_output(ctx, out, source)
    fmt = output_format(out, fmt, CHECKLIST_SUFFIX, "md")
    plan = load_source(ctx, source)
    report_warnings(ctx, source, plan.get("warnings") or [])
    data = _run(ctx, render_checklist, plan, fmt, by, as_of)
    _emit_bytes(ctx, data, out, fmt == "xlsx")


@export.command()
@global_options
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

    _guard_output(ctx, out, source)
    fmt = output_format(out, fmt, TIMELINE_SUFFIX, "html")
    plan = load_source(ctx, source)
    report_warnings(ctx, source, plan.get("warnings") or [])
    data = _run(ctx, render_timeline, plan, fmt, by, today)
    _emit_bytes(ctx, data, out, False)
    if fmt == "ics" and not is_quiet(ctx):
        from .export.calendar import dropped_tasks

        dropped, total = dropped_tasks(plan)
        if dropped:
            click.echo(f"kehoach: {dropped} of {total} tasks have no day to put in a calendar (continuous, ad hoc or "
                       f"without a deadline); they are not in {out or 'the calendar'}", err=True)


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
@global_options
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
@click.option("--timeout", type=click.FloatRange(min=0), default=300, show_default=True, metavar="SECONDS",
              help="Give up on a file after SECONDS (0: no limit); it is reported as failed and the run goes on.")
@click.option("--memory-limit", "memory", callback=_size, default="2G", show_default=True, metavar="SIZE",
              help="Memory one file may take (0: no limit); a file over it is reported as failed.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on this machine, or on a dask.distributed cluster (pip install 'kehoach[dask]').")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="The dask scheduler, with --engine dask.")
@click.option("--ocr", "ocr", flag_value="auto", default=None,
              help="Read PDFs with no text layer (scans) through OCR (OCRmyPDF + Tesseract, Vietnamese).")
@click.option("--force-ocr", "ocr", flag_value="force", help="OCR every page of every PDF.")
@click.pass_context
def batch(ctx, inputs, out, fmt, jobs_n, fail_fast, force, report, max_size, timeout, memory, engine, scheduler,
          ocr) -> None:
    from .batch import expand_inputs, plan_jobs
    from .workers import Budget

    if fmt != "jsonl" and not out:
        _fail(ctx, "give an output folder with -o OUTDIR (or use --format jsonl to write one stream)", 2)
    if fmt != "jsonl" and Path(out).exists() and not Path(out).is_dir():
        _fail(ctx, f"{out}: exists and is not a folder", 2)
    if engine == "dask" and not scheduler:
        _fail(ctx, "--engine dask needs --scheduler ADDRESS", 2)
    found = list(expand_inputs(inputs))
    if not found:
        _fail(ctx, "no input documents found", 1)
    jobs = _run(ctx, plan_jobs, found, out if fmt != "jsonl" else None, fmt)
    if ocr:
        import dataclasses

        jobs = [dataclasses.replace(j, ocr=ocr) for j in jobs]
    sources = [j.path for j in jobs]
    _guard_output(ctx, report, *sources)
    if fmt == "jsonl":
        _guard_output(ctx, out, *sources)
    if report and out and fmt == "jsonl" and out != "-" and _same_path(report, out):
        _fail(ctx, f"{report}: --report and -o name the same file", 2)
    import contextlib

    from .fileio import open_atomic

    streaming = fmt == "jsonl" and out and out != "-"
    with contextlib.ExitStack() as stack:
        stream = None
        if fmt == "jsonl":
            stream = _run(ctx, stack.enter_context, open_atomic(out)) if streaming else sys.stdout.buffer
        failed = _batch_run(ctx, jobs, stream, report, out if fmt != "jsonl" else None,
                            dict(jobs_n=jobs_n, force=force, fail_fast=fail_fast, max_bytes=max_size, engine=engine,
                                 scheduler=scheduler, budget=Budget(timeout or None, memory or None)))
    if failed:
        ctx.exit(1)


def _same_path(a: str, b: str) -> bool:
    from .fileio import output_target

    return output_target(a) == output_target(b)


def _batch_run(ctx, jobs, stream, report, outdir, options) -> bool:
    """Run the jobs with a progress bar and a summary; True when any failed."""
    from .batch import run_batch
    from .textsafe import shown

    quiet = is_quiet(ctx)
    show_bar = sys.stderr.isatty() and not quiet
    counts = {"ok": 0, "warnings": 0, "failed": 0, "skipped": 0}
    failures: list[str] = []
    warned: list = []
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
                click.echo(f"kehoach: failed: {shown(s.error or s.input)}", err=True)
        if s.warnings:
            warned.append(s)
            if progress is None and is_verbose(ctx):
                _list_warnings([s])
        if stream is not None and s.line is not None:
            stream.write(s.line.encode("utf-8") + b"\n")
            s.line = None  # written: keep memory flat over thousands of plans
        if progress is not None:
            progress.update(task_id, advance=1, description=Path(s.input).name[:40])

    try:
        results = _run(ctx, run_batch, jobs, on_result=on_result, outdir=outdir, **options)
    finally:
        if progress is not None:
            progress.stop()
    if report:
        data = json.dumps({"version": __version__, "inputs": [r.report() for r in results]}, ensure_ascii=False, indent=2)
        _run(ctx, write_output, data + "\n", report)
    if progress is not None:
        for f in failures:
            click.echo(f"kehoach: failed: {shown(f)}", err=True)
        if is_verbose(ctx):
            _list_warnings(warned)
    if warned and not quiet and not is_verbose(ctx):
        from .cliutil import count_codes, summary_line

        codes = count_codes(w for s in warned for w in s.warnings)
        click.echo(f"kehoach: {summary_line(codes, files=len(warned))}", err=True)
    done = counts["ok"] + counts["warnings"]
    if not quiet or counts["failed"]:
        click.echo(f"kehoach: {done} converted ({counts['ok']} ok, {counts['warnings']} with warnings), "
                   f"{counts['failed']} failed, {counts['skipped']} up to date, of {len(jobs)} inputs", err=True)
    return bool(counts["failed"])


def _list_warnings(summaries) -> None:
    from .cliutil import warning_line

    for s in summaries:
        for w in s.warnings:
            click.echo(warning_line(s.input, w), err=True)


INDEX_HELP = """Index plans into an SQLite database (no server) for questions across plans.

PLAN_OR_DIR is a document, a plan file written by `kehoach extract` (.yaml/.json), or a folder
of either. Re-indexing a changed plan replaces its rows; an unchanged one is skipped.

\b
Examples:
  kehoach index plans/ --db plans.sqlite
  kehoach index archive/ke-hoach-2024/ extracted/*.yaml --db plans.sqlite
"""


@main.command(help=INDEX_HELP)
@global_options
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", required=True, metavar="FILE", help="The SQLite database (created if missing).")
@click.pass_context
def index(ctx, inputs, db) -> None:
    from .indexing import index_inputs, run_index
    from .textsafe import shown

    counts = _run(ctx, run_index, db, index_inputs(inputs), lambda m: click.echo(f"kehoach: {shown(m)}", err=True))
    dup = f", {counts['duplicate']} duplicate" if counts["duplicate"] else ""
    if counts["failed"] or not is_quiet(ctx):
        click.echo(f"kehoach: {counts['added']} added, {counts['replaced']} replaced, {counts['unchanged']} unchanged"
                   f"{dup}, {counts['failed']} failed -> {shown(db)}", err=True)
    if counts["failed"]:
        ctx.exit(1)


def load_plan_or_document(path: str) -> dict:
    """A validated plan from a plan file (one reader for every command), or one extracted from a document."""
    from .planfile import read_plan_or_document

    return read_plan_or_document(path)


TASKS_SUFFIX = {".csv": "csv", ".json": "json", ".xlsx": "xlsx", ".tsv": "table", ".txt": "table"}
TASK_COLUMNS = ["Kế hoạch", "Ngày", "Mã", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Bắt đầu",
                "Kết thúc", "Sản phẩm"]


@main.command()
@global_options
@click.option("--db", required=True, metavar="FILE", help="The index built by `kehoach index`.")
@click.option("--agency", metavar="NAME", help="Tasks of this agency (any spelling, with or without diacritics).")
@click.option("--role", type=click.Choice(["lead", "support", "any"]), default="lead", show_default=True,
              help="With --agency: as lead, as support, or either.")
@click.option("--due-before", callback=_date_option, metavar="DATE", help="Deadline before DATE (YYYY-MM-DD).")
@click.option("--overdue-as-of", callback=_date_option, metavar="DATE",
              help="Deadline passed by DATE (or 'today'), not recurring.")
@click.option("--plan", "plan_number", metavar="NUMBER", help="Only this plan (e.g. 12/KH-UBND).")
@click.option("--search", metavar="TEXT", help="Words in the task or its agencies; diacritics optional.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx"]), default=None,
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
    from .index import connect, find_tasks

    _guard_output(ctx, out, db)
    fmt = output_format(out, fmt, TASKS_SUFFIX, "table")
    con = _run(ctx, connect, db, False)
    try:
        match = _agency_match(ctx, con, agency) if agency else None
        query = (None, role, due_before, overdue_as_of, plan_number, search)
        ids = match.all_ids if match else None
        rows = _run(ctx, find_tasks, con, *query, limit or None, agency_ids=ids)
        if limit and len(rows) == limit:
            total = find_tasks(con, *query, count_only=True, agency_ids=ids)
            if total > limit:
                click.echo(f"kehoach: showing the {limit} soonest of {total} tasks; --limit 0 shows all", err=True)
        vias = _predecessor_marks(con, match, query, limit, rows)
    finally:
        con.close()
    values = [[r.plan, r.plan_date or "", r.tid, r.title, f"{r.lead} (nay: {match.current})" if via else r.lead,
               r.support, r.deadline, r.start or "", r.end or "", r.output or ""] for r, via in zip(rows, vias, strict=True)]
    if fmt == "json":
        keys = ["plan", "plan_date", "id", "title", "lead", "support", "deadline", "start", "end", "output"]
        data = json.dumps([{**dict(zip(keys, [r.plan, r.plan_date or "", r.tid, r.title, r.lead, *v[5:]], strict=True)),
                            "via_predecessor": via} for r, v, via in zip(rows, values, vias, strict=True)],
                          ensure_ascii=False, indent=2) + "\n"
        _emit_bytes(ctx, data.encode("utf-8"), out, False)
    elif fmt == "csv":
        import csv
        import io

        from .export.checklist import _safe_cell

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(TASK_COLUMNS)
        w.writerows([[_safe_cell(c) for c in v] for v in values])
        _emit_bytes(ctx, "\ufeff".encode() + buf.getvalue().encode("utf-8"), out, False)
    elif fmt == "xlsx":
        _emit_bytes(ctx, _tasks_xlsx(values), out, True)
    else:
        if out or not sys.stdout.isatty():
            from .textsafe import one_line

            lines = ["\t".join(TASK_COLUMNS)] + ["\t".join(one_line(str(c)) for c in v) for v in values]
            _emit_bytes(ctx, ("\n".join(lines) + "\n").encode("utf-8"), out, False)
        else:
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


def _agency_match(ctx, con, agency: str):
    """The agencies --agency means, with its predecessors; exit 1 with near names when none."""
    from .agencymatch import resolve_agency

    match = resolve_agency(con, agency)
    if not match.found:
        hint = f"; did you mean: {' | '.join(match.suggestions)}?" if match.suggestions else \
            "; `kehoach agencies` lists the names in the index"
        _fail(ctx, f"no agency in the index is called {agency!r}{hint}")
    if match.predecessors and not is_quiet(ctx):
        click.echo(f"kehoach: {match.current} also carries the work of {' | '.join(match.predecessors.values())}; "
                   f"their tasks are included, marked '(nay: {match.current})'", err=True)
    return match


def _predecessor_marks(con, match, query, limit, rows) -> list[str | None]:
    """For each row: the predecessor it was found through, or None when the agency itself has it."""
    if not match or not match.predecessors:
        return [None] * len(rows)
    from .index import find_tasks
    from .vn import fold

    direct = {(r.plan, r.tid) for r in find_tasks(con, *query, limit or None, agency_ids=match.ids)} if match.ids else set()
    marks = []
    for r in rows:
        if (r.plan, r.tid) in direct:
            marks.append(None)
            continue
        text = fold(f"{r.lead} {r.support}")
        names = list(match.predecessors.values())
        marks.append(next((n for n in names if fold(n) in text), names[0]))
    return marks


def _tasks_xlsx(values: list[list]) -> bytes:
    """The tasks as a workbook to filter and print (A4 landscape, fitted to the width, header on
    every page), like the checklist's."""
    import datetime as dt
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from .export.checklist import _print_setup, _safe_cell, row_height

    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    widths = [14, 11, 7, 50, 24, 24, 15, 11, 11, 18]
    ws.append(TASK_COLUMNS)
    for c in ws[1]:
        c.font = Font(bold=True)
    top = Alignment(wrap_text=True, vertical="top")
    last = 1  # rows counted here: ws.max_row scans every cell
    for v in values:
        row = [_safe_cell(x) for x in v]
        for k in (7, 8):
            row[k] = dt.date.fromisoformat(v[k]) if v[k] else None
        ws.append(row)
        last += 1
        ws.row_dimensions[last].height = row_height(row, widths)
        for k in range(1, len(row) + 1):
            cell = ws.cell(last, k)
            cell.alignment = top
            if k in (8, 9):
                cell.number_format = "DD/MM/YYYY"
    for col, width in zip("ABCDEFGHIJ", widths, strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:J{last}"
    _print_setup(ws, "Nhiệm vụ")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@main.command()
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

    _guard_output(ctx, out, db)
    fmt = output_format(out, fmt, {".json": "json", ".tsv": "table", ".txt": "table"}, "table")
    con = _run(ctx, connect, db, False)
    rows = list_agencies(con)
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
    _emit_bytes(ctx, text.encode("utf-8"), out, False)


@main.command()
@global_options
@click.argument("old")
@click.argument("new")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default=None,
              help="text or json. Default: from the -o suffix, else text.")
@click.option("-o", "--output", "out", default=None, metavar="OUT", help="Write to OUT instead of stdout (.txt, .diff, .json).")
@click.pass_context
def diff(ctx, old, new, fmt, out) -> None:
    """Compare two versions of a plan (an amended plan, or one plan as DOCX and PDF): tasks added,
    removed or changed (lead, deadline, deliverable), targets changed, sections renumbered.
    Exit 0 when they are the same, 1 when they differ, 2 when one cannot be read (like diff).

    \b
    Examples:
      kehoach diff ke-hoach-39.docx ke-hoach-39.pdf
      kehoach diff old.yaml new.yaml --format json
    """
    from .diff import diff_plans, diff_to_text, has_differences

    ctx.meta["kehoach.error_code"] = 2  # 1 means "they differ"
    _guard_output(ctx, out, old)
    _guard_output(ctx, out, new)
    fmt = output_format(out, fmt, {".txt": "text", ".diff": "text", ".json": "json"}, "text")
    a = load_source(ctx, old)
    b = load_source(ctx, new)
    d = _run(ctx, diff_plans, a, b)
    from .textsafe import shown

    text = json.dumps(d, ensure_ascii=False, indent=2) + "\n" if fmt == "json" else diff_to_text(d, shown(old), shown(new))
    _emit_bytes(ctx, text.encode("utf-8"), out, False)
    if has_differences(d):
        ctx.exit(1)


@main.command("datasette-metadata")
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
    _guard_output(ctx, out)
    data = yaml.safe_load(resources.files("kehoach").joinpath("data/datasette.yaml").read_text(encoding="utf-8"))
    data["databases"] = {Path(db).stem: data["databases"]["plans"]}
    _emit_bytes(ctx, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), out, False)


@main.command()
@global_options
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
