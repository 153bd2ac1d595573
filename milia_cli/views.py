"""Views of a plan (issue 13, item 5): the same program shown from a later day.

A profile's program starts on ``schedule.start`` (day 1 of week 1); a *view* shows its days
from ``first`` for some weeks — `plan --from`, every export's ``--from``, `batch --from`,
`sync caldav --from` — with the week numbers, titration levels and pauses of the whole
program (:func:`milia_cli.planner.build_plan` with ``first=``). *Rebasing* is another thing:
``--start DATE`` runs the program as if ``schedule.start`` were DATE (:func:`rebased`).

Pure (no I/O, no clock: ``today`` is given) and light: imported by `plan` and the exports.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from milia_cli.logmodel import Log
    from milia_cli.profile import Profile

MAX_WEEKS = 520  # ten years: the most weeks a view shows


def plan_week_first_day(start: date, today: date) -> date:
    """The first day of the plan week holding ``today`` (the plan's start before it begins):
    where a view opens by default, so a handout made at a visit in week 9 starts at week 9."""
    if today <= start:
        return start
    return start + timedelta(days=7 * ((today - start).days // 7))


def view_first(start: date, today: date, first: date | None = None, *, week: int | None = None) -> date:
    """The first day a view shows: week ``week``'s first day, else ``first``, else the first day
    of the current plan week; never before the program's ``start`` (a view asked from an earlier
    day shows from the start)."""
    if week is not None:
        return start + timedelta(days=7 * (week - 1))
    return max(first, start) if first is not None else plan_week_first_day(start, today)


def view_last(first: date, weeks: int) -> date:
    """The last day of a view of ``weeks`` weeks from ``first``."""
    return first + timedelta(days=7 * weeks - 1)


def rebased(profile: Profile, start: date | None) -> Profile:
    """``profile`` with its program starting on ``start`` (``--start``, the meaning of
    ``schedule.start``); the profile itself when ``start`` is None."""
    if start is None or start == profile.schedule.start:
        return profile
    return profile._replace(schedule=profile.schedule._replace(start=start))


def view_log(log: Log, last: date) -> Log:
    """What a view through ``last`` reads of a whole log: every check-in up to ``last`` (and
    every event and change). A later check-in changes none of its days, and its notices are
    those of its own days (the store reads the same: :meth:`milia_cli.home.Home.plan`)."""
    if not log.checkins or log.checkins[-1].date <= last:
        return log
    return log._replace(checkins=tuple(c for c in log.checkins if c.date <= last))
