"""The log as plain data, the way the planner and stats read it.

The SQLite store (:mod:`milia_cli.store`) produces these objects; the planner
never sees a database. Dates are calendar dates in the profile's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

IRRITATION_LEVELS = {
    0: "none",
    1: "mild (dryness, tightness, light flaking)",
    2: "moderate (redness, stinging, peeling)",
    3: "severe (burning pain, swelling, blisters, oozing, hives)",
}
EVENT_KINDS = ("extraction", "laser", "electrodesiccation", "other")


@dataclass(frozen=True)
class CheckIn:
    date: date
    done: frozenset[str] = frozenset()  # slot-qualified step ids: "am:cleanse"
    skipped: frozenset[str] = frozenset()
    all_done: bool = False  # "done": "all" — every step the plan had that day
    irritation: int | None = None  # 0..3
    bumps: int | None = None
    note: str | None = None
    picked: bool = False  # the user said they picked/squeezed (rule A1)


@dataclass(frozen=True)
class Event:
    date: date
    kind: str  # one of EVENT_KINDS
    areas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Log:
    checkins: tuple[CheckIn, ...] = ()  # sorted by date, one per date
    events: tuple[Event, ...] = ()  # sorted by date
    _by_date: dict = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_date", {c.date: c for c in self.checkins})

    def on(self, day: date) -> CheckIn | None:
        return self._by_date.get(day)

    def between(self, first: date, last: date) -> tuple[CheckIn, ...]:
        """Check-ins with ``first <= date <= last``."""
        return tuple(c for c in self.checkins if first <= c.date <= last)


EMPTY_LOG = Log()
