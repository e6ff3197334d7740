"""diff matches tasks by their words: exact wording first, then close wording, closest pair first."""

from __future__ import annotations

import copy
import random

import pytest

from kehoach import extract_file
from kehoach.diff import _close_pairs, diff_plans

from .conftest import SAMPLES

PLACES = ["huyện A Lưới", "huyện Phong Điền", "thị xã Hương Trà", "các xã vùng cao"]


def _reword(title: str, how: int, rnd: random.Random) -> str:
    words = title.split()
    if how == 0:  # a phrase added
        words.insert(rnd.randrange(1, len(words)), "và các đơn vị có liên quan")
    elif how == 1:  # a word dropped
        del words[rnd.randrange(1, len(words))]
    elif how == 2:  # two letters swapped (a typing slip)
        i = max(range(len(words)), key=lambda k: len(words[k]))
        w = words[i]
        words[i] = w[0] + w[2] + w[1] + w[3:]
    else:  # tone marks lost (a plain-text copy)
        from kehoach.vn import strip_tones

        return strip_tones(title)
    return " ".join(words)


@pytest.fixture(scope="module")
def big_plan():
    """A plan of the sample's tasks repeated per place: many titles close to each other."""
    plan = extract_file(str(SAMPLES / "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt"))
    tasks = []
    for place in PLACES:
        for t in plan["tasks"]:
            tasks.append({**copy.deepcopy(t), "id": f"A1.{len(tasks) + 1}", "title": f"{t['title']} tại {place}"})
    return {**plan, "tasks": tasks}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_amended_plan_pairs_every_kept_task_with_itself(big_plan, seed):
    rnd = random.Random(seed)
    new_tasks, truth = [], {}
    for t in big_plan["tasks"]:
        r = rnd.random()
        if r < 0.1:
            continue  # dropped
        t2 = copy.deepcopy(t)
        if r < 0.4:
            t2["title"] = _reword(t["title"], rnd.randrange(4), rnd)
        new_tasks.append(t2)
    rnd.shuffle(new_tasks)
    for k, t in enumerate(new_tasks):
        old_id = t["id"]
        t["id"] = f"B.{k + 1}"
        truth[old_id] = t["id"]
    d = diff_plans(big_plan, {**big_plan, "tasks": new_tasks})
    removed = {t["id"] for t in d["tasks"]["removed"]}
    assert removed == {t["id"] for t in big_plan["tasks"]} - set(truth)
    assert not d["tasks"]["added"]
    for c in d["tasks"]["changed"]:
        assert truth[c["old_id"]] == c["new_id"], c


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_past_the_pairs_weighed_rewordings_are_still_paired_and_the_diff_says_how(big_plan, seed, monkeypatch):
    """Leftovers too many to weigh every pair (two plans of 50,000 unrelated tasks) are compared
    with the wordings that sort near them: the amended plan still pairs each task with itself,
    and the diff says it was matched that way."""
    import kehoach.diff

    monkeypatch.setattr(kehoach.diff, "PAIRS_SCORED", 0)
    test_an_amended_plan_pairs_every_kept_task_with_itself(big_plan, seed)
    rnd = random.Random(seed)
    new = {**big_plan, "tasks": [{**t, "title": _reword(t["title"], 0, rnd)} for t in big_plan["tasks"]]}
    d = diff_plans(big_plan, new)
    assert len(d["tasks"]["changed"]) == len(big_plan["tasks"]) and not d["tasks"]["added"]
    assert d["notes"] == [f"tasks: {len(big_plan['tasks'])} old and {len(big_plan['tasks'])} new wordings matched "
                          "no other exactly, too many to weigh every pair; each was compared with those that sort "
                          "near it, so a reworded one may show as removed and added"]


def test_the_closest_pair_wins_whatever_the_order():
    # the first old title is a little closer to the first new title than to the second, but the
    # second old title is much closer to the first new one and not close to the second one:
    # taking old titles in order would leave the second unpaired
    olds = ["to chuc hoi nghi tong ket nam 2024 tai huyen", "to chuc hoi nghi tong ket cong tac nam 2024 tai cac huyen thi xa"]
    news = ["to chuc hoi nghi tong ket cong tac nam 2024 tai cac huyen", "to chuc hoi nghi so ket nam 2024 tai cac tinh"]
    assert sorted(_close_pairs(olds, news)) == [(0, 1), (1, 0)]


@pytest.mark.parametrize("olds, news, pairs", [
    ([], ["a"], []),
    (["nang cao nang luc canh tranh cap tinh"], ["nang cao nang luc canh tranh cap tinh nam 2025"], [(0, 0)]),
    (["nang cao nang luc canh tranh cap tinh"], ["xay dung ha tang giao thong nong thon"], []),
    (["", "ra soat thu tuc hanh chinh"], ["ra soat cac thu tuc hanh chinh"], [(1, 0)]),
    # the same letters in another order are not the same wording
    (["hanh chinh cai cach"], ["cai cach hanh chinh"], []),
])
def test_close_pairs_case_table(olds, news, pairs):
    assert _close_pairs(olds, news) == pairs


def test_letter_bound_never_skips_a_close_pair():
    """The pairs found equal scoring every pair (the letter-count bound only saves work)."""
    from rapidfuzz import fuzz

    rnd = random.Random(5)
    alphabet = "aaabcdeghiklmnnoprstuuy  "
    olds = ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(5, 40))) for _ in range(60)]
    news = [o[: len(o) // 2] + "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 6))) + o[len(o) // 2:]
            for o in olds]
    found = set(_close_pairs(olds, news))
    scored = sorted(((-fuzz.ratio(o, n), i, j) for i, o in enumerate(olds) for j, n in enumerate(news)
                     if fuzz.ratio(o, n) >= 80))
    expected, used_o, used_n = set(), set(), set()
    for _, i, j in scored:
        if i not in used_o and j not in used_n:
            expected.add((i, j))
            used_o.add(i)
            used_n.add(j)
    assert found == expected and found
