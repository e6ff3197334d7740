"""The command-line conventions the scripts share: ``-h``/``--help`` prints the script's docstring, and an option
the script does not take is refused with a one-line message (it is not read as a file name or ignored)."""

from __future__ import annotations

import sys
from pathlib import Path


def usage_exit(argv: list[str], doc: str | None, known: set[str]) -> int | None:
    """The exit status to return at once (0 after printing ``doc`` for ``-h``/``--help``; 2 for an option not in
    ``known``, with a message naming it), or None when ``argv`` may be read."""
    name = Path(sys.argv[0]).name
    if "-h" in argv or "--help" in argv:
        print((doc or "").strip())
        return 0
    unknown = [a for a in argv if a.startswith("-") and a.split("=", 1)[0] not in known]
    if unknown:
        print(f"{name}: unknown option {unknown[0]!r} (see {name} --help)", file=sys.stderr)
        return 2
    return None
