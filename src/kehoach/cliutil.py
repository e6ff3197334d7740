"""Conventions every command shares: global options, warnings on stderr, output formats from -o.

Kept apart from cli.py so that each command there stays a short list of options and one library
call.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable

from .paths import suffix as path_suffix

TYPE_CHECKING = False
if TYPE_CHECKING:
    import click

# click is imported where an option or a usage error is built, not here: `kehoach extract FILE`
# runs through kehoach.entry without it (see there), with these same functions.

# ---------------------------------------------------------------------------------------------
# -v / -q / --debug: accepted before the subcommand (kehoach -v extract) and after it
# (kehoach extract FILE -v), as most command-line tools do.


def settings(ctx: click.Context) -> dict:
    """The global settings, shared by every context of one invocation."""
    root = ctx.find_root()
    if root.obj is None:
        root.obj = {}
    root.obj.setdefault("verbose", 0)
    root.obj.setdefault("quiet", False)
    root.obj.setdefault("debug", False)
    return root.obj


def _set(ctx: click.Context, param: click.Parameter, value):
    obj = settings(ctx)
    if param.name == "verbose":
        obj["verbose"] += value or 0
    elif value:
        obj[param.name] = True
    return value


def global_options(f: Callable) -> Callable:
    """Add -v/-q/--debug to a command; they set the shared settings wherever they are given."""
    import click

    options = [
        click.option("--debug", is_flag=True, expose_value=False, callback=_set,
                     help="Show a traceback on errors."),
        click.option("-v", "--verbose", count=True, expose_value=False, callback=_set,
                     help="List every warning on stderr (default: one summary line)."),
        click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_set,
                     help="Only errors on stderr."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def is_quiet(ctx: click.Context) -> bool:
    return bool(settings(ctx)["quiet"])


def is_verbose(ctx: click.Context) -> bool:
    s = settings(ctx)
    return s["verbose"] > 0 and not s["quiet"]


def echo_err(line: str) -> None:
    """One line on stderr, control characters escaped: a file name or a document's words in a
    warning cannot forge a line or drive the terminal."""
    from .textsafe import shown

    text, stream = shown(line) + "\n", sys.stderr
    if stream is None:  # no stderr at all: nowhere to say it, as click.echo
        return
    try:
        if _ascii_only(stream) and hasattr(stream, "buffer"):
            # as click writes to a stream opened as ASCII (taken as misconfigured): in UTF-8, an
            # undecodable byte of a file name as "?", not in \u escapes
            stream.flush()
            stream.buffer.write(text.encode("utf-8", "replace"))
            stream.buffer.flush()
            return
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):  # stderr closed (2>&-): the exit code still tells
        pass


def _ascii_only(stream) -> bool:
    import codecs

    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "ascii"
    except LookupError:
        return False


# ---------------------------------------------------------------------------------------------
# Warnings: one summary line by default, every warning with -v, nothing with -q.


def warning_line(name: str, w: dict) -> str:
    loc = w.get("loc") or {}
    where = ""
    if loc.get("page"):
        where = f":p{loc['page']}"
    if loc.get("line"):
        where += f":{loc['line']}"
    return f"{name}{where}: warning [{w.get('code')}]: {w.get('message')}"


def count_codes(warnings: Iterable[dict]) -> Counter:
    return Counter(w.get("code") or "?" for w in warnings)


def summary_line(codes: Counter, files: int | None = None) -> str:
    """'3 warnings: not-a-plan, deadline-unparsed ×2; -v to list' (most frequent first)."""
    n = sum(codes.values())
    # not-a-plan first: it changes how every other warning reads
    order = sorted(codes.items(), key=lambda x: (x[0] != "not-a-plan", -x[1], x[0]))
    parts = [code if k == 1 else f"{code} ×{k}" for code, k in order]
    where = f" in {files} file{'s' if files != 1 else ''}" if files is not None else ""
    return f"{n} warning{'s' if n != 1 else ''}{where}: {', '.join(parts)}; -v to list"


def report_warnings(ctx: click.Context, name: str, warnings: list[dict], force_list: bool = False) -> None:
    """Tell the user about a plan's warnings on stderr as the global options ask."""
    if not warnings:
        return
    if force_list or is_verbose(ctx):
        for w in warnings:
            echo_err(warning_line(name, w))
    elif not is_quiet(ctx):
        echo_err(f"kehoach: {name}: {summary_line(count_codes(warnings))}")


# ---------------------------------------------------------------------------------------------
# Output formats: --format wins; else the -o suffix decides; an -o suffix that names no format the
# command writes is refused (a slip like `-o plan.docx` for YAML, `-o q.xlsx` for text).


def output_format(out: str | None, fmt: str | None, suffixes: dict[str, str], default: str) -> str:
    """The format to write: from --format, else from the -o suffix, else ``default``.

    Raises click.UsageError for an -o whose suffix is not one of ``suffixes`` (a name without a
    suffix takes the default), or whose suffix names another format than --format.
    """
    chosen, problem = format_choice(out, fmt, suffixes, default)
    if problem:
        import click

        raise click.UsageError(problem)
    return chosen


def format_choice(out: str | None, fmt: str | None, suffixes: dict[str, str], default: str) -> tuple[str, str | None]:
    """(format, None), or (default, the usage error) for the cases :func:`output_format` refuses."""
    if not out or out == "-":
        return fmt or default, None
    suffix = path_suffix(out).lower()
    if not suffix or out.startswith("/dev/"):
        return fmt or default, None
    known = ", ".join(sorted(suffixes))
    if suffix not in suffixes:
        return default, f"{out}: this command does not write {suffix} files; name the output {known}"
    if fmt and suffixes[suffix] != fmt:
        return default, f"{out}: the suffix {suffix} says {suffixes[suffix]} but --format says {fmt}"
    return suffixes[suffix], None


# ---------------------------------------------------------------------------------------------
# validate: one result per file, for the text lines, the JSON report and the summary.


def looks_like_plan_file(path: str, head: int = 65536) -> bool:
    """Whether a YAML/JSON file is a plan file by its content (kehoach writes schema_version first)."""
    try:
        with open(path, "rb") as f:
            return b"schema_version" in f.read(head)
    except OSError:
        return True  # let the loader report the error


def validate_files(paths: Iterable[str], plans_only: bool = False) -> list[dict]:
    """{file, status: valid|invalid|skipped, problems: [{path, message}]} for each file."""
    from .errors import KehoachError
    from .planfile import load_plan
    from .validate import check_plan

    results: list[dict] = []
    for path in paths:
        if plans_only and path != "-" and not looks_like_plan_file(path):
            results.append({"file": path, "status": "skipped", "problems": []})
            continue
        try:
            plan = load_plan(path)
        except KehoachError as e:
            results.append({"file": path, "status": "invalid", "problems": [{"path": None, "message": str(e)}]})
            continue
        if plans_only and not (isinstance(plan, dict) and "schema_version" in plan):
            results.append({"file": path, "status": "skipped", "problems": []})
            continue
        problems = [{"path": where, "message": message} for where, message in check_plan(plan)]
        results.append({"file": path, "status": "invalid" if problems else "valid", "problems": problems})
    return results


def validate_summary(results: list[dict]) -> str:
    """'3 files ok', '1 of 3 files invalid (2 problems)', with skipped files counted apart."""
    def files(n: int) -> str:
        return f"{n} file{'s' if n != 1 else ''}"

    checked = [r for r in results if r["status"] != "skipped"]
    invalid = [r for r in checked if r["status"] == "invalid"]
    skipped = len(results) - len(checked)
    tail = f", {files(skipped)} skipped (not {'plan files' if skipped != 1 else 'a plan file'})" if skipped else ""
    if invalid:
        n = sum(len(r["problems"]) for r in invalid)
        return f"{len(invalid)} of {files(len(checked))} invalid ({n} problem{'s' if n != 1 else ''}){tail}"
    return f"{files(len(checked))} ok{tail}"


# ---------------------------------------------------------------------------------------------
# Errors, outputs and option values every command shares.


def fail(ctx: click.Context, message: str, code: int | None = None) -> None:
    """One line on stderr and exit; the code is 1 unless the command says otherwise (diff: 2)."""
    from .textsafe import shown

    echo_err(f"kehoach: {shown(message)}")
    ctx.exit(code if code is not None else ctx.meta.get("kehoach.error_code", 1))


def run(ctx: click.Context, fn, *args, **kwargs):
    """Call the library; turn its errors into one line on stderr (a traceback only with --debug)."""
    from .errors import ClosedPipe, KehoachError

    debug = settings(ctx)["debug"]
    try:
        return fn(*args, **kwargs)
    except ClosedPipe:  # -o /dev/stdout | head -1: quietly, as a pipe on stdout itself (write_stdout)
        quiet_stdout()
        ctx.exit(1)
    except KehoachError as e:
        if debug:
            raise
        fail(ctx, str(e))
    except KeyboardInterrupt as e:  # errors.Interrupted says what was kept
        fail(ctx, str(e) or "interrupted", 130)
    except Exception as e:  # a bug of ours: say so in one line unless --debug
        if debug:
            raise
        fail(ctx, f"internal error: {type(e).__name__}: {e} (rerun with --debug for a traceback, and please report it)")


def guard_output(ctx: click.Context, out: str | None, *sources: str | None) -> None:
    """Refuse an -o that would destroy something the user gave: an input, a folder, a Word/PDF file."""
    if out is None or out == "-":
        return
    from .fileio import guard_output

    run(ctx, guard_output, out, [s for s in sources if s])


def write_output(text: str, out: str | None) -> None:
    """Write to stdout, or atomically to ``out``."""
    if out is None or out == "-":
        write_stdout(text.encode("utf-8"))
        return
    from .fileio import write_atomic

    write_atomic(out, text.encode("utf-8"))


def write_stdout(data: bytes) -> None:
    """Write to stdout. A pipe closed by its reader (``| head -1``) ends the run quietly with exit
    code 1, as click ends it; any other failure is one :class:`OutputError` line."""
    from .errors import OutputError

    if sys.stdout is None:
        raise OutputError("cannot write to standard output: it is closed")
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()
        raise SystemExit(1) from None
    except OSError as e:
        raise OutputError(f"cannot write to standard output: {e.strerror or type(e).__name__}") from e


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def size_option(ctx, param, value):
    if value is None:
        return None
    size = parse_size(value)
    if size is None:
        import click

        raise click.BadParameter(f"{value!r} is not a size like 50M or 200000")
    return size


MAX_SIZE = 2 ** 62
"""A size beyond any machine's memory or disk: a larger one (99999999999G) is taken as this, which
is no limit in effect (it would overflow a read or the memory cap)."""


def parse_size(value: str) -> int | None:
    """Bytes for a size like "50M", "200000" or "1.5 GiB", at most MAX_SIZE; None when ``value`` is
    not one."""
    from . import rx

    m = rx.fullmatch(r"(?i)\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", value)
    if not m:
        return None
    size = float(m.group(1)) * {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[m.group(2).lower()]
    return int(size) if size < MAX_SIZE else MAX_SIZE


def load_source(ctx: click.Context, source: str) -> dict:
    """A plan from a plan file (YAML/JSON written by `kehoach extract`, validated first) or from a document."""
    from .planfile import read_plan_or_document

    return run(ctx, read_plan_or_document, source)


def emit_bytes(ctx: click.Context, data: bytes, out: str | None, binary: bool) -> None:
    if out is None or out == "-":
        if binary and sys.stdout is not None and sys.stdout.isatty():
            fail(ctx, "this format is binary; write it to a file with -o FILE", 2)
        run(ctx, write_stdout, data)
        return
    from .fileio import write_atomic

    run(ctx, write_atomic, out, data)


def seconds_option(ctx, param, value):
    """Seconds, 0 or more; "inf" or more than a century is no limit (0), NaN a usage error."""
    if value is None:
        return None
    if value != value:
        import click

        raise click.BadParameter("nan is not a number of seconds")
    return 0 if value > 3e9 else value


def date_option(ctx, param, value):
    if value is None:
        return None
    import datetime as dt

    if value.lower() == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        import click

        raise click.BadParameter(f"{value!r} is not a date like 2024-12-31") from None
