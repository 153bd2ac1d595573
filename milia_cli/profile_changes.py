"""Dated profile changes (RULES.md B13, SPEC invariant 12): what `profile set` records and says.

A change of a plan-shaping key is a :class:`~milia_cli.logmodel.ProfileChange` in the log
(the same profile key as the check-ins), dated today or ``--since``; the planner applies
each value from its date, so the days before it stay as they were. Pure functions: the
CLI does the writing (the TOML first, then the log; see ``cli/profile_cmds.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from milia_cli.logmodel import ProfileChange
from milia_cli.messages import log as msg

if TYPE_CHECKING:
    from milia_cli.logmodel import Log
    from milia_cli.plan import Day
    from milia_cli.profile import Profile

PLAN_SHAPING = ("pregnancy", "milia.areas", "skin.type", "birth_year")
PLAN_SHAPING_TABLES = ("cautions.", "habits.")
NO_RETINOL_STATUSES = ("trying", "pregnant", "breastfeeding")  # B1, B2
EFFECT_DAYS = 28  # the window `profile set` compares, from the change's date
ACTIVE_NAMES = {"retinol": "retinol", "exfoliate": "the acid (AHA/BHA)"}


def is_plan_shaping(key: str) -> bool:
    return key in PLAN_SHAPING or key.startswith(PLAN_SHAPING_TABLES)


def value_of(profile: Profile, key: str) -> Any:
    """The value of a dotted key (``milia.areas`` -> a tuple, ``cautions.x`` -> a bool)."""
    value: Any = profile
    for part in key.split("."):
        value = getattr(value, part)
    return value


def merged_change(logged: Iterable[ProfileChange], change: ProfileChange) -> tuple[ProfileChange, ...]:
    """``logged`` with ``change`` recorded as the store records it (``Store.record_change``): a
    second change of the same key on the same day keeps the first ``old`` and takes the new
    ``new``; one that ends where the day began removes the day's record."""
    kept: list[ProfileChange] = []
    same_day = None
    for c in logged:
        if (c.date, c.key) == (change.date, change.key):
            same_day = c
        else:
            kept.append(c)
    old = same_day.old if same_day is not None else change.old
    if old != change.new:
        kept.append(ProfileChange(change.date, change.key, old, change.new))
    return tuple(sorted(kept, key=lambda c: (c.date, c.key)))


def pregnancy_since(changes: Iterable[ProfileChange]) -> date | None:
    """The date the current pregnancy status took effect, as the TOML's ``pregnancy_since``
    says it: the latest logged change of ``pregnancy`` (None when the log holds none)."""
    return max((c.date for c in changes if c.key == "pregnancy"), default=None)


def _actives(days: tuple[Day, ...]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for day in days:
        for step in day.steps:
            if step.active:
                counts[step.step] = counts.get(step.step, 0) + 1
    return counts


def plan_effect(before: tuple[Day, ...], after: tuple[Day, ...], since: date) -> str | None:
    """One line when the change takes actives out of the plan from ``since`` (None otherwise)."""
    was, now = _actives(before), _actives(after)
    gone = [ACTIVE_NAMES.get(s, s) for s in ACTIVE_NAMES if was.get(s) and not now.get(s)]
    if was and not now:
        return msg.CHANGE_NO_ACTIVES.format(date=since)
    if gone:
        return msg.CHANGE_DROPS.format(date=since, what=" and ".join(gone))
    if sum(now.values()) < sum(was.values()):
        return msg.CHANGE_FEWER.format(date=since, before=sum(was.values()), after=sum(now.values()),
                                       days=EFFECT_DAYS)
    return None


def effect_window(since: date, today: date) -> tuple[date, date]:
    first = max(since, today)
    return first, first + timedelta(days=EFFECT_DAYS - 1)


def retinol_dates(log: Log, planned: tuple[Day, ...], today: date) -> tuple[list[date], list[date]]:
    """(used, planned only): the evenings a check-in says retinol was done, up to today, and
    the retinol evenings before today that no check-in says were done or skipped.
    ``planned`` is the plan the person was following, the one before the change (even when
    the change is dated earlier with ``--since``: until now they were shown that plan)."""
    used = sorted(c.date for c in log.checkins if c.date <= today and any(s.endswith(":retinol") for s in c.done))
    only_planned = []
    for day in planned:
        if day.date >= today or not day.has("retinol"):
            continue
        checkin = log.on(day.date)
        said = checkin is not None and any(s.endswith(":retinol") for s in checkin.done | checkin.skipped)
        if not said:
            only_planned.append(day.date)
    return used, only_planned


def _dates(days: list[date]) -> str:
    return ", ".join(d.isoformat() for d in days)


def pregnancy_report(status: str, since: date, today: date, used: list[date], only_planned: list[date]) -> str:
    """What to do at once after a change to pregnant, trying or breastfeeding (B13, B1, B2)."""
    who = msg.WHO_BREASTFEEDING if status == "breastfeeding" else msg.WHO_PRENATAL
    lines = [msg.PREG_HEAD.format(status=status, when=msg.FROM_TONIGHT)]
    if since < today:
        lines[0] += " " + msg.PREG_SINCE.format(date=since)
    if used or only_planned:
        lines.append(msg.PREG_SHARE.format(who=who))
        if used:
            lines.append(msg.BULLET + msg.PREG_USED.format(n=len(used), dates=_dates(used)))
        if only_planned:
            lines.append(msg.BULLET + msg.PREG_PLANNED.format(n=len(only_planned), dates=_dates(only_planned)))
    else:
        lines.append(msg.PREG_NONE)
    lines.append(msg.PREG_RISK_BREASTFEEDING if status == "breastfeeding" else msg.PREG_RISK)
    return "\n".join(lines)
