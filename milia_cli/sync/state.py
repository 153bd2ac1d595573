"""What `milia sync caldav` remembers writing: per profile identity, server and calendar, the
objects it created (href, ETag, content digest, SEQUENCE, last day, in-flight mark).

A separate small JSON file (``caldav-sync.json`` in milia's data directory, 0600, replaced
atomically) rather than the log database, so that the sync does not touch the log's schema;
it could move into the database later. Only objects listed here are ever changed or deleted.

An entry is marked ``pending`` before its request is sent and cleared when the server
answered; a sync that dies in between leaves the mark, and the next sync adopts what the
server then holds at that href (milia chose the href, and said it was about to write it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from milia_cli.errors import MiliaError
from milia_cli.messages import sync as msg
from milia_cli.records import NamedTuple

STATE_FILENAME = "caldav-sync.json"
LOCK_FILENAME = "caldav-sync.lock"
STATE_SCHEMA = "milia.caldav-sync/1"


class Remembered(NamedTuple):
    href: str
    etag: str | None
    digest: str | None  # sha256 of the object without DTSTAMP and SEQUENCE; None: unknown
    sequence: int
    last: str  # ISO day of the series' last occurrence
    pending: bool = False
    summary: str = ""
    first: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self._asdict())


def calendar_key(identity: str, url: str, calendar: str) -> str:
    return json.dumps([identity, url.rstrip("/") + "/", calendar], ensure_ascii=False)


class SyncState:
    """The whole file: ``{key: {"calendar_url": str, "objects": {uid: Remembered}}}``."""

    def __init__(self, path: Path, calendars: dict[str, dict[str, Any]]) -> None:
        self.path, self.calendars = path, calendars

    @classmethod
    def load(cls, data_dir: Path) -> SyncState:
        path = data_dir / STATE_FILENAME
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path, {})
        except OSError as exc:
            from milia_cli.fsutil import reason

            raise MiliaError(msg.STATE_UNREADABLE.format(path=path, reason=reason(exc))) from None
        try:
            doc = json.loads(text)
            if doc.get("schema") != STATE_SCHEMA:
                raise ValueError("schema")
            calendars = {}
            for key, cal in doc["calendars"].items():
                objects = {uid: Remembered(**entry) for uid, entry in cal["objects"].items()}
                calendars[key] = {"calendar_url": cal.get("calendar_url"), "objects": objects}
        except (ValueError, KeyError, TypeError, AttributeError):
            raise MiliaError(msg.STATE_CORRUPT.format(path=path)) from None
        return cls(path, calendars)

    def objects(self, key: str) -> dict[str, Remembered]:
        return dict(self.calendars.get(key, {}).get("objects", {}))

    def calendar_url(self, key: str) -> str | None:
        return self.calendars.get(key, {}).get("calendar_url")

    def put(self, key: str, calendar_url: str | None, objects: dict[str, Remembered]) -> None:
        self.calendars[key] = {"calendar_url": calendar_url, "objects": dict(objects)}

    def save(self) -> None:
        from milia_cli.fsutil import atomic_write_text

        doc = {"schema": STATE_SCHEMA, "calendars": {
            key: {"calendar_url": cal["calendar_url"],
                  "objects": {uid: r.to_dict() for uid, r in sorted(cal["objects"].items())}}
            for key, cal in sorted(self.calendars.items())}}
        atomic_write_text(self.path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


class SyncLock:
    """One sync at a time per data directory (``caldav-sync.lock``, ``flock``): two syncs that
    both read the state, write and save would each forget what the other wrote."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_FILENAME
        self.fd: int | None = None

    def __enter__(self) -> SyncLock:
        import os

        from milia_cli.fsutil import ensure_private_dir, reason

        try:
            import fcntl
        except ImportError:  # no flock (Windows): one sync at a time is then up to the user
            return self
        ensure_private_dir(self.path.parent)
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise MiliaError(msg.STATE_UNREADABLE.format(path=self.path, reason=reason(exc))) from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self.fd)
            self.fd = None
            raise MiliaError(msg.BUSY) from None
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.fd is not None:
            import os

            os.close(self.fd)  # closing releases the flock
            self.fd = None
