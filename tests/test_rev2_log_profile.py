"""`profile set` of a plan-shaping key: a dated ProfileChange in the log (B13, invariant 12),
the TOML and the log kept consistent, and what the change means said at once."""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import BASE_PROFILE
from milia_cli.logmodel import ProfileChange
from milia_cli.planner import plan_days
from milia_cli.profile import load_profile, parse_profile
from milia_cli.store import open_store

START = date(2026, 11, 23)
WEEK9 = START + timedelta(weeks=8, days=2)  # a Wednesday of week 9
PROFILE = parse_profile(BASE_PROFILE.encode(), "p")


@pytest.fixture
def m(milia):
    milia.write_profile()
    return milia


def changes(m) -> tuple[ProfileChange, ...]:
    with open_store(m.home / "milia.db") as store:
        return store.changes("default")


def toml(m) -> dict:
    return tomllib.loads((m.home / "profiles" / "default.toml").read_text())


def snapshot(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


def test_pregnancy_change_is_dated_in_the_log_and_the_toml(m) -> None:
    res = m("profile", "set", "pregnancy", "pregnant", today=WEEK9)
    assert res.exit_code == 0, res.output
    assert changes(m) == (ProfileChange(WEEK9, "pregnancy", "none", "pregnant"),)
    assert toml(m)["pregnancy"] == "pregnant" and toml(m)["pregnancy_since"] == WEEK9


def test_since_dates_the_change(m) -> None:
    res = m("profile", "set", "milia.areas", "cheeks,nose", "--since", "2026-12-01", today=WEEK9)
    assert res.exit_code == 0, res.output
    assert changes(m) == (ProfileChange(date(2026, 12, 1), "milia.areas",
                                        ("upper-eyelids", "under-eyes", "cheeks"), ("cheeks", "nose")),)
    assert "2026-12-01" in res.stderr


@pytest.mark.parametrize("key, value", [("cautions.facial_steroid", "true"), ("habits.smoker", "yes"),
                                        ("skin.type", "dry"), ("birth_year", "1990")])
def test_every_plan_shaping_key_is_recorded(m, key: str, value: str) -> None:
    assert m("profile", "set", key, value, today=WEEK9).exit_code == 0
    (change,) = changes(m)
    assert change.key == key and change.date == WEEK9 and change.old != change.new


def test_other_keys_and_unchanged_values_record_nothing(m) -> None:
    assert m("profile", "set", "schedule.pm", "22:00", today=WEEK9).exit_code == 0
    assert not (m.home / "milia.db").exists()
    assert m("profile", "set", "skin.type", "combination", today=WEEK9).exit_code == 0  # the same value
    assert not (m.home / "milia.db").exists() or changes(m) == ()


@pytest.mark.parametrize("args, words", [
    (["pregnancy", "pregnant", "--since", "2027-02-01"], "in the future"),
    (["schedule.pm", "22:00", "--since", "2026-12-01"], "--since only dates changes"),
    (["birth_year", str(WEEK9.year + 1)], "in the future"),
    (["pregnancy", "pregnant", "--since", "someday"], "--since"),
])
def test_refusals_are_one_sentence_and_write_nothing(m, args: list[str], words: str) -> None:
    before = snapshot(m.home)
    res = m("profile", "set", *args, today=WEEK9)
    assert res.exit_code in (1, 2) and words in res.stderr and res.stderr.count("\n") == 1
    assert snapshot(m.home) == before


def test_since_before_the_last_recorded_change_of_that_key_is_refused(m) -> None:
    assert m("profile", "set", "pregnancy", "trying", "--since", "2026-12-10", today=WEEK9).exit_code == 0
    before = snapshot(m.home)
    res = m("profile", "set", "pregnancy", "pregnant", "--since", "2026-12-01", today=WEEK9)
    assert res.exit_code == 1 and "2026-12-10" in res.stderr
    assert snapshot(m.home) == before


def test_a_damaged_log_refuses_the_change_before_the_toml_is_written(m) -> None:
    (m.home / "milia.db").write_bytes(b"not a database at all, " * 10)
    before = snapshot(m.home)
    res = m("profile", "set", "pregnancy", "pregnant", today=WEEK9)
    assert res.exit_code == 1 and "Traceback" not in res.output and res.stderr.count("\n") == 1
    assert snapshot(m.home) == before


def test_when_the_log_write_fails_after_the_toml_the_toml_is_put_back(m, monkeypatch) -> None:
    from milia_cli.errors import MiliaError
    from milia_cli.store import Store

    def full(self, key, change):
        raise MiliaError("The disk holding milia.db is full; free some space and try again — nothing was changed.")

    assert m("checkin", "--all", today=WEEK9).exit_code == 0
    before = snapshot(m.home)
    monkeypatch.setattr(Store, "record_change", full)
    res = m("profile", "set", "pregnancy", "pregnant", today=WEEK9)
    monkeypatch.undo()
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "is full" in res.stderr and "profile was left as it was" in res.stderr and res.stderr.count("\n") == 1
    assert snapshot(m.home)["profiles/default.toml"] == before["profiles/default.toml"]
    assert load_profile(m.home / "profiles" / "default.toml").pregnancy == "none"
    assert changes(m) == ()


def test_pregnancy_lists_the_retinol_dates_used_and_planned(m) -> None:
    used_days = [START, START + timedelta(days=3)]  # week 1's retinol evenings, checked in with --all
    for day in used_days:
        assert m("checkin", "--date", day.isoformat(), "--all", today=WEEK9).exit_code == 0
    skipped = START + timedelta(weeks=1)
    m("checkin", "--date", skipped.isoformat(), "--skip", "pm:retinol", today=WEEK9)
    res = m("profile", "set", "pregnancy", "pregnant", today=WEEK9)
    err = res.stderr
    assert "retinol stops from this evening" in err and "prenatal provider" in err and "MotherToBaby" in err
    assert "low risk" in err
    used_line = next(line for line in err.splitlines() if "used, from your check-ins" in line)
    assert all(d.isoformat() in used_line for d in used_days)
    with open_store(m.home / "milia.db") as store:
        log = store.read_log("default")._replace(changes=())
    planned = [d.date for d in plan_days(PROFILE, log, START, WEEK9 - timedelta(days=1), today=WEEK9)
               if d.has("retinol") and d.date not in used_days and d.date != skipped]
    assert planned, "the plan had retinol evenings in weeks 2-9"
    planned_line = next(line for line in err.splitlines() if "planned, no check-in" in line)
    listed = re.findall(r"\d{4}-\d{2}-\d{2}", planned_line)
    assert listed == [d.isoformat() for d in planned]
    assert skipped.isoformat() not in err  # a skipped retinol evening was not an exposure
    assert "leaves out retinol" in err  # what the change does to the plan, in one line


def test_a_backdated_pregnancy_still_lists_the_retinol_evenings_up_to_now(m) -> None:
    since = START + timedelta(weeks=4)
    after = since + timedelta(days=3)  # a check-in after the backdated date: exposure in pregnancy
    assert m("checkin", "--date", after.isoformat(), "--all", today=WEEK9).exit_code == 0
    with open_store(m.home / "milia.db") as store:
        assert "pm:retinol" in store.get_checkin("default", after).done, "a retinol evening of week 5"
    res = m("profile", "set", "pregnancy", "pregnant", "--since", since.isoformat(), today=WEEK9)
    assert res.exit_code == 0, res.output
    err = res.stderr
    assert "retinol stops from this evening" in err and f"dated {since}" in err
    used_line = next(line for line in err.splitlines() if "used, from your check-ins" in line)
    assert after.isoformat() in used_line
    planned_line = next(line for line in err.splitlines() if "planned, no check-in" in line)
    last = max(re.findall(r"\d{4}-\d{2}-\d{2}", planned_line))
    assert last > since.isoformat()  # the evenings the old plan showed after the backdated date too
    assert changes(m) == (ProfileChange(since, "pregnancy", "none", "pregnant"),)


def test_breastfeeding_names_its_own_references(m) -> None:
    res = m("profile", "set", "pregnancy", "breastfeeding", today=WEEK9)
    assert "LactMed" in res.stderr and "retinol stops" in res.stderr


def test_a_change_that_removes_every_active_says_so(m) -> None:
    res = m("profile", "set", "cautions.isotretinoin_recent", "true", today=WEEK9)
    assert res.exit_code == 0 and "no actives" in res.stderr


def test_a_change_that_keeps_actives_says_nothing_about_them(m) -> None:
    res = m("profile", "set", "habits.smoker", "true", today=WEEK9)
    assert res.exit_code == 0 and "leaves out" not in res.stderr and "no actives" not in res.stderr
