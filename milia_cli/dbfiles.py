"""The log database's files, checked before SQLite opens them (so a refusal changes nothing).

:func:`preflight` looks at ``milia.db``, ``milia.db-wal`` and ``milia.db-shm`` with
plain system calls and raises a one-sentence :class:`MiliaError` for anything SQLite
would block on, silently lose data from, or write through:

- a FIFO, device, socket or directory in any of the three places (opened with
  ``O_NONBLOCK`` and checked with ``fstat``: nothing ever blocks on it);
- a symbolic link that points nowhere (a log that existed is never planned as an
  empty one, nor re-created through the link), or a file owned by another user
  (health data is never written into someone else's file);
- a 0-byte ``milia.db``: milia creates a database whole under a temporary name
  and links it into place (:func:`milia_cli.store.open_store`), so an empty one
  means the file was truncated, never "a new log";
- a ``-wal`` without its database, or a ``-wal`` whose frames do not validate
  (:mod:`milia_cli.wal`): SQLite would drop committed check-ins without a word;
- a ``-wal`` left by a process that died (no other process has the database open)
  that does not continue the database beside it — e.g. an older ``milia.db`` restored
  next to a newer ``-wal``: the write counter milia keeps in the database file
  alone must be where the ``-wal``'s first commit started, or one of its commits
  (:mod:`milia_cli.walfit`).

It returns ``"absent"`` (no database yet: a reading command plans an empty log,
a writing one creates it) or ``"present"``. It never writes to any of the files.
After SQLite's first read, :func:`check_recovered` compares the frame count SQLite
recovered (``-shm``) with the valid frames found here.

POSIX locks belong to a process, and closing *any* descriptor of a file drops all of
them — SQLite's included. So this module never closes a descriptor of ``-shm`` it
opened, and reads ``milia.db``'s header through a descriptor held until the last
connection of this process closes (the store registers its connections); it is safe
to call while a :class:`~milia_cli.store.Store` is open.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from milia_cli.errors import MiliaError
from milia_cli.fsutil import reason
from milia_cli.messages import store as msg
from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    from milia_cli.wal import WalReport
    from milia_cli.walfit import Marker

__all__ = ["DbFiles", "db_files", "preflight", "log_exists", "check_recovered"]

_EUID = os.geteuid() if hasattr(os, "geteuid") else None  # no owners to compare on Windows
_NONBLOCK = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_SHM_DMS_BYTE = 128  # os_unix.c: every open SQLite connection holds a read lock on this byte of -shm
_KINDS = (
    (stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISLNK, "a symbolic link"),
)


class DbFiles(NamedTuple):
    db: Path
    wal: Path
    shm: Path


def db_files(path: Path) -> DbFiles:
    return DbFiles(path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _stat(path: Path, files: DbFiles) -> os.stat_result | None:
    """The file at ``path`` (links followed), or None if there is none; refuses the unusable."""
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise MiliaError(msg.CANT_CHECK.format(path=path, reason=reason(exc))) from None
    st = link
    if stat.S_ISLNK(link.st_mode):
        try:
            st = os.stat(path)
        except OSError:
            raise MiliaError(msg.DANGLING_LINK.format(path=path, target=os.readlink(path))) from None
    if not stat.S_ISREG(st.st_mode):
        raise MiliaError(msg.NOT_REGULAR.format(path=path, kind=_kind(st.st_mode)))
    if _EUID is not None and st.st_uid != _EUID:
        owner = _owner(st.st_uid)
        where = f"{path} (a link to {os.path.realpath(path)})" if stat.S_ISLNK(link.st_mode) else str(path)
        raise MiliaError(msg.FOREIGN_OWNER.format(path=where, owner=owner))
    return st


def _owner(uid: int) -> str:
    try:
        import pwd

        return f"{pwd.getpwuid(uid).pw_name} (uid {uid})"
    except (ImportError, KeyError):
        return f"uid {uid}"


def _open_regular(path: Path, *, missing_ok: bool = False) -> int | None:
    """An O_RDONLY|O_NONBLOCK descriptor of ``path``, checked with fstat (no race with a swap to a
    FIFO); None if it is gone and ``missing_ok``."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise MiliaError(msg.CANT_CHECK.format(path=path, reason="no such file or directory")) from None
    except OSError as exc:
        raise MiliaError(msg.CANT_CHECK.format(path=path, reason=reason(exc))) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise MiliaError(msg.NOT_REGULAR.format(path=path, kind=_kind(mode)))
    return fd


def log_exists(path: Path) -> bool:
    """Whether a reading command has a log to read at ``path``: False only when there is truly
    none yet (then an empty log is right); raises when one is there but unusable."""
    return preflight(path) == "present"


def preflight(path: Path) -> str:
    """Check the database's three files without SQLite (module docstring): ``"absent"`` or
    ``"present"``; raises :class:`MiliaError` with one sentence otherwise."""
    files = db_files(Path(path))
    # the -wal first: milia never removes a milia.db, so a -wal seen before a missing milia.db
    # is a real orphan; the other order races a first check-in creating both (issue 12, item 7)
    wal_st = _stat(files.wal, files)
    db_st = _stat(files.db, files)
    _stat(files.shm, files)
    if db_st is None:
        if wal_st is not None and wal_st.st_size > 0:
            raise MiliaError(msg.ORPHAN_WAL.format(path=files.db, wal=files.wal))
        return "absent"
    if wal_st is not None and _stat(files.wal, files) is None:
        wal_st = None  # another milia's last connection just checkpointed and removed it
    if db_st.st_size == 0:
        raise MiliaError(msg.EMPTY_DB.format(path=files.db))
    _check_header(files.db, _read_header(files.db))
    if wal_st is not None and wal_st.st_size > 0:
        seen = (str(files.db), db_st.st_ino, db_st.st_size, db_st.st_mtime_ns,
                wal_st.st_ino, wal_st.st_size, wal_st.st_mtime_ns)
        if seen not in _verified:  # a command checks before reading and again on opening: once is enough
            _check_wal(files)
            _verified.add(seen)
    return "present"


_verified: set[tuple] = set()  # (database, -wal) states this process found whole, unchanged since

# Databases this process has an SQLite connection to (milia_cli.store registers them). Closing any
# descriptor of a file drops every POSIX lock the process holds on it, SQLite's included, so
# while one is open the header is read through a descriptor that stays open until it closes.
_connected: dict[str, list] = {}  # realpath -> [open connections, held descriptor or None]


def connection_opened(path: Path) -> None:
    _connected.setdefault(os.path.realpath(path), [0, None])[0] += 1


def connection_closed(path: Path) -> None:
    entry = _connected.get(os.path.realpath(path))
    if entry is None:
        return
    entry[0] -= 1
    if entry[0] <= 0:
        del _connected[os.path.realpath(path)]
        if entry[1] is not None:
            os.close(entry[1])  # SQLite closed its own: no lock of this process left on the file


def _read_header(db: Path) -> bytes:
    entry = _connected.get(os.path.realpath(db))
    held = entry is not None
    fd = entry[1] if entry is not None else None
    if fd is None:
        fd = _open_regular(db)
        assert fd is not None
        if entry is not None:
            entry[1] = fd
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 100)
    except OSError as exc:
        raise MiliaError(msg.CANT_CHECK.format(path=db, reason=reason(exc))) from None
    finally:
        if not held:
            os.close(fd)


def _check_header(path: Path, header: bytes) -> None:
    from milia_cli.messages import log as log_msg
    from milia_cli.store_schema import SCHEMA_VERSION, classify_header_bytes

    kind, version = classify_header_bytes(header)
    if kind in ("short", "not-sqlite", "empty"):
        raise MiliaError(log_msg.DB_CORRUPT.format(path=path, detail="it does not start with an SQLite header"))
    if kind == "foreign":
        raise MiliaError(log_msg.DB_NOT_MILIA.format(path=path))
    if kind == "newer":
        raise MiliaError(log_msg.DB_NEWER.format(path=path, found=version, supported=SCHEMA_VERSION))


def _rescue(files: DbFiles) -> str:
    """The one command that keeps a copy of everything, for the messages."""
    import shlex

    names = " ".join(shlex.quote(str(p)) for p in files if os.path.lexists(p))
    return msg.RESCUE.format(files=names)


def _read_wal(files: DbFiles, marker: Marker | None = None) -> WalReport | None:
    from milia_cli.wal import FIRST_COMMIT, inspect_wal
    from milia_cli.walfit import counter_in_page

    fd = _open_regular(files.wal, missing_ok=True)  # the last connection of another milia may just have removed it
    if fd is None:
        return None
    try:
        if marker is None:
            return inspect_wal(fd)
        return inspect_wal(fd, watch=FIRST_COMMIT if marker.page is None else marker.page, decode=counter_in_page)
    except OSError as exc:
        raise MiliaError(msg.CANT_CHECK.format(path=files.wal, reason=reason(exc))) from None
    finally:
        os.close(fd)


def _check_wal(files: DbFiles) -> None:
    from milia_cli.walfit import misfit, read_marker

    # a -wal nobody holds (its process died) must continue this very milia.db (milia_cli.walfit);
    # a live one is SQLite's to coordinate, and changes under us. Our own connections are live too
    # (F_GETLK does not show this process's locks), and read_marker's immutable connection closes
    # its descriptor of milia.db, which would drop their POSIX locks (module docstring).
    ours = os.path.realpath(files.db) in _connected
    marker = None if ours or _in_use(files.shm) else read_marker(files.db)
    report = _read_wal(files, marker)
    if report is not None and report.damaged and _in_use(files.shm):
        # another milia is writing: a read that raced its restart of the file looks broken;
        # damage is what reads the same twice
        again = _read_wal(files, marker)
        report = report if again == report else None
    if report is None:
        return
    if _in_use(files.shm):
        _expected.pop(str(files.db), None)
    else:
        _expected[str(files.db)] = (report.salts, report.valid)
    if report.damaged:
        raise MiliaError(msg.WAL_DAMAGED.format(
            wal=files.wal, detail=report.problem, dropped=report.dropped, rescue=_rescue(files)))
    if report.valid and marker is not None and not _in_use(files.shm):
        problem = misfit(marker, report)
        if problem:
            raise MiliaError(msg.WAL_MISMATCH.format(
                path=files.db, wal=files.wal, detail=problem, rescue=_rescue(files)))


_expected: dict[str, tuple[bytes, int]] = {}  # database -> (its -wal's salts, the frames SQLite must recover)


def check_recovered(path: Path) -> None:
    """After SQLite's first read of ``path``: refuse if it recovered fewer frames of the -wal
    than the check before opening found valid (the frame count dropped on open)."""
    expected = _expected.pop(str(path), None)
    if expected is None:  # no -wal was there before opening: nothing to compare (and no wal import)
        return
    from milia_cli.wal import recovered_frames

    files = db_files(Path(path))
    fd = _shm_fd(files.shm)  # never a fresh fd closed again: that would drop our SQLite locks on -shm
    if fd is None:
        return
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        header = os.read(fd, 48)
    except OSError:
        return
    salts, valid = expected
    got = recovered_frames(header, salts)
    # another live process may have written frames it has not published in -shm yet: only a
    # drop with nobody else holding the database is SQLite discarding frames
    if got is not None and got < valid and not _in_use(files.shm):
        raise MiliaError(msg.WAL_DROPPED.format(wal=files.wal, got=got, valid=valid, rescue=_rescue(files)))


# -shm descriptors, kept open for the life of the process: POSIX locks belong to the process and
# closing *any* descriptor of a file drops all of them, so closing one while an SQLite connection
# of this process has -shm open would release its locks (another process would then reset -shm
# under our memory map). Keyed by path and inode; one per -shm file this process looked at.
_held: dict[tuple[str, int], int] = {}


def _shm_fd(shm: Path) -> int | None:
    try:
        st = os.stat(shm)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    key = (os.path.realpath(shm), st.st_ino)
    fd = _held.get(key)
    if fd is None:
        try:
            fd = _held[key] = os.open(shm, os.O_RDONLY | _NONBLOCK)
        except OSError:
            return None
    return fd


def _in_use(shm: Path) -> bool:
    """Whether another process has the database open (it holds a read lock on -shm's DMS byte).

    Unknown counts as in use: then the WAL is live, SQLite coordinates, nothing to check."""
    if not os.path.lexists(shm):
        return False
    import fcntl
    import struct

    fd = _shm_fd(shm)
    if fd is None:
        return True
    try:
        # struct flock on Linux: l_type, l_whence (short), l_start, l_len (off_t), l_pid (pid_t)
        query = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, _SHM_DMS_BYTE, 1, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
        return struct.unpack("hhqqi4x", answer)[0] != fcntl.F_UNLCK
    except (OSError, ImportError, struct.error, ValueError):
        return True
