"""`milia stats` takes a fast path (planner.plan_skeleton + compact history rows) instead of
building the whole plan: it must give exactly what the full planner + compute_stats give."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from milia_cli.logmodel import CheckIn, Log
from milia_cli.planner import build_plan, plan_skeleton
from milia_cli.stats import (
    compute_stats,
    compute_stats_from_skeleton,
    plan_weeks_to_cover,
)
from tests.support.strategies import logs, profiles

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

STEP_IDS = ["am:cleanse", "am:sunscreen", "am:moisturize", "am:makeup", "am:eye-cream", "pm:cleanse",
            "pm:retinol", "pm:exfoliate", "pm:moisturize", "pm:eye-cream", "pm:remove-makeup"]
ids = st.frozensets(st.sampled_from(STEP_IDS), max_size=6)


def rows_of(log: Log) -> tuple:
    """The store's compact history rows (store.read_history) of ``log``."""
    return tuple((c.date, c.all_done, " ".join(sorted(c.done)), " ".join(sorted(c.skipped)), c.irritation)
                 for c in log.checkins)


@st.composite
def cases(draw):
    profile = draw(profiles())
    start = profile.schedule.start
    span = draw(st.integers(1, 120))
    log = draw(logs(start, span))
    checkins = []
    for c in log.checkins:  # how the day went: all, some steps, skips
        all_done = draw(st.booleans())
        done = frozenset() if all_done else draw(ids)
        checkins.append(c._replace(all_done=all_done, done=done, skipped=draw(ids), bumps=draw(st.none() | st.integers(0, 5))))
    log = Log(tuple(checkins), log.events)
    today = start + timedelta(days=draw(st.integers(-10, span + 10)))
    days = draw(st.integers(1, 200))
    return profile, log, today, days


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_skeleton_stats_equal_full_plan_stats(case) -> None:
    profile, log, today, days = case
    weeks = plan_weeks_to_cover(profile.schedule.start, today)
    plan = build_plan(profile, log, start=profile.schedule.start, weeks=weeks, today=today)
    want = compute_stats(plan, log, today, days)
    window_first = today - timedelta(days=days - 1)
    window_log = Log(tuple(c for c in log.checkins if c.date >= window_first), log.events)
    rows = rows_of(log)
    skeleton = plan_skeleton(profile, window_log, weeks=weeks, today=today, through=today,
                             window_first=window_first, irritations=((r[0], r[4]) for r in rows))
    got = compute_stats_from_skeleton(skeleton, window_log, rows, today, days)
    assert got == want
    assert got.to_dict() == want.to_dict()
    # day for day: the skeleton's step ids are the full plan's
    assert skeleton.step_ids == tuple((d.date, d.step_ids()) for d in plan.days if d.date <= today)
    assert skeleton.levels == plan.levels


def test_skeleton_matches_full_plan_over_ten_years_of_calm_log() -> None:
    from milia_cli.profile import parse_profile
    from tests.conftest import BASE_PROFILE

    today = date(2026, 11, 23)
    start = today - timedelta(days=3652)
    profile = parse_profile(BASE_PROFILE.encode(), "test")
    profile = profile._replace(schedule=profile.schedule._replace(start=start))
    checkins = tuple(CheckIn(start + timedelta(days=i), all_done=i % 9 != 0, irritation=(2 if i % 97 == 0 else i % 2))
                     for i in range(0, 3652) if i % 8)
    log = Log(checkins)
    weeks = plan_weeks_to_cover(start, today)
    want = compute_stats(build_plan(profile, log, start=start, weeks=weeks, today=today), log, today, 84)
    rows = rows_of(log)
    skeleton = plan_skeleton(profile, log, weeks=weeks, today=today, through=today,
                             window_first=today - timedelta(days=83), irritations=((r[0], r[4]) for r in rows))
    assert compute_stats_from_skeleton(skeleton, log, rows, today, 84) == want


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_today_from_compact_history_equals_today_from_the_whole_log(case) -> None:
    """`milia today` reads full check-ins only from 12 weeks before the day (A6/A7 read the counts and
    new bumps of that window; revision 2), titration from compact rows."""
    from milia_cli.planner import day_view

    profile, log, _, days = case
    day = profile.schedule.start + timedelta(days=days % 90)
    upto = Log(tuple(c for c in log.checkins if c.date <= day), log.events)  # what the CLI loads
    recent = Log(tuple(c for c in upto.checkins if c.date >= day - timedelta(days=7 * 12)), log.events)
    rows = rows_of(upto)
    want = day_view(profile, upto, day, today=day)
    assert day_view(profile, recent, day, today=day, irritations=((r[0], r[4]) for r in rows)) == want
