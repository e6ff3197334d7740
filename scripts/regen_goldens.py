"""Regenerate the golden outputs in tests/golden/ from samples/ (run from the repository root).

    python scripts/regen_goldens.py            # rewrite every golden
    python scripts/regen_goldens.py NAME...    # only these samples (file names in samples/)
    python scripts/regen_goldens.py --real     # every real document that already has a golden
    python scripts/regen_goldens.py --real NAME...   # these real documents (tests/real/), new or not
    python scripts/regen_goldens.py --legacy [NAME...]   # fixtures in tests/legacy-inputs/ with a golden (or these)

Review the diff (`git diff tests/golden`) by eye before committing: goldens are the contract.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPORT_SAMPLES = {
    "thai-binh-93-kh-ubnd-2022-thi-dua-cum-cong-nghiep.md", "thai-binh-kh-ubnd-2018-phat-trien-cong-nghiep.md",
    "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt", "hung-yen-148-kh-ubnd-2021-cong-nghiep-tttcn.txt",
}
"""Samples whose checklist (Markdown) and timeline (Mermaid) are kept as goldens too."""
SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


def real_golden(name: str) -> Path:
    """tests/real/r02-x.md -> tests/golden/real/r02-x.yaml (r22-x.pdf -> r22-x-pdf.yaml)."""
    stem, _, suffix = name.rpartition(".")
    return ROOT / "tests" / "golden" / "real" / (f"{stem}-{suffix}.yaml" if suffix in ("docx", "pdf") else f"{stem}.yaml")


def _regen_folder(folder: str, golden_of, names: list[str], keep=lambda p: True) -> int:
    """Rewrite the goldens of the named inputs of tests/FOLDER (all that have a golden when none is named)."""
    from kehoach import extract_file
    from kehoach.export import to_yaml

    inputs = ROOT / "tests" / folder
    names = names or sorted(p.name for p in inputs.iterdir() if keep(p) and golden_of(p.name).exists())
    for name in names:
        plan = extract_file(f"tests/{folder}/{name}")
        target = golden_of(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(to_yaml(plan), encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: {len(plan['tasks'])} tasks, {len(plan['warnings'])} warnings")
    return 0


def regen_real(names: list[str]) -> int:
    return _regen_folder("real", real_golden, names, keep=lambda p: p.suffix in SUFFIXES)


def legacy_golden(name: str) -> Path:
    """tests/legacy-inputs/x-merged.doc -> tests/golden/legacy/x-merged-doc.yaml."""
    stem, _, suffix = name.rpartition(".")
    return ROOT / "tests" / "golden" / "legacy" / f"{stem}-{suffix}.yaml"


def regen_legacy(names: list[str]) -> int:
    return _regen_folder("legacy-inputs", legacy_golden, names)


def main(argv: list[str]) -> int:
    import os

    from script_args import usage_exit

    if (code := usage_exit(argv, __doc__, {"--real", "--legacy"})) is not None:
        return code
    if argv[:1] == ["--real"]:
        os.chdir(ROOT)
        return regen_real(argv[1:])
    if argv[:1] == ["--legacy"]:
        os.chdir(ROOT)
        return regen_legacy(argv[1:])

    from kehoach import extract_file
    from kehoach.export import render_checklist, render_timeline, to_yaml

    os.chdir(ROOT)
    names = argv or sorted(p.name for p in (ROOT / "samples").iterdir() if p.suffix in SUFFIXES)
    out_dir = ROOT / "tests" / "golden"
    out_dir.mkdir(parents=True, exist_ok=True)
    exports = out_dir / "exports"
    exports.mkdir(exist_ok=True)
    for name in names:
        plan = extract_file(f"samples/{name}")
        if name in EXPORT_SAMPLES:
            stem = Path(name).stem
            (exports / f"{stem}.checklist.md").write_bytes(render_checklist(plan, "md"))
            (exports / f"{stem}.timeline.mmd").write_bytes(render_timeline(plan, "mermaid"))
        target = out_dir / (name.replace(".", "-") + ".yaml" if Path(name).suffix in (".docx", ".pdf") else Path(name).stem + ".yaml")
        target.write_text(to_yaml(plan), encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: {len(plan['sections'])} sections, {len(plan['targets'])} targets, "
              f"{len(plan['tasks'])} tasks, {len(plan['warnings'])} warnings, coverage {plan['quality']['coverage']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
