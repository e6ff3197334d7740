"""Writing files the safe way: all or nothing."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place, so no half-written
    file is ever left behind (Ctrl-C, a full disk). Parent folders are created."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read_input(name: str, max_bytes: int, error: type[Exception]) -> bytes:
    """The bytes of file ``name`` (``"-"``: standard input), at most ``max_bytes`` of them; every
    failure becomes one ``error`` whose message names the file and what to do."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            p = Path(name)
            if p.is_dir():
                raise error(f"{name}: is a directory; give a file")
            size = p.stat().st_size
            if size > max_bytes:
                raise error(f"{name}: {size} bytes is over the {max_bytes}-byte limit; raise it with --max-size")
            data = p.read_bytes()
    except FileNotFoundError as e:
        raise error(f"{name}: no such file") from e
    except PermissionError as e:
        raise error(f"{name}: permission denied") from e
    except IsADirectoryError as e:
        raise error(f"{name}: is a directory; give a file") from e
    except OSError as e:
        raise error(f"{name}: cannot read ({e.strerror})") from e
    if len(data) > max_bytes:
        raise error(f"{name}: input is over the {max_bytes}-byte limit; raise it with --max-size")
    return data
