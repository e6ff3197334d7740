"""What pathlib says of a file name, for the paths every command takes, without importing
pathlib (a module of some milliseconds that reading one file does not otherwise need).
tests/test_entry.py compares both with pathlib on generated names."""

from __future__ import annotations


def as_pathlib_reads(name: str) -> str:
    """``str(pathlib.PurePosixPath(name))``: "" is ".", repeated and trailing slashes and "."
    parts dropped, a leading "//" kept."""
    root = "//" if name.startswith("//") and not name.startswith("///") else "/" if name.startswith("/") else ""
    parts = [part for part in name.split("/") if part and part != "."]
    return (root + "/".join(parts)) or "."


def suffix(name: str) -> str:
    """``pathlib.PurePosixPath(name).suffix``: ".pdf" of "a/plan.v2.pdf"; "" for ".bashrc", "a.",
    "..", a name with no dot."""
    parts = [p for p in name.split("/") if p and p != "."]
    last = parts[-1] if parts else ""
    i = last.rfind(".")
    return last[i:] if 0 < i < len(last) - 1 else ""
