"""The Log JSON format (``milia.log/1`` of SPEC.md): encode, and validate-then-decode.

Encoding is deterministic (check-ins by date, events by date/kind/areas, step
ids sorted), so exporting an unchanged log twice gives identical bytes, and
``decode(encode(log)) == log``. Decoding checks the whole document before
returning anything; the first problem becomes one sentence naming where it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from milia_cli.errors import MiliaError
from milia_cli.logmodel import PROCEDURE_KINDS, CheckIn, Event, Log
from milia_cli.messages import log as msg

LOG_SCHEMA = "milia.log/1"
MAX_NOTE = 2000  # characters
MAX_BUMPS = 10_000
_STEPS = ("cleanse", "remove-makeup", "exfoliate", "retinol", "moisturize", "eye-cream", "sunscreen", "makeup")
_SLOTS = ("am", "pm")
STEP_IDS = frozenset(f"{slot}:{step}" for slot in _SLOTS for step in _STEPS)
_CHECKIN_KEYS = ("date", "done", "skipped", "irritation", "bumps", "note", "picked")
_EVENT_KEYS = ("date", "kind", "areas")
_TOP_KEYS = ("schema", "profile", "checkins", "events")


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
    if ci.note is not None:
        return note_problem(ci.note)
    return None


# -- encode ------------------------------------------------------------------
def checkin_to_dict(ci: CheckIn) -> dict[str, Any]:
    return {
        "date": ci.date.isoformat(),
        "done": "all" if ci.all_done else sorted(ci.done),
        "skipped": sorted(ci.skipped),
        "irritation": ci.irritation,
        "bumps": ci.bumps,
        "note": ci.note,
        "picked": ci.picked,
    }


def event_to_dict(ev: Event) -> dict[str, Any]:
    return {"date": ev.date.isoformat(), "kind": ev.kind, "areas": list(ev.areas)}


def event_sort_key(ev: Event) -> tuple:
    return (ev.date, ev.kind, ev.areas)


def log_to_dict(profile_key: str, log: Log) -> dict[str, Any]:
    return {
        "schema": LOG_SCHEMA,
        "profile": profile_key,
        "checkins": [checkin_to_dict(c) for c in sorted(log.checkins, key=lambda c: c.date)],
        "events": [event_to_dict(e) for e in sorted(log.events, key=event_sort_key)],
    }


# -- decode ------------------------------------------------------------------
class LogDocument(NamedTuple):
    profile: str
    checkins: tuple[CheckIn, ...]
    events: tuple[Event, ...]


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
    raise _Bad(where, msg.J_BAD_DATE.format(value=value))


def _steps(value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list):
        raise _Bad(where, msg.J_NOT_LIST.format(found=_kind(value)))
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, str) or item not in STEP_IDS:
            raise _Bad(where, msg.J_BAD_STEP.format(value=item))
        if item in seen:
            raise _Bad(where, msg.J_DUP_STEP.format(value=item))
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
        raise _Bad(where, msg.J_BOTH.format(value=min(done & skipped)))
    irritation = obj.get("irritation")
    if not irritation_ok(irritation):
        raise _Bad(f"{where}.irritation", msg.J_BAD_IRRITATION.format(value=irritation))
    bumps = obj.get("bumps")
    if not bumps_ok(bumps):
        raise _Bad(f"{where}.bumps", msg.J_BAD_BUMPS.format(value=bumps, limit=MAX_BUMPS))
    note = obj.get("note")
    if note is not None:
        if not isinstance(note, str):
            raise _Bad(f"{where}.note", msg.J_BAD_NOTE.format(found=_kind(note)))
        problem = note_problem(note)
        if problem:
            raise _Bad(f"{where}.note", problem.rstrip("."))
    picked = obj.get("picked", False)
    if type(picked) is not bool:
        raise _Bad(f"{where}.picked", msg.J_BAD_BOOL.format(key="picked", value=picked))
    return CheckIn(day, done, skipped, all_done, irritation, bumps, note, picked)


def _event(value: Any, where: str) -> Event:
    from milia_cli.profile_schema import AREAS

    obj = _obj(value, where, _EVENT_KEYS, ("date", "kind"))
    day = _date(obj["date"], f"{where}.date")
    kind = obj["kind"]
    if kind not in PROCEDURE_KINDS:
        raise _Bad(f"{where}.kind", msg.J_BAD_KIND.format(value=kind, allowed=", ".join(PROCEDURE_KINDS)))
    areas = obj.get("areas", [])
    if not isinstance(areas, list):
        raise _Bad(f"{where}.areas", msg.J_NOT_LIST.format(found=_kind(areas)))
    for area in areas:
        if not isinstance(area, str) or area not in AREAS:
            raise _Bad(f"{where}.areas", msg.J_BAD_AREA.format(value=area, allowed=", ".join(AREAS)))
        if areas.count(area) > 1:
            raise _Bad(f"{where}.areas", msg.J_DUP_STEP.format(value=area))
    return Event(day, kind, canonical_areas(areas))


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
            raise _Bad("schema", msg.J_SCHEMA.format(value=obj["schema"]))
        profile = obj.get("profile", "")
        if not isinstance(profile, str):
            raise _Bad("profile", msg.J_BAD_PROFILE.format(value=profile))
        raw_checkins = obj.get("checkins", [])
        if not isinstance(raw_checkins, list):
            raise _Bad("checkins", msg.J_NOT_LIST.format(found=_kind(raw_checkins)))
        checkins: dict[date, CheckIn] = {}
        for i, item in enumerate(raw_checkins):
            ci = _checkin(item, f"checkins[{i}]")
            if ci.date in checkins:
                raise _Bad(f"checkins[{i}]", msg.J_DUP_DATE.format(value=ci.date.isoformat()))
            checkins[ci.date] = ci
        raw_events = obj.get("events", [])
        if not isinstance(raw_events, list):
            raise _Bad("events", msg.J_NOT_LIST.format(found=_kind(raw_events)))
        events = {_event(item, f"events[{i}]") for i, item in enumerate(raw_events)}
    except _Bad as bad:
        raise MiliaError(msg.IMPORT_BAD.format(file=source, where=bad.where, problem=bad.problem)) from None
    return LogDocument(
        profile=profile,
        checkins=tuple(sorted(checkins.values(), key=lambda c: c.date)),
        events=tuple(sorted(events, key=event_sort_key)),
    )
