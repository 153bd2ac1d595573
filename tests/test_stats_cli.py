"""`milia stats` through the CLI: JSON numbers, heatmap with and without colour, windows, time zones."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from conftest import BASE_PROFILE, fake_env

START = date(2026, 11, 23)  # Monday; retinol on Mon and Thu in weeks 1-3 for BASE_PROFILE


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


def checkin_days(m, days, today, *extra) -> None:
    for d in days:
        res = m("checkin", "--date", d.isoformat(), "--all", *extra, today=today)
        assert res.exit_code == 0, res.output


def stats_json(m, today, *args) -> dict:
    res = m("stats", "--json", *args, today=today)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_json_numbers(m) -> None:
    today = START + timedelta(days=9)
    checkin_days(m, [START + timedelta(days=i) for i in range(10) if i != 7], today)  # day 7: a Monday, retinol
    m("checkin", "--date", START.isoformat(), "--irritation", "1", "--bumps", "5", today=today)
    data = stats_json(m, today)
    assert data["days_logged"] == 9 and data["days_planned"] == 10
    assert data["streak"] == {"current": 2, "best": 7}
    assert data["adherence"]["steps"]["pm:retinol"] == {"planned": 3, "done": 2, "skipped": 0, "rate": 0.6667}
    assert data["calendar"][7] == {"date": "2026-11-30", "state": "missed", "logged": False, "adherence": 0.0}
    assert data["irritation"] == [{"date": "2026-11-23", "value": 1}]
    assert data["bumps"] == [{"date": "2026-11-23", "value": 5}]
    assert data["levels"]["retinol"][0] == {"week": 1, "from": "2026-11-23", "per_week": 2, "reason": "", "rules": []}


def test_a_skipped_rest_day_does_not_break_the_streak(m) -> None:
    today = START + timedelta(days=4)
    checkin_days(m, [START, START + timedelta(days=3), START + timedelta(days=4)], today)  # Tue/Wed not logged
    assert stats_json(m, today)["streak"] == {"current": 3, "best": 3}
    m("checkin", "--date", "2026-11-26", "--replace", "--done", "cleanse", "--skip", "retinol", today=today)
    # the Thursday now misses its base steps: only Friday is left in the current run
    assert stats_json(m, today)["streak"] == {"current": 1, "best": 1}


def test_skipping_the_active_keeps_the_streak_but_shows_in_adherence(m) -> None:
    today = START
    m("checkin", "--all", "--skip", "pm:retinol", today=today)
    data = stats_json(m, today)
    assert data["streak"]["current"] == 1
    assert data["adherence"]["steps"]["pm:retinol"] == {"planned": 1, "done": 0, "skipped": 1, "rate": 0.0}


def test_days_window(m) -> None:
    today = START + timedelta(days=29)
    checkin_days(m, [START + timedelta(days=i) for i in range(30)], today)
    data = stats_json(m, today, "--days", "7")
    assert data["window"] == {"first": "2026-12-16", "last": "2026-12-22", "days": 7}
    assert data["days_logged"] == 7 and data["streak"]["current"] == 30
    for bad in ("0", "-5", "99999999"):
        res = m("stats", "--days", bad, today=today)
        assert res.exit_code == 2 and "--days" in res.stderr


def test_text_output_without_colour_uses_distinct_glyphs(m) -> None:
    today = START + timedelta(days=9)
    checkin_days(m, [START + timedelta(days=i) for i in (0, 1, 3, 4, 5, 6, 8)], today)
    m("checkin", "--date", "2026-12-02", "--done", "cleanse", today=today)  # a rest day, partly done
    res = m("stats", today=today)
    out = res.stdout
    assert res.exit_code == 0 and "\x1b[" not in out
    assert "November 2026" in out and "December 2026" in out and "Mo Tu We Th Fr Sa Su" in out
    assert "● kept" in out and "× missed" in out and "· rest day" in out
    november = out[out.index("November 2026"):]
    assert re.search(r"●\s+●\s+·\s+●\s+●\s+●\s+●", november)  # the week of the 23rd
    assert "×" in november.split("December")[0] or "×" in out  # Monday 30th missed
    assert "◐" in out  # the partly done Wednesday
    assert "Streak: 1 day now · best 6 days" in out  # Mon 30th missed; Wed 2nd (today) is a rest day
    assert "Irritation" in out and "retinol: week 1 (2026-11-23): 2/week" in out


def test_text_output_with_colour(m) -> None:
    checkin_days(m, [START], START)
    env = fake_env(START, tty=True, color=True)
    res = m("stats", env=env)
    assert res.exit_code == 0 and "\x1b[" in res.stdout


def test_sparklines(m) -> None:
    today = START + timedelta(days=3)
    for i, (irr, bumps) in enumerate([(0, 1), (1, 4), (3, 8), (1, 2)]):
        m("checkin", "--date", (START + timedelta(days=i)).isoformat(), "--irritation", str(irr),
          "--bumps", str(bumps), today=today)
    out = m("stats", today=today).stdout
    assert "▁▃█▃" in out and "last 1, highest 3" in out
    assert "last 2, highest 8" in out


def test_before_the_plan_starts(m) -> None:
    res = m("stats", today=START - timedelta(days=3))
    assert res.exit_code == 0 and "starts on 2026-11-23" in res.stdout
    data = stats_json(m, START - timedelta(days=3))
    assert data["days_planned"] == 0 and data["streak"] == {"current": 0, "best": 0}


def test_stats_uses_the_profiles_local_date_around_midnight(milia) -> None:
    milia.write_profile(BASE_PROFILE.replace("Europe/Berlin", "Pacific/Auckland"))  # UTC+13 in November
    # 2026-11-23 10:30 UTC is 23:30 on the 23rd in Auckland, 11:00 UTC is already the 24th there
    before = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
    after = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    assert milia("checkin", "--all", env=fake_env(now=before)).exit_code == 0
    data = json.loads(milia("stats", "--json", env=fake_env(now=before)).stdout)
    assert data["today"] == "2026-11-23" and data["streak"]["current"] == 1
    data = json.loads(milia("stats", "--json", env=fake_env(now=after)).stdout)
    assert data["today"] == "2026-11-24"
    assert data["calendar"][-1]["state"] == "rest" and data["streak"]["current"] == 1


def test_calendar_lays_months_side_by_side_in_bands_of_the_width(m) -> None:
    today = START + timedelta(days=200)  # 2027-06-11: a 200-day window spans eight months
    hundred = fake_env(today, vars={"COLUMNS": "100"})  # four months a band (piped: 80 columns, three)
    out = m("stats", "--days", "200", env=hundred).stdout
    lines = out[out.index("Calendar\n") + len("Calendar\n"):out.index("● kept")].splitlines()
    titles = [line for line in lines if re.match(r"[A-Z][a-z]+ 20\d\d", line)]
    assert [t.split() for t in titles] == [
        ["November", "2026", "December", "2026", "January", "2027", "February", "2027"],
        ["March", "2027", "April", "2027", "May", "2027", "June", "2027"],
    ]
    assert titles[0] == "November 2026          December 2026          January 2027           February 2027"
    assert max(len(line) for line in lines) == 4 * 20 + 3 * 3  # a band of four, no trailing spaces (issue 13)
    assert all(line == line.rstrip() for line in lines)
    assert lines[1] == "   ".join(["Mo Tu We Th Fr Sa Su"] * 4)
    out = m("stats", "--days", "120", env=fake_env(today, vars={"COLUMNS": "100"})).stdout
    lines = out[out.index("Calendar\n") + len("Calendar\n"):out.index("● kept")].splitlines()
    assert lines[0].split() == ["February", "2027", "March", "2027", "April", "2027", "May", "2027"]
    assert "June 2027" in lines  # June alone in the second band, in the first column
