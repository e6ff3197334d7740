"""Reading inputs and writing outputs the safe way: all or nothing, never over what the user gave.

Every output path goes through :func:`output_target`: the path as the file system will see it
(symbolic links followed, ".." taken after them), so the checks and the write are about the same
file. An output replaces an existing regular file atomically and keeps its permissions; a new
file gets the usual permissions (0666 less the umask); a device or FIFO (``/dev/null``) is
written in place, never replaced by a regular file.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from . import leftovers, rx
from .errors import ClosedPipe, OutputError
from .paths import as_pathlib_reads, suffix

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO

SOURCE_DOCUMENT_SUFFIXES = {".docx", ".doc", ".pdf", ".odt", ".rtf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
"""Files kehoach reads and never writes: an output naming one that exists is a slip, not a wish."""

_UMASK: int | None = None
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
"""Open flags for kehoach's own files in an output folder: a link planted there is not followed
(the open fails), and a FIFO does not block the open."""
TEMP_TAG = "kehoach-"
"""Temporary files are named ``.NAME.kehoach-PID@HOST-XXXXXXXX.tmp`` beside the output NAME they
become (:mod:`kehoach.leftovers`: HOST is this machine's name; earlier versions wrote no ``@HOST``)."""
TEMP_NAME_BYTES = 120
"""The bytes of the output's name a temporary file's name starts with: with the tag, the writer
and the random part it stays under the 255 bytes a file system takes for a name."""
_TEMP_NAME = rx.compile(r"(?s)\..+\." + TEMP_TAG + r"(\d+(?:@[A-Za-z0-9_]+)?)-[A-Za-z0-9_]+\.tmp")


def _umask() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return _UMASK


def output_target(path: str | os.PathLike) -> str:
    """The file a write to ``path`` really lands on (links followed, "a/missing/../b" as "a/b")."""
    try:
        return os.path.realpath(os.fspath(path))
    except ValueError:  # a NUL byte: no file has this name (opening it says so)
        return os.path.abspath(os.fspath(path))


def guard_output(out: str | os.PathLike, inputs: Iterable[str] = ()) -> None:
    """Refuse an output that would destroy something the user gave: one of the ``inputs``, a
    folder, or an existing Word/PDF document. Raises :class:`OutputError` naming ``out``.
    Temporary files an earlier, killed write left beside it are removed (:func:`remove_stale_temps`)."""
    target = output_target(out)
    if os.path.isdir(target):
        raise OutputError(f"{out}: is a directory; give a file name")
    blocked = folder_problem(os.path.dirname(os.fspath(out)))
    if blocked:
        raise OutputError(f"cannot write {out}: {blocked}")
    remove_stale_temps(os.path.dirname(target))
    if not os.path.exists(target):
        return
    for source in inputs:
        if source and source != "-" and os.path.exists(source):
            try:
                same = os.path.samefile(target, source)
            except OSError:
                same = False
            if same:
                raise OutputError(f"{out}: refusing to overwrite the input file {source}; choose another output")
    kind = suffix(target).lower()
    if kind in SOURCE_DOCUMENT_SUFFIXES and os.path.isfile(target):
        raise OutputError(f"{out}: refusing to overwrite an existing {kind} document with kehoach "
                          f"output; choose another output")


def _new_temp(folder: str, prefix: str) -> tuple[int, str]:
    """A new file ``folder/PREFIX<random>.tmp`` made by this call alone, open for writing and
    readable by its owner only, as ``tempfile.mkstemp`` makes it (whose module costs a write to
    one file more than the write)."""
    for _ in range(100):
        path = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}.tmp")
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | NOFOLLOW | getattr(os, "O_CLOEXEC", 0), 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary file name in {folder}")


def _describe(e: OSError) -> str:
    return e.strerror or type(e).__name__


def not_a_folder(folder: str | os.PathLike) -> str | None:
    """The first of ``folder``'s leading parts, as written, that exists and is not a folder (a file
    where the path needs a folder, as ``notes.md`` in ``notes.md/plan.yaml``); None when there is
    none (every part is a folder or still missing)."""
    folder = os.fspath(folder)
    parts = folder.split(os.sep)
    for k in range(1, len(parts) + 1):
        prefix = os.sep.join(parts[:k])
        if not prefix or parts[k - 1] in ("", "."):
            continue
        if not os.path.exists(prefix):
            return None
        if not os.path.isdir(prefix):
            return prefix
    return None


def folder_problem(folder: str | os.PathLike) -> str | None:
    """Why ``folder`` cannot be (made) a folder to write in ("notes.md is a file, not a folder"),
    or None."""
    blocker = not_a_folder(folder)
    if blocker is None:
        return None
    return f"{blocker} is a file, not a folder" if os.path.isfile(blocker) else f"{blocker} is not a folder"


def _write_failure(path: str | os.PathLike, e: OSError) -> OutputError:
    """One line for a failed write to ``path``: what stands in the way when a part of its folder
    is a file (the system says "File exists" or "Not a directory"), else the system's words."""
    import errno

    if isinstance(e, BrokenPipeError):
        return ClosedPipe(f"cannot write {os.fspath(path)}: the reader of the pipe has gone")
    why = folder_problem(os.path.dirname(os.fspath(path))) if e.errno in (errno.EEXIST, errno.ENOTDIR) else None
    return OutputError(f"cannot write {os.fspath(path)}: {why or _describe(e)}")


def write_atomic(path: str | os.PathLike, data: bytes, follow: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place, so no half-written
    file is ever left behind (Ctrl-C, a full disk). Parent folders are created. A replaced file
    keeps its mode; a device or FIFO is written in place, and a link written through, unless
    ``follow`` is False (outputs kehoach names itself, in a folder others may write to): then
    whatever stands at ``path`` is replaced. Failures raise :class:`OutputError` ("cannot write
    OUT: No space left on device")."""
    with open_atomic(path, follow) as fh:
        fh.write(data)


@contextmanager
def open_atomic(path: str | os.PathLike, follow: bool = True) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``path`` only when the ``with`` block ends without
    an error (see :func:`write_atomic`)."""
    target = output_target(path) if follow else os.path.abspath(path)
    try:
        st = os.stat(target) if os.path.exists(target) else None
        if st is None and follow and os.path.exists(path):
            # a link only the kernel resolves, to what no path names: /dev/stdout, /dev/fd/N to a pipe
            target, st = os.fspath(path), os.stat(path)
        planted = st is not None and not stat.S_ISDIR(st.st_mode) and not stat.S_ISREG(st.st_mode)
        if not follow and (os.path.islink(target) or planted):
            st = None  # a link, device or FIFO standing there: replaced like a missing file
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{path}: is a directory; give a file name")
        if st is not None and not stat.S_ISREG(st.st_mode):
            fh = open(target, "wb")  # noqa: SIM115 (/dev/null, a FIFO, a terminal: not replaced by a file)
            tmp = None
        else:
            folder = os.path.dirname(target)
            os.makedirs(folder, exist_ok=True)
            mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
            name = os.fsdecode(os.fsencode(os.path.basename(target))[:TEMP_NAME_BYTES])
            fd, tmp = _new_temp(folder, f".{name}.{TEMP_TAG}{leftovers.owner()}-")
            try:
                os.fchmod(fd, mode)
                fh = os.fdopen(fd, "wb")
            except BaseException:  # the temporary file made a moment ago is not left behind
                os.close(fd)
                os.unlink(tmp)
                raise
    except OSError as e:
        raise _write_failure(path, e) from e
    try:
        yield fh
        fh.close()  # a last buffered write that fails fails here, as the writes before it
        if tmp is not None:
            os.replace(tmp, target)
    except BaseException as e:
        try:
            fh.close()  # closes the file even when flushing fails (a pipe whose reader has gone)
        except OSError:
            pass
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if isinstance(e, OSError):
            raise _write_failure(path, e) from e
        raise


def _temp_owner(name: str) -> str | None:
    m = _TEMP_NAME.fullmatch(name)
    return m.group(1) if m else None


def remove_stale_temps(folder: str | os.PathLike) -> int:
    """Remove the temporary files that writers killed mid-write (SIGKILL, a power cut) left in
    ``folder``: ours by their name, and their writer gone (:func:`kehoach.leftovers.is_stale`:
    no longer running on this machine; from another machine, untouched for a day). Returns how
    many were removed; a folder that cannot be read is left alone."""
    return leftovers.remove(os.fspath(folder), _temp_owner)


class FileLock:
    """An exclusive advisory lock on a file (a no-op where fcntl is missing)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fd = -1

    def __enter__(self):
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | NOFOLLOW, 0o666)
        try:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except ImportError:
            pass
        return self

    def __exit__(self, *exc) -> None:
        os.close(self.fd)  # closing releases the lock


def _read_most(fh, most: int) -> bytes:
    """Up to ``most`` bytes of ``fh``, read in pieces: one ``read(most)`` sets aside ``most`` bytes
    at once, which a large --max-size (3G) makes more than a batch worker's memory cap."""
    chunks: list[bytes] = []
    got = 0
    while got < most:
        chunk = fh.read(min(1 << 24, most - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_input(name: str, max_bytes: int, error: type[Exception]) -> bytes:
    """The bytes of file ``name`` (``"-"``: standard input), at most ``max_bytes`` of them; every
    failure becomes one ``error`` whose message names the file and what to do. The limit holds
    for devices and FIFOs too (reading stops one byte past it)."""
    try:
        if name == "-":
            if sys.stdin is None:
                raise error("-: standard input is closed; nothing to read")
            data = _read_most(sys.stdin.buffer, max_bytes + 1)
        else:
            p = as_pathlib_reads(name)
            st = os.stat(p)
            if stat.S_ISDIR(st.st_mode):
                raise error(f"{name}: is a directory; give a file")
            if st.st_size > max_bytes:
                raise error(f"{name}: {st.st_size} bytes is over the {max_bytes}-byte limit; raise it with --max-size")
            with open(p, "rb") as fh:
                data = _read_most(fh, max_bytes + 1)
    except FileNotFoundError as e:
        raise error(f"{name}: no such file") from e
    except PermissionError as e:
        raise error(f"{name}: permission denied") from e
    except IsADirectoryError as e:
        raise error(f"{name}: is a directory; give a file") from e
    except OSError as e:
        raise error(f"{name}: cannot read ({e.strerror})") from e
    except ValueError as e:  # "embedded null byte": no file can have this name
        raise error(f"{name}: no such file (a file name cannot hold a NUL byte)") from e
    if len(data) > max_bytes:
        raise error(f"{name}: input is over the {max_bytes}-byte limit; raise it with --max-size")
    return data
