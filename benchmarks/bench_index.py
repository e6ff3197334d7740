"""Index 10,000 plans (variations of the samples) and time the questions analysts ask.

    python benchmarks/bench_index.py              # 10,000 plans
    python benchmarks/bench_index.py --plans 2000

Goal: each query answers in under 100 ms at that size.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROVINCES = ["Thái Bình", "Hưng Yên", "Nam Định", "Ninh Bình", "Lào Cai", "Quảng Ninh", "Nghệ An", "Đồng Nai", "Cần Thơ",
             "Gia Lai", "Huế", "Đà Nẵng", "Bắc Ninh", "Phú Thọ", "Tây Ninh", "An Giang"]
WORDS = ["chuyển đổi số", "cải cách hành chính", "đầu tư công", "khu công nghiệp", "du lịch", "nông thôn mới",
         "giáo dục nghề nghiệp", "môi trường", "hạ tầng giao thông", "doanh nghiệp nhỏ và vừa"]


def variants(n: int):
    from kehoach import extract_file

    bases = [extract_file(str(p)) for p in sorted((ROOT / "samples").iterdir()) if p.suffix in {".txt", ".md"}]
    bases = [b for b in bases if b["tasks"]]
    rnd = random.Random(7)
    for k in range(n):
        plan = copy.deepcopy(bases[k % len(bases)])
        doc = plan["document"]
        year = 2018 + k % 8
        province = PROVINCES[k % len(PROVINCES)]
        doc.update(number=f"{k + 1}/KH-UBND", seq=k + 1, symbol="KH-UBND", issuer=f"Ủy ban nhân dân tỉnh {province}",
                   date=f"{year}-{1 + k % 12:02d}-{1 + k % 28:02d}")
        plan["source"]["sha256"] = hashlib.sha256(str(k).encode()).hexdigest()
        for t in plan["tasks"]:
            t["title"] = f"{t['title']} ({rnd.choice(WORDS)})"
            d = t["deadline"]
            if d.get("end"):
                shift = year - int(d["end"][:4])
                d["end"] = f"{int(d['end'][:4]) + shift}{d['end'][4:]}" if shift else d["end"]
        yield plan


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plans", type=int, default=10_000)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from kehoach.index import add_plan, connect, find_tasks

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "plans.sqlite")
        con = connect(db)
        cache: dict = {}
        t0 = time.perf_counter()
        for k, plan in enumerate(variants(args.plans)):
            add_plan(con, plan, f"plan-{k}.yaml", cache)
        con.commit()
        t_index = time.perf_counter() - t0
        n_tasks = con.execute("SELECT count(*) FROM tasks").fetchone()[0]
        print(f"indexed {args.plans} plans ({n_tasks} tasks) in {t_index:.1f} s "
              f"({args.plans / t_index:.0f} plans/s), database {Path(db).stat().st_size / 1e6:.0f} MB")
        queries = {
            "agency 'so cong thuong' due before 2024-12-31": dict(agency="so cong thuong", due_before=dt.date(2024, 12, 31)),
            "agency 'Sở TN&MT', any role": dict(agency="Sở TN&MT", role="any"),
            "overdue as of 2025-06-30": dict(overdue_as_of=dt.date(2025, 6, 30)),
            "search 'chuyen doi so'": dict(search="chuyen doi so"),
            "search 'cai cach hanh chinh' for one agency": dict(search="cai cach hanh chinh", agency="so noi vu"),
            "one plan by number": dict(plan="4242/KH-UBND"),
        }
        worst = 0.0
        print(f"  {'query':48} {'first 1000':>10} {'count':>8} {'all rows':>9}")
        for name, kw in queries.items():
            first, counted, whole = [], [], []
            n = 0
            for _ in range(5):
                t = time.perf_counter()
                find_tasks(con, limit=1000, **kw)  # what `kehoach tasks` shows by default
                first.append(time.perf_counter() - t)
                t = time.perf_counter()
                n = find_tasks(con, count_only=True, **kw)
                counted.append(time.perf_counter() - t)
                t = time.perf_counter()
                find_tasks(con, **kw)
                whole.append(time.perf_counter() - t)
            a, b, c = (statistics.median(x) * 1000 for x in (first, counted, whole))
            worst = max(worst, a + b)
            print(f"  {name:48} {a:8.1f}ms {b:6.1f}ms {c:7.1f}ms  ({n} tasks)")
        print(f"slowest query as `kehoach tasks` answers it (first 1000 rows + total count): {worst:.1f} ms   [goal < 100 ms]")
        con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
