"""SPEC.md safety invariants 1–9 as properties over generated profiles, dates and logs.

Revision 2 (issue 11) changed what some of them mean, and these checks follow: under 18 (A8,
invariant 13) there are no steps at all, so 7 and 9 hold for adults; a rise from 0 that
restarts an active (B13) needs no two weeks at 0; invariant 5 compares the week after
irritation 2 with the *levels* of the week it was logged in (B6 now pauses from that evening,
so that week's evenings are cut too); mornings in E2 aftercare may lose the sunscreen on the
treated areas (invariant 14). Invariants 10–16 are in ``test_rev2_invariants.py``.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from milia_cli.logmodel import EMPTY_LOG
from milia_cli.planner import build_plan, plan_days
from tests.support.invariants import (
    check_log_free_invariants,
    check_log_invariants,
)
from tests.support.strategies import logs, profiles, start_dates

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop


@settings(max_examples=150, deadline=None)
@given(profile=profiles(), weeks=st.integers(1, 30), today_offset=st.integers(-400, 400))
def test_invariants_without_log(profile, weeks, today_offset):
    today = profile.schedule.start + timedelta(days=today_offset)
    plan = build_plan(profile, EMPTY_LOG, weeks=weeks, today=today).to_dict()
    check_log_free_invariants(profile, plan, today)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), profile=profiles(), today_offset=st.integers(-30, 120))
def test_invariants_with_generated_logs(data, profile, today_offset):
    start = profile.schedule.start
    log = data.draw(logs(start))
    today = start + timedelta(days=today_offset)
    plan = build_plan(profile, log, weeks=14, today=today).to_dict()
    check_log_free_invariants(profile, plan, today, log)
    check_log_invariants(plan, log)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), profile=profiles(), today_offset=st.integers(-30, 120))
def test_determinism_byte_identical(data, profile, today_offset):
    log = data.draw(logs(profile.schedule.start))
    today = profile.schedule.start + timedelta(days=today_offset)
    a = build_plan(profile, log, weeks=12, today=today).to_json()
    b = build_plan(profile, log, weeks=12, today=today).to_json()
    assert a == b


@settings(max_examples=60, deadline=None)
@given(data=st.data(), profile=profiles(), start=start_dates, today_offset=st.integers(-30, 200))
def test_plan_days_agrees_with_build_plan(data, profile, start, today_offset):
    """The per-day helper gives exactly the days of the full plan (other commands rely on it)."""
    log = data.draw(logs(start))
    today = start + timedelta(days=today_offset)
    full = build_plan(profile, log, start=start, weeks=10, today=today)
    lo = data.draw(st.integers(-5, 69))
    hi = data.draw(st.integers(lo, 69))
    got = plan_days(profile, log, start + timedelta(days=lo), start + timedelta(days=hi), today=today, start=start)
    want = tuple(d for d in full.days if start + timedelta(days=lo) <= d.date <= start + timedelta(days=hi))
    assert got == want
