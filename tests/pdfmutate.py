"""Edits a PDF's page content the way other writers, printers and broken tools leave it: text runs and ruling
lines lost, doubled or drawn in another order; coordinates and font sizes scaled or shifted (to zero, negative,
huge); lines drawn across the page; a page's whole content drawn twice. For tests/test_property.py and
scripts/fuzz.py --pdf.

The file is first written by qpdf in its QDF form (streams uncompressed, one content line per line), the lines of
each page's content are edited, and qpdf's ``fix-qdf`` mends the lengths and the cross-reference table.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDF_FILES = sorted(p for d in (ROOT / "samples", ROOT / "tests" / "heldout", ROOT / "tests" / "unseen")
                   for p in d.glob("*.pdf") if "scan" not in p.name)
"""The PDFs edited: the samples', the held-out and unseen plans' (not the scans: they are read by OCR)."""

HAVE_QPDF = bool(shutil.which("qpdf") and shutil.which("fix-qdf"))
FACTORS = (0.0, -1.0, 0.5, 2.0, 1e6, 1.0001, 1e-6)
SHIFTS = (0.5, -0.5, 3.0, -3.0, 50.0, -50.0, 1000.0)
SIZES = ("0", "-5", "0.1", "200", "1e9")
DRAWN = ("0 0 m 600 840 l S", "10 400 580 0.5 re f", "300 0 m 300 840 l S", "0 0 0 0 re f", "50 50 500 700 re S")
OPS = 10
"""Kinds of edit (see :func:`mutate_pdf`)."""

_NUMBER = re.compile(rb"(?<![\w/<])-?\d+(?:\.\d+)?(?![\w>])")


def qdf(data: bytes) -> bytes:
    """``data`` as qpdf writes it in QDF form: streams uncompressed, content one operation a line."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp, "in.pdf"), Path(tmp, "out.pdf")
        src.write_bytes(data)
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", "--normalize-content=y", str(src), str(out)],
                       capture_output=True, check=False)  # exit 3: warnings (a damaged file mended), still written
        return out.read_bytes() if out.exists() else b""


def _edit(lines: list[bytes], kind: int, where: float, other: float, piece: int) -> list[bytes]:
    if not lines:
        return lines
    k = min(int(where * len(lines)), len(lines) - 1)
    if kind == 0:
        return lines[:k] + lines[k + 1:]
    if kind == 1:
        return lines[:k + 1] + lines[k:]
    if kind == 2:
        j = min(len(lines) - 1, k + 1 + int(other * 8))
        lines = list(lines)
        lines[k], lines[j] = lines[j], lines[k]
        return lines
    if kind in (3, 4):
        factor, shift = FACTORS[piece % len(FACTORS)], SHIFTS[piece % len(SHIFTS)]

        def moved(m: re.Match) -> bytes:
            value = float(m.group()) * factor if kind == 3 else float(m.group()) + shift
            return f"{value:.4f}".encode()
        return lines[:k] + [_NUMBER.sub(moved, lines[k])] + lines[k + 1:]
    if kind == 5:  # a text block (BT … ET) lost
        start = next((i for i in range(k, len(lines)) if lines[i].strip() == b"BT"), None)
        end = next((i for i in range(start or 0, len(lines)) if lines[i].strip() == b"ET"), None) if start is not None else None
        return lines if start is None or end is None else lines[:start] + lines[end + 1:]
    if kind == 6:
        return lines[:k] + [b"q", DRAWN[piece % len(DRAWN)].encode(), b"Q"] + lines[k:]
    if kind == 7:
        return lines[:k] + [re.sub(rb"(/\S+ )[-\d.e]+( Tf)", lambda m: m.group(1) + SIZES[piece % len(SIZES)].encode()
                                   + m.group(2), lines[k])] + lines[k + 1:]
    if kind == 8:
        end = min(len(lines), k + 2 + int(other * 60))
        return lines[:k] + lines[k:end][::-1] + lines[end:]
    return lines + lines


def mutate_pdf(qdf_data: bytes, edits: list[tuple[int, float, float, int]]) -> bytes:
    """The QDF file ``qdf_data`` (see :func:`qdf`) with ``edits`` made in turn, each (kind, which page's content
    0-1 then where in it 0-1 packed as ``where``, a second number 0-1, a piece), then mended by fix-qdf: 0 a line
    lost, 1 a line doubled, 2 two near lines swapped, 3 a line's numbers scaled, 4 shifted, 5 a text block lost,
    6 a line or rectangle drawn, 7 a font size changed, 8 up to 60 lines drawn in reverse order, 9 a page's
    content drawn twice."""
    spans = []  # (start, end) of each page's content stream
    at = qdf_data.find(b"%% Contents for page ")
    while at >= 0:
        start = qdf_data.find(b"stream\n", at) + len(b"stream\n")
        end = qdf_data.find(b"\nendstream", start)
        if start < len(b"stream\n") or end < 0:
            break
        spans.append((start, end))
        at = qdf_data.find(b"%% Contents for page ", end)
    if not spans:
        return qdf_data
    streams = [qdf_data[a:b].split(b"\n") for a, b in spans]
    for kind, where, other, piece in edits:
        page = min(int(where * len(streams)), len(streams) - 1)
        inner = where * len(streams) - page  # where in that page's content
        streams[page] = _edit(streams[page], kind, inner, other, piece)
    out, last = [], 0
    for (a, b), lines in zip(spans, streams, strict=True):
        out += [qdf_data[last:a], b"\n".join(lines)]
        last = b
    out.append(qdf_data[last:])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "in.qdf")
        path.write_bytes(b"".join(out))
        return subprocess.run(["fix-qdf", str(path)], capture_output=True, check=False).stdout
