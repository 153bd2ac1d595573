"""The calendar a profile's plan becomes: which days it shows, the plan behind them, the
content's date and the identity its UIDs come from (issue 16) — one function for `export
ics`, `sync caldav`, the calendar CSVs and `batch --format ics`, so a client's calendar is
the same bytes whichever command wrote it.

Pure (no I/O, no clock: ``today`` is given); imported only by those commands.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from milia_cli.errors import UsageError
from milia_cli.messages import calendar as cal_msg
from milia_cli.messages import export as msg
from milia_cli.records import NamedTuple
from milia_cli.views import plan_week_first_day

if TYPE_CHECKING:
    from milia_cli.logmodel import Log
    from milia_cli.plan import Plan
    from milia_cli.profile import Profile

MAX_WEEKS = 520
MAX_SPAN_WEEKS = 2 * MAX_WEEKS  # the whole plan built behind a window (start .. window's end)
FEED_BACK_DAYS = 14  # a feed shows two weeks back


class CalendarWindow(NamedTuple):
    """A calendar's view of the plan: ``plan`` runs from the profile's start to ``last`` (a
    series keeps the UID of its first day in the whole plan), and a calendar shows its days
    from ``first`` on (same program, not rebased: :mod:`milia_cli.views`)."""

    plan: Plan
    first: date
    last: date
    revised: date  # the content's date: DTSTAMP and SEQUENCE (exporters.ics.content_date)
    identity: str  # what UIDs are derived from: the profile's id, else its name


def identity_of(profile: Profile) -> str:
    """The profile's stable id when it has one (a rename keeps UIDs), else its name."""
    return getattr(profile, "id", None) or profile.name


def window_for(profile: Profile, log: Log, today: date, weeks: int, first: date | None = None, *,
               feed: bool = False) -> CalendarWindow:
    """The plan behind a calendar of ``weeks`` weeks from ``first`` (default: this plan week;
    ``feed``: two weeks before today, then ``weeks`` weeks ahead)."""
    from milia_cli.exporters.ics import content_date
    from milia_cli.planner import Planner

    if not 1 <= weeks <= MAX_WEEKS:
        raise UsageError(msg.BAD_WEEKS.format(max=MAX_WEEKS, value=weeks))
    start = profile.schedule.start
    if feed:
        first = today - timedelta(days=FEED_BACK_DAYS)
        last = today + timedelta(days=7 * weeks - 1)
    else:  # a view from before the start shows its weeks from the start (issue 13, item 5)
        first = max(first, start) if first is not None else plan_week_first_day(start, today)
        last = first + timedelta(days=7 * weeks - 1)
    first = max(first, start)
    last = max(last, first)
    span = (last - start).days // 7 + 1
    if span > MAX_SPAN_WEEKS:
        raise UsageError(cal_msg.BAD_FROM_RANGE.format(day=first, max=MAX_SPAN_WEEKS - weeks, start=start))
    plan = Planner(profile, log, today=today).plan(span)
    plan = plan._replace(days=tuple(d for d in plan.days if d.date <= last))
    return CalendarWindow(plan, first, last, content_date(profile, log, today, first), identity_of(profile))


def window_ics(window: CalendarWindow, profile: Profile | None = None, **options: Any) -> bytes:
    """The ICS file of ``window``: its days, UIDs from its identity, DTSTAMP/SEQUENCE from its
    content's date (``options``: ``alarm``, ``expand``, ``per_step``, ``refresh``)."""
    from milia_cli.exporters.ics import export_ics

    return export_ics(window.plan, profile, identity=window.identity, revised=window.revised, first=window.first,
                      **options)


def shown_days(window: CalendarWindow) -> Plan:
    """The window's plan with only the days a calendar shows (for CSV rows)."""
    return window.plan._replace(days=tuple(d for d in window.plan.days if d.date >= window.first), first=window.first)
