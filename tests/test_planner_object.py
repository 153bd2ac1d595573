"""One Planner answers every question as a fresh one would (issue 14: one planner object).

A :class:`~milia_cli.planner.Planner` keeps the engine of each horizon it built, so the desk
and the report ask one Planner for a day's view and the plan or skeleton of the same weeks.
Whatever it was asked before, in whatever order, each answer is the one a new Planner (and
the module-level functions, one call on a new Planner) gives.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from milia_cli.planner import Planner, build_plan, day_view, plan_days, plan_for_day, plan_skeleton
from tests.support.strategies import courses, rev2_profiles

pytestmark = pytest.mark.slow  # hypothesis over whole courses

WEEKS = 10


def _questions(draw, start):
    """A few questions about the first WEEKS weeks, as (name, arguments)."""
    day = st.integers(-7, 7 * WEEKS - 1).map(lambda n: start + timedelta(days=n))
    out = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["plan", "days", "day", "day_view", "skeleton"]))
        if kind == "plan":
            out.append((kind, (draw(st.integers(1, WEEKS)), draw(st.none() | day))))
        elif kind in ("days", "skeleton"):
            a, b = sorted((draw(day), draw(day)))
            out.append((kind, (a, b)))
        else:
            out.append((kind, (draw(day),)))
    return out


def _ask(planner: Planner, kind: str, args: tuple):
    if kind == "plan":
        return planner.plan(*args)
    if kind == "skeleton":
        first, last = args
        weeks = max(1, (last - planner.start).days // 7 + 1)
        return planner.skeleton(weeks=weeks, through=last, window_first=first)
    return getattr(planner, kind)(*args)


def _course(data, profile, today_offset):
    """The plan's start, a generated course of WEEKS weeks from it, and the day it is asked on."""
    start = profile.schedule.start
    return start, data.draw(courses(start, days=7 * WEEKS)), start + timedelta(days=today_offset)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=rev2_profiles(), today_offset=st.integers(-10, 7 * WEEKS))
def test_a_planner_asked_many_things_answers_each_as_a_new_one(data, profile, today_offset):
    start, log, today = _course(data, profile, today_offset)
    rows = [(c.date, c.irritation) for c in log.checkins]
    shared = Planner(profile, log, today=today, irritations=data.draw(st.sampled_from([None, rows])))
    for kind, args in _questions(data.draw, start):
        assert _ask(shared, kind, args) == _ask(Planner(profile, log, today=today), kind, args), kind


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=rev2_profiles(), today_offset=st.integers(-10, 7 * WEEKS))
def test_the_module_functions_are_the_planners_methods(data, profile, today_offset):
    start, log, today = _course(data, profile, today_offset)
    planner = Planner(profile, log, today=today)
    day = start + timedelta(days=data.draw(st.integers(-3, 7 * WEEKS - 1)))
    first = data.draw(st.none() | st.just(day))
    assert build_plan(profile, log, weeks=4, today=today, first=first) == planner.plan(4, first)
    assert plan_days(profile, log, day, day + timedelta(days=9), today=today) == planner.days(
        day, day + timedelta(days=9))
    assert plan_for_day(profile, log, day, today=today) == planner.day(day)
    assert day_view(profile, log, day, today=today) == planner.day_view(day)
    assert plan_skeleton(profile, log, weeks=WEEKS, today=today, through=day, window_first=day - timedelta(
        days=13)) == planner.skeleton(weeks=WEEKS, through=day, window_first=day - timedelta(days=13))
