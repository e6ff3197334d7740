"""Run kehoach on damaged copies of real documents for as long as asked; report what raises or hangs.

    python scripts/fuzz.py                           # text copies, 10 minutes, seed 1
    python scripts/fuzz.py --minutes 30 --seed 7 --out /tmp/fuzz
    python scripts/fuzz.py --word --minutes 10       # Word files instead
    python scripts/fuzz.py --pdf --minutes 10        # PDFs instead (needs qpdf)

Text copies are the samples, the real plans' renditions and the held-out pages (text, Markdown, HTML), edited by tests/docmutate.py
(the edits of tests/test_property.py's damaged-document test, many more of them). Word copies are the Word files
of the samples, the held-out and unseen plans and the legacy-font inputs, their body edited by
tests/docxmutate.py (rows, cells and paragraphs lost, doubled or moved; spans and merges that disagree with the
grid; tables in cells; breaks). PDF copies are the samples', held-out and unseen plans' PDFs (not the scans),
their page content edited by tests/pdfmutate.py (text runs and ruling lines lost, doubled, reordered, moved,
scaled; lines drawn across; font sizes of 0 or 10^9). A copy that raises anything but kehoach's own refusal, or runs past --limit
seconds, is written to --out with the error; the counts are printed at the end. Exit status 1 when any was found.
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


def _copies(word: bool, pdf: bool):
    """(the documents, how many kinds of edit, a function making a damaged copy's bytes from a document and edits)."""
    if pdf:
        from tests.pdfmutate import HAVE_QPDF, OPS, PDF_FILES, mutate_pdf, qdf

        if not HAVE_QPDF:
            raise SystemExit("fuzz.py --pdf needs qpdf and fix-qdf (Debian: apt-get install qpdf)")
        pdfs: dict = {}
        return PDF_FILES, OPS, lambda path, edits: mutate_pdf(pdfs.get(path) or pdfs.setdefault(path, qdf(path.read_bytes())), edits)
    if word:
        from tests.docxmutate import OPS, WORD_FILES, mutate_docx

        files = {p: p.read_bytes() for p in WORD_FILES}
        return list(files), OPS, lambda path, edits: mutate_docx(files[path], edits)
    from tests.docmutate import OPS, TEXTS, mutate

    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in TEXTS}
    return list(texts), OPS, lambda path, edits: mutate(texts[path], edits).encode("utf-8")


def main(argv: list[str]) -> int:
    from kehoach import extract_bytes
    from kehoach.errors import KehoachError

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=1)
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--word", action="store_true", help="damage Word files instead of texts")
    kind.add_argument("--pdf", action="store_true", help="damage PDFs' page content instead of texts (needs qpdf)")
    ap.add_argument("--limit", type=int, default=20, help="seconds a copy may take (default 20)")
    ap.add_argument("--out", type=Path, default=Path("fuzz-found"), help="where failing copies are written")
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    paths, ops, damaged = _copies(args.word, args.pdf)
    signal.signal(signal.SIGALRM, _late)
    end = time.monotonic() + 60 * args.minutes
    runs = found = 0
    while time.monotonic() < end:
        path = rnd.choice(paths)
        edits = [(rnd.randrange(ops), rnd.random(), rnd.random(), rnd.randrange(100)) for _ in range(rnd.randint(1, 12))]
        data = damaged(path, edits)
        runs += 1
        signal.alarm(args.limit)
        try:
            extract_bytes(data, path.name)
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
            (args.out / f"{stem}{path.suffix}").write_bytes(data)
            (args.out / f"{stem}.error.txt").write_text(f"{path}\n{edits}\n{problem}", encoding="utf-8")
            print(f"{path.name}: {problem.strip().splitlines()[-1]} -> {args.out / stem}{path.suffix}", flush=True)
    print(f"{runs} damaged copies, {found} raised or ran late")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
