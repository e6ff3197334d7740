"""The exception tree. Library code raises these; the CLI turns them into one-line errors."""

from __future__ import annotations


class KehoachError(Exception):
    """Base of every error kehoach raises on purpose. ``str(e)`` is a complete one-line message."""


class UnsupportedFormat(KehoachError):
    """The input is of a format kehoach cannot read (yet)."""


class ReadError(KehoachError):
    """The input could not be read or decoded."""


class NoTextLayer(ReadError):
    """A PDF with no text on any page: a scan (read it with --ocr)."""


class InvalidPlan(KehoachError):
    """A plan file (YAML/JSON) could not be loaded for validation."""


class OutputError(KehoachError):
    """An output could not be written, or writing it would destroy an input."""


class ClosedPipe(OutputError):
    """The reader of a pipe an output was going to went away (``-o /dev/stdout | head -1``): the
    command ends quietly with exit code 1, as it does when standard output is that pipe."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C in a run that keeps what it finished: ``str(e)`` is the one line saying what was kept
    (the CLI exits 130 with it, as with a bare Ctrl-C)."""
