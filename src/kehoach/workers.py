"""A pool of worker processes in which one bad file cannot stall or kill the run.

Each file gets a time and a memory budget. A worker over its time is killed and replaced; one
over its memory gets a MemoryError (its address space is capped) or dies, and is replaced; the
file is reported as failed and the run goes on. Workers die with their parent (a killed
``kehoach batch`` leaves no orphans behind).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import connection, get_context
from typing import Any


@dataclass(frozen=True)
class Budget:
    """What one file may take: wall-clock seconds and bytes of memory (None: no limit)."""

    seconds: float | None = 300.0
    memory: int | None = 2 * 1024 ** 3


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)


def _cap_memory(memory: int | None) -> None:
    if not memory:
        return
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            base = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = base + memory
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no RLIMIT_AS: the time budget still holds


def _exit_on_term(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _worker_main(conn, parent: int, memory: int | None, fn: Callable) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends us
    _ctrl_c_mask(signal.SIG_UNBLOCK)  # blocked since the fork (see _Worker): one that came meanwhile is ignored
    signal.signal(signal.SIGTERM, _exit_on_term)  # unwinds, so helpers (LibreOffice) get stopped too
    _cap_memory(memory)
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        key, args = msg
        result = fn(*args)
        conn.send((key, result))
        if getattr(result, "retire", False):
            return  # its memory may be in pieces: a fresh worker takes the next file


def _ctrl_c_mask(how: int) -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(how, {signal.SIGINT})


class _Worker:
    def __init__(self, ctx, fn: Callable, memory: int | None) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, os.getpid(), memory, fn), daemon=True)
        # Ctrl-C is held back while the worker is made: it comes to the whole process group, and
        # a worker not yet ignoring it would die with a traceback (the batch still gets it after)
        _ctrl_c_mask(signal.SIG_BLOCK)
        try:
            self.proc.start()
        finally:
            _ctrl_c_mask(signal.SIG_UNBLOCK)
        child.close()
        self.key: object | None = None
        self.started = 0.0

    def kill(self) -> None:
        """Stop the worker: asked first (it unwinds and stops its helpers), forced after a moment."""
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.Signals._value2member_map_ else str(-exitcode)
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"the worker process died ({name}{hint})"
    return f"the worker process died (exit code {exitcode})"


def run_pool(items: list[tuple[object, tuple]], fn: Callable, workers: int, budget: Budget,
             take: Callable[[Any, Any, str | None], None], stopped: Callable[[], bool]) -> None:
    """Call ``fn(*args)`` for each ``(key, args)`` in worker processes; ``take(key, result, None)``
    for each result, ``take(key, None, reason)`` for a file whose worker died or ran out of time."""
    ctx = get_context("fork") if sys.platform.startswith("linux") else get_context()
    pending = iter(items)
    pool: list[_Worker] = []
    try:
        pool = [_Worker(ctx, fn, budget.memory) for _ in range(max(1, min(workers, len(items))))]
        more = True
        while True:
            for i, w in enumerate(pool):
                if w.key is None and more and not stopped() and not w.proc.is_alive():
                    w.kill()
                    pool[i] = w = _Worker(ctx, fn, budget.memory)
                if w.key is None and more and not stopped():
                    nxt = next(pending, None)
                    if nxt is None:
                        more = False
                        break
                    w.key, w.started = nxt[0], time.monotonic()
                    w.conn.send(nxt)
            busy = [w for w in pool if w.key is not None]
            if not busy:
                return
            wait_s = None
            if budget.seconds:
                wait_s = max(0.0, min(w.started + budget.seconds for w in busy) - time.monotonic())
            ready = set(connection.wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], wait_s))
            for i, w in enumerate(pool):
                if w.key is None:
                    continue
                outcome = _collect(w, ready, budget)
                if outcome is None:
                    continue
                key, result, reason = outcome
                if reason is not None or getattr(result, "retire", False):
                    w.kill()
                    pool[i] = _Worker(ctx, fn, budget.memory)
                else:
                    w.key = None
                take(key, result, reason)
    finally:
        for w in pool:
            try:
                if w.key is None and w.proc.is_alive():
                    w.conn.send(None)
            except OSError:
                pass
        for w in pool:
            w.proc.join(0.5 if w.key is None else 0)
            w.kill()


def _collect(w: _Worker, ready: set, budget: Budget) -> tuple[object, object | None, str | None] | None:
    """What became of worker ``w``'s file, or None while it is still working."""
    if w.conn in ready or w.conn.poll():
        try:
            key, result = w.conn.recv()
            return key, result, None
        except (EOFError, OSError):
            pass
        w.proc.join(1)
        return w.key, None, _death(w.proc.exitcode)
    if w.proc.sentinel in ready or not w.proc.is_alive():
        w.proc.join(1)
        return w.key, None, _death(w.proc.exitcode)
    if budget.seconds and time.monotonic() - w.started > budget.seconds:
        return w.key, None, f"took longer than {budget.seconds:g} s (the per-file limit; raise it with --timeout)"
    return None
