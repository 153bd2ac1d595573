"""Issue 12, item 4: out-of-range dates never brick the tool.

One supported range (milia_cli.dates: 1900-01-01..2199-12-31); every date a user or a file
gives is checked with one sentence; a value already stored outside it is skipped with a warning
(and `event remove` deletes it); date flags share one parser and one exit code.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from milia_cli.dates import FIRST_DAY, LAST_DAY, parse_date_flag
from milia_cli.errors import MiliaError, UsageError
from tests.conftest import BASE_PROFILE
from tests.support.cli import error_sentence, snapshot, stderr_lines

TODAY = date(2026, 11, 30)
BIN = Path(sys.executable).with_name("milia")
READERS = [["today"], ["today", "--json"], ["plan"], ["plan", "--json"], ["stats"], ["stats", "--json"],
           ["event", "list"], ["log", "export"],
           *[["export", fmt] for fmt in ("ics", "json", "csv", "md", "html")]]


def _one_sentence(r, code: int, *words: str) -> str:
    assert r.exit_code == code, r.output
    assert "internal error" not in r.output and "Traceback" not in r.output
    lines = stderr_lines(r)
    assert len(lines) == 1 and error_sentence(lines[0]).startswith("milia: "), r.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def ana(milia, home):
    milia.write_profile()
    assert milia("checkin", "--date", "2026-11-24", "--all", today=TODAY).exit_code == 0
    return home


def _import(milia, tmp_path, events=(), checkins=()):
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"schema": "milia.log/1", "profile": "default", "checkins": list(checkins),
                                "events": list(events)}))
    return milia("log", "import", str(path), today=TODAY)


@pytest.mark.parametrize("day", ["9999-12-25", "9999-12-31", "0001-01-01", "2200-01-01", "1899-12-31"])
def test_import_of_an_out_of_range_event_is_refused_and_nothing_bricks(milia, ana, tmp_path, day):
    before = snapshot(ana)
    r = _import(milia, tmp_path, events=[{"date": day, "kind": "laser", "areas": ["cheeks"]}])
    _one_sentence(r, 1, day, "events[0].date", "1900-01-01", "nothing was imported")
    assert snapshot(ana) == before
    for argv in READERS:
        r = milia(*argv, today=TODAY)
        assert r.exit_code == 0, (argv, r.output)


def test_import_of_an_out_of_range_checkin_is_refused(milia, ana, tmp_path):
    before = snapshot(ana)
    r = _import(milia, tmp_path, checkins=[{"date": "9999-12-30", "done": [], "skipped": []}])
    _one_sentence(r, 1, "checkins[0].date", "9999-12-30")
    assert snapshot(ana) == before


@pytest.mark.slow  # plans ten years from the last day in range: about 3 s of the quick loop
def test_in_range_edges_import_and_plan(milia, ana, tmp_path):
    r = _import(milia, tmp_path, events=[{"date": "2199-12-31", "kind": "laser", "areas": ["cheeks"]},
                                         {"date": "1900-01-01", "kind": "other", "areas": ["nose"]}])
    assert r.exit_code == 0, r.output
    for argv in READERS + [["plan", "--from", "2199-12-31", "--weeks", "520"], ["today", "--date", "2199-12-31"]]:
        r = milia(*argv, today=TODAY)
        assert r.exit_code == 0, (argv, r.output)


def _store_raw_event(home: Path, day: str) -> None:
    """What an older milia's import left behind: an event the store holds outside the range."""
    with sqlite3.connect(home / "milia.db") as conn:
        pid = conn.execute("SELECT id FROM profiles WHERE key = 'default'").fetchone()[0]
        conn.execute("INSERT INTO events(profile_id, day, kind, areas) VALUES (?, ?, 'laser', 'cheeks')", (pid, day))


@pytest.mark.parametrize("day", ["9999-12-25", "0001-01-01"])
def test_a_stored_out_of_range_event_is_skipped_with_a_warning_then_removed(milia, ana, tmp_path, day):
    _store_raw_event(ana, day)
    for argv in READERS + [["checkin", "--date", "2026-11-25", "--all"], ["export", "ics", "--weeks", "520"]]:
        r = milia(*argv, today=TODAY)
        assert r.exit_code == 0, (argv, r.output)
        assert "internal error" not in r.output
        if argv[0] != "event":
            warnings = [line for line in stderr_lines(r) if "warning" in line]
            assert len(warnings) == 1 and day in warnings[0] and "event remove" in warnings[0], r.stderr
    out = tmp_path / "out"
    clients = tmp_path / "clients"
    clients.mkdir()
    (clients / "ana.toml").write_text(BASE_PROFILE.replace('name = "ana"', 'name = "default"'))
    assert milia("batch", str(clients), "--format", "html", "-o", str(out), today=TODAY).exit_code == 0
    listed = milia("event", "list", today=TODAY)
    assert day in listed.stdout and "event remove" in listed.stdout
    assert day in milia("event", "list", "--json", today=TODAY).stdout
    r = milia("event", "remove", "--date", day, today=TODAY)
    assert r.exit_code == 0, r.output
    assert f"Removed 1 event of {day}" in r.stdout
    r = milia("today", today=TODAY)
    assert r.exit_code == 0 and "warning" not in r.stderr
    assert day not in milia("event", "list", today=TODAY).stdout


def test_event_remove_by_kind_and_when_nothing_matches(milia, ana):
    assert milia("event", "add", "--kind", "laser", "--date", "2026-11-25", "--area", "nose", today=TODAY).exit_code == 0
    assert milia("event", "add", "--kind", "extraction", "--date", "2026-11-25", "--area", "nose",
                 today=TODAY).exit_code == 0
    r = milia("event", "remove", "--date", "2026-11-25", "--kind", "laser", today=TODAY)
    assert r.exit_code == 0 and "(laser)" in r.stdout, r.output
    listed = milia("event", "list", today=TODAY).stdout
    assert "extraction" in listed and "laser" not in listed
    _one_sentence(milia("event", "remove", "--date", "2026-11-26", today=TODAY), 1, "no event", "2026-11-26")
    _one_sentence(milia("event", "remove", "--date", "2026-11-25", "--kind", "tattoo", today=TODAY), 2, "tattoo")
    _one_sentence(milia("event", "remove", "--date", "soon", today=TODAY), 2, "soon")


@pytest.mark.parametrize("key, value", [
    ("start", "0001-01-01"), ("start", "9999-12-31"), ("start", "1899-12-31"), ("start", "2200-01-01"),
    ("since", "9999-12-31"),
])
def test_a_profile_date_out_of_range_is_one_sentence_for_every_command(milia, home, key, value):
    old = "start = 2026-11-23" if key == "start" else "since = 2026-09-01"
    milia.write_profile(BASE_PROFILE.replace(old, f"{key} = {value}"))
    before = snapshot(home)
    for argv in READERS + [["checkin", "--all"], ["profile", "show"]]:
        if argv == ["event", "list"] or argv == ["log", "export"]:
            continue  # they read no date of the profile
        _one_sentence(milia(*argv, today=TODAY), 1, "default.toml", value, "outside the dates milia supports")
    assert snapshot(home) == before


def test_profile_set_refuses_an_out_of_range_start(milia, home):
    milia.write_profile()
    before = snapshot(home)
    _one_sentence(milia("profile", "set", "schedule.start", "9999-12-31", today=TODAY), 1, "9999-12-31")
    assert snapshot(home) == before


@pytest.mark.parametrize("argv", [
    ["plan", "--from", "9999-12-27"], ["plan", "--from", "0001-01-01"], ["today", "--date", "9999-12-31"],
    ["today", "--date", "1899-12-31"], ["checkin", "--date", "9999-12-31", "--all"],
    ["event", "add", "--kind", "laser", "--date", "0001-01-01"],
    ["export", "ics"],  # a control: in range, must pass
])
def test_date_flags_out_of_range_are_usage_errors(milia, ana, argv):
    before = snapshot(ana)
    r = milia(*argv, today=TODAY)
    if argv == ["export", "ics"]:
        assert r.exit_code == 0
        return
    _one_sentence(r, 2, "outside the dates milia supports")
    assert snapshot(ana) == before


@pytest.mark.parametrize("argv", [
    ["today", "--date", "{}"], ["plan", "--from", "{}"], ["checkin", "--date", "{}", "--all"],
    ["event", "add", "--kind", "laser", "--date", "{}", "--area", "nose"], ["event", "remove", "--date", "{}"],
])
@pytest.mark.parametrize("bad", ["2026-13-01", "next week", "20261123", "2026-W48-1", ""])
def test_an_unparseable_date_flag_is_exit_2_everywhere(milia, ana, argv, bad):
    r = milia(*[a.format(bad) for a in argv], today=TODAY)
    _one_sentence(r, 2, "is not a real date")


def test_date_words_on_today_and_plan(milia, ana):
    for word, day in (("today", TODAY), ("yesterday", TODAY - timedelta(days=1)),
                      ("tomorrow", TODAY + timedelta(days=1))):
        r = milia("today", "--date", word, "--json", today=TODAY)
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)["date"] == day.isoformat()
        r = milia("plan", "--start", word, "--weeks", "1", "--json", today=TODAY)
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)["start"] == day.isoformat()
        r = milia("plan", "--from", word, "--weeks", "1", "--json", today=TODAY)
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)["from"] == day.isoformat()  # a view from that day, week 2 of the plan


def test_parse_date_flag_edges():
    assert parse_date_flag("1900-01-01", None) == FIRST_DAY
    assert parse_date_flag("2199-12-31", None) == LAST_DAY
    assert parse_date_flag(" Tomorrow ", LAST_DAY - timedelta(days=1)) == LAST_DAY
    with pytest.raises(UsageError):
        parse_date_flag("tomorrow", LAST_DAY)
    with pytest.raises(UsageError):
        parse_date_flag("yesterday", FIRST_DAY)
    assert parse_date_flag(None, None) is None


# -- MILIA_NOW (read from the real environment: a real process) ----------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("now", ["9999-12-31", "0001-01-01", "2200-01-01", "9999-12-31T23:59:00-05:00",
                                 "0001-01-01T00:00:00+01:00", "1899-12-31T23:00:00"])
def test_milia_now_out_of_range_is_one_sentence(home, now):
    from tests.support.processes import child_env

    env = child_env()
    env["MILIA_NOW"] = now
    subprocess.run([str(BIN), "--home", str(home), "init", "--skin-type", "dry", "--pregnancy", "none",
                    "--timezone", "Europe/Berlin", "--start", "2026-11-23"], env=child_env(), capture_output=True,
                   timeout=60)
    for argv in (["today"], ["plan"], ["stats"], ["export", "ics"]):
        r = subprocess.run([str(BIN), "--home", str(home), *argv], env=env, capture_output=True, text=True,
                           timeout=60)
        assert r.returncode == 1, r.stderr
        lines = r.stderr.splitlines()
        assert lines == [f"milia: MILIA_NOW={now!r} is outside the dates milia supports (1900-01-01 to 2199-12-31)."]


def test_fixed_clock_in_range_still_works():
    from milia_cli.env import _fixed_clock

    now, day = _fixed_clock("2199-12-31")
    assert day == LAST_DAY
    now, day = _fixed_clock("2026-11-30T08:00:00+05:00")
    assert day is None and now().isoformat() == "2026-11-30T03:00:00+00:00"
    with pytest.raises(MiliaError):
        _fixed_clock("9999-12-31T23:59:00-05:00")
