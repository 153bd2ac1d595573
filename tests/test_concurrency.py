"""Concurrency with real processes: many check-ins at once lose nothing; two `profile set`
at once both land (or one is refused clearly), and the file is never torn.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from milia_cli.profile import load_profile
from milia_cli.store import open_store
from tests.conftest import BASE_PROFILE
from tests.support.cli import needs
from tests.support.processes import DAYS, start_all

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

# the plan of BASE_PROFILE on 2026-11-24 (a day without retinol)
STEPS_24 = ["am:cleanse", "am:eye-cream", "am:moisturize", "am:sunscreen", "am:makeup",
            "pm:remove-makeup", "pm:cleanse", "pm:eye-cream", "pm:moisturize"]


@pytest.fixture
def two_profiles(milia, home) -> Path:
    needs("checkin")
    milia.write_profile()
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', 'name = "bob"'), name="bob")
    return home


def test_many_checkins_at_once_on_the_same_and_different_days_lose_nothing(two_profiles):
    home = two_profiles
    same_day = [["checkin", "--date", DAYS[1], "--done", step] for step in STEPS_24]
    same_day += [["checkin", "--date", DAYS[1], "--irritation", "1"],
                 ["checkin", "--date", DAYS[1], "--bumps", "3"],
                 ["checkin", "--date", DAYS[1], "--note", "busy morning ✓"]]
    other_days = [["checkin", "--date", day, "--done", "am:cleanse", "--note", f"day {day}"]
                  for day in DAYS if day != DAYS[1]]
    other_profile = [["--profile", "bob", "checkin", "--date", day, "--all"] for day in DAYS[:4]]
    results = start_all(home, same_day + other_days + other_profile)
    for r in results:
        assert r.returncode == 0, (r.args, r.stderr)
        assert "Traceback" not in r.stderr
    with open_store(home / "milia.db") as store:
        assert store.integrity_check() == []
        log = {c.date.isoformat(): c for c in store.read_log("default").checkins}
        bob = {c.date.isoformat(): c for c in store.read_log("bob").checkins}
    busy = log[DAYS[1]]
    assert sorted(busy.done) == sorted(STEPS_24), "every concurrent --done of the same day landed"
    assert (busy.irritation, busy.bumps, busy.note) == (1, 3, "busy morning ✓")
    for day in DAYS:
        if day != DAYS[1]:
            assert log[day].note == f"day {day}" and log[day].done == frozenset({"am:cleanse"})
    # --all stores the ids planned that day (invariant 12)
    assert sorted(bob) == DAYS[:4] and all(c.done and not c.all_done for c in bob.values())


def test_concurrent_checkins_then_export_matches(two_profiles, milia):
    needs("log export")
    import json

    home = two_profiles
    results = start_all(home, [["checkin", "--date", day, "--all", "--bumps", str(i)] for i, day in enumerate(DAYS)])
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    doc = json.loads(milia("log", "export").stdout)
    assert {c["date"]: c["bumps"] for c in doc["checkins"]} == {day: i for i, day in enumerate(DAYS)}


SET_KEYS = [
    ("skin.type", "dry"), ("pregnancy", "breastfeeding"), ("habits.smoker", "true"), ("habits.makeup", "false"),
    ("cautions.cold_sores", "true"), ("schedule.am", "06:15"), ("schedule.pm", "22:45"),
    ("milia.areas", "nose,chin"), ("birth_year", "1980"), ("name", "Ana Lía"),
]


@pytest.mark.parametrize("round_", range(3))
def test_concurrent_profile_sets_all_land_or_refuse_clearly_never_torn(milia, home, round_):
    path = milia.write_profile()
    results = start_all(home, [["profile", "set", key, value] for key, value in SET_KEYS])
    profile = load_profile(path)  # parses: never torn
    landed = {
        "skin.type": profile.skin.type, "pregnancy": profile.pregnancy,
        "habits.smoker": str(profile.habits.smoker).lower(), "habits.makeup": str(profile.habits.makeup).lower(),
        "cautions.cold_sores": str(profile.cautions.cold_sores).lower(),
        "schedule.am": profile.schedule.am.strftime("%H:%M"), "schedule.pm": profile.schedule.pm.strftime("%H:%M"),
        "milia.areas": ",".join(profile.milia.areas), "birth_year": str(profile.birth_year), "name": profile.name,
    }
    for r, (key, value) in zip(results, SET_KEYS, strict=False):
        assert "Traceback" not in r.stderr
        if r.returncode == 0:
            assert landed[key] == value, f"`profile set {key} {value}` said yes but its change was lost"
        else:  # refusing is allowed, but clearly, and then the change must not be there
            assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert sorted(p.name for p in path.parent.iterdir()) == ["default.toml"], "no temp file left behind"
