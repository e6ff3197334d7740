"""Write the RTF and OpenDocument renditions of a Word sample (run from the repository root).

    python scripts/make_other_formats.py      # needs LibreOffice (soffice)

tests/other-formats/<sample>.rtf and .odt: the sample's .docx saved by LibreOffice as
Rich Text and as OpenDocument text, the two other forms a word processor's plan is sent in.
tests/parse/test_other_documents.py checks that each gives the plan its .docx gives. Committed;
CI does not run this script.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.docx"
OUT = ROOT / "tests" / "other-formats"


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("needs LibreOffice (soffice)", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        profile = "-env:UserInstallation=" + Path(tmp, "profile").as_uri()
        for kind in ("rtf", "odt"):
            subprocess.run([soffice, profile, "--headless", "--convert-to", kind, "--outdir", tmp, str(SAMPLE)],
                           check=True, capture_output=True, timeout=300)
            shutil.copy(Path(tmp, SAMPLE.stem + "." + kind), OUT / (SAMPLE.stem + "." + kind))
            print(OUT / (SAMPLE.stem + "." + kind))
    return 0


if __name__ == "__main__":
    from script_args import usage_exit
    if (_code := usage_exit(sys.argv[1:], __doc__, set())) is not None:
        sys.exit(_code)
    raise SystemExit(main())
