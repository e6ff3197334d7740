"""Who owns one of kehoach's temporary files, and whether a killed writer left it behind.

A temporary file's name carries its writer as ``PID@HOST`` (HOST: the machine's name, letters and
digits only). On the same machine a file is stale once its writer is no longer running; a file
from another machine (a shared drive, a container with its own process numbers) cannot have its
writer checked, so it is stale only once nobody has written to it for :data:`OTHER_HOST_AGE`
seconds. A name without ``@HOST`` (earlier versions) counts as this machine's. Only ``os`` is
imported: the pattern store (:mod:`kehoach.rx`) uses this on a cold start.
"""

from __future__ import annotations

import os
import time

OTHER_HOST_AGE = 24 * 3600
"""Seconds without a write after which another machine's temporary file counts as abandoned."""
_HOST: str | None = None


def host() -> str:
    """This machine's name reduced to letters and digits (others become ``_``), at most 40 long."""
    global _HOST
    if _HOST is None:
        uname = getattr(os, "uname", None)
        name = uname().nodename if uname else os.environ.get("COMPUTERNAME", "")
        _HOST = "".join(c if c.isascii() and c.isalnum() else "_" for c in name)[:40]
    return _HOST


def owner() -> str:
    """``PID@HOST`` for this process (just ``PID`` on a machine without a name)."""
    return f"{os.getpid()}@{host()}" if host() else str(os.getpid())


def running(pid: int) -> bool:
    """Whether process ``pid`` of this machine is running (another user's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError, OSError):
        return pid > 0  # another user's process, or not a pid at all
    return True


def is_stale(path: str, token: str) -> bool:
    """Whether the temporary file ``path``, whose writer is ``token`` (``PID`` or ``PID@HOST``),
    was left by a writer that is gone (see the module's description). An unreadable token: no."""
    pid, _, where = token.partition("@")
    if not pid.isdigit() or not pid.isascii():
        return False
    if not where or where == host():
        return not running(int(pid))
    try:
        return time.time() - os.lstat(path).st_mtime > OTHER_HOST_AGE
    except OSError:
        return False


def remove(folder: str, token_of) -> int:
    """Remove the stale temporary files in ``folder``: ``token_of(name)`` gives a file's writer
    token, or None for a file that is not one of ours. Returns how many were removed; a folder or
    file that cannot be read or removed is left alone."""
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    removed = 0
    for name in names:
        token = token_of(name)
        path = os.path.join(folder, name)
        if token is not None and is_stale(path, token):
            try:
                os.unlink(path)
                removed += 1
            except OSError:
                pass
    return removed
