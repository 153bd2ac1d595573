"""Issue 13, item 3 (the `profile set` part): non-IANA zones refused with the name to use, one
line saying what each change does to the plan, and a cleared key read as cleared."""

from __future__ import annotations

import pytest

from milia_cli.profile import load_profile


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


def profile_path(m):
    return m.home / "profiles" / "default.toml"


@pytest.mark.parametrize("zone, use", [("EST", "America/New_York"), ("est", "America/New_York"),
                                       ("US/Eastern", "America/New_York"), ("Europe/Berln", "Europe/Berlin")])
def test_a_zone_that_names_no_place_is_refused_with_the_name_to_use(m, zone, use):
    before = profile_path(m).read_bytes()
    res = m("profile", "set", "schedule.timezone", zone)
    assert res.exit_code == 1 and use in res.stderr and res.stderr.count("\n") == 1, res.output
    assert profile_path(m).read_bytes() == before


@pytest.mark.parametrize("zone", ["UTC", "America/Sao_Paulo", "Asia/Kolkata"])
def test_a_region_city_zone_or_utc_is_taken_and_says_what_follows_it(m, zone):
    res = m("profile", "set", "schedule.timezone", zone)
    assert res.exit_code == 0, res.output
    assert f"'Today' and the reminders follow {zone} from now on." in res.stderr
    assert load_profile(profile_path(m)).schedule.timezone == zone


@pytest.mark.parametrize("key, value, says", [
    ("birth_year", "2015", "Under 18"),
    ("pregnancy", "pregnant", "retinol stops from this evening"),
    ("skin.type", "sensitive", "at most 3 active evenings a week"),
    ("milia.areas", "under-eyes", "no actives"),
    ("cautions.eczema_or_rosacea", "true", "no actives at all"),
    ("habits.makeup", "false", "No makeup steps"),
    ("schedule.pm", "22:00", "22:00"),
    ("schedule.start", "2026-12-07", "Day 1 of week 1 is now 2026-12-07"),
    ("name", "Bea", "handouts"),
    ("milia.since", "2026-10-01", "the plan does not use it"),
    ("pregnancy_since", "2026-11-20", "counts from 2026-11-20"),
])
def test_every_change_says_in_one_line_what_it_does_to_the_plan(m, key, value, says):
    res = m("profile", "set", key, value)
    assert res.exit_code == 0, res.output
    assert says in res.stderr, res.stderr


def test_clearing_a_key_reads_as_clearing_in_the_file_and_the_log(m):
    res = m("profile", "set", "birth_year", "")
    assert res.exit_code == 0, res.output
    assert "Cleared birth_year in " in res.stderr and "Set birth_year =  in" not in res.output
    assert "Recorded in the log: birth_year cleared (it was 1994) on 2026-11-23" in res.stderr
    assert "(not set)" not in res.stderr
    assert load_profile(profile_path(m)).birth_year is None


def test_setting_a_key_that_was_not_set_reads_as_setting(m):
    assert m("profile", "set", "birth_year", "").exit_code == 0
    res = m("profile", "set", "birth_year", "1990", today=__import__("datetime").date(2026, 11, 24))
    assert res.exit_code == 0, res.output
    assert "Recorded in the log: birth_year set to 1990 on 2026-11-24" in res.stderr and "(not set)" not in res.stderr
