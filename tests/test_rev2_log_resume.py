"""`milia resume` after a B7 stop (RULES.md B7, invariant 10): refusals, the event, what comes next."""

from __future__ import annotations

import json
from datetime import date

import pytest

from milia_cli.cli.app import COMMAND_MODULES
from milia_cli.logmodel import Event
from milia_cli.store import open_store

STOP = date(2026, 11, 24)
LATER = date(2026, 12, 1)


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


def events(m) -> tuple[Event, ...]:
    with open_store(m.home / "milia.db") as store:
        return store.events("default")


def stop(m, note: str | None = None) -> None:
    args = ["checkin", "--date", STOP.isoformat(), "--irritation", "3"] + (["--note", note] if note else [])
    assert m(*args, today=STOP).exit_code == 0


def one_sentence(res) -> str:
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("milia: ")
    return res.stderr


def test_nothing_stopped_is_refused_in_one_sentence(m) -> None:
    assert "Nothing is stopped" in one_sentence(m("resume", "--healed"))
    m("checkin", "--irritation", "2")
    assert "Nothing is stopped" in one_sentence(m("resume", "--healed"))  # B6 pauses; only B7 stops
    assert not (m.home / "milia.db").exists() or events(m) == ()


def test_without_healed_it_says_why(m) -> None:
    stop(m)
    err = one_sentence(m("resume", today=LATER))
    assert "B7" in err and "healed" in err and "--healed" in err
    assert events(m) == ()


def test_resume_records_the_event_and_says_what_comes_next(m) -> None:
    stop(m)
    res = m("resume", "--healed", today=LATER)
    assert res.exit_code == 0, res.output
    assert events(m) == (Event(LATER, "resume", (), False),)
    assert "lowest level" in res.stdout and f"stop of {STOP}" in res.stdout
    assert "Nothing is stopped" in one_sentence(m("resume", "--healed", today=LATER))  # once


def test_after_hives_swelling_or_blisters_a_clinician_must_have_seen_it(m) -> None:
    stop(m, note="hives on both cheeks")
    assert "--seen-clinician" in one_sentence(m("resume", today=LATER))
    err = one_sentence(m("resume", "--healed", today=LATER))
    assert "clinician" in err and "--seen-clinician" in err and "allergy" in err
    res = m("resume", "--healed", "--seen-clinician", "--date", "2026-11-30", today=LATER)
    assert res.exit_code == 0, res.output
    assert events(m) == (Event(date(2026, 11, 30), "resume", (), True),)


def test_a_resume_on_or_before_the_severe_day_or_in_the_future_is_refused(m) -> None:
    stop(m)
    assert "later day" in one_sentence(m("resume", "--healed", "--date", STOP.isoformat(), today=LATER))
    assert "future" in one_sentence(m("resume", "--healed", "--date", "2026-12-02", today=LATER))
    assert events(m) == ()


def test_a_new_severe_checkin_after_a_resume_stops_again(m) -> None:
    stop(m)
    assert m("resume", "--healed", "--date", "2026-11-28", today=LATER).exit_code == 0
    m("checkin", "--date", "2026-11-30", "--irritation", "3", today=LATER)
    res = m("resume", "--healed", today=LATER)
    assert res.exit_code == 0 and "stop of 2026-11-30" in res.stdout


def test_json(m) -> None:
    stop(m)
    res = m("resume", "--healed", "--json", today=LATER)
    doc = json.loads(res.stdout)
    assert doc["schema"] == "milia.resume/1" and doc["date"] == LATER.isoformat()
    assert doc["stopped_since"] == STOP.isoformat() and doc["seen_clinician"] is False
    assert isinstance(doc["next_active"], list)


def test_resume_is_a_registered_command_loaded_alone(m) -> None:
    assert COMMAND_MODULES["resume"] == "resume_cmd"  # a run of `resume` loads it alone: tests/test_command_table.py
    assert "resume" in m("--help").output
    assert "--seen-clinician" in m("resume", "--help").output
