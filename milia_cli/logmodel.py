"""The log as plain data, the way the planner and stats read it.

The SQLite store (:mod:`milia_cli.store`) produces these objects; the planner
never sees a database. Dates are calendar dates in the profile's time zone.

Records are ``typing.NamedTuple`` (cheap to define at import, which every `today` and
`checkin` pays; see :mod:`milia_cli.plan`); :class:`Log` keeps a by-date index, so it is
a small ``__slots__`` class. Change a field with ``record._replace(...)``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

IRRITATION_LEVELS = {
    0: "none",
    1: "mild (dryness, tightness, light flaking)",
    2: "moderate (redness, stinging, peeling)",
    3: "severe (burning pain, swelling, blisters, oozing, hives)",
}
EVENT_KINDS = ("extraction", "laser", "electrodesiccation", "other")


class CheckIn(NamedTuple):
    date: date
    done: frozenset[str] = frozenset()  # slot-qualified step ids: "am:cleanse"
    skipped: frozenset[str] = frozenset()
    all_done: bool = False  # "done": "all" — every step the plan had that day
    irritation: int | None = None  # 0..3
    bumps: int | None = None
    note: str | None = None
    picked: bool = False  # the user said they picked/squeezed (rule A1)


class Event(NamedTuple):
    date: date
    kind: str  # one of EVENT_KINDS
    areas: tuple[str, ...] = ()


class Log:
    """Check-ins and events. Treat it as immutable: change it with :meth:`_replace`."""

    __slots__ = ("checkins", "events", "_by_date")

    def __init__(self, checkins: tuple[CheckIn, ...] = (),  # sorted by date, one per date
                 events: tuple[Event, ...] = ()) -> None:  # sorted by date
        self.checkins, self.events = checkins, events
        self._by_date = {c.date: c for c in checkins}

    def _replace(self, **changes: Any) -> "Log":
        return Log(**dict({"checkins": self.checkins, "events": self.events}, **changes))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Log):
            return NotImplemented
        return (self.checkins, self.events) == (other.checkins, other.events)

    def __hash__(self) -> int:
        return hash((self.checkins, self.events))

    def __repr__(self) -> str:
        return f"Log(checkins={self.checkins!r}, events={self.events!r})"

    def on(self, day: date) -> CheckIn | None:
        return self._by_date.get(day)

    def between(self, first: date, last: date) -> tuple[CheckIn, ...]:
        """Check-ins with ``first <= date <= last``."""
        return tuple(c for c in self.checkins if first <= c.date <= last)


EMPTY_LOG = Log()
