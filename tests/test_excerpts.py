"""Real documents' openings and passages (tests/excerpts/, cut by the portals' search excerpts) give the
values their keys (tests/excerpts/keys.yaml, written by eye before kehoach was run) say, field by field.

An excerpt is cut: the tool may miss what it does not hold, but a value it reads must be right. A field
is right (the key's value, or one of its values), wrong but warned (a warning that speaks of that field
is there), or wrong and silent. Fields read otherwise with a warning are listed in WARNED with their
reason; silent ones in SILENT, expected failures until they are fixed. ``python tests/test_excerpts.py``
prints the count of each outcome and every field that is not right."""

from __future__ import annotations

import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXCERPTS = ROOT / "tests" / "excerpts"
KEYS: list[dict] = yaml.safe_load((EXCERPTS / "keys.yaml").read_text(encoding="utf-8"))
FIELDS = ("type", "is_plan", "number", "date", "place", "issuer", "title", "signer", "issues", "tasks")
SPEAKS_OF = {
    "type": {"type-name-missing"},
    "is_plan": {"not-a-plan", "type-name-missing", "plan-parts-unread"},
    "number": {"number-missing", "number-blank", "symbol-repaired", "portal-mismatch"},
    "date": {"date-missing", "date-blank", "portal-mismatch"},
    "place": {"date-missing"},
    "issuer": {"issuer-missing", "issuer-uncertain"},
    "title": {"type-name-missing"},
    "signer": {"signer-missing", "signer-title-cut"},
    "issues": {"not-a-plan", "attachment-not-plan", "plan-parts-unread"},
    "tasks": {"body-task-unread", "tasks-none", "task-without-lead", "lead-not-agency"},
}
"""The warning codes that speak of each field: a field read otherwise with one of them is wrong but warned."""

_LOST_LINE = ("the site dropped the issuer's second line (level and place), a city the text names only as a place: issuer "
              "left empty, warned issuer-missing")
WARNED: dict[tuple[str, str], str] = {
    ("luatvietnam-kh-02-bcdtw-2025.txt", "is_plan"): "no header, only a portal's metadata block whose labels and values "
                                                     "run together ('Loại văn bản:Kế hoạchNgười ký:'): no type read, read as "
                                                     "no plan, warned not-a-plan",
    **{(f, "issuer"): _LOST_LINE for f in (
        "vanban123-kh-58-2023.txt", "hethongphapluat-kh-346-2022.txt")},
    **{(f, "is_plan"): "a portal's page giving a plan's text with no header (no KẾ HOẠCH line, no number line): read as "
                       "no plan, warned not-a-plan" for f in ("quangngai-skh-kh-359-2025.txt", "laichau-vpubnd-kh-1888-2025.txt")},
    **{("tailieu-qd-5556-2021.txt", f): "the whole header on one line of a Word file's text, parts apart by double spaces "
                                         "('Số: 5556/QĐBYT Hà Nội, ngày …    QUYẾT ĐỊNH VỀ VIỆC …'): number, place and date read, "
                                         "the rest warned" for f in ("issuer", "title", "issues", "is_plan")},
    **{("hethongphapluat-qd-1194-2018.txt", f): "the decision's type line and title dropped by the site: not read as "
                                                 "issuing a plan, warned not-a-plan" for f in ("issues", "is_plan")},
    ("dongnai-xuanphu-quyche-2021.txt", "title"): "rules issued by a decision, their 'QUY CHẾ LÀM / VIỆC / CỦA ỦY / BAN …' "
                                                   "title in four pieces with no type line: no title, warned type-name-missing",
    ("binhdinh-snv-cv-2024-passage.txt", "tasks"): "the addressees of 'Theo đó, Chủ tịch UBND tỉnh đề nghị A, B, C triển khai "
                                                    "…' run longer than a name may (120 characters): no task, warned "
                                                    "body-task-unread",
    ("nhansu-qd-1589-2025.txt", "signer"): "'KT. THỦ TƯỚNG' with the signer's own title line cut: the title read as the "
                                           "principal's, the name from the portal's metadata, warned inferred",
    **{("thuvienphapluat-qc-01-2017.txt", f): "joint rules of two bodies stacked in the issuer cell ('ỦY BAN NHÂN DÂN' / 'ỦY BAN "
                                              "MTTQ VIỆT NAM' / 'TỈNH ĐẮK LẮK') under a 'QUY CHẾ' type line: no type, no issuer, "
                                              "the type word kept in the title, warned" for f in ("issuer", "title")},
    ("bariavungtau-cv-2539-2012-passage.txt", "tasks"): "the duty named once after 'thời gian quy định cho' its bodies, then "
                                                        "bulleted deadlines: no task, warned body-task-unread (a paragraph "
                                                        "that sets a deadline no task came from)",
    ("vanban123-kh-983-2019.txt", "issuer"): "the site dropped the issuer's second line (level and place) and the plan's type "
                                             "line and title: issuer left empty, warned issuer-missing",
    **{("scribd-phutho-hd-02-2017.txt", f): "a PDF's text with every letter bearing a diacritic dropped ('S: 02 /HD-SVHTTDL "
                                            "Ph Th, ngay 12 thang 01 nm 2017'): no number line, no date line read, warned"
       for f in ("number", "date")},
    ("baomoi-travinh-mttq-2023-passage.txt", "tasks"): "'Theo đó, Báo A mở chuyên mục …, bắt đầu từ tháng 01/2024' (what a "
                                                        "signed plan gives a partner, with no deadline, no asker): no task, "
                                                        "warned body-task-unread (a duty or a report?)",
    **{(f, "tasks"): "no header (a portal page or the plan's copy): read as no plan, whose numbered parts' requests are "
                     "listed as no tasks, warned body-task-unread ('1. Trên cơ sở …, đề nghị các sở … tiếp tục …'; 'Các Sở, "
                     "ban, ngành … chủ trì tổng hợp …' under a targets heading)" for f in (
        "backan-stp-cv-473-2020-passage.txt", "thuathienhue-khktxh-2024-passage.txt")},
    ("phuly-mttq-quyIV-2025-passage.txt", "tasks"): "'Quý IV/2025, UBMTTQ Việt Nam phường tiếp tục tuyên truyền …' (a body's own "
                                                     "work for a period it names first): no task, warned body-task-unread",
    ("vietnamnet-ctrhd-tw-2025-passage.txt", "is_plan"): "an action programme printed from its first heading, with no header "
                                                         "(no type line, no number): read as no plan, warned not-a-plan",
    ("hoabinh-snn-attp-passage.txt", "tasks"): "'Theo đó, Sở A yêu cầu việc các cơ quan, đơnv vị triển khai … cần gắn với …' (the "
                                               "addressees after 'việc', their kind misspelt): no task, warned body-task-unread",
    ("sggp-tphcm-banggiadat-2025-passage.txt", "tasks"): "'Theo đó, Chủ tịch UBND TPHCM giao Thủ trưởng các sở, ban ngành "
                                                      "thành phố, Thủ trưởng Thuế TPHCM, Chủ tịch UBND 168 phường, xã, đặc "
                                                      "khu và các cơ quan, đơn vị có liên quan nghiêm túc về cung cấp …' (four "
                                                      "addressees, longer than a name may run): no task, warned body-task-unread",
    ("kontum-vpubnd-nguoiuytin-passage.txt", "tasks"): "'Đối với các địa bàn trọng điểm, …, giao Công an chủ trì, xây dựng kế "
                                                       "hoạch …' (the police as 'Công an' alone, no level or place): no task, "
                                                       "warned body-task-unread",
    ("kinhtedothi-bvhttdl-tet-2026-passage.txt", "tasks"): "'Theo đó, Bộ VHTT&DL đề nghị Ban Thường vụ Tỉnh ủy, Thành ủy và UBND "
                                                           "các tỉnh, TP quan tâm, phối hợp, chỉ đạo Sở VHTT&DL, … xây dựng …' "
                                                           "(every province's Party and state bodies): no task, warned "
                                                           "body-task-unread (a paragraph after 'Theo đó' names a body)",
    ("chuongmy-thuyxuantien-btctw-2025-passage.txt", "tasks"): "'- Tỉnh, thành ủy nơi được xác định là trung tâm chính trị - "
                                                               "hành chính … chủ trì, phối hợp …' (a Party committee named "
                                                               "by its role): no task, warned body-task-unread",
    ("hethongphapluat-kh-130-2023.txt", "issuer"): "the site dropped the province line under 'ỦY BAN NHÂN DÂN |' and the plan's "
                                                   "type line and title: issuer left empty, warned issuer-missing",
}
"""(file, field) read otherwise with a warning that says so, and why."""
SILENT: dict[tuple[str, str], str] = {
    ("nld-dienhong-2026-passage.txt", "tasks"): "'… Bí thư Đảng ủy phường A yêu cầu trong tuần đầu tiên, Trung tâm B phải ổn "
                                                "định tổ chức bộ máy.' (a time between the verb and the addressee) unread; the "
                                                "same request in a photo caption cut mid-word ('sớm ổn định tổ chức bộ') read "
                                                "instead",
}
"""(file, field) read otherwise without a warning: bugs (expected failures until fixed)."""


_SPELT_OUT = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc"}
"""Abbreviations of a body's kind that name the same body spelt out ("UBND các xã" is "Ủy ban nhân dân các xã")."""


def fold(text: object) -> str:
    """Text compared without case, tone marks, spaces and punctuation, "UBND", "HĐND" and "MTTQ" spelt out; a leading
    'V/v' or 'Về việc' dropped."""
    if text is None:
        return ""
    s = str(text)
    for short, whole in _SPELT_OUT.items():
        s = s.replace(short, whole)
    s = unicodedata.normalize("NFD", s.casefold().replace("đ", "d"))
    s = "".join(c for c in s if c.isalnum() and not unicodedata.combining(c))
    for lead in ("vv", "veviec"):
        if s.startswith(lead):
            s = s[len(lead):]
    return s


def _options(want: object) -> list:
    return list(want) if isinstance(want, list) else [want]


def _same(got: object, want: object) -> bool:
    """``got`` is one of ``want``'s values (folded text; None only for None)."""
    for option in _options(want):
        if option is None or got is None:
            if option is None and got in (None, ""):
                return True
            continue
        if isinstance(option, bool) or isinstance(got, bool):
            if option is got:
                return True
            continue
        if fold(got) == fold(option):
            return True
    return False


def _signer_right(got: dict | None, want: dict) -> bool:
    got = got or {}
    return all(_same(got.get(part), want[part]) for part in ("name", "title", "authority") if part in want)


def _issues_right(doc: dict, warnings: list[dict], want: dict) -> bool | None:
    """The plan a decision issues: read as its attachment (its title, or its type line's name and title, as a decision's
    article names it: "Kế hoạch …"), or named by the warning that it is not here."""
    att = doc.get("attachment")
    if att:
        named = [att.get("title"), f"{att.get('type_name') or ''} {att.get('title')}"]  # its type line's name, its title
        return _same(att.get("type"), want["type"]) and (not att.get("title") or any(_same(n, want["title"]) for n in named))
    said = " ".join(w["message"] for w in warnings if w["code"] in ("not-a-plan", "plan-parts-unread"))
    return True if "decision issuing a plan" in said else None


def _task_right(got: dict, want: dict) -> bool:
    leads = [fold(a) for a in got.get("lead") or []]
    lead_ok = any(sorted(fold(a) for a in _options(option)) == sorted(leads)
                  for option in (want["lead"] if isinstance(want["lead"][0], list) else [want["lead"]]))
    support = " ".join(fold(a) for a in got.get("support") or [])
    support_ok = all(fold(a) in support for a in want.get("support") or [])
    end_ok = "end" not in want or (got.get("deadline") or {}).get("end") == want["end"]
    return lead_ok and support_ok and end_ok


def _tasks_right(tasks: list[dict], want: list[dict]) -> bool:
    if len(tasks) != len(want):
        return False
    for w in want:  # two leads may be given a duty in the same words: any task with the words will do
        if not any(_task_right(t, w) for t in tasks if fold(w["title"]) in fold(t.get("title"))):
            return False
    return True


@cache
def _plan(name: str) -> dict:
    from kehoach import extract_file
    return extract_file(str(EXCERPTS / name))


def outcome(key: dict, field: str) -> str:
    """'right', 'warned' or 'silent' for one field of one excerpt."""
    plan = _plan(key["file"])
    doc, warnings = plan["document"], plan["warnings"]
    want = key[field]
    if field == "signer":
        right = _signer_right(doc.get("signer"), want)
    elif field == "issues":
        right = bool(_issues_right(doc, warnings, want))
    elif field == "tasks":
        right = _tasks_right(plan["tasks"], want)
    else:
        right = _same(doc.get(field), want)
    if right:
        return "right"
    codes = {w["code"] for w in warnings}
    said = SPEAKS_OF[field] & codes or ("inferred" in codes and field in doc.get("inferred", []))
    return "warned" if said else "silent"


CASES = [(k["file"], f) for k in KEYS for f in FIELDS if f in k]
_BY_FILE = {k["file"]: k for k in KEYS}


def _case(name: str, field: str):
    reason = SILENT.get((name, field))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(name, field, marks=marks, id=f"{name}:{field}")


def test_every_excerpt_has_its_key():
    names = sorted(p.name for p in EXCERPTS.glob("*.txt"))
    assert names == sorted(_BY_FILE)
    assert not {*WARNED, *SILENT} - {*CASES}


@pytest.mark.parametrize("name,field", [_case(n, f) for n, f in CASES])
def test_an_excerpt_gives_its_keys_value(name, field):
    got = outcome(_BY_FILE[name], field)
    assert got == ("warned" if (name, field) in WARNED else "right"), got  # a field fixed leaves WARNED


def main() -> None:
    counts = {"right": 0, "warned": 0, "silent": 0}
    for name, field in CASES:
        result = outcome(_BY_FILE[name], field)
        counts[result] += 1
        if result != "right":
            doc = _plan(name)["document"]
            got = doc.get(field) if field not in ("tasks", "issues") else "…"
            print(f"{result:7} {name}:{field}: {got!r}")
    print(counts, f"of {len(CASES)} fields in {len(KEYS)} excerpts")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
