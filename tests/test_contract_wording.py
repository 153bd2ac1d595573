"""Issue 13, wording findings: "weeks 1–8" (not "week(s) 1, 2, 3, …"), "retinol off" (not
"0×/week"), triage's re-ask saying what it wants, area and step ids shown as words, a partial
rate never shown as 100 %, and no "(s)" or "1 events" in the messages of the log's files and
of sync."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest

from milia_cli.messages import common, plan, store, sync
from milia_cli.stats import percent_text
from tests.conftest import TODAY, fake_env


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


@pytest.mark.parametrize("weeks, text", [
    ([3], "week 3"), ([1, 2], "weeks 1 and 2"), (list(range(1, 9)), "weeks 1–8"),
    ([1, 2, 3, 5, 7], "weeks 1–3, 5 and 7"), ([2, 4], "weeks 2 and 4"), ([9, 10, 11, 2], "weeks 2 and 9–11"),
])
def test_weeks_are_said_as_ranges(weeks, text):
    assert common.weeks_text(weeks) == text


def test_a_plan_with_eight_unlogged_weeks_says_weeks_1_to_8(m):
    res = m("plan", "--from", TODAY.isoformat(), "--weeks", "9", "--json", today=TODAY + timedelta(weeks=8, days=3))
    texts = [n["text"] for n in json.loads(res.stdout)["notices"] if n["id"] == "B4"]
    assert any("No check-ins were logged in weeks 1–8," in t for t in texts), texts
    assert not any("week(s)" in t for t in texts)


def test_a_level_of_0_reads_off():
    assert plan.WEEK_LEVELS.format(step="retinol", n=0) == "retinol off"
    assert plan.WEEK_LEVELS.format(step="retinol", n=3) == "retinol 3×/week"
    assert plan.LEVEL_CHANGE.format(step="retinol", n=0, week=2, reason="stopped", rules="B7") == \
        "retinol: off from week 2 — stopped (B7)"


def test_a_stopped_plan_never_prints_0_per_week(m):
    assert m("checkin", "--date", "2026-11-24", "--done", "am:cleanse", "--irritation", "3",
             today=date(2026, 11, 24)).exit_code == 0
    res = m("plan", "--weeks", "3", today=date(2026, 12, 2))
    assert res.exit_code == 0, res.output
    assert "0×/week" not in res.stdout and "off" in res.stdout


def asking(answers: str):
    env = fake_env(TODAY, tty=True)
    env.stdin = io.StringIO(answers)
    return env


def test_triage_says_what_it_wants_when_an_answer_is_not_one(m):
    # colour (skipped), size: "big" is not a number, then skipped; the rest: end of input
    res = m("triage", env=asking("\nbig\n\n"))
    assert "Please answer with a number of millimetres, such as 2" in res.stdout, res.output
    assert "one of: a number" not in res.stdout


def test_triage_yes_no_re_ask(m):
    res = m("triage", env=asking("\n\n\n\nmaybe\n"))  # colour, size, location, weeks, then "changing?"
    assert "Please answer y or n" in res.stdout and "one of: y, n" not in res.stdout, res.output


def test_today_shows_areas_as_words(m):
    res = m("today", today=date(2026, 11, 23))
    assert res.exit_code == 0, res.output
    assert "upper eyelids" in res.stdout and "upper-eyelids" not in res.stdout
    assert "broken-or-irritated-skin" not in res.stdout


def test_stats_shows_steps_as_words_and_a_partial_rate_below_100(m, tmp_path):
    """Ten weeks of check-ins with one step missed once: 460 of 461 is 99.8 %, never "100"."""
    last = TODAY + timedelta(days=69)
    for _round in range(2):  # logged, tolerated weeks step retinol up: fill in the plan they make
        doc = json.loads(m("plan", "--json", "--from", TODAY.isoformat(), "--weeks", "10", today=last).stdout)
        checkins = []
        for i, day in enumerate(doc["days"]):
            done = sorted(f"{slot}:{s['step']}" for slot in ("am", "pm") for s in day[slot])
            if i == 40:
                done.remove("am:cleanse")
            checkins.append({"date": day["date"], "done": done, "skipped": [], "irritation": 0, "count": None,
                             "bumps": None, "note": None, "picked": False})
        log = tmp_path / "log.json"
        log.write_text(json.dumps({"schema": "milia.log/1", "profile": "default", "checkins": checkins,
                                   "events": []}))
        assert m("log", "import", str(log), today=last).exit_code == 0
    data = json.loads(m("stats", "--json", "--days", "70", today=last).stdout)
    done, planned = data["adherence"]["done"], data["adherence"]["planned"]
    assert planned - done == 1 and planned > 400
    res = m("stats", "--days", "70", today=last)
    overall = next(line for line in res.stdout.splitlines() if line.lstrip().startswith("overall"))
    assert overall.rstrip().endswith(percent_text(done / planned)) and percent_text(done / planned) == "99.8"
    cleanse = next(line for line in res.stdout.splitlines() if line.lstrip().startswith("am cleanse"))
    assert not cleanse.rstrip().endswith("100") and "am:cleanse" not in res.stdout and "pm eye cream" in res.stdout


@pytest.mark.parametrize("done, planned, text", [
    (484, 485, "99.8"), (485, 485, "100"), (1, 1000, "0.1"), (0, 9, "0"), (9999, 10000, "99.9"), (1, 3, "33"),
    (199, 200, "99.5"),
])
def test_percent_text_never_rounds_a_partial_to_100_or_0(done, planned, text):
    assert percent_text(done / planned) == text


def test_counts_in_the_log_files_and_sync_messages_say_their_noun():
    assert "(1 calendar, 1 event)" in sync.FORGOT_STATE.format(name="ana", n=1, s="", events=1, path="p")
    assert "drop 1 frame of recent" in store.WAL_DAMAGED.format(wal="w", detail="d", dropped=1, rescue="r")
    for module in (store, sync, plan):
        assert not [v for v in vars(module).values() if isinstance(v, str) and "(s)" in v], module
