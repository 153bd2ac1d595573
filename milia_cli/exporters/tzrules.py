"""A VTIMEZONE in the yearly-rule form that Outlook reads.

icalendar 7 builds a VTIMEZONE (``Timezone.from_tzid``) as a list of one-shot
observances, one per transition between ``first_date`` and ``last_date``
(1970–2038 by default). That is valid RFC 5545, but Outlook is known to misread
the list form (events in summer shift by an hour), while it reads the
``RRULE:FREQ=YEARLY;BYMONTH=…;BYDAY=…`` form every calendar program writes.

So we compute the zone's transitions around the plan from ``zoneinfo``, fold
each kind of transition (same offsets, month, n-th weekday and wall time) into
one yearly rule, check by expanding the rules that they give back exactly the
same transitions, and only if they do not (a zone whose rules changed oddly)
fall back to icalendar's own list form restricted to the plan's years.

Every VTIMEZONE starts its observances in 1970 (issue 16, item 6a): a rule already in
force in the window's first year gets its 1970 date as DTSTART, and anything that
starts later is preceded by a 1970 observance of the offset before it. vobject (and
Radicale, which expands with it) decides whether a zone "is UTC" by comparing offsets
over 2000–2020; a VTIMEZONE whose first observance is in 2025 reads as +0000 there for
Europe/London, Lisbon and Atlantic/Canary, so every summer occurrence landed an hour late.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY = timedelta(days=1)
EPOCH = datetime(1970, 1, 1)  # where every VTIMEZONE's observances begin


@dataclass(frozen=True)
class Transition:
    utc: datetime  # the instant (aware, UTC)
    local: datetime  # naive wall time in the offset before (the observance's DTSTART)
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool

    def rule_key(self) -> tuple:
        return (self.daylight, self.offset_from, self.offset_to, self.name,
                self.local.month, _byday(self.local.date()), self.local.time())


def _byday(day: date) -> str:
    weekday = _WEEKDAYS[day.weekday()]
    if day.day + 7 > calendar.monthrange(day.year, day.month)[1]:
        return f"-1{weekday}"
    return f"{(day.day - 1) // 7 + 1}{weekday}"


def _nth_weekday(year: int, month: int, byday: str) -> date:
    """The date a yearly ``BYMONTH=month;BYDAY=byday`` rule gives in ``year``."""
    weekday = _WEEKDAYS.index(byday[-2:])
    n = int(byday[:-2])
    days = calendar.monthrange(year, month)[1]
    matching = [d for d in range(1, days + 1) if date(year, month, d).weekday() == weekday]
    return date(year, month, matching[n - 1 if n > 0 else n])


def _state(zone: ZoneInfo, instant: datetime) -> tuple[timedelta, timedelta, str]:
    local = instant.astimezone(zone)
    return local.utcoffset(), local.dst() or timedelta(0), local.tzname() or ""  # type: ignore[return-value]


def transitions(tzid: str, first: date, last: date) -> list[Transition]:
    """Every offset change of ``tzid`` between ``first`` and ``last`` (to the minute)."""
    return list(_transitions(tzid, first, last))


@lru_cache(maxsize=64)  # an export asks for the same span for the morning and the evening wall time
def _transitions(tzid: str, first: date, last: date) -> tuple[Transition, ...]:
    zone = ZoneInfo(tzid)
    out: list[Transition] = []
    moment = datetime.combine(first, time(), UTC)
    end = datetime.combine(last, time(), UTC)
    state = _state(zone, moment)
    while moment < end:
        nxt = moment + _DAY
        nstate = _state(zone, nxt)
        if nstate[0] != state[0]:
            lo, hi = moment, nxt  # offset(lo) == old, offset(hi) == new
            while hi - lo > timedelta(minutes=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(second=0, microsecond=0)
                if mid <= lo:
                    break
                if _state(zone, mid)[0] == state[0]:
                    lo = mid
                else:
                    hi = mid
            after = _state(zone, hi)
            out.append(Transition(
                utc=hi, local=(hi + state[0]).replace(tzinfo=None), offset_from=state[0],
                offset_to=after[0], name=after[2], daylight=after[1] > timedelta(0),
            ))
        state, moment = nstate, nxt
    return tuple(out)


def vtimezone(tzid: str, first: date, last: date):
    """The VTIMEZONE (an ``icalendar.Timezone``) for events between ``first`` and ``last``."""
    return _vtimezone(tzid, first.year - 1, last.year + 1)  # shared, never mutated


@lru_cache(maxsize=64)
def _vtimezone(tzid: str, first_year: int, last_year: int):
    from icalendar import Timezone

    window = (date(first_year, 1, 1), date(last_year, 12, 31))
    found = transitions(tzid, *window)
    built = _yearly_rules(tzid, found, window)
    if built is not None:
        return built
    listed = Timezone.from_tzid(tzid, first_date=window[0], last_date=window[1])
    observances = listed.standard + listed.daylight
    for obs in observances:
        _one_rdate_per_line(obs)
    first = min((obs.DTSTART for obs in observances), default=None)
    if first is not None and first.replace(tzinfo=None) > EPOCH:
        zone = ZoneInfo(tzid)
        before = datetime.combine(window[0], time(), UTC)
        listed.add_component(_fixed(zone, before, EPOCH))
    return listed


def _one_rdate_per_line(obs) -> None:
    """Split a comma-separated RDATE into one RDATE property per date (same meaning, RFC 5545).

    vobject (so Radicale) keeps only the first date of ``RDATE:a,b,c``: every later listed
    transition was lost, e.g. America/Santiago's April 2029 change (its "Sun>=2" rule is no
    n-th weekday, so it takes this list form) and events an hour off for the rest of the year."""
    listed = obs.get("rdate")
    if listed is None:
        return
    days = [when.dt for prop in (listed if isinstance(listed, list) else [listed]) for when in prop.dts]
    del obs["rdate"]
    for day in days:
        obs.add("rdate", day)


def _fixed(zone: ZoneInfo, instant: datetime, since: datetime):
    """One observance from ``since`` with the offset ``zone`` has at ``instant``."""
    from icalendar import TimezoneDaylight, TimezoneStandard

    offset, dst, name = _state(zone, instant)
    obs = TimezoneDaylight() if dst > timedelta(0) else TimezoneStandard()
    obs.add("dtstart", since)
    obs.add("tzoffsetfrom", offset)
    obs.add("tzoffsetto", offset)
    obs.add("tzname", name)
    return obs


def _yearly_rules(tzid: str, found: list[Transition], window: tuple[date, date]):
    """The rule form, or None when yearly rules cannot reproduce ``found`` exactly."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    tz = Timezone()
    tz.add("tzid", tzid)
    zone = ZoneInfo(tzid)
    groups: dict[tuple, list[Transition]] = {}
    for tr in found:
        groups.setdefault(tr.rule_key(), []).append(tr)
    if not found:  # no change in the window: one fixed observance
        tz.add_component(_fixed(zone, datetime.combine(window[0], time(), UTC), EPOCH))
        return tz
    rebuilt: list[datetime] = []
    components = []
    for key, members in groups.items():
        years = [m.local.year for m in members]
        if years != list(range(years[0], years[0] + len(years))):
            return None
        head = members[0]
        obs = TimezoneDaylight() if head.daylight else TimezoneStandard()
        since = head.local
        if len(members) > 1 and years[0] == window[0].year:  # in force already: from 1970 on
            since = datetime.combine(_nth_weekday(EPOCH.year, head.local.month, key[5]), head.local.time())
        obs.add("dtstart", since)
        obs.add("tzoffsetfrom", head.offset_from)
        obs.add("tzoffsetto", head.offset_to)
        obs.add("tzname", head.name)
        if len(members) > 1:
            rule: dict[str, Any] = {"freq": "yearly", "bymonth": [head.local.month], "byday": [key[5]]}
            if years[-1] < window[1].year:
                # two days after the last change: dateutil (vobject, Radicale) compares UNTIL with
                # the wall times, so the exact UTC instant dropped the last change east of UTC
                rule["until"] = datetime.combine(members[-1].local.date() + 2 * _DAY, time(), UTC)
            obs.add("rrule", rule)
            last_year = years[-1] if "until" in rule else window[1].year
            rebuilt.extend(
                datetime.combine(_nth_weekday(year, head.local.month, key[5]), head.local.time())
                for year in range(years[0], last_year + 1)
            )
        else:
            rebuilt.append(head.local)
        components.append((since, obs))
    if sorted(rebuilt) != sorted(tr.local for tr in found):
        return None
    if min(since for since, _ in components) > EPOCH + timedelta(days=366):
        # the first observance is later than 1970's (a one-off change, a rule that begins
        # in the window): say what held before it, from 1970 on
        components.insert(0, (EPOCH, _fixed(zone, found[0].utc - _DAY, EPOCH)))
    for _, obs in sorted(components, key=lambda item: item[0]):
        tz.add_component(obs)
    return tz


@dataclass(frozen=True)
class WallTimeProblem:
    """A step time the zone skips (``gap``) or repeats (``overlap``) on ``day`` (issue 16, 6d)."""

    kind: str  # "gap" | "overlap"
    day: date
    at: time
    lo: time  # the wall times affected: lo <= t < hi
    hi: time


def wall_time_problems(tzid: str, at: time, days: list[date]) -> list[WallTimeProblem]:
    """The days of ``days`` on which the wall time ``at`` does not exist or happens twice in ``tzid``.

    ical.js, libical and vobject resolve such a time differently (RFC 5545 says: a skipped
    time means the offset before the gap; a repeated one the first occurrence)."""
    if not days:
        return []
    wanted = set(days)
    out = []
    for tr in transitions(tzid, min(days) - _DAY, max(days) + 2 * _DAY):
        delta = tr.offset_to - tr.offset_from
        if delta > timedelta(0):  # spring forward: [local, local + delta) is skipped
            kind, lo, hi = "gap", tr.local, tr.local + delta
        else:  # fall back: [local + delta, local) happens twice
            kind, lo, hi = "overlap", tr.local + delta, tr.local
        for day in {lo.date(), (hi - timedelta(microseconds=1)).date()}:
            moment = datetime.combine(day, at)
            if day in wanted and lo <= moment < hi:
                out.append(WallTimeProblem(kind, day, at, lo.time(), hi.time()))
    return sorted(out, key=lambda p: p.day)
