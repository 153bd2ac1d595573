"""The step catalogue is the one vocabulary (issue 11, item 1): the schema, check-in ids, export
labels, stats' optional steps and the evening order all derive from it."""

from __future__ import annotations

import json
from datetime import timedelta

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from milia_cli import catalogue
from milia_cli.exporters.json_export import plan_schema_text
from milia_cli.planner import build_plan
from tests.support.strategies import courses, rev2_profiles

SCHEMA = json.loads(plan_schema_text())


def test_the_plan_schema_enums_are_the_catalogue():
    step = SCHEMA["$defs"]["step"]["properties"]["step"]["enum"]
    assert step == list(catalogue.STEP_IDS)
    assert SCHEMA["properties"]["levels"]["propertyNames"]["enum"] == [a.step for a in catalogue.ACTIVES]
    assert SCHEMA["$defs"]["notice"]["properties"]["level"]["enum"] == list(catalogue.NOTICE_LEVELS)


def test_every_vocabulary_derives_from_the_catalogue():
    from milia_cli import plan, stats
    from milia_cli.render import plan as render_plan

    assert plan.STEP_IDS is catalogue.STEP_IDS and plan.ACTIVE_STEPS is catalogue.ACTIVE_STEPS
    assert plan.NOTICE_LEVELS is catalogue.NOTICE_LEVELS
    assert stats.OPTIONAL_STEPS == {"makeup", "eye-cream"} == catalogue.OPTIONAL_STEPS  # D3: optional
    assert render_plan.SHORT is catalogue.SHORT
    assert set(catalogue.ACTIVE_STEPS) == {a.step for a in catalogue.ACTIVES}
    for kind in catalogue.STEPS:
        assert kind.title and kind.short and kind.how and set(kind.slots) <= set(catalogue.SLOTS)
        assert set(kind.how) <= {"face", "eye", "body", "with-retinol", "pregnant", "concealer"}


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(data=st.data(), profile=rev2_profiles(), today_offset=st.integers(-20, 120))
def test_plans_of_generated_courses_validate_and_keep_the_catalogue_order(data, profile, today_offset):
    log = data.draw(courses(profile.schedule.start))
    if log.changes:
        profile = profile._replace(pregnancy=log.changes[-1].new, pregnancy_since=None)
    plan = build_plan(profile, log, weeks=6, today=profile.schedule.start + timedelta(days=today_offset))
    jsonschema.validate(plan.to_dict(), SCHEMA)
    order = {k.id: k.order for k in catalogue.STEPS}
    for day in plan.days:
        for slot in (day.am, day.pm):
            ranks = [order[s.step] for s in slot]
            assert ranks == sorted(ranks), [s.step for s in slot]
            assert all(s.slot in catalogue.STEP_KINDS[s.step].slots for s in slot)
