"""`tasks --agency`: near names suggested, predecessors' tasks found by today's names (marked)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kehoach.agencymatch import near_names, resolve_agency
from kehoach.cli import main
from kehoach.index import add_plan, connect, successors

AGENCIES = ["Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Văn hóa, Thể thao và Du lịch", "Sở Giao thông vận tải", "Sở Công Thương", "Sở Tài chính",
            "Sở Thông tin và Truyền thông", "Ban Dân tộc", "Sở Nội vụ"]


def plan_with_leads(leads: list[str], number: int = 7) -> dict:
    """A minimal plan whose task k is led by leads[k]."""
    tasks = [{"id": f"A1.{k + 1}", "no": str(k + 1), "group": None, "title": f"Nhiệm vụ số {k + 1}", "lead": [lead],
              "support": [], "deadline": {"text": "Năm 2024", "start": "2024-01-01", "end": "2024-12-31",
                                          "recurrence": None},
              "output": None, "target": None, "note": None, "source": "appendix", "loc": {"line": k + 1, "page": None}}
             for k, lead in enumerate(leads)]
    return {"schema_version": "1", "source": {"path": "x.txt", "format": "text", "sha256": f"{number:064x}", "pages": None},
            "document": {"is_plan": True, "type": "KH", "type_name": "Kế hoạch", "number": f"{number}/KH-UBND",
                         "seq": number, "symbol": "KH-UBND", "issuer": "Ủy ban nhân dân tỉnh Thái Bình",
                         "place": "Thái Bình", "date": "2024-01-05", "title": "Kế hoạch thử", "bases": [],
                         "signer": None, "recipients": [], "attachment": None},
            "sections": [], "targets": [], "tasks": tasks, "warnings": [], "quality": {"coverage": 1.0, "unplaced": []}}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "plans.sqlite"
    con = connect(str(path))
    add_plan(con, plan_with_leads(AGENCIES), "x.txt")
    con.commit()
    yield con, str(path)
    con.close()


def variations(name: str) -> list[str]:
    """How people mistype a name: a connecting word dropped, no diacritics, a word dropped."""
    from kehoach.vn import ascii_fold

    words = name.split()
    out = [ascii_fold(name).lower()]
    if "và" in words:
        out.append(" ".join(w for w in words if w != "và"))
        out.append(ascii_fold(" ".join(w for w in words if w != "và")))
    if len(words) > 4:
        out.append(" ".join(words[:-1]))
    return out


@pytest.mark.parametrize("name", AGENCIES)
def test_a_mistyped_name_is_not_silently_empty_it_gets_the_right_suggestion(db, name):
    con, _ = db
    for typed in variations(name)[1:] if len(variations(name)) > 1 else []:
        m = resolve_agency(con, typed)
        if m.found:  # some variations still mean the agency (diacritics are optional)
            assert any(con.execute("SELECT name FROM agencies WHERE id = ?", (i,)).fetchone()[0] == name
                       for i in m.ids) or m.predecessors, typed
        else:
            assert m.suggestions and m.suggestions[0] == name, (typed, m.suggestions)


def test_near_names_ignores_far_names():
    assert near_names("Sở Y tế", AGENCIES) == []
    assert near_names("so ke hoach dau tu", AGENCIES)[0] == "Sở Kế hoạch và Đầu tư"


def test_every_merged_department_is_found_by_its_successors_name(tmp_path):
    deps = {old: v["successor"] for old, v in _raw_successors()["departments"].items()}
    con = connect(str(tmp_path / "p.sqlite"))
    add_plan(con, plan_with_leads(list(deps)), "x.txt")
    con.commit()
    for old, new in deps.items():
        m = resolve_agency(con, new)
        assert old in m.predecessors.values(), (old, new)
        assert m.current == new
    assert successors()  # the data the index uses is the data tested here


def _raw_successors() -> dict:
    from importlib import resources

    import yaml

    return yaml.safe_load(resources.files("kehoach").joinpath("data/successors.yaml").read_text(encoding="utf-8"))


def test_cli_suggests_and_marks_predecessors(db):
    _, path = db
    runner = CliRunner()
    r = runner.invoke(main, ["tasks", "--db", path, "--agency", "so ke hoach dau tu"])
    assert r.exit_code == 1
    assert r.stderr.strip() == ("kehoach: no agency in the index is called 'so ke hoach dau tu'; "
                                "did you mean: Sở Kế hoạch và Đầu tư?")
    r = runner.invoke(main, ["tasks", "--db", path, "--agency", "So Nong nghiep va Moi truong", "--format", "json"])
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert {(t["lead"], t["via_predecessor"]) for t in rows} == {
        ("Sở Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường"),
        ("Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Phát triển nông thôn")}
    assert "also carries the work of" in r.stderr
    # Sở Tài chính exists itself and carries Sở Kế hoạch và Đầu tư's work: its own rows are unmarked
    r = runner.invoke(main, ["tasks", "--db", path, "--agency", "Sở Tài chính", "--format", "csv"])
    leads = [line.split(",")[4] for line in r.stdout.lstrip("\ufeff").splitlines()[1:]]
    assert sorted(leads) == ["Sở Kế hoạch và Đầu tư (nay: Sở Tài chính)", "Sở Tài chính"]
