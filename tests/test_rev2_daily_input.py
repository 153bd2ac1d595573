"""Issue 13 item 3 (daily's part): forgiving input — step names as the screen shows them,
"did you mean" for steps, keys, areas and zones, case-insensitive choices, IANA zones only,
a wizard that checks each answer at once and suggests the computer's zone, and `profile set`
saying in one line what a change does."""

from __future__ import annotations

import io
import json
import os
from datetime import time
from pathlib import Path

import pytest

from milia_cli.profile import load_profile
from milia_cli.store import open_store
from tests.conftest import TODAY, fake_env


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


def stored(m, day=TODAY):
    with open_store(m.home / "milia.db") as store:
        return store.read_log("default").on(day)


# -- step names ------------------------------------------------------------------------------
@pytest.mark.parametrize("name, ids", [
    ("eye cream", {"am:eye-cream", "pm:eye-cream"}),
    ("spf", {"am:sunscreen"}),
    ("am:spf", {"am:sunscreen"}),
    ("AM:SPF 30+", {"am:sunscreen"}),
    ("makeup off", {"pm:remove-makeup"}),
    ("Makeup Off", {"pm:remove-makeup"}),
    ("pm:Retinol", {"pm:retinol"}),
    ("Oil-free eye cream", {"am:eye-cream", "pm:eye-cream"}),
    ("morning sunscreen", {"am:sunscreen"}),
    ("cleanser", {"am:cleanse", "pm:cleanse"}),
])
def test_done_takes_what_the_screen_shows(m, name, ids):
    res = m("checkin", "--done", name)
    assert res.exit_code == 0, res.output
    assert stored(m).done == ids


def test_skip_takes_labels_too(m):
    assert m("checkin", "--all", "--skip", "eye cream").exit_code == 0
    assert stored(m).skipped == {"am:eye-cream", "pm:eye-cream"}


@pytest.mark.parametrize("typo, suggestion", [("retinl", "retinol"), ("suncreen", "SPF 30+"),
                                              ("pm:retinl", "pm:retinol"), ("eye crem", "eye cream")])
def test_a_misspelt_step_gets_did_you_mean(m, typo, suggestion):
    res = m("checkin", "--done", typo)
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert f"did you mean {suggestion!r}" in res.stderr
    assert not (m.home / "milia.db").exists() or stored(m) is None


def test_errors_about_steps_show_labels_not_dashed_ids(m):
    res = m("checkin", "--done", "exfoliate")  # not planned on the first Monday
    assert res.exit_code == 1
    assert "pm makeup off" in res.stderr and "remove-makeup" not in res.stderr and "eye-cream" not in res.stderr
    res = m("checkin", "--done", "nonsense")
    assert "makeup off" in res.stderr and "remove-makeup" not in res.stderr


# -- profile set -----------------------------------------------------------------------------
def test_an_unknown_key_gets_did_you_mean(m):
    res = m("profile", "set", "skin.typ", "dry")
    assert res.exit_code == 1 and "did you mean 'skin.type'?" in res.stderr
    res = m("profile", "set", "pregnacy", "none")
    assert "did you mean 'pregnancy'?" in res.stderr


def test_choices_are_read_in_any_case_and_stored_in_the_canonical_one(m):
    res = m("profile", "set", "skin.type", "Combination")
    assert res.exit_code == 0, res.output
    assert "Set skin.type = combination in" in res.stderr
    res = m("profile", "set", "pregnancy", "NONE")
    assert res.exit_code == 0 and load_profile(m.home / "profiles" / "default.toml").pregnancy == "none"


@pytest.mark.parametrize("key, value, suggestion", [
    ("skin.type", "oilyy", "oily"), ("milia.areas", "cheeks, nosee", "nose"),
    ("schedule.timezone", "Europe/Berln", "Europe/Berlin"), ("schedule.timezone", "Berlin", "Europe/Berlin"),
])
def test_a_near_miss_value_gets_did_you_mean(m, key, value, suggestion):
    path = m.home / "profiles" / "default.toml"
    before = path.read_bytes()
    res = m("profile", "set", key, value)
    assert res.exit_code == 1 and res.stderr.count("\n") == 1
    assert f"did you mean {suggestion!r}?" in res.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("zone, use", [("EST", "America/New_York"), ("CET", "Europe/Berlin"),
                                       ("US/Eastern", "America/New_York"), ("PST8PDT", "America/Los_Angeles")])
def test_a_zone_that_is_not_an_area_location_name_is_refused_with_the_one_to_use(m, zone, use):
    res = m("profile", "set", "schedule.timezone", zone)
    assert res.exit_code == 1 and res.stderr.count("\n") == 1
    assert "not an IANA Area/Location name" in res.stderr and f"use {use}" in res.stderr


def test_a_zone_in_another_case_is_stored_as_iana_spells_it(m):
    assert m("profile", "set", "schedule.timezone", "america/new_york").exit_code == 0
    assert load_profile(m.home / "profiles" / "default.toml").schedule.timezone == "America/New_York"
    assert m("profile", "set", "schedule.timezone", "UTC").exit_code == 0


def test_a_file_that_already_holds_an_old_alias_still_loads(m):
    path = m.home / "profiles" / "default.toml"
    path.write_text(path.read_text().replace("Europe/Berlin", "US/Eastern"))
    assert m("today").exit_code == 0


@pytest.mark.parametrize("typed, stored_as", [("7am", time(7)), ("7:30 pm", time(19, 30)), ("19.30", time(19, 30)),
                                              ("0730", time(7, 30)), ("12am", time(0))])
def test_times_are_read_as_people_write_them(m, typed, stored_as):
    assert m("profile", "set", "schedule.pm", typed).exit_code == 0
    assert load_profile(m.home / "profiles" / "default.toml").schedule.pm == stored_as


def test_an_unreadable_time_says_which_forms_are_read(m):
    res = m("profile", "set", "schedule.am", "7/12")
    assert res.exit_code == 1 and "7am" in res.stderr and "07:30" in res.stderr


def test_clearing_a_key_says_cleared(m):
    res = m("profile", "set", "birth_year", "")
    assert res.exit_code == 0, res.output
    assert "Cleared birth_year in" in res.stderr and "birth_year =  in" not in res.stderr


def test_profile_set_says_what_a_change_does(m):
    res = m("profile", "set", "birth_year", "2015")
    assert res.exit_code == 0, res.output
    plan = json.loads(m("plan", "--json").stdout)
    no_steps = not any(d["am"] or d["pm"] for d in plan["days"] if d["date"] >= TODAY.isoformat())
    line = ("Under 18: the plan will hold no steps, only a referral (A8)." if no_steps
            else "Under 18: no actives, and a referral to a clinician (A8).")
    assert line in res.stderr.splitlines()
    res = m("profile", "set", "skin.type", "sensitive")
    assert "at most 3 active evenings a week" in res.stderr and "(B11)" in res.stderr
    res = m("profile", "set", "cautions.facial_steroid", "true")
    assert "(D7)" in res.stderr
    res = m("profile", "set", "schedule.am", "6:45")
    assert "The morning routine is at 06:45" in res.stderr
    res = m("profile", "set", "schedule.am", "06:45")
    assert "nothing changes" in res.stderr


# -- init: flags and the wizard ------------------------------------------------------------
def test_init_flags_are_case_insensitive_and_refuse_est(milia, home):
    res = milia("init", "--skin-type", "Dry", "--pregnancy", "None", "--timezone", "EST")
    assert res.exit_code == 1 and "use America/New_York" in res.stderr
    assert not (home / "profiles" / "default.toml").exists()
    res = milia("init", "--skin-type", "Dry", "--pregnancy", "None", "--timezone", "america/new_york",
                "--area", "Cheeks", "--am", "7am")
    assert res.exit_code == 0, res.output
    p = load_profile(home / "profiles" / "default.toml")
    assert (p.skin.type, p.pregnancy, p.schedule.timezone, p.milia.areas, p.schedule.am) == (
        "dry", "none", "America/New_York", ("cheeks",), time(7))


def wizard_env(tmp_path: Path, answers: list[str], *, tz: str | None = None, link: str | None = None):
    env = fake_env(tty=True, vars={"TZ": tz} if tz else {})
    localtime = tmp_path / "localtime"
    if link:
        os.symlink(link, localtime)
    env.localtime = localtime  # never the machine's /etc/localtime
    env.stdin = io.StringIO("\n".join(answers) + "\n")
    return env


NO_TO_ALL = ["n"] * 11


def test_the_wizard_suggests_the_zone_of_the_localtime_link(milia, home, tmp_path):
    env = wizard_env(tmp_path, ["Ana", "", "", "", "", "", "", "", ""] + NO_TO_ALL,
                     link="/usr/share/zoneinfo/America/Chicago")
    res = milia("init", env=env)
    assert res.exit_code == 0, res.output
    assert "[America/Chicago]" in res.stdout
    assert load_profile(home / "profiles" / "default.toml").schedule.timezone == "America/Chicago"


def test_the_wizard_suggests_tz_first(milia, home, tmp_path):
    env = wizard_env(tmp_path, ["Ana", "", "", "", "", "", "", "", ""] + NO_TO_ALL, tz="Asia/Tokyo",
                     link="/usr/share/zoneinfo/America/Chicago")
    assert milia("init", env=env).exit_code == 0
    assert load_profile(home / "profiles" / "default.toml").schedule.timezone == "Asia/Tokyo"


def test_the_wizard_has_no_zone_to_suggest_without_tz_or_link(milia, home, tmp_path):
    env = wizard_env(tmp_path, ["Ana", "", "", "", "", "Europe/Madrid"] + [""] * 4 + NO_TO_ALL)
    res = milia("init", env=env)
    assert res.exit_code == 0, res.output
    assert "has no default" in res.stdout and "Europe/Berlin]" not in res.stdout
    assert load_profile(home / "profiles" / "default.toml").schedule.timezone == "Europe/Madrid"


def test_the_wizard_checks_each_answer_when_it_is_typed(milia, home, tmp_path):
    answers = ["Ana",
               "Oilyy", "Oily",  # did you mean, then in another case
               "NONE",
               "cheks", "Cheeks, nose",
               "EST", "America/New_York",
               "7/12/2026", "2026-12-07",
               "7h61", "7am",
               "9:30pm",
               "nineteen ninety", "1990",
               "maybe"] + ["n"] * 11
    env = wizard_env(tmp_path, answers)
    res = milia("init", env=env)
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "'Oilyy' is not a skin type (did you mean 'oily'?)" in out
    assert "Not an area: cheks (did you mean 'cheeks'?)" in out
    assert "use America/New_York" in out
    assert "'7/12/2026' is not a date in the form YYYY-MM-DD" in out
    assert "'7h61' is not a time; use HH:MM" in out
    assert "'nineteen ninety' is not a year of birth" in out
    assert "maybe is not yes or no" in out
    p = load_profile(home / "profiles" / "default.toml")
    assert (p.skin.type, p.pregnancy, p.milia.areas, p.schedule.timezone) == (
        "oily", "none", ("cheeks", "nose"), "America/New_York")
    assert (p.schedule.start.isoformat(), p.schedule.am, p.schedule.pm, p.birth_year) == (
        "2026-12-07", time(7), time(21, 30), 1990)


def test_system_zone_reads_tz_then_the_link():
    from milia_cli.zones import system_zone

    assert system_zone({"TZ": ":Europe/Paris"}, "/nonexistent") == "Europe/Paris"
    assert system_zone({"TZ": "EST"}, "/nonexistent") is None  # not an Area/Location name
    assert system_zone({}, "/nonexistent") is None


@pytest.mark.parametrize("typed, step_id", [("eye cream", "eye-cream"), ("spf", "sunscreen"), ("am:spf", "am:sunscreen"),
                                            ("Retinol", "retinol"), ("B3", None), ("retinl", None)])
def test_as_step_id_is_the_one_line_why_needs(typed, step_id):
    from milia_cli.step_names import as_step_id

    assert as_step_id(typed) == step_id


@pytest.mark.parametrize("typed, start", [("tomorrow", "2026-11-24"), ("next monday", "2026-11-30"),
                                          ("Friday", "2026-11-20"), ("today", "2026-11-23")])
def test_the_wizard_takes_the_date_words_of_every_date_flag(milia, home, tmp_path, typed, start):
    """`init --start tomorrow` works; the wizard's own date prompt takes the same words (TODAY is
    Monday 2026-11-23; a bare weekday is the latest one up to today, as in every date flag)."""
    answers = ["Ana", "", "", "", "Europe/Berlin", typed, "", "", ""] + ["n"] * 11
    res = milia("init", env=wizard_env(tmp_path, answers))
    assert res.exit_code == 0, res.output
    assert load_profile(home / "profiles" / "default.toml").schedule.start.isoformat() == start


def test_the_wizard_refuses_a_date_word_out_of_range_at_once(milia, home, tmp_path):
    answers = ["Ana", "", "", "", "Europe/Berlin", "1850-01-01", "2026-12-07", "", "", ""] + ["n"] * 11
    res = milia("init", env=wizard_env(tmp_path, answers))
    assert res.exit_code == 0, res.output
    assert "1850-01-01" in res.stdout and "YYYY-MM-DD" in res.stdout
    assert load_profile(home / "profiles" / "default.toml").schedule.start.isoformat() == "2026-12-07"
