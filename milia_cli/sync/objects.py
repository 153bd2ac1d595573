"""The plan as CalDAV calendar objects, and the operations that make a calendar hold exactly
them (pure: no network, no clock).

One object per series (RFC 4791: one UID per resource, no METHOD), with the zone's VTIMEZONE.
An object's *digest* hashes it without DTSTAMP and SEQUENCE: a sync writes an object only
when its digest differs from what milia remembers writing, so an unchanged plan makes no
change at all; an updated object gets a SEQUENCE above the one it had.

A synced calendar keeps its past: series that ended before ``first`` are neither sent nor
deleted, and series that run past ``first`` keep their earlier occurrences.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from milia_cli.records import NamedTuple
from milia_cli.sync.state import Remembered


class Wanted(NamedTuple):
    uid: str
    summary: str
    first: date
    last: date
    digest: str
    event: Any  # the icalendar VEVENT, without DTSTAMP/SEQUENCE
    vtimezone: Any


class Operation(NamedTuple):
    kind: str  # "create" | "update" | "delete"
    uid: str
    href: str  # the object's path on the server
    summary: str
    first: str
    last: str
    sequence: int
    if_match: str | None  # the ETag milia wrote; None: If-None-Match: * (create)
    wanted: Wanted | None  # None for a delete


def wanted_objects(events: list, vtimezone) -> dict[str, Wanted]:
    """``plan_events(...)`` triples as :class:`Wanted`, by UID."""
    out = {}
    for uid, event, last in events:
        digest = hashlib.sha256(object_bytes(event, vtimezone)).hexdigest()
        out[uid] = Wanted(uid, str(event.get("summary")), event.decoded("dtstart").date(), last, digest,
                          event, vtimezone)
    return out


def object_bytes(event, vtimezone, stamp=None, sequence: int | None = None) -> bytes:
    """One calendar object: VCALENDAR (no METHOD) with the VTIMEZONE and one VEVENT."""
    import copy

    from icalendar import Calendar

    from milia_cli import __version__
    from milia_cli.messages import export as export_msg

    cal = Calendar()
    cal.add("prodid", export_msg.ICS_PRODID.format(version=__version__))
    cal.add("version", "2.0")
    cal.add_component(vtimezone)
    stamped = copy.deepcopy(event)
    if stamp is not None:
        stamped.add("dtstamp", stamp)
        stamped.add("sequence", sequence)
    cal.add_component(stamped)
    return cal.to_ical()


def href_for(calendar_url: str, uid: str) -> str:
    """The object's path: the calendar's path + the UID's hash part + ``.ics`` (milia chooses it)."""
    return urlsplit(urljoin(calendar_url, uid.split("@", 1)[0] + ".ics")).path


def reconcile(remembered: dict[str, Remembered], listing: dict[str, str | None]) -> dict[str, Remembered]:
    """What milia remembers, corrected by what the calendar holds (``listing``: path -> ETag):
    an object no longer there is forgotten (it is written again if the plan has it); an
    object whose request was in flight when a sync died is adopted as the server has it."""
    out = {}
    for uid, entry in remembered.items():
        if entry.href not in listing:
            continue
        etag = listing[entry.href]
        if entry.pending:
            if etag != entry.etag:  # our request got through, or we cannot tell: rewrite it
                entry = entry._replace(etag=etag, digest=None)
            entry = entry._replace(pending=False)
        elif entry.etag is None:  # the server gave no ETag when milia wrote it
            entry = entry._replace(etag=etag)
        out[uid] = entry
    return out


def operations(wanted: dict[str, Wanted], remembered: dict[str, Remembered], calendar_url: str,
               first: date, sequence: int) -> tuple[list[Operation], int]:
    """The creates, updates and deletes that make the calendar hold ``wanted`` (and the number
    of objects left unchanged). Only remembered objects are ever updated or deleted."""
    ops: list[Operation] = []
    unchanged = 0
    for uid, want in sorted(wanted.items(), key=lambda item: (item[1].first, item[0])):
        entry = remembered.get(uid)
        span = (want.first.isoformat(), want.last.isoformat())
        if entry is None:
            ops.append(Operation("create", uid, href_for(calendar_url, uid), want.summary, *span, sequence,
                                 None, want))
        elif entry.digest != want.digest:
            ops.append(Operation("update", uid, entry.href, want.summary, *span,
                                 max(sequence, entry.sequence + 1), entry.etag, want))
        else:
            unchanged += 1
    for uid, entry in sorted(remembered.items()):
        if uid in wanted:
            continue
        if date.fromisoformat(entry.last) < first:  # the calendar's past: keep it as it is
            unchanged += 1
            continue
        ops.append(Operation("delete", uid, entry.href, entry.summary, entry.first, entry.last, entry.sequence,
                             entry.etag, None))
    return ops, unchanged
