"""The log as plain data, the way the planner and stats read it.

The SQLite store (:mod:`milia_cli.store`) produces these objects; the planner
never sees a database. Dates are calendar dates in the profile's time zone.

Records are ``NamedTuple`` (:mod:`milia_cli.records`) (cheap to define at import, which every `today` and
`checkin` pays; see :mod:`milia_cli.plan`); :class:`Log` keeps a by-date index, so it is
a small ``__slots__`` class. Change a field with ``record._replace(...)``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from milia_cli.records import NamedTuple

IRRITATION_LEVELS = {
    0: "none",
    1: "mild (dryness, tightness, light flaking)",
    2: "moderate (redness, stinging, peeling)",
    3: "severe (burning pain, swelling, blisters, oozing, hives)",
}
PROCEDURE_KINDS = ("extraction", "laser", "electrodesiccation", "other")
# "resume": the person said the skin has healed after a B7 stop (``milia resume``).
EVENT_KINDS = PROCEDURE_KINDS + ("resume",)


class CheckIn(NamedTuple):
    date: date
    done: frozenset[str] = frozenset()  # slot-qualified step ids: "am:cleanse"
    skipped: frozenset[str] = frozenset()
    all_done: bool = False  # "done": "all" — every step the plan had that day
    irritation: int | None = None  # 0..3
    bumps: int | None = None  # new bumps since the last check-in
    note: str | None = None
    picked: bool = False  # the user said they picked/squeezed (rule A1)
    # bumps seen today, in total (A6, A7). The field shadows tuple.count, which nothing calls on a
    # CheckIn; it keeps the name of the log JSON's "count" (store_json), read all over.
    count: int | None = None  # type: ignore[assignment]


class Event(NamedTuple):
    date: date
    kind: str  # one of EVENT_KINDS
    areas: tuple[str, ...] = ()  # procedures only; () = every area
    seen_clinician: bool = False  # "resume" only: a clinician saw the reaction (B7)

    @property
    def is_procedure(self) -> bool:
        return self.kind in PROCEDURE_KINDS


class ProfileChange(NamedTuple):
    """A dated change of a plan-shaping profile key (B13, invariant 12): ``key`` held ``old``
    before ``date`` and ``new`` from ``date`` on. Values as in the profile (str, bool, tuple)."""

    date: date
    key: str  # dotted profile key: "pregnancy", "milia.areas", "cautions.facial_steroid", ...
    old: Any
    new: Any


class Log:
    """Check-ins and events. Treat it as immutable: change it with :meth:`_replace`."""

    __slots__ = ("checkins", "events", "changes", "_by_date")

    def __init__(self, checkins: tuple[CheckIn, ...] = (),  # sorted by date, one per date
                 events: tuple[Event, ...] = (),  # sorted by date
                 changes: tuple[ProfileChange, ...] = ()) -> None:  # sorted by date
        self.checkins, self.events, self.changes = checkins, events, changes
        self._by_date = {c.date: c for c in checkins}

    def _replace(self, **changes: Any) -> Log:
        fields = {"checkins": self.checkins, "events": self.events, "changes": self.changes}
        return Log(**dict(fields, **changes))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Log):
            return NotImplemented
        return (self.checkins, self.events, self.changes) == (other.checkins, other.events, other.changes)

    def __hash__(self) -> int:
        return hash((self.checkins, self.events, self.changes))

    def __repr__(self) -> str:
        return f"Log(checkins={self.checkins!r}, events={self.events!r}, changes={self.changes!r})"

    @property
    def procedures(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.is_procedure)

    def on(self, day: date) -> CheckIn | None:
        return self._by_date.get(day)

    def between(self, first: date, last: date) -> tuple[CheckIn, ...]:
        """Check-ins with ``first <= date <= last``."""
        return tuple(c for c in self.checkins if first <= c.date <= last)


EMPTY_LOG = Log()
