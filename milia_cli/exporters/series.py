"""The plan's days grouped into calendar series (what the ICS export and CalDAV sync write).

Two layouts (issue 16, item 4):

- **routines** (the default): one event per slot and day — "Evening routine: cleanse ·
  RETINOL · moisturize" — grouped by the slot's whole content, so a week has at most two
  series per phase instead of up to nine overlapping 10-minute events a day;
- **per step** (``per_step=True``): one series per step and slot, as before.

The dates a slot (or step) has are grouped by what it says, then into runs of consecutive
plan weeks whose weekday pattern is identical. Each run becomes one
``RRULE:FREQ=WEEKLY;BYDAY=…;UNTIL=…`` series from its first real occurrence; a run the
weekly rule cannot describe exactly is split further (down to single events), so every
occurrence falls on exactly the dates the plan has.

``first`` shows the same program from a later day (``--from``, ``--feed``): series are built
on the whole plan and then cut, so a series keeps its ``anchor`` (the first day of its
phase in the whole plan), from which its UID is derived, whichever day a file starts at.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from milia_cli.plan import SLOTS, STEP_IDS, Plan, Step

ROUTINE = "routine"


@dataclass(frozen=True)
class Series:
    """One run of a slot's routine (or of one step in a slot): the dates it has, all on ``weekdays``."""

    slot: str
    steps: tuple[Step, ...]  # the slot's steps in order; exactly one when per step
    dates: tuple[date, ...]
    weekdays: tuple[int, ...]  # 0 = Monday
    anchor: date  # first day of the phase in the whole plan (the UID's date)
    routine: bool = False

    @property
    def step(self) -> Step:
        return self.steps[0]

    @property
    def key(self) -> str:
        """What the series is of: ``routine`` or the step id (``retinol``)."""
        return ROUTINE if self.routine else self.step.step

    @property
    def first(self) -> date:
        return self.dates[0]

    @property
    def last(self) -> date:
        return self.dates[-1]

    @property
    def active(self) -> bool:
        return any(s.active for s in self.steps)


def plan_series(plan: Plan, *, per_step: bool = False, first: date | None = None, cut: bool = True) -> list[Series]:
    """The series of ``plan`` (from ``first`` on, if given), in a stable order (first date, slot, step).

    With ``cut=False`` a series that runs past ``first`` keeps its earlier dates too, and only
    the series that ended before ``first`` are left out (what a synced calendar keeps)."""
    runs: dict[tuple, list[tuple[int, date]]] = {}
    for day in plan.days:
        if per_step:
            for step in day.am + day.pm:
                runs.setdefault((step.slot, (_content(step),)), []).append((day.week, day.date))
        else:
            for slot, steps in (("am", day.am), ("pm", day.pm)):
                if steps:
                    runs.setdefault((slot, tuple(_content(s) for s in steps)), []).append((day.week, day.date))
    out: list[Series] = []
    for (slot, contents), dated in runs.items():
        steps = tuple(Step(*content) for content in contents)
        for phase in _phases(dated):
            for run in _exact(phase):
                if first is None or (not cut and run[-1] >= first):
                    kept = run
                else:
                    kept = [d for d in run if d >= first]
                if kept:
                    out.append(Series(slot, steps, tuple(kept), _weekdays(kept), run[0], routine=not per_step))
    out.sort(key=lambda s: (s.first, SLOTS.index(s.slot), -1 if s.routine else _step_rank(s.step.step),
                            s.step.title))
    return out


def _content(step: Step) -> tuple:
    return tuple(step)  # a Step is a NamedTuple: (step, slot, title, areas, avoid, how, rules)


def _step_rank(step: str) -> int:
    return STEP_IDS.index(step) if step in STEP_IDS else len(STEP_IDS)


def _phases(dated: list[tuple[int, date]]) -> list[list[date]]:
    """Runs of consecutive weeks whose weekday pattern is the same."""
    weeks: dict[int, list[date]] = {}
    for week, day in dated:
        weeks.setdefault(week, []).append(day)
    phases: list[list[date]] = []
    prev_week, prev_pattern = None, None
    for week in sorted(weeks):
        days = sorted(set(weeks[week]))
        pattern = frozenset(d.weekday() for d in days)
        if phases and prev_week == week - 1 and pattern == prev_pattern:
            phases[-1].extend(days)
        else:
            phases.append(list(days))
        prev_week, prev_pattern = week, pattern
    return phases


def _exact(dates: list[date]) -> list[list[date]]:
    """``dates`` as runs whose weekly expansion is exactly those dates (any cut of one stays exact)."""
    dates = sorted(set(dates))
    if _expands_to(dates):
        return [dates]
    # a gap in the plan's days: grow runs greedily while the weekly rule stays exact
    out: list[list[date]] = []
    run = [dates[0]]
    for day in dates[1:]:
        if _expands_to(run + [day]):
            run.append(day)
        else:
            out.append(run)
            run = [day]
    out.append(run)
    return out


def _weekdays(dates: list[date]) -> tuple[int, ...]:
    return tuple(sorted({d.weekday() for d in dates}))


def _expands_to(dates: list[date]) -> bool:
    """Does FREQ=WEEKLY;BYDAY=<their weekdays> from the first to the last give exactly ``dates``?"""
    weekdays = set(_weekdays(dates))
    span = (dates[-1] - dates[0]).days + 1
    expanded = [dates[0] + timedelta(n) for n in range(span)]
    return [d for d in expanded if d.weekday() in weekdays] == dates
