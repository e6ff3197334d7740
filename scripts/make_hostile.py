"""Generate the hostile-input suite: documents and plan files built to hang, exhaust or break a
reader, each with the outcome kehoach promises for it.

    python scripts/make_hostile.py OUTDIR      # write every file, and OUTDIR/cases.txt

tests/test_hostile_suite.py builds the same files in a temporary folder and checks each outcome
under a time limit. Outcomes:

- "ok": read as a document (exit 0), in time linear in its size;
- "error": one line naming the file that says what is wrong (exit 1), never a traceback.
"""

from __future__ import annotations

import copy
import io
import json
import random
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

BASE_SAMPLE = ROOT / "samples" / "thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md"
HEADER = "Số: 1/KH-UBND\nKẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n"


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    build: Callable[[], bytes]
    outcome: str
    """"ok" or "error"."""
    expect: str = ""
    """For "error": words the message must hold."""
    why: str = ""


HTML_HEAD = "<html><body><p>Số: 1/KH-UBND</p><p>KẾ HOẠCH</p>"


def wide_table(columns: int, rows: int, start: str, sep: str, end: str) -> str:
    """A task table with ``columns`` extra columns; Markdown when ``start`` is "| " (a separator
    row follows the header), HTML rows otherwise."""
    def row(cells: list[str]) -> str:
        return start + sep.join(cells) + end + "\n"

    out = row(["STT", "Nội dung", "Chủ trì"] + [f"Cột {i}" for i in range(columns)])
    if start.startswith("|"):
        out += "|" + "---|" * (columns + 3) + "\n"
    for r in range(rows):
        out += row([str(r + 1), f"việc {r}", "Sở Y tế"] + [f"ô {r} {i}" for i in range(columns)])
    return out


def text(body: str) -> Callable[[], bytes]:
    return lambda: (HEADER + body).encode("utf-8")


# ---- Documents --------------------------------------------------------------------------------

def _esc(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252", "replace")


def pdf(pages: list[list], size: int = 11) -> bytes:
    """A minimal PDF: each page a list of lines of Helvetica text from the top left; a line given
    as a list of cells puts them at fixed x positions (a page of only such lines: a table); a line
    given as a tuple of strings shows them one after the other (a string shown by one operator is
    cut by readers past 32,767 bytes)."""
    objs: list[bytes] = []

    def add(b: bytes) -> int:
        objs.append(b)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    contents = []
    for lines in pages:
        ops = [b"BT", b"/F1 %d Tf" % size, b"%d TL" % (size + 3), b"56 800 Td"]
        for row, ln in enumerate(lines):
            if isinstance(ln, list):  # cells at fixed x positions, as a table without rules prints them
                y = 800 - (size + 2) * row
                ops += [b"1 0 0 1 %d %d Tm (%s) Tj" % (40 + k * size * 6, y, _esc(c)) for k, c in enumerate(ln)]
            elif isinstance(ln, tuple):
                ops.append(b" ".join(b"(" + _esc(part) + b") Tj" for part in ln) + b" T*")
            else:
                ops.append(b"(" + _esc(ln) + b") Tj T*")
        stream = b"\n".join(ops + [b"ET"])
        contents.append(add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"))
    pages_id = len(objs) + len(pages) + 1
    kids = [add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                b"/Contents %d 0 R >>" % (pages_id, font, c)) for c in contents]
    add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    return bytes(out)


def justified_pdf(n_pages: int) -> Callable[[], bytes]:
    """Every line full width with no full stop: the whole document reads as one paragraph."""
    words = "cac co quan don vi thuc hien nhiem vu duoc giao theo ke hoach nay va bao cao ket qua dinh ky".split()

    def line(i: int) -> str:
        out: list[str] = []
        while len(" ".join(out)) < 85:
            out.append(words[(i + len(out)) % len(words)])
        return " ".join(out)

    def build() -> bytes:
        first = ["So: 1/KH-UBND", "KE HOACH", "I. MUC TIEU"] + [line(i) for i in range(50)]
        return pdf([first] + [[line(p * 50 + i) for i in range(50)] for p in range(1, n_pages)])
    return build


def long_line_pdf(n_words: int) -> Callable[[], bytes]:
    """One printed line of ``n_words`` words running far past the page's right edge."""
    def build() -> bytes:
        words = long_line_words(n_words)
        parts = tuple(" ".join(words[k:k + 500]) + " " for k in range(0, n_words, 500))
        return pdf([["So: 1/KH-UBND", "KE HOACH", "I. MUC TIEU", parts, "II. NHIEM VU"]])
    return build


def long_line_words(n_words: int) -> list[str]:
    vocabulary = "cac co quan don vi thuc hien nhiem vu duoc giao".split()
    return [f"{vocabulary[i % len(vocabulary)]}{i % 10}" for i in range(n_words)]


def borderless_pdf(n_rows: int, columns: int = 8, size: int = 8) -> Callable[[], bytes]:
    """A task table without ruling lines running over many pages (its header on the first only),
    each row's cells wrapped over three lines: cells at fixed x positions, ``size`` points high."""
    head = ["STT", "Noi dung", "Chu tri", "Phoi hop", "Thoi gian"] + [f"Cot {i}" for i in range(columns - 5)]

    def row(r: int) -> list[list[str]]:
        first = [str(r + 1), f"viec {r}", f"So {r % 7}", f"Huyen {r % 5}", f"nam {2025 + r % 3}"]
        first += [f"o {r % 97}" for _ in range(columns - 5)]
        return [first] + [[""] + [f"tiep {k} {r % 89}"] * (columns - 1) for k in (1, 2)]

    def build() -> bytes:
        per_page = 700 // (size + 2)
        lines: list = ["So: 1/KH-UBND", "KE HOACH", "II. NHIEM VU", head] + [ln for r in range(n_rows) for ln in row(r)]
        return pdf([lines[k:k + per_page] for k in range(0, len(lines), per_page)], size)
    return build


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(body: str, numbering: str = "", stored_extra: tuple[str, int] | None = None) -> Callable[[], bytes]:
    """A minimal .docx: the body XML (inside w:body) and optional numbering definitions."""
    def build() -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                       'package/2006/content-types"/>')
            z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}'
                       "</w:body></w:document>")
            if numbering:
                z.writestr("word/numbering.xml", f'<?xml version="1.0"?><w:numbering xmlns:w="{W_NS}">{numbering}'
                           "</w:numbering>")
            if stored_extra:
                name, size = stored_extra  # incompressible, stored: passes the ratio check on purpose
                z.writestr(zipfile.ZipInfo(name), random.Random(1).randbytes(size), zipfile.ZIP_STORED)
        return buf.getvalue()
    return build


def para(t: str, num: str = "") -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
    return f"<w:p>{ppr}<w:r><w:t>{t}</w:t></w:r></w:p>"


def numbering(fmt: str, start: str, lvl_text: str = "%1.") -> str:
    return (f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{lvl_text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')


DOC_HEAD = para("Số: 1/KH-UBND") + para("KẾ HOẠCH") + para("Thử nghiệm")


def cell(t: str, span: str = "") -> str:
    tcpr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span else ""
    return f"<w:tc>{tcpr}{para(t)}</w:tc>"


DOCUMENTS = [
    Case("spaces-40k", "spaces.txt", text("Mục" + " " * 40000 + "tiêu\n"), "ok",
         why="a run of spaces once took quadratic time in the Markdown heading clean-up"),
    Case("tabs-40k", "tabs.txt", text("Mục" + "\t" * 40000 + "#\n"), "ok"),
    Case("no-break-spaces-40k", "nbsp.txt", text("Mục" + "\u00a0" * 40000 + "#\n"), "ok"),
    Case("star-a-20k", "stars.txt", text("*a " * 20000 + "\n"), "ok",
         why="unclosed emphasis marks once made the emphasis pattern quadratic"),
    Case("underscore-a-20k", "unders.txt", text("_a " * 20000 + "\n"), "ok"),
    Case("strong-20k", "strong.txt", text("**a " * 20000 + "\n"), "ok"),
    Case("closing-4000-lines", "closing.txt",
         text("\n".join(["Trong quá trình thực hiện nếu có khó khăn"] * 4000) + "\n"), "ok"),
    Case("closing-4000-paragraphs", "closing2.txt", text("\n\n".join(
        ["Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan báo cáo UBND tỉnh."] * 4000) + "\n"), "ok"),
    Case("unclosed-p-20k-in-a-cell", "cell.html", lambda: (
        "<html><body><p>Số: 1/KH-UBND</p><p>KẾ HOẠCH</p><table><tr><td>STT</td><td>Nội dung</td><td>Chủ trì</td></tr>"
        "<tr><td>1</td><td>" + "<p>việc" * 20000 + "</td><td>Sở Y tế</td></tr></table></body></html>").encode(), "ok"),
    Case("html-colspan-10^9", "colspan.html", lambda: (
        HTML_HEAD + '<table><tr><td>STT</td><td colspan="1000000000">Nội dung</td></tr><tr><td>1</td><td>x</td></tr>'
        "</table></body></html>").encode(), "ok"),
    Case("html-rowspan-10^9", "rowspan.html", lambda: (
        HTML_HEAD + '<table><tr><td>STT</td><td rowspan="1000000000">Nội dung</td></tr><tr><td>1</td></tr>'
        "</table></body></html>").encode(), "ok"),
    Case("html-divs-50k-deep", "divs.html", lambda: (HTML_HEAD + "<div>" * 50000 + "x" + "</div>" * 50000).encode(),
         "ok"),
    Case("html-tables-3000-deep", "tables.html", lambda: (
        HTML_HEAD + "<table><tr><td>" * 3000 + "x" + "</td></tr></table>" * 3000).encode(), "ok"),
    Case("less-than-40k", "lt.txt", text("<" * 40000 + "\n"), "ok"),
    Case("entity-starts-40k", "amp.txt", text("&#" * 40000 + "\n"), "ok"),
    Case("footnote-starts-20k", "fn.txt", text("[^" * 20000 + "\n"), "ok"),
    Case("pipes-40k", "pipes.txt", text("|" * 40000 + "\n"), "ok"),
    Case("pipe-rows-3000", "rows.txt", text("| a " * 50 + "|\n" + ("|" + "---|" * 50 + "\n") * 3000), "ok"),
    Case("pipe-columns-2000", "wide.md", text("II. NHIỆM VỤ\n" + wide_table(2000, 20, "| ", " | ", " |")), "ok",
         why="every cell of a wide table once went through the whole normaliser for its padding"),
    Case("html-columns-2000", "wide.html", lambda: (HTML_HEAD + "<p>II. NHIỆM VỤ</p><table>"
                                                     + wide_table(2000, 20, "<tr><td>", "</td><td>", "</td></tr>")
                                                     + "</table></body></html>").encode(), "ok"),
    Case("spaced-capitals-20k", "spaced.txt", text("A " * 20000 + "\n"), "ok",
         why="the fewest-syllables reading of letter-spaced capitals once copied its list at every letter (99 s)"),
    Case("spaced-toned-capitals-5k", "spaced2.txt", text("Ế Ạ Ổ Ư " * 5000 + "\n"), "ok"),
    Case("dashes-40k", "dashes.txt", text("- " * 40000 + "\n"), "ok"),
    Case("numbering-40k", "numbers.txt", text("1." * 40000 + "\n"), "ok"),
    Case("year-ranges-20k", "years.txt", text("2021- " * 20000 + "\n"), "ok"),
    Case("dates-10k", "dates.txt", text("ngày 1 tháng " * 10000 + "\n"), "ok"),
    Case("lead-phrases-5k", "lead.txt", text("Sở Y tế chủ trì, phối hợp với " * 5000 + "\n"), "ok"),
    Case("percent-20k", "pct.txt", text("đạt 1% " * 20000 + "\n"), "ok"),
    Case("symbols-10k", "sym.txt", text("12/QĐUBND " * 10000 + "\n"), "ok"),
    Case("one-paragraph-pdf-100-pages", "para.pdf", justified_pdf(100), "ok",
         why="wrapped lines were once joined by re-scanning the growing paragraph"),
    Case("pdf-line-of-8000-words", "line.pdf", long_line_pdf(8000), "ok",
         why="words of one line were regrouped and cut into columns in time quadratic in their number"),
    Case("borderless-table-780-rows", "borderless.pdf", borderless_pdf(780), "ok",
         why="the columns of a table printed without rules were once found again from all its lines at each new "
             "line (400 rows took 53 s)"),
    Case("docx-roman-list-from-10^15", "roman.docx",
         docx(DOC_HEAD + para("Mục", "1") * 3, numbering("upperRoman", "1000000000000000")), "ok",
         why="a Roman numeral for 10^15 would take for ever; numbers are clamped to Word's 32767"),
    Case("docx-letter-list-from-10^9", "letters.docx",
         docx(DOC_HEAD + para("Mục", "1") * 3, numbering("lowerLetter", "1000000000")), "ok"),
    Case("docx-bad-list-numbers", "badnum.docx",
         docx(DOC_HEAD + para("Mục", "1"), numbering("decimal", "x" + "9" * 5000)), "ok"),
    Case("docx-level-text-200k", "lvltext.docx",
         docx(DOC_HEAD + para("Mục", "1") * 200, numbering("decimal", "1", "%1" * 100_000)), "ok",
         why="a label pattern is cut to 64 characters"),
    Case("docx-gridspan-10^9", "span.docx", docx(DOC_HEAD + "<w:tbl><w:tr>" + cell("STT") + cell("Nội dung", "1000000000")
                                                  + "</w:tr></w:tbl>"), "ok",
         why="a merged cell spans at most the 63 columns Word allows"),
    Case("docx-xml-part-over-the-limit", "big.docx",
         docx(DOC_HEAD, stored_extra=("word/header9.xml", 49 * 1024 * 1024)), "error", "would unpack to",
         why="an XML part larger than any plan's is refused before it is parsed"),
]


# ---- Plan files -------------------------------------------------------------------------------

def base_plan() -> dict:
    from kehoach.pipeline import extract_file

    return extract_file(str(BASE_SAMPLE))


def as_yaml(data: object) -> bytes:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def mutated(fn: Callable[[dict], object], fmt: str = "json") -> Callable[[], bytes]:
    def build() -> bytes:
        plan = copy.deepcopy(base_plan())
        out = fn(plan)
        data = plan if out is None else out
        if fmt == "raw":
            return data.encode("utf-8")
        return json.dumps(data, ensure_ascii=False).encode() if fmt == "json" else as_yaml(data)
    return build


def raw(data: bytes | str) -> Callable[[], bytes]:
    return lambda: data if isinstance(data, bytes) else data.encode("utf-8")


def alias_bomb() -> bytes:
    lines = ['schema_version: "1"', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    lines.append("tasks: *a9")
    return "\n".join(lines).encode()


def _set(path: list, value) -> Callable[[dict], None]:
    def fn(plan: dict) -> None:
        node = plan
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
    return fn


def _control_titles(plan: dict) -> None:
    for t in plan["tasks"]:
        t["title"] += " \x01\x02\x1b[31m\u2028\x7f"
        t["lead"] = [a + "\x0b" for a in t["lead"]]


PLAN_FILES = [
    Case("alias-bomb", "bomb.yaml", alias_bomb, "error", "alias", why="a 1 KB file that expands to 10^9 values"),
    Case("self-alias", "loop.yaml", raw('schema_version: "1"\ntasks: &t [*t]\n'), "error", "refers to itself"),
    Case("deep-json", "deep.json", raw("[" * 100_000 + "]" * 100_000), "error", "nested"),
    Case("deep-yaml-flow", "deep.yaml", raw("[" * 100_000 + "]" * 100_000), "error", "nested",
         why="libyaml's composer recurses in C: too deep a text would crash the process"),
    Case("deep-yaml-block", "deep2.yaml", raw("- " * 100_000 + "x\n"), "error", "nested"),
    Case("5000-digit-number", "digits.json", raw('{"schema_version": "1", "n": ' + "9" * 5000 + "}"), "error", "digits"),
    Case("huge-number", "huge.yaml", raw('schema_version: "1"\nn: 1' + "0" * 400 + "\n"), "error", "too large"),
    Case("infinity", "inf.json", raw('{"schema_version": "1", "n": 1e400}'), "error", "too large"),
    Case("nan", "nan.json", raw('{"schema_version": "1", "n": NaN}'), "error", "NaN"),
    Case("impossible-date", "date.json", mutated(_set(["document", "date"], "2024-02-30")), "error",
         "not a real calendar date"),
    Case("yaml-timestamp-tag", "stamp.yaml", raw('schema_version: "1"\nx: !!timestamp 2024-02-30\n'), "error", "YAML"),
    Case("tasks-is-a-number", "tasks5.json", mutated(_set(["tasks"], 5)), "error", "invalid plan"),
    Case("sections-is-text", "sections.yaml", mutated(_set(["sections"], "x"), "yaml"), "error", "invalid plan"),
    Case("task-is-a-list", "tasklist.json", mutated(lambda p: p["tasks"].__setitem__(0, [1, 2])), "error", "invalid plan"),
    Case("non-text-key", "key.yaml", raw('schema_version: "1"\n1: 2\n'), "error", "key"),
    Case("key-given-twice-yaml", "twice.yaml", mutated(lambda p: as_yaml(p).decode() + "tasks: []\n", "raw"), "error",
         "given twice", why="a hand-edited plan with a second 'tasks:' would lose the first list in silence"),
    Case("key-given-twice-json", "twice.json", raw('{"schema_version": "1", "tasks": [], "tasks": []}'), "error",
         "given twice"),
    Case("list-at-the-root", "list.json", raw("[1, 2, 3]"), "error", "not a plan file"),
    Case("no-schema-version", "nover.yaml", raw("a: 1\n"), "error", "not a plan file"),
    Case("empty-file", "empty.yaml", raw(""), "error", "not a plan file"),
    Case("binary", "bin.json", raw(bytes(range(256)) * 4), "error", "not UTF-8"),
    Case("invalid-json", "bad.json", raw('{"schema_version": "1",'), "error", "invalid JSON"),
    Case("control-characters", "ctrl.yaml", raw('schema_version: "1"\nx: "\x01"\n'), "error", "invalid YAML"),
    Case("last-day-a-date-holds", "far.yaml", mutated(_set(["tasks", 0, "deadline"], {
        "text": "Trước ngày 31/12/9999", "start": None, "end": "9999-12-31", "recurrence": None}), "yaml"), "ok",
        why="a deadline on 9999-12-31: the calendar's event ends the day after, which no date holds"),
    Case("first-day-a-date-holds", "early.yaml", mutated(_set(["tasks", 0, "deadline"], {
        "text": "Ngày 01/01/0001", "start": "0001-01-01", "end": "0001-01-01", "recurrence": None}), "yaml"), "ok"),
    Case("escaped-control-characters-in-a-valid-plan", "esc.yaml", mutated(_control_titles, "yaml"), "ok",
        why="a valid plan whose titles carry control characters: every export still works"),
]


def write_all(outdir: Path) -> list[tuple[Case, Path]]:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for case in DOCUMENTS + PLAN_FILES:
        path = outdir / case.file
        path.write_bytes(case.build())
        written.append((case, path))
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    lines = [f"{c.file}\t{c.outcome}\t{c.expect}\t{c.why}" for c, _ in write_all(out)]
    (out / "cases.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, set())) is not None:
        sys.exit(_code)
    sys.exit(main(sys.argv[1:]))
