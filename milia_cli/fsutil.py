"""Private, atomic file handling.

Health data lives in these files, so directories are 0700 and files 0600, and a
write is never visible half-done: temp file in the same directory, fsync,
rename over the old one, fsync the directory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from milia_cli.errors import MiliaError
from milia_cli.messages import common as msg

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def reason(exc: OSError) -> str:
    """A short human reason for an OS error (no traceback, no errno soup)."""
    return exc.strerror.lower() if exc.strerror else str(exc)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents as 0700; leave existing ones alone."""
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        for directory in reversed(missing):
            directory.mkdir(mode=PRIVATE_DIR, exist_ok=True)
            os.chmod(directory, PRIVATE_DIR)  # mkdir's mode is filtered by the umask
    except OSError as exc:
        raise MiliaError(msg.MKDIR_FAILED.format(path=path, reason=reason(exc))) from None
    return path


def atomic_write_bytes(path: Path, data: bytes, mode: int = PRIVATE_FILE) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file."""
    atomic_write_chunks(path, (data,), mode)


def atomic_write_chunks(path: Path, chunks: Iterable[bytes], mode: int = PRIVATE_FILE) -> int:
    """Like :func:`atomic_write_bytes` for data that comes in pieces (an export streamed from a
    cursor): written to the temp file as they come, renamed into place only when all are in.
    Returns the bytes written. A MiliaError raised by ``chunks`` leaves ``path`` as it was."""
    import tempfile

    directory = path.parent
    ensure_private_dir(directory)
    tmp_name = None
    written = 0
    try:
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        try:
            os.fchmod(fd, mode)
            for chunk in chunks:
                view = memoryview(chunk)
                while view:
                    n = os.write(fd, view)
                    view = view[n:]
                    written += n
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(directory)
    except OSError as exc:
        raise MiliaError(msg.WRITE_FAILED.format(path=path, reason=reason(exc))) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return written


def open_regular(path: Path) -> BinaryIO:
    """``open(path, "rb")`` that never blocks: opened ``O_NONBLOCK`` and checked with ``fstat``;
    a FIFO, device, socket or directory raises OSError ("it is a named pipe (FIFO), not a
    regular file") instead of waiting for a writer that may never come."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a directory" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode)
                    else "a socket" if stat.S_ISSOCK(mode) else "a device")
            raise OSError(0, f"it is {kind}, not a regular file", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def atomic_write_text(path: Path, text: str, mode: int = PRIVATE_FILE) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def widened_mode_warning(path: Path, want: int) -> str | None:
    """A warning sentence if ``path`` grants more than ``want`` to group/others."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None
    if mode & 0o077 & ~want:
        return msg.WIDENED_MODE.format(path=path, mode=mode, want=want)
    return None


def disk_is_full(directory: Path) -> bool:
    """Is the filesystem holding ``directory`` out of space (or of inodes) for this user?
    SQLite reports a -shm it cannot grow as "disk I/O error"; this tells the two apart."""
    try:
        fs = os.statvfs(directory)
    except (OSError, AttributeError):
        return False
    return fs.f_bavail == 0 or (fs.f_files > 0 and fs.f_favail == 0)


@contextmanager
def directory_lock(directory: Path, *, create: bool = False) -> Iterator[None]:
    """Serialise every change of the profile files in ``directory`` across processes:
    `profile set`, `profile delete`, `init` and the first-use id all take it.

    ``flock`` on the directory itself, so no lock file is ever left behind. A folder
    that does not exist has nothing to protect (``create``: make it, 0700, first).
    """
    import fcntl
    import os

    if create:
        ensure_private_dir(directory)
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except (FileNotFoundError, NotADirectoryError):
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
