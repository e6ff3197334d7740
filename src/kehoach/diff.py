"""Compare two versions of a plan: tasks added, removed or changed, targets changed, sections
renumbered. Tasks and targets are matched by their words, not their numbers, so a renumbered
appendix is not reported as everything removed and added again."""

from __future__ import annotations

import difflib

from .vn import fold

TASK_FIELDS = ("lead", "support", "deadline", "output", "target")


def _key(text: str | None) -> str:
    return " ".join(fold(text or "").split())


def _match(old: list[dict], new: list[dict], text_of) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pairs (exact words first, then close wording), and what is left on each side."""
    pairs: list[tuple[dict, dict]] = []
    left = list(old)
    right = list(new)
    by_key: dict[str, list[dict]] = {}
    for n in right:
        by_key.setdefault(_key(text_of(n)), []).append(n)
    rest = []
    for o in left:
        cands = by_key.get(_key(text_of(o)))
        if cands:
            n = cands.pop(0)
            pairs.append((o, n))
            right.remove(n)
        else:
            rest.append(o)
    left = rest
    for o in list(left):
        best, score = None, 0.0
        ko = _key(text_of(o))
        for n in right:
            s = difflib.SequenceMatcher(None, ko, _key(text_of(n))).ratio()
            if s > score:
                best, score = n, s
        if best is not None and score >= 0.8:
            pairs.append((o, best))
            right.remove(best)
            left.remove(o)
    return pairs, left, right


def _deadline(t: dict) -> dict:
    d = t.get("deadline") or {}
    return {k: d.get(k) for k in ("text", "start", "end", "recurrence")}


def diff_plans(old: dict, new: dict) -> dict:
    """The differences as data (the CLI prints them, or dumps them as JSON)."""
    out: dict = {"tasks": {"added": [], "removed": [], "changed": []}, "targets": {"added": [], "removed": [], "changed": []},
                 "sections": {"renumbered": [], "added": [], "removed": []}, "document": []}
    for key in ("number", "date", "title", "issuer", "signer"):
        a, b = (old.get("document") or {}).get(key), (new.get("document") or {}).get(key)
        if a != b:
            out["document"].append({"field": key, "old": a, "new": b})
    pairs, removed, added = _match(old.get("tasks") or [], new.get("tasks") or [], lambda t: t.get("title"))
    out["tasks"]["removed"] = [{"id": t["id"], "title": t.get("title"), "lead": t.get("lead")} for t in removed]
    out["tasks"]["added"] = [{"id": t["id"], "title": t.get("title"), "lead": t.get("lead")} for t in added]
    for o, n in pairs:
        changes = {}
        for f in TASK_FIELDS:
            a, b = (_deadline(o), _deadline(n)) if f == "deadline" else (o.get(f), n.get(f))
            if a != b:
                changes[f] = {"old": a, "new": b}
        if _key(o.get("title")) != _key(n.get("title")):
            changes["title"] = {"old": o.get("title"), "new": n.get("title")}
        if changes:
            out["tasks"]["changed"].append({"old_id": o["id"], "new_id": n["id"], "title": n.get("title"), "changes": changes})
    tp, tr, ta = _match(old.get("targets") or [], new.get("targets") or [],
                        lambda t: f"{t.get('indicator') or ''} {t.get('unit') or ''}")
    out["targets"]["removed"] = [{"id": t["id"], "text": t["text"]} for t in tr]
    out["targets"]["added"] = [{"id": t["id"], "text": t["text"]} for t in ta]
    for o, n in tp:
        changes = {f: {"old": o.get(f), "new": n.get(f)} for f in ("comparator", "value", "value_max", "unit", "year")
                   if o.get(f) != n.get(f)}
        if changes:
            out["targets"]["changed"].append({"old_id": o["id"], "new_id": n["id"], "text": n["text"], "changes": changes})

    def flat(plan):
        rows = []

        def walk(secs):
            for s in secs:
                rows.append(s)
                walk(s.get("children") or [])

        walk(plan.get("sections") or [])
        return rows

    sp, sr, sa = _match([s for s in flat(old) if s.get("title")], [s for s in flat(new) if s.get("title")],
                        lambda s: s.get("title"))
    out["sections"]["renumbered"] = [{"title": n["title"], "old_id": o["id"], "new_id": n["id"]} for o, n in sp if o["id"] != n["id"]]
    out["sections"]["removed"] = [{"id": s["id"], "title": s["title"]} for s in sr]
    out["sections"]["added"] = [{"id": s["id"], "title": s["title"]} for s in sa]
    return out


def has_differences(d: dict) -> bool:
    return bool(d["document"]) or any(v for part in ("tasks", "targets", "sections") for v in d[part].values())


def diff_to_text(d: dict, old_name: str, new_name: str) -> str:
    lines = [f"--- {old_name}", f"+++ {new_name}"]
    for c in d["document"]:
        lines.append(f"~ document.{c['field']}: {c['old']!r} -> {c['new']!r}")
    for sign, part in (("-", "removed"), ("+", "added")):
        for t in d["tasks"][part]:
            lines.append(f"{sign} task {t['id']}: {t['title']} [{'; '.join(t['lead'] or [])}]")
    for t in d["tasks"]["changed"]:
        ids = t["new_id"] if t["old_id"] == t["new_id"] else f"{t['old_id']} -> {t['new_id']}"
        lines.append(f"~ task {ids}: {t['title']}")
        for f, ch in t["changes"].items():
            old, new = ch["old"], ch["new"]
            if f == "deadline":
                old, new = old.get("text"), new.get("text")
            elif isinstance(old, list) or isinstance(new, list):
                old, new = "; ".join(old or []), "; ".join(new or [])
            lines.append(f"    {f}: {old!r} -> {new!r}")
    for sign, part in (("-", "removed"), ("+", "added")):
        lines.extend(f"{sign} target {t['id']}: {t['text']}" for t in d["targets"][part])
    for t in d["targets"]["changed"]:
        lines.append(f"~ target {t['new_id']}: {t['text']}")
        for f, ch in t["changes"].items():
            lines.append(f"    {f}: {ch['old']!r} -> {ch['new']!r}")
    for s in d["sections"]["renumbered"]:
        lines.append(f"~ section {s['old_id']} -> {s['new_id']}: {s['title']}")
    for sign, part in (("-", "removed"), ("+", "added")):
        lines.extend(f"{sign} section {s['id']}: {s['title']}" for s in d["sections"][part])
    if len(lines) == 2:
        lines.append("(no differences in document fields, sections, targets or tasks)")
    return "\n".join(lines) + "\n"
