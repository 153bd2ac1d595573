"""`profile delete` and the CalDAV sync's memory (caldav-sync.json): a deleted profile's calendar
entries go with its log (health-related data), under the sync's lock, atomically; kept with a
kept log; never touching another profile's entries."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from milia_cli.errors import MiliaError
from milia_cli.paths import Locations
from milia_cli.profiles import delete_profile
from milia_cli.sync.state import (
    STATE_FILENAME,
    Remembered,
    SyncLock,
    SyncState,
    calendar_key,
)
from tests.conftest import BASE_PROFILE

URL = "https://cloud.example.org/dav/"


def _remember(home: Path, identity: str, calendar: str, n: int) -> None:
    state = SyncState.load(home)
    objects = {f"{identity}-{i}@milia": Remembered(f"/cal/{identity}-{i}.ics", '"e"', "d", 7, "2027-01-01")
               for i in range(n)}
    state.put(calendar_key(identity, URL, calendar), URL + calendar + "/", objects)
    state.save()


def _keys(home: Path) -> list[list[str]]:
    doc = json.loads((home / STATE_FILENAME).read_text())
    return sorted(json.loads(k) for k in doc["calendars"])


@pytest.fixture
def synced(milia, home: Path) -> Locations:
    milia.write_profile(name="ana")
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', 'name = "Bo"'), name="bo")
    assert milia("-p", "ana", "checkin", "--all").exit_code == 0
    _remember(home, "ana", "Skincare", 3)
    _remember(home, "ana", "Work", 2)
    _remember(home, "bo", "Skincare", 4)
    return Locations(config_dir=home, data_dir=home)


def test_delete_with_its_log_forgets_its_calendars_only(synced: Locations, home: Path) -> None:
    report = delete_profile(synced, "ana", with_log=True)
    assert report.profile_deleted and report.log_deleted
    assert _keys(home) == [["bo", URL, "Skincare"]]
    assert report.calendar.startswith("Forgot the CalDAV sync state of 'ana' (2 calendars, 5 events)")
    assert "\n" not in report.calendar and str(home / STATE_FILENAME) in report.calendar
    assert stat.S_IMODE((home / STATE_FILENAME).stat().st_mode) == 0o600
    assert [p.name for p in home.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"] == []


def test_a_kept_log_keeps_its_calendar_state(synced: Locations, home: Path) -> None:
    before = (home / STATE_FILENAME).read_bytes()
    report = delete_profile(synced, "ana", with_log=False)
    assert report.profile_deleted and not report.log_deleted
    assert report.calendar.startswith("Kept the CalDAV sync state of 'ana' (2 calendars)")
    assert (home / STATE_FILENAME).read_bytes() == before


def test_a_profile_without_a_log_has_nothing_to_keep(synced: Locations, home: Path) -> None:
    report = delete_profile(synced, "bo", with_log=False)  # bo never checked in
    assert report.calendar.startswith("Forgot the CalDAV sync state of 'bo' (1 calendar, 4 events)")
    assert [k[0] for k in _keys(home)] == ["ana", "ana"]


def test_a_running_sync_refuses_the_delete_before_anything_is_deleted(synced: Locations, home: Path) -> None:
    before = (home / STATE_FILENAME).read_bytes()
    with SyncLock(home), pytest.raises(MiliaError) as err:
        delete_profile(synced, "ana", with_log=True)
    assert "sync caldav" in err.value.message
    assert (home / "profiles" / "ana.toml").exists() and (home / STATE_FILENAME).read_bytes() == before
    assert delete_profile(synced, "ana", with_log=True).log_deleted  # once it has finished


def test_no_state_file_says_nothing_and_creates_nothing(milia, home: Path) -> None:
    milia.write_profile(name="ana")
    locations = Locations(config_dir=home, data_dir=home)
    assert delete_profile(locations, "ana", with_log=False).calendar == ""
    assert not (home / STATE_FILENAME).exists() and not (home / "caldav-sync.lock").exists()


def test_a_damaged_state_file_does_not_block_the_delete(milia, home: Path) -> None:
    milia.write_profile(name="ana")
    (home / STATE_FILENAME).write_text("{not json")
    os.chmod(home / STATE_FILENAME, 0o600)
    report = delete_profile(Locations(config_dir=home, data_dir=home), "ana", with_log=False)
    assert report.profile_deleted and report.calendar.startswith("Left the CalDAV sync state")
    assert (home / STATE_FILENAME).read_text() == "{not json"


def test_an_id_in_the_home_file_is_the_key_forgotten(milia, home: Path) -> None:
    milia.write_profile(BASE_PROFILE.replace('name = "ana"', 'name = "ana"\nid = "ana-0123456789ab"'), name="ana")
    _remember(home, "ana-0123456789ab", "Skincare", 1)
    _remember(home, "ana", "Skincare", 1)  # another key that happens to be the file's name
    report = delete_profile(Locations(config_dir=home, data_dir=home), "ana", with_log=False)
    assert "'ana-0123456789ab'" in report.calendar and _keys(home) == [["ana", URL, "Skincare"]]


# -- the CLI line, once the lead prints report.calendar in profile_cmds.py's delete ---------------
_HOOKED = "report.calendar" in (Path(__file__).resolve().parent.parent / "milia_cli" / "cli"
                                / "profile_cmds.py").read_text()


@pytest.mark.skipif(not _HOOKED, reason="profile_cmds.py does not print DeleteReport.calendar yet")
def test_profile_delete_says_it_in_one_line(milia, synced: Locations) -> None:
    r = milia("profile", "delete", "ana", "--yes")
    assert r.exit_code == 0, r.output
    assert len([ln for ln in r.stderr.splitlines() if "CalDAV sync state" in ln]) == 1
