"""Issue 13, item 6: one table of exit codes (README, *Exit codes*; errors.ExitCode) that every
command follows — the same class of mistake gives the same code and one sentence on stderr,
whichever command makes it."""

from __future__ import annotations

import json
import re

import pytest

from milia_cli.errors import ExitCode
from tests.conftest import REPO
from tests.support.cli import error_sentence


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


def one_sentence(res) -> None:
    """One line on stderr: the sentence, or with --json the same as milia.error/1 (issue 14)."""
    assert res.stderr.count("\n") == 1, res.output
    sentence = error_sentence(res.stderr.rstrip("\n"))
    assert sentence.startswith("milia: "), res.output
    if res.stderr.startswith("{"):
        assert json.loads(res.stderr)["exit"] == res.exit_code
    assert "Traceback" not in res.output and res.exception is None


CALDAV = ["sync", "caldav", "--url", "http://127.0.0.1:9/", "--calendar", "Skin"]
DATE_FLAGS = [  # (command line without the date, the flag)
    (["plan"], "--from"),
    (["plan", "--json"], "--from"),
    (["today"], "--date"),
    (["today", "--json"], "--date"),
    (["checkin", "--all"], "--date"),
    (["event", "add", "--kind", "extraction", "--area", "cheeks"], "--date"),
    (["resume", "--healed"], "--date"),
    (["profile", "set", "pregnancy", "pregnant"], "--since"),
    (["export", "ics"], "--from"),
    (["export", "csv"], "--from"),
    (CALDAV, "--from"),
    # issue 13, item 5: a view (--from) and a rebase (--start) on every command that shows the plan
    (["plan"], "--start"),
    (["export", "json"], "--from"),
    (["export", "md"], "--from"),
    (["export", "html"], "--from"),
    (["export", "ics"], "--start"),
    (["export", "json"], "--start"),
    (CALDAV, "--start"),
    (["batch", ".", "--format", "json", "-o", "out"], "--from"),
    (["batch", ".", "--format", "json", "-o", "out"], "--start"),
]
BAD_DATES = ["2026-02-30", "2026-11-31", "x", "7/12/2026"]


@pytest.mark.parametrize("bad", BAD_DATES)
@pytest.mark.parametrize("argv, flag", DATE_FLAGS, ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_a_bad_date_flag_is_exit_2_everywhere(m, argv, flag, bad):
    res = m(*argv, flag, bad)
    assert res.exit_code == ExitCode.USAGE, res.output
    one_sentence(res)
    assert bad in res.stderr and flag in res.stderr
    assert res.code == "common.bad_date"  # one parser, one message, for every date flag


NEEDS_PROFILE = [
    ["plan"], ["plan", "--json"], ["today"], ["today", "--json"], ["stats"], ["stats", "--json"],
    ["checkin", "--all"], ["event", "add", "--kind", "extraction", "--area", "cheeks", "--date", "2026-11-20"],
    ["resume", "--healed"],
    ["profile", "show"], ["profile", "show", "--json"], ["profile", "set", "skin.type", "dry"],
    ["export", "json"], ["export", "ics"], ["export", "md"], ["check", "Aqua", "--json"], CALDAV,
]


@pytest.mark.parametrize("argv", NEEDS_PROFILE, ids=" ".join)
def test_a_missing_profile_is_exit_1_everywhere(m, argv):
    res = m("-p", "nobody", *argv)
    assert res.exit_code == ExitCode.ERROR, res.output
    one_sentence(res)
    assert res.code == "profile.not_found" and "'nobody'" in res.stderr


@pytest.mark.parametrize("argv", NEEDS_PROFILE + [["event", "list"], ["log", "export"]], ids=" ".join)
def test_a_profile_name_that_is_not_allowed_is_exit_1_everywhere(m, argv):
    res = m("-p", "../ana", *argv)
    assert res.exit_code == ExitCode.ERROR, res.output
    one_sentence(res)
    assert res.code == "common.bad_profile_name"


@pytest.mark.parametrize("argv", [["event", "list", "--json"], ["log", "export"]], ids=" ".join)
def test_a_log_is_read_without_its_profile(m, argv):
    """The documented exception: a log whose profile file is gone can still be saved."""
    res = m("-p", "nobody", *argv)
    assert res.exit_code == ExitCode.OK and '"profile": "nobody"' in res.stdout


@pytest.mark.parametrize("key, value, code", [
    ("skin.type", "oilyy", "profile.bad_value_hint"), ("schedule.timezone", "EST", "profile.zone_not_area_location"),
    ("schedule.timezone", "Europe/Berln", "profile.zone_unknown_hint"), ("birth_year", "3000", "profile.bad_value"),
    ("pregnancy", "maybe", "profile.bad_value"), ("schedule.am", "25:00", "profile.bad_value"),
])
def test_a_profile_value_that_is_not_allowed_is_exit_1(m, key, value, code):
    before = (m.home / "profiles" / "default.toml").read_bytes()
    res = m("profile", "set", key, value)
    assert res.exit_code == ExitCode.ERROR, res.output
    one_sentence(res)
    assert res.code == code
    assert (m.home / "profiles" / "default.toml").read_bytes() == before


@pytest.mark.parametrize("argv, code", [
    (["plan", "--frm", "2026-11-23"], "usage.no_such_option"), (["today", "--week", "2"], "usage.no_such_option"),
    (["stats", "--days", "x"], "usage.bad_parameter"), (["plan", "--week", "0"], "usage.bad_parameter"),
    (["checkin", "--irritation", "4"], "log.bad_irritation"), (["checkin", "--done", "retinl"], "log.bad_step_name"),
    (["why", "B4", "--jsn"], "usage.no_such_option"),
], ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_a_command_line_that_cannot_be_read_is_exit_2(m, argv, code):
    res = m(*argv)
    assert res.exit_code == ExitCode.USAGE, res.output
    one_sentence(res)
    assert res.code == code


def test_the_readme_table_is_the_enum_and_says_which_commands_read_a_log_without_a_profile():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    codes = [int(c) for c in re.findall(r"^\| (\d+) \|", section, re.M)]
    assert codes == sorted(int(c) for c in ExitCode)
    assert "`log export`" in section and "`event list`" in section

