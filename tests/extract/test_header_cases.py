"""Header and signature shapes: the case tables tests/cases/header_blocks.yaml and signatures.yaml."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach import extract_bytes

from ..conftest import load_cases

BODY = "\n\nKẾ HOẠCH\n\nThử nghiệm\n\nI. MỤC TIÊU\n\nNâng cao chất lượng.\n\nTrên đây là Kế hoạch thử nghiệm.\n\n"


def _iso(v):
    return v.isoformat() if isinstance(v, dt.date) else v


def _as_html(text: str) -> str:
    return "".join(f"<p>{line}</p>\n" for line in text.split("\n") if line.strip())


@pytest.mark.parametrize("case", load_cases("header_blocks.yaml"), ids=lambda c: c["name"][:50])
def test_header_block(case):
    """A case marked ``html: true`` is an HTML fragment; the rest of the plan is added as HTML too."""
    if case.get("html"):
        plan = extract_bytes((case["in"] + _as_html(BODY)).encode("utf-8"), "plan.html")
    else:
        plan = extract_bytes((case["in"] + BODY).encode("utf-8"), "plan.md")
    doc = plan["document"]
    assert {k: doc[k] for k in case["out"]} == {k: _iso(v) for k, v in case["out"].items()}
    for code in case.get("warn", []):
        found = [w for w in plan["warnings"] if w["code"] == code]
        assert found and found[0]["loc"], f"no {code} warning with a loc"


@pytest.mark.parametrize("case", load_cases("signatures.yaml"), ids=lambda c: c["name"][:50])
def test_signature(case):
    head = "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\n\nSố: 9/KH-UBND\n\nNinh Bình, ngày 1 tháng 2 năm 2026"
    if case.get("html"):
        plan = extract_bytes((_as_html(head + BODY) + case["in"]).encode("utf-8"), "plan.html")
    else:
        plan = extract_bytes((head + BODY + case["in"]).encode("utf-8"), "plan.md")
    assert plan["document"]["signer"] == case["out"]
    second = [w for w in plan["warnings"] if w["code"] == "signer-second"]
    assert bool(second) is ("signer-second" in case.get("warn", []))
    assert all(w["loc"] and case.get("second", "") in w["message"] for w in second)
