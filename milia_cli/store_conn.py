"""How the store opens and closes its connection, and what it says when SQLite fails.

Split from :mod:`milia_cli.store` (which keeps the reads and writes): creating a new
database whole (:func:`create_database`), the read-only guard that keeps a damaged
database from being checkpointed on close, and :func:`translate` — one sentence for
any ``sqlite3`` error.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from milia_cli.errors import MiliaError
from milia_cli.fsutil import reason
from milia_cli.messages import log as msg

__all__ = ["create_database", "read_only_guard", "is_damage", "translate", "tighten_sidecars"]


def create_database(path: Path, timeout: float, prepare: Callable[[sqlite3.Connection], None]) -> None:
    """A new, migrated database at ``path``, made under a temp name and hard-linked into place
    (another milia creating it at the same moment wins; its database is used)."""
    import tempfile

    from milia_cli.fsutil import _fsync_dir

    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise MiliaError(msg.DB_CANT_OPEN.format(path=path, detail=reason(exc), directory=path.parent)) from None
    try:
        os.fchmod(fd, 0o600)
        os.close(fd)
        try:
            conn = sqlite3.connect(name, timeout=timeout, isolation_level=None)
            try:
                prepare(conn)
            finally:
                conn.close()  # the only connection: checkpointed into the file, its -wal removed
        except sqlite3.Error as exc:
            raise translate(exc, path, timeout) from None
        fd = os.open(name, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(name, path)
        except FileExistsError:
            pass  # another milia made it first
        except OSError:  # no hard links here (some network or FAT file systems)
            if not os.path.lexists(path):
                os.rename(name, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        raise MiliaError(msg.DB_CANT_OPEN.format(path=path, detail=reason(exc), directory=path.parent)) from None
    finally:
        for leftover in (name, name + "-wal", name + "-shm", name + "-journal"):
            try:
                os.unlink(leftover)
            except OSError:
                pass


def tighten_sidecars(path: Path) -> None:
    """SQLite gives ``-wal``/``-shm`` the database's mode; make sure, whatever the umask."""
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        try:
            if side.stat().st_mode & 0o077:
                side.chmod(0o600)
        except OSError:
            pass


_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


def is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    return (isinstance(code, int) and code & 0xFF in (_CORRUPT, _NOTADB)) or "malformed" in text \
        or "not a database" in text


def read_only_guard(path: Path) -> sqlite3.Connection | None:
    """A read-only connection with the database open (its shared lock blocks the checkpoint on close)."""
    from urllib.parse import quote

    try:
        guard = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        guard.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.Error:
        pass
    return guard


def translate(exc: sqlite3.Error, path: Path, timeout: float) -> MiliaError:
    """One sentence for any sqlite3 error."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    detail = str(exc) or type(exc).__name__
    text = detail.lower()
    if primary in (_BUSY, _LOCKED) or "locked" in text:
        return MiliaError(msg.DB_LOCKED.format(path=path, seconds=timeout))
    if primary in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return MiliaError(msg.DB_CORRUPT.format(path=path, detail=detail))
    if primary == _FULL or "disk is full" in text:
        return MiliaError(msg.DB_FULL.format(path=path))
    if primary == _READONLY or "readonly" in text:
        return MiliaError(msg.DB_READ_ONLY.format(path=path, detail=detail, directory=path.parent))
    if primary == _CANTOPEN or "unable to open" in text:
        return MiliaError(msg.DB_CANT_OPEN.format(path=path, detail=detail, directory=path.parent))
    if primary == _IOERR or "disk i/o" in text:
        return MiliaError(msg.DB_IO.format(path=path, detail=detail))
    return MiliaError(msg.DB_OTHER.format(path=path, detail=detail))
