"""The ``kehoach`` program's entry point.

``kehoach extract FILE [options]`` is how shell loops, Makefiles and pre-commit hooks run kehoach,
once per file, so its start-up is paid on every file. The option library (click) is about a
fifth of that start-up; such a command line is therefore read here, by a narrow parser, and run
without it. Every other command line (another command, ``--help``, an option written in a form
this parser does not take, a value it would refuse) goes to the click interface in
:mod:`kehoach.cli`, which gives the help and the usage errors. Both run :func:`extract_command`;
tests/test_entry.py checks that whatever this parser takes gives what click gives: the output,
the messages and the exit code.
"""

from __future__ import annotations

import sys

from . import __version__

PLAN_SUFFIX = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
"""What `kehoach extract` writes; also what validate, export, diff and index read as plan files."""

PLAN_FORMATS = ("yaml", "json")
"""The formats `kehoach extract` writes (the keys of kehoach.export.EXPORTERS)."""

DEFAULT_MAX_SIZE = "50M"


class Invocation:
    """The little of a click context that kehoach's shared command functions use: the global
    settings (``obj``), ``meta`` and ``exit``."""

    def __init__(self, verbose: int = 0, quiet: bool = False, debug: bool = False) -> None:
        self.obj = {"verbose": verbose, "quiet": quiet, "debug": debug}
        self.meta: dict = {}

    def find_root(self) -> Invocation:
        return self

    def exit(self, code: int = 0) -> None:
        raise SystemExit(code)


def extract_command(ctx, file: str, fmt: str | None, out: str | None, strict: bool, max_size: int,
                    ocr: str | None) -> None:
    """`kehoach extract`: read FILE, write its plan to ``out`` (stdout when None), report warnings."""
    from .cliutil import guard_output, output_format, report_warnings, run, write_output
    from .export import EXPORTERS
    from .pipeline import extract_file

    guard_output(ctx, out, file)
    fmt = output_format(out, fmt, PLAN_SUFFIX, "yaml")
    plan = run(ctx, extract_file, file, max_bytes=max_size, ocr=ocr)
    text = EXPORTERS[fmt](plan)
    run(ctx, write_output, text, out)
    warnings = plan.get("warnings", [])
    report_warnings(ctx, file, warnings, force_list=strict)
    if strict and warnings:
        ctx.exit(1)


_SETTINGS = {"-v": "verbose", "--verbose": "verbose", "-q": "quiet", "--quiet": "quiet", "--debug": "debug"}
_VALUED = {"-o": "out", "--output": "out", "-f": "fmt", "--format": "fmt", "--max-size": "max_size"}
_OCR = {"--ocr": "auto", "--force-ocr": "force"}
_QUICK: list[bool] = []  # set when main() ran an extract without click (see run())


def quick_extract(args: list[str]) -> dict | None:
    """The options of ``args`` when they are a plain ``[-v|-q|--debug]… extract FILE [options]``
    that click would take as it is; None for anything else (click then reads it)."""
    opts: dict = {"verbose": 0, "quiet": False, "debug": False, "file": None, "out": None, "fmt": None,
                  "max_size": DEFAULT_MAX_SIZE, "strict": False, "ocr": None}
    given: set[str] = set()
    i = _settings(args, 0, opts)
    if i >= len(args) or args[i] != "extract":
        return None
    i += 1
    while i < len(args):
        arg = args[i]
        if arg in _SETTINGS:
            i = _settings(args, i, opts)
            continue
        if arg in _VALUED:
            key = _VALUED[arg]
            value = args[i + 1] if i + 1 < len(args) else None
            if key in given or value is None or (value.startswith("-") and value != "-"):
                return None
            opts[key] = value
            given.add(key)
            i += 2
            continue
        if arg == "--strict":
            opts["strict"] = True
        elif arg in _OCR and "ocr" not in given:
            opts["ocr"] = _OCR[arg]
            given.add("ocr")
        elif (arg == "-" or not arg.startswith("-")) and opts["file"] is None:
            opts["file"] = arg
        else:
            return None
        i += 1
    return opts if _acceptable(opts) else None


def _settings(args: list[str], i: int, opts: dict) -> int:
    """Read the -v/-q/--debug flags from ``args[i]`` on; return the index after them."""
    while i < len(args) and args[i] in _SETTINGS:
        key = _SETTINGS[args[i]]
        opts[key] = opts[key] + 1 if key == "verbose" else True
        i += 1
    return i


def _acceptable(opts: dict) -> bool:
    """Whether click would take these values without a usage error (else it should say so)."""
    from .cliutil import format_choice, parse_size

    if opts["file"] is None or (opts["fmt"] is not None and opts["fmt"] not in PLAN_FORMATS):
        return False
    size = parse_size(opts["max_size"])
    if size is None:
        return False
    opts["max_size"] = size
    return format_choice(opts["out"], opts["fmt"], PLAN_SUFFIX, "yaml")[1] is None


def main(argv: list[str] | None = None) -> int:
    """Run ``kehoach`` with ``argv`` (default: the process's arguments); returns the exit code."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--version"]:
        return _print_version()
    opts = quick_extract(args)
    if opts is None:
        from .cli import main as click_main

        try:
            click_main.main(args=args, prog_name="kehoach")
        except SystemExit as e:
            return int(e.code or 0)
        return 0
    ctx = Invocation(opts.pop("verbose"), opts.pop("quiet"), opts.pop("debug"))
    _QUICK.append(True)
    try:
        _load_extract()  # in here: Ctrl-C while the modules load is "Aborted!", as click says it
        extract_command(ctx, **opts)
    except SystemExit as e:
        return int(e.code or 0)
    except BrokenPipeError:  # a closed pipe (stdout is seen to in cliutil.write_stdout): as click, quietly, exit 1
        from .cliutil import quiet_stdout

        quiet_stdout()
        return 1
    except KeyboardInterrupt:  # as click says it
        sys.stderr.write("\nAborted!\n")
        return 1
    return 0


def _load_extract() -> None:
    """Import what an extract runs with the cycle collector off, then set those objects apart
    (``gc.freeze``): they live as long as the process, and scanning them again at every
    collection while the modules load and the plan is read costs more than the collector finds.
    Done once: a later run in the same process (a program calling :func:`main` again) loads
    nothing, and freezing then would keep whatever garbage the caller has made from ever being
    collected. The collector is left as the caller had it (on or off)."""
    if "kehoach.pipeline" in sys.modules:
        return
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        from . import cliutil, export, pipeline  # noqa: F401
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _print_version() -> int:
    """`kehoach --version`, as click's version option prints it: nothing and exit 0 when stdout is
    closed; a pipe closed by its reader ends quietly with exit 1."""
    if sys.stdout is None:
        return 0
    try:
        sys.stdout.write(f"kehoach, version {__version__}\n")
        sys.stdout.flush()
    except BrokenPipeError:
        from .cliutil import quiet_stdout

        quiet_stdout()
        return 1
    return 0


def run() -> None:
    """The ``kehoach`` program (its console script, and ``python -m kehoach``): :func:`main`, then
    the process's end. After a quick extract (one file, no click, no thread) the process ends
    itself once it has done what an ordinary exit does for the user (the exit handlers run: the
    pattern store is saved; stdout and stderr are flushed) without then freeing, one by one, the
    thousands of objects a plan's reading leaves (its modules, compiled patterns and the plan):
    that costs a shell loop as much per file as writing the plan does. Every other run exits as
    Python does."""
    code = main()
    if not _QUICK or _threads():
        sys.exit(code)
    import atexit
    import os

    atexit._run_exitfuncs()
    os._exit(_flushed(code))


def _threads() -> bool:
    """Whether a thread other than the main one runs (an ordinary exit waits for it)."""
    threading = sys.modules.get("threading")
    return threading is not None and threading.active_count() > 1


def _flushed(code: int) -> int:
    """``code`` once stdout and stderr are flushed; 1 when stdout cannot be (a closed pipe: quietly,
    as click ends; another error: one line on stderr)."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        code = code or 1
    except OSError as e:
        code = code or 1
        sys.stderr.write(f"kehoach: cannot write to standard output: {e.strerror or type(e).__name__}\n")
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        code = code or 1
    return code


if __name__ == "__main__":  # pragma: no cover
    run()
