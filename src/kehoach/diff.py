"""Compare two versions of a plan: tasks added, removed or changed, targets changed, sections
renumbered. Tasks and targets are matched by their words, not their numbers, so a renumbered
appendix is not reported as everything removed and added again."""

from __future__ import annotations

from .vn import fold

TASK_FIELDS = ("lead", "support", "deadline", "output", "target")


def _key(text: str | None) -> str:
    return " ".join(fold(text or "").split())


CLOSE = 80  # rapidfuzz ratio (0-100) from which two wordings are taken for one item


def _match(old: list[dict], new: list[dict], text_of, notes: list[str] | None = None,
           what: str = "") -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pairs (exact words first, then close wording, closest first), and what is left on each side.
    ``notes`` is told when the leftovers were too many to weigh every pair."""
    by_key: dict[str, list[int]] = {}
    for j, n in enumerate(new):
        by_key.setdefault(_key(text_of(n)), []).append(j)
    pairs: list[tuple[int, int]] = []
    rest_old: list[int] = []
    for i, o in enumerate(old):
        cands = by_key.get(_key(text_of(o)))
        if cands:
            pairs.append((i, cands.pop(0)))
        else:
            rest_old.append(i)
    taken = {j for _, j in pairs}
    rest_new = [j for j in range(len(new)) if j not in taken]
    close = _close_pairs([_key(text_of(old[i])) for i in rest_old], [_key(text_of(new[j])) for j in rest_new])
    if len(rest_old) * len(rest_new) > PAIRS_SCORED and notes is not None:
        notes.append(f"{what}: {len(rest_old)} old and {len(rest_new)} new wordings matched no other exactly, too "
                     f"many to weigh every pair; each was compared with those that sort near it, so a reworded one may "
                     f"show as removed and added")
    pairs += [(rest_old[a], rest_new[b]) for a, b in close]
    used_old, used_new = {i for i, _ in pairs}, {j for _, j in pairs}
    return ([(old[i], new[j]) for i, j in sorted(pairs)], [o for i, o in enumerate(old) if i not in used_old],
            [n for j, n in enumerate(new) if j not in used_new])


def _close_pairs(olds: list[str], news: list[str]) -> list[tuple[int, int]]:
    """Index pairs of close wordings (ratio >= CLOSE), assigned closest first, each item once.

    Every pair is scored exactly, but pairs whose letter counts already rule out a close ratio are
    skipped without scoring: the common subsequence of two texts cannot be longer than their common
    letters, so ratio <= 200 * common letters / (len(a) + len(b)). That bound is cheap for all pairs
    at once and leaves few pairs to score when the leftovers of two plans are unrelated.
    """
    if not olds or not news:
        return []
    scored = _scored_all(olds, news) if len(olds) * len(news) <= PAIRS_SCORED else _scored_neighbours(olds, news)
    out, used_old, used_new = [], set(), set()
    for _, i, j in sorted(scored):
        if i not in used_old and j not in used_new:
            out.append((i, j))
            used_old.add(i)
            used_new.add(j)
    return out


PAIRS_SCORED = 4_000_000
"""Leftover pairs (old x new) up to which every pair is weighed; past it (two plans of 50,000
unrelated tasks make 2.5 billion) only wordings that sort near each other are compared."""
NEIGHBOURS = 8


def _scored_neighbours(olds: list[str], news: list[str]) -> list[tuple[float, int, int]]:
    """(-ratio, i, j) for the close pairs among neighbours: all wordings sorted together, once as
    written and once read backwards (an edit at the start moves a wording far in the first order
    only), each old one compared with the new ones within 2 x NEIGHBOURS places of it."""
    from rapidfuzz import fuzz

    pairs: set[tuple[int, int]] = set()
    for turn in (lambda t: t, lambda t: t[::-1]):
        order = sorted([(turn(t), 0, i) for i, t in enumerate(olds)] + [(turn(t), 1, j) for j, t in enumerate(news)])
        for p, (_, side, i) in enumerate(order):
            if side == 0:
                near = order[max(0, p - 2 * NEIGHBOURS):p + 2 * NEIGHBOURS + 1]
                pairs.update((i, j) for _, other, j in near if other == 1)
    scored = []
    for i, j in pairs:
        got = fuzz.ratio(olds[i], news[j], score_cutoff=CLOSE)
        if got:
            scored.append((-got, i, j))
    return scored


def _scored_all(olds: list[str], news: list[str]) -> list[tuple[float, int, int]]:
    """(-ratio, i, j) for every close pair (see :func:`_close_pairs`)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    counts = _letter_counts(olds + news, np)
    hist_old, hist_new = counts[: len(olds)], counts[len(olds):]
    len_old, len_new = hist_old.sum(1), hist_new.sum(1)
    step = max(1, 4_000_000 // (len(news) * max(1, counts.shape[1])))
    scored: list[tuple[float, int, int]] = []
    for lo in range(0, len(olds), step):
        common = np.minimum(hist_old[lo:lo + step, None, :], hist_new[None, :, :]).sum(2)
        # ratio >= CLOSE needs 200 * common >= CLOSE * total (one letter of slack for rounding)
        total = len_old[lo:lo + step, None] + len_new[None, :]
        for i, row in enumerate(200 * (common + 1) >= CLOSE * total, start=lo):
            cands = np.flatnonzero(row)
            if len(cands):
                got = process.cdist([olds[i]], [news[j] for j in cands], scorer=fuzz.ratio, score_cutoff=CLOSE)[0]
                scored += [(-float(got[k]), i, int(cands[k])) for k in np.flatnonzero(got)]
    return scored


def _letter_counts(texts: list[str], np):
    """One row per text: how many times each character of the texts occurs in it."""
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    alphabet, symbol = np.unique(codes, return_inverse=True)
    row = np.repeat(np.arange(len(texts)), [len(t) for t in texts])
    counts = np.zeros((len(texts), len(alphabet)), dtype=np.int32)
    np.add.at(counts, (row, symbol), 1)
    return counts


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
    notes: list[str] = []
    pairs, removed, added = _match(old.get("tasks") or [], new.get("tasks") or [], lambda t: t.get("title"), notes, "tasks")
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
                        lambda t: f"{t.get('indicator') or ''} {t.get('unit') or ''}", notes, "targets")
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
                        lambda s: s.get("title"), notes, "sections")
    out["sections"]["renumbered"] = [{"title": n["title"], "old_id": o["id"], "new_id": n["id"]} for o, n in sp if o["id"] != n["id"]]
    out["sections"]["removed"] = [{"id": s["id"], "title": s["title"]} for s in sr]
    out["sections"]["added"] = [{"id": s["id"], "title": s["title"]} for s in sa]
    if notes:
        out["notes"] = notes
    return out


def has_differences(d: dict) -> bool:
    return bool(d["document"]) or any(v for part in ("tasks", "targets", "sections") for v in d[part].values())


def diff_to_text(d: dict, old_name: str, new_name: str) -> str:
    """The differences as lines for a terminal: a title's line break, escape sequence or
    bidirectional override is written as an escape ("\\n", "\\x1b", "\\u202e"), so it can neither
    forge a line nor drive the terminal."""
    from .textsafe import shown

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
    lines.extend(f"# note: {n}" for n in d.get("notes", ()))
    return "\n".join(map(shown, lines)) + "\n"
