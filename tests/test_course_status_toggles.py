"""A status entered by mistake and taken back the same day rewrites nothing (B13, invariant 12).

Found by trying it as a user would: `profile set pregnancy pregnant`, then, the same day,
`profile set pregnancy none`. The log rightly dropped the day's change (it ends where the day
began) but the TOML kept `pregnancy_since` = that day, which the timeline reads as a change from
the cautious "pregnant" to "none": every day before it lost its retinol evenings. The property
below runs whole courses of status changes through the CLI, same-day corrections included, and
holds that each `profile set` leaves every day before its date as `plan` showed it just before.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE_PROFILE, Milia
from milia_cli.store import open_store
from tests.support.examples import examples

START = date(2026, 11, 23)  # BASE_PROFILE's schedule.start
STATUSES = ("none", "pregnant", "trying", "breastfeeding")


def plan_days(m: Milia, today: date) -> dict[str, dict]:
    res = m("plan", "--json", "--from", START.isoformat(), "--weeks", "12", today=today)
    assert res.exit_code == 0, res.output
    return {d["date"]: d for d in json.loads(res.stdout)["days"]}


def profile_toml(m: Milia) -> dict:
    return tomllib.loads((m.home / "profiles" / "default.toml").read_text())


def set_status(m: Milia, status: str, today: date) -> None:
    res = m("profile", "set", "pregnancy", status, today=today)
    assert res.exit_code == 0, res.output


def with_a_log(m: Milia) -> None:
    """A check-in on day 1, so the home has a log (a change is recorded in it)."""
    assert m("checkin", "--date", START.isoformat(), "--all", "--irritation", "0", today=START).exit_code == 0


def test_pregnant_taken_back_the_same_day_leaves_the_plan_as_it_was(milia) -> None:
    milia.write_profile()
    day = START + timedelta(days=9)
    with_a_log(milia)
    before = plan_days(milia, day)
    assert any(s["step"] == "retinol" for d in before.values() if d["date"] < day.isoformat() for s in d["pm"])
    set_status(milia, "pregnant", day)
    set_status(milia, "none", day)
    assert plan_days(milia, day) == before
    assert "pregnancy_since" not in profile_toml(milia)
    with open_store(milia.home / "milia.db") as store:
        assert store.changes("default") == ()


def test_a_carried_file_keeps_its_own_date_through_a_same_day_correction(milia) -> None:
    """A client's file says "pregnant since X" and the log here knows nothing of it (a clinic
    machine); a mistaken change taken back on a later day keeps X, so days before X keep their
    retinol and days from X keep none."""
    since = START + timedelta(days=5)
    milia.write_profile(BASE_PROFILE.replace('pregnancy = "none"', f'pregnancy = "pregnant"\npregnancy_since = {since}'))
    day = START + timedelta(days=20)
    with_a_log(milia)
    before = plan_days(milia, day)
    set_status(milia, "none", day)
    set_status(milia, "pregnant", day)
    assert plan_days(milia, day) == before
    assert profile_toml(milia)["pregnancy_since"] == since


def test_a_correction_to_a_third_status_dates_from_the_day(milia) -> None:
    milia.write_profile()
    day = START + timedelta(days=9)
    with_a_log(milia)
    set_status(milia, "pregnant", day)
    set_status(milia, "trying", day)
    assert profile_toml(milia)["pregnancy_since"] == day
    with open_store(milia.home / "milia.db") as store:
        assert [(c.date, c.old, c.new) for c in store.changes("default")] == [(day, "none", "trying")]


course = st.lists(st.tuples(st.integers(0, 9), st.sampled_from(STATUSES)), min_size=1, max_size=5)


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=course, carried=st.sampled_from([None, *STATUSES[1:]]))
def test_no_status_change_rewrites_a_day_before_it(tmp_path_factory, steps, carried) -> None:
    home = tmp_path_factory.mktemp("course")
    m = Milia(home)
    text = BASE_PROFILE
    if carried is not None:  # a file carrying a status and its date, with no log of it here
        text = text.replace('pregnancy = "none"', f'pregnancy = "{carried}"\npregnancy_since = {START + timedelta(days=3)}')
    m.write_profile(text)
    with_a_log(m)
    day = START + timedelta(days=7)
    for gap, status in steps:
        day += timedelta(days=gap)
        before = plan_days(m, day)
        res = m("profile", "set", "pregnancy", status, today=day)
        assert res.exit_code == 0, res.output
        after = plan_days(m, day)
        past = [d for d in before if d < day.isoformat()]
        assert [after[d] for d in past] == [before[d] for d in past], f"set {status} on {day} rewrote the past"


def test_init_force_records_what_it_changes_and_rewrites_no_earlier_day(milia) -> None:
    """`init --force` over a profile with a log re-does the profile, not the past: each
    plan-shaping answer that differs is a dated change of that day, as `profile set` records it;
    the shelf and the language, which init does not ask about, stay."""
    milia.write_profile(BASE_PROFILE + '\n[[shelf]]\nname = "Gel"\nstep = "moisturize"\ninci = "Water, Glycerin"\n')
    day = START + timedelta(days=9)
    with_a_log(milia)
    before = plan_days(milia, day)
    res = milia("init", "--force", "--skin-type", "dry", "--pregnancy", "pregnant", "--area", "cheeks",
                "--timezone", "Europe/Berlin", "--start", START.isoformat(), today=day)
    assert res.exit_code == 0, res.output
    after = plan_days(milia, day)
    past = [d for d in before if d < day.isoformat()]
    assert [after[d] for d in past] == [before[d] for d in past]
    assert not any(s["step"] == "retinol" for d in after.values() if d["date"] >= day.isoformat() for s in d["pm"])
    with open_store(milia.home / "milia.db") as store:
        logged = {c.key: (c.date, c.old, c.new) for c in store.changes("default")}
    assert logged["pregnancy"] == (day, "none", "pregnant") and logged["skin.type"][1:] == ("combination", "dry")
    assert "Recorded in the log: pregnancy changed from none to pregnant" in res.stderr
    toml = profile_toml(milia)
    assert toml["pregnancy_since"] == day and toml["shelf"][0]["name"] == "Gel"
