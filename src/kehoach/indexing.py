"""`kehoach index` as a run: which files, one transaction per plan, and what became of each.

A killed run keeps every plan it finished; another run (or a query) waiting on the database is
told so; two files that are renditions of one plan (same number, symbol, issuer and year) are
indexed once; agencies no task refers to any more are removed at the end.
"""

from __future__ import annotations

import glob
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from .batch import MANIFEST
from .errors import Interrupted, KehoachError
from .index import add_plan, connect, index_identity, prune_agencies, write_transaction
from .inputs import expand_glob, expand_inputs, folder_error
from .planfile import PLAN_SUFFIXES, read_plan_or_document


def index_inputs(items: Iterable[str]) -> list[str]:
    """Plan files and documents named or found in folders (hidden files, such as a batch
    folder's record, are skipped), each once, in a stable order."""
    paths: list[str] = []
    for item in items:
        if os.path.isdir(item):
            paths.extend(_in_folder(item))
        elif not os.path.exists(item) and glob.has_magic(item):  # a glob the shell did not expand ('**')
            matches, unreadable = expand_glob(item)
            for m in matches:
                paths.extend(_in_folder(m) if os.path.isdir(m) else [m])
            paths.extend(unreadable or ([] if matches else [item]))  # reported as failed, or as missing
        else:
            paths.append(item)
    return list(dict.fromkeys(paths))


def _in_folder(folder: str) -> list[str]:
    """The plan files and documents below ``folder``; a folder it cannot read is listed itself."""
    paths: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):  # a folder it cannot read: see expand_inputs
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        paths.extend(os.path.join(dirpath, f) for f in sorted(filenames)
                     if f.lower().endswith(PLAN_SUFFIXES) and not f.startswith(".") and f != MANIFEST)
    return paths + [path for path, _ in expand_inputs([folder])]


def run_index(db: str, paths: list[str], say: Callable[[str], None]) -> dict[str, int]:
    """Index every path into ``db``; ``say`` gets one line per problem. Returns the counts."""
    con = connect(db, say=say)
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "duplicate": 0, "failed": 0}
    seen: dict[str, str] = {}
    try:
        for path in paths:
            try:
                unreadable = folder_error(path)
                if unreadable:
                    raise KehoachError(unreadable)
                plan = read_plan_or_document(path)
            except KehoachError as e:
                counts["failed"] += 1
                say(str(e))
                continue
            ident = index_identity(plan)
            if ident in seen:
                counts["duplicate"] += 1
                say(f"{path}: the same plan as {seen[ident]} ({ident}); indexed once")
                continue
            seen[ident] = path
            with write_transaction(con, db, say):
                counts[add_plan(con, plan, str(Path(path)))] += 1
        with write_transaction(con, db, say):
            prune_agencies(con)
    except sqlite3.Error as e:
        from .index import _sqlite_message

        raise KehoachError(_sqlite_message(db, e)) from e
    except KeyboardInterrupt:  # each plan is its own transaction: those finished stay
        done = sum(counts.values())
        if done:
            raise Interrupted(f"interrupted after {done} of {len(paths)} inputs; the plans indexed are kept in {db}") from None
        raise
    finally:
        con.close()
    return counts
