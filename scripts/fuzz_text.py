"""Run kehoach on damaged copies of real documents for as long as asked; report what raises or hangs.

    python scripts/fuzz_text.py                      # 10 minutes, seed 1
    python scripts/fuzz_text.py --minutes 30 --seed 7 --out /tmp/fuzz

Each copy is one of the samples, the real plans' renditions or the held-out pages, edited by
tests/docmutate.py (the edits of tests/test_property.py's damaged-document test, many more of them).
A copy that raises anything but kehoach's own refusal, or runs past --limit seconds, is written to
--out with the error; the counts are printed at the end. Exit status 1 when any was found.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))


class _Late(Exception):
    pass


def _late(*_args) -> None:
    raise _Late


def main(argv: list[str]) -> int:
    from tests.docmutate import OPS, TEXTS, mutate

    from kehoach import extract_bytes
    from kehoach.errors import KehoachError

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, default=20, help="seconds a copy may take (default 20)")
    ap.add_argument("--out", type=Path, default=Path("fuzz-found"), help="where failing copies are written")
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in TEXTS}
    signal.signal(signal.SIGALRM, _late)
    end = time.monotonic() + 60 * args.minutes
    runs = found = 0
    while time.monotonic() < end:
        path = rnd.choice(TEXTS)
        edits = [(rnd.randrange(OPS), rnd.random(), rnd.random(), rnd.randrange(100)) for _ in range(rnd.randint(1, 12))]
        text = mutate(texts[path], edits)
        runs += 1
        signal.alarm(args.limit)
        try:
            extract_bytes(text.encode("utf-8"), path.name)
            problem = None
        except KehoachError:
            problem = None
        except _Late:
            problem = f"ran past {args.limit} s"
        except Exception:  # noqa: BLE001 (what is looked for)
            problem = traceback.format_exc(limit=-4)
        finally:
            signal.alarm(0)
        if problem:
            found += 1
            args.out.mkdir(parents=True, exist_ok=True)
            stem = f"{args.seed}-{runs}-{path.stem}"
            (args.out / f"{stem}{path.suffix}").write_text(text, encoding="utf-8")
            (args.out / f"{stem}.error.txt").write_text(f"{path}\n{edits}\n{problem}", encoding="utf-8")
            print(f"{path.name}: {problem.strip().splitlines()[-1]} -> {args.out / stem}{path.suffix}", flush=True)
    print(f"{runs} damaged copies, {found} raised or ran late")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
