"""Issue 16, items 4–6: ICS/CSV exports a calendar can live with, read back by independent
consumers (plain vobject, calcurse, libical), and through the CLI (--from, --feed, --per-step)."""

from __future__ import annotations

import csv
import ctypes
import ctypes.util
import io
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE_PROFILE, fake_env
from milia_cli.exporters.csv_export import OUTLOOK_HEADER, export_csv
from milia_cli.exporters.ics import content_date, export_ics, plan_series
from milia_cli.logmodel import EMPTY_LOG, CheckIn, Log
from milia_cli.plan import Day
from tests.support.examples import examples
from tests.support.exporters import (
    expected_occurrences,
    hand_plan,
    plan_for,
    profile,
    profiles,
    read_vobject,
)


def _unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def _plain_vobject_utc(data: bytes) -> set[datetime]:
    """Occurrences as vobject reads a file with no help (what Radicale does), as UTC instants.

    vobject keeps the first VTIMEZONE it saw for a TZID for the whole process: forget the
    zones earlier tests read (another plan's window of the same zone), like a fresh reader."""
    import vobject
    import vobject.icalendar

    registry = vobject.icalendar.__dict__["__tzidMap"]
    for tzid in [k for k in registry if k != "UTC"]:
        del registry[tzid]
    cal = vobject.readOne(data.decode("utf-8"))
    out = set()
    for event in cal.contents.get("vevent", []):
        for start in event.getrruleset(addRDate=True) or [event.dtstart.value]:
            out.add(start.astimezone(UTC))
    return out


def _slot_occurrences(plan, prof) -> set[datetime]:
    """One (UTC) start per slot and day that has steps: what the routine layout must give."""
    zone = ZoneInfo(prof.schedule.timezone)
    out = set()
    for day in plan.days:
        for slot, steps in (("am", day.am), ("pm", day.pm)):
            if steps:
                at = prof.schedule.am if slot == "am" else prof.schedule.pm
                out.add(datetime.combine(day.date, at, zone).astimezone(UTC))
    return out


# -- 6a: VTIMEZONE from 1970, read by vobject as it is -------------------------------------------
@pytest.mark.parametrize("zone", ["Europe/London", "Europe/Lisbon", "Atlantic/Canary", "Europe/Berlin"])
@pytest.mark.parametrize("per_step", [False, True])
def test_vobject_reads_every_occurrence_at_the_plans_local_time(zone, per_step):
    """Before the fix, 434 of 728 London occurrences came out an hour late (vobject took the zone for UTC)."""
    prof = profile(**{"schedule.timezone": zone})
    plan = hand_plan(prof, 52)
    got = _plain_vobject_utc(export_ics(plan, prof, per_step=per_step))
    want = ({w.astimezone(UTC) for _s, _t, w in expected_occurrences(plan, prof)} if per_step
            else _slot_occurrences(plan, prof))
    assert got == want


def test_vtimezone_observances_start_in_1970():
    prof = profile(**{"schedule.timezone": "Europe/London"})
    lines = _unfolded(export_ics(hand_plan(prof, 4), prof))
    starts = [line for line in lines[lines.index("BEGIN:VTIMEZONE"):lines.index("END:VTIMEZONE")]
              if line.startswith("DTSTART")]
    assert starts == ["DTSTART:19700329T010000", "DTSTART:19701025T020000"]


# -- item 4: one event per routine ----------------------------------------------------------------
def test_one_event_per_slot_by_default():
    prof = profile()
    plan = hand_plan(prof, 12)
    data = export_ics(plan, prof)
    cal = read_vobject(data)
    summaries = {e.summary.value for e in cal.vevent_list}
    assert "Evening routine: makeup off · cleanse · RETINOL · moisturize · eye cream" in summaries
    assert "Morning routine: cleanse · moisturize · eye cream · SPF 30+" in summaries
    assert _plain_vobject_utc(data) == _slot_occurrences(plan, prof)
    # at most one event per slot and day (before: up to five at 07:00), none overlapping
    starts = [s for e in cal.vevent_list for s in e.getrruleset(addRDate=True) or [e.dtstart.value]]
    assert len(starts) == len(_slot_occurrences(plan, prof))
    retinol_night = next(e for e in cal.vevent_list if "RETINOL" in e.summary.value)
    assert "Retinol (lowest strength) — A pea-sized amount on dry skin." in retinol_night.description.value
    assert "Keep away from: upper eyelids, under eyes, lips" in retinol_night.description.value
    assert "milia why pm:retinol" in retinol_night.description.value
    assert retinol_night.categories.value == ["Skincare", "Evening", "routine", "Active"]


def test_per_step_series_as_an_option():
    prof = profile()
    plan = hand_plan(prof, 3)
    data = export_ics(plan, prof, per_step=True)
    assert _unfolded(data).count("BEGIN:VEVENT") == len(plan_series(plan, per_step=True))
    assert not any("routine" in line for line in _unfolded(data) if line.startswith("SUMMARY"))


# -- 6b: UIDs ----------------------------------------------------------------------------------
def _uid_by_first(data: bytes) -> dict[tuple[str, str], str]:
    cal = read_vobject(data)
    return {(e.summary.value, e.dtstart.value.date().isoformat()): e.uid.value for e in cal.vevent_list}


@pytest.mark.parametrize("per_step", [False, True])
def test_uid_survives_a_phase_shrinking_to_one_night(per_step):
    prof = profile()
    plan = hand_plan(prof, 4)  # retinol Mon+Thu in weeks 1-2
    # an adaptation: week 2's Thursday retinol goes, week 1 keeps Mon and Thu, so the Mon/Thu
    # phase is now weeks 1 only... and then only Monday: a phase of one night
    def drop_retinol(day: Day) -> Day:
        if day.date > date(2026, 11, 23) and day.week <= 2:
            return day._replace(pm=tuple(s for s in day.pm if s.step != "retinol"))
        return day
    shrunk = plan._replace(days=tuple(drop_retinol(d) for d in plan.days))
    before = _uid_by_first(export_ics(plan, prof, per_step=per_step))
    after = _uid_by_first(export_ics(shrunk, prof, per_step=per_step))
    key = next(k for k in before if "etinol" in k[0].lower() and k[1] == "2026-11-23")
    assert after[key] == before[key]


def test_uids_follow_the_profile_identity_not_its_name():
    prof = profile()
    plan = hand_plan(prof, 4)
    renamed = prof._replace(name="Ana María")
    kept = export_ics(plan, renamed, identity="p-1234")
    assert set(_uid_by_first(export_ics(plan, prof, identity="p-1234")).values()) == \
        set(_uid_by_first(kept).values())
    assert not set(_uid_by_first(export_ics(plan, prof)).values()) & set(_uid_by_first(kept).values())


# -- 6c, item 5: DTSTAMP, SEQUENCE, METHOD without ORGANIZER --------------------------------------
def _values(data: bytes, prop: str) -> set[str]:
    return {line.split(":", 1)[1] for line in _unfolded(data) if line.startswith(prop + ":")}


def test_sequence_rises_with_the_content_date_and_unchanged_is_byte_identical():
    prof = profile()
    plan = hand_plan(prof, 8)
    first = export_ics(plan, prof, revised=date(2026, 11, 23))
    assert first == export_ics(plan, prof, revised=date(2026, 11, 23))
    later = export_ics(plan, prof, revised=date(2026, 12, 2))
    assert int(min(_values(later, "SEQUENCE"))) > int(max(_values(first, "SEQUENCE")))
    assert _values(first, "DTSTAMP") == {"20261123T000000Z"}
    assert _values(first, "METHOD") == {"PUBLISH"}
    assert not any(line.startswith("ORGANIZER") for line in _unfolded(first))


def test_content_date_is_the_newest_input_and_never_after_today():
    future = profile(**{"schedule.start": date(2027, 3, 1)})
    assert content_date(future, EMPTY_LOG, date(2026, 11, 23)) < date(2026, 11, 23)  # not the future start
    prof = profile()
    log = Log(checkins=(CheckIn(date(2026, 11, 25), irritation=0), CheckIn(date(2026, 11, 30), irritation=2)))
    assert content_date(prof, log, date(2026, 12, 1)) == date(2026, 11, 30)
    assert content_date(prof, log, date(2026, 11, 27)) == date(2026, 11, 25)  # a later entry is not yet known
    assert content_date(prof, EMPTY_LOG, date(2026, 12, 1)) == date(2026, 11, 23)


def test_an_adaptation_raises_sequence_through_the_cli(milia):
    milia.write_profile()
    before = milia("export", "ics", today=date(2026, 12, 1)).stdout.encode()
    assert milia("checkin", "--date", "2026-12-01", "--irritation", "2", today=date(2026, 12, 2)).exit_code == 0
    after = milia("export", "ics", today=date(2026, 12, 2)).stdout.encode()
    assert before != after
    assert int(min(_values(after, "SEQUENCE"))) > int(max(_values(before, "SEQUENCE")))
    assert max(_values(after, "DTSTAMP")) <= "20261202T000000Z"  # not in the future


# -- 6d: DST gaps and overlaps warn ---------------------------------------------------------------
@pytest.mark.parametrize("zone,pm,needle", [
    ("Europe/Berlin", "02:30", "Evening time 02:30 does not exist on 2027-03-28 in Europe/Berlin"),
    ("America/Santiago", "23:45", "Evening time 23:45 happens twice on 2027-04-03 in America/Santiago"),
])
def test_a_step_time_in_a_dst_gap_or_overlap_warns(milia, zone, pm, needle):
    milia.write_profile(BASE_PROFILE.replace('pm = "21:30"', f'pm = "{pm}"').replace("Europe/Berlin", zone))
    res = milia("export", "ics", "--weeks", "52")
    assert res.exit_code == 0, res.output
    assert needle in res.stderr and res.stdout.startswith("BEGIN:VCALENDAR")
    milia.write_profile()
    assert milia("export", "ics", "--weeks", "52").stderr == ""


# -- 6f: CSV id column, Outlook style ---------------------------------------------------------------
def test_plain_csv_has_a_stable_id_column():
    prof = profile()
    plan = plan_for(prof, 2)
    rows = list(csv.DictReader(io.StringIO(export_csv(plan, prof))))
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[0-9a-f]{16}", i) for i in ids)
    again = list(csv.DictReader(io.StringIO(export_csv(plan_for(prof, 4), prof))))
    assert ids == [r["id"] for r in again][:len(ids)]


def test_outlook_csv_free_time_reminder_categories_no_bom(milia):
    milia.write_profile()
    res = milia("export", "csv", "--csv-style", "outlook", "--weeks", "1", "--alarm", "10")
    assert res.exit_code == 0, res.output
    assert not res.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0]) == list(OUTLOOK_HEADER)
    assert len(rows) == 14  # one morning and one evening routine a day
    for row in rows:
        assert row["Show time as"] == "0" and row["Reminder on/off"] == "True"
        assert row["Categories"].startswith("Skincare")
        start = datetime.strptime(f"{row['Start Date']} {row['Start Time']}", "%m/%d/%Y %I:%M %p")
        remind = datetime.strptime(f"{row['Reminder Date']} {row['Reminder Time']}", "%m/%d/%Y %I:%M %p")
        assert start - remind == timedelta(minutes=10)
    assert any("Active" in r["Categories"] for r in rows)


def test_google_and_another_style_contradict(milia):
    milia.write_profile()
    res = milia("export", "csv", "--google", "--csv-style", "outlook")
    assert res.exit_code == 2 and "contradict" in res.stderr


# -- 6g: a closed pipe ------------------------------------------------------------------------------
class _ClosedPipe(io.StringIO):
    class _Buffer:
        def write(self, data):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass

    buffer = _Buffer()


def test_a_closed_pipe_is_a_quiet_exit_in_process(milia):
    milia.write_profile()
    env = fake_env()
    env.stdout = _ClosedPipe()
    res = milia("export", "ics", env=env)
    assert res.exit_code == 141 and res.stderr == ""


@pytest.mark.slow
def test_a_closed_pipe_is_a_quiet_exit(home, milia):
    milia.write_profile()
    script = Path(sys.executable).with_name("milia")
    env = {**os.environ, "MILIA_HOME": str(home), "MILIA_NOW": "2026-11-23"}
    proc = subprocess.Popen([str(script), "export", "ics", "--weeks", "52", "--expand"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline() == b"BEGIN:VCALENDAR\r\n"
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) in (0, 141)
    assert err == b""


# -- item 4: --from --------------------------------------------------------------------------------
# slow: reads a 12-week expanded per-step calendar back with vobject (about 2 s); the quick loop
# still holds `export ics --from` to the full plan in test_views' property
@pytest.mark.slow
def test_from_shows_the_same_program_from_that_day_not_a_rebased_one(milia):
    milia.write_profile()
    full = read_vobject(milia("export", "ics", "--weeks", "12", "--per-step", "--expand").stdout.encode())
    cut_text = milia("export", "ics", "--weeks", "4", "--from", "2026-12-16", "--per-step", "--expand").stdout
    cut = read_vobject(cut_text.encode())

    def occurrences(cal, first, last):
        return {(e.summary.value, e.dtstart.value) for e in cal.vevent_list
                if first <= e.dtstart.value.date() <= last}
    assert occurrences(cut, date(2000, 1, 1), date(2100, 1, 1)) == \
        occurrences(full, date(2026, 12, 16), date(2027, 1, 12))
    assert min(e.dtstart.value.date() for e in cut.vevent_list) == date(2026, 12, 16)


def test_default_from_is_this_plan_weeks_first_day_and_uids_carry_on(milia):
    milia.write_profile()
    week1 = milia("export", "ics", today=date(2026, 11, 23)).stdout.encode()
    week3 = milia("export", "ics", today=date(2026, 12, 9)).stdout.encode()
    first_days = {e.dtstart.value.date() for e in read_vobject(week3).vevent_list}
    assert min(first_days) == date(2026, 12, 7)
    assert _values(week1, "UID") & _values(week3, "UID")  # ongoing series keep their UIDs


def test_bad_from_is_one_sentence(milia):
    milia.write_profile()
    res = milia("export", "ics", "--from", "next fortnight")
    assert res.exit_code == 2 and "--from 'next fortnight' is not a real date" in res.stderr  # the one date parser
    assert "Traceback" not in res.output


# -- item 3: --feed --------------------------------------------------------------------------------
def test_feed_is_a_rolling_window_with_refresh_hints(milia):
    milia.write_profile()
    data = milia("export", "ics", "--feed", "--weeks", "2", today=date(2026, 12, 20)).stdout.encode()
    lines = _unfolded(data)
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in lines and "X-PUBLISHED-TTL:PT12H" in lines
    cal = read_vobject(data)
    starts = [s.date() for e in cal.vevent_list for s in (e.getrruleset(addRDate=True) or [e.dtstart.value])]
    assert min(starts) == date(2026, 12, 6) and max(starts) == date(2027, 1, 2)
    assert not any(line.startswith("REFRESH") for line in _unfolded(milia("export", "ics").stdout.encode()))
    res = milia("export", "ics", "--feed", "--from", "2026-12-01")
    assert res.exit_code == 2 and "--feed and --from" in res.stderr


# -- independent consumers: calcurse and libical read the routine layout ----------------------------
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed (apt-get install calcurse)")
def test_calcurse_imports_routines_at_local_times(tmp_path):
    prof = profile(**{"schedule.timezone": "Europe/London", "schedule.start": date(2027, 3, 1)})
    plan = hand_plan(prof, 12)
    ics = tmp_path / "plan.ics"
    ics.write_bytes(export_ics(plan, prof, alarm=10))
    env = {**os.environ, "TZ": "Europe/London", "HOME": str(tmp_path)}
    home = tmp_path / "calcurse"
    home.mkdir()
    report = subprocess.run(["calcurse", "-D", str(home), "-i", str(ics)], env=env, capture_output=True,
                            text=True, check=True, timeout=60)
    assert f"{len(plan_series(plan))} apps / 0 events / 0 todos / 0 skipped" in report.stdout
    fmt = "%(start:%Y-%m-%d %H:%M)\\n"
    listing = subprocess.run(["calcurse", "-D", str(home), "-Q", "--from", "03/01/2027", "--days", "84",
                              "--format-apt", fmt, "--format-recur-apt", fmt],
                             env=env, capture_output=True, text=True, check=True, timeout=60).stdout
    got = sorted(line.strip() for line in listing.splitlines() if re.match(r"\s*\d{4}-", line))
    want = sorted(f"{d.date:%Y-%m-%d} {(prof.schedule.am if slot == 'am' else prof.schedule.pm):%H:%M}"
                  for d in plan.days for slot, steps in (("am", d.am), ("pm", d.pm)) if steps)
    assert got == want


_LIBICAL = ctypes.util.find_library("ical")


@pytest.mark.skipif(_LIBICAL is None, reason="libical is not installed (apt-get install libical3)")
def test_libical_parses_routines_and_feeds_with_no_errors():
    lib = ctypes.CDLL(_LIBICAL)
    lib.icalparser_parse_string.restype = ctypes.c_void_p
    lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    lib.icalcomponent_count_errors.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_free.argtypes = [ctypes.c_void_p]
    prof = profile(**{"schedule.timezone": "Europe/Lisbon"})
    data = export_ics(hand_plan(prof, 12), prof, alarm=5, refresh=timedelta(hours=12), revised=date(2026, 11, 23))
    comp = lib.icalparser_parse_string(data)
    assert comp
    try:
        assert lib.icalcomponent_count_errors(comp) == 0
    finally:
        lib.icalcomponent_free(comp)


def test_calendar_csvs_have_one_row_per_routine_unless_per_step(milia):
    milia.write_profile()
    routines = list(csv.reader(io.StringIO(milia("export", "csv", "--csv-style", "google", "--weeks", "2").stdout)))
    steps = list(csv.reader(io.StringIO(milia("export", "csv", "--google", "--per-step", "--weeks", "2").stdout)))
    assert len(routines) - 1 == 28  # 14 days, a morning and an evening routine each
    assert len(steps) - 1 > 3 * 28
    assert routines[1][0].startswith("Morning routine: cleanse")
    later = list(csv.DictReader(io.StringIO(milia("export", "csv", "--from", "2026-12-01", "--weeks", "1").stdout)))
    assert {r["date"] for r in later} == {(date(2026, 12, 1) + timedelta(n)).isoformat() for n in range(7)}
    assert {r["week"] for r in later} == {"2", "3"}  # the plan's own weeks, not a plan restarted there


def test_daily_commands_load_no_calendar_or_sync_code(home):
    """`today` and `checkin` never pay for the calendar exporters, the sync or caldav."""
    from tests.support.imports import imported_modules

    (home / "profiles").mkdir(mode=0o700)
    (home / "profiles" / "default.toml").write_text(BASE_PROFILE)
    for args in (("checkin", "--all", "--date", "2026-11-24"), ("today",), ("--version",)):
        names = imported_modules(*args, home=str(home))
        unwanted = sorted(n for n in names if n.startswith(("milia_cli.sync", "milia_cli.cli.sync_cmds",
                                                            "milia_cli.cli.calendar_opts", "caldav", "niquests")))
        assert unwanted == [], f"`milia {' '.join(args)}` imported {unwanted}"


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prof=profiles(), weeks=st.integers(1, 30), from_offset=st.integers(0, 60))
def test_generated_plans_read_back_exactly_by_plain_vobject(prof, weeks, from_offset):
    """Any zone of DST_ZONES, any start, any --from: vobject as it is (Radicale's reader) sees
    one event per routine at exactly the plan's local times."""
    plan = plan_for(prof, weeks)
    first = prof.schedule.start + timedelta(days=from_offset)
    data = export_ics(plan, prof, first=first)
    shown = plan._replace(days=tuple(d for d in plan.days if d.date >= first))
    assert _plain_vobject_utc(data) == _slot_occurrences(shown, prof)
