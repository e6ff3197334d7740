"""Batch conversion: many inputs to an output tree (or one JSON Lines stream), in parallel.

The per-file function :func:`convert_one` is the same whatever runs it: a local process pool
(the default) or a dask.distributed cluster (``engine="dask"``). It returns a small summary, so
memory stays flat over thousands of files; each output is written atomically, and an input is
never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .errors import KehoachError
from .fileio import NOFOLLOW, FileLock, output_target, remove_stale_temps, write_atomic
from .inputs import expand_inputs, folder_error  # noqa: F401 (expand_inputs is imported from here too)
from .workers import Budget, run_pool

log = logging.getLogger("kehoach")

MANIFEST = ".kehoach-batch.jsonl"
LOCK = ".kehoach-batch.lock"


@dataclass
class Job:
    """One input and where its output goes."""

    path: str
    output: str | None
    """None for JSON Lines (the caller writes the line)."""
    fmt: str
    ocr: str | None = None
    """"auto"/"force": read scanned PDFs through OCR (see kehoach.parse.ocr)."""


@dataclass
class Summary:
    """What became of one input (the report entry)."""

    input: str
    status: str
    """"ok" | "warnings" | "failed" | "skipped"; in the report of a run stopped by Ctrl-C, "interrupted"
    for the inputs not converted by then."""
    output: str | None = None
    warnings: list[dict] = field(default_factory=list)
    """The plan's warnings (code, message, loc); empty for an input skipped as up to date."""
    error: str | None = None
    seconds: float = 0.0
    sha256: str | None = None
    line: str | None = field(default=None, repr=False)
    """The JSON Lines record, for --format jsonl."""
    retire: bool = field(default=False, repr=False)
    """The process that made this summary should not be trusted with another file (out of memory)."""
    read_as: tuple[int, int] | None = field(default=None, repr=False)
    """The input's (size, mtime_ns) before it was read: what the record keeps, so an input that
    changed while it was converted is not taken as converted next time."""

    def report(self) -> dict:
        return {"input": self.input, "status": self.status, "output": self.output, "warnings": self.warnings,
                "error": self.error, "seconds": round(self.seconds, 4)}


def plan_jobs(inputs: list[tuple[str, str | None]], outdir: str | None, fmt: str) -> list[Job]:
    """One output per input, named from the input alone so it never depends on what else is in
    the run: the input's path below its root (its file name when given as a file) plus ".yaml"
    or ".json" ("plan.docx" -> "plan.docx.yaml"). The same file named twice is converted once;
    two inputs that would share an output, or an output that would replace an input, raise
    :class:`KehoachError` before anything is written."""
    seen: dict[str, str] = {}
    unique = []
    for path, root in inputs:
        key = os.path.realpath(path) if os.path.exists(path) else os.path.normpath(path)
        if key not in seen:
            seen[key] = path
            unique.append((path, root))
    if fmt == "jsonl":
        return [Job(path, None, fmt) for path, _ in unique]
    ext = ".json" if fmt == "json" else ".yaml"
    jobs = []
    claimed: dict[str, str] = {}
    for path, root in unique:
        rel = os.path.relpath(path, root) if root else os.path.basename(os.path.normpath(path))
        if rel.startswith(".." + os.sep) or rel == "..":
            rel = os.path.basename(os.path.normpath(path))
        out_rel = os.path.normpath(rel + ext)
        if out_rel in claimed:
            raise KehoachError(f"{claimed[out_rel]} and {path} would both be written to "
                               f"{os.path.join(outdir or '', out_rel)}; convert them into different output folders")
        claimed[out_rel] = path
        jobs.append(Job(path, os.path.join(outdir, out_rel) if outdir else None, fmt))
    for job in jobs:
        other = seen.get(output_target(job.output)) if job.output else None
        if other is not None:
            raise KehoachError(f"{job.path} would be written to {job.output}, over the input {other}; "
                               f"convert into another output folder")
    return jobs


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def convert_one(job: Job, max_bytes: int) -> Summary:
    """Extract one input and write its output; never raises (errors become a failed summary)."""
    t0 = time.perf_counter()
    try:
        from .export import to_json, to_yaml
        from .pipeline import extract_file

        unreadable = folder_error(job.path)
        if unreadable:
            raise KehoachError(unreadable)
        if os.path.exists(job.path) and not os.path.isfile(job.path):
            raise KehoachError(f"{job.path}: not a regular file (a device, FIFO or socket); batch reads documents")
        if job.output and os.path.exists(job.path) and os.path.exists(job.output) \
                and os.path.samefile(job.path, job.output):
            raise KehoachError(f"{job.path}: the output would overwrite the input; choose another output folder")
        try:
            st = os.stat(job.path)
            read_as = (st.st_size, st.st_mtime_ns)
        except (OSError, ValueError):  # ValueError: a NUL byte in the name
            read_as = None  # extract_file says why
        plan = extract_file(job.path, max_bytes=max_bytes, ocr=job.ocr)
        n = plan.get("warnings") or []
        status = "warnings" if n else "ok"
        sha = plan["source"]["sha256"]
        if job.fmt == "jsonl":
            line = json.dumps(plan, ensure_ascii=False, separators=(",", ":"))
            return Summary(job.path, status, None, n, None, time.perf_counter() - t0, sha, line)
        text = to_json(plan) if job.fmt == "json" else to_yaml(plan)
        assert job.output is not None  # every format but jsonl has an output file
        write_atomic(job.output, text.encode("utf-8"), follow=False)
        return Summary(job.path, status, job.output, n, None, time.perf_counter() - t0, sha, read_as=read_as)
    except KehoachError as e:
        return Summary(job.path, "failed", job.output, [], str(e), time.perf_counter() - t0)
    except MemoryError:
        return Summary(job.path, "failed", job.output, [], f"{job.path}: out of memory (the per-file limit; raise it "
                       "with --memory-limit)", time.perf_counter() - t0, retire=True)
    except RecursionError:
        return Summary(job.path, "failed", job.output, [], f"{job.path}: nested too deeply to read",
                       time.perf_counter() - t0)
    except Exception as e:  # a bug of ours: keep going, say so
        return Summary(job.path, "failed", job.output, [], f"{job.path}: internal error: {type(e).__name__}: {e}",
                       time.perf_counter() - t0)


class Manifest:
    """Inputs already converted by this version, as a journal in OUTDIR: one JSON line per output
    written, appended as each file finishes (under a lock, so two runs into one folder keep both
    their entries, and a killed run keeps what it finished). The last line for an output wins."""

    def __init__(self, outdir: str | None) -> None:
        self.outdir = outdir
        self.path = os.path.join(outdir, MANIFEST) if outdir else ""
        self.entries: dict[str, dict] = {}
        self.lines = 0
        self.usable = bool(outdir) and all(_plain_or_missing(os.path.join(outdir or "", n)) for n in (MANIFEST, LOCK))
        if self.path and not self.usable:  # a link or device planted there is never read, written or followed
            log.warning(f"kehoach: {self.path} or its lock is not a regular file; the record is not used, "
                        "so every input is converted")
        if self.usable:
            self.entries, self.lines = self._read()

    def _read(self) -> tuple[dict[str, dict], int]:
        entries: dict[str, dict] = {}
        n = 0
        try:
            fd = os.open(self.path, os.O_RDONLY | NOFOLLOW)
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
                return entries, n
            with open(fd, encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    n += 1
                    try:
                        e = json.loads(line)
                    except ValueError:
                        continue  # a line cut short by a crash: that output is simply converted again
                    if isinstance(e, dict) and isinstance(e.get("output"), str):
                        entries[e["output"]] = e
        except OSError:
            pass
        return entries, n

    def _key(self, output: str) -> str:
        return os.path.relpath(output, self.outdir)

    def up_to_date(self, job: Job) -> str | None:
        """The input's hash when its output exists and was made from the same bytes by this version."""
        if not job.output or not os.path.exists(job.output):
            return None
        e = self.entries.get(self._key(job.output))
        if not e or e.get("version") != __version__:
            return None
        try:
            st = os.stat(job.path)
            if e.get("size") == st.st_size and e.get("mtime") == st.st_mtime_ns:
                return e.get("sha256")
            sha = _sha256(job.path)
        except OSError:
            return None
        return sha if sha == e.get("sha256") else None

    def record(self, s: Summary) -> None:
        """Append the entry for a finished output (a failure to record only costs a reconversion)."""
        if not (self.usable and s.output and s.sha256 and s.read_as):
            return
        size, mtime = s.read_as
        e: dict[str, Any] = {"output": self._key(s.output), "input": s.input, "sha256": s.sha256, "version": __version__,
             "size": size, "mtime": mtime}
        self.entries[e["output"]] = e
        line = (json.dumps(e, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            with self._locked():
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | NOFOLLOW, 0o666)
                try:
                    os.write(fd, line)
                finally:
                    os.close(fd)
            self.lines += 1
        except OSError as err:
            log.warning(f"kehoach: cannot record {s.output} in {self.path} ({err.strerror}); it will be converted again")

    def compact(self) -> None:
        """Rewrite the journal with one line per output when it has grown well past that."""
        if not self.usable or self.lines <= 2 * len(self.entries) + 100:
            return
        try:
            with self._locked():
                entries, _ = self._read()
                data = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries.values())
                write_atomic(self.path, data.encode("utf-8"))
        except (OSError, KehoachError):
            pass

    def _locked(self):
        return FileLock(os.path.join(self.outdir, LOCK))


def _plain_or_missing(path: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def run_batch(jobs: list[Job], *, jobs_n: int = 0, force: bool = False, fail_fast: bool = False,
              max_bytes: int = 50 * 1024 * 1024, engine: str = "local", scheduler: str | None = None,
              on_result: Callable[[Summary], None] | None = None, outdir: str | None = None,
              budget: Budget | None = None) -> list[Summary]:
    """Convert every job; call ``on_result`` as each finishes (so a slow file holds no other back:
    JSON Lines come in the order files finish, each naming its input in ``source.path``).
    Returns the summaries in input order. Locally each file runs in a worker process within
    ``budget`` (time and memory); one over it is reported as failed and the run goes on."""
    manifest = Manifest(outdir)
    results: dict[int, Summary] = {}
    todo: list[tuple[int, Job]] = []
    for k, job in enumerate(jobs):
        if not force and job.fmt != "jsonl":
            sha = manifest.up_to_date(job)
            if sha:
                s = Summary(job.path, "skipped", job.output, [], None, 0.0, sha)
                results[k] = s
                if on_result:
                    on_result(s)
                continue
        todo.append((k, job))
    folders = {os.path.dirname(job.output) for _, job in todo if job.output} | ({outdir} if outdir else set())
    for folder in sorted(folders):
        remove_stale_temps(folder)  # left by a run killed mid-write
    stop = False

    def take(k: int, s: Summary) -> None:
        nonlocal stop
        results[k] = s
        if s.status in ("ok", "warnings"):
            manifest.record(s)
        if fail_fast and s.status == "failed":
            stop = True
        if on_result:
            on_result(s)

    try:
        if engine == "dask":
            _run_dask(todo, max_bytes, scheduler, take, lambda: stop)
        else:
            _run_local(todo, max_bytes, jobs_n, budget or Budget(), take, lambda: stop)
    finally:
        manifest.compact()
    return [results[k] for k in sorted(results)]


def _run_local(todo, max_bytes, jobs_n, budget: Budget, take, stopped) -> None:
    jobs = {k: job for k, job in todo}

    def taken(k, s: Summary | None, reason: str | None) -> None:
        if s is None:
            job = jobs[k]
            s = Summary(job.path, "failed", job.output, [], f"{job.path}: {reason}")
        take(k, s)

    run_pool([(k, (job, max_bytes)) for k, job in todo], convert_one, jobs_n or os.cpu_count() or 1, budget,
             taken, stopped)


def _run_dask(todo, max_bytes, scheduler, take, stopped) -> None:
    try:
        from distributed import Client, as_completed
    except ImportError as e:
        raise KehoachError("the dask engine needs dask.distributed: pip install 'kehoach[dask]'") from e
    if not scheduler:
        raise KehoachError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as e:
        raise KehoachError(f"cannot reach the dask scheduler at {scheduler} ({e})") from e
    try:
        futures = {client.submit(convert_one, job, max_bytes, pure=False): k for k, job in todo}
        for fut in as_completed(futures):
            k = futures[fut]
            try:
                s = fut.result()
            except Exception as e:  # the worker died (memory, a killed node): report the file, go on
                job = dict(todo)[k]
                s = Summary(job.path, "failed", job.output, [], f"{job.path}: {_dask_failure(e)}")
            take(k, s)
            if stopped():
                client.cancel(list(futures))
                break
    finally:
        client.close()


def _dask_failure(e: Exception) -> str:
    """One line for a file the cluster could not convert (dask's own message spans sentences)."""
    if type(e).__name__ == "KilledWorker":
        return ("the dask worker running it died (out of memory or killed; dask retried it on "
                "distributed.scheduler.allowed-failures other workers; the workers' logs say why)")
    first = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"the dask worker failed ({type(e).__name__}{': ' + first if first else ''})"
