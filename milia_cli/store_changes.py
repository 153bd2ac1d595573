"""The revision-2 half of the log store: dated profile changes (B13) and check-ins still
held as "all" (invariant 12).

:class:`ChangesAndPendingMixin` is mixed into :class:`milia_cli.store.Store`; it uses the
store's connection, transactions (``_sql``/``_write``) and profile ids. The store never
plans: turning a day held as "all" into ids takes a :data:`PlannedSteps` from the caller
(``milia_cli.checkin.planned_steps``), called inside the write transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, overload

from milia_cli.errors import MiliaError
from milia_cli.logmodel import Log, ProfileChange
from milia_cli.messages import log as msg

if TYPE_CHECKING:
    import sqlite3
    from contextlib import AbstractContextManager

    from milia_cli.logmodel import Event

# (the profile's log as it stands, the days to resolve) -> the step ids planned on each day
PlannedSteps = Callable[[Log, "tuple[date, ...]"], Mapping[date, Iterable[str]]]


class StoreMixin:
    """The base of the store's halves mixed into :class:`~milia_cli.store.Store`: what they
    use of it (its connection, transactions and profile ids), declared for the type checker."""

    _conn: Any

    if TYPE_CHECKING:  # the Store's, which a half is mixed into
        def _sql(self) -> AbstractContextManager[None]: ...

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

        @overload
        def _profile_id(self, key: str, *, create: Literal[True]) -> int: ...
        @overload
        def _profile_id(self, key: str, *, create: bool = False) -> int | None: ...
        def _profile_id(self, key: str, *, create: bool = False) -> int | None: ...

        def _counts(self, pid: int) -> tuple[int, int]: ...

        def _events(self, pid: int) -> tuple[Event, ...]: ...


class ChangesAndPendingMixin(StoreMixin):
    """Methods of :class:`~milia_cli.store.Store` for profile changes and "all" days."""

    def changes(self, profile_key: str) -> tuple[ProfileChange, ...]:
        """The dated profile changes of ``profile_key`` (B13), by date then key."""
        with self._sql():
            pid = self._profile_id(profile_key)
            return () if pid is None else self._changes(pid)

    def _changes(self, pid: int) -> tuple[ProfileChange, ...]:
        rows = self._conn.execute(
            "SELECT day, key, old, new FROM profile_changes WHERE profile_id = ? ORDER BY day, key", (pid,)
        ).fetchall()
        if not rows:
            return ()
        from milia_cli.store_json import value_from_json  # json only when there are changes

        return tuple(ProfileChange(date.fromisoformat(d), k, value_from_json(o), value_from_json(n))
                     for d, k, o, n in rows)

    def pending_all_days(self, profile_key: str) -> tuple[date, ...]:
        """Days of ``profile_key`` still stored as "all" (schema-1 rows, or imported without a
        :data:`PlannedSteps`), waiting for their planned ids. One partial-index probe."""
        with self._sql():
            pid = self._profile_id(profile_key)
            if pid is None:
                return ()
            rows = self._conn.execute(
                "SELECT day FROM checkins INDEXED BY checkins_pending_all WHERE profile_id = ? AND all_done = 1 "
                "ORDER BY day", (pid,)
            ).fetchall()
        return tuple(date.fromisoformat(r[0]) for r in rows)

    def record_change(self, profile_key: str, *changes: ProfileChange) -> bool:
        """Log dated profile changes (B13), in order, in one transaction. A second change of the
        same key on the same day keeps the first ``old`` and takes the new ``new``; one that
        ends where the day began removes the day's record (the pure rule:
        :func:`milia_cli.profile_changes.merged_change`). True if a record was added or changed."""
        with self._write():
            pid = self._profile_id(profile_key, create=True)
            return self._insert_changes(pid, changes, keep_old=True) > 0

    def resolve_pending_all(self, profile_key: str, planned: PlannedSteps) -> int:
        """Store the planned step ids for every day still held as "all" (invariant 12), in one
        transaction; returns how many days were rewritten. ``planned`` does the planning."""
        with self._write():
            pid = self._profile_id(profile_key)
            return 0 if pid is None else self._resolve_pending(pid, planned)

    def _resolve_pending(self, pid: int, planned: PlannedSteps) -> int:
        rows = self._conn.execute(
            "SELECT day, skipped FROM checkins INDEXED BY checkins_pending_all "
            "WHERE profile_id = ? AND all_done = 1 ORDER BY day", (pid,)
        ).fetchall()
        if not rows:
            return 0
        days = tuple(date.fromisoformat(d) for d, _ in rows)
        from milia_cli.store_json import STEP_IDS  # not on `today`'s path: only when something is pending
        from milia_cli.store_rows import CHECKIN_COLUMNS, row_to_checkin

        log_rows = self._conn.execute(
            f"SELECT {CHECKIN_COLUMNS} FROM checkins WHERE profile_id = ? ORDER BY day", (pid,)
        ).fetchall()
        log = Log(tuple(row_to_checkin(r) for r in log_rows), self._events(pid), self._changes(pid))
        ids = planned(log, days)
        updates = []
        for (day_text, skipped), day in zip(rows, days, strict=True):
            skip = frozenset(skipped.split())
            done = frozenset(ids.get(day, ())) - skip
            unknown = sorted(done - STEP_IDS)
            if unknown:  # the planner's ids are the log's ids; a mismatch is refused, not stored
                raise MiliaError(msg.BAD_STEP.format(value=unknown[0], steps=", ".join(sorted(STEP_IDS))))
            updates.append((" ".join(sorted(done)), pid, day_text))
        self._conn.executemany(
            "UPDATE checkins SET all_done = 0, done = ? WHERE profile_id = ? AND day = ? AND all_done = 1", updates
        )
        return len(updates)

    def _insert_changes(self, pid: int, changes: Any, *, keep_old: bool) -> int:
        """Insert dated changes; the same (day, key) is replaced (``keep_old``: keeps its ``old``,
        and a change back to that ``old`` on the same day removes the record)."""
        if not changes:
            return 0
        from milia_cli.store_json import value_to_json

        before = self._conn.total_changes
        for c in changes:
            day, old, new = c.date.isoformat(), value_to_json(c.old), value_to_json(c.new)
            row = self._conn.execute(
                "SELECT old, new FROM profile_changes WHERE profile_id = ? AND day = ? AND key = ?", (pid, day, c.key)
            ).fetchone()
            if row is None and old == new:
                continue  # not a change
            if row is not None and keep_old:
                old = row[0]
            if row is not None and (row[0], row[1]) == (old, new):
                continue
            if row is not None and keep_old and old == new:
                self._conn.execute("DELETE FROM profile_changes WHERE profile_id = ? AND day = ? AND key = ?",
                                   (pid, day, c.key))
                continue
            self._conn.execute(
                "INSERT INTO profile_changes(profile_id, day, key, old, new) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(profile_id, day, key) DO UPDATE SET old = excluded.old, new = excluded.new",
                (pid, day, c.key, old, new),
            )
        return self._conn.total_changes - before
