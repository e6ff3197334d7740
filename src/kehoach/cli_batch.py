"""`kehoach batch`: many documents converted, with progress, a report and a summary."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .cliutil import (
    echo_err,
    fail,
    global_options,
    guard_output,
    is_quiet,
    is_verbose,
    run,
    seconds_option,
    size_option,
    write_output,
)

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


@click.command(help=BATCH_HELP)
@global_options
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out", default=None, metavar="OUTDIR",
              help="Output folder (yaml/json), or file for jsonl (default: stdout).")
@click.option("-f", "--format", "fmt", type=click.Choice(["yaml", "json", "jsonl"]), default="yaml", show_default=True)
@click.option("-j", "--jobs", "jobs_n", type=click.IntRange(min=0), default=0, help="Worker processes (default: all cores; at most 4 per core).")
@click.option("--fail-fast", is_flag=True, help="Stop at the first failure.")
@click.option("--force", is_flag=True, help="Convert again even when the output is up to date.")
@click.option("--report", type=str, default=None, metavar="FILE", help="Write a JSON report, one entry per input.")
@click.option("--max-size", callback=size_option, default="50M", show_default=True, metavar="SIZE",
              help="Refuse inputs larger than SIZE (e.g. 200M).")
@click.option("--timeout", type=click.FloatRange(min=0), callback=seconds_option, default=300, show_default=True, metavar="SECONDS",
              help="Give up on a file after SECONDS (0: no limit); it is reported as failed and the run goes on.")
@click.option("--memory-limit", "memory", callback=size_option, default="2G", show_default=True, metavar="SIZE",
              help="Memory one file may take (0: no limit); a file over it is reported as failed.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on this machine, or on a dask.distributed cluster (pip install 'kehoach[dask]').")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="The dask scheduler, with --engine dask.")
@click.option("--ocr", "ocr", flag_value="auto", default=None,
              help="Read PDFs with no text layer (scans), and images of pages named as inputs, through OCR "
                   "(OCRmyPDF + Tesseract, Vietnamese).")
@click.option("--force-ocr", "ocr", flag_value="force", help="OCR every page of every PDF.")
@click.pass_context
def batch(ctx, inputs, out, fmt, jobs_n, fail_fast, force, report, max_size, timeout, memory, engine, scheduler,
          ocr) -> None:
    from .batch import plan_jobs
    from .inputs import expand_inputs
    from .workers import Budget

    if fmt != "jsonl":
        _check_outdir(ctx, out)
    if engine == "dask" and not scheduler:
        fail(ctx, "--engine dask needs --scheduler ADDRESS", 2)
    jobs_n = _worker_count(ctx, jobs_n, engine)
    found = run(ctx, lambda: list(expand_inputs(inputs)))
    if not found:
        fail(ctx, f"no input documents found in {' '.join(inputs)}", 1)
    jobs = run(ctx, plan_jobs, found, out if fmt != "jsonl" else None, fmt)
    if ocr:
        import dataclasses

        jobs = [dataclasses.replace(j, ocr=ocr) for j in jobs]
    sources = [j.path for j in jobs]
    guard_output(ctx, report, *sources)
    _check_report(ctx, report, jobs, out if fmt != "jsonl" else None)
    if fmt == "jsonl":
        guard_output(ctx, out, *sources)
    if report and out and fmt == "jsonl" and out != "-" and _same_path(report, out):
        fail(ctx, f"{report}: --report and -o name the same file", 2)
    if report == "-" and fmt == "jsonl" and (not out or out == "-"):
        fail(ctx, "--report - and the JSON Lines would share standard output; give --report FILE", 2)
    _check_writable(ctx, out if fmt != "jsonl" else None, report)
    import contextlib

    from .fileio import open_atomic

    streaming = fmt == "jsonl" and out and out != "-"
    if fmt == "jsonl" and not streaming and sys.stdout is None:
        fail(ctx, "cannot write to standard output: it is closed")
    with contextlib.ExitStack() as stack:
        stream = None
        if fmt == "jsonl":
            stream = _File(out, run(ctx, stack.enter_context, open_atomic(out))) if streaming else _Stdout()
        outcome = _batch_run(ctx, jobs, stream, report, out if fmt != "jsonl" else None,
                             dict(jobs_n=jobs_n, force=force, fail_fast=fail_fast, max_bytes=max_size, engine=engine,
                                  scheduler=scheduler, budget=Budget(timeout or None, memory or None)))
        if isinstance(outcome, str):  # Ctrl-C: the lines finished replace -o FILE; none, and it stays as it was
            if isinstance(stream, _File) and stream.lines:
                run(ctx, stream.keep_whole_lines)
            else:
                fail(ctx, outcome, 130)
        closing = stack.pop_all()
    run(ctx, closing.close)  # -o FILE put in place: a Ctrl-C or a full disk at that moment is one line too
    if isinstance(outcome, str):
        fail(ctx, outcome, 130)
    if outcome:
        ctx.exit(1)


MAX_WORKERS_PER_CORE = 4


def _worker_count(ctx, jobs_n: int, engine: str) -> int:
    """-j as given, at most MAX_WORKERS_PER_CORE per core (-j 100000 would start a process per
    file, each with its own memory budget): said on stderr when it is cut."""
    most = MAX_WORKERS_PER_CORE * (os.cpu_count() or 1)
    if engine != "local" or jobs_n <= most:
        return jobs_n
    if not is_quiet(ctx):
        echo_err(f"kehoach: -j {jobs_n} is more than {MAX_WORKERS_PER_CORE} workers per core; running {most}")
    return most


def _check_report(ctx, report: str | None, jobs, outdir: str | None) -> None:
    """Exit 2 when --report would replace a plan the run writes, or the folder's record."""
    from .batch import LOCK, MANIFEST
    from .fileio import output_target

    if not report or report == "-":
        return
    target = output_target(report)
    for job in jobs:
        if job.output and output_target(job.output) == target:
            fail(ctx, f"{report}: --report names the output of {job.path}; choose another name", 2)
    if outdir and os.path.dirname(target) == output_target(outdir) and os.path.basename(target) in (MANIFEST, LOCK):
        fail(ctx, f"{report}: --report names the record batch keeps in {outdir}; choose another name", 2)


def _check_writable(ctx, outdir: str | None, report: str | None) -> None:
    """Exit 1 before converting anything when OUTDIR or the report's folder cannot be written (a
    read-only folder), rather than one failure per file, or a report lost after the whole run."""
    from . import leftovers
    from .fileio import TEMP_TAG, _new_temp

    folders = []
    if report and report != "-" and not (os.path.exists(report) and not os.path.isfile(report)):  # not /dev/stdout
        folders.append((os.path.dirname(os.path.abspath(report)), report))
    if outdir:
        folders.append((outdir, outdir))
    for folder, name in folders:
        try:
            os.makedirs(folder, exist_ok=True)
            fd, tmp = _new_temp(folder, f".write-check.{TEMP_TAG}{leftovers.owner()}-")
            os.close(fd)
            os.unlink(tmp)
        except OSError as e:
            fail(ctx, f"cannot write {name}: {e.strerror or type(e).__name__}")


def _check_outdir(ctx, out: str | None) -> None:
    """Exit 2 unless ``out`` names a folder that is, or can be made, a folder."""
    from .fileio import not_a_folder

    if not out or out == "-":
        fail(ctx, "give an output folder with -o OUTDIR (or use --format jsonl to write one stream)", 2)
        return
    blocker = not_a_folder(out)
    if blocker is not None:
        fail(ctx, f"{out}: exists and is not a folder" if os.path.exists(out) and not os.path.isdir(out)
             else f"cannot write into {out}: {blocker} is not a folder", 2)


class _Stdout:
    """Standard output for the JSON Lines: a pipe closed by its reader (``| head -1``) ends the run
    quietly with exit code 1, as `kehoach extract` ends it; any other failure is one line."""

    def write(self, data: bytes) -> None:
        from .cliutil import write_stdout

        write_stdout(data)


class _File:
    """The -o FILE of the JSON Lines: a pipe or device (``-o /dev/stdout``) whose reader has gone
    ends the run as standard output's does."""

    def __init__(self, name: str, fh) -> None:
        self.name, self.fh = name, fh
        self.whole = 0  # bytes of the lines written in full: a Ctrl-C may cut the write of the next
        self.lines = 0

    def write(self, data: bytes) -> None:
        from .errors import ClosedPipe

        try:
            self.fh.write(data)
        except BrokenPipeError as e:
            raise ClosedPipe(f"cannot write {self.name}: the reader of the pipe has gone") from e
        self.whole += len(data)
        self.lines += 1

    def keep_whole_lines(self) -> None:
        """After Ctrl-C: the file holds the lines written in full, and nothing of a line cut short
        (a pipe or device keeps what it was given)."""
        self.fh.flush()
        if self.fh.seekable():
            self.fh.truncate(self.whole)


def _same_path(a: str, b: str) -> bool:
    from .fileio import output_target

    return output_target(a) == output_target(b)


def _batch_run(ctx, jobs, stream, report, outdir, options) -> bool | str:
    """Run the jobs with a progress bar and a summary; True when any failed. After Ctrl-C, the
    line that says what was kept (the caller ends the run with it, once -o FILE is in place)."""
    from .batch import run_batch
    from .textsafe import shown

    show_bar = sys.stderr is not None and sys.stderr.isatty() and not is_quiet(ctx)
    counts = {"ok": 0, "warnings": 0, "failed": 0, "skipped": 0}
    failures: list[str] = []
    warned: list = []
    progress, task_id = _progress_bar(len(jobs)) if show_bar else (None, None)

    finished: dict[str, object] = {}

    def on_result(s) -> None:
        finished[s.input] = s
        counts[s.status] += 1
        if s.status == "failed":
            failures.append(s.error or s.input)
            if progress is None:
                echo_err(f"kehoach: failed: {shown(s.error or s.input)}")
        if s.warnings:
            warned.append(s)
            if progress is None and is_verbose(ctx):
                _list_warnings([s])
        if stream is not None and s.line is not None:
            stream.write(s.line.encode("utf-8") + b"\n")
            s.line = None  # written: keep memory flat over thousands of plans
        if progress is not None and task_id is not None:
            progress.update(task_id, advance=1, description=Path(s.input).name[:40])

    def converting():
        try:
            return run_batch(jobs, on_result=on_result, outdir=outdir, **options)
        except KeyboardInterrupt:
            return None

    try:
        results = run(ctx, converting)
    finally:
        if progress is not None:
            progress.stop()
    if results is None:  # Ctrl-C: what is finished is kept (and in the report), and the next run skips it
        if report:
            run(ctx, _write_report, report, [finished.get(j.path) or _not_run(j) for j in jobs], True)
        return _interrupted(sum(counts.values()), len(jobs), outdir, stream)
    if report:
        run(ctx, _write_report, report, results, False)
    _tell_end(ctx, counts, failures if progress is not None else [], warned, progress is not None, len(jobs))
    return bool(counts["failed"])


def _interrupted(done: int, total: int, outdir: str | None, stream) -> str:
    """What a Ctrl-C leaves: the plans written to OUTDIR, or the lines of -o FILE."""
    if not done:
        return "interrupted"
    if outdir:
        return f"interrupted after {done} of {total} inputs; the plans written to {outdir} are kept and a new run skips them"
    if isinstance(stream, _File):
        return f"interrupted after {done} of {total} inputs; {stream.name} holds the {stream.lines} plan{'s' if stream.lines != 1 else ''} finished"
    return f"interrupted after {done} of {total} inputs"


def _write_report(report: str, summaries: list, interrupted: bool) -> None:
    """The --report: one entry per input; after Ctrl-C, ``"interrupted": true`` and the inputs
    not converted by then with the status "interrupted"."""
    data = {"version": __version__, **({"interrupted": True} if interrupted else {}),
            "inputs": [s.report() for s in summaries]}
    write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", report)


def _not_run(job):
    from .batch import Summary

    return Summary(job.path, "interrupted", job.output)


def _tell_end(ctx, counts: dict, failures: list[str], warned: list, after_bar: bool, total: int) -> None:
    """The end of a run on stderr: the failures and warnings a progress bar held back, a warning
    summary, and the counts."""
    from .textsafe import shown

    quiet = is_quiet(ctx)
    for f in failures:
        echo_err(f"kehoach: failed: {shown(f)}")
    if after_bar and is_verbose(ctx):
        _list_warnings(warned)
    if warned and not quiet and not is_verbose(ctx):
        from .cliutil import count_codes, summary_line

        codes = count_codes(w for s in warned for w in s.warnings)
        echo_err(f"kehoach: {summary_line(codes, files=len(warned))}")
    done = counts["ok"] + counts["warnings"]
    if not quiet or counts["failed"]:
        echo_err(f"kehoach: {done} converted ({counts['ok']} ok, {counts['warnings']} with warnings), "
                 f"{counts['failed']} failed, {counts['skipped']} up to date, of {total} inputs")


def _progress_bar(total: int):
    """A progress bar on stderr, started, and its task."""
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
    return progress, progress.add_task("", total=total)


def _list_warnings(summaries) -> None:
    from .cliutil import warning_line

    for s in summaries:
        for w in s.warnings:
            echo_err(warning_line(s.input, w))
