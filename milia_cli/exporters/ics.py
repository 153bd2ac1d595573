"""The plan as an iCalendar (RFC 5545) file, built with ``icalendar``.

One recurring VEVENT series per step, slot and titration phase: the dates a
step has in a slot are grouped by what the step says (title, areas, how), and
then into runs of consecutive plan weeks whose weekday pattern is identical.
Each run becomes ``RRULE:FREQ=WEEKLY;BYDAY=…;UNTIL=<last occurrence, UTC>`` with
``DTSTART`` on its first real occurrence; a run the weekly rule cannot describe
exactly is split further (down to single events), so every occurrence falls on
exactly the dates the plan has. ``expand=True`` writes one event per occurrence.

Deterministic: UIDs hash profile, slot, step and the phase's first date;
``DTSTAMP`` is the plan's start at 00:00 UTC; nothing reads the clock, so an
unchanged plan exports byte-identical files and a re-import updates events.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from milia_cli import __version__
from milia_cli.messages import export as msg
from milia_cli.plan import SLOTS, STEP_IDS, Plan, Step
from milia_cli.profile import Profile

EVENT_MINUTES = 10
ORGANIZER = "mailto:noreply@milia.invalid"
MAX_ALARM_MINUTES = 24 * 60
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # RFC 5545 TEXT allows no controls but LF/TAB


@dataclass(frozen=True)
class Series:
    """One run of a step in a slot: the dates it has, all on ``weekdays``."""

    step: Step
    dates: tuple[date, ...]
    weekdays: tuple[int, ...]  # 0 = Monday

    @property
    def first(self) -> date:
        return self.dates[0]

    @property
    def last(self) -> date:
        return self.dates[-1]


def plan_series(plan: Plan) -> list[Series]:
    """The recurring series of ``plan``, in a stable order (first date, slot, step)."""
    runs: dict[tuple, list[tuple[int, date]]] = {}
    for day in plan.days:
        for step in day.am + day.pm:
            runs.setdefault(_content(step), []).append((day.week, day.date))
    out: list[Series] = []
    for key, dated in runs.items():
        step = _step_of(key)
        for phase in _phases(dated):
            out.extend(_exact(step, phase))
    out.sort(key=lambda s: (s.first, SLOTS.index(s.step.slot), _step_rank(s.step.step), s.step.title))
    return out


def _content(step: Step) -> tuple:
    return (step.slot, step.step, step.title, step.areas, step.avoid, step.how, step.rules)


def _step_of(key: tuple) -> Step:
    slot, step, title, areas, avoid, how, rules = key
    return Step(step=step, slot=slot, title=title, areas=areas, avoid=avoid, how=how, rules=rules)


def _step_rank(step: str) -> int:
    return STEP_IDS.index(step) if step in STEP_IDS else len(STEP_IDS)


def _phases(dated: list[tuple[int, date]]) -> list[list[date]]:
    """Runs of consecutive weeks whose weekday pattern is the same."""
    weeks: dict[int, list[date]] = {}
    for week, day in dated:
        weeks.setdefault(week, []).append(day)
    phases: list[list[date]] = []
    prev_week, prev_pattern = None, None
    for week in sorted(weeks):
        days = sorted(set(weeks[week]))
        pattern = frozenset(d.weekday() for d in days)
        if phases and prev_week == week - 1 and pattern == prev_pattern:
            phases[-1].extend(days)
        else:
            phases.append(list(days))
        prev_week, prev_pattern = week, pattern
    return phases


def _exact(step: Step, dates: list[date]) -> list[Series]:
    """``dates`` as weekly series whose expansion is exactly ``dates``."""
    dates = sorted(set(dates))
    if _expands_to(dates):
        return [Series(step, tuple(dates), _weekdays(dates))]
    # a gap in the plan's days: grow runs greedily while the weekly rule stays exact
    out: list[Series] = []
    run = [dates[0]]
    for day in dates[1:]:
        if _expands_to(run + [day]):
            run.append(day)
        else:
            out.append(Series(step, tuple(run), _weekdays(run)))
            run = [day]
    out.append(Series(step, tuple(run), _weekdays(run)))
    return out


def _weekdays(dates: list[date]) -> tuple[int, ...]:
    return tuple(sorted({d.weekday() for d in dates}))


def _expands_to(dates: list[date]) -> bool:
    """Does FREQ=WEEKLY;BYDAY=<their weekdays> from the first to the last give exactly ``dates``?"""
    weekdays = set(_weekdays(dates))
    span = (dates[-1] - dates[0]).days + 1
    expanded = [dates[0] + timedelta(n) for n in range(span)]
    return [d for d in expanded if d.weekday() in weekdays] == dates


def export_ics(plan: Plan, profile: Profile, *, alarm: int | None = None, expand: bool = False) -> bytes:
    """The plan as ``text/calendar`` bytes (CRLF lines, folded and escaped by icalendar)."""
    from icalendar import Calendar, vText

    from milia_cli.exporters.tzrules import vtimezone

    if alarm is not None and not 0 <= alarm <= MAX_ALARM_MINUTES:
        raise ValueError(f"alarm must be 0..{MAX_ALARM_MINUTES} minutes")
    tzid = profile.schedule.timezone
    zone = ZoneInfo(tzid)
    cal = Calendar()
    cal.add("prodid", msg.ICS_PRODID.format(version=__version__))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    calname = _clean(msg.ICS_CALNAME.format(name=profile.name))
    # vText explicitly: icalendar 7.3 writes NAME/X-WR-CALNAME unescaped otherwise
    cal.add("name", vText(calname))
    cal.add("x-wr-calname", vText(calname))
    cal.add("x-wr-timezone", tzid)
    last = plan.days[-1].date if plan.days else plan.start
    cal.add_component(vtimezone(tzid, plan.start, last))
    stamp = datetime.combine(plan.start, time(), timezone.utc)
    for series in plan_series(plan):
        if expand:
            for day in series.dates:
                single = Series(series.step, (day,), (day.weekday(),))
                cal.add_component(_event(single, profile, zone, stamp, alarm, recurring=False))
        else:
            cal.add_component(_event(series, profile, zone, stamp, alarm, recurring=len(series.dates) > 1))
    return cal.to_ical()


def _event(series: Series, profile: Profile, zone: ZoneInfo, stamp: datetime, alarm: int | None,
           *, recurring: bool):
    from icalendar import Alarm, Event

    step = series.step
    at = profile.schedule.am if step.slot == "am" else profile.schedule.pm
    start = datetime.combine(series.first, at, zone)
    event = Event()
    event.add("uid", _uid(profile.name, step, series.first, recurring))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=EVENT_MINUTES))  # wall-clock + 10 min
    if recurring:
        until = datetime.combine(series.last, at, zone).astimezone(timezone.utc)
        event.add("rrule", {"freq": "weekly", "byday": [_BYDAY[w] for w in series.weekdays], "until": until})
    event.add("summary", _clean(msg.ICS_SUMMARY.format(slot=msg.SLOT_LABEL[step.slot], title=step.title)))
    event.add("description", _clean(_description(step)))
    categories = [msg.ICS_CATEGORY, msg.SLOT_LABEL[step.slot], step.step]
    if step.active:
        categories.append(msg.ICS_CATEGORY_ACTIVE)
    event.add("categories", [_clean(c) for c in categories])
    event.add("transp", "TRANSPARENT")
    event.add("class", "PRIVATE")
    event.add("sequence", 0)
    # RFC 5546 (iTIP) requires ORGANIZER in a PUBLISH event; libical checks it.
    # A reserved, undeliverable address (RFC 2606 .invalid): nobody is invited.
    event.add("organizer", ORGANIZER, parameters={"CN": msg.ICS_ORGANIZER_NAME})
    if alarm is not None:
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", _clean(msg.ICS_ALARM.format(title=step.title)))
        reminder.add("trigger", timedelta(minutes=-alarm))
        event.add_component(reminder)
    return event


def _description(step: Step) -> str:
    lines = [step.how] if step.how else []
    if step.areas:
        lines.append(msg.ICS_APPLY.format(areas=", ".join(step.areas)))
    if step.avoid:
        lines.append(msg.ICS_AVOID.format(areas=", ".join(step.avoid)))
    if step.rules:
        lines.append(msg.ICS_RULES.format(rules=", ".join(step.rules)))
    lines.append(msg.ICS_FOOTER.format(step=step.id))
    return "\n".join(lines)


def _uid(profile: str, step: Step, first: date, recurring: bool) -> str:
    kind = "series" if recurring else "once"
    key = f"milia|{profile}|{step.slot}|{step.step}|{first.isoformat()}|{kind}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@milia"


def _clean(text: str) -> str:
    """Drop control characters RFC 5545 forbids in TEXT; escaping is icalendar's job."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
