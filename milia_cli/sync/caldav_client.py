"""The network side of `milia sync caldav`, on the ``caldav`` library.

Find (or create) the calendar by its display name, list its objects' ETags in one PROPFIND,
then PUT and DELETE with preconditions: ``If-None-Match: *`` to create (never overwrite an
object milia did not write), ``If-Match: <the ETag milia wrote>`` to update or delete (never
change what someone edited since). Every failure is one sentence (a :class:`MiliaError`);
what was done before it is remembered, so the next sync does the rest.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from milia_cli.errors import MiliaError
from milia_cli.messages import sync as msg
from milia_cli.records import NamedTuple
from milia_cli.sync.objects import Operation, Wanted, object_bytes, operations, reconcile
from milia_cli.sync.state import Remembered, SyncState

TIMEOUT = 30  # seconds per request
_PROPFIND = (b'<?xml version="1.0" encoding="utf-8"?>'
             b'<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>')
_OK = (200, 201, 204)


class SyncReport(NamedTuple):
    calendar: str
    calendar_url: str | None
    operations: tuple[Operation, ...]
    unchanged: int
    dry_run: bool

    def count(self, kind: str) -> int:
        return sum(1 for op in self.operations if op.kind == kind)


class Target(NamedTuple):
    url: str
    calendar: str
    username: str | None
    password: str | None


def sync_calendar(target: Target, wanted: dict[str, Wanted], state: SyncState, key: str, *, first: date,
                  sequence: int, stamp, dry_run: bool = False,
                  client_factory: Callable[..., Any] | None = None) -> SyncReport:
    """Make the calendar hold exactly ``wanted`` (among the objects milia wrote), or raise."""
    client = _client(target, client_factory)
    try:
        calendar_url = _find_calendar(client, target, state.calendar_url(key), create=not dry_run)
        remembered = state.objects(key)
        if calendar_url is None:  # dry run, no such calendar yet: everything would be created
            ops, unchanged = operations(wanted, {}, urljoin(target.url, "new/"), first, sequence)
            return SyncReport(target.calendar, None, tuple(ops), unchanged, True)
        listing = _listing(client, target, calendar_url)
        remembered = reconcile(remembered, listing)
        ops, unchanged = operations(wanted, remembered, calendar_url, first, sequence)
        report = SyncReport(target.calendar, calendar_url, tuple(ops), unchanged, dry_run)
        if dry_run:
            return report
        for op in ops:  # say what is about to happen before it does
            entry = remembered.get(op.uid)
            remembered[op.uid] = (entry or Remembered(op.href, None, None, op.sequence, op.last)
                                  )._replace(pending=True)
        state.put(key, calendar_url, remembered)
        state.save()
        done = 0
        try:
            for op in ops:
                _apply(client, target, calendar_url, op, remembered, stamp, done)
                done += 1
        finally:
            state.put(key, calendar_url, remembered)
            state.save()
        return report
    finally:
        close = getattr(client, "close", None)
        if close is not None:
            close()


def _client(target: Target, factory: Callable[..., Any] | None) -> Any:
    """A ``caldav.DAVClient`` (or what the tests' ``factory`` makes instead)."""
    try:
        import caldav
    except ImportError:
        raise MiliaError(msg.NO_CALDAV) from None
    # caldav's lazy top level (PEP 562 __getattr__) types every name it hands out as object
    make: Callable[..., Any] = factory or caldav.DAVClient  # type: ignore[assignment]
    return make(url=target.url, username=target.username, password=target.password, timeout=TIMEOUT,
                require_tls=False, enable_rfc6764=False)


def _done(n: int) -> str:
    return msg.DONE_NOTHING if n == 0 else msg.DONE_SOME.format(n=n, s="" if n == 1 else "s")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    for hint in ("Connection refused", "Name or service not known", "timed out", "No route to host",
                 "certificate verify failed", "Temporary failure in name resolution"):
        if hint.lower() in text.lower():
            return hint.lower()
    return text.splitlines()[0][:160]


def _translate(exc: BaseException, target: Target, what: str, done: int) -> MiliaError:
    """One sentence for a library or network exception."""
    from caldav.lib import error as dav_error

    status = getattr(exc, "status", None)
    if isinstance(exc, dav_error.AuthorizationError) or status in (401, 403):
        if status == 403 or "forbidden" in str(getattr(exc, "reason", "")).lower():
            return MiliaError(msg.FORBIDDEN.format(url=target.url, what=what))
        return MiliaError(msg.UNAUTHORIZED.format(url=target.url))
    if isinstance(exc, dav_error.DAVError):
        reason = getattr(exc, "reason", "") or ""
        reason = "" if str(reason).strip().lower() in ("no reason", "none") else reason
        return MiliaError(msg.SERVER_ERROR.format(url=target.url, status=status or "error",
                                                  reason=f": {reason}" if reason else "", what=what,
                                                  done=_done(done)))
    return MiliaError(msg.NETWORK.format(url=target.url, reason=_reason(exc), done=_done(done)))


def _guard(target: Target, what: str, done: int, call: Callable[[], Any]) -> Any:
    try:
        return call()
    except MiliaError:
        raise
    except Exception as exc:  # the library's and the HTTP stack's errors: one sentence each
        raise _translate(exc, target, what, done) from None


def _find_calendar(client, target: Target, remembered_url: str | None, *, create: bool) -> str | None:
    def find() -> str | None:
        principal = client.principal()
        calendars = principal.calendars()
        by_url = {str(c.url): c for c in calendars}
        if remembered_url in by_url and by_url[remembered_url].get_display_name() == target.calendar:
            return remembered_url
        for cal in calendars:
            if cal.get_display_name() == target.calendar:
                return str(cal.url)
        if not create:
            return None
        return str(principal.make_calendar(name=target.calendar).url)

    return _guard(target, msg.WHAT_CALENDAR, 0, find)


def _listing(client, target: Target, calendar_url: str) -> dict[str, str | None]:
    """``{path: ETag}`` of the calendar's objects (one PROPFIND, depth 1)."""
    response = _guard(target, msg.WHAT_CALENDAR, 0, lambda: client.propfind(calendar_url, _PROPFIND, depth=1))
    _check_status(response, target, None, msg.WHAT_CALENDAR, 0, expect=(207,))
    raw = getattr(response, "raw", b"")
    tree = ET.fromstring(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
    base = urlsplit(calendar_url).path
    out: dict[str, str | None] = {}
    for resp in tree.iter("{DAV:}response"):
        href = resp.findtext("{DAV:}href") or ""
        path = unquote(urlsplit(urljoin(calendar_url, href)).path)
        if path.rstrip("/") == base.rstrip("/"):
            continue
        etag = None
        for propstat in resp.iter("{DAV:}propstat"):
            if "200" in (propstat.findtext("{DAV:}status") or ""):
                etag = propstat.findtext("{DAV:}prop/{DAV:}getetag") or etag
        out[path] = etag
    return out


def _check_status(response, target: Target, op: Operation | None, what: str, done: int,
                  expect: tuple[int, ...] = _OK) -> None:
    status = getattr(response, "status", 200)
    if status in expect:
        return
    reason = getattr(response, "reason", "") or ""
    reason = f" {reason}" if reason and not str(reason).isdigit() else ""
    if status == 401:
        raise MiliaError(msg.UNAUTHORIZED.format(url=target.url))
    if status == 403:
        raise MiliaError(msg.FORBIDDEN.format(url=target.url, what=what))
    if status == 412 and op is not None and op.kind == "create":
        raise MiliaError(msg.EXISTS.format(summary=op.summary, done=_done(done)))
    if status == 412 and op is not None:
        raise MiliaError(msg.PRECONDITION.format(summary=op.summary, done=_done(done)))
    if op is not None and 400 <= status < 500:
        raise MiliaError(msg.REJECTED.format(summary=op.summary, status=status, reason=reason, done=_done(done)))
    raise MiliaError(msg.SERVER_ERROR.format(url=target.url, status=status, reason=reason, what=what,
                                             done=_done(done)))


def _apply(client, target: Target, calendar_url: str, op: Operation, remembered: dict[str, Remembered],
           stamp, done: int) -> None:
    url = urljoin(calendar_url, op.href)
    what = repr(op.summary)
    if op.kind == "delete":
        headers = {"If-Match": op.if_match} if op.if_match else {}
        response = _guard(target, what, done, lambda: client.delete(url, headers=headers))
        if getattr(response, "status", 200) != 404:  # already gone: nothing to do
            _check_status(response, target, op, what, done)
        remembered.pop(op.uid, None)
        return
    want = op.wanted
    assert want is not None  # only a delete has none
    body = object_bytes(want.event, want.vtimezone, stamp, op.sequence).decode("utf-8")
    headers = {"Content-Type": "text/calendar; charset=utf-8"}
    if op.kind == "create":
        headers["If-None-Match"] = "*"
    elif op.if_match:
        headers["If-Match"] = op.if_match
    response = _guard(target, what, done, lambda: client.put(url, body, headers))
    _check_status(response, target, op, what, done)
    etag = (getattr(response, "headers", None) or {}).get("ETag")
    remembered[op.uid] = Remembered(op.href, etag, want.digest, op.sequence, op.last, pending=False,
                                    summary=op.summary, first=op.first)
