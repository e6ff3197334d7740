"""Which documents a batch or an index run reads: files as given, folders walked, globs
expanded, a list of paths from standard input; and what to say of a folder it cannot read."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import KehoachError

INPUT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".pdf", ".rtf", ".odt"}
"""What a folder walk reads. Images are read (through OCR) when named, not found in a folder: a
folder of plans also holds logos and photos."""


def _glob_root(pattern: str) -> str:
    """The folder part of a glob before its first wildcard ("scans/2024/**/*.pdf" -> "scans/2024")."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def _walk(folder: str, root: str) -> Iterator[tuple[str, str]]:
    """The documents below ``folder``; a folder that cannot be read is yielded itself, to be
    reported as failed (:func:`folder_error`), not passed over in silence."""
    unreadable: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if Path(name).suffix.lower() in INPUT_SUFFIXES and not name.startswith((".", "~$")):
                yield os.path.join(dirpath, name), root
    for e in unreadable:
        yield os.fsdecode(e.filename) if e.filename is not None else folder, root


def folder_error(path: str) -> str | None:
    """One line for a folder given or found among the inputs that cannot be read ("plans/2024:
    cannot read this folder (permission denied)"); None for anything else."""
    if not os.path.isdir(path):
        return None
    try:
        with os.scandir(path):
            return None
    except OSError as e:
        return f"{path}: cannot read this folder ({(e.strerror or type(e).__name__).lower()})"


def unreadable_in_glob(pattern: str) -> list[str]:
    """The folders a glob had to read and could not ("scans/**/*.pdf" with scans/2024 locked):
    glob passes them over in silence, so they are found here to be reported (:func:`folder_error`).
    Hidden folders, which a glob does not enter, are not looked at."""
    root = _glob_root(pattern)
    if folder_error(root):
        return [root]
    parts = Path(pattern).parts[:-1]  # the folder part: the last part names files
    first = next((k for k, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    found: set[str] = set()
    for k in range(first + 1, len(parts) + 1):
        for folder in glob.glob(os.path.join(*parts[:k], ""), recursive=True):  # folders only
            folder = folder.rstrip(os.sep) or folder
            if folder_error(folder):
                found.add(folder)
    return sorted(found)


def expand_glob(pattern: str) -> tuple[list[str], list[str]]:
    """(what ``pattern`` matches, sorted; the folders it could not read, :func:`unreadable_in_glob`)."""
    return sorted(glob.glob(pattern, recursive=True)), unreadable_in_glob(pattern)


def expand_inputs(items: Iterable[str], stdin: Iterable[str] | None = None) -> Iterator[tuple[str, str | None]]:
    """Yield (file, root) for each input: files as given (root None), directories walked
    recursively for supported suffixes (root = the directory), globs expanded (root = the folder
    before the first wildcard), "-" = paths from stdin. Outputs mirror the path below the root."""
    for item in items:
        if item == "-":
            source = stdin if stdin is not None else sys.stdin
            if source is None:
                raise KehoachError("-: standard input is closed; give the paths as arguments")
            for line in source:
                line = line.rstrip("\n\r")
                if line:
                    yield from expand_inputs([line])
            continue
        if os.path.isdir(item):
            yield from _walk(item, item)
        elif not os.path.exists(item) and glob.has_magic(item):
            matches, unreadable = expand_glob(item)
            if not matches and not unreadable:
                yield item, None  # reported as missing
            root = _glob_root(item)
            for m in matches:
                if os.path.isdir(m):
                    yield from _walk(m, root)
                else:
                    yield m, root
            for folder in unreadable:  # reported as failed, not passed over
                yield folder, None if folder == root else root
        else:
            yield item, None
