"""How time and peak memory grow on hostile shapes of input, each at 1x, 2x, 4x and 8x its size,
as whole `kehoach extract` processes (a shape whose time grows faster than its size is a hang
waiting for a larger file).

    python benchmarks/bench_hostile.py                  # every shape
    python benchmarks/bench_hostile.py scrape html-lists  # shapes whose name holds one of these

For each size: CPU seconds of the extraction, the process's peak resident memory, and the growth
exponent k of CPU ~ size^k from 2x to 8x (1.0 = linear; past ~1.4 is worth a look). A run over
the time limit (300 s) is reported as such.
"""

from __future__ import annotations

import math
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HEADER = "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 1/KH-UBND\nKẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n"
LIMIT = 300


def text(body: str) -> bytes:
    return (HEADER + body).encode("utf-8")


def _table(rows: int):
    from tests.tablegen import AGENCIES, DEADLINES, Row, Table

    rng = random.Random(rows)
    body = [Row("task", str(i + 1), f"Thực hiện nhiệm vụ số {i + 1} về cải cách hành chính",
                lead=[rng.choice(AGENCIES)], support=rng.sample(AGENCIES, 2), deadline=rng.choice(DEADLINES))
            for i in range(rows)]
    return Table(["no", "title", "lead", "support", "deadline"],
                 ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"], body)


def table_in(layout: str) -> Callable[[int], tuple[bytes, str]]:
    def build(rows: int) -> tuple[bytes, str]:
        from tests.tablegen import document

        return document(_table(rows), layout, random.Random(1))
    return build


def _docx(body: str) -> bytes:
    from scripts.make_hostile import docx  # the hostile suite's minimal .docx

    return docx(body)()


def _p(t: str) -> str:
    return f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"


def docx_table(rows: int) -> tuple[bytes, str]:
    """The task table of :func:`_table` as a Word table (written directly: python-docx takes time
    quadratic in the rows to build it)."""
    from tests.tablegen import cell_values

    table = _table(rows)

    def tr(cells: list[str]) -> str:
        return "<w:tr>" + "".join(f"<w:tc>{''.join(_p(x) for x in c.split(chr(10)))}</w:tc>" for c in cells) + "</w:tr>"
    body = tr(table.labels) + "".join(tr(cell_values(table, r)) for r in table.rows)
    return _docx("".join(_p(x) for x in HEADER.splitlines()) + _p("II. NHIỆM VỤ") + f"<w:tbl>{body}</w:tbl>"), "t.docx"


def docx_merged(cells: int) -> tuple[bytes, str]:
    """A task table whose lead column is one cell merged down ``cells`` rows."""
    def tc(t: str, merge: str = "") -> str:
        pr = f'<w:tcPr><w:vMerge w:val="{merge}"/></w:tcPr>' if merge == "restart" else \
            ("<w:tcPr><w:vMerge/></w:tcPr>" if merge else "")
        return f"<w:tc>{pr}{_p(t)}</w:tc>"

    rows = "".join(f"<w:tr>{tc(str(i + 1))}{tc(f'Việc {i + 1}')}"
                   f"{tc('Sở Y tế' if i == 0 else '', 'restart' if i == 0 else 'continue')}</w:tr>" for i in range(cells))
    head = f"<w:tr>{tc('STT')}{tc('Nội dung')}{tc('Cơ quan chủ trì')}</w:tr>"
    return _docx("".join(_p(x) for x in HEADER.splitlines()) + _p("II. NHIỆM VỤ") + f"<w:tbl>{head}{rows}</w:tbl>"), "m.docx"


def nested_lists(depth: int) -> tuple[bytes, str]:
    body = "".join(f"<ul><li>{i + 1}. mục {i}" for i in range(depth)) + "</li></ul>" * depth
    return f"<html><body><p>Số: 1/KH-UBND</p><p>KẾ HOẠCH</p><p>I. MỤC TIÊU</p>{body}</body></html>".encode(), "l.html"


def layout_columns(columns: int) -> tuple[bytes, str]:
    """`pdftotext -layout` text of a table ``columns`` wide, 20 rows."""
    names = ["STT", "Nội dung", "Chủ trì"] + [f"Cột {i}" for i in range(columns - 3)]
    width = 14

    def line(cells: list[str]) -> str:
        return "".join(c.ljust(width) for c in cells).rstrip()
    rows = [line([str(r + 1), f"việc {r}", "Sở Y tế"] + [f"ô {r}.{i}" for i in range(columns - 3)]) for r in range(20)]
    return text("II. NHIỆM VỤ\n\n" + line(names) + "\n\n" + "\n\n".join(rows) + "\n"), "c.txt"


def footnotes(n: int) -> tuple[bytes, str]:
    marks = "".join(f"- Sở Y tế thực hiện việc {i}[^{i}].\n" for i in range(1, n + 1))
    notes = "".join(f"[^{i}]: Chú thích số {i}.\n" for i in range(1, n + 1))
    return text("II. NHIỆM VỤ\n" + marks + "\n" + notes), "f.md"


SHAPES: dict[str, tuple[int, Callable[[int], tuple[bytes, str]]]] = {
    # name: (size at 8x, builder of the file at a size)
    "line-1MB": (1_000_000, lambda n: (text("Sở Y tế phối hợp thực hiện nhiệm vụ, " * (n // 40) + "\n"), "x.txt")),
    "short-lines-100k": (100_000, lambda n: (text("".join(f"- việc {i}\n" for i in range(n))), "x.txt")),
    "scrape-table-5000": (5000, table_in("scrape")),
    "docx-table-5000": (5000, docx_table),
    "html-table-5000": (5000, table_in("html")),
    "aligned-table-5000": (5000, table_in("aligned")),
    "aligned-packed-table-5000": (5000, table_in("aligned-packed")),
    "aligned-centred-table-5000": (5000, table_in("aligned-mid")),
    "flat-table-5000": (5000, table_in("flat")),
    "scrape-blank-run-40k": (40_000, lambda n: (text("|\nSTT\n|\nNội dung\n|\n|\n1\n|\nviệc\n|\n" + "\n" * n
                                                       + "|\n2\n|\nviệc\n|\n"), "x.md")),
    "html-lists-2000-deep": (2000, nested_lists),
    "docx-cells-merged-10000": (10_000, docx_merged),
    "dots-50k": (50_000, lambda n: (text("Mục " + "." * n + "\n"), "x.txt")),
    "numbering-run": (20_000, lambda n: (text("1" + ".1" * n + " Mục\n"), "x.txt")),
    "footnote-marks-10k": (10_000, footnotes),
    "layout-500-columns": (500, layout_columns),
    "bare-pipe-table-5000": (5000, lambda n: (text("TT| Nội dung| Chủ trì\n---|---|---\n"
                                                  + "".join(f"{k}| Việc {k}| Sở Tài chính\n" for k in range(1, n + 1))), "x.md")),
    "layout-header-words-4000": (4000, lambda n: (text((" ".join(["Nội dung"] * 30) + "  Thời gian  Chủ trì\n") * n), "x.txt")),
    "layout-header-bands-4000": (4000, lambda n: (text("".join("\n                      Thời gian\nTT   Nội dung   Chủ trì\n"
                                                               "                      hoàn thành\n" + "1    Việc       Sở Y tế   2026\n" * (k % 2)
                                                               for k in range(n))), "x.txt")),
}


def run(path: Path) -> tuple[float, float] | None:
    """(CPU s, peak MiB) of one `kehoach extract` of ``path`` in a fresh process; None past the limit."""
    code = ("import resource, sys, time; from kehoach import extract_file; c = time.process_time(); "
            "extract_file(sys.argv[1], max_bytes=1 << 30); r = resource.getrusage(resource.RUSAGE_SELF); "
            "print(time.process_time() - c, r.ru_maxrss / 1024)")
    try:
        out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True,
                             timeout=LIMIT)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as e:
        raise SystemExit(f"{path}: {e.stderr.strip().splitlines()[-1]}") from None
    cpu, peak = (float(x) for x in out.stdout.split())
    return cpu, peak


def measure(name: str, full: int, build: Callable[[int], tuple[bytes, str]], tmp: Path) -> None:
    cpus: list[float] = []
    for factor in (1, 2, 4, 8):
        data, file = build(max(1, full * factor // 8))
        path = tmp / f"{name}-{factor}-{file}"
        path.write_bytes(data)
        got = run(path)
        if got is None:
            print(f"  {name:26} {factor}x {len(data) / 1e3:9.0f} kB: over {LIMIT} s", flush=True)
            return
        cpus.append(got[0])
        print(f"  {name:26} {factor}x {len(data) / 1e3:9.0f} kB: {got[0]:7.2f} s CPU, peak {got[1]:6.0f} MiB", flush=True)
    k = math.log(cpus[3] / cpus[1]) / math.log(4) if cpus[1] > 0 else float("nan")
    print(f"  {name:26} growth exponent {k:.2f} from 2x to 8x", flush=True)


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for name, (full, build) in SHAPES.items():
            if not argv or any(a in name for a in argv):
                measure(name, full, build, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, set())) is not None:
        sys.exit(_code)
    sys.exit(main(sys.argv[1:]))
