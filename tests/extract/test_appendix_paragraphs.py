"""An appendix of tasks written as numbered paragraphs with labels (no table): each task's title, lead, cooperating
agencies and time come back as written, in every label style plans use, in text, Markdown, Word and its PDF; an
appendix of numbered paragraphs with no labels stays warned (appendix-unread), and an appendix with a table is read
from its table as before."""

from __future__ import annotations

import random

import pytest

from kehoach import extract_bytes

from ..tablegen import AGENCIES, DEADLINES, OBJECTS, VERBS, soffice, to_pdf

HEAD = ("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n\nSố: 45/KH-UBND\n\nHòa Bình, ngày 12 tháng 3 năm 2026\n\nKẾ HOẠCH\n\n"
        "Triển khai nhiệm vụ năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nNâng cao hiệu quả quản lý.\n\nII. NHIỆM VỤ CỤ THỂ\n\n"
        "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
        "Thủ trưởng các cơ quan triển khai thực hiện.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n\n")
OPENING = ("PHỤ LỤC\n\nDANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH\n\n"
           "(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2026 của UBND tỉnh Hòa Bình)\n\n")
STYLES = {
    "dash": ("- Cơ quan chủ trì: {lead}.", "- Cơ quan phối hợp: {support}.", "- Thời gian hoàn thành: {time}."),
    "plus": ("+ Chủ trì: {lead};", "+ Phối hợp: {support};", "+ Thời gian thực hiện: {time}."),
    "letters": ("a) Đơn vị chủ trì: {lead}.", "b) Đơn vị phối hợp: {support}.", "c) Thời hạn hoàn thành: {time}."),
    "one-line": ("- Cơ quan chủ trì: {lead}; cơ quan phối hợp: {support}; thời gian hoàn thành: {time}.",),
}


def _tasks(rng: random.Random, n: int) -> list[dict]:
    out = []
    for k in range(1, n + 1):
        lead, *support = rng.sample(AGENCIES, rng.randint(2, 3))
        out.append({"no": str(k), "title": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}", "lead": [lead],
                    "support": support, "time": rng.choice(DEADLINES)})
    return out


def _appendix(tasks: list[dict], style: str) -> str:
    parts = []
    for t in tasks:
        labels = [line.format(lead=t["lead"][0], support=", ".join(t["support"]), time=t["time"]) for line in STYLES[style]]
        parts.append("\n\n".join([f"{t['no']}. {t['title']}", *labels]))
    return "\n\n".join(parts) + "\n"


def _got(plan: dict) -> list[tuple]:
    return [(t["no"], t["title"], t["lead"], t["support"], t["deadline"]["text"])
            for t in plan["tasks"] if t["source"] == "appendix"]


def _want(tasks: list[dict]) -> list[tuple]:
    return [(t["no"], t["title"], t["lead"], t["support"], t["time"]) for t in tasks]


@pytest.mark.parametrize("style", list(STYLES))
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_labelled_paragraphs_of_an_appendix_are_its_tasks(style, seed):
    tasks = _tasks(random.Random(seed), random.Random(seed).randint(3, 6))
    plan = extract_bytes((HEAD + OPENING + _appendix(tasks, style)).encode(), "plan.md")
    assert _got(plan) == _want(tasks)
    assert [t["id"] for t in plan["tasks"] if t["source"] == "appendix"] == [f"A1.{t['no']}" for t in tasks]
    assert "appendix-unread" not in [w["code"] for w in plan["warnings"]]
    assert plan["quality"]["coverage"] == 1.0


def _docx(text: str) -> bytes:
    import io

    import docx

    d = docx.Document()
    for para in text.split("\n\n"):
        d.add_paragraph(para.strip())
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_word_and_its_pdf_give_the_same_tasks():
    tasks = _tasks(random.Random(7), 4)
    word = _docx(HEAD + OPENING + _appendix(tasks, "dash"))
    assert _got(extract_bytes(word, "plan.docx")) == _want(tasks)
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF is printed with it")
    assert _got(extract_bytes(to_pdf([word])[0], "plan.pdf")) == _want(tasks)


def test_paragraphs_without_labels_stay_warned():
    text = HEAD + OPENING + "1. Rà soát quy định về đất đai.\n\n2. Xây dựng quy chế phối hợp.\n"
    plan = extract_bytes(text.encode(), "plan.md")
    assert not _got(plan) and "appendix-unread" in [w["code"] for w in plan["warnings"]]


def test_an_appendix_table_is_read_from_the_table():
    table = ("| STT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
             "| 1 | Rà soát quy định | Sở Tư pháp | Sở Nội vụ | Quý II/2026 |\n")
    plan = extract_bytes((HEAD + OPENING + table + "\nGhi chú: - Cơ quan chủ trì: báo cáo hằng quý.\n").encode(), "plan.md")
    assert _got(plan) == [("1", "Rà soát quy định", ["Sở Tư pháp"], ["Sở Nội vụ"], "Quý II/2026")]


def test_an_appendix_of_paragraphs_published_alone():
    tasks = _tasks(random.Random(9), 3)
    plan = extract_bytes((OPENING + _appendix(tasks, "letters")).encode(), "phu-luc.md")
    assert _got(plan) == _want(tasks)
    assert "appendix-alone" in [w["code"] for w in plan["warnings"]] and plan["document"]["number"] == "45/KH-UBND"


@pytest.mark.parametrize("blank", ["………………………………", "....................", "______________", "…"])
def test_a_form_of_blank_labels_gives_no_task(blank):
    """A report form appended to a plan ("MẪU BÁO CÁO …" / "- Cơ quan chủ trì: ………"): its fields are to be filled in,
    no task (the appendix stays warned as unread)."""
    form = (f"PHỤ LỤC\n\nMẪU BÁO CÁO KẾT QUẢ THỰC HIỆN\n\n1. Tên nhiệm vụ: {blank}\n\n- Cơ quan chủ trì: {blank}\n\n"
            f"- Cơ quan phối hợp: {blank}\n\n- Thời gian hoàn thành: {blank}\n")
    plan = extract_bytes((HEAD + form).encode(), "plan.md")
    assert not _got(plan) and "appendix-unread" in [w["code"] for w in plan["warnings"]]


GROUPED = {  # an agency's heading, then its duties ("{a}": the agency, "{d}": the first duty's text)
    "colon": ("{n}. {a}:", "- {d}"),
    "bold": ("**{n}. {a}:**", "- {d}"),
    "bold-wrapped": ("**{n}.**\n{a}**", "- {d}"),
    "no-colon": ("{n}. {a}", "- {d}"),
    "letters": ("{l}) {a}:", "- {d}"),
    "same-line": ("{n}. {a}: {d}", None),
}
PROSE_TIMES = [("hoàn thành trước ngày 30/6/2026", "2026-06-30"), ("hoàn thành trong Quý III/2026", "2026-09-30"),
               ("thực hiện trong năm 2026", "2026-12-31"), ("báo cáo định kỳ 6 tháng", None)]


def _grouped(rng: random.Random, style: str, n: int) -> tuple[str, list[tuple]]:
    """An appendix handing the work out per agency ("1. Sở Tài chính:" / "- Chủ trì …"), and for each agency its lead
    and the first duty's words and end date."""
    head, item = GROUPED[style]
    parts, want = [], []
    for k, agency in enumerate(rng.sample(AGENCIES, n), 1):
        time, end = rng.choice(PROSE_TIMES)
        duty = f"Chủ trì {rng.choice(VERBS).lower()} {rng.choice(OBJECTS)}, {time}."
        lines = [head.format(n=k, l="abcdefgh"[k - 1], a=agency, d=duty)]
        lines += [item.format(d=duty)] if item else []
        if rng.random() < 0.5:
            lines.append(f"- Phối hợp với {rng.choice([a for a in AGENCIES if a != agency])} {rng.choice(VERBS).lower()} "
                         f"{rng.choice(OBJECTS)}.")
        parts.append("\n\n".join(lines))
        want.append(([agency], " ".join(duty.split()[:5]), end))
    return "\n\n".join(parts) + "\n", want


@pytest.mark.parametrize("style", list(GROUPED))
@pytest.mark.parametrize("seed", [1, 2])
def test_an_appendix_of_duties_grouped_by_agency_gives_their_tasks(style, seed):
    """An appendix that hands out the work per agency in paragraphs ("PHÂN CÔNG NHIỆM VỤ …" / "1. Sở Tài chính:" / "-
    Chủ trì …, hoàn thành trước …"), no table and no labels: each agency's duties are its tasks (they were none, the
    appendix only warned unread), the first duty's time its deadline."""
    rng = random.Random(seed)
    text, want = _grouped(rng, style, rng.randint(3, 5))
    opening = OPENING.replace("DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH", "PHÂN CÔNG NHIỆM VỤ CHO CÁC CƠ QUAN, ĐƠN VỊ")
    plan = extract_bytes((HEAD + opening + text).encode(), "plan.md")
    got = [t for t in plan["tasks"] if t["source"] == "appendix"]
    firsts = [next(t for t in got if t["lead"] == lead) for lead, _, _ in want]
    assert [(t["lead"], " ".join(t["title"].split()[:5]), t["deadline"]["end"]) for t in firsts] == want
    assert all(t["id"].startswith("A1.") for t in got) and {tuple(t["lead"]) for t in got} == {tuple(w[0]) for w in want}
    assert "appendix-unread" not in [w["code"] for w in plan["warnings"]]


def test_a_table_flattened_to_a_cell_a_line_gives_no_agency_task():
    """A table flattened to one cell a line (pdftotext without -layout) under a group line ("I. Kinh tế số") has cells
    that start with an agency ("Sở Khoa học và Công nghệ thúc đẩy, theo dõi …"): no task of a heading's agency, and the
    appendix stays warned unread (reading them as agency duties hid the loss of the table's rows)."""
    flat = ("PHỤ LỤC\n\nPHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU\n\nTT\n1\n2\n\nChỉ tiêu\nI. Kinh tế số\nKinh tế số chiếm 30% GRDP\n"
            "Tỷ lệ doanh nghiệp ứng dụng công nghệ số đạt 60%\n\nChủ trì\nSở Tài chính\n\nSở Khoa học và Công nghệ\n"
            "thúc đẩy, theo dõi, báo cáo chỉ tiêu\n")
    plan = extract_bytes((HEAD + flat).encode(), "plan.txt")
    assert not _got(plan) and "appendix-unread" in [w["code"] for w in plan["warnings"]]
