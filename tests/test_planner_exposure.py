"""Titration counts a week's active evenings without building steps (planner._Planner._exposure);
the count must be what the built plan has, after B7 stops and E2 aftercare."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from milia_cli.plan import ACTIVE_STEPS
from milia_cli.planner import _Planner
from tests.test_planner_strategies import logs, profiles


@st.composite
def planners(draw):
    profile = draw(profiles())
    start = profile.schedule.start
    weeks = draw(st.integers(1, 16))
    log = draw(logs(start, 7 * weeks))
    today = start + timedelta(days=draw(st.integers(-7, 7 * weeks + 7)))
    return _Planner(profile, log, start, weeks, today), weeks


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planners())
def test_exposure_counts_the_active_evenings_the_plan_has(case) -> None:
    planner, weeks = case
    for week in range(1, weeks + 1):
        first = planner.start + timedelta(days=7 * (week - 1))
        planned = sum(1 for k in range(7) for s in planner.day(first + timedelta(days=k)).pm if s.step in ACTIVE_STEPS)
        assert planner._exposure(week, planner.titration.week(week)) == planned
