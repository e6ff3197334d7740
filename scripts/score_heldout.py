"""Score kehoach on the held-out set in tests/heldout/ (run from the repository root).

    python scripts/score_heldout.py            # per-document report and overall figures
    python scripts/score_heldout.py --json     # the same as JSON
    python scripts/score_heldout.py h03 h07    # only documents whose name starts with these

Each document in tests/heldout/ has an answer key in tests/heldout/keys/<name>.yaml, written by
hand from the document (not from the tool's output). The scorer runs the library
(`kehoach.extract_file`) on every document and compares:

- header fields: is_plan, type, number, date, place, issuer, title (key is a prefix), signer
  name/title/authority, and the attachment's type and title for a decision issuing a plan;
- tasks, matched by normalized title prefix: recall and precision, then for each matched task
  whether lead, support and deadline (end date and/or recurrence) are right;
- the number of targets, when the key gives one.

Every wrong value is listed with the document and a `loc`, marked "silent" when no warning was
emitted near it, so "wrong without a warning" shows. No thresholds: this measures, it does not gate.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout"
HEADER_FIELDS = ("is_plan", "type", "number", "date", "place", "issuer", "title",
                 "signer.name", "signer.title", "signer.authority")
RECURRENCES = {"continuous", "annual", "semiannual", "quarterly", "monthly", "ad_hoc"}
NEAR = 12
"""A warning whose line is this close to a wrong value counts as flagging it."""

# Old-style tone placement ("hoá", "Uỷ") and new-style ("hóa", "Ủy") compare equal.
_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe",
          "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_TONE_RX = re.compile("|".join(_TONES))
_ABBREV = [(re.compile(r"\bubnd\b"), "ủy ban nhân dân"), (re.compile(r"\bhđnd\b"), "hội đồng nhân dân"),
           (re.compile(r"\s*&\s*"), " và ")]


# --------------------------------------------------------------------------- normalizing
def norm(text) -> str:
    """Lower-case NFC words only: punctuation, emphasis and spacing differences vanish."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text)).lower()
    s = _TONE_RX.sub(lambda m: _TONES[m.group(0)], s)
    for rx, full in _ABBREV:
        s = rx.sub(full, s)
    return " ".join(re.findall(r"\w+", s))


def prefix_match(key_title: str, title) -> bool:
    """The key's (short) title starts the extracted one, or is found near its start."""
    k, t = norm(key_title), norm(title)
    if not k or not t:
        return False
    if t.startswith(k) or (k.startswith(t) and len(t.split()) >= 5):
        return True
    return k in t[: len(k) + 80]


def as_date(value):
    return None if value is None else str(value)


# --------------------------------------------------------------------------- keys
def load_keys(only: list[str] | None = None) -> list[dict]:
    keys = []
    for path in sorted((HELDOUT / "keys").glob("*.yaml")):
        if only and not any(path.stem.startswith(o) for o in only):
            continue
        key = yaml.safe_load(path.read_text(encoding="utf-8"))
        key = _dates_as_text(key)
        key["_name"] = path.stem
        for task in key.get("tasks") or []:
            if False in task:  # YAML 1.1 reads an unquoted `no:` key as false
                task["no"] = task.pop(False)
        keys.append(key)
    return keys


def _dates_as_text(value):
    """YAML reads 2026-03-31 as a date: keep keys as plain text, as the plan model's dates are."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def key_problems(key: dict) -> list[str]:
    """What is wrong with the shape of one answer key (empty when it is well-formed)."""
    out = []
    if not isinstance(key.get("file"), str) or not (HELDOUT / key["file"]).is_file():
        out.append(f"file {key.get('file')!r} is not a document in tests/heldout/")
    doc = key.get("document")
    if not isinstance(doc, dict) or not isinstance(doc.get("is_plan"), bool):
        return out + ["document.is_plan must be true or false"]
    for field in ("type", "number", "place", "issuer", "title"):
        if doc.get(field) is not None and not isinstance(doc[field], str):
            out.append(f"document.{field} must be a string or null")
    if doc.get("date") is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(doc["date"])):
        out.append("document.date must be YYYY-MM-DD or null")
    signer = doc.get("signer")
    if signer is not None and (not isinstance(signer, dict) or set(signer) - {"name", "title", "authority"}):
        out.append("document.signer must be {name, title, authority}")
    t = key.get("targets")
    if t is not None and not (isinstance(t, int) or (isinstance(t, list) and len(t) == 2
                                                      and all(isinstance(n, int) for n in t))):
        out.append("targets must be a count or [fewest, most] when a sentence holds a second figure")
    tasks = key.get("tasks")
    if tasks is not None and not isinstance(tasks, list):
        out.append("tasks must be a list (or null: not scored)")
    for i, task in enumerate(tasks or []):
        out += [f"tasks[{i}]: {p}" for p in task_problems(task)]
    return out


def task_problems(task: dict) -> list[str]:
    out = []
    if not isinstance(task.get("title"), str) or len(task["title"].split()) < 3:
        out.append("title must be the task's first words (at least 3)")
    for field in ("lead", "support"):
        value = task.get(field)
        if value is not None and not isinstance(value, str) and not (
                isinstance(value, list) and all(isinstance(a, (str, list)) for a in value)):
            out.append(f"{field} must be a list of agency names (an entry may list alternatives)")
    if task.get("source", "appendix") not in ("appendix", "body"):
        out.append("source must be appendix or body")
    if "deadline" in task and task["deadline"] is not None:
        dl = task["deadline"]
        if not isinstance(dl, dict) or not dl or set(dl) - {"end", "recurrence"}:
            out.append("deadline must be null or {end, recurrence}")
        elif dl.get("end") is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(dl["end"])):
            out.append("deadline.end must be YYYY-MM-DD")
        elif dl.get("recurrence") is not None and dl["recurrence"] not in RECURRENCES:
            out.append(f"deadline.recurrence must be one of {sorted(RECURRENCES)}")
    return out


# --------------------------------------------------------------------------- comparing
def header_value(doc: dict, field: str):
    value = doc
    for part in field.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def header_ok(field: str, want, got) -> bool:
    if field == "is_plan":
        return bool(got) == want
    if field in ("date",):
        return as_date(got) == as_date(want)
    if want is None:
        return got in (None, "")
    if field == "number":
        return re.sub(r"\s+", "", str(got or "")).upper() == re.sub(r"\s+", "", str(want)).upper()
    if field in ("type", "signer.authority"):
        return str(got or "").upper() == str(want).upper()
    if field == "title":
        return prefix_match(want, got)
    return norm(got) == norm(want)


def key_agencies(value) -> list[list[str]]:
    """A key's agency list: "A; B | B2" (as plans write it: ";" between agencies, "|" between
    acceptable spellings of one) or a YAML list of names / lists of spellings."""
    if isinstance(value, str):
        value = [[a.strip() for a in part.split("|")] for part in value.split(";") if part.strip()]
    return [w if isinstance(w, list) else [w] for w in value or []]


def agencies_ok(want, got: list) -> tuple[bool, str]:
    """Same agencies (key entries may list alternatives); a collective phrase split differently
    ("Các sở, ngành; UBND các xã" as one entry or two) is accepted, a named agency split is not."""
    got_n = [norm(a) for a in got or []]
    alts = [[norm(a) for a in options] for options in key_agencies(want)]
    remaining = list(got_n)
    exact = True
    for options in alts:
        hit = next((a for a in options if a in remaining), None)
        if hit is None:
            exact = False
            break
        remaining.remove(hit)
    if exact and not remaining:
        return True, ""
    words = sorted(" ".join(o[0] for o in alts).split())
    if words and words == sorted(" ".join(got_n).split()):
        named = [o[0] for o in alts if o[0].startswith("sở ") and o[0] not in got_n]
        if not named:
            return True, "split differently"
    return False, ""


def deadline_ok(want, got: dict) -> bool:
    got = got or {}
    end, rec = as_date(got.get("end")), set(filter(None, str(got.get("recurrence") or "").split("+")))
    if want is None:
        return end is None and not rec
    if want.get("end") is not None and as_date(want["end"]) != end:
        return False
    return want.get("recurrence") is None or want["recurrence"] in rec


def match_tasks(key_tasks: list[dict], got: list[dict]) -> tuple[list, list, list]:
    """Pair key tasks with extracted ones in document order: same title prefix, preferring the
    same number and source. Returns (pairs, missed key tasks, extra extracted tasks). Extracted
    tasks matching a key task's `also` titles (items an extractor may list separately) or an
    `optional` key task (a paragraph a reader may or may not count as a task) are neither."""
    free = list(range(len(got)))
    pairs, missed = [], []
    for kt in (k for k in key_tasks if not k.get("optional")):
        cands = [i for i in free if prefix_match(kt["title"], got[i].get("title"))]
        if not cands:
            missed.append(kt)
            continue
        best = max(cands, key=lambda i: (str(got[i].get("no")) == str(kt.get("no")),
                                         got[i].get("source") == kt.get("source", "appendix"), -i))
        free.remove(best)
        pairs.append((kt, got[best]))
    also = [a for kt in key_tasks for a in kt.get("also", [])] + [kt["title"] for kt in key_tasks if kt.get("optional")]
    extra = [got[i] for i in free if not any(prefix_match(a, got[i].get("title")) for a in also)]
    return pairs, missed, extra


# --------------------------------------------------------------------------- scoring
def line_of(item) -> int | None:
    loc = (item or {}).get("loc") or {}
    return loc.get("line") if isinstance(loc, dict) else None


def flagged(warnings: list[dict], line: int | None, field: str = "") -> bool:
    """A warning near the line (or, for header fields, naming the field) flags a wrong value."""
    for w in warnings:
        wl = line_of(w)
        if line is not None and wl is not None and abs(wl - line) <= NEAR:
            return True
        if field and line is None and (field.split(".")[0] in (w.get("code") or "")
                                       or field.split(".")[-1] in (w.get("code") or "")):
            return True
    return False


def score_header(key: dict, doc: dict, warnings: list[dict]) -> tuple[int, int, list[dict]]:
    want_doc = key["document"]
    fields = [f for f in HEADER_FIELDS if header_value(want_doc, f) is not None or f.split(".")[-1] in want_doc
              or (f.startswith("signer.") and "signer" in want_doc)]
    errors = []
    for field in fields:
        want, got = header_value(want_doc, field), header_value(doc, field)
        if not header_ok(field, want, got):
            errors.append({"what": f"header.{field}", "want": want, "got": got, "line": None,
                           "silent": not flagged(warnings, None, field)})
    if "attachment" in want_doc:
        fields.append("attachment")
        want, got = want_doc["attachment"], doc.get("attachment")
        ok = (want is None and not got) or (want and got and str(got.get("type")).upper() == want["type"].upper()
                                             and prefix_match(want.get("title", ""), got.get("title")))
        if not ok:
            errors.append({"what": "header.attachment", "want": want, "got": got, "line": None,
                           "silent": not flagged(warnings, None, "attachment")})
    return len(fields) - len(errors), len(fields), errors


def score_task(kt: dict, task: dict, warnings: list[dict], tally: dict) -> list[dict]:
    errors, line = [], line_of(task)
    if not norm(task.get("title")).startswith(norm(kt["title"])):
        errors.append({"what": f"task {kt.get('no')} title", "title": kt["title"], "want": kt["title"],
                       "got": task.get("title"), "line": line, "silent": not flagged(warnings, line)})
    for field in ("lead", "support"):
        if field not in kt:
            continue
        tally[field][1] += 1
        ok, _note = agencies_ok(kt[field], task.get(field) or [])
        if ok:
            tally[field][0] += 1
        else:
            errors.append({"what": f"task {kt.get('no')} {field}", "title": kt["title"],
                       "want": ["|".join(o) for o in key_agencies(kt[field])],
                           "got": task.get(field), "line": line, "silent": not flagged(warnings, line)})
    if "deadline" in kt:
        tally["deadline"][1] += 1
        if deadline_ok(kt["deadline"], task.get("deadline")):
            tally["deadline"][0] += 1
        else:
            dl = task.get("deadline") or {}
            got = {k: dl.get(k) for k in ("text", "end", "recurrence")}
            errors.append({"what": f"task {kt.get('no')} deadline", "title": kt["title"], "want": kt["deadline"],
                           "got": got, "line": line, "silent": not flagged(warnings, line)})
    return errors


def score_document(key: dict) -> dict:
    from kehoach import extract_file

    path = HELDOUT / key["file"]
    try:
        plan = extract_file(str(path))
    except Exception as exc:  # the scorer reports a crash as a result, it does not stop
        plan = {"document": {}, "tasks": [], "targets": [], "warnings": [],
                "_crash": f"{type(exc).__name__}: {exc}"}
    warnings = plan.get("warnings") or []
    res = {"name": key["_name"], "file": key["file"], "crash": plan.get("_crash"),
           "warnings": [{"code": w.get("code"), "line": line_of(w), "message": w.get("message")} for w in warnings]}
    res["header"] = dict(zip(("ok", "of", "errors"), score_header(key, plan.get("document") or {}, warnings), strict=True))
    tally = {"lead": [0, 0], "support": [0, 0], "deadline": [0, 0]}
    errors = list(res["header"].pop("errors"))
    got_tasks = plan.get("tasks") or []
    if key.get("tasks") is None:
        res["tasks"] = {"scored": False, "extracted": len(got_tasks)}
    else:
        pairs, missed, extra = match_tasks(key["tasks"], got_tasks)
        for kt, task in pairs:
            errors += score_task(kt, task, warnings, tally)
        errors += [{"what": f"task {kt.get('no')} missed", "title": kt["title"], "line": None,
                    "silent": True} for kt in missed]
        errors += [{"what": "extra task", "title": (t.get("title") or "")[:70], "got": t.get("id"),
                    "line": line_of(t), "silent": not flagged(warnings, line_of(t))} for t in extra]
        res["tasks"] = {"scored": True, "key": sum(not k.get("optional") for k in key["tasks"]), "matched": len(pairs),
                        "extracted": len(pairs) + len(extra), **{k: dict(zip(("ok", "of"), v, strict=True)) for k, v in tally.items()}}
    if key.get("targets") is not None:
        want = key["targets"] if isinstance(key["targets"], list) else [key["targets"]] * 2
        got = plan.get("targets") or []
        res["targets"] = {"want": want, "got": len(got), "ok": want[0] <= len(got) <= want[1]}
        if not res["targets"]["ok"]:
            errors.append({"what": "targets count", "want": want, "got": [t.get("text") for t in got],
                           "line": None, "silent": not flagged(warnings, None, "targets")})
    res["errors"] = errors
    return res


# --------------------------------------------------------------------------- reporting
def overall(results: list[dict]) -> dict:
    tot = {"header": [0, 0], "recall": [0, 0], "precision": [0, 0], "lead": [0, 0], "support": [0, 0],
           "deadline": [0, 0], "targets_right": [0, 0], "errors": 0, "silent": 0}
    for r in results:
        tot["header"][0] += r["header"]["ok"]
        tot["header"][1] += r["header"]["of"]
        t = r["tasks"]
        if t["scored"]:
            tot["recall"][0] += t["matched"]
            tot["recall"][1] += t["key"]
            tot["precision"][0] += t["matched"]
            tot["precision"][1] += t["extracted"]
            for f in ("lead", "support", "deadline"):
                tot[f][0] += t[f]["ok"]
                tot[f][1] += t[f]["of"]
        if "targets" in r:
            tot["targets_right"][0] += r["targets"]["ok"]
            tot["targets_right"][1] += 1
        tot["errors"] += len(r["errors"])
        tot["silent"] += sum(e["silent"] for e in r["errors"])
    return tot


def pct(pair) -> str:
    ok, of = pair
    return f"{ok}/{of} ({100 * ok / of:.0f}%)" if of else "-"


def render(results: list[dict]) -> str:
    lines = []
    for r in results:
        t = r["tasks"]
        head = f"{r['name']}: header {pct((r['header']['ok'], r['header']['of']))}"
        if t["scored"]:
            head += (f"; tasks recall {pct((t['matched'], t['key']))} precision {pct((t['matched'], t['extracted']))}"
                     f"; lead {pct(tuple(t['lead'].values()))} support {pct(tuple(t['support'].values()))}"
                     f" deadline {pct(tuple(t['deadline'].values()))}")
        else:
            head += f"; tasks not scored ({t['extracted']} extracted)"
        if "targets" in r:
            lo, hi = r["targets"]["want"]
            head += f"; targets {r['targets']['got']} (key {lo if lo == hi else f'{lo}-{hi}'})"
        lines.append(head)
        if r["crash"]:
            lines.append(f"    CRASH {r['crash']}")
        codes = sorted({w["code"] for w in r["warnings"]})
        lines.append(f"    warnings: {len(r['warnings'])}" + (f" ({', '.join(codes)})" if codes else ""))
        for e in r["errors"]:
            where = f" @line {e['line']}" if e.get("line") else ""
            detail = f" want {e['want']!r} got {e['got']!r}" if "want" in e else (f" {e['got']}" if e.get("got") else "")
            title = f" «{e['title'][:50]}»" if e.get("title") else ""
            lines.append(f"    - {e['what']}{title}{where}:{detail}{' [silent]' if e['silent'] else ''}")
    tot = overall(results)
    lines.append("")
    lines.append(f"OVERALL ({len(results)} documents): header {pct(tot['header'])}; task recall {pct(tot['recall'])}, "
                 f"precision {pct(tot['precision'])}; lead {pct(tot['lead'])}, support {pct(tot['support'])}, "
                 f"deadline {pct(tot['deadline'])}; target counts right {pct(tot['targets_right'])}; "
                 f"{tot['errors']} wrong values, {tot['silent']} of them without a nearby warning")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    as_json = "--json" in argv
    only = [a for a in argv if not a.startswith("-")]
    keys = load_keys(only)
    bad = {k["_name"]: p for k in keys if (p := key_problems(k))}
    if bad:
        for name, problems in bad.items():
            print(f"tests/heldout/keys/{name}.yaml: {'; '.join(problems)}", file=sys.stderr)
        return 2
    results = [score_document(k) for k in keys]
    if as_json:
        print(json.dumps({"documents": results, "overall": overall(results)}, ensure_ascii=False, indent=1, default=str))
    else:
        print(render(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
