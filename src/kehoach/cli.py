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
