"""The held-out set (tests/heldout/) is well-formed and its scorer runs.

This checks shape only: every document has an answer key, every key is valid, and
scripts/score_heldout.py scores the whole set. It asserts no accuracy thresholds: the figures
are for people to read (python scripts/score_heldout.py), not a gate.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout"


def _scorer():
    return load_script("score_heldout")


score = _scorer()
KEYS = score.load_keys()


def test_every_document_has_exactly_one_key():
    documents = sorted(p.name for p in HELDOUT.iterdir() if p.is_file())
    keyed = sorted(k["file"] for k in KEYS)
    assert documents == keyed
    assert all(k["_name"] == Path(k["file"]).stem for k in KEYS)


@pytest.mark.parametrize("key", KEYS, ids=[k["_name"] for k in KEYS])
def test_key_is_well_formed(key):
    assert score.key_problems(key) == []


def test_set_covers_plans_and_non_plans():
    kinds = {k["document"]["is_plan"] for k in KEYS}
    assert kinds == {True, False}
    assert len(KEYS) >= 10


@pytest.mark.parametrize("bad, problem", [
    ({"deadline": {"end": "31/12/2026"}}, "deadline.end must be YYYY-MM-DD"),
    ({"deadline": {"recurrence": "weekly"}}, "deadline.recurrence must be one of"),
    ({"title": "Rà soát"}, "title must be"),
    ({"lead": 3}, "lead must be a list"),
])
def test_key_problems_are_reported(bad, problem):
    key = {"file": KEYS[0]["file"], "document": {"is_plan": True},
           "tasks": [{"no": "1", "title": "Rà soát văn bản quy phạm", **bad}]}
    assert any(problem in p for p in score.key_problems(key))


def test_agency_lists_compare_by_name_not_by_split():
    assert score.agencies_ok("Sở Văn hóa, Thể thao và Du lịch; Sở Công Thương",
                             ["Sở Văn hoá, Thể thao và Du lịch", "Sở Công Thương"])[0]
    assert not score.agencies_ok("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa", "Thể thao và Du lịch"])[0]
    assert score.agencies_ok("Các sở, ngành; UBND các xã, phường", ["Các sở, ngành, Ủy ban nhân dân các xã, phường"])[0]
    assert not score.agencies_ok("Sở Y tế", [])[0]


def test_two_named_agencies_run_together_are_wrong():
    """Two agencies in one entry are wrong whatever their names (not only two "Sở …"); a collective
    phrase ("các …") may still be split or joined differently."""
    assert not score.agencies_ok("Công an tỉnh; Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh Bộ Chỉ huy Quân sự tỉnh"])[0]
    assert not score.agencies_ok("Phòng Kinh tế, Hạ tầng và Đô thị; Công an phường",
                                 ["Phòng Kinh tế, Hạ tầng và Đô thị Công an phường"])[0]
    assert not score.agencies_ok("UBND huyện; Ban Dân tộc tỉnh", ["Ủy ban nhân dân huyện Ban Dân tộc tỉnh"])[0]
    assert score.agencies_ok("Công an tỉnh; Các sở, ngành; UBND các xã", ["Công an tỉnh", "Các sở, ngành UBND các xã"])[0]


def test_scorer_runs_over_the_whole_set(capsys):
    assert score.main(["--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in report["documents"]] == [k["_name"] for k in KEYS]
    assert set(report["overall"]) >= {"header", "recall", "precision", "lead", "support", "deadline"}
    for doc in report["documents"]:
        assert doc["header"]["of"] > 0
        assert all({"what", "silent"} <= set(e) for e in doc["errors"])


def test_compare_lists_fixed_and_new_wrong_values():
    now = [{"name": "h99", "errors": [{"what": "header.date", "silent": True}]}]
    before = {"overall": {}, "documents": [{"name": "h99", "errors": [{"what": "task 1 missed", "title": "Rà soát"}]}]}
    text = score.compare(now, before)
    assert "h99: fixed: task 1 missed «Rà soát»" in text
    assert "h99: new: header.date «»" in text


def test_a_title_misread_in_a_few_letters_is_a_wrong_title_not_a_miss():
    """OCR's misread tone: the task is found (its number, its lead) with a wrong title, and is scored
    as one wrong title; a different task under the same number stays a miss and an extra."""
    key = [{"no": "4", "title": "Di dời các cơ sở sản xuất gây ô nhiễm"}]
    slip = {"no": "4", "title": "Di đời các cơ sở sản xuất gây ô nhiễm ra khỏi khu dân cư"}
    other = {"no": "4", "title": "Tổng vệ sinh môi trường tại khu dân cư"}
    assert score.match_tasks(key, [slip]) == ([(key[0], slip)], [], [])
    assert score.match_tasks(key, [other]) == ([], key, [other])
    assert score.match_tasks(key, [{**slip, "no": "5"}])[1] == key
    assert not score.close_title("Họp", "Hợp")  # too short to tell a slip from another word
