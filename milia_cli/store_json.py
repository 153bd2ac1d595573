"""The Log JSON format (``milia.log/1`` of SPEC.md): encode, and validate-then-decode.

Encoding is deterministic (check-ins by date, events by date/kind/areas, changes
by date/key, step ids sorted), so exporting an unchanged log twice gives identical
bytes, and ``decode(encode(log)) == log``. Revision 2 added, all optional on import:
a check-in's ``count`` (bumps seen today, in total), ``resume`` events
(``{"date", "kind": "resume", "seen_clinician"}``) and ``changes`` (dated profile
changes, B13: ``{"date", "key", "old", "new"}``). Export writes step ids, never
``"all"`` (a day still waiting for its planned ids is the one exception). Decoding checks the whole document before
returning anything; the first problem becomes one sentence naming where it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from milia_cli.errors import MiliaError
from milia_cli.logmodel import EVENT_KINDS, CheckIn, Event, Log, ProfileChange
from milia_cli.messages import log as msg
from milia_cli.records import NamedTuple

LOG_SCHEMA = "milia.log/1"
MAX_NOTE = 2000  # characters
MAX_BUMPS = 10_000
_STEPS = ("cleanse", "remove-makeup", "exfoliate", "retinol", "moisturize", "eye-cream", "sunscreen", "makeup")
_SLOTS = ("am", "pm")
STEP_IDS = frozenset(f"{slot}:{step}" for slot in _SLOTS for step in _STEPS)
_CHECKIN_KEYS = ("date", "done", "skipped", "irritation", "count", "bumps", "note", "picked")
_EVENT_KEYS = ("date", "kind", "areas", "seen_clinician")
_CHANGE_KEYS = ("date", "key", "old", "new")
_TOP_KEYS = ("schema", "profile", "name", "checkins", "events", "changes")  # "name": the person's, or null
MAX_CHANGE_KEY = 100


# -- field checks shared with the CLI ------------------------------------------
def note_problem(note: str) -> str | None:
    """Why ``note`` cannot be stored, or None. Newlines and tabs are fine."""
    if len(note) > MAX_NOTE:
        return msg.NOTE_TOO_LONG.format(length=len(note), limit=MAX_NOTE)
    for ch in note:
        code = ord(ch)
        if (code < 32 and ch not in "\n\t") or 0x7F <= code < 0xA0 or ch in "\u2028\u2029" or 0xD800 <= code < 0xE000:
            return msg.NOTE_CONTROL.format(char=f"U+{code:04X}")
    return None


def irritation_ok(value: Any) -> bool:
    return value is None or (type(value) is int and 0 <= value <= 3)


def bumps_ok(value: Any) -> bool:
    return value is None or (type(value) is int and 0 <= value <= MAX_BUMPS)


def checkin_problem(ci: CheckIn) -> str | None:
    """Why ``ci`` cannot be stored (a finished sentence), or None."""
    for step in ci.done | ci.skipped:
        if step not in STEP_IDS:
            return msg.BAD_STEP.format(value=step, steps=", ".join(_STEPS))
    both = ci.done & ci.skipped
    if both:
        return msg.STEP_DONE_AND_SKIPPED.format(step=min(both))
    if not irritation_ok(ci.irritation):
        return msg.BAD_IRRITATION.format(value=ci.irritation)
    if not bumps_ok(ci.bumps):
        return msg.BAD_BUMPS.format(value=ci.bumps, limit=MAX_BUMPS)
    if not bumps_ok(ci.count):
        return msg.BAD_COUNT.format(value=ci.count, limit=MAX_BUMPS)
    if ci.note is not None:
        return note_problem(ci.note)
    return None


def event_problem(ev: Event) -> str | None:
    """Why ``ev`` cannot be stored, or None."""
    if ev.kind not in EVENT_KINDS:
        return msg.BAD_KIND.format(value=ev.kind, allowed=", ".join(EVENT_KINDS))
    if ev.kind == "resume" and ev.areas:
        return msg.RESUME_NO_AREAS
    if ev.seen_clinician and ev.kind != "resume":
        return msg.SEEN_ONLY_ON_RESUME
    return None


# -- values of dated profile changes (stored as JSON text) ---------------------------
def value_to_json(value: Any) -> str:
    """A profile value (str, bool, int, date, tuple of str, None) as compact JSON text."""
    import json

    if isinstance(value, tuple):
        value = list(value)
    elif isinstance(value, date):
        value = value.isoformat()
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def value_from_json(text: str) -> Any:
    import json

    value = json.loads(text)
    return tuple(value) if isinstance(value, list) else value


# -- encode ------------------------------------------------------------------
def checkin_to_dict(ci: CheckIn) -> dict[str, Any]:
    return {
        "date": ci.date.isoformat(),
        "done": "all" if ci.all_done else sorted(ci.done),
        "skipped": sorted(ci.skipped),
        "irritation": ci.irritation,
        "count": ci.count,
        "bumps": ci.bumps,
        "note": ci.note,
        "picked": ci.picked,
    }


def event_to_dict(ev: Event) -> dict[str, Any]:
    if ev.kind == "resume":
        return {"date": ev.date.isoformat(), "kind": ev.kind, "seen_clinician": ev.seen_clinician}
    return {"date": ev.date.isoformat(), "kind": ev.kind, "areas": list(ev.areas)}


def event_sort_key(ev: Event) -> tuple:
    return (ev.date, ev.kind, ev.areas)


def change_to_dict(change: ProfileChange) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        return list(value) if isinstance(value, tuple) else value.isoformat() if isinstance(value, date) else value

    return {"date": change.date.isoformat(), "key": change.key, "old": plain(change.old), "new": plain(change.new)}


def change_sort_key(change: ProfileChange) -> tuple:
    return (change.date, change.key)


_NO_NAME: Any = object()


def log_to_dict(profile_key: str, log: Log, name: str | None = _NO_NAME) -> dict[str, Any]:
    """The ``milia.log/1`` document; ``name`` (the person's name, None if unknown) follows
    ``profile`` when given, as in every JSON output (issue 13)."""
    head: dict[str, Any] = {"schema": LOG_SCHEMA, "profile": profile_key}
    if name is not _NO_NAME:
        head["name"] = name
    return {
        **head,
        "checkins": [checkin_to_dict(c) for c in sorted(log.checkins, key=lambda c: c.date)],
        "events": [event_to_dict(e) for e in sorted(log.events, key=event_sort_key)],
        "changes": [change_to_dict(c) for c in sorted(log.changes, key=change_sort_key)],
    }


# -- decode ------------------------------------------------------------------
class LogDocument(NamedTuple):
    profile: str
    checkins: tuple[CheckIn, ...]
    events: tuple[Event, ...]
    changes: tuple[ProfileChange, ...] = ()


def _shown(value):
    """A value from the file as JSON writes it (``true``, ``"x"``), never a Python repr (issue 12, 13)."""
    from milia_cli.safe_text import json_text

    return json_text(value)


def _list_of(obj: dict, key: str) -> list:
    """The document's ``key`` list (absent: empty), or the one sentence saying it is not a list."""
    items = obj.get(key, [])
    if not isinstance(items, list):
        raise _Bad(key, msg.J_NOT_LIST.format(found=_kind(items)))
    return items


class _Bad(Exception):
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(problem)
        self.where, self.problem = where, problem


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(value), "a number"
    )


def _obj(value: Any, where: str, keys: tuple[str, ...], required: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        raise _Bad(where, msg.J_NOT_OBJECT.format(found=_kind(value)))
    for key in value:
        if key not in keys:
            raise _Bad(where, msg.J_UNKNOWN_KEY.format(key=key, allowed=", ".join(keys)))
    for key in required:
        if key not in value:
            raise _Bad(where, msg.J_MISSING.format(key=key))
    return value


def _date(value: Any, where: str) -> date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _Bad(where, msg.J_BAD_DATE.format(value=_shown(value)))


def _steps(value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list):
        raise _Bad(where, msg.J_NOT_LIST.format(found=_kind(value)))
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, str) or item not in STEP_IDS:
            raise _Bad(where, msg.J_BAD_STEP.format(value=_shown(item)))
        if item in seen:
            raise _Bad(where, msg.J_DUP_STEP.format(value=_shown(item)))
        seen.add(item)
    return frozenset(seen)


def _checkin(value: Any, where: str) -> CheckIn:
    obj = _obj(value, where, _CHECKIN_KEYS, ("date",))
    day = _date(obj["date"], f"{where}.date")
    where = f"check-in {day.isoformat()}"
    raw_done = obj.get("done", [])
    all_done = raw_done == "all"
    if isinstance(raw_done, str) and not all_done:
        raise _Bad(f"{where}.done", msg.J_BAD_DONE.format(found=repr(raw_done)))
    done = frozenset() if all_done else _steps(raw_done, f"{where}.done")
    skipped = _steps(obj.get("skipped", []), f"{where}.skipped")
    if done & skipped:
        raise _Bad(where, msg.J_BOTH.format(value=_shown(min(done & skipped))))
    irritation = obj.get("irritation")
    if not irritation_ok(irritation):
        raise _Bad(f"{where}.irritation", msg.J_BAD_IRRITATION.format(value=_shown(irritation)))
    bumps = obj.get("bumps")
    if not bumps_ok(bumps):
        raise _Bad(f"{where}.bumps", msg.J_BAD_BUMPS.format(value=_shown(bumps), limit=MAX_BUMPS))
    count = obj.get("count")
    if not bumps_ok(count):
        raise _Bad(f"{where}.count", msg.J_BAD_COUNT.format(value=_shown(count), limit=MAX_BUMPS))
    note = obj.get("note")
    if note is not None:
        if not isinstance(note, str):
            raise _Bad(f"{where}.note", msg.J_BAD_NOTE.format(found=_kind(note)))
        problem = note_problem(note)
        if problem:
            raise _Bad(f"{where}.note", problem.rstrip("."))
    picked = obj.get("picked", False)
    if type(picked) is not bool:
        raise _Bad(f"{where}.picked", msg.J_BAD_BOOL.format(key="picked", value=_shown(picked)))
    return CheckIn(day, done, skipped, all_done, irritation, bumps, note, picked, count)


def _event(value: Any, where: str) -> Event:
    from milia_cli.profile_schema import AREAS

    obj = _obj(value, where, _EVENT_KEYS, ("date", "kind"))
    day = _date(obj["date"], f"{where}.date")
    kind = obj["kind"]
    if kind not in EVENT_KINDS:
        raise _Bad(f"{where}.kind", msg.J_BAD_KIND.format(value=_shown(kind), allowed=", ".join(EVENT_KINDS)))
    seen = obj.get("seen_clinician", False)
    if type(seen) is not bool:
        raise _Bad(f"{where}.seen_clinician", msg.J_BAD_BOOL.format(key="seen_clinician", value=_shown(seen)))
    if kind == "resume":
        if obj.get("areas"):
            raise _Bad(f"{where}.areas", msg.J_RESUME_AREAS)
        return Event(day, kind, (), seen)
    if seen:
        raise _Bad(f"{where}.seen_clinician", msg.J_SEEN_NOT_RESUME)
    areas = obj.get("areas", [])
    if not isinstance(areas, list):
        raise _Bad(f"{where}.areas", msg.J_NOT_LIST.format(found=_kind(areas)))
    for area in areas:
        if not isinstance(area, str) or area not in AREAS:
            raise _Bad(f"{where}.areas", msg.J_BAD_AREA.format(value=_shown(area), allowed=", ".join(AREAS)))
        if areas.count(area) > 1:
            raise _Bad(f"{where}.areas", msg.J_DUP_STEP.format(value=_shown(area)))
    return Event(day, kind, canonical_areas(areas))


def _change(value: Any, where: str) -> ProfileChange:
    obj = _obj(value, where, _CHANGE_KEYS, _CHANGE_KEYS)
    day = _date(obj["date"], f"{where}.date")
    key = obj["key"]
    if not isinstance(key, str) or not 1 <= len(key) <= MAX_CHANGE_KEY or not key.isprintable():
        raise _Bad(f"{where}.key", msg.J_BAD_CHANGE_KEY.format(value=_shown(key)))
    values = []
    for name in ("old", "new"):
        item = obj[name]
        ok = item is None or isinstance(item, (str, bool, int)) or (
            isinstance(item, list) and all(isinstance(v, str) for v in item))
        if not ok or isinstance(item, float):
            raise _Bad(f"{where}.{name}", msg.J_BAD_CHANGE_VALUE.format(key=name, found=_kind(item)))
        if isinstance(item, str) and (problem := note_problem(item)):
            raise _Bad(f"{where}.{name}", problem.rstrip("."))
        values.append(tuple(item) if isinstance(item, list) else item)
    return ProfileChange(day, key, values[0], values[1])


def canonical_areas(areas: Any) -> tuple[str, ...]:
    """Areas in the profile schema's order, each once."""
    from milia_cli.profile_schema import AREAS

    chosen = set(areas)
    return tuple(a for a in AREAS if a in chosen)


def log_from_dict(data: Any, source: str) -> LogDocument:
    """Validate a whole Log JSON document; raise MiliaError naming the first problem."""
    try:
        obj = _obj(data, "the document", _TOP_KEYS, ("schema",))
        if obj["schema"] != LOG_SCHEMA:
            raise _Bad("schema", msg.J_SCHEMA.format(value=_shown(obj["schema"])))
        profile = obj.get("profile", "")
        if not isinstance(profile, str):
            raise _Bad("profile", msg.J_BAD_PROFILE.format(value=_shown(profile)))
        if not isinstance(obj.get("name"), (str, type(None))):  # informative only: never matched
            raise _Bad("name", msg.J_BAD_NAME.format(value=_shown(obj["name"])))
        raw_checkins = _list_of(obj, "checkins")
        checkins: dict[date, CheckIn] = {}
        for i, item in enumerate(raw_checkins):
            ci = _checkin(item, f"checkins[{i}]")
            if ci.date in checkins:
                raise _Bad(f"checkins[{i}]", msg.J_DUP_DATE.format(value=ci.date.isoformat()))
            checkins[ci.date] = ci
        raw_events = _list_of(obj, "events")
        events: dict[tuple, Event] = {}
        for i, item in enumerate(raw_events):
            ev = _event(item, f"events[{i}]")
            old = events.get(event_sort_key(ev))
            events[event_sort_key(ev)] = ev if old is None else ev._replace(seen_clinician=old.seen_clinician
                                                                                or ev.seen_clinician)
        raw_changes = _list_of(obj, "changes")
        changes: dict[tuple, ProfileChange] = {}
        for i, item in enumerate(raw_changes):
            change = _change(item, f"changes[{i}]")
            if change_sort_key(change) in changes:
                raise _Bad(f"changes[{i}]", msg.J_DUP_CHANGE.format(key=change.key, day=change.date.isoformat()))
            changes[change_sort_key(change)] = change
    except _Bad as bad:
        raise MiliaError(msg.IMPORT_BAD.format(file=source, where=bad.where, problem=bad.problem)) from None
    return LogDocument(
        profile=profile,
        checkins=tuple(sorted(checkins.values(), key=lambda c: c.date)),
        events=tuple(sorted(events.values(), key=event_sort_key)),
        changes=tuple(sorted(changes.values(), key=change_sort_key)),
    )
