"""Score kehoach on the held-out set in tests/heldout/ (run from the repository root).

    python scripts/score_heldout.py            # per-document report and overall figures
    python scripts/score_heldout.py --json     # the same as JSON
    python scripts/score_heldout.py h03 h07    # only documents whose name starts with these
    python scripts/score_heldout.py --baseline before.json   # also list wrong values fixed / new

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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_keys import HELDOUT, key_problems, load_keys  # noqa: E402, F401  (re-exported for the tests)

ROOT = Path(__file__).resolve().parent.parent
HEADER_FIELDS = ("is_plan", "type", "number", "date", "place", "issuer", "title",
                 "signer.name", "signer.title", "signer.authority")
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
    ("Các sở, ngành; UBND các xã" as one entry or two) is accepted, a named agency split or run
    together with another is not."""
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
        named = [o for o in alts if not _collective(o[0]) and not any(a in got_n for a in o)]
        if not named:
            return True, "split differently"
    return False, ""


def _collective(name: str) -> bool:
    """A (normalized) phrase naming several bodies at once ("các sở ban ngành", "ủy ban nhân dân các
    xã phường"), which plans split and join in more than one way; any other name is one agency,
    which must come back as an entry of its own (two run together, "công an tỉnh bộ chỉ huy quân
    sự tỉnh", is wrong)."""
    return bool(re.search(r"\bcác\b", name))


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
    same number and source; then a key task left over is paired with a task of its number whose
    title is the same but for a few letters (scored as a wrong title). Returns (pairs, missed key
    tasks, extra extracted tasks). Extracted
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
    for kt in list(missed):  # found, with a misspelt title (OCR): a title error, not a miss and an extra
        near = [i for i in free if str(got[i].get("no")) == str(kt.get("no")) and close_title(kt["title"], got[i].get("title"))]
        if near:
            free.remove(near[0])
            missed.remove(kt)
            pairs.append((kt, got[near[0]]))
    also = [a for kt in key_tasks for a in kt.get("also", [])] + [kt["title"] for kt in key_tasks if kt.get("optional")]
    extra = [got[i] for i in free if not any(prefix_match(a, got[i].get("title")) for a in also)]
    return pairs, missed, extra


def close_title(want: str, got: str | None) -> bool:
    """The key's title and the start of the extracted one differ in a few letters (a misread
    tone, a letter), not in words: 90% alike by difflib, on a title of 15 letters or more."""
    import difflib

    a, b = norm(want), norm(got)[:len(norm(want))]
    return len(a) >= 15 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


# --------------------------------------------------------------------------- scoring
def line_of(item) -> int | None:
    loc = (item or {}).get("loc") or {}
    return loc.get("line") if isinstance(loc, dict) else None


def page_of(item) -> int | None:
    loc = (item or {}).get("loc") or {}
    return loc.get("page") if isinstance(loc, dict) else None


TABLE_WARNINGS = ("table", "appendix", "coverage", "unplaced", "task")
"""Warning codes containing these words flag a document whose tasks were missed."""


def flagged(warnings: list[dict], where, field: str = "") -> bool:
    """A warning near `where` (an item with a loc: same page, lines close), or for header fields a
    warning whose code names the field, or for missed tasks (field "tasks") any table warning."""
    line, page = line_of(where), page_of(where)
    for w in warnings:
        code, wl = w.get("code") or "", line_of(w)
        if line is not None and wl is not None and abs(wl - line) <= NEAR and page_of(w) == page:
            return True
        if field == "tasks" and any(word in code for word in TABLE_WARNINGS):
            return True
        if field and field != "tasks" and line is None and (field.split(".")[0] in code
                                                              or field.split(".")[-1] in code):
            return True
    return False


def score_header(key: dict, doc: dict, warnings: list[dict]) -> tuple[int, int, list[dict]]:
    want_doc = key["document"]
    # a field the key names (null: must be empty); the signer's parts only when the key names a signer
    fields = [f for f in HEADER_FIELDS if (f.startswith("signer.") and "signer" in want_doc)
              or (not f.startswith("signer.") and f in want_doc)]
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
                       "got": task.get("title"), "line": line, "page": page_of(task), "silent": not flagged(warnings, task)})
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
                           "got": task.get(field), "line": line, "page": page_of(task), "silent": not flagged(warnings, task)})
    if "deadline" in kt:
        tally["deadline"][1] += 1
        if deadline_ok(kt["deadline"], task.get("deadline")):
            tally["deadline"][0] += 1
        else:
            dl = task.get("deadline") or {}
            got = {k: dl.get(k) for k in ("text", "end", "recurrence")}
            errors.append({"what": f"task {kt.get('no')} deadline", "title": kt["title"], "want": kt["deadline"],
                           "got": got, "line": line, "page": page_of(task), "silent": not flagged(warnings, task)})
    return errors


def score_document(key: dict, path: Path | None = None) -> dict:
    """Score the key's document (or ``path``, another rendition of the same plan)."""
    from kehoach import extract_file

    path = path or HELDOUT / key["file"]
    try:
        plan = extract_file(str(path), ocr="auto" if path.stem.endswith("-scan") else None)
    except Exception as exc:  # the scorer reports a crash as a result, it does not stop
        plan = {"document": {}, "tasks": [], "targets": [], "warnings": [],
                "_crash": f"{type(exc).__name__}: {exc}"}
    warnings = plan.get("warnings") or []
    res = {"name": key["_name"], "file": key["file"], "crash": plan.get("_crash"),
           "coverage": (plan.get("quality") or {}).get("coverage"),
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
                    "silent": not flagged(warnings, None, "tasks")} for kt in missed]
        errors += [{"what": "extra task", "title": (t.get("title") or "")[:70], "got": t.get("id"),
                    "line": line_of(t), "page": page_of(t), "silent": not flagged(warnings, t)} for t in extra]
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
        lines.append(f"    coverage {r['coverage']}; warnings: {len(r['warnings'])}"
                     + (f" ({', '.join(codes)})" if codes else ""))
        for e in r["errors"]:
            where = (f" @page {e['page']}" if e.get("page") else "") + (f" @line {e['line']}" if e.get("line") else "")
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


def error_id(e: dict) -> str:
    return f"{e['what']} «{(e.get('title') or '')[:40]}»"


def compare(results: list[dict], baseline: dict) -> str:
    """What changed since an earlier `--json` run: wrong values fixed and new ones, per document."""
    before = {d["name"]: {error_id(e) for e in d["errors"]} for d in baseline["documents"]}
    lines = [f"\nCHANGES since the baseline (overall then: {baseline['overall']})"]
    for r in results:
        now = {error_id(e) for e in r["errors"]}
        old = before.get(r["name"], set())
        for label, ids in (("fixed", sorted(old - now)), ("new", sorted(now - old))):
            lines += [f"  {r['name']}: {label}: {i}" for i in ids]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from script_args import usage_exit

    if (code := usage_exit(argv, __doc__, {"--json", "--baseline"})) is not None:
        return code
    as_json = "--json" in argv
    baseline = None
    if "--baseline" in argv:
        i = argv.index("--baseline")
        baseline = json.loads(Path(argv[i + 1]).read_text(encoding="utf-8"))
        argv = argv[:i] + argv[i + 2:]
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
        print(render(results) + (compare(results, baseline) if baseline else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
