"""Nothing lost: batch and -o never overwrite what the user gave, outputs are named from their
input alone, permissions follow the umask, and the manifest survives kills and concurrent runs.

Subprocess timeouts guard against hangs; they are not timing assertions.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from kehoach import leftovers
from kehoach.batch import MANIFEST
from kehoach.workers import Budget, run_pool

PLAN = "Số: {n}/KH-UBND\nKẾ HOẠCH\nThử nghiệm {n}\nI. MỤC TIÊU\n- Tỷ lệ đạt 50%\nII. NHIỆM VỤ\n1. Việc {n}\n"


def cli(*args, timeout=180, umask=None, **kw):
    pre = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([sys.executable, "-m", "kehoach.cli", *args], capture_output=True, text=True,
                          timeout=timeout, preexec_fn=pre, **kw)


def plan_file(path: Path, n: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PLAN.format(n=n), encoding="utf-8")
    return path


def test_same_names_from_two_folders_are_an_error_before_writing(tmp_path):
    a, b = plan_file(tmp_path / "a" / "plan.txt", 1), plan_file(tmp_path / "b" / "plan.txt", 2)
    out = tmp_path / "out"
    for args in ([str(a), str(b)], [str(tmp_path / "a"), str(tmp_path / "b")]):
        r = cli("batch", *args, "-o", str(out))
        assert r.returncode == 1 and "would both be written to" in r.stderr and r.stderr.count("\n") == 1
        assert not out.exists()


def test_a_glob_mirrors_the_folders_below_its_fixed_part(tmp_path):
    plan_file(tmp_path / "in" / "a" / "plan.txt", 1)
    plan_file(tmp_path / "in" / "b" / "plan.txt", 2)
    out = tmp_path / "out"
    r = cli("batch", str(tmp_path / "in" / "**" / "plan.txt"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert yaml.safe_load((out / "a" / "plan.txt.yaml").read_text(encoding="utf-8"))["document"]["number"] == "1/KH-UBND"
    assert yaml.safe_load((out / "b" / "plan.txt.yaml").read_text(encoding="utf-8"))["document"]["number"] == "2/KH-UBND"


def test_output_names_do_not_depend_on_other_files(tmp_path):
    d = tmp_path / "in"
    plan_file(d / "kh39.txt")
    out = tmp_path / "out"
    assert cli("batch", str(d), "-o", str(out)).returncode == 0
    plan_file(d / "kh39.md", 2)
    assert cli("batch", str(d), "-o", str(out)).returncode == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["kh39.md.yaml", "kh39.txt.yaml"]


def test_the_same_file_named_twice_is_converted_once(tmp_path):
    f = plan_file(tmp_path / "plan.txt")
    r = cli("batch", str(f), str(tmp_path / "." / "plan.txt"), "-o", str(tmp_path / "out"))
    assert r.returncode == 0 and "of 1 inputs" in r.stderr


@pytest.mark.parametrize("option", ["--report", "jsonl"])
def test_report_and_jsonl_never_overwrite_inputs_or_documents(tmp_path, option):
    f = plan_file(tmp_path / "plan.txt")
    doc = tmp_path / "keep.docx"
    doc.write_bytes(b"PK\x03\x04 not really")
    for target in (f, doc):
        args = ["--report", str(target), "-o", str(tmp_path / "out")] if option == "--report" else \
            ["--format", "jsonl", "-o", str(target)]
        r = cli("batch", str(f), *args)
        assert r.returncode == 1 and "refusing to overwrite" in r.stderr
    assert f.read_text(encoding="utf-8") == PLAN.format(n=1) and doc.read_bytes() == b"PK\x03\x04 not really"


def test_extract_output_is_checked_after_normalising(tmp_path):
    f = plan_file(tmp_path / "plan.txt")
    r = cli("extract", str(f), "-o", str(tmp_path / "missing" / ".." / "plan.txt"))
    assert r.returncode == 1 and "refusing to overwrite the input" in r.stderr
    assert f.read_text(encoding="utf-8") == PLAN.format(n=1)


def test_dev_null_and_symlinks_are_written_through(tmp_path):
    f = plan_file(tmp_path / "plan.txt")
    assert cli("extract", str(f), "-o", os.devnull).returncode == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    real = tmp_path / "real.yaml"
    real.write_text("old")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert cli("extract", str(f), "-o", str(link)).returncode == 0
    assert link.is_symlink() and "schema_version" in real.read_text(encoding="utf-8")
    r = cli("batch", str(f), "--format", "jsonl", "-o", os.devnull)
    assert r.returncode == 0 and stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/fd"), reason="needs /dev/fd")
def test_dev_stdout_and_dev_fd_are_written_when_they_are_pipes(tmp_path):
    """`-o /dev/stdout | less`, `-o >(gzip > plan.yaml.gz)`: the kernel's links to an open pipe
    name no file a path can reach; the pipe itself is written."""
    f = plan_file(tmp_path / "plan.txt")
    r = cli("extract", str(f), "-o", "/dev/stdout")
    assert r.returncode == 0 and r.stdout.startswith("schema_version"), r.stderr
    read, write = os.pipe()
    try:
        r = cli("extract", str(f), "-o", f"/dev/fd/{write}", pass_fds=(write,))
        os.close(write)
        with os.fdopen(read, "rb") as fh:
            assert r.returncode == 0 and fh.read().startswith(b"schema_version"), r.stderr
    finally:
        for fd in (read, write):
            try:
                os.close(fd)
            except OSError:
                pass


def test_an_output_name_of_the_longest_length_is_written(tmp_path):
    """A name the file system takes (255 bytes: a long Vietnamese title is 3 bytes a letter) is
    written, though the temporary file beside it carries a tag and a random part more."""
    f = plan_file(tmp_path / "plan.txt")
    for name in ("x" * 250 + ".yaml", "kế hoạch " * 18 + "k.json"):
        assert len(name.encode()) <= 255
        r = cli("extract", str(f), "-o", str(tmp_path / name))
        assert r.returncode == 0, r.stderr
        assert "schema_version" in (tmp_path / name).read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_permissions_follow_the_umask_and_a_replaced_file_keeps_its_mode(tmp_path):
    f = plan_file(tmp_path / "plan.txt")
    new = tmp_path / "new.yaml"
    assert cli("extract", str(f), "-o", str(new), umask=0o022).returncode == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    old = tmp_path / "old.yaml"
    old.write_text("x")
    old.chmod(0o640)
    assert cli("extract", str(f), "-o", str(old), umask=0o077).returncode == 0
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    out = tmp_path / "out"
    assert cli("batch", str(f), "-o", str(out), umask=0o002).returncode == 0
    assert stat.S_IMODE((out / "plan.txt.yaml").stat().st_mode) == 0o664


def _manifest_lines(out: Path) -> list[dict]:
    try:
        return [json.loads(x) for x in (out / MANIFEST).read_text(encoding="utf-8").splitlines() if x.strip()]
    except FileNotFoundError:
        return []


def _children(pid: int) -> set[int]:
    try:
        return {int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_batch_keeps_what_it_finished_and_leaves_no_workers(tmp_path):
    src = tmp_path / "in"
    for n in range(60):  # each long enough (a plan written 20 times) that the kill lands before the last one
        path = plan_file(src / f"plan-{n:02}.txt", n + 1)
        path.write_text(path.read_text(encoding="utf-8") * 20, encoding="utf-8")
    out = tmp_path / "out"
    p = subprocess.Popen([sys.executable, "-m", "kehoach.cli", "batch", str(src), "-o", str(out), "-j", "2"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(_manifest_lines(out)) < 3 and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = _children(p.pid)
        p.send_signal(signal.SIGKILL)
        p.wait(30)
    finally:
        if p.poll() is None:
            p.kill()
    recorded = {e["output"] for e in _manifest_lines(out)}
    assert 0 < len(recorded) < 60  # killed midway
    for _ in range(100):  # the workers follow their parent
        if not any(Path(f"/proc/{w}").exists() and "zombie" not in Path(f"/proc/{w}/status").read_text()
                   for w in workers):
            break
        time.sleep(0.05)
    else:
        pytest.fail("workers outlived their killed parent")
    for name in recorded:
        assert yaml.safe_load((out / name).read_text(encoding="utf-8"))["schema_version"]
    r = cli("batch", str(src), "-o", str(out))
    assert r.returncode == 0
    up_to_date = int(r.stderr.split(" up to date")[0].rsplit(" ", 1)[1])
    assert up_to_date >= len(recorded)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == \
        sorted(f"plan-{n:02}.txt.yaml" for n in range(60))


def test_two_batches_into_one_folder_keep_both_records(tmp_path):
    for n in range(12):
        plan_file(tmp_path / "a" / f"a{n}.txt", n + 1)
        plan_file(tmp_path / "b" / f"b{n}.txt", n + 100)
    out = tmp_path / "out"
    runs = [subprocess.Popen([sys.executable, "-m", "kehoach.cli", "batch", str(tmp_path / d), "-o", str(out), "-j", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for d in ("a", "b")]
    assert [r.wait(180) for r in runs] == [0, 0]
    assert len({e["output"] for e in _manifest_lines(out)}) == 24
    for d in ("a", "b"):
        r = cli("batch", str(tmp_path / d), "-o", str(out))
        assert r.returncode == 0 and "12 up to date" in r.stderr


def _sleep(seconds):
    time.sleep(seconds)
    return seconds


def _hog(n):
    return len(bytearray(n))


def _die(code):
    os._exit(code)


def _pool(items, fn, budget, workers=2):
    got = {}
    run_pool(items, fn, workers, budget, lambda k, result, reason: got.__setitem__(k, (result, reason)), lambda: False)
    return got


def test_a_file_over_its_time_is_reported_and_the_others_go_on():
    got = _pool([(0, (0.01,)), (1, (60,)), (2, (0.01,)), (3, (0.01,))], _sleep, Budget(seconds=1.5, memory=None))
    assert got[0] == (0.01, None) and got[2] == (0.01, None) and got[3] == (0.01, None)
    assert got[1][0] is None and "longer than 1.5 s" in got[1][1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS")
def test_a_file_over_its_memory_or_a_dead_worker_does_not_stop_the_run():
    def hog_or_die(kind, n):
        return _hog(n) if kind == "hog" else _die(n)

    items = [(0, ("hog", 1000)), (1, ("hog", 8 * 1024 ** 3)), (2, ("die", 3)), (3, ("hog", 10))]
    got = {}

    def take(k, result, reason):
        got[k] = (result, reason)

    def safe(kind, n):
        try:
            return hog_or_die(kind, n)
        except MemoryError:
            return "MemoryError"

    run_pool(items, safe, 1, Budget(seconds=60, memory=256 * 1024 ** 2), take, lambda: False)
    assert got[0] == (1000, None) and got[3] == (10, None)
    assert got[1] == ("MemoryError", None)
    assert got[2][0] is None and "died (exit code 3)" in got[2][1]


def test_max_size_holds_for_devices_and_batch_skips_what_is_not_a_file(tmp_path):
    r = cli("extract", "/dev/zero", "--max-size", "1M", timeout=60)
    assert r.returncode == 1 and "over the 1048576-byte limit" in r.stderr
    src = tmp_path / "in"
    plan_file(src / "plan.txt")
    os.mkfifo(src / "fifo.txt")  # nobody writes to it: reading would wait for ever
    (src / "zero.txt").symlink_to("/dev/zero")
    r = cli("batch", str(src), "-o", str(tmp_path / "out"), timeout=120)
    assert r.returncode == 1 and "1 converted" in r.stderr and "2 failed" in r.stderr
    assert r.stderr.count("not a regular file") == 2


def test_a_file_over_the_memory_budget_fails_alone(tmp_path):
    src = tmp_path / "in"
    plan_file(src / "small.txt")
    (src / "big.txt").write_text(PLAN.format(n=2) + "- Việc cần làm ngay trong năm\n" * 600_000, encoding="utf-8")
    r = cli("batch", str(src), "-o", str(tmp_path / "out"), "--memory-limit", "200M", "--max-size", "100M", "-j", "1")
    assert r.returncode == 1 and "1 converted" in r.stderr and "1 failed" in r.stderr
    assert "big.txt" in r.stderr and ("out of memory" in r.stderr or "died" in r.stderr)


def test_each_libreoffice_conversion_has_its_own_profile(monkeypatch):
    from kehoach.parse import docx

    seen = []

    def fake(args, timeout):
        seen.append(next(a for a in args if a.startswith("-env:UserInstallation=")))
        raise OSError("stop here")

    monkeypatch.setattr(docx, "_run_soffice", fake)
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/soffice")  # doc_to_docx imports shutil when called
    for _ in range(2):
        with pytest.raises(Exception, match="LibreOffice could not convert"):
            docx.doc_to_docx(b"x", "a.doc")
    assert len(set(seen)) == 2 and all(s.startswith("-env:UserInstallation=file:///") for s in seen)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_write_error_names_the_file_and_the_operation(tmp_path):
    f = plan_file(tmp_path / "plan.txt")
    r = cli("extract", str(f), "-o", "/dev/full")
    assert r.returncode == 1 and r.stderr == "kehoach: cannot write /dev/full: No space left on device\n"
    r = cli("batch", str(f), "-o", str(tmp_path / "out"), "--report", "/dev/full")
    assert r.returncode == 1 and "kehoach: cannot write /dev/full: No space left on device" in r.stderr


def _killed_mid_write(target: Path) -> Path:
    """The temporary file a writer SIGKILLed inside its write leaves behind."""
    code = ("import os, signal, sys\nfrom kehoach.fileio import open_atomic\n"
            "with open_atomic(sys.argv[1]) as fh:\n    fh.write(b'half a plan')\n    fh.flush()\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n")
    r = subprocess.run([sys.executable, "-c", code, str(target)], timeout=60)
    assert r.returncode == -signal.SIGKILL
    (left,) = [p for p in target.parent.iterdir() if p.name.startswith(f".{target.name}.")]
    assert left.name.startswith(f".{target.name}.kehoach-") and left.name.endswith(".tmp")
    assert f"@{leftovers.host()}-" in left.name  # the writer's machine is in the name
    return left


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL")
def test_temporary_files_of_killed_writes_are_removed_by_the_next_run(tmp_path):
    f = plan_file(tmp_path / "in" / "plan.txt")
    out = tmp_path / "out"
    stale = _killed_mid_write(out / "plan.txt.yaml")
    live = out / f".other.yaml.kehoach-{os.getpid()}-abcd1234.tmp"  # a writer still running
    live.write_text("being written")
    mine = out / ".notes.tmp"  # not ours
    mine.write_text("keep")
    # another machine writing to a shared drive: its process numbers mean nothing here, so its
    # file is left alone until nobody has written to it for a day
    away = out / ".away.yaml.kehoach-1@elsewhere-abcd1234.tmp"
    away.write_text("being written on another machine")
    gone = out / ".gone.yaml.kehoach-1@elsewhere-efgh5678.tmp"
    gone.write_text("abandoned")
    old = time.time() - 2 * 24 * 3600
    os.utime(gone, (old, old))
    assert not (out / "plan.txt.yaml").exists()  # the killed write left no output
    r = cli("batch", str(tmp_path / "in"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert not stale.exists() and live.exists() and mine.exists() and away.exists() and not gone.exists()
    assert yaml.safe_load((out / "plan.txt.yaml").read_text(encoding="utf-8"))["document"]["number"] == "1/KH-UBND"
    stale = _killed_mid_write(tmp_path / "single" / "plan.yaml")
    assert cli("extract", str(f), "-o", str(tmp_path / "single" / "plan.yaml")).returncode == 0
    assert sorted(p.name for p in (tmp_path / "single").iterdir()) == ["plan.yaml"]


def _group_with_grandchild(pidfile: str) -> str:
    from kehoach.children import run_group

    run_group(["sh", "-c", f"sleep 120 & echo $! > {pidfile}; wait"], 300)
    return "finished"


def _alive(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_helpers_of_a_file_over_its_time_end_with_it(tmp_path):
    """LibreOffice and OCR start programs of their own (soffice.bin, Tesseract): a file over its
    time budget takes its whole process group with it, nothing runs on as an orphan."""
    pidfile = tmp_path / "grandchild.pid"
    got = _pool([(0, (str(pidfile),))], _group_with_grandchild, Budget(seconds=2, memory=None), workers=1)
    assert got[0][0] is None and "longer than 2 s" in got[0][1]
    pid = int(pidfile.read_text())
    for _ in range(100):
        if not _alive(pid):
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        pytest.fail("a helper's own child outlived its file's time budget")


def _note():
    from kehoach.children import memory_note

    return memory_note()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS")
def test_a_helper_failing_under_the_memory_budget_says_so():
    got = _pool([(0, ())], _note, Budget(seconds=60, memory=300 * 1024 ** 2), workers=1)
    assert "capped at" in got[0][0] and "raise it with --memory-limit" in got[0][0]
    assert _pool([(0, ())], _note, Budget(seconds=60, memory=None), workers=1)[0] == ("", None)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="links, FIFOs and /dev/zero")
def test_a_link_or_device_in_place_of_the_record_is_never_followed(tmp_path):
    """Someone who can write to a shared output folder plants the record as a link to another file
    (appended to?), to /dev/zero (read for ever?) or as a FIFO (blocks?): none is read or written,
    the run says so and converts every input."""
    f = plan_file(tmp_path / "plan.txt")
    victim = tmp_path / "victim.txt"
    victim.write_text("theirs\n")
    out = tmp_path / "out"
    out.mkdir()
    for plant in (lambda p: p.symlink_to(victim), lambda p: p.symlink_to("/dev/zero"), os.mkfifo):
        for name in (MANIFEST, ".kehoach-batch.lock"):
            plant(out / name)
            r = cli("batch", str(f), "-o", str(out), timeout=60)
            assert r.returncode == 0 and "1 converted" in r.stderr, r.stderr
            assert "is not a regular file; the record is not used" in r.stderr
            (out / name).unlink()
    assert victim.read_text() == "theirs\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="links and FIFOs")
def test_a_link_or_fifo_in_place_of_a_batch_output_is_replaced_not_followed(tmp_path):
    f = plan_file(tmp_path / "in" / "plan.txt")
    g = plan_file(tmp_path / "in" / "other.txt", 2)
    victim = tmp_path / "victim.txt"
    victim.write_text("theirs\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.txt.yaml").symlink_to(victim)
    os.mkfifo(out / "other.txt.yaml")  # writing to it would wait for a reader for ever
    r = cli("batch", str(f), str(g), "-o", str(out), timeout=60)
    assert r.returncode == 0 and "2 converted" in r.stderr, r.stderr
    assert victim.read_text() == "theirs\n"
    for name in ("plan.txt.yaml", "other.txt.yaml"):
        assert (out / name).is_file() and not (out / name).is_symlink()
        assert yaml.safe_load((out / name).read_text(encoding="utf-8"))["schema_version"]


def test_a_temporary_file_is_not_left_when_its_mode_cannot_be_set(tmp_path, monkeypatch):
    import os

    import pytest

    from kehoach import fileio
    from kehoach.errors import OutputError

    def refuse(fd, mode):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(fileio.os, "fchmod", refuse)
    with pytest.raises(OutputError, match="cannot write .*plan.yaml: Operation not permitted"):
        fileio.write_atomic(tmp_path / "plan.yaml", b"x")
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL")
def test_a_stale_temporary_file_of_a_name_with_a_newline_is_removed(tmp_path):
    from kehoach.fileio import remove_stale_temps

    stale = _killed_mid_write(tmp_path / "kế hoạch\nsố 1.yaml")
    assert "\n" in stale.name
    assert remove_stale_temps(tmp_path) == 1 and not stale.exists()
