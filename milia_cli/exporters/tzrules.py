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
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY = timedelta(days=1)


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
    zone = ZoneInfo(tzid)
    out: list[Transition] = []
    moment = datetime.combine(first, time(), timezone.utc)
    end = datetime.combine(last, time(), timezone.utc)
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
    return out


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
    return Timezone.from_tzid(tzid, first_date=window[0], last_date=window[1])


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
        start = datetime.combine(window[0], time(), timezone.utc)
        offset, dst, name = _state(zone, start)
        obs = TimezoneDaylight() if dst > timedelta(0) else TimezoneStandard()
        obs.add("dtstart", datetime(1970, 1, 1))
        obs.add("tzoffsetfrom", offset)
        obs.add("tzoffsetto", offset)
        obs.add("tzname", name)
        tz.add_component(obs)
        return tz
    rebuilt: list[datetime] = []
    components = []
    for key, members in groups.items():
        years = [m.local.year for m in members]
        if years != list(range(years[0], years[0] + len(years))):
            return None
        head = members[0]
        obs = TimezoneDaylight() if head.daylight else TimezoneStandard()
        obs.add("dtstart", head.local)
        obs.add("tzoffsetfrom", head.offset_from)
        obs.add("tzoffsetto", head.offset_to)
        obs.add("tzname", head.name)
        if len(members) > 1:
            rule = {"freq": "yearly", "bymonth": [head.local.month], "byday": [key[5]]}
            if years[-1] < window[1].year:
                rule["until"] = members[-1].utc
            obs.add("rrule", rule)
            last_year = years[-1] if "until" in rule else window[1].year
            rebuilt.extend(
                datetime.combine(_nth_weekday(year, head.local.month, key[5]), head.local.time())
                for year in range(years[0], last_year + 1)
            )
        else:
            rebuilt.append(head.local)
        components.append((head.local, obs))
    if sorted(rebuilt) != sorted(tr.local for tr in found):
        return None
    first = found[0]
    initial = TimezoneDaylight() if _state(zone, first.utc - _DAY)[1] > timedelta(0) else TimezoneStandard()
    if any(len(g) == 1 for g in groups.values()):
        # a one-off change: say what held before it, so the whole window is covered
        initial.add("dtstart", datetime.combine(window[0], time()))
        initial.add("tzoffsetfrom", first.offset_from)
        initial.add("tzoffsetto", first.offset_from)
        initial.add("tzname", _state(zone, first.utc - _DAY)[2])
        components.insert(0, (datetime.combine(window[0], time()), initial))
    for _, obs in sorted(components, key=lambda item: item[0]):
        tz.add_component(obs)
    return tz
