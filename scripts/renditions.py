"""Extract the same plan from every rendition it circulates in, and compare (run from the repository root).

    python scripts/renditions.py                 # every original, every rendition: the table
    python scripts/renditions.py thai-binh h06   # only originals whose name starts with these
    python scripts/renditions.py --details       # also list each differing / missing / extra task
    python scripts/renditions.py --json          # the table as JSON

Originals are the Word, PDF and HTML documents of samples/, tests/real/ and tests/heldout/.
Each is rendered the ways a plan reaches an analyst, with the tools a desk has:

- Word: LibreOffice's PDF, HTML, plain text and a Word round trip; the PDF's `pdftotext` and
  `pdftotext -layout`; the HTML as a browser copies it (Chromium's `innerText`);
- PDF: `pdftotext` and `pdftotext -layout`;
- HTML: LibreOffice's Word, PDF and plain text; the browser copy.

Each rendition is extracted and compared with the extraction of the original: header fields,
tasks (matched by title prefix; then number, lead, support and deadline), targets, warnings.
Renditions are cached in build/renditions/ (delete it to render again). It measures; it does not gate.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_heldout import header_value, norm, prefix_match  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "renditions"
FOLDERS = ("samples", "tests/real", "tests/heldout")
HEADER = ("is_plan", "type", "number", "date", "title", "signer.name", "period.end")
COPY_SCRIPT = """<script>window.addEventListener('load', () => { const t = document.body.innerText;
document.body.innerHTML = ''; const p = document.createElement('pre'); p.id = 'copied';
p.textContent = t; document.body.appendChild(p); });</script>"""
"""Appended to an HTML page: replaces it with what selecting all and copying would give."""


# --------------------------------------------------------------------------- rendering
def _run(args: list[str], timeout: int = 180) -> None:
    subprocess.run(args, check=True, capture_output=True, timeout=timeout)


def soffice(src: Path, target: str, out: Path) -> Path | None:
    """LibreOffice's conversion of `src` to `target` ("pdf", "html", "txt:Text", "docx:...") as `out`."""
    if out.exists():
        return out
    tmp = out.parent / (out.name + ".d")
    tmp.mkdir(parents=True, exist_ok=True)
    profile = CACHE / "lo-profile"
    try:
        _run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
              "--convert-to", target, "--outdir", str(tmp), str(src)])
    except (subprocess.SubprocessError, OSError):
        return None
    made = [p for p in tmp.iterdir() if p.suffix == "." + target.split(":")[0]]
    if not made:
        return None
    made[0].replace(out)
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def pdftotext(pdf: Path | None, out: Path, layout: bool) -> Path | None:
    if pdf is None:
        return None
    if not out.exists():
        _run(["pdftotext", *(["-layout"] if layout else []), str(pdf), str(out)])
    return out


def browser_copy(html: Path | None, out: Path) -> Path | None:
    """The page's text as Chromium's innerText gives it (select all, copy, paste into a .txt)."""
    if html is None:
        return None
    if out.exists():
        return out
    from lxml import html as lhtml

    page = out.parent / (out.stem + "-page.html")
    page.write_bytes(html.read_bytes().replace(b"</body>", COPY_SCRIPT.encode() + b"</body>"))
    try:
        dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                              page.as_uri()], check=True, capture_output=True, timeout=120).stdout
    except (subprocess.SubprocessError, OSError):
        return None
    copied = lhtml.fromstring(dom).xpath("//pre[@id='copied']")
    if not copied:
        return None
    out.write_text(copied[0].text_content(), encoding="utf-8")
    return out


def renditions(src: Path) -> dict[str, Path | None]:
    """Rendition name -> file (None when the tool failed) for one original."""
    d = CACHE / src.stem
    d.mkdir(parents=True, exist_ok=True)
    kind = src.suffix.lower()
    out: dict[str, Path | None] = {}
    if kind == ".docx":
        pdf = soffice(src, "pdf", d / "lo.pdf")
        html = soffice(src, "html", d / "lo.html")
        out = {"lo.pdf": pdf, "lo.html": html, "lo.txt": soffice(src, "txt:Text", d / "lo.txt"),
               "lo.docx": soffice(src, "docx:MS Word 2007 XML", d / "lo.docx"),
               "pdftotext": pdftotext(pdf, d / "pdftotext.txt", False),
               "pdftotext-layout": pdftotext(pdf, d / "pdftotext-layout.txt", True),
               "browser-copy": browser_copy(html, d / "browser-copy.txt")}
    elif kind == ".pdf":
        out = {"pdftotext": pdftotext(src, d / "pdftotext.txt", False),
               "pdftotext-layout": pdftotext(src, d / "pdftotext-layout.txt", True)}
    elif kind in (".html", ".htm"):
        out = {"lo.docx": soffice(src, "docx:MS Word 2007 XML", d / "lo.docx"),
               "lo.pdf": soffice(src, "pdf:writer_web_pdf_Export", d / "lo.pdf"),
               "lo.txt": soffice(src, "txt:Text", d / "lo.txt"),
               "browser-copy": browser_copy(src, d / "browser-copy.txt")}
        out["pdftotext-layout"] = pdftotext(out["lo.pdf"], d / "pdftotext-layout.txt", True)
    return out


# --------------------------------------------------------------------------- comparing
def agencies(value) -> list[str]:
    return sorted(norm(a) for a in value or [])


def deadline(task: dict) -> tuple:
    d = task.get("deadline") or {}
    return (d.get("start"), d.get("end"), d.get("recurrence"))


def task_diffs(a: dict, b: dict) -> list[str]:
    """Fields in which two matched tasks differ."""
    diffs = [f for f in ("no", "lead", "support") if (agencies(a.get(f)) if f != "no" else a.get(f))
             != (agencies(b.get(f)) if f != "no" else b.get(f))]
    if deadline(a) != deadline(b):
        diffs.append("deadline")
    if norm(a.get("title")) != norm(b.get("title")):
        diffs.append("title")
    return diffs


def match(orig: list[dict], got: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pair tasks in document order by title prefix, preferring the same number."""
    free = list(range(len(got)))
    pairs, missing = [], []
    for t in orig:
        cands = [i for i in free if prefix_match((t.get("title") or "")[:120], got[i].get("title"))]
        if not cands:
            missing.append(t)
            continue
        best = min(cands, key=lambda i: (str(got[i].get("no")) != str(t.get("no")), i))
        free.remove(best)
        pairs.append((t, got[best]))
    return pairs, missing, [got[i] for i in free]


def compare(base: dict, plan: dict) -> dict:
    pairs, missing, extra = match(base["tasks"], plan["tasks"])
    differing = [(a, b, d) for a, b in pairs if (d := task_diffs(a, b))]
    header = [f for f in HEADER if norm(_field(base, f)) != norm(_field(plan, f))]
    codes = Counter(w["code"] for w in plan["warnings"]) - Counter(w["code"] for w in base["warnings"])
    return {"tasks": len(base["tasks"]), "same": len(pairs) - len(differing), "differing": differing,
            "missing": missing, "extra": extra, "header": header,
            "targets": (len(base.get("targets") or []), len(plan.get("targets") or [])),
            "new_warnings": sorted(codes), "warnings": len(plan["warnings"])}


def _field(plan: dict, field: str):
    if field == "period.end":
        return ((plan["document"].get("period") or {}).get("end"))
    return header_value(plan["document"], field)


def extract(path: Path) -> dict:
    from kehoach import extract_file

    try:
        return extract_file(str(path))
    except Exception as exc:  # noqa: BLE001  (a crash is a finding, not the end of the run)
        return {"tasks": [], "warnings": [{"code": f"CRASH {type(exc).__name__}: {exc}"[:120]}],
                "document": {}, "targets": []}


# --------------------------------------------------------------------------- reporting
def cell(c: dict) -> str:
    bits = [f"{c['same']}/{c['tasks']}"]
    if c["differing"]:
        bits.append(f"~{len(c['differing'])}")
    if c["missing"]:
        bits.append(f"-{len(c['missing'])}")
    if c["extra"]:
        bits.append(f"+{len(c['extra'])}")
    if c["header"]:
        bits.append("H:" + ",".join(f.split(".")[-1] for f in c["header"]))
    if c["targets"][0] != c["targets"][1]:
        bits.append(f"T{c['targets'][0]}>{c['targets'][1]}")
    if c["new_warnings"]:
        bits.append("W+" + str(len(c["new_warnings"])))
    return " ".join(bits)


def details(name: str, rend: str, c: dict) -> list[str]:
    out = []
    short = lambda t: f"{t.get('no')} {(t.get('title') or '')[:60]!r}"  # noqa: E731
    for a, b, d in c["differing"]:
        out.append(f"  {name} {rend}: ~ {short(a)}: " + "; ".join(
            f"{f}: {_show(a, f)} -> {_show(b, f)}" for f in d))
    out += [f"  {name} {rend}: - {short(t)}" for t in c["missing"]]
    out += [f"  {name} {rend}: + {short(t)}" for t in c["extra"]]
    if c["header"]:
        out.append(f"  {name} {rend}: header differs: {', '.join(c['header'])}")
    if c["new_warnings"]:
        out.append(f"  {name} {rend}: new warnings: {', '.join(c['new_warnings'])}")
    return out


def _show(task: dict, field: str):
    if field == "deadline":
        return deadline(task)
    if field == "title":
        return repr((task.get("title") or "")[:70])
    return task.get(field)


def originals(prefixes: list[str]) -> list[Path]:
    found = []
    for folder in FOLDERS:
        for p in sorted((ROOT / folder).iterdir()):
            if p.suffix.lower() in (".docx", ".pdf", ".html", ".htm") and (
                    not prefixes or any(p.name.startswith(x) for x in prefixes)):
                found.append(p)
    return found


def main(argv: list[str]) -> int:
    from script_args import usage_exit

    if (code := usage_exit(argv, __doc__, {"--details", "--json"})) is not None:
        return code
    flags = {a for a in argv if a.startswith("--")}
    prefixes = [a for a in argv if not a.startswith("--")]
    rows, notes, table = [], [], {}
    for src in originals(prefixes):
        base = extract(src)
        name = src.stem[:28]
        row = {}
        for rend, path in renditions(src).items():
            if path is None:
                row[rend] = "(not rendered)"
                continue
            c = compare(base, extract(path))
            row[rend] = cell(c)
            notes += details(name, rend, c)
        table[src.name] = row
        rows.append((f"{name} ({len(base['tasks'])}t)", row))
    if "--json" in flags:
        print(json.dumps(table, ensure_ascii=False, indent=1))
        return 0
    print("same/tasks  ~differing -missing +extra  H:header fields  Tn>m targets  W+n new warning codes\n")
    for label, row in rows:
        print(label)
        for rend, text in row.items():
            print(f"    {rend:18} {text}")
    if "--details" in flags:
        print("\n" + "\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
