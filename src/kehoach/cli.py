"""The command line: options in, one library call, output and an exit code out.

Exit codes: 0 success; 1 an input could not be processed, a plan is invalid, or --strict met
warnings; 2 usage error.
"""

from __future__ import annotations

import json

import click

from . import __version__
from .cliutil import (
    echo_err,
    emit_bytes,
    global_options,
    guard_output,
    is_quiet,
    is_verbose,
    load_source,
    output_format,
    run,
    settings,
    size_option,
)
from .entry import DEFAULT_MAX_SIZE, PLAN_FORMATS, extract_command

EXTRACT_HELP = """Extract the plan from FILE (.docx, .pdf, .doc/.rtf/.odt via LibreOffice, text, Markdown
or HTML, an image of a scanned page with --ocr; "-" reads stdin).

Writes one tree (YAML by default, or JSON) with the header, sections, targets, tasks,
warnings and coverage. Output goes to stdout unless -o is given.

\b
Examples:
  kehoach extract ke-hoach.docx
  kehoach extract plan.txt --format json -o plan.json
  kehoach extract ke-hoach-so-39.pdf -o ke-hoach-so-39.yaml
  cat plan.txt | kehoach extract - --strict > plan.yaml
  kehoach extract --ocr scan.pdf -o scan.yaml   # a scan: OCR (pip install 'kehoach[ocr]')
  kehoach extract --ocr trang-1.jpg             # a photo or scan of a page
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


class _Commands(click.Group):
    """kehoach's commands; those that live in modules of their own are imported when named (or
    listed by --help), so that `kehoach extract` does not pay for building them."""

    ELSEWHERE = {"batch": ("cli_batch", "batch"), "export": ("cli_export", "export"), "index": ("cli_index", "index"),
                 "tasks": ("cli_index", "tasks"), "agencies": ("cli_index", "agencies"),
                 "datasette-metadata": ("cli_index", "datasette_metadata")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.ELSEWHERE})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.ELSEWHERE and cmd_name not in self.commands:
            import importlib

            module, name = self.ELSEWHERE[cmd_name]
            self.add_command(getattr(importlib.import_module(f"{__package__}.{module}"), name), cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] not in self.commands and args[0] not in self.ELSEWHERE:
            for name in self.ELSEWHERE:  # an unknown name: every command loaded, for "Did you mean 'batch'?"
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
@click.option("-f", "--format", "fmt", type=click.Choice(PLAN_FORMATS), default=None,
              help="Output format (default: from the -o suffix, else yaml).")
@click.option("-o", "--output", "out", type=str, default=None, metavar="OUT",
              help="Write to OUT instead of stdout (written atomically).")
@click.option("--strict", is_flag=True, help="Exit 1 when the extractor reports any warning.")
@click.option("--max-size", callback=size_option, default=DEFAULT_MAX_SIZE, show_default=True, metavar="SIZE",
              help="Refuse inputs larger than SIZE (e.g. 200M).")
@click.option("--ocr", "ocr", flag_value="auto", default=None,
              help="Read a PDF with no text layer (a scan), or an image of a page, through OCR (OCRmyPDF + "
                   "Tesseract, Vietnamese).")
@click.option("--force-ocr", "ocr", flag_value="force", help="OCR every page, replacing a PDF's text layer.")
@click.pass_context
def extract(ctx: click.Context, file: str, fmt: str | None, out: str | None, strict: bool, max_size: int,
            ocr: str | None) -> None:
    extract_command(ctx, file, fmt, out, strict, max_size, ocr)  # also run without click: see kehoach.entry


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
    if fmt == "json":  # a report that cannot be written (closed stdout) is one line and exit 1, never lost in silence
        emit_bytes(ctx, (json.dumps({"files": results, "valid": sum(r["status"] == "valid" for r in results),
                                     "invalid": len(invalid), "skipped": sum(r["status"] == "skipped" for r in results)},
                                    ensure_ascii=False, indent=2) + "\n").encode("utf-8"), None, False)
    else:
        for r in results:
            for p in r["problems"]:
                click.echo(shown(f"{r['file']}: {p['path']}: {p['message']}" if p["path"] else p["message"]))
            if r["status"] == "skipped" and is_verbose(ctx):
                echo_err(f"kehoach: {r['file']}: skipped: not a plan file")
    if invalid or not is_quiet(ctx):
        from .cliutil import validate_summary

        echo_err(f"kehoach: {validate_summary(results)}")
    if invalid:
        ctx.exit(1)


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
    if old == new == "-":
        raise click.UsageError("standard input (-) can be only one of OLD and NEW")
    guard_output(ctx, out, old)
    guard_output(ctx, out, new)
    fmt = output_format(out, fmt, {".txt": "text", ".diff": "text", ".json": "json"}, "text")
    a = load_source(ctx, old)
    b = load_source(ctx, new)
    d = run(ctx, diff_plans, a, b)
    from .textsafe import shown

    text = json.dumps(d, ensure_ascii=False, indent=2) + "\n" if fmt == "json" else diff_to_text(d, shown(old), shown(new))
    emit_bytes(ctx, text.encode("utf-8"), out, False)
    if has_differences(d):
        ctx.exit(1)


@main.command()
@global_options
@click.pass_context
def schema(ctx: click.Context) -> None:
    """Print the plan JSON Schema (JSON Schema 2020-12).

    \b
    Example:
      kehoach schema > plan.schema.json
    """
    from .validate import schema_text

    emit_bytes(ctx, schema_text().encode("utf-8"), None, False)


if __name__ == "__main__":  # pragma: no cover
    main()
