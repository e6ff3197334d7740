"""Batch conversion: many inputs to an output tree (or one JSON Lines stream), in parallel.

The per-file function :func:`convert_one` is the same whatever runs it: a local process pool
(the default) or a dask.distributed cluster (``engine="dask"``). It returns a small summary, so
memory stays flat over thousands of files; each output is written atomically, and an input is
never overwritten.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import KehoachError
from .fileio import write_atomic

INPUT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".pdf"}
MANIFEST = ".kehoach-batch.json"


@dataclass
class Job:
    """One input and where its output goes."""

    path: str
    output: str | None
    """None for JSON Lines (the caller writes the line)."""
    fmt: str


@dataclass
class Summary:
    """What became of one input (the report entry)."""

    input: str
    status: str
    """"ok" | "warnings" | "failed" | "skipped"."""
    output: str | None = None
    warnings: int = 0
    error: str | None = None
    seconds: float = 0.0
    sha256: str | None = None
    line: str | None = field(default=None, repr=False)
    """The JSON Lines record, for --format jsonl."""

    def report(self) -> dict:
        return {"input": self.input, "status": self.status, "output": self.output, "warnings": self.warnings,
                "error": self.error, "seconds": round(self.seconds, 4)}


def expand_inputs(items: Iterable[str], stdin: Iterable[str] | None = None) -> Iterator[tuple[str, str | None]]:
    """Yield (file, root) for each input: files as given, directories walked recursively for
    supported suffixes (root = the directory, for mirroring), globs expanded, "-" = paths from stdin."""
    for item in items:
        if item == "-":
            for line in stdin or sys.stdin:
                line = line.rstrip("\n\r")
                if line:
                    yield from expand_inputs([line])
            continue
        p = Path(item)
        if p.is_dir():
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if Path(name).suffix.lower() in INPUT_SUFFIXES and not name.startswith((".", "~$")):
                        yield os.path.join(dirpath, name), str(p)
        elif not p.exists() and glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield item, None  # reported as missing
            for m in matches:
                yield from expand_inputs([m])
        else:
            yield item, None


def plan_jobs(inputs: list[tuple[str, str | None]], outdir: str | None, fmt: str) -> list[Job]:
    """Output paths that mirror the input tree; when two inputs would share an output name
    ("plan.docx" and "plan.pdf"), both keep their suffix in it ("plan.docx.yaml")."""
    if fmt == "jsonl":
        return [Job(path, None, fmt) for path, _ in inputs]
    ext = ".json" if fmt == "json" else ".yaml"
    rel: list[Path] = []
    for path, root in inputs:
        r = Path(os.path.relpath(path, root)) if root else Path(Path(path).name)
        rel.append(r)
    stems: dict[Path, int] = {}
    for r in rel:
        stems[r.with_suffix("")] = stems.get(r.with_suffix(""), 0) + 1
    jobs = []
    for (path, _), r in zip(inputs, rel, strict=True):
        out_rel = r.with_suffix(ext) if stems[r.with_suffix("")] == 1 else r.with_name(r.name + ext)
        jobs.append(Job(path, str(Path(outdir) / out_rel) if outdir else None, fmt))
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

        if job.output and os.path.exists(job.path) and os.path.exists(job.output) \
                and os.path.samefile(job.path, job.output):
            raise KehoachError(f"{job.path}: the output would overwrite the input; choose another output folder")
        plan = extract_file(job.path, max_bytes=max_bytes)
        n = len(plan.get("warnings") or [])
        status = "warnings" if n else "ok"
        sha = plan["source"]["sha256"]
        if job.fmt == "jsonl":
            line = json.dumps(plan, ensure_ascii=False, separators=(",", ":"))
            return Summary(job.path, status, None, n, None, time.perf_counter() - t0, sha, line)
        text = to_json(plan) if job.fmt == "json" else to_yaml(plan)
        write_atomic(job.output, text.encode("utf-8"))
        return Summary(job.path, status, job.output, n, None, time.perf_counter() - t0, sha)
    except KehoachError as e:
        return Summary(job.path, "failed", job.output, 0, str(e), time.perf_counter() - t0)
    except MemoryError:
        return Summary(job.path, "failed", job.output, 0, f"{job.path}: out of memory", time.perf_counter() - t0)
    except Exception as e:  # a bug of ours: keep going, say so
        return Summary(job.path, "failed", job.output, 0, f"{job.path}: internal error: {type(e).__name__}: {e}",
                       time.perf_counter() - t0)


def _convert_packed(args: tuple[Job, int]) -> Summary:
    return convert_one(*args)


class Manifest:
    """Inputs already converted by this version: output -> (input sha256, version)."""

    def __init__(self, outdir: str | None) -> None:
        self.path = Path(outdir) / MANIFEST if outdir else None
        self.entries: dict[str, dict] = {}
        if self.path and self.path.exists():
            try:
                self.entries = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.entries = {}

    def up_to_date(self, job: Job) -> str | None:
        """The input's hash when its output exists and was made from the same bytes by this version."""
        if not job.output or not os.path.exists(job.output):
            return None
        e = self.entries.get(job.output)
        if not e or e.get("version") != __version__:
            return None
        try:
            st = os.stat(job.path)
        except OSError:
            return None
        if e.get("size") == st.st_size and e.get("mtime") == st.st_mtime_ns:
            return e.get("sha256")
        sha = _sha256(job.path)
        return sha if sha == e.get("sha256") else None

    def record(self, s: Summary) -> None:
        if s.output and s.sha256:
            st = os.stat(s.input)
            self.entries[s.output] = {"input": s.input, "sha256": s.sha256, "version": __version__,
                                      "size": st.st_size, "mtime": st.st_mtime_ns}

    def save(self) -> None:
        if self.path:
            write_atomic(str(self.path), json.dumps(self.entries, ensure_ascii=False, indent=0).encode("utf-8"))


def run_batch(jobs: list[Job], *, jobs_n: int = 0, force: bool = False, fail_fast: bool = False,
              max_bytes: int = 50 * 1024 * 1024, engine: str = "local", scheduler: str | None = None,
              on_result: Callable[[Summary], None] | None = None, outdir: str | None = None) -> list[Summary]:
    """Convert every job; call ``on_result`` as each finishes. Returns the summaries in input order."""
    manifest = Manifest(outdir)
    results: dict[int, Summary] = {}
    todo: list[tuple[int, Job]] = []
    for k, job in enumerate(jobs):
        if not force and job.fmt != "jsonl":
            sha = manifest.up_to_date(job)
            if sha:
                s = Summary(job.path, "skipped", job.output, 0, None, 0.0, sha)
                results[k] = s
                if on_result:
                    on_result(s)
                continue
        todo.append((k, job))
    stop = False

    def take(k: int, s: Summary) -> None:
        nonlocal stop
        results[k] = s
        if s.status in ("ok", "warnings"):
            manifest.record(s)
        if on_result:
            on_result(s)
        if fail_fast and s.status == "failed":
            stop = True

    try:
        if engine == "dask":
            _run_dask(todo, max_bytes, scheduler, take, lambda: stop)
        else:
            _run_local(todo, max_bytes, jobs_n, take, lambda: stop, ordered=any(j.fmt == "jsonl" for _, j in todo))
    finally:
        manifest.save()
    return [results[k] for k in sorted(results)]


def _run_local(todo, max_bytes, jobs_n, take, stopped, ordered: bool) -> None:
    workers = jobs_n or os.cpu_count() or 1
    if workers <= 1 or len(todo) <= 1:
        for k, job in todo:
            if stopped():
                break
            take(k, convert_one(job, max_bytes))
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    ctx = get_context("fork") if sys.platform.startswith("linux") else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        args = [(job, max_bytes) for _, job in todo]
        chunk = max(1, min(16, len(args) // (workers * 8) or 1))
        if ordered:
            for (k, _), s in zip(todo, pool.map(_convert_packed, args, chunksize=chunk), strict=False):
                take(k, s)
                if stopped():
                    break
        else:
            from concurrent.futures import FIRST_COMPLETED, wait

            pending = {}
            it = iter(todo)
            window = workers * 4

            def submit_next() -> bool:
                nxt = next(it, None)
                if nxt is None:
                    return False
                pending[pool.submit(convert_one, nxt[1], max_bytes)] = nxt[0]
                return True

            for _ in range(window):
                if not submit_next():
                    break
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    k = pending.pop(fut)
                    take(k, fut.result())
                    if not stopped():
                        submit_next()
                if stopped():
                    for fut in pending:
                        fut.cancel()
                    break


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
            take(futures[fut], fut.result())
            if stopped():
                client.cancel(list(futures))
                break
    finally:
        client.close()
