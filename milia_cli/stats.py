"""Adherence, streaks and trends: a pure function of (plan, log, today).

Dates are the profile's local calendar dates (``today`` comes from the CLI, in
the profile's zone); nothing here reads a clock or a database.

Definitions (the README repeats them for users):

- A step is *required* unless it is optional (``makeup``: cosmetic, never a lapse).
- A check-in's *done* steps: with ``--all`` ("done": "all"), every planned step it
  did not skip; otherwise the listed steps that the day's plan has.
- A day is **kept** when it has a check-in and every required step of that day's
  plan is done — or, for an active (retinol, exfoliate), explicitly skipped:
  resting an active is always allowed (RULES B5–B7 ask for it when skin is
  irritated), so it never breaks a streak; adherence still counts it as not done.
- A **rest** day is a plan day with no active. A rest day that is not kept is
  neutral: it neither breaks nor extends a streak (the plan asked for no active).
- **Today**, until it is kept, is *open*: neutral, because the day is not over.
- Any other plan day that is not kept (no check-in, or a required step neither
  done nor an active skipped) is **missed** and ends a streak.
- A streak counts kept days; neutral days between them do not break it. The
  current streak is the run that reaches today; the best is the longest ever,
  counted from the plan's start.
- Adherence per step = times done / times planned, over the window's plan days up
  to today (today only once it is logged); overall = the same over required steps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from milia_cli.logmodel import CheckIn, Log
from milia_cli.plan import ACTIVE_STEPS, Day, Level, Plan
from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    from milia_cli.planner import PlanSkeleton
    from milia_cli.store_rows import HistoryRow

from milia_cli.catalogue import OPTIONAL_STEPS  # noqa: E402  (makeup, eye cream: D3)

KEPT, MISSED, REST, OPEN = "kept", "missed", "rest", "open"


class DayStatus(NamedTuple):
    date: date
    planned: tuple[str, ...]  # slot-qualified step ids of the day's plan
    done: frozenset[str]  # planned steps done
    skipped: frozenset[str]  # planned steps explicitly skipped
    logged: bool
    rest: bool  # the plan has no active that day
    state: str  # kept | missed | rest | open

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(s for s in self.planned if _step(s) not in OPTIONAL_STEPS)

    @property
    def adherence(self) -> float | None:
        """Share of required steps done (None when nothing is required)."""
        required = self.required
        if not required:
            return None
        return sum(1 for s in required if s in self.done) / len(required)


class StepAdherence(NamedTuple):
    step: str  # "pm:retinol"
    planned: int
    done: int
    skipped: int

    @property
    def rate(self) -> float | None:
        return self.done / self.planned if self.planned else None


class LevelChange(NamedTuple):
    week: int
    start: date  # the first day of that week
    per_week: int
    reason: str = ""
    rules: tuple[str, ...] = ()


class Stats(NamedTuple):
    today: date
    first: date  # the window (plan days only)
    last: date
    days: tuple[DayStatus, ...]  # the window, oldest first
    days_logged: int
    steps: tuple[StepAdherence, ...]
    overall_planned: int
    overall_done: int
    current_streak: int
    best_streak: int
    irritation: tuple[tuple[date, int], ...]  # logged values in the window
    bumps: tuple[tuple[date, int], ...]
    levels: Mapping[str, tuple[LevelChange, ...]] = MappingProxyType({})  # immutable: one shared default

    @property
    def overall(self) -> float | None:
        return self.overall_done / self.overall_planned if self.overall_planned else None

    @property
    def days_planned(self) -> int:
        return len(self.days)

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "window": {"first": self.first.isoformat(), "last": self.last.isoformat(), "days": len(self.days)},
            "days_planned": len(self.days),
            "days_logged": self.days_logged,
            "adherence": {
                "overall": _rate(self.overall),
                "done": self.overall_done,
                "planned": self.overall_planned,
                "steps": {
                    s.step: {"planned": s.planned, "done": s.done, "skipped": s.skipped, "rate": _rate(s.rate)}
                    for s in self.steps
                },
            },
            "streak": {"current": self.current_streak, "best": self.best_streak},
            "calendar": [
                {"date": d.date.isoformat(), "state": d.state, "logged": d.logged, "adherence": _rate(d.adherence)}
                for d in self.days
            ],
            "irritation": [{"date": d.isoformat(), "value": v} for d, v in self.irritation],
            "bumps": [{"date": d.isoformat(), "value": v} for d, v in self.bumps],
            "levels": {
                name: [
                    {"week": c.week, "from": c.start.isoformat(), "per_week": c.per_week,
                     "reason": c.reason, "rules": list(c.rules)}
                    for c in changes
                ]
                for name, changes in self.levels.items()
            },
        }


def percent_text(rate: float) -> str:
    """A rate as a whole percent, except that a partial rate never reads as 100 or 0: 484 of
    485 is "99.8", 1 of 1000 is "0.1" (one decimal, kept between 0.1 and 99.9)."""
    text = f"{rate * 100:.0f}"
    if 0 < rate < 1 and text in ("0", "100"):
        return f"{min(max(round(rate * 1000), 1), 999) / 10:.1f}"
    return text


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _step(step_id: str) -> str:
    return step_id.split(":", 1)[1]


def _is_active(step_id: str) -> bool:
    return _step(step_id) in ACTIVE_STEPS


def _kept(planned: tuple[str, ...], done: frozenset[str], skipped: frozenset[str]) -> bool:
    """Every required planned step done, or an active explicitly skipped (the day has a check-in)."""
    return all(s in done or (s in skipped and _is_active(s)) for s in planned if _step(s) not in OPTIONAL_STEPS)


def _done_skipped(planned: tuple[str, ...], all_done: bool, done: frozenset[str],
                  skipped: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    skipped = skipped & frozenset(planned)
    return (frozenset(planned) - skipped if all_done else done & frozenset(planned)), skipped


def day_status(day: Day, checkin: CheckIn | None, today: date) -> DayStatus:
    """How ``day`` went, given its check-in (see the module docstring)."""
    planned = day.step_ids()
    rest = not any(_is_active(s) for s in planned)
    if checkin is None:
        done: frozenset[str] = frozenset()
        skipped: frozenset[str] = frozenset()
    else:
        done, skipped = _done_skipped(planned, checkin.all_done, checkin.done, checkin.skipped)
    kept = checkin is not None and _kept(planned, done, skipped)
    if kept:
        state = KEPT
    elif rest:
        state = REST
    elif day.date >= today:
        state = OPEN
    else:
        state = MISSED
    return DayStatus(day.date, planned, done, skipped, checkin is not None, rest, state)


def streaks(statuses: list[DayStatus] | tuple[DayStatus, ...]) -> tuple[int, int]:
    """(current, best) over day statuses in date order ending today."""
    run = best = 0
    for status in statuses:
        if status.state == KEPT:
            run += 1
            best = max(best, run)
        elif status.state == MISSED:
            run = 0
    return run, best


def compute_stats(plan: Plan, log: Log, today: date, days: int | None = None) -> Stats:
    """Stats of the ``days`` plan days ending ``today`` (all of them when None).

    Streaks always look at the whole history from the plan's start. ``plan``
    must cover the days up to ``today`` (days outside it are not counted).
    """
    history = [day_status(d, log.on(d.date), today) for d in plan.days if d.date <= today]
    current, best = streaks(history)
    first_allowed = today - timedelta(days=days - 1) if days else date.min
    window = tuple(s for s in history if s.date >= first_allowed)
    return _stats(window, log, today, current, best, level_history(plan))


# One check-in as the store's compact history query gives it:
# (date, all_done, done ids space-separated, skipped ids space-separated, irritation).


def history_streaks(step_ids: Iterable[tuple[date, tuple[str, ...]]], rows: Iterable[HistoryRow],
                    today: date) -> tuple[int, int]:
    """(current, best) streak from each plan day's step ids and the compact check-in rows.

    The same day states as :func:`day_status` (shared :func:`_kept`), with no object per
    day: a day's outcome depends only on its planned ids and its check-in's
    (all_done, done, skipped), and those repeat, so each combination is decided once.
    """
    by_date = {r[0]: r for r in rows}
    rest_of: dict[tuple[str, ...], bool] = {}
    kept_of: dict[tuple[tuple[str, ...], bool, str, str], bool] = {}
    run = best = 0
    for day, planned in step_ids:
        if day > today:
            break
        row = by_date.get(day)
        kept: bool | None = False
        if row is not None:
            key = (planned, bool(row[1]), row[2], row[3])
            kept = kept_of.get(key)
            if kept is None:
                done, skipped = _done_skipped(planned, bool(row[1]), frozenset(row[2].split()),
                                              frozenset(row[3].split()))
                kept = kept_of[key] = _kept(planned, done, skipped)
        if kept:
            run += 1
            if run > best:
                best = run
            continue
        rest = rest_of.get(planned)
        if rest is None:
            rest = rest_of[planned] = not any(_is_active(s) for s in planned)
        if not rest and day < today:  # missed
            run = 0
    return run, best


def compute_stats_from_skeleton(skeleton: PlanSkeleton, log: Log, rows: Iterable[HistoryRow], today: date,
                                days: int) -> Stats:
    """:func:`compute_stats` for a long history without the whole plan: the same result.

    ``skeleton`` comes from :meth:`milia_cli.planner.Planner.skeleton` (through ``today``,
    window from ``today - days + 1``); ``log`` holds at least the window's check-ins;
    ``rows`` are every check-in of the profile, compact (see :data:`HistoryRow`).
    """
    current, best = history_streaks(skeleton.step_ids, rows, today)
    first_allowed = today - timedelta(days=days - 1)
    window = tuple(day_status(d, log.on(d.date), today) for d in skeleton.window
                   if first_allowed <= d.date <= today)
    levels = level_history_of(skeleton.start, skeleton.levels)
    return _stats(window, log, today, current, best, levels)


def _stats(window: tuple[DayStatus, ...], log: Log, today: date, current: int, best: int,
           levels: dict[str, tuple[LevelChange, ...]]) -> Stats:
    first = window[0].date if window else today
    counted = [s for s in window if not (s.date == today and not s.logged)]

    per_step: dict[str, list[int]] = {}
    overall_planned = overall_done = 0
    for status in counted:
        for step in status.planned:
            tally = per_step.setdefault(step, [0, 0, 0])
            tally[0] += 1
            tally[1] += step in status.done
            tally[2] += step in status.skipped
            if _step(step) not in OPTIONAL_STEPS:
                overall_planned += 1
                overall_done += step in status.done
    # the plan's own order (first appearance), morning before evening
    order = {step: i for i, step in enumerate(per_step)}
    steps = tuple(
        StepAdherence(k, *v) for k, v in sorted(per_step.items(), key=lambda kv: (kv[0][:2] != "am", order[kv[0]]))
    )

    in_window = [c for c in log.checkins if first <= c.date <= today] if window else []
    return Stats(
        today=today,
        first=first,
        last=today,
        days=window,
        days_logged=len(in_window),
        steps=steps,
        overall_planned=overall_planned,
        overall_done=overall_done,
        current_streak=current,
        best_streak=best,
        irritation=tuple((c.date, c.irritation) for c in in_window if c.irritation is not None),
        bumps=tuple((c.date, c.bumps) for c in in_window if c.bumps is not None),
        levels=levels,
    )


def level_history(plan: Plan) -> dict[str, tuple[LevelChange, ...]]:
    """Each active's weekly level changes, with the date each one starts."""
    return level_history_of(plan.start, plan.levels)


def level_history_of(start: date, levels: dict[str, tuple[Level, ...]]) -> dict[str, tuple[LevelChange, ...]]:
    return {
        name: tuple(
            LevelChange(lv.week, start + timedelta(weeks=lv.week - 1), lv.per_week, lv.reason, tuple(lv.rules))
            for lv in changes
        )
        for name, changes in sorted(levels.items())
    }


def levels_in_window(changes: tuple[LevelChange, ...], first: date) -> tuple[int, tuple[LevelChange, ...]]:
    """What the terminal shows of one active's level history for a window starting ``first``:
    (how many earlier changes it leaves out, the changes it shows). It shows the level in
    effect on ``first`` (the last change starting on or before it, with its reason) and every
    change after it; the earlier ones stay in ``--json``.
    """
    shown_from = 0
    for i, change in enumerate(changes):
        if change.start > first:
            break
        shown_from = i
    return shown_from, changes[shown_from:]


def sparkline(values: list[int | None], top: int | None = None) -> str:
    """Eight-level bar glyphs, a space where there is no value; scaled to ``top`` (or the max)."""
    bars = "▁▂▃▄▅▆▇█"
    known = [v for v in values if v is not None]
    scale = top if top is not None else (max(known) if known else 0)
    if scale <= 0:
        return "".join(" " if v is None else bars[0] for v in values)
    return "".join(
        " " if v is None else bars[min(len(bars) - 1, round(v / scale * (len(bars) - 1)))] for v in values
    )


def plan_weeks_to_cover(start: date, today: date, minimum: int = 12) -> int:
    """How many plan weeks reach ``today`` (at least ``minimum``)."""
    if today < start:
        return minimum
    return max(minimum, (today - start).days // 7 + 1)
