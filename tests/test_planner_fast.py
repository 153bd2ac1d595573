"""The planner's fast paths give what the plain versions give (properties over generated courses)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from milia_cli.plan_engine import PlanEngine
from milia_cli.week_inputs import week_masks
from tests.support.examples import examples
from tests.support.planner_reference import week_masks_by_day
from tests.support.strategies import courses, rev2_profiles


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=rev2_profiles(), weeks=st.integers(1, 16))
def test_a_weeks_nights_as_bitmasks_equal_the_day_by_day_loop(data, profile, weeks):
    start = profile.schedule.start
    log = data.draw(courses(start, days=7 * weeks))
    planner = PlanEngine(profile, log, start, weeks, start + timedelta(days=data.draw(st.integers(0, 7 * weeks))))
    eps = planner.episodes
    for w in range(weeks):
        ws = start + timedelta(days=7 * w)
        p0 = planner.timeline.on(ws)
        allowed0 = planner.allowed(p0)
        touching = eps.touching(ws, ws + timedelta(days=7))
        for acid in {(0, 0), eps.acid_masks(ws)}:
            assert week_masks(planner, ws, p0, allowed0, touching, acid) == \
                week_masks_by_day(planner, ws, p0, allowed0, touching, acid)


def test_the_first_nights_looked_up_equal_the_first_nights_counted():
    from milia_cli.titration import _first_n, _first_n_of

    for mask in [*range(128), 128, 255, 1 << 9]:
        for n in range(-1, 10):
            assert _first_n(mask, n) == _first_n_of(mask, n), (mask, n)
