"""DST warnings at the source (issue 16, item 6d): when `profile set schedule.am|pm|timezone`
or `init` gives a morning or evening time that the profile's zone skips (spring forward) or
repeats (fall back) on some day of the coming year, say so once on stderr — before the
calendars disagree where to put it (ical.js, libical and vobject resolve it differently).

A warning, never an error: the profile is written as asked. Pure apart from the ``err``
callback; ``today`` is given (the clock is the caller's).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from milia_cli.profile import Profile

AHEAD_DAYS = 366  # "the coming year", a leap day included
_SLOTS_OF_KEY = {"schedule.am": ("am",), "schedule.pm": ("pm",), "schedule.timezone": ("am", "pm")}


def slots_to_check(key: str | None) -> tuple[str, ...]:
    """The slots whose time a change of ``key`` may move into a gap or overlap (None: `init`, both)."""
    if key is None:
        return ("am", "pm")
    return _SLOTS_OF_KEY.get(key, ())


def coming_year(profile: Profile, today: date) -> list[date]:
    """Every day of the year ahead from today (or from the plan's start, when it is later)."""
    first = max(today, profile.schedule.start)
    return [first + timedelta(days=n) for n in range(AHEAD_DAYS)]


def dst_warnings(profile: Profile, today: date, key: str | None = None) -> list[str]:
    """One line (``milia: …``) per slot of ``key`` whose time the zone skips or repeats on a day
    of the coming year (a time both skipped and repeated, 02:30 in Berlin, is one line too);
    [] for any other key."""
    from milia_cli.exporters.tzrules import wall_time_problems
    from milia_cli.messages import calendar as cal_msg
    from milia_cli.messages import export as msg

    days = coming_year(profile, today)
    zone = profile.schedule.timezone
    out = []
    for slot in slots_to_check(key):
        at = profile.schedule.am if slot == "am" else profile.schedule.pm
        problems = wall_time_problems(zone, at, days)
        gaps = [p for p in problems if p.kind == "gap"]
        overlaps = [p for p in problems if p.kind == "overlap"]
        if gaps and overlaps:
            lo, hi = min(gaps[0].lo, overlaps[0].lo), max(gaps[0].hi, overlaps[0].hi)
            out.append(cal_msg.DST_BOTH.format(slot=msg.SLOT_LABEL[slot], at=f"{at:%H:%M}", gap_day=gaps[0].day,
                                               overlap_day=overlaps[0].day, zone=zone, lo=f"{lo:%H:%M}",
                                               hi=f"{hi:%H:%M}"))
        elif problems:  # the export's own sentence
            out.extend(wall_time_warnings(profile, {slot: days}))
    return ["milia: " + line for line in out]


def wall_time_warnings(profile: Profile, days: dict[str, list[date]]) -> list[str]:
    """The DST warnings (issue 16, 6d) for the profile's morning and evening times on ``days``
    (slot -> days), as the calendar exports say them (:func:`milia_cli.cli.calendar_opts.warn_wall_times`)."""
    from milia_cli.exporters.tzrules import wall_time_problems
    from milia_cli.messages import calendar as cal_msg
    from milia_cli.messages import export as msg

    zone = profile.schedule.timezone
    out = []
    for slot, at in (("am", profile.schedule.am), ("pm", profile.schedule.pm)):
        problems = wall_time_problems(zone, at, days.get(slot, []))
        for kind in ("gap", "overlap"):
            found = [p for p in problems if p.kind == kind]
            if not found:
                continue
            head, n = found[0], len(found) - 1
            more = cal_msg.DST_MORE.format(n=n, s="" if n == 1 else "s") if n else ""
            text = cal_msg.DST_GAP if kind == "gap" else cal_msg.DST_OVERLAP
            out.append(text.format(slot=msg.SLOT_LABEL[slot], at=f"{at:%H:%M}", day=head.day, zone=zone,
                                   more=more, lo=f"{head.lo:%H:%M}", hi=f"{head.hi:%H:%M}"))
    return out


def warn_dst(err: Callable[[str], None], profile: Profile, today: date, key: str | None = None) -> None:
    """Write :func:`dst_warnings` through ``err`` (the hook `profile set` and `init` call)."""
    for line in dst_warnings(profile, today, key):
        err(line)
