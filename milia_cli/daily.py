"""The daily use cases (issue 14, item 1): what `today`, `checkin` and `stats` do, as calls on a
:class:`~milia_cli.home.Home` — the command line is parse, one of these, render::

    from milia_cli import Home
    home = Home(profile="ana")
    view = home.day()                                   # a DayView, or NotStarted
    result = home.checkin(all_done=True, irritation=1)  # what was stored, and what it changed
    stats = home.stats(days=28)

Each reads only the part of the log its answer needs (a check-in or `today` costs the same on a
log of any length) in one connection, and hands the pure planner what it read; nothing here
prints. Imported only by the commands that use it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    from milia_cli.guarded_store import GuardedStore
    from milia_cli.home import Home
    from milia_cli.logmodel import CheckIn, Log
    from milia_cli.plan import Day
    from milia_cli.planner import DayView
    from milia_cli.profile import Profile
    from milia_cli.stats import Stats
    from milia_cli.store import Store
    from milia_cli.store_rows import HistoryRow

RECENT_LOOKBACK = timedelta(days=7 * 12)  # the notices' window (A6/A7 over 12 weeks, A1): full check-ins
DEFAULT_STATS_DAYS = 84
MAX_STATS_DAYS = 36_600


# -- today ---------------------------------------------------------------------------------------
class NotStarted(NamedTuple):
    """The answer for a day before the plan starts."""

    day: date
    start: date

    def to_dict(self, profile: Profile) -> dict[str, object]:
        return {"schema": "milia.today/1", "profile": profile.id, "name": profile.name, "started": False,
                "date": self.day.isoformat(), "start": self.start.isoformat()}


def day_view(home: Home, day: date | None = None) -> DayView | NotStarted:
    """The plan of ``day`` (default: today in the profile's zone) as `today` shows it: steps,
    what is checked, what is new, level changes and notices."""
    from milia_cli.planner import Planner

    profile = home.profile()
    today = home.today()
    day = day or today
    if day < profile.schedule.start:
        return NotStarted(day, profile.schedule.start)
    log, rows = _recent_log_and_history(home, day)
    view = Planner(profile, log, today=today, irritations=rows).day_view(day)
    assert view is not None  # the plan has begun by ``day``
    return view


def _recent_log_and_history(home: Home, day: date) -> tuple[Log, Sequence[tuple[date, int | None]]]:
    """The full check-ins of the notices' window through ``day`` and the (date, irritation) of
    each check-in of the plan so far, to ``day`` (titration reads nothing before the start):
    the same cost on a log of any length; one connection."""
    from milia_cli.logmodel import EMPTY_LOG

    if not home.has_log():
        return EMPTY_LOG, ()
    with home.open_store() as store:
        first = store.plan_history_first(home.log_key, home.profile().schedule.start)
        # a pause open before day 1 reaches the planner through the compact rows from `first` (invariant 10)
        return (store.read_log(home.log_key, first=day - RECENT_LOOKBACK, last=day),
                store.read_irritations(home.log_key, first=first, last=day))


# -- checkin -------------------------------------------------------------------------------------
class CheckinAnswers(NamedTuple):
    """What a check-in says, as the flags of `milia checkin` do (steps by any name `today` shows)."""

    done: Sequence[str] = ()
    skip: Sequence[str] = ()
    all_done: bool = False
    irritation: int | None = None
    bumps: int | None = None
    note: str | None = None
    picked: bool = False
    count: int | None = None  # type: ignore[assignment]  # as CheckIn's: shadows tuple.count, never called
    replace: bool = False  # replace the day instead of adding to it

    def given(self) -> bool:
        return bool(self.done or self.skip or self.all_done or self.picked or self.replace) or any(
            v is not None for v in (self.irritation, self.bumps, self.note, self.count))


class CheckinResult(NamedTuple):
    stored: CheckIn  # the day as it now stands in the log
    said: CheckIn  # what this check-in said
    plan: Day  # that day's plan
    answer: str  # what the check-in means at once (B6, B7, A1), "" when nothing
    tonight: str  # what it changed in this evening's plan, "" when nothing (or not asked)


def record_checkin(home: Home, day: date | None = None, answers: CheckinAnswers | None = None, *,
                   ask: Callable[[Day, CheckIn | None, date], CheckIn] | None = None,
                   tonight: bool = True, notify: Callable[[str], None] | None = None) -> CheckinResult:
    """Record ``day`` (default today): from ``answers``, or from ``ask(plan, stored, today)`` (the
    terminal's questions) when there are none. Validated before the database is touched; one
    transaction; ``tonight`` also works out what changed in this evening's plan. ``notify``
    hears how many old "all" days were resolved (default: :meth:`Home.warn`)."""
    from milia_cli import checkin as core
    from milia_cli.errors import MiliaError
    from milia_cli.messages import log as msg
    from milia_cli.planner import Planner

    profile = home.profile()
    today = home.today()
    day = day or today
    core.check_day(day, today, profile.schedule.start)
    if answers is not None:
        core.check_irritation(answers.irritation)
        core.check_count(answers.count)
        core.check_bumps(answers.bumps)
        core.check_note(answers.note)
    elif ask is None:
        raise ValueError("record_checkin needs answers or ask")
    with home.open_store() as store:
        # the plan of `day` reads nothing outside [day 1, day] (or a pause or stop open on day 1;
        # nothing later changes the day): a check-in costs the same on a log of any length
        log = core.read_log_resolved(store, home.log_key, profile, today, notify or home.warn,
                                     first=store.plan_history_first(home.log_key, profile.schedule.start), last=day)
        plan = Planner(profile, log, today=today).day(day)
        if plan is None or not plan.steps:
            raise MiliaError(msg.NO_PLAN_DAY.format(date=day))
        if answers is not None:
            record = core.build_checkin(plan, done=answers.done, skip=answers.skip, all_done=answers.all_done,
                                        irritation=answers.irritation, bumps=answers.bumps, note=answers.note,
                                        picked=answers.picked, count=answers.count)
            if answers.replace:
                store.save_checkin(home.log_key, record)
                stored = record
            else:
                stored = store.merge_checkin(home.log_key, record)
        else:
            assert ask is not None
            record = stored = ask(plan, log.on(day), today)
            store.save_checkin(home.log_key, record)
        change = _tonight(store, home, profile, log, stored, today, record.irritation) if tonight else ""
    return CheckinResult(stored, record, plan, _answer(record, stored, log, today), change)


def _answer(record: CheckIn, stored: CheckIn, log: Log, today: date) -> str:
    if record.irritation is None and not record.picked and not record.note:
        return ""
    from milia_cli.reaction import checkin_answer

    others = tuple(c for c in log.checkins if c.date != stored.date)
    said = stored._replace(irritation=record.irritation, picked=record.picked, note=record.note)  # this run's
    return checkin_answer(said, log._replace(checkins=tuple(sorted(others + (stored,), key=lambda c: c.date))),
                          today=today) or ""


def _tonight(store: Store | GuardedStore, home: Home, profile: Profile, log: Log, stored: CheckIn, today: date,
             irritation: int | None) -> str:
    """What this check-in changed in this evening's plan ("" when nothing): the plan of today
    from the log before and after it."""
    from milia_cli.checkin_answers import tonight_change
    from milia_cli.planner import Planner

    if today < profile.schedule.start:
        return ""
    after = store.read_log(home.log_key, first=profile.schedule.start, last=today) if stored.date < today else \
        log._replace(checkins=tuple(sorted([c for c in log.checkins if c.date != stored.date] + [stored],
                                           key=lambda c: c.date)))
    earlier = log.on(stored.date)
    before = after._replace(checkins=tuple(sorted(
        [c for c in after.checkins if c.date != stored.date] + ([earlier] if earlier is not None else []),
        key=lambda c: c.date)))
    return tonight_change(Planner(profile, before, today=today).day(today),
                          Planner(profile, after, today=today).day(today), irritation)


# -- stats ---------------------------------------------------------------------------------------
def stats(home: Home, days: int = DEFAULT_STATS_DAYS) -> Stats:
    """Adherence, streaks, the calendar, irritation and bumps and the level history of the
    ``days`` ending today, without building the whole plan: the whole history only as compact
    rows (streaks, titration), full check-ins only for the window; one connection."""
    from milia_cli.errors import UsageError
    from milia_cli.logmodel import EMPTY_LOG
    from milia_cli.messages import log as msg
    from milia_cli.planner import Planner
    from milia_cli.stats import compute_stats_from_skeleton, plan_weeks_to_cover

    if not 1 <= days <= MAX_STATS_DAYS:
        raise UsageError(msg.BAD_DAYS.format(value=days, limit=MAX_STATS_DAYS))
    profile = home.profile()
    today = home.today()
    window_first = today - timedelta(days=days - 1)
    rows: tuple[HistoryRow, ...]
    log, rows = EMPTY_LOG, ()
    if home.has_log():
        with home.open_store() as store:
            # nothing after today counts, nor before day 1 but a pause or stop still open then
            first = store.plan_history_first(home.log_key, profile.schedule.start)
            rows = store.read_history(home.log_key, first=first, last=today)
            log = store.read_log(home.log_key, first=window_first, last=today)
    planner = Planner(profile, log, today=today,
                      irritations=((day, irritation) for day, _all, _done, _skipped, irritation in rows))
    skeleton = planner.skeleton(weeks=plan_weeks_to_cover(profile.schedule.start, today), through=today,
                                window_first=window_first)
    return compute_stats_from_skeleton(skeleton, log, rows, today, days)
