"""A client's progress report as data (issue 17, item 2): pure, from the plan and the log.

:func:`report_for` builds the plan up to today's week from the log (the planner decides what
the titration did: steps up, step-downs, stops, resumes), then :func:`build_report` reads
off, for the last ``weeks`` plan weeks up to today:

- the bump count at every check-in that recorded one (bumps seen that day, in total);
- per week: the active evenings planned, those checked as done, the highest irritation
  logged (None when no check-in that week said: never a zero that was not logged);
- per day: the share of required steps done (:func:`milia_cli.stats.day_status`, the same
  definition as `milia stats`), None without a check-in;
- per active: the evenings planned each week and every level change, with its kind and
  the planner's reason;
- the procedures (done and planned) with their aftercare, and the `resume` events;
- the notices in force today, in a reader's words.

:meth:`Report.to_dict` is the ``milia.report/1`` JSON (milia_cli/schemas/report.schema.json).
Nothing here reads a clock, a file or the environment.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from milia_cli.catalogue import ACTIVE_STEPS
from milia_cli.logmodel import Log
from milia_cli.plan import Level, Notice, Plan
from milia_cli.profile import Profile
from milia_cli.records import NamedTuple

if TYPE_CHECKING:
    import datetime

REPORT_SCHEMA = "milia.report/1"
AHEAD_DAYS = 56  # planned procedures shown up to 8 weeks after today


class BumpPoint(NamedTuple):
    date: date
    # bumps seen that day, in total (the report JSON's "count"); shadows tuple.count, never called
    count: int  # type: ignore[assignment]
    new: int | None  # new since the last check-in, when logged


class WeekRow(NamedTuple):
    week: int
    first: date
    last: date  # the week's last day, or today in the current week
    checkins: int
    planned_active: int  # active evenings the plan had (up to today)
    done_active: int  # of those, checked as done
    max_irritation: int | None  # None: no check-in of the week gave one
    required_planned: int  # required steps of the days with a check-in
    required_done: int


class CalendarDay(NamedTuple):
    date: date
    week: int
    logged: bool
    adherence: float | None  # share of required steps done; None without a check-in
    future: bool


class LadderChange(NamedTuple):
    active: str  # "retinol" | "exfoliate"
    week: int
    per_week: int
    kind: str  # start | up | down | stop | resume | out | back
    reason: str  # in a reader's words ("" for the start)


class TimelineItem(NamedTuple):
    date: date
    kind: str  # a procedure kind, or "resume"
    areas: tuple[str, ...]
    planned: bool  # after today
    # (`datetime.date`: the field above hides the type `date` in this class)
    aftercare_until: datetime.date | None  # procedures: the last day of E2's 14 days
    seen_clinician: bool = False


class Report(NamedTuple):
    profile: str
    name: str
    today: date
    start: date
    first: date  # the window: first day of week_first ..
    last: date  # .. today, or the last day of week_last if the plan is over
    week_first: int
    week_last: int  # 0: the plan has not started
    bumps: tuple[BumpPoint, ...]
    weeks: tuple[WeekRow, ...]
    calendar: tuple[CalendarDay, ...]
    ladder: dict[str, tuple[int, ...]]  # active -> evenings planned per week of the window
    changes: tuple[LadderChange, ...]  # every level change from week 1 to week_last
    timeline: tuple[TimelineItem, ...]
    notices: tuple[Notice, ...]  # in force today, most serious first, in a reader's words

    @property
    def checkins(self) -> int:
        return sum(w.checkins for w in self.weeks)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1 if self.week_last else 0

    @property
    def adherence(self) -> float | None:
        planned = sum(w.required_planned for w in self.weeks)
        return sum(w.required_done for w in self.weeks) / planned if planned else None

    def to_dict(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return None if d is None else d.isoformat()

        return {
            "schema": REPORT_SCHEMA,
            "profile": self.profile,
            "name": self.name,
            "today": iso(self.today),
            "start": iso(self.start),
            "window": {"first": iso(self.first), "last": iso(self.last), "week_first": self.week_first,
                       "week_last": self.week_last, "days": self.days},
            "summary": {"checkins": self.checkins, "adherence": _rate(self.adherence)},
            "bumps": [{"date": iso(b.date), "count": b.count, "new": b.new} for b in self.bumps],
            "weeks": [{"week": w.week, "first": iso(w.first), "last": iso(w.last), "checkins": w.checkins,
                       "active_planned": w.planned_active, "active_done": w.done_active,
                       "max_irritation": w.max_irritation, "required_planned": w.required_planned,
                       "required_done": w.required_done} for w in self.weeks],
            "calendar": [{"date": iso(d.date), "week": d.week, "logged": d.logged, "adherence": _rate(d.adherence),
                          "future": d.future} for d in self.calendar],
            "ladder": {
                "weeks": [w.week for w in self.weeks],
                "evenings": {a: list(v) for a, v in self.ladder.items()},
                "changes": [{"active": c.active, "week": c.week, "per_week": c.per_week, "kind": c.kind,
                             "reason": c.reason} for c in self.changes],
            },
            "timeline": [{"date": iso(t.date), "kind": t.kind, "areas": list(t.areas), "planned": t.planned,
                          "aftercare_until": iso(t.aftercare_until), "seen_clinician": t.seen_clinician}
                         for t in self.timeline],
            "notices": [{"id": n.id, "level": n.level, "text": n.text} for n in self.notices],
        }

    def to_json(self) -> str:
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def week_of(start: date, day: date) -> int:
    return (day - start).days // 7 + 1


def report_for(profile: Profile, log: Log, today: date, weeks: int) -> Report:
    """The report of the last ``weeks`` plan weeks up to ``today``: plans, then reads off."""
    from milia_cli.planner import Planner

    start = profile.schedule.start
    if today < start:
        return build_report(None, log, profile, today, weeks)
    planner = Planner(profile, log, today=today)  # the plan to today's week and today's view: one course
    plan = planner.plan(weeks=week_of(start, today))
    view = planner.day_view(today)
    return build_report(plan, log, profile, today, weeks, today_notices=view.notices if view else ())


def build_report(plan: Plan | None, log: Log, profile: Profile, today: date, weeks: int,
                 today_notices: tuple[Notice, ...] = ()) -> Report:
    """The report of the last ``weeks`` weeks of ``plan`` up to ``today`` (None: not started)."""
    from milia_cli.exporters.reader_words import for_reader

    start = profile.schedule.start
    name, key = profile.name, profile.id or profile.name
    if plan is None or not plan.days or today < start:
        return Report(key, name, today, start, start, start, 0, 0, (), (), (), {}, (), _timeline(log, start, today), ())
    week_last = min(week_of(start, today), plan.weeks)
    week_first = max(1, week_last - weeks + 1)
    first = start + timedelta(days=7 * (week_first - 1))
    last = min(today, start + timedelta(days=7 * week_last - 1))
    rows, calendar = _weeks(plan, log, week_first, week_last, last, today)
    shown = range(week_first, week_last + 1)
    ladder = {a: tuple(sum(1 for d in plan.week(w) if d.date <= last and d.has(a)) for w in shown)
              for a in ACTIVE_STEPS if plan.levels.get(a)}
    bumps = tuple(BumpPoint(c.date, c.count, c.bumps) for c in log.between(first, last) if c.count is not None)
    notices = _in_force(plan, today_notices)
    return Report(
        key, name, today, start, first, last, week_first, week_last, bumps, rows, calendar, ladder,
        _changes(plan.levels, week_last, for_reader), _timeline(log, first, today),
        tuple(n._replace(text=for_reader(n.text)) for n in notices),
    )


def _weeks(plan: Plan, log: Log, week_first: int, week_last: int, last: date,
           today: date) -> tuple[tuple[WeekRow, ...], tuple[CalendarDay, ...]]:
    from milia_cli.stats import day_status

    rows: list[WeekRow] = []
    calendar: list[CalendarDay] = []
    for w in range(week_first, week_last + 1):
        days = plan.week(w)
        checkins = planned = done = req_planned = req_done = 0
        irritation: int | None = None
        for day in days:
            checkin = log.on(day.date) if day.date <= last else None
            status = day_status(day, checkin, today)
            actives = [s.id for s in day.pm + day.am if s.active]
            if day.date <= last:
                planned += len(actives)
                done += sum(1 for s in actives if s in status.done)
            if checkin is not None:
                checkins += 1
                req_planned += len(status.required)
                req_done += sum(1 for s in status.required if s in status.done)
                if checkin.irritation is not None:
                    irritation = max(irritation or 0, checkin.irritation)
            calendar.append(CalendarDay(day.date, w, checkin is not None,
                                        status.adherence if checkin is not None else None, day.date > last))
        rows.append(WeekRow(w, days[0].date, min(days[-1].date, last), checkins, planned, done, irritation,
                            req_planned, req_done))
    return tuple(rows), tuple(calendar)


def change_kind(previous: Level | None, level: Level) -> str:
    """What a level change was: the planner's reason says stop/resume/out/back; else the direction."""
    from milia_cli.messages import plan as pmsg

    if previous is None:
        return "start"
    stopped = pmsg.REASON_STOPPED.partition("{day}")
    if level.reason.startswith(stopped[0]) and level.reason.endswith(stopped[2]):
        return "stop"
    if level.reason == pmsg.REASON_RESUMED:
        return "resume"
    if level.reason == pmsg.REASON_LEFT_OUT:
        return "out"
    if level.reason in (pmsg.REASON_BACK_IN, pmsg.REASON_RETINOL_BACK, pmsg.REASON_ACID_BACK):
        return "back"
    return "up" if level.per_week > previous.per_week else "down"


def _changes(levels: dict[str, tuple[Level, ...]], week_last: int, words) -> tuple[LadderChange, ...]:
    out = []
    for active in ACTIVE_STEPS:
        previous = None
        for level in levels.get(active, ()):
            if level.week > week_last:
                break
            out.append(LadderChange(active, level.week, level.per_week, change_kind(previous, level),
                                    words(level.reason) if previous is not None else ""))
            previous = level
    return tuple(sorted(out, key=lambda c: (c.week, ACTIVE_STEPS.index(c.active))))


def _timeline(log: Log, first: date, today: date) -> tuple[TimelineItem, ...]:
    from milia_cli.timeline import AFTERCARE_DAYS

    out = []
    for event in log.events:
        until = event.date + timedelta(days=AFTERCARE_DAYS - 1) if event.is_procedure else None
        shown_from = first - timedelta(days=AFTERCARE_DAYS - 1) if event.is_procedure else first
        if not shown_from <= event.date <= today + timedelta(days=AHEAD_DAYS):
            continue
        if not event.is_procedure and event.date > today:
            continue
        out.append(TimelineItem(event.date, event.kind, event.areas, event.date > today, until,
                                event.seen_clinician))
    return tuple(out)


def _in_force(plan: Plan, today_notices: tuple[Notice, ...]) -> tuple[Notice, ...]:
    """Today's notices and the plan's standing stop/refer ones, most serious first, once each."""
    order = {"stop": 0, "refer": 1, "caution": 2, "info": 3}
    seen, out = set(), []
    for n in tuple(today_notices) + tuple(n for n in plan.notices if n.level in ("stop", "refer")):
        if (n.id, n.text) not in seen:
            seen.add((n.id, n.text))
            out.append(n)
    return tuple(sorted(out, key=lambda n: order.get(n.level, 4)))
