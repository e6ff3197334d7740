"""`kehoach diff` of two large plans: an amended version, every title reworded, unrelated plans.

    python benchmarks/bench_diff.py                 # 2,000-task plans
    python benchmarks/bench_diff.py --tasks 500 --reference   # also time the old all-pairs difflib matcher

The plans are built from the task titles of the text samples, each given a place and a year so
that 2,000 titles are distinct (many stay near each other, as in plans that repeat one task per
district). The amended version rewords 15% of the titles (a phrase added, a word dropped or
replaced, two letters swapped), drops 7%, adds 7%, moves 10% and renumbers everything. Quality is
counted against what the generator knows: pairs found right, pairs missed, pairs wrong.

Goal: two 2,000-task plans in under 2 s, as a whole `kehoach diff` process.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACES = ["huyện Kiến Xương", "huyện Tiền Hải", "thành phố Thái Bình", "huyện Vũ Thư", "huyện Hưng Hà",
          "huyện Đông Hưng", "huyện Quỳnh Phụ", "huyện Thái Thụy", "các xã ven biển", "các khu công nghiệp"]
PHRASES = ["và các đơn vị có liên quan", "theo quy định", "trên địa bàn tỉnh", "một cách thực chất, hiệu quả"]
SWAPS = [("triển khai", "tổ chức"), ("tăng cường", "đẩy mạnh"), ("nâng cao", "cải thiện"), ("các", "những")]


def base_plans() -> list[dict]:
    from kehoach import extract_file

    return [extract_file(str(p)) for p in sorted((ROOT / "samples").iterdir()) if p.suffix in {".txt", ".md"}]


def make_plan(template: dict, tasks: list[dict], n: int, rnd: random.Random) -> dict:
    """A valid plan (the template's header, targets and sections) with n tasks made from ``tasks``."""
    out = []
    for k in range(n):
        t = copy.deepcopy(tasks[k % len(tasks)])
        t["title"] = f"{t['title']} tại {PLACES[(k // len(tasks)) % len(PLACES)]} năm {2021 + k // (len(tasks) * len(PLACES))}"
        t["id"] = f"A1.{k + 1}"
        out.append(t)
    rnd.shuffle(out)
    return {**copy.deepcopy(template), "tasks": out}


def reword(title: str, rnd: random.Random) -> str:
    words = title.split()
    how = rnd.randrange(4)
    if how == 0:
        words.insert(rnd.randrange(len(words)), rnd.choice(PHRASES))
    elif how == 1 and len(words) > 8:
        del words[rnd.randrange(len(words))]
    elif how == 2:
        text = " ".join(words)
        for a, b in SWAPS:
            if a in text:
                return text.replace(a, b, 1)
        words.append(rnd.choice(PHRASES))
    else:
        i = rnd.randrange(len(words))
        w = words[i]
        if len(w) > 3:
            words[i] = w[0] + w[2] + w[1] + w[3:]
    return " ".join(words)


def amend(plan: dict, rnd: random.Random, reworded: float = 0.15, dropped: float = 0.07, added: float = 0.07,
          moved: float = 0.10) -> tuple[dict, dict[str, str]]:
    """The amended plan and the truth: old task id -> new task id for every task kept."""
    new, origin = [], []
    for t in plan["tasks"]:
        r = rnd.random()
        if r < dropped:
            continue
        t2 = copy.deepcopy(t)
        if r < dropped + reworded:
            t2["title"] = reword(t["title"], rnd)
        if rnd.random() < 0.1:
            t2["lead"] = ["Sở Tài chính"]
        new.append(t2)
        origin.append(t["id"])
    for k in range(int(len(plan["tasks"]) * added)):
        new.append({**copy.deepcopy(plan["tasks"][k]), "title": f"Nhiệm vụ bổ sung số {k + 1}: rà soát, số hóa hồ sơ {k}"})
        origin.append(None)
    order = list(range(len(new)))
    for _ in range(int(len(new) * moved)):
        i = order.pop(rnd.randrange(len(order)))
        order.insert(rnd.randrange(len(order) + 1), i)
    truth = {}
    tasks = []
    for pos, i in enumerate(order):
        t = new[i]
        t["id"] = f"A2.{pos + 1}"
        tasks.append(t)
        if origin[i]:
            truth[origin[i]] = t["id"]
    return {**plan, "tasks": tasks}, truth


def quality(d: dict, old: dict, truth: dict[str, str]) -> tuple[int, int, int]:
    """(right, missed, wrong) pairs of tasks against the generator's truth."""
    found = {c["old_id"]: c["new_id"] for c in d["tasks"]["changed"]}
    changed_ids = set(found)
    removed = {t["id"] for t in d["tasks"]["removed"]}
    for t in old["tasks"]:  # unchanged pairs are not listed; an exact title pairs with itself
        if t["id"] not in changed_ids and t["id"] not in removed:
            found[t["id"]] = truth.get(t["id"], "?")
    right = sum(1 for o, n in found.items() if truth.get(o) == n)
    return right, len(truth) - right, len(found) - right


def reference_match(old, new, text_of):
    """The matcher diff.py used before rapidfuzz (all pairs through difflib, in old order)."""
    import difflib

    from kehoach.diff import _key

    pairs, left, right = [], [], list(new)
    by_key: dict = {}
    for n in right:
        by_key.setdefault(_key(text_of(n)), []).append(n)
    for o in old:
        cands = by_key.get(_key(text_of(o)))
        if cands:
            n = cands.pop(0)
            pairs.append((o, n))
            right.remove(n)
        else:
            left.append(o)
    for o in list(left):
        best, score = None, 0.0
        for n in right:
            s = difflib.SequenceMatcher(None, _key(text_of(o)), _key(text_of(n))).ratio()
            if s > score:
                best, score = n, s
        if best is not None and score >= 0.8:
            pairs.append((o, best))
            right.remove(best)
            left.remove(o)
    return pairs, left, right


def _whole_diff(old: dict, new: dict, suffix: str) -> tuple[float, float]:
    """Wall and CPU seconds of one `kehoach diff` process over the two plans written as ``suffix`` files."""
    from kehoach.export.plain import to_yaml

    write = (lambda p: json.dumps(p, ensure_ascii=False)) if suffix == "json" else to_yaml
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / f"old.{suffix}", Path(tmp) / f"new.{suffix}"
        a.write_text(write(old), encoding="utf-8")
        b.write_text(write(new), encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "kehoach.cli", "diff", str(a), str(b), "--format", "json"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        whole = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if run.returncode > 1:
            raise SystemExit(f"kehoach diff failed: {run.stderr.decode()}")
    return whole, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def run_case(name: str, old: dict, new: dict, truth: dict | None, reference: bool) -> None:
    import kehoach.diff as kd

    t0, c0 = time.perf_counter(), time.process_time()
    d = kd.diff_plans(old, new)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    line = f"{name:34} diff_plans {wall:6.2f} s wall {cpu:6.2f} s CPU; whole `kehoach diff`"
    for suffix in ("json", "yaml"):
        whole, whole_cpu = _whole_diff(old, new, suffix)
        line += f" of {suffix.upper()} files {whole:5.2f} s wall {whole_cpu:5.2f} s CPU,"
    if truth is not None:
        right, missed, wrong = quality(d, old, truth)
        line += f"; pairs right {right}, missed {missed}, wrong {wrong}"
    print(line)
    if reference:
        saved = kd._match
        kd._match = reference_match
        try:
            t0 = time.perf_counter()
            d = kd.diff_plans(old, new)
            line = f"{'  (old difflib matcher)':34} diff_plans {time.perf_counter() - t0:6.2f} s wall"
            if truth is not None:
                right, missed, wrong = quality(d, old, truth)
                line += f"{'':39}; pairs right {right}, missed {missed}, wrong {wrong}"
            print(line)
        finally:
            kd._match = saved


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", type=int, default=2000)
    ap.add_argument("--reference", action="store_true", help="also run the old difflib matcher (slow: minutes at 2,000)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    rnd = random.Random(12)
    plans = base_plans()
    template = max(plans, key=lambda p: len(p["tasks"]))
    tasks = [t for p in plans for t in p["tasks"]]
    old = make_plan(template, tasks, args.tasks, rnd)
    new, truth = amend(old, rnd)
    run_case(f"amended ({args.tasks} tasks)", old, new, truth, args.reference)
    new, truth = amend(old, rnd, reworded=1.0, dropped=0.0, added=0.0)
    run_case("every title reworded", old, new, truth, args.reference)
    other = make_plan(template, list(reversed(tasks)), args.tasks, random.Random(3))
    for t in other["tasks"]:
        t["title"] = f"Kế hoạch khác: {t['title']}"
    run_case("unrelated plans", old, other, None, args.reference)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
