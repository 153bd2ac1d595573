"""A course for the progress-report suites: a profile and a log of nine weeks, stops and procedures included."""

from __future__ import annotations

from datetime import date, timedelta

from milia_cli.logmodel import CheckIn, Event, Log
from milia_cli.profile import parse_profile
from tests.conftest import BASE_PROFILE

BASE = parse_profile(BASE_PROFILE.encode(), "test")
START = BASE.schedule.start  # Monday 2026-11-23
TODAY_OFFSET = 62  # Wednesday of week 9


def on(offset: int) -> date:
    return START + timedelta(days=offset)


def the_log() -> Log:
    """Nine weeks: gaps, irritation 2 in week 4, 3 in week 7, counts falling, a laser, a resume."""
    checkins = []
    for i in range(TODAY_OFFSET + 1):
        if i % 5 == 3 or 40 <= i <= 42:  # days without a check-in
            continue
        irritation = {22: 2, 23: 1, 45: 3}.get(i, 0 if i % 3 else None)
        count = 20 - i // 7 if i % 7 == 1 else None
        checkins.append(CheckIn(on(i), all_done=i % 4 != 0, irritation=irritation, count=count,
                                bumps=1 if count is not None and i % 2 else None,
                                done=frozenset({"am:cleanse"}) if i % 4 == 0 else frozenset()))
    events = (Event(on(30), "laser", ("upper-eyelids",)), Event(on(52), "resume", seen_clinician=True),
              Event(on(70), "extraction", ("cheeks",)))
    return Log(tuple(checkins), events)
