"""What `export ics`, the calendar CSVs and `sync caldav` share (issue 16): the window a
calendar shows, the plan behind it, DST warnings, and the exit status of a closed pipe.

Imported only by those commands (never at start-up).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from milia_cli.calendar_window import (  # noqa: F401 (re-exported for the commands)
    FEED_BACK_DAYS,
    MAX_SPAN_WEEKS,
    MAX_WEEKS,
    CalendarWindow,
    identity_of,
    plan_week_first_day,
    shown_days,
    window_for,
)
from milia_cli.errors import UsageError
from milia_cli.messages import export as msg
from milia_cli.wall_time import wall_time_warnings

if TYPE_CHECKING:
    from milia_cli.cli.app import State
    from milia_cli.plan import Plan
    from milia_cli.profile import Profile


def calendar_window(st: State, weeks: int, first: date | None = None, *, feed: bool = False,
                    start: date | None = None) -> CalendarWindow:
    """The plan behind a calendar of ``weeks`` weeks from ``first`` (default: this plan week;
    ``feed``: two weeks before today, then ``weeks`` weeks ahead; ``start``: day 1 instead of
    schedule.start): see :meth:`milia_cli.home.Home.calendar`."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise UsageError(msg.BAD_WEEKS.format(max=MAX_WEEKS, value=weeks))
    return st.calendar(weeks, first, start=start, feed=feed)


def warn_wall_times(st: State, profile: Profile, plan: Plan, first: date) -> None:
    """One sentence per slot whose time the zone skips or repeats on a day the plan uses it."""
    used = {slot: [d.date for d in plan.days if d.date >= first and (d.am if slot == "am" else d.pm)]
            for slot in ("am", "pm")}
    for sentence in wall_time_warnings(profile, used):
        st.err("milia: " + sentence)
