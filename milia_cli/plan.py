"""The plan: what the planner returns and every renderer/exporter reads.

Frozen dataclasses, with :meth:`Plan.to_dict` producing the ``milia.plan/1`` JSON
of SPEC.md. Nothing here computes a regimen; see :mod:`milia_cli.planner`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

PLAN_SCHEMA = "milia.plan/1"
SLOTS = ("am", "pm")
STEP_IDS = (
    "cleanse", "remove-makeup", "exfoliate", "retinol", "moisturize", "eye-cream", "sunscreen", "makeup",
)
ACTIVE_STEPS = ("retinol", "exfoliate")
NOTICE_LEVELS = ("info", "caution", "refer", "stop")


@dataclass(frozen=True)
class Step:
    step: str  # one of STEP_IDS
    slot: str  # "am" | "pm"
    title: str
    areas: tuple[str, ...]
    avoid: tuple[str, ...]
    how: str
    rules: tuple[str, ...]

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
        }


@dataclass(frozen=True)
class Day:
    date: date
    week: int  # 1-based
    am: tuple[Step, ...]
    pm: tuple[Step, ...]

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.am + self.pm

    def step_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)

    def has(self, step: str, slot: str | None = None) -> bool:
        return any(s.step == step and (slot is None or s.slot == slot) for s in self.steps)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "week": self.week,
            "am": [s.to_dict() for s in self.am],
            "pm": [s.to_dict() for s in self.pm],
        }


@dataclass(frozen=True)
class Notice:
    id: str  # the rule id (A1, B2, …) or notice id (N1…N9)
    level: str  # one of NOTICE_LEVELS
    text: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "level": self.level, "text": self.text, "source": self.source}


@dataclass(frozen=True)
class Level:
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


@dataclass(frozen=True)
class Plan:
    profile: str
    start: date
    weeks: int
    levels: dict[str, tuple[Level, ...]]  # "retinol"/"exfoliate" -> changes, by week
    days: tuple[Day, ...]
    notices: tuple[Notice, ...]
    schema: str = PLAN_SCHEMA
    _by_date: dict = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_date", {d.date: d for d in self.days})

    def day(self, when: date) -> Day | None:
        return self._by_date.get(when)

    def week(self, number: int) -> tuple[Day, ...]:
        return tuple(d for d in self.days if d.week == number)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "profile": self.profile,
            "start": self.start.isoformat(),
            "weeks": self.weeks,
            "levels": {k: [lv.to_dict() for lv in v] for k, v in self.levels.items()},
            "days": [d.to_dict() for d in self.days],
            "notices": [n.to_dict() for n in self.notices],
        }

    def to_json(self) -> str:
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
