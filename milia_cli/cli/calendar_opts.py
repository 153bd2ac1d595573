"""What `export ics`, the calendar CSVs and `sync caldav` share (issue 16): the window a
calendar shows, the plan behind it, DST warnings, and a quiet exit on a closed pipe.

Imported only by those commands (never at start-up).
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

import typer

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
from milia_cli.messages import calendar as cal_msg
from milia_cli.messages import export as msg

if TYPE_CHECKING:
    from milia_cli.cli.app import State
    from milia_cli.plan import Plan
    from milia_cli.profile import Profile

EXIT_PIPE = 141  # what a shell reports for a process ended by SIGPIPE (128 + 13)


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


def wall_time_warnings(profile: Profile, days: dict[str, list[date]]) -> list[str]:
    """The DST warnings (issue 16, 6d) for the profile's morning and evening times on ``days``
    (slot -> days). Pure: `profile set`/`init` can call it with the next year's days."""
    from milia_cli.exporters.tzrules import wall_time_problems

    zone = profile.schedule.timezone
    out = []
    for slot, at in (("am", profile.schedule.am), ("pm", profile.schedule.pm)):
        problems = wall_time_problems(zone, at, days.get(slot, []))
        for kind in ("gap", "overlap"):
            found = [p for p in problems if p.kind == kind]
            if not found:
                continue
            head, n = found[0], len(found) - 1
            more = cal_msg.DST_MORE.format(n=n, s="" if n == 1 else "s") if n else ""
            text = cal_msg.DST_GAP if kind == "gap" else cal_msg.DST_OVERLAP
            out.append(text.format(slot=msg.SLOT_LABEL[slot], at=f"{at:%H:%M}", day=head.day, zone=zone,
                                   more=more, lo=f"{head.lo:%H:%M}", hi=f"{head.hi:%H:%M}"))
    return out


def emit_calendar(st: State, data: bytes, output: str | None, force: bool = False) -> None:
    """``_emit``, but a reader that closes the pipe early (``| head -1``) ends the run quietly."""
    from milia_cli.cli.export_cmds import _emit

    try:
        _emit(st, data, output, force)
    except BrokenPipeError:
        _silence_stdout(st)
        raise typer.Exit(EXIT_PIPE) from None


def _silence_stdout(st: State) -> None:
    """Point the closed standard output at /dev/null, so the flush at exit cannot complain."""
    try:
        fd = st.env.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)

