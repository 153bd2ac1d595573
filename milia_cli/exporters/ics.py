"""The plan as an iCalendar (RFC 5545) file, built with ``icalendar``.

Series come from :mod:`milia_cli.exporters.series`: one event per slot by default
("Evening routine: cleanse · RETINOL · moisturize", the steps in the description), or one
series per step (``per_step=True``). Each series is ``RRULE:FREQ=WEEKLY;BYDAY=…;UNTIL=<last
occurrence, UTC>`` from its first real occurrence; ``expand=True`` writes one event per
occurrence.

Deterministic (issue 16, items 5 and 6): nothing reads the clock.

- UID: a hash of the profile's stable identity (its ``id``, else its name), the slot, the
  step (or ``routine``) and the first day of the phase in the whole plan — not whether the
  phase is a series or a single night, so a phase shrinking to one night keeps its UID.
- ``revised``: the day of the newest input the plan was built from (:func:`content_date`).
  ``DTSTAMP`` is that day at 00:00 UTC (never later than the export's own day) and
  ``SEQUENCE`` the days from 2020-01-01 to it, so an unchanged plan exports byte-identical
  files and an adapted one has a higher SEQUENCE (RFC 5546: "newer").
- ``METHOD:PUBLISH`` and no ORGANIZER: nobody is invited, and some clients show any
  ORGANIZER as an invitation.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from milia_cli import __version__
from milia_cli.exporters.series import Series, plan_series
from milia_cli.messages import calendar as cal_msg
from milia_cli.messages import export as msg
from milia_cli.messages import shelf as shelf_msg
from milia_cli.plan import Owner, Plan, Step
from milia_cli.profile import Profile

if TYPE_CHECKING:
    from milia_cli.calendar_window import CalendarWindow
    from milia_cli.logmodel import Log

__all__ = ["EVENT_MINUTES", "MAX_ALARM_MINUTES", "SEQUENCE_EPOCH", "content_date", "export_ics", "plan_events",
           "plan_series", "routine_summary", "Series", "check_ics", "render_ics"]

EVENT_MINUTES = 10
MAX_ALARM_MINUTES = 24 * 60
SEQUENCE_EPOCH = date(2020, 1, 1)  # SEQUENCE counts days from here to the content's date
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # RFC 5545 TEXT allows no controls but LF/TAB


def content_date(profile: Profile, log: Log, today: date, first: date | None = None) -> date:
    """The day of the newest input the plan's content depends on, as known on ``today``:
    the log's check-ins, events and dated profile changes, the profile's start and
    ``pregnancy_since``, and the day a cut file starts (``first``), none later than ``today``.
    (A backdated entry older than the newest one does not raise it: see the README.)"""
    days = [c.date for c in log.checkins] + [e.date for e in log.events] + [c.date for c in log.changes]
    days += [profile.schedule.start, profile.pregnancy_since or SEQUENCE_EPOCH, first or SEQUENCE_EPOCH]
    return max([d for d in days if d <= today], default=SEQUENCE_EPOCH)


def sequence_for(revised: date | None) -> int:
    return max(0, (revised - SEQUENCE_EPOCH).days) if revised else 0


def export_ics(plan: Plan, profile: Profile | None = None, *, alarm: int | None = None, expand: bool = False,
               per_step: bool = False, identity: str | None = None, revised: date | None = None,
               first: date | None = None, refresh: timedelta | None = None) -> bytes:
    """The plan as ``text/calendar`` bytes (CRLF lines, folded and escaped by icalendar).

    ``first`` cuts the file to the plan's days from then on (UIDs unchanged); ``refresh``
    makes it a feed (RFC 7986 ``REFRESH-INTERVAL`` and ``X-PUBLISHED-TTL``). The name, times and
    zone are the plan's own (``profile``: a plan built by hand, without them)."""
    from milia_cli.exporters.tzrules import vtimezone

    owner = plan.owner(profile)
    cal = calendar_shell(owner, refresh=refresh)
    last = plan.days[-1].date if plan.days else plan.start
    cal.add_component(vtimezone(owner.schedule.timezone, first or plan.start, last))
    stamp, sequence = stamp_for(revised), sequence_for(revised)
    for _uid, event, _last in plan_events(plan, profile, alarm=alarm, expand=expand, per_step=per_step,
                                   identity=identity, first=first):
        stamp_event(event, stamp, sequence)
        cal.add_component(event)
    return cal.to_ical()


def calendar_shell(profile: Profile | Owner, *, refresh: timedelta | None = None, method: bool = True):
    """An empty VCALENDAR with milia's header properties (``profile``: its name and zone)."""
    from icalendar import Calendar, vDuration, vText

    cal = Calendar()
    cal.add("prodid", msg.ICS_PRODID.format(version=__version__))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", "PUBLISH")
    calname = _clean(msg.ICS_CALNAME.format(name=profile.name))
    # vText explicitly: icalendar 7.3 writes NAME/X-WR-CALNAME unescaped otherwise
    cal.add("name", vText(calname))
    cal.add("x-wr-calname", vText(calname))
    cal.add("x-wr-timezone", profile.schedule.timezone)
    if refresh is not None:
        cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(refresh))  # an X- property is text unless typed
    return cal


def stamp_for(revised: date | None) -> datetime:
    return datetime.combine(revised or SEQUENCE_EPOCH, time(), UTC)


def stamp_event(event, stamp: datetime, sequence: int) -> None:
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)


def plan_events(plan: Plan, profile: Profile | None = None, *, alarm: int | None = None, expand: bool = False,
                per_step: bool = False, identity: str | None = None, first: date | None = None,
                cut: bool = True) -> list:
    """``(uid, VEVENT, last day)`` for every series (or occurrence), without DTSTAMP and SEQUENCE
    (``cut``: see :func:`milia_cli.exporters.series.plan_series`)."""
    if alarm is not None and not 0 <= alarm <= MAX_ALARM_MINUTES:
        raise ValueError(f"alarm must be 0..{MAX_ALARM_MINUTES} minutes")
    owner = plan.owner(profile)
    zone = ZoneInfo(owner.schedule.timezone)
    who = identity or owner.name
    out = []
    for series in plan_series(plan, per_step=per_step, first=first, cut=cut):
        if expand:
            for day in series.dates:
                single = Series(series.slot, series.steps, (day,), (day.weekday(),), day, series.routine)
                out.append(_event(single, owner, who, zone, alarm) + (day,))
        else:
            out.append(_event(series, owner, who, zone, alarm) + (series.last,))
    return out


def routine_summary(slot: str, steps: tuple[Step, ...]) -> str:
    """``Evening routine: makeup off · cleanse · RETINOL · eye cream``: each step's short label
    (:data:`milia_cli.steps.SHORT`, actives in capitals), never its id."""
    from milia_cli.steps import SHORT

    names = [SHORT.get(s.step) or (s.step.upper() if s.active else s.step) for s in steps]
    return cal_msg.ROUTINE_SUMMARY.format(slot=msg.SLOT_LABEL[slot],
                                          steps=cal_msg.ROUTINE_SEPARATOR.join(names))


def _event(series: Series, profile: Profile | Owner, who: str, zone: ZoneInfo, alarm: int | None):
    from icalendar import Alarm, Event

    at = profile.schedule.am if series.slot == "am" else profile.schedule.pm
    start = datetime.combine(series.first, at, zone)
    uid = _uid(who, series)
    event = Event()
    event.add("uid", uid)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=EVENT_MINUTES))  # wall-clock + 10 min
    if len(series.dates) > 1:
        until = datetime.combine(series.last, at, zone).astimezone(UTC)
        event.add("rrule", {"freq": "weekly", "byday": [_BYDAY[w] for w in series.weekdays], "until": until})
    if series.routine:
        summary = routine_summary(series.slot, series.steps)
        description = _routine_description(series.steps)
        categories = [msg.ICS_CATEGORY, msg.SLOT_LABEL[series.slot], cal_msg.ROUTINE_CATEGORY]
        reminder_title = summary
    else:
        step = series.step
        summary = msg.ICS_SUMMARY.format(slot=msg.SLOT_LABEL[step.slot], title=step.title)
        description = _description(step)
        categories = [msg.ICS_CATEGORY, msg.SLOT_LABEL[step.slot], step.step]
        reminder_title = step.title
    if series.active:
        categories.append(msg.ICS_CATEGORY_ACTIVE)
    event.add("summary", _clean(summary))
    event.add("description", _clean(description))
    event.add("categories", [_clean(c) for c in categories])
    event.add("transp", "TRANSPARENT")
    event.add("class", "PRIVATE")
    if alarm is not None:
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", _clean(msg.ICS_ALARM.format(title=reminder_title)))
        reminder.add("trigger", timedelta(minutes=-alarm))
        event.add_component(reminder)
    return uid, event


def area_words(areas: tuple[str, ...]) -> str:
    """Areas as people say them: ``upper-eyelids, under-eyes`` -> ``upper eyelids, under eyes``."""
    return ", ".join(area.replace("-", " ") for area in areas)


def _description(step: Step) -> str:
    lines = [step.how] if step.how else []
    if step.product:  # the person's own product (the shelf)
        lines.append(shelf_msg.USE_PRODUCT.format(product=step.product))
    if step.areas:
        lines.append(msg.ICS_APPLY.format(areas=area_words(step.areas)))
    if step.avoid:
        lines.append(msg.ICS_AVOID.format(areas=area_words(step.avoid)))
    if step.rules:
        lines.append(msg.ICS_RULES.format(rules=", ".join(step.rules)))
    lines.append(msg.ICS_FOOTER.format(step=step.id))
    return "\n".join(lines)


def _routine_description(steps: tuple[Step, ...]) -> str:
    lines = []
    for step in steps:
        how = cal_msg.ROUTINE_STEP_HOW.format(how=step.how) if step.how else ""
        lines.append(cal_msg.ROUTINE_STEP_LINE.format(title=step.title, how=how))
        if step.product:  # the person's own product (the shelf)
            lines.append("  " + shelf_msg.USE_PRODUCT.format(product=step.product))
        if step.areas:
            lines.append("  " + msg.ICS_APPLY.format(areas=area_words(step.areas)))
        if step.avoid:
            lines.append("  " + msg.ICS_AVOID.format(areas=area_words(step.avoid)))
    rules = sorted({r for s in steps for r in s.rules})
    if rules:
        lines.append(msg.ICS_RULES.format(rules=", ".join(rules)))
    why = next((s for s in steps if s.active), steps[0])  # the step worth asking about
    lines.append(msg.ICS_FOOTER.format(step=why.id))
    return "\n".join(lines)


def _uid(who: str, series: Series) -> str:
    """Stable across re-exports, a later ``--from``, a phase shrinking to one night and (with
    an ``id``) a profile rename: identity, slot, what the series is of, the phase's first day."""
    key = f"milia|{who}|{series.slot}|{series.key}|{series.anchor.isoformat()}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@milia"


def _clean(text: str) -> str:
    """Drop control characters RFC 5545 forbids in TEXT; escaping is icalendar's job."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# -- `milia export ics` and `batch --format ics` (the registry's row: milia_cli.exporters.registry) --------
FEED_REFRESH = timedelta(hours=12)  # REFRESH-INTERVAL and X-PUBLISHED-TTL of a feed


def check_ics(options: dict) -> dict:
    """``--alarm`` within 0..24 h (a usage error otherwise)."""
    from milia_cli.errors import UsageError

    alarm = options.get("alarm")
    if alarm is not None and not 0 <= alarm <= MAX_ALARM_MINUTES:
        raise UsageError(msg.BAD_ALARM.format(max=MAX_ALARM_MINUTES, value=alarm))
    return options


def render_ics(window: CalendarWindow, *, alarm: int | None = None, expand: bool = False, per_step: bool = False,
               feed: bool = False) -> bytes:
    """The ICS file of a calendar window (:func:`milia_cli.calendar_window.window_for`): its days
    from ``window.first``, UIDs from its identity, DTSTAMP/SEQUENCE from its content's date;
    ``feed`` adds the refresh hints of a subscription."""
    return export_ics(window.plan, identity=window.identity, revised=window.revised, first=window.first,
                      alarm=alarm, expand=expand, per_step=per_step, refresh=FEED_REFRESH if feed else None)
