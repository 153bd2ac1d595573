"""The writing half of the log store: check-ins, events and whole Log documents in, a
profile's log out.

:class:`RowWritesMixin` is mixed into :class:`milia_cli.store.Store` (as
:class:`~milia_cli.store_changes.ChangesAndPendingMixin` is); it uses the store's connection,
its one-transaction ``_write`` and its profile ids. Every row is checked with the Log JSON
format's own field checks before it is written (:mod:`milia_cli.store_json`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from milia_cli.errors import MiliaError
from milia_cli.logmodel import CheckIn, Event
from milia_cli.messages import log as msg
from milia_cli.records import NamedTuple
from milia_cli.store_changes import StoreMixin
from milia_cli.store_rows import CHECKIN_COLUMNS as _CHECKIN_COLUMNS
from milia_cli.store_rows import row_to_checkin as _row_to_checkin

if TYPE_CHECKING:

    from milia_cli.store_changes import PlannedSteps
    from milia_cli.store_json import LogDocument


class ImportReport(NamedTuple):
    added: int  # days that were not in the log
    replaced: int  # days that were, now replaced by the file's version
    events_added: int  # events not already logged
    changes_added: int = 0  # dated profile changes not already logged (same day and key: replaced)


def merge_checkins(old: CheckIn | None, new: CheckIn) -> CheckIn:
    """``new`` recorded on top of ``old`` (same day): what a later flag check-in means.

    Steps accumulate (``--done am:cleanse`` in the morning, ``--done pm:retinol``
    at night); a later ``--skip`` of a step un-does it and vice versa; ``--all``
    marks everything done except what it skips; values given replace old ones.
    """
    if old is None:
        return new
    done: frozenset[str]
    if new.all_done:
        done, skipped, all_done = frozenset(), new.skipped, True
    else:
        done = (old.done - new.skipped) | new.done
        skipped = (old.skipped - new.done) | new.skipped
        all_done = old.all_done
    return CheckIn(
        date=new.date,
        done=done,
        skipped=skipped,
        all_done=all_done,
        irritation=new.irritation if new.irritation is not None else old.irritation,
        bumps=new.bumps if new.bumps is not None else old.bumps,
        note=new.note if new.note is not None else old.note,
        picked=old.picked or new.picked,
        count=new.count if new.count is not None else old.count,
    )


class RowWritesMixin(StoreMixin):
    """Methods of :class:`~milia_cli.store.Store` that write rows."""

    if TYPE_CHECKING:  # ChangesAndPendingMixin's, beside which this is mixed into the Store
        def _insert_changes(self, pid: int, changes: Any, *, keep_old: bool) -> int: ...

        def _resolve_pending(self, pid: int, planned: PlannedSteps) -> int: ...

        def read_log(self, profile_key: str, first: date | None = None, last: date | None = None) -> Any: ...

    def save_checkin(self, profile_key: str, checkin: CheckIn) -> bool:
        """Record ``checkin`` as the whole of its day (insert or replace). True if the day was new."""
        _check(checkin, new=True)
        with self._write():
            pid = self._profile_id(profile_key, create=True)
            existed = self._has_day(pid, checkin.date)
            self._upsert(pid, [checkin])
        return not existed

    def merge_checkin(self, profile_key: str, checkin: CheckIn) -> CheckIn:
        """Record ``checkin`` on top of what the day already holds (:func:`merge_checkins`).

        Read and write happen in one locked transaction, so concurrent check-ins of
        the same day from several processes all land. Returns the stored day.
        """
        _check(checkin, new=True)
        with self._write():
            pid = self._profile_id(profile_key, create=True)
            row = self._conn.execute(
                f"SELECT {_CHECKIN_COLUMNS} FROM checkins WHERE profile_id = ? AND day = ?",
                (pid, checkin.date.isoformat()),
            ).fetchone()
            merged = merge_checkins(None if row is None else _row_to_checkin(row), checkin)
            _check(merged)
            self._upsert(pid, [merged])
        return merged

    def add_event(self, profile_key: str, event: Event) -> bool:
        """Log a procedure or a resume; False if the same one (day, kind, areas) is already logged
        (a resume given again with ``seen_clinician`` records that; it is never taken back)."""
        _check_event(event)
        with self._write():
            pid = self._profile_id(profile_key, create=True)
            return self._insert_events(pid, [event]) == 1

    def import_log(self, profile_key: str, data: Any, *, source: str = "the log", force: bool = False,
                   planned: PlannedSteps | None = None) -> ImportReport:
        """Merge a Log JSON document by date: validated whole first, then one transaction.

        Days given as ``"done": "all"`` are stored as the ids ``planned`` returns for them, in
        the same transaction, from the log as it stands after the import; without ``planned``
        they wait as "all" for :meth:`resolve_pending_all`."""
        from milia_cli.store_json import log_from_dict

        doc: LogDocument = log_from_dict(data, source)
        if doc.profile and doc.profile != profile_key and not force:
            raise MiliaError(msg.IMPORT_OTHER_PROFILE.format(file=source, found=doc.profile, want=profile_key))
        with self._write():
            pid = self._profile_id(profile_key, create=True)
            existing = {r[0] for r in self._conn.execute("SELECT day FROM checkins WHERE profile_id = ?", (pid,))}
            replaced = sum(1 for c in doc.checkins if c.date.isoformat() in existing)
            self._upsert(pid, doc.checkins)
            events_added = self._insert_events(pid, doc.events)
            changes_added = self._insert_changes(pid, doc.changes, keep_old=False)
            if planned is not None:
                self._resolve_pending(pid, planned)
        return ImportReport(added=len(doc.checkins) - replaced, replaced=replaced, events_added=events_added,
                            changes_added=changes_added)

    def export_log(self, profile_key: str) -> dict[str, Any]:
        """The whole log of ``profile_key`` as a ``milia.log/1`` document (deterministic)."""
        from milia_cli.store_json import log_to_dict

        return log_to_dict(profile_key, self.read_log(profile_key))

    def delete_profile_log(self, profile_key: str) -> tuple[int, int]:
        """Remove every check-in and event of ``profile_key``; returns how many of each."""
        with self._write():
            pid = self._profile_id(profile_key)
            if pid is None:
                return (0, 0)
            counts = self._counts(pid)
            self._conn.execute("DELETE FROM profiles WHERE id = ?", (pid,))  # cascades
        return counts

    def _has_day(self, pid: int, day: date) -> bool:
        return (
            self._conn.execute(
                "SELECT 1 FROM checkins WHERE profile_id = ? AND day = ?", (pid, day.isoformat())
            ).fetchone()
            is not None
        )

    def _upsert(self, pid: int, checkins: Any) -> None:
        self._conn.executemany(
            "INSERT INTO checkins(profile_id, day, all_done, done, skipped, irritation, bumps, note, picked, count) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(profile_id, day) DO UPDATE SET all_done = excluded.all_done, done = excluded.done, "
            "skipped = excluded.skipped, irritation = excluded.irritation, bumps = excluded.bumps, "
            "note = excluded.note, picked = excluded.picked, count = excluded.count",
            [
                (
                    pid, c.date.isoformat(), int(c.all_done), " ".join(sorted(c.done)), " ".join(sorted(c.skipped)),
                    c.irritation, c.bumps, c.note, int(c.picked), c.count,
                )
                for c in checkins
            ],
        )

    def _insert_events(self, pid: int, events: Any) -> int:
        from milia_cli.store_json import event_sort_key

        before = self._conn.total_changes
        ordered = sorted(events, key=event_sort_key)
        self._conn.executemany(
            "INSERT OR IGNORE INTO events(profile_id, day, kind, areas, seen_clinician) VALUES (?, ?, ?, ?, ?)",
            [(pid, e.date.isoformat(), e.kind, " ".join(e.areas), int(e.seen_clinician)) for e in ordered],
        )
        added = self._conn.total_changes - before
        # a resume given again with seen_clinician records that the clinician saw it (never taken back)
        self._conn.executemany(
            "UPDATE events SET seen_clinician = 1 WHERE profile_id = ? AND day = ? AND kind = 'resume' "
            "AND seen_clinician = 0",
            [(pid, e.date.isoformat()) for e in ordered if e.kind == "resume" and e.seen_clinician],
        )
        return added


def _check(checkin: CheckIn, *, new: bool = False) -> None:
    from milia_cli.store_json import checkin_problem  # the Log JSON format's own field checks

    if new and checkin.all_done:  # invariant 12: the caller resolves the day's planned ids
        raise MiliaError(msg.STORE_ALL_REFUSED.format(date=checkin.date))
    problem = checkin_problem(checkin)
    if problem:
        raise MiliaError(problem)


def _check_event(event: Event) -> None:
    from milia_cli.store_json import event_problem

    problem = event_problem(event)
    if problem:
        raise MiliaError(problem)
