"""Programs kehoach starts (LibreOffice for .doc, OCRmyPDF and its Tesseract runs for --ocr):
each runs in a process group of its own, ended as a whole when it fails, runs out of time or
kehoach is stopped (a batch file over its time budget), so no helper outlives its file.
"""

from __future__ import annotations

import os
import signal
import subprocess


def run_group(args: list[str], timeout: float, capture: bool = False,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``args`` in a new session; kill its whole process group unless it exits with 0.
    Raises :class:`subprocess.TimeoutExpired` (after the kill) or :class:`OSError`; with
    ``capture`` the result holds its stderr as text."""
    pipe = subprocess.PIPE if capture else subprocess.DEVNULL
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=pipe, start_new_session=True,
                            text=capture or None, env=env)
    try:
        _, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None or proc.returncode:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
            proc.communicate()
    return subprocess.CompletedProcess(args, proc.returncode, None, err)


def memory_note() -> str:
    """A note for a helper program's failure when this process's address space is capped (a
    batch worker's --memory-limit): the program inherits the cap, and too low a cap stops it."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError):
        return ""
    if soft == resource.RLIM_INFINITY:
        return ""
    return (f" (its address space was capped at {soft // 2 ** 20} MiB by the per-file memory limit; "
            "LibreOffice and OCR need about 500 MiB: raise it with --memory-limit)")
