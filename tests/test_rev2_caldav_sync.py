"""`milia sync caldav` against a real Radicale (issue 16, items 1 and 2): real plans synced,
read back through the server, expanded with vobject (and recurring-ical-events), and compared
occurrence by occurrence with `milia plan --json`."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

pytest.importorskip("radicale", reason="radicale is not installed: pip install -e '.[test]' brings it")
caldav = pytest.importorskip("caldav", reason="caldav is not installed: pip install -e '.[test]' brings it")

from conftest import BASE_PROFILE, fake_env  # noqa: E402
from milia_cli.steps import SHORT  # noqa: E402
from tests.support.caldav import creds, server_calendar, server_objects  # noqa: E402
from tests.support.caldav_server import start_radicale, stop  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = start_radicale(tmp_path_factory.mktemp("radicale"))
    yield srv
    stop(srv)


def sync(milia, server, calendar, *args, today=date(2026, 11, 23), vars=None):
    env = fake_env(today, vars=creds() if vars is None else vars)
    return milia("sync", "caldav", "--url", server.url, "--calendar", calendar, *args, env=env, today=today)


def occurrences(texts: list[str], first: date, last: date) -> Counter:
    """(UTC start, summary) of every occurrence from ``first`` to ``last``, expanded by vobject
    from each object as the server returns it (its own VTIMEZONE, no help)."""
    import vobject

    out: Counter = Counter()
    for text in texts:
        for event in vobject.readOne(text).vevent_list:
            for start in event.getrruleset(addRDate=True) or [event.dtstart.value]:
                if first <= start.date() <= last:
                    out[(start.astimezone(UTC), event.summary.value)] += 1
    return out


def occurrences_ric(texts: list[str], first: date, last: date) -> Counter:
    """The same with recurring-ical-events (icalendar's parser, zoneinfo zones)."""
    import icalendar
    import recurring_ical_events

    out: Counter = Counter()
    for text in texts:
        for event in recurring_ical_events.of(icalendar.Calendar.from_ical(text)).between(
                first, last + timedelta(days=1)):
            out[(event.decoded("dtstart").astimezone(UTC), str(event["summary"]))] += 1
    return out


def planned(milia, first: date, last: date, today: date, zone: str, am="07:30", pm="21:30") -> Counter:
    """What `milia plan --json` says, as (UTC start, routine summary) per slot and day."""
    start = date(2026, 11, 23)
    weeks = (last - start).days // 7 + 1
    doc = json.loads(milia("plan", "--json", "--weeks", str(weeks), today=today).stdout)
    tz = ZoneInfo(zone)
    out: Counter = Counter()
    for day in doc["days"]:
        when = date.fromisoformat(day["date"])
        if not first <= when <= last:
            continue
        for slot, label, at in (("am", "Morning", am), ("pm", "Evening", pm)):
            steps = [SHORT[s["step"]] for s in day[slot]]  # people's words (RETINOL, eye cream)
            if steps:
                local = datetime.combine(when, datetime.strptime(at, "%H:%M").time(), tz)
                out[(local.astimezone(UTC), f"{label} routine: " + " · ".join(steps))] += 1
    return out


def window(today: date, weeks: int = 12, start: date = date(2026, 11, 23)) -> tuple[date, date]:
    first = start + timedelta(days=7 * ((today - start).days // 7)) if today > start else start
    return first, first + timedelta(days=7 * weeks - 1)


# -- the new user's story: sync, irritation 2 mid-week, sync again, then nothing to do ------------
def test_sync_adapt_and_resync_holds_exactly_the_plan(milia, server):
    milia.write_profile()
    first_day = date(2026, 11, 30)
    res = sync(milia, server, "Skin", today=first_day)
    assert res.exit_code == 0, res.output
    assert "Synced 'Skin':" in res.stdout and " 0 updated, 0 deleted" in res.stdout
    first, last = window(first_day)
    texts = server_objects(server, "Skin")
    assert occurrences(texts, first, last) == planned(milia, first, last, first_day, "Europe/Berlin")
    sequences_before = {_uid(t): _sequence(t) for t in texts}

    # irritation 2 on a Wednesday evening: the planner steps retinol down and pauses actives
    mid_week = date(2026, 12, 2)
    assert milia("checkin", "--date", "2026-12-02", "--irritation", "2", today=mid_week).exit_code == 0
    puts, deletes = server.requests("PUT"), server.requests("DELETE")
    res = sync(milia, server, "Skin", "--json", today=mid_week)
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["updates"] or report["deletes"]
    assert server.requests("PUT") - puts == len(report["creates"]) + len(report["updates"])
    assert server.requests("DELETE") - deletes == len(report["deletes"])
    texts = server_objects(server, "Skin")
    want = planned(milia, first, last, mid_week, "Europe/Berlin")
    got = occurrences(texts, first, last)
    assert got == want  # 0 stale, 0 duplicates
    assert max(got.values()) == 1
    assert occurrences_ric(texts, first, last) == want
    for text in texts:  # an updated series is "newer" by RFC 5546
        uid = _uid(text)
        if uid in {u["uid"] for u in report["updates"]}:
            assert _sequence(text) > sequences_before[uid]

    # a second sync with an unchanged plan changes nothing
    puts, deletes = server.requests("PUT"), server.requests("DELETE")
    res = sync(milia, server, "Skin", today=mid_week)
    assert res.exit_code == 0, res.output
    assert "0 created, 0 updated, 0 deleted" in res.stdout
    assert (server.requests("PUT"), server.requests("DELETE")) == (puts, deletes)


def _uid(text: str) -> str:
    import vobject

    return vobject.readOne(text).vevent.uid.value


def _sequence(text: str) -> int:
    import vobject

    return int(vobject.readOne(text).vevent.sequence.value)


# -- several zones, DST changes, 52 weeks ---------------------------------------------------------
@pytest.mark.parametrize("zone,am,pm", [("Europe/London", "07:05", "22:45"), ("America/New_York", "06:30", "21:00"),
                                        ("Australia/Sydney", "07:30", "21:30")])
def test_52_weeks_across_dst_read_back_exactly(milia, server, zone, am, pm):
    text = BASE_PROFILE.replace("Europe/Berlin", zone).replace('am = "07:30"', f'am = "{am}"') \
        .replace('pm = "21:30"', f'pm = "{pm}"')
    milia.write_profile(text)
    name = f"Year {zone}"
    res = sync(milia, server, name, "--weeks", "52")
    assert res.exit_code == 0, res.output
    first, last = window(date(2026, 11, 23), 52)
    want = planned(milia, first, last, date(2026, 11, 23), zone, am, pm)
    got = occurrences(server_objects(server, name), first, last)
    assert got == want
    offsets = {when.astimezone(ZoneInfo(zone)).utcoffset() for when, _ in got}
    assert len(offsets) == 2  # both sides of the DST change are in the calendar
    # Radicale's own expansion (it uses vobject): with a VTIMEZONE starting in the plan's
    # year it put every London summer occurrence an hour late
    assert server_expanded(server, name, first, last) == want


def server_expanded(server, name, first: date, last: date) -> Counter:
    """The occurrences as the server expands them (CalDAV calendar-query with <C:expand>)."""
    import xml.etree.ElementTree as ET

    import icalendar

    cal = server_calendar(server, name)
    lo, hi = f"{first - timedelta(days=2):%Y%m%d}T000000Z", f"{last + timedelta(days=2):%Y%m%d}T000000Z"
    body = ('<?xml version="1.0" encoding="utf-8"?><C:calendar-query xmlns:D="DAV:" '
            'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><C:calendar-data>'
            f'<C:expand start="{lo}" end="{hi}"/></C:calendar-data></D:prop><C:filter>'
            '<C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">'
            f'<C:time-range start="{lo}" end="{hi}"/></C:comp-filter></C:comp-filter></C:filter>'
            '</C:calendar-query>')
    response = cal.client.report(str(cal.url), body, depth=1)
    tree = ET.fromstring(response.raw if isinstance(response.raw, bytes) else response.raw.encode())
    out: Counter = Counter()
    for data in tree.iter("{urn:ietf:params:xml:ns:caldav}calendar-data"):
        for event in icalendar.Calendar.from_ical(data.text).walk("VEVENT"):
            start = event.decoded("dtstart")
            out[(start.astimezone(UTC), str(event["summary"]))] += 1
    return Counter({k: v for k, v in out.items() if first <= k[0].astimezone(ZoneInfo(_zone_of(name))).date() <= last})


def _zone_of(name: str) -> str:
    return name.split(" ", 1)[1]


# -- a pregnancy change removes retinol -------------------------------------------------------------
def test_a_pregnancy_change_removes_every_retinol_evening(milia, server, home):
    path = milia.write_profile()
    today = date(2026, 12, 14)
    assert sync(milia, server, "Pregnancy", today=today).exit_code == 0
    first, last = window(today)
    assert any("RETINOL" in s for _, s in occurrences(server_objects(server, "Pregnancy"), first, last))
    path.write_text(BASE_PROFILE.replace('pregnancy = "none"', 'pregnancy = "pregnant"'), encoding="utf-8")
    res = sync(milia, server, "Pregnancy", "--json", today=today)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["deletes"]
    got = occurrences(server_objects(server, "Pregnancy"), first, last)
    assert not any("RETINOL" in s for _, s in got)
    assert got == planned(milia, first, last, today, "Europe/Berlin")


# -- only milia's own objects -----------------------------------------------------------------------
FOREIGN = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone//EN\r\nBEGIN:VEVENT\r\nUID:dentist@example.org\r\n"
           "DTSTAMP:20261101T000000Z\r\nDTSTART:20261202T090000Z\r\nDTEND:20261202T100000Z\r\n"
           "SUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def test_the_users_own_events_are_never_touched(milia, server):
    milia.write_profile()
    assert sync(milia, server, "Shared").exit_code == 0
    server_calendar(server, "Shared").save_event(FOREIGN)
    assert milia("checkin", "--date", "2026-11-25", "--irritation", "2", today=date(2026, 11, 26)).exit_code == 0
    assert sync(milia, server, "Shared", today=date(2026, 11, 26)).exit_code == 0
    texts = server_objects(server, "Shared")
    assert sum("UID:dentist@example.org" in t for t in texts) == 1
    assert next(t for t in texts if "dentist@example.org" in t).replace("\r\n", "\n").count("SUMMARY:Dentist") == 1


def test_dry_run_prints_and_changes_nothing(milia, server, home):
    milia.write_profile()
    puts, made = server.requests("PUT"), server.requests("MKCALENDAR")
    res = sync(milia, server, "Dry", "--dry-run")
    assert res.exit_code == 0, res.output
    assert "  create Morning routine:" in res.stdout and "Would sync 'Dry':" in res.stdout
    assert (server.requests("PUT"), server.requests("MKCALENDAR")) == (puts, made)
    assert not (home / "caldav-sync.json").exists()


def test_a_sync_broken_mid_way_is_repaired_by_the_next(milia, server, home, monkeypatch):
    """The network fails on the third PUT: two objects are on the server and remembered, and the
    next sync writes the rest — no duplicates, nothing lost."""
    milia.write_profile()
    real = caldav.DAVClient
    calls = {"put": 0}

    class Flaky(real):
        def put(self, *args, **kwargs):
            calls["put"] += 1
            if calls["put"] == 3:
                import niquests

                raise niquests.exceptions.ConnectionError("Connection refused")
            return super().put(*args, **kwargs)

    monkeypatch.setattr(caldav, "DAVClient", Flaky)
    res = sync(milia, server, "Flaky")
    assert res.exit_code == 1
    assert res.stderr.startswith("milia: Could not reach the CalDAV server at") and "The 2 changes before it" in \
        res.stderr and res.stderr.count("\n") == 1
    state = json.loads((home / "caldav-sync.json").read_text())
    assert (home / "caldav-sync.json").stat().st_mode & 0o777 == 0o600
    objects = next(iter(state["calendars"].values()))["objects"]
    assert sum(not o["pending"] for o in objects.values()) == 2
    monkeypatch.setattr(caldav, "DAVClient", real)
    res = sync(milia, server, "Flaky")
    assert res.exit_code == 0, res.output
    first, last = window(date(2026, 11, 23))
    got = occurrences(server_objects(server, "Flaky"), first, last)
    assert got == planned(milia, first, last, date(2026, 11, 23), "Europe/Berlin") and max(got.values()) == 1
    again = sync(milia, server, "Flaky")
    assert "0 created, 0 updated, 0 deleted" in again.stdout
