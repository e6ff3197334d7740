"""The index's database file: made, opened, written in transactions; another program's file
never taken for it (see :mod:`kehoach.index` for what it holds)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from . import indexfts
from .errors import KehoachError

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS plans(
  id INTEGER PRIMARY KEY, identity TEXT UNIQUE NOT NULL, path TEXT, sha256 TEXT, number TEXT, symbol TEXT,
  type TEXT, issuer TEXT, place TEXT, date TEXT, title TEXT, is_plan INTEGER, period_start TEXT,
  period_end TEXT, indexed_at TEXT, version TEXT);
CREATE TABLE IF NOT EXISTS sections(
  plan_id INTEGER REFERENCES plans(id) ON DELETE CASCADE, sid TEXT, number TEXT, title TEXT, role TEXT,
  parent_sid TEXT, ord INTEGER);
CREATE TABLE IF NOT EXISTS targets(
  plan_id INTEGER REFERENCES plans(id) ON DELETE CASCADE, tid TEXT, text TEXT, indicator TEXT,
  comparator TEXT, value REAL, value_max REAL, unit TEXT, year INTEGER, section TEXT, task TEXT);
CREATE TABLE IF NOT EXISTS tasks(
  id INTEGER PRIMARY KEY, plan_id INTEGER REFERENCES plans(id) ON DELETE CASCADE, tid TEXT, no TEXT,
  grp TEXT, title TEXT, deadline_text TEXT, start TEXT, end TEXT, recurrence TEXT, output TEXT,
  target TEXT, note TEXT, source TEXT, section TEXT, loc_line INTEGER, loc_page INTEGER,
  lead_names TEXT, support_names TEXT);
CREATE TABLE IF NOT EXISTS agencies(id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT UNIQUE NOT NULL,
  ascii_key TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS agency_variants(agency_id INTEGER REFERENCES agencies(id), variant TEXT,
  UNIQUE(agency_id, variant));
CREATE TABLE IF NOT EXISTS task_agencies(task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
  agency_id INTEGER REFERENCES agencies(id), role TEXT CHECK(role IN ('lead','support')));
CREATE INDEX IF NOT EXISTS tasks_plan ON tasks(plan_id);
CREATE INDEX IF NOT EXISTS tasks_end ON tasks(end, recurrence);
CREATE INDEX IF NOT EXISTS ta_agency ON task_agencies(agency_id, role);
CREATE INDEX IF NOT EXISTS ta_task ON task_agencies(task_id);
CREATE INDEX IF NOT EXISTS agencies_ascii ON agencies(ascii_key);
CREATE INDEX IF NOT EXISTS plans_number ON plans(number);
"""


BUSY_WAIT = 60.0
"""Seconds a command waits for another kehoach writing the same index before giving up."""


def _is_index(con: sqlite3.Connection) -> bool | None:
    """True for a kehoach index, None for an empty database, False for anything else."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    if "meta" not in tables:
        return False
    row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return bool(row)


def connect(db: str, create: bool = True, say=None) -> sqlite3.Connection:
    """Open the index ``db``: to write (``create``: made if missing, refused if it is another
    program's database or any other file) or read-only (it must exist and be a kehoach index;
    nothing is written). Transactions are explicit (``BEGIN IMMEDIATE`` … ``COMMIT``, see
    :func:`write_transaction`)."""
    path = Path(db)
    if path.is_dir():
        raise KehoachError(f"{db}: is a directory; give the index file")
    if not create and not path.exists():
        raise KehoachError(f"{db}: no such index; build it with `kehoach index PLAN_OR_DIR --db {db}`")
    if path.is_file() and path.stat().st_size == 0:  # SQLite would take it as an empty database
        raise KehoachError(f"{db}: an empty file, not a kehoach index; give the file `kehoach index` built"
                           + (" or a name no file has yet" if create else ""))
    try:
        if create:
            if not path.parent.exists() and not _open_problem(db):
                path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                _make(db)
            con = sqlite3.connect(db, timeout=BUSY_WAIT, isolation_level=None)
        else:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_WAIT,
                                  isolation_level=None)
        kind = _is_index(con)
        if kind is False or (kind is None and not create):
            con.close()
            raise KehoachError(f"{db}: not a kehoach index (another program's database?); give the file "
                               f"`kehoach index` built")
        con.execute("PRAGMA foreign_keys = ON")
        if create:
            if con.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = NORMAL")
            fts = con.execute("SELECT sql FROM sqlite_master WHERE name = 'tasks_fts'").fetchone()
            if not kind or not (fts and "content=" in fts[0]):  # an empty database, or built by an earlier version
                with write_transaction(con, db, say):
                    _create_schema(con)
    except sqlite3.OperationalError as e:
        raise KehoachError(_sqlite_message(db, e)) from e
    except sqlite3.DatabaseError as e:
        raise KehoachError(f"{db}: not a kehoach index ({e})") from e
    except OSError as e:
        raise KehoachError(f"{db}: cannot make its folder ({e.strerror})") from e
    return con


def _create_schema(con: sqlite3.Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            con.execute(statement)
    indexfts.ensure(con)
    con.execute("INSERT OR IGNORE INTO meta VALUES ('schema', '1')")


def _make(db: str) -> None:
    """A new index, made whole under a temporary name beside ``db`` and then linked to ``db``,
    never over a file (another run may have made it a moment before): no run or program ever sees
    ``db`` empty or half made, so an empty file there is never kehoach's. A temporary file a
    killed run left is removed as :func:`kehoach.fileio.remove_stale_temps` removes any."""
    import os

    from . import leftovers
    from .fileio import TEMP_TAG, _new_temp, _umask

    folder, name = os.path.split(os.path.abspath(db))
    try:
        fd, tmp = _new_temp(folder, f".{name}.{TEMP_TAG}{leftovers.owner()}-")
    except OSError as e:
        raise KehoachError(f"{db}: {_open_problem(db) or e.strerror}") from e
    try:
        try:
            os.fchmod(fd, 0o666 & ~_umask())  # as SQLite makes a database file
        finally:
            os.close(fd)
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode = OFF")  # no journal file beside it: it is thrown away if it fails
            _create_schema(con)
        finally:
            con.close()
        try:
            os.link(tmp, db)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: renamed, unless another run made it meanwhile
            if not os.path.exists(db):
                os.replace(tmp, db)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _sqlite_message(db: str, e: sqlite3.Error) -> str:
    text = str(e)
    if "locked" in text or "busy" in text:
        return f"{db}: still busy after {BUSY_WAIT:g} s (another process is writing it); try again when it is done"
    if "unable to open" in text or "readonly" in text:
        return f"{db}: {_open_problem(db) or text}"
    return f"{db}: {text}"


def _open_problem(db: str) -> str | None:
    """Why SQLite cannot open or write ``db``, in words (it says "unable to open database file")."""
    import os

    from .fileio import folder_problem

    folder = os.path.dirname(db) or "."
    blocked = folder_problem(folder)
    if blocked:
        return f"cannot write it: {blocked}"
    if os.path.exists(db):
        return None if os.access(db, os.R_OK | os.W_OK) else "permission denied"
    if os.path.isdir(folder) and not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot create it: permission denied in {folder}"
    return None


class write_transaction:  # noqa: N801 (used like a function: with write_transaction(con, db): ...)
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on error); when another process holds the
    write lock, ``say`` is told once that we are waiting, then we wait up to BUSY_WAIT seconds."""

    def __init__(self, con: sqlite3.Connection, db: str, say=None) -> None:
        self.con, self.db, self.say = con, db, say

    def __enter__(self):
        self.con.execute("PRAGMA busy_timeout = 250")
        try:
            self.con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e):
                raise
            if self.say:
                self.say(f"{self.db}: another process is writing this index; waiting up to {BUSY_WAIT:g} s")
            self.con.execute(f"PRAGMA busy_timeout = {int(BUSY_WAIT * 1000)}")
            self.con.execute("BEGIN IMMEDIATE")
        finally:
            self.con.execute(f"PRAGMA busy_timeout = {int(BUSY_WAIT * 1000)}")
        return self.con

    def __exit__(self, exc_type, exc, tb) -> None:
        self.con.execute("COMMIT" if exc_type is None else "ROLLBACK")
