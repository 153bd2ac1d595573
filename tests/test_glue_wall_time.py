"""Issue 16 item 6d at the source: a morning or evening time that the zone skips or repeats on
a day of the coming year gets one warning line (milia_cli.wall_time, for `profile set` and `init`)."""

from __future__ import annotations

import io
from datetime import date, time
from pathlib import Path

import pytest

from milia_cli.wall_time import (
    AHEAD_DAYS,
    coming_year,
    dst_warnings,
    slots_to_check,
    warn_dst,
)
from tests.support.exporters import profile

TODAY = date(2026, 11, 23)


def _at(zone: str, am: str = "07:30", pm: str = "21:30"):
    prof = profile()
    h, m = map(int, am.split(":"))
    H, M = map(int, pm.split(":"))
    return prof._replace(schedule=prof.schedule._replace(timezone=zone, am=time(h, m), pm=time(H, M)))


def test_a_spring_forward_gap_is_named_with_its_day():
    lines = dst_warnings(_at("Europe/Berlin", am="02:30"), TODAY, "schedule.am")
    assert len(lines) == 1, lines
    assert lines[0].startswith("milia: ") and "02:30" in lines[0] and "2027-03-28" in lines[0]
    assert "does not exist" in lines[0] and "\n" not in lines[0]
    assert "happens twice on 2027-10-31" in lines[0]  # Berlin also repeats 02:00-03:00: the same line
    assert "02:00–03:00" in lines[0]


def test_only_a_gap_reads_as_the_export_warning():
    lines = dst_warnings(_at("America/New_York", am="02:30"), TODAY, "schedule.am")
    assert len(lines) == 1 and "does not exist on 2027-03-14" in lines[0] and "twice" not in lines[0], lines


def test_a_fall_back_overlap_is_named():
    lines = dst_warnings(_at("America/Santiago", pm="23:45"), TODAY, "schedule.pm")
    assert len(lines) == 1 and "happens twice" in lines[0] and "23:45" in lines[0], lines


def test_only_the_slot_that_was_set_is_checked():
    prof = _at("Europe/Berlin", am="02:30")
    assert dst_warnings(prof, TODAY, "schedule.pm") == []
    assert len(dst_warnings(prof, TODAY, "schedule.timezone")) == 1
    assert len(dst_warnings(prof, TODAY)) == 1  # init: both slots
    assert dst_warnings(prof, TODAY, "skin.type") == [] and slots_to_check("name") == ()


@pytest.mark.parametrize("zone,am,pm", [("Europe/Berlin", "07:30", "21:30"), ("UTC", "02:30", "01:30"),
                                        ("Asia/Tokyo", "02:30", "02:30")])
def test_a_safe_time_or_a_zone_without_dst_is_silent(zone, am, pm):
    assert dst_warnings(_at(zone, am, pm), TODAY) == []


def test_the_coming_year_starts_at_the_plan_start_when_it_is_later():
    prof = _at("Europe/Berlin")
    later = prof._replace(schedule=prof.schedule._replace(start=date(2027, 6, 1)))
    days = coming_year(later, TODAY)
    assert days[0] == date(2027, 6, 1) and len(days) == AHEAD_DAYS
    # the 2027 gap is before that start, the 2028 one within the year after it
    assert "2028-03-26" in dst_warnings(later._replace(schedule=later.schedule._replace(am=time(2, 30))),
                                        TODAY, "schedule.am")[0]


def test_a_year_ahead_reaches_a_gap_eleven_months_away():
    assert "2027-10-31" in dst_warnings(_at("Europe/Berlin", pm="02:30"), date(2026, 11, 1), "schedule.pm")[0]
    assert dst_warnings(_at("Europe/Berlin", pm="02:30"), date(2026, 11, 1), "schedule.pm")[0].count("happens twice") == 1


def test_warn_dst_writes_through_the_callback():
    err = io.StringIO()
    warn_dst(lambda line: err.write(line + "\n"), _at("Europe/Berlin", am="02:30"), TODAY, "schedule.am")
    assert err.getvalue().count("\n") == 1 and "02:30" in err.getvalue()


# -- the CLI, once the lead has added the hook to profile_cmds.py (set and init) ------------------
_HOOKED = "warn_dst" in (Path(__file__).resolve().parent.parent / "milia_cli" / "cli" / "profile_cmds.py").read_text()


@pytest.mark.skipif(not _HOOKED, reason="profile_cmds.py does not call milia_cli.wall_time.warn_dst yet")
def test_profile_set_and_init_warn_once_and_still_write(milia, home):
    milia.write_profile(name="ana")
    r = milia("-p", "ana", "profile", "set", "schedule.am", "02:30")
    assert r.exit_code == 0 and [ln for ln in r.stderr.splitlines() if "02:30" in ln and "twice" in ln], r.stderr
    assert 'am = "02:30"' in (home / "profiles" / "ana.toml").read_text()
    r = milia("-p", "ana", "profile", "set", "schedule.pm", "21:00")
    assert r.exit_code == 0 and "clocks" not in r.stderr
    r = milia("-p", "bo", "init", "--name", "Bo", "--skin-type", "dry", "--pregnancy", "none", "--area", "cheeks",
              "--am", "07:00", "--pm", "02:15", "--timezone", "Europe/Berlin")
    assert r.exit_code == 0, r.output
    assert len([ln for ln in r.stderr.splitlines() if "02:15" in ln]) == 1
