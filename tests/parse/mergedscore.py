"""Score the text renditions of Word tables with merged cells (scripts/make_merged.py) against their rows.

    PYTHONPATH=src python -m tests.parse.mergedscore [DIR]      # default: tests/parse/merged
    PYTHONPATH=src python -m tests.parse.mergedscore tests/parse/merged_pages   # tables over page breaks

For each merged run (1-4 rows sharing one lead, support or deadline cell) and each rendition (LibreOffice's
text export, ``pdftotext -layout`` of the PDF, and the PDF itself where it is kept), every row of the run is
read right, wrong with a warning at the row, or wrong silently; cells not merged are counted the same way.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent / "merged"
PAGES = Path(__file__).resolve().parent / "merged_pages"
FORMS = ("txt", "layout")
SUFFIX = {"txt": ".txt", "layout": "-layout.txt", "pdf": ".pdf"}


def forms(folder: Path) -> tuple[str, ...]:
    """The renditions the folder holds: the PDFs too where they are kept."""
    return FORMS + (("pdf",) if any(folder.glob("*.pdf")) else ())


def rendition(key_path: Path, form: str) -> Path:
    return key_path.with_name(key_path.stem + SUFFIX[form])


def words(value) -> str:
    if isinstance(value, list):
        value = " ".join(value)
    found = re.findall(r"\w+", unicodedata.normalize("NFC", value or "").lower())
    return " ".join(w for w in found if w != "và")  # "A, B và các C" may be split before "các"


def read(path: Path) -> dict:
    from kehoach import extract_file

    return extract_file(str(path))


def score(plan: dict, key: dict) -> list[tuple[str, bool, str]]:
    """(column, merged, outcome) for each cell of the key: outcome "right", "warned" or "silent"."""
    tasks = [t for t in plan["tasks"] if t["source"] == "appendix"]
    by_no = {t["no"]: (k, t) for k, t in enumerate(tasks)}
    starts = sorted(t["loc"]["line"] for t in tasks)
    merged = {(col, r) for col, runs in key["runs"].items() for run in runs if len(run) > 1 for r in run}
    out = []
    for r, row in enumerate(key["rows"]):
        k_task = by_no.get(row["no"])
        for col in ("lead", "support", "deadline"):
            if k_task is None:
                out.append((col, (col, r) in merged, "silent" if not plan["warnings"] else "warned"))
                continue
            _, task = k_task
            got = task["deadline"]["text"] if col == "deadline" else task[col]
            if words(got) == words(row[col]):
                out.append((col, (col, r) in merged, "right"))
                continue
            line = task["loc"]["line"]
            end = next((s for s in starts if s > line), line + 1)
            near = any(w.get("loc") and line <= (w["loc"].get("line") or -1) < max(end, line + 1) for w in plan["warnings"])
            out.append((col, (col, r) in merged, "warned" if near else "silent"))
    return out


def broken(plan: dict, key: dict) -> set[tuple[str, int]]:
    """(column, row) of the rows of merged runs on a later page than their run's first row (the PDF's pages)."""
    page = {t["no"]: t["loc"]["page"] for t in plan["tasks"] if t["source"] == "appendix"}
    rows = key["rows"]
    return {(col, r) for col, runs in key["runs"].items() for run in runs for r in run[1:]
            if page.get(rows[r]["no"]) not in (None, page.get(rows[run[0]]["no"]))}


def measure(folder: Path = HERE, verbose: bool = False) -> dict[str, Counter]:
    totals: dict[str, Counter] = {form: Counter() for form in forms(folder)}
    for key_path in sorted(folder.glob("[mp]*.json")):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        for form in forms(folder):
            path = rendition(key_path, form)
            plan = read(path)
            got = score(plan, key)
            totals[form].update((("merged" if m else "single") + "-" + o) for _, m, o in got)
            totals.setdefault(f"{form}/{key['centre']}", Counter()).update(
                (("merged" if m else "single") + "-" + o) for _, m, o in got)
            if form == "pdf":  # the cells of merged runs a page break cuts, in the rows after the break
                cut = broken(plan, key)
                totals.setdefault("pdf/after-break", Counter()).update(
                    f"{c}-{o}" for r, (c, m, o) in enumerate(got) if (c, r // 3) in cut)
            if verbose:
                bad = [(c, r // 3, o) for r, (c, m, o) in enumerate(got) if o != "right"]
                if bad:
                    print(path.name, key["order"], key["centre"], bad)
    return totals


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for form, counts in measure(folder, verbose="-v" in sys.argv).items():
        print(form, dict(sorted(counts.items())))
