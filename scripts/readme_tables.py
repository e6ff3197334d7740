"""Write the README's warning-code table from the registry in src/kehoach/diagnostics.py.

    python scripts/readme_tables.py          # rewrite README.md in place
    python scripts/readme_tables.py --check  # exit 1 when README.md is out of date

The table stands between the markers ``<!-- warning-codes:start -->`` and ``<!-- warning-codes:end -->``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kehoach.diagnostics import CODES  # noqa: E402

START, END = "<!-- warning-codes:start -->", "<!-- warning-codes:end -->"


def warning_table() -> str:
    rows = ["| code | what it means |", "|---|---|"]
    rows += [f"| `{code}` | {text} |" for code, text in CODES.items()]
    return "\n".join(rows)


def render(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{warning_table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in argv:
        if new != text:
            print("README.md: the warning-code table is out of date; run python scripts/readme_tables.py")
            return 1
        return 0
    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, {"--check"})) is not None:
        sys.exit(_code)
    raise SystemExit(main(sys.argv[1:]))
