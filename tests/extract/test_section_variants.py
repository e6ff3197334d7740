"""Generated variations of a plan's section structure: every way of numbering its parts and items, a number on
a line of its own, headings wrapped over two lines, a last part left unnumbered, in text and in Markdown. Each must give back the same three
parts (roles and headings) and the same body tasks, or say with a warning what it read differently."""

from __future__ import annotations

import itertools

import pytest

from kehoach import extract_bytes

HEAD = ("ỦY BAN NHÂN DÂN TỈNH AN HÒA\n\nSố: 12/KH-UBND\n\nAn Hòa, ngày 3 tháng 2 năm 2026\n\nKẾ HOẠCH\n\n"
        "Thực hiện chuyển đổi số năm 2026\n\n")
TAIL = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n"
PARTS = [("MỤC ĐÍCH, YÊU CẦU", "purpose"), ("NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", "tasks"), ("TỔ CHỨC THỰC HIỆN", "organization")]
ITEMS = [
    # (item heading, its paragraphs), per part
    [("Mục đích", ["Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước."])],
    [("Phát triển hạ tầng số", ["Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính phủ sóng 5G."]),
     ("Phát triển dữ liệu số", ["Sở Nội vụ chủ trì số hóa hồ sơ, tài liệu lưu trữ."])],
    [("Sở Tài chính", ["Bố trí kinh phí thực hiện Kế hoạch."]),
     ("Sở Y tế", ["- Chủ trì triển khai hồ sơ sức khỏe điện tử.", "- Phối hợp với Sở Nội vụ đào tạo nhân lực."])],
]
LEADS = [["Sở Khoa học và Công nghệ"], ["Sở Nội vụ"], ["Sở Tài chính"], ["Sở Y tế"], ["Sở Y tế"]]

TOP = {
    "roman": lambda k: f"{'I II III'.split()[k]}. ",
    "upper": lambda k: f"{'ABC'[k]}. ",
    "part-words": lambda k: f"PHẦN THỨ {['NHẤT', 'HAI', 'BA'][k]}\n",
    "part-roman": lambda k: f"Phần {'I II III'.split()[k]}. ",
    "division": lambda k: f"Mục {k + 1}. ",
    "roman-alone": lambda k: f"{'I II III'.split()[k]}.\n",  # the number on a line (a paragraph) of its own
    "roman-dash": lambda k: f"{'I II III'.split()[k]}- ",
    "part-title": lambda k: f"Phần thứ {['nhất', 'hai', 'ba'][k]}: ",  # the same parts, in another case and mark
    "part-arabic": lambda k: f"PHẦN {k + 1}.\n",
    "division-caps": lambda k: f"MỤC {'I II III'.split()[k]}. ",
    "none": lambda k: "",
}
FAMILY = {"roman": "roman", "roman-alone": "roman", "roman-dash": "roman", "none": "roman", "upper": "upper",
          "part-words": "part", "part-roman": "part", "part-title": "part", "part-arabic": "part",
          "division": "division", "division-caps": "division"}
"""Renditions of the same numbering: the ids of their sections and tasks must be the same."""
PART_IDS = {"roman": ["I", "II", "III"], "upper": ["A", "B", "C"], "part": ["1", "2", "3"], "division": ["1", "2", "3"]}
ITEM_IDS = {"arabic": lambda k, top: f"{k + 1}", "dotted": lambda k, top: f"{top + 1}.{k + 1}",
            "letter": lambda k, top: "abc"[k], "paren": lambda k, top: f"{k + 1}", "dash": lambda k, top: f"{k + 1}",
            "slash-letter": lambda k, top: "abc"[k]}
SUB = {
    "arabic": lambda k, top: f"{k + 1}. ",
    "dotted": lambda k, top: f"{top + 1}.{k + 1}. ",
    "letter": lambda k, top: f"{'abc'[k]}) ",
    "paren": lambda k, top: f"{k + 1}) ",
    "dash": lambda k, top: f"{k + 1}- ",
    "slash-letter": lambda k, top: f"{'abc'[k]}/ ",
}


def _body(top: str, sub: str, wrap: str | None, last_unnumbered: bool, markdown: bool) -> str:
    out = []
    for k, ((title, _role), items) in enumerate(zip(PARTS, ITEMS, strict=True)):
        number = "" if (last_unnumbered and k == 2) else TOP[top](k)
        head, *more = (title.split(" VÀ ") if wrap == "link" else title.rsplit(" ", 2)) if wrap and k == 1 else (title,)
        head = head + " VÀ" if more and wrap == "link" else head  # "NHIỆM VỤ VÀ" / "GIẢI PHÁP CHỦ YẾU"
        lines = [number.strip(), head] if number.endswith("\n") else [number + head]
        lines += [" ".join(more)] if more else []
        if markdown:
            lines = [f"**{line}**" for line in lines]
        out.append(("\n\n" if markdown else "\n").join(lines))
        for j, (heading, paras) in enumerate(items):
            out.append(SUB[sub](j, k) + heading)
            out.extend(paras)
    return "\n\n".join(out)


WRAPS = (None, "tail", "link")
COMBOS = [(top, sub, WRAPS[k % 3], last, md) for k, (top, sub, last, md)
          in enumerate(itertools.product(TOP, SUB, [False, True], [False, True]))
          if not (top == "none" and last)]  # with no numbers at all, the last part is unnumbered anyway


@pytest.mark.parametrize("top, sub, wrap, last_unnumbered, markdown", COMBOS, ids=["-".join(map(str, c)) for c in COMBOS])
def test_a_section_structure_round_trips(top, sub, wrap, last_unnumbered, markdown):
    body = _body(top, sub, wrap, last_unnumbered, markdown)
    plan = extract_bytes((HEAD + body + TAIL).encode("utf-8"), "plan.md" if markdown else "plan.txt")
    roots = plan["sections"]
    assert [(s["title"], s["role"]) for s in roots] == PARTS, body
    assert [len(s["children"]) for s in roots] == [len(items) for items in ITEMS], body
    assert [t["lead"] for t in plan["tasks"]] == LEADS, body
    assert _ids(plan) == _expected_ids(top, sub), body
    unnumbered = [w for w in plan["warnings"] if w["code"] == "section-unnumbered"]
    assert bool(unnumbered) == (last_unnumbered or top == "none")
    assert all(w["loc"] for w in unnumbered)
    assert plan["quality"]["unplaced"] == []


ONLY = list(itertools.product(TOP, SUB, [False, True]))


@pytest.mark.parametrize("top, sub, markdown", ONLY, ids=["-".join(map(str, c)) for c in ONLY])
def test_a_plan_of_its_implementation_part_only(top, sub, markdown):
    """A short plan whose only part is "TỔ CHỨC THỰC HIỆN", however numbered: its agency items are its tasks."""
    number = TOP[top](0)
    lines = [number.strip(), PARTS[2][0]] if number.endswith("\n") else [number + PARTS[2][0]]
    heading = "\n\n".join(f"**{line}**" for line in lines) if markdown else "\n".join(lines)
    items = [SUB[sub](j, 0) + h + "\n\n" + "\n\n".join(paras) for j, (h, paras) in enumerate(ITEMS[2])]
    plan = extract_bytes((HEAD + "\n\n".join([heading, *items]) + TAIL).encode("utf-8"), "p.md" if markdown else "p.txt")
    assert [(s["title"], s["role"]) for s in plan["sections"]] == [PARTS[2]]
    assert [t["lead"] for t in plan["tasks"]] == LEADS[2:]


def _ids(plan: dict) -> tuple[list[str], list[str], list[str]]:
    """The ids of the sections (in order), of the tasks and the sections the tasks stand in."""
    def walk(secs):
        for s in secs:
            yield s["id"]
            yield from walk(s["children"])
    return list(walk(plan["sections"])), [t["id"] for t in plan["tasks"]], [t["section"] for t in plan["tasks"]]


def _expected_ids(top: str, sub: str) -> tuple[list[str], list[str], list[str]]:
    parts = PART_IDS[FAMILY[top]]
    sections = [i for k, items in enumerate(ITEMS)
                for i in [parts[k], *(f"{parts[k]}.{ITEM_IDS[sub](j, k)}" for j in range(len(items)))]]
    org = [f"{parts[2]}.{ITEM_IDS[sub](j, 2)}" for j in range(len(ITEMS[2]))]
    tasks = [f"{parts[1]}.{ITEM_IDS[sub](0, 1)}", f"{parts[1]}.{ITEM_IDS[sub](1, 1)}", org[0], f"{org[1]}/1", f"{org[1]}/2"]
    return sections, tasks, [t.split("/")[0] for t in tasks]


RENDITIONS = list(itertools.product(SUB, [False, True], WRAPS))


@pytest.mark.parametrize("sub, markdown, wrap", RENDITIONS, ids=["-".join(map(str, c)) for c in RENDITIONS])
def test_renditions_of_one_numbering_give_the_same_ids(sub, markdown, wrap):
    """"PHẦN THỨ HAI", "Phần thứ hai:", "Phần II.", "PHẦN 2" (and "Mục 1" / "MỤC I", "II." / "II" alone / none) number
    the same part: the ids of sections, tasks and the sections tasks stand in do not depend on how it is written."""
    for family in set(FAMILY.values()):
        seen = {}
        for top in (t for t, f in FAMILY.items() if f == family):
            body = _body(top, sub, wrap, False, markdown)
            seen[top] = _ids(extract_bytes((HEAD + body + TAIL).encode("utf-8"), "plan.md" if markdown else "plan.txt"))
        assert len({repr(v) for v in seen.values()}) == 1, seen
