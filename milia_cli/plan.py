"""The plan: what the planner returns and every renderer/exporter reads.

Immutable records, with :meth:`Plan.to_dict` producing the ``milia.plan/1`` JSON
of SPEC.md. Nothing here computes a regimen; see :mod:`milia_cli.planner`.

The records are ``NamedTuple`` (:mod:`milia_cli.records`) rather than frozen dataclasses because this module
is imported by every `milia today` and `milia checkin`: on Python 3.11 a frozen dataclass
costs ~0.4 ms to define (it compiles five methods with ``exec``), a NamedTuple ~0.06 ms
(issue 7, ``benchmarks/importtime.py``). Change a field with ``record._replace(...)``.
:class:`Plan` keeps a by-date index, so it is a small ``__slots__`` class with the same
interface (``_replace``, equality, repr).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from milia_cli.catalogue import (  # re-exported: the one vocabulary
    ACTIVE_STEPS as ACTIVE_STEPS,
)
from milia_cli.catalogue import (
    NOTICE_LEVELS as NOTICE_LEVELS,
)
from milia_cli.catalogue import (
    SLOTS as SLOTS,
)
from milia_cli.catalogue import (
    STEP_IDS as STEP_IDS,
)
from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    from milia_cli.profile import Schedule

PLAN_SCHEMA = "milia.plan/1"


class Step(NamedTuple):
    step: str  # one of STEP_IDS
    slot: str  # "am" | "pm"
    title: str
    areas: tuple[str, ...]
    avoid: tuple[str, ...]
    how: str
    rules: tuple[str, ...]
    product: str | None = None  # the person's own product for this step (milia_cli.products)

    @property
    def id(self) -> str:
        """The slot-qualified id used by check-ins: ``pm:retinol``."""
        return f"{self.slot}:{self.step}"

    @property
    def active(self) -> bool:
        return self.step in ACTIVE_STEPS

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "title": self.title,
            "areas": list(self.areas),
            "avoid": list(self.avoid),
            "how": self.how,
            "rules": list(self.rules),
            "product": self.product,
        }


class Day(NamedTuple):
    date: date
    week: int  # 1-based
    am: tuple[Step, ...]
    pm: tuple[Step, ...]

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.am + self.pm

    def step_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)

    @property
    def active_evening(self) -> bool:
        """The plan gives an active (retinol or an acid) this evening."""
        return any(s.active for s in self.pm)

    def has(self, step: str, slot: str | None = None) -> bool:
        return any(s.step == step and (slot is None or s.slot == slot) for s in self.steps)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "week": self.week,
            "am": [s.to_dict() for s in self.am],
            "pm": [s.to_dict() for s in self.pm],
        }


class Notice(NamedTuple):
    id: str  # the rule id (A1, B2, …) or notice id (N1…N9)
    level: str  # one of NOTICE_LEVELS
    text: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "level": self.level, "text": self.text, "source": self.source}


class Level(NamedTuple):
    """How many evenings a week an active is used from ``week`` on."""

    week: int
    per_week: int
    reason: str = ""  # why it changed (empty for the starting level)
    rules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"week": self.week, "per_week": self.per_week}
        if self.reason:
            out["reason"] = self.reason
            out["rules"] = list(self.rules)
        return out


class Owner(NamedTuple):
    """Whose plan it is, as far as an exporter needs: the person's name and the schedule (the
    morning and evening times and the zone). A Profile has the same two attributes."""

    name: str
    schedule: Schedule


class Plan:
    """The whole plan. Treat it as immutable: change it with :meth:`_replace`."""

    __slots__ = ("profile", "start", "weeks", "levels", "days", "notices", "schema", "name", "first", "schedule",
                 "_by_date")
    _fields = ("profile", "start", "weeks", "levels", "days", "notices", "schema", "name", "first", "schedule")

    def __init__(self, profile: str | None, start: date, weeks: int,
                 levels: dict[str, tuple[Level, ...]],  # "retinol"/"exfoliate" -> changes, by week
                 days: tuple[Day, ...], notices: tuple[Notice, ...], schema: str = PLAN_SCHEMA,
                 name: str | None = None, first: date | None = None, schedule: Schedule | None = None) -> None:
        # profile: the identity (the log key: a home profile's name, a client file's `id`); name: the person's
        # start: day 1 of the program; first: the first day shown (a view from a later day, issue 13);
        # weeks: how many weeks are shown from `first`
        self.profile, self.start, self.weeks, self.levels = profile, start, weeks, levels
        self.days, self.notices, self.schema, self.name = days, notices, schema, name
        self.first = first or start
        self.schedule = schedule  # the profile's schedule (times, zone; start as planned): exporters need it
        self._by_date = {d.date: d for d in days}

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def _replace(self, **changes: Any) -> Plan:
        return Plan(**dict(zip(self._fields, self._values(), strict=False), **changes))

    def __eq__(self, other: object) -> bool:
        return self._values() == other._values() if isinstance(other, Plan) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # it holds a dict

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self._values(), strict=False))
        return f"Plan({inner})"

    @property
    def zone(self) -> str | None:
        """The IANA zone of the plan's times (None for a plan built by hand without a schedule)."""
        return self.schedule.timezone if self.schedule is not None else None

    def owner(self, profile: Any = None) -> Owner:
        """What an exporter needs of the person: ``profile``'s name and schedule when given (a
        plan built by hand), else the plan's own (:func:`milia_cli.planner.build_plan` sets them)."""
        if profile is not None:
            return Owner(profile.name, profile.schedule)
        if self.schedule is None:
            raise ValueError("this plan carries no schedule: give its profile too")
        return Owner(self.name if self.name is not None else self.profile or "", self.schedule)

    def day(self, when: date) -> Day | None:
        return self._by_date.get(when)

    def week(self, number: int) -> tuple[Day, ...]:
        return tuple(d for d in self.days if d.week == number)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "profile": self.profile,
            "name": self.name if self.name is not None else self.profile,
            "start": self.start.isoformat(),
            "from": self.first.isoformat(),
            "weeks": self.weeks,
            "levels": {k: [lv.to_dict() for lv in v] for k, v in self.levels.items()},
            "days": [d.to_dict() for d in self.days],
            "notices": [n.to_dict() for n in self.notices],
        }

    def to_json(self) -> str:
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
