"""`checkin --count` (A6/A7 need the total) and the answer `checkin` gives at once (B6, B7, A1)."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest

from conftest import TODAY, fake_env
from milia_cli.logmodel import CheckIn, Event, Log
from milia_cli.reaction import current_stop, mentions_allergy, mentions_urgent
from milia_cli.rules import rule
from milia_cli.store import open_store


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


def stored(m, day: date = TODAY) -> CheckIn:
    with open_store(m.home / "milia.db") as store:
        return store.get_checkin("default", day)


# -- --count ---------------------------------------------------------------------------
def test_count_is_the_total_and_bumps_the_new_ones(m) -> None:
    assert m("checkin", "--count", "7", "--bumps", "1").exit_code == 0
    assert (stored(m).count, stored(m).bumps) == (7, 1)
    assert m("checkin", "--done", "am:cleanse").exit_code == 0
    assert stored(m).count == 7  # a later check-in of the day keeps it
    assert m("checkin", "--count", "0").exit_code == 0 and stored(m).count == 0


@pytest.mark.parametrize("value", ["-1", "10001"])
def test_a_count_out_of_range_is_one_sentence_and_writes_nothing(m, value: str) -> None:
    res = m("checkin", "--count", value)
    assert res.exit_code == 2 and "Count" in res.stderr and res.stderr.count("\n") == 1
    assert not (m.home / "milia.db").exists()


def test_help_says_count_is_the_total_and_bumps_the_new_ones(m) -> None:
    text = " ".join(m("checkin", "--help").output.replace("│", " ").split())
    assert "bumps you see today, in total" in text
    assert "new bumps you noticed since the last check-in (not the total)" in text


def test_the_terminal_summary_shows_the_count(m) -> None:
    res = m("checkin", "--done", "am:cleanse", "--count", "5", env=fake_env(TODAY, tty=True))
    assert "5 bumps in total" in res.stdout


def test_the_interactive_checkin_asks_for_the_total_with_its_meaning(m) -> None:
    env = fake_env(TODAY, tty=True)
    env.stdin = io.StringIO("\n" + "0\n12\n\n")  # all done, irritation 0, 12 in total, no note
    res = m("checkin", env=env)
    assert res.exit_code == 0, res.output
    assert "Bumps you see today, in total" in res.stdout and "A6/A7 compare counts" in res.stdout
    assert stored(m).count == 12 and stored(m).bumps is None


# -- the answer at once ----------------------------------------------------------------
def test_irritation_2_answers_b6_at_once_on_stderr(m) -> None:
    res = m("checkin", "--done", "pm:retinol", "--irritation", "2")
    assert res.exit_code == 0 and res.stdout == ""
    err = res.stderr
    assert "B6" in err and "from this evening" in err
    assert "until a check-in at irritation 0 or 1" in err
    assert f"no acid before {TODAY + timedelta(days=7)}" in err
    assert "one level lower" in err
    assert "B7" not in err and "URGENT" not in err


def test_irritation_2_for_an_earlier_day_names_that_evening(m) -> None:
    res = m("checkin", "--date", "2026-11-24", "--irritation", "2", today=date(2026, 11, 26))
    assert "from the evening of 2026-11-24" in res.stderr and "no acid before 2026-12-01" in res.stderr


def test_irritation_3_answers_b7_with_care_and_resume(m) -> None:
    res = m("checkin", "--irritation", "3")
    err = res.stderr
    assert res.exit_code == 0
    assert "B7" in err and "stop all actives" in err and "from this evening" in err
    assert rule("N4").action in err  # the knowledge base's wording, not a copy
    assert "more than a few days" in err
    assert "milia resume --healed" in err and "lowest level" in err
    assert "URGENT" not in err


def test_swollen_eyelids_print_the_urgent_block_first(m) -> None:
    res = m("checkin", "--irritation", "3", "--note", "eyelids swollen")
    err = res.stderr
    assert res.exit_code == 0
    assert err.startswith("URGENT") and "emergency" in err
    assert "B7" in err and "--seen-clinician" in err  # swelling can be an allergy


def test_irritation_2_during_a_stop_says_it_stays_stopped(m) -> None:
    m("checkin", "--date", "2026-11-23", "--irritation", "3", today=date(2026, 11, 25))
    res = m("checkin", "--date", "2026-11-25", "--irritation", "2", today=date(2026, 11, 25))
    assert "stopped since 2026-11-23" in res.stderr and "milia resume" in res.stderr
    assert "one level lower" not in res.stderr


def test_irritation_2_logged_for_a_day_before_a_later_stop_is_a_b6(m) -> None:
    m("checkin", "--date", "2026-11-25", "--irritation", "3", today=date(2026, 11, 25))
    res = m("checkin", "--date", "2026-11-24", "--irritation", "2", today=date(2026, 11, 25))
    assert "B6" in res.stderr and "stopped since" not in res.stderr


def test_picking_answers_a1_from_the_knowledge_base(m) -> None:
    res = m("checkin", "--done", "am:cleanse", "--note", "picked at one on my cheek")
    assert rule("A1").action in res.stderr and "A1" in res.stderr


def test_a_later_checkin_of_the_day_does_not_repeat_the_answer(m) -> None:
    m("checkin", "--irritation", "3")
    assert m("checkin", "--done", "am:cleanse").stderr == ""


def test_calm_checkins_say_nothing(m) -> None:
    assert m("checkin", "--all", "--irritation", "0", "--note", "skin calm").stderr == ""
    assert m("checkin", "--irritation", "1", today=TODAY + timedelta(days=1)).stderr == ""


def test_the_interactive_checkin_answers_too(m) -> None:
    env = fake_env(TODAY, tty=True)
    env.stdin = io.StringIO("\n" + "3\n\nlips swelling\n")
    res = m("checkin", env=env)
    assert res.exit_code == 0, res.output
    assert "URGENT" in res.stderr and "B7" in res.stderr


# -- the words ---------------------------------------------------------------------------
@pytest.mark.parametrize("note, urgent, allergy", [
    ("eyelids swollen", True, True),
    ("my lips are swelling", True, True),
    ("hard to breathe", True, False),
    ("hives on my neck", False, True),
    ("a blister near the nose", False, True),
    ("puffy eyes this morning", False, False),
    ("swollen ankle from running", False, True),
    (None, False, False),
])
def test_note_words(note, urgent, allergy) -> None:
    assert (mentions_urgent(note), mentions_allergy(note)) == (urgent, allergy)


def test_a_stop_lasts_until_a_resume_after_its_last_severe_checkin() -> None:
    d = date(2026, 11, 23)
    log = Log((CheckIn(d, irritation=3, note="hives"), CheckIn(d + timedelta(days=2), irritation=0)))
    assert current_stop(log, d + timedelta(days=5)) == (d, d, True)
    resumed = log._replace(events=(Event(d + timedelta(days=6), "resume", (), True),))
    assert current_stop(resumed, d + timedelta(days=5)) is not None  # not yet
    assert current_stop(resumed, d + timedelta(days=6)) is None
    again = resumed._replace(checkins=resumed.checkins + (CheckIn(d + timedelta(days=9), irritation=3),))
    assert current_stop(again, d + timedelta(days=9)).since == d + timedelta(days=9)
    assert current_stop(again, d + timedelta(days=9)).allergy is False  # the old hives were before the resume
