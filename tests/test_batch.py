"""`kehoach batch`: every good file converted, every bad one reported by name, exit 1."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
import yaml

from kehoach.batch import Job, convert_one, expand_inputs, plan_jobs, run_batch

from .conftest import ROOT

SAMPLES = ROOT / "samples"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def tree(tmp_path):
    good = tmp_path / "lưu trữ" / "kế hoạch 2023"
    good.mkdir(parents=True)
    for name in ("thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt", "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.pdf",
                 "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.docx", "ha-nam-tin-kcn-2019-khong-phai-ke-hoach.txt"):
        shutil.copy(SAMPLES / name, good / name)
    (good / "Kế hoạch số 5 có dấu cách.md").write_text((SAMPLES / "quyet-dinh-ban-hanh-ke-hoach-chuyen-doi-so.md").read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "lưu trữ" / "hỏng"
    bad.mkdir()
    for f in FIXTURES.iterdir():
        shutil.copy(f, bad / f.name)
    (bad / "rỗng.txt").write_text("  \n")
    (bad / "notes.csv").write_text("not an input suffix")
    return tmp_path / "lưu trữ"


def run_cli(*args, input=None):
    return subprocess.run([sys.executable, "-m", "kehoach.cli", *args], capture_output=True, text=True, input=input)


def test_batch_converts_good_files_and_reports_bad_ones(tree, tmp_path):
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    r = run_cli("batch", str(tree), "-o", str(out), "--report", str(report), "-j", "2")
    assert r.returncode == 1
    assert r.stdout == ""
    entries = json.loads(report.read_text(encoding="utf-8"))["inputs"]
    by_status: dict[str, list[str]] = {}
    for e in entries:
        by_status.setdefault(e["status"], []).append(e["input"])
    assert len(by_status["failed"]) == 7  # six fixtures and the empty file; notes.csv is not an input
    assert len(by_status.get("ok", [])) + len(by_status.get("warnings", [])) == 5
    for e in entries:
        if e["status"] == "failed":
            assert e["input"] in r.stderr and e["error"] and e["output"] is None or e["status"] == "failed"
    # outputs mirror the tree, each named from its input alone (the input's name + .yaml)
    assert (out / "kế hoạch 2023" / "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt.yaml").exists()
    assert (out / "kế hoạch 2023" / "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.pdf.yaml").exists()
    assert (out / "kế hoạch 2023" / "Kế hoạch số 5 có dấu cách.md.yaml").exists()
    plan = yaml.safe_load((out / "kế hoạch 2023" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.docx.yaml").read_text(encoding="utf-8"))
    assert plan["document"]["number"] == "301/KH-UBND"
    assert not list(out.rglob("*.tmp"))
    assert "5 converted" in r.stderr and "7 failed" in r.stderr


def test_second_run_skips_up_to_date_outputs_and_force_redoes_them(tree, tmp_path):
    out = tmp_path / "out"
    good = tree / "kế hoạch 2023"
    assert run_cli("batch", str(good), "-o", str(out)).returncode == 0
    r = run_cli("batch", str(good), "-o", str(out))
    assert r.returncode == 0 and "5 up to date" in r.stderr
    (good / "ha-nam-tin-kcn-2019-khong-phai-ke-hoach.txt").write_text("Số: 2/KH-UBND\nKẾ HOẠCH\nMới\nI. MỤC TIÊU\n- Một\n", encoding="utf-8")
    r = run_cli("batch", str(good), "-o", str(out))
    assert "1 converted" in r.stderr and "4 up to date" in r.stderr
    r = run_cli("batch", str(good), "-o", str(out), "--force")
    assert "5 converted" in r.stderr


def test_jsonl_stream_from_a_list_of_paths_on_stdin(tree):
    paths = "\n".join(str(p) for p in sorted((tree / "kế hoạch 2023").iterdir())) + "\n"
    r = run_cli("batch", "-", "--format", "jsonl", input=paths)
    assert r.returncode == 0
    lines = r.stdout.strip().split("\n")
    assert len(lines) == 5
    plans = [json.loads(line) for line in lines]
    assert sorted(p["source"]["path"] for p in plans) == sorted(paths.strip().split("\n"))  # as each finished


def test_globs_and_fail_fast(tree, tmp_path):
    r = run_cli("batch", str(tree / "**" / "*.pdf"), "-o", str(tmp_path / "o"), "--fail-fast", "-j", "1")
    assert r.returncode == 1
    assert "failed" in r.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("batch", "x.txt").returncode == 2  # no -o for yaml
    assert run_cli("batch", "x.txt", "-o", "o", "--engine", "dask").returncode == 2
    assert run_cli("batch").returncode == 2


def test_output_never_overwrites_an_input(tmp_path):
    src = tmp_path / "plan.yaml.txt"
    src.write_text("Số: 1/KH-UBND\nKẾ HOẠCH\nThử\nI. MỤC TIÊU\n- Một\n", encoding="utf-8")
    job = Job(str(src), str(src), "yaml")
    s = convert_one(job, 10_000_000)
    assert s.status == "failed" and "overwrite the input" in s.error
    assert src.read_text(encoding="utf-8").startswith("Số: 1/KH-UBND")


def test_library_api_in_input_order(tree):
    found = list(expand_inputs([str(tree / "kế hoạch 2023")]))
    jobs = plan_jobs(found, None, "jsonl")
    results = run_batch(jobs, jobs_n=2)
    assert [r.input for r in results] == [j.path for j in jobs]
    assert all(r.line for r in results)


def test_dask_engine_on_a_local_cluster(tree, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        found = list(expand_inputs([str(tree)]))
        jobs = plan_jobs(found, str(tmp_path / "out"), "yaml")
        results = run_batch(jobs, engine="dask", scheduler=cluster.scheduler_address, outdir=str(tmp_path / "out"))
    statuses = [r.status for r in results]
    assert statuses.count("failed") == 7 and len(statuses) == 12
    assert (tmp_path / "out" / "kế hoạch 2023" / "thanh-hoa-301-kh-ubnd-2024-hop-tac-xa-tu-dong-danh-so.docx.yaml").exists()
