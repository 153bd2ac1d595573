"""VTIMEZONEs of zones whose rules changed or are no n-th weekday, read by every consumer.

Found by ``test_ics.py::test_occurrences_match_the_plan_exactly``: America/Santiago's
April 2029 change ("Sun>=2", the 2nd Sunday that year) takes the listed form, and vobject
(so Radicale) kept only the first date of a comma-separated RDATE, so every later change
was lost. And dateutil compares a rule's UTC UNTIL with wall times, so east of UTC the
last change of a rule that ends (Asia/Jerusalem 2027, Africa/Cairo 2029) was dropped.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from dateutil.tz import tzical
from icalendar import Calendar

from milia_cli.exporters import ics as ics_module
from milia_cli.exporters.tzrules import vtimezone
from tests.support.exporters import (
    as_utc,
    expected_occurrences,
    hand_plan,
    plan_for,
    profile,
    vobject_occurrences,
)

pytestmark = pytest.mark.slow  # real processes, servers, a browser or whole courses: not in the quick loop

CHANGED_ZONES = ("America/Santiago", "America/Asuncion", "Africa/Casablanca", "Europe/Moscow", "Asia/Tehran",
                 "Pacific/Apia", "America/Sao_Paulo", "Asia/Jerusalem", "Africa/Cairo", "Asia/Gaza",
                 "America/Godthab", "Europe/London", "Europe/Lisbon", "Atlantic/Canary")


def _wrap(vtz_text: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//\r\n" + vtz_text + "END:VCALENDAR\r\n"


def _readers(vtz_text: str) -> dict:
    """The zone as vobject (Radicale), dateutil and icalendar each read it."""
    return {
        "vobject": vobject.readOne(_wrap(vtz_text)).vtimezone.gettzinfo(),
        "dateutil": tzical(io.StringIO(vtz_text)).get(),
        "icalendar": Calendar.from_ical(_wrap(vtz_text)).walk("VTIMEZONE")[0].to_tz(),
    }


def _wrong_offsets(zone: str, first: date, last: date) -> list:
    real = ZoneInfo(zone)
    wrong = []
    for name, tz in _readers(vtimezone(zone, first, last).to_ical().decode()).items():
        moment = datetime.combine(first, datetime.min.time(), UTC)
        while moment.date() < last:
            local = moment.astimezone(real).replace(tzinfo=None)
            unambiguous = real.utcoffset(local.replace(fold=0)) == real.utcoffset(local.replace(fold=1))
            if unambiguous and local.replace(tzinfo=tz).utcoffset() != real.utcoffset(local):
                wrong.append((name, local))
                break
            moment += timedelta(hours=4)
    return wrong


@pytest.mark.parametrize("zone", CHANGED_ZONES)
def test_every_reader_gets_zoneinfo_offsets_2026_to_2030(zone):
    for year in range(2026, 2030):  # plan-sized windows: each picks its own form (rules or list)
        assert _wrong_offsets(zone, date(year, 1, 1), date(year + 1, 12, 31)) == []


def test_santiago_plan_across_the_2029_change_is_read_at_its_local_times():
    prof = profile(**{"schedule.timezone": "America/Santiago", "schedule.am": "05:00", "schedule.pm": "17:00",
                      "schedule.start": date(2028, 12, 1), "milia.areas": []})
    plan = plan_for(prof, 19)  # to 2029-04-12: the change is on 2029-04-08 00:00 (-03 -> -04)
    for expand in (False, True):
        data = ics_module.export_ics(plan, prof, expand=expand, per_step=True)
        assert as_utc(vobject_occurrences(data)) == as_utc(expected_occurrences(plan, prof))


@pytest.mark.parametrize("zone", CHANGED_ZONES)
def test_a_year_long_plan_in_a_changed_zone_is_read_at_its_local_times(zone):
    prof = profile(**{"schedule.timezone": zone, "schedule.am": "07:05", "schedule.pm": "21:45",
                      "schedule.start": date(2028, 11, 27)})
    plan = hand_plan(prof, 60)
    data = ics_module.export_ics(plan, prof, per_step=True)
    assert as_utc(vobject_occurrences(data)) == as_utc(expected_occurrences(plan, prof))


def test_listed_transitions_are_one_rdate_a_line():
    text = vtimezone("America/Santiago", date(2028, 12, 1), date(2029, 4, 12)).to_ical().decode()
    rdates = [line for line in text.split("\r\n") if line.startswith("RDATE")]
    assert "RDATE:20290408T000000" in rdates
    assert all("," not in line for line in rdates)


def test_a_rule_that_ends_keeps_its_last_change_east_of_utc():
    text = vtimezone("Asia/Jerusalem", date(2026, 1, 1), date(2027, 12, 31)).to_ical().decode()
    assert "BYDAY=-1FR;BYMONTH=3" in text  # last Friday of March up to 2027, then "Fri>=23" in 2028
    tz = tzical(io.StringIO(text)).get()
    assert datetime(2027, 3, 26, 12, tzinfo=tz).utcoffset() == timedelta(hours=3)
