"""The log: check-ins and procedure events per profile, in an embedded SQLite database.

One :class:`Store` is one connection; open it with :func:`open_store` as a
context manager, once per command. Guarantees:

- the data directory is 0700 and the database (and its ``-wal``/``-shm``) 0600,
  whatever the umask;
- WAL journal, a busy timeout (a locked database waits, then fails with a clear
  sentence), foreign keys on, every write in one ``BEGIN IMMEDIATE`` transaction;
- the schema version lives in ``PRAGMA user_version`` and is migrated in order
  (:mod:`milia_cli.store_schema`); a database from a newer milia is refused and
  never modified; a damaged or foreign file is refused, never overwritten or
  repaired;
- the three files are checked before SQLite opens them (:mod:`milia_cli.dbfiles`: special
  files, links, a 0-byte database, a ``-wal`` whose frames do not validate or do not fit);
  ``synchronous = FULL``; a connection that saw damage closes without a checkpoint
  (:mod:`milia_cli.store_conn`);
- every ``sqlite3`` error that escapes becomes a :class:`MiliaError` sentence.

This module imports ``sqlite3``; CLI modules import it inside their commands.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from milia_cli.dbfiles import check_recovered, connection_closed, connection_opened
from milia_cli.errors import MiliaError
from milia_cli.fsutil import ensure_private_dir
from milia_cli.logmodel import CheckIn, Event, Log
from milia_cli.messages import log as msg
from milia_cli.store_changes import ChangesAndPendingMixin, PlannedSteps
from milia_cli.store_conn import create_database
from milia_cli.store_conn import is_damage as _is_damage
from milia_cli.store_conn import read_only_guard as _read_only_guard
from milia_cli.store_conn import tighten_sidecars as _tighten_sidecars
from milia_cli.store_conn import translate as _translate
from milia_cli.store_rows import CHECKIN_COLUMNS as _CHECKIN_COLUMNS
from milia_cli.store_rows import row_to_checkin as _row_to_checkin
from milia_cli.store_schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from milia_cli.store_writes import ImportReport, RowWritesMixin, merge_checkins

if TYPE_CHECKING:
    from milia_cli.store_rows import HistoryRow, IrritationRow

__all__ = ["Store", "ImportReport", "PlannedSteps", "open_store", "merge_checkins", "SCHEMA_VERSION",
           "DEFAULT_TIMEOUT"]

DEFAULT_TIMEOUT = 5.0  # seconds a write waits for another process's lock
_FIRST_DAY, _LAST_DAY = "0000-00-00", "9999-99-99"


def open_store(db_path: str | os.PathLike[str], *, timeout: float | None = None) -> Store:
    """Open (creating and migrating if needed) the log database at ``db_path``; a write
    waits ``timeout`` seconds (default :data:`DEFAULT_TIMEOUT`) for another process's lock.

    Its files are checked first without SQLite (:func:`milia_cli.dbfiles.preflight`): a
    special file, a dangling or foreign link, a truncated database or a ``-wal`` that would
    lose check-ins is refused before SQLite can change anything. A new database is built
    whole under a temporary name and linked into place, so ``milia.db`` is never 0 bytes.
    """
    from milia_cli.dbfiles import preflight

    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    path = Path(db_path)
    ensure_private_dir(path.parent)
    if preflight(path) == "absent":
        create_database(path, timeout, lambda conn: Store(conn, path, timeout)._prepare())
        preflight(path)
    wal, shm = (path.with_name(path.name + s) for s in ("-wal", "-shm"))
    found_sidecars = os.path.lexists(wal) or os.path.lexists(shm)
    try:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise _translate(exc, path, timeout) from None
    connection_opened(path)
    store = Store(conn, path, timeout)
    store._registered = True
    store._found_sidecars = found_sidecars
    try:
        store._prepare()
    except BaseException:
        store._damaged = True  # refused while opening (foreign, missing tables …): leave every byte as it is
        store.close()
        raise
    return store


class Store(RowWritesMixin, ChangesAndPendingMixin):
    """One connection to the log database. Use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path, timeout: float) -> None:
        self._conn = conn
        self.path = path
        self.timeout = timeout
        self._damaged = False  # SQLite said the file is damaged: close without a checkpoint
        self._found_sidecars = True  # a -wal or -shm was there before this connection
        self._registered = False  # counted in dbfiles' connections of this process

    # -- lifecycle --------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close; the last connection checkpoints the -wal into milia.db and removes it (so a copy
        of milia.db alone is the whole log) — except once the file was judged damaged: then a
        read-only connection is held while closing, so no checkpoint can change milia.db or
        its -wal (SQLite checkpoints on close only when no other connection is open, and a
        read-only one never does). Empty sidecars this connection created are still removed."""
        guard = None
        wal = self.path.with_name(self.path.name + "-wal")
        if self._damaged and (self._found_sidecars or (wal.exists() and wal.stat().st_size > 0)):
            guard = _read_only_guard(self.path)  # (sidecars this connection made are left to SQLite to remove)
        try:
            self._conn.close()
        except sqlite3.Error:
            pass
        if guard is not None:
            try:
                guard.close()
            except sqlite3.Error:
                pass
        if self._registered:
            self._registered = False
            connection_closed(self.path)

    @property
    def schema_version(self) -> int:
        with self._sql():
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _prepare(self) -> None:
        conn = self._conn
        with self._sql():
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            self._refuse_foreign_or_newer()  # the first read: SQLite has recovered the -wal now
            check_recovered(self.path)  # … and kept every frame the check before opening found valid
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")  # deleted health data is zeroed, whatever the build's default
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            # FULL: every commit is fsynced to the -wal before milia says "checked in", so an
            # acknowledged day survives a power cut (NORMAL could lose the last ones); README, Reliability
            conn.execute("PRAGMA synchronous = FULL")
            if self._user_version() < SCHEMA_VERSION:
                self._migrate()
            self._refuse_missing_tables()
        _tighten_sidecars(self.path)

    def _user_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _refuse_foreign_or_newer(self) -> None:
        # one statement, so one snapshot: another process may be migrating right now
        version, app_id, tables = self._conn.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), "
            "(SELECT application_id FROM pragma_application_id), "
            "(SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')"
        ).fetchone()
        if app_id not in (0, APPLICATION_ID):
            raise MiliaError(msg.DB_NOT_MILIA.format(path=self.path))
        if version > SCHEMA_VERSION:
            raise MiliaError(msg.DB_NEWER.format(path=self.path, found=version, supported=SCHEMA_VERSION))
        if version == 0 and tables:
            raise MiliaError(msg.DB_NOT_MILIA.format(path=self.path))

    def _refuse_missing_tables(self) -> None:
        """A table of the schema dropped (by hand, or by damage) is refused, never read as empty."""
        have = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in _schema_tables() if t not in have]
        if missing:
            from milia_cli.messages import store as store_msg

            raise MiliaError(store_msg.MISSING_TABLES.format(path=self.path, tables=" and ".join(missing),
                                                              table="table" if len(missing) == 1 else "tables"))

    def _migrate(self) -> None:
        with self._write():
            self._refuse_foreign_or_newer()  # again, under the lock: another process may have migrated
            version = self._user_version()
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    self._conn.execute(statement)
            self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- error handling and transactions ----------------------------------------------
    @contextmanager
    def _sql(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            if _is_damage(exc):
                self._damaged = True
            raise _translate(exc, self.path, self.timeout) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it or none of it. Its last statement bumps ``write_count``
        (schema 3), so every commit in a -wal holds that page and a -wal can be told to continue
        the milia.db beside it (:mod:`milia_cli.walfit`)."""
        with self._sql():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("UPDATE write_count SET n = n + 1")
                self._conn.execute("COMMIT")
            except BaseException:
                try:
                    self._conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                raise

    @overload
    def _profile_id(self, key: str, *, create: Literal[True]) -> int: ...
    @overload
    def _profile_id(self, key: str, *, create: bool = False) -> int | None: ...

    def _profile_id(self, key: str, *, create: bool = False) -> int | None:
        row = self._conn.execute("SELECT id FROM profiles WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return int(row[0])
        if not create:
            return None
        return int(self._conn.execute("INSERT INTO profiles(key) VALUES (?)", (key,)).lastrowid)

    # -- reading ------------------------------------------------------------
    def read_log(self, profile_key: str, first: date | None = None, last: date | None = None) -> Log:
        """Check-ins of ``profile_key`` with ``first <= date <= last`` (each optional) and all its events."""
        with self._sql():
            pid = self._profile_id(profile_key)
            if pid is None:
                return Log()
            rows = self._conn.execute(
                f"SELECT {_CHECKIN_COLUMNS} FROM checkins WHERE profile_id = ? AND day BETWEEN ? AND ? ORDER BY day",
                (pid, _day(first, _FIRST_DAY), _day(last, _LAST_DAY)),
            ).fetchall()
            return Log(checkins=tuple(_row_to_checkin(r) for r in rows), events=self._events(pid),
                       changes=self._changes(pid))

    def read_history(self, profile_key: str, last: date | None = None, *,
                     first: date | None = None) -> tuple[HistoryRow, ...]:
        """Every check-in from ``first`` to ``last`` (each optional), compact, in date order:
        ``(date, all_done, done, skipped, irritation)`` with ``done``/``skipped`` the stored
        space-separated ids. What streaks and titration need of a long log, without a CheckIn each."""
        with self._sql():
            pid = self._profile_id(profile_key)
            if pid is None:
                return ()
            rows = self._conn.execute(
                "SELECT day, all_done, done, skipped, irritation FROM checkins "
                "WHERE profile_id = ? AND day BETWEEN ? AND ? ORDER BY day",
                (pid, _day(first, _FIRST_DAY), _day(last, _LAST_DAY)),
            ).fetchall()
        parse = date.fromisoformat
        return tuple((parse(d), bool(a), done, skipped, irr) for d, a, done, skipped, irr in rows)

    def read_irritations(self, profile_key: str, last: date | None = None, *,
                         first: date | None = None) -> tuple[IrritationRow, ...]:
        """``(date, irritation)`` of every check-in from ``first`` to ``last``, in date order: the
        two columns of :meth:`read_history` titration reads (`today` over ten years)."""
        with self._sql():
            pid = self._profile_id(profile_key)
            if pid is None:
                return ()
            rows = self._conn.execute(
                "SELECT day, irritation FROM checkins WHERE profile_id = ? AND day BETWEEN ? AND ? ORDER BY day",
                (pid, _day(first, _FIRST_DAY), _day(last, _LAST_DAY)),
            ).fetchall()
        parse = date.fromisoformat
        return tuple([(parse(d), irr) for d, irr in rows])

    def iter_checkins(self, profile_key: str) -> Iterator[CheckIn]:
        """Every check-in of ``profile_key`` in date order, one at a time from a cursor (a log of
        any length streams in constant memory; `milia log export`). Use while the store is open."""
        with self._sql():
            pid = self._profile_id(profile_key)
            if pid is None:
                return
            cursor = self._conn.execute(
                f"SELECT {_CHECKIN_COLUMNS} FROM checkins WHERE profile_id = ? ORDER BY day", (pid,))
            for row in cursor:
                yield _row_to_checkin(row)

    def get_checkin(self, profile_key: str, day: date) -> CheckIn | None:
        with self._sql():
            row = self._conn.execute(
                f"SELECT {_CHECKIN_COLUMNS} FROM checkins JOIN profiles ON profiles.id = checkins.profile_id "
                "WHERE profiles.key = ? AND checkins.day = ?",
                (profile_key, day.isoformat()),
            ).fetchone()
        return None if row is None else _row_to_checkin(row)

    def events(self, profile_key: str) -> tuple[Event, ...]:
        with self._sql():
            pid = self._profile_id(profile_key)
            return () if pid is None else self._events(pid)

    def _events(self, pid: int) -> tuple[Event, ...]:
        rows = self._conn.execute(
            "SELECT day, kind, areas, seen_clinician FROM events WHERE profile_id = ? ORDER BY day, kind, areas",
            (pid,),
        ).fetchall()
        return tuple(Event(date.fromisoformat(d), k, tuple(a.split()), bool(s)) for d, k, a, s in rows)

    def profile_keys(self) -> list[str]:
        """Every profile key that has a log here, sorted."""
        with self._sql():
            return [r[0] for r in self._conn.execute("SELECT key FROM profiles ORDER BY key")]

    def plan_history_first(self, profile_key: str, start: date) -> date:
        """The first day whose check-ins a plan starting on ``start`` must read: ``start``, or
        earlier when a pause or stop opened before day 1 may still hold (invariant 10: irritation
        logged on any day counts). From the latest irritation-2-or-3 day before ``start`` (and
        the latest irritation-3 day with no resume after it), walk back to the first trigger of
        its episode: earlier triggers belong to it while no calm check-in (0-1) lies between.
        A few indexed look-ups per episode, whatever the log's length."""
        with self._sql():
            pid = self._profile_id(profile_key)
            if pid is None:
                return start
            sql = self._conn.execute

            def latest_trigger(before: str, level: int) -> str | None:
                # `irritation >= 2` selects the partial index checkins_irritated (schema 4); one
                # seek per value (irritation is 0-3): a range of values made SQLite walk the
                # whole log back when no such day exists (a million days without an irritation 3)
                days = [sql("SELECT max(day) FROM checkins WHERE profile_id = ? AND irritation >= 2 "
                            "AND irritation = ? AND day < ?", (pid, value, before)).fetchone()[0]
                        for value in range(max(level, 2), 4)]
                return max((d for d in days if d is not None), default=None)

            def episode_start(day: str) -> str:
                for _ in range(1000):  # bounded: each turn moves to an earlier trigger
                    prev = latest_trigger(day, 2)
                    if prev is None:
                        return day
                    calm = sql("SELECT 1 FROM checkins WHERE profile_id = ? AND day > ? AND day < ? "
                               "AND irritation <= 1 LIMIT 1", (pid, prev, day)).fetchone()
                    if calm is not None:
                        return day
                    day = prev
                return day

            before = start.isoformat()
            firsts = []
            trigger = latest_trigger(before, 2)
            if trigger is not None:
                firsts.append(episode_start(trigger))
            severe = latest_trigger(before, 3)
            if severe is not None and sql("SELECT 1 FROM events WHERE profile_id = ? AND kind = 'resume' "
                                          "AND day >= ? LIMIT 1", (pid, severe)).fetchone() is None:
                firsts.append(episode_start(severe))
            return date.fromisoformat(min(firsts)) if firsts else start

    def counts(self, profile_key: str) -> tuple[int, int]:
        """(check-ins, events) logged for ``profile_key``."""
        with self._sql():
            pid = self._profile_id(profile_key)
            if pid is None:
                return (0, 0)
            return self._counts(pid)

    def _counts(self, pid: int) -> tuple[int, int]:
        c = self._conn.execute("SELECT count(*) FROM checkins WHERE profile_id = ?", (pid,)).fetchone()[0]
        e = self._conn.execute("SELECT count(*) FROM events WHERE profile_id = ?", (pid,)).fetchone()[0]
        return int(c), int(e)

    def integrity_check(self) -> list[str]:
        """Problems found by ``PRAGMA integrity_check`` and ``foreign_key_check`` (empty: healthy)."""
        with self._sql():
            rows = [r[0] for r in self._conn.execute("PRAGMA integrity_check")]
            problems = [] if rows == ["ok"] else rows
            for table, rowid, parent, _ in self._conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid} points to a missing {parent}")
        return problems

# -- helpers ----------------------------------------------------------------
def _day(value: date | None, default: str) -> str:
    return default if value is None else value.isoformat()


def _schema_tables() -> list[str]:
    """The tables the migrations create (and do not drop or rename again), in order."""
    import re

    tables: list[str] = []
    pattern = r"\b(CREATE TABLE|DROP TABLE|ALTER TABLE)\s+(?:IF (?:NOT )?EXISTS\s+)?(\w+)(?:\s+RENAME\s+TO\s+(\w+))?"
    for script in MIGRATIONS:
        for verb, name, renamed in re.findall(pattern, script, re.I):
            verb = verb.upper()
            if verb.startswith("CREATE"):
                tables.append(name)
            elif verb.startswith("DROP") and name in tables:
                tables.remove(name)
            elif renamed and name in tables:
                tables[tables.index(name)] = renamed
    return tables


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


# -- profile identity (issue 12 item 12; see milia_cli.identity) ----------------------
def claim_profile_key(store: Store, old: str | None, new: str, then: Any) -> tuple[int, int]:
    """Give the log kept under ``old`` (a client's name, before ids) to ``new`` (its first
    id) and run ``then()`` (which writes that id into the file) in the same transaction:
    the file and the log move together or not at all. Returns the (check-ins, events)
    taken over; (0, 0) when ``old`` has no log, is None, or ``new`` already has one."""
    with store._write():
        pid = store._profile_id(old) if old else None
        counts = (0, 0)
        if pid is not None and store._profile_id(new) is None:
            counts = store._counts(pid)
            store._conn.execute("UPDATE profiles SET key = ? WHERE id = ?", (new, pid))
        then()
    return counts
