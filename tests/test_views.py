"""A view that starts later is not a new program (issue 13, item 5).

`--from DATE` shows the program of the profile's `schedule.start` from DATE, on `plan`, every
`export`, `batch` and `sync caldav`; `--start DATE` rebases it (DATE is day 1, as
`schedule.start`). Defaults: the current plan week. Properties over generated profiles and
courses (irritation, pauses, pregnancy changes mid-plan, procedures) hold every view to the days
of the full plan; the calendar views are read back with vobject (and calcurse, when installed).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import TODAY
from milia_cli.exporters.csv_export import export_csv
from milia_cli.planner import build_plan, week_of
from milia_cli.views import view_log
from tests.support.cli import error_sentence
from tests.support.examples import examples
from tests.support.exporters import as_utc, expected_occurrences, profile, read_vobject, vobject_occurrences
from tests.support.strategies import courses, rev2_profiles
from tests.support.views import home_with, json_days, window, with_course

START = date(2026, 11, 23)  # BASE_PROFILE's schedule.start, a Monday
WEEKS = 14  # the courses' length


def _week_first(week: int, start: date = START) -> date:
    return start + timedelta(days=7 * (week - 1))


# -- the property: every view is the full plan from that day ------------------------------------
@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(data=st.data(), profile=rev2_profiles(), today_offset=st.integers(-20, 120))
def test_every_view_is_the_full_plan_from_that_day(data, profile, today_offset):
    log = data.draw(courses(profile.schedule.start))
    profile = with_course(profile, log)
    start = profile.schedule.start
    today = start + timedelta(days=today_offset)
    asked = start + timedelta(days=data.draw(st.integers(-10, 7 * WEEKS - 1), label="from"))
    weeks = data.draw(st.integers(1, 3), label="weeks")
    first = max(asked, start)  # a view asked from before the start shows from the start
    full = build_plan(profile, log, weeks=WEEKS + 4, today=today)
    want = window(full, first, weeks)
    last_week = want.days[-1].week
    with tempfile.TemporaryDirectory() as tmp:
        milia = home_with(Path(tmp), profile, log)
        view = ["--from", asked.isoformat(), "--weeks", str(weeks)]

        res = milia("plan", *view, "--json", today=today)
        assert res.exit_code == 0, res.output
        doc = json.loads(res.stdout)
        assert doc["days"] == [d.to_dict() for d in want.days]
        assert (doc["start"], doc["from"], doc["weeks"]) == (start.isoformat(), first.isoformat(), weeks)
        assert doc["levels"] == {step: [lv.to_dict() for lv in levels if lv.week <= last_week]
                                 for step, levels in full.levels.items()
                                 if any(lv.week <= last_week for lv in levels)}

        assert milia("export", "json", *view, today=today).stdout == res.stdout
        assert milia("export", "csv", *view, today=today).stdout == export_csv(want, profile, identity="default")
        ics = milia("export", "ics", *view, "--per-step", today=today).stdout.encode()
        read_vobject(ics)  # a calendar, also with no event (A8: no steps at all)
        got = vobject_occurrences(ics) if b"BEGIN:VEVENT" in ics else set()
        assert as_utc(got) == as_utc(expected_occurrences(want, profile))

        out = Path(tmp) / "out"
        for fmt, single in (("json", res.stdout.encode()),
                            ("ics", milia("export", "ics", *view, today=today).stdout.encode())):
            batch = milia("batch", str(milia.home / "profiles"), "--format", fmt, "-o", str(out), *view, today=today)
            assert batch.exit_code == 0, batch.output
            assert (out / f"default.{fmt}").read_bytes() == single  # batch writes what export writes


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), profile=rev2_profiles(), today_offset=st.integers(-20, 120))
def test_a_later_checkin_never_rewrites_an_earlier_day_or_level(data, profile, today_offset):
    """Why a view can read the check-ins up to its own last day: what comes later changes none of
    its days nor the levels of its weeks (a second irritation 3 in a stop used to turn an earlier
    week's B7 step down into a B6 one)."""
    log = data.draw(courses(profile.schedule.start))
    profile = with_course(profile, log)
    start = profile.schedule.start
    today = start + timedelta(days=today_offset)
    cut = start + timedelta(days=data.draw(st.integers(0, 7 * WEEKS - 1), label="cut"))
    full = build_plan(profile, log, weeks=WEEKS, today=today)
    known = build_plan(profile, view_log(log, cut), weeks=WEEKS, today=today)
    assert [d for d in full.days if d.date <= cut] == [d for d in known.days if d.date <= cut]
    week = week_of(start, cut)

    def upto(levels):
        return {step: [lv for lv in hist if lv.week <= week] for step, hist in levels.items()
                if hist[0].week <= week}
    assert upto(full.levels) == upto(known.levels)


# -- defaults: the current plan week, with an injected clock ------------------------------------
@pytest.fixture
def ana(milia):
    milia.write_profile()
    return milia


WEEK9 = _week_first(9) + timedelta(days=3)  # a Thursday in week 9: a visit


def test_plan_and_every_export_open_at_the_current_plan_week(ana):
    doc = json.loads(ana("plan", "--json", today=WEEK9).stdout)
    assert doc["start"] == START.isoformat() and doc["from"] == _week_first(9).isoformat()
    assert doc["days"][0]["week"] == 9 and len(doc["days"]) == 84 and doc["weeks"] == 12
    assert ana("export", "json", today=WEEK9).stdout == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    for fmt in ("md", "html"):
        text = ana("export", fmt, "--weeks", "2", today=WEEK9).stdout
        assert "18 January 2027 to 31 January 2027" in text, fmt  # the handout starts at the visit's week
    csv_text = ana("export", "csv", today=WEEK9).stdout
    assert csv_text.splitlines()[1].split(",")[1] == _week_first(9).isoformat()
    text = ana("plan", "--weeks", "1", today=WEEK9).stdout
    assert "Week 9 · 2027-01-18 – 2027-01-24" in text and "◀ today" in text and "Week 1 " not in text


def test_batch_opens_at_each_clients_current_week(milia, client_folder, tmp_path):
    out = tmp_path / "out"
    assert milia("batch", str(client_folder), "--format", "json", "-o", str(out), today=WEEK9).exit_code == 0
    doc = json.loads((out / "ana.json").read_text())
    assert doc["from"] == _week_first(9).isoformat() and doc["days"][0]["week"] == 9
    assert milia("batch", str(client_folder), "--format", "md", "-o", str(out), "--weeks", "2", today=WEEK9).exit_code == 0
    assert "18 January 2027 to 31 January 2027" in (out / "ana.md").read_text()


def test_before_the_plan_starts_every_view_opens_at_the_start(ana):
    early = START - timedelta(days=10)
    doc = json.loads(ana("plan", "--json", "--weeks", "1", today=early).stdout)
    assert doc["from"] == START.isoformat() and doc["days"][0]["date"] == START.isoformat()
    assert json.loads(ana("export", "json", "--weeks", "1", today=early).stdout) == doc


def test_a_from_before_the_start_shows_from_the_start_and_says_so(ana):
    res = ana("plan", "--from", "2026-11-01", "--weeks", "2", "--json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["from"] == START.isoformat() and len(doc["days"]) == 14  # --weeks counts from the start
    assert res.stderr.count("\n") == 1 and "2026-11-23" in res.stderr and "--from 2026-11-01" in res.stderr
    res = ana("export", "ics", "--from", "2026-11-01", "--weeks", "1")
    assert res.exit_code == 0 and "2026-11-23" in res.stderr
    dtstarts = [e.dtstart.value.date() for e in read_vobject(res.stdout.encode()).vevent_list]
    assert min(dtstarts) == START


def test_a_later_from_keeps_the_program(ana):
    """The old `--from` restarted the titration at DATE; a view keeps week numbers and levels."""
    full = json.loads(ana("plan", "--json", "--from", START.isoformat(), "--weeks", "8").stdout)
    later = json.loads(ana("plan", "--json", "--from", "2026-12-16", "--weeks", "2").stdout)
    assert later["start"] == START.isoformat() and later["days"][0]["week"] == 4
    assert later["days"] == [d for d in full["days"] if "2026-12-16" <= d["date"] <= "2026-12-29"]


# -- --week N --weeks M --------------------------------------------------------------------------
def test_week_and_weeks_show_m_weeks_from_week_n(ana):
    doc = json.loads(ana("plan", "--json", "--week", "3", "--weeks", "2").stdout)
    assert [d["week"] for d in doc["days"]] == [3] * 7 + [4] * 7
    assert doc["from"] == _week_first(3).isoformat() and doc["weeks"] == 2
    assert {d["week"] for d in json_days(ana("plan", "--json", "--week", "3").stdout)} == {3}
    text = ana("plan", "--week", "3", "--weeks", "2").stdout
    assert "Week 3 " in text and "Week 4 " in text and "Week 5 " not in text


def test_week_and_from_contradict(ana):
    res = ana("plan", "--week", "3", "--from", "2026-12-01")
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert "--week" in res.stderr and "--from" in res.stderr


# -- --start rebases -------------------------------------------------------------------------------
def test_start_rebases_the_program(ana, client_folder, milia, tmp_path):
    later = date(2027, 3, 1)
    doc = json.loads(ana("plan", "--json", "--start", later.isoformat(), "--weeks", "2").stdout)
    assert (doc["start"], doc["from"]) == (later.isoformat(), later.isoformat())
    assert doc["days"][0]["week"] == 1 and doc["days"][0]["date"] == later.isoformat()

    rebased = build_plan(profile(**{"schedule.start": later}), weeks=2, today=TODAY)
    assert doc["days"] == [d.to_dict() for d in rebased.days] and doc["levels"] == rebased.to_dict()["levels"]
    assert json.loads(ana("export", "json", "--start", later.isoformat(), "--weeks", "2").stdout) == doc
    ics = ana("export", "ics", "--start", later.isoformat(), "--weeks", "1").stdout.encode()
    assert min(e.dtstart.value.date() for e in read_vobject(ics).vevent_list) == later
    out = tmp_path / "out"
    res = milia("batch", str(client_folder), "--format", "json", "-o", str(out), "--start", later.isoformat(), "--weeks", "2")
    assert res.exit_code == 0, res.output
    assert json.loads((out / "ana.json").read_text())["days"] == doc["days"]


def test_start_in_the_past_opens_at_that_programs_current_week(ana):
    doc = json.loads(ana("plan", "--json", "--start", "2026-10-05", "--weeks", "1").stdout)
    assert doc["start"] == "2026-10-05" and doc["from"] == TODAY.isoformat() and doc["days"][0]["week"] == 8


def test_start_and_from_together(ana):
    doc = json.loads(ana("plan", "--json", "--start", "2027-03-01", "--from", "2027-03-15", "--weeks", "1").stdout)
    assert doc["start"] == "2027-03-01" and doc["days"][0]["week"] == 3


def test_date_words_on_from_and_start(ana):
    doc = json.loads(ana("export", "json", "--from", "tomorrow", "--weeks", "1").stdout)
    assert doc["from"] == (TODAY + timedelta(days=1)).isoformat()
    doc = json.loads(ana("plan", "--json", "--start", "today", "--weeks", "1").stdout)
    assert doc["start"] == TODAY.isoformat()


# -- bad dates: exit 2, one sentence naming the flag ----------------------------------------------
BATCH = ["batch", "{clients}", "--format", "json", "-o", "{out}"]
CALDAV = ["sync", "caldav", "--url", "http://127.0.0.1:9/", "--calendar", "Skin"]
VIEW_COMMANDS = [["plan"], ["plan", "--json"], ["export", "json"], ["export", "csv"], ["export", "ics"],
                 ["export", "md"], ["export", "html"], BATCH, CALDAV]


@pytest.mark.parametrize("flag", ["--from", "--start"])
@pytest.mark.parametrize("argv", VIEW_COMMANDS, ids=lambda v: " ".join(v[:2]))
@pytest.mark.parametrize("bad", ["2026-02-30", "next week", "9999-12-31"])
def test_a_bad_view_date_is_exit_2_naming_the_flag(ana, client_folder, tmp_path, argv, flag, bad):
    args = [a.format(clients=client_folder, out=tmp_path / "out") for a in argv]
    res = ana(*args, flag, bad)
    assert res.exit_code == 2, res.output
    assert res.stderr.count("\n") == 1 and bad in res.stderr
    assert error_sentence(res.stderr.rstrip("\n")).startswith(f"milia: {flag} ")  # --json: milia.error/1
    assert "Traceback" not in res.output and not (tmp_path / "out").exists()


def test_batch_report_takes_no_from(ana, client_folder, tmp_path):
    res = ana("batch", str(client_folder), "--format", "report", "-o", str(tmp_path / "out"), "--from", "2026-12-01")
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "--from" in res.stderr


# -- calendars of a view are still calendars -------------------------------------------------------
@pytest.mark.slow  # runs calcurse, like test_ics_calendar's calcurse test
@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed (apt-get install calcurse)")
def test_calcurse_reads_a_view_from_week_9(ana, tmp_path):
    ics = tmp_path / "view.ics"
    ics.write_bytes(ana("export", "ics", "--per-step", "--expand", "--weeks", "2", today=WEEK9).stdout.encode())
    env = {"TZ": "Europe/Berlin", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    store = tmp_path / "calcurse"
    store.mkdir()
    subprocess.run(["calcurse", "-D", str(store), "-i", str(ics)], env=env, capture_output=True, check=True, timeout=60)
    fmt = "%(start:%Y-%m-%d)|%m\\n"
    listing = subprocess.run(["calcurse", "-D", str(store), "-Q", "--from", "01/01/2027", "--days", "60",
                              "--format-apt", fmt], env=env, capture_output=True, text=True, check=True,
                             timeout=60).stdout
    days = sorted({line.strip().split("|")[0] for line in listing.splitlines() if "|" in line})
    assert days[0] == "2027-01-18" and days[-1] == "2027-01-31" and len(days) == 14
