"""The log database as a command sees it (``State.open_store``): the :class:`~milia_cli.store.Store`,
with two guarantees wrapped around it rather than written into it.

- **No stored value bricks a later command** (issue 12, item 4): every read drops the
  check-ins, events and changes dated outside :mod:`milia_cli.dates`'s range and reports
  them once (a warning naming them), so the planner never sees a date it cannot add
  weeks to. ``event remove`` deletes such an event.
- **An interruption tells the truth** (item 10): a write runs with Ctrl-C (and SIGTERM)
  held until the store has returned and milia has noted what it stored; the signal
  is then raised, and the one exit point says what was stored instead of "nothing was
  changed".

Everything else is passed through to the Store unchanged.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from milia_cli.logmodel import CheckIn, Event, Log
    from milia_cli.store import Store

    _StoreInterface = Store  # to a type checker, a GuardedStore is the Store it passes through to
else:
    _StoreInterface = object

HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def open_read_only(path: Path, timeout: float | None, err: Exception) -> Store:
    """The log, read-only, when the normal open failed because nothing may be written where it
    lives (a read-only filesystem or directory): ``today``, ``plan``, ``stats`` and ``log export``
    still work there, and any write fails with the store's own read-only sentence.

    SQLite cannot open a WAL database read-only without creating its ``-shm``; with no ``-wal``
    (or an empty one: every commit is in the file) the file is opened immutable, which is exact
    because nothing can write there. With a non-empty ``-wal`` it is opened ``mode=ro``, which
    works only if the ``-shm`` exists; otherwise ``err`` stands — a log missing its last commits
    is never shown as the log. Anything else re-raises ``err``."""
    import os
    import sqlite3
    from urllib.parse import quote

    from milia_cli.messages.log import DB_CANT_OPEN, DB_READ_ONLY
    from milia_cli.store import DEFAULT_TIMEOUT, SCHEMA_VERSION, Store
    from milia_cli.store_schema import APPLICATION_ID

    # only "cannot write / cannot open there": a database the store judged damaged, foreign or newer
    # stays refused, read-only or not
    said = str(err)
    if not said.startswith(tuple(t.split("{", 1)[0] for t in (DB_READ_ONLY, DB_CANT_OPEN))):
        raise err
    if not path.is_file() or os.access(path.parent, os.W_OK):
        raise err
    wal = path.with_name(path.name + "-wal")
    try:
        pending = wal.stat().st_size > 0
    except FileNotFoundError:
        pending = False
    except OSError:
        raise err from None
    uri = f"file:{quote(str(path))}?mode=ro" + ("" if pending else "&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        version, app_id = conn.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), "
            "(SELECT application_id FROM pragma_application_id)").fetchone()
    except sqlite3.Error:
        raise err from None
    if version != SCHEMA_VERSION or app_id not in (0, APPLICATION_ID):
        conn.close()
        raise err
    return Store(conn, path, DEFAULT_TIMEOUT if timeout is None else timeout)


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold SIGINT/SIGTERM for the block, then raise KeyboardInterrupt if one came.

    Only in the main thread (the only one Python delivers signals to); elsewhere a no-op."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {}
    for signum in HELD_SIGNALS:
        try:
            previous[signum] = signal.signal(signum, lambda n, _frame: pending.append(n))
        except (ValueError, OSError):  # pragma: no cover - an embedding that forbids it
            pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if pending:
            raise KeyboardInterrupt


class GuardedStore(_StoreInterface):
    """A :class:`Store` whose reads skip out-of-range rows and whose writes record what they stored."""

    def __init__(self, store: Store, on_skipped: Callable[[str, list[str]], None],
                 on_stored: Callable[[str], None]) -> None:
        self._store, self._on_skipped, self._on_stored = store, on_skipped, on_stored

    def __enter__(self) -> GuardedStore:
        self._store.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._store.__exit__(*exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    # -- reads (any signature the Store has: they pass arguments through) ----------------------
    def read_log(self, profile_key: str, *args: Any, **kwargs: Any) -> Log:
        from milia_cli.dates import usable_log

        log, bad = usable_log(self._store.read_log(profile_key, *args, **kwargs))
        if bad:
            self._on_skipped(profile_key, bad)
        return log

    def read_history(self, profile_key: str, *args: Any, **kwargs: Any) -> tuple[tuple, ...]:
        from milia_cli.dates import usable_rows

        rows, bad = usable_rows(self._store.read_history(profile_key, *args, **kwargs))
        if bad:
            self._on_skipped(profile_key, bad)
        return rows

    def read_irritations(self, profile_key: str, *args: Any, **kwargs: Any) -> tuple[tuple, ...]:
        from milia_cli.dates import usable_rows

        rows, bad = usable_rows(self._store.read_irritations(profile_key, *args, **kwargs))
        if bad:
            self._on_skipped(profile_key, bad)
        return rows

    def events(self, profile_key: str, *args: Any, **kwargs: Any) -> tuple[Event, ...]:
        from milia_cli.dates import in_range

        events = self._store.events(profile_key, *args, **kwargs)
        bad = [f"{e.kind} {e.date}" for e in events if not in_range(e.date)]
        if bad:
            self._on_skipped(profile_key, bad)
            events = tuple(e for e in events if in_range(e.date))
        return events

    def all_events(self, profile_key: str) -> tuple[Event, ...]:
        """Every stored event, those outside the range too (``event list`` shows them to remove)."""
        return self._store.events(profile_key)

    # -- writes ------------------------------------------------------------------
    def _stored(self, what: str, write: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with interrupts_held():
            result = write(*args, **kwargs)
            self._on_stored(what)
        return result

    def save_checkin(self, profile_key: str, checkin: CheckIn, *args: Any, **kwargs: Any) -> Any:
        return self._stored(f"the check-in of {checkin.date}", self._store.save_checkin, profile_key, checkin,
                            *args, **kwargs)

    def merge_checkin(self, profile_key: str, checkin: CheckIn, *args: Any, **kwargs: Any) -> Any:
        return self._stored(f"the check-in of {checkin.date}", self._store.merge_checkin, profile_key, checkin,
                            *args, **kwargs)

    def add_event(self, profile_key: str, event: Event, *args: Any, **kwargs: Any) -> Any:
        return self._stored(f"the {event.kind} of {event.date}", self._store.add_event, profile_key, event,
                            *args, **kwargs)

    def import_log(self, profile_key: str, data: Any, *args: Any, **kwargs: Any) -> Any:
        return self._stored("the imported log", self._store.import_log, profile_key, data, *args, **kwargs)

    def delete_profile_log(self, profile_key: str, *args: Any, **kwargs: Any) -> Any:
        return self._stored(f"the deletion of the log of {profile_key!r}", self._store.delete_profile_log,
                            profile_key, *args, **kwargs)

    def remove_events(self, profile_key: str, day: date, kind: str | None = None) -> tuple[Event, ...]:
        """Delete the events of ``profile_key`` on ``day`` (only those of ``kind`` if given),
        whatever their date; returns what was removed. Uses ``Store.remove_events`` once the
        store has one; until then the same one transaction through the store's own helpers."""
        own = getattr(self._store, "remove_events", None)
        if own is not None:
            return self._stored(f"the removal of the events of {day}", own, profile_key, day, kind)
        return self._stored(f"the removal of the events of {day}", self._remove_events, profile_key, day, kind)

    def _remove_events(self, profile_key: str, day: date, kind: str | None) -> tuple[Event, ...]:
        store = self._store
        removed = tuple(e for e in store.events(profile_key) if e.date == day and kind in (None, e.kind))
        if not removed:
            return ()
        with store._write() as conn:  # noqa: SLF001 - one transaction, the store's own
            pid = store._profile_id(profile_key)  # noqa: SLF001
            sql = "DELETE FROM events WHERE profile_id = ? AND day = ?"
            params: tuple = (pid, day.isoformat())
            if kind is not None:
                sql, params = sql + " AND kind = ?", params + (kind,)
            conn.execute(sql, params)
        return removed
