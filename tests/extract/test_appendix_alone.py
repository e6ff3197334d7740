"""A plan's appendix published as a file of its own (portals attach "Phụ lục" apart from the plan): its
opening ("PHỤ LỤC", a title, "(Kèm theo Kế hoạch số … ngày … của …)") and its task table, no header, sections or
signature. Its tasks are read as they are in the plan (the same table inside its plan gives the same tasks, in every
layout), the header is the plan's as the back-reference names it, and `appendix-alone` says what the file is. A
document with a header of its own (a letter with a table "kèm theo") is not taken for one."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes

from ..tablegen import (
    HEAD,
    document,
    random_table,
    render_flat,
    render_gfm,
    render_grid,
    render_html,
    render_scrape,
    render_tab,
)

OPENINGS = [
    ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH",
     "(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2026 của UBND tỉnh Hòa Bình)"),
    ("Phụ lục II", "NHIỆM VỤ TRỌNG TÂM NĂM 2026",
     "(Ban hành kèm theo Kế hoạch số 118/KH-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lạng Sơn)"),
]
WANT = [("45/KH-UBND", "2026-03-12", "Ủy ban nhân dân tỉnh Hòa Bình"),
        ("118/KH-UBND", "2026-01-05", "Ủy ban nhân dân tỉnh Lạng Sơn")]
RENDER = {"scrape": (render_scrape, "md"), "tab": (render_tab, "txt"), "gfm": (render_gfm, "md"),
          "grid": (render_grid, "md"), "flat": (render_flat, "txt"), "html": (render_html, "html")}


def _alone(layout: str, seed: int, opening: tuple[str, ...]) -> tuple[bytes, str]:
    render, suffix = RENDER[layout]
    table = render(random_table(random.Random(seed)), random.Random(seed * 7 + 1))
    if layout == "html":
        return f"<html><body>{''.join(f'<p>{p}</p>' for p in opening)}{table}</body></html>".encode(), "phu-luc.html"
    return ("\n\n".join(opening) + "\n\n" + table + "\n").encode(), f"phu-luc.{suffix}"


def _tasks(plan: dict) -> list[tuple]:
    return [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]) for t in plan["tasks"] if t["source"] == "appendix"]


@pytest.mark.parametrize("layout", list(RENDER))
@pytest.mark.parametrize("seed", [3, 11, 29])
@pytest.mark.parametrize("k", [0, 1])
def test_an_appendix_alone_gives_the_tasks_it_gives_in_its_plan(layout, seed, k):
    data, name = _alone(layout, seed, OPENINGS[k])
    alone = extract_bytes(data, name)
    full = extract_bytes(*document(random_table(random.Random(seed)), layout, random.Random(seed * 7 + 1)))
    assert _tasks(full) and _tasks(alone) == _tasks(full)
    doc = alone["document"]
    assert doc["is_plan"] and (doc["number"], doc["date"], doc["issuer"]) == WANT[k]
    assert doc["title"] is None and doc["signer"] is None
    codes = [w["code"] for w in alone["warnings"]]
    assert "appendix-alone" in codes and "not-a-plan" not in codes and "signer-missing" not in codes


def test_a_letter_with_its_table_is_no_appendix_alone():
    """A document with its own number ("Số: 123/UBND-KT", a letter) and a table "kèm theo" it: not an appendix alone."""
    table = render_gfm(random_table(random.Random(5)), random.Random(36))
    text = ("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n\nSố: 123/UBND-KT\n\nV/v triển khai nhiệm vụ năm 2026\n\n"
            "Kính gửi: Các sở, ban, ngành.\n\nỦy ban nhân dân tỉnh đề nghị các cơ quan thực hiện các nhiệm vụ sau.\n\n"
            "(Kèm theo Công văn số 123/UBND-KT ngày 12/3/2026 của UBND tỉnh Hòa Bình)\n\n" + table + "\n")
    plan = extract_bytes(text.encode(), "cong-van.md")
    assert "appendix-alone" not in [w["code"] for w in plan["warnings"]]
    assert plan["document"]["number"] == "123/UBND-KT" and not plan["document"]["is_plan"]


def test_a_plan_is_no_appendix_alone():
    plan = extract_bytes(*document(random_table(random.Random(8)), "gfm", random.Random(57)))
    assert HEAD.split("\n")[1].endswith(plan["document"]["number"])
    assert "appendix-alone" not in [w["code"] for w in plan["warnings"]]


def test_a_decisions_appendix_alone_gives_its_tasks_and_no_plan():
    """An appendix "kèm theo Quyết định …" published alone: its tasks are read (a decision assigning them), the header is
    the decision's as the back-reference names it, and it is no plan."""
    table = render_gfm(random_table(random.Random(12)), random.Random(85))
    opening = ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ", "(Kèm theo Quyết định số 12/QĐ-UBND ngày 12/3/2026 của UBND tỉnh Hòa Bình)")
    plan = extract_bytes(("\n\n".join(opening) + "\n\n" + table + "\n").encode(), "phu-luc.md")
    assert _tasks(plan) and not plan["document"]["is_plan"]
    assert (plan["document"]["type"], plan["document"]["number"]) == ("QĐ", "12/QĐ-UBND")
    assert "appendix-alone" in [w["code"] for w in plan["warnings"]]
