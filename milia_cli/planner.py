"""The planner: (profile, log, today) -> the plan, a window of days, one day, `today`'s view.

Pure and deterministic: no I/O and no clock (``today`` is an argument), and the same inputs
give the same plan (byte-identical JSON). One object answers every question about a person's
program, and every caller builds it the same way::

    from milia_cli.planner import Planner
    planner = Planner(profile, log, today=date(2026, 12, 1))
    planner.plan(weeks=12)               # the Plan: `milia plan`, the exports
    planner.plan(weeks=4, first=day)     # the same program, shown from ``day``
    planner.days(first, last)            # the planned days of a window (checkin, resume, profile set)
    planner.day(day)                     # one day, or None before the start
    planner.day_view(day)                # what `milia today` shows, or None before the start
    planner.skeleton(weeks=w, through=today, window_first=day)   # what stats and the desk need

Every answer is built by the one engine (:class:`milia_cli.plan_engine.PlanEngine`); the
weeks up to a day never depend on later weeks, so a planner that builds only the weeks up to
that day gives the same day as a longer plan (invariant 12 and "today equals the plan"). A
Planner keeps the engine of each horizon it built: asking for a day's view and the skeleton of
the same weeks computes the course once. The module-level functions (:func:`build_plan`, the
library API, and :func:`plan_days`, :func:`plan_for_day`, :func:`day_view`,
:func:`plan_skeleton`) are one call on a Planner.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from milia_cli.logmodel import EMPTY_LOG, Log
from milia_cli.plan import Day, Level, Notice, Plan, Step
from milia_cli.plan_engine import PlanEngine, week_of
from milia_cli.profile_model import Profile
from milia_cli.records import NamedTuple
from milia_cli.titration import Titration

__all__ = [
    "Planner", "build_plan", "plan_days", "plan_for_day", "day_view", "plan_skeleton", "week_of",
    "GENERAL_NOTICES", "DayView", "PlanSkeleton",
]

# Always-true background notices; `today` leaves them out to show what matters that day.
GENERAL_NOTICES = frozenset({"N1", "N2", "N4", "N5", "N9", "C1", "C6", "D4", "D6", "B5"})


class PlanSkeleton(NamedTuple):
    """What streaks and adherence need of a long plan."""

    start: date
    levels: dict[str, tuple[Level, ...]]
    step_ids: tuple[tuple[date, tuple[str, ...]], ...]  # (day, planned step ids), start..through
    window: tuple[Day, ...]  # the full days of window_first..through


class DayView(NamedTuple):
    """What `milia today` shows: one day's steps, what is new this week, what is checked."""

    profile: str | None  # the identity (the log's key); None: a client file with no log yet
    day: Day
    day_number: int  # 1..7 within the week
    am_time: str
    pm_time: str
    new: frozenset[str]  # slot-qualified step ids not planned the week before
    done: frozenset[str]
    skipped: frozenset[str]
    level_changes: tuple[tuple[str, Level], ...]  # levels that changed this week, with why
    notices: tuple[Notice, ...]  # those that matter today (no background notices)
    name: str = ""  # the person's name (``profile`` is the identity)

    def to_dict(self) -> dict[str, Any]:
        def steps(items: tuple[Step, ...]) -> list[dict[str, Any]]:
            return [dict(s.to_dict(), id=s.id, active=s.active, new=s.id in self.new,
                         done=s.id in self.done, skipped=s.id in self.skipped) for s in items]

        return {
            "schema": "milia.today/1", "profile": self.profile, "name": self.name, "started": True,
            "date": self.day.date.isoformat(), "week": self.day.week, "day": self.day_number,
            "am_time": self.am_time, "pm_time": self.pm_time,
            "am": steps(self.day.am), "pm": steps(self.day.pm),
            "level_changes": [dict(lv.to_dict(), step=name) for name, lv in self.level_changes],
            "notices": [n.to_dict() for n in self.notices],
        }


class Planner:
    """One person's program from ``profile`` and ``log``, as ``today`` sees it.

    ``start`` rebases the program (default: the profile's schedule.start). ``irritations``
    (every check-in's (date, irritation), in date order: the store's compact rows) replaces
    ``log.checkins`` for titration and pauses when given; ``log`` then needs only the events,
    the changes and the check-ins the notices read (the A6/A7 window of 12 weeks). Each method
    builds only the weeks it needs (:meth:`engine`)."""

    def __init__(self, profile: Profile, log: Log = EMPTY_LOG, *, today: date, start: date | None = None,
                 irritations: Iterable[tuple[date, int | None]] | None = None) -> None:
        self.profile, self.log, self.today = profile, log, today
        self.start = start or profile.schedule.start
        self._irritations = list(irritations) if irritations is not None else None  # read once, by every engine
        self._engines: dict[int, PlanEngine] = {}

    def engine(self, weeks: int) -> PlanEngine:
        """The program's first ``weeks`` weeks, computed once per horizon."""
        got = self._engines.get(weeks)
        if got is None:
            got = self._engines[weeks] = PlanEngine(self.profile, self.log, self.start, weeks, self.today,
                                                    self._irritations)
        return got

    def plan(self, weeks: int = 12, first: date | None = None) -> Plan:
        """``weeks`` weeks of the program, shown from ``first`` (default: the start; a day before
        the start shows from the start). A view from a later day is the same program (issue 13,
        item 5): its days, levels and pauses are the full plan's, built on every week from the
        start."""
        if weeks < 1:
            raise ValueError("weeks must be at least 1")
        begin = self.start
        lo = max(first or begin, begin)
        last = lo + timedelta(days=7 * weeks - 1)
        span = week_of(begin, last)
        engine = self.engine(span)
        return Plan(profile=self.profile.id, name=self.profile.name, start=begin, weeks=weeks,
                    levels=_levels(engine.titration, span), days=engine.days(lo, last),
                    notices=engine.notices(lo, last), first=lo, schedule=self.profile.schedule)

    def days(self, first: date, last: date) -> tuple[Day, ...]:
        """The planned days from ``first`` to ``last`` (days before the start are left out).
        Builds only the weeks up to ``last``."""
        first = max(first, self.start)
        if last < first:
            return ()
        return self.engine(week_of(self.start, last)).days(first, last)

    def day(self, day: date) -> Day | None:
        """The planned steps of one day, or None before the plan starts."""
        days = self.days(day, day)
        return days[0] if days else None

    def day_view(self, day: date) -> DayView | None:
        """`milia today` for ``day``: None before the plan starts. Builds only the weeks up to
        ``day``."""
        start, profile, log = self.start, self.profile, self.log
        if day < start:
            return None
        w = week_of(start, day)
        week_first = start + timedelta(days=7 * (w - 1))
        engine = self.engine(w)
        this = engine.day(day)
        new: set[str] = set()
        if w > 1:
            before = {sid for d in engine.days(week_first - timedelta(days=7), week_first - timedelta(days=1))
                      for sid in d.step_ids()}
            now = {sid for d in engine.days(week_first, week_first + timedelta(days=6)) for sid in d.step_ids()}
            new = {sid for sid in now if sid not in before}
        checkin = log.on(day)
        done: frozenset[str] = frozenset()
        skipped: frozenset[str] = frozenset()
        if checkin is not None:
            done = frozenset(this.step_ids()) - checkin.skipped if checkin.all_done else checkin.done
            skipped = checkin.skipped
        changes = tuple((name, lv) for name, hist in engine.titration.levels.items() for lv in hist
                        if lv.week == w and lv.reason)
        notices = tuple(n for n in engine.notices(day, day) if n.id not in GENERAL_NOTICES)
        return DayView(profile=profile.id, name=profile.name, day=this, day_number=(day - week_first).days + 1,
                       am_time=profile.schedule.am.strftime("%H:%M"), pm_time=profile.schedule.pm.strftime("%H:%M"),
                       new=frozenset(new), done=done, skipped=skipped, level_changes=changes, notices=notices)

    def skeleton(self, *, weeks: int, through: date, window_first: date) -> PlanSkeleton:
        """The levels of a ``weeks``-week plan, each day's planned step ids up to ``through`` and
        the full days from ``window_first``: the same as :meth:`plan` gives."""
        if weeks < 1:
            raise ValueError("weeks must be at least 1")
        begin = self.start
        engine = self.engine(weeks)
        last = min(through, begin + timedelta(days=7 * weeks - 1))
        lo = max(window_first, begin)
        window = engine.days(lo, last) if last >= lo else ()
        return PlanSkeleton(start=begin, levels=_levels(engine.titration, weeks),
                            step_ids=tuple(engine.step_ids(begin, last)), window=window)


def _levels(titration: Titration, n_weeks: int) -> dict[str, tuple[Level, ...]]:
    out = {}
    for step, hist in titration.levels.items():
        kept = tuple(lv for lv in hist if lv.week <= n_weeks)
        if kept:
            out[step] = kept
    return out


# -- the same, one call each ----------------------------------------------------------------------
def build_plan(profile: Profile, log: Log = EMPTY_LOG, *, start: date | None = None, weeks: int = 12,
               today: date, first: date | None = None) -> Plan:
    """``weeks`` weeks of the program that starts on ``start`` (default: the profile's
    schedule.start), shown from ``first`` (:meth:`Planner.plan`)."""
    return Planner(profile, log, today=today, start=start).plan(weeks, first)


def plan_days(profile: Profile, log: Log, first: date, last: date, *, today: date,
              start: date | None = None) -> tuple[Day, ...]:
    """The planned days from ``first`` to ``last`` (:meth:`Planner.days`)."""
    return Planner(profile, log, today=today, start=start).days(first, last)


def plan_for_day(profile: Profile, log: Log, day: date, *, today: date, start: date | None = None) -> Day | None:
    """The planned steps of one day, or None before the plan starts (:meth:`Planner.day`)."""
    return Planner(profile, log, today=today, start=start).day(day)


def day_view(profile: Profile, log: Log, day: date, *, today: date,
             irritations: Iterable[tuple[date, int | None]] | None = None) -> DayView | None:
    """`milia today` for ``day``, or None before the plan starts (:meth:`Planner.day_view`)."""
    return Planner(profile, log, today=today, irritations=irritations).day_view(day)


def plan_skeleton(profile: Profile, log: Log, *, weeks: int, today: date, through: date, window_first: date,
                  irritations: Iterable[tuple[date, int | None]] | None = None) -> PlanSkeleton:
    """What streaks and adherence need of a ``weeks``-week plan (:meth:`Planner.skeleton`)."""
    return Planner(profile, log, today=today, irritations=irritations).skeleton(
        weeks=weeks, through=through, window_first=window_first)
