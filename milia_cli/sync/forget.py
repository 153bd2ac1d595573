"""What `profile delete` does with the CalDAV sync's memory (``caldav-sync.json``) of the
profile: the calendars and events milia remembers writing for it are health-related data
(which nights a person uses retinol), so they go with the log.

- the log is deleted (``--yes`` or confirmed), or the profile has none: its entries are removed
  from the state file — under the sync's lock (``caldav-sync.lock``), replaced atomically, 0600;
- the log is kept (``--keep-log``, or "no" at the question): the entries are kept too, so a
  profile re-created under that name syncs on into the same calendars.

Either way one line says which. The events themselves stay on the server: milia only forgets
them (deleting a person's calendar is for the person to do).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from milia_cli.errors import MiliaError
from milia_cli.messages import sync as msg

if TYPE_CHECKING:
    from milia_cli.paths import Locations


def _keys_of(calendars: dict, identity: str) -> list[str]:
    """The state's calendar keys (``[identity, url, calendar]`` as JSON) of ``identity``."""
    out = []
    for key in calendars:
        try:
            owner = json.loads(key)[0]
        except (ValueError, IndexError, KeyError, TypeError):
            continue
        if owner == identity:
            out.append(key)
    return out


def forget_on_delete(locations: Locations, identity: str, *, with_log: bool, timeout: float | None = None) -> str:
    """Remove (or keep, see the module) the sync state of ``identity``; the one line to say so,
    or "" when the state holds nothing of it. Raises (before anything is deleted) only when a
    sync is running; a state file that cannot be read is left alone, with a line saying so."""
    from milia_cli.sync.state import STATE_FILENAME, SyncLock, SyncState

    path = locations.data_dir / STATE_FILENAME
    if not path.exists():
        return ""
    try:
        state = SyncState.load(locations.data_dir)
    except MiliaError as err:
        return msg.FORGET_UNREADABLE.format(path=path, problem=err.message.rstrip("."))
    keys = _keys_of(state.calendars, identity)
    if not keys:
        return ""
    if not with_log:
        from milia_cli.home import log_size

        if log_size(locations, identity, timeout=timeout) != (0, 0):  # the log stays: so does its calendar memory
            return msg.KEPT_STATE.format(name=identity, n=len(keys), s="" if len(keys) == 1 else "s", path=path)
    with SyncLock(locations.data_dir):  # a sync running now would save what it read, undoing this
        state = SyncState.load(locations.data_dir)  # as it is under the lock
        keys = _keys_of(state.calendars, identity)
        events = sum(len(state.calendars[k].get("objects", {})) for k in keys)
        for key in keys:
            del state.calendars[key]
        state.save()
    return msg.FORGOT_STATE.format(name=identity, n=len(keys), s="" if len(keys) == 1 else "s", events=events,
                                   path=path)
