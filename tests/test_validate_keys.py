"""A key the plan model does not name is a problem, at any depth, with its path and the key it may
have meant: a hand-edited "tasks_" or "deadlne" must not pass `kehoach validate` (nor feed an
export) while what it holds is ignored. Keys of the user's own start with "x-"."""

from __future__ import annotations

import copy
import functools

import pytest
import yaml

from kehoach.validate import check_plan, unknown_keys

from .cli_run import PLAN, invoke


@functools.lru_cache(maxsize=1)
def _extracted() -> dict:
    r = invoke("extract", PLAN, "-q")
    assert r.exit_code == 0
    return yaml.safe_load(r.stdout)


@pytest.fixture
def plan() -> dict:
    return copy.deepcopy(_extracted())


def _rename(d: dict, old: str, new: str) -> None:
    d[new] = d.pop(old)


# (what the hand edit does, the path reported, the key suggested or None)
EDITS = [
    (lambda p: _rename(p, "tasks", "tasks_"), "tasks_", "tasks"),
    (lambda p: p.update(foo=1), "foo", None),
    (lambda p: p.update({"Tasks": []}), "Tasks", "tasks"),
    (lambda p: _rename(p["document"], "title", "titel"), "document.titel", "title"),
    (lambda p: p["document"]["period"].update(ends="2025"), "document.period.ends", "end"),
    (lambda p: _rename(p["tasks"][2], "deadline", "deadlne"), "tasks[2].deadlne", "deadline"),
    (lambda p: p["tasks"][1]["deadline"].update(endd="2024-01-01"), "tasks[1].deadline.endd", "end"),
    (lambda p: p["tasks"][0]["loc"].update(lien=3), "tasks[0].loc.lien", "line"),
    (lambda p: p["sections"][1].update(chidren=[]), "sections[1].chidren", "children"),
    (lambda p: p["sections"][1]["children"][0].update(rol="x"), "sections[1].children[0].rol", "role"),
    (lambda p: p["source"].update(sha="0"), "source.sha", None),
    (lambda p: p["quality"].update(qualty=1), "quality.qualty", None),
    (lambda p: p["warnings"][0].update(cod="x"), "warnings[0].cod", "code"),
    (lambda p: p.update({7: "a number as a key"}), "7", None),
]


@pytest.mark.parametrize(("edit", "path", "near"), EDITS, ids=[e[1] for e in EDITS])
def test_an_unknown_key_is_reported_with_its_path(edit, path, near, plan):
    edit(plan)
    problems = [p for p in check_plan(plan) if "unknown key" in p[1]]
    assert [p[0] for p in problems] == [path]
    key = path.rsplit(".", 1)[-1].split("]")[-1] or path
    assert problems[0][1].startswith(f"unknown key {key!r}" if not key.isdigit() else "unknown key '7'")
    assert (f"(did you mean {near!r}?)" in problems[0][1]) == (near is not None)
    assert "keys of your own must start with 'x-'" in problems[0][1]


def test_keys_of_your_own_start_with_x_and_pass(plan):
    plan["x-reviewed-by"] = "Phòng Tổng hợp"
    plan["tasks"][0]["x-status"] = {"done": True, "anything": [1, 2]}
    plan["document"]["x-note"] = "mine"
    assert check_plan(plan) == []


def test_what_kehoach_writes_has_no_unknown_key(plan):
    assert unknown_keys(plan) == []


def test_unknown_keys_come_in_document_order(plan):
    plan["zzz"] = 1
    plan["document"]["aaa"] = 1
    plan["tasks"][3]["bbb"] = 1
    plan["tasks"][1]["ccc"] = 1
    order = [k for k in plan]
    expected = sorted(["document.aaa", "tasks[1].ccc", "tasks[3].bbb", "zzz"],
                      key=lambda p: (order.index(p.split(".")[0].split("[")[0]), p))
    assert [p for p, _ in unknown_keys(plan)] == expected


def test_validate_fails_on_a_typo_and_export_refuses_the_plan_in_one_line(plan, tmp_path):
    plan["tasks"][0]["deadlne"] = plan["tasks"][0].pop("deadline")
    f = tmp_path / "plan.yaml"
    f.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    r = invoke("validate", f)
    assert r.exit_code == 1 and r.stdout == (f"{f}: tasks[0].deadlne: unknown key 'deadlne' (did you mean "
                                             f"'deadline'?); keys of your own must start with 'x-'\n"
                                             f"{f}: tasks[0]: 'deadline' is a required property\n")
    r = invoke("export", "checklist", f)
    assert r.exit_code == 1 and r.stdout == "" and r.stderr.count("\n") == 1
    assert r.stderr.startswith(f"kehoach: {f}: invalid plan at tasks[0].deadlne: unknown key 'deadlne'")
