"""ICS export: read back by independent parsers (vobject + dateutil, calcurse, libical).

This file checks the per-step layout (`--per-step`: one series per step, slot and phase);
the default one-event-per-slot layout, --from, feeds and the issue-16 fixes are checked in
tests/test_ics_calendar.py.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import os
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import pytest
from dateutil.tz import tzical
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from milia_cli.exporters import ics as ics_module
from milia_cli.exporters.tzrules import transitions, vtimezone
from milia_cli.plan import Day, Plan
from tests.support.exporters import (
    DST_ZONES,
    as_utc,
    expected_occurrences,
    hand_plan,
    plan_for,
    profile,
    profiles,
    read_vobject,
    vobject_occurrences,
)

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

export_ics = partial(ics_module.export_ics, per_step=True)
plan_series = partial(ics_module.plan_series, per_step=True)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


# -- occurrences, read back by vobject ----------------------------------------------
@SETTINGS
@given(prof=profiles(), weeks=st.integers(1, 20), expand=st.booleans())
@example(prof=profile(**{"schedule.timezone": "America/Santiago", "schedule.am": "05:00", "schedule.pm": "17:00",
                         "schedule.start": date(2028, 12, 1), "milia.areas": []}), weeks=19, expand=False)
def test_occurrences_match_the_plan_exactly(prof, weeks, expand):
    plan = plan_for(prof, weeks)
    data = export_ics(plan, prof, expand=expand)
    assert as_utc(vobject_occurrences(data)) == as_utc(expected_occurrences(plan, prof))


@SETTINGS
@given(prof=profiles(), weeks=st.integers(1, 20))
def test_hand_built_titration_occurrences_match(prof, weeks):
    """Frequencies that change by week (hand-built, independent of the planner)."""
    plan = hand_plan(prof, weeks)
    data = export_ics(plan, prof)
    assert as_utc(vobject_occurrences(data)) == as_utc(expected_occurrences(plan, prof))


@pytest.mark.parametrize("zone", DST_ZONES)
def test_local_times_hold_across_dst(zone):
    # a year from 2026-11-23 crosses both DST changes in every zone listed
    prof = profile(**{"schedule.timezone": zone, "schedule.am": "07:05", "schedule.pm": "22:45"})
    plan = hand_plan(prof, 52)
    occurrences = vobject_occurrences(export_ics(plan, prof))
    local = ZoneInfo(zone)
    seen_offsets = set()
    for slot, _step, when in occurrences:
        here = when.astimezone(local)
        assert here.time() == (time(7, 5) if slot == "am" else time(22, 45))
        seen_offsets.add(here.utcoffset())
    assert len(seen_offsets) == (1 if zone == "Asia/Kolkata" else 2)


def test_a_gap_in_the_plan_days_is_never_filled():
    prof = profile()
    plan = hand_plan(prof, 4)
    gappy = tuple(d for d in plan.days if d.date.weekday() != 2 or d.week != 2)  # drop one Wednesday
    plan = plan._replace(days=gappy)
    data = export_ics(plan, prof)
    assert as_utc(vobject_occurrences(data)) == as_utc(expected_occurrences(plan, prof))


# -- structure -------------------------------------------------------------------------
def test_calendar_header_and_timezone():
    prof = profile()
    lines = _unfolded(export_ics(hand_plan(prof, 12), prof))
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"]
    for expected in ("METHOD:PUBLISH", "TZID:Europe/Berlin", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
                     "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"):
        assert expected in lines
    assert any(line.startswith("PRODID:-//milia//") for line in lines)
    assert lines.index("BEGIN:VTIMEZONE") < lines.index("BEGIN:VEVENT")
    assert all(line == "TRANSP:TRANSPARENT" for line in lines if line.startswith("TRANSP"))
    assert lines.count("TRANSP:TRANSPARENT") == lines.count("BEGIN:VEVENT")


def test_one_series_per_step_slot_and_phase():
    prof = profile()
    plan = hand_plan(prof, 12)  # retinol 2/wk (w1-2), 3/wk (w3-4), 4/wk (w5), none (w6), 4/wk (w7-12)
    retinol = [s for s in plan_series(plan) if s.step.step == "retinol"]
    assert [(s.first, len(s.dates), s.weekdays) for s in retinol] == [
        (date(2026, 11, 23), 4, (0, 3)),
        (date(2026, 12, 7), 6, (0, 2, 4)),
        (date(2026, 12, 21), 4, (0, 2, 4, 6)),
        (date(2027, 1, 4), 24, (0, 2, 4, 6)),
    ]
    data = export_ics(plan, prof).decode()
    rrules = [line for line in _unfolded(data.encode()) if line.startswith("RRULE:FREQ=WEEKLY")]
    assert all(re.search(r"UNTIL=\d{8}T\d{6}Z", r) for r in rrules)
    assert "RRULE:FREQ=WEEKLY;UNTIL=20261203T203000Z;BYDAY=MO,TH" in rrules


def test_dtstart_is_the_first_real_occurrence_and_until_the_last():
    prof = profile()
    plan = hand_plan(prof, 12)
    cal = read_vobject(export_ics(plan, prof))
    for event in cal.vevent_list:
        occurrences = list(event.getrruleset(addRDate=True) or [event.dtstart.value])
        assert occurrences[0] == event.dtstart.value
        if hasattr(event, "rrule"):
            until = re.search(r"UNTIL=(\w+)", event.rrule.value).group(1)
            assert occurrences[-1].astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") == until


def test_expand_writes_one_event_per_occurrence():
    prof = profile()
    plan = hand_plan(prof, 3)
    data = export_ics(plan, prof, expand=True)
    lines = _unfolded(data)
    assert not any(line.startswith("RRULE:FREQ=WEEKLY") for line in lines)
    assert lines.count("BEGIN:VEVENT") == sum(len(d.steps) for d in plan.days)
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == len(uids)


def test_alarm_on_request_only():
    prof = profile()
    plan = hand_plan(prof, 2)
    assert b"VALARM" not in export_ics(plan, prof)
    lines = _unfolded(export_ics(plan, prof, alarm=15))
    assert lines.count("BEGIN:VALARM") == lines.count("BEGIN:VEVENT")
    assert "TRIGGER:-PT15M" in lines and "ACTION:DISPLAY" in lines
    with pytest.raises(ValueError):
        export_ics(plan, prof, alarm=-1)


def test_short_duration_and_categories():
    prof = profile()
    cal = read_vobject(export_ics(hand_plan(prof, 3), prof))
    for event in cal.vevent_list:
        assert event.dtend.value - event.dtstart.value == timedelta(minutes=10)
        assert event.categories.value[0] == "Skincare"
    actives = [e for e in cal.vevent_list if "Active" in e.categories.value]
    assert {e.categories.value[2] for e in actives} == {"retinol", "exfoliate"}


# -- determinism, re-import -------------------------------------------------------------
def test_byte_identical_re_export_and_stamp_from_the_content_date():
    """DTSTAMP is the content's date (issue 16: not the plan start, which may be in the future)."""
    prof = profile()
    first = export_ics(hand_plan(prof, 12), prof, alarm=10, revised=date(2026, 11, 20))
    second = export_ics(hand_plan(prof, 12), prof, alarm=10, revised=date(2026, 11, 20))
    assert first == second
    stamps = {line for line in _unfolded(first) if line.startswith("DTSTAMP")}
    assert stamps == {"DTSTAMP:20261120T000000Z"}


def test_uids_are_stable_when_later_weeks_change():
    """A re-import updates the same events: UIDs depend on profile, step, slot and phase start."""
    prof = profile()
    short = _uids(export_ics(hand_plan(prof, 4), prof))
    longer = _uids(export_ics(hand_plan(prof, 12), prof))
    assert set(short) <= set(longer)  # same series, later UNTIL: same UID
    other = _uids(export_ics(hand_plan(prof._replace(name="bea"), 4), prof._replace(name="bea")))
    assert not set(short) & set(other)


def _uids(data: bytes) -> list[str]:
    uids = [line[4:] for line in _unfolded(data) if line.startswith("UID:")]
    assert len(uids) == len(set(uids))
    return uids


# -- hostile text -------------------------------------------------------------------------
HOSTILE = ' , ; \\ : "quoted" \n new line \r\n crlf \t tab \x07 bell \x1b[31m ünïcødé 🌸 ' + "x" * 90


def test_hostile_text_is_escaped_and_folded_by_the_library():
    prof = profile(name="O'Brien, Mary; Jr. \\ 李 🌸 " + "y" * 40)
    plan = hand_plan(prof, 2, title_suffix=HOSTILE)
    data = export_ics(plan, prof)
    raw_lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in raw_lines)
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", data.replace(b"\r\n", b""))
    cal = read_vobject(data)
    summaries = {e.summary.value for e in cal.vevent_list}
    want = "Morning: Gentle cleanser" + HOSTILE.replace("\r\n", "\n").replace("\x07", "").replace("\x1b", "")
    assert want in summaries
    for prop in ("NAME", "X-WR-CALNAME"):
        calname = next(line for line in _unfolded(data) if line.startswith(prop + ":"))
        assert calname.split(":", 1)[1] == "milia: O'Brien\\, Mary\\; Jr. \\\\ 李 🌸 " + "y" * 40
    assert as_utc(vobject_occurrences(data)) == as_utc(expected_occurrences(plan, prof))


# -- VTIMEZONE ------------------------------------------------------------------------------
@pytest.mark.parametrize("zone", DST_ZONES + ("Africa/Casablanca", "Asia/Gaza", "America/Godthab", "UTC"))
def test_vtimezone_reproduces_zoneinfo_offsets(zone):
    first, last = date(2026, 6, 1), date(2028, 6, 1)
    tz = vtimezone(zone, first, last)
    # dateutil's own VTIMEZONE reader (vobject's and icalendar's: tests/test_ics_tzrules.py)
    parsed = tzical(io.StringIO(tz.to_ical().decode())).get()
    real = ZoneInfo(zone)
    moment = datetime(2026, 6, 1, tzinfo=UTC)
    while moment < datetime(2028, 6, 1, tzinfo=UTC):
        local = moment.astimezone(real).replace(tzinfo=None)
        if real.utcoffset(local.replace(fold=0)) == real.utcoffset(local.replace(fold=1)):  # unambiguous
            assert parsed.utcoffset(local) == real.utcoffset(local), (zone, local)
        moment += timedelta(hours=5)


def test_vtimezone_uses_yearly_rules_outlook_reads():
    text = vtimezone("America/New_York", date(2026, 11, 23), date(2027, 11, 23)).to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11" in text
    assert text.count("BEGIN:DAYLIGHT") == 1 and text.count("BEGIN:STANDARD") == 1
    kolkata = vtimezone("Asia/Kolkata", date(2026, 11, 23), date(2027, 11, 23)).to_ical().decode()
    assert "TZOFFSETTO:+0530" in kolkata and "RRULE" not in kolkata


def test_transitions_are_found_to_the_minute():
    found = transitions("Europe/Berlin", date(2027, 1, 1), date(2028, 1, 1))
    assert [t.utc for t in found] == [datetime(2027, 3, 28, 1, tzinfo=UTC),
                                       datetime(2027, 10, 31, 1, tzinfo=UTC)]


# -- calcurse (Debian package `calcurse`) -----------------------------------------------------
@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed (apt-get install calcurse)")
@pytest.mark.parametrize("zone,start", [("Europe/Berlin", date(2027, 3, 1)), ("America/New_York", date(2026, 10, 19)),
                                        ("Australia/Sydney", date(2027, 3, 22)), ("America/Santiago", date(2029, 2, 26)),
                                        ("Asia/Jerusalem", date(2027, 2, 1))])
@pytest.mark.parametrize("expand", [False, True])
def test_calcurse_imports_everything_at_local_times(tmp_path, zone, start, expand):
    prof = profile(**{"schedule.timezone": zone, "schedule.start": start})
    plan = hand_plan(prof, 12)
    ics = tmp_path / "plan.ics"
    ics.write_bytes(export_ics(plan, prof, alarm=10, expand=expand))
    env = {**os.environ, "TZ": zone, "HOME": str(tmp_path)}
    home = tmp_path / "calcurse"
    home.mkdir()
    report = subprocess.run(["calcurse", "-D", str(home), "-i", str(ics)], env=env, capture_output=True,
                            text=True, check=True, timeout=60)
    events = sum(len(d.steps) for d in plan.days) if expand else len(plan_series(plan))
    assert f"{events} apps / 0 events / 0 todos / 0 skipped" in report.stdout
    fmt = "%(start:%Y-%m-%d %H:%M)|%m\\n"
    listing = subprocess.run(
        ["calcurse", "-D", str(home), "-Q", "--from", start.strftime("%m/%d/%Y"), "--days", str(12 * 7),
         "--format-apt", fmt, "--format-recur-apt", fmt],
        env=env, capture_output=True, text=True, check=True, timeout=60,
    ).stdout
    got = sorted(line.strip() for line in listing.splitlines() if "|" in line)
    want = sorted(
        f"{day.date:%Y-%m-%d} {(prof.schedule.am if s.slot == 'am' else prof.schedule.pm):%H:%M}|"
        f"{'Morning' if s.slot == 'am' else 'Evening'}: {s.title}"
        for day in plan.days for s in day.steps
    )
    assert got == want


# -- libical (Debian package `libical3`): what icalfilter checks ----------------------------------
_LIBICAL = ctypes.util.find_library("ical")


@pytest.mark.skipif(_LIBICAL is None, reason="libical is not installed (apt-get install libical3)")
@pytest.mark.parametrize("expand,alarm", [(False, None), (True, 5), (False, 30)])
def test_libical_parses_with_no_errors(expand, alarm):
    lib = ctypes.CDLL(_LIBICAL)
    lib.icalparser_parse_string.restype = ctypes.c_void_p
    lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    lib.icalrestriction_check.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_count_errors.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_as_ical_string.restype = ctypes.c_char_p
    lib.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_free.argtypes = [ctypes.c_void_p]
    prof = profile(name="Zoë, O'Brien; 李")
    data = export_ics(hand_plan(prof, 12, title_suffix=" a, b; c\nd"), prof, alarm=alarm, expand=expand)
    comp = lib.icalparser_parse_string(data)
    assert comp
    try:
        assert lib.icalcomponent_count_errors(comp) == 0, _lic_errors(lib, comp)  # it parses cleanly
        # libical's iTIP (RFC 5546) check wants an ORGANIZER in a PUBLISH event, and nothing
        # else fails. Issue 16 drops ORGANIZER: clients show one as an invitation, and no
        # consumer we tried needs it (libical parses, calcurse imports, vobject expands).
        lib.icalrestriction_check(comp)
        assert {e.split(":", 1)[1] for e in _lic_errors(lib, comp)} == {
            "Failed iTIP restrictions for ORGANIZER property. Expected 1 instances of the property and got 0"}
    finally:
        lib.icalcomponent_free(comp)


def _lic_errors(lib, comp) -> list[str]:
    text = lib.icalcomponent_as_ical_string(comp).decode().replace("\r\n ", "")
    return [line for line in text.split("\r\n") if line.startswith("X-LIC-ERROR")]


def test_libical_check_can_fail():
    """The libical check above is honest: a broken calendar reports errors."""
    if _LIBICAL is None:
        pytest.skip("libical is not installed")
    lib = ctypes.CDLL(_LIBICAL)
    lib.icalparser_parse_string.restype = ctypes.c_void_p
    lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    lib.icalcomponent_count_errors.argtypes = [ctypes.c_void_p]
    comp = lib.icalparser_parse_string(
        b"BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nDTSTART:2027nonsense\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert lib.icalcomponent_count_errors(comp) > 0


def test_empty_plan_still_gives_a_valid_calendar():
    prof = profile()
    plan = Plan(profile="ana", start=date(2026, 11, 23), weeks=1, levels={}, days=(
        Day(date=date(2026, 11, 23), week=1, am=(), pm=()),), notices=())
    cal = read_vobject(export_ics(plan, prof))
    assert not hasattr(cal, "vevent")
