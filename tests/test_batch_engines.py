"""Batch under load: concurrent legacy .doc conversions (LibreOffice), a dask worker killed
mid-run, and two runs over the same inputs into one folder at once.

Subprocess and thread timeouts guard against hangs; they are not timing assertions.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from kehoach.batch import MANIFEST, expand_inputs, plan_jobs, run_batch
from kehoach.pipeline import extract_file

from .conftest import SAMPLES

DOCX = sorted(SAMPLES.glob("*.docx"))
TEXT = SAMPLES / "thai-binh-39-khhd-ubnd-2023-moi-truong-kinh-doanh.txt"


def cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "kehoach.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def _make_doc_files(tmp_path: Path) -> dict[str, Path]:
    """Legacy .doc files saved by LibreOffice from the sample .docx files: {stem: .doc path}."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: the .doc conversion cannot be tested")
    made = tmp_path / "made"
    profile = "-env:UserInstallation=" + (tmp_path / "profile").as_uri()
    subprocess.run([soffice, profile, "--headless", "--convert-to", "doc", "--outdir", str(made), *map(str, DOCX)],
                   capture_output=True, timeout=300, check=True)
    docs = {p.stem: p for p in made.glob("*.doc")}
    assert len(docs) == len(DOCX)
    return docs


def test_a_concurrent_doc_batch_converts_every_file(tmp_path):
    docs = _make_doc_files(tmp_path)
    src = tmp_path / "in"
    src.mkdir()
    for copy in range(3):  # several conversions of each document run at the same time
        for stem, doc in docs.items():
            shutil.copy(doc, src / f"{copy}-{stem}.doc")
    out = tmp_path / "out"
    r = cli("batch", src, "-o", out, "-j", "2", "--report", tmp_path / "report.json")
    assert r.returncode == 0, r.stderr
    n = 3 * len(docs)
    assert f"{n} converted" in r.stderr and "0 failed" in r.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["inputs"]
    assert len(report) == n and all(e["status"] in ("ok", "warnings") for e in report)
    for stem in docs:
        want = extract_file(str(SAMPLES / f"{stem}.docx"))
        for copy in range(3):
            got = yaml.safe_load((out / f"{copy}-{stem}.doc.yaml").read_text(encoding="utf-8"))
            assert got["document"]["number"] == want["document"]["number"]
            assert [(t["id"], t["title"], t["lead"]) for t in got["tasks"]] == \
                [(t["id"], t["title"], t["lead"]) for t in want["tasks"]]


@pytest.mark.parametrize("allowed_failures", [0, 3])
def test_a_dask_worker_killed_mid_run(tmp_path, allowed_failures):
    """A killed worker's file is retried elsewhere (dask's allowed-failures) or, once those are
    spent, reported as failed by name; every other file is converted and the run ends."""
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install 'kehoach[dask]')")
    import dask

    src = tmp_path / "in"
    src.mkdir()
    body = TEXT.read_text(encoding="utf-8") * 20  # about half a second each: the kill lands mid-run
    for n in range(8):
        (src / f"p{n}.txt").write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    jobs = plan_jobs(list(expand_inputs([str(src)])), str(out), "yaml")
    done: list = []
    got: dict = {}
    with dask.config.set({"distributed.scheduler.allowed-failures": allowed_failures}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with distributed.Client(cluster) as client:
            pids = list(client.run(os.getpid).values())
        worker = threading.Thread(target=lambda: got.setdefault("results", run_batch(
            jobs, engine="dask", scheduler=cluster.scheduler_address, outdir=str(out), on_result=done.append)))
        worker.start()
        deadline = time.monotonic() + 120
        while not done and worker.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(pids[0], signal.SIGKILL)
        worker.join(240)
        assert not worker.is_alive(), "the dask run did not end after its worker was killed"
    results = got["results"]
    assert [s.input for s in results] == [j.path for j in jobs]
    failed = [s for s in results if s.status == "failed"]
    if allowed_failures:
        assert not failed
    else:
        assert 1 <= len(failed) <= 3
    for s in failed:
        assert s.error.startswith(f"{s.input}: the dask worker running it died") and "\n" not in s.error
        if Path(s.output).exists():  # the kill landed after the atomic write, before the result came back
            assert yaml.safe_load(Path(s.output).read_text(encoding="utf-8"))["schema_version"]
    for s in results:
        if s.status != "failed":
            assert yaml.safe_load(Path(s.output).read_text(encoding="utf-8"))["schema_version"]
    recorded = {json.loads(x)["output"] for x in (out / MANIFEST).read_text(encoding="utf-8").splitlines()}
    assert recorded == {os.path.relpath(s.output, out) for s in results if s.status != "failed"}


def test_two_batches_over_the_same_inputs_at_once(tmp_path):
    """Both finish; every output is whole; a third run finds everything up to date."""
    src = tmp_path / "in"
    src.mkdir()
    text = TEXT.read_text(encoding="utf-8")
    for n in range(16):
        (src / f"p{n:02}.txt").write_text(text.replace("Số: 39 /", f"Số: {100 + n} /"), encoding="utf-8")
    out = tmp_path / "out"
    runs = [subprocess.Popen([sys.executable, "-m", "kehoach.cli", "batch", str(src), "-o", str(out), "-j", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(r.wait(300), r.stderr.read()) for r in runs]
    assert [code for code, _ in results] == [0, 0], results
    outputs = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert outputs == [f"p{n:02}.txt.yaml" for n in range(16)]  # no temporary file left
    for n in range(16):
        assert yaml.safe_load((out / f"p{n:02}.txt.yaml").read_text(encoding="utf-8"))["document"]["number"] \
            == f"{100 + n}/KHHD-UBND"
    r = cli("batch", src, "-o", out)
    assert r.returncode == 0 and "0 converted" in r.stderr and "16 up to date" in r.stderr
