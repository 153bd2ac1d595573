"""The library API (issue 14, item 1): what a command does, a notebook can do with Home."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from milia_cli import Home, build_plan
from tests.conftest import BASE_PROFILE, fake_env


def test_a_home_reads_the_profile_and_log_the_cli_wrote(milia, home):
    milia.write_profile()
    assert milia("checkin", "--date", "2026-11-24", "--all", "--irritation", "1", today=date(2026, 11, 30)).exit_code == 0
    h = Home(home, env=fake_env(date(2026, 11, 30)))
    profile = h.profile()
    assert profile.name == "ana" and profile.schedule.start == date(2026, 11, 23)
    log = h.load_log()
    assert [(c.date, c.irritation) for c in log.checkins] == [(date(2026, 11, 24), 1)]
    plan = build_plan(profile, log, weeks=2, today=h.today())
    assert plan.days[0].date == date(2026, 11, 23) and len(plan.days) == 14


def test_a_library_home_keeps_warnings_instead_of_printing(home, capsys):
    (home / "profiles").mkdir(mode=0o700)
    path = home / "profiles" / "default.toml"
    path.write_text(BASE_PROFILE)
    path.chmod(0o644)  # widened: the CLI warns on stderr; a library keeps the sentence
    h = Home(home, env=fake_env())
    h.profile()
    assert any("0644" in w or "644" in w for w in h.warnings), h.warnings
    assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_importing_the_package_imports_no_planner():
    code = "import sys, milia_cli; print('milia_cli.planner' in sys.modules, 'milia_cli.home' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_daily_use_cases_are_what_the_commands_print(milia, home):
    """`today`, `checkin` and `stats` are parse -> one Home call -> render: the library calls give
    what the commands print as JSON, and a check-in through the library is the CLI's."""
    import json

    from milia_cli.daily import NotStarted

    milia.write_profile()
    env = fake_env(date(2026, 11, 25))
    h = Home(home, env=env)
    assert isinstance(Home(home, env=fake_env(date(2026, 11, 1))).day(), NotStarted)
    result = h.checkin(date(2026, 11, 24), all_done=True, irritation=2)
    assert result.stored.done == frozenset(result.plan.step_ids()) and result.stored.irritation == 2
    assert "rule C5" in result.answer  # irritation 2 is answered at once: no acid for 7 days
    cli_today = json.loads(milia("today", "--json", today=date(2026, 11, 25)).stdout)
    assert h.day().to_dict() == cli_today
    assert not any(s["id"] == "pm:retinol" for s in cli_today["pm"])  # paused from that evening (B6)
    cli_stats = json.loads(milia("stats", "--json", "--days", "7", today=date(2026, 11, 25)).stdout)
    lib_stats = h.stats(7).to_dict()
    assert {k: cli_stats[k] for k in lib_stats} == lib_stats


def test_a_library_checkin_is_validated_before_the_log_is_touched(milia, home):
    from milia_cli.errors import MiliaError

    milia.write_profile()
    h = Home(home, env=fake_env(date(2026, 11, 25)))
    with pytest.raises(MiliaError):
        h.checkin(date(2026, 11, 24), irritation=7)
    with pytest.raises(MiliaError):
        h.checkin(date(2026, 11, 26), all_done=True)  # a future day
    assert not h.has_log() or h.load_log().checkins == ()
