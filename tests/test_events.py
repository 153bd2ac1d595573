"""`milia event add/list`: validation, defaults, duplicates, and the plan's aftercare (E2)."""

from __future__ import annotations

import json
from datetime import date

import pytest

ON = date(2026, 12, 10)


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


def test_add_and_list(m) -> None:
    res = m("event", "add", "--kind", "extraction", "--date", "2026-12-08", "--area", "cheeks", "--area", "nose",
            today=ON)
    assert res.exit_code == 0, res.output
    assert "until 2026-12-22" in res.stdout and "E2" in res.stdout
    m("event", "add", "--kind", "laser", "--date", "today", "--area", "forehead", today=ON)
    listing = m("event", "list", today=ON).stdout.splitlines()
    assert listing == ["2026-12-08  extraction  cheeks, nose", "2026-12-10  laser       forehead"]
    data = json.loads(m("event", "list", "--json", today=ON).stdout)
    assert data["events"][0] == {"date": "2026-12-08", "kind": "extraction", "areas": ["cheeks", "nose"]}


def test_areas_default_to_the_profiles_milia_areas(m) -> None:
    res = m("event", "add", "--kind", "laser", "--date", "2026-12-01", today=ON)
    assert res.exit_code == 0
    assert "using the profile's milia areas" in res.stderr
    data = json.loads(m("event", "list", "--json", today=ON).stdout)
    assert data["events"][0]["areas"] == ["upper-eyelids", "under-eyes", "cheeks"]


def test_the_same_event_twice_is_logged_once(m) -> None:
    args = ("event", "add", "--kind", "laser", "--date", "2026-12-01", "--area", "nose")
    m(*args, today=ON)
    res = m(*args, today=ON)
    assert res.exit_code == 0 and "already logged" in res.stdout
    assert len(json.loads(m("event", "list", "--json", today=ON).stdout)["events"]) == 1


@pytest.mark.parametrize(
    "args, code, words",
    [
        (["--kind", "botox", "--date", "2026-12-01"], 2, "not known"),
        (["--kind", "laser", "--date", "2300-01-01"], 2, "outside"),
        (["--kind", "laser", "--date", "2026-13-01"], 2, "not a real date"),
        (["--kind", "laser", "--date", "2026-12-01", "--area", "elbow"], 2, "elbow"),
        (["--kind", "laser", "--date", "2026-12-01", "--area", "../../etc"], 2, "not known"),
    ],
)
def test_bad_events_write_nothing(m, args, code, words) -> None:
    res = m("event", "add", *args, today=ON)
    assert res.exit_code == code, res.output
    assert words in res.stderr and "Traceback" not in res.output
    assert json.loads(m("event", "list", "--json", today=ON).stdout)["events"] == []


def test_no_events_message(m) -> None:
    assert "No procedures logged" in m("event", "list", today=ON).stdout


def test_a_logged_procedure_switches_that_area_to_aftercare_in_the_plan(m) -> None:
    """E2 / invariant 8 end to end: event add -> the plan has no active on that area for 14 days."""
    from milia_cli.planner import build_plan
    from milia_cli.profile import load_profile
    from milia_cli.store import open_store

    m("event", "add", "--kind", "extraction", "--date", "2026-12-08", "--area", "cheeks", today=ON)
    profile = load_profile(m.home / "profiles" / "default.toml")
    with open_store(m.home / "milia.db") as store:
        log = store.read_log("default")
    plan = build_plan(profile, log, today=ON)
    treated = [d for d in plan.days if date(2026, 12, 8) <= d.date <= date(2026, 12, 21)]
    assert len(treated) == 14
    for day in treated:
        for step in day.steps:
            if step.active:
                assert "cheeks" not in step.areas
    after = [s for d in plan.days if d.date > date(2026, 12, 21) for s in d.steps if s.active]
    assert any("cheeks" in s.areas for s in after)  # and back once healed


def test_a_planned_procedure_is_accepted_with_the_e1_checklist_and_pauses_actives_before_it(m) -> None:
    """SPEC: `event add` logs a procedure past or planned; E1 on a future date: the checklist in
    full, and no active on that area in the 7 days before it (invariant 14)."""
    from datetime import timedelta

    day = date(2027, 1, 20)
    res = m("event", "add", "--kind", "laser", "--date", day.isoformat(), "--area", "cheeks", today=ON)
    assert res.exit_code == 0, res.output
    assert "Planned laser on 2027-01-20" in res.stdout and "from 2027-01-13" in res.stdout
    assert "tell your clinician" in res.stdout and "keloid" in res.stdout  # the E1 checklist
    plan = json.loads(m("plan", "--json", "--weeks", "12", today=ON).stdout)
    for d in plan["days"]:
        when = date.fromisoformat(d["date"])
        if day - timedelta(days=7) <= when < day:
            for step in d["pm"]:
                if step["step"] in ("retinol", "exfoliate"):
                    assert "cheeks" not in step["areas"], (when, step)
