"""An SQLite index of many plans: tasks, targets, sections and agencies, with full-text search
that forgives missing diacritics ("so cong thuong" finds "Sở Công Thương").

The schema (documented in the README, readable in any SQLite tool):

- ``plans``: one row per plan (identity = number, symbol, issuer and year; the input's sha256).
- ``sections``, ``targets``, ``tasks``: the plan's rows, linked by ``plan_id``.
- ``agencies``: one row per canonical agency; ``agency_variants``: every spelling seen;
  ``task_agencies``: which agency leads or supports which task.
- ``tasks_fts``: FTS5 over the task title and its agencies, external content (see indexfts).

Re-indexing a changed plan replaces its rows; an unchanged one (same sha256) is skipped.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import __version__, indexfts
from .extract.agencies import agency_key, canonical_agency
from .extract.period import plan_period
from .indexdb import BUSY_WAIT, SCHEMA, _sqlite_message, connect, write_transaction  # noqa: F401
from .model import plan_identity
from .vn import ascii_fold, fold


def prune_agencies(con: sqlite3.Connection) -> int:
    """Remove agencies no task refers to any more (left by replaced plans); how many went."""
    con.execute("DELETE FROM agency_variants WHERE agency_id NOT IN (SELECT agency_id FROM task_agencies)")
    return con.execute("DELETE FROM agencies WHERE id NOT IN (SELECT agency_id FROM task_agencies)").rowcount


def _agency_id(con: sqlite3.Connection, name: str, variant: str, cache: dict) -> int:
    canon = canonical_agency(name)
    key = agency_key(name)  # "Sở Tài chính tỉnh" is "Sở Tài chính"
    aid = cache.get(key)
    if aid is None:
        row = con.execute("SELECT id FROM agencies WHERE key = ?", (key,)).fetchone()
        if row:
            aid = row[0]
        else:
            aid = con.execute("INSERT INTO agencies(name, key, ascii_key) VALUES (?, ?, ?)",
                              (canon, key, ascii_fold(key))).lastrowid or 0
        cache[key] = aid
    con.execute("INSERT OR IGNORE INTO agency_variants VALUES (?, ?)", (aid, variant))
    return aid


def index_identity(plan: dict) -> str:
    doc = plan.get("document") or {}
    if doc.get("number"):
        return plan_identity(plan)
    return "sha:" + (plan.get("source") or {}).get("sha256", "")


def add_plan(con: sqlite3.Connection, plan: dict, path: str, cache: dict | None = None) -> str:
    """Index one plan dict; "added", "replaced" or "unchanged". All or nothing: in a transaction
    of its own unless the caller has one open."""
    cache = {} if cache is None else cache
    if not con.in_transaction:
        with write_transaction(con, con.execute("PRAGMA database_list").fetchone()[2] or "the index"):
            return _add_plan(con, plan, path, cache)
    return _add_plan(con, plan, path, cache)


def _add_plan(con: sqlite3.Connection, plan: dict, path: str, cache: dict) -> str:
    doc = plan.get("document") or {}
    sha = (plan.get("source") or {}).get("sha256")
    ident = index_identity(plan)
    row = con.execute("SELECT id, sha256 FROM plans WHERE identity = ?", (ident,)).fetchone()
    if row and row[1] == sha:
        return "unchanged"
    status = "replaced" if row else "added"
    if row:
        cache.pop("_next_task", None)
        indexfts.delete_plan(con, row[0])
        con.execute("DELETE FROM task_agencies WHERE task_id IN (SELECT id FROM tasks WHERE plan_id = ?)", (row[0],))
        for table in ("tasks", "targets", "sections"):
            con.execute(f"DELETE FROM {table} WHERE plan_id = ?", (row[0],))
        con.execute("DELETE FROM plans WHERE id = ?", (row[0],))
    period = plan_period(plan)
    pid = con.execute(
        "INSERT INTO plans(identity, path, sha256, number, symbol, type, issuer, place, date, title, is_plan, "
        "period_start, period_end, indexed_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (ident, path, sha, doc.get("number"), doc.get("symbol"), doc.get("type"), doc.get("issuer"), doc.get("place"),
         doc.get("date"), doc.get("title"), int(bool(doc.get("is_plan"))), period.start.isoformat(), period.end.isoformat(),
         dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), __version__)).lastrowid
    rows: list[tuple] = []

    def walk(secs, parent):
        for s in secs:
            rows.append((pid, s["id"], s["number"], s.get("title"), s.get("role"), parent, len(rows)))
            walk(s.get("children") or [], s["id"])

    walk(plan.get("sections") or [], None)
    con.executemany("INSERT INTO sections VALUES (?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO targets VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
        (pid, t["id"], t["text"], t.get("indicator"), t["comparator"], t["value"], t.get("value_max"), t.get("unit"),
         t.get("year"), t.get("section"), t.get("task")) for t in plan.get("targets") or []])
    next_id = cache.get("_next_task")
    if next_id is None:
        next_id = (con.execute("SELECT max(id) FROM tasks").fetchone()[0] or 0) + 1
    task_rows, links = [], []
    for t in plan.get("tasks") or []:
        d = t.get("deadline") or {}
        loc = t.get("loc") or {}
        tid = next_id
        next_id += 1
        task_rows.append((tid, pid, t["id"], t.get("no"), t.get("group"), t.get("title"), d.get("text"), d.get("start"),
                          d.get("end"), d.get("recurrence"), t.get("output"), t.get("target"), t.get("note"),
                          t.get("source"), t.get("section"), loc.get("line"), loc.get("page"),
                          "; ".join(canonical_agency(a) for a in t.get("lead") or []),
                          "; ".join(canonical_agency(a) for a in t.get("support") or [])))
        for role in ("lead", "support"):
            written = t.get(f"{role}_as_written") or t.get(role) or []
            for k, name in enumerate(t.get(role) or []):
                links.append((tid, _agency_id(con, name, written[k] if k < len(written) else name, cache), role))
    cache["_next_task"] = next_id
    con.executemany("INSERT INTO tasks(id, plan_id, tid, no, grp, title, deadline_text, start, end, recurrence, output, "
                    "target, note, source, section, loc_line, loc_page, lead_names, support_names) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", task_rows)
    con.executemany("INSERT INTO task_agencies VALUES (?,?,?)", links)
    indexfts.insert(con, [(r[0], r[5], r[17], r[18]) for r in task_rows])
    return status


@dataclass
class TaskRow:
    plan: str
    plan_date: str | None
    issuer: str | None
    tid: str
    title: str
    lead: str
    support: str
    deadline: str
    start: str | None
    end: str | None
    recurrence: str | None
    output: str | None
    source: str


def _agency_ids(con: sqlite3.Connection, name: str) -> list[int]:
    """Agencies a name means, whatever its spelling or diacritics."""
    key = agency_key(name)
    rows = con.execute("SELECT id FROM agencies WHERE key = ?", (key,)).fetchall()
    if not rows:
        key = ascii_fold(key)
        rows = con.execute("SELECT id FROM agencies WHERE ascii_key = ?", (key,)).fetchall()
    if not rows:
        key = ascii_fold(agency_key(ascii_fold(name)))  # "so tn&mt" typed without diacritics
        rows = con.execute("SELECT id FROM agencies WHERE ascii_key = ? OR ascii_key LIKE ?",
                           (key, f"%{key}%")).fetchall()
    return [r[0] for r in rows]


def _fts_query(text: str) -> str:
    """The words as one phrase, the last one as a prefix ("chuyen doi so" finds "chuyển đổi số")."""
    words = [w for w in ascii_fold(text).replace('"', " ").split() if w]
    return f'"{" ".join(words)}" *' if words else ""


def find_tasks(con: sqlite3.Connection, agency: str | None = None, role: str = "lead", due_before: dt.date | None = None,
               overdue_as_of: dt.date | None = None, plan: str | None = None, search: str | None = None,
               limit: int | None = None, count_only: bool = False,
               agency_ids: list[int] | None = None) -> list[TaskRow] | int:
    """Tasks across every indexed plan that match all the filters given, soonest deadline first
    (at most ``limit``); with ``count_only``, how many there are. ``agency_ids`` (from
    kehoach.agencymatch) replaces ``agency``."""
    where, args = [], []
    if agency or agency_ids is not None:
        ids = agency_ids if agency_ids is not None else _agency_ids(con, agency or "")
        if not ids:
            return []
        roles = ("lead", "support") if role == "any" else (role,)
        where.append(f"t.id IN (SELECT task_id FROM task_agencies WHERE agency_id IN ({','.join('?' * len(ids))}) "
                     f"AND role IN ({','.join('?' * len(roles))}))")
        args += ids + list(roles)
    if due_before:
        where.append("t.end IS NOT NULL AND t.end < ?")
        args.append(due_before.isoformat())
    if overdue_as_of:
        where.append("t.end IS NOT NULL AND t.end < ? AND t.recurrence IS NULL")
        args.append(overdue_as_of.isoformat())
    if plan:
        exact = con.execute("SELECT id FROM plans WHERE number = ? OR identity = ?", (plan, plan)).fetchall()
        ids = [r[0] for r in exact] or [r[0] for r in con.execute(
            "SELECT id FROM plans WHERE number LIKE ?", (f"{plan}/%",)).fetchall()]
        if not ids:
            return []
        where.append(f"t.plan_id IN ({','.join('?' * len(ids))})")
        args += ids
    if search:
        q = _fts_query(search)
        if q:
            where.append("t.id IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?)")
            args.append(q)
    sql = ("SELECT COALESCE(p.number, p.symbol, p.path), p.date, p.issuer, t.tid, t.title, t.lead_names, "
           "t.support_names, t.deadline_text, t.start, t.end, t.recurrence, t.output, t.source "
           "FROM tasks t JOIN plans p ON p.id = t.plan_id")
    if count_only:
        sql = "SELECT count(*) FROM tasks t"
    if where:
        sql += " WHERE " + " AND ".join(where)
    if count_only:
        return con.execute(sql, args).fetchone()[0]
    # with a deadline filter every row has an end: the index gives the order and LIMIT stops early
    sql += " ORDER BY t.end, t.id" if (due_before or overdue_as_of) else " ORDER BY t.end IS NULL, t.end, t.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [TaskRow(r[0], r[1], r[2], r[3], r[4] or "", r[5] or "", r[6] or "", r[7] or "", r[8], r[9], r[10], r[11], r[12])
            for r in con.execute(sql, args)]


@lru_cache(maxsize=1)
def successors() -> dict:
    import yaml

    data = yaml.safe_load(resources.files("kehoach").joinpath("data/successors.yaml").read_text(encoding="utf-8"))
    return {
        "departments": {fold(canonical_agency(k)): v for k, v in (data.get("departments") or {}).items()},
        "provinces": {fold(k): v for k, v in (data.get("provinces") or {}).items()},
        "sources": data.get("sources") or {},
    }


def current_name(name: str) -> str | None:
    """The body that carries a historical agency's work today ("Sở Kế hoạch và Đầu tư" -> "Sở Tài
    chính"), or None when nothing changed or kehoach does not know."""
    s = successors()
    canon = canonical_agency(name)
    hit = s["departments"].get(fold(canon))
    if hit:
        return hit["successor"]
    for old, new in s["provinces"].items():
        if fold(canon).endswith(f"tinh {old}") or fold(canon).endswith(f"tỉnh {old}"):
            return canon[: len(canon) - len(old)] + new["successor"]
    return None


def list_agencies(con: sqlite3.Connection) -> list[dict]:
    rows = con.execute(
        "SELECT a.id, a.name, "
        "(SELECT count(*) FROM task_agencies WHERE agency_id = a.id AND role = 'lead'), "
        "(SELECT count(*) FROM task_agencies WHERE agency_id = a.id AND role = 'support'), "
        "(SELECT group_concat(variant, ' | ') FROM agency_variants WHERE agency_id = a.id) "
        "FROM agencies a ORDER BY 3 DESC, 4 DESC, a.name").fetchall()
    return [{"name": r[1], "leads": r[2], "supports": r[3], "variants": sorted(set((r[4] or "").split(" | ")) - {""})}
            for r in rows]
