"""Per-layout round-trip share: random plan tables written in each layout, extracted, compared.

    python scripts/roundtrip.py [N]            # N tables per layout (default 200)
    python scripts/roundtrip.py N --readme     # and write the figures into README.md
    python scripts/roundtrip.py N --layout=pdftext --readme   # one layout (its README row only)

Prints, for each layout, the share of generated task rows that came back with the right number,
title, lead, support and deadline, and how many of the others have no warning near them (the
README's round-trip figures).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str]) -> int:
    from tests.tablegen import BROWSER_LAYOUTS, LAYOUTS, PRINTED_TEXT, roundtrips, verdicts

    layouts = [*LAYOUTS, PRINTED_TEXT, *BROWSER_LAYOUTS]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog=f"layouts: {', '.join(layouts)}")
    parser.add_argument("n", nargs="?", type=int, default=200, help="tables per layout (default 200)")
    parser.add_argument("--layout", action="append", choices=layouts, metavar="LAYOUT",
                        help="only this layout (may be given again)")
    parser.add_argument("--readme", action="store_true", help="write the figures into README.md")
    args = parser.parse_args(argv)
    readme, only, n = args.readme, args.layout or [], args.n
    print(f"{'layout':8} {'rows':>6} {'right':>6} {'share':>7} {'silent':>6}  tables with a wrong row")
    table = ["| layout | task rows | right | share | wrong with no warning |", "|---|---:|---:|---:|---:|"]
    for layout in only or layouts:
        ok = total = silent = 0
        bad: list[int] = []
        for seed, (generated, plan, res) in enumerate(roundtrips(list(range(n)), layout)):
            ok += sum(res)
            total += len(res)
            silent += verdicts(generated, plan).count("silent") if not all(res) else 0
            if not all(res):
                bad.append(seed)
        print(f"{layout:8} {total:6} {ok:6} {ok / total:7.2%} {silent:6}  {len(bad)} (seeds {bad[:8]})", flush=True)
        table.append(f"| {NAMES[layout]} | {total} | {ok} | {ok / total:.1%} | {silent} |")
    if readme:
        path = ROOT / "README.md"
        text = path.read_text(encoding="utf-8")
        start, end = "<!-- roundtrip:start -->\n", "\n<!-- roundtrip:end -->"
        head, rest = text.split(start, 1)
        old, tail = rest.split(end, 1)
        if only:  # the layouts measured replace their own rows; the others stay
            table = _merged(old.split("\n"), table[2:])
        path.write_text(head + start + "\n".join(table) + end + tail, encoding="utf-8")
    return 0


def _merged(old: list[str], new: list[str]) -> list[str]:
    """The README table ``old`` with the rows of ``new`` in place of the rows of the same layout
    (a layout not yet in it goes at the end)."""
    out = list(old)
    for row in new:
        name = row.split(" | ")[0]
        at = next((k for k, line in enumerate(out) if line.split(" | ")[0] == name), None)
        if at is None:
            out.append(row)
        else:
            out[at] = row
    return out


NAMES = {"scrape": 'scraped "\\|"-line text', "tab": "tab-separated text", "gfm": "GitHub pipe table",
         "gfm-wrapped": "GitHub pipe table wrapped at a fixed width",
         "grid": "pandoc grid table", "aligned": "space-aligned text (pdftotext -layout)",
         "aligned-mid": "space-aligned, cells centred vertically, rows apart", "aligned-packed": "space-aligned, cells centred vertically, rows packed",
         "flat": "one cell a line (a word processor's text export)",
         "html": "HTML with spans", "docx": "Word with merged cells",
         "pdf": "PDF with ruled table (LibreOffice)", "pdfb": "PDF with borderless table (LibreOffice)",
         "pdftext": "narrow printed table as `pdftotext -layout` text",
         "w3m": "web page as `w3m -dump` text, no borders, lines apart by `<br>`",
         "w3m-paras": "web page as `w3m -dump` text, no borders, cells of `<p>` paragraphs", "w3m-ruled": "web page as `w3m -dump` text, borders drawn",
         "w3m-ascii": "web page as `w3m -dump -no-graph` text, borders in ASCII"}


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
