"""Weekday names in every date flag (issue 13, item 3): ``friday`` is the latest Friday up to
today, ``last friday`` the one before today, ``next friday`` the first after it; one parser
(:mod:`milia_cli.dates`), so every flag reads them alike and refuses the same way."""

from __future__ import annotations

import json
import tomllib
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from milia_cli.dates import DATE_WORDS, WEEKDAYS, day_from_words, is_date_word, parse_date_flag
from milia_cli.errors import UsageError
from tests.support.cli import assert_refused, snapshot

MONDAY = date(2026, 11, 30)  # a Monday: the days below are counted from it
_days = st.dates(date(1901, 1, 1), date(2199, 1, 1))


@given(_days, st.sampled_from(WEEKDAYS), st.integers(3, 9), st.sampled_from([str.lower, str.upper, str.title]))
def test_a_weekday_alone_is_the_latest_one_up_to_today(today, name, length, case):
    day = day_from_words(case(name[:length]), today)
    assert day is not None and day.weekday() == WEEKDAYS.index(name)
    assert today - timedelta(days=6) <= day <= today


@given(_days, st.sampled_from(WEEKDAYS))
def test_last_and_next_are_the_nearest_ones_before_and_after_today(today, name):
    last, nxt = day_from_words(f"last {name}", today), day_from_words(f"  Next   {name} ", today)
    assert last is not None and nxt is not None
    assert last.weekday() == nxt.weekday() == WEEKDAYS.index(name)
    assert today - timedelta(days=7) <= last < today < nxt <= today + timedelta(days=7)


def test_the_days_a_monday_names():
    assert day_from_words("monday", MONDAY) == MONDAY
    assert day_from_words("last monday", MONDAY) == MONDAY - timedelta(days=7)
    assert day_from_words("next monday", MONDAY) == MONDAY + timedelta(days=7)
    assert day_from_words("fri", MONDAY) == date(2026, 11, 27)
    assert day_from_words("thurs", MONDAY) == date(2026, 11, 26)
    assert day_from_words("next sun", MONDAY) == date(2026, 12, 6)
    assert day_from_words("yesterday", MONDAY) == date(2026, 11, 29)


@pytest.mark.parametrize("text", ["", "mo", "fr", "funday", "next", "last week", "next next friday",
                                  "friday next", "this friday", "2026-11-27", "mondays"])
def test_what_is_not_a_date_word(text):
    assert day_from_words(text, MONDAY) is None and not is_date_word(text)


def test_every_date_word_is_one_and_parses_as_a_flag():
    for word in DATE_WORDS:
        assert is_date_word(word), word
        assert parse_date_flag(word, MONDAY) == day_from_words(word, MONDAY)
    with pytest.raises(UsageError):
        parse_date_flag("funday", MONDAY)


# -- through the command line: every date flag -------------------------------------------------
@pytest.fixture
def ana(milia, home):
    milia.write_profile()
    return home


def test_today_plan_and_exports_read_weekdays(milia, ana):
    r = milia("today", "--date", "friday", "--json", today=MONDAY)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["date"] == "2026-11-27"
    r = milia("plan", "--from", "next wed", "--weeks", "1", "--json", today=MONDAY)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["from"] == "2026-12-02"
    r = milia("plan", "--start", "last monday", "--weeks", "1", "--json", today=MONDAY)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["start"] == "2026-11-23"
    r = milia("export", "json", "--from", "saturday", "--weeks", "1", today=MONDAY)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["from"] == "2026-11-28"


def test_a_checkin_and_an_event_on_a_weekday(milia, ana):
    assert milia("checkin", "--date", "Sat", "--all", today=MONDAY).exit_code == 0
    assert milia("event", "add", "--kind", "extraction", "--date", "next friday", today=MONDAY).exit_code == 0
    log = json.loads(milia("log", "export", today=MONDAY).stdout)
    assert [c["date"] for c in log["checkins"]] == ["2026-11-28"]
    assert [e["date"] for e in log["events"]] == ["2026-12-04"]


def test_init_starts_on_a_named_day(milia, home):
    r = milia("init", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC",
              "--start", "next monday", today=MONDAY)
    assert r.exit_code == 0, r.output
    doc = tomllib.loads((home / "profiles" / "default.toml").read_text())
    assert doc["schedule"]["start"] == date(2026, 12, 7)


@pytest.mark.parametrize("argv", [["today", "--date", "funday"], ["plan", "--from", "next week"],
                                  ["checkin", "--date", "fr", "--all"], ["export", "json", "--from", "thisday"]])
def test_a_word_that_is_no_day_is_the_same_refusal_everywhere(milia, ana, argv):
    before = snapshot(ana)
    r = milia(*argv, today=MONDAY)
    assert r.exit_code == 2, r.output
    assert_refused(r, before, ana, codes=(2,), code="common.bad_date")


def test_init_refuses_a_named_start_past_the_supported_range(milia, home):
    before = snapshot(home)
    r = milia("init", "--skin-type", "dry", "--pregnancy", "none", "--timezone", "UTC",
              "--start", "next monday", today=date(2199, 12, 31))
    assert_refused(r, before, home, codes=(2,))
    assert "2199-12-31" in r.stderr
