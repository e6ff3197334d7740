"""Generate the legacy-encoding fixtures in tests/legacy-inputs/ (run from the repository root).

    python scripts/make_legacy_fixtures.py

Each fixture is a clean Unicode sample re-spelled the way pre-Unicode offices wrote it, with
kehoach's own tables (:mod:`kehoach.parse.legacy`); the tests check that each gives the plan of
its clean rendition. What it writes (all committed):

- ``*-tcvn3.docx``: the Word sample in ABC fonts. The Normal style is ".VnTime", so most runs
  take their font from the style; words in capitals are typed in lower case in ".VnTimeH" runs
  (the capitals font), a toned capital inside a title-case word ("Ủy") is a one-letter
  ".VnTimeH" run; every fourth paragraph, and any run with a character TCVN3 cannot spell
  (superscript note marks), stays Unicode in an explicit "Times New Roman" (a document edited
  later).
- ``*-vni.docx``: the same in "VNI-Times" runs (VNI has capitals), every fourth paragraph Unicode.
- ``*-tcvn3.txt``: a plain-text sample in TCVN3 bytes as ABC left them (VN3: toned capitals
  written with the codes of their small letters).
- ``*-scan.pdf``: a PDF sample printed to page images (pdftoppm, 200 dpi grey) and bound again as
  an image-only PDF (img2pdf, from the ``ocr`` extra): a scan, read with ``--ocr``.
- ``*-cells.docx`` and ``*-merged.doc``: the Word sample whose last two task rows share support
  and deadline, written in each row, and as cells merged down (vMerge) saved by LibreOffice as a
  Word 97-2003 .doc (read back through LibreOffice): the same plan.
- ``*-rough-scan.pdf``: the same printed as a worn office scanner prints it (skewed pages, grain,
  specks, JPEG, a stamp over the signature): the slips OCR makes on it are corrected or warned.
- ``*-part-scan.pdf``: the PDF sample with its second page replaced by that page of the scan
  (qpdf): a scanned page among text pages, warned without ``--ocr`` and OCR'd alone with it.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kehoach.parse import legacy  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
OUT = ROOT / "tests" / "legacy-inputs"
DOCX_SAMPLES = ["thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so", "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh"]
TEXT_SAMPLES = ["hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.txt"]
DOC_SAMPLES = ["thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so"]
SCAN_SAMPLES = ["thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so"]
UNICODE_FONT = "Times New Roman"
_TOKEN = re.compile(r"\w+|\W+")


def set_font(run, font: str | None) -> None:
    """Give ``run`` its own font, or (None) let it take the style's."""
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        rpr = etree.Element(f"{W}rPr")
        run.insert(0, rpr)
    for old in rpr.findall(f"{W}rFonts"):
        rpr.remove(old)
    if font:
        rf = etree.Element(f"{W}rFonts")
        rf.set(f"{W}ascii", font)
        rf.set(f"{W}hAnsi", font)
        rpr.insert(0, rf)


def tcvn3_pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` as ABC users typed it: (TCVN3 text, capitals font?) pieces."""
    pieces: list[tuple[str, bool]] = []

    def add(s: str, caps: bool) -> None:
        if pieces and pieces[-1][1] == caps:
            pieces[-1] = (pieces[-1][0] + s, caps)
        else:
            pieces.append((s, caps))

    for token in _TOKEN.findall(text):
        if token[0].isalpha() and len(token) >= 2 and token.isupper():
            add(legacy.to_tcvn3(token.lower(), full=False), True)  # typed in lower case, drawn in capitals
            continue
        for ch in token:
            spelled = legacy.to_tcvn3(ch, full=False)
            caps = ch.isupper() and legacy.from_tcvn3(spelled, full=False) != ch
            add(spelled, caps)
    return pieces


def spellable(text: str, encode) -> bool:
    try:
        encode(text)
    except ValueError:
        return False
    return True


def respell_runs(body, encoding: str) -> None:
    """Re-spell every run of the body in ``encoding``, every fourth paragraph left in Unicode."""
    for k, p in enumerate(body.iter(f"{W}p")):
        for run in list(p.iter(f"{W}r")):
            texts = run.findall(f"{W}t")
            if not texts:
                continue
            text = "".join(t.text or "" for t in texts)
            plain = len(texts) == 1 and len(run) <= 2  # rPr and one w:t
            encode = (lambda s: legacy.to_tcvn3(s, full=False)) if encoding == legacy.TCVN3 else legacy.to_vni
            if k % 4 == 1 or not plain or not spellable(text, encode):
                set_font(run, UNICODE_FONT)
                continue
            if encoding == legacy.VNI:
                texts[0].text = legacy.to_vni(text)
                set_font(run, "VNI-Times")
                continue
            parent, at = run.getparent(), run.getparent().index(run)
            parent.remove(run)
            for n, (piece, caps) in enumerate(tcvn3_pieces(text)):
                new = etree.fromstring(etree.tostring(run))
                new.find(f"{W}t").text = piece
                new.find(f"{W}t").set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                set_font(new, ".VnTimeH" if caps else None)
                parent.insert(at + n, new)


def normal_style_font(styles, font: str) -> None:
    for st in styles.findall(f"{W}style"):
        if st.get(f"{W}styleId") == "Normal":
            rpr = st.find(f"{W}rPr")
            rf = rpr.find(f"{W}rFonts")
            rf.set(f"{W}ascii", font)
            rf.set(f"{W}hAnsi", font)


def legacy_docx(src: Path, out: Path, encoding: str) -> None:
    with zipfile.ZipFile(src) as zin:
        files = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    doc = etree.fromstring(files["word/document.xml"])
    styles = etree.fromstring(files["word/styles.xml"])
    respell_runs(doc.find(f"{W}body"), encoding)
    if encoding == legacy.TCVN3:
        normal_style_font(styles, ".VnTime")
    files["word/document.xml"] = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)
    files["word/styles.xml"] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
    write_zip(files, out)


def write_zip(files: dict[str, bytes], out: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)
    out.write_bytes(buf.getvalue())


def scanned_pdf(src: Path, out: Path) -> None:
    """``src`` as a scanner gives it: page images only, no text layer."""
    import img2pdf

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(src), f"{tmp}/page"], check=True)
        pages = sorted(Path(tmp).glob("page*.png"))
        out.write_bytes(img2pdf.convert([str(p) for p in pages], layout_fun=img2pdf.get_fixed_dpi_layout_fun((200, 200))))


def rough_scanned_pdf(src: Path, out: Path) -> None:
    """``src`` as an office scanner gives it on a bad day: 200 dpi grey, each page turned by up to
    0.7 degrees, grain and specks, slightly blurred, JPEG at quality 76, and a stamp's two rings
    over the signature of the last page. Seeded: the same bytes each run."""
    import img2pdf
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter

    rng = np.random.default_rng(301)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(src), f"{tmp}/page"], check=True)
        paths = sorted(Path(tmp).glob("page*.png"))
        jpegs = []
        for k, path in enumerate(paths):
            page = Image.open(path).convert("L").rotate(float(rng.uniform(-0.7, 0.7)), resample=Image.BICUBIC,
                                                        fillcolor=255)
            a = np.asarray(page).astype(np.float32) + rng.normal(0, 4.8, (page.height, page.width))
            a[rng.random(a.shape) < 0.00032] = 40
            page = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.4))
            if k == len(paths) - 1:
                draw, (w, h) = ImageDraw.Draw(page), page.size
                for radius, shade, width in ((150, 110, 5), (120, 120, 2)):
                    draw.ellipse([w * 0.66 - radius, h * 0.28 - radius, w * 0.66 + radius, h * 0.28 + radius],
                                 outline=shade, width=width)
            jpegs.append(Path(tmp) / f"page{k}.jpg")
            page.save(jpegs[-1], "JPEG", quality=76)
        out.write_bytes(img2pdf.convert([str(p) for p in jpegs], layout_fun=img2pdf.get_fixed_dpi_layout_fun((200, 200))))


def part_scanned_pdf(clean: Path, scan: Path, out: Path) -> None:
    """``clean`` with its second page taken from ``scan``: a scanned page among text pages."""
    subprocess.run(["qpdf", "--deterministic-id", "--empty", "--pages", str(clean), "1", str(scan), "2", str(clean),
                    "3-z", "--", str(out)], check=True)


def _cell_text(tc) -> str:
    return "".join(t.text or "" for t in tc.iter(f"{W}t")).strip()


def _set_text(tc, text: str) -> None:
    """``tc`` holding ``text`` in its first run (its other paragraphs and runs removed)."""
    paras = tc.findall(f"{W}p")
    for p in paras[1:]:
        tc.remove(p)
    runs = [r for r in paras[0].iter(f"{W}r") if r.find(f"{W}t") is not None]
    for r in runs[1:]:
        r.getparent().remove(r)
    for t in runs[0].findall(f"{W}t")[1:]:
        runs[0].remove(t)
    runs[0].find(f"{W}t").text = text


def _v_merge(tc, restart: bool) -> None:
    pr = tc.find(f"{W}tcPr")
    if pr is None:
        pr = etree.Element(f"{W}tcPr")
        tc.insert(0, pr)
    vm = etree.SubElement(pr, f"{W}vMerge")
    if restart:
        vm.set(f"{W}val", "restart")


def merged_cell_docx(src: Path, clean_out: Path, merged_out: Path) -> None:
    """The Word sample whose last two task rows share their support and deadline: written out in
    each row (``clean_out``), and as cells merged down over both rows (``merged_out``, vMerge; the
    group rows already span the table, gridSpan, and two leads are merged down in the sample)."""
    with zipfile.ZipFile(src) as zin:
        files = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    for merged, out in ((False, clean_out), (True, merged_out)):
        doc = etree.fromstring(files["word/document.xml"])
        table = next(t for t in doc.iter(f"{W}tbl") if "chủ trì" in _cell_text(t.find(f"{W}tr")).lower())
        above, below = [r.findall(f"{W}tc") for r in table.findall(f"{W}tr")[-2:]]
        for col in (3, 5):  # support, deadline
            _set_text(below[col], "" if merged else _cell_text(above[col]))
            if merged:
                _v_merge(above[col], True)
                _v_merge(below[col], False)
        parts = dict(files, **{"word/document.xml": etree.tostring(doc, xml_declaration=True, encoding="UTF-8",
                                                                   standalone=True)})
        write_zip(parts, out)


def to_doc(docx: Path, out: Path) -> None:
    """``docx`` saved by LibreOffice as a Word 97-2003 .doc."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "doc",
                        "--outdir", tmp, str(docx)], check=True, capture_output=True, timeout=300)
        out.write_bytes((Path(tmp) / f"{docx.stem}.doc").read_bytes())


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for stem in DOCX_SAMPLES:
        for encoding, suffix in ((legacy.TCVN3, "tcvn3"), (legacy.VNI, "vni")):
            legacy_docx(ROOT / "samples" / f"{stem}.docx", OUT / f"{stem}-{suffix}.docx", encoding)
    for name in TEXT_SAMPLES:
        text = (ROOT / "samples" / name).read_text(encoding="utf-8")
        stem = name.rsplit(".", 1)[0]
        (OUT / f"{stem}-tcvn3.txt").write_bytes(legacy.to_tcvn3(text, full=False).encode("cp1252"))
    for stem in DOC_SAMPLES:
        merged = Path(tempfile.mkdtemp()) / f"{stem}-merged.docx"
        merged_cell_docx(ROOT / "samples" / f"{stem}.docx", OUT / f"{stem}-cells.docx", merged)
        to_doc(merged, OUT / f"{stem}-merged.doc")
    for stem in SCAN_SAMPLES:
        scanned_pdf(ROOT / "samples" / f"{stem}.pdf", OUT / f"{stem}-scan.pdf")
        part_scanned_pdf(ROOT / "samples" / f"{stem}.pdf", OUT / f"{stem}-scan.pdf", OUT / f"{stem}-part-scan.pdf")
        rough_scanned_pdf(ROOT / "samples" / f"{stem}.pdf", OUT / f"{stem}-rough-scan.pdf")
    for f in sorted(OUT.iterdir()):
        print(f.relative_to(ROOT), f.stat().st_size)
    return 0


if __name__ == "__main__":
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, set())) is not None:
        sys.exit(_code)
    sys.exit(main())
