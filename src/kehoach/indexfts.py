"""Full-text search in the index: an FTS5 table over ``tasks`` that SQLite tools recognise.

``tasks_fts`` is an external-content table (``content="tasks"``, ``content_rowid="id"``), the form
datasette looks for to offer a search box on the tasks table. It indexes each task's title and
agencies twice: as written and folded to ASCII, with a tokenizer that drops diacritics, so a search
finds "chuyển đổi số" whether it is typed with diacritics, without them, or with "đ" as "d".
The indexed text is not the content table's text, so rows are removed with FTS5's 'delete'
command and the same computed values (:func:`delete_plan`), never with a plain DELETE.
"""

from __future__ import annotations

import sqlite3

from .vn import ascii_fold

COLUMNS = ("title", "lead_names", "support_names")
"""Indexed columns: names of ``tasks`` columns, so that reading the FTS table reads the task."""

SCHEMA = ('CREATE VIRTUAL TABLE IF NOT EXISTS tasks_fts USING fts5(title, lead_names, support_names, '
          'content="tasks", content_rowid="id", tokenize="unicode61 remove_diacritics 2");')


def both(text: str | None) -> str:
    """A text as written and folded to ASCII (kept apart so phrases match within one form)."""
    text = text or ""
    folded = ascii_fold(text)
    return text if folded == text else f"{text} \n {folded}"


def row(task_id: int, title: str | None, lead: str | None, support: str | None) -> tuple:
    return task_id, both(title), both(lead), both(support)


def insert(con: sqlite3.Connection, rows: list[tuple]) -> None:
    """Index tasks: rows of (tasks.id, title, lead_names, support_names) as stored in ``tasks``."""
    con.executemany("INSERT INTO tasks_fts(rowid, title, lead_names, support_names) VALUES (?,?,?,?)",
                    [row(*r) for r in rows])


def delete_plan(con: sqlite3.Connection, plan_id: int) -> None:
    """Remove a plan's tasks from the index (before the tasks themselves are deleted)."""
    rows = con.execute("SELECT id, title, lead_names, support_names FROM tasks WHERE plan_id = ?", (plan_id,)).fetchall()
    con.executemany("INSERT INTO tasks_fts(tasks_fts, rowid, title, lead_names, support_names) "
                    "VALUES ('delete', ?, ?, ?, ?)", [row(*r) for r in rows])


def ensure(con: sqlite3.Connection) -> None:
    """Create the table; an index built by an earlier version (a standalone FTS table) is rebuilt."""
    found = con.execute("SELECT sql FROM sqlite_master WHERE name = 'tasks_fts'").fetchone()
    if found and "content=" in found[0]:
        return
    if found:
        con.execute("DROP TABLE tasks_fts")
    con.execute(SCHEMA)
    insert(con, con.execute("SELECT id, title, lead_names, support_names FROM tasks").fetchall())
